"""The text dialect reads the 2026 page's header lines (issue 10, the `text` item).

`Trending Papers` stands for `Daily Papers`; the byline may be split around
the link to AK as `by` / `AK` / `and the research community`; the
`Daily` / `Weekly` / `Monthly` switcher may follow the byline. Strict mode
accepts all of them without a diagnostic; the seeds' own headers keep reading
as before (tests/test_fixtures.py).
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import example, given

import digestparse
from hostile_support import REFERENCE, SEEDS, lenient, strict

_BYLINES = (
    ("byAK and the research community",),
    ("by AK and the research community",),
    ("by", "AK", "and the research community"),
)


@st.composite
def headers_2026(draw: st.DrawFn) -> tuple[str, ...]:
    lines = ["new"]
    if draw(st.booleans()):
        lines.append("Get trending papers in your email inbox once a day!")
    lines += ["Get trending papers in your email inbox!", "Subscribe"]
    lines.append(draw(st.sampled_from(["Daily Papers", "Trending Papers"])))
    lines += draw(st.sampled_from(_BYLINES))
    lines += [period for period in ("Daily", "Weekly", "Monthly") if draw(st.booleans())]
    return tuple(lines)


def _with_header(seed: str, header: tuple[str, ...]) -> tuple[str, int]:
    """The seed with its 9-line header replaced; and how many lines that adds."""
    lines = seed.split("\n")
    assert lines[8].endswith("and the research community")
    body = lines[9:]
    return "\n\n".join(header) + "\n" + "\n".join(body), 2 * len(header) - 1 - 9


@example(("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
          "by", "AK", "and the research community"), 0)
@example(("new", "Get trending papers in your email inbox once a day!",
          "Get trending papers in your email inbox!", "Subscribe", "Trending Papers",
          "by", "AK", "and the research community", "Daily", "Weekly", "Monthly"), 1)
@given(headers_2026(), st.integers(0, len(SEEDS) - 1))
def test_2026_headers_read_without_diagnostics(header: tuple[str, ...], seed: int) -> None:
    text, shift = _with_header(SEEDS[seed], header)
    digest = strict(text)
    original = strict(SEEDS[seed])
    assert digest.header == header
    assert digest.page_date == original.page_date
    assert [(p.title, p.date, p.line - shift) for p in digest.papers] == [
        (p.title, p.date, p.line) for p in original.papers
    ]
    assert lenient(text).diagnostics == ()
    assert digestparse.render(digest) == text


def test_a_repeated_2026_header_is_one_repeated_header_diagnostic() -> None:
    header = "\n\n".join(("new", "Get trending papers in your email inbox!", "Subscribe",
                          "Trending Papers", "by", "AK", "and the research community",
                          "Daily", "Weekly", "Monthly", "Dec 12"))
    digest = lenient(header + "\n\nT\n\nA\n\n" + header + "\n\nU\n\nB")
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("repeated-header", 27, 47)  # 11 lines a blank apart: 1-21, T 23, A 25, then 27-47
    ]
    assert [p.title for p in digest.papers] == ["T", "U"]


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        # A split byline that lost a piece is still the byline, reported where the piece is
        # missing (here after "AK", on the line after it, as for a missing header line).
        (("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
          "by", "AK"), 12),
        # No byline at all: reported on the line after "Daily Papers", as for the seeds.
        (("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers"), 8),
        # The switcher comes after the byline, not in place of it.
        (("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
          "Daily", "Weekly"), 8),
    ],
)
def test_an_incomplete_2026_header_is_a_bad_header(lines: tuple[str, ...], where: int) -> None:
    text = "\n\n".join(lines) + "\n\nTitle\n\nAbstract"
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert (raised.value.code, raised.value.line) == ("bad-header", where)


def test_by_and_ak_are_titles_outside_the_header() -> None:
    text = SEEDS[0] + "\n\nby\n\nAK\n\n  \u2022 2 authors\n\u00b7\nDec 1"
    digest = strict(text)
    assert (digest.papers[-1].title, digest.papers[-1].abstract) == ("by", "AK")


_PROMO_HEAD = ("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers")


@pytest.mark.parametrize(
    ("damaged", "bad_line"),
    [
        # A piece of the split byline lost (the other two stay the header's).
        (("by", "and the research community"), 11),
        (("AK", "and the research community"), 9),
        (("by", "AK"), 12),
        (("by",), 10),
        # A misspelt byline, or a misspelt switcher line, right before the page date.
        (("byAK and the research communty",), 9),
        (("by AK",), 9),
        (("byAK and the research community", "Daily", "Weekley"), 13),
        (("by", "AK", "and the research community", "Dialy"), 15),
        # A piece of the split byline misspelt, or a switcher line: the others follow it.
        (("BY", "AK", "and the research community"), 9),
        (("by", "Ak", "and the research community", "Daily", "Weekly"), 11),
        (("by", "AK", "and the research communty", "Daily", "Weekly"), 13),
        (("by", "AK", "and the research community", "Daly", "Weekly", "Monthly"), 15),
        (("by", "AK", "and the research community", "Daily", "eekly", "Monthly"), 17),
    ],
)
def test_a_damaged_byline_or_switcher_stays_in_the_header(
    damaged: tuple[str, ...], bad_line: int
) -> None:
    """One bad-header where the damage is; the page date and every paper read as with the
    intact header. Before, the damaged lines became papers (``by`` with the abstract
    ``AK``, or a title whose metadata was the page date) and the page date was lost."""
    header = (*_PROMO_HEAD, *damaged)
    text, shift = _with_header(SEEDS[0], header)
    original = strict(SEEDS[0])
    digest = lenient(text)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-header", bad_line)]
    assert digest.header == header
    assert digest.page_date == original.page_date
    assert [(p.title, p.date, p.line - shift) for p in digest.papers] == [
        (p.title, p.date, p.line) for p in original.papers
    ]
    with pytest.raises(digestparse.ParseError) as raised:
        strict(text)
    assert (raised.value.code, raised.value.line) == ("bad-header", bad_line)


@pytest.mark.parametrize(
    "byline", ["byAK and the research communty", "by AK and te research community"]
)
def test_a_misspelt_byline_without_a_page_date_is_no_title(byline: str) -> None:
    """Seed 003 has no page date: its misspelt byline was read as the first title, the
    real first title as its abstract, and every paper after it out of step."""
    seed = SEEDS[3]
    assert seed.split("\n")[8] == "by AK and the research community"
    assert strict(seed).page_date is None
    text = seed.replace("by AK and the research community", byline, 1)
    digest = lenient(text)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-header", 9)]
    assert digest.header[-1] == byline
    assert [(p.title, p.abstract) for p in digest.papers] == [
        (p.title, p.abstract) for p in strict(seed).papers
    ]


@pytest.mark.parametrize(
    ("heading", "bad_line"), [("Trending Paper", 9), (None, 9), ("Dail Papers", 9)]
)
def test_a_damaged_heading_before_a_split_byline_stays_in_the_header(
    heading: str | None, bad_line: int
) -> None:
    """``Trending Papers`` misspelt or lost before the split byline: the byline's pieces
    became papers. (Lost, the bad-header is at the 'by' line where it is expected.)"""
    head = ("new", "Get trending papers in your email inbox once a day!",
            "Get trending papers in your email inbox!", "Subscribe")
    header = (*head, *((heading,) if heading else ()), "by", "AK",
              "and the research community", "Daily", "Weekly", "Monthly")
    text, _ = _with_header(SEEDS[3], header)  # seed 003: no page date
    original = strict(SEEDS[3])
    digest = lenient(text)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("bad-header", bad_line if heading else 9)
    ]
    assert digest.header == header
    assert [(p.title, p.abstract) for p in digest.papers] == [
        (p.title, p.abstract) for p in original.papers
    ]


SEED_HEADER = "\n\n".join(("new", "Get trending papers in your email inbox!", "Subscribe",
                           "Daily Papers", "byAK and the research community"))


@pytest.mark.parametrize(
    ("title", "first", "later"),
    [
        # A header line: a repeated header (first: a header line too many).
        ("Subscribe", [("bad-header", 11)], [("repeated-header", 15)]),
        # A switcher line: first, the header's, silently; later, junk.
        ("Daily", [], [("junk", 15)]),
    ],
)
def test_a_paper_titled_like_a_header_line_is_read_as_format_md_says(
    title: str, first: list[tuple[str, int]], later: list[tuple[str, int]]
) -> None:
    """format.md, Known ambiguities: the abstract after such a title is read as a title."""
    entries = f"{title}\n\nIts abstract\n\nT2\n\nA2"
    for before, want in (("", first), ("T0\n\nA0\n\n", later)):
        digest = digestparse.parse(SEED_HEADER + "\n\n" + before + entries,
                                   reference_date=REFERENCE)
        assert "Its abstract" in [paper.title for paper in digest.papers]
        assert title not in [paper.title for paper in digest.papers]
        found = [(d.code, d.line) for d in digest.diagnostics]
        assert found[: len(want)] == want and found[len(want)][0] == "truncated-entry"


@pytest.mark.parametrize("prefix", [
    "* Daily\n* Weekly\n* Monthly\n",
    "Hugging Face\nDaily\nWeekly\nMonthly\n",
    "x\nnew\nGet trending papers in your email inbox once a day!\n",
])
def test_a_seed_without_middle_dots_under_a_2026_mark_stays_a_seed(prefix: str) -> None:
    """Seed 003's entries have no metadata, so it shows no ``·``; under a line of today's
    header (the switcher as a list, the promo line after a stray line) it took the mark of
    a page without URLs cut before its first entry's date, and gave no paper. Such a cut
    capture holds one card at most after its header; the seed holds many entries."""
    (seed,) = [text for text in SEEDS if "\u00b7" not in text]
    digest = lenient(prefix + seed)
    assert digest.dialect == "text"
    assert [p.title for p in digest.papers] == [p.title for p in lenient(seed).papers]
