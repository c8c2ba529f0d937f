"""The page's end (pagination, site footer) after the last entry: ``rules/page_end.py``.

Each tail below is written here in the markup of one dialect, as its capture tool would keep
the 2026 page's end; the captures in tests/fixtures/captures/ are cut before it."""

from __future__ import annotations

import datetime
import io

import pytest

import digestparse
from dialect_support import assert_paths_agree, capture_lines
from digestparse.dialects.html_text import HTML_TEXT
from digestparse.dialects.markdown import MARKDOWN
from digestparse.dialects.text_urls import TEXT_URLS
from digestparse.errors import ParseError
from digestparse.grammar import in_page_end, opens_page_end, wraps_on
from digestparse.rules.page_end import MAX_PAGE_END_LINES
from digestparse.tokenizer import TokenKind
from hostile_support import uncovered_lines

TEXT_URLS_END = """Previous

https://huggingface.co/papers/date/2026-03-24

System theme

Company

TOS

https://huggingface.co/terms-of-service

 \n
Privacy

https://huggingface.co/privacy

 \n
https://huggingface.co/

Website

Models

https://huggingface.co/models

Docs

https://huggingface.co/docs

Trending Papers ranked by GitHub stars activity"""

MARKDOWN_END = """[Previous](https://huggingface.co/papers/date/2026-10-01)

[Next](https://huggingface.co/papers/date/2026-10-03)

Trending Papers ranked by GitHub stars activity"""

#: The footer as html2text writes the whole page: links side by side, hard-wrapped at 78
#: columns inside a URL.
MARKDOWN_WRAPPED_END = """[Previous](https://huggingface.co/papers?p=0)[1](https://huggingface.co/papers?p=0)

System theme

[TOS](https://huggingface.co/terms-of-
service)[Privacy](https://huggingface.co/privacy)[About](https://huggingface.co/huggingface)"""

REFERENCE_END = """[Previous][300]

System theme

Company
[TOS][301] [Privacy][302] [About][303] [][304]
Website
* [Models][305]
* [Datasets][306]

References

301. https://huggingface.co/terms-of-service
[302]: https://huggingface.co/privacy"""

#: A whole dump's reference list names every link of the page, each paper's among them: the
#: title's, the upvote box's login, the abstract's and the comment count's.
REFERENCE_LIST_END = """[Previous][300] [Next][301]

References

   1. https://huggingface.co/
  32. https://huggingface.co/papers/2606.00683
  33. https://huggingface.co/login?next=%2Fpapers%2F2606.00683
[34]: https://huggingface.co/papers/2606.00683#community
[35]: https://arxiv.org/abs/2606.00683
 300. https://huggingface.co/papers/date/2026-06-28"""

HTML_END = """<a id="source-section-12"></a>

[Previous](https://huggingface.co/papers/date/2026-10-01)

[Next](https://huggingface.co/papers/date/2026-10-03)"""


def _with_end(
    prefix: str, end: str, *, keep: int | None = None, after: tuple[str, ...] = ()
) -> str:
    """Capture ``prefix``'s lines (the first ``keep`` of them), a blank line, ``end``, and
    the lines ``after`` (a wrapper's closing fence)."""
    return "\n".join([*_listing_lines(prefix, keep), "", end, *after]) + "\n"


def _listing_lines(prefix: str, keep: int | None = None) -> list[str]:
    """Capture ``prefix``'s lines (the first ``keep`` of them), without blank lines at the end."""
    lines = capture_lines(prefix)[:keep]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _cut_before_end(case: str, cut: int, tail: str | None = None) -> tuple[list[str], str, int]:
    """``CASES[case]``'s capture with its last ``cut`` lines dropped, then a blank line and
    ``tail`` (default: the case's page end): the lines kept, the source, and the number of
    the page end's first line."""
    prefix, keep, end, _ = CASES[case]
    lines = _listing_lines(prefix, keep)
    kept = lines[: len(lines) - cut]
    source = "\n".join([*kept, "", end if tail is None else tail]) + "\n"
    return kept, source, len(kept) + 2


# The capture, its lines kept (None: all), the tail, the lines after the tail.
CASES: dict[str, tuple[str, int | None, str, tuple[str, ...]]] = {
    "text-urls": ("02", None, TEXT_URLS_END, ()),
    "markdown": ("03", None, MARKDOWN_END, ()),
    "markdown-rule": ("04", None, "--------------------", ()),
    "markdown-wrapped": ("03", None, MARKDOWN_WRAPPED_END, ()),
    # A plain-text converter that glues inline links together (inscriptis).
    "text-urls-glued": ("02", None, "Previous12Next\n  System theme\nTOSPrivacyAbout", ()),
    # 01 is a fenced capture whose last entry is cut: keep the entries before it.
    "reference-text": ("01", 934, REFERENCE_END, ("```",)),
    "reference-text-references": ("01", 934, REFERENCE_LIST_END, ("```",)),
    "html-text": ("05", None, HTML_END, ()),
    # No anchor first: the pagination's links come right after the last entry's links.
    "html-text-pagination": ("05", None, MARKDOWN_END, ()),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_page_end_is_the_footer_and_no_deviation(case: str) -> None:
    prefix, keep, end, after = CASES[case]
    source = _with_end(prefix, end, keep=keep, after=after)
    without = _with_end(prefix, "", keep=keep)
    lines = source.split("\n")
    first = len(without.rstrip("\n").split("\n")) + 2  # the tail's first line, after a blank
    last = len(lines) - 1  # the last line (the text ends with a newline)
    assert lines[first - 1] == end.split("\n")[0]
    digest = digestparse.parse(source)
    plain_digest = digestparse.parse(without)
    assert digest.diagnostics == plain_digest.diagnostics
    assert digest.papers == plain_digest.papers
    assert digest.footer_span == (first, last)
    assert uncovered_lines(source, digest) == []
    assert digestparse.parse(source, mode="strict").papers == digest.papers
    for block_size in (7, 4096):  # the page's end read across blocks
        stream = digestparse.iter_papers(io.BytesIO(source.encode()), block_size=block_size)
        assert stream.footer_span is None  # not known before the stream is read
        assert tuple(stream) == digest.papers
        assert stream.footer_span == (first, last)


@pytest.mark.parametrize(
    ("prefix", "keep", "end", "after"),
    [
        ("01", 934, "[Previous][300] [Next][301]", ("```",)),
        ("03", None, "[Previous](https://huggingface.co/papers/date/2026-10-01) "
         "[Next](https://huggingface.co/papers/date/2026-10-03)", ()),
    ],
)
def test_pagination_on_one_line_is_a_page_end(
    prefix: str, keep: int | None, end: str, after: tuple[str, ...]
) -> None:
    source = _with_end(prefix, end, keep=keep, after=after)
    lines = source.split("\n")
    first = lines.index(end) + 1
    digest = digestparse.parse(source)
    assert digest.footer_span == (first, len(lines) - 1)
    assert digest.diagnostics == digestparse.parse(_with_end(prefix, "", keep=keep)).diagnostics
    assert uncovered_lines(source, digest) == []


def test_html_text_pagination_is_no_entry_links_in_both_paths() -> None:
    """The last entry's lines of links end before ``[Previous](…)``, in the fast path as in
    the rules, also where more follows (then the pagination is junk)."""
    lines = capture_lines("05")
    last_entry = max(i for i, line in enumerate(lines) if line.startswith("<a id="))
    ends = (MARKDOWN_END, "[Previous](https://huggingface.co/papers/date/2026-10-01) "
            "[Next](https://huggingface.co/papers/date/2026-10-03)")
    for end in ends:
        source = _with_end("05", end)
        assert_paths_agree(HTML_TEXT, source)
        more = source + "\n" + "\n".join(lines[last_entry:])
        assert_paths_agree(HTML_TEXT, more)
        digest = digestparse.parse(more)
        first = len(_with_end("05", "").rstrip("\n").split("\n")) + 2
        assert ("junk", first) in [(d.code, d.line) for d in digest.diagnostics]
        assert digest.papers[-2].span[1] < first


def test_a_page_end_not_at_the_input_end_stays_junk() -> None:
    """Another entry after the pagination: the pagination lines are junk, as before."""
    lines = capture_lines("02")
    entry_start = lines.index(" [-] 1")
    entry_end = next(i for i in range(entry_start + 1, len(lines)) if lines[i].startswith(" [-]"))
    entry = lines[entry_start:entry_end]
    source = "\n".join([*lines, "Previous", "", "https://huggingface.co/papers/date/2026-03-24", "",
                        *entry])
    digest = digestparse.parse(source)
    previous = len(lines) + 1
    assert digest.footer_span is None
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", previous)]
    assert len(digest.papers) == len(digestparse.parse("\n".join(lines)).papers) + 1
    with pytest.raises(ParseError) as raised:
        digestparse.parse(source, mode="strict")
    assert (raised.value.code, raised.value.line) == ("junk", previous)


@pytest.mark.parametrize(
    ("prefix", "entry_line"),
    [
        # markdown: a cut entry's upvote box, its count a number like a page number's.
        ("03", "[173](https://huggingface.co/login?next=%2Fpapers%2F2609.11115)"),
        # text-urls: a cut entry's paper link, a URL alone on its line.
        ("02", "https://huggingface.co/papers/2510.21057"),
        ("02", "https://arxiv.org/abs/2510.21057"),
    ],
)
def test_a_line_linking_a_paper_is_no_part_of_the_page_end(prefix: str, entry_line: str) -> None:
    """What is left of a cut last entry before the page's end stays junk, not footer."""
    source = _with_end(prefix, entry_line + "\n\n" + MARKDOWN_END)
    lines = source.split("\n")
    entry = len(lines) - lines[::-1].index(entry_line)  # its last line, 1-based
    digest = digestparse.parse(source)
    # markdown's junk is the one line; text-urls' junk runs on to the input's end.
    assert digest.footer_span in ((entry + 2, len(lines) - 1), None)
    assert ("junk", entry) in [(d.code, d.line) for d in digest.diagnostics]
    assert uncovered_lines(source, digest) == []
    with pytest.raises(ParseError):
        digestparse.parse(source, mode="strict")


def test_link_and_anchor_lines_alone_open_no_page_end() -> None:
    source = _with_end("05", '<a id="source-section-12"></a>\n\nhttps://huggingface.co/models')
    digest = digestparse.parse(source)
    assert digest.footer_span is None
    assert [d.code for d in digest.diagnostics] == ["junk"]


def test_a_page_end_with_a_line_of_its_own_stays_junk() -> None:
    source = _with_end("03", MARKDOWN_END + "\n\nThanks for reading, see you tomorrow")
    digest = digestparse.parse(source)
    assert digest.footer_span is None
    assert [d.code for d in digest.diagnostics] == ["junk"]


def test_a_page_end_is_read_over_a_bounded_number_of_lines() -> None:
    many = "\n".join(["Previous", *(["Models"] * MAX_PAGE_END_LINES)])
    digest = digestparse.parse(_with_end("03", many))
    assert digest.footer_span is None
    assert [d.code for d in digest.diagnostics] == ["junk"]
    fewer = "\n".join(["Previous", *(["Models"] * (MAX_PAGE_END_LINES - 1))])
    assert digestparse.parse(_with_end("03", fewer)).footer_span is not None


@pytest.mark.parametrize(
    ("line", "opens", "belongs"),
    [
        ("Previous", True, True),
        ("[Next](https://huggingface.co/papers/date/2026-10-03)", True, True),
        ("[Previous][12]", True, True),
        ("System theme", True, True),
        # Pagination kept on one line, as a tool keeps inline links.
        ("[Previous][300] [Next][301]", True, True),
        ("[Previous](https://huggingface.co/papers/date/2026-10-01) "
         "[Next](https://huggingface.co/papers/date/2026-10-03)", True, True),
        ("1 2 3 ... 9 Next", True, True),
        ("Next generation models", False, False),
        ("Trending Papers ranked by GitHub stars activity", True, True),
        ("--------------------", True, True),
        ("[TOS](https://huggingface.co/terms-of-service) [Privacy](https://huggingface.co/privacy)",
         False, True),
        ("https://huggingface.co/models", False, True),
        ('<a id="source-section-3"></a>', False, True),
        ("12. https://huggingface.co/docs", False, True),
        # A reference list names the papers' links too: an item is never an entry's line.
        ("32. https://huggingface.co/papers/2606.00683", False, True),
        ("[33]: https://huggingface.co/login?next=%2Fpapers%2F2606.00683", False, True),
        ("[35]: https://arxiv.org/abs/2606.00683", False, True),
        # html2text's definitions of the site's relative links (given the HTML alone).
        ("[36]: /terms-of-service", False, True),
        ("[16]: /login?next=%2Fpapers%2F2611.00001", False, True),
        ("[17]: /papers/2611.00001", False, True),
        ("[31]: ?p=0", False, True),
        ("36. /terms-of-service", False, False),
        ("1 2 3 ... 9", False, True),
        ("Company", False, True),
        ("Trending Papers", False, True),
        ("Previous work on long-context models", False, False),
        ("### [Next-token prediction](https://huggingface.co/papers/2601.00001)", False, False),
        ("Mar 25", False, False),
        ("[173](https://huggingface.co/login?next=%2Fpapers%2F2609.11115)", False, False),
        ("https://huggingface.co/papers/2606.00683", False, False),
        ("https://huggingface.co/papers/date/2026-10-01", False, True),
        ("Previous " * 50, False, False),
        ("[Previous](https://huggingface.co/papers/date/2026-10-01)"
         "[Next](https://huggingface.co/papers/date/2026-10-03)", True, True),
        ("\u00ab Previous", True, True),
        ("[Next \u2192](https://huggingface.co/papers/date/2026-10-03)", True, True),
        ("**Company**", False, True),
        ("\u2192", False, True),
        # A line of links hard-wrapped inside a URL (html2text): the cut link and the URL's
        # rest before another link are no words of the line.
        ("[TOS](https://huggingface.co/terms-of-", False, True),
        ("service)[Privacy](https://huggingface.co/privacy)", False, True),
        ("service)", False, False),  # a URL's rest alone may be anything's
        # The footer's first words with its links on one line (html-to-markdown).
        ("System theme[TOS](https://huggingface.co/terms-of-service)"
         "[Privacy](https://huggingface.co/privacy)", True, True),
        ("System theme of the paper", False, False),
        # Inline links glued into one word (inscriptis, get_text() without a separator).
        ("Previous12Next", True, True),
        ("TOSPrivacyAbout", False, True),
        ("Previously", False, False),
        ("NextGen", False, False),
        ("AboutUs", False, False),
        ("Papers2026Models", False, True),
        # Reference links glued to each other (html2text's reference style, the whole page).
        ("[Previous][31][1][31][2][32][Next][32]", True, True),
        ("[TOS][33][Privacy][34][About][35]", False, True),
        ("[Previous][31][A Paper][32]", False, False),
        # Words glued to links (html2text writes inline elements with no blank between).
        ("[Next][34]System theme[TOS][35][Privacy][36]", True, True),
        ("[Next](https://huggingface.co/papers/trending?p=1)System theme"
         "[TOS](https://huggingface.co/terms-of-service)", True, True),
        ("[Next](https://huggingface.co/papers/trending?p=1)Some paper", False, False),
        ("see Fig. 3)[TOS](https://huggingface.co/terms)", False, False),
        ("[A Title About Models](https://example.com/a-", False, False),
    ],
)
def test_page_end_lines(line: str, opens: bool, belongs: bool) -> None:
    assert opens_page_end(line) is opens
    assert in_page_end(line) is belongs


def test_each_line_is_looked_at_once_however_often_the_rule_is_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Junk made of footer words, one block per line, tries the rule at every block: what
    one try learns is kept, so the lines are classified once each, not once per try."""
    from digestparse.rules import page_end as rule

    looked_at: list[str] = []

    def counting(text: str) -> bool:
        looked_at.append(text)
        return in_page_end(text)

    monkeypatch.setattr(rule, "in_page_end", counting)
    blocks = 3 * MAX_PAGE_END_LINES
    source = _with_end("03", "\n\n".join(["Models"] * blocks + ["Some closing remark"]))
    digest = digestparse.parse(source)
    assert digest.footer_span is None and [d.code for d in digest.diagnostics] == ["junk"]
    assert len(looked_at) <= blocks + 1


def test_what_the_rules_peeked_at_survives_a_fast_path_that_reads_nothing() -> None:
    """``rewind`` sets the peeked lines aside; with nothing consumed, the next peek gets them
    back instead of reading (and classifying) them again."""
    from digestparse.diagnostics import Reporter
    from digestparse.state import ParseState

    classified: list[str] = []

    def classify(text: str) -> TokenKind:
        classified.append(text)
        return TokenKind.TEXT

    lines = ["a", "", "b", "c", "", "d"]
    state = ParseState(lines, Reporter("lenient", "<t>", lambda _: None),
                       datetime.date(2026, 1, 1), classify=classify)
    assert state.peek(3) is not None and classified == ["a", "b", "c", "d"]
    assert state.rewind() and state.number == 0
    assert [state.peek(k).text for k in range(4)] == ["a", "b", "c", "d"]  # type: ignore[union-attr]
    assert classified == ["a", "b", "c", "d"]  # not read again
    state.advance()
    assert state.rewind() and state.number == 1
    state.skip_to(4)  # the fast path read up to line 4: what was set aside is gone
    line = state.peek()
    assert line is not None and (line.text, line.number) == ("d", 6)
    assert classified == ["a", "b", "c", "d", "d"]


def test_footer_words_alone_start_no_page_end() -> None:
    """``Company`` or ``Models`` never start a page's end (a capture repeats such chrome
    between entries); a line that opens one after them does."""
    source = _with_end("03", "Models\n\n" + MARKDOWN_END)
    digest = digestparse.parse(source)
    lines = source.split("\n")
    models = lines.index("Models") + 1
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", models, models)
    ]
    assert digest.footer_span == (models + 2, len(lines) - 1)


@pytest.mark.parametrize(
    ("case", "cut", "opener"),
    [
        # 02's last entry ends ``·``, blank, ``Jul 15, 2025``: cut before its date.
        ("text-urls", 2, "Previous"),
        # 03's last entry ends ``·``, blank, its date: cut before the date, the page's end
        # kept as a converter writes a rule or arrows.
        ("markdown", 2, "-----"),
        ("markdown", 2, "\u00ab Previous"),
    ],
)
def test_a_page_end_where_a_cut_entry_wants_its_date_is_no_bad_date(
    case: str, cut: int, opener: str
) -> None:
    """An entry cut before its date, right before the page's end: the date is missing
    (``missing-date`` at the page's end's first line) and the page's end stays the footer;
    its first line is no malformed date."""
    tail = None if case == "text-urls" else f"{opener}\n\n[Next](https://huggingface.co/x)"
    kept, source, first = _cut_before_end(case, cut, tail)
    assert kept[-1] == "\u00b7"
    digest = digestparse.parse(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-date", first)]
    assert digest.footer_span == (first, len(source.split("\n")) - 1)
    assert uncovered_lines(source, digest) == []
    assert digest.papers[-1].date is None
    with pytest.raises(ParseError) as raised:
        digestparse.parse(source, mode="strict")
    assert (raised.value.code, raised.value.line) == ("missing-date", first)
    assert_paths_agree(MARKDOWN if case == "markdown" else TEXT_URLS, source)


def test_a_page_end_where_a_cut_entry_wants_its_authors_is_no_organization() -> None:
    """``Previous`` and its URL line read like an organization's name and link; with no
    ``·`` after them they open the page's end, and the cut entry misses its authors."""
    # The last entry up to its abstract's URL line.
    kept, source, first = _cut_before_end("text-urls", 8)
    assert kept[-1] == "https://huggingface.co/papers/2305.00909"
    digest = digestparse.parse(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-authors", first)]
    assert digest.papers[-1].organization is None
    assert digest.footer_span == (first, len(source.split("\n")) - 1)
    assert uncovered_lines(source, digest) == []
    assert_paths_agree(TEXT_URLS, source)


def test_a_page_end_after_an_upvote_box_alone_is_no_paper() -> None:
    """An entry cut right after its upvote box: ``Previous`` is no title and ``Next`` no
    abstract; the box is junk (as a box with no title after it is) and the page's end is the
    footer."""
    prefix, keep, end, _ = CASES["text-urls"]
    lines = _listing_lines(prefix, keep)
    box = len(lines) - 18  # the last entry: box, login URL, title … date, a blank apart
    assert lines[box - 1] == " [-] -"
    kept = lines[: box + 2]  # the box and its login URL line
    tail = end.replace("System theme", "Next\n\nhttps://huggingface.co/papers/date/2026-03-26")
    source = "\n".join([*kept, "", tail]) + "\n"
    digest = digestparse.parse(source)
    assert "Previous" not in [paper.title for paper in digest.papers]
    assert len(digest.papers) == 18
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", box, box + 2)]
    assert digest.footer_span == (box + 4, len(source.split("\n")) - 1)
    assert uncovered_lines(source, digest) == []
    assert_paths_agree(TEXT_URLS, source)


@pytest.mark.parametrize(
    ("prefix", "title", "end"),
    [
        # The listing: a title alone before the pagination, whose link is no abstract.
        ("03", "### [Cut Widgets](https://huggingface.co/papers/2609.07777)", MARKDOWN_END),
        # The trending page: a title alone before the capture's closing rule.
        ("04", "### Cut Widgets", "--------------------"),
    ],
    ids=["listing", "trending"],
)
def test_a_page_end_after_a_title_alone_is_no_abstract(prefix: str, title: str, end: str) -> None:
    """A last entry cut right after its title: the page's end is no abstract (``Previous``,
    a rule), the abstract is missing, and the page's end stays the footer. (On the listing
    the entry shows its upvote line, as the entries before it do.)"""
    lines = _listing_lines(prefix)
    box = ["[5](https://huggingface.co/login?next=%2Fpapers%2F2609.07777)", ""]
    lead = box if prefix == "03" else []
    source = "\n".join([*lines, "", *lead, title, "", end]) + "\n"
    first = len(lines) + 4 + len(lead)
    digest = digestparse.parse(source)
    paper = digest.papers[-1]
    assert (paper.title, paper.abstract, paper.span) == (
        "Cut Widgets", "", (first - 2 - len(lead), first - 2))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-abstract", first)]
    assert digest.footer_span == (first, len(source.split("\n")) - 1)
    assert uncovered_lines(source, digest) == []
    with pytest.raises(ParseError) as raised:
        digestparse.parse(source, mode="strict")
    assert (raised.value.code, raised.value.line) == ("missing-abstract", first)
    assert_paths_agree(MARKDOWN, source)


def test_a_page_end_after_a_title_and_its_link_is_no_abstract() -> None:
    """text-urls: a last entry cut after its title's URL line: ``Previous`` is no abstract;
    the abstract is missing (nothing else is reported: the entry ends there) and the page's
    end stays the footer."""
    # The last entry up to its title's URL line.
    kept, source, first = _cut_before_end("text-urls", 12)
    assert kept[-1] == "https://huggingface.co/papers/2305.00909"
    digest = digestparse.parse(source)
    paper = digest.papers[-1]
    assert paper.title.startswith("Outline, Then Details")
    assert (paper.abstract, paper.paper_id, paper.end_line) == ("", "2305.00909", len(kept))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-abstract", first)]
    assert digest.footer_span == (first, len(source.split("\n")) - 1)
    assert uncovered_lines(source, digest) == []
    assert_paths_agree(TEXT_URLS, source)


@pytest.mark.parametrize(
    ("before", "text", "gap", "goes_on"),
    [
        ("   [11]: https://cdn-thumbnails.huggingface.co/social-", "thumbnails/p/1.png", 0, True),
        ("   [11]: https://cdn-thumbnails.huggingface.co/social-", "thumbnails/p/1.png", 1, False),
        ("   [11]: https://cdn-thumbnails.huggingface.co/social", "thumbnails/p/1.png", 0, False),
        ("   [11]: https://cdn-thumbnails.huggingface.co/social-", "two words", 0, False),
        ("--------------------", "Hello", 0, False),  # a rule, no URL
        ("[TOS](https://huggingface.co/terms-of-", "service)[Privacy](/privacy)", 0, True),
    ],
)
def test_a_url_wrapped_at_a_hyphen_goes_on_its_line(
    before: str, text: str, gap: int, goes_on: bool
) -> None:
    assert wraps_on(before, text, gap) is goes_on
