"""Where tokens become papers: the parse state and the loop over the rules.

The state is built once per parse. It reads lines lazily, skipping blank
lines but counting them (``Line.gap``), and lets rules look a few lines
ahead. Rules live in ``rules/``; each one either consumes lines and returns
True, or leaves the state untouched and returns False.
"""

from __future__ import annotations

import datetime
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from .diagnostics import Reporter
from .errors import InternalError, ParseError
from .model import Paper
from .tokenizer import AUTHORS, TokenKind, classify


class Line(NamedTuple):
    """A non-blank line, stripped of surrounding blanks (authors lines keep their indent)."""

    kind: TokenKind
    text: str
    number: int
    #: How many blank lines come right before this one.
    gap: int


class ParseState:
    __slots__ = (
        "_ahead",
        "_lines",
        "eof_gap",
        "header",
        "header_span",
        "last_line",
        "number",
        "page_date",
        "papers",
        "reference_date",
        "reporter",
        "top_page_date",
    )

    def __init__(
        self, lines: Iterable[str], reporter: Reporter, reference_date: datetime.date
    ) -> None:
        self._lines = iter(lines)
        self._ahead: deque[Line] = deque()
        self.reporter = reporter
        self.reference_date = reference_date
        #: The page date that yearless entry dates resolve against (a second header may change it).
        self.page_date: datetime.date | None = None
        #: The page date of the first header: the digest's.
        self.top_page_date: datetime.date | None = None
        self.header: tuple[str, ...] = ()
        self.header_span: tuple[int, int] | None = None
        self.papers: list[Paper] = []
        self.number = 0  # lines read so far
        self.last_line = 0  # the last line a rule consumed
        self.eof_gap = 0  # blank lines after the last non-blank line

    # -- reading ---------------------------------------------------------

    def _read(self) -> Line | None:
        gap = 0
        for line in self._lines:
            self.number += 1
            if line and line[-1] in " \t":
                stripped = line.rstrip(" \t")
                self.reporter.defect(
                    "trailing-whitespace", self.number, len(stripped) + 1, gap=gap
                )
                line = stripped
            if not line:
                gap += 1
                continue
            kind = classify(line)
            if line[0] in " \t" and kind is not AUTHORS:
                self.reporter.defect("leading-whitespace", self.number, 1, gap=gap)
                line = line.lstrip(" \t")
            return Line(kind, line, self.number, gap)
        if gap:  # a second read at the end of the input must not forget the blanks
            self.eof_gap = gap
        return None

    def peek(self, ahead: int = 0) -> Line | None:
        """The line ``ahead`` non-blank lines on, without consuming anything."""
        buffer = self._ahead
        while len(buffer) <= ahead:
            line = self._read()
            if line is None:
                return None
            buffer.append(line)
        return buffer[ahead]

    def advance(self) -> Line:
        """Consume the next non-blank line (a rule calls this only after a peek)."""
        line = self._ahead.popleft() if self._ahead else self._read()
        if line is None:
            raise InternalError("advance() past the end of the input")
        self.last_line = line.number
        return line

    def peek_is(self, ahead: int, kind: TokenKind, *, glued: bool = False) -> bool:
        """Whether the line ``ahead`` is of ``kind`` (and, if ``glued``, has no blank before it)."""
        line = self.peek(ahead)
        return line is not None and line.kind is kind and (not glued or line.gap == 0)

    # -- checks shared by rules -------------------------------------------

    def expect_gap(self, line: Line, blanks: int) -> None:
        """Report when ``line`` is not preceded by exactly ``blanks`` blank lines."""
        gap = line.gap
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


def run(state: ParseState) -> Iterator[Paper]:
    """Parse the state's lines, yielding papers as they complete."""
    from .rules import BODY_RULES, read_header

    reporter = state.reporter
    try:
        read_header(state)
        yield from _drain(state)
        while (line := state.peek()) is not None:
            for _name, rule in BODY_RULES:
                if rule(state):
                    break
            if state.peek() is line:
                raise InternalError(f"no rule consumed line {line.number}")
            yield from _drain(state)
        if state.eof_gap and state.number > state.eof_gap:
            reporter.defect(
                "extra-blank-line",
                state.number - state.eof_gap + 1,
                1,
                end_line=state.number,
                detail="blank lines at the end",
            )
        reporter.flush()
    except (ParseError, InternalError):
        raise
    except (TypeError, OSError):
        raise  # the caller's input object misbehaved (wrong type, unreadable file)
    except Exception as error:
        raise InternalError(
            f"digestparse failed near line {state.number}: {error!r}; please report this bug"
        ) from error


def _drain(state: ParseState) -> Iterator[Paper]:
    if state.papers:
        state.reporter.flush()
        yield from state.papers
        state.papers.clear()
