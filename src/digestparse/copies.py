"""Consecutive copies of one entry (the trending layout shows each entry twice in a row).

Two papers in a row are copies when their titles fold to the same key and
their paper ids do not disagree. The copies become one paper: the first
copy's fields win, the second fills what the first lacks, and the span
covers both.
"""

from __future__ import annotations

import attrs

from .model import Paper

_FILLABLE = tuple(
    field.name for field in attrs.fields(Paper) if field.name not in ("line", "end_line")
)


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
    missing = {
        name: getattr(second, name)
        for name in _FILLABLE
        if getattr(first, name) in (None, "", ()) and getattr(second, name) not in (None, "", ())
    }
    return attrs.evolve(first, end_line=max(first.end_line, second.end_line), **missing)
