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
from typing import Any

from .dates import DATE_LINE, MAX_AUTHOR_DIGITS, CleanDate, read_clean_date
from .grammar import (
    AUTHORS_PREFIX,
    BULLET,
    HEADER_MAX_LEN,
    HEADER_SET,
    MONTH_NUMBER,
    SEPARATOR,
    authors_count,
    cannot_be_title,
)
from .links import extract_links
from .model import fast_paper
from .state import ParseState

_PREFIX_LEN = len(AUTHORS_PREFIX)
_DIGITS = frozenset("0123456789")
#: A text line starting with one of these is not a clean TEXT line.
_NOT_TEXT_START = frozenset(" \t" + BULLET)
#: A date line starts with one of these (a month's initial): only then is it sliced.
_MONTH_INITIALS = frozenset(name[0] for name in MONTH_NUMBER)


def is_clean_text(line: str) -> bool:
    """Whether ``line`` is a TEXT line that reading reports nothing about."""
    if not line:
        return False
    first = line[0]
    return (
        first not in _NOT_TEXT_START
        and line[-1] not in " \t"
        and line != SEPARATOR
        and not (
            first in _MONTH_INITIALS and line[:3] in MONTH_NUMBER and DATE_LINE.fullmatch(line)
        )
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
    if end == _PREFIX_LEN or end - _PREFIX_LEN > MAX_AUTHOR_DIGITS:
        return None
    tail = line[end:]
    if tail != " authors" and tail != " author":
        return None
    return int(line[_PREFIX_LEN:end])


#: Canonical date lines already read, with what they give under a date limit:
#: limit -> line -> (date, votes, date text, year explicit), or None when the fast path must
#: leave the line to the rules. Most entries of a page share a few dates.
_DATES: dict[datetime.date, dict[str, CleanDate | None]] = {}
#: Authors lines already read: line -> count, or None when it is not a canonical one.
_AUTHORS: dict[str, int | None] = {}
_CACHE_LIMIT = 4096
#: Not in a cache (None is a cached answer).
_MISSING: Any = object()
#: Only short lines are kept (canonical date and authors lines are at most 31 characters).
_CACHED_LEN = 40


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next; True if there were any.

    Call it only between elements (after a rule), when ``state.rewind()``
    succeeds.
    """
    raw = state.raw_lines
    if raw is None or not state.rewind() or state.number == state.wrapper_end:
        # Never at the first line (after a capture wrapper's): a blank first line is not a
        # separator but a defect.
        return False
    # ``raw`` is a window over the input (all of it for a list source): raw[i] is line
    # base + i + 1. Where the window ends before the input does, an entry is read only
    # if all eight lines the rules could look at are in it; at the window's end the next
    # block is taken in, so entries that straddle two blocks are read here too.
    base = state.raw_base
    count, complete = state.raw_end()
    stop = count if complete else count - 7
    start = state.number
    i = start - base  # raw[i] is the first line not yet consumed
    limit = state.date_limit
    papers = state.papers
    append = papers.append
    clean = is_clean_text
    if len(_DATES) > _CACHE_LIMIT:
        _DATES.clear()
    dates = _DATES.setdefault(limit, {})
    authors = _AUTHORS
    if len(dates) > _CACHE_LIMIT:
        dates.clear()
    if len(authors) > _CACHE_LIMIT:
        authors.clear()
    missing = _MISSING
    # Every link holds a '/' (extract_links checks that first too): most abstracts hold
    # none, and the call is saved for them.
    # Entry: raw[i] == "", title raw[i+1], "", abstract raw[i+3].
    while True:
        if i >= stop:
            # Past the window's end (not the input's): hand out the papers read so far (the
            # run loop calls again), else take in more lines; unless the window stops at a
            # line with a decoding defect, which the rules must read.
            if complete or count < len(raw) or base + i != start:
                break
            keep = base + i
            state.read_more(keep)
            raw = state.raw_lines
            assert raw is not None
            base = state.raw_base
            count, complete = state.raw_end()
            stop = count if complete else count - 7
            i = keep - base
            continue
        if not (i + 3 < count and not raw[i] and not raw[i + 2]):
            break
        title = raw[i + 1]
        abstract = raw[i + 3]
        if not clean(title) or cannot_be_title(title) or not clean(abstract):
            break
        after = i + 4  # the line after the abstract
        if after < count and raw[after]:
            break
        if after + 1 >= count:
            # The abstract ends the input, or one blank line does: no metadata.
            links = extract_links(abstract) if "/" in abstract else ()
            append(
                fast_paper(
                    title, abstract, None, None, None, None, links, base + i + 2, base + i + 4,
                    None, None,
                )
            )
            i = after
            break
        first = raw[after + 1]
        if after + 3 < count and raw[after + 2] == SEPARATOR:
            author_count = authors.get(first, missing)
            if author_count is missing:
                author_count = _author_count(first)
                if len(first) <= _CACHED_LEN:
                    authors[first] = author_count
            organization: str | None = None
            if author_count is None:
                if not clean(first) or authors_count(first) is not None:
                    break
                organization = first
            date_line = raw[after + 3]
            read = dates.get(date_line, missing)
            if read is missing:
                read = read_clean_date(date_line, limit)
                if len(date_line) <= _CACHED_LEN:
                    dates[date_line] = read
            if read is None:
                break
            when, votes, date_text, year_explicit = read
            append(
                fast_paper(
                    title,
                    abstract,
                    author_count,
                    organization,
                    when,
                    0 if votes is None else votes,
                    extract_links(abstract) if "/" in abstract else (),
                    base + i + 2,
                    base + i + 8,
                    date_text,
                    year_explicit,
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
        append(
            fast_paper(
                title, abstract, None, None, None, None,
                extract_links(abstract) if "/" in abstract else (),
                base + i + 2, base + i + 4, None, None,
            )
        )
        i = after
    if base + i == start:
        return False
    state.skip_to(base + i)
    return True
