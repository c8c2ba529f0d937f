"""The page chrome every copy of the page brings, read straight from the state's window.

A capture made of several copies of the page has, between them, the site's
menu (junk to the rules) and the page header (a repeated header). The rules
``junk`` and ``repeated_header`` read these lines one ``peek`` at a time; the
readers here read the same lines from ``state.raw_lines`` in one loop, with the
kind and page phrase of each short line looked up once per distinct line, and
give the rule what it needs to make exactly its own reports: the lines they
span, as the state would number them. Where the answer depends on a line the
window does not hold yet (or on one with a reading defect, reported as it is
read), they give None and the rule reads as before; they report nothing and
consume nothing themselves. tests/test_dialect_reference_text.py compares both
ways of reading.
"""

from __future__ import annotations

from collections.abc import Callable

from ... import lines as lines_module
from ...state import BLANKS, Line, ParseState, stripped_line
from . import card
from .lines import Kind, classify, page_phrase

#: Kinds of line a header (menu included) is made of (header.py reads the same).
HEADER_KINDS = (Kind.TEXT, Kind.HEADING, Kind.BULLET, Kind.REFERENCE)
#: A header longer than this is not one (the capture's is 42 lines, menu included).
MAX_HEADER_LINES = 120
#: Kinds of line an entry may start with (``rules.entry_start``), a card's lead-in aside.
_ENTRY_KINDS = (Kind.TITLE, Kind.OPEN, Kind.COUNT, Kind.BOX)
#: Kinds of line a card's lead-in may start with (``card.may_open_lead_in`` tells).
_LEAD_IN_KINDS = (Kind.TEXT, Kind.REFERENCE)
#: Short lines' kinds and page phrases; cleared when full.
_SEEN: dict[str, tuple[Kind, str | None]] = {}
_SEEN_LIMIT = 1024
#: Only lines this short can be a page phrase (``lines.MAX_PHRASE_LINE``) or get cached.
_SHORT = 80


class _Window:
    """The non-blank lines of the window from the first one not consumed, read as the
    state reads them; reading past the window's end raises ``_Undecided`` unless the
    input ends there."""

    __slots__ = ("_base", "_complete", "_count", "_next", "_raw")

    def __init__(self, state: ParseState) -> None:
        raw = state.raw_lines
        if raw is None or not state.rewind():
            raise _Undecided
        self._raw = raw
        self._base = state.raw_base
        self._next = state.number - self._base
        self._count, self._complete = state.raw_end()

    def mark(self) -> int:
        return self._next

    def line(self, read: _Read) -> Line:
        """The ``Line`` of ``read`` with its indent, as the state gives it."""
        kind, text, number, gap = read[:4]
        return stripped_line(kind, text, number, gap, self._raw[number - 1 - self._base])

    def reset(self, mark: int) -> None:
        """Read again from where ``mark`` was taken."""
        self._next = mark

    def read(self) -> _Read | None:
        """The next non-blank line, or None at the input's end."""
        raw = self._raw
        count = self._count
        index = self._next
        gap = 0
        while index < count:
            text = raw[index].strip(BLANKS)
            index += 1
            if not text:
                gap += 1
                continue
            self._next = index
            seen = _SEEN.get(text)
            if seen is None:
                kind = classify(text)
                assert isinstance(kind, Kind)
                seen = (kind, page_phrase(text, kind))
                if len(text) <= _SHORT:
                    if len(_SEEN) >= _SEEN_LIMIT:
                        _SEEN.clear()
                    _SEEN[text] = seen
            return seen[0], text, self._base + index, gap, seen[1]
        if not self._complete:
            raise _Undecided
        self._next = index
        return None


#: A line as ``_Window.read`` gives it: a ``Line``'s kind, text, number and gap (built into
#: one only where needed), then the page phrase it shows.
_Read = tuple[Kind, str, int, int, "str | None"]


def _line(read: _Read) -> Line:
    return Line(read[0], read[1], read[2], read[3])


class _Undecided(Exception):
    """The window ends (or a line with a reading defect comes) before the answer is known."""


class _Ahead:
    """``peek`` over a few lines read from the window, for ``rules.entry_start``."""

    __slots__ = ("_lines", "_window")

    def __init__(self, first: _Read, window: _Window) -> None:
        self._lines = [_line(first)]
        self._window = window

    def peek(self, ahead: int = 0) -> Line | None:
        lines = self._lines
        while len(lines) <= ahead:
            read = self._window.read()
            if read is None:
                return None
            lines.append(_line(read))
        return lines[ahead]


def junk_span(
    state: ParseState, entry_start: Callable[[_Ahead], int | None]
) -> tuple[Line, Line] | None:
    """The first and last line of the junk run the ``junk`` rule would read from here (up
    to the next entry, as ``entry_start`` tells, or header), or None when only the rule can
    tell."""
    try:
        window = _Window(state)
        read = window.read()
        if read is None:
            return None
        first = last = read
        while True:
            read = window.read()
            if read is None:
                break
            if read[4] is not None:
                break  # a header starts
            if read[0] in _ENTRY_KINDS or (
                read[0] in _LEAD_IN_KINDS and card.may_open_lead_in_text(read[0], read[1])
            ):
                after = window.mark()
                if entry_start(_Ahead(read, window)) is not None:
                    break
                window.reset(after)  # the lines looked at ahead are read again
            last = read
    except _Undecided:
        return None
    return _line(first), _line(last)


def header_span(state: ParseState) -> tuple[Line, Line, Line | None] | None:
    """The first and last line of the header that starts here (with a page phrase), and the
    date line after it (None: none comes), as ``repeated_header`` reads them (the header's
    lines are those ``header._take_header_lines`` takes); None when only the rule can tell."""
    try:
        window = _Window(state)
        read = window.read()
        if read is None or read[4] is None:
            return None
        first = last = read
        taken = 1
        held = len(first[1])
        while True:
            read = window.read()
            if read is None:
                return _line(first), _line(last), None
            if taken >= MAX_HEADER_LINES or read[0] not in HEADER_KINDS:
                break
            if read[0] in _LEAD_IN_KINDS and card.may_open_lead_in_text(read[0], read[1]):
                return None  # a card's lead-in may end the header: the rule tells
            held += len(read[1])
            if held > lines_module.MAX_LINE:
                break
            taken += 1
            last = read
    except _Undecided:
        return None
    # ``read`` is the first line after the header: the page date when it is a date line.
    return _line(first), _line(last), window.line(read) if read[0] is Kind.DATE else None
