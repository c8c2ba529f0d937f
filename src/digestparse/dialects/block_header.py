"""A header read as one block: every line before the first entry, ending at a page date.

The 2026 captures put navigation menus, tab labels, anchors and switchers
around the page's own header lines, differently in each capture; a dialect
whose capture does so reads its header with ``read_block_header``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from .. import lines as lines_module
from ..dates import read_date_line, set_page_date
from ..grammar import PAGE_PHRASES, PAGE_TITLES
from ..state import Line, ParseState

#: The header is looked for this far before the first entry (and over at most
#: ``lines.MAX_LINE`` characters).
MAX_HEADER_LINES = 200


def read_block_header(
    state: ParseState,
    *,
    starts_entry: Callable[[ParseState, int], bool],
    date_kind: enum.Enum,
    header_text: Callable[[Line], str | None],
    is_card_line: Callable[[Line], bool] | None = None,
) -> bool:
    """Read the lines before the first entry (``starts_entry``) as the header.

    A line of ``date_kind`` ends the header and is its page date. Any line is
    accepted, but the block must hold ``Daily Papers`` or ``Trending Papers``
    (as ``header_text`` reads a line; None leaves a line out of
    ``state.header``); else ``missing-header`` and nothing is consumed.
    Returns whether a header was read and ended at its page date.

    Where an entry ends the block without a page date (the trending page) and a line that
    ``is_card_line`` accepts (an entry's metadata, a card's lead-in) comes after the page's
    last own phrase, the first entry is damaged (it lost its title, or the blank line under
    it): the header ends before the text after that phrase, which the body rules account
    for.
    """
    first = state.peek()
    if first is None:
        state.reporter.defect(
            "missing-header", state.wrapper_end + 1, 1, detail="the input is empty"
        )
        return False
    lines: list[Line] = []
    date_line: Line | None = None
    entry_follows = False
    held = 0  # characters peeked at: at most MAX_LINE, so that looking ahead stays bounded
    while len(lines) < MAX_HEADER_LINES:
        line = state.peek(len(lines))
        if line is None:
            break
        held += len(line.text)
        if held > lines_module.MAX_LINE:
            break
        if starts_entry(state, len(lines)):
            entry_follows = True
            break
        lines.append(line)
        if line.kind is date_kind:
            date_line = line
            break
    if date_line is None and not entry_follows:
        # Neither a page date nor an entry came: what follows the page's last own
        # phrase is no header (it may be input of another dialect), so the body
        # rules account for it.
        phrases = [i for i, line in enumerate(lines) if header_text(line) in PAGE_PHRASES]
        del lines[phrases[-1] + 1 if phrases else 0 :]
    elif date_line is None and is_card_line is not None:
        _cut_before_a_card(lines, header_text, is_card_line)
    texts = [
        text for line in lines
        if line is not date_line and (text := header_text(line)) is not None
    ]
    if not PAGE_TITLES.intersection(texts):
        state.reporter.defect("missing-header", first.number, 1)
        return False
    for _ in lines:
        state.advance()
    state.header = tuple(texts)
    state.header_span = (first.number, state.last_line)
    parts = read_date_line(date_line.text) if date_line is not None else None
    if date_line is not None and parts is not None:
        set_page_date(state, date_line.number, parts, indent=date_line.indent)
        state.top_page_date = state.page_date
    return date_line is not None


def _cut_before_a_card(
    lines: list[Line],
    header_text: Callable[[Line], str | None],
    is_card_line: Callable[[Line], bool],
) -> None:
    """Drop from ``lines`` what follows the page's last own phrase from its first line with
    text on, where a card's line comes after that phrase."""
    phrases = [i for i, line in enumerate(lines) if header_text(line) in PAGE_PHRASES]
    after = phrases[-1] + 1 if phrases else 0
    if not any(is_card_line(line) for line in lines[after:]):
        return
    shown = (i for i in range(after, len(lines)) if header_text(lines[i]) is not None)
    del lines[next(shown, len(lines)) :]
