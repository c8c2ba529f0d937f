"""The ``text-urls`` dialect (capture 02): damaged variants, the fast path, junk runs (what it
shares with html-text, detection and properties, is in tests/test_dialect_url_keeping.py).

Capture 02's layout, read by hand: front matter on lines 1-8, the header on
lines 10-87 (page date ``Mar 25`` on 87), then 19 entries with every element
on an odd line. Entry 1: upvote box 89, its login URL 91, title 93, title URL
95, abstract 97, abstract URL 99, ``[`` 101, ``2 authors](…)`` 103, ``·`` 105,
date 107. Entry 7 (209-231) has the comment count ``2`` on 229 and its
``#community`` URL on 231. Entry 9 (253-279) has an organization: abstract
URL 263, a line of one space 265, the avatar URL 267, `` Google`` 269, its URL
271, ``·`` 273, date 275, count 277, URL 279.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import assume, example, given

import digestparse
from dialect_support import (
    SEED_PATHS,
    SOUP_LINES,
    TEXT_URLS_CAPTURE,
    DamagedCase,
    assert_paths_agree,
    delete,
    keep_until,
    parse_events,
    replace,
    then,
)
from digestparse.dates import read_date_line, set_page_date
from digestparse.dialects.text_urls import TEXT_URLS
from digestparse.dialects.text_urls.lines import (
    PLAIN_LEN,
    SHAPED_START,
    Kind,
    classify,
    is_box,
    link_paper_id,
)
from digestparse.dialects.text_urls.rules import entry, starts_entry
from digestparse.grammar import PAGE_TITLES, opens_page_end
from digestparse.lines import text_blocks
from digestparse.links import paper_id
from digestparse.rules.junk import report_junk
from digestparse.rules.page_end import page_end
from digestparse.state import ParseState
from hostile_support import uncovered_lines

LINES = TEXT_URLS_CAPTURE.lines
SOURCE = "\n".join(LINES)
# The capture time in the front matter (2026-07-28) resolves the page date.
_parse = TEXT_URLS_CAPTURE.parse
_lenient = TEXT_URLS_CAPTURE.lenient  # and it loses nothing
INTACT = _parse(SOURCE).papers


@attrs.frozen
class Case(DamagedCase):
    count: int = 19


CASES = [
    # the abstract's URL line names the paper too
    Case("title link dropped", delete(95), ("missing-link", 96, 1), ("missing-link",),
         0, {"paper_id": "2410.05434", "url": "https://huggingface.co/papers/2410.05434",
             "author_count": 2, "abstract_start": "While large"}),
    # a URL line cut short names no paper: reported (it lost the id silently)
    Case("title link cut", replace(95, "https://huggingface"), ("missing-link", 95, 1),
         ("missing-link",), 0, {"paper_id": "2410.05434", "author_count": 2}),
    Case("upvote box dropped", delete(89), ("junk", 90, 1), ("junk", "missing-upvotes"),
         0, {"upvotes": None, "line": 92, "paper_id": "2410.05434"}),
    Case("lone bracket dropped", delete(101), ("bad-authors", 102, 1), ("bad-authors",),
         0, {"author_count": 2}),
    # the authors line damaged: the ``·`` and date after it are still read
    Case("authors link lost", replace(103, "2 authors"), ("bad-authors", 103, 1),
         ("bad-authors",), 0, {"author_count": 2, "date": datetime.date(2024, 10, 7),
                               "votes": 0, "end_line": 107}),
    Case("authors line garbled",
         replace(103, "two authors](https://huggingface.co/papers/2410.05434)"),
         ("bad-authors", 103, 1), ("bad-authors",), 0,
         {"author_count": None, "date": datetime.date(2024, 10, 7), "votes": 0}),
    Case("separator dropped", delete(105), ("missing-separator", 106, 1), ("missing-separator",),
         0, {"date": datetime.date(2024, 10, 7), "author_count": 2}),
    Case("date dropped", delete(107), ("missing-date", 108, 1), ("missing-date",),
         0, {"date": None, "votes": None, "end_line": 105}),
    Case("abstract dropped", delete(97), ("missing-abstract", 98, 1), ("missing-abstract",),
         0, {"abstract": "", "links": (), "author_count": 2}),
    Case("comment count dropped", delete(229), ("junk", 230, 1), ("junk",),
         6, {"votes": 0, "end_line": 227}),
    # the abstract, its paper's URL line and ``·``: no organization (it was read as one)
    Case("authors dropped", delete(101, 102, 103), ("missing-authors", 102, 1),
         ("missing-authors",), 0, {"abstract_start": "While large", "organization": None,
                                   "author_count": None, "date": datetime.date(2024, 10, 7)}),
    # a count of too many digits over its #community URL line: never a title
    Case("comment count too long", replace(229, "9" * 19), ("bad-votes", 229, 1),
         ("bad-votes",), 6, {"votes": 0, "end_line": 231}),
    Case("organization name dropped", delete(269), ("missing-authors", 272, 1),
         ("missing-authors",), 8, {"organization": None, "date": datetime.date(2025, 10, 23)}),
    Case("separator glued to the date", then(replace(105, "\u00b7 Oct 7, 2024"), delete(107)),
         ("missing-separator", 105, 1), ("missing-separator", "bad-date"),
         0, {"date": None, "author_count": 2}),
    Case("truncated after the abstract link", keep_until(100), ("truncated-entry", 89, 1),
         ("truncated-entry",), 0, {"date": None, "votes": None, "end_line": 99}, count=1),
    Case("truncated after the upvote link", keep_until(92), ("truncated-entry", 89, 1),
         ("truncated-entry",), count=0),
    Case("truncated before the comment link", keep_until(229), ("truncated-entry", 209, 1),
         ("truncated-entry",), 6, {"votes": 2, "end_line": 229}, count=7),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_damaged_capture(case: Case) -> None:
    digest = TEXT_URLS_CAPTURE.damaged(case)
    for index, paper in enumerate(digest.papers):
        if index == case.damaged:
            continue
        intact = INTACT[index]
        # Every other paper keeps its fields; only line numbers shift after a deletion.
        assert attrs.evolve(paper, line=0, end_line=0) == attrs.evolve(intact, line=0, end_line=0)
    if case.damaged is not None and case.fields is not None:
        paper = digest.papers[case.damaged]
        assert paper.title == INTACT[case.damaged].title
        for key, value in case.fields.items():
            if key == "abstract_start":
                assert paper.abstract.startswith(value)
            else:
                assert getattr(paper, key) == value, key


def test_capture_header_and_wrapper() -> None:
    digest = _parse(SOURCE)
    assert digest.header_span == (1, 87)
    assert "Daily Papers" in digest.header and "Intercode Bash" in digest.header
    assert "Mar 25" not in digest.header
    assert not any(line.startswith("http") for line in digest.header)
    assert digest.page_date == datetime.date(2026, 3, 25)


def test_reference_date_overrides_the_capture_time() -> None:
    digest = digestparse.parse(SOURCE, reference_date=datetime.date(2025, 12, 31))
    assert digest.page_date == datetime.date(2025, 3, 25)
    # Entry dates after that page date are now reported.
    assert "date-after-page" in {d.code for d in digest.diagnostics}


def test_wrapped_title_and_abstract_are_joined() -> None:
    lines = list(LINES)
    abstract = lines[96]
    cut = abstract.index(" current methods")
    lines[96:97] = [abstract[:cut], abstract[cut + 1 :]]
    lines[92:93] = ["Better than Your Teacher: LLM Agents", "that learn from Privileged AI"
                    " Feedback"]
    text = "\n".join(lines)
    digest = _lenient(text)
    assert digest.diagnostics == ()
    paper = digest.papers[0]
    assert paper.title == INTACT[0].title
    assert paper.abstract == INTACT[0].abstract
    assert paper.span == (89, 109)


def test_a_count_glued_to_the_date_is_the_comment_count() -> None:
    text = "\n".join(then(replace(227, "Sep 3, 2024 2"), delete(229, 231))(list(LINES)))
    digest = _lenient(text)
    assert digest.diagnostics == ()
    assert digest.papers[6].votes == 2


def test_no_header_phrase_is_missing_header() -> None:
    text = "\n".join(LINES[:8] + LINES[88:])  # the header's lines 9-88 dropped: 89 is now 9
    with pytest.raises(digestparse.ParseError) as raised:
        _parse(text, "strict")
    assert (raised.value.code, raised.value.line) == ("missing-header", 9)
    digest = _lenient(text)
    assert [d.code for d in digest.diagnostics] == ["missing-header"]
    assert len(digest.papers) == 19


def test_forced_on_a_seed_it_reports_instead_of_inventing_papers() -> None:
    text = SEED_PATHS[0].read_text(encoding="utf-8")
    reference = datetime.date(2025, 12, 31)
    digest = digestparse.parse(text, dialect="text-urls", reference_date=reference)
    assert digest.dialect == "text-urls"
    assert digest.papers == ()
    assert digest.diagnostics and uncovered_lines(text, digest) == []
    with pytest.raises(digestparse.ParseError):
        digestparse.parse(text, dialect="text-urls", mode="strict")


# -- the fast path agrees with the rules ---------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_fast_path_agrees_on_damaged_captures(case: Case) -> None:
    assert_paths_agree(TEXT_URLS, "\n".join(case.edit(list(LINES))))


# -- the fast path on a second copy of the page ------------------------------------------------

#: Entry 1's twelve elements as the fast path's usual shape reads them (indexes into
#: ``LINES``, each one line below a blank one): upvote box (line 89), login link, title,
#: title link, abstract, its link, ``[``, ``2 authors](…)``, ``·``, date (line 107), and
#: entry 2's upvote box and login link (lines 109 and 111).
ENTRY_1_ELEMENTS = range(88, 112, 2)


def test_entry_1_elements_are_its_lines() -> None:
    texts = [LINES[i].strip() for i in ENTRY_1_ELEMENTS]
    assert texts[0] == "[-] 1" and texts[2].startswith("Better than Your Teacher")
    assert texts[6:10] == ["[", "2 authors](https://huggingface.co/papers/2410.05434)",
                           "\u00b7", "Oct 7, 2024"]
    assert texts[10] == "[-] -" and texts[11].endswith("2306.14898")
    assert all(LINES[i - 1] == "" for i in ENTRY_1_ELEMENTS)


@pytest.mark.parametrize("element", ENTRY_1_ELEMENTS)
def test_a_copy_that_differs_in_one_character_is_read_as_itself(element: int) -> None:
    """The capture's body twice, the second copy's entry 1 changed in one character of one
    element: the fast path reads the second copy as the rules do."""
    body = list(LINES[8:])
    line = body[element - 8]
    body[element - 8] = line[:-1] + ("7" if line[-1] != "7" else "8")
    text = SOURCE + "\n" + "\n".join(body)
    assert_paths_agree(TEXT_URLS, text)
    first, second = _parse(text).papers[0], _parse(text).papers[19]
    if element in (92, 94, 96, 106):  # the title, its link, the abstract, the date
        assert (first.title, first.paper_id, first.abstract, first.date_text) != (
            second.title, second.paper_id, second.abstract, second.date_text)


def test_the_same_lines_under_another_date_limit_read_as_the_rules_read_them() -> None:
    """The same lines read first under the capture's own date, then under an earlier
    reference date (their dates now come after the page): the second reading reports."""
    text = SOURCE + "\n" + "\n".join(LINES[8:])
    assert [d.code for d in _parse(text).diagnostics] == ["junk"]  # the header, again
    early = datetime.date(2025, 3, 1)
    digest = digestparse.parse(text, reference_date=early)
    assert [d.line for d in digest.diagnostics if d.code == "date-after-page"][:2] == [107, 147]
    rules = attrs.evolve(TEXT_URLS, fast_path=None)
    for source in (text.split("\n"), text_blocks(text, 64)):
        assert parse_events(TEXT_URLS, source, "lenient", early) == parse_events(  # type: ignore[arg-type]
            rules, text.split("\n"), "lenient", early
        )


@pytest.mark.parametrize("number", range(253, 285, 2))
def test_a_copy_of_entry_9_that_differs_in_one_character_is_read_as_itself(number: int) -> None:
    """Entry 9 (the organization's, lines 253-279) is read element by element; the
    sixteen elements it looks at run from its upvote box (line 253) to line 283. A second
    copy changed in one of them is read as the rules read it."""
    body = list(LINES[8:])
    line = body[number - 9]
    body[number - 9] = line[:-1] + ("7" if line[-1] != "7" else "8")
    assert_paths_agree(TEXT_URLS, SOURCE + "\n" + "\n".join(body))


def test_entry_9_read_at_the_input_s_end_then_before_more_lines() -> None:
    """Entry 9 cut after its date line, at the end of the input, then the same lines with
    its comment count after them: the count is read the second time."""
    cut = "\n".join(LINES[:275])
    assert LINES[274] == "Oct 23, 2025 " and LINES[276] == "1"
    assert_paths_agree(TEXT_URLS, cut)
    assert_paths_agree(TEXT_URLS, SOURCE)
    assert _parse(cut).papers[8].votes == 0
    assert _parse(SOURCE).papers[8].votes == 1


#: What may follow entry 1's date line (line 107), and the comment count and last line the
#: entry then has (read by hand; None where the entry is not intact).
AFTER_THE_DATE = {
    "the input ends": ("", (0, 107)),
    "blank lines": ("\n\n\n", (0, 107)),
    "the next page's header": ("\n\n\n\n# Daily Papers - Hugging Face\nDaily Papers", (0, 107)),
    "a count and its link": ("\n\n2\n\nhttps://huggingface.co/papers/2410.05434#community",
                             (2, 111)),
    "a count and its link, more blanks": ("\n\n\n2\n \n\nhttps://x.y/z#community\n", (2, 113)),
    "a count that ends the input": ("\n\n2", None),
    "a count glued to the date": ("\n2\n\nhttps://x.y/z", None),
    "a link glued to the count": ("\n\n2\nhttps://x.y/z", None),
    "a count without its link": ("\n\n2\n\nTitle", None),
}


@pytest.mark.parametrize("tail", AFTER_THE_DATE.values(), ids=AFTER_THE_DATE.keys())
def test_what_follows_the_date_line(tail: tuple[str, tuple[int, int] | None]) -> None:
    """The fast path reads what follows a date line with no count as the rules do."""
    following, expected = tail
    text = "\n".join(LINES[:107]) + following
    assert LINES[106] == "Oct 7, 2024"
    assert_paths_agree(TEXT_URLS, text)
    paper = _parse(text).papers[0]
    if expected is not None:
        assert (paper.votes, paper.end_line) == expected


# The tests text-urls shares with html-text (the fast path on the whole capture, detection,
# the properties) are in tests/test_dialect_url_keeping.py.


def mutated() -> st.SearchStrategy[str]:
    return TEXT_URLS_CAPTURE.mutated()


# -- the junk run agrees with the generic junk rule ------------------------------------------

def junk_block(state: ParseState) -> bool:
    """The generic junk rule (``rules/junk.py``: a line and the lines glued to it), except
    that an upvote box glued to the block starts the next entry: blank lines carry no
    meaning in this dialect. And as docs/format.md says of two captures joined: a run of
    junk blocks that holds the page's title and ends with a yearless date line, right
    before an entry, is a second page's header, and that line its page date."""
    first = last = state.advance()
    texts = [first.text]
    while (line := state.peek()) is not None and line.gap == 0:
        if is_box(line.text):
            break
        last = state.advance()
        texts.append(last.text)
    report_junk(state, first, last)
    run = state.memo.get(_ORACLE_RUN, (False, 0))
    assert isinstance(run, tuple)
    held, end = run
    goes_on = end == first.number - first.gap - 1  # only blank lines since the last block
    titled = (held and goes_on) or any(text in PAGE_TITLES for text in texts)
    state.memo[_ORACLE_RUN] = (titled, last.number)
    parts = read_date_line(last.text) if classify(last.text) is Kind.DATE else None
    if (
        titled and parts is not None and parts.year is None and parts.count_text is None
        and state.peek() is not None and starts_entry(state)
    ):
        set_page_date(state, last.number, parts)
    return True


_ORACLE_RUN = "test: the junk run so far (whether it holds the page's title, its last line)"


#: The dialect with that junk rule, called once per block of junk lines.
ONE_BLOCK_AT_A_TIME = attrs.evolve(
    TEXT_URLS, rules=(("entry", entry), ("page_end", page_end), ("junk", junk_block))
)


def assert_junk_runs_agree(text: str) -> None:
    """The dialect's junk rule reads ``text`` as the generic one does: over a list of lines,
    over windows of it (whose ends fall inside runs of junk), and line by line."""
    lines = text.split("\n")
    sources: list[Callable[[], Any]] = [
        lambda: list(lines),
        lambda: iter(lines),
        lambda: text_blocks(text, 64),
        lambda: text_blocks(text, 700),
    ]
    for mode in ("lenient", "strict"):
        for source in sources:
            runs = parse_events(TEXT_URLS, source(), mode)
            blocks = parse_events(ONE_BLOCK_AT_A_TIME, source(), mode)
            errors = [event for event in runs if isinstance(event, tuple) and event[0] == "error"]
            if mode == "strict" and errors:
                # What the state holds once strict mode has raised is no result: a run of
                # junk read whole may have read a repeated header's date before the raise,
                # where one block at a time has not (the long profile's soup ``Daily
                # Papers`` / ``Dec 31`` after a date). The error itself must agree.
                runs, blocks = runs[:-1], blocks[:-1]
            assert runs == blocks, mode


def test_junk_runs_agree_across_repeated_headers() -> None:
    body = "\n".join(LINES[8:])  # the header comes again between copies: junk
    text = SOURCE + "\n\n" + body + "\n" + body
    assert_junk_runs_agree(text)
    digest = digestparse.parse(text)
    junk_spans = [d.span for d in digest.diagnostics if d.code == "junk"]
    # The header (lines 10-87, page date included) comes again as junk in each copy: the
    # first copy of the body (lines 9-492 of the capture) starts at line 494, the second
    # 484 lines later.
    assert junk_spans == [(10 + 485, 87 + 485), (10 + 485 + 484, 87 + 485 + 484)]
    assert len(digest.papers) == 3 * 19


#: Edits of the header's second copy (capture line numbers, new text or None to delete
#: the line) that change where its run of junk ends: a menu link that names a paper (its
#: label, ``Models`` on line 17, starts an entry) and an upvote box for a menu item.
HEADER_EDITS = {
    "paper link": (19, "https://huggingface.co/papers/2410.05434"),
    "upvote box": (17, " [-] 3"),
}


@pytest.mark.parametrize("edit", HEADER_EDITS.values(), ids=HEADER_EDITS.keys())
def test_a_header_that_differs_from_the_last_one_is_read_as_itself(
    edit: tuple[int, str | None],
) -> None:
    """A later copy of the header that differs from the first in one line is read as the
    generic rule reads it."""
    body = LINES[8:]
    edited = list(body)
    number, text = edit
    if text is None:
        del edited[number - 9]
    else:
        edited[number - 9] = text
    same = SOURCE + "\n\n" + "\n".join(body) + "\n" + "\n".join(body)
    changed = SOURCE + "\n\n" + "\n".join(body) + "\n" + "\n".join(edited)
    assert_junk_runs_agree(changed)
    spans = [[d.span for d in _parse(t).diagnostics] for t in (same, changed)]
    assert spans[0][0] == spans[1][0] and spans[0][1:] != spans[1][1:]


def test_an_upvote_box_glued_to_junk_starts_its_entry() -> None:
    """The blank line before entry 1's upvote box dropped in the header's second copy: the
    box, glued to the page date (junk there), still starts its entry, as after a blank line.
    It was taken into the junk, and the entry lost its upvotes (``missing-upvotes``)."""
    body = LINES[8:]
    assert (body[88 - 9], body[89 - 9]) == ("", " [-] 1")
    glued = body[: 88 - 9] + body[89 - 9 :]
    same = SOURCE + "\n\n" + "\n".join(body) + "\n" + "\n".join(body)
    changed = SOURCE + "\n\n" + "\n".join(body) + "\n" + "\n".join(glued)
    assert_junk_runs_agree(changed)
    digests = [_parse(text) for text in (same, changed)]
    assert [d.code for d in digests[1].diagnostics] == ["junk", "junk"]
    assert [d.span for d in digests[1].diagnostics] == [d.span for d in digests[0].diagnostics]
    assert [attrs.evolve(paper, line=0, end_line=0) for paper in digests[1].papers] == [
        attrs.evolve(paper, line=0, end_line=0) for paper in digests[0].papers
    ]


@given(mutated())
def test_junk_runs_agree_on_mutations(text: str) -> None:
    assert_junk_runs_agree(text)


#: The soup without the lines that open the page's end: after junk, the junk run takes a
#: page's end into its report, where the generic rule stops and ``page_end`` reads it (a
#: known difference, docs/format.md "The page's end").
_RUN_SOUP = tuple(line for line in SOUP_LINES if not opens_page_end(line.strip()))


@given(st.lists(st.sampled_from(_RUN_SOUP), max_size=60))
# A lead-in's avatar link as the last whole line of the window's first block, its
# ``Submitted by`` cut by the block's end: the long profile found the run taking it.
@example(["Oct 7, 2024", "", "https://huggingface.co/papers/2410.05434", "Submitted by", "Title"])
@example(["Oct 7, 2024", "Daily Papers", "", "Dec 31", " [-] 1"])  # the long profile's
def test_junk_runs_agree_on_any_soup(lines: list[str]) -> None:
    assert_junk_runs_agree("\n".join(lines))


# -- paper ids read without the pattern -------------------------------------------------

_URL_PARTS = st.sampled_from([
    "https://", "http://", "HTTPS://", "www.", "huggingface.co/", "HuggingFace.co/", "papers/",
    "PAPERS/", "pap\u017fers/", "arxiv.org/", "abs/", "pdf/", "models", "2410", "05434", "0543",
    "054341", ".", "v2", "#community", "hep-th/", "9901001", "\u0662", " ", "/", "?q=1",
])


@given(st.lists(_URL_PARTS, max_size=8).map("".join))
@example("/papers/2410")  # the site's relative link: CI's draws once found it disagreeing
@example(" /papers/2410.05434v2")
def test_link_paper_id_is_paper_id(url: str) -> None:
    assert link_paper_id(url) == paper_id(url)


_LINE_PARTS = st.sampled_from([
    "https://", "http://", "h", "[", "[-] ", "]", "(", ")", "](x)", "-", "*", "+", "#", "!", " ",
    "\t", "1", "12", " authors](u)", "\u00b7", "Oct 7, 2024", "Sep", "Daily Papers",
    "Trending Papers", "An abstract", "\u00e9", "\u0663", "\\", "  ",
])


_FIRST_PARTS = st.sampled_from([
    "W", "O", "D", "T", "A", "S", "\u00e9", "\u00b7", "\u0663", "(", "]", "\\", "Oct 7, 2024",
    "Daily Papers", "Trending Papers", "Sep 30, 2024 12",
])


@given(st.tuples(_FIRST_PARTS, st.lists(_LINE_PARTS, max_size=30)).map(
    lambda parts: parts[0] + "".join(parts[1]) + " long" * 11
))
def test_long_lines_with_no_shaped_start_are_text(line: str) -> None:
    """The fast path takes a stripped line longer than ``PLAIN_LEN`` that starts with none
    of ``SHAPED_START`` for TEXT without calling ``classify``: it must be what classify
    says."""
    line = line.strip(" \t")
    assume(len(line) > PLAIN_LEN and line[0] not in SHAPED_START)
    assert classify(line) is Kind.TEXT


_LONG = "x" * PLAIN_LEN


@pytest.mark.parametrize("line", [
    "https://" + _LONG, "[-] 1" + _LONG, "[" + _LONG + "]", "- [a](b)" + _LONG,
    "* [a](b)" + _LONG, "+ [a](b)" + _LONG, "# [a](b)" + _LONG, "![a](b)" + _LONG,
    "12 authors](https://huggingface.co/papers/" + _LONG + ")",
])
def test_long_lines_of_another_class_start_with_a_shaped_character(line: str) -> None:
    assert classify(line) is not Kind.TEXT
    assert line[0] in SHAPED_START


def test_link_paper_id_reads_the_usual_links() -> None:
    assert link_paper_id("https://huggingface.co/papers/2410.05434") == "2410.05434"
    assert link_paper_id("https://huggingface.co/papers/2410.0543") == "2410.0543"
    assert link_paper_id("https://huggingface.co/papers/2410.05434#community") == "2410.05434"
    assert link_paper_id("https://arxiv.org/abs/2410.05434v2") == "2410.05434"
    assert link_paper_id("https://huggingface.co/models") is None
    arabic = "\u0662" * 4
    for tail in ("2410.054341", "2410.05434v2", "24100.5434", "241.005434", "2410." + arabic):
        url = "https://huggingface.co/papers/" + tail
        assert link_paper_id(url) == paper_id(url), url



# -- shapes the capture shows past the fixture's cut -----------------------------------------
#
# The fixture is the first part of a longer export (tests/fixtures/captures/SOURCES.md).
# Its rest shows these shapes besides the fixture's own: yearless dates (with a trailing
# space and a comment count, or alone), organizations without a comment count and with a
# comma in their name, ``1 authors``, three-digit upvotes, two-digit author counts, and
# abstracts holding brackets, braces, backslashes, TeX quotes and links. The entries
# below are made up in those shapes; what each must give was read off the text.

PAPERS = "https://huggingface.co/papers/"


def _made_up_entry(
    paper: str,
    upvotes: str,
    title: str,
    abstract: str,
    date: str,
    *,
    authors: int | None = None,
    organization: tuple[str, str] | None = None,
    count: int | None = None,
) -> list[str]:
    """One entry laid out as the export lays it out: every element below a blank line,
    an organization after a line of one space and its avatar link, a date line with a
    trailing space where a comment count follows it."""
    elements = [f" [-] {upvotes}", f"https://huggingface.co/login?next=%2Fpapers%2F{paper}",
                title, PAPERS + paper, abstract, PAPERS + paper]
    if organization is None:
        elements += ["[", f"{authors} authors]({PAPERS}{paper})"]
    else:
        name, slug = organization
        elements += [" ", PAPERS + paper, f" {name}", f"https://huggingface.co/{slug}"]
    elements += ["\u00b7", date + (" " if count is not None else "")]
    if count is not None:
        elements += [str(count), f"{PAPERS}{paper}#community"]
    return [line for element in elements for line in ("", element)]


REST_ENTRIES = [
    _made_up_entry("2602.01234", "3", "Pebble Stacks for Marble Models",
                   "We stack marbles on pebbles and release them at https://example.org/pebbles",
                   "Feb 4", authors=5, count=3),
    _made_up_entry("2601.00321", "-", "Knots in Order: Rope-Level Ladders",
                   "Ropes are tied (i) upward and (ii) downward.", "Jan 2", authors=5),
    _made_up_entry("2601.20987", "-", "Whistle-4.1 for Songbirds at 30 Hz",
                   "Chirps are released at https://huggingface.co/Birds/whistle-20"
                   "{https://huggingface.co/Birds/whistle-20}.", "Jan 26", authors=1),
    _made_up_entry("2602.07654", "1", "Anchored Kites: Provably Calm Flight",
                   "Kites on Anchored_{Rope} strings (Smith et al., 2025) fly at 75% calm.",
                   "Feb 9", organization=("University of Nowhere NLP", "unlp"), count=2),
    _made_up_entry("2309.13579", "1", "FernScript: A Resource for Rare Ferns",
                   "Ferns of 7,000 kinds, at https://github.com/ferns/FernScript.",
                   "Sep 21, 2023", organization=("FRN, Univ of Moss", "frn-moss")),
    _made_up_entry("2504.24680", "-", "Kettles Can Boil as Fast as Stoves",
                   'A kettle told "Boil the water from [cold temp] into [hot temp]:" boils '
                   "\\textbf{faster \\textbf{Kettle} (<100 s, >100k runs, k^2, e.g.~1 minute, "
                   "Tea -> Coffee, the Lost-in-the-Pot'' problem). Code is available at",
                   "Apr 14, 2025", authors=67),
    _made_up_entry("2510.00999", "108", "SoupZip: Squeezing Long Broth for Ladle Models?!",
                   "Soup is compressed (https://github.com).", "Sep 29, 2025",
                   organization=("Stanford Spoon", "Stanford-Spoon"), count=7),
]

#: What each made-up entry gives (read off the text): title, upvotes, author count,
#: organization, date, votes, year given, links (None: not checked here; the shared
#: ``links.extract_links`` decides how ``url{url}`` reads).
REST_EXPECTED = [
    ("Pebble Stacks for Marble Models", 3, 5, None, datetime.date(2026, 2, 4), 3, False,
     ("https://example.org/pebbles",)),
    ("Knots in Order: Rope-Level Ladders", 0, 5, None, datetime.date(2026, 1, 2), 0, False,
     ()),
    ("Whistle-4.1 for Songbirds at 30 Hz", 0, 1, None,
     datetime.date(2026, 1, 26), 0, False, None),
    ("Anchored Kites: Provably Calm Flight", 1, None, "University of Nowhere NLP",
     datetime.date(2026, 2, 9), 2, False, ()),
    ("FernScript: A Resource for Rare Ferns", 1, None, "FRN, Univ of Moss",
     datetime.date(2023, 9, 21), 0, True, ("https://github.com/ferns/FernScript",)),
    ("Kettles Can Boil as Fast as Stoves", 0, 67, None, datetime.date(2025, 4, 14), 0, True, ()),
    ("SoupZip: Squeezing Long Broth for Ladle Models?!", 108, None, "Stanford Spoon",
     datetime.date(2025, 9, 29), 7, True, ("https://github.com",)),
]

REST_TEXT = "\n".join(LINES + [line for lines in REST_ENTRIES for line in lines]) + "\n"


def test_the_rest_of_a_longer_capture_reads_without_a_report() -> None:
    digest = _lenient(REST_TEXT)
    assert digest.diagnostics == ()
    digestparse.parse(REST_TEXT, mode="strict")  # raises nothing
    assert len(digest.papers) == 19 + len(REST_ENTRIES)
    assert digest.papers[:19] == INTACT
    start = len(LINES) + 2  # each entry's upvote box is below a blank line
    rest = zip(digest.papers[19:], REST_ENTRIES, REST_EXPECTED, strict=True)
    for paper, lines, expected in rest:
        title, upvotes, authors, organization, date, votes, year_given, links = expected
        assert (paper.title, paper.upvotes, paper.author_count, paper.organization) == (
            title, upvotes, authors, organization)
        assert (paper.date, paper.votes, paper.year_explicit) == (date, votes, year_given)
        has_count = lines[-1].endswith("#community")
        assert paper.date_text == lines[-5 if has_count else -1].strip()
        assert paper.abstract == lines[9] and paper.paper_id == lines[7][len(PAPERS):]
        if links is not None:
            assert paper.links == links
        assert paper.span == (start, start + len(lines) - 2)
        start += len(lines)


def test_the_rest_of_a_longer_capture_is_read_by_the_fast_path() -> None:
    """Every entry of the longer page, the new shapes' too, is canonical: the rules read
    none of them, and both paths give the same events."""
    assert_paths_agree(TEXT_URLS, REST_TEXT)
    read_by_rules = []

    def counting(state: Any) -> bool:
        read = entry(state)
        if read:
            read_by_rules.append(state.papers[-1].title)
        return read

    spied = attrs.evolve(TEXT_URLS, rules=(("entry", counting), *TEXT_URLS.rules[1:]))
    events = parse_events(spied, REST_TEXT.split("\n"), "strict")
    assert read_by_rules == []
    kinds = [event[0] for event in events]  # type: ignore[index]
    assert kinds == ["paper"] * 26 + ["end"]


# -- a title or abstract that starts and ends with a bracket ----------------------------------
#
# Only a line that is one bracket (an image's alt text, ``- [x]``, ``[[logo] Name]``) is never a
# title or an abstract; a line that merely starts and ends with one holds text between two
# brackets and is read as text. Expected values read off the entries below.

BRACKET_ENDS = [
    _made_up_entry("2603.01111", "4", "[Re] Counting Pebbles by Hand [Extended]",
                   "[CLS] and [SEP] tokens carry the sentence; we probe both [Appendix A]",
                   "Mar 2", authors=3),
]
BRACKET_ENDS_TEXT = "\n".join(
    LINES + [line for lines in BRACKET_ENDS for line in lines]
) + "\n"


def test_text_between_two_brackets_is_a_title_or_an_abstract() -> None:
    digest = _lenient(BRACKET_ENDS_TEXT)
    assert digest.diagnostics == ()
    (paper,) = digest.papers[19:]
    assert (paper.title, paper.abstract, paper.upvotes, paper.author_count) == (
        "[Re] Counting Pebbles by Hand [Extended]",
        "[CLS] and [SEP] tokens carry the sentence; we probe both [Appendix A]", 4, 3)
    assert paper.span == (len(LINES) + 2, len(LINES) + len(BRACKET_ENDS[0]))
    assert_paths_agree(TEXT_URLS, BRACKET_ENDS_TEXT)
    # One bracket is still no text: an image's alt text where the abstract belongs.
    assert classify("[Abstract withdrawn]") is Kind.BRACKETED
    assert classify("[[logo] Name]") is Kind.BRACKETED
    assert classify("[CLS] and [SEP]") is Kind.TEXT


# -- two captures joined: the second page's header and its page date ------------------------


def _joined_with_later_page() -> tuple[str, int]:
    """02, then 02 again without its front matter as captured three days later (page date
    ``Mar 28``) with one entry dated ``Mar 27``; and the second page date's line."""
    body = LINES[LINES.index("---", 1) + 1 :]
    later = ["Mar 28" if line == "Mar 25" else line for line in body]
    later = ["Mar 27" if line == "Jul 15, 2025" else line for line in later]
    assert later.count("Mar 28") == 1 and later.count("Mar 27") == 1
    second_date = len(LINES) + later.index("Mar 28") + 1
    return "\n".join(LINES + later) + "\n", second_date


def test_a_second_pages_date_counts_for_its_yearless_dates() -> None:
    """The second header is junk (one report, as before), and its page date, the line that
    ends it, counts for later yearless dates as in the other dialects: ``Mar 27`` under page
    date ``Mar 28`` is no date after the page."""
    text, second_date = _joined_with_later_page()
    digest = _lenient(text)
    assert [(d.code, d.end_line) for d in digest.diagnostics] == [("junk", second_date)]
    assert digest.page_date == datetime.date(2026, 3, 25)  # the first header's
    assert len(digest.papers) == 38
    dated = [paper.date for paper in digest.papers if paper.date_text == "Mar 27"]
    assert dated == [datetime.date(2026, 3, 27)]
    # The junk run read from the window (a list) and line by line (an iterator) agree.
    assert_paths_agree(TEXT_URLS, text)
    for block_size in (64, 4096):
        stream = digestparse.iter_papers(io.BytesIO(text.encode()), block_size=block_size)
        assert tuple(stream) == digest.papers


def test_a_stray_date_between_entries_is_no_page_date() -> None:
    """Only a run of junk that holds the page's title is a second header: a lone yearless
    date line between two entries stays junk and leaves the page date as it was."""
    at = LINES.index(" [-] -", 100)  # the second entry's upvote box
    lines = [*LINES[:at], "Feb 1", "", *LINES[at:]]
    lines = ["Mar 20" if line == "Jul 15, 2025" else line for line in lines]
    digest = _lenient("\n".join(lines) + "\n")
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", at + 1, at + 1)]
    dated = [paper.date for paper in digest.papers if paper.date_text == "Mar 20"]
    assert dated == [datetime.date(2026, 3, 20)]


@pytest.mark.parametrize(
    "title", ["# of Tokens Matters", "- Minus Sign Networks", "* Starred Attention", "+ Plus"]
)
def test_a_title_that_starts_with_a_markup_character_keeps_it(title: str) -> None:
    """This export writes the page's text as it is (every link's URL on its own line): a
    title marked by its paper's URL line is kept whole, its first character too. A leading
    ``# ``, ``- ``, ``* `` or ``+ `` was taken for markdown and dropped, with no report."""
    assert LINES[92].startswith("Better than Your Teacher: LLM Agents")
    text = "\n".join(replace(93, title)(LINES))
    digest = _lenient(text)
    assert digest.diagnostics == ()
    assert digest.papers[0].title == title
    assert [paper.title for paper in digest.papers[1:]] == [paper.title for paper in INTACT[1:]]
    assert_paths_agree(TEXT_URLS, text)


@pytest.mark.parametrize("abstract", [
    "**New** results on [x](y) and more.",
    "*Emphasis* first, then a link-like [f](x) in the text.",
    "# of tokens matters; see [1](2).",
])
def test_an_abstract_that_starts_with_a_mark_and_holds_link_syntax_is_text(
    abstract: str
) -> None:
    """Only a line that starts with a markdown link or image (maybe after a bullet or heading
    mark) is one; this export writes every URL on its own line. An abstract starting with
    ``*`` or ``#`` and holding ``](`` later was taken for a link line: missing-abstract,
    and the entry lost its authors and date."""
    assert LINES[96].startswith("While large language models")
    text = "\n".join(replace(97, abstract)(LINES))
    digest = _lenient(text)
    assert digest.diagnostics == ()
    assert (digest.papers[0].abstract, digest.papers[0].author_count) == (abstract, 2)
    assert classify("- [x](https://example.org)") is Kind.BRACKETED
    assert classify("![logo](https://example.org/a.png)") is Kind.BRACKETED
    assert_paths_agree(TEXT_URLS, text)
