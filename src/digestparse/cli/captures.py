"""What ``merge`` and ``check --series`` do to one file (in the worker processes): parse it
once, keep its findings like ``check`` does, and what the series needs of it."""

from __future__ import annotations

import datetime
from functools import partial

from ..model import Paper
from ..wrapper import capture_day
from .escape import escape_text
from .guard import guard_file
from .inputs import Task, UnreadableInput
from .worker import (
    Dump,
    FileResult,
    Settings,
    close_source,
    internal_error,
    is_selected,
    open_source,
    parse_for_mode,
)


class CaptureResult(FileResult):
    """A ``FileResult`` with what the series needs of the capture."""

    __slots__ = ("captured_at", "kept", "page_date", "page_date_line")

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.page_date: datetime.date | None = None
        self.page_date_line = 1
        #: The capture time the dump itself states (a capture wrapper), as a date.
        self.captured_at: datetime.date | None = None
        #: The papers, for ``merge`` (empty for ``check --series``, and for a failing file
        #: in strict mode).
        self.kept: tuple[Paper, ...] = ()


def human(text: str) -> str:
    """Every human-readable line of ``merge``, ``diff`` and ``check --series`` passes here
    (escaped as docs/cli.md "Safe output" says)."""
    return escape_text(text)


def process_capture(task: Task, settings: Settings) -> CaptureResult:
    """Like ``worker.process_file`` (the file streamed, its findings kept as ``check`` keeps
    them), with the page date and, for ``merge``, the papers."""
    result = CaptureResult(task.name)
    try:
        source, copy = open_source(task)
    except UnreadableInput as error:
        result.error = str(error)
        return result
    dump = Dump(settings.check, keep_papers=settings.want_records)
    selected = partial(is_selected, settings=settings)
    try:
        result.papers, found = parse_for_mode(source, task.name, settings, dump=dump)
        result.findings, result.omitted = found.sorted(), found.omitted
        digest = dump.digest(task.name)
        if settings.check is not None:  # check --series: the CI options too (cli/guard.py)
            guard_file(result, digest, source, settings.check, selected, paper_count=result.papers)
    except UnreadableInput as error:
        result.error = str(error)
        return result
    except Exception as error:  # anything escaping the parser is a bug in it, not bad input
        result.internal_error = internal_error(task.name, error)
        return result
    finally:
        close_source(source, copy)
    result.dialect = digest.dialect
    if digest.page_date is not None and digest.header_span is not None:
        result.page_date = digest.page_date
        result.page_date_line = digest.header_span[1]
    if digest.captured_at is not None:
        result.captured_at = capture_day(digest.captured_at)
    if settings.want_records and (settings.mode == "lenient" or not result.findings):
        result.kept = digest.papers
    return result

