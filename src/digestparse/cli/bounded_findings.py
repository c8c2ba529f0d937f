"""The findings of one file in bounded memory.

A file that is defective everywhere has a finding per element (docs/reliability.md), so a
list of them grows with the file. A file keeps its first ``MAX_FINDINGS`` findings in
(line, column) order, as ``check`` lists them, and only counts the rest, by code, so the
summary, ``--statistics`` and the exit status still see every one of them. The CI options
that hold a file's papers or text anyway (``--max-damaged``, baselines) need every finding
and keep them all.
"""

from __future__ import annotations

import heapq
import sys
from collections import Counter
from collections.abc import Callable

from ..diagnostics import reading_order
from ..model import Diagnostic

#: The findings one file lists; the rest are counted (and named in one note).
MAX_FINDINGS = 10_000


class BoundedFindings:
    """The first ``limit`` selected diagnostics in reading order (``reading_order``; ties in
    the order added), and a count by code of those left out."""

    __slots__ = ("_added", "_heap", "_limit", "_selected", "omitted")

    def __init__(self, selected: Callable[[str], bool], limit: int | None = MAX_FINDINGS) -> None:
        """``limit``: None keeps every finding."""
        self._selected = selected
        self._limit = sys.maxsize if limit is None else limit
        # A max-heap (keys negated) of the kept findings: its top is the first to let go.
        self._heap: list[tuple[int, int, int, int, Diagnostic]] = []
        self._added = 0
        self.omitted: Counter[str] = Counter()

    def add(self, diagnostic: Diagnostic) -> None:
        if not self._selected(diagnostic.code):
            return
        self._added += 1
        line, column, rank = reading_order(diagnostic)
        entry = (-line, -column, -rank, -self._added, diagnostic)
        if len(self._heap) < self._limit:
            heapq.heappush(self._heap, entry)
            return
        if self._heap and entry[:4] > self._heap[0][:4]:
            entry = heapq.heapreplace(self._heap, entry)
        self.omitted[entry[4].code] += 1

    def holds(self, code: str, line: int) -> bool:
        """Whether a kept finding has ``code`` at ``line``."""
        return any(d.code == code and d.line == line for *_, d in self._heap)

    def sorted(self) -> list[Diagnostic]:
        """The kept findings in reading order (ties in the order added)."""
        return [entry[4] for entry in sorted(self._heap, reverse=True)]
