"""The header at the top of a dump, its page date, and headers repeated in the middle."""

from __future__ import annotations

from ..dates import date_parts, set_page_date
from ..grammar import BYLINE, BYLINE_SPACED, DAILY_PAPERS, NEW, PROMO, PROMO_DAILY, SUBSCRIBE
from ..state import Line, ParseState
from ..tokenizer import DATE, HEADER, TEXT

# (accepted lines, optional) in order.
_STEPS: tuple[tuple[tuple[str, ...], bool], ...] = (
    ((NEW,), False),
    ((PROMO_DAILY,), True),
    ((PROMO,), False),
    ((SUBSCRIBE,), False),
    ((DAILY_PAPERS,), False),
    ((BYLINE, BYLINE_SPACED), False),
)
_MAX_HEADER_LINES = len(_STEPS)


def read_header(state: ParseState) -> None:
    """The header the dump starts with, and the page date after it."""
    first = state.peek()
    if first is None:
        state.reporter.defect("missing-header", 1, 1, detail="the input is empty")
        return
    if not _starts_header(state):
        state.reporter.defect("missing-header", first.number, 1)
        return
    state.expect_gap(first, 0)
    # Damaged lines before the first header line (at most two, see _starts_header).
    lines = []
    while not state.peek_is(0, HEADER):
        lines.append(state.advance())
    lines += _take_header_lines(state)
    _check_header(state, lines)
    state.header = tuple(line.text for line in lines)
    state.header_span = (lines[0].number, lines[-1].number)
    date_line = state.peek()
    if date_line is not None and date_line.kind is DATE:
        state.expect_gap(state.advance(), 1)
        set_page_date(state, date_line.number, date_parts(date_line.text, date_line.number))
        state.top_page_date = state.page_date
        state.header_span = (lines[0].number, date_line.number)


def repeated_header(state: ParseState) -> bool:
    """A header between entries, as when two dumps are concatenated."""
    if not state.peek_is(0, HEADER):
        return False
    lines = _take_header_lines(state)
    first, last = lines[0], lines[-1]
    date_line = state.peek()
    if date_line is not None and date_line.kind is DATE:
        last = state.advance()
    state.reporter.defect(
        "repeated-header", first.number, 1, end_line=last.number, gap=first.gap
    )
    if last is not lines[-1]:
        set_page_date(state, last.number, date_parts(last.text, last.number))
    return True


def _starts_header(state: ParseState) -> bool:
    return any(state.peek_is(ahead, HEADER) for ahead in range(3))


def _take_header_lines(state: ParseState) -> list[Line]:
    """Header lines, and damaged lines between them, up to the header's length."""
    lines: list[Line] = []
    while len(lines) < _MAX_HEADER_LINES:
        line = state.peek()
        if line is None:
            break
        if line.kind is HEADER or (
            line.kind is TEXT and lines and state.peek_is(1, HEADER) and len(lines) < 5
        ):
            lines.append(state.advance())
        else:
            break
    return lines


def _check_header(state: ParseState, lines: list[Line]) -> None:
    """Report the first header line that is not the expected one."""
    index = 0
    for accepted, optional in _STEPS:
        line = lines[index] if index < len(lines) else None
        if line is not None and line.text in accepted:
            if index:
                state.expect_gap(line, 1)
            index += 1
        elif not optional:
            where = line.number if line is not None else lines[-1].number + 1
            state.reporter.defect("bad-header", where, 1, detail=f"expected {accepted[0]!r}")
            return
    if index < len(lines):
        state.reporter.defect("bad-header", lines[index].number, 1, detail="unexpected line")
