"""Where tokens become papers: the run loop over a dialect's rules.

The loop is the same for every dialect: the dialect's header rule, then at
every line its rules in order (after its fast path, when it has one), until
the input ends. Papers are handed out as soon as they are complete; in
dialects that show each entry twice in a row, a paper waits until the next
one shows it is not a copy (``copies.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .copies import fold_copies
from .diagnostics import Reporter
from .dialects import Dialect
from .errors import InternalError, raise_for_caller
from .model import Paper
from .state import ParseState


def run(
    state: ParseState,
    dialect: Dialect,
    at_end: Callable[[Reporter], None] | None = None,
) -> Iterator[Paper]:
    """Parse the state's lines with ``dialect``'s rules, yielding papers as they complete.
    ``at_end`` may report on what follows the lines (a capture wrapper's footer) before the
    reporter finishes."""
    papers = _papers(state, dialect)
    if dialect.merge_copies:
        papers = fold_copies(papers, state.reporter)
    return _guarded(state, _then_finish(state.reporter, papers, at_end))


def _then_finish(
    reporter: Reporter, papers: Iterator[Paper], at_end: Callable[[Reporter], None] | None
) -> Iterator[Paper]:
    """Every paper of the lines, then what follows them reported and the reporter finished.

    The copies' fold holds the last paper back until the lines end: had the footer been
    reported first, strict mode would raise for it without handing out that clean paper,
    which comes before it. (``_papers`` has raised already for the lines' own defects.)
    """
    yield from papers
    if at_end is not None:
        at_end(reporter)
    reporter.finish()


def _guarded(state: ParseState, papers: Iterator[Paper]) -> Iterator[Paper]:
    try:
        yield from papers
    except Exception as error:
        raise_for_caller(error, f"near line {state.number}")


def _papers(state: ParseState, dialect: Dialect) -> Iterator[Paper]:
    reporter = state.reporter
    fast_path = dialect.fast_path if state.raw_lines is not None else None
    rules = dialect.rules
    copies = dialect.merge_copies
    dialect.header(state)
    yield from _drain(state, copies)
    header_only = True  # no line after the header: set False once the body reads one
    while True:
        # Again while it reads entries: it stops at each block's end to hand them out.
        while fast_path is not None and fast_path(state):
            header_only = False
            # As after a rule, the line after the last entry is read (and may report)
            # before that entry's paper is handed out.
            last = state.papers.pop()
            yield from _drain(state, copies)
            state.peek()
            state.papers.append(last)
            yield from _drain(state, copies)
        line = state.peek()
        if line is None:
            break
        header_only = False
        for _name, rule in rules:
            if rule(state):
                break
        if state.peek() is line:
            raise InternalError(f"no rule consumed line {line.number}")
        if reporter.strict:
            # No rule reports at a line consumed before it started (docs/reliability.md).
            _checkpoint(state, copies)
        yield from _drain(state, copies)
    state.report_held()
    if header_only and dialect.entries_expected and state.header_span is not None:
        reporter.defect("no-entries", state.header_span[1], 1)
    # Blank lines are defects only in a dialect that counts them (the seeds' text).
    if (
        dialect.whitespace_defects
        and state.eof_gap
        and state.number > state.eof_gap + state.wrapper_end
    ):
        reporter.defect(
            "extra-blank-line",
            state.number - state.eof_gap + 1,
            1,
            end_line=state.number,
            detail="blank lines at the end",
        )
    # The lines have ended: their defects go out, and strict mode raises the first, before
    # the paper the copies' fold may hold is handed out (it may hold that defect). What
    # follows the lines (a fenced body's footer, whose reading defects were reported when
    # its fence was met) lies after them: ``_then_finish`` reports it.
    reporter.flush()
    reporter.checkpoint(state.number)


def _drain(state: ParseState, copies: bool) -> Iterator[Paper]:
    if state.papers:
        reporter = state.reporter
        reporter.flush()
        if reporter.strict:  # raise before handing out a paper that holds a defect
            _checkpoint(state, copies)
        yield from state.papers
        state.papers.clear()


def _checkpoint(state: ParseState, copies: bool) -> None:
    """Strict mode: raise the first defect up to the last line consumed. Where copies fold
    (``copies``), not at a paper the fold has not seen yet: it may still report that paper
    (``copies-differ``), and holds back the one it has (``Reporter.hold_from``)."""
    line = state.last_line
    if copies and state.papers:
        line = min(line, state.papers[0].line - 1)
    state.reporter.checkpoint(line)
