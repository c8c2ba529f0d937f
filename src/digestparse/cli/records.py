"""The output of ``parse`` (and the writer ``merge`` shares): the papers as JSON lines, one
JSON array, or CSV; diagnostics go to stderr."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    write_records(
        _records(results, tally, progress),
        args.format,
        columns=CSV_COLUMNS,
        cell=csv_cell,
        csv_raw=getattr(args, "csv_raw", False),
    )


def _records(
    results: Iterable[FileResult], tally: Tally, progress: Progress
) -> Iterator[dict[str, Any]]:
    """Each file's records, then its count and findings: a file streamed in this process
    knows its findings only at its end."""
    for result in results:
        yield from result.records
        count_result(result, tally, progress)
        for diagnostic in result.findings:
            progress.note(str(diagnostic))
    progress.clear()


def write_records(
    records: Iterable[dict[str, Any]],
    output_format: str,
    *,
    columns: Sequence[str],
    cell: Callable[[Any], str],
    csv_raw: bool,
) -> None:
    """``records`` on stdout as JSON lines, one JSON array, or CSV (a header row of
    ``columns``, each value written by ``cell``, escaped unless ``csv_raw``)."""
    out = sys.stdout
    if output_format == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for record in records:
            cells = [cell(record[column]) for column in columns]
            writer.writerow(cells if csv_raw else [safe_csv_cell(text) for text in cells])
    elif output_format == "json":
        out.write("[")
        first = True
        for record in records:
            out.write("\n" if first else ",\n")
            out.write(json_dumps(record))
            first = False
        out.write("]\n" if first else "\n]\n")
    else:
        for record in records:
            out.write(json_dumps(record) + "\n")
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
