"""``digestparse check --series DIR``: each capture's own findings plus the series checks
(stale, partial and missing captures), in capture-date order, with ``check``'s output."""

from __future__ import annotations

import argparse
import contextlib
import datetime
from collections import Counter
from collections.abc import Sequence

from ..diagnostics import reading_order
from ..merge import date_from_name
from ..series import MIN_SHARE, Capture, check_series
from .captures import CaptureResult, process_capture
from .findings import run_check
from .inputs import Task
from .jobs import run_tasks
from .progress import Progress
from .tally import Tally
from .worker import FileResult, Settings, is_selected


def run_series_check(
    tasks: Sequence[Task],
    settings: Settings,
    jobs: int,
    args: argparse.Namespace,
    tally: Tally,
    progress: Progress,
) -> None:
    placed: list[tuple[datetime.date, CaptureResult]] = []
    unplaced: list[FileResult] = []
    with contextlib.closing(run_tasks(tasks, settings, jobs, process_capture)) as results:
        for result in results:
            assert isinstance(result, CaptureResult)
            progress.step()
            day = result.captured_at or date_from_name(result.name)
            if result.error or result.internal_error:
                unplaced.append(result)
            elif day is None:
                result.error = (
                    f"cannot place {result.name} in the series: it states no capture time "
                    "and its name has no YYYY-MM-DD or YYYYMMDD date"
                )
                # Not checked, as an unreadable file: no finding of it is listed or counted.
                result.findings, result.omitted, result.papers = [], Counter(), 0
                unplaced.append(result)
            else:
                placed.append((day, result))
    progress.clear()
    placed.sort(key=lambda item: item[0])  # stable: one day's captures keep their order
    by_name = {result.name: result for _, result in placed}
    captures = [
        Capture(result.name, day, result.papers, result.page_date, result.page_date_line)
        for day, result in placed
    ]
    allowed = frozenset().union(*(args.allow_missing or ()))
    share = MIN_SHARE if args.min_share is None else args.min_share
    for diagnostic in check_series(captures, min_share=share, allow_missing=allowed):
        if is_selected(diagnostic.code, settings):
            by_name[diagnostic.source].findings.append(diagnostic)
    for _, result in placed:
        result.findings.sort(key=reading_order)
    # count_result in run_check steps the progress again: that pass shows none.
    quiet = Progress(progress.total, enabled=False)
    run_check([*(result for _, result in placed), *unplaced], args, tally, quiet)
