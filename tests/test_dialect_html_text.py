"""The ``html-text`` dialect (capture 05): damaged variants, copies, the fast path's shortcuts
(what it shares with text-urls is in tests/test_dialect_url_keeping.py).

Capture 05's layout, read by hand: the wrapper preamble on lines 1-9, the
header on 11-41 (anchors, ``new``, the promo lines, ``[Subscribe](…)``,
``# Trending Papers``, the byline, three empty ``-`` items and a second
``Trending Papers``). Then 11 blocks, each entry twice in a row. The first
block: ``Submitted by`` 44, its image placeholder 46, ``vvasilev`` 48, anchor
51, title 53, abstract 56, organization · date 59, ``[Upvote`` 62, ``117](…)``
64, GitHub/arXiv links 66. Its copy runs 69-92. The last entry's title wraps
over 332-333.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import attrs
import pytest

import digestparse
from dialect_support import (
    HTML_TEXT_CAPTURE,
    REFERENCE,
    SEED_PATHS,
    DamagedCase,
    Edit,
    FastPathSpy,
    assert_paths_agree,
    delete,
    keep_until,
    parse_events,
    replace,
    then,
)
from digestparse.dialects.html_text import HTML_TEXT
from digestparse.dialects.html_text.fastpath import read_canonical
from digestparse.dialects.html_text.fields import link_text, shown
from hostile_support import uncovered_lines

LINES = HTML_TEXT_CAPTURE.lines
SOURCE = "\n".join(LINES)
_parse = HTML_TEXT_CAPTURE.parse
_lenient = HTML_TEXT_CAPTURE.lenient  # and it loses nothing
INTACT = _parse(SOURCE).papers


@attrs.frozen
class Case(DamagedCase):
    count: int = 6


CASES = [
    # The copy after it fills what the damaged first copy lost.
    Case("submitter name dropped", delete(48), ("missing-submitter", 50, 1),
         ("missing-submitter",), 0, {"submitted_by": "vvasilev", "line": 44}),
    # (Dropped whole, the line leaves a card with no date, as the trending page may show it:
    # no deviation, test_a_trending_card_may_show_no_date.) The date's text, 11 characters at
    # the end of the 97-character line, starts in column 87.
    Case("the date after '·' not a date",
         replace(59, LINES[58].replace("Oct 4, 2026", "Octo 4, 2026")), ("bad-date", 59, 87),
         ("bad-date",), 0,
         {"date": datetime.date(2026, 10, 4), "organization": "Kandinsky Lab"}),
    Case("upvote count glued to '[Upvote'",
         then(replace(62, "[Upvote 117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)"),
              delete(64)),
         ("missing-upvotes", 62, 1), ("missing-upvotes",), 0, {"upvotes": 117}),
    Case("'[Upvote' dropped", delete(62), ("missing-upvotes", 63, 1), ("missing-upvotes", "junk"),
         0, {"upvotes": 117}),
    Case("first title dropped", delete(53), ("junk", 44, 1), ("junk",),
         0, {"line": 68, "submitted_by": "vvasilev", "organization": "Kandinsky Lab"}),
    Case("second line of a wrapped title dropped", delete(333), ("missing-link", 332, 5),
         ("missing-link",), 5,
         {"title": "Efficient Memory Management for Large Language Model Serving with",
          "paper_id": "2309.06180", "upvotes": 76, "author_count": 9}),
    Case("authors count dropped", delete(167), ("missing-authors", 168, 1), ("missing-authors",),
         2, {"author_count": 4, "date": datetime.date(2024, 12, 28)}),
    Case("truncated after the first abstract", keep_until(57), ("truncated-entry", 44, 1),
         ("truncated-entry",), 0, {"date": None, "upvotes": None, "end_line": 56}, count=1),
    Case("truncated inside the upvote link", keep_until(62), ("truncated-entry", 44, 1),
         ("truncated-entry",), 0, {"date": datetime.date(2026, 10, 4), "upvotes": None},
         count=1),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_damaged_capture(case: Case) -> None:
    digest = HTML_TEXT_CAPTURE.damaged(case)
    if case.count == len(INTACT):
        for index, paper in enumerate(digest.papers):
            if index != case.damaged:
                assert attrs.evolve(paper, line=0, end_line=0) == attrs.evolve(
                    INTACT[index], line=0, end_line=0
                )
    if case.damaged is not None and case.fields is not None:
        paper = digest.papers[case.damaged]
        for key, value in case.fields.items():
            assert getattr(paper, key) == value, key


def test_each_copy_is_read_and_the_loop_merges_them() -> None:
    """Forced apart (a copy alone), each block is a paper with its own Submitted-by block."""
    first_copy = "\n".join(LINES[:67])
    second_copy = "\n".join(LINES[:43] + LINES[67:92])
    one = _lenient(first_copy).papers
    two = _lenient(second_copy).papers
    assert [p.date_text for p in one + two] == ["Oct 4, 2026", "Oct 4, 2026"]
    assert [p.submitted_by for p in one + two] == ["vvasilev", "vvasilev"]
    merged = INTACT[0]
    assert merged.span == (44, 92)
    assert (merged.upvotes, merged.submitted_by, merged.organization) == (
        117, "vvasilev", "Kandinsky Lab",
    )


def test_the_dialect_yields_every_copy_for_the_loop_to_merge() -> None:
    events = parse_events(attrs.evolve(HTML_TEXT, merge_copies=False), list(LINES), "lenient")
    copies = [e[1] for e in events if isinstance(e, tuple) and e[0] == "paper"]
    assert len(copies) == 11
    assert [paper.date_text for paper in copies[:2]] == ["Oct 4, 2026", "Oct 4, 2026"]
    assert [paper.span for paper in copies[:2]] == [(44, 66), (69, 92)]
    assert [paper.submitted_by for paper in copies] == [
        "vvasilev", "vvasilev", "bupalinyu", "bupalinyu", None, None,
        "Linzhan", "Linzhan", "PSRben", "PSRben", "akhaliq",
    ]


def test_submitted_by_survives_when_only_the_second_copy_has_it() -> None:
    text = "\n".join(delete(44, 46, 48)(list(LINES)))
    digest = _lenient(text)
    assert digest.diagnostics == ()
    assert digest.papers[0].submitted_by == "vvasilev"
    assert digest.papers[0].line == 51 - 3


def test_wrapped_lines_are_joined() -> None:
    assert INTACT[5].title.endswith("Serving with PagedAttention")
    assert "On a single 24GB machine, Edge0 serves a 35B MoE" in INTACT[1].abstract


def test_header_has_no_page_date() -> None:
    digest = _parse(SOURCE)
    assert digest.header_span == (1, 41)
    assert digest.page_date is None
    # Without the anchors, the image placeholders and the switcher's three empty items.
    assert digest.header == (
        "new",
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Trending Papers",
        "by AK and the research community",
        "Trending Papers",
    )


def test_forced_on_a_seed_it_reports_instead_of_inventing_papers() -> None:
    text = SEED_PATHS[0].read_text(encoding="utf-8")
    digest = digestparse.parse(text, dialect="html-text", reference_date=REFERENCE)
    assert digest.papers == ()
    assert digest.diagnostics and uncovered_lines(text, digest) == []


def test_a_repeated_page_is_junk_from_its_header_on() -> None:
    """The page body twice (as benchmarks/harness.py repeats it): the second copy's header,
    lines 11-41 of the body moved down, is one junk diagnostic without a detail; strict mode
    stops at its first line, an anchor, with the detail of that first block."""
    body = LINES[9:]
    text = "\n".join(LINES[:9] + body + [""] + body)
    shift = len(body) + 1
    digest = _lenient(text)
    assert len(digest.papers) == 2 * len(INTACT)
    assert [(d.code, d.message, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", "lines that are not part of any entry", 11 + shift, 41 + shift),
    ]
    with pytest.raises(digestparse.ParseError) as raised:
        _parse(text, mode="strict")
    assert (raised.value.line, raised.value.column) == (11 + shift, 1)
    assert str(raised.value).endswith("lines that are not part of any entry: anchor line")


# -- the fast path agrees with the rules ---------------------------------------------------


@pytest.mark.parametrize("mark", ["### ", "###\t", "###  "])
def test_a_bare_title_mark_starts_no_wrapped_title(mark: str) -> None:
    """``### `` alone is ``###`` once stripped: not a title, even with a linked line glued
    under it, so the entry is junk on both paths."""
    lines = list(LINES)
    lines[52:53] = [mark, LINES[52].removeprefix("### ")]  # the first title, line 53
    text = "\n".join(lines)
    digest = _lenient(text)
    assert digest.diagnostics[0].code == "junk" and digest.diagnostics[0].line == 44
    assert digest.papers[0].span == (70, 93)  # the copy alone, a line down
    assert_paths_agree(HTML_TEXT, text)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_fast_path_agrees_on_damaged_captures(case: Case) -> None:
    assert_paths_agree(HTML_TEXT, "\n".join(case.edit(list(LINES))))


# The tests html-text shares with text-urls (the fast path on the whole capture, detection,
# the properties) are in tests/test_dialect_url_keeping.py.


# -- the fast path's shortcuts (round 4) ---------------------------------------------------
# The entry pattern takes URLs and lines of links whole and checks them once for an entry
# and its copy; the copy's abstract is compared where it stands; the junk rule skips whole
# blocks straight from the window. Each case below is read by both paths, and what the fast
# path read is counted, so that a shortcut that takes too much or too little shows.


def _fast_path_papers(text: str, dialect: Any = HTML_TEXT) -> tuple[int, list[object]]:
    """How many papers the fast path itself built reading ``text``, and the run's events."""
    spy = FastPathSpy(read_canonical)
    events = parse_events(spy.on(dialect), text.split("\n"), "lenient")
    return spy.built, events


def _copies_agree(text: str) -> list[digestparse.Paper]:
    """Both paths give the same events with the copies left apart; the papers they give."""
    apart = attrs.evolve(HTML_TEXT, merge_copies=False)
    lines = text.split("\n")
    fast = parse_events(apart, list(lines), "lenient")
    assert fast == parse_events(apart, iter(lines), "lenient")
    return [e[1] for e in fast if isinstance(e, tuple) and e[0] == "paper"]


URL_CASES: dict[str, tuple[Edit, int, tuple[str, ...]]] = {
    # (edit, papers the fast path builds, codes): 11 copies in all, the last entry once.
    "an upvote link with a space": (
        replace(64, "117](https://huggingface.co/login?next=%2F papers)"), 10,
        ("missing-upvotes", "junk")),
    "an avatar link with a space": (
        replace(148, "[[\u56fe\u7247\uff1a\u65e0\u66ff\u4ee3\u6587\u672c]](https://x.y/ z)"), 11,
        ("junk",)),  # the rules read the line as junk, the fast path the entry after it
    "a second link with a space": (
        replace(66, "[GitHub 131](https://github.com/k) [arXiv Page](https://arxiv.org/ a)"),
        10, ("junk",)),
    "a second line of links": (
        lambda lines: [*lines[:66], "[Project Page](https://example.org/p)", *lines[66:]], 11,
        ()),
    "a bracketed line after the links that is not one": (
        lambda lines: [*lines[:66], "[x](y) z", *lines[66:]], 10, ("junk",)),
}


@pytest.mark.parametrize("name", URL_CASES)
def test_links_the_strict_pattern_refuses_are_left_to_the_rules(name: str) -> None:
    edit, built, codes = URL_CASES[name]
    text = "\n".join(edit(list(LINES)))
    assert_paths_agree(HTML_TEXT, text)
    assert tuple(d.code for d in _lenient(text).diagnostics) == codes
    assert _fast_path_papers(text)[0] == built


def test_a_copy_that_differs_in_one_character_is_read_again() -> None:
    """Each copy keeps its own abstract: the copy's is compared with the first's where it
    stands, and a change of one character (same length) is seen, in either copy."""
    first = LINES[55]
    changed = first.replace("Kandinsky 6.0 Video,", "Kandinsky 6.1 Video,", 1)
    assert len(changed) == len(first) != 0 and changed != first
    for number, abstracts in ((81, [first, changed]), (56, [changed, first])):
        text = "\n".join(replace(number, changed)(list(LINES)))
        papers = _copies_agree(text)
        assert [paper.abstract for paper in papers[:2]] == abstracts
        assert _fast_path_papers(text)[0] == 11


def test_a_copy_with_a_blank_line_inside_its_abstract_keeps_its_lines() -> None:
    """The copy's abstract has the first's lines with a blank line between them: the same
    text once joined, and one line more in the copy's span."""
    lines = list(LINES)
    lines.insert(133, "")  # between the copy's two abstract lines (133 and 134)
    text = "\n".join(lines)
    papers = _copies_agree(text)
    assert papers[2].abstract == papers[3].abstract == INTACT[1].abstract
    assert [paper.span for paper in papers[2:4]] == [(95, 118), (121, 146)]
    assert _fast_path_papers(text)[0] == 11


def _twice(body_edit: Edit = lambda lines: lines) -> tuple[str, int]:
    """The page body twice, the second one edited; and how far its lines moved down."""
    body = LINES[9:]
    return "\n".join(LINES[:9] + body + [""] + body_edit(list(body))), len(body) + 1


#: Edits of the second page body (its lines 35-41 are the first entry's Submitted-by block
#: and anchor), and the last line of the junk before that entry, in the body's numbering.
SECOND_PAGES = {
    # The first entry starts with an avatar link; or with its anchor (no Submitted-by block).
    "avatar link": (lambda body: [
        *body[:34], "[[\u56fe\u7247\uff1aa]](https://huggingface.co/papers/1)", "", *body[34:]
    ], 41),
    "anchor": (lambda body: body[:34] + body[41:], 41),
    # A title glued to a block of junk starts its entry (a converter such as crawl4ai writes
    # no blank line between blocks): the junk ends before it.
    "glued title": (lambda body: [
        *body[:32], "### [Glued](https://huggingface.co/papers/2609.00001)", *body[32:]
    ], 41),
}
#: What the glued title's entry adds: the paper and its reports (no abstract, date or box).
GLUED_ENTRY = ("Glued", ["missing-abstract", "missing-date", "missing-upvotes"])


@pytest.mark.parametrize("name", SECOND_PAGES)
def test_the_junk_of_a_repeated_page_ends_where_an_entry_starts(name: str) -> None:
    edit, last = SECOND_PAGES[name]
    text, shift = _twice(edit)
    assert_paths_agree(HTML_TEXT, text)
    digest = _lenient(text)
    first, *others = digest.diagnostics
    assert (first.code, first.line, first.end_line) == ("junk", 11 + shift, last + shift)
    titles = [paper.title for paper in digest.papers]
    if name == "glued title":
        title, codes = GLUED_ENTRY
        assert [d.code for d in others] == codes
        assert titles.count(title) == 1
        assert digest.papers[titles.index(title)].line == last + shift + 1
        titles.remove(title)
    else:
        assert others == []
    assert len(titles) == 2 * len(INTACT)


@pytest.mark.parametrize("block_size", [1, 7, 64, 1 << 16])
@pytest.mark.parametrize("name", [None, *SECOND_PAGES])
def test_the_junk_of_a_repeated_page_streams_in_any_block_size(
    name: str | None, block_size: int
) -> None:
    """The junk rule reads on past the window's end through the state, at every seam: a
    block of junk may go on in the next window, and a lead-in's next line may be there."""
    edit, last = SECOND_PAGES[name] if name is not None else ((lambda body: body), 41)
    text, shift = _twice(edit)
    diagnostics: list[digestparse.Diagnostic] = []
    papers = list(digestparse.iter_papers(
        io.BytesIO(text.encode("utf-8")), reference_date=REFERENCE, block_size=block_size,
        on_diagnostic=diagnostics.append,
    ))
    whole = _parse(text)
    assert papers == list(whole.papers)
    # A stream reports a run of junk once it knows where the run ends, maybe after the
    # next entry's reports; parse() gives them in the order of their lines.
    diagnostics.sort(key=lambda d: (d.line, d.code))
    assert [attrs.evolve(d, source="") for d in diagnostics] == [
        attrs.evolve(d, source="") for d in whole.diagnostics]
    assert (diagnostics[0].code, diagnostics[0].line, diagnostics[0].end_line) == (
        "junk", 11 + shift, last + shift)
    assert len(diagnostics) == (1 if name != "glued title" else 1 + len(GLUED_ENTRY[1]))


@pytest.mark.parametrize("block_size", [1, 7])
@pytest.mark.parametrize("blocks", range(24, 34))
def test_a_long_run_of_junk_streams_like_parse(blocks: int, block_size: int) -> None:
    """Junk blocks of two lines and then an anchor before a title, the entry's lead-in: the
    run is longer than the window the junk rule starts in, and its length moves the
    window's end across the blocks, the anchor and the blank line after it (where the next
    window must tell, not this one). (A title glued to junk starts its entry:
    ``SECOND_PAGES``.)"""
    junk: list[str] = []
    for number in range(blocks):
        junk += [f"junk {number}", f"and the line glued to it, {number}", ""]
    body = LINES[9:]
    text = "\n".join(LINES[:9] + body + [""] + junk + body[41:])  # body[41] is an anchor
    want = _parse(text)
    diagnostics: list[digestparse.Diagnostic] = []
    papers = list(digestparse.iter_papers(
        io.BytesIO(text.encode("utf-8")), reference_date=REFERENCE, block_size=block_size,
        on_diagnostic=diagnostics.append, name="<string>",
    ))
    assert papers == list(want.papers)
    assert diagnostics == list(want.diagnostics)
    assert [(d.code, d.line) for d in diagnostics] == [("junk", len(body) + 11)]
    assert papers[len(INTACT)].line == len(body) + 10 + 3 * blocks + 1  # the anchor


ABSTRACT_CASES: dict[str, tuple[Edit, int, tuple[str, ...]]] = {
    # The first copy of the second entry has a two-line abstract (lines 107-108).
    "a blank line between its lines": (lambda lines: [*lines[:107], "", *lines[107:]], 11, ()),
    # The rules strip the line and read it on; the fast path leaves the entry to them.
    "its second line indented": (replace(108, " " + LINES[107]), 10, ()),
    # The rules end the abstract there and find no '[Upvote' after that date line; the
    # copy's organization ('Org') then differs from the other copy's.
    "its second line a date line": (replace(108, "Org \u00b7 Sep 4, 2026"), 10,
                                    ("missing-upvotes", "junk", "copies-differ")),
    "a date line and '[Upvote' inside it": (
        lambda lines: [*lines[:107], "Org \u00b7 Sep 4, 2026", "[Upvote", *lines[107:]], 10,
        ("missing-upvotes", "junk", "copies-differ")),
}


@pytest.mark.parametrize("name", ABSTRACT_CASES)
def test_the_abstract_takes_the_fewest_lines_after_which_the_entry_ends(name: str) -> None:
    """The fast path finds the abstract's lines with ``str.find`` and tries the entry's tail
    after each: where the pattern in one piece would match, or give way, it does too."""
    edit, built, codes = ABSTRACT_CASES[name]
    text = "\n".join(edit(list(LINES)))
    assert_paths_agree(HTML_TEXT, text)
    assert tuple(d.code for d in _lenient(text).diagnostics) == codes
    assert _fast_path_papers(text)[0] == built


# -- the rest of the capture: shapes its first part does not show --------------------------
# Made-up cards with the layout of the whole capture's later entries (read by hand): a card
# may open on an avatar link with no Submitted-by block, or on a Submitted-by block with no
# avatar link; its avatar items may all be empty; ``- 1 authors``; an organization with a
# comma or in lower case; an abstract ending in a bare URL, holding ``\`` before a digit
# (the extraction's trace of a dollar sign, text a reader sees) or ``--``; a title with an
# apostrophe or wrapped to a line in lower case; a date years back; a one-digit upvote count;
# a GitHub count without a decimal point. The last card ends the input.

_IMAGE = "[\u56fe\u7247\uff1a\u65e0\u66ff\u4ee3\u6587\u672c]"


def _card(
    paper: str, title: list[str], abstract: str, people: list[str], date: str, upvotes: int,
    github: str, *, avatar_link: bool, submitter: str | None, section: int,
) -> list[str]:
    """Both copies of one card, blank lines as the capture has them (the copy drops
    ``Published on`` and has two blank lines before its links). ``people`` are the avatar
    items and ``- N authors``, or the organization's link alone."""
    lines: list[str] = []
    for copy in (0, 1):
        if avatar_link:
            lines += [f"[{_IMAGE}](https://huggingface.co/papers/{paper})", ""]
        if submitter is not None:
            lines += ["Submitted by", "", _IMAGE, "", submitter, ""]
        lines += ["", f'<a id="source-section-{section + copy}"></a>', ""]
        title_lines = [*title[:-1], f"{title[-1]}](https://huggingface.co/papers/{paper})"]
        lines += [f"### [{title_lines[0]}", *title_lines[1:], "", "", abstract, "", ""]
        organization = "" if people[-1].startswith("- ") else people[-1]
        for item in people if not organization else []:
            lines += [item, ""]
        published = date if copy else f"Published on {date}"
        lines += [f"{organization} \u00b7 {published}".lstrip(), "", "", "[Upvote", "",
                  f"{upvotes}](https://huggingface.co/login?next=%2Fpapers%2F{paper})"]
        lines += ["", ""] if copy else [""]
        lines += [f"[{github}](https://github.com/example/{section}) "
                  f"[arXiv Page](https://arxiv.org/abs/{paper})", "", ""]
    return lines


LATER_CARDS = [
    *_card("2508.01234", ["Orbit: A Base Model for the Grammar of Tide Tables"],
           "Orbit, a pre-training recipe for tide-table data, beats older forecasters.",
           ["-", "-", "-", "-", "-", "- 7 authors"], "Aug 2, 2025", 8, "GitHub 40.1k",
           avatar_link=True, submitter=None, section=20),
    *_card("2609.20111", ["Kestrel: Cheap Loops for Agent Harnesses"],
           "Savings are \\8.75-13.50 per hour, and \\4.36-5.71 against Pi. Each model--harness"
           " pair is a unit. Code: https://github.com/example/kestrel",
           ["[[\u56fe\u7247\uff1aUCB] University of California, Berkeley]"
            "(https://huggingface.co/UCB)"], "Sep 17, 2026", 139, "GitHub 3.35k",
           avatar_link=False, submitter="plumtree07", section=22),
    *_card("1910.01111", ["WidgetHub's Gears: State-of-the-art Widget Assembly"],
           "Gears gives widget assemblies a unified API. See https://example.org/gears/.",
           ["[[\u56fe\u7247\uff1awidgethub] widget hub](https://huggingface.co/widgethub)"],
           "Oct 9, 2019", 33, "GitHub 167k", avatar_link=True, submitter=None, section=24),
    *_card("2609.12222", ["LinkAll: Fast Open-Vocabulary Link Guessing", "from Any Inputs"],
           "LinkAll is a small model that guesses links between regions.",
           [f"- {_IMAGE}", "- 1 authors"], "Sep 11, 2026", 8, "GitHub 21",
           avatar_link=True, submitter="nielsq", section=26),
]
#: The card's fields a reader sees, in the order of LATER_CARDS.
LATER_PAPERS: list[tuple[Any, ...]] = [
    ("Orbit: A Base Model for the Grammar of Tide Tables", 7, None,
     datetime.date(2025, 8, 2), 8, "2508.01234", None, ()),
    ("Kestrel: Cheap Loops for Agent Harnesses", None, "University of California, Berkeley",
     datetime.date(2026, 9, 17), 139, "2609.20111", "plumtree07",
     ("https://github.com/example/kestrel",)),
    ("WidgetHub's Gears: State-of-the-art Widget Assembly", None, "widget hub",
     datetime.date(2019, 10, 9), 33, "1910.01111", None, ("https://example.org/gears/",)),
    ("LinkAll: Fast Open-Vocabulary Link Guessing from Any Inputs", 1, None,
     datetime.date(2026, 9, 11), 8, "2609.12222", "nielsq", ()),
]


def test_the_later_cards_shapes_read_as_a_reader_reads_them() -> None:
    lines = [*LINES, "", "", *LATER_CARDS]
    while lines[-1] == "":
        lines.pop()  # the capture ends right after its last line of links
    text = "\n".join(lines)
    digest = _lenient(text)
    assert digest.diagnostics == ()
    _parse(text, mode="strict")
    later = digest.papers[len(INTACT):]
    assert [
        (p.title, p.author_count, p.organization, p.date, p.upvotes, p.paper_id,
         p.submitted_by, p.links) for p in later
    ] == LATER_PAPERS
    assert later[1].abstract.startswith("Savings are \\8.75-13.50 per hour, and \\4.36")
    assert all(p.votes == 0 and p.year_explicit for p in later)
    # A card's span: from its first copy's lead-in to its second copy's line of links.
    spans = []
    for identifier in (entry[5] for entry in LATER_PAPERS):
        lead = (f"[{_IMAGE}](https://huggingface.co/papers/{identifier})", "Submitted by")
        start = next(i for i in range(len(LINES), len(lines)) if lines[i] in lead
                     and identifier in "".join(lines[i:i + 12]))
        end = max(i for i, line in enumerate(lines) if line.endswith(f"{identifier})")
                  and line.startswith("[GitHub"))
        spans.append((start + 1, end + 1))
    assert [p.span for p in later] == spans
    assert later[-1].end_line == len(lines)
    assert_paths_agree(HTML_TEXT, text)
    assert _fast_path_papers(text)[0] == 11 + 2 * len(LATER_PAPERS)  # every copy


def test_an_upvote_count_of_dash_reads_as_none_yet() -> None:
    """The page shows ``-`` for a paper with no upvote yet (docs/format.md): ``-](url)`` under
    ``[Upvote`` is a count of 0, in both copies, on both paths, and no defect."""
    lines = [
        "-" + line[len("117"):] if line.startswith("117](") else line for line in LINES
    ]
    assert lines.count("-](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)") == 2
    text = "\n".join(lines)
    digest = _lenient(text)
    assert digest.diagnostics == ()
    _parse(text, mode="strict")
    assert [paper.upvotes for paper in digest.papers] == [0, 25, 149, 22, 323, 76]
    assert digest.papers[0].span == INTACT[0].span
    assert_paths_agree(HTML_TEXT, text)
    assert _fast_path_papers(text)[0] == 11


@pytest.mark.parametrize(
    ("number", "old", "new"),
    [
        (104, "Prediction](", "Prediction\\]("),  # the title's link text ends in a backslash
        (111, "Edge0](", "Edge0\\]("),  # the organization's
        (104, "Memory Wall", "Memory\\% Wall"),
    ],
)
def test_a_backslash_in_a_title_or_organization_reads_the_same_on_both_paths(
    number: int, old: str, new: str
) -> None:
    """``markup.links`` takes ``\\]`` for an escaped bracket, not the link's end: the fast
    path's common patterns once ended the link there and disagreed with the rules."""
    assert old in LINES[number - 1]
    text = "\n".join(replace(number, LINES[number - 1].replace(old, new))(list(LINES)))
    assert_paths_agree(HTML_TEXT, text)
    if "%" in new:  # html-text keeps the page's text as it is: no escape is resolved
        titles = [paper.title for paper in _lenient(text).papers]
        title = "The Other Half of the Memory\\% Wall: Serving 35B MoEs from SSD with Trained"
        assert f"{title} Routing Prediction" in titles


@pytest.mark.parametrize(
    "tail", ["\u00b7 And more.", "\u00b7 May we?", "\u00b7 Figure 3", "\u00b7 May 29 planning"]
)
def test_a_middle_dot_in_an_abstract_is_text(tail: str) -> None:
    """Only a date (or a misspelt one) after `` · ``, and an organization's name of at most
    100 characters before it, make an organization-and-date line: an abstract's ``x · And
    more.`` was read as one, with an empty abstract and four reports."""
    lines = list(LINES)
    abstracts = [i for i, line in enumerate(lines) if line.startswith("We present Kandinsky 6.0")]
    assert len(abstracts) == 2  # both copies of the first card
    for i in abstracts:
        lines[i] += " " + tail
    text = "\n".join(lines)
    digest = _lenient(text)
    assert digest.diagnostics == ()
    assert digest.papers[0].abstract == INTACT[0].abstract + " " + tail
    assert [p.title for p in digest.papers] == [p.title for p in INTACT]
    assert_paths_agree(HTML_TEXT, text)


def test_a_middle_dot_inside_a_linked_abstract_is_text() -> None:
    """The daily page's abstract is a link; a `` · `` line inside it, before the link closes,
    is the abstract's."""
    text = "\n".join([
        "new", "", "Get trending papers in your email inbox!", "",
        "[Subscribe](https://huggingface.co/login?next=%2Fpapers)", "", "# Daily Papers", "",
        "Oct 30", "", "[5](https://huggingface.co/login?next=%2Fpapers%2F2610.20001)", "",
        '<a id="source-section-3"></a>', "",
        "### [A Title](https://huggingface.co/papers/2610.20001)", "",
        "[We score pairs with the product x \u00b7 And then",
        "rank them.](https://huggingface.co/papers/2610.20001)", "",
        "[- 7 authors](https://huggingface.co/papers/2610.20001)", "", "\u00b7", "", "Oct 28",
    ])
    digest = digestparse.parse(text, reference_date=datetime.date(2026, 10, 31))
    assert (digest.dialect, digest.diagnostics) == ("html-text", ())
    [paper] = digest.papers
    assert (paper.title, paper.abstract, paper.author_count, paper.date, paper.upvotes) == (
        "A Title", "We score pairs with the product x \u00b7 And then rank them.", 7,
        datetime.date(2026, 10, 28), 5,
    )


_ONE_CARD = """# Trending Papers

<a id="source-section-3"></a>

### [Title](https://huggingface.co/papers/2610.05608)

An abstract.

{line}

[Upvote

117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)
"""


@pytest.mark.parametrize(
    "line",
    [
        "[Lab](https://huggingface.co/lab) \u00b7 SEP 4, 2026",
        "[Lab](https://huggingface.co/lab) \u00b7 Sep-4, 2026",
        "[Lab](https://huggingface.co/lab) \u00b7 Sep  4, 2026",
        "[Lab](https://huggingface.co/lab) \u00b7 Sep\u00a04, 2026",
        "[Lab](https://huggingface.co/lab) \u00b7 Pub",
        "[Lab](https://huggingface.co/lab) \u00b7 Soon",
        "[[\u56fe\u7247\uff1alab] Lab](https://huggingface.co/lab) \u00b7 Soon",
        "Lab \u00b7 Sept 4th, 2026",
    ],
)
def test_a_misspelt_date_on_the_organization_line_is_bad_date(line: str) -> None:
    """The line stays the card's organization and date line where its date is damaged (after
    an organization's link, anything; after a short name, what starts as a date does), and
    the date is reported; the card keeps its organization and upvotes."""
    text = _ONE_CARD.format(line=line)
    digest = digestparse.parse(text, reference_date=datetime.date(2026, 11, 26))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-date", 9)]
    [paper] = digest.papers
    assert (paper.abstract, paper.organization, paper.date, paper.upvotes) == (
        "An abstract.", "Lab", None, 117,
    )
    with pytest.raises(digestparse.ParseError, match=r"^<string>:9:[0-9]+: bad-date"):
        digestparse.parse(text, mode="strict", reference_date=datetime.date(2026, 11, 26))


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("Q\\*-Learning and x\\_t", "Q*-Learning and x_t"),  # markdownify
        ("\\- A Title That Starts With a Dash", "- A Title That Starts With a Dash"),  # html2text
        ("\\# of Tokens", "# of Tokens"),
        ("\\> Not a Quote", "> Not a Quote"),  # html-to-markdown
        ("a \\> b", "a \\> b"),
        ("45\\% Fewer Labels", "45\\% Fewer Labels"),  # TeX, as the page shows it
        ("\\alpha-\\-fold and 5\\-shot", "\\alpha-\\-fold and 5\\-shot"),
        # turndown and html2text double a backslash of the page's: a text with no other
        # backslash and no bare mark is read as theirs
        ("C:\\\\path", "C:\\path"),
        ("$\\alpha_t$ and k6\\_video", "$\\alpha_t$ and k6\\_video"),  # 05's TeX: a bare _
        ("the \\# of params", "the \\# of params"),
        # html2text's, where a character reference or a tag cut the text it escaped
        ('"Vision" \\+ RAG', '"Vision" + RAG'),
        ("'Latent' \\- long", "'Latent' - long"),
        ('A "\\+ B" & \\-- C', 'A "+ B" & -- C'),
        ('"a" 2\\. b', '"a" 2. b'),
        ("a \\\\- b", "a \\- b"),  # html2text doubles a backslash of the page's
        ("$a\\+b$ x\\- y 2\\.5", "$a\\+b$ x\\- y 2\\.5"),  # inside a word: TeX
        # turndown's and node-html-markdown's: every mark escaped, every backslash an escape
        ("\\[CLS\\] Token x\\_t", "[CLS] Token x_t"),
        ("With $\\\\mathcal{R}$-Learning", "With $\\mathcal{R}$-Learning"),
        ("over GPT-5\\. See \\~/k6 and 1.5\\.", "over GPT-5. See ~/k6 and 1.5."),
        ("\\- 3x \\[faster\\]", "- 3x [faster]"),
        # rehype-remark's: only what could read as markdown where it stands, every
        # backslash an escape of punctuation
        ("\\_\\_init\\_\\_ and few-shot_2", "__init__ and few-shot_2"),
        ("see https\\://x.org/a?b=1\\&c", "see https://x.org/a?b=1&c"),
        ("\\[CLS] at 45\\%", "[CLS] at 45%"),
        ("45\\% of x_t", "45\\% of x_t"),  # 05's TeX: nothing only a converter escapes
        ("$\\alpha$ \\[x\\]", "$\\alpha$ \\[x\\]"),  # a backslash before a letter
        ("[CLS] \\_t", "[CLS] _t"),  # bare brackets: markdownify's, not theirs
    ],
)
def test_only_a_converters_escapes_are_resolved(written: str, text: str) -> None:
    """What markdown converters escape in a card's text is resolved: markdownify's where
    every ``*`` and ``_`` has its backslash, html2text's where a piece of the text it was
    given starts (a ``+``, ``-`` or number's ``.`` standing as a word), turndown's and
    node-html-markdown's where every mark of theirs is escaped; a backslash before
    anything else, or beside a bare ``_``, is the page's own, kept (capture 05's tool
    escapes nothing and writes TeX as the page has it)."""
    assert shown(written) == text
    assert link_text(written) == text


def test_a_title_without_its_link_loses_the_converters_escapes_too() -> None:
    """A title whose link is lost (reported) is read as the linked one is: html2text's
    ``\\+`` after a quote is the title's ``+`` (it kept its backslash)."""
    text = _ONE_CARD.format(line="[Lab](https://huggingface.co/lab) \u00b7 Sep 4, 2026").replace(
        "### [Title](https://huggingface.co/papers/2610.05608)", '### ["Vision" \\+ RAG Agents')
    digest = digestparse.parse(text, reference_date=datetime.date(2026, 11, 26))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-link", 5)]
    [paper] = digest.papers
    assert (paper.title, paper.abstract, paper.upvotes) == (
        '"Vision" + RAG Agents', "An abstract.", 117,
    )


_ORGANIZATION_LINES = [
    index for index, line in enumerate(LINES)
    if line.startswith("[[") and "](" in line and " \u00b7 " in line
]


@pytest.mark.parametrize("index", _ORGANIZATION_LINES)
def test_an_organization_line_wrapped_at_any_blank_reads_as_one(index: int) -> None:
    """05's organization line (its logo's placeholder and its name in one link, `` · `` and
    the date) cut at a blank (an editor's hard wrap, ``fold -s``): inside the link's text,
    the line's tail was taken for the organization, ``Technology](https://huggingface.co/…)``,
    and its head went into the abstract; after the link, inside ``· Published on Sep 27,
    2026``, the card lost its date and upvotes."""
    line = LINES[index]
    head = line.index("] ") + 1  # past the logo's placeholder: the name's blanks
    cuts = [at for at in range(head, len(line)) if line[at] == " "]
    assert len(cuts) >= 4  # the name's blank, around ``·``, in the date
    for at in cuts:
        lines = [*LINES[:index], line[:at], line[at + 1 :], *LINES[index + 1 :]]
        digest = _parse("\n".join(lines))
        assert digest.diagnostics == ()
        assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
            attrs.evolve(p, line=0, end_line=0) for p in INTACT
        ], at
