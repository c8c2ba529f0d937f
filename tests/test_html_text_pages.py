"""The html-text dialect on the page kinds capture 05 (the trending page) does not show.

``structured-html-v2`` renders the page's HTML in a few ways capture 05 shows: a link as
``[text](url)``, over several lines when its content is blocks (``[Upvote`` / blank /
``117](url)``); an image as its alt text in brackets behind the word for "image" and a
full-width colon (``IMAGE`` below, "no alt text"); a list item as ``- text`` (``-`` when
empty); a heading as ``#`` marks with an anchor ``<a id="source-section-N"></a>`` before it;
inline elements on one line; the page's own line breaks kept. The daily and search pages put
on their cards what captures 01 (lynx), 02 (text-urls) and 03 (firecrawl) show: the upvote
box *above* the title, linked to the login page (``[101](...login...)``, ``[-](...)``
before any vote; 03:30, 01:55-57), the abstract linked to the paper (03:34), the authors'
avatars and count linked to the paper (03:79-81, 01:75-77) or an organization, the middle
dot and the date each on a line of their own (03:36-40, 01:78-79), and the comment count
linked to ``#community`` after the date (03:40 glued on, 01:104 after a space); the header
ends with the page date (03:28, 02:87), after the link to the day before (02:85). Below,
pages are written that way from known fields, and every variant of a card this rendering
allows is read back: the expected fields are the ones the page was written from.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

import digestparse
from dialect_support import (
    CAPTURE_PATHS,
    assert_paths_agree,
    capture_lines,
    delete,
    read_checked,
    replace,
)
from digestparse.dialects.html_text import HTML_TEXT
from hostile_support import uncovered_lines

REFERENCE = datetime.date(2026, 10, 31)
IMAGE = "[\u56fe\u7247\uff1a\u65e0\u66ff\u4ee3\u6587\u672c]"
PREAMBLE = [
    "# Hugging Face - 2026 - Daily Papers",
    "",
    "- Source HTML: `raw/html/Hugging Face - 2026 - Daily Papers.html`",
    "- Source URL: https://huggingface.co/papers/date/2026-10-30",
    "- Generated from: `scripts/fetch_web_text.py`",
    "- Extraction: `structured-html-v2` (headings, links, MathML/TeX and tables; figures"
    " require visual review)",
    "",
    "## Extracted Text",
    "",
]
#: The daily page's header (05:11-41 with the daily page's title, its tab to the trending
#: page linked, and the page date after the link to the day before).
DAILY_HEADER = [
    '<a id="source-section-0"></a>', "", "new", "", "",
    "Get trending papers in your email inbox once a day!", "", "",
    "Get trending papers in your email inbox!", "",
    "[Subscribe](https://huggingface.co/login?next=%2Fpapers)", "", "",
    '<a id="source-section-1"></a>', "", "# Daily Papers", "", "",
    '<a id="source-section-2"></a>', "",
    f"## by[{IMAGE} AK](https://huggingface.co/akhaliq) and the research community", "", "",
    "-", "", "-", "", "-", "", "",
    "[Trending Papers](https://huggingface.co/papers/trending)", "", "",
    "[](https://huggingface.co/papers/date/2026-10-29)", "", "Oct 30", "",
    "[](https://huggingface.co/papers/date/2026-10-31)",
]
LOGIN = "https://huggingface.co/login?next=%2Fpapers%2F"
PAPER = "https://huggingface.co/papers/"


def _card(
    paper: str, fields: dict[str, Any], *, box: str, meta: str, authors: str, section: int
) -> list[str]:
    """One daily card. ``box``: ``line`` (``[N](url)``) or ``upvote`` (``[Upvote`` and
    ``N](url)``, as 05 draws it); ``meta``: ``split`` (the middle dot and the date each on a
    line) or ``inline`` (the dot and the date after the authors, or on the organization's
    line, as 05); ``authors``: ``bare`` (05's items) or ``linked`` (inside a link to the
    paper, as 01 and 03)."""
    lines: list[str] = []
    if fields.get("thumbnail"):
        lines += [f"[{IMAGE}]({PAPER}{paper})", ""]
    if fields.get("submitted_by"):
        lines += ["Submitted by", "", IMAGE, "", fields["submitted_by"], "", ""]
    count = fields["box"]
    if box == "line":
        lines += [f"[{count}]({LOGIN}{paper})", "", ""]
    else:
        lines += ["[Upvote", "", f"{count}]({LOGIN}{paper})", "", ""]
    lines += [f'<a id="source-section-{section}"></a>', "", ""]
    title = fields["title_lines"]
    heading = [f"### [{title[0]}", *title[1:]]
    heading[-1] += f"]({PAPER}{paper})"
    lines += [*heading, "", ""]
    abstract = fields["abstract_lines"]
    linked = [f"[{abstract[0]}", *abstract[1:]]
    linked[-1] += f"]({PAPER}{paper})"
    lines += [*linked, "", ""]
    date = fields["date_line"]
    if "organization" in fields:
        name, handle = fields["organization"], fields["handle"]
        organization = f"[[\u56fe\u7247\uff1a{handle}] {name}](https://huggingface.co/{handle})"
        lines += [organization, "", "\u00b7", "", date] if meta == "split" else [
            f"{organization} \u00b7 {date}"]
    else:
        count_line = f"- {fields['author_count']} {fields.get('word', 'authors')}"
        avatars = [f"- {IMAGE}"] * min(fields["author_count"], 3)
        if authors == "linked":
            items = [*avatars, count_line]
            items[0] = "[" + items[0]
            items[-1] += f"]({PAPER}{paper})"
        else:
            items = ["-", "-", *avatars, count_line]
        for item in items:
            lines += [item, ""]
        lines += ["\u00b7", "", date] if meta == "split" else [f"\u00b7 {date}"]
    lines += ["", ""]
    return lines


NON_ASCII_TITLE = (
    "\u00dcber-gro\u00dfe Modelle: \u4e2d\u6587\u6807\u9898 \u2014 5\u00d7 faster"
)
#: Four cards and what a reader reads on them. ``date_line`` is the card's date line as the
#: page writes it (with its comment count's link where it shows one).
CARDS: list[tuple[str, dict[str, Any]]] = [
    ("2610.20001", {
        "thumbnail": True, "submitted_by": "alice", "box": "101",
        "title_lines": ["OCC-RAG: Optimal Cognitive Core for Faithful Question Answering"],
        "abstract_lines": ["Recent progress in language models has been defined by scale.",
                           "We release OCC-RAG at https://github.com/occ/occ-rag."],
        "author_count": 7, "date_line": "Oct 28[6](https://huggingface.co/papers/2610.20001"
                                        "#community)"}),
    ("2610.20002", {
        "box": "-", "title_lines": ["Benchmark Radar: A Living Database"],
        "abstract_lines": ["Benchmark researchers need to find relevant evaluations."],
        "organization": "Carnegie Mellon University", "handle": "CarnegieMellonU",
        "date_line": "Sep 9, 2025"}),
    ("2610.20003", {
        "thumbnail": True, "submitted_by": "bob", "box": "0",
        "title_lines": ["The Noisy Path from Source to Citation: Measuring How Scholars",
                        "Engage with Past Research"],
        "abstract_lines": ["Academic citations are widely used for evaluating research and",
                           "tracing knowledge flows; they vary in fidelity."],
        "author_count": 1, "word": "author", "date_line": "Oct 29"}),
    ("2610.20004", {
        "box": "12", "title_lines": [NON_ASCII_TITLE],
        "abstract_lines": ["A model."], "organization": "OCC", "handle": "occ-ai",
        "date_line": "Oct 30 [12](https://huggingface.co/papers/2610.20004#community)"}),
]
#: (title, abstract, upvotes, author_count, organization, date, votes, submitted_by, links)
CARD_FIELDS = [
    ("OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
     "Recent progress in language models has been defined by scale. We release OCC-RAG at "
     "https://github.com/occ/occ-rag.", 101, 7, None, datetime.date(2026, 10, 28), 6, "alice",
     ("https://github.com/occ/occ-rag",)),
    ("Benchmark Radar: A Living Database",
     "Benchmark researchers need to find relevant evaluations.", 0, None,
     "Carnegie Mellon University", datetime.date(2025, 9, 9), 0, None, ()),
    ("The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research",
     "Academic citations are widely used for evaluating research and tracing knowledge flows;"
     " they vary in fidelity.", 0, 1, None, datetime.date(2026, 10, 29), 0, "bob", ()),
    (NON_ASCII_TITLE, "A model.", 12, None, "OCC",
     datetime.date(2026, 10, 30), 12, None, ()),
]
FOOTER = [
    "[Previous](https://huggingface.co/papers/date/2026-10-29)", "", "",
    "[Next](https://huggingface.co/papers/date/2026-10-31)", "", "", "System theme", "", "",
    "Company", "", "[TOS](https://huggingface.co/terms-of-service) "
    "[Privacy](https://huggingface.co/privacy)",
]


def daily_page(
    *, box: str = "line", meta: str = "split", authors: str = "linked", footer: bool = True
) -> list[str]:
    lines = [*PREAMBLE, *DAILY_HEADER, "", ""]
    for index, (paper, fields) in enumerate(CARDS):
        lines += _card(paper, fields, box=box, meta=meta, authors=authors, section=3 + index)
    return lines + (FOOTER if footer else [])


def _fields(paper: digestparse.Paper) -> tuple[Any, ...]:
    return (paper.title, paper.abstract, paper.upvotes, paper.author_count, paper.organization,
            paper.date, paper.votes, paper.submitted_by, paper.links)


def _read(lines: list[str]) -> digestparse.Digest:
    """``dialect_support.read_checked`` of the page's lines as html-text."""
    return read_checked(HTML_TEXT, "\n".join(lines), REFERENCE)


# -- the daily page -----------------------------------------------------------------------


def test_a_daily_page_is_read_as_html_text_not_markdown() -> None:
    """Its upvote boxes and ``### [Title](url)`` titles are what the markdown detector looks
    for; the extractor's section anchors tell it is this tool's page."""
    text = "\n".join(daily_page())
    assert digestparse.parse(text, reference_date=REFERENCE).dialect == "html-text"


@pytest.mark.parametrize(
    "edit",
    [
        # An abstract whose line ends in citations ends like a lynx reference (``][4]``),
        # and the page has the listing's own words: the reference-text detector accepts.
        ("We present Kandinsky", lambda line: line + " as in [3][4]"),
        # The header's Subscribe with its URL on a line of its own, as text-urls writes it.
        ("[Subscribe](", lambda line: "Subscribe\nhttps://huggingface.co/login?next=%2Fpapers"),
    ],
    ids=["citations", "subscribe"],
)
def test_the_section_anchors_decide_over_every_detector_tried_before(edit: Any) -> None:
    """Capture 05 with one line that another detector tried before html-text accepts is
    still this tool's page: its section anchors and paper-linked titles decide (as over
    markdown); it was read as reference-text or text-urls, which lost its fields."""
    start, change = edit
    original = capture_lines("05")
    lines = [change(line) if line.startswith(start) else line for line in original]
    assert lines != original
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert digest.dialect == "html-text"
    intact = digestparse.parse("\n".join(original), reference_date=REFERENCE)
    assert [paper.title for paper in digest.papers] == [paper.title for paper in intact.papers]


@pytest.mark.parametrize("authors", ["linked", "bare"])
@pytest.mark.parametrize("meta", ["split", "inline"])
@pytest.mark.parametrize("box", ["line", "upvote"])
def test_daily_cards_read_with_their_fields(box: str, meta: str, authors: str) -> None:
    digest = _read(daily_page(box=box, meta=meta, authors=authors))
    assert digest.diagnostics == ()
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS
    assert [paper.paper_id for paper in digest.papers] == [paper for paper, _ in CARDS]


@pytest.mark.parametrize("box", ["line", "upvote"])
@pytest.mark.parametrize("wrap", ["", "<>"], ids=["relative", "angle-brackets"])
def test_a_daily_page_with_the_sites_links_relative_reads_as_with_absolute_ones(
    box: str, wrap: str
) -> None:
    """A page saved without its address keeps the site's links relative (docs/format.md,
    "Relative links"). The one-line upvote box (``[101](/login?…)``) was junk and took its
    card with it, the linked abstract (``[…](/papers/ID)``) was missing-abstract, and an
    arrow after the page date (``[](/papers/date/…)``) was junk."""
    absolute = "](https://huggingface.co/"
    relative = "](<" + "/" if wrap else "](/"
    lines = []
    for line in daily_page(box=box):
        if absolute in line:
            line = line.replace(absolute, relative)
            if wrap:
                line = re.sub(r"\]\(<(/[^)\s]*)\)", r"](<\1>)", line)
        lines.append(line)
    assert sum(line.count("](/") + line.count("](</") for line in lines) >= 20
    text = "\n".join(lines)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("html-text", ())
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS
    assert [paper.paper_id for paper in digest.papers] == [paper for paper, _ in CARDS]
    assert [paper.url for paper in digest.papers] == [PAPER + paper for paper, _ in CARDS]
    assert digest.page_date == datetime.date(2026, 10, 30)
    assert _read(lines) == digest


def test_a_daily_card_spans_from_its_thumbnail_to_its_date() -> None:
    lines = daily_page()
    digest = _read(lines)
    first = lines.index(f"[{IMAGE}]({PAPER}2610.20001)") + 1
    date = lines.index(CARDS[0][1]["date_line"]) + 1
    assert digest.papers[0].span == (first, date)
    # The second card has neither a thumbnail nor a Submitted-by block: its upvote box.
    assert digest.papers[1].line == lines.index(f"[-]({LOGIN}2610.20002)") + 1


def test_the_page_date_and_the_links_beside_it_are_the_header() -> None:
    lines = daily_page()
    digest = _read(lines)
    assert digest.page_date == datetime.date(2026, 10, 30)
    next_day = lines.index("[](https://huggingface.co/papers/date/2026-10-31)") + 1
    assert digest.header_span == (1, next_day)
    # Without the anchors, the switcher's empty items and the arrows' empty links.
    assert digest.header == (
        "new", "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
        "by AK and the research community", "Trending Papers",
    )
    assert digest.footer_span == (len(lines) - len(FOOTER) + 1, len(lines))


def test_a_search_page_keeps_its_query_in_the_header() -> None:
    lines = daily_page()
    byline = next(i for i, line in enumerate(lines) if line.startswith("## by"))
    lines[byline + 1 : byline + 1] = ["", "", "Long-context ASR"]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert "Long-context ASR" in digest.header
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS


@pytest.mark.parametrize(
    ("before", "label", "after"),
    [
        ("week/2026-W43", "Week 44", "week/2026-W45"),
        ("month/2026-09", "October 2026", "month/2026-11"),
    ],
)
def test_a_week_or_month_view_has_no_page_date(before: str, label: str, after: str) -> None:
    """The switcher's week or month view labels its period where the day's date was: a
    header line like the others, no page date; yearless dates take the reference's year."""
    lines = daily_page()
    start = lines.index("[](https://huggingface.co/papers/date/2026-10-29)")
    lines[start : start + 5] = [
        f"[](https://huggingface.co/papers/{before})", "", label, "",
        f"[](https://huggingface.co/papers/{after})",
    ]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert digest.page_date is None
    assert label in digest.header
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS


def test_the_comment_count_on_a_line_of_its_own() -> None:
    lines = daily_page()
    number = lines.index(CARDS[0][1]["date_line"])
    lines[number : number + 1] = ["Oct 28", "", "[6](https://huggingface.co/papers/2610.20001"
                                  "#community)"]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS
    assert digest.papers[0].end_line == number + 3


def _without_first_authors(lines: list[str]) -> list[str]:
    """The first card's linked authors (``[- <img>`` \u2026 ``- 7 authors](url)``) removed."""
    start = lines.index(f"[- {IMAGE}")
    end = lines.index(f"- 7 authors]({PAPER}2610.20001)")
    return lines[:start] + lines[end + 1 :]


DAILY_DEFECTS: dict[str, tuple[Any, str, str, int]] = {
    # (edit of the page; the first diagnostic's code, the line it is at, its column)
    "no date after '\u00b7'": (lambda lines: delete(lines.index("Sep 9, 2025") + 1)(lines),
                               "missing-date", f"[{IMAGE}]({PAPER}2610.20003)", 1),
    "a text line after '\u00b7'": (
        lambda lines: replace(lines.index("Sep 9, 2025") + 1, "Sept 9th")(lines),
        "bad-date", "Sept 9th", 1),
    "no authors before '\u00b7'": (_without_first_authors, "missing-authors", "\u00b7", 1),
    # "Oct 30 [" is 8 characters: the count's first digit is in column 9.
    "a comment count of 19 digits": (
        lambda lines: [line.replace("[12](", "[1234567890123456789](")
                       if line.endswith("#community)") else line for line in lines],
        "bad-votes", "Oct 30 [1234567890123456789](https://huggingface.co/papers/2610.20004"
                     "#community)", 9),
}


@pytest.mark.parametrize("name", DAILY_DEFECTS)
def test_a_damaged_daily_card_is_reported_where_strict_mode_stops(name: str) -> None:
    edit, code, at, column = DAILY_DEFECTS[name]
    lines = edit(daily_page())
    digest = _read(lines)
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == (code, lines.index(at) + 1, column)
    assert len(digest.papers) == len(CARDS)


# -- the trending page ----------------------------------------------------------------------

CAPTURE_05 = next(p for p in CAPTURE_PATHS if p.name.startswith("05")).read_text(
    encoding="utf-8").split("\n")


def test_a_trending_card_may_show_no_date() -> None:
    """Capture 04's trending page shows no date on any card (its authors lines and links
    kept): a trending card (its upvote box below) with no date line is read with ``date``
    None, no deviation. Here every date line of capture 05 is removed."""
    lines = [line for line in CAPTURE_05 if "Published on" not in line and not (
        " \u00b7 " in line and line.endswith("2026")) and not line.startswith("\u00b7 ")]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert [paper.date for paper in digest.papers] == [None] * 6
    assert [paper.organization for paper in digest.papers] == [None] * 6
    assert [paper.author_count for paper in digest.papers] == [None, None, 4, None, None, 9]
    assert [paper.upvotes for paper in digest.papers] == [117, 25, 149, 22, 323, 76]


def _anchored_trending_page(ids: list[str]) -> list[str]:
    """A trending page as 05's extractor writes it where a card shows no thumbnail and no
    Submitted-by block: each card twice, an anchor, the title, the summary, the
    organization and the upvote box below, no date."""
    lines = ["new", "", "Get trending papers in your email inbox!", "",
             "<a id=\"source-section-1\"></a>", "", "# Trending Papers", ""]
    for section, paper in enumerate(paper for paper in ids for _copy in (1, 2)):
        count = int(paper[-2:])
        lines += [f"<a id=\"source-section-{section + 2}\"></a>", "",
                  f"### [Title {paper}]({PAPER}{paper})", "", f"Summary of {paper}.", "",
                  "[[\u56fe\u7247\uff1aacme] Acme Lab](https://huggingface.co/acme)", "",
                  "[Upvote", "", f"{count}]({LOGIN}{paper})", "", ""]
    return lines


@pytest.mark.parametrize("card", [0, 1, 2])
def test_a_trending_copy_that_lost_its_title_leaves_the_other_cards_alone(card: int) -> None:
    """A card's first copy without its title: its upvote box stands right above the second
    copy's title, where a daily card's box stands. The trending box (``[Upvote``) says
    nothing of the page's layout: the next cards keep their boxes below them (each lost
    its count, with three reports, once the page was taken for boxes above). The first
    card's lost copy is no part of the header."""
    ids = ["2611.00011", "2611.00022", "2611.00033", "2611.00044"]
    lines = _anchored_trending_page(ids)
    assert [paper.upvotes for paper in _read(lines).papers] == [11, 22, 33, 44]
    title = lines.index(f"### [Title {ids[card]}]({PAPER}{ids[card]})")
    del lines[title]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert [paper.upvotes for paper in digest.papers] == [11, 22, 33, 44]
    assert [paper.title for paper in digest.papers] == [f"Title {i}" for i in ids]
    assert uncovered_lines("\n".join(lines), digest) == []
    # The lost copy's summary and organization are junk (the first card's were taken into
    # the header, silently): the one report, next to the lost title's place.
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert title - 2 <= digest.diagnostics[0].line <= title + 3


def test_a_trending_box_that_names_another_paper_is_the_cards_own() -> None:
    """A trending card's box whose login link names a paper that no title near it shows
    (a line swapped in, or the page's own slip) is still the card's: no later card is read
    otherwise (each reported a missing box and date once it was left to the next)."""
    ids = ["2611.00011", "2611.00022", "2611.00033", "2611.00044"]
    lines = [line.replace(f"{LOGIN}2611.00022)", f"{LOGIN}2611.00099)")
             for line in _anchored_trending_page(ids)]
    digest = _read(lines)
    assert [paper.upvotes for paper in digest.papers] == [11, 22, 33, 44]
    assert digest.diagnostics == ()


def test_an_organization_after_its_logos_placeholder_is_kept_as_written() -> None:
    """After the logo's placeholder (capture 05's image placeholder) the rest
    of the link's text is the name, whatever it repeats (``NAVER NAVER Cloud``): the
    rules read it as the fast path does (they took the first word for a logo's alt)."""
    lines = [line.replace("] Kandinsky Lab]", "] NAVER NAVER Cloud]") for line in CAPTURE_05]
    assert lines != CAPTURE_05
    digest = _read(lines)
    assert digest.papers[0].organization == "NAVER NAVER Cloud"
    assert_paths_agree(HTML_TEXT, "\n".join(lines), REFERENCE)


def test_a_bracket_inside_an_organizations_name_is_the_names_own() -> None:
    """Only the logo's placeholder before the name is dropped: ``Allen [AI] Institute``
    keeps its ``[AI]``. Every bracketed text was dropped, in strict mode too, with no
    report (``Allen Institute``)."""
    lines = [line.replace("] Kandinsky Lab]", "] Kandinsky [AI] Lab]") for line in CAPTURE_05]
    assert lines != CAPTURE_05
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert digest.papers[0].organization == "Kandinsky [AI] Lab"
    assert_paths_agree(HTML_TEXT, "\n".join(lines), REFERENCE)


def test_a_trending_card_with_an_organization_and_no_date() -> None:
    """The organization alone on its line, no ``\u00b7`` and no date: the organization, not a line
    of the abstract (on a page whose cards show no date)."""
    organization = "[[\u56fe\u7247\uff1aprincetonu] Princeton University](https://huggingface.co/princetonu)"
    lines = [organization if line.startswith(organization) else line for line in CAPTURE_05]
    lines = [line for line in lines if "Published on" not in line and not (
        " \u00b7 " in line and line.endswith("2026")) and not line.startswith("\u00b7 ")]
    digest = _read(lines)
    assert digest.diagnostics == ()
    unimate = digest.papers[3]
    assert (unimate.organization, unimate.date) == ("Princeton University", None)
    assert unimate.abstract.endswith("large curated motion dataset.")


@pytest.mark.parametrize(
    "title", ["# of Tokens Matters", "- A Dash First", "* A Star First", "+ A Plus First"])
def test_a_title_that_starts_with_a_markup_character_keeps_it(title: str) -> None:
    """Inside the link's brackets a ``#`` or ``-`` is the title's own, never a heading or
    bullet mark (both paths)."""
    old = "UniMate: One Unified Model to Animate Diverse Skeletons"
    lines = [line.replace(f"[{old}]", f"[{title}]") for line in CAPTURE_05]
    digest = _read(lines)
    assert digest.papers[3].title == title


def test_markup_like_and_non_ascii_titles_are_kept_as_written() -> None:
    title = "A [Bracketed] *Starred* _Under_ #Hash \\Back |Pipe| `Tick` " + NON_ASCII_TITLE
    old = "UniMate: One Unified Model to Animate Diverse Skeletons"
    lines = [line.replace(f"[{old}]", f"[{title}]") for line in CAPTURE_05]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert digest.papers[3].title == title


@pytest.mark.parametrize("box", ["line", "upvote"])
def test_a_daily_card_without_its_upvote_box_takes_none_from_the_next(box: str) -> None:
    """Once the page's cards show their box above the title, a card without one lacks it:
    ``missing-upvotes`` at its title, and the next card keeps its own box."""
    lines = daily_page(box=box)
    if box == "line":
        at = lines.index(f"[-]({LOGIN}2610.20002)")
        del lines[at]
    else:
        at = lines.index(f"-]({LOGIN}2610.20002)") - 2
        del lines[at : at + 3]
    digest = _read(lines)
    title = next(i for i, line in enumerate(lines) if line.startswith("### [Benchmark")) + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-upvotes", title)]
    assert [paper.upvotes for paper in digest.papers] == [101, None, 0, 12]
    assert [_fields(paper)[3:] for paper in digest.papers] == [f[3:] for f in CARD_FIELDS]


@pytest.mark.parametrize("box", ["line", "upvote"])
def test_a_first_card_without_its_upvote_box_takes_none_from_the_next(box: str) -> None:
    """A first card without its box gives no sign yet that the page's boxes stand above the
    titles: the box after it could be its own, below it as on the trending page. It links
    back to the next card's paper, so it is that card's (each card took the next one's
    count, and the report came cards later): ``missing-upvotes`` at that box."""
    lines = daily_page(box=box)
    first_id = CARDS[0][0]
    if box == "line":
        del lines[next(k for k, line in enumerate(lines) if line.endswith(f"{LOGIN}{first_id})"))]
    else:
        at = lines.index(next(line for line in lines if line.endswith(f"{LOGIN}{first_id})"))) - 2
        del lines[at : at + 3]
    assert f"{LOGIN}{first_id})" not in "\n".join(lines)
    digest = _read(lines)
    login = next(k for k, line in enumerate(lines) if LOGIN in line)  # the second card's
    opening = login - 2 if box == "upvote" else login  # ``[Upvote``, a blank line, the count
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-upvotes", opening + 1)]
    assert [paper.upvotes for paper in digest.papers] == [None, *(f[2] for f in CARD_FIELDS[1:])]
    assert [_fields(paper)[3:] for paper in digest.papers] == [f[3:] for f in CARD_FIELDS]


@pytest.mark.parametrize("meta", ["split", "inline"])
def test_a_first_daily_card_without_its_date_under_worded_boxes_is_reported(meta: str) -> None:
    """A daily page whose boxes show the word (``[Upvote`` above the title): the first card
    without its date line is ``missing-date`` at the next card's box, as a card after it
    would be (a worded box above a title may be a trending copy's, whose card may show no
    date, but only where the box after the card links back to the card's own paper)."""
    lines = daily_page(box="upvote", meta=meta)
    date = CARD_FIELDS[0][5]
    assert date is not None
    shown = CARDS[0][1]["date_line"]
    at = next(k for k, line in enumerate(lines) if line.endswith(shown))
    if meta == "split":
        del lines[at - 2 : at + 1]  # the dot and the date
    else:
        lines[at] = lines[at][: -len(" \u00b7 " + shown)]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    box = lines.index(f"{CARDS[1][1]['box']}]({LOGIN}{CARDS[1][0]})") - 1  # its ``[Upvote``
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-date", box)]
    assert digest.papers[0].date is None
    assert [paper.upvotes for paper in digest.papers] == [f[2] for f in CARD_FIELDS]


@pytest.mark.parametrize("title", ["Uni[Mate: One Model", "Uni]Mate: One Model", "Ends In C:\\"])
def test_an_unbalanced_bracket_or_a_backslash_in_a_title_is_text(title: str) -> None:
    """The tool escapes nothing: the title is everything between the heading's first ``[``
    and its last ``](`` (before, ``Uni[Mate`` read as ``Mate`` with no report, and ``]`` or a
    final backslash left the title unlinked, ``missing-link``)."""
    old = "UniMate: One Unified Model to Animate Diverse Skeletons"
    lines = [line.replace(f"[{old}]", f"[{title}]") for line in CAPTURE_05]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert (digest.papers[3].title, digest.papers[3].paper_id) == (title, "2609.05415")


def test_an_arxiv_link_right_after_the_title_is_no_linked_abstract() -> None:
    """Only a link to the paper's page on huggingface.co is an abstract (the daily page's);
    a card whose summary is lost and whose next line is its arXiv link has no abstract."""
    lines = daily_page()
    start = lines.index("[Benchmark researchers need to find relevant evaluations.]"
                        f"({PAPER}2610.20002)")
    lines[start] = "[arXiv Page](https://arxiv.org/abs/2610.20002)"
    digest = _read(lines)
    assert digest.papers[1].abstract != "arXiv Page"
    assert digest.diagnostics[0].code == "missing-abstract"


def _unlabelled_boxes(lines: list[str]) -> list[str]:
    """Each ``[N](login url)`` box as a lone ``[`` and ``N](url)``: a box whose content is a
    block with no label before it."""
    out: list[str] = []
    for line in lines:
        if line.startswith("[") and f"]({LOGIN}" in line and line.endswith(")"):
            out += ["[", "", line[1:]]
        else:
            out.append(line)
    return out


def _bracket_abstracts(lines: list[str]) -> list[str]:
    """Each linked abstract with its ``[`` and ``](url)`` on lines of their own, blank lines
    around its text (as lynx shows a link whose content is a block, 01:61-74)."""
    lines = list(lines)
    for paper, fields in CARDS:
        abstract = fields["abstract_lines"]
        first = lines.index(f"[{abstract[0]}" + ("" if abstract[1:] else f"]({PAPER}{paper})"))
        last = lines.index(f"{abstract[-1]}]({PAPER}{paper})", first) if abstract[1:] else first
        lines[first : last + 1] = ["[", "", *abstract, "", f"]({PAPER}{paper})"]
    return lines


@pytest.mark.parametrize("edit", [_unlabelled_boxes, _bracket_abstracts])
def test_links_whose_content_is_a_block(edit: Any) -> None:
    """A link that holds a block may open with its ``[`` alone on a line: an upvote box with
    no label (``[`` then ``101](url)``) or a linked abstract (``[``, its text, ``](url)``)."""
    lines = edit(daily_page())
    assert lines != daily_page()
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert [_fields(paper) for paper in digest.papers] == CARD_FIELDS


@pytest.mark.parametrize(("lost", "reported"), [(111, 113), (351, 353)])
def test_a_date_line_lost_from_a_page_that_shows_dates_is_reported(
    lost: int, reported: int
) -> None:
    """On a page whose cards have shown a date, a card with none lost its date line (05:111,
    the organization's line with the date; 05:351, ``\u00b7`` and the date below the authors):
    ``missing-date`` at the upvote box that came instead, as before the trending page's
    undated cards were read. The last card has no copy to give the date back."""
    lines = CAPTURE_05[: lost - 1] + CAPTURE_05[lost:]
    assert lines[reported - 1] == "[Upvote"
    digest = _read(lines)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-date", reported)]
    assert len(digest.papers) == 6


def _lose_abstract_line(lines: list[str], part: str) -> tuple[list[str], int]:
    """The daily page without the first card's linked abstract's first or last line, and
    the (1-based) number of the abstract's first line left."""
    paper, fields = CARDS[0]
    first = lines.index(f"[{fields['abstract_lines'][0]}")
    last = lines.index(f"{fields['abstract_lines'][-1]}]({PAPER}{paper})")
    assert last == first + 1
    lost = first if part == "first" else last
    return lines[:lost] + lines[lost + 1 :], first + 1


@pytest.mark.parametrize(
    ("part", "code", "abstract"),
    [("last", "unclosed-link", "Recent progress in language models has been defined by scale."),
     ("first", "unbalanced-bracket", "We release OCC-RAG at https://github.com/occ/occ-rag.")],
)
def test_a_linked_abstract_that_lost_a_line_is_reported(
    part: str, code: str, abstract: str
) -> None:
    """A linked abstract without its ``…](url)`` line kept its ``[`` (and without its first
    line kept ``](https://huggingface.co/papers/…)``, a malformed URL in ``links``), with no
    diagnostic: now ``unclosed-link`` or ``unbalanced-bracket`` at its first line, and the
    abstract is its text alone."""
    for bracketed in (False, True):
        lines = _bracket_abstracts(daily_page()) if bracketed else daily_page()
        if bracketed:  # ``[``, blank, the text lines, blank, ``](url)``: lose a bracket line
            paper, fields = CARDS[0]
            opening = lines.index(f"{fields['abstract_lines'][0]}") - 2
            closing = lines.index(f"]({PAPER}{paper})")
            lost = opening if part == "first" else closing
            first = opening + 1 if part == "last" else opening + 2
            lines = lines[:lost] + lines[lost + 1 :]
            kept = " ".join(fields["abstract_lines"])
        else:
            lines, first = _lose_abstract_line(lines, part)
            kept = abstract
        digest = _read(lines)
        assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [(code, first, 1)]
        card = digest.papers[0]
        assert card.abstract == kept
        assert card.links == (("https://github.com/occ/occ-rag",) if "occ-rag" in kept else ())
        assert card.paper_id == CARDS[0][0]
        assert [_fields(paper) for paper in digest.papers[1:]] == CARD_FIELDS[1:]


@pytest.mark.parametrize("bracketed", [False, True])
@pytest.mark.parametrize("cut", ["https://huggingface", "https:/", ""])
def test_a_linked_abstract_whose_target_was_cut_is_reported(bracketed: bool, cut: str) -> None:
    """A linked abstract whose ``](url)`` was cut inside its target (``](https://hugging``)
    is ``unclosed-link`` at its first line, and the abstract is its text alone (it kept
    ``](https://hugging`` at its end, with no diagnostic)."""
    paper, fields = CARDS[0]
    text_lines = fields["abstract_lines"]
    if bracketed:  # ``[``, blank, the text lines, blank, ``](url)``
        lines = _bracket_abstracts(daily_page())
        first = lines.index(text_lines[0]) - 2
        close = lines.index(f"]({PAPER}{paper})")
    else:
        lines = daily_page()
        first = lines.index(f"[{text_lines[0]}")
        close = lines.index(f"{text_lines[-1]}]({PAPER}{paper})")
    lines[close] = lines[close][: lines[close].rindex("](") + 2] + cut
    first += 1  # 1-based
    digest = _read(lines)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("unclosed-link", first, 1)]
    assert digest.papers[0].abstract == " ".join(fields["abstract_lines"])
    assert [_fields(paper) for paper in digest.papers[1:]] == CARD_FIELDS[1:]


def test_a_trending_summary_ending_with_a_links_close_is_reported_by_both_paths() -> None:
    """A summary ending with ``](https://huggingface.co/papers/…)`` and no ``[`` open: the
    rest of a link whose first line was lost, ``unbalanced-bracket``, the close dropped; the
    fast path gives way to the rules there. A link of its own at the end is text."""
    at = next(n for n, line in enumerate(CAPTURE_05) if line.startswith("We present Kandinsky"))
    close = "](https://huggingface.co/papers/2610.05608)"
    lines = [*CAPTURE_05[:at], CAPTURE_05[at] + close, *CAPTURE_05[at + 1 :]]
    digest = _read(lines)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("unbalanced-bracket", at + 1)]
    assert digest.papers[0].abstract == CAPTURE_05[at] and digest.papers[0].links == ()
    lines[at] = CAPTURE_05[at] + " See [code" + close
    digest = _read(lines)
    assert digest.diagnostics == () and digest.papers[0].abstract.endswith(close)


def test_a_linked_abstract_whose_text_is_lost_is_missing_abstract() -> None:
    """A linked abstract written as ``[``, its text and ``](url)`` on lines of their own
    that lost its one text line is an empty link: ``missing-abstract`` at its ``[`` (it
    gave an empty abstract, silently)."""
    lines = _bracket_abstracts(daily_page())
    text = lines.index(CARDS[3][1]["abstract_lines"][0])
    assert lines[text - 2] == "["
    del lines[text : text + 2]
    digest = _read(lines)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-abstract", text - 1)]
    assert [_fields(paper) for paper in digest.papers][:3] == CARD_FIELDS[:3]
    assert digest.papers[3].abstract == "" and digest.papers[3].paper_id == CARDS[3][0]


def test_a_linked_abstract_ends_where_its_link_closes() -> None:
    """A text line after the abstract's ``](paper url)`` is not the abstract's: it is
    reported where the metadata should be (it was glued on, the link's markup kept in the
    abstract, with no diagnostic)."""
    lines = daily_page()
    close = next(i for i, line in enumerate(lines) if line.startswith("We release OCC-RAG"))
    lines[close + 1 : close + 1] = ["", "A stray line after the link."]
    digest = _read(lines)
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == ("missing-date", close + 3, 1)
    assert digest.papers[0].abstract == CARD_FIELDS[0][1]


@pytest.mark.parametrize("last", ["42", "-"])
def test_a_linked_abstracts_last_line_may_be_a_number(last: str) -> None:
    """A wrapped abstract whose last line is a number closing its link (``42](…/papers/ID)``)
    looks like a trending box's count line, ``117](…/login?…)``, but links to the paper: it
    ends the abstract. It was ``unclosed-link`` and the card lost its authors and date."""
    lines = daily_page()
    close = next(i for i, line in enumerate(lines) if line.startswith("We release OCC-RAG"))
    text, target = lines[close].split("](")
    lines[close : close + 1] = [f"{text} Trained on languages numbering", f"{last}]({target}"]
    digest = _read(lines)
    assert digest.diagnostics == ()
    assert digest.papers[0].abstract == (
        f"{CARD_FIELDS[0][1]} Trained on languages numbering {last}"
    )
    assert [_fields(paper)[2:] for paper in digest.papers] == [
        fields[2:] for fields in CARD_FIELDS
    ]
    assert digest.papers[0].end_line == lines.index(CARDS[0][1]["date_line"]) + 1
