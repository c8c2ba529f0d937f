"""Lines that fit nowhere: a block of them (no blank line between) becomes one diagnostic.

Runs of junk blocks separated only by blank lines fold into one diagnostic
too (see ``Reporter.defect``), so a junk file of any length costs one.
"""

from __future__ import annotations

from ..state import Line, ParseState


def junk(state: ParseState) -> bool:
    first = state.advance()
    last = first
    while (line := state.peek()) is not None and line.gap == 0:
        last = state.advance()
    report_junk(state, first, last)
    return True


def report_junk(state: ParseState, first: Line, last: Line) -> None:
    """One ``junk`` diagnostic for the lines ``first`` to ``last``; for a lone line, its
    detail names the line's class."""
    state.reporter.defect(
        "junk", first.number, 1, end_line=last.number, gap=first.gap,
        detail=f"{first.kind.value} line" if first.number == last.number else "",
    )


def report_titleless(state: ParseState, first: Line) -> None:
    """An entry's lines from ``first`` to the last one read, whose title line holds no title
    (``### [](url)``, ``### [][N]``): ``junk``, since a paper is known by its title and no
    entry starts there."""
    state.reporter.defect(
        "junk", first.number, 1, end_line=state.last_line, gap=first.gap,
        detail="a title line without a title",
    )
