"""Counting the files, papers and findings of a run: its summary line and its exit status."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Mode
from .bounded_findings import MAX_FINDINGS
from .exit_codes import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE, REPORT_BUG
from .progress import Progress
from .worker import FileResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def not_listed(omitted: int) -> str:
    """What a file's findings past the ``MAX_FINDINGS`` it lists come to."""
    return (
        f"{plural(omitted, 'more finding')} not listed "
        f"(a file lists its first {MAX_FINDINGS}, by line)"
    )


class Tally:
    """The counts of a run (plain class: a dataclass costs import time)."""

    __slots__ = ("failures", "file_rows", "files", "findings", "internal", "papers", "unreadable")

    def __init__(self) -> None:
        self.files = 0
        self.papers = 0
        self.findings = 0
        self.unreadable = 0
        self.internal = 0
        #: Findings that fail the run whatever the mode (too-damaged).
        self.failures = 0
        self.file_rows: list[dict[str, Any]] = []

    def exit_code(self, mode: Mode) -> int:
        if self.internal:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_USAGE
        if (self.findings and mode == "strict") or self.failures:
            return EXIT_FINDINGS
        return EXIT_CLEAN


def summary_line(tally: Tally, mode: Mode) -> str:
    noun = "finding" if mode == "strict" else "warning"
    line = (
        f"checked {plural(tally.files, 'file')}, {plural(tally.papers, 'paper')}: "
        f"{plural(tally.findings, noun)}"
    )
    not_checked = tally.unreadable + tally.internal
    if not_checked:
        line += f"; {plural(not_checked, 'file')} not checked"
    return line


def count_result(result: FileResult, tally: Tally, progress: Progress) -> None:
    """Add one file to the tally and report why it could not be checked, if so."""
    progress.step()
    status = "findings" if result.findings else "clean"
    message = result.internal_error or result.error
    if result.internal_error:
        tally.internal += 1
        status = "internal-error"
        progress.note(f"digestparse: {result.internal_error} ({REPORT_BUG})")
    elif result.error:
        tally.unreadable += 1
        status = "not-checked"
        progress.note(f"digestparse: {result.error}")
    else:
        tally.files += 1
        tally.papers += result.papers
        tally.findings += len(result.findings)
    omitted = result.omitted.total()
    if omitted:
        tally.findings += omitted
        progress.note(f"digestparse: {result.name}: {not_listed(omitted)}")
    tally.file_rows.append(
        {
            "path": result.name,
            "status": status,
            "papers": result.papers,
            "findings": len(result.findings) + omitted,
            "error": message,
        }
    )

