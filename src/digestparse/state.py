"""The parse state: built once per parse, shared by the run loop, the rules and the fast path.

It reads lines lazily, skipping blank lines but counting them (``Line.gap``)
and stripping the others (``BLANKS``; the ``text`` dialect strips only space and tab),
lets rules look a few lines ahead, and carries what the parse has learnt so far
(header, page date, papers ready to hand out). Each dialect gives it its own
line classifier; only the ``text`` dialect reports white-space defects.
"""

from __future__ import annotations

import datetime
import enum
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from .diagnostics import Reporter
from .errors import InternalError
from .lines import Blocks, LineDefects, report_read_defects
from .model import Paper

#: What the capture dialects strip from both ends of a line, and what a blank line of theirs
#: may hold: space, tab, and the Unicode spaces that text taken from HTML carries (``&nbsp;``
#: and its kin, a stray zero-width no-break space). The ``text`` dialect strips only space
#: and tab, and reports them.
BLANKS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\ufeff"
#: ``BLANKS`` as a set: ``char in BLANK_CHARS`` costs what ``char in " \t"`` does.
BLANK_CHARS = frozenset(BLANKS)
#: A white-space defect: (code, line, column, gap, count). ``count`` consecutive lines, each
#: one blank line further on, have it at that column (a run of lines of blanks only).
Defect = tuple[str, int, int, int, int]
#: How many lines before the one being read a stream's window keeps at most. It keeps the
#: lines from the first one not consumed, so that ``rewind`` can go back there; past this
#: many (a long run of blank lines) it lets the older ones go, and ``rewind`` declines
#: until a rule has consumed the lines after them, so memory stays bounded.
_WINDOW_BEHIND = 1 << 16


class Line(NamedTuple):
    """A non-blank line, stripped of surrounding blanks (text-dialect authors lines keep
    their indent). A defect inside ``text`` is reported at ``column(at)``."""

    #: The line's class, from the dialect's classifier (``tokenizer.TokenKind`` for ``text``).
    kind: enum.Enum
    text: str
    number: int
    #: How many blank lines come right before this one.
    gap: int
    #: White-space defects of this line and the blank lines before it (``Defect``): reported
    #: when the line is consumed, so that looking ahead never makes strict mode raise for a
    #: later line first.
    defects: tuple[Defect, ...] = ()
    #: How many characters were stripped before ``text`` (set only when there were some).
    indent: int = 0

    def column(self, at: int) -> int:
        """The column in the input line of column ``at`` of ``text`` (both 1-based): a defect
        found in ``text`` is reported where it stands in the input, blanks before it counted."""
        return at + self.indent


def stripped_line(kind: enum.Enum, text: str, number: int, gap: int, line: str) -> Line:
    """The ``Line`` of ``text``, which is the input ``line`` stripped of ``BLANKS``, with its
    indent (for a reader of the raw lines that builds a ``Line`` a rule reports on)."""
    if text is line:
        return Line(kind, text, number, gap)
    return Line(kind, text, number, gap, (), len(line) - len(line.lstrip(BLANKS)))


class ParseState:
    __slots__ = (
        "_ahead",
        "_base",
        "_blocks",
        "_classify",
        "_complete",
        "_defect_lines",
        "_defects",
        "_held",
        "_keep_indent",
        "_lines",
        "_parked",
        "_raw",
        "_whitespace",
        "eof_gap",
        "header",
        "header_span",
        "last_line",
        "memo",
        "number",
        "page_date",
        "page_end_span",
        "papers",
        "reference_date",
        "reporter",
        "top_page_date",
        "wrapper_end",
    )

    def __init__(
        self,
        lines: Iterable[str] | Blocks,
        reporter: Reporter,
        reference_date: datetime.date,
        *,
        classify: Callable[[str], enum.Enum],
        whitespace_defects: bool = False,
        keep_indent: enum.Enum | None = None,
        start: int = 0,
    ) -> None:
        """``lines`` is every line of the input (a list), or the lines from ``start`` on in
        ``Blocks`` or any other iterable; lines before ``start`` belong to a capture wrapper.
        Only a dialect with ``whitespace_defects`` reports stray blanks; lines of kind
        ``keep_indent`` keep their leading blanks."""
        self._classify = classify
        self._whitespace = whitespace_defects
        self._keep_indent = keep_indent
        #: A list source is read by index, so that the fast path can skip ahead in it.
        #: ``Blocks`` are read the same way, one window at a time: ``_raw`` then holds the
        #: lines from ``_base`` (0-based) on, and grows by a block when reading reaches its end.
        self._raw: list[str] | None = None
        self._base = 0
        self._blocks: Blocks | None = None
        #: Whether ``_raw`` holds every line up to the end of the input.
        self._complete = True
        #: Reading defects (lines.ReadDefect) of lines not read yet, by line number, reported
        #: when the line is read; ``_defect_lines`` holds their numbers in order (some read).
        self._defects: LineDefects = {}
        self._defect_lines: deque[int] = deque()
        self._lines: Iterator[str] = iter(())
        if isinstance(lines, Blocks):
            self._raw, self._base, self._blocks, self._complete = [], start, lines, False
        elif isinstance(lines, list):
            self._raw = lines
        else:
            self._lines = iter(lines)
        self._ahead: deque[Line] = deque()
        #: What ``rewind`` set aside (the lines peeked at, the position after them, the held
        #: defects), given back if nothing is consumed before the next peek.
        self._parked: tuple[deque[Line], int, list[Defect]] | None = None
        #: White-space defects of blank lines read since the last non-blank line.
        self._held: list[Defect] = []
        self.reporter = reporter
        self.reference_date = reference_date
        #: The page date that yearless entry dates resolve against (a second header may change it).
        self.page_date: datetime.date | None = None
        #: The page date of the first header: the digest's.
        self.top_page_date: datetime.date | None = None
        self.header: tuple[str, ...] = ()
        self.header_span: tuple[int, int] | None = None
        #: The lines of the page's end after the last entry (``rules/page_end.py``), if any.
        self.page_end_span: tuple[int, int] | None = None
        self.papers: list[Paper] = []
        self.number = start  # lines read so far
        self.last_line = start  # the last line a rule consumed
        #: The last line of a capture wrapper before the listing (0: none).
        self.wrapper_end = start
        self.eof_gap = 0  # blank lines after the last non-blank line
        #: What a rule learnt of the lines ahead and keeps for its next try, by rule name.
        self.memo: dict[str, object] = {}

    # -- reading ---------------------------------------------------------

    def _read(self) -> Line | None:
        gap = 0
        raw = self._raw
        if raw is not None:
            while True:
                base = self._base
                count = base + len(raw)
                if not self._whitespace and not self._defects:
                    # What ``_take`` does for a line of such a dialect, in one loop.
                    number = self.number
                    while number < count:
                        written = raw[number - base]
                        text = written.strip(BLANKS)
                        number += 1
                        if text:
                            self.number = number
                            if text is written:  # nothing stripped (the common case)
                                return Line(self._classify(text), text, number, gap)
                            kind = self._classify(text)
                            return stripped_line(kind, text, number, gap, written)
                        gap += 1
                    self.number = number
                while self.number < count:
                    line = self._take(raw[self.number - base], gap)
                    if line is not None:
                        return line
                    gap += 1
                if not self._refill(self.number - gap):
                    break
                raw = self._raw
                assert raw is not None
        else:
            for text in self._lines:
                line = self._take(text, gap)
                if line is not None:
                    return line
                gap += 1
        if gap:  # reading again at the end finds no more blanks: keep the count
            self.eof_gap = gap
        return None

    def _refill(self, unread: int) -> bool:
        """Add the next block to the window; False at the end of the input.

        The window keeps the lines from the first one not consumed (``unread``,
        or where the lines peeked at start), so that ``rewind`` can go back there.
        """
        if self._blocks is None:
            return False
        block = next(self._blocks, None)
        if block is None:
            self._blocks = None
            self._complete = True
            return False
        if self._ahead:
            first = self._ahead[0]
            unread = first.number - 1 - first.gap
        unread = max(unread, self.number - _WINDOW_BEHIND)
        assert self._raw is not None
        self._raw = self._raw[unread - self._base :] + block.lines
        self._base = unread
        if block.defects:
            self._defects.update(block.defects)
            self._defect_lines.extend(sorted(block.defects))
        return True

    def _take(self, line: str, gap: int) -> Line | None:
        """Read one more raw line: None when it is blank."""
        self.number += 1
        if self._defects:
            self._report_reading()
        if not self._whitespace:
            text = line.strip(BLANKS)
            if not text:
                return None
            return stripped_line(self._classify(text), text, self.number, gap, line)
        held = self._held
        if line and line[-1] in " \t":
            stripped = line.rstrip(" \t")
            if stripped:
                held.append(("trailing-whitespace", self.number, len(stripped) + 1, gap, 1))
            else:
                _hold_blank_line(held, self.number, gap)
            line = stripped
        if not line:
            return None
        kind = self._classify(line)
        indent = 0
        if line[0] in " \t" and kind is not self._keep_indent:
            held.append(("leading-whitespace", self.number, 1, gap, 1))
            text = line.lstrip(" \t")
            indent, line = len(line) - len(text), text
        if held:
            self._held = []
            return Line(kind, line, self.number, gap, tuple(held), indent)
        return Line(kind, line, self.number, gap)

    def _report_reading(self) -> None:
        found = self._defects.pop(self.number, None)
        if found is not None:
            report_read_defects(self.reporter, self.number, found)

    def report_held(self) -> None:
        """Report the white-space defects of blank lines at the end of the input."""
        self._report(self._held)
        self._held = []

    def _report(self, defects: Iterable[Defect]) -> None:
        defect = self.reporter.defect
        for code, number, column, gap, count in defects:
            for k in range(count):
                defect(code, number + k, column, gap=gap + k)

    def rewind(self) -> bool:
        """Forget the lines peeked at, so that the fast path can read them itself.

        Afterwards ``raw_lines[number - raw_base]`` is the first line after the
        last one consumed. Only list and block sources can rewind. Nothing read ahead has been
        reported yet (white-space defects wait until their line is consumed),
        so unreading is always safe.
        """
        raw = self._raw
        buffer = self._ahead
        if raw is None or not self.rewindable:
            return False
        if buffer:
            # The fast path is tried before the rules at every line and most often reads
            # nothing there: the rules then get back what they had peeked at, unread.
            self._parked = (buffer, self.number, self._held)
            self._ahead = deque()
            self.number = buffer[0].number - 1 - buffer[0].gap
            self._held = []
        return True

    def _unpark(self) -> None:
        """Give back what ``rewind`` set aside when nothing was consumed since."""
        parked = self._parked
        self._parked = None
        if parked is not None and not self._ahead:
            buffer, number, held = parked
            if buffer[0].number - 1 - buffer[0].gap == self.number:
                self._ahead, self.number, self._held = buffer, number, held

    @property
    def rewindable(self) -> bool:
        """Whether the window still holds the first line not consumed (``rewind`` would
        succeed on a list or block source): a long run of blank lines after it, read while
        looking ahead, lets it go (``_WINDOW_BEHIND``)."""
        buffer = self._ahead
        return not buffer or buffer[0].number - 1 - buffer[0].gap >= self._base

    @property
    def raw_lines(self) -> list[str] | None:
        """The source's lines when it is a list or the window over its blocks (for the fast
        path), else None. ``raw_lines[i]`` is line ``raw_base + i + 1``."""
        return self._raw

    @property
    def raw_base(self) -> int:
        return self._base

    def raw_end(self) -> tuple[int, bool]:
        """How far the fast path may read in ``raw_lines`` (an index), and whether the input
        ends there. It stops short of a line with a reading defect, which the rules read."""
        assert self._raw is not None
        end = len(self._raw)
        pending = self._defect_lines
        if pending:
            defects = self._defects
            while pending and pending[0] not in defects:
                pending.popleft()
            if pending and pending[0] - 1 - self._base < end:
                return pending[0] - 1 - self._base, False
        return end, self._complete

    def read_more(self, keep: int) -> bool:
        """Add the next block to the window, letting go of the lines before line ``keep + 1``
        (the fast path at the window's end, with nothing peeked); False at the end of the
        input."""
        return self._refill(keep)

    def skip_to(self, index: int) -> None:
        """Mark the lines before line ``index + 1`` consumed (the buffer must be empty)."""
        self._parked = None
        self.number = index
        self.last_line = index

    def peek(self, ahead: int = 0) -> Line | None:
        """The line ``ahead`` non-blank lines on, without consuming anything."""
        if self._parked is not None:
            self._unpark()
        buffer = self._ahead
        while len(buffer) <= ahead:
            line = self._read()
            if line is None:
                return None
            buffer.append(line)
        return buffer[ahead]

    def advance(self) -> Line:
        """Consume the next non-blank line (a rule calls this only after a peek)."""
        if self._parked is not None:
            self._unpark()
        line = self._ahead.popleft() if self._ahead else self._read()
        if line is None:
            raise InternalError("advance() past the end of the input")
        if line.defects:
            self._report(line.defects)
        self.last_line = line.number
        return line

    def advance_by(self, count: int) -> None:
        """Consume the next ``count`` non-blank lines (lines a rule has peeked at and read)."""
        for _ in range(count):
            self.advance()

    def peek_is(self, ahead: int, kind: enum.Enum, *, glued: bool = False) -> bool:
        """Whether the line ``ahead`` is of ``kind`` (and, if ``glued``, has no blank before it)."""
        line = self.peek(ahead)
        return line is not None and line.kind is kind and (not glued or line.gap == 0)

    # -- checks shared by rules -------------------------------------------

    def expect_gap(self, line: Line, blanks: int) -> None:
        """Report when ``line`` is not preceded by exactly ``blanks`` blank lines."""
        gap = line.gap
        first = self.wrapper_end + 1
        if line.number == first + gap:  # nothing but blank lines before it: the start of the input
            # After a capture wrapper they part it from the listing: the tool's, not the page's.
            if gap and not self.wrapper_end:
                detail = "blank lines before the first line"
                self.reporter.defect(
                    "extra-blank-line", first, 1, end_line=first + gap - 1, detail=detail
                )
            return
        if gap == blanks:
            return
        if gap < blanks:
            self.reporter.defect("missing-blank-line", line.number, 1)
        elif blanks == 0:
            self.reporter.defect(
                "unexpected-blank-line", line.number - gap, 1, end_line=line.number - 1
            )
        else:
            self.reporter.defect(
                "extra-blank-line",
                line.number - gap + blanks,
                1,
                end_line=line.number - 1,
                detail=f"{gap} blank lines",
            )

    @property
    def date_limit(self) -> datetime.date:
        """No entry date may fall after this day: the page date, else the reference date."""
        return self.page_date or self.reference_date


Rule = Callable[[ParseState], bool]


def _hold_blank_line(held: list[Defect], number: int, gap: int) -> None:
    """Hold the ``trailing-whitespace`` of line ``number``, blanks only: one more line of the
    run held before it, where there is one, so that a long run of such lines is held in one
    entry."""
    if held:
        code, first, column, first_gap, count = held[-1]
        if (
            code == "trailing-whitespace"
            and column == 1
            and first + count == number
            and first_gap + count == gap
        ):
            held[-1] = (code, first, 1, first_gap, count + 1)
            return
    held.append(("trailing-whitespace", number, 1, gap, 1))
