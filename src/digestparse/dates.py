"""Where date lines are read and yearless dates get their year.

A date line is ``Mon D``, ``Mon D, YYYY``, either optionally followed by a
space and a count (``Jul 20 9``). The count is split off by the grammar
before any date is built: ``dateutil`` would read ``Jul 20 9`` as 2009.
"""

from __future__ import annotations

import datetime
import re

import attrs

from .errors import InternalError

# MAX_AUTHOR_DIGITS: at home in grammar (AUTHORS_TEXT); its users import it from here too.
from .grammar import MAX_AUTHOR_DIGITS as MAX_AUTHOR_DIGITS
from .grammar import MONTH_NUMBER, MONTHS
from .state import ParseState

#: A date without anything after it: ``Mon D`` or ``Mon D, YYYY`` (month, day, year groups).
DATE_PATTERN = "(" + "|".join(MONTHS) + r") ([1-9]|[12][0-9]|3[01])(?:, ([0-9]{4}))?"
#: A whole date line. Digits are ASCII only; the count's length is checked later.
DATE_LINE = re.compile(DATE_PATTERN + r"(?: ([0-9]+))?")

#: How a date starts, well formed or misspelt (``Sep 4``, ``Sept. 4``, ``SEP 4``, ``Sep-4``,
#: ``Sep  4``, ``September 4th``): a month's name, in any case, and a digit after blanks or
#: punctuation, or the name alone at the end (a date hard-wrapped after it).
_DATE_START = re.compile(
    "(?:" + "|".join(MONTHS) + r")[a-z]*\.?(?:[\s,./-]*[0-9]|\Z)", re.IGNORECASE
)

#: Longest count accepted after a date; longer ones are reported, never passed to int().
MAX_COUNT_DIGITS = 18


def check_reference_date(reference_date: datetime.date | None) -> datetime.date | None:
    """A caller's ``reference_date``: a date (a ``datetime`` is reduced to its date) or None."""
    if reference_date is None:
        return None
    if not isinstance(reference_date, datetime.date):
        raise TypeError("reference_date must be a datetime.date")
    if isinstance(reference_date, datetime.datetime):
        return reference_date.date()
    return reference_date


# Feb 29 comes back at least every 8 years (1896 -> 1904).
_LEAP_SEARCH_YEARS = 9


@attrs.frozen(slots=True)
class DateLine:
    month: int
    day: int
    year: int | None
    count_text: str | None
    #: The line without its count, e.g. ``Jul 20`` for ``Jul 20 9``.
    text: str

    @property
    def count_column(self) -> int:
        return len(self.text) + 2


#: What a date line gives a fast path: the date, the count after it (None: no count), the
#: date's own text and whether it names its year.
CleanDate = tuple[datetime.date, "int | None", str, bool]


def read_clean_date(line: str, limit: datetime.date) -> CleanDate | None:
    """What a date line gives where the rules read it without a report, else None. A
    yearless date takes ``limit``'s year; a date after ``limit`` is left to the rules."""
    match = DATE_LINE.fullmatch(line)
    if match is None:
        return None
    month_name, day_text, year_text, count_text = match.groups()
    try:
        when = datetime.date(
            int(year_text) if year_text else limit.year, MONTH_NUMBER[month_name], int(day_text)
        )
    except ValueError:
        return None
    if when > limit:
        return None
    if count_text is None:
        return when, None, line, year_text is not None
    if len(count_text) > MAX_COUNT_DIGITS:
        return None
    return when, int(count_text), line[: match.start(4) - 1], year_text is not None


def starts_like_date(text: str) -> bool:
    """Whether ``text`` starts as a date does, a misspelt one or one cut by a hard wrap after
    its month included: read as a date (or a ``bad-date``) where a date may stand, and
    never where only prose would start so (``· And more``, ``· May we``)."""
    return _DATE_START.match(text) is not None


def read_date_line(line: str) -> DateLine | None:
    """Split a date line into its parts, or None when it is not one."""
    match = DATE_LINE.fullmatch(line)
    if match is None:
        return None
    month, day, year, count = match.groups()
    text = line if count is None else line[: match.start(4) - 1]
    return DateLine(MONTH_NUMBER[month], int(day), int(year) if year else None, count, text)


def date_parts(line: str, number: int) -> DateLine:
    """The parts of a line the tokenizer classified as a date (so it must read)."""
    parts = read_date_line(line)
    if parts is None:
        raise InternalError(f"line {number} was classified as a date but does not read as one")
    return parts


def latest_on_or_before(month: int, day: int, limit: datetime.date) -> datetime.date | None:
    """The latest ``month``/``day`` on or before ``limit``, or None if there is none."""
    for year in range(limit.year, max(limit.year - _LEAP_SEARCH_YEARS, 0), -1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def format_date(date: datetime.date, year_explicit: bool) -> str:
    """The date as a dump writes it: ``Jun 9`` or ``Jun 9, 2024``."""
    text = f"{MONTHS[date.month - 1]} {date.day}"
    return f"{text}, {date.year:04d}" if year_explicit else text


def set_page_date(state: ParseState, number: int, parts: DateLine, *, indent: int = 0) -> None:
    """Set the page date from the date line at ``number`` (its date after ``indent`` blanks):
    a month and day, no year, no count.

    Later yearless entry dates resolve against it. Shared by every dialect.
    """
    if parts.year is not None or parts.count_text is not None:
        state.reporter.defect("bad-page-date", number, indent + len("Mmm ") + 1)
    if parts.year is not None:
        try:
            state.page_date = datetime.date(parts.year, parts.month, parts.day)
        except ValueError:
            state.reporter.defect("impossible-date", number, 1, detail=parts.text)
        return
    resolved = latest_on_or_before(parts.month, parts.day, state.reference_date)
    if resolved is None:
        state.reporter.defect("impossible-date", number, 1, detail=parts.text)
    state.page_date = resolved


def resolve_entry_date(state: ParseState, number: int, parts: DateLine) -> datetime.date | None:
    """The date of an entry read at line ``number``; a yearless one takes the page date's year.

    Reports ``impossible-date`` and ``date-after-page``; shared by every dialect.
    """
    limit = state.date_limit
    limit_name = "page date" if state.page_date else "reference date"
    if parts.year is not None:
        try:
            date = datetime.date(parts.year, parts.month, parts.day)
        except ValueError:
            state.reporter.defect("impossible-date", number, 1, detail=parts.text)
            return None
        if date > limit:
            state.reporter.defect(
                "date-after-page", number, 1,
                detail=f"{date.isoformat()} is after the {limit_name} {limit.isoformat()}",
            )
        return date
    try:
        date = datetime.date(limit.year, parts.month, parts.day)
    except ValueError:
        state.reporter.defect(
            "impossible-date", number, 1, detail=f"{parts.text}, {limit.year}"
        )
    else:
        if date <= limit:
            return date
        state.reporter.defect(
            "date-after-page", number, 1,
            detail=f"{parts.text} is after the {limit_name} {limit.isoformat()}",
        )
    return latest_on_or_before(parts.month, parts.day, limit)


def entry_date_fields(state: ParseState, number: int, parts: DateLine) -> dict[str, object]:
    """The ``Paper`` fields of an entry's date line at line ``number``, for rules that gather
    an entry's fields in a dict: its date (``resolve_entry_date``), date text and whether it
    states its year, and ``votes`` 0 (a count read after it replaces that)."""
    return {
        "date": resolve_entry_date(state, number, parts),
        "votes": 0,
        "date_text": parts.text,
        "year_explicit": parts.year is not None,
    }


def read_count(state: ParseState, number: int, text: str | None, column: int) -> int:
    """The count after a date (``text``, at ``column`` of input line ``number``): 0 when there is
    none. One of more than MAX_COUNT_DIGITS digits is ``bad-votes``, reads as 0 and never
    reaches ``int()``. Shared by every dialect."""
    if text is None:
        return 0
    if len(text) <= MAX_COUNT_DIGITS:
        return int(text)
    state.reporter.defect("bad-votes", number, column, detail=f"{len(text)} digits")
    return 0
