"""An entry the input ends inside: its rule stops where a line is missing and reports the
entry once, where it starts (``truncated-entry``), keeping what it read so far."""

from __future__ import annotations

from ..state import Line, ParseState


class Truncated(Exception):
    """The input ended inside an entry; ``str()`` says what is lost (``no abstract``)."""


def next_line(state: ParseState, missing: str) -> Line:
    """The next line; the entry is truncated if there is none (``missing`` says what is lost)."""
    line = state.peek()
    if line is None:
        raise Truncated(missing)
    return line


def report_truncated(state: ParseState, first_line: int, truncated: Truncated) -> None:
    """The one report of an entry that starts at ``first_line`` and ends with the input."""
    state.reporter.defect(
        "truncated-entry", first_line, 1, end_line=state.last_line, detail=str(truncated)
    )
