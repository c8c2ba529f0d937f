"""The fast path: canonical entries read straight from the list of lines.

Nearly every entry of a real dump is canonical: one blank line, the title,
one blank line, the abstract, then one blank line and an authors (or
organization) line, ``·`` and a date that resolves without complaint, or no
metadata block at all. ``read_canonical`` recognises a run of such entries
with a few comparisons per line, without building ``Line`` tuples or going
through the rules, and hands everything else to the state machine.

It must produce exactly what the rules would: the same papers, fields and
line numbers, and no diagnostic (so strict and lenient agree). It therefore
accepts only what the rules accept *without reporting anything*, and stops at
the first line it is not sure of; the rules then take over from there.
``tests/test_perf_equivalence.py`` checks the two paths agree on the fixtures
and on damaged inputs.
"""

from __future__ import annotations

import datetime

from .dates import DATE_LINE, MAX_COUNT_DIGITS
from .grammar import (
    AUTHORS_PREFIX,
    BULLET,
    HEADER_MAX_LEN,
    HEADER_SET,
    MONTH_NUMBER,
    SEPARATOR,
    cannot_be_title,
)
from .links import extract_links
from .model import Paper
from .state import ParseState

_PREFIX_LEN = len(AUTHORS_PREFIX)
_MAX_AUTHOR_DIGITS = 9
_DIGITS = frozenset("0123456789")
#: A text line starting with one of these is not a clean TEXT line.
_NOT_TEXT_START = frozenset(" \t" + BULLET)


def is_clean_text(line: str) -> bool:
    """Whether ``line`` is a TEXT line that reading reports nothing about."""
    return (
        bool(line)
        and line[0] not in _NOT_TEXT_START
        and line[-1] not in " \t"
        and line != SEPARATOR
        and not (line[:3] in MONTH_NUMBER and DATE_LINE.fullmatch(line))
        and not (len(line) <= HEADER_MAX_LEN and line in HEADER_SET)
    )


def _author_count(line: str) -> int | None:
    """The count of a canonical authors line (``  • 3 authors``), else None."""
    if not line.startswith(AUTHORS_PREFIX):
        return None
    end = _PREFIX_LEN
    size = len(line)
    while end < size and line[end] in _DIGITS:
        end += 1
    if end == _PREFIX_LEN or end - _PREFIX_LEN > _MAX_AUTHOR_DIGITS:
        return None
    tail = line[end:]
    if tail != " authors" and tail != " author":
        return None
    return int(line[_PREFIX_LEN:end])


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next; True if there were any.

    Call it only between elements (after a rule), when ``state.rewind()``
    succeeds.
    """
    raw = state.raw_lines
    if raw is None or not state.rewind():
        return False
    count = len(raw)
    start = i = state.number  # raw[i] is the first line not yet consumed
    limit = state.date_limit
    limit_year = limit.year
    papers = state.papers
    append = papers.append
    fullmatch = DATE_LINE.fullmatch
    date = datetime.date
    clean = is_clean_text
    # Entry: raw[i] == "", title raw[i+1], "", abstract raw[i+3]. Never at i == 0:
    # a blank first line is not a separator but a defect (extra-blank-line).
    while i > 0 and i + 3 < count and not raw[i] and not raw[i + 2]:
        title = raw[i + 1]
        abstract = raw[i + 3]
        if not clean(title) or cannot_be_title(title) or not clean(abstract):
            break
        after = i + 4  # the line after the abstract
        if after < count and raw[after]:
            break
        if after + 1 >= count:
            # The abstract ends the input, or one blank line does: no metadata.
            links = extract_links(abstract)
            append(Paper(title, abstract, links=links, line=i + 2, end_line=i + 4))
            i = after
            break
        if raw[after]:
            break
        first = raw[after + 1]
        if after + 3 < count and raw[after + 2] == SEPARATOR:
            author_count = _author_count(first)
            organization: str | None = None
            if author_count is None:
                if not clean(first):
                    break
                organization = first
            date_text = raw[after + 3]
            match = fullmatch(date_text)
            if match is None:
                break
            month_name, day_text, year_text, count_text = match.groups()
            month = MONTH_NUMBER[month_name]
            day = int(day_text)
            try:
                when = date(int(year_text) if year_text else limit_year, month, day)
            except ValueError:
                break
            if when > limit:
                break
            votes = 0
            if count_text is not None:
                if len(count_text) > MAX_COUNT_DIGITS:
                    break
                votes = int(count_text)
                date_text = date_text[: match.start(4) - 1]
            append(
                Paper(
                    title,
                    abstract,
                    author_count,
                    organization,
                    when,
                    votes,
                    extract_links(abstract),
                    i + 2,
                    i + 8,
                    date_text,
                    year_text is not None,
                )
            )
            i = after + 4
            continue
        # No metadata block: the next element must be a title the rules would
        # not take for an organization line (no '·' glued under it).
        # The rules look one line past it (is it an organization line?): that
        # line must be one blank line down and read without a report.
        if not clean(first):
            break
        if after + 2 < count:
            if raw[after + 2]:
                break
            if after + 3 < count:
                below = raw[after + 3]
                if not below or below[0] in " \t" or below[-1] in " \t":
                    break
        append(Paper(title, abstract, links=extract_links(abstract), line=i + 2, end_line=i + 4))
        i = after
    if i == start:
        return False
    state.skip_to(i)
    return True
