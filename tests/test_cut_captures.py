"""A capture cut short keeps its dialect and gives its own papers, never its menu as papers.

A capture cut before its first entry shows only the page's header; detection tells its
dialect by its tool's notation of that header (docs/dialects.md, "How detection works").
The expected titles come from each capture's hand-written expected file.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import digestparse
from dialect_support import CAPTURES, SEED_PATHS, bad_title, capture_lines

EXPECTED = sorted(CAPTURES.glob("*.expected.json"))


def _expected(prefix: str) -> dict[str, Any]:
    (path,) = [path for path in EXPECTED if path.name.startswith(prefix)]
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _reference(prefix: str) -> datetime.date | None:
    reference = _expected(prefix).get("reference_date")
    return datetime.date.fromisoformat(reference) if reference else None


@pytest.mark.parametrize("prefix", [path.name[:2] for path in EXPECTED])
def test_a_capture_cut_at_any_line_gives_its_own_papers_in_order(prefix: str) -> None:
    """Every paper is the capture's paper at its place; only the last may have lost the
    end of its title (a wrapped title cut between its lines). No paper whose lines all
    come before the cut is lost, so the whole capture gives every paper."""
    papers = _expected(prefix)["papers"]
    titles = [paper["title"] for paper in papers]
    lines = capture_lines(prefix)
    reference = _reference(prefix)
    for cut in range(len(lines) + 1):
        got = [
            paper.title
            for paper in digestparse.parse("\n".join(lines[:cut]), reference_date=reference).papers
        ]
        where = f"cut after line {cut}: {got}"
        assert len(got) <= len(titles), where
        assert len(got) >= sum(paper["end_line"] <= cut for paper in papers), where
        if got:
            assert got[:-1] == titles[: len(got) - 1], where
            assert titles[len(got) - 1].startswith(got[-1]), where
        assert [title for title in got if bad_title(title)] == [], where


@pytest.mark.parametrize("prefix", [path.name[:2] for path in EXPECTED])
def test_a_capture_cut_after_an_abstract_keeps_it(prefix: str) -> None:
    """The last paper of a capture cut after the line where its abstract ends has its whole
    abstract, as the capture's expected file gives its start and end (html-text lost it
    where the input ended before a date line)."""
    lines = capture_lines(prefix)
    reference = _reference(prefix)
    checked, papers = 0, _expected(prefix)["papers"]
    for paper in papers:
        end = paper["abstract_end"]
        if not end:
            continue
        # The line after the title where the abstract ends: the cut goes after it.
        ends = [number for number in range(paper["line"], paper["end_line"] + 1)
                if end in lines[number - 1]]
        if not ends:
            continue  # an abstract whose end is wrapped over lines
        digest = digestparse.parse("\n".join(lines[: ends[0]]), reference_date=reference)
        last = digest.papers[-1]
        assert last.title == paper["title"], ends[0]
        assert last.abstract.startswith(paper["abstract_start"]), (ends[0], last.abstract)
        assert last.abstract.endswith(end), (ends[0], last.abstract)
        checked += 1
    assert checked >= len(papers) // 2


@pytest.mark.parametrize(
    ("prefix", "cut", "dialect", "titles", "diagnostics", "strict"),
    [
        # Front matter (1-8), the document's title (10, 11), the menu with a URL line
        # after each label (13-51), new, the promo lines and Subscribe (53-59): no date, no
        # entry.
        pytest.param(
            "02", 60, "text-urls", [], [("missing-header", 10, 10), ("junk", 10, 59)],
            "<string>:10:1: missing-header the dump does not start with the Daily Papers header",
            id="text-urls-menu-and-promo",
        ),
        # The header ends at the byline (11); the first card's title (13) and abstract (15)
        # stand, its authors line (16) is cut off.
        pytest.param(
            "04", 15, "markdown",
            ["Agent Lightning: Train ANY AI Agents with Reinforcement Learning"], [], None,
            id="markdown-first-card-without-authors",
        ),
        # The extractor's anchors (11, 24), new, the promo lines, Subscribe and the page's
        # title (26): the header, and nothing after it.
        pytest.param(
            "05", 26, "html-text", [], [("no-entries", 26, 26)],
            "<string>:26:1: no-entries the capture ends after its header, with no entry",
            id="html-text-header-only",
        ),
        # The markdown header up to its title (9): nothing after it.
        pytest.param(
            "04", 9, "markdown", [], [("no-entries", 9, 9)],
            "<string>:9:1: no-entries the capture ends after its header, with no entry",
            id="markdown-header-only",
        ),
    ],
)
def test_a_capture_cut_before_its_first_entry_keeps_its_dialect(
    prefix: str,
    cut: int,
    dialect: str,
    titles: list[str],
    diagnostics: list[tuple[str, int, int]],
    strict: str | None,
) -> None:
    text = "\n".join(capture_lines(prefix)[:cut])
    reference = _reference(prefix)
    digest = digestparse.parse(text, reference_date=reference)
    assert digest.dialect == dialect
    assert [paper.title for paper in digest.papers] == titles
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == diagnostics
    if strict is None:
        digestparse.parse(text, mode="strict", reference_date=reference)
    else:
        with pytest.raises(digestparse.ParseError) as raised:
            digestparse.parse(text, mode="strict", reference_date=reference)
        assert str(raised.value) == strict


_REFUSED = (
    "<string>:1:1: unknown-format the input is not a capture of the Daily Papers listing: "
    "no dialect recognises it (docs/dialects.md)"
)


@pytest.mark.parametrize(
    "text",
    [
        # Capture 02's menu without the document's title: the site's links, not the listing.
        "\n".join(capture_lines("02")[:9] + capture_lines("02")[11:50]),
        "# digestparse\n\n## Daily Papers\n\nReads the listing's captures.\n",
        "# hf-digest\n\n## Daily Papers\n\nFetches.\n\n## Trending Papers\n\nMore.\n",
        "# Get trending papers in your email inbox!\n",
        '<a id="source-section-0"></a>\n\n# Daily Papers\n\nA page about the listing.\n',
    ],
    ids=["site-menu-alone", "readme-heading", "readme-two-headings", "promo-heading",
         "anchor-and-title"],
)
def test_a_header_notation_without_the_listing_names_is_refused(text: str) -> None:
    digest = digestparse.parse(text)
    assert (digest.dialect, digest.papers) == ("unknown", ())
    assert [d.code for d in digest.diagnostics] == ["unknown-format"]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert str(raised.value) == _REFUSED


def test_a_list_of_the_sites_links_is_no_listing_cut_short() -> None:
    """Labels over the site's URL lines and the page's title, but no line only the listing's
    header has (a promo line, the document's title): read as before, by the text fallback,
    which reports it; never a clean, empty text-urls page."""
    text = (
        "My bookmarks\n\nHF models\nhttps://huggingface.co/models\n\n"
        "HF datasets\nhttps://huggingface.co/datasets\n\nTrending Papers\n"
    )
    digest = digestparse.parse(text)
    assert digest.dialect == "text"
    assert digest.diagnostics[0].code == "missing-header"


def test_a_seed_under_a_text_urls_menu_stays_text() -> None:
    """The seed's own header, in a row, decides before the header notation is looked at.
    (What the text dialect makes of the lines before its header is its own affair.)"""
    seed = SEED_PATHS[0]
    text = seed.read_text(encoding="utf-8")
    menu = "Models\n\nhttps://huggingface.co/models\n\nDatasets\n\nhttps://huggingface.co/datasets\n\n"
    want = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    reference = datetime.date.fromisoformat(want["reference_date"])
    digest = digestparse.parse(menu + text, reference_date=reference)
    assert digest.dialect == "text"
    titles = [paper["title"] for paper in want["papers"]]
    assert [paper.title for paper in digest.papers][-len(titles) :] == titles


def test_the_cut_fixtures_are_as_described() -> None:
    """The lines the cases above name, read by hand from the captures."""
    lines02 = capture_lines("02")
    assert (lines02[9], lines02[52], lines02[58]) == (
        "# Daily Papers - Hugging Face", "new", "Subscribe",
    )
    assert all(line.strip() == "" or "http" not in line for line in lines02[52:60])
    lines04 = capture_lines("04")
    assert lines04[10:15:2] == [
        "## by AK and the research community",
        "### Agent Lightning: Train ANY AI Agents with Reinforcement Learning",
        lines04[14],
    ]
    assert lines04[15] == "- 8 authors"
    assert lines04[8] == "## Trending Papers"
    lines05 = capture_lines("05")
    assert (lines05[10], lines05[23], lines05[25]) == (
        '<a id="source-section-0"></a>', '<a id="source-section-1"></a>', "# Trending Papers",
    )


@pytest.mark.parametrize("prefix", [path.name[:2] for path in EXPECTED])
def test_a_capture_cut_inside_a_line_gives_its_own_papers_in_order(prefix: str) -> None:
    """As above, with the input's last line cut halfway (a file truncated at a byte)."""
    titles = [paper["title"] for paper in _expected(prefix)["papers"]]
    lines = capture_lines(prefix)
    reference = _reference(prefix)
    for cut, line in enumerate(lines):
        if len(line) < 2:
            continue
        text = "\n".join([*lines[:cut], line[: len(line) // 2]])
        got = [paper.title for paper in digestparse.parse(text, reference_date=reference).papers]
        where = f"line {cut + 1} cut halfway: {got}"
        assert len(got) <= len(titles), where
        if got:
            assert got[:-1] == titles[: len(got) - 1], where
            assert titles[len(got) - 1].startswith(got[-1]), where


@pytest.mark.parametrize(
    ("cut", "kept", "papers", "first"),
    [
        # The first card's title line (53), cut inside its link: the card (lead-in from 44)
        # is a title alone.
        (53, "### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio "
             "Generation](https://hugg", 0, 44),
        # The second copy's title (78), cut inside its text: the first copy (44-66) stands
        # alone; the second (lead-in from 69) is a title alone, not a paper "Kandinsky 6.0
        # Video: Foundation Mo" beside it.
        (78, "### [Kandinsky 6.0 Video: Foundation Mo", 1, 69),
    ],
    ids=["inside-the-link", "second-copy"],
)
def test_html_text_cut_in_a_title_is_a_title_alone(
    cut: int, kept: str, papers: int, first: int
) -> None:
    lines = capture_lines("05")
    assert lines[cut - 1].startswith(kept) and lines[cut - 1] != kept
    assert lines[first - 1] == "Submitted by"
    text = "\n".join([*lines[: cut - 1], kept])
    digest = digestparse.parse(text)
    assert [(p.title, p.span) for p in digest.papers] == [
        ("Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio Generation",
         (44, 66)),
    ][:papers]
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("truncated-entry", first, cut)
    ]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert str(raised.value) == (
        f"<string>:{first}:1: truncated-entry the entry ends before it is complete: a title alone"
    )


@pytest.mark.parametrize(
    "damaged",
    [
        "### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio "
        "Generation](https://hugg",
        "### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio "
        "Generation]",
    ],
    ids=["target-cut", "no-target"],
)
def test_html_text_title_without_its_whole_link_is_its_text(damaged: str) -> None:
    """Inside the input, a title line whose link lost its end keeps the link's text as the
    title (not ``…](https://hugg``), so the card's second copy, whole, folds into it."""
    lines = capture_lines("05")
    text = "\n".join([*lines[:52], damaged, *lines[53:]])
    digest = digestparse.parse(text)
    first = digest.papers[0]
    assert (first.title, first.span, first.paper_id) == (
        "Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio Generation",
        (44, 92),
        "2610.05608",
    )
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [("missing-link", 53, 5)]


@pytest.mark.parametrize("prefix", [path.name[:2] for path in EXPECTED])
def test_a_capture_whose_start_is_lost_gives_its_whole_entries(prefix: str) -> None:
    """Cut at its start, wherever at least one entry is left whole from its first line (the
    expected file's ``line``): those entries' papers come last, in order, and at most one
    paper, from what is left of the entry cut, comes before them; or, where too little is
    left to tell the dialect, the input is refused and nothing is invented (capture 01 with
    only its last card, which the capture tool cut before its ``·``)."""
    papers = _expected(prefix)["papers"]
    lines = capture_lines(prefix)
    reference = _reference(prefix)
    for cut in range(1, len(lines)):
        whole = [paper["title"] for paper in papers if paper["line"] > cut]
        if not whole:
            continue
        text = "\n".join(lines[cut:])
        digest = digestparse.parse(text, reference_date=reference)
        if digest.dialect == "unknown":
            assert len(whole) == 1 and digest.papers == (), f"lines {cut + 1}- refused"
            continue
        got = [paper.title for paper in digest.papers]
        where = f"lines {cut + 1}- : {got[:3]}"
        assert got[len(got) - len(whole) :] == whole, where
        assert len(got) - len(whole) <= 1, where


def test_a_lynx_capture_whose_start_is_lost_is_reference_text() -> None:
    """Capture 01 from line 910 on: no header and no authors line (the card at 883 is cut
    after its authors box), then two whole cards with linked titles ``### [Title][N]``
    (917, 939), lone ``·`` lines and upvote boxes (``[``, a count, ``][N]``)."""
    lines = capture_lines("01")
    assert lines[909:912] == ["][174]", "\u00b7", "Jun 29, 2024 [ 1][175]"]
    assert lines[912:915] == ["[", "2", "][176]"]
    assert lines[916].startswith("### [Distilling") and lines[938].startswith("### [Reducing")
    assert lines[938].endswith("][182]")
    digest = digestparse.parse("\n".join(lines[909:]), reference_date=_reference("01"))
    assert digest.dialect == "reference-text"
    assert [paper.title for paper in digest.papers] == [
        paper["title"] for paper in _expected("01")["papers"][-2:]
    ]


def test_html_text_input_ending_after_a_whole_title_link_keeps_the_paper() -> None:
    """The link is whole (to no paper's page): the title is read, and the entry is cut
    after it (``no abstract``), as before."""
    lines = capture_lines("05")
    text = "\n".join([*lines[:52], "### [Kandinsky 6.0 Video](https://huggingface.co/papers?q=foo)"])
    digest = digestparse.parse(text)
    assert [(p.title, p.paper_id, p.span) for p in digest.papers] == [
        ("Kandinsky 6.0 Video", None, (44, 53))
    ]
    assert [(d.code, d.line, d.end_line, d.message) for d in digest.diagnostics] == [
        ("truncated-entry", 44, 53, "the entry ends before it is complete: no abstract")
    ]
