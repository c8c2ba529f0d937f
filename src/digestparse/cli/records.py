"""The output of ``parse``: the papers as JSON lines, one JSON array, or CSV; diagnostics
go to stderr."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from typing import Any

from ..model import RECORD_FIELDS
from .escape import escape_text, json_dumps, neutralize_formula
from .progress import Progress
from .tally import Tally, count_result
from .worker import FileResult

CSV_COLUMNS = ("source", *RECORD_FIELDS)


def run_parse(
    results: Iterable[FileResult], args: argparse.Namespace, tally: Tally, progress: Progress
) -> None:
    out = sys.stdout
    csv_writer = None
    csv_raw = getattr(args, "csv_raw", False)
    if args.format == "csv":
        csv_writer = csv.writer(out)
        csv_writer.writerow(CSV_COLUMNS)
    elif args.format == "json":
        out.write("[")
    first_record = True
    for result in results:
        # Records first: a file streamed in this process knows its findings only at its end.
        for record in result.records:
            if csv_writer is not None:
                cells = [csv_cell(record[column]) for column in CSV_COLUMNS]
                csv_writer.writerow(cells if csv_raw else [safe_csv_cell(c) for c in cells])
            elif args.format == "json":
                out.write("\n" if first_record else ",\n")
                out.write(json_dumps(record))
            else:
                out.write(json_dumps(record) + "\n")
            first_record = False
        count_result(result, tally, progress)
        for diagnostic in result.findings:
            progress.note(str(diagnostic))
    progress.clear()
    if args.format == "json":
        out.write("]\n" if first_record else "\n]\n")
    out.flush()


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)  # URLs never contain a space
    return str(value)


def safe_csv_cell(cell: str) -> str:
    """A cell for people and spreadsheets: escaped (docs/cli.md), never a formula."""
    return neutralize_formula(escape_text(cell))
