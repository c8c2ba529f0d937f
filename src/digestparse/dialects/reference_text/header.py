"""The top of a ``reference-text`` capture: navigation menu, page header, page date.

The menu (the site's logo link and ``*`` items, nested) comes first; then
the page's header phrases in their order, each decorated by lynx
(``[Subscribe][29]``, ``# Daily Papers``, ``## by[AK][30] and the research
community``, ``* Daily``); then the page date.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from ... import lines as lines_module
from ...dates import set_page_date
from ...grammar import (
    BYLINE,
    BYLINE_SPACED,
    DAILY_PAPERS,
    NEW,
    PERIODS,
    PROMO,
    PROMO_DAILY,
    SUBSCRIBE,
    TRENDING_PAPERS,
    is_period_label,
)
from ...markup import plain
from ...state import Line, ParseState
from . import card
from .chrome import HEADER_KINDS, MAX_HEADER_LINES, header_span
from .lines import MENU_KINDS, Kind, has_arrow_after, must_read_dated, page_phrase, read_dated

#: The header phrases in page order; any may be missing except the page title.
STEPS: tuple[tuple[str, ...], ...] = (
    (NEW,),
    (PROMO_DAILY,),
    (PROMO,),
    (SUBSCRIBE,),
    (DAILY_PAPERS, TRENDING_PAPERS),
    (BYLINE, BYLINE_SPACED),
    *((period,) for period in PERIODS),
)
STEP_OF = {phrase: index for index, phrases in enumerate(STEPS) for phrase in phrases}
TITLE_STEP = STEP_OF[DAILY_PAPERS]
BYLINE_STEP = STEP_OF[BYLINE]
#: ``Trending Papers`` after the byline or the switcher is the page's tab to the trending
#: list (late 2026: 03:26 ``[Trending Papers](…)``, 05:41), the last header line, once.
TAB_STEP = len(STEPS)


def read_header(state: ParseState) -> None:
    """The menu and header the capture starts with, and the page date after them."""
    first = state.peek()
    if first is None:
        state.reporter.defect(
            "missing-header", state.wrapper_end + 1, 1, detail="the input is empty"
        )
        return
    starts_card = card.may_open_lead_in(first) and card.lead_in(state) is not None
    if starts_card or (not _is_menu(first) and page_phrase(first.text, first.kind) is None):
        # A card's thumbnail is a whole-line reference as the menu's lines are: it is not one.
        state.reporter.defect("missing-header", first.number, 1)
        return
    lines = _take_header_lines(state)
    page_lines = check_header_order(state, lines, _SHOWN)
    state.header = tuple(_plain_header(line) for line in _without_icons(page_lines))
    state.header_span = (lines[0].number, lines[-1].number)
    arrowed = False
    date_line = state.peek()
    if read_page_date(state) and date_line is not None:
        state.top_page_date = state.page_date
        state.header_span = (lines[0].number, state.last_line)
        arrowed = has_arrow_after(date_line.text)
    if (
        (state.page_date is not None or _is_period(lines[-1]))
        and not arrowed
        and not has_arrow_after(lines[-1].text)
        and _read_arrow(state)
    ):
        state.header_span = (lines[0].number, state.last_line)


def starts_repeated_header(state: ParseState) -> bool:
    line = state.peek()
    return line is not None and page_phrase(line.text, line.kind) is not None


def repeated_header(state: ParseState) -> bool:
    """A header between entries, as when two captures are joined; its page date is used for
    later yearless dates."""
    if not starts_repeated_header(state):
        return False
    span = header_span(state)
    dated = None
    if span is not None:  # the same lines, read straight from the window
        first, last, date_line = span
        if date_line is not None:
            last = date_line
            dated = read_dated(date_line.text)
        state.skip_to(last.number)
    else:
        first = _take_header_lines(state)[0]
        date_line = state.peek()
        if date_line is not None and date_line.kind is Kind.DATE:
            state.advance()
            dated = read_dated(date_line.text)
    if date_line is not None and dated is not None and not has_arrow_after(date_line.text):
        _read_arrow(state)
    state.reporter.defect(
        "repeated-header", first.number, 1, end_line=state.last_line, gap=first.gap
    )
    if date_line is not None and dated is not None:
        set_page_date(state, date_line.number, dated.parts, indent=date_line.indent)
    return True


def _read_arrow(state: ParseState) -> bool:
    """The next day's (week's) arrow right after the page date or period label: an icon
    link (``[][6]``, html2text's notation) that is no card's thumbnail with a Submitted-by
    block after it."""
    line = state.peek()
    if line is None or not card.is_thumbnail(line):
        return False
    after = state.peek(1)
    if after is not None and card.is_submitted_by(after):
        return False
    state.advance()
    return True


def read_page_date(state: ParseState) -> bool:
    """The page date after the header, if the next line is a date line."""
    line = state.peek()
    if line is None or line.kind is not Kind.DATE:
        return False
    state.advance()
    dated = must_read_dated(line.text, line.number)
    if dated.comments is not None and dated.parts.count_text is None:
        state.reporter.defect("bad-page-date", line.number, line.column(dated.comments_column))
    set_page_date(state, line.number, dated.parts, indent=line.indent)
    return True


def _take_header_lines(state: ParseState) -> list[Line]:
    lines: list[Line] = []
    held = 0  # characters: a header holds at most MAX_LINE (a longer one goes on as repeated)
    while len(lines) < MAX_HEADER_LINES:
        line = state.peek()
        if line is None or line.kind not in HEADER_KINDS:
            break
        if lines and card.may_open_lead_in(line) and (
            card.is_submitted_by(line) or card.lead_in(state) is not None
        ):
            break  # the first card (the trending page shows no page date), maybe cut short
        held += len(line.text)
        if lines and held > lines_module.MAX_LINE:
            break
        lines.append(state.advance())
    return lines


@attrs.frozen
class HeaderLines:
    """How a notation shows the header's lines, for ``check_header_order``."""

    #: The header phrase a line shows (None: none).
    phrase: Callable[[Line], str | None]
    #: A line of the site's menu (before the page's own header).
    is_menu: Callable[[Line], bool]
    #: A week or month view's label where the daily page shows its date.
    is_period: Callable[[Line], bool]
    #: A line that shows no words (an icon link, an empty item, a button).
    is_unlabelled: Callable[[Line], bool]
    #: The search page's query, given the lines after it.
    is_query: Callable[[ParseState, Line, list[Line]], bool]
    #: Whether lines without words may stand before the page's title too (lynx draws the
    #: subscribe form's field and button there).
    unlabelled_before_title: bool = False


def check_header_order(state: ParseState, lines: list[Line], shown: HeaderLines) -> list[Line]:
    """Report the first header line out of place (``STEPS``' order); return the page's
    header lines (no menu)."""
    start = 0
    while start < len(lines) and shown.is_menu(lines[start]):
        start += 1
    page_lines = lines[start:]
    step = -1
    query = False
    for index, line in enumerate(page_lines):
        phrase = shown.phrase(line)
        if phrase is None and step >= TITLE_STEP:
            if line is page_lines[-1] and shown.is_period(line):
                break  # the week or month view's label where the daily page has its date
            if shown.is_unlabelled(line):
                continue  # an icon link (02:81-85), an empty switcher item (05:28-34)
            if not query and step >= BYLINE_STEP and shown.is_query(
                state, line, page_lines[index + 1 :]
            ):
                query = True  # the search page's query
                continue
        found = STEP_OF.get(phrase, -1) if phrase is not None else -1
        if phrase == TRENDING_PAPERS and step > TITLE_STEP:
            found = TAB_STEP
        if found > TITLE_STEP and step < TITLE_STEP:
            state.reporter.defect("bad-header", line.number, 1, detail=f"expected {DAILY_PAPERS!r}")
            return page_lines
        if (
            found == -1
            and step < TITLE_STEP
            and shown.unlabelled_before_title
            and shown.is_unlabelled(line)
        ):
            continue
        if found <= step:
            state.reporter.defect("bad-header", line.number, 1, detail="unexpected line")
            return page_lines
        step = found
    if step < TITLE_STEP:
        where = lines[-1].number + 1 if lines else state.last_line
        state.reporter.defect("bad-header", where, 1, detail=f"expected {DAILY_PAPERS!r}")
    return page_lines


def _is_menu(line: Line) -> bool:
    if line.kind is Kind.TEXT:  # menu items side by side: ``[Log In][8] [Sign Up][9]``
        return _REFERENCES_ONLY.fullmatch(line.text) is not None
    return line.kind in MENU_KINDS and page_phrase(line.text, line.kind) is None


#: A line of references only, side by side (html2text's reference-style menu).
_REFERENCES_ONLY = re.compile(
    r"(?:\[(?:[^\[\]]|\[[^\[\]]*\](?:\[[0-9]+\])?)*\]\[[0-9]+\][ \t]*){2,}"
)


def _is_unlabelled(line: Line) -> bool:
    """A header line that shows no words: a link without text (``[][31]``, ``[[arrow]][31]``:
    the page's icon links, 02:81-85) or an empty item (``*``: the period switcher as 05:28-34
    keeps it; html2text writes the empty items on one line, ``*   *   *``)."""
    return _EMPTY_ITEMS.fullmatch(line.text) is not None or card.is_thumbnail(line)


#: Empty list items, one or several on a line.
_EMPTY_ITEMS = re.compile(r"\*(?:[ \t]+\*)*")


def _without_icons(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not _is_unlabelled(line)]


def _is_query(state: ParseState, line: Line, after: list[Line]) -> bool:
    """A search page's query below the byline (02:73 ``Intercode Bash``): a short text line
    with a header phrase or the page date right after it."""
    if line.kind is not Kind.TEXT or len(line.text) > MAX_QUERY_LINE:
        return False
    after = _without_icons(after)
    if after:
        return page_phrase(after[0].text, after[0].kind) is not None
    return state.peek_is(0, Kind.DATE)


#: The longest line read as a search query (the markdown dialect's bound).
MAX_QUERY_LINE = 200


def _is_period(line: Line) -> bool:
    text = line.text
    return len(text) <= MAX_PERIOD_LINE and is_period_label(plain(text))


#: No period label, markup included, is longer.
MAX_PERIOD_LINE = 40


def _plain_header(line: Line) -> str:
    phrase = page_phrase(line.text, line.kind)
    if phrase is not None:
        return phrase
    return plain(line.text) if _is_period(line) else line.text


#: The ``[text][N]`` notation's header lines.
_SHOWN = HeaderLines(
    phrase=lambda line: page_phrase(line.text, line.kind),
    is_menu=_is_menu,
    is_period=_is_period,
    is_unlabelled=_is_unlabelled,
    is_query=_is_query,
)
