"""Folding consecutive copies (copies.py): the rule of docs/format.md, stated here from scratch."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from digestparse.copies import fold_copies
from digestparse.model import Paper, title_key

_TITLES = st.sampled_from(["A Model", "a model", "A  Model!", "Another", "ANOTHER", "Éclair"])
_IDS = st.sampled_from([None, "2606.00001", "2606.00002"])


@st.composite
def _papers(draw: st.DrawFn) -> list[Paper]:
    count = draw(st.integers(0, 8))
    return [
        Paper(
            title=draw(_TITLES),
            abstract=draw(st.sampled_from(["", "x", "y"])),
            paper_id=draw(_IDS),
            line=2 * index + 1,
            end_line=2 * index + 2,
        )
        for index in range(count)
    ]


def _fold_by_rule(papers: list[Paper]) -> list[tuple[int, int, str | None]]:
    """(line, end_line, paper_id) of each folded paper: a paper is a copy of the one held
    when both have the same id, or when their title keys are equal and one has no id."""
    out: list[list[Any]] = []
    for paper in papers:
        if out:
            held = out[-1]
            ids = (held[3], paper.paper_id)
            same_id = None not in ids and ids[0] == ids[1]
            if same_id or (None in ids and title_key(held[0]) == paper.key):
                held[2] = paper.end_line
                held[3] = held[3] if held[3] is not None else paper.paper_id
                continue
        out.append([paper.title, paper.line, paper.end_line, paper.paper_id])
    return [(line, end, paper_id) for _title, line, end, paper_id in out]


@given(_papers())
def test_fold_copies_follows_the_rule(papers: list[Paper]) -> None:
    folded = list(fold_copies(iter(papers)))
    assert [(p.line, p.end_line, p.paper_id) for p in folded] == _fold_by_rule(papers)


def test_ids_that_differ_are_two_papers_even_with_one_title() -> None:
    first = Paper("A Model", "x", paper_id="2606.00001", line=1, end_line=2)
    second = Paper("A Model", "x", paper_id="2606.00002", line=3, end_line=4)
    assert list(fold_copies(iter([first, second]))) == [first, second]


def test_a_missing_id_is_filled_from_the_copy_whose_title_folds_the_same() -> None:
    first = Paper("A Model", "x", line=1, end_line=2)
    second = Paper("a model!", "", paper_id="2606.00001", line=3, end_line=4)
    (paper,) = fold_copies(iter([first, second]))
    assert (paper.title, paper.abstract, paper.paper_id, paper.line, paper.end_line) == (
        "A Model", "x", "2606.00001", 1, 4,
    )


def test_a_copy_that_shows_authors_fills_nothing_where_the_first_shows_an_organization() -> None:
    """Authors or an organization is one field shown two ways: a folded paper never has
    both (render refuses such a paper; the schema gives each as null when the other is
    shown). It had both where copies disagreed."""
    first = Paper("A Model", "x", organization="OCC", line=1, end_line=2)
    second = Paper("A Model", "", author_count=5, paper_id="2606.00001", line=3, end_line=4)
    (paper,) = fold_copies(iter([first, second]))
    assert (paper.organization, paper.author_count, paper.abstract, paper.paper_id) == (
        "OCC", None, "x", "2606.00001",
    )
    (paper,) = fold_copies(iter([second, first]))
    assert (paper.organization, paper.author_count, paper.abstract) == (None, 5, "x")
    lacking = Paper("A Model", "x", line=1, end_line=2)
    (paper,) = fold_copies(iter([lacking, second]))
    assert (paper.organization, paper.author_count) == (None, 5)


def test_copies_with_one_paper_id_fold_whatever_their_titles() -> None:
    """A paper id names one paper: two in a row with the same id are copies even where one
    copy's title was damaged (two wrapped lines glued: ``AudioGeneration``). They were two
    papers with one id."""
    first = Paper("Video and AudioGeneration", "x", paper_id="2610.05608", line=1, end_line=2)
    second = Paper("Video and Audio Generation", "", paper_id="2610.05608", submitted_by="v",
                   line=3, end_line=4)
    (paper,) = fold_copies(iter([first, second]))
    assert (paper.title, paper.submitted_by, paper.line, paper.end_line) == (
        "Video and AudioGeneration", "v", 1, 4)
