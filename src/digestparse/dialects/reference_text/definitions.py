"""The reference definitions html2text writes at the end of its output (``inline_links=False``).

Every link of the page is ``[text][N]`` and its URL comes last, one definition a line:
``   [8]: https://huggingface.co/papers/2606.00683`` (with the link's title after it, in
parentheses, when it has one). A run of them up to the input's end is the page's end
(``Digest.footer_span``), also with no pagination or footer before it; the rule
``page_end`` takes them with those. The papers' ids are not resolved from them: they come
after every entry, which a stream hands out as it reads them.
"""

from __future__ import annotations

import re

from ...grammar import wraps_on
from ...rules.page_end import MAX_PAGE_END_LINES
from ...state import ParseState

#: One definition: ``[8]: https://…``, maybe a title after the URL.
_DEFINITION = re.compile(r"\[[0-9]+\]: *\S+(?: .*)?")
_MEMO = "reference_definitions"


def is_definition(text: str) -> bool:
    """Whether a (stripped) line is a reference definition, ``[8]: https://…``."""
    return text[:1] == "[" and _DEFINITION.fullmatch(text) is not None


def reference_definitions(state: ParseState) -> bool:
    """Consume the definitions when only definitions come from the next line to the input's
    end (at most ``MAX_PAGE_END_LINES``), as the page's end."""
    first = state.peek()
    ahead = _extent(state)
    if first is None or ahead is None:
        return False
    state.advance_by(ahead)
    state.page_end_span = (first.number, state.last_line)
    return True


def starts_reference_definitions(state: ParseState) -> bool:
    """Whether ``reference_definitions`` would consume the lines from the next one on."""
    return _extent(state) is not None


def _extent(state: ParseState) -> int | None:
    """How many lines the definitions take from the next line to the input's end, or None."""
    first = state.peek()
    if first is None or not is_definition(first.text):
        return None
    refused = state.memo.get(_MEMO)
    if isinstance(refused, int) and first.number <= refused:
        return None  # an earlier try found a line that is no definition before the end
    ahead = 1
    before = first
    while (line := state.peek(ahead)) is not None:
        if ahead >= MAX_PAGE_END_LINES or not (
            is_definition(line.text) or wraps_on(before.text, line.text, line.gap)
        ):
            state.memo[_MEMO] = line.number
            return None
        before = line
        ahead += 1
    return ahead
