"""Consecutive copies of one entry (the trending layout shows each entry twice in a row).

Two papers in a row are copies when their titles fold to the same key and
their paper ids do not disagree. The copies become one paper: the first
copy's fields win, the second fills what the first lacks, and the span
covers both.
"""

from __future__ import annotations

import operator

import attrs

from .model import Paper, evolve_paper

_FILLABLE = tuple(
    field.name for field in attrs.fields(Paper) if field.name not in ("line", "end_line")
)
_fillable_values = operator.attrgetter(*_FILLABLE)
_EMPTY = (None, "", ())


def is_copy(first: Paper, second: Paper, keys: tuple[str, str] | None = None) -> bool:
    """Whether ``second`` is a copy of ``first``; ``keys`` are their keys if already known."""
    ids_differ = None not in (first.paper_id, second.paper_id) and (
        first.paper_id != second.paper_id
    )
    if ids_differ:
        return False
    first_key, second_key = keys if keys is not None else (first.key, second.key)
    return first_key == second_key


def merge_copy(first: Paper, second: Paper) -> Paper:
    mine, theirs = _fillable_values(first), _fillable_values(second)
    # Copies are most often equal field for field: then the second fills nothing.
    missing = {} if mine == theirs else {
        name: value
        for name, own, value in zip(_FILLABLE, mine, theirs, strict=True)
        if own in _EMPTY and value not in _EMPTY
    }
    return evolve_paper(first, end_line=max(first.end_line, second.end_line), **missing)
