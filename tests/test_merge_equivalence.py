"""The merge's speed-ups change no result.

- Papers whose every sighting shows the same values take a regular path (one
  tuple comparison per sighting); ``Merger._regular = False`` sends every
  paper down the general path (per field, any order of arrival). Both give
  the same records and the same conflicts, in both modes.
- Both give the records of the merge rules, computed here from scratch.
- ``Sighting`` and ``MergedPaper`` are built by setting their slots: the
  results are ordinary instances.
"""

from __future__ import annotations

import copy
import datetime
import gc
import pickle
import unicodedata
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digestparse import MergedPaper, Paper, ParseError, Sighting
from digestparse.identity import identity_groups
from digestparse.merge import Merged, Merger, _build
from digestparse.model import title_key

DAYS = [datetime.date(2025, 12, day) for day in (1, 2, 3)]


@attrs.frozen
class Capture:
    source: str
    day: datetime.date
    papers: tuple[Paper, ...]


_variants: dict[str, st.SearchStrategy[Any]] = {
    # Titles with one key ("Alpha", "alpha!") and ids that unite different titles.
    "title": st.sampled_from(["Alpha", "alpha!", "Beta", "Gamma"]),
    "paper_id": st.sampled_from([None, "", "2501.1", "2502.2"]),
    "abstract": st.sampled_from(["", "First.", "Other."]),
    "author_count": st.sampled_from([None, 3, 4]),
    "organization": st.sampled_from([None, "Lab"]),
    "date": st.sampled_from([None, datetime.date(2025, 1, 1), datetime.date(2025, 1, 2)]),
    "links": st.sampled_from([(), ("https://github.com/a/b",)]),
    "url": st.sampled_from([None, "", "https://huggingface.co/papers/1"]),
}
_counts = st.sampled_from([None, 0, 5, 300])


@st.composite
def captures(draw: st.DrawFn, unique_lines: bool = False) -> list[Capture]:
    """A few captures of a few papers: mostly the same papers again with new counts (the
    regular case), sometimes a field changed, dropped or in conflict."""
    pool = [
        {name: draw(strategy) for name, strategy in _variants.items()}
        for _ in range(draw(st.integers(1, 4)))
    ]
    result = []
    for number in range(draw(st.integers(1, 6))):
        count = draw(st.integers(0, 5))
        lines = (
            draw(st.lists(st.integers(1, 60), min_size=count, max_size=count, unique=True))
            if unique_lines
            else draw(st.lists(st.integers(1, 8), min_size=count, max_size=count))
        )
        papers = []
        for line in lines:
            fields = dict(draw(st.sampled_from(pool)))
            if draw(st.integers(0, 3)) == 0:
                name = draw(st.sampled_from(sorted(_variants)))
                fields[name] = draw(_variants[name])
            papers.append(Paper(**fields, votes=draw(_counts), upvotes=draw(_counts), line=line))
        result.append(Capture(f"c{number}.txt", draw(st.sampled_from(DAYS)), tuple(papers)))
    return result


def run(merger: Merger, series: Sequence[Capture], one_by_one: list[int] | None) -> Merged:
    """Whole captures in the order given (``add``), or every paper alone in the order
    ``one_by_one`` gives the sightings (``add_paper``)."""
    if one_by_one is None:
        for capture in series:
            merger.add_papers(capture.papers, capture.source, capture.day, series.index(capture))
    else:
        sightings = [(n, paper) for n, capture in enumerate(series) for paper in capture.papers]
        for index in one_by_one:
            n, paper = sightings[index % len(sightings)]
            merger.add_paper(paper, series[n].source, series[n].day, n)
    return merger.result()


def outcome(series: Sequence[Capture], mode: str, regular: bool,
            one_by_one: list[int] | None) -> object:
    merger = Merger(mode)  # type: ignore[arg-type]
    merger._regular = regular
    try:
        merged = run(merger, series, one_by_one)
    except ParseError as error:
        return ("error", str(error), error.source, error.line, error.code)
    return (
        merged,
        [repr(record) for record in merged.papers],
        [record.to_dict() for record in merged.papers],
        [(str(d), d.code, d.source, d.line) for d in merged.diagnostics],
    )


@settings(max_examples=600, deadline=None)
@given(
    captures(),
    st.sampled_from(["lenient", "strict"]),
    st.one_of(st.none(), st.permutations(range(40)).map(lambda p: p[: len(p) // 2])),
)
def test_regular_path_agrees_with_the_general_path(
    series: list[Capture], mode: str, one_by_one: list[int] | None
) -> None:
    if one_by_one is not None and not any(capture.papers for capture in series):
        one_by_one = None
    assert outcome(series, mode, True, one_by_one) == outcome(series, mode, False, one_by_one)


def test_the_series_takes_the_regular_path() -> None:
    """The same paper in three captures with new counts stays regular; a changed
    abstract moves it to the general path (and is a conflict)."""
    merger = Merger()
    for number, day in enumerate(DAYS):
        merger.add_papers([Paper("T", "A.", votes=number, line=11)], f"c{number}.txt", day, number)
    (group,) = merger._by_key.values()
    assert group.shown is not None and group.values is None
    merger.add_papers([Paper("T", "B.", line=11)], "c3.txt", DAYS[-1], 3)
    assert group.shown is None and group.values is not None
    assert [record.votes for record in merger.result().papers] == [2]
    assert len(merger.result().diagnostics) == 1


# --- the merge rules, computed from scratch ----------------------------------------------


def _shown(paper: Paper) -> dict[str, Any]:
    """The values one sighting shows (None: not shown)."""
    who = (paper.author_count, paper.organization)
    return {
        "title": paper.title,
        "paper_id": paper.paper_id or None,
        "upvotes": paper.upvotes,
        "votes": paper.votes,
        "links": paper.links or None,
        "url": paper.url or None,
        "abstract": paper.abstract or None,
        "who": None if who == (None, None) else who,
        "date": paper.date,
    }


def sightings_by_paper(series: Sequence[Capture]) -> list[list[Any]]:
    """Each identity group's sightings, as (order, capture, paper); order is (capture date,
    capture number, line)."""
    sightings = [
        ((capture.day, number, paper.line), capture, paper)
        for number, capture in enumerate(series)
        for paper in capture.papers
    ]
    numbers = identity_groups((title_key(p.title), p.paper_id or None) for _, _, p in sightings)
    groups: dict[int, list[Any]] = {}
    for number, sighting in zip(numbers, sightings, strict=True):
        groups.setdefault(number, []).append(sighting)
    return list(groups.values())


def reference(series: Sequence[Capture]) -> list[dict[str, Any]]:
    """One record per identity group, in first-seen order: each field from the latest
    sighting (by capture date, capture, line) that shows one."""
    groups = sightings_by_paper(series)
    records = []
    for members in sorted(groups, key=lambda members: min(m[0] for m in members)):
        members.sort(key=lambda member: member[0])
        latest: dict[str, Any] = {}
        for _, _, paper in members:
            latest.update({k: v for k, v in _shown(paper).items() if v is not None})
        author_count, organization = latest.get("who", (None, None))
        records.append({
            "key": title_key(latest["title"]),
            "paper_id": latest.get("paper_id"),
            "title": latest["title"],
            "abstract": latest.get("abstract"),
            "author_count": author_count,
            "organization": organization,
            "date": latest.get("date"),
            "upvotes": latest.get("upvotes"),
            "votes": latest.get("votes"),
            "links": latest.get("links", ()),
            "url": latest.get("url"),
            "first_seen": members[0][0][0],
            "last_seen": members[-1][0][0],
            "seen": tuple(
                Sighting(capture.source, paper.line, capture.day, paper.votes, paper.upvotes)
                for _, capture, paper in members
            ),
        })
    return records


@settings(max_examples=400, deadline=None)
@given(captures(unique_lines=True), st.booleans(), st.randoms(use_true_random=False))
def test_both_paths_give_the_records_of_the_rules(
    series: list[Capture], regular: bool, random: Any
) -> None:
    """Whatever the order the captures are given in (lines unique in a capture, so that
    first-seen order has no ties)."""
    expected = reference(series)
    merged = merged_in_any_order(series, regular, random)
    assert [attrs.asdict(r, recurse=False) for r in merged.papers] == expected


def merged_in_any_order(series: list[Capture], regular: bool, random: Any) -> Merged:
    """The merge of ``series``'s captures given in a random order (each keeps its number)."""
    shuffled = list(series)
    random.shuffle(shuffled)
    merger = Merger()
    merger._regular = regular
    for capture in shuffled:
        merger.add_papers(capture.papers, capture.source, capture.day, series.index(capture))
    return merger.result()


def reference_conflicts(series: Sequence[Capture]) -> list[tuple[str, int, str]]:
    """The conflicts of the rules (docs/diagnostics.md, ``conflict``), from scratch: per
    identity group, its sightings in capture order; each that shows the abstract, the
    authors or organization, or the date, against the one before it that shows it. As
    (source, line, detail), in capture order."""
    found = []
    for members in sightings_by_paper(series):
        members.sort(key=lambda member: member[0])
        before: dict[str, tuple[Capture, Paper, Any]] = {}
        for order, capture, paper in members:
            shown = _shown(paper)
            for name in ("abstract", "who", "date"):
                value = shown[name]
                if value is None:
                    continue
                if name in before and before[name][2] != value:
                    earlier_capture, earlier, held = before[name]
                    at = f"{earlier_capture.source}:{earlier.line}"
                    if name == "abstract":
                        detail = f"abstract differs from the one at {at}"
                    elif name == "date":
                        detail = f"date {value.isoformat()} here, date {held.isoformat()} at {at}"
                    else:
                        def who(pair: Any) -> str:
                            count, organization = pair
                            return (f"{count} authors" if count is not None
                                    else f"organization {organization!r}")
                        detail = f"{who(value)} here, {who(held)} at {at}"
                    found.append((order, capture.source, paper.line, detail))
                before[name] = (capture, paper, value)
    found.sort(key=lambda conflict: conflict[0])
    return [(source, line, detail) for _, source, line, detail in found]


@settings(max_examples=400, deadline=None)
@given(captures(unique_lines=True), st.booleans(), st.randoms(use_true_random=False))
def test_conflicts_do_not_depend_on_the_order_captures_are_given_in(
    series: list[Capture], regular: bool, random: Any
) -> None:
    """Each paper's sightings compared in capture order, whatever the order of arrival (a
    sighting that arrives before a later-dated one was compared with the latest held, and
    conflicts went missing or named the wrong capture)."""
    expected = reference_conflicts(series)
    merged = merged_in_any_order(series, regular, random)
    got = [(d.source, d.line, d.message.split(": ", 1)[1]) for d in merged.diagnostics]
    assert got == expected


# --- the cheaper construction of the records is invisible --------------------------------


def test_fast_sightings_are_ordinary_sightings() -> None:
    rows = [("2025-12-01.txt", 11, DAYS[0], 3, None), ("b.txt", 2**40, DAYS[2], None, 7)]
    fast = _build(Sighting, list(zip(*rows, strict=True)))
    assert len(fast) == 2
    for built, args in zip(fast, rows, strict=True):
        _assert_ordinary(built, Sighting(*args), Sighting)


def test_fast_merged_papers_are_ordinary_merged_papers() -> None:
    seen = (Sighting("2025-12-01.txt", 11, DAYS[0], 3, None),)
    rows = [
        ("t", "2501.1", "T", "An abstract.", 3, None, datetime.date(2025, 1, 1), None, 3,
         ("https://github.com/a/b",), None, DAYS[0], DAYS[0], seen),
        ("u", None, "U", None, None, "Lab", None, 2, None, (), "https://x.y", DAYS[0], DAYS[1],
         seen * 2),
    ]
    fast = _build(MergedPaper, list(zip(*rows, strict=True)))
    assert len(fast) == 2
    for built, args in zip(fast, rows, strict=True):
        plain = MergedPaper(*args)
        _assert_ordinary(built, plain, MergedPaper)
        assert built.to_dict() == plain.to_dict()


def test_fast_construction_wants_one_column_per_field() -> None:
    with pytest.raises(TypeError):
        _build(Sighting, [["a.txt"], [11], [DAYS[0]], [3]])


def _assert_ordinary(fast: Any, plain: Any, cls: type[Any]) -> None:
    assert type(fast) is cls
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert attrs.asdict(fast) == attrs.asdict(plain)
    assert not hasattr(fast, "__dict__") and "__slots__" in cls.__dict__
    for field in attrs.fields(cls):  # every slot is set
        assert getattr(fast, field.name) == getattr(plain, field.name)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.line = 1
    assert pickle.loads(pickle.dumps(fast)) == plain
    assert copy.deepcopy(fast) == plain
    first = attrs.fields(cls)[0].name
    assert attrs.evolve(fast, **{first: "x"}) == attrs.evolve(plain, **{first: "x"})


# --- the garbage collector is paused while the records are built, and only then ---------


@pytest.mark.parametrize("enabled", [True, False])
def test_result_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    merger = Merger()
    merger.add_papers([Paper("T", "A.", line=11)], "c0.txt", DAYS[0], 0)
    states = []
    original = merger._records

    def spy(groups: Any) -> tuple[MergedPaper, ...]:
        states.append(gc.isenabled())
        return original(groups)

    merger._records = spy  # type: ignore[method-assign]
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assert len(merger.result().papers) == 1
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
    assert states == [False]


def test_result_turns_the_garbage_collector_back_on_after_an_error() -> None:
    merger = Merger()
    merger.add_papers([Paper("T", "A.", line=11)], "c0.txt", DAYS[0], 0)

    def broken(groups: Any) -> tuple[MergedPaper, ...]:
        raise RuntimeError("boom")

    merger._records = broken  # type: ignore[method-assign]
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        merger.result()
    assert gc.isenabled()


# --- the ASCII shortcut of title_key -----------------------------------------------------


def test_every_ascii_character_folds_like_the_unicode_rule() -> None:
    """title_key's table for ASCII titles, checked character by character against the
    general rule (NFKC, case-fold, non-letters and non-digits separate words)."""
    for code in range(128):
        char = chr(code)
        title = f"Ab{char}cD {char}{char}9"
        folded = unicodedata.normalize("NFKC", title).casefold()
        words = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in folded).split()
        assert title_key(title) == " ".join(words), repr(char)
