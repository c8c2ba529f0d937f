"""The html-text fast path: canonical entries read straight from the list of lines.

A canonical entry is what ``rules.entry`` reads without reporting anything
(blank lines do not matter in this dialect). The reader walks the entry's
lines in the order the rules read them, tests each with the cheapest check
that gives the same answer as ``classify`` (an equality or one pattern where
the line's place leaves one kind to tell apart), builds the fields with
``fields.py`` as the rules do, and gives way to the rules at the first line
it is not sure of. tests/test_dialect_html_text.py checks that both paths agree.
"""

from __future__ import annotations

import datetime
import functools

from ...dates import read_date_line
from ...links import extract_links, paper_url
from ...markup import join_wrapped, plain
from ...model import Paper
from ...state import ParseState
from ..window import read_window
from .fields import author_count, link_id, organization_of, title_of, upvote_count
from .lines import (
    ANCHOR,
    ANCHOR_LINE,
    AUTHORS_LINE,
    AVATAR_LINE,
    AVATAR_LINK,
    AVATAR_LINK_LINE,
    LINKS,
    META,
    PLACEHOLDER_LINE,
    SUBMITTED,
    SUBMITTED_BY,
    TEXT,
    TITLE,
    TITLE_MARK,
    UPVOTE_COUNT_LINE,
    UPVOTE_OPEN,
    classify,
    meta,
)
from .rules import MAX_TITLE_LINES

#: The kinds an entry can start with (``rules.starts_entry``); at any other line the rules
#: read (junk, or a damaged entry), and the fast path does not even set up.
_FIRST_KINDS = frozenset({AVATAR_LINK, ANCHOR, SUBMITTED, TITLE})
#: The entry's date, read once per date text and limit (a page shows few dates).
_DATES_CACHED = 256

_Date = tuple[datetime.date, str, bool]


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next, straight from the list of lines."""
    line = state.peek()  # already read by the run loop: free
    if line is None or line.kind not in _FIRST_KINDS:
        return False
    limit = state.date_limit
    return read_window(state, lambda raw: lambda index: _entry(raw, index, limit))


def _next(raw: list[str], index: int) -> tuple[int, str]:
    """The first non-blank line from ``index`` on, stripped, and its index (``""`` at the end)."""
    count = len(raw)
    while index < count:
        text = raw[index]
        if text:  # most blank lines are empty: no strip for them
            text = text.strip(" \t")
            if text:
                return index, text
        index += 1
    return count, ""


def _entry(raw: list[str], index: int, limit: datetime.date) -> tuple[Paper, int] | None:
    """The canonical entry whose first line is the first non-blank one from ``index`` on, and
    the index after its last line; None where the rules must read."""
    first, text = _next(raw, index)
    at = first
    # The lead-in. An avatar link or an anchor starts an entry only before the lines that
    # must follow them here anyway, so the title check below covers ``starts_entry``.
    if text[:2] == "[[" and AVATAR_LINK_LINE.fullmatch(text):
        at, text = _next(raw, at + 1)
    submitted_by = None
    if text == SUBMITTED_BY:
        at, text = _next(raw, at + 1)
        if PLACEHOLDER_LINE.fullmatch(text):
            at, text = _next(raw, at + 1)
        if not text or classify(text) is not TEXT:
            return None
        submitted_by = plain(text)
        at, text = _next(raw, at + 1)
    while text[:1] == "<" and ANCHOR_LINE.fullmatch(text):
        at, text = _next(raw, at + 1)
    if not text.startswith(TITLE_MARK):
        return None

    heading = [text[len(TITLE_MARK) :]]
    previous = at
    at, text = _next(raw, at + 1)
    while "](" not in heading[-1] and len(heading) < MAX_TITLE_LINES:
        # The rules take a wrapped title's next part only from the very next line.
        if not (text and at == previous + 1 and classify(text) in (TEXT, LINKS)):
            break
        heading.append(text)
        previous = at
        at, text = _next(raw, at + 1)
    title = title_of(join_wrapped(heading))
    if title is None:
        return None

    abstract_lines = []
    while text and classify(text) is TEXT:
        abstract_lines.append(text)
        at, text = _next(raw, at + 1)
    if not abstract_lines:
        return None

    while text == "-" or AVATAR_LINE.fullmatch(text):
        at, text = _next(raw, at + 1)
    authors = None
    if AUTHORS_LINE.fullmatch(text):
        authors = author_count(text)
        at, text = _next(raw, at + 1)
    split = meta(text) if text and classify(text) is META else None
    if split is None:
        return None
    organization_text, date_text = split
    organization = organization_of(organization_text) if organization_text else None
    if organization is None and authors is None:
        return None
    date = _entry_date(date_text, limit)
    if date is None:
        return None

    at, text = _next(raw, at + 1)
    if text != UPVOTE_OPEN:
        return None
    at, text = _next(raw, at + 1)
    if not UPVOTE_COUNT_LINE.fullmatch(text):
        return None
    upvotes = upvote_count(text)
    end = at + 1
    identifier = title[1]
    at, text = _next(raw, end)
    while text and classify(text) is LINKS:
        identifier = identifier or link_id(text)
        end = at + 1
        at, text = _next(raw, end)

    abstract = join_wrapped(abstract_lines)
    paper = Paper(
        title=title[0],
        abstract=abstract,
        author_count=authors,
        organization=organization,
        date=date[0],
        votes=0,
        links=extract_links(abstract),
        line=first + 1,
        end_line=end,
        date_text=date[1],
        year_explicit=date[2],
        upvotes=upvotes,
        paper_id=identifier,
        url=paper_url(identifier) if identifier is not None else None,
        submitted_by=submitted_by,
    )
    return paper, end


@functools.lru_cache(maxsize=_DATES_CACHED)
def _entry_date(text: str, limit: datetime.date) -> _Date | None:
    """(date, date text, year explicit) of a date the rules resolve without a report."""
    parts = read_date_line(text)
    if parts is None or parts.count_text is not None:
        return None
    try:
        date = datetime.date(
            limit.year if parts.year is None else parts.year, parts.month, parts.day
        )
    except ValueError:
        return None
    if date > limit:
        return None
    return date, parts.text, parts.year is not None
