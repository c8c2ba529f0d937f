"""Folding consecutive copies (copies.py): the rule of docs/format.md, stated here from scratch."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import digestparse
from digestparse import Diagnostic
from digestparse.copies import fold_copies
from digestparse.diagnostics import Reporter
from digestparse.model import Paper, title_key

_TITLES = st.sampled_from(["A Model", "a model", "A  Model!", "Another", "ANOTHER", "Éclair",
                           "A Model Card", "Model", "Another Model", "A Model Model"])
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


def _lost_a_line(one: str, other: str) -> bool:
    """Whether one title's words are the other's with words added before or after them."""
    a, b = title_key(one).split(), title_key(other).split()
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return bool(short) and len(short) < len(long) and (
        long[: len(short)] == short or long[-len(short) :] == short)


def _undamaged(one: str, other: str) -> str:
    """Of two titles one of which lost a line, the whole one: the longer, unless its extra
    words repeat the shorter's words at that end (a line written twice)."""
    short, long = sorted((one, other), key=lambda title: len(title_key(title)))
    a, b = title_key(short).split(), title_key(long).split()
    extra = b[len(a) :] if b[: len(a)] == a else b[: len(b) - len(a)]
    at_end = b[: len(a)] == a
    repeats = a[len(a) - len(extra) :] == extra if at_end else a[: len(extra)] == extra
    return short if repeats and len(extra) <= len(a) else long


def _fold_by_rule(papers: list[Paper]) -> list[tuple[str, int, int, str | None]]:
    """(title, line, end_line, paper_id) of each folded paper: a paper is a copy of the one
    held when both have the same id, or when their title keys are equal and one has no id,
    or when one has no id, both have one abstract (not empty) and one title lost words at
    its start or end (the papers drawn here show no other field). Where titles differ so,
    the paper's is the longer, unless its extra words repeat the shorter's at that end."""
    out: list[list[Any]] = []
    for paper in papers:
        if out:
            held = out[-1]
            ids = (held[3], paper.paper_id)
            same_id = None not in ids and ids[0] == ids[1]
            cut = _lost_a_line(held[0], paper.title)
            if (
                same_id
                or (None in ids and title_key(held[0]) == paper.key)
                or (None in ids and cut and held[4] != "" and held[4] == paper.abstract)
            ):
                held[2] = paper.end_line
                held[3] = held[3] if held[3] is not None else paper.paper_id
                held[4] = held[4] or paper.abstract  # the second fills what the first lacks
                if cut:
                    held[0] = _undamaged(held[0], paper.title)
                continue
        out.append([paper.title, paper.line, paper.end_line, paper.paper_id, paper.abstract])
    return [(title, line, end, paper_id) for title, line, end, paper_id, _ in out]


@given(_papers())
def test_fold_copies_follows_the_rule(papers: list[Paper]) -> None:
    folded = list(fold_copies(iter(papers)))
    assert [(p.title, p.line, p.end_line, p.paper_id) for p in folded] == _fold_by_rule(papers)


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
    copy's title was damaged. They were two papers with one id."""
    first = Paper("A Video Model", "x", paper_id="2610.05608", line=1, end_line=2)
    second = Paper("Kandinsky Video", "", paper_id="2610.05608", submitted_by="v",
                   line=3, end_line=4)
    (paper,) = fold_copies(iter([first, second]))
    assert (paper.title, paper.submitted_by, paper.line, paper.end_line) == (
        "A Video Model", "v", 1, 4)


@pytest.mark.parametrize("ids", [("2610.05608", "2610.05608"), (None, None), ("2610.05608", None)])
def test_a_copy_whose_title_ran_two_words_together_is_reported(
    ids: tuple[str | None, str | None],
) -> None:
    """Two wrapped title lines joined without a space in one copy (``AudioGeneration``): one
    paper with the other copy's title, and ``copies-differ`` at the damaged copy, whether
    the copies show one paper id or none. With one id the first copy's title won, silently;
    without ids they were two papers."""
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    glued = Paper("Video and AudioGeneration", "x", paper_id=ids[0], line=1, end_line=2)
    whole = Paper("Video and Audio Generation", "x", paper_id=ids[1], submitted_by="v",
                  line=3, end_line=4)
    (paper,) = fold_copies(iter([glued, whole]), reporter)
    reporter.finish()
    assert (paper.title, paper.submitted_by, paper.line, paper.end_line) == (
        "Video and Audio Generation", "v", 1, 4)
    assert [(d.code, d.line, d.end_line) for d in found] == [("copies-differ", 1, 2)]
    assert found[0].message == (
        "two copies of one card in a row differ: two words of the title run together: "
        "'Video and AudioGeneration' where the other copy has 'Video and Audio Generation'"
    )
    # The damaged copy second: the same paper, reported at that copy.
    found.clear()
    reporter = Reporter("lenient", "<string>", found.append)
    glued = attrs.evolve(glued, line=3, end_line=4)
    whole = attrs.evolve(whole, line=1, end_line=2)
    (paper,) = fold_copies(iter([whole, glued]), reporter)
    reporter.finish()
    assert paper.title == "Video and Audio Generation"
    assert [(d.code, d.line, d.end_line) for d in found] == [("copies-differ", 3, 4)]


def test_a_copy_that_lost_a_line_of_its_title_is_reported() -> None:
    """Two papers in a row with one abstract, one title the other's without its last (or
    first) line: one paper with the longer title, and ``copies-differ`` at the copy with
    the shorter one. They were two papers, with no report."""
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    cut = Paper("Video and Audio", "x", line=1, end_line=4)
    whole = Paper("Video and Audio Generation", "x", submitted_by="v", line=5, end_line=9)
    (paper,) = fold_copies(iter([cut, whole]), reporter)
    reporter.finish()
    assert (paper.title, paper.submitted_by, paper.line, paper.end_line) == (
        "Video and Audio Generation", "v", 1, 9)
    assert [(d.code, d.line, d.end_line) for d in found] == [("copies-differ", 1, 4)]
    assert found[0].message == (
        "two copies of one card in a row differ: a line of the title lost: "
        "'Video and Audio' where the other copy has 'Video and Audio Generation'")
    # Two papers whose abstracts differ, or that show a field differently (made-up pages
    # may repeat one abstract), or whose titles share words in the middle only, stay two,
    # with no report.
    found.clear()
    other = Paper("Video and Audio Generation", "y", line=5, end_line=9)
    dated = attrs.evolve(whole, date=datetime.date(2026, 11, 24))
    middle = Paper("New Video and Audio Models", "x", line=5, end_line=9)
    for second in (other, middle):
        assert len(list(fold_copies(iter([cut, second]), reporter))) == 2
    first = attrs.evolve(cut, date=datetime.date(2026, 11, 25))
    assert len(list(fold_copies(iter([first, dated]), reporter))) == 2
    assert len(list(fold_copies(iter([cut, dated]), reporter))) == 1  # one shows no date
    assert [d.code for d in found] == ["copies-differ"]


_FIXTURES = Path(__file__).parent / "fixtures"
#: Trending pages whose first card's title each tool wrapped over two lines, and the
#: capture 04, whose SmolDocling title firecrawl wrapped.
_WRAPPED_TITLES = [
    "tools/trending.links.txt", "tools/trending.elinks.txt", "tools/trending.elinks_noref.txt",
    "tools/trending.lynx_nonumbers.txt", "tools/trending.w3m_plain.txt",
    "tools/long_names/trending.lynx.txt",
    "captures/04_hfpapers_trending_markdown_dupes.txt",
]


@pytest.mark.parametrize("name", _WRAPPED_TITLES)
def test_a_trending_card_copy_that_lost_its_titles_last_line_is_one_paper(name: str) -> None:
    """Each copy in turn loses the last line of its wrapped title (``Generation``): the page
    still reads as one paper per card with its whole title, and the copy is
    ``copies-differ``, which strict mode raises."""
    text = (_FIXTURES / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    reference = datetime.date(2026, 11, 26)
    before = digestparse.parse(text, reference_date=reference)
    assert before.diagnostics == ()
    wrapped = [
        index for paper in before.papers for index in range(paper.line, paper.end_line)
        if lines[index - 1].strip() and (last := lines[index].strip().lstrip("# "))
        and len(last) > 3 and last != paper.title and paper.title.endswith(" " + last)
    ]
    assert len(wrapped) == 2  # one line in each copy of one card
    for index in wrapped:
        cut = "\n".join(lines[:index] + lines[index + 1 :])
        digest = digestparse.parse(cut, reference_date=reference)
        assert [p.title for p in digest.papers] == [p.title for p in before.papers]
        [diagnostic] = digest.diagnostics
        assert diagnostic.code == "copies-differ"
        assert index - 6 < diagnostic.line <= index
        with pytest.raises(digestparse.ParseError, match="copies-differ"):
            digestparse.parse(cut, mode="strict", reference_date=reference)


def test_a_copy_that_repeats_a_line_of_its_title_is_the_damaged_one() -> None:
    """A line written twice (``… Audio Generation`` / ``Generation``) makes the longer title
    the damaged one: the paper keeps the shorter, and the longer copy is reported."""
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    whole = Paper("Video and Audio Generation", "x", line=1, end_line=4)
    twice = Paper("Video and Audio Generation Generation", "x", line=5, end_line=9)
    (paper,) = fold_copies(iter([whole, twice]), reporter)
    reporter.finish()
    assert (paper.title, paper.line, paper.end_line) == ("Video and Audio Generation", 1, 9)
    assert [(d.code, d.line, d.end_line) for d in found] == [("copies-differ", 5, 9)]
    assert found[0].message.endswith(
        "a line of the title repeated: 'Video and Audio Generation Generation' where the "
        "other copy has 'Video and Audio Generation'")


def test_strict_mode_raises_copies_differ_before_a_later_defect_of_the_copy() -> None:
    """The fold sees a damaged copy only once the next copy is read; a defect further down
    the first copy (here its authors count) was raised first in strict mode, although
    lenient mode lists ``copies-differ`` first. Strict mode raises what lenient lists
    first, also when streaming."""
    def card(title: str, authors: str) -> str:
        return (f"### {title}\n\nA summary.\n{authors}\n"
                "[LINK: GitHub 1](https://github.com/a/b)")

    text = ("## Trending Papers\n\n" + card("A Long Title", "- 1234567890123456789 authors")
            + "\n\n" + card("A Long Title Wrapped", "- 3 authors") + "\n")
    reference = datetime.date(2025, 12, 31)
    digest = digestparse.parse(text, reference_date=reference)
    assert digest.dialect == "markdown"
    assert [p.title for p in digest.papers] == ["A Long Title Wrapped"]
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("copies-differ", 3), ("bad-authors", 6)]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=reference)
    assert (raised.value.code, raised.value.line) == ("copies-differ", 3)
    with pytest.raises(digestparse.ParseError) as streamed:
        list(digestparse.iter_papers(io.StringIO(text), mode="strict",
                                     reference_date=reference))
    assert (streamed.value.code, streamed.value.line) == ("copies-differ", 3)


@pytest.mark.parametrize(("field", "first", "second", "detail"), [
    ("organization", "architecture.", "Kandinsky Lab",
     "the organization differs: 'Kandinsky Lab' where the other copy has 'architecture.'"),
    ("upvotes", 117, 22, "the upvote count differs: 22 where the other copy has 117"),
    ("submitted_by", "vvasilev", "akhaliq",
     "the submitter differs: 'akhaliq' where the other copy has 'vvasilev'"),
    ("votes", 3, 6, "the comment count differs: 6 where the other copy has 3"),
])
def test_copies_that_show_a_field_differently_are_reported(
    field: str, first: object, second: object, detail: str
) -> None:
    """Two copies of one card (one title) that show a field with different values: one was
    damaged (the page's first trending card without its name's line took the abstract's
    last line for its organization), which cannot be told, so the first copy's value stays;
    it was silent. Reported at the second copy, spanning it."""
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    one = Paper("A Title", "x", line=1, end_line=4, **{field: first})  # type: ignore[arg-type]
    two = Paper("A Title", "x", line=5, end_line=9, **{field: second})  # type: ignore[arg-type]
    (paper,) = fold_copies(iter([one, two]), reporter)
    reporter.finish()
    assert getattr(paper, field) == first
    assert [(d.code, d.line, d.end_line) for d in found] == [("copies-differ", 5, 9)]
    assert found[0].message == f"two copies of one card in a row differ: {detail}"


def test_copies_that_show_authors_and_an_organization_are_reported() -> None:
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    one = Paper("A Title", "x", line=1, end_line=4, author_count=8)
    two = Paper("A Title", "x", line=5, end_line=9, organization="Kandinsky Lab")
    (paper,) = fold_copies(iter([one, two]), reporter)
    reporter.finish()
    assert (paper.author_count, paper.organization) == (8, None)
    assert [d.message for d in found] == [
        "two copies of one card in a row differ: one copy shows the organization where the "
        "other shows the authors count"]


@pytest.mark.parametrize(("first", "second"), [
    ({"votes": 0}, {"votes": 6}),  # a layout whose date line shows no count
    ({"date": datetime.date(2026, 10, 4)}, {}),  # the trending page may show no date
    ({"organization": "Kandinsky Lab"}, {"organization": "Kandinsky Lab"}),
    ({"abstract": "The abstract."}, {"abstract": "An AI summary."}),  # issue 10
])
def test_copies_that_differ_only_where_one_shows_nothing_are_not_reported(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    one = Paper(**{"title": "A Title", "abstract": "x", "line": 1, "end_line": 4, **first})
    two = Paper(**{"title": "A Title", "abstract": "x", "line": 5, "end_line": 9, **second})
    (paper,) = fold_copies(iter([one, two]), reporter)
    reporter.finish()
    assert found == []
    assert paper.span == (1, 9)


def test_a_trending_cards_copy_that_lost_its_name_line_is_reported() -> None:
    """pandoc's trending page whose first card lost its organization's line: the abstract's
    last line (``architecture.``) was read as that copy's organization and kept over the
    other copy's ``Kandinsky Lab``, with no report (the page's first card sets where names
    stand). The copies now disagree on it: ``copies-differ`` at the second copy."""
    text = (Path(__file__).parent / "fixtures" / "tools" / "trending.pandoc_plain.txt").read_text(
        "utf-8")
    lines = text.split("\n")
    at = lines.index("[kandinskylab] Kandinsky Lab \u00b7 Published on Oct 4, 2026")
    digest = digestparse.parse("\n".join([*lines[:at], *lines[at + 1 :]]),
                               reference_date=datetime.date(2026, 11, 26))
    assert [(d.code, d.message.split(": ", 1)[1]) for d in digest.diagnostics] == [
        ("copies-differ",
         "the organization differs: 'Kandinsky Lab' where the other copy has 'architecture.'")]
    with pytest.raises(digestparse.ParseError, match="copies-differ"):
        digestparse.parse("\n".join([*lines[:at], *lines[at + 1 :]]), mode="strict",
                          reference_date=datetime.date(2026, 11, 26))


def test_copies_dated_differently_are_reported_unless_a_year_was_not_shown() -> None:
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    one = Paper("A Title", "x", line=1, end_line=4, date=datetime.date(2026, 10, 4),
                year_explicit=True)
    two = Paper("A Title", "x", line=5, end_line=9, date=datetime.date(2026, 9, 4),
                year_explicit=True)
    list(fold_copies(iter([one, two]), reporter))
    reporter.finish()
    assert [d.message for d in found] == [
        "two copies of one card in a row differ: the date differs: 2026-09-04 where the other "
        "copy has 2026-10-04"]
    # ``Dec 28`` without its year, read as the reference date's year, beside ``Dec 28, 2024``.
    found.clear()
    reporter = Reporter("lenient", "<string>", found.append)
    one = attrs.evolve(one, date=datetime.date(2024, 12, 28))
    two = attrs.evolve(two, date=datetime.date(2026, 12, 28), year_explicit=False)
    list(fold_copies(iter([one, two]), reporter))
    reporter.finish()
    assert found == []
