"""The reference-text dialect (capture 01): damaged variants, properties, detection.

Capture 01's layout, read by hand (tests/fixtures/captures/01_*.txt): a
``# Web source`` wrapper on lines 1-7, the menu on 8-38, the header on
39-52, the page date ``Jun 29`` on 54; the first entry has its upvote box on
55-57 (``-``), its title on 59, its abstract ``[`` on 61, text on 63-72 and
``][33]`` on 74, its authors box on 75-77 (``* 3 authors``), ``·`` on 78 and
``May 30`` on 79; the second entry's upvote box (``65``) is on 80-82, its
title on 84, its abstract on 86-99, authors box 100-102, ``·`` 103 and
``Mar 8, 2024 [ 6][39]`` on 104. The wrapped title of entry 18 is on 501-502.
The last entry (34th, box 935-937, title 939) is cut inside its abstract
(``Ho`` on 944); ``[Content truncated]`` is on 946 and the closing fence on 947.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, note

import digestparse
from dialect_support import (
    FastPathSpy,
    assert_paths_agree,
    delete,
    detector_head,
    keep_until,
    parse_events,
    replace,
    then,
)
from digestparse.diagnostics import Mode
from digestparse.dialects import BY_NAME
from digestparse.dialects.reference_text import REFERENCE_TEXT, chrome, cut, fastpath, header, rules
from digestparse.dialects.reference_text.fastpath import read_canonical
from digestparse.grammar import MONTHS, PAGE_PHRASES, PROMO_DAILY
from digestparse.state import ParseState
from hostile_support import SEED_PATHS, check_nothing_lost, damaged_text

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
CAPTURE = CAPTURES / "01_hfpapers_search_longcontext_asr_lynx.txt"
TEXT = CAPTURE.read_text(encoding="utf-8")
LINES = TEXT.split("\n")[:-1]  # the file ends with a line break
assert len(LINES) == 947


def parse(source: str, mode: str = "lenient", **options: Any) -> digestparse.Digest:
    return digestparse.parse(source, mode=mode, **options)  # type: ignore[arg-type]


def check_lenient(source: str, **options: Any) -> digestparse.Digest:
    """Lenient parse (the capture's own reference date) with the nothing-lost invariants."""
    return check_nothing_lost(source, parse(source, **options))


def edited(edit: Callable[[list[str]], list[str]]) -> str:
    return "\n".join(edit(list(LINES))) + "\n"


def glue(number: int) -> Callable[[list[str]], list[str]]:
    """Line ``number`` and the next one become one line."""
    return lambda lines: [
        *lines[: number - 1], lines[number - 1] + lines[number], *lines[number + 1 :]
    ]


def replace_from(number: int, *new: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: [*lines[: number - 1], *new]


# -- the capture itself (its fields are in tests/test_captures.py) -----------------


def test_capture_wrapper_header_and_footer() -> None:
    digest = parse(TEXT)
    assert digest.dialect == "reference-text"
    assert digest.header_span == (1, 54)
    assert digest.footer_span == (947, 947)
    assert digest.header == (
        "new",
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
        "Daily",
        "Weekly",
        "Monthly",
    )
    assert digest.captured_at == datetime.datetime(
        2026, 6, 29, 16, 31, 22, 135762, tzinfo=datetime.timezone.utc
    )


def test_capture_truncation_is_one_diagnostic_at_the_mark() -> None:
    digest = check_lenient(TEXT)
    (diagnostic,) = digest.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.end_line) == ("truncated-entry", 946, 946)
    assert "[Content truncated]" in diagnostic.message
    last = digest.papers[-1]
    assert last.span == (935, 944)
    assert last.abstract.endswith("to process long contexts. Ho")


@pytest.mark.parametrize("number", [80, 205])
def test_a_box_that_lost_its_bracket_after_a_date_keeps_the_dialect(number: int) -> None:
    """A box that lost its ``[`` line, right after a date with no comment count, shows a
    bare count under the date (``Jan 11`` / ``0`` / ``][35]``), as a tool that kept no URL
    writes a comment count: the ``][N]`` under the count is link markup, which such a tool
    never writes, and the capture stays reference-text (it was read as text-urls, every
    paper lost)."""
    assert LINES[number - 1] == "[" and LINES[number].isdigit() and LINES[number - 2][:3] in MONTHS
    text = edited(lambda lines: [*lines[: number - 1], *lines[number:]])
    digest = check_lenient(text)
    assert digest.dialect == "reference-text"
    own = [(d.code, d.line - 1) for d in parse(TEXT).diagnostics]  # the capture's cut end
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-upvotes", number), *own]
    assert len(digest.papers) == len(parse(TEXT).papers)


@pytest.mark.parametrize("cut", ["[[microsoft] Micro", "[[microsoft]", "[[micro"])
def test_an_organization_cut_before_its_reference_is_reported(cut: str) -> None:
    """An organization line cut before its ``][N]`` is ``unbalanced-bracket`` at its end,
    and the name keeps no ``[`` (it was read silently as ``[Micro``)."""
    number = LINES.index("[[microsoft] Microsoft][67]") + 1
    text = edited(lambda lines: [*lines[: number - 1], cut, *lines[number:]])
    digest = check_lenient(text)
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == ("unbalanced-bracket", number, len(cut) + 1)
    paper = next(paper for paper in digest.papers if paper.line < number <= paper.end_line)
    # A cut inside the logo's alt text, or right after it, leaves no name.
    assert paper.organization == ("Micro" if cut == "[[microsoft] Micro" else None)
    assert_paths_agree(REFERENCE_TEXT, text, CAPTURED)


def test_forced_dialect_and_streaming_read_the_same() -> None:
    digest = parse(TEXT)
    assert parse(TEXT, dialect="reference-text") == digest
    stream = digestparse.iter_papers(CAPTURE)
    assert tuple(stream) == digest.papers
    assert stream.dialect == "reference-text"


def test_reference_date_given_by_the_caller_wins() -> None:
    digest = parse(TEXT, reference_date=datetime.date(2026, 12, 31))
    assert digest.page_date == datetime.date(2026, 6, 29)
    digest = parse(TEXT, reference_date=datetime.date(2026, 6, 1))
    assert digest.page_date == datetime.date(2025, 6, 29)
    assert digest.papers[0].date == datetime.date(2025, 5, 30)


def _one_line_boxes(lines: list[str]) -> list[str]:
    """Every upvote box ``[`` / count / ``][N]`` written on one line, ``[count][N]``."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if (lines[i] == "[" and i + 2 < len(lines) and re.fullmatch(r"-|[0-9]+", lines[i + 1])
                and re.fullmatch(r"\]\[[0-9]+\]", lines[i + 2])):
            out.append(f"[{lines[i + 1]}{lines[i + 2]}")
            i += 3
        else:
            out.append(lines[i])
            i += 1
    return out


def test_upvote_box_on_one_line() -> None:
    """The page of late 2026 links the upvote count alone (03:30 ``[101](…login…)``), which a
    lynx-style tool writes on one line: ``[101][35]``, ``[-][31]``."""
    lines = _one_line_boxes(list(LINES))
    assert lines[54:56] == ["[-][31]", ""] and lines[77] == "[65][35]"
    digest = check_lenient("\n".join(lines) + "\n")
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 878)]
    whole = parse(TEXT).papers
    assert len(digest.papers) == 34
    assert [p.upvotes for p in digest.papers] == [p.upvotes for p in whole]
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in whole
    ]
    assert (digest.papers[0].line, digest.papers[1].line) == (55, 78)


def _late_2026(lines: list[str]) -> list[str]:
    """Capture 01 as the page of late 2026 would give it (03, 05): upvote boxes on one line,
    an image in the byline, the trending tab after the switcher, two author avatars in each
    authors box, comment counts glued to their dates."""
    out: list[str] = []
    for line in _one_line_boxes(lines):
        if line.startswith("## by[AK]"):
            line = "## by[[papers-by.png] AK][30] and the research community"
        glued = re.fullmatch(r"([A-Z][a-z]{2} [0-9].*) \[ ([0-9]+)\](\[[0-9]+\])", line)
        if glued is not None:
            line = f"{glued[1]}[{glued[2]}]{glued[3]}"
        if re.fullmatch(r"\* [0-9]+ authors?", line):
            out += ["* [IMG]", "* [IMG]"]
        out.append(line)
        if line == "* Monthly":
            out.append("[Trending Papers][31]")
    return out


def test_a_capture_of_the_late_2026_page() -> None:
    lines = _late_2026(list(LINES))
    assert "Mar 8, 2024[6][39]" in lines and "[Trending Papers][31]" in lines
    digest = check_lenient("\n".join(lines) + "\n")
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in parse(TEXT).papers
    ]
    assert _fast_papers(lines[7:lines.index("```", 7)]) == 33


@pytest.mark.parametrize(
    ("box", "upvotes"), [("[ 12 ][35]", 12), ("[-][35]", 0), ("[ - ][35]", 0)]
)
def test_one_line_upvote_box_forms(box: str, upvotes: int) -> None:
    digest = check_lenient(edited(lambda lines: [*lines[:54], box, *lines[57:]]))
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    assert (digest.papers[0].upvotes, digest.papers[0].line) == (upvotes, 55)


def test_one_line_upvote_box_too_large() -> None:
    source = edited(lambda lines: [*lines[:54], "[" + "9" * 19 + "][31]", *lines[57:]])
    with pytest.raises(digestparse.ParseError) as raised:
        parse(source, "strict")
    assert (raised.value.code, raised.value.line) == ("bad-upvotes", 55)
    assert check_lenient(source).papers[0].upvotes is None


@pytest.mark.parametrize(
    "avatars",
    [
        ("*", "*"),
        ("* [IMG]", "* [IMG]", "* [IMG]"),
        ("* []",),
        ("* [avatar.png] [avatar.png]", "*"),
    ],
)
def test_authors_box_with_avatars(avatars: tuple[str, ...]) -> None:
    """The page of late 2026 lists up to five author avatars before the count (03:80-82,
    05:159-167); lynx writes an image as its alt text in brackets, or nothing."""
    source = edited(lambda lines: [*lines[:75], *avatars, *lines[75:]])
    digest = check_lenient(source)
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    first = digest.papers[0]
    assert (first.author_count, first.date, first.votes) == (3, datetime.date(2026, 5, 30), 0)
    assert first.span == (55, 79 + len(avatars))
    shift = len(avatars)
    assert [attrs.evolve(p, line=p.line - shift, end_line=p.end_line - shift)
            for p in digest.papers[1:]] == list(parse(TEXT).papers[1:])


def test_authors_box_of_avatars_without_its_count() -> None:
    source = edited(lambda lines: [*lines[:75], "* [IMG]", *lines[76:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("bad-authors", 77), ("truncated-entry", 946)
    ]
    assert digest.papers[0].author_count is None
    assert digest.papers[0].date == datetime.date(2026, 5, 30)


@pytest.mark.parametrize(
    "byline",
    [
        "## by[AK][30] and the research community",  # as capture 01
        # The page of late 2026 draws an image before AK's name (03:19 ``![](…papers-by.png)``,
        # 05:31 an image placeholder); lynx writes an image as its alt text in brackets.
        "## by[[papers-by.png] AK][30] and the research community",
        "## by [[IMG] AK][30] and the research community",
        "## by[[] AK][30] and the research community",
        "## by[IMG][AK][30] and the research community",
    ],
)
def test_byline_with_an_image_is_a_header_line(byline: str) -> None:
    digest = parse(edited(replace(49, byline)))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 946)]
    assert digest.header[5] in ("byAK and the research community",
                                "by AK and the research community")
    assert digest.header_span == (1, 54)


@pytest.mark.parametrize("tab", ["[Trending Papers][31]", "Trending Papers"])
def test_the_trending_tab_after_the_switcher_is_a_header_line(tab: str) -> None:
    """The page of late 2026 shows a tab to the trending list after the switcher (03:26
    ``[Trending Papers](…)``, 05:41): a header line, once, also under ``# Trending Papers``."""
    for title in ("# Daily Papers", "# Trending Papers"):
        source = "\n".join([*LINES[:46], title, *LINES[47:52], tab, *LINES[52:]]) + "\n"
        digest = parse(source)
        assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 947)]
        assert digest.header_span == (1, 55)
        assert digest.header[-1] == "Trending Papers"
        assert digest.page_date == datetime.date(2026, 6, 29)
    # Twice is one tab too many; a second title before the byline is out of order as before.
    twice = edited(lambda lines: [*lines[:52], tab, tab, *lines[52:]])
    first = parse(twice).diagnostics[0]
    assert (first.code, first.line) == ("bad-header", 54)
    early = edited(lambda lines: [*lines[:47], tab, *lines[47:]])
    first = parse(early).diagnostics[0]
    assert (first.code, first.line) == ("bad-header", 48)


@pytest.mark.parametrize("links", [["[][31]", "[][32]"], ["[[arrow]][31]"]])
def test_icon_links_after_the_switcher_are_header_lines(links: list[str]) -> None:
    """The page of mid 2026 has two links without text after the switcher (02:81-85: the
    trending tab's icon and the previous day's arrow, a URL line each with no text); a tool
    that keeps such a link writes ``[][N]`` (or its image, ``[[arrow]][N]``): navigation in
    the header, no deviation."""
    source = edited(lambda lines: [*lines[:52], *links, *lines[52:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("truncated-entry", 946 + len(links))
    ]
    assert digest.page_date == datetime.date(2026, 6, 29)
    assert digest.header_span == (1, 54 + len(links))
    assert digest.header[-1] == "Monthly"


@pytest.mark.parametrize("where", [49, 52])
def test_a_search_pages_query_below_the_byline_is_a_header_line(where: int) -> None:
    """Search pages show their query under the byline (02:73 ``Intercode Bash``; 01's tool
    dropped it): a text line there, with a header line or the page date after it, is a
    header line, once, as in the markdown dialect."""
    source = edited(lambda lines: [*lines[:where], "Long-context ASR", *lines[where:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 947)]
    assert "Long-context ASR" in digest.header and digest.header_span == (1, 55)
    assert digest.page_date == datetime.date(2026, 6, 29)
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in parse(TEXT).papers
    ]
    # Two lines (the first has no header line after it), or one above the byline, are out
    # of place as before.
    twice = edited(lambda lines: [*lines[:where], "a", "b", *lines[where:]])
    assert [(d.code, d.line) for d in parse(twice).diagnostics][:1] == [
        ("bad-header", where + 1)
    ]
    early = edited(lambda lines: [*lines[:47], "Long-context ASR", *lines[47:]])
    assert [(d.code, d.line) for d in parse(early).diagnostics][:1] == [("bad-header", 48)]
    # With the icon links of the page after it (02:81-85).
    icons = edited(lambda lines: [*lines[:52], "Long-context ASR", "[][31]", *lines[52:]])
    assert [d.code for d in check_lenient(icons).diagnostics] == ["truncated-entry"]


@pytest.mark.parametrize(
    "label",
    ["Week 26", "Week 26, 2026", "2026-W26", "June 2026", "Jun 2026", "June", "2026-06",
     "Jun 22 - Jun 28", "Jun 22 \u2013 28, 2026"],
)
def test_a_week_or_month_view_shows_its_period_where_the_page_date_stands(label: str) -> None:
    """``/papers/week/2026-W26`` and ``/papers/month/2026-06`` show a week or month label
    where the daily page shows its date: a header line, no page date, no deviation; yearless
    dates take the capture time's year, as without a page date."""
    source = edited(lambda lines: [*lines[:53], label, *lines[54:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 946)]
    assert (digest.header[-1], digest.header_span, digest.page_date) == (label, (1, 54), None)
    assert digest.papers == parse(TEXT).papers
    # Only last: one of two labels, or one before the byline, is out of place as before.
    twice = edited(lambda lines: [*lines[:53], label, label, *lines[54:]])
    assert (parse(twice).diagnostics[0].code, parse(twice).diagnostics[0].line) == (
        "bad-header", 54
    )
    early = edited(lambda lines: [*lines[:47], label, *lines[47:53], *lines[54:]])
    assert (parse(early).diagnostics[0].code, parse(early).diagnostics[0].line) == (
        "bad-header", 48
    )


@pytest.mark.parametrize(
    "captured",
    [
        # 21:00 on Jun 28 at UTC-5 is 02:00 on Jun 29 in UTC: the site's day is already the
        # page date; the capture clock's own day is not yet.
        "2026-06-28T21:00:00-05:00",
        # 01:00 on Jun 30 at UTC+5 is still Jun 29 in UTC: the clock's day is the later one.
        "2026-06-30T01:00:00+05:00",
        "2026-06-29T16:31:22Z",
    ],
)
def test_yearless_dates_resolve_against_the_later_day_of_the_capture(captured: str) -> None:
    """Either day the capture time falls on (its own offset's, or UTC's) may be the one the
    page shows; the later one never puts a date of the page a year back."""
    source = edited(replace(5, f"- Captured (UTC): {captured}"))
    digest = parse(source)
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]  # the capture's cut
    assert digest.captured_at == datetime.datetime.fromisoformat(captured.replace("Z", "+00:00"))
    assert digest.page_date == datetime.date(2026, 6, 29)
    assert digest.papers[0].date == datetime.date(2026, 5, 30)


# -- damaged variants ----------------------------------------------------------


@attrs.frozen
class Case:
    name: str
    edit: Callable[[list[str]], list[str]]
    #: (code, line, column) of the strict ParseError.
    strict: tuple[str, int, int]
    #: Diagnostic codes lenient mode records, in order.
    codes: tuple[str, ...]
    paper_count: int = 34
    #: Index of a paper and fields lenient mode must give it.
    paper: int = 0
    fields: dict[str, Any] = attrs.field(factory=dict)


_ONE_LINE_ABSTRACT = "Long-form automatic speech recognition (ASR) needs accuracy and speed."


def _one_line_abstract(lines: list[str]) -> list[str]:
    """Entry 1's abstract (lines 62-73: blank, ten lines of text, blank) on one line."""
    return [*lines[:61], _ONE_LINE_ABSTRACT, *lines[73:]]


CASES = [
    Case("dropped '·'", delete(78), ("missing-separator", 78, 1),
         ("missing-separator", "truncated-entry"),
         fields={"author_count": 3, "date": datetime.date(2026, 5, 30), "votes": 0}),
    Case("dropped abstract close", delete(74), ("unbalanced-bracket", 74, 1),
         ("unbalanced-bracket", "truncated-entry"),
         fields={"author_count": 3, "span": (55, 78)}),
    Case("dropped abstract open", delete(61), ("unbalanced-bracket", 62, 1),
         ("unbalanced-bracket", "truncated-entry"),
         fields={"author_count": 3, "links": ("https://github.com/uw-syfi/Murmur",)}),
    Case("dropped upvote count", delete(56), ("bad-upvotes", 56, 1),
         ("bad-upvotes", "truncated-entry"), fields={"upvotes": None, "span": (55, 78)}),
    Case("dropped upvote box close", delete(57), ("bad-upvotes", 58, 1),
         ("bad-upvotes", "truncated-entry"), fields={"upvotes": 0}),
    Case("dropped title", delete(59), ("junk", 55, 1), ("junk", "truncated-entry"),
         paper_count=33, fields={"upvotes": 65, "line": 79}),
    Case("dropped second line of a wrapped title", delete(502),
         ("unbalanced-bracket", 501, 110), ("unbalanced-bracket", "truncated-entry"),
         paper=17,
         fields={"title": "KV Cache Compression, But What Must We Give in Return? "
                          "A Comprehensive Benchmark of Long Context Capable",
                 "author_count": 13}),
    Case("dropped authors line", delete(76), ("bad-authors", 76, 1),
         ("bad-authors", "truncated-entry"),
         fields={"author_count": None, "date": datetime.date(2026, 5, 30)}),
    # The abstract on one line, then the authors box dropped: ``[`` / text / ``][33]`` / ``·``
    # is the abstract (it was read as a bad authors box, and the abstract lost).
    Case("one-line abstract, dropped authors box",
         then(delete(75, 76, 77), _one_line_abstract), ("missing-authors", 64, 1),
         ("missing-authors", "truncated-entry"),
         fields={"abstract": _ONE_LINE_ABSTRACT, "author_count": None, "organization": None,
                 "date": datetime.date(2026, 5, 30), "span": (55, 65)}),
    Case("dropped date line", delete(79), ("missing-date", 79, 1),
         ("missing-date", "truncated-entry"),
         fields={"date": None, "votes": None, "end_line": 78}),
    Case("dropped organization line", delete(273), ("missing-authors", 273, 1),
         ("missing-authors", "truncated-entry"), paper=8,
         fields={"organization": None, "date": datetime.date(2026, 3, 13), "votes": 3}),
    Case("date glued to the next upvote box", glue(79), ("bad-date", 79, 1),
         ("bad-date", "bad-upvotes", "truncated-entry"),
         fields={"date": None, "votes": None}),
    Case("'·' glued to the date", glue(78), ("missing-separator", 78, 1),
         ("missing-separator", "bad-date", "truncated-entry"),
         fields={"author_count": 3, "date": None}),
    Case("entry date after the page date", replace(79, "Jul 30"), ("date-after-page", 79, 1),
         ("date-after-page", "truncated-entry"), fields={"date": datetime.date(2025, 7, 30)}),
    Case("comment count too large", replace(79, "May 30 [ 1234567890123456789][35]"),
         ("bad-votes", 79, 10), ("bad-votes", "truncated-entry"),
         fields={"date": datetime.date(2026, 5, 30), "votes": 0}),
    Case("page date with a comment count", replace(54, "Jun 29 [ 3][9]"),
         ("bad-page-date", 54, 10), ("bad-page-date", "truncated-entry"),
         fields={"date": datetime.date(2026, 5, 30)}),
    Case("upvote count that is no number", replace(56, "1.2k"), ("bad-upvotes", 56, 1),
         ("bad-upvotes", "truncated-entry"), fields={"upvotes": None, "span": (55, 79)}),
    Case("truncated inside an abstract", keep_until(90), ("truncated-entry", 90, 1),
         ("truncated-entry",), paper_count=2, paper=1,
         fields={"abstract": "In this report, we present the latest model of the Gemini family, "
                             "Gemini 1.5 Pro, a highly compute-efficient multimodal mixture-of-"
                             "experts model capable of recalling and reasoning over fine-grained "
                             "information from millions of tokens of context, including multiple "
                             "long documents and hours of video and audio. Gemini 1.5 Pro "
                             "achieves near-perfect recall on",
                 "date": None, "votes": None, "span": (80, 90)}),
    Case("truncated inside an authors box", keep_until(100), ("truncated-entry", 100, 1),
         ("truncated-entry",), paper_count=2, paper=1,
         fields={"author_count": None, "date": None, "span": (80, 100)}),
    Case("truncated after a title", keep_until(84), ("truncated-entry", 80, 1),
         ("truncated-entry",), paper_count=1),
    Case("cut by the capture tool between entries", replace_from(105, "[Content truncated]"),
         ("junk", 105, 1), ("junk",), paper_count=2, paper=1,
         fields={"date": datetime.date(2024, 3, 8), "votes": 6}),
    Case("a stray line between entries", lambda lines: [*lines[:79], "Show more", *lines[79:]],
         ("junk", 80, 1), ("junk", "truncated-entry"), paper=1, fields={"upvotes": 65}),
]


@pytest.mark.parametrize(
    ("line", "votes", "column"),
    [
        ("Mar 8, 2024 [ 6][39]", 6, 15),  # as capture 01 writes it
        ("Mar 8, 2024 [6][39]", 6, 14),
        # lynx keeps the blanks around a link's text ('* [ Models ][2]'): after it too.
        ("Mar 8, 2024 [ 6 ][39]", 6, 15),
        ("Mar 8, 2024 [  12  ][1039]", 12, 16),
        # Glued to the date, as the page of late 2026 writes it (03:40 'May 29[6](…)').
        ("Mar 8, 2024[ 6][39]", 6, 14),
        ("Mar 8, 2024[6][39]", 6, 13),
    ],
)
def test_comment_count_with_blanks_inside_its_brackets_or_glued(
    line: str, votes: int, column: int
) -> None:
    source = edited(replace(104, line))
    digest = parse(source)
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]  # the capture's cut
    paper = digest.papers[1]
    assert (paper.date, paper.date_text, paper.votes) == (
        datetime.date(2024, 3, 8), "Mar 8, 2024", votes
    )
    assert paper.end_line == 104
    # The count's column is that of its first digit (here shown by a count too large).
    too_large = line.replace(str(votes), "1" * 19)
    with pytest.raises(digestparse.ParseError) as raised:
        parse(edited(replace(104, too_large)), "strict")
    assert (raised.value.code, raised.value.line, raised.value.column) == ("bad-votes", 104, column)


@pytest.mark.parametrize(
    ("number", "start"),
    [
        (66, "* "),  # "… speakers and timestamps at boundaries * everything …"
        (66, "# "),  # "… the # of …"
        (72, "# "),  # the abstract's last line
        (63, "* "),  # its first
    ],
)
def test_abstract_line_that_starts_like_lynx_markup(number: int, start: str) -> None:
    """A hard wrap may put a lone '*' or '#' of the text at a line's start: while only text
    comes up to the abstract's '][N]', such a line is abstract text, not a menu item or a
    heading."""
    source = edited(replace(number, start + LINES[number - 1]))
    digest = check_lenient(source)
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]  # the capture's cut
    texts = [start + LINES[n - 1] if n == number else LINES[n - 1] for n in range(63, 73)]
    paper = digest.papers[0]
    assert paper.abstract == " ".join(texts)
    assert (paper.author_count, paper.date, paper.span) == (3, datetime.date(2026, 5, 30), (55, 79))
    assert len(digest.papers) == 34


@pytest.mark.parametrize("start", ["* ", "# "])
@pytest.mark.parametrize("marked", [True, False])
def test_a_cut_abstracts_last_line_that_starts_like_lynx_markup(start: str, marked: bool) -> None:
    """The same wrap in the abstract the capture tool cut (01:944 ``Ho``): the text runs to
    the tool's mark, or to the input's end, with no ``][N]``; it stays abstract text, and
    the cut is the one report. The line was markup: ``unbalanced-bracket`` and ``junk``."""
    tail = ["", "[Content truncated]", "```"] if marked else []
    source = edited(lambda lines: [*lines[:943], start + "Ho", *tail])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("truncated-entry", 946 if marked else 944)]
    assert len(digest.papers) == 34
    assert digest.papers[-1].abstract.endswith("process long contexts. " + start + "Ho")
    assert digest.papers[-1].end_line == 944


def test_markup_after_a_cut_abstract_still_ends_it() -> None:
    """Without the abstract's '][N]' before the next entry, a '*' line stays markup: here a
    menu item between two entries, after an abstract whose close was lost."""
    source = edited(replace(74, "* [ Models ][2]"))
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics][:2] == [
        ("unbalanced-bracket", 74), ("junk", 74)
    ]
    assert digest.papers[0].abstract.endswith("https://github.com/uw-syfi/Murmur.")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_damaged_strict(case: Case) -> None:
    with pytest.raises(digestparse.ParseError) as raised:
        parse(edited(case.edit), "strict")
    assert (raised.value.code, raised.value.line, raised.value.column) == case.strict


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_damaged_lenient(case: Case) -> None:
    source = edited(case.edit)
    digest = check_lenient(source)
    assert digest.dialect == "reference-text"
    assert tuple(d.code for d in digest.diagnostics) == case.codes
    assert len(digest.papers) == case.paper_count
    paper = digest.papers[case.paper]
    for name, want in case.fields.items():
        assert getattr(paper, name) == want, name
    # Every paper the damage does not touch reads as in the whole capture.
    whole = {p.title: p for p in parse(TEXT).papers}
    intact = [p for p in digest.papers if p is not paper and p.title in whole]
    assert len(intact) >= case.paper_count - 2
    for other in intact[1:-1]:
        want = whole[other.title]
        assert attrs.evolve(other, line=want.line, end_line=want.end_line) == want


def test_trending_copies_fold_into_one_paper() -> None:
    """A page that shows each entry twice in a row (the trending layout) gives one paper each."""
    first = LINES[54:79]  # entry 1: lines 55-79
    source = "\n".join([*LINES[:79], *first, *LINES[79:]]) + "\n"
    digest = check_lenient(source)
    assert len(digest.papers) == 34
    assert digest.papers[0].span == (55, 104)
    assert digest.papers[1].title.startswith("Gemini 1.5")


def test_header_out_of_order_is_bad_header() -> None:
    # [Subscribe][29] (line 45) moved before "new" (line 39).
    source = edited(lambda lines: [*lines[:38], lines[44], *lines[38:44], *lines[45:]])
    with pytest.raises(digestparse.ParseError) as raised:
        parse(source, "strict")
    assert (raised.value.code, raised.value.line) == ("bad-header", 40)
    digest = check_lenient(source)
    assert [d.code for d in digest.diagnostics] == ["bad-header", "truncated-entry"]
    assert len(digest.papers) == 34


def test_no_header_is_missing_header() -> None:
    source = edited(lambda lines: lines[:7] + lines[54:])
    with pytest.raises(digestparse.ParseError) as raised:
        parse(source, "strict", dialect="reference-text")
    assert (raised.value.code, raised.value.line) == ("missing-header", 8)
    digest = check_lenient(source, dialect="reference-text")
    assert [d.code for d in digest.diagnostics] == ["missing-header", "truncated-entry"]
    assert len(digest.papers) == 34
    assert digest.page_date is None


def test_joined_captures_give_repeated_header() -> None:
    body = LINES[7:945]  # from the menu to the last abstract line
    source = "\n".join([*LINES[:945], *body[31:], "[Content truncated]", "```"]) + "\n"
    digest = check_lenient(source)
    codes = [d.code for d in digest.diagnostics]
    assert codes == ["truncated-entry", "repeated-header", "truncated-entry"]
    assert len(digest.papers) == 34 + 34
    assert digest.papers[33].abstract.endswith("long contexts. Ho")
    shift = 946 - 39  # the second copy's "new" is on line 946
    assert digest.papers[34].span == (55 + shift, 79 + shift)


# -- properties ----------------------------------------------------------------

_EDITS = ("delete", "duplicate", "swap", "move", "blank", "glue")
_URL = re.compile(r"(?i)^(https?://|www\.)\S*$")
_COUNT = re.compile(r"^[-0-9]+$")
_DATE = re.compile(r"^(" + "|".join(MONTHS) + r") [0-9]{1,2}(, [0-9]{4})?\b")


@st.composite
def mutated_capture(draw: st.DrawFn) -> str:
    return damaged_text(draw, list(LINES), edits=_EDITS, most=6, blanks=(1, 2))


def _check_titles(digest: digestparse.Digest) -> None:
    for paper in digest.papers:
        title = paper.title
        assert title.strip(), paper
        assert not _URL.match(title), title
        assert title not in ("[", "]", "·") and not title.startswith(("[", "]")), title
        assert not _COUNT.match(title), title
        assert not _DATE.match(title), title
        assert title not in PAGE_PHRASES, title


def test_a_line_glued_after_a_titles_reference_is_reported_and_left_out_of_the_title() -> None:
    # Line 59, '### [MURMUR: …][32]', with the abstract's '[' (line 61) glued on.
    lines = [*LINES[:58], LINES[58] + LINES[60], LINES[59], *LINES[61:]]
    assert lines[58].endswith("][32][")
    digest = parse("\n".join(lines))
    assert digest.papers[0].title == "MURMUR: An Efficient Inference System for Long-Form ASR"
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == ("unbalanced-bracket", 59, len(LINES[58]) + 1)
    assert first.message.endswith("text after the title's '][N]'")
    with pytest.raises(digestparse.ParseError) as raised:
        parse("\n".join(lines), "strict")
    assert (raised.value.line, raised.value.column) == (59, len(LINES[58]) + 1)


def test_blank_lines_inside_a_wrapped_title_carry_no_meaning() -> None:
    """Lines 501-502 wrap one title over two '###' lines; blank lines between them (a
    double-spaced dump) change nothing but the line numbers after them."""
    assert LINES[500].startswith("### [KV Cache") and LINES[501] == "### Approaches][106]"
    intact = parse(TEXT)
    for blanks in (1, 2):
        digest = check_lenient("\n".join([*LINES[:501], *[""] * blanks, *LINES[501:]]))
        assert [paper.title for paper in digest.papers] == [
            paper.title for paper in intact.papers]
        moved = attrs.evolve(intact.papers[17], end_line=intact.papers[17].end_line + blanks)
        assert digest.papers[17] == moved
        assert [(d.code, d.line - blanks) for d in digest.diagnostics] == [
            (d.code, d.line) for d in intact.diagnostics]
    # An open title is not closed by the next entry's title after a blank line.
    lines = [*LINES[:501], "", "### [Another Title][106]", *LINES[502:]]
    digest = parse("\n".join(lines))
    assert "unbalanced-bracket" in {d.code for d in digest.diagnostics}
    assert "Another Title" not in digest.papers[17].title


@given(mutated_capture())
def test_mutated_capture_lenient_never_raises_and_loses_nothing(source: str) -> None:
    note(repr(source[:200]))
    digest = check_lenient(source)
    # A mutation that leaves no mark of this dialect (a capture cut inside its menu) is
    # another dialect's input; the title property is each dialect's own.
    if digest.dialect == "reference-text":
        _check_titles(digest)


@given(mutated_capture())
def test_mutated_capture_strict_raises_only_parse_errors(source: str) -> None:
    try:
        strict = parse(source, "strict")
    except digestparse.ParseError as error:
        assert error.code in digestparse.diagnostics.CODES
        return
    assert strict == parse(source)


# -- detection -----------------------------------------------------------------


def test_detector_accepts_the_capture_and_its_truncated_start() -> None:
    assert REFERENCE_TEXT.detect(detector_head(TEXT))
    assert REFERENCE_TEXT.detect(detector_head("\n".join(LINES[:60])))  # the header and one title
    assert BY_NAME["reference-text"] is REFERENCE_TEXT


@pytest.mark.parametrize(
    "path",
    [*SEED_PATHS, *(path for path in sorted(CAPTURES.glob("0*.txt")) if path != CAPTURE)],
    ids=lambda path: path.name[:3],
)
def test_detector_rejects_other_inputs(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not REFERENCE_TEXT.detect(detector_head(text))
    assert parse(text, reference_date=datetime.date(2026, 12, 31)).dialect != "reference-text"


@pytest.mark.parametrize("ending", ["[12][13]", "(see [4][5])", "in [Ref][2]"])
def test_a_seed_whose_abstract_ends_in_a_reference_stays_text(ending: str) -> None:
    """A plain-text dump that opens with the text header, line for line, is a text dump:
    an abstract ending in citations such as ``[12][13]`` made the reference-text detector
    take the canonical dump (its header gives the listing's own words) and read no paper."""
    seed = SEED_PATHS[0].read_text(encoding="utf-8")
    assert seed.count("The accuracy is 0.76.") == 1
    text = seed.replace("The accuracy is 0.76.", f"The accuracy is 0.76 {ending}")
    want = digestparse.parse(seed, mode="strict", reference_date=datetime.date(2025, 12, 31))
    got = digestparse.parse(text, mode="strict", reference_date=datetime.date(2025, 12, 31))
    assert got.dialect == "text"
    assert len(got.papers) == len(want.papers) == 25
    assert got.papers[0].abstract.endswith(ending)
    assert got.papers[1:] == want.papers[1:]
    # The same with the header as today's page writes it (promo of once a day, Trending).
    today = text.replace("new\n\n", f"new\n\n{PROMO_DAILY}\n\n", 1).replace(
        "Daily Papers", "Trending Papers", 1
    )
    assert parse(today).dialect == "text"
    # A stray line before the header (a damaged start) does not hide it.
    damaged = parse("<a id=\"top\"></a>\n\n" + text, reference_date=datetime.date(2025, 12, 31))
    assert damaged.dialect == "text"
    assert [(p.title, p.abstract, p.line - 2) for p in damaged.papers] == [
        (p.title, p.abstract, p.line) for p in got.papers
    ]
    # Nor does a header line missing: the bullet authors lines over a lone '·' are the
    # text dialect's own too.
    no_subscribe = parse(text.replace("Subscribe\n\n", "", 1))
    assert no_subscribe.dialect == "text" and len(no_subscribe.papers) == 25
    assert [d.code for d in no_subscribe.diagnostics] == ["bad-header"]


_TEXT_HEADER_IN_A_ROW = "\n\n".join(
    ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", ""]
)


@pytest.mark.parametrize(
    ("prefix", "dialect"),
    [("02", "text-urls"), ("03", "markdown"), ("04", "markdown"), ("05", "html-text")],
)
def test_the_text_headers_lines_in_a_row_leave_other_captures_alone(
    prefix: str, dialect: str
) -> None:
    """The text dialect's own marks decide only against the reference-text detector (which
    a text dump can satisfy by chance): a capture whose own detector finds lines no text
    dump has stays its dialect, with its papers, when the text header's lines stand in a
    row among its first lines. They did: every paper of it was lost to misread text."""
    path = next(CAPTURES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    want = [paper.title for paper in parse(text).papers]
    got = parse(_TEXT_HEADER_IN_A_ROW + text)
    assert got.dialect == dialect
    assert [paper.title for paper in got.papers] == want


def test_a_text_urls_capture_whose_subscribe_has_no_url_stays_text_urls() -> None:
    """A text-urls capture whose ``Subscribe`` has no URL line after it (a logged-in page
    shows no link there, or the line was lost) holds the text header's lines in a row; its
    upvote boxes over URL lines are still its own: it was read as text, 69 papers made of
    its URLs and menu lines instead of its 19."""
    path = next(CAPTURES.glob("02_*.txt"))
    text = path.read_text(encoding="utf-8")
    login = "Subscribe\n\nhttps://huggingface.co/login?next=%2Fpapers\n"
    assert text.count(login) == 1
    digest = parse(text.replace(login, "Subscribe\n", 1))
    assert digest.dialect == "text-urls"
    assert digest.diagnostics == ()
    assert [paper.title for paper in digest.papers] == [
        paper.title for paper in parse(text).papers
    ]
    assert len(digest.papers) == 19


#: A made-up lynx dump of a news page: references, multi-line links, a count in
#: brackets and dates, but none of the listing's own words.
NEWS = """\
[1]Skip to main content
[[Daily Planet logo] Daily Planet][2]
* [ World ][3]
* [ Business ][4]
* [ Sport ][5]
* [Subscribe][6]
* [Log In][7]

# Today's headlines

[
Storm closes the harbour for a second day
][8]

### [City council approves the new tram line][9]

[
The vote was 31 to 12 after a four-hour debate; work starts in the spring.
][10]
By [Jane Doe][11] · 5 min read
Jun 3, 2026
[
12
][12]

### [Local team wins the cup][13]

A late goal settled it.
[Read more][14]
"""


def test_detector_rejects_a_lynx_dump_of_another_page() -> None:
    assert not REFERENCE_TEXT.detect(detector_head(NEWS))
    assert parse(NEWS).dialect != "reference-text"


def test_detector_rejects_a_news_dump_with_a_lone_separator() -> None:
    """A count in brackets right above a linked title, and a lone ``·`` (the byline's, on a
    line of its own): not the listing whose start is lost, whose ``·`` stands over a date."""
    news = NEWS.replace(
        "By [Jane Doe][11] \u00b7 5 min read", "By [Jane Doe][11]\n\u00b7\n5 min read"
    )
    assert "\n\u00b7\n5 min read" in news
    assert not REFERENCE_TEXT.detect(detector_head(news))
    assert parse(news).dialect != "reference-text"


@pytest.mark.parametrize("keep", range(41, 948, 13))
def test_every_cut_of_the_capture_stays_in_the_dialect(keep: int) -> None:
    """From its first promo line on, any prefix of the capture is read as reference-text."""
    source = "\n".join(LINES[:keep]) + "\n"
    digest = check_lenient(source)
    assert digest.dialect == "reference-text"
    _check_titles(digest)
    whole = parse(TEXT).papers
    # Every paper but the last one read is whole.
    whole_count = max(len(digest.papers) - 1, 0)
    assert digest.papers[:whole_count] == whole[:whole_count]


# -- the fast path agrees with the rules ------------------------------------------

BODY = LINES[7:946]  # inside the wrapper's fence: what the dialect reads
CAPTURED = datetime.date(2026, 6, 29)


def _events(lines: Iterable[str], mode: Mode) -> list[object]:
    return parse_events(REFERENCE_TEXT, lines, mode, CAPTURED)


def _fast_papers(lines: list[str]) -> int:
    """How many papers the fast path reads in ``lines`` (a list source)."""
    spy = FastPathSpy(read_canonical)
    parse_events(spy.on(REFERENCE_TEXT), list(lines), "lenient", CAPTURED)
    return spy.built


def test_fast_path_reads_the_capture_and_agrees_with_the_rules() -> None:
    assert _fast_papers(BODY) == 33  # every entry but the cut one
    assert_paths_agree(REFERENCE_TEXT, BODY, CAPTURED)
    assert_paths_agree(REFERENCE_TEXT, [*BODY, *BODY[31:]], CAPTURED)  # two captures joined


def test_fast_path_reads_upvote_boxes_on_one_line() -> None:
    lines = _one_line_boxes(list(BODY))
    assert _fast_papers(lines) == 33
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)
    spaced = [f"[ {line[1:line.index(']')]} ]{line[line.index(']') + 1:]}"
              if line.startswith("[") and line.endswith("]") and line[1:2] in "-0123456789"
              else line for line in lines]
    assert spaced[47] == "[ - ][31]"
    assert _fast_papers(spaced) == 33
    assert_paths_agree(REFERENCE_TEXT, spaced, CAPTURED)


_FIRST_TITLE = BODY.index("### [MURMUR: An Efficient Inference System for Long-Form ASR][32]")
_FIRST_ABSTRACT = _FIRST_TITLE + 4  # after a blank line, '[' and a blank line


def _with_line(index: int, text: str) -> list[str]:
    return [*BODY[:index], text, *BODY[index + 1 :]]


@pytest.mark.parametrize(
    ("lines", "fast"),
    [
        # Still read by the fast path: a broken word, a blank line inside the abstract.
        (_with_line(_FIRST_ABSTRACT, BODY[_FIRST_ABSTRACT] + " state-of-the-"), 33),
        ([*BODY[: _FIRST_ABSTRACT + 1], "", *BODY[_FIRST_ABSTRACT + 1 :]], 33),
        # Left to the rules: lines the expression does not take as they are.
        (_with_line(_FIRST_ABSTRACT, "new"), 32),
        (_with_line(_FIRST_ABSTRACT, "by the way, short"), 32),
        (_with_line(_FIRST_ABSTRACT, "- Daily"), 32),
        (_with_line(_FIRST_ABSTRACT, "Subscribe\\ now"), 32),
        (_with_line(_FIRST_ABSTRACT, "  indented"), 32),
        (_with_line(_FIRST_ABSTRACT, "ends with a blank "), 32),
        (_with_line(_FIRST_ABSTRACT, "\x0cform feed"), 32),
        (_with_line(_FIRST_ABSTRACT, "\u00b7 a middle dot"), 32),
        (_with_line(_FIRST_ABSTRACT, "one line\nholding two"), 32),
        # Markup in an abstract: page_phrase decides line by line.
        (_with_line(_FIRST_ABSTRACT, "see the [Daily Papers](https://x.org) page"), 33),
        (_with_line(_FIRST_ABSTRACT, "Daily [Papers](https://x.org)"), 32),
        # Titles the one-line pattern does not take, read as the rules read them.
        (_with_line(_FIRST_TITLE, "### [A [nested] title][32]"), 33),
        (_with_line(_FIRST_TITLE, "###  [Two spaces][32]"), 33),
        ([*BODY[:_FIRST_TITLE], "### [MURMUR: An Efficient", "### Inference System][32]",
          *BODY[_FIRST_TITLE + 1 :]], 33),
    ],
)
def test_fast_path_reads_unusual_lines_as_the_rules_do(lines: list[str], fast: int) -> None:
    """The fast path reads an entry whole or leaves it to the rules, never reads it otherwise.

    An abstract line that might be a page phrase or hold white space that ``join_wrapped``
    strips is left to the rules; markup is looked at line by line.
    """
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)
    assert _fast_papers(lines) == fast


_DAMAGE_LINES = [
    "", "[", "][9]", "-", "7", "12345678901234567890", "### [T][1]", "### [T", "### U][2]",
    "* 3 authors", "* x authors", "[[o] Org][3]", "Org", "\u00b7", "Jun 9", "Jun 30",
    "Feb 29", "Jan 1, 2027", "Mar 8, 2024 [ 6][39]", "Mar 8 [ 6 ][39]",
    "May 1 [ 123456789012345678901][4]", "* [IMG]", "*", "[65][35]", "[ - ][31]",
    "new", "Subscribe", "# Daily Papers", "[Content truncated]", "text line", "# heading",
    "  indented ", "x-", "Daily [Papers](https://x.org)", "trailing ", "\u00a0no-break",
]


@st.composite
def _damaged_body(draw: st.DrawFn) -> list[str]:
    lines = list(BODY)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "cut"]))
        if action == "insert":
            lines.insert(where, draw(st.sampled_from(_DAMAGE_LINES)))
        elif where >= len(lines):
            continue
        elif action == "delete":
            del lines[where]
        elif action == "replace":
            lines[where] = draw(st.sampled_from(_DAMAGE_LINES))
        elif action == "duplicate":
            lines.insert(where, lines[where])
        else:
            del lines[where:]
    return lines


@given(_damaged_body())
def test_fast_path_agrees_with_the_rules_on_damaged_captures(lines: list[str]) -> None:
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)


def test_fast_path_gives_way_where_a_count_apart_may_follow_a_date() -> None:
    """A one-line box after a date that shows no count, with no title after it, is the
    rules' comment count on its own line (``[4][19]``); the fast path ended the entry at its
    date and left the line to junk (the long hypothesis profile found it)."""
    at = BODY.index("May 30") + 1
    assert BODY[at : at + 3] == ["[", "65", "][35]"]  # the next entry's box, on three lines
    lines = [*BODY[:at], "[65][35]", *BODY[at:]]
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)


def test_forced_on_a_seed_reports_positions_and_invents_nothing() -> None:
    seed = SEED_PATHS[0].read_text(encoding="utf-8")
    with pytest.raises(digestparse.ParseError) as raised:
        parse(seed, "strict", dialect="reference-text")
    assert (raised.value.code, raised.value.line, raised.value.column) == ("junk", 13, 1)
    digest = check_lenient(seed, dialect="reference-text")
    assert digest.papers == ()
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert digest.header_span == (1, 11)


def test_a_menu_after_a_cut_abstract_is_junk_not_abstract() -> None:
    """Two whole captures joined: the second one's menu follows the first one's cut abstract."""
    source = "\n".join([*LINES[:945], *LINES[7:945], "[Content truncated]", "```"]) + "\n"
    digest = check_lenient(source)
    diagnostics = [(d.code, d.line, d.end_line) for d in digest.diagnostics]
    assert diagnostics[:3] == [
        ("unbalanced-bracket", 946, 946),  # the logo line where "][N]" should be
        ("junk", 946, 976),  # the menu, lines 8-38 of the second capture
        ("repeated-header", 977, 992),  # "new" to the page date (lines 39-54)
    ]
    assert diagnostics[3][0] == "truncated-entry"
    assert len(digest.papers) == 68
    assert digest.papers[33].abstract.endswith("long contexts. Ho")
    assert digest.papers[33].span == (935, 944)


# -- round 4: the entry pattern, the chrome between copies, windows ------------------

_SEPARATORS = [i for i, line in enumerate(BODY) if line == "\u00b7"]
#: The capture's whole entries, from the upvote box's '[' to the date line.
_ENTRY_TEXTS = [
    "\n".join(BODY[start : BODY.index("\u00b7", start) + 2])
    for start in [_FIRST_TITLE - 4] + [i + 2 for i in _SEPARATORS[:-1]]
]
assert len(_ENTRY_TEXTS) == 33 and all(t.startswith("[\n") for t in _ENTRY_TEXTS)


@st.composite
def _damaged_entry(draw: st.DrawFn) -> str:
    """A canonical entry of the capture with a few characters changed, put in or taken out."""
    text = draw(st.sampled_from(_ENTRY_TEXTS))
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(["\n", " ", "[", "]", "-", "#", "\u00b7", "x", ""]))
        cut = draw(st.integers(0, 3))
        text = text[:where] + piece + text[where + cut :]
    return text


def _groups(match: re.Match[str] | None, names: Iterable[str]) -> object:
    return None if match is None else [(match[name], match.span(name)) for name in names]


@given(_damaged_entry())
def test_the_entry_pattern_in_use_matches_as_the_portable_one(text: str) -> None:
    """Python 3.11's atomic groups and possessive quantifiers (the pattern in use there)
    match exactly what the portable pattern (lookahead and back-reference) matches; on 3.10
    the pattern in use is the portable one."""
    portable = fastpath.entry_pattern(native=False)
    names = list(fastpath._ENTRY.groupindex)
    assert set(names) <= set(portable.groupindex)
    assert _groups(fastpath._ENTRY.fullmatch(text), names) == _groups(
        portable.fullmatch(text), names
    )


def test_the_entry_pattern_takes_every_whole_entry_of_the_capture() -> None:
    assert all(fastpath._ENTRY.fullmatch(text) for text in _ENTRY_TEXTS)
    # The cut entry, up to the next copy's first date line (what the fast path joins).
    assert BODY[927] == "[" and BODY[-3:] == ["Ho", "", "[Content truncated]"]
    cut = "\n".join([*BODY[927:], "", *BODY[: _SEPARATORS[0] + 2]])
    assert fastpath._ENTRY.fullmatch(cut) is None
    assert fastpath.entry_pattern(native=False).fullmatch(cut) is None


_MENU = BODY.index("new")  # the menu is BODY[:_MENU]; the header and page date follow
_DATE_LINE = BODY.index("Jun 29")


def _joined(second: list[str]) -> list[str]:
    """The capture's body, then a second copy (as the benchmark corpus joins them)."""
    return [*BODY, "", *second]


def _chrome_reads(lines: list[str]) -> tuple[int, int]:
    """How many junk runs and headers the window readers settled (a list source)."""
    settled = [0, 0]

    def counting(reader: Callable[..., object], slot: int) -> Callable[..., object]:
        def spy(*args: object) -> object:
            found = reader(*args)
            settled[slot] += found is not None
            return found

        return spy

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "junk_span", counting(chrome.junk_span, 0))
        patch.setattr(header, "header_span", counting(chrome.header_span, 1))
        _events(list(lines), "lenient")
    return settled[0], settled[1]


@pytest.mark.parametrize(
    ("second", "reads"),
    [
        (BODY, (1, 1)),  # the corpus's shape: menu junk, a repeated header with its date
        # An upvote box's '[' or a count in the menu: looked at ahead, still junk.
        ([*BODY[:5], "[", *BODY[5:]], (1, 1)),
        ([*BODY[:5], "7", "", "][3]", *BODY[5:]], (1, 1)),
        ([*BODY[: _MENU - 2], "[", *BODY[_MENU - 2 :]], (1, 1)),  # the header soon after
        # A count line, then a title: an entry starts inside the menu.
        ([*BODY[:5], "7", "### [T][1]", *BODY[5:]], (2, 1)),
        # No page date after the header; a page date that cannot be.
        ([*BODY[:_DATE_LINE], *BODY[_DATE_LINE + 1 :]], (1, 1)),
        ([*BODY[:_DATE_LINE], "Jun 31", *BODY[_DATE_LINE + 1 :]], (1, 1)),
        ([*BODY[:_DATE_LINE], "Jun 29, 2026", *BODY[_DATE_LINE + 1 :]], (1, 1)),
        # The input ends inside the menu, inside the header, right after the page date.
        (BODY[:10], (1, 0)),
        (BODY[: _MENU + 3], (1, 1)),
        (BODY[: _DATE_LINE + 1], (1, 1)),
        # A header of more than 120 lines: the rest is read again as a header.
        ([*BODY[: _MENU + 1], *["* Daily"] * 130, *BODY[_MENU + 1 :]], (1, 2)),
        # A menu line with blanks around it, tabs, a long line.
        ([*BODY[:3], " \t* [ Spaces ][4] \t", "", "", *BODY[3:]], (1, 1)),
        ([*BODY[:3], "x" * 300, *BODY[3:]], (1, 1)),
        # A card's lead-in and title inside the menu: the junk ends before the lead-in.
        ([*BODY[:5], "Submitted by", "[IMG]", "x", "### [T][1]", *BODY[5:]], (2, 1)),
        ([*BODY[:5], "[[IMG]][9]", "### [T][1]", *BODY[5:]], (2, 1)),
        # A lead-in (no page date) after the header: left to the rule, which ends the header
        # there.
        ([*BODY[:_DATE_LINE], "Submitted by x", *BODY[_DATE_LINE + 1 :]], (1, 0)),
    ],
)
def test_chrome_between_copies_read_from_the_window_as_the_rules_read_it(
    second: list[str], reads: tuple[int, int]
) -> None:
    lines = _joined(second)
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)
    assert _chrome_reads(lines) == reads


@pytest.mark.parametrize("block_size", [1, 7, 64, 300, 4096])
def test_joined_copies_stream_as_the_rules_read_them(block_size: int) -> None:
    """Entries, menus and headers cut by a window's end: left to a later call or to the
    rules, never read otherwise."""
    lines = _joined(_joined(BODY))
    want = _events(iter(lines), "lenient")
    diagnostics: list[object] = []
    data = ("\n".join(lines) + "\n").encode("utf-8")
    papers = list(
        digestparse.iter_papers(
            io.BytesIO(data), reference_date=CAPTURED, block_size=block_size,
            dialect="reference-text", on_diagnostic=diagnostics.append, name="<test>",
        )
    )
    events = [event for event in want if isinstance(event, tuple)]
    assert [event[1] for event in events if event[0] == "paper"] == papers
    assert [event[1] for event in events if event[0] == "diagnostic"] == diagnostics
    assert len(papers) == 3 * 34 and len(diagnostics) == 3 + 2 * 2


def _cut_reads(lines: list[str]) -> int:
    """How many cut entries ``read_cut_entry`` settled (a list source)."""
    settled = 0

    def spy(state: ParseState) -> object:
        nonlocal settled
        found = cut.read_cut_entry(state)
        settled += found is not None
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "read_cut_entry", spy)
        _events(list(lines), "lenient")
    return settled


_CUT_BOX = 927  # BODY[927:]: the cut entry's box '[', ..., 'Ho', '', '[Content truncated]'
_CUT_ABSTRACT = BODY.index("Ho") - 1  # its first abstract line
_MARK = "[Content truncated]"


def _cut_after(*abstract: str) -> list[str]:
    """The cut entry with its first abstract line and then ``abstract`` (the mark last)."""
    return [*BODY[_CUT_BOX : _CUT_ABSTRACT + 1], *abstract]


@pytest.mark.parametrize(
    ("tail", "reads"),
    [
        (BODY[_CUT_BOX:], 1),  # the capture's own cut entry
        ([*BODY[_CUT_BOX:], "", "### [A title after the mark][1]", "[", "x", "][2]"], 1),
        ([*BODY[_CUT_BOX:], *BODY[:40]], 1),  # the next copy's menu after the mark
        (_cut_after("", _MARK), 1),
        (_cut_after("", "", "broken-", "word", _MARK), 1),
        (_cut_after("see [Daily Papers](https://x.org)", _MARK), 1),
        (_cut_after("12", "Jun 9", _MARK), 1),
        # Left to the rule: lines the pattern does not take as they are.
        ([*BODY[_CUT_BOX:_CUT_ABSTRACT], _MARK], 0),  # no abstract line
        (_cut_after("new", _MARK), 0),
        (_cut_after("Daily [Papers](https://x.org)", _MARK), 0),
        ([*BODY[_CUT_BOX:-1], "[Content truncated]  "], 0),
        ([*BODY[_CUT_BOX:-1], "[Content cut]"], 0),
        ([*BODY[_CUT_BOX : _CUT_BOX + 4], "### [Two", "### lines][1]", *BODY[_CUT_BOX + 5 :]], 0),
        (["[", "1.2k", *BODY[_CUT_BOX + 2 :]], 0),
        (["[", "1", "][9]", "", "[", *BODY[_CUT_BOX + 4 :]], 0),  # no title
        (_cut_after(" indented", _MARK), 0),
        (_cut_after(*["more"] * 70, _MARK), 0),
    ],
)
def test_the_cut_entry_read_from_the_window_as_the_rule_reads_it(
    tail: list[str], reads: int
) -> None:
    lines = [*BODY[:_CUT_BOX], *tail]
    assert_paths_agree(REFERENCE_TEXT, lines, CAPTURED)
    assert _cut_reads(lines) == reads


def _read(data: bytes, mode: str, block_size: int | None) -> object:
    """Papers and diagnostics of ``data`` (bytes), parsed whole or streamed, or the error."""
    diagnostics: list[digestparse.Diagnostic] = []
    try:
        if block_size is None:
            digest = parse(data, mode, reference_date=CAPTURED, dialect="reference-text")  # type: ignore[arg-type]
            return list(digest.papers), list(digest.diagnostics)
        papers = list(
            digestparse.iter_papers(
                io.BytesIO(data), mode=mode, reference_date=CAPTURED, block_size=block_size,  # type: ignore[arg-type]
                dialect="reference-text", on_diagnostic=diagnostics.append,
            )
        )
    except digestparse.ParseError as error:
        return str(error)
    return papers, diagnostics


@pytest.mark.parametrize(
    "where", ["after the mark", "after a one-line abstract", "in the menu", "in the header", "last"]
)
def test_window_readers_leave_a_line_with_a_reading_defect_to_the_rules(where: str) -> None:
    """A line that does not decode is reported when it is read: the window readers never
    read it, nor decide by a line past it (whether it comes right after the cut entry's
    mark, where the rule looks at it when the abstract has one line, inside the menu or
    header between copies, or ends the input)."""
    first = list(BODY)
    if where == "after a one-line abstract":
        del first[_CUT_ABSTRACT + 1]  # 'Ho'
    lines = [line.encode("utf-8") for line in [*first, "", *BODY]]
    second = len(first) + 1  # the second copy's first line
    at = {
        "after the mark": len(first),  # the blank line between the copies
        "after a one-line abstract": len(first),
        "in the menu": second + 5,
        "in the header": second + _MENU + 2,
        "last": len(lines) - 1,
    }[where]
    lines[at] = lines[at] + b"\xff"
    data = b"\n".join(lines) + b"\n"
    for mode in ("lenient", "strict"):
        for block_size in (None, 7, 64, 4096):
            with_readers = _read(data, mode, block_size)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(rules, "read_cut_entry", lambda state: None)
                patch.setattr(rules, "junk_span", lambda state, start: None)
                patch.setattr(header, "header_span", lambda state: None)
                assert _read(data, mode, block_size) == with_readers, (mode, block_size)


# -- the trending page's cards (05's layout in 01's notation) -------------------------

#: The header of a trending page as 01's tool writes it (01:39-52 with the title changed and
#: the tab after the switcher); no page date (05 shows none).
TRENDING_HEADER = [
    "[[Hugging Face's logo] Hugging Face][1]",
    "* [ Models ][2]",
    "new",
    "Get trending papers in your email inbox!",
    "[Subscribe][3]",
    "# Trending Papers",
    "## by[[papers-by.png] AK][4] and the research community",
    "* Daily",
    "* Weekly",
    "* Monthly",
    "[Trending Papers][5]",
    "",
]

#: 05:44-92 and 05:148-184 (the first two papers, each twice) in 01's notation: images as
#: their alt text in brackets, links as ``[text][N]``, a link over several lines as ``[`` /
#: its lines / ``][N]``, list items as ``*`` (an empty one alone), blank lines as 01 has them
#: around blocks. The summaries are 05's first sentence, wrapped at 80 columns.
_TRENDING_CARDS_TEXT = """Submitted by

[IMG]

vvasilev

### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio
### Generation][6]

We present Kandinsky 6.0 Video, a family of foundation diffusion models for
synchronized text-to-audio-video generation.

[[kandinskylab] Kandinsky Lab][7] · Published on Oct 4, 2026

[
Upvote

117
][8]

[GitHub 131][9] [arXiv Page][10]

Submitted by

[IMG]

vvasilev

### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio
### Generation][11]

We present Kandinsky 6.0 Video, a family of foundation diffusion models for
synchronized text-to-audio-video generation.

[[kandinskylab] Kandinsky Lab][12] · Oct 4, 2026

[
Upvote

117
][13]

[GitHub 131][14] [arXiv Page][15]

[[IMG]][16]

### [TradingAgents: Multi-Agents LLM Financial Trading Framework][17]

A multi-agent framework using large language models for stock trading simulates
real-world trading firms.

*
*
*
* [IMG]
* 4 authors

· Published on Dec 28, 2024

[
Upvote

149
][18]

[GitHub 110k][19] [arXiv Page][20]

[[IMG]][21]

### [TradingAgents: Multi-Agents LLM Financial Trading Framework][22]

A multi-agent framework using large language models for stock trading simulates
real-world trading firms.

*
*
*
* [IMG]
* 4 authors

· Dec 28, 2024

[
Upvote

149
][23]

[GitHub 110k][24] [arXiv Page][25]
"""
TRENDING_CARDS = _TRENDING_CARDS_TEXT.splitlines()

#: The two papers, read off the lines above by hand.
TRENDING_PAPERS = [
    digestparse.Paper(
        title="Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio "
        "Generation",
        abstract="We present Kandinsky 6.0 Video, a family of foundation diffusion models for "
        "synchronized text-to-audio-video generation.",
        organization="Kandinsky Lab",
        date=datetime.date(2026, 10, 4),
        votes=0,
        line=13,
        end_line=55,
        date_text="Oct 4, 2026",
        year_explicit=True,
        upvotes=117,
        submitted_by="vvasilev",
    ),
    digestparse.Paper(
        title="TradingAgents: Multi-Agents LLM Financial Trading Framework",
        abstract="A multi-agent framework using large language models for stock trading "
        "simulates real-world trading firms.",
        author_count=4,
        date=datetime.date(2024, 12, 28),
        votes=0,
        line=57,
        end_line=101,
        date_text="Dec 28, 2024",
        year_explicit=True,
        upvotes=149,
    ),
]


def test_trending_cards_read_with_their_fields_and_fold() -> None:
    lines = [*TRENDING_HEADER, *TRENDING_CARDS]
    assert (lines[12], lines[54], lines[56], lines[100]) == (
        "Submitted by", "[GitHub 131][14] [arXiv Page][15]", "[[IMG]][16]",
        "[GitHub 110k][24] [arXiv Page][25]",
    )
    source = "\n".join(lines) + "\n"
    digest = check_lenient(source, reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert digest.header[-1] == "Trending Papers" and digest.header_span == (1, 11)
    assert list(digest.papers) == TRENDING_PAPERS
    parse(source, "strict", reference_date=datetime.date(2026, 10, 20))
    assert_paths_agree(REFERENCE_TEXT, lines, datetime.date(2026, 10, 20))


def _cards(*edits: tuple[str, list[str]]) -> list[str]:
    """``TRENDING_HEADER`` and ``TRENDING_CARDS`` with each ``(line, new lines)`` of
    ``edits`` put in place of that line wherever it stands."""
    lines = [*TRENDING_HEADER, *TRENDING_CARDS]
    for old, new in edits:
        while old in lines:
            at = lines.index(old)
            lines[at : at + 1] = new
    return lines


@pytest.mark.parametrize(
    "edits",
    [
        # The upvote link on one line, as a tool that keeps inline links writes it.
        [("[", []), ("Upvote", []), ("117", ["[Upvote 117][8]"]), ("149", ["[149][18]"]),
         *((close, []) for close in ("][8]", "][13]", "][18]", "][23]"))],
        # The Submitted-by block on one line; a name that is a link.
        [("Submitted by", ["Submitted by [IMG] vvasilev"]), ("[IMG]", []), ("vvasilev", [])],
        [("vvasilev", ["[vvasilev][30]"])],
        # No thumbnail; no avatar; no line of links.
        [("[[IMG]][16]", []), ("[[IMG]][21]", [])],
        [("[IMG]", [])],
        [("[GitHub 131][9] [arXiv Page][10]", []), ("[GitHub 131][14] [arXiv Page][15]", [])],
    ],
)
def test_trending_card_variants_read_the_same(edits: list[tuple[str, list[str]]]) -> None:
    lines = _cards(*edits)
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in TRENDING_PAPERS
    ]
    assert_paths_agree(REFERENCE_TEXT, lines, datetime.date(2026, 10, 20))


def test_trending_entries_of_early_2026_read_without_deviation() -> None:
    """04's layout (04:13-23) in 01's notation: a plain title, the summary glued to
    ``* N authors`` and the repository link; no upvotes, no date (None, no deviation)."""
    entry = [
        "### Agent Lightning: Train ANY AI Agents with Reinforcement Learning",
        "",
        "Agent Lightning is a flexible RL framework for training LLMs in various agents, using",
        "a hierarchical RL algorithm.",
        "* 8 authors",
        "[GitHub 11.3k][6]",
        "",
    ]
    lines = [*TRENDING_HEADER, *entry, *entry, "### ShapeR: Robust Conditional 3D Shape "
             "Generation", "", "ShapeR generates high-fidelity 3D shapes.", "[GitHub 476][7]"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert [(p.title, p.abstract, p.author_count, p.upvotes, p.date, p.votes, p.span)
            for p in digest.papers] == [
        ("Agent Lightning: Train ANY AI Agents with Reinforcement Learning",
         "Agent Lightning is a flexible RL framework for training LLMs in various agents, "
         "using a hierarchical RL algorithm.", 8, None, None, None, (13, 25)),
        ("ShapeR: Robust Conditional 3D Shape Generation",
         "ShapeR generates high-fidelity 3D shapes.", None, None, None, None, (27, 30)),
    ]
    assert_paths_agree(REFERENCE_TEXT, lines)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        # The date after '·' is no date.
        ([("· Published on Dec 28, 2024", ["· Published on Dec 28th"])], ("bad-date", 70, 16)),
        # The upvote link without its count, or without its close.
        ([("149", [])], ("bad-upvotes", 72, 1)),
        # Author avatars without their count; a date with neither authors nor organization.
        ([("* 4 authors", [])], ("bad-authors", 69, 1)),
        ([("* 4 authors", []), ("*", []), ("* [IMG]", [])], ("missing-authors", 65, 1)),
        # An item in the authors line's place.
        ([("* 4 authors", ["* four authors"])], ("bad-authors", 68, 1)),
    ],
)
def test_damaged_trending_cards(
    edits: list[tuple[str, list[str]]], expected: tuple[str, int, int]
) -> None:
    lines = _cards(*edits)
    source = "\n".join(lines) + "\n"
    digest = check_lenient(source, reference_date=datetime.date(2026, 10, 20))
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == expected
    with pytest.raises(digestparse.ParseError) as raised:
        parse(source, "strict", reference_date=datetime.date(2026, 10, 20))
    assert (raised.value.code, raised.value.line, raised.value.column) == expected
    assert [p.title for p in digest.papers] == [p.title for p in TRENDING_PAPERS]


def test_a_listing_title_without_its_box_is_no_card() -> None:
    """A title with no box before it and a bracketed abstract after it is the listing's entry
    with its box lost (``bad-upvotes`` at the title), not a card."""
    source = edited(lambda lines: [*lines[:54], *lines[57:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("bad-upvotes", 56), ("truncated-entry", 943)
    ]
    first = digest.papers[0]
    assert (first.upvotes, first.line, first.author_count, first.submitted_by) == (
        None, 56, 3, None
    )
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers[1:]] == [
        attrs.evolve(p, line=0, end_line=0) for p in parse(TEXT).papers[1:]
    ]


def test_a_listing_title_without_its_box_and_its_abstracts_bracket_is_no_card() -> None:
    """A title with no box before it whose abstract lost its ``[`` line too (the capture cut
    right above the title) is still the listing's entry: the abstract's ``][N]`` close
    follows its text, which never ends a card's plain summary. It keeps its authors and date
    (read as a card, they were junk after a summary)."""
    source = edited(lambda lines: [*lines[:54], *lines[57:60], *lines[61:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("bad-upvotes", 56), ("unbalanced-bracket", 59), ("truncated-entry", 942)
    ]
    first = digest.papers[0]
    assert (first.upvotes, first.line, first.author_count, first.date) == (
        None, 56, 3, datetime.date(2026, 5, 30)
    )
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers[1:]] == [
        attrs.evolve(p, line=0, end_line=0) for p in parse(TEXT).papers[1:]
    ]


@pytest.mark.parametrize(
    "pagination", [["[Previous][300] [Next][301]"], ["[Previous][300]", "[Next][301]"]]
)
def test_the_pagination_after_the_last_card_is_the_pages_end(pagination: list[str]) -> None:
    """A card's lines of links end before the pagination (a line of references too): it opens
    the page's end, as after any entry."""
    lines = [*TRENDING_HEADER, *TRENDING_CARDS, "", *pagination, "", "System theme"]
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert digest.papers[-1].end_line == 101
    assert digest.footer_span == (103, len(lines))


def test_a_card_cut_before_its_metadata_leaves_the_pages_end_alone() -> None:
    """The pagination right after a card's summary is no summary text: the page's end."""
    lines = [*TRENDING_HEADER, *TRENDING_CARDS[:11], "", "[Previous][300] [Next][301]"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert digest.papers[0].abstract == (
        "We present Kandinsky 6.0 Video, a family of foundation diffusion models for "
        "synchronized text-to-audio-video generation."
    )
    assert (digest.papers[0].end_line, digest.footer_span) == (23, (25, 25))


@pytest.mark.parametrize(
    "lead_in", [["Submitted by", "[IMG]", "akhaliq"], ["[[IMG]][300]", "Submitted by akhaliq"]]
)
def test_a_listing_entry_after_a_submitted_by_lead_in(lead_in: list[str]) -> None:
    """A daily page that draws its rows with the card's lead-in (thumbnail, Submitted by)
    before the listing's upvote box: ``submitted_by``, and the paper starts at the lead-in."""
    source = edited(lambda lines: [*lines[:54], *lead_in, *lines[54:79], *lead_in, *lines[79:]])
    digest = check_lenient(source)
    size = len(lead_in)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", 946 + 2 * size)]
    first, second = digest.papers[:2]
    assert (first.submitted_by, first.span) == ("akhaliq", (55, 79 + size))
    assert (second.submitted_by, second.line) == ("akhaliq", 80 + size)
    assert [attrs.evolve(p, line=0, end_line=0, submitted_by=None) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in parse(TEXT).papers
    ]
    assert_paths_agree(REFERENCE_TEXT, source)


@pytest.mark.parametrize("block_size", [1, 7, 64, 4096])
def test_joined_trending_pages_stream_as_the_rules_read_them(block_size: int) -> None:
    """Two trending pages joined: the menu is junk and the header a repeated header (as for
    01 joined to itself), which ends at the second page's first lead-in; the cards read the
    same in every window."""
    lines = [*TRENDING_HEADER, *TRENDING_CARDS, "", *TRENDING_HEADER, *TRENDING_CARDS]
    source = "\n".join(lines) + "\n"
    reference = datetime.date(2026, 10, 20)
    digest = check_lenient(source, reference_date=reference)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", 103, 104), ("repeated-header", 105, 113)
    ]
    assert [p.title for p in digest.papers] == [p.title for p in TRENDING_PAPERS] * 2
    streamed = list(
        digestparse.iter_papers(
            io.StringIO(source), reference_date=reference, block_size=block_size
        )
    )
    assert streamed == list(digest.papers)
    assert_paths_agree(REFERENCE_TEXT, lines, reference)


@pytest.mark.parametrize("title", ["[MASK] Is All You Need", "[Re] Widgets", "[CLS] and [SEP]"])
def test_a_plain_title_may_start_with_a_bracket(title: str) -> None:
    """A title without a link (04's layout) that starts with a bracketed word is that title:
    its brackets close on it, as a link's ``[`` cut from its ``][N]`` does not."""
    lines = [*TRENDING_HEADER, f"### {title}", "", "A summary.", "* 3 authors"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert [(p.title, p.author_count) for p in digest.papers] == [(title, 3)]
    linked = [*TRENDING_HEADER, f"### [{title}][6]", "", "A summary.", "* 3 authors"]
    assert [p.title for p in check_lenient("\n".join(linked) + "\n").papers] == [title]


@pytest.mark.parametrize("start", [0, 10, 22, 44])
def test_trending_cards_without_the_header_are_detected(start: int) -> None:
    """A capture of the trending page that starts inside its cards (no header, no authors
    box) is still recognised: its cards' ``· Published on`` or ``[[logo] Org][N] · date``
    lines and an ``Upvote`` link, with a ``### `` title and a reference."""
    source = "\n".join(TRENDING_CARDS[start:]) + "\n"
    digest = parse(source, reference_date=datetime.date(2026, 10, 20))
    assert digest.dialect == "reference-text"
    assert digest.papers[-1].title == TRENDING_PAPERS[-1].title


def test_a_markdown_linked_title_is_no_card_title_for_detection() -> None:
    """The card route of detection (a ``### `` title with a card's date line) counts lynx's
    titles only: an html-text trending card cut before its header, whose abstract ends in
    citations (``[3][4]``, a line ending like a lynx reference), keeps its dialect (it was
    read as reference-text: its title kept its link, its upvotes and authors were lost)."""
    lines = [
        "Submitted by", "", "alice", "",
        "### [A Model for Everything](https://huggingface.co/papers/2610.05608)", "",
        "We present a model, as earlier work did [3][4]", "", "- 3 authors", "",
        "\u00b7 Published on Oct 4, 2026", "", "[Upvote", "",
        "117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)",
    ]
    digest = parse("\n".join(lines) + "\n", reference_date=datetime.date(2026, 11, 26))
    assert digest.dialect == "html-text"
    assert [(p.title, p.upvotes, p.author_count, p.submitted_by) for p in digest.papers] == [
        ("A Model for Everything", 117, 3, "alice")
    ]


@pytest.mark.parametrize(
    "tail",
    [
        ["[1][301]", "[2][302]", "...", "[9][303]", "[Next][304]"],
        ["1", "[2][302]", "[Next][304]"],
    ],
)
def test_page_numbers_before_next_are_the_pages_end(tail: list[str]) -> None:
    """The first page of a paginated list shows no ``Previous``: its page numbers, one link
    a line (``[1][301]``, which reads like an upvote box on one line), then ``Next``."""
    lines = [*LINES[:934], "", *tail, "```"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert digest.footer_span == (936, len(lines))
    assert len(digest.papers) == 33


def test_a_cards_date_may_show_its_comment_count() -> None:
    """As the listing writes it after the date (``Mar 8, 2024 [ 6][39]``): ``votes``."""
    lines = _cards(("· Published on Dec 28, 2024", ["· Published on Dec 28, 2024 [ 6][40]"]))
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert (digest.papers[1].votes, digest.papers[1].date) == (6, datetime.date(2024, 12, 28))


def test_a_switcher_of_empty_items_is_a_header_line() -> None:
    """05:28-34 writes the period switcher as three empty items (``-``), which lynx writes as
    ``*`` alone: header lines after the byline, left out of ``Digest.header``."""
    lines = _cards(("* Daily", ["*"]), ("* Weekly", ["*"]), ("* Monthly", ["*"]))
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert digest.header == (
        "new", "Get trending papers in your email inbox!", "Subscribe", "Trending Papers",
        "by AK and the research community", "Trending Papers",
    )
    assert list(digest.papers) == TRENDING_PAPERS


def test_an_organization_line_wrapped_at_the_tools_width() -> None:
    """At ``-width 80`` a long organization line wraps: the listing's reference over two
    glued lines before ``·``, a card's organization and date likewise."""
    org = "[[MBZUAI] Mohamed bin Zayed University of Artificial"
    listing = edited(lambda lines: [*lines[:272], org, "Intelligence][67]", *lines[273:]])
    digest = check_lenient(listing)
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    paper = digest.papers[8]
    assert (paper.organization, paper.date, paper.votes, paper.end_line) == (
        "Mohamed bin Zayed University of Artificial Intelligence",
        datetime.date(2026, 3, 13), 3, 276,
    )
    name = "Mohamed bin Zayed University of Artificial Intelligence"
    # The card's other copy shows the same organization (copies that differ are reported).
    other = (
        "[[kandinskylab] Kandinsky Lab][12] · Oct 4, 2026", [f"[[MBZUAI] {name}][12] · Oct 4, 2026"]
    )
    for wrapped in (
        [org, "Intelligence][7] · Published on Oct 4, 2026"],
        [f"[[MBZUAI] {name}][7] ·", "Published on Oct 4, 2026"],
        [f"[[MBZUAI] {name}][7] · Published on Oct", "4, 2026"],
    ):
        lines = _cards(
            ("[[kandinskylab] Kandinsky Lab][7] · Published on Oct 4, 2026", wrapped), other)
        digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
        assert digest.diagnostics == ()
        first = digest.papers[0]
        assert (first.organization, first.date, first.abstract) == (
            name, datetime.date(2026, 10, 4), TRENDING_PAPERS[0].abstract
        )
        assert_paths_agree(REFERENCE_TEXT, lines, datetime.date(2026, 10, 20))


def test_a_reference_list_of_a_saved_page_is_the_pages_end() -> None:
    """lynx run on a saved page lists local targets (``file://localhost/…``) and the page's
    ``mailto:`` or ``javascript:`` links among its references: items of the list too."""
    tail = [
        "[Previous][300] [Next][301]", "", "References", "", "   Visible links:",
        "   1. file://localhost/home/me/papers.html", "  31. https://huggingface.co/login",
        " 300. file://localhost/papers/date/2026-06-28", "", "   Hidden links:",
        " 302. mailto:website@huggingface.co", " 303. javascript:void(0)",
        " 304. https://huggingface.co/papers/2606.00683",
    ]
    lines = [*LINES[:934], "", *tail, "```"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert digest.footer_span == (936, len(lines))


def test_a_card_cut_inside_its_upvote_link_is_truncated() -> None:
    for mark in ([], ["[Content truncated]"]):
        lines = [*TRENDING_HEADER, *TRENDING_CARDS[:17], *mark]
        source = "\n".join(lines) + "\n"
        digest = check_lenient(source, reference_date=datetime.date(2026, 10, 20))
        where = 30 if mark else 28  # the mark, else the last line read (``Upvote``)
        assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", where)]
        assert (digest.papers[0].upvotes, digest.papers[0].organization) == (None, "Kandinsky Lab")
        with pytest.raises(digestparse.ParseError) as raised:
            parse(source, "strict", reference_date=datetime.date(2026, 10, 20))
        assert (raised.value.code, raised.value.line) == ("truncated-entry", where)


def test_lynxs_reference_list_alone_after_the_last_entry_is_the_pages_end() -> None:
    """A dump whose page shows no pagination or footer after its last entry (a tool that
    drops them) still ends with lynx's list, headed ``References``: the page's end."""
    tail = ["References", "", "   1. https://huggingface.co/", " 300. https://huggingface.co/x"]
    lines = [*LINES[:934], "", *tail, "```"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert digest.diagnostics == ()
    assert digest.footer_span == (936, len(lines))
    # Without its heading the list opens nothing, as before (docs/format.md).
    lines = [*LINES[:934], "", *tail[2:], "```"]
    assert [d.code for d in check_lenient("\n".join(lines) + "\n").diagnostics] == ["junk"]


@pytest.mark.parametrize("keep", [1, 3, 5])
def test_a_first_card_cut_inside_its_lead_in_leaves_the_header_alone(keep: int) -> None:
    """``Submitted by`` is never a header line: a trending page cut inside its first card's
    Submitted-by block has a whole header and the rest as junk (no title follows)."""
    lines = [*TRENDING_HEADER, *TRENDING_CARDS[:keep], "", "[Content truncated]"]
    digest = check_lenient("\n".join(lines) + "\n")
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", 13)]
    assert digest.header_span == (1, 11)


def test_submitted_by_without_a_name_is_missing_submitter() -> None:
    """As in the html-text dialect: reported where the name should be (the title), and the
    card read with ``submitted_by=None``."""
    lines = _cards(("vvasilev", []))
    source = "\n".join(lines) + "\n"
    digest = check_lenient(source, reference_date=datetime.date(2026, 10, 20))
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("missing-submitter", 18), ("missing-submitter", 39)
    ]
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0, submitted_by=None) for p in TRENDING_PAPERS
    ]
    with pytest.raises(digestparse.ParseError) as raised:
        parse(source, "strict", reference_date=datetime.date(2026, 10, 20))
    assert (raised.value.code, raised.value.line) == ("missing-submitter", 18)


@pytest.mark.parametrize(
    "rest",
    ["Inference System for Long-Form ASR][32]", "\\- ### Inference System for Long-Form ASR][32]"],
)
def test_a_title_line_broken_under_lynxs_box_is_no_html2text_wrap(rest: str) -> None:
    """html2text wraps a linked title without repeating ``### ``; lynx repeats it on every
    line. Under lynx's box a title line broken in two (or its second line damaged) is an
    unclosed title as before html2text's layout was read, not a wrapped one read silently
    (the title took the damaged line's ``\\- ###``)."""
    source = edited(lambda lines: [*lines[:58], "### [MURMUR: An Efficient", rest, *lines[59:]])
    digest = check_lenient(source)
    assert [(d.code, d.line) for d in digest.diagnostics][:2] == [
        ("unbalanced-bracket", 59), ("unbalanced-bracket", 60)
    ]
    assert digest.papers[0].title == "MURMUR: An Efficient"


def test_a_card_title_line_broken_under_lynxs_lead_in_is_no_html2text_wrap() -> None:
    """A lynx card's lead-in (``[[IMG]][21]``, no html2text image ``![…][N]``): its title line
    broken in two is an unclosed title, not an html2text wrap read silently (``Fra mework``)."""
    title = "### [TradingAgents: Multi-Agents LLM Financial Trading Framework][22]"
    lines = [*TRENDING_HEADER, *TRENDING_CARDS]
    at = lines.index(title)
    lines[at : at + 1] = [title[:58], title[58:]]
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert ("unbalanced-bracket", at + 1) in [(d.code, d.line) for d in digest.diagnostics]
    assert "mework" not in digest.papers[2].title


def test_a_lynx_cards_backslashes_stay() -> None:
    """html2text's escapes are undone in its cards only: a lynx card (lead-in ``[[IMG]][21]``)
    shows its text as the page does, backslashes and all."""
    title = "### [TradingAgents: Multi-Agents LLM Financial Trading Framework][22]"
    lines = [*TRENDING_HEADER, *TRENDING_CARDS]
    lines[lines.index(title)] = "### [1\\. Trading \\\\ Agents][22]"
    digest = check_lenient("\n".join(lines) + "\n", reference_date=datetime.date(2026, 10, 20))
    assert digest.diagnostics == ()
    assert digest.papers[2].title == "1\\. Trading \\\\ Agents"
