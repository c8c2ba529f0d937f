"""What happens to one file: read it, parse it in the chosen mode, keep the selected
diagnostics and, for ``parse``, the paper records. Runs in the worker processes.

Files are streamed (``iter_papers``), never held whole: memory does not grow
with the file. In this process, the records of a lenient ``parse`` reach the
output as they are parsed; otherwise they wait in a ``RecordSpool``, which
keeps a few hundred in memory and the rest in a temporary file.
"""

from __future__ import annotations

import datetime
import io
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from ..api import iter_papers
from ..diagnostics import Mode
from ..errors import InternalError, ParseError
from ..model import Diagnostic, Digest, Paper
from ..wrapper import today as clock_today
from ..wrapper import today_is
from .bounded_findings import MAX_FINDINGS, BoundedFindings
from .inputs import Task, UnreadableInput, check_text, open_dump
from .scratch import temporary_file

if TYPE_CHECKING:
    from ..api import PaperStream
    from .guard import CheckOptions


class Settings:
    """What to do with every file (plain class: a dataclass costs import time)."""

    __slots__ = (
        "check", "dialect", "ignore", "mode", "name_dates", "reference_date", "select",
        "today", "want_records",
    )

    def __init__(
        self,
        mode: Mode,
        #: None: the capture time a wrapper gives, else today (as the library does).
        reference_date: datetime.date | None,
        select: frozenset[str] | None,
        ignore: frozenset[str],
        want_records: bool,
        dialect: str = "auto",
        #: check's CI options (cli/guard.py); None for parse and a check without them.
        check: CheckOptions | None = None,
        #: merge --date-from-name and check --series: without ``reference_date``, a dump
        #: that states no capture time reads its yearless dates as of its name's date.
        name_dates: bool = False,
        #: The day "today" is for the whole run (None: read the clock now). Read once, so
        #: that a run which crosses midnight, or whose workers' clocks disagree, gives one
        #: undated dump's yearless dates the same year as the next one's.
        today: datetime.date | None = None,
    ) -> None:
        self.mode: Mode = mode
        self.reference_date = reference_date
        self.select = select
        self.ignore = ignore
        self.want_records = want_records
        self.dialect = dialect
        self.check = check
        self.name_dates = name_dates
        self.today = today if today is not None else clock_today()


class FileResult:
    """What became of one file."""

    __slots__ = (
        "damage", "dialect", "error", "findings", "internal_error", "line_texts", "name",
        "omitted", "papers", "records",
    )

    def __init__(self, name: str) -> None:
        self.name = name
        self.papers = 0
        self.findings: list[Diagnostic] = []
        #: Findings left out of ``findings`` (a file lists at most MAX_FINDINGS), by code.
        self.omitted: Counter[str] = Counter()
        #: The paper records, in order: a list, a ``RecordSpool``, or (in this process, for
        #: a lenient parse) a generator that sets ``papers`` and ``findings`` when it ends.
        self.records: Iterable[dict[str, Any]] = ()
        #: A one-line reason the file could not be checked (unreadable, binary).
        self.error: str | None = None
        #: A one-line description of a bug digestparse hit on this file.
        self.internal_error: str | None = None
        #: The dialect the dump was read as (Digest.dialect).
        self.dialect = "text"
        #: For --max-damaged: (entries that carry a diagnostic, entries).
        self.damage: tuple[int, int] | None = None
        #: For baselines: the text of each finding's line, by line number.
        self.line_texts: dict[int, str] | None = None


#: Records a spool keeps in memory; the rest go to its temporary file.
SPOOL_IN_MEMORY = 500


class RecordSpool:
    """Paper records in order: the first ``SPOOL_IN_MEMORY`` in memory, the rest pickled to
    a temporary file. Iterating it once hands them back and deletes the file; it can
    cross to another process (only the list and the file's path are pickled)."""

    def __init__(self) -> None:
        self.head: list[dict[str, Any]] = []
        self.path: str | None = None
        self._out: IO[bytes] | None = None

    def add(self, record: dict[str, Any]) -> None:
        if len(self.head) < SPOOL_IN_MEMORY:
            self.head.append(record)
            return
        if self._out is None:
            handle, self.path = temporary_file(prefix="records-")
            self._out = os.fdopen(handle, "wb")
        import pickle  # only for files with many papers

        pickle.dump(record, self._out, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def discard(self) -> None:
        self.close()
        self.head = []
        if self.path is not None:
            os.unlink(self.path)
            self.path = None

    def __getstate__(self) -> tuple[list[dict[str, Any]], str | None]:
        self.close()
        return self.head, self.path

    def __setstate__(self, state: tuple[list[dict[str, Any]], str | None]) -> None:
        self.head, self.path = state
        self._out = None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self.close()
        yield from self.head
        self.head = []
        if self.path is None:
            return
        import pickle

        try:
            with open(self.path, "rb") as file:
                while True:
                    try:
                        yield pickle.load(file)
                    except EOFError:
                        break
        finally:
            self.discard()


def process_file(task: Task, settings: Settings, stream: bool = False) -> FileResult:
    """Check one file. With ``stream`` (the file is handled in this process), the records
    of a lenient parse are a generator that parses as the output asks for them."""
    result = FileResult(task.name)
    try:
        source, copy = open_source(task)
    except UnreadableInput as error:
        result.error = str(error)
        return result
    if stream and settings.want_records and settings.mode == "lenient":
        result.records = _streamed_records(result, source, copy, settings)
        return result
    spool = RecordSpool() if settings.want_records else None
    dump = Dump(settings.check)
    try:
        result.papers, found = parse_for_mode(source, task.name, settings, spool, dump)
        result.findings, result.omitted = found.sorted(), found.omitted
        result.dialect = dump.dialect
        if settings.check is not None:
            from .guard import guard_file

            guard_file(
                result, dump.digest(task.name), source, settings.check,
                lambda code: is_selected(code, settings), paper_count=result.papers,
            )
    except UnreadableInput as error:
        result.error = str(error)
        return result
    except Exception as error:  # anything escaping the parser is a bug in it, not bad input
        if spool is not None:
            spool.discard()
        result.internal_error = internal_error(task.name, error)
        return result
    finally:
        close_source(source, copy)
    # --strict makes any (selected) diagnostic fatal: a failing file yields no records.
    if spool is not None:
        if settings.mode == "lenient" or not result.findings:
            spool.close()
            result.records = spool
        else:
            spool.discard()
    return result


Source = Callable[[], IO[bytes]]


def open_source(task: Task) -> tuple[Source, str | None]:
    """A function giving the source for ``iter_papers`` (rewound on a second call: a failing
    file is read twice), and the temporary copy to delete afterwards."""
    if task.problem:
        raise UnreadableInput(task.problem)
    data = task.data
    if data is not None:
        check_text(data[:8192], task.name)
        return (lambda: io.BytesIO(data)), None
    file, copy = open_dump(task)
    return _Rewind(file), copy


class _Rewind:
    """An open file: each call rewinds it to its start."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file

    def __call__(self) -> IO[bytes]:
        self.file.seek(0)
        return self.file


def close_source(source: Source, copy: str | None) -> None:
    if isinstance(source, _Rewind):
        source.file.close()
    if copy is not None:
        os.unlink(copy)


def internal_error(name: str, error: BaseException) -> str:
    """The one-line report of a bug digestparse hit on the file ``name`` (exit 3)."""
    detail = str(error) if isinstance(error, InternalError) else repr(error)
    return f"internal error on {name}: {detail}"


class Dump:
    """What check's CI options (cli/guard.py) and a series need of a dump besides its
    findings, taken from the stream that read it: its header, its dialect and, for
    --max-damaged and ``merge`` only, its papers (the cases where they are all held)."""

    def __init__(self, check: CheckOptions | None = None, keep_papers: bool = False) -> None:
        self.keep = keep_papers or (
            check is not None and check.expectations.max_damaged is not None
        )
        self.stream: PaperStream | None = None
        self.papers: list[Paper] = []

    def start(self, stream: PaperStream) -> None:
        self.stream = stream
        self.papers = []

    @property
    def dialect(self) -> str:
        return self.stream.dialect if self.stream is not None else "text"

    def digest(self, name: str) -> Digest:
        stream = self.stream
        assert stream is not None
        return Digest(
            papers=tuple(self.papers),
            page_date=stream.page_date,
            header=stream.header,
            header_span=stream.header_span,
            source=name,
            dialect=stream.dialect,
            source_url=stream.source_url,
            captured_at=stream.captured_at,
        )


def _papers(
    source: Source, name: str, settings: Settings, mode: Mode,
    on_diagnostic: Callable[[Diagnostic], None] | None = None,
    dump: Dump | None = None,
) -> Iterator[Paper]:
    try:
        # The session reads "today" when it starts, within iter_papers: the pin need not
        # outlive the call.
        with today_is(fallback_day(name, settings)):
            stream = iter_papers(
                source(),
                mode=mode,
                reference_date=settings.reference_date,
                name=name,
                on_diagnostic=on_diagnostic,
                dialect=settings.dialect,
            )
        if dump is None:
            yield from stream
            return
        dump.start(stream)
        for paper in stream:
            if dump.keep:
                dump.papers.append(paper)
            yield paper
    except OSError as error:
        raise UnreadableInput(f"cannot read {name}: {error.strerror or error}") from None


def _streamed_records(
    result: FileResult, source: Source, copy: str | None, settings: Settings
) -> Iterator[dict[str, Any]]:
    found = new_findings(settings)
    name = result.name
    try:
        for paper in _papers(source, name, settings, "lenient", found.add):
            result.papers += 1
            yield paper_record(name, paper)
    except UnreadableInput as error:
        result.error = str(error)
    except Exception as error:  # a bug in the parser, not bad input
        result.internal_error = internal_error(name, error)
    finally:
        close_source(source, copy)
    result.findings, result.omitted = found.sorted(), found.omitted


def fallback_day(name: str, settings: Settings) -> datetime.date:
    """What a dump's yearless dates resolve against when it states no capture time and no
    ``--reference-date`` is given: the run's one day; with ``settings.name_dates`` (the
    series commands) the day after its name's date, where the name has one, for an
    archive's old dumps read as of today would get this year's dates."""
    if not settings.name_dates:
        return settings.today
    from ..merge import name_reference_day  # only the series commands load the merge

    named = name_reference_day(name)
    return named if named is not None else settings.today


def parse_for_mode(
    source: Source, name: str, settings: Settings, spool: RecordSpool | None = None,
    dump: Dump | None = None,
) -> tuple[int, BoundedFindings]:
    """How many papers one dump holds and its selected diagnostics; its records go to
    ``spool``.

    In strict mode the library's strict parse decides whether the dump is
    clean; when it is not, a second, lenient read lists all the deviations
    (strict stops at the first), so the user can fix them in one go.
    """
    found = new_findings(settings)
    first: ParseError | None = None
    if settings.mode == "strict":
        count = 0
        try:
            for paper in _papers(source, name, settings, "strict", dump=dump):
                count += 1
                if spool is not None:
                    spool.add(paper_record(name, paper))
        except ParseError as error:
            first = error
            if spool is not None:
                spool.discard()
        else:
            return count, found
    count = 0
    for paper in _papers(source, name, settings, "lenient", found.add, dump):
        count += 1
        if spool is not None:
            spool.add(paper_record(name, paper))
    if first is not None and not found.holds(first.code, first.line):
        # Never let the list miss the error that made the strict parse fail.
        found.add(Diagnostic(first.code, first.message, first.line, first.column, source=name))
    return count, found


def new_findings(settings: Settings) -> BoundedFindings:
    """Where one file's selected findings go: the first MAX_FINDINGS, or all of them for the
    CI options that count them one by one (--max-damaged, baselines)."""
    check = settings.check
    keep_all = check is not None and (
        check.line_texts or check.expectations.max_damaged is not None
    )
    limit = None if keep_all else MAX_FINDINGS
    return BoundedFindings(lambda code: is_selected(code, settings), limit)


def is_selected(code: str, settings: Settings) -> bool:
    if settings.select is not None and code not in settings.select:
        return False
    return code not in settings.ignore


def paper_record(source: str, paper: Paper) -> dict[str, Any]:
    return {"source": source, **paper.to_dict()}
