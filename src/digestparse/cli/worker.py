"""What happens to one file: read it, parse it in the chosen mode, keep the selected
diagnostics and, for ``parse``, the paper records. Runs in the worker processes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..api import parse
from ..diagnostics import Mode
from ..errors import InternalError, ParseError
from ..model import Diagnostic, Digest, Paper
from .guard import guard_file
from .inputs import Task, UnreadableInput, read_dump

if TYPE_CHECKING:
    from .guard import CheckOptions


@dataclass(frozen=True)
class Settings:
    mode: Mode
    #: None: the capture time a wrapper gives, else today (as the library does).
    reference_date: datetime.date | None
    select: frozenset[str] | None
    ignore: frozenset[str]
    want_records: bool
    dialect: str = "auto"
    #: check's CI options (cli/guard.py); None for parse.
    check: CheckOptions | None = None


@dataclass
class FileResult:
    name: str
    papers: int = 0
    findings: list[Diagnostic] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    #: A one-line reason the file could not be checked (unreadable, binary).
    error: str | None = None
    #: A one-line description of a bug digestparse hit on this file.
    internal_error: str | None = None
    #: The dialect the dump was read as (Digest.dialect).
    dialect: str = "text"
    #: For --max-damaged: (entries that carry a diagnostic, entries).
    damage: tuple[int, int] | None = None
    #: For baselines: the text of each finding's line, by line number.
    line_texts: dict[int, str] | None = None


def process_file(task: Task, settings: Settings) -> FileResult:
    result = FileResult(task.name)
    try:
        data = read_dump(task)
    except UnreadableInput as error:
        result.error = str(error)
        return result
    try:
        digest, diagnostics = parse_for_mode(data, task.name, settings)
    except Exception as error:  # anything escaping the parser is a bug in it, not bad input
        detail = str(error) if isinstance(error, InternalError) else repr(error)
        result.internal_error = f"internal error on {task.name}: {detail}"
        return result
    papers = digest.papers
    result.papers = len(papers)
    result.dialect = digest.dialect
    result.findings = [d for d in diagnostics if is_selected(d.code, settings)]
    if settings.check is not None:
        guard_file(result, digest, data, settings.check, lambda code: is_selected(code, settings))
    # --strict makes any (selected) diagnostic fatal: a failing file yields no records.
    if settings.want_records and (settings.mode == "lenient" or not result.findings):
        result.records = [paper_record(task.name, paper) for paper in papers]
    return result


def parse_for_mode(
    data: bytes, name: str, settings: Settings
) -> tuple[Digest, list[Diagnostic]]:
    """The digest and every diagnostic of one dump.

    In strict mode the library's strict parse decides whether the dump is
    clean; when it is not, a lenient parse lists all the deviations (strict
    stops at the first), so the user can fix them in one go.
    """
    if settings.mode == "strict":
        try:
            digest = parse(
                data, mode="strict", reference_date=settings.reference_date, name=name,
                dialect=settings.dialect,
            )
        except ParseError as error:
            first: ParseError | None = error
        else:
            return digest, []
    else:
        first = None
    digest = parse(
        data, mode="lenient", reference_date=settings.reference_date, name=name,
        dialect=settings.dialect,
    )
    diagnostics = list(digest.diagnostics)
    if first is not None and not any(
        d.code == first.code and d.line == first.line for d in diagnostics
    ):
        # Never let the list miss the error that made the strict parse fail.
        diagnostics.append(
            Diagnostic(first.code, first.message, first.line, first.column, source=name)
        )
        diagnostics.sort(key=lambda d: (d.line, d.column))
    return digest, diagnostics


def is_selected(code: str, settings: Settings) -> bool:
    if settings.select is not None and code not in settings.select:
        return False
    return code not in settings.ignore


def paper_record(source: str, paper: Paper) -> dict[str, Any]:
    return {"source": source, **paper.to_dict()}
