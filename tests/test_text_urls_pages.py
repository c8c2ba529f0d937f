"""The ``text-urls`` dialect on the page kinds capture 02 (a search page) does not show.

Each input is capture 02 with its page features changed the way the export renders
them (docs/format.md, "The text-urls dialect", *Other pages*): every element below a
blank line, a link's label then its URL on a line of its own, an icon-only link as a
line of one space then its URL. What each must give is read off the lines built here.
"""

from __future__ import annotations

import datetime

import digestparse
from dialect_support import TEXT_URLS_CAPTURE, assert_paths_agree
from digestparse.dialects.text_urls import TEXT_URLS
from page_support import HF

LINES = TEXT_URLS_CAPTURE.lines
INTACT = TEXT_URLS_CAPTURE.parse("\n".join(LINES)).papers

#: Capture 02's page date line, its search query and its first entry's upvote box.
PAGE_DATE = LINES.index("Mar 25") + 1
QUERY = LINES.index("Intercode Bash") + 1
FIRST_BOX = PAGE_DATE + 2


def _elements(*texts: str) -> list[str]:
    """Elements as the export writes them: each below a blank line."""
    return [line for text in texts for line in ("", text)]


def _daily_page(*, next_day: bool) -> list[str]:
    """02 as the daily page ``/papers/date/2026-03-25``: no search query, and, on a day
    before the latest, the next day's arrow (an icon-only link) after the page date."""
    lines = [f"url: {HF}/papers/date/2026-03-25" if line.startswith("url: ") else line
             for line in LINES]
    after = _elements(" ", f"{HF}/papers/date/2026-03-26") if next_day else []
    return lines[: QUERY - 1] + lines[QUERY + 1 : PAGE_DATE] + after + lines[PAGE_DATE:]


def _check(lines: list[str]) -> digestparse.Digest:
    """The lenient digest of ``lines``, once strict mode raises exactly at its first
    diagnostic (or not at all) and the fast path reads as the rules do."""
    text = "\n".join(lines) + "\n"
    digest = TEXT_URLS_CAPTURE.lenient(text)
    try:
        digestparse.parse(text, mode="strict")
    except digestparse.ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert digest.diagnostics == ()
    assert_paths_agree(TEXT_URLS, text)
    return digest


def test_the_daily_page_has_no_query_and_may_show_the_next_days_arrow() -> None:
    for next_day in (False, True):
        lines = _daily_page(next_day=next_day)
        digest = _check(lines)
        assert digest.diagnostics == ()
        assert "Intercode Bash" not in digest.header and "Daily Papers" in digest.header
        assert digest.page_date == datetime.date(2026, 3, 25)
        shift = 4 if next_day else 0  # the arrow's two elements, less the query's
        assert digest.header_span == (1, PAGE_DATE - 2 + shift)
        assert digest.papers[0].span[0] == FIRST_BOX - 2 + shift
        assert [p.to_dict() | {"line": 0, "end_line": 0} for p in digest.papers] == [
            p.to_dict() | {"line": 0, "end_line": 0} for p in INTACT]


# -- the trending page ----------------------------------------------------------------------
#
# ``/papers/trending`` titles its header ``Trending Papers``, shows no search query and no
# page date, and draws each card twice in a row. A card may show its code repository as a
# link whose label is ``GitHub`` and its star count (``GitHub 1.2k``: capture 04's
# ``[LINK: GitHub 11.3k](…)``, capture 05's ``[GitHub 131](…) [arXiv Page](…)``): here a
# label and its URL line after the date. Cards may show no date (04) and an AI summary
# that is no link (05) instead of the linked abstract.

BOXES = [index for index, line in enumerate(LINES) if line.startswith(" [-] ")]
#: Entries 1 (authors), 7 (a comment count) and 9 (an organization and a comment count).
PICKED = (0, 6, 8)
GITHUB = ("https://github.com/ex/one", "1.2k"), ("https://github.com/ex/two", "476"), (
    "https://github.com/ex/three", "11.3k")


def _trending_header() -> list[str]:
    """02's header as the trending page's: its title, no query, no page date (nor its
    arrow, the line of one space and its URL line before it)."""
    lines = [
        line.replace("Daily Papers", "Trending Papers") if "Daily Papers" in line else line
        for line in LINES[: QUERY - 1]
    ]
    lines = [f"url: {HF}/papers/trending" if line.startswith("url: ") else line
             for line in lines]
    arrow = PAGE_DATE - 5  # the line of one space before the arrow's URL (0-based)
    assert LINES[arrow] == " " and LINES[arrow + 2].startswith(f"{HF}/papers/date/")
    return lines + LINES[QUERY + 1 : arrow]


def _card(index: int, *, github: bool, dated: bool = True, summary_link: bool = True) -> list[str]:
    """Entry ``index`` of 02 (its lines up to the next upvote box) as a trending card."""
    lines = LINES[BOXES[index] : BOXES[index + 1]]
    if not dated:
        at = lines.index("\u00b7")
        lines = lines[:at]  # the separator, the date and any comment count gone
    if not summary_link:
        at = [i for i, line in enumerate(lines) if line.strip()][5]  # the abstract's URL
        assert lines[at] == f"{HF}/papers/{INTACT[index].paper_id}"
        del lines[at - 1 : at + 1]
    if github:
        url, stars = GITHUB[PICKED.index(index)]
        lines = [*lines, f"GitHub {stars}", "", url, ""]
    return lines


def _trending_page(**card: bool) -> tuple[list[str], list[tuple[int, int]]]:
    """The trending page, each picked card twice; and each card's span, both copies."""
    lines = _trending_header()
    spans = []
    for index in PICKED:
        first = len(lines) + 1
        lines += _card(index, **card) * 2
        last = max(n for n, line in enumerate(lines, 1) if line.strip())
        spans.append((first, last))
    return lines, spans


def _expected(index: int, *, github: bool, dated: bool = True) -> dict[str, object]:
    paper = INTACT[index].to_dict()
    if github:
        paper["links"] = [*paper["links"], GITHUB[PICKED.index(index)][0]]
    if not dated:
        paper.update(date=None, date_text=None, year_explicit=None, votes=None)
    return paper


def test_a_trending_card_keeps_its_repository_link() -> None:
    lines, spans = _trending_page(github=True)
    digest = _check(lines)
    assert digest.diagnostics == ()
    assert "Trending Papers" in digest.header and digest.page_date is None
    assert [paper.span for paper in digest.papers] == spans
    assert [paper.to_dict() | {"line": 0, "end_line": 0} for paper in digest.papers] == [
        _expected(index, github=True) | {"line": 0, "end_line": 0} for index in PICKED]


def test_a_trending_card_may_show_no_date() -> None:
    for github in (True, False):
        lines, spans = _trending_page(github=github, dated=False)
        digest = _check(lines)
        assert digest.diagnostics == ()
        assert [paper.span for paper in digest.papers] == spans
        assert [paper.to_dict() | {"line": 0, "end_line": 0} for paper in digest.papers] == [
            _expected(index, github=github, dated=False) | {"line": 0, "end_line": 0}
            for index in PICKED]


def test_a_listing_entry_with_no_date_still_deviates() -> None:
    """Only the trending page's cards may show no date: on the search page a card link
    where the ``·`` and date belong is ``missing-separator``, and the link is still read."""
    at = BOXES[1]
    card = _card(0, github=True, dated=False)
    lines = [*LINES[: BOXES[0]], *card, *LINES[at:]]
    digest = _check(lines)
    separator = BOXES[0] + len(card) - 3  # the label's line (1-based)
    assert lines[separator - 1] == "GitHub 1.2k"
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("missing-separator", separator), ("missing-date", separator)]
    assert digest.papers[0].links == (*INTACT[0].links, GITHUB[0][0])
    assert digest.papers[0].date is None and digest.papers[1:] == INTACT[1:]


def test_a_trending_cards_summary_may_be_no_link() -> None:
    lines, spans = _trending_page(github=True, summary_link=False)
    digest = _check(lines)
    assert digest.diagnostics == ()
    assert [paper.span for paper in digest.papers] == spans
    assert [paper.to_dict() | {"line": 0, "end_line": 0} for paper in digest.papers] == [
        _expected(index, github=True) | {"line": 0, "end_line": 0} for index in PICKED]


def test_a_listing_abstract_with_no_link_still_deviates() -> None:
    card = _card(0, github=False, summary_link=False)
    lines = [*LINES[: BOXES[0]], *card, *LINES[BOXES[1] :]]
    digest = _check(lines)
    bracket = BOXES[0] + 11  # the lone ``[`` right under the abstract (1-based)
    assert lines[bracket - 1] == "["
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-link", bracket)]
    assert digest.papers[0].to_dict() == INTACT[0].to_dict() | {"end_line": INTACT[0].end_line - 2}
    assert len(digest.papers) == 19


def test_week_and_month_views_show_a_label_for_their_date() -> None:
    for label, url in (("Week 13", "week/2026-W12"), ("March 2026", "month/2026-02")):
        lines = [label if line == "Mar 25" else line for line in LINES]
        lines = [f"{HF}/papers/{url}" if line.startswith(f"{HF}/papers/date/") else line
                 for line in lines]
        digest = _check(lines)
        assert digest.diagnostics == () and digest.page_date is None
        assert label in digest.header and digest.header_span == (1, PAGE_DATE)
        assert digest.papers == INTACT


def test_the_pages_tail_is_its_footer() -> None:
    """Pagination (with page numbers), the site footer and the trending line after the
    last entry, each link's label then its URL line."""
    tail = ["Previous", f"{HF}/papers/date/2026-03-24"]
    for number in ("1", "2", "3", "...", "12"):
        tail += [number, f"{HF}/papers?q=Intercode+Bash&p={number}"]
    tail += ["Next", f"{HF}/papers/date/2026-03-26", "System theme"]
    for word in ("Company", "TOS", "Privacy", "About", "Careers", "Website", "Models"):
        tail += [word, f"{HF}/{word.lower()}"]
    tail += ["Trending Papers ranked by GitHub stars activity"]
    lines = LINES + _elements(*tail)
    digest = _check(lines)
    assert digest.diagnostics == () and digest.papers == INTACT
    assert digest.footer_span == (len(LINES) + 2, len(lines))


def test_a_card_link_out_of_place_is_no_title() -> None:
    """``arXiv Page`` over an arXiv URL names a paper, but it is a card link's label, never
    a title: out of place (here after a stray line) it is junk, not a paper of its own."""
    at = BOXES[1]
    stray = _elements("Stray words", "arXiv Page", "https://arxiv.org/abs/2410.05434")
    lines = [*LINES[:at], *stray[1:], "", *LINES[at:]]
    digest = _check(lines)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", at + 1, at + 5)]
    assert len(digest.papers) == 19 and digest.papers[0] == INTACT[0]


# -- the trending card as capture 05 draws it ----------------------------------------------
#
# Capture 05 (the trending page, late 2026) draws a card in another order: a lead-in (the
# submitter's avatar linked to the paper's page, ``Submitted by`` and the name) above the
# title, the summary, the authors or organization, ``·`` and the date (``Published on Oct 4,
# 2026`` on the first copy, ``Oct 4, 2026`` on the second), then the upvote button, a link
# whose text is ``Upvote`` and the count, and the card links. The export writes the avatar as
# a line of one space and its URL line, and a link holding more than a line of text as it
# writes the authors link: ``[``, the text, and its last line closed by ``](url)``.

SUBMITTERS = ("vvasilev", "bupalinyu", "Linzhan")
UPVOTES = (117, 25, 0)


def _card_05(index: int, *, copy: int, lead: bool) -> list[str]:
    paper = INTACT[index]
    elements = [line for line in LINES[BOXES[index] : BOXES[index + 1]] if line.strip()]
    metadata = elements[6 : elements.index("\u00b7")]  # ``[``, ``N authors](…)`` or the org
    picked = PICKED.index(index)
    url, stars = GITHUB[picked]
    upvotes = UPVOTES[picked] or "-"
    head = [" ", f"{HF}/papers/{paper.paper_id}"] if lead else []
    assert paper.date_text is not None
    date = ("Published on " if copy == 0 else "") + paper.date_text
    login = f"{HF}/login?next=%2Fpapers%2F{paper.paper_id}"
    return _elements(
        *head, "Submitted by", SUBMITTERS[picked], *elements[2:5], *metadata, "\u00b7", date,
        "[", "Upvote", f"{upvotes}]({login})", f"GitHub {stars}", url, "arXiv Page",
        f"https://arxiv.org/abs/{paper.paper_id}",
    )


def _trending_page_05() -> tuple[list[str], list[tuple[int, int]]]:
    """The trending page drawn as 05 draws it: the first card with no avatar link, the
    summary with no URL line, each card twice."""
    lines = _trending_header()
    spans = []
    for number, index in enumerate(PICKED):
        first = len(lines) + (4 if number > 0 else 2)  # the avatar's URL line, or its title
        lines += _card_05(index, copy=0, lead=number > 0) + _card_05(index, copy=1, lead=True)
        spans.append((first, len(lines)))
    return lines, spans


def test_a_trending_card_drawn_as_05_draws_it() -> None:
    lines, spans = _trending_page_05()
    text = "\n".join(lines) + "\n"
    assert digestparse.parse(text).dialect == "text-urls"
    digest = _check(lines)
    assert digest.diagnostics == ()
    assert [paper.span for paper in digest.papers] == spans
    for paper, index in zip(digest.papers, PICKED, strict=True):
        picked = PICKED.index(index)
        expected = INTACT[index].to_dict() | {
            "line": paper.line, "end_line": paper.end_line, "votes": 0,
            "upvotes": UPVOTES[picked], "submitted_by": SUBMITTERS[picked],
            "links": [*INTACT[index].links, GITHUB[picked][0],
                      f"https://arxiv.org/abs/{INTACT[index].paper_id}"],
        }
        assert paper.to_dict() == expected


def test_a_trending_page_of_organizations_is_told_by_its_upvote_button() -> None:
    """No upvote box and no authors link: the lone ``[`` over ``Upvote`` tells the dialect."""
    lines = _trending_header() + _card_05(8, copy=0, lead=False) * 2
    text = "\n".join(lines) + "\n"
    digest = digestparse.parse(text)
    assert digest.dialect == "text-urls" and digest.diagnostics == ()
    (paper,) = digest.papers
    assert (paper.organization, paper.upvotes, paper.submitted_by) == ("Google", 0, "Linzhan")
    assert (paper.date, paper.date_text) == (INTACT[8].date, INTACT[8].date_text)


def test_a_lead_in_over_an_upvote_box_with_no_title_is_junk_with_it() -> None:
    """A lead-in is part of the entry below it: where that entry is lost (an upvote box
    with no title after it), the one junk report starts at the lead-in."""
    at = BOXES[1]
    lead = _elements(" ", f"{HF}/papers/{INTACT[1].paper_id}", "Submitted by", "alice")
    lines = [*LINES[:at], *lead[1:], "", LINES[at], "", *LINES[at:]]
    digest = _check(lines)
    avatar = at + 3  # the avatar's URL line (1-based), below the line of one space
    assert lines[avatar - 1] == f"{HF}/papers/{INTACT[1].paper_id}"
    # The first box's URL line is missing: the second box (``missing-link``) comes first.
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", avatar, avatar + 6), ("missing-link", avatar + 8, avatar + 8)]
    assert len(digest.papers) == 19 and digest.papers[1].submitted_by is None


# -- entries of every kind on one page ------------------------------------------------------

ODD_TITLES = (
    "[MASK] *Is* _All_ #You `Need` | \\alpha ~ 50% <b>",
    "Über große Sprachmodelle: 日本語の論文 — “quoted” naïve façade",
)


def test_odd_titles_one_author_no_upvotes_and_zero_comments() -> None:
    """Titles are kept as written (markup-like characters and non-ASCII alike), ``1 author``
    is one author, ``-`` no upvote yet, and a comment count of ``0`` reads as 0."""
    first = LINES[BOXES[0] : BOXES[1]]
    title = first.index(INTACT[0].title)
    date = first.index(INTACT[0].date_text or "")
    entries = []
    for number, text in enumerate(ODD_TITLES):
        lines = list(first)
        lines[title] = text
        lines[0] = " [-] -" if number == 0 else " [-] 3"
        lines = [line.replace("2 authors]", "1 author]") for line in lines]
        lines[date] += " "
        lines[date + 1 : date + 1] = _elements("0", f"{HF}/papers/{INTACT[0].paper_id}#community")
        # Each its own paper: two in a row with one paper id are copies of one paper.
        paper_id = str(INTACT[0].paper_id)
        entries += [line.replace(paper_id, f"{paper_id[:-1]}{number}") for line in lines]
    lines = [*LINES[: BOXES[0]], *entries, *LINES[BOXES[1] :]]
    digest = _check(lines)
    assert digest.diagnostics == ()
    for paper, text, upvotes in zip(digest.papers, ODD_TITLES, (0, 3), strict=False):
        assert (paper.title, paper.upvotes, paper.author_count, paper.votes) == (
            text, upvotes, 1, 0)
        assert paper.abstract == INTACT[0].abstract and paper.date == INTACT[0].date
    assert [_unplaced(paper) for paper in digest.papers[2:]] == [
        _unplaced(paper) for paper in INTACT[1:]]


def _unplaced(paper: digestparse.Paper) -> dict[str, object]:
    return paper.to_dict() | {"line": 0, "end_line": 0}


def test_a_page_with_no_box_and_no_authors_link_is_told_by_its_subscribe_link() -> None:
    """A trending page whose cards show no upvotes (capture 04 shows none) and only
    organizations: ``Subscribe`` over its login URL line is this export's mark."""
    card = _card(8, github=True)[4:]  # no upvote box nor its URL line
    assert card[0] == INTACT[8].title
    lines = _trending_header() + card * 2
    text = "\n".join(lines) + "\n"
    digest = digestparse.parse(text)
    assert digest.dialect == "text-urls" and digest.diagnostics == ()
    (paper,) = digest.papers
    assert _unplaced(paper) == _expected(8, github=True) | {
        "line": 0, "end_line": 0, "upvotes": None}


def test_a_card_links_lost_url_line_takes_no_paper_page_after_it() -> None:
    """A card link's label whose URL line is lost is ``missing-link``: the URL line after
    it, the next card's avatar linked to its paper page, is no card link's URL (it was taken
    as the arXiv link, silently, and the avatar lost from the next card's lead-in)."""
    lines, _spans = _trending_page_05()
    arxiv = f"https://arxiv.org/abs/{INTACT[0].paper_id}"
    lost = lines.index(arxiv)
    del lines[lost]
    avatar = lines.index(f"{HF}/papers/{INTACT[0].paper_id}", lost) + 1  # 1-based
    assert lines[lost - 2] == "arXiv Page" and avatar == lost + 4
    digest = _check(lines)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-link", avatar)]
    assert all(f"{HF}/papers/" not in link for paper in digest.papers for link in paper.links)
    assert [paper.submitted_by for paper in digest.papers] == list(SUBMITTERS)


def test_a_card_link_where_the_organization_belongs_is_no_organization() -> None:
    """An undated trending card that lost its organization's name: the card link after the
    organization's URL line (``GitHub 11.3k`` over a GitHub URL) is ``missing-authors`` and
    still read as the card's link, not the organization (it was, silently). An organization
    links to its page on huggingface.co."""
    lines, _spans = _trending_page(github=True, dated=False)
    name = lines.index(" Google")
    del lines[name]
    label = lines.index("GitHub 11.3k", name) + 1  # 1-based
    digest = _check(lines)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-authors", label)]
    assert len(digest.papers) == 3
    assert all(not (paper.organization or "").startswith("GitHub") for paper in digest.papers)
    assert GITHUB[2][0] in digest.papers[2].links
    # On the search page too, where the fast path reads dated entries: both paths agree.
    at = LINES.index(" Google")
    lines = [*LINES[:at], "GitHub 11.3k", "", GITHUB[2][0], *LINES[at + 3 :]]
    digest = _check(lines)
    assert ("missing-authors", at + 1) in [(d.code, d.line) for d in digest.diagnostics]
    assert digest.papers[8].organization is None


def test_a_date_lost_from_a_page_whose_cards_show_dates_is_reported() -> None:
    """On a trending page whose cards have shown a date, a card with no ``\u00b7`` and date lost
    them: ``missing-date`` at the upvote button that came instead (it was read as an undated
    card, silently). The copy that kept its date gives it to the paper."""
    for separator, date in ((168, 170), (280, 282)):  # 1-based: card 2's first copy, 3's second
        lines, _spans = _trending_page_05()
        assert lines[separator - 1] == "\u00b7" and lines[date - 1].endswith(("2024", "2025"))
        del lines[separator - 1 : date + 1]  # the two lines and the blank lines below them
        button = separator  # the upvote button's ``[``, 1-based
        assert lines[button - 1] == "["
        digest = _check(lines)
        assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-date", button)]
        assert [paper.date for paper in digest.papers] == [INTACT[i].date for i in PICKED]
        assert [paper.upvotes for paper in digest.papers] == list(UPVOTES)


def test_a_lead_in_whose_title_is_lost_is_junk_and_no_paper() -> None:
    """A lead-in must be followed by an upvote box or a title: where the title line is lost,
    the submitter's name over the title's URL line is no title (it was read as a paper,
    silently on the first card, whose ``Submitted by`` the header took). The lead-in and the
    rest of its card are one junk report; the card's other copy gives the paper."""
    for number, index in enumerate(PICKED):
        lines, _spans = _trending_page_05()
        title = lines.index(INTACT[index].title)  # the first copy's title (0-based)
        lead = title - (4 if number == 0 else 6)  # ``Submitted by``, or the avatar's URL line
        assert lines[lead] in ("Submitted by", f"{HF}/papers/{INTACT[index].paper_id}")
        del lines[title : title + 2]
        arxiv = lines.index(f"https://arxiv.org/abs/{INTACT[index].paper_id}")  # its card's end
        digest = _check(lines)
        assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
            ("junk", lead + 1, arxiv + 1)]
        assert "Submitted by" not in digest.header
        assert [paper.title for paper in digest.papers] == [INTACT[i].title for i in PICKED]
        assert [paper.submitted_by for paper in digest.papers] == list(SUBMITTERS)


def test_a_lead_in_whose_name_is_lost_is_missing_submitter() -> None:
    """``Submitted by`` over the title (a line with a blank over the paper's URL line: a user
    name has none) lost the name: ``missing-submitter`` at the title, as in the html-text
    dialect, and the card is read (the first card's ``Submitted by`` went into the header,
    silently; later cards' lead-ins were junk). The other copy gives the name back."""
    for index in PICKED:
        lines, _spans = _trending_page_05()
        name = lines.index(SUBMITTERS[PICKED.index(index)])
        del lines[name : name + 2]
        assert lines[name] == INTACT[index].title
        digest = _check(lines)
        assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-submitter", name + 1)]
        assert "Submitted by" not in digest.header
        assert [paper.title for paper in digest.papers] == [INTACT[i].title for i in PICKED]
        assert [paper.submitted_by for paper in digest.papers] == list(SUBMITTERS)


def test_a_lead_in_that_ends_the_input_is_a_truncated_entry() -> None:
    """The input cut after a lead-in's name: the entry it starts is cut (no longer a
    lead-in only when a card follows it), ``truncated-entry`` spanning the lead-in; cut
    after ``Submitted by``, with no name, the lines are junk as before."""
    lines, _spans = _trending_page_05()
    name = lines.index(SUBMITTERS[0], lines.index(SUBMITTERS[0]) + 1)  # the second copy's
    avatar = name - 4  # its avatar's URL line (0-based)
    assert lines[avatar] == f"{HF}/papers/{INTACT[0].paper_id}"
    digest = _check(lines[: name + 1])
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("truncated-entry", avatar + 1, name + 1)]
    assert len(digest.papers) == 1 and digest.papers[0].submitted_by == SUBMITTERS[0]
    digest = _check(lines[: name - 1])
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", avatar + 1, name - 1)]
