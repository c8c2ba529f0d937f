"""The dialects' fast paths read the state's window of lines (state.py), not the whole input.

Each dialect has an entry reader over a list of lines (``read_window``): ``entry(i)`` gives
the paper that starts at index ``i`` and the index after it, or None where the rules must
read; or a reader of a whole run of entries (``read_runs``), which keeps the same rules.
Such a reader takes the list's end for the input's end. Over a window whose end is not the
input's end, an entry counts only if its reader cannot have looked that far: a non-blank
line comes after it, and ``MARGIN`` more lines after that. Otherwise the window takes in
more lines (up to ``LOOK`` past the entry's start, and while those hold at most ``HOLD``
times ``lines.MAX_LINE`` characters) and the entry is read again; an entry still not
settled then is left to the rules. So the window holds a bounded number of characters
for one entry, however long its lines (the rules read on without holding them).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import lines
from ..model import Paper, shift_lines
from ..state import BLANKS, ParseState

#: Lines that must follow the first non-blank line after an entry in an unfinished window.
MARGIN = 16
#: How far past an entry's start the window is grown before the entry is left to the rules.
LOOK = 256
#: How many ``lines.MAX_LINE`` characters the lines past an entry's start may hold before the
#: window stops growing for it (no canonical entry comes near one).
HOLD = 4

EntryReader = Callable[[int], "tuple[Paper, int] | None"]
#: Reads the entries of a window from an index on, appending their papers (numbered from
#: the window's base), and gives the index after the last one it read: ``(raw, index,
#: count, complete, base)``, with ``raw[:count]`` the lines it may read and ``complete``
#: whether the input ends there. It reads an entry only where ``settled_end`` allows.
RunReader = Callable[[list[str], int, int, bool, int], int]


def read_window(state: ParseState, reader_for: Callable[[list[str]], EntryReader]) -> bool:
    """Consume the entries that come next as the dialect's reader reads them; True if any."""
    append = state.papers.append

    def read_run(raw: list[str], i: int, count: int, complete: bool, base: int) -> int:
        entry = reader_for(raw if count == len(raw) else raw[:count])
        settled = -1  # entries that end at or before this index are settled
        while True:
            read = entry(i)
            if read is None:
                return i
            paper, end = read
            if not complete and end > settled:
                settled = settled_end(raw, end, count)
                if end > settled:
                    return i
            if base:  # the reader numbers lines from the window's start
                shift_lines(paper, base)
            append(paper)
            i = end

    return read_runs(state, read_run)


def read_runs(state: ParseState, read_run: RunReader) -> bool:
    """Consume the entries that come next as ``read_run`` reads them; True if any. Where it
    stops short of an unfinished window's end without having read anything, the window
    takes in more lines (as the module's docstring says) and it reads again."""
    raw = state.raw_lines
    if raw is None or not state.rewind():
        return False
    base = state.raw_base
    start = i = state.number - base
    count, complete = state.raw_end()
    while True:
        i = read_run(raw, i, count, complete, base)
        if complete or i > start or count - i >= LOOK or _holds_much(raw, i, count):
            # Done; or hand out what was read (the run loop calls again); or too long.
            break
        reach = base + count  # the first line the reader may not see
        state.read_more(base + i)  # at the input's end, the window becomes complete
        absolute = base + i
        raw = state.raw_lines
        assert raw is not None
        base = state.raw_base
        start = i = absolute - base
        count, complete = state.raw_end()
        if base + count == reach and not complete:
            break  # held up by a line with a decoding defect, which the rules read
    if i == start:
        return False
    state.skip_to(base + i)
    return True


def settled_end(raw: list[str], end: int, count: int) -> int:
    """The first non-blank line from ``end`` on, if ``MARGIN`` more lines follow it in
    ``raw[:count]``, else -1: an entry read up to an index at or before it cannot have met
    the window's end. The next entries of the window end before it most often, and need no
    search. (Searched forward: a search from the window's end would cross a long run of
    blank lines there again after every entry the rules read.)"""
    j = end
    while j < count and (not raw[j] or not raw[j].strip(BLANKS)):
        j += 1
    return j if j + MARGIN < count else -1


def _holds_much(raw: list[str], start: int, count: int) -> bool:
    """Whether ``raw[start:count]`` holds more than ``HOLD`` times ``MAX_LINE`` characters."""
    return sum(map(len, raw[start:count])) > HOLD * lines.MAX_LINE
