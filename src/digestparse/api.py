"""The public entry points: parse, parse_file and iter_papers."""

from __future__ import annotations

import datetime
import io
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Union

import attrs

from .dates import check_reference_date
from .diagnostics import Mode, Reporter, reading_order
from .dialects import BY_NAME, DETECT_LINES, DIALECT_NAMES, Dialect, detect
from .dialects import base as dialect_base
from .dialects import forced as forced_reader
from .errors import CallerError, raise_for_caller
from .lines import (
    BLOCK_SIZE,
    MAX_BLOCK_SIZE,
    Block,
    Blocks,
    LineDefects,
    ReadDefect,
    binary_blocks,
    item_blocks,
    report_read_defects,
    text_blocks,
)
from .model import Diagnostic, Digest, Paper
from .parser import run
from .state import ParseState
from .wrapper import (
    NO_WRAPPER,
    WRAPPER_WINDOW,
    Wrapper,
    capture_day,
    is_blank,
    is_fence_end,
    read_wrapper,
    today,
)

StreamSource = Union[str, "os.PathLike[str]", IO[str], IO[bytes], Iterable[str], Iterable[bytes]]



class _Footer:
    """Where a fenced capture body ended: its closing fence and the lines after it."""

    __slots__ = ("first", "last", "outer_fence", "refused", "text_first", "text_last")

    def __init__(self) -> None:
        self.first = 0
        self.last = 0
        #: The line that closes a code block around the whole capture, wrapper and all:
        #: its first such line after the body's closing fence is no text of the footer's.
        self.outer_fence: str | None = None
        #: No dialect recognised the input: the footer's reading defects are not reported.
        self.refused = False
        #: The first and last lines after the closing fence that hold text (0: none).
        self.text_first = 0
        self.text_last = 0

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.first, self.last) if self.first else None

    def note(self, number: int, line: str) -> None:
        """Line ``number`` (after the closing fence) is ``line``."""
        if not is_blank(line):
            if self.outer_fence is not None and is_fence_end(line, self.outer_fence):
                self.outer_fence = None
                return
            self.text_first = self.text_first or number
            self.text_last = number

    def report_text(self, reporter: Reporter) -> None:
        """Text after the closing fence is not read, so it is reported: nothing the wrapper's
        format puts there, it may be a second capture joined to the first, whose papers
        would otherwise be lost without a word. (Called as the parse ends: every body line
        comes before it.)"""
        if self.text_first and not self.refused:
            reporter.defect(
                "junk", self.text_first, 1, end_line=self.text_last,
                detail="text after the capture's closing fence, not read",
            )


class _Session:
    """One parse, set up: the dialect chosen, the wrapper read, the state built."""

    __slots__ = ("dialect", "footer", "papers", "state", "wrapper")

    def __init__(
        self,
        state: ParseState,
        dialect: Dialect | None,
        wrapper: Wrapper,
        footer: _Footer,
        papers: Iterator[Paper],
    ) -> None:
        self.state = state
        self.dialect = dialect
        self.wrapper = wrapper
        self.footer = footer
        self.papers = papers


def _check_dialect(dialect: str) -> Dialect | None:
    if dialect == "auto":
        return None
    try:
        return BY_NAME[dialect]
    except (KeyError, TypeError):
        raise ValueError(
            f"dialect must be one of {', '.join(map(repr, DIALECT_NAMES))}, not {dialect!r}"
        ) from None


def _session(
    head: list[str],
    body: Blocks,
    wrapper: Wrapper,
    footer: _Footer,
    reporter: Reporter,
    forced: Dialect | None,
    reference_date: datetime.date | None,
    early: Iterable[tuple[int, tuple[ReadDefect, ...]]] = (),
) -> _Session:
    """``early``: the reading defects of the wrapper's lines, which the state never reads."""
    content = _content_head(head, wrapper)
    dialect = forced_reader(forced, content) if forced is not None else detect(content)
    if reference_date is None:
        captured = wrapper.captured_at
        reference_date = capture_day(captured) if captured is not None else today()
    chosen = dialect if dialect is not None else BY_NAME["text"]
    if dialect is None:  # refused: only count the lines, report nothing about them
        chosen = attrs.evolve(chosen, whitespace_defects=False)
        footer.refused = True
    else:
        for number, found in early:
            report_read_defects(reporter, number, found)
    state = chosen.new_state(body, reporter, reference_date, start=wrapper.end)
    if dialect is None:
        papers: Iterator[Paper] = _refuse(state)
    else:
        papers = run(state, dialect, footer.report_text)
    return _Session(state, dialect, wrapper, footer, papers)


#: Lines a block source reads before looking for the wrapper: as far as ``read_wrapper``
#: can look (a preamble, a section heading and a fence, each up to WRAPPER_WINDOW / 2 on).
_BLOCK_HEAD_LINES = 2 * WRAPPER_WINDOW


def _start(
    blocks: Blocks,
    reporter: Reporter,
    forced: Dialect | None,
    reference_date: datetime.date | None,
) -> _Session:
    """Read the wrapper, choose the dialect (``forced``, else detected) and build the state
    over ``blocks``: the head is read in whole blocks, the rest streams."""
    footer = _Footer()
    head: list[str] = []
    defects: LineDefects = {}
    budget = dialect_base.DETECT_CHARS

    def read_block() -> bool:
        block = next(blocks, None)
        if block is None:
            return False
        head.extend(block.lines)
        defects.update(block.defects)
        return True

    # The head is held until the parse reaches it, so it is bounded in characters as well
    # as in lines (DETECT_CHARS); where it stops is told from the lines alone, never from
    # where a block ends, so that every block size reads the same wrapper and dialect.
    count = size = 0  # the first lines of the head, and their characters
    while True:
        while count < len(head) and count < _BLOCK_HEAD_LINES and size <= budget:
            size += len(head[count]) + 1  # its line break too: blank lines count
            count += 1
        if count >= _BLOCK_HEAD_LINES or size > budget or not read_block():
            break
    wrapper = read_wrapper(head[:count]) if head else NO_WRAPPER
    footer.outer_fence = wrapper.outer_fence
    # Read on until the detectors' DETECT_LINES non-blank lines are all in the head.
    found = size = 0
    index = wrapper.end
    span_end = wrapper.end + dialect_base.DETECT_SPAN
    while True:
        while index < len(head) and found < DETECT_LINES and size <= budget and index < span_end:
            line = head[index]
            size += len(line) + 1
            index += 1
            if line.strip():
                found += 1
        if found >= DETECT_LINES or size > budget or index >= span_end or not read_block():
            break
    # The state never reads the wrapper's lines: the session reports their reading defects.
    early = [(number, defects.pop(number)) for number in sorted(defects) if number <= wrapper.end]
    first = Block(head[wrapper.end :], defects)
    body = Blocks(itertools.chain((first,), blocks))
    if wrapper.fence is not None:
        body = Blocks(_fenced_blocks(body, wrapper.fence, wrapper.end, footer, reporter))
    return _session(head, body, wrapper, footer, reporter, forced, reference_date, early)


def _fenced_blocks(
    blocks: Blocks, fence: str, start: int, footer: _Footer, reporter: Reporter
) -> Iterator[Block]:
    """The blocks up to the line that closes a fenced capture body (the footer's first)."""
    number = start  # lines before the block
    for block in blocks:
        # Most blocks hold no closing fence: ruled out at C speed, without a step per line.
        if fence not in map(str.strip, block.lines):
            number += len(block.lines)
            yield block
            continue
        for index, line in enumerate(block.lines):
            if is_fence_end(line, fence):
                footer.first = number + index + 1
                inside = {n: d for n, d in block.defects.items() if n < footer.first}
                yield Block(block.lines[:index], inside)
                # The footer is not parsed, but its lines are counted, their reading defects
                # reported, and their text noted (``_Footer.report_text``).
                last = number + len(block.lines)
                for after, line in enumerate(block.lines[index + 1 :], footer.first + 1):
                    footer.note(after, line)
                outside = [(n, d) for n, d in sorted(block.defects.items()) if n >= footer.first]
                for rest in blocks:
                    for after, line in enumerate(rest.lines, last + 1):
                        footer.note(after, line)
                    last += len(rest.lines)
                    outside += sorted(rest.defects.items())
                for line_number, found in outside if not footer.refused else ():
                    report_read_defects(reporter, line_number, found)
                footer.last = last
                return
        number += len(block.lines)
        yield block


def _content_head(head: list[str], wrapper: Wrapper) -> list[str]:
    """The first non-blank lines after the wrapper, stripped: what the detectors see."""
    content: list[str] = []
    size = 0  # the characters of the lines from the wrapper's end, blank ones too
    budget = dialect_base.DETECT_CHARS
    for line in itertools.islice(head, wrapper.end, wrapper.end + dialect_base.DETECT_SPAN):
        size += len(line) + 1
        if size > budget:
            break  # the head ends at this line, or soon after it
        if wrapper.fence is not None and is_fence_end(line, wrapper.fence):
            break
        text = line.strip()
        if text:
            content.append(text)
            if len(content) == DETECT_LINES:
                break
    return content


def _refuse(state: ParseState) -> Iterator[Paper]:
    """No dialect recognises the input: one ``unknown-format`` spanning all of it, its only
    diagnostic (what reading its lines finds, such as invalid UTF-8, is not reported: the
    input is no listing). (It runs while the session starts, so ``_start_guarded`` hands
    the caller's errors back.)"""
    reporter = state.reporter
    state.reporter = Reporter("lenient", reporter.source, _discard)
    while state.peek() is not None:
        state.advance()
    state.reporter = reporter
    reporter.defect(
        "unknown-format", 1, 1, end_line=max(state.number, 1),
        detail="no dialect recognises it (docs/dialects.md)",
    )
    reporter.finish()
    return iter(())


def _discard(diagnostic: Diagnostic) -> None:
    """Where the reading defects of a refused input's lines go."""


def _header_span(session: _Session) -> tuple[int, int] | None:
    span = session.state.header_span
    end = session.wrapper.end
    if not end:
        return span
    return (1, span[1] if span is not None else end)


def _footer_span(session: _Session) -> tuple[int, int] | None:
    """The page's end and the wrapper's footer after it, as one span."""
    page_end = session.state.page_end_span
    wrapper = session.footer.span
    if page_end is None or wrapper is None:
        return page_end or wrapper
    return (page_end[0], wrapper[1])


def _make_reporter(mode: Mode, name: str, emit: Callable[[Diagnostic], None]) -> Reporter:
    return Reporter(mode, name, emit)


def parse(
    source: str | bytes | bytearray | memoryview,
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    name: str = "<string>",
    dialect: str = "auto",
) -> Digest:
    """Parse a whole capture of the listing.

    ``source`` is text, or UTF-8 bytes. In strict mode the first deviation
    raises ``ParseError``; in lenient mode (the default) every deviation is
    recorded in ``Digest.diagnostics`` and parsing goes on. ``reference_date``
    (default: the capture time its wrapper gives, else today) gives yearless
    dates their year; ``name`` is used in error messages; ``dialect`` forces a
    dialect instead of detecting it (docs/dialects.md).
    """
    diagnostics: list[Diagnostic] = []
    reporter = _make_reporter(mode, name, diagnostics.append)
    # Read a block at a time, as iter_papers does: each block's lines are parsed while they
    # are still in the CPU cache, and the whole input is never held as a list of lines.
    lines: Blocks
    if isinstance(source, str):
        lines = text_blocks(source)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        if isinstance(source, memoryview) and not source.c_contiguous:
            source = source.tobytes()  # a strided view: BytesIO takes only contiguous bytes
        lines = binary_blocks(io.BytesIO(source).read, reporter)
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    session = _start_guarded(lines, reporter, dialect, reference_date)
    papers = tuple(session.papers)
    diagnostics.sort(key=reading_order)
    return _digest(session, papers, tuple(diagnostics), name)


def _start_guarded(
    lines: Blocks,
    reporter: Reporter,
    dialect: str,
    reference_date: datetime.date | None,
) -> _Session:
    # The arguments are checked first: what goes wrong after that is the input's (a
    # ParseError), the caller's own code's (their stream's, carried by CallerError) or ours.
    forced = _check_dialect(dialect)
    reference_date = check_reference_date(reference_date)
    try:
        return _start(lines, reporter, forced, reference_date)
    except Exception as error:
        raise_for_caller(error, "before parsing")


def _digest(
    session: _Session, papers: tuple[Paper, ...], diagnostics: tuple[Diagnostic, ...], name: str
) -> Digest:
    state = session.state
    return Digest(
        papers=papers,
        page_date=state.top_page_date,
        diagnostics=diagnostics,
        header=state.header,
        header_span=_header_span(session),
        source=name,
        dialect=session.dialect.name if session.dialect is not None else "unknown",
        source_url=session.wrapper.source_url,
        captured_at=session.wrapper.captured_at,
        footer_span=_footer_span(session),
    )


def parse_file(
    path: str | os.PathLike[str],
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    dialect: str = "auto",
) -> Digest:
    """Parse the capture in the file at ``path`` (read as UTF-8 bytes)."""
    name = os.fspath(path)  # first: ``open`` would take an int for a descriptor, and close it
    with open(name, "rb") as file:
        data = file.read()
    return parse(data, mode=mode, reference_date=reference_date, name=name, dialect=dialect)


class PaperStream(Iterator[Paper]):
    """Papers from ``iter_papers``, one at a time.

    Diagnostics reach the caller through ``on_diagnostic`` as soon as they
    are known; without a callback they collect in ``diagnostics``. After
    the header has been read, ``page_date`` and ``header`` are set;
    ``dialect``, ``source_url`` and ``captured_at`` are known from the start.
    """

    def __init__(self, session: _Session, diagnostics: list[Diagnostic]) -> None:
        self._session = session
        self.diagnostics = diagnostics

    def __iter__(self) -> PaperStream:
        return self

    def __next__(self) -> Paper:
        return next(self._session.papers)

    @property
    def page_date(self) -> datetime.date | None:
        return self._session.state.top_page_date

    @property
    def header(self) -> tuple[str, ...]:
        return self._session.state.header

    @property
    def header_span(self) -> tuple[int, int] | None:
        """As ``Digest.header_span``: known once the header has been read."""
        return _header_span(self._session)

    @property
    def footer_span(self) -> tuple[int, int] | None:
        """As ``Digest.footer_span``: known once the papers have all been read."""
        return _footer_span(self._session)

    @property
    def dialect(self) -> str:
        chosen = self._session.dialect
        return chosen.name if chosen is not None else "unknown"

    @property
    def source_url(self) -> str | None:
        return self._session.wrapper.source_url

    @property
    def captured_at(self) -> datetime.datetime | None:
        return self._session.wrapper.captured_at


def iter_papers(
    source: StreamSource,
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    on_diagnostic: Callable[[Diagnostic], None] | None = None,
    name: str | None = None,
    dialect: str = "auto",
    block_size: int = BLOCK_SIZE,
) -> PaperStream:
    """Yield papers lazily, in constant memory, from a path, a file object or lines.

    A ``str`` or path-like is a file path; a binary file object is read in
    blocks of ``block_size`` bytes cut after their last line break; a text
    file object or any other iterable gives lines, gathered in blocks of
    about ``block_size`` characters. The dialect is chosen from the first
    lines, which are read when ``iter_papers`` is called.
    """
    if (
        not isinstance(block_size, int)
        or isinstance(block_size, bool)
        or not 1 <= block_size <= MAX_BLOCK_SIZE
    ):
        raise ValueError(
            f"block_size must be an int from 1 to {MAX_BLOCK_SIZE}, not {block_size!r}"
        )
    diagnostics: list[Diagnostic] = []
    emit = on_diagnostic if on_diagnostic is not None else diagnostics.append
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        label = name or str(path)
        reporter = _make_reporter(mode, label, emit)
        lines: Blocks = Blocks(_file_blocks(path, reporter, block_size))
    elif isinstance(source, (bytes, bytearray, memoryview)):
        raise TypeError("iter_papers() takes a path, a file or lines; use parse() for bytes")
    else:
        label = name or str(getattr(source, "name", "<stream>"))
        reporter = _make_reporter(mode, label, emit)
        lines = _stream_blocks(source, reporter, block_size)
    session = _start_guarded(lines, reporter, dialect, reference_date)
    return PaperStream(session, diagnostics)


def _stream_blocks(source: object, reporter: Reporter, block_size: int) -> Blocks:
    """A file object's or an iterable's lines: a binary stream by blocks of bytes."""
    read = getattr(source, "read", None)
    if read is not None and not isinstance(source, io.TextIOBase):
        probe = read(0)  # outside the parse: an error here reaches the caller as it is
        if isinstance(probe, bytes):
            # read1 returns what a pipe holds instead of waiting for a whole block.
            read1 = getattr(source, "read1", None)
            reader = read1 if callable(read1) else read
            if probe:  # a read that ignores its size gave the input's start already
                reader = _read_after(probe, reader)
            return binary_blocks(reader, reporter, block_size)
        if isinstance(probe, str) and probe:
            # A text reader that ignores the size: it is read on by ``read``, since
            # iterating it would start after what the probe took.
            return item_blocks(_text_lines(probe, read, block_size), reporter, block_size)
    if not isinstance(source, Iterable):
        raise TypeError(f"iter_papers() cannot read a {type(source).__name__}")
    return item_blocks(source, reporter, block_size)


def _read_after(first: bytes, read: Callable[[int], bytes]) -> Callable[[int], bytes]:
    """``read``, whose first call gives ``first`` instead."""
    pending = [first]

    def read_on(size: int) -> bytes:
        return pending.pop() if pending else read(size)

    return read_on


def _text_lines(first: str, read: Callable[[int], object], size: int) -> Iterator[str]:
    """The lines of ``first`` and of what ``read`` gives after it, each with its ``\\n``
    (a ``\\r`` is left to ``item_blocks``, which splits at it, also before a ``\\n``
    that the next read gives)."""
    pending = first
    while True:
        more = read(size)
        if not isinstance(more, str):  # the caller's reader: item_blocks passes it on
            raise TypeError(f"read() gave {type(more).__name__} after str")
        if not more:
            break
        pending += more
        *lines, pending = pending.split("\n")
        for line in lines:
            yield line + "\n"
    if pending:
        yield pending


def _file_blocks(path: str, reporter: Reporter, block_size: int) -> Iterator[Block]:
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below, when the stream ends
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL in it
        raise CallerError(error) from error
    with file:
        yield from binary_blocks(file.read, reporter, block_size)
