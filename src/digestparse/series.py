"""Checks across a series of captures: stale, partial and missing captures.

A ``Capture`` is what the checks need to know of one dump: its capture
date, its page date (and the line it is on) and how many papers it has.
``check_series`` orders the captures by capture date (then as given) and
reports each finding through ``Reporter.defect``, at a position in the
capture it concerns.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Callable, Collection, Iterable, Sequence

import attrs

from .diagnostics import Mode, Reporter
from .model import Diagnostic, Digest

#: Default of ``min_share``: a capture with fewer papers than half the median is partial.
MIN_SHARE = 0.5


@attrs.frozen(slots=True)
class Capture:
    """One dump of a series, reduced to what the series checks read."""

    source: str
    captured: datetime.date
    papers: int
    page_date: datetime.date | None = None
    #: The line of the page date (1 when there is none).
    page_date_line: int = 1

    @classmethod
    def of(cls, digest: Digest, captured: datetime.date) -> Capture:
        line = digest.header_span[1] if digest.header_span and digest.page_date else 1
        return cls(digest.source, captured, len(digest.papers), digest.page_date, line)


def in_series_order(captures: Iterable[Capture]) -> list[Capture]:
    """The captures by capture date; captures of one day keep the order they were given in."""
    return sorted(captures, key=lambda capture: capture.captured)


def check_series(
    captures: Iterable[Capture],
    *,
    mode: Mode = "lenient",
    min_share: float = MIN_SHARE,
    allow_missing: Collection[datetime.date] = (),
    emit: Callable[[Diagnostic], None] | None = None,
) -> list[Diagnostic]:
    """The series findings of ``captures``, in series order (strict: the first raises).

    - ``stale-capture``: the page date is not the capture day and equals the
      previous capture's page date (at the page date line);
    - ``partial-capture``: fewer papers than ``min_share`` of the median (at 1:1);
    - ``missing-capture``: days between the first and last capture with no
      capture and not in ``allow_missing``, reported at 1:1 of the capture
      after the gap.
    """
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be more than 0 and at most 1, not {min_share}")
    found: list[Diagnostic] = []

    def keep(diagnostic: Diagnostic) -> None:
        found.append(diagnostic)
        if emit is not None:
            emit(diagnostic)

    ordered = in_series_order(captures)
    if not ordered:
        return found
    median = statistics.median(capture.papers for capture in ordered)
    previous: Capture | None = None
    for capture in ordered:
        reporter = Reporter(mode, capture.source, keep)
        if previous is not None:
            gap = _missing_days(previous.captured, capture.captured, allow_missing)
            if gap:
                reporter.defect("missing-capture", 1, detail=_name_days(gap))
        if capture.papers < min_share * median:
            reporter.defect(
                "partial-capture",
                1,
                detail=f"{capture.papers} of a median {median:g} papers, "
                f"at least {min_share:g} of it expected",
            )
        if (
            previous is not None
            and capture.page_date is not None
            and capture.page_date != capture.captured
            and capture.page_date == previous.page_date
        ):
            reporter.defect(
                "stale-capture",
                capture.page_date_line,
                detail=f"page date {capture.page_date.isoformat()} captured on "
                f"{capture.captured.isoformat()}, as in {previous.source}",
            )
        reporter.finish()  # strict mode raises the capture's first finding here
        previous = capture
    return found


def _missing_days(
    after: datetime.date, before: datetime.date, allowed: Collection[datetime.date]
) -> list[datetime.date]:
    days = []
    day = after + datetime.timedelta(days=1)
    while day < before:
        if day not in allowed:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _name_days(days: Sequence[datetime.date]) -> str:
    """``2025-12-02 to 2025-12-04, 2025-12-07 (4 days)``: runs of days shortened."""
    runs: list[list[datetime.date]] = []
    for day in days:
        if runs and day - runs[-1][-1] == datetime.timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()} to {run[-1].isoformat()}"
        for run in runs
    ]
    count = len(days)
    return f"{', '.join(parts)} ({count} day{'' if count == 1 else 's'})"
