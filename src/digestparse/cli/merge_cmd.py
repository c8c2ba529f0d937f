"""``digestparse merge``: many captures in, one record per distinct paper out (JSON lines,
JSON or CSV); each file's diagnostics and the merge's conflicts go to stderr."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
from collections.abc import Sequence
from typing import Any

from ..merge import MERGE_FIELDS, Merger, date_from_name
from .captures import CaptureResult, human, process_capture
from .escape import json_dumps
from .inputs import Task
from .jobs import run_tasks
from .progress import Progress
from .records import write_records
from .tally import Tally, count_result, summary_line
from .worker import Settings, is_selected

#: The CSV columns of a merge record: exactly its fields (``seen`` and ``links`` as JSON text).
MERGE_CSV_COLUMNS = MERGE_FIELDS


def capture_day(result: CaptureResult, use_name: bool, settings: Settings) -> datetime.date:
    """The capture's own date, else (``--date-from-name``) its name's, else the reference
    date (``--reference-date``, else the run's day)."""
    if result.captured_at is not None:
        return result.captured_at
    if use_name:
        named = date_from_name(result.name)
        if named is not None:
            return named
    return settings.reference_date or settings.today


def run_merge(
    tasks: Sequence[Task],
    settings: Settings,
    jobs: int,
    args: argparse.Namespace,
    tally: Tally,
    progress: Progress,
) -> None:
    merger = Merger()  # conflicts are findings; strict mode sets the exit status
    with contextlib.closing(run_tasks(tasks, settings, jobs, process_capture)) as results:
        for number, result in enumerate(results):
            assert isinstance(result, CaptureResult)
            count_result(result, tally, progress)
            for diagnostic in result.findings:
                progress.note(human(str(diagnostic)))
            captured = capture_day(result, args.date_from_name, settings)
            merger.add_papers(result.kept, result.name, captured, number)
    merged = merger.result()
    progress.clear()
    for diagnostic in merged.diagnostics:
        if is_selected(diagnostic.code, settings):
            tally.findings += 1
            print(human(str(diagnostic)), file=sys.stderr)
    write_records(
        (paper.to_dict() for paper in merged.papers),
        args.format,
        columns=MERGE_CSV_COLUMNS,
        cell=merge_csv_cell,
        csv_raw=getattr(args, "csv_raw", False),
    )
    if not args.quiet:
        line = summary_line(tally, settings.mode)
        print(f"{line}; {len(merged.papers)} distinct papers", file=sys.stderr)


def merge_csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        # seen, links: JSON text in the cell, with nothing left for the CSV escaping to
        # change, so that the cell stays JSON
        return json_dumps(value)
    return str(value)
