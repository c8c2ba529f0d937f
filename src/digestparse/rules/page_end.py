"""The page's end: pagination and the site footer after the last entry, in any dialect.

The 2026 page ends with links to the previous and next day, the site footer (``System
theme``, ``Company``, ``TOS`` …) and, on some pages, one line the trending list leaves
behind. A capture keeps what its tool kept of them, in its own markup. They are not content
and not a deviation: where a every line from here to the end of the input may belong to the
page's end (``grammar.in_page_end``) and one of them opens it (``grammar.opens_page_end``:
pagination, the footer's first line, a closing rule), those lines are consumed and make
``Digest.footer_span``; an anchor or a link line alone at the end opens nothing. Anything
else there (an entry, a second header, text of another kind) makes them junk as before.
"""

from __future__ import annotations

from ..grammar import in_page_end, opens_page_end
from ..state import ParseState

#: The most non-blank lines a page's end is read over (the site footer shows some thirty).
MAX_PAGE_END_LINES = 120


def page_end(state: ParseState) -> bool:
    """Consume the page's end when it starts at the next line and runs to the input's end."""
    first = state.peek()
    if first is None or not in_page_end(first.text):
        return False
    opened = opens_page_end(first.text)
    ahead = 1
    while (line := state.peek(ahead)) is not None:
        if ahead >= MAX_PAGE_END_LINES or not in_page_end(line.text):
            return False
        opened = opened or opens_page_end(line.text)
        ahead += 1
    if not opened:
        return False
    for _ in range(ahead):
        state.advance()
    state.page_end_span = (first.number, state.last_line)
    return True
