"""``digestparse diff OLD NEW``: papers added, removed and changed between two captures.

Exit status like ``diff``: 0 equal, 1 different, 2 when an input could not be
read (or, with ``--strict``, has diagnostics), 3 on a bug.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..diff import PaperChange, PaperDiff, diff_papers
from ..merge import json_value
from ..model import Paper
from .captures import CaptureResult, human, process_capture
from .escape import display_name, json_dumps
from .exit_codes import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE, REPORT_BUG
from .inputs import STDIN, Task, UnreadableInput, UsageError, spool
from .worker import Settings

#: Longest value shown in text output; longer ones end in "…".
SHOWN_CHARS = 80


def run_diff(args: argparse.Namespace, settings: Settings) -> int:
    if args.old == STDIN and args.new == STDIN:
        raise UsageError("standard input (-) can be given only once")
    results = [read_side(path, args.stdin_name, settings) for path in (args.old, args.new)]
    status = EXIT_CLEAN
    for result in results:
        if result.internal_error:
            print(human(f"digestparse: {result.internal_error} ({REPORT_BUG})"), file=sys.stderr)
            status = EXIT_INTERNAL
        elif result.error:
            print(human(f"digestparse: {result.error}"), file=sys.stderr)
            status = max(status, EXIT_USAGE)
        for diagnostic in result.findings:
            print(human(str(diagnostic)), file=sys.stderr)
        if settings.mode == "strict" and result.findings:
            status = max(status, EXIT_USAGE)
    if status != EXIT_CLEAN:
        return status
    old, new = results
    found = diff_papers(old.kept, new.kept)
    if args.format == "text":
        write_text(found, old, new)
    else:
        write_json(found, old, new, lines=args.format == "jsonl")
    if not args.quiet:
        print(
            f"{len(found.added)} added, {len(found.removed)} removed, "
            f"{len(found.changed)} changed",
            file=sys.stderr,
        )
    return EXIT_CLEAN if found.equal else EXIT_FINDINGS


def read_side(path: str, stdin_name: str, settings: Settings) -> CaptureResult:
    """One side of the diff, streamed; standard input is copied to a temporary file first,
    as ``check`` does, so that memory does not grow with it."""
    if path != STDIN:
        return process_capture(Task(display_name(path), path=path), settings)
    name = display_name(stdin_name)
    try:
        copy = spool(sys.stdin.buffer, name)
    except UnreadableInput as error:
        result = CaptureResult(name)
        result.error = str(error)
        return result
    try:
        return process_capture(Task(name, path=copy), settings)
    finally:
        os.unlink(copy)


def shown(value: Any) -> str:
    text = json.dumps(json_value(value), ensure_ascii=False)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def diff_lines(found: PaperDiff, old: CaptureResult, new: CaptureResult) -> list[str]:
    """The text output, one line each (the only human-readable output of ``diff``)."""
    lines = [f"- {old.name}:{paper.line}: {paper.title}" for paper in found.removed]
    lines += [f"+ {new.name}:{paper.line}: {paper.title}" for paper in found.added]
    for change in found.changed:
        lines.append(f"~ {new.name}:{change.new.line}: {change.new.title}")
        lines += [
            f"    {item.field}: {shown(item.old)} \u2192 {shown(item.new)}"
            for item in change.changes
        ]
    return lines


def write_text(found: PaperDiff, old: CaptureResult, new: CaptureResult) -> None:
    for line in diff_lines(found, old, new):
        sys.stdout.write(human(line) + "\n")
    sys.stdout.flush()


def paper_entry(change: str, source: str, paper: Paper) -> dict[str, Any]:
    return {"change": change, "source": source, **paper.to_dict()}


def change_entry(old: str, new: str, change: PaperChange) -> dict[str, Any]:
    return {
        "change": "changed",
        "key": change.new.key,
        "title": change.new.title,
        "old": {"source": old, "line": change.old.line},
        "new": {"source": new, "line": change.new.line},
        "fields": [
            {"field": item.field, "old": json_value(item.old), "new": json_value(item.new)}
            for item in change.changes
        ],
    }


def write_json(found: PaperDiff, old: CaptureResult, new: CaptureResult, lines: bool) -> None:
    removed = [paper_entry("removed", old.name, paper) for paper in found.removed]
    added = [paper_entry("added", new.name, paper) for paper in found.added]
    changed = [change_entry(old.name, new.name, change) for change in found.changed]
    out = sys.stdout
    if lines:
        for entry in (*removed, *added, *changed):
            out.write(json_dumps(entry) + "\n")
    else:
        document = {
            "old": old.name,
            "new": new.name,
            "equal": found.equal,
            "removed": removed,
            "added": added,
            "changed": changed,
        }
        out.write(json_dumps(document, indent=2) + "\n")
    out.flush()
