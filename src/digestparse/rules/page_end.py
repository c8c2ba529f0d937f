"""The page's end: pagination and the site footer after the last entry, in any dialect.

The 2026 page ends with links to the previous and next day, the site footer (``System
theme``, ``Company``, ``TOS`` …) and, on some pages, one line the trending list leaves
behind. A capture keeps what its tool kept of them, in its own markup. They are not content
and not a deviation: where every line from here to the end of the input may belong to the
page's end (``grammar.in_page_end``) and one of them opens it (``grammar.opens_page_end``:
pagination, the footer's first line, a closing rule), those lines are consumed and make
``Digest.footer_span``; an anchor or a link line alone at the end opens nothing. It starts
only at a line that opens it or at a mark before one (``grammar.may_start_page_end``).
Anything else there (an entry, a second header, text of another kind) makes them junk as
before.

The rule is tried at every line the other rules leave, so what one try learns of the lines
ahead is kept for the next (``_Scan``): each line is looked at once per parse, and a long
run of footer-like junk costs no more than reading it.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..grammar import (
    LINK_LIST_HEADINGS,
    in_link_list,
    in_page_end,
    may_start_page_end,
    opens_page_end,
    wraps_on,
)
from ..state import Line, ParseState

#: The most non-blank lines a page's end is read over: they are held until it is settled
#: (the site footer shows some thirty, a lynx dump's list of references some hundreds).
MAX_PAGE_END_LINES = 1000


@attrs.define(slots=True)
class _Scan:
    """What earlier tries found ahead (line numbers): every non-blank line after the try's
    first up to ``members_to`` may belong to a page's end; ``refused`` may not (0: none
    found); ``opener`` is the last of them that opens one (0: none); ``listed`` is the first
    of them that heads lynx's list of URLs (0: none)."""

    members_to: int = 0
    refused: int = 0
    opener: int = 0
    listed: int = 0


def page_end(state: ParseState, shown: Callable[[str], str] | None = None) -> bool:
    """Consume the page's end when it starts at the next line and runs to the input's end.
    ``shown``: what of a line the page's end is read from (lynx's own notation removes its
    link numbers, ``[30]Previous``); the whole line when None."""
    ahead = _extent(state, shown)
    if ahead is None:
        return False
    first = state.advance()
    state.advance_by(ahead - 1)
    state.page_end_span = (first.number, state.last_line)
    return True


def starts_page_end(state: ParseState, shown: Callable[[str], str] | None = None) -> bool:
    """Whether the page's end starts at the next line (``page_end`` would consume it), told
    without consuming anything: where an entry wants a field, the page's end is none."""
    return _extent(state, shown) is not None


def _extent(state: ParseState, shown: Callable[[str], str] | None = None) -> int | None:
    """How many non-blank lines the page's end takes when it starts at the next line and
    runs to the input's end, else None."""
    first = state.peek()
    if first is None or not may_start_page_end(
        first.text if shown is None else shown(first.text)
    ):
        return None
    scan = state.memo.get("page_end")
    if not isinstance(scan, _Scan):
        scan = state.memo["page_end"] = _Scan()
    if scan.members_to < first.number:  # what earlier tries found lies behind: forget it
        scan.members_to = scan.opener = scan.listed = 0
    if first.number <= scan.refused:
        return None  # a line that belongs to no page's end comes before the input ends
    ahead = _known(state, first.number, scan.members_to)
    while (line := state.peek(ahead)) is not None:
        if ahead >= MAX_PAGE_END_LINES:
            return None
        if line.number > scan.members_to:
            text = line.text if shown is None else shown(line.text)
            listed = 0 < scan.listed < line.number and in_link_list(text)
            if not listed and not in_page_end(text) and not _goes_on(state, ahead, line):
                scan.refused = line.number
                return None
            scan.members_to = line.number
            if opens_page_end(text):
                scan.opener = line.number
            if not scan.listed and text in LINK_LIST_HEADINGS:
                scan.listed = line.number
        ahead += 1
    if scan.opener < first.number:
        return None
    return ahead


def _goes_on(state: ParseState, ahead: int, line: Line) -> bool:
    """Whether ``line`` (``ahead`` lines on) goes on the page's end line before it, a URL
    wrapped at a hyphen (``grammar.wraps_on``)."""
    before = state.peek(ahead - 1) if ahead else None
    return before is not None and wraps_on(before.text, line.text, line.gap)


def _known(state: ParseState, first: int, members_to: int) -> int:
    """How many of the lines ahead, from line ``first`` on, an earlier try found to belong
    (those up to line ``members_to``, which it peeked at), found by bisection among them."""
    low, high = 0, min(MAX_PAGE_END_LINES, members_to - first + 1)
    while low < high:
        middle = (low + high) // 2
        line = state.peek(middle)
        if line is not None and line.number <= members_to:
            low = middle + 1
        else:
            high = middle
    return low
