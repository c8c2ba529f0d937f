"""What changed between two captures: papers added, removed, and changed field by field.

Papers are matched by identity (equal keys or equal ``paper_id``, see
``identity``); within one identity, in order of appearance. Every Paper
field is compared except the positions (``line``, ``end_line``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs

from .identity import identity_groups
from .model import RECORD_FIELDS, Paper, title_key

#: The fields compared: every record field but the positions.
DIFF_FIELDS: tuple[str, ...] = tuple(
    name for name in RECORD_FIELDS if name not in ("line", "end_line")
)


@attrs.frozen(slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@attrs.frozen(slots=True)
class PaperChange:
    """One paper in both captures whose fields differ."""

    old: Paper
    new: Paper
    changes: tuple[FieldChange, ...]


@attrs.frozen(slots=True)
class PaperDiff:
    #: In the new capture's order.
    added: tuple[Paper, ...]
    #: In the old capture's order.
    removed: tuple[Paper, ...]
    #: In the new capture's order.
    changed: tuple[PaperChange, ...]

    @property
    def equal(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_papers(old: Sequence[Paper], new: Sequence[Paper]) -> PaperDiff:
    """Papers of ``new`` not in ``old``, of ``old`` not in ``new``, and changed ones."""
    groups = identity_groups((title_key(p.title), p.paper_id) for p in (*old, *new))
    olds: dict[int, list[Paper]] = defaultdict(list)
    for group, paper in zip(groups[: len(old)], old, strict=True):
        olds[group].append(paper)
    added: list[Paper] = []
    changed: list[PaperChange] = []
    for group, paper in zip(groups[len(old) :], new, strict=True):
        candidates = olds.get(group)
        if not candidates:
            added.append(paper)
            continue
        before = candidates.pop(0)
        changes = tuple(
            FieldChange(name, getattr(before, name), getattr(paper, name))
            for name in DIFF_FIELDS
            if getattr(before, name) != getattr(paper, name)
        )
        if changes:
            changed.append(PaperChange(before, paper, changes))
    left = {id(paper) for papers in olds.values() for paper in papers}
    removed = tuple(paper for paper in old if id(paper) in left)
    return PaperDiff(tuple(added), removed, tuple(changed))
