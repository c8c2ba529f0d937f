"""The metadata block: authors or organization line, '·', date line."""

from __future__ import annotations

import datetime
import re

from ..dates import MAX_AUTHOR_DIGITS, date_parts, read_count, resolve_entry_date
from ..grammar import AUTHORS_PREFIX, authors_count
from ..state import Line, ParseState
from ..tokenizer import AUTHORS, DATE, SEPARATOR_KIND, TEXT

_AUTHORS_TAIL = (" authors", " author")
_LOOSE_AUTHORS = re.compile(rf"\u2022\s*([0-9]{{1,{MAX_AUTHOR_DIGITS}}})\s*authors?\b")


class Metadata:
    """What an entry's metadata block gave (a plain class: an attrs class costs import time,
    and this one is only read by the entry rule)."""

    __slots__ = (
        "author_count", "date", "date_text", "end_line", "organization", "votes",
        "year_explicit",
    )

    def __init__(
        self,
        author_count: int | None = None,
        organization: str | None = None,
        date: datetime.date | None = None,
        votes: int | None = None,
        date_text: str | None = None,
        year_explicit: bool | None = None,
        end_line: int = 0,
    ) -> None:
        self.author_count = author_count
        self.organization = organization
        self.date = date
        self.votes = votes
        self.date_text = date_text
        self.year_explicit = year_explicit
        self.end_line = end_line


def read_metadata(state: ParseState) -> Metadata | None:
    """The metadata block after an abstract, or None when the entry has none."""
    first = state.peek()
    if first is None:
        return None
    author_count: int | None = None
    organization: str | None = None
    if first.kind is AUTHORS:
        state.expect_gap(state.advance(), 1)
        author_count = _read_authors(state, first)
    elif is_organization_line(state, 0):
        state.expect_gap(state.advance(), 1)
        author_count = authors_count(first.text.strip())
        if author_count is None:
            organization = first.text
        else:
            state.reporter.defect("bad-authors", first.number, 1,
                                  detail="expected two spaces, '\u2022' and a space")
    elif first.kind is SEPARATOR_KIND or first.kind is DATE:
        state.expect_gap(first, 1)
        state.reporter.defect("missing-authors", first.number, 1)
    else:
        return None

    separator = state.peek()
    if separator is not None and separator.kind is SEPARATOR_KIND:
        line = state.advance()
        if line is not first:
            state.expect_gap(line, 0)
    elif separator is None:
        state.reporter.defect("truncated-entry", state.last_line, 1, detail="no '\u00b7' line")
        return Metadata(author_count, organization, end_line=state.last_line)
    else:
        _report_missing(state, "missing-separator", separator)

    date_line = state.peek()
    if date_line is not None and date_line.kind is DATE:
        line = state.advance()
        state.expect_gap(line, 0)
        return _with_date(state, line, author_count, organization)
    if date_line is not None and date_line.kind is TEXT and date_line.gap == 0:
        line = state.advance()
        state.reporter.defect("bad-date", line.number, 1, detail=repr(line.text[:40]))
    else:
        _report_missing(state, "missing-date", date_line)
    return Metadata(author_count, organization, end_line=state.last_line)


_MISSING = {"missing-separator": "no '\u00b7' line", "missing-date": "no date line"}


def is_organization_line(state: ParseState, ahead: int) -> bool:
    """A text line directly followed by a lone '\u00b7' opens a metadata block."""
    return state.peek_is(ahead, TEXT) and state.peek_is(ahead + 1, SEPARATOR_KIND, glued=True)


def _report_missing(state: ParseState, code: str, found: Line | None) -> None:
    if found is None:
        state.reporter.defect("truncated-entry", state.last_line, 1, detail=_MISSING[code])
    else:
        state.reporter.defect(code, found.number if found.gap == 0 else state.last_line + 1, 1)


def _read_authors(state: ParseState, line: Line) -> int | None:
    text = line.text
    if text.startswith(AUTHORS_PREFIX):
        digits_end = len(AUTHORS_PREFIX)
        while digits_end < len(text) and "0" <= text[digits_end] <= "9":
            digits_end += 1
        digits = text[len(AUTHORS_PREFIX) : digits_end]
        if digits and text[digits_end:] in _AUTHORS_TAIL:
            if len(digits) <= MAX_AUTHOR_DIGITS:
                return int(digits)
            state.reporter.defect(
                "bad-authors", line.number, len(AUTHORS_PREFIX) + 1, detail="count too large"
            )
            return None
        column = digits_end + 1 if digits else len(AUTHORS_PREFIX) + 1
        detail = "expected ' authors' after the count" if digits else "expected a count"
    else:
        column, detail = 1, "expected two spaces, '\u2022' and a space"
    state.reporter.defect("bad-authors", line.number, column, detail=detail)
    loose = _LOOSE_AUTHORS.search(text)
    return int(loose.group(1)) if loose else None


def _with_date(
    state: ParseState, line: Line, author_count: int | None, organization: str | None
) -> Metadata:
    parts = date_parts(line.text, line.number)
    votes = read_count(state, line.number, parts.count_text, line.column(parts.count_column))
    return Metadata(
        author_count,
        organization,
        resolve_entry_date(state, line.number, parts),
        votes,
        parts.text,
        parts.year is not None,
        line.number,
    )
