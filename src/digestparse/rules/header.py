"""The header at the top of a dump, its page date, and headers repeated in the middle."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import date_parts, set_page_date
from ..grammar import (
    BYLINE,
    BYLINE_SPACED,
    BYLINE_SPLIT,
    DAILY_PAPERS,
    MONTHS,
    NEW,
    PAGE_TITLES,
    PERIODS,
    PROMO,
    PROMO_DAILY,
    SUBSCRIBE,
    TRENDING_PAPERS,
)
from ..state import Line, ParseState
from ..tokenizer import AUTHORS, DATE, HEADER, SEPARATOR_KIND, TEXT

# (accepted lines, optional) in order. An accepted entry is one line, or a tuple of
# consecutive lines (the 2026 byline split around the link to AK).
_Accepted = tuple[str | tuple[str, ...], ...]
_STEPS: tuple[tuple[_Accepted, bool], ...] = (
    ((NEW,), False),
    ((PROMO_DAILY,), True),
    ((PROMO,), False),
    ((SUBSCRIBE,), False),
    ((DAILY_PAPERS, TRENDING_PAPERS), False),
    ((BYLINE, BYLINE_SPACED, BYLINE_SPLIT), False),
    *(((period,), True) for period in PERIODS),
)
_ONE_LINE_BYLINES = (BYLINE, BYLINE_SPACED)
_BYLINE_LENGTHS = (min(map(len, _ONE_LINE_BYLINES)), max(map(len, _ONE_LINE_BYLINES)))
#: A line in the page date's place that tries to be a date and is not one: a month-like
#: word (``_month_like``), a day, maybe a suffix, a year or a count (``Dce 12``,
#: ``Dec 12th``, ``December 12``, ``Dec 012``, ``Dec 32``, ``Sept 12``, ``Dec16``).
_DATE_ATTEMPT = re.compile(
    r"([A-Za-z]{3,9})\.? {0,2}[0-9]{1,3}(?:st|nd|rd|th)?(?:,? [0-9]{4})?(?: [0-9]+)?"
)
#: The longest line read as a misspelt page date by where it stands (``Sept 12, 2025`` is 14).
_SHORT_DATE = 16
_MONTH_LETTERS = frozenset("".join(sorted(month.lower())) for month in MONTHS)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
#: Header lines (tokenizer kind HEADER) and damaged lines among them that a header takes,
#: before the lines that are header lines only in place (split byline, switcher).
_MAX_HEADER_LINES = 6


def read_header(state: ParseState) -> None:
    """The header the dump starts with, and the page date after it."""
    first = state.peek()
    if first is None:
        state.reporter.defect(
            "missing-header", state.wrapper_end + 1, 1, detail="the input is empty"
        )
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
        set_page_date(
            state, date_line.number, date_parts(date_line.text, date_line.number),
            indent=date_line.indent,
        )
        state.top_page_date = state.page_date
        state.header_span = (lines[0].number, date_line.number)
    elif date_line is not None and _misspelt_page_date(state):
        # A misspelt page date: read as a title, it would take the first title as its
        # abstract, and the first report would come lines later.
        state.expect_gap(state.advance(), 1)
        state.reporter.defect(
            "bad-page-date", date_line.number, 1, detail=f"not a date line: {date_line.text!r}"
        )
        state.header_span = (lines[0].number, date_line.number)


def repeated_header(state: ParseState) -> bool:
    """A header between entries, as when two dumps are concatenated."""
    if not state.peek_is(0, HEADER):
        return False
    lines = _take_header_lines(state)
    first, last = lines[0], lines[-1]
    date_line = state.peek()
    misspelt = False
    if date_line is not None and date_line.kind is DATE:
        last = state.advance()
    elif date_line is not None and _misspelt_page_date(state):
        last = state.advance()  # a misspelt page date (see read_header): the header's too
        misspelt = True
    state.reporter.defect(
        "repeated-header", first.number, 1, end_line=last.number, gap=first.gap
    )
    if misspelt:
        state.reporter.defect(
            "bad-page-date", last.number, 1, detail=f"not a date line: {last.text!r}"
        )
    elif last is not lines[-1]:
        set_page_date(
            state, last.number, date_parts(last.text, last.number), indent=last.indent
        )
    return True


def _starts_header(state: ParseState) -> bool:
    return any(state.peek_is(ahead, HEADER) for ahead in range(3))


def _take_header_lines(state: ParseState) -> list[Line]:
    """Header lines, and damaged lines between them, up to the header's length; then the
    2026 page's split byline and switcher lines where they stand, also damaged (a piece
    lost or misspelt: the bad-header, not papers made of header lines)."""
    lines: list[Line] = []
    while len(lines) < _MAX_HEADER_LINES:
        line = state.peek()
        if line is None:
            break
        if line.kind is HEADER or (
            line.kind is TEXT and lines and len(lines) < 5 and (
                state.peek_is(1, HEADER) or _split_byline_at(state, 1)
            )
        ):
            lines.append(state.advance())
        else:
            break
    if not lines:
        return lines
    if lines[-1].text not in _ONE_LINE_BYLINES:
        after_heading = lines[-1].text in PAGE_TITLES
        lines.extend(state.advance() for _ in range(_byline_lines(state, after_heading)))
    if lines[-1].text in (*_ONE_LINE_BYLINES, *BYLINE_SPLIT) or _near_byline(lines[-1].text):
        for period in PERIODS:
            text = _peek_text(state, 0)
            if text is not None and (text == period or _near_word(text, period)):
                lines.append(state.advance())
    # A text line right before the page date is a damaged header line (a misspelt byline or
    # switcher line), not a paper: a title is followed by its abstract, never by a date. Not
    # when the date is glued to the line after it: the three are one block of stray lines
    # (junk), and taking them made that next line the first title, every entry out of step.
    after = state.peek(2)
    if (
        _peek_text(state, 0) is not None
        and state.peek_is(1, DATE)
        and (after is None or after.gap > 0)
    ):
        lines.append(state.advance())
    return lines


def _split_byline_at(state: ParseState, ahead: int) -> bool:
    return _peek_text(state, ahead) == BYLINE_SPLIT[0] and (
        _peek_text(state, ahead + 1) == BYLINE_SPLIT[1]
    )


def _byline_lines(state: ParseState, after_heading: bool) -> int:
    """How many of the next lines are the byline, split or misspelt (0: none)."""
    texts = [_peek_text(state, ahead) for ahead in range(len(BYLINE_SPLIT))]
    # The split byline, one piece misspelt at most.
    pairs = list(zip(texts, BYLINE_SPLIT, strict=True))
    exact = sum(text == piece for text, piece in pairs)
    near = sum(_near_word(text, piece) for text, piece in pairs)
    if exact >= 2 and exact + near == len(BYLINE_SPLIT):
        return len(BYLINE_SPLIT)
    # What is left of it when a piece is lost: its pieces in order.
    count = 0
    for piece in BYLINE_SPLIT:
        if texts[count] == piece:
            count += 1
    if count >= 2 or (count and after_heading):
        return count
    # A misspelt one-line byline (with no page date after it: see the last rule).
    return 1 if after_heading and _near_byline(texts[0]) else 0


def _near_word(text: str | None, word: str) -> bool:
    """``text`` is ``word`` in another case or with a letter or two wrong (a short word
    with one at most): a misspelt switcher line or byline piece, never an exact one."""
    if text is None or text == word or abs(len(text) - len(word)) > 2:
        return False
    from difflib import SequenceMatcher  # only for a damaged header

    threshold = 0.5 if len(word) <= 2 else 0.75
    return SequenceMatcher(None, text.lower(), word.lower()).ratio() >= threshold


def _misspelt_page_date(state: ParseState) -> bool:
    """Whether the next line, in the page date's place, is a misspelt page date: a date
    attempt (``is_date_attempt``), or a short line with a digit (``Nxv 7``) that as a title
    would put the entry after it out of step: it, a title and an abstract, then a metadata
    block (no valid dump starts its entries with three text lines and then metadata)."""
    line = state.peek()
    if line is None or line.kind is not TEXT:
        return False
    if is_date_attempt(line.text):
        return not _in_step_as_title(state)
    if len(line.text) > _SHORT_DATE or not any("0" <= char <= "9" for char in line.text):
        return False
    return state.peek_is(1, TEXT) and state.peek_is(2, TEXT) and (
        state.peek_is(3, AUTHORS) or (state.peek_is(3, TEXT) and state.peek_is(4, SEPARATOR_KIND))
    )


def _in_step_as_title(state: ParseState) -> bool:
    """Whether the next line, read as a title, is followed by its abstract and then a
    metadata block: a dump without a page date whose first title looks like a date
    (``July 4th``, ``CoT 2``) is in step so, while after a misspelt page date come a title
    and an abstract before any metadata block."""
    return state.peek_is(1, TEXT) and (
        state.peek_is(2, AUTHORS) or (state.peek_is(2, TEXT) and state.peek_is(3, SEPARATOR_KIND))
    )


def reads_as_header(title: str, *, with_metadata: bool = False) -> bool:
    """Whether ``title``, right after a well-formed header with no page date, reads as part
    of the header: a misspelt page date (``Dce 12``; not when its paper is written with a
    metadata block, which keeps it in step as a title) or switcher line (``Weakly``).
    ``render`` refuses such a first title when it writes no page date."""
    return (not with_metadata and is_date_attempt(title)) or any(
        _near_word(title, period) for period in PERIODS
    )


def is_date_attempt(text: str) -> bool:
    """Whether ``text``, in the page date's place, is a misspelt date line (``Dce 12``):
    read as ``bad-page-date``, never as a title."""
    match = _DATE_ATTEMPT.fullmatch(text)
    return match is not None and _month_like(match.group(1).lower())


def _month_like(word: str) -> bool:
    """A month's abbreviation or name in any case, ``sept``, an abbreviation with two
    letters swapped (``dce``), or a name of five letters or more with one wrong."""
    if len(word) == 3:
        return "".join(sorted(word)) in _MONTH_LETTERS
    if word == "sept" or word in _MONTH_NAMES:
        return True
    if len(word) < 5:
        return False
    from difflib import SequenceMatcher  # only for a line in the page date's place

    return any(SequenceMatcher(None, word, name).ratio() >= 0.85 for name in _MONTH_NAMES)


def _near_byline(text: str | None) -> bool:
    """Whether ``text`` is a one-line byline with a few characters lost or changed
    (``byAK and the research communty``), which a dump without a page date would
    otherwise read as its first title, every title and abstract after it out of step."""
    if text is None or not _BYLINE_LENGTHS[0] - 6 <= len(text) <= _BYLINE_LENGTHS[1] + 6:
        return False
    from difflib import SequenceMatcher  # only for a header that lacks its byline

    lower = text.lower()
    return any(
        SequenceMatcher(None, lower, byline.lower()).ratio() >= 0.8 for byline in _ONE_LINE_BYLINES
    )


def _peek_text(state: ParseState, ahead: int) -> str | None:
    line = state.peek(ahead)
    return line.text if line is not None and line.kind is TEXT else None


def _check_header(state: ParseState, lines: list[Line]) -> None:
    """Report the first header line that is not the expected one."""
    index = 0
    for accepted, optional in _STEPS:
        matched = _match(lines, index, accepted)
        if matched:
            for line in lines[index : index + matched]:
                if line.number != lines[0].number:
                    state.expect_gap(line, 1)
            index += matched
        elif not optional:
            at, expected = _first_difference(lines, index, accepted)
            where = lines[at].number if at < len(lines) else lines[-1].number + 1
            state.reporter.defect("bad-header", where, 1, detail=f"expected {expected!r}")
            return
    if index < len(lines):
        state.reporter.defect("bad-header", lines[index].number, 1, detail="unexpected line")


def _first_difference(lines: list[Line], index: int, accepted: _Accepted) -> tuple[int, str]:
    """Where the lines from ``index`` on first differ from the ``accepted`` entries, and
    what was expected there: inside the split byline when its first pieces are there."""
    for entry in accepted:
        if isinstance(entry, tuple) and index < len(lines) and lines[index].text == entry[0]:
            at = index
            for piece in entry:
                if at >= len(lines) or lines[at].text != piece:
                    return at, piece
                at += 1
    first = accepted[0]
    return index, first if isinstance(first, str) else " ".join(first)


def well_formed(header: Sequence[str]) -> bool:
    """Whether ``header`` is a header as the grammar has it (no ``bad-header`` in it):
    ``render`` writes a digest's own header only then, since a damaged one may be read
    back otherwise (a line it took as damaged may read as a title)."""
    index = 0
    for accepted, optional in _STEPS:
        matched = _match_texts(header, index, accepted)
        if matched:
            index += matched
        elif not optional:
            return False
    return index == len(header)


def _match(lines: list[Line], index: int, accepted: _Accepted) -> int:
    """How many lines from ``index`` on one of the ``accepted`` entries matches (0: none)."""
    return _match_texts([line.text for line in lines[index:]], 0, accepted)


def _match_texts(texts: Sequence[str], index: int, accepted: _Accepted) -> int:
    for entry in accepted:
        wanted = (entry,) if isinstance(entry, str) else entry
        if tuple(texts[index : index + len(wanted)]) == wanted:
            return len(wanted)
    return 0
