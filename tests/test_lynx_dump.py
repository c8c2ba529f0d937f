"""The reference-text dialect on lynx's own notation: ``lynx -dump`` of the listing.

Each page here is written from known fields by ``lynx_support`` in the placements a lynx
rendering of the page's markup can produce (``Style``), so the expected values are the given
fields, never the parser's output. No real dump was observed (docs/format.md says so).
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, note

import digestparse
from dialect_support import bad_title, detector_head
from digestparse.dialects import detect, html_text, markdown, text_urls
from digestparse.dialects.reference_text import LYNX_DUMP, REFERENCE_TEXT, detect_references
from digestparse.dialects.text import plainly_text
from hostile_support import check_nothing_lost, damaged_text
from lynx_support import Style, page, trending
from page_support import TODAY, Entry

LONG = "We study long context speech models [3] and more. " + "Each sentence adds words. " * 8
ENTRIES = (
    Entry("2611.01234", "Plain Title", LONG.strip(), 12, "Nov 25", 3, organization="OCC"),
    Entry("2611.02345", "One Author Only", "Another abstract.", 0, "Nov 24", authors=1),
    Entry("2611.03456", "Many Authors and a title long enough to wrap over two lines at the "
          "dump's width", "Third abstract.", 7, "Oct 3, 2025", 1, authors=5, avatars=2),
    Entry("2611.04567", "[Re] Brackets *and* stars", "A 45\\% gain, see [12].", 1, "Nov 20",
          organization="Mohamed bin Zayed University of Artificial Intelligence Lab"),
)
DATES = (
    datetime.date(2026, 11, 25), datetime.date(2026, 11, 24), datetime.date(2025, 10, 3),
    datetime.date(2026, 11, 20),
)

STYLES = (
    Style(),
    Style(blanks=False),
    Style(box="split"),
    Style(box="glued"),
    Style(authors="item"),
    Style(authors="before"),
    Style(separator="date"),
    Style(comments="next"),
    Style(indent=False),
    Style(width=50),
    Style(width=200),
    Style(blanks=False, box="split", comments="next", separator="date", authors="item"),
    Style(indent=False, blanks=False, box="glued", comments="next", width=40),
)


def _read(text: str | bytes, mode: str = "lenient") -> digestparse.Digest:
    return digestparse.parse(text, mode=mode, reference_date=TODAY)  # type: ignore[arg-type]


def _fields(digest: digestparse.Digest) -> list[tuple[object, ...]]:
    return [
        (p.title, p.abstract, p.upvotes, p.votes, p.organization, p.author_count, p.date,
         p.paper_id, p.url)
        for p in digest.papers
    ]


def _expected(entries: tuple[Entry, ...] = ENTRIES) -> list[tuple[object, ...]]:
    return [
        (e.title, e.abstract, e.upvotes, e.comments, e.organization, e.authors, date, None, None)
        for e, date in zip(entries, DATES, strict=True)
    ]


@pytest.mark.parametrize("style", STYLES, ids=repr)
def test_a_daily_page_reads_every_field_in_every_placement(style: Style) -> None:
    text = page(ENTRIES, style)
    digest = check_nothing_lost(text, _read(text))
    assert digest.dialect == "reference-text"
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert digest.header == (
        "new", "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
        "byAK and the research community", "Daily", "Weekly", "Monthly",
    )
    assert digest.page_date == datetime.date(2026, 11, 26)
    lines = text.split("\n")
    footer = digest.footer_span
    assert footer is not None
    assert lines[footer[0] - 1].strip().endswith("Next")  # the pagination opens it
    assert lines[footer[1] - 1].strip().endswith("https://huggingface.co/huggingface")
    assert _read(text, "strict") == digest


def test_the_entries_lines_and_the_papers_spans() -> None:
    text = page(ENTRIES[:2])
    lines = text.split("\n")
    digest = _read(text)
    first, second = digest.papers
    assert lines[first.line - 1] == "   [12]12"
    assert lines[first.end_line - 1] == "   Nov 25 [16]3"
    assert lines[second.line - 1] == "   [17]-"
    assert lines[second.end_line - 1] == "   Nov 24"
    assert first.links == ()  # the abstract's '[3]' is no URL
    assert (first.date_text, first.year_explicit) == ("Nov 25", False)


def test_elinks_reference_list_under_visible_links_reads_as_lynxs() -> None:
    """``elinks -dump`` numbers links as lynx does and lists them under ``References``, with
    a ``Visible links`` line first (seen in elinks 0.16's output): the same papers, and
    the list is the page's end, up to the last line."""
    text = page(ENTRIES)
    assert text.count("References\n\n") == 1
    elinks = text.replace("References\n\n", "References\n\n   Visible links\n")
    digest = _read(elinks)
    assert (digest.dialect, digest.diagnostics) == ("reference-text", ())
    assert _fields(digest) == _expected()
    assert digest.footer_span is not None
    assert digest.footer_span[1] == len(elinks.rstrip("\n").split("\n"))
    assert _read(elinks, "strict") == digest


def test_a_search_page_shows_its_query_and_a_week_page_its_label() -> None:
    search = _read(page(ENTRIES, query="long context asr"))
    assert search.diagnostics == ()
    assert search.header[-4:] == ("long context asr", "Daily", "Weekly", "Monthly")
    assert _fields(search) == _expected()
    week = _read(page(ENTRIES, date=None, label="Week 47"))
    assert week.diagnostics == ()
    assert week.header[-1] == "Week 47"
    assert week.page_date is None
    assert _fields(week) == _expected()


def test_without_references_or_footer_the_last_entry_ends_the_page() -> None:
    for text in (page(ENTRIES, references=False), page(ENTRIES, foot=False)):
        digest = check_nothing_lost(text, _read(text))
        assert digest.diagnostics == ()
        assert _fields(digest) == _expected()
    bare = page(ENTRIES, references=False, foot=False)
    digest = check_nothing_lost(bare, _read(bare))
    assert (digest.diagnostics, digest.footer_span) == ((), None)


CARDS = (
    Entry("2611.01234", "TradingAgents: Multi-Agents LLM Financial Trading Framework for real "
          "firms", "A multi-agent framework using large language models for stock trading "
          "simulates real-world trading firms.", 149, "Dec 28, 2024", authors=4, avatars=1),
    Entry("2611.02345", "Kandinsky 5", "A family of models.", 0, "Oct 4, 2026",
          organization="Kandinsky Lab"),
)


#: Every placement but a dump with neither indents nor blank lines, where a card's wrapped
#: title and its summary cannot be told apart (docs/format.md, known ambiguities).
CARD_STYLES = (*STYLES[:-1], Style(indent=False, blanks=False, box="glued", width=100))


@pytest.mark.parametrize("style", CARD_STYLES, ids=repr)
def test_a_trending_page_folds_each_cards_two_copies(style: Style) -> None:
    text = trending(CARDS, style)
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.header[-1] == "Trending Papers"
    assert [
        (p.title, p.abstract, p.upvotes, p.votes, p.organization, p.author_count, p.date,
         p.submitted_by)
        for p in digest.papers
    ] == [
        (CARDS[0].title, CARDS[0].abstract, 149, 0, None, 4, datetime.date(2024, 12, 28),
         "vvasilev"),
        (CARDS[1].title, CARDS[1].abstract, 0, 0, "Kandinsky Lab", None,
         datetime.date(2026, 10, 4), "vvasilev"),
    ]
    lines = text.split("\n")
    assert lines[digest.papers[0].line - 1] == "[11][IMG]"  # the first copy's thumbnail


@pytest.mark.parametrize("style", CARD_STYLES, ids=repr)
def test_a_card_with_no_repository_shows_its_arxiv_link_alone(style: Style) -> None:
    """``[21]arXiv Page`` alone on its line (a card with no GitHub link) is the card's link,
    not the title of a paper with no abstract (it was, boxed by the card's upvote link)."""
    text = re.sub(r"\[[0-9]+\]GitHub 131 ", "", trending(CARDS, style))
    assert "GitHub" not in text and "]arXiv Page" in text
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert [p.title for p in digest.papers] == [card.title for card in CARDS]
    assert [p.upvotes for p in digest.papers] == [149, 0]


def test_str_bytes_and_stream_agree_in_both_modes() -> None:
    text = page(ENTRIES, Style(box="split", comments="next"))
    for mode in ("lenient", "strict"):
        digest = _read(text, mode)
        assert _read(text.encode(), mode) == digest
        streamed = digestparse.iter_papers(io.StringIO(text), mode=mode, reference_date=TODAY)
        assert tuple(streamed) == digest.papers


def test_a_forced_reference_text_reads_lynxs_notation() -> None:
    text = page(ENTRIES)
    forced = digestparse.parse(text, dialect="reference-text", reference_date=TODAY)
    assert forced == _read(text)


# --- detection ---------------------------------------------------------------------------


def test_a_lynx_dump_of_the_listing_is_reference_text_in_lynxs_notation() -> None:
    for text in (page(ENTRIES), page(ENTRIES, Style(indent=False, blanks=False)),
                 trending(CARDS), page(ENTRIES, query="q")):
        assert detect(detector_head(text)) is LYNX_DUMP


def test_no_detector_tried_before_takes_a_lynx_dump_and_no_plain_text_mark_is_in_it() -> None:
    for text in (page(ENTRIES), page(ENTRIES, Style(indent=False, blanks=False)),
                 trending(CARDS), page(ENTRIES[:1], references=False)):
        head = detector_head(text)
        assert not markdown.detect(head)
        assert not text_urls.detect(head)
        assert not plainly_text(head)
        assert not html_text.extracted(head)
        assert not detect_references(head)


@pytest.mark.parametrize("style", STYLES, ids=repr)
def test_a_dump_whose_logo_alt_text_has_no_brackets_is_still_lynxs(style: Style) -> None:
    # lynx may write an image's alt text bare ('[1]Hugging Face's logo Hugging Face'). With
    # authors' entries only, no line of the head then shows '][', and the bare '* 3 authors'
    # under the 2026 header satisfied the no-URL text-urls marks: the dump was read as
    # text-urls, with no paper.
    entries = ENTRIES[1:3]
    text = page(entries, style).replace("[Hugging Face's logo] ", "Hugging Face's logo ", 1)
    assert "][" not in text.split("References")[0]
    assert detect(detector_head(text)) is LYNX_DUMP
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert _fields(digest) == [
        (e.title, e.abstract, e.upvotes, e.comments, e.organization, e.authors, date, None, None)
        for e, date in zip(entries, DATES[1:3], strict=True)
    ]


def test_lynxs_placeholder_for_an_image_at_a_titles_end_is_no_part_of_it() -> None:
    # An icon without alt text inside the title's link: lynx writes '[IMG]' after its text.
    text = page(ENTRIES)
    assert text.count("]Plain Title\n") == 1
    text = text.replace("]Plain Title\n", "]Plain Title [IMG]\n", 1)
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()


def test_a_lynx_dump_of_another_page_is_no_capture() -> None:
    readme = "\n".join([
        "[1]Skip to content",
        "     * [2]Product",
        "     * [3]Pricing",
        "",
        "                                  digestparse",
        "",
        "   [4]Daily Papers parser. [5]MIT license",
        "",
        "   * 3 authors wrote this README.",
        "   [6]12",
        "   [7]Contributors",
        "",
        "References",
        "",
        "   1. https://github.com/",
    ])
    digest = _read(readme)
    assert [d.code for d in digest.diagnostics] == ["unknown-format"]
    # With a line of the seeds' grammar (a date) it is the text dialect's to refuse or read;
    # lynx's marks alone never make it a capture of the listing.
    dated = readme.replace("   [6]12", "   Jun 29\n   [6]12")
    assert detect(detector_head(dated)) not in (LYNX_DUMP, REFERENCE_TEXT)
    news = "\n".join([
        "[1]Hacker News [2]new | [3]past | [4]comments",
        "   1. [5]Show HN: A parser for Daily Papers (example.com)",
        "      128 points by [6]someone 3 hours ago | [7]12 comments",
        "   2. [8]Another story",
        "References",
    ])
    assert [d.code for d in _read(news).diagnostics] == ["unknown-format"]


def test_lynxs_notation_is_not_taken_for_the_reference_notation() -> None:
    """The reference notation keeps its own reader where the head shows ``][N]`` lines."""
    capture = (
        "tests/fixtures/captures/01_hfpapers_search_longcontext_asr_lynx.txt"
    )
    with open(capture, encoding="utf-8") as handle:
        head = detector_head(handle.read())
    assert detect(head) is REFERENCE_TEXT


# --- damage --------------------------------------------------------------------------------


def _lines() -> list[str]:
    return page(ENTRIES).split("\n")


def _at(lines: list[str], text: str) -> int:
    return lines.index(text)


def test_a_dropped_upvote_link_is_bad_upvotes_at_the_title() -> None:
    lines = _lines()
    del lines[_at(lines, "   [17]-")]
    title = _at(lines, "[18]One Author Only") + 1
    digest = check_nothing_lost("\n".join(lines), _read("\n".join(lines)))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-upvotes", title)]
    assert _fields(digest)[1][:2] == ("One Author Only", "Another abstract.")
    assert digest.papers[1].upvotes is None
    with pytest.raises(digestparse.ParseError) as raised:
        _read("\n".join(lines), "strict")
    error = raised.value
    assert (error.code, error.line, error.column) == ("bad-upvotes", title, 1)


@pytest.mark.parametrize("output", ["daily.elinks.txt", "daily.elinks_noref.txt"])
def test_a_daily_entry_that_lost_its_upvote_link_under_its_thumbnail_is_reported(
    output: str,
) -> None:
    """elinks draws a daily entry's thumbnail (``[18][IMG]``) over its upvote link
    (``[19]42``) and title. Without the link the thumbnail stood right over the title, which
    read as a trending card with no upvote link after its date: ``upvotes`` None and no
    report. A trending card's thumbnail stands over ``Submitted by``, so on any other page
    such an entry is ``bad-upvotes`` at its title, as one without a thumbnail is."""
    text = (_TOOLS / output).read_text("utf-8")
    lines = text.split("\n")
    before = digestparse.parse(text, reference_date=TODAY)
    assert before.diagnostics == ()
    links = [n for n, line in enumerate(lines[:-1]) if re.fullmatch(r"\[[0-9]+\]\[IMG\]",
             line.strip()) and re.fullmatch(r"\[[0-9]+\](-|[0-9]+)", lines[n + 1].strip())]
    assert len(links) == len(before.papers) == 8  # counted by hand: one per entry
    for index, thumbnail in enumerate(links):
        damaged = lines[: thumbnail + 1] + lines[thumbnail + 2 :]
        title = next(n for n in range(thumbnail + 1, len(damaged)) if damaged[n].strip()) + 1
        digest = digestparse.parse("\n".join(damaged), reference_date=TODAY)
        assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-upvotes", title)]
        assert [p.upvotes for p in digest.papers] == [
            None if n == index else p.upvotes for n, p in enumerate(before.papers)]
        assert [p.title for p in digest.papers] == [p.title for p in before.papers]


def test_a_trending_card_that_lost_its_lead_in_is_no_lost_upvote_link() -> None:
    """On the trending page a card's upvote link follows its date: a thumbnail right over a
    title there is a card that lost its ``Submitted by`` line, and its copy gives the paper
    whole."""
    text = (_TOOLS / "trending.elinks.txt").read_text("utf-8")
    lines = text.split("\n")
    lead_in = lines.index("   Submitted by vvasilev")
    digest = digestparse.parse("\n".join(lines[:lead_in] + lines[lead_in + 1 :]),
                               reference_date=TODAY)
    assert "bad-upvotes" not in [d.code for d in digest.diagnostics]
    before = digestparse.parse(text, reference_date=TODAY)
    assert [(p.title, p.upvotes, p.submitted_by) for p in digest.papers] == [
        (p.title, p.upvotes, p.submitted_by) for p in before.papers]


def test_a_dropped_separator_and_a_dropped_date() -> None:
    lines = _lines()
    at = _at(lines, "   [20]")
    assert lines[at + 2] == "   ·"
    del lines[at + 2]
    digest = _read("\n".join(lines))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-separator", at + 3)]
    assert digest.papers[1].date == datetime.date(2026, 11, 24)
    lines = _lines()
    del lines[at + 3]
    digest = check_nothing_lost("\n".join(lines), _read("\n".join(lines)))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-date", at + 5)]
    assert (digest.papers[1].date, digest.papers[1].votes) == (None, None)
    assert len(digest.papers) == 4


def test_a_glued_line_and_a_bad_date() -> None:
    lines = _lines()
    at = _at(lines, "   Nov 24")
    lines[at] = "   Nov 24th"
    digest = _read("\n".join(lines))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-date", at + 1)]
    lines = _lines()
    at = _at(lines, "   ·")  # the first entry's separator glued to its date line
    lines[at : at + 2] = ["   · Nov 25 [16]3 [17]-"]
    digest = check_nothing_lost("\n".join(lines), _read("\n".join(lines)))
    assert digest.diagnostics[0].code == "bad-date"
    assert digest.diagnostics[0].line == at + 1


def test_a_dump_cut_inside_an_abstract_keeps_the_papers_before() -> None:
    lines = _lines()
    at = _at(lines, "   [23]Third abstract.")
    text = "\n".join([*lines[:at], "   [23]Thi", "", "[Content truncated]"])
    digest = check_nothing_lost(text, _read(text))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", at + 3)]
    assert [p.title for p in digest.papers] == [e.title for e in ENTRIES[:3]]
    assert digest.papers[2].abstract == "Thi"
    cut = "\n".join(lines[: _at(lines, "[18]One Author Only") + 1])
    digest = check_nothing_lost(cut, _read(cut))
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    assert len(digest.papers) == 1


@pytest.mark.parametrize(
    "output", ["trending.elinks.txt", "trending.elinks_noref.txt", "trending.lynx_w200.txt"]
)
def test_a_trending_dump_cut_inside_a_cards_summary_is_reported(output: str) -> None:
    """A card's summary that the input ends in (a partial download) lost the card's
    metadata: ``truncated-entry`` at its last line, in the first copy and in the second
    (which folds into the first), as in the listing's abstract."""
    lines = (_TOOLS / output).read_text("utf-8").split("\n")
    summary = [number for number, line in enumerate(lines, 1)
               if "synchronized audio from text prompts" in line]
    assert len(summary) == 2  # the card's two copies
    for cut in summary:
        text = "\n".join(lines[:cut])
        digest = check_nothing_lost(text, _read(text))
        assert [(d.code, d.line, d.message) for d in digest.diagnostics] == [(
            "truncated-entry", cut,
            "the entry ends before it is complete: inside the abstract")]
        (paper,) = digest.papers
        assert paper.title.startswith("Kandinsky 6.0 Video") and paper.end_line == cut


def test_junk_between_entries_is_one_diagnostic() -> None:
    lines = _lines()
    at = _at(lines, "   [17]-")
    lines[at:at] = ["   [BUTTON] Load more", "   some stray text", ""]
    digest = check_nothing_lost("\n".join(lines), _read("\n".join(lines)))
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", at + 1, at + 2)
    ]
    assert _fields(digest) == _expected()



@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    cards = draw(st.booleans())
    style = draw(st.sampled_from(CARD_STYLES if cards else STYLES))
    return damaged_text(
        draw, (trending(CARDS, style) if cards else page(ENTRIES, style)).split("\n"))


@given(mutated_page())
def test_a_damaged_dump_loses_nothing_and_strict_stops_at_the_first_finding(source: str) -> None:
    note(repr(source))
    digest = check_nothing_lost(source, _read(source))
    try:
        strict = _read(source, "strict")
    except digestparse.ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert digest.diagnostics == ()
        assert strict == digest
    if digest.dialect == "reference-text":  # a dump damaged past detection is another's
        for paper in digest.papers:
            assert bad_title(paper.title) is None, paper


def test_no_title_is_a_url_bracket_count_date_or_header_phrase() -> None:
    for style in STYLES:
        for text in (page(ENTRIES, style), trending(CARDS, style)):
            for paper in _read(text).papers:
                assert bad_title(paper.title) is None, (style, paper)


def _replace(old: str, *new: str, text: str | None = None) -> tuple[str, int]:
    """The daily page with the line ``old`` replaced by ``new``, and ``old``'s line number."""
    lines = (text if text is not None else page(ENTRIES)).split("\n")
    at = lines.index(old)
    lines[at : at + 1] = list(new)
    return "\n".join(lines), at + 1


def test_header_variants_lynx_may_write() -> None:
    for old, new in (
        ("by[11]AK and the research community",
         "by [11][papers-by.png] AK and the research community"),
        ("   [10]Subscribe", "   ____________________ [Subscribe]"),
        ("   [10]Subscribe", "   [BUTTON] [10]Subscribe"),
        ("   Nov 26", "   Nov 26\n   [99][arrow]"),
    ):
        text, _ = _replace(old, *new.split("\n"))
        digest = check_nothing_lost(text, _read(text))
        assert digest.diagnostics == (), (new, digest.diagnostics)
        assert _fields(digest) == _expected()
        assert "Daily Papers" in digest.header


def test_an_abstract_whose_number_stands_alone_and_one_that_lost_it() -> None:
    text, _ = _replace("   [19]Another abstract.", "   [19]", "   Another abstract.")
    digest = _read(text)
    assert digest.diagnostics == ()
    assert digest.papers[1].abstract == "Another abstract."
    text, at = _replace("   [19]Another abstract.", "   Another abstract.")
    digest = check_nothing_lost(text, _read(text))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-link", at)]
    assert digest.papers[1].abstract == "Another abstract."


def test_a_citation_wrapped_onto_a_line_of_its_own_stays_in_the_abstract() -> None:
    text, _ = _replace("   [19]Another abstract.", "   [19]Another abstract as in", "   [12]",
                       "   and more.")
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.papers[1].abstract == "Another abstract as in [12] and more."
    assert digest.papers[1].author_count == 1


def test_a_search_query_in_its_field() -> None:
    text, _ = _replace("   long context asr", "   long context asr_______________",
                       text=page(ENTRIES, query="long context asr"))
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert "long context asr" in digest.header


def test_damaged_metadata_is_reported_where_it_is() -> None:
    text, at = _replace("     * 1 authors", "     * one author")
    digest = check_nothing_lost(text, _read(text))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-authors", at)]
    assert digest.papers[1].author_count is None
    assert digest.papers[1].date == datetime.date(2026, 11, 24)
    lines = page(ENTRIES).split("\n")
    at = lines.index("   [20]")
    del lines[at : at + 2]  # the authors link and its item
    digest = check_nothing_lost("\n".join(lines), _read("\n".join(lines)))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-authors", at + 1)]
    text, at = _replace("   Nov 25 [16]3", "   Nov 25 [16]" + "9" * 19)
    digest = _read(text)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [("bad-votes", at, 15)]
    assert digest.papers[0].votes == 0


def test_a_card_whose_upvote_count_is_on_its_own_line() -> None:
    text = trending(CARDS)
    text, _ = _replace("   [14]Upvote 149", "   [14]Upvote", "   149", text=text)
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.papers[0].upvotes == 149


def test_a_listing_row_under_a_submitted_by_block() -> None:
    text, _ = _replace("   [17]-", "   Submitted by", "   [IMG]", "   [99]vvasilev", "   [17]-")
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert digest.papers[1].submitted_by == "vvasilev"


@pytest.mark.parametrize("indent", [True, False])
def test_an_abstract_wrapped_at_a_lone_star_or_hash(indent: bool) -> None:
    body = "   " if indent else ""
    text = page(ENTRIES, Style(indent=indent))
    text, _ = _replace(f"{body}[19]Another abstract.", f"{body}[19]Another abstract with",
                       f"{body}# of tokens and", f"{body}* boundaries.", text=text)
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.papers[1].abstract == "Another abstract with # of tokens and * boundaries."
    assert digest.papers[1].author_count == 1


_TOOLS = Path(__file__).parent / "fixtures" / "tools"


@pytest.mark.parametrize(("output", "first_words"), [
    ("long_names/daily.lynx.txt", "Tokenizers change between"),  # after its lone '[32]'
    ("long_names/daily.elinks.txt", "Task-specialized small"),  # elinks numbers no abstract
    ("daily.lynx_w200.txt", "Tokenizers change between"),  # one line, the avatars deeper
    ("long_names/trending.lynx.txt", "UniMate is a unified"),  # a card's summary
])
@pytest.mark.parametrize("bullet", ["* ", "# ", "+ "])
def test_a_text_that_starts_with_a_lone_star_hash_or_plus(
    output: str, first_words: str, bullet: str
) -> None:
    """Real tools' dumps whose abstract or summary starts with a lone ``*``, ``#`` or ``+``
    of its text, written by hand into the line lynx or elinks wrote: the text stays the
    entry's (it was ``missing-abstract`` and ``bad-authors``)."""
    original = (_TOOLS / output).read_text("utf-8")
    lines = original.split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip().startswith(first_words))
    lines[at] = lines[at].replace(first_words, bullet + first_words, 1)
    text = "\n".join(lines)
    digest = check_nothing_lost(text, digestparse.parse(text, reference_date=TODAY))
    before = digestparse.parse(original, reference_date=TODAY)
    assert digest.diagnostics == before.diagnostics == ()
    assert len(digest.papers) == len(before.papers)
    changed = [n for n, (new, old) in enumerate(zip(digest.papers, before.papers, strict=True))
               if new != old]
    assert len(changed) == 1
    paper, reference = digest.papers[changed[0]], before.papers[changed[0]]
    assert paper.abstract == bullet + reference.abstract
    assert attrs.evolve(paper, abstract=reference.abstract) == reference


@pytest.mark.parametrize(("output", "words"), [
    ("long_names/daily.lynx.txt", "matters."),  # the abstract's last line
    ("long_names/daily.elinks.txt", "corpus of three million"),  # a line inside it
    ("long_names/trending.lynx.txt", "per-skeleton retraining."),  # a card's summary
])
def test_a_line_of_the_text_that_starts_with_a_middle_dot(output: str, words: str) -> None:
    """An abstract wrapped before a ``·`` of its text (``· d) per layer``) goes on: only
    ``·`` alone, or before a date or ``Published on``, is the listing's separator."""
    original = (_TOOLS / output).read_text("utf-8")
    lines = original.split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip().startswith(words))
    lines[at] = lines[at].replace(words, "· d) per layer " + words, 1)
    text = "\n".join(lines)
    digest = check_nothing_lost(text, digestparse.parse(text, reference_date=TODAY))
    before = digestparse.parse(original, reference_date=TODAY)
    assert digest.diagnostics == ()
    assert len(digest.papers) == len(before.papers)
    changed = [n for n, (new, old) in enumerate(zip(digest.papers, before.papers, strict=True))
               if new != old]
    assert len(changed) == 1
    paper, reference = digest.papers[changed[0]], before.papers[changed[0]]
    assert " · d) per layer " + words in paper.abstract
    assert attrs.evolve(paper, abstract=reference.abstract) == reference


@pytest.mark.parametrize("output", ["long_names/daily.lynx.txt", "long_names/trending.elinks.txt"])
@pytest.mark.parametrize("wrapped", [
    "   Get trending papers in your email inbox once a\n   day!",  # lynx -width=56
    "   Get trending papers in your email inbox\n   once a day!",
])
def test_a_header_phrase_wrapped_at_a_narrow_width(output: str, wrapped: str) -> None:
    """lynx and elinks at 56 columns wrap the promo line (``… once a`` over ``day!``): the
    two lines are the one phrase (it was ``bad-header``, and strict mode rejected the dump)."""
    original = (_TOOLS / output).read_text("utf-8")
    promo = "   Get trending papers in your email inbox once a day!"
    assert original.count(promo + "\n") == 1
    text = original.replace(promo + "\n", wrapped + "\n")
    digest = digestparse.parse(text, mode="strict", reference_date=TODAY)
    before = digestparse.parse(original, reference_date=TODAY)
    assert digest.header == before.header
    assert "Get trending papers in your email inbox once a day!" in digest.header
    # one line more above them
    assert digest.papers == tuple(
        attrs.evolve(paper, line=paper.line + 1, end_line=paper.end_line + 1)
        for paper in before.papers
    )
    assert before.header_span is not None
    assert digest.header_span == (before.header_span[0], before.header_span[1] + 1)


def test_a_card_summary_wrapped_at_a_lone_hash_and_an_organization_not_linked() -> None:
    text = trending(CARDS)
    text, _ = _replace("   A family of models.", "   A family of models with", "   # of tokens.",
                       text=text)
    linked = "   [26][kandinsky] Kandinsky Lab · Published on Oct 4, 2026"
    assert text.count(linked) == 1
    text = text.replace(linked, "   Kandinsky Lab · Published on Oct 4, 2026")
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    card = digest.papers[1]
    assert (card.abstract, card.organization) == (
        "A family of models with # of tokens.", "Kandinsky Lab"
    )
    assert card.date == datetime.date(2026, 10, 4)


# --- found by the independent review: literal dumps written by hand, not by lynx_support ---

_REVIEW_HEAD = """\
[1]Hugging Face's logo Hugging Face

     * [2]Models
     * [3]Sign Up

   new

   Get trending papers in your email inbox once a day!

   Get trending papers in your email inbox!

   [4]Subscribe

                                 {title}

by[5]AK and the research community

"""


def test_a_title_wrapped_before_its_last_number() -> None:
    text = _REVIEW_HEAD.format(title="Daily Papers") + """\
     * Daily
     * Weekly
     * Monthly

   Nov 26

   [6]
   4

[7]Sparse Mixtures of Reviewers for Long Documents: Lessons Learned, Part
2

   [8]
   We revisit sparse reviewers.

   [9]
     * 3 authors
   ·
   Nov 25
"""
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    paper = digest.papers[0]
    assert paper.title == (
        "Sparse Mixtures of Reviewers for Long Documents: Lessons Learned, Part 2"
    )
    assert (paper.abstract, paper.upvotes, paper.author_count) == (
        "We revisit sparse reviewers.", 4, 3
    )
    assert _read(text, "strict") == digest


def test_a_search_query_in_a_numbered_field() -> None:
    text = _REVIEW_HEAD.format(title="Daily Papers") + """\
   [6]sparse reviewers____________________

     * Daily
     * Weekly
     * Monthly

   Nov 26

   [7]-

[8]Sparse Reviewers

   [9]We revisit sparse reviewers.
   [10][occ] OCC
   ·
   Nov 25
"""
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.header[-4:] == ("sparse reviewers", "Daily", "Weekly", "Monthly")
    assert [(p.title, p.upvotes, p.organization) for p in digest.papers] == [
        ("Sparse Reviewers", 0, "OCC")
    ]


def test_a_card_summary_wrapped_at_a_citation() -> None:
    card = """\
   Submitted by
   [IMG]
   someone

[{n}]Sparse Reviewers

   We revisit sparse reviewers, as earlier work did
   [12] and others, and find that gains hold
   [3].

   [{m}][occ] OCC · {published}Oct 4, 2026

   [{k}]Upvote
   17

"""
    text = _REVIEW_HEAD.format(title="Trending Papers") + card.format(
        n=6, m=7, k=8, published="Published on "
    ) + card.format(n=9, m=10, k=11, published="")
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert [(p.abstract, p.organization, p.upvotes) for p in digest.papers] == [
        ("We revisit sparse reviewers, as earlier work did [12] and others, and find that "
         "gains hold [3].", "OCC", 17)
    ]
    assert digest.papers[0].date == datetime.date(2026, 10, 4)


@pytest.mark.parametrize(
    ("shown", "organization"),
    [
        ("occ OCC", "OCC"),
        ("idiap Idiap Research Institute", "Idiap Research Institute"),
        ("reviewlab Review Lab", "Review Lab"),
        ("Review Lab Review Lab", "Review Lab"),
        ("[reviewlab] Review Lab", "Review Lab"),
        ("Review Lab", "Review Lab"),
    ],
)
def test_an_organizations_logo_alt_shown_bare(shown: str, organization: str) -> None:
    # lynx writes an image's alt text as it is, without brackets: the logo's alt (the
    # organization's handle) stands before the name.
    text = _REVIEW_HEAD.format(title="Daily Papers") + f"""\
     * Daily
     * Weekly
     * Monthly

   Nov 26

   [6]-

[7]Sparse Reviewers

   [8]We revisit sparse reviewers.
   [9]{shown} ·
   Nov 25 [10]2

   [11]
   5

[12]Dense Reviewers

   [13]We revisit dense reviewers.
   [14]
     * 2 authors
   ·
   Nov 24
"""
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert [(p.title, p.organization, p.author_count, p.votes) for p in digest.papers] == [
        ("Sparse Reviewers", organization, None, 2), ("Dense Reviewers", None, 2, 0)
    ]


#: A dump with lynx's button marks: the tabs, a form's button and the footer's theme switch may
#: be buttons (lynx writes '(BUTTON)' before a <button>'s label).
_BUTTONS_PAGE = """\
[1]Hugging Face's logo Hugging Face

     * [2]Models
     * (BUTTON)

   new

   Get trending papers in your email inbox once a day!

   Get trending papers in your email inbox!

   (BUTTON) Subscribe

                                 Daily Papers

by[3]AK and the research community

     * (BUTTON) Daily
     * (BUTTON) Weekly
     * (BUTTON) Monthly

   Nov 26

   [4]3

[5]Sparse Reviewers

   [6]We revisit sparse reviewers.
   [7]
     * 2 authors
   ·
   Nov 25

   [8]Previous [9]Next

   (BUTTON) System theme
   Company

References

   1. https://huggingface.co/
"""


def test_lynxs_button_mark_in_the_header_and_the_footer() -> None:
    text = _BUTTONS_PAGE
    digest = check_nothing_lost(text, _read(text))
    assert digest.diagnostics == ()
    assert digest.header == (
        "new", "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
        "byAK and the research community", "Daily", "Weekly", "Monthly",
    )
    assert [(p.title, p.upvotes, p.author_count) for p in digest.papers] == [
        ("Sparse Reviewers", 3, 2)
    ]
    lines = text.split("\n")
    assert digest.footer_span == (lines.index("   [8]Previous [9]Next") + 1, len(lines) - 1)
    assert _read(text, "strict") == digest


def test_lynxs_empty_button_items_after_the_byline() -> None:
    """The trending page's switcher shows no labels: lynx writes its items as ``* (BUTTON)``
    alone (it was ``bad-header``), a header line that shows no words."""
    text = _BUTTONS_PAGE
    for period in ("Daily", "Weekly", "Monthly"):
        text = text.replace(f"* (BUTTON) {period}\n", "* (BUTTON)\n")
    assert text.count("* (BUTTON)\n") == 4
    digest = check_nothing_lost(text, _read(text, "strict"))
    assert digest.header[-1] == "byAK and the research community"
    assert [(p.title, p.upvotes, p.author_count) for p in digest.papers] == [
        ("Sparse Reviewers", 3, 2)
    ]


def test_link_numbers_that_do_not_grow_are_no_lynx_marks() -> None:
    """lynx numbers links in the page's order: the same ``[2611]`` over each card (w3m's
    image) is no lynx dump's; nor are w3m's labels that grow, papers of several months in
    page order, with no link's text numbered; a mark of thousands of digits is read without
    ``int`` of it."""
    from digestparse.dialects.reference_text import lynx

    head = ["Daily Papers", "Get trending papers in your email inbox once a day!",
            "[2611]", "117", "Title", "[2611]", "25", "Other", "[2611]", "-", "Third"]
    assert not lynx.detect(head)
    months = ["Daily Papers", "Get trending papers in your email inbox once a day!",
              "[2609]", "117", "Title", "[2610]", "25", "Other", "[2611]", "-", "Third"]
    assert not lynx.detect(months)
    # w3m's avatar labels after their bullets, one all digits: no link's text numbered.
    avatars = [*months[:5], "\u2022 [1092092469]", "\u2022 3 authors", *months[5:]]
    assert not lynx.detect(avatars)
    assert lynx.detect([*avatars[:-1], "\u2022 [2612]Third"])
    grown = ["Daily Papers", "Get trending papers in your email inbox once a day!",
             "[5]", "117", "[6]Title", "[9]", "25", "[10]Other", "[13]", "-", "[14]Third"]
    assert lynx.detect(grown)
    huge = ["Daily Papers", "Get trending papers in your email inbox once a day!",
            "[1]x", "[2]y", "[" + "9" * 5000 + "]z"]
    assert lynx.detect(huge)
    digestparse.parse("\n".join(huge) + "\n")  # no error from a long number


def test_a_high_link_number_moved_to_the_head_leaves_the_others_counted() -> None:
    """A line of the page that moved above the menu (a copy, an edit) keeps its high link
    number; the menu's growing numbers after it are still lynx's marks."""
    from digestparse.dialects.reference_text import lynx

    head = ["[480]Sparse Reviewers", "Daily Papers",
            "Get trending papers in your email inbox once a day!",
            "   * [2]Models", "   * [3]Datasets", "   * [4]Spaces"]
    assert lynx.detect(head)
    assert not lynx.detect(head[:-1])  # two growing numbers are not enough
    falling = ["Daily Papers", "Get trending papers in your email inbox once a day!",
               "[9]x", "[7]y", "[5]z", "[3]w"]
    assert not lynx.detect(falling)
