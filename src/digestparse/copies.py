"""Consecutive copies of one entry (the trending layout shows each entry twice in a row).

Two papers in a row are copies when they have the same paper id, or when their
titles fold to the same key and one of them has no paper id. The copies become
one paper: the first copy's fields win, the second fills what the first lacks
(the authors count and the organization count as one field), and the span
covers both.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator

import attrs

from .model import Paper, evolve_paper

_FILLABLE = tuple(
    field.name for field in attrs.fields(Paper) if field.name not in ("line", "end_line")
)
_fillable_values = operator.attrgetter(*_FILLABLE)
_EMPTY = (None, "", ())


def fold_copies(papers: Iterator[Paper]) -> Iterator[Paper]:
    """Papers with each run of consecutive copies folded into one (``merge_copy``)."""
    held: Paper | None = None
    held_key: str | None = None  # folded only when needed: folding is not free
    for paper in papers:
        if held is not None:
            held_id, paper_id = held.paper_id, paper.paper_id
            if held_id is not None and held_id == paper_id:
                # One paper's id: a copy, even where one copy's title was damaged (a wrapped
                # title's lines glued, ``AudioGeneration``).
                held = merge_copy(held, paper)
                continue
            # Two paper ids that differ rule a copy out without folding either title.
            if held_id is None or paper_id is None:
                if held_key is None:
                    held_key = held.key
                key = held_key if paper.title == held.title else paper.key
                if key == held_key:
                    held = merge_copy(held, paper)
                    continue
                yield held
                held, held_key = paper, key
                continue
            yield held
        held, held_key = paper, None
    if held is not None:
        yield held


def merge_copy(first: Paper, second: Paper) -> Paper:
    mine, theirs = _fillable_values(first), _fillable_values(second)
    # Copies are most often equal field for field: then the second fills nothing.
    missing = {} if mine == theirs else {
        name: value
        for name, own, value in zip(_FILLABLE, mine, theirs, strict=True)
        if own in _EMPTY and value not in _EMPTY
    }
    if missing and (first.author_count is not None or first.organization is not None):
        # Authors or an organization: one field shown two ways. The first copy's wins whole;
        # a copy showing the other kind fills nothing (a paper never has both).
        missing.pop("author_count", None)
        missing.pop("organization", None)
    return evolve_paper(first, end_line=max(first.end_line, second.end_line), **missing)
