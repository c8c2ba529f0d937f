"""The public entry points: parse, parse_file and iter_papers."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Union

from .diagnostics import Mode, Reporter
from .lines import decode_bytes, split_text, stream_lines
from .model import Diagnostic, Digest, Paper
from .parser import ParseState, run

StreamSource = Union[str, "os.PathLike[str]", IO[str], IO[bytes], Iterable[str], Iterable[bytes]]


def _state(
    lines_for: Callable[[Reporter], Iterable[str]],
    mode: Mode,
    reference_date: datetime.date | None,
    name: str,
    emit: Callable[[Diagnostic], None],
) -> ParseState:
    if reference_date is None:
        reference_date = datetime.date.today()
    elif not isinstance(reference_date, datetime.date):
        raise TypeError("reference_date must be a datetime.date")
    elif isinstance(reference_date, datetime.datetime):
        reference_date = reference_date.date()
    reporter = Reporter(mode, name, emit)
    return ParseState(lines_for(reporter), reporter, reference_date)


def parse(
    source: str | bytes,
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    name: str = "<string>",
) -> Digest:
    """Parse a whole dump.

    ``source`` is text, or UTF-8 bytes. In strict mode the first deviation
    raises ``ParseError``; in lenient mode (the default) every deviation is
    recorded in ``Digest.diagnostics`` and parsing goes on. ``reference_date``
    (default: today) gives yearless dates their year; ``name`` is used in
    error messages.
    """
    if isinstance(source, str):
        def lines_for(reporter: Reporter) -> Iterable[str]:
            return split_text(source)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)

        def lines_for(reporter: Reporter) -> Iterable[str]:
            return decode_bytes(data, reporter)
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    diagnostics: list[Diagnostic] = []
    state = _state(lines_for, mode, reference_date, name, diagnostics.append)
    papers = tuple(run(state))
    diagnostics.sort(key=lambda d: (d.line, d.column))
    return Digest(
        papers=papers,
        page_date=state.top_page_date,
        diagnostics=tuple(diagnostics),
        header=state.header,
        header_span=state.header_span,
        source=name,
    )


def parse_file(
    path: str | os.PathLike[str],
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
) -> Digest:
    """Parse the dump in the file at ``path`` (read as UTF-8 bytes)."""
    with open(path, "rb") as file:
        data = file.read()
    return parse(data, mode=mode, reference_date=reference_date, name=os.fspath(path))


class PaperStream(Iterator[Paper]):
    """Papers from ``iter_papers``, one at a time.

    Diagnostics reach the caller through ``on_diagnostic`` as soon as they
    are known; without a callback they collect in ``diagnostics``. After
    the header has been read, ``page_date`` and ``header`` are set.
    """

    def __init__(self, state: ParseState, diagnostics: list[Diagnostic]) -> None:
        self._state = state
        self._papers = run(state)
        self.diagnostics = diagnostics

    def __iter__(self) -> PaperStream:
        return self

    def __next__(self) -> Paper:
        return next(self._papers)

    @property
    def page_date(self) -> datetime.date | None:
        return self._state.top_page_date

    @property
    def header(self) -> tuple[str, ...]:
        return self._state.header


def iter_papers(
    source: StreamSource,
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    on_diagnostic: Callable[[Diagnostic], None] | None = None,
    name: str | None = None,
) -> PaperStream:
    """Yield papers lazily, in constant memory, from a path, a file object or lines.

    A ``str`` or path-like is a file path; a file object is read line by
    line (text or binary); any other iterable gives lines.
    """
    diagnostics: list[Diagnostic] = []
    emit = on_diagnostic if on_diagnostic is not None else diagnostics.append
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        label = name or str(path)

        def lines_for(reporter: Reporter) -> Iterable[str]:
            return _file_lines(path, reporter)
    elif isinstance(source, (bytes, bytearray)):
        raise TypeError("iter_papers() takes a path, a file or lines; use parse() for bytes")
    else:
        label = name or str(getattr(source, "name", "<stream>"))
        items = source

        def lines_for(reporter: Reporter) -> Iterable[str]:
            return stream_lines(items, reporter)
    state = _state(lines_for, mode, reference_date, label, emit)
    return PaperStream(state, diagnostics)


def _file_lines(path: str, reporter: Reporter) -> Iterator[str]:
    with open(path, "rb") as file:
        yield from stream_lines(file, reporter)
