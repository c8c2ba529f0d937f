"""The fast path of the ``reference-text`` dialect: canonical entries read straight from the
list of lines.

Nearly every entry of a capture is canonical (rules.py gives the shape): a
whole upvote box, a ``### [Title][N]`` title (wrapped lines glued), an
abstract in its brackets whose lines start with none of ``[ ] # *``, a whole
authors box or an organization line, ``·`` and a date that resolves without
complaint. ``read_canonical`` reads a run of such entries with a few
comparisons per line, and hands everything else to the rules from the start
of the first entry it is not sure of. It must give exactly what the rules
give, and reports nothing; tests/test_dialect_reference_text.py compares the
two on the capture and on damaged copies of it.
"""

from __future__ import annotations

import datetime

from ...dates import MAX_COUNT_DIGITS
from ...grammar import MONTH_NUMBER, SEPARATOR
from ...links import extract_links
from ...markup import is_reference_close, join_wrapped, strip_image_alt, whole_reference
from ...model import Paper
from ...state import ParseState
from ..window import read_window
from .lines import (
    DATE_AND_COMMENTS,
    MAX_PHRASE_LINE,
    TITLE_CLOSE,
    TRUNCATION_MARK,
    Kind,
    authors_count,
    page_phrase,
    upvotes,
)

#: An abstract line starting with one of these may be a mark of the structure: the rules decide.
_NOT_ABSTRACT_START = frozenset("[]#*")
_MAX_AUTHOR_DIGITS = 9


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next; True if there were any."""
    limit = state.date_limit
    return read_window(state, lambda raw: lambda i: _entry(raw, i, limit))


def _next(raw: list[str], i: int) -> tuple[int, str]:
    """The index and stripped text of the first non-blank line from ``i`` on ("" at the end)."""
    count = len(raw)
    while i < count:
        text = raw[i].strip(" \t")
        if text:
            return i, text
        i += 1
    return count, ""


def _entry(raw: list[str], i: int, limit: datetime.date) -> tuple[Paper, int] | None:
    """The canonical entry starting at ``raw[i]`` and the index after it, or None."""
    box, text = _next(raw, i)
    if text != "[":
        return None
    j, text = _next(raw, box + 1)
    if len(text) > MAX_COUNT_DIGITS or (count := upvotes(text)) is None:
        return None
    j, text = _next(raw, j + 1)
    if not is_reference_close(text):
        return None
    title_end = _title(raw, j + 1)
    if title_end is None:
        return None
    title, j = title_end
    abstract_end = _abstract(raw, j + 1)
    if abstract_end is None:
        return None
    abstract, j = abstract_end
    author_count: int | None = None
    organization: str | None = None
    j, text = _next(raw, j + 1)
    if text == "[":
        j, text = _next(raw, j + 1)
        digits = authors_count(text)
        if digits is None or len(digits) > _MAX_AUTHOR_DIGITS:
            return None
        author_count = int(digits)
        j, text = _next(raw, j + 1)
        if not is_reference_close(text):
            return None
    elif text[:1] == "[" and text != TRUNCATION_MARK and (name := whole_reference(text)):
        organization = " ".join(strip_image_alt(name).split())
    else:
        return None
    j, text = _next(raw, j + 1)
    if text != SEPARATOR:
        return None
    j, text = _next(raw, j + 1)
    date = DATE_AND_COMMENTS.fullmatch(text) if text[:3] in MONTH_NUMBER else None
    if date is None:
        return None
    month, day, year, comments = date.groups()
    if comments is not None and len(comments) > MAX_COUNT_DIGITS:
        return None
    try:
        when = datetime.date(
            int(year) if year is not None else limit.year, MONTH_NUMBER[month], int(day)
        )
    except ValueError:
        return None
    if when > limit:
        return None
    paper = Paper(
        title,
        abstract,
        author_count,
        organization,
        when,
        int(comments) if comments is not None else 0,
        extract_links(abstract),
        box + 1,
        j + 1,
        text[: date.end(3) if year is not None else date.end(2)],
        year is not None,
        upvotes=count,
    )
    return paper, j + 1


def _title(raw: list[str], i: int) -> tuple[str, int] | None:
    """A ``### [Title][N]`` title (its wrapped lines glued) and the index of its last line."""
    j, text = _next(raw, i)
    if not text.startswith("### "):
        return None
    close = TITLE_CLOSE.search(text)
    if close is not None:  # one line: what join_wrapped gives for it, without the call
        body = text[4:].lstrip()
        if not body.startswith("["):
            return None
        return " ".join(body[1 : close.start() - len(text) + len(body)].split()), j
    parts = [text[4:]]
    while not TITLE_CLOSE.search(text):
        j += 1
        text = raw[j].strip(" \t") if j < len(raw) else ""
        if not text.startswith("### "):
            return None
        parts.append(text[4:])
    joined = join_wrapped(parts)
    close = TITLE_CLOSE.search(joined)
    if close is None or not joined.startswith("["):
        return None
    return " ".join(joined[1 : close.start()].split()), j


def _abstract(raw: list[str], i: int) -> tuple[str, int] | None:
    """An abstract in its brackets and the index of its ``][N]`` line."""
    j, text = _next(raw, i)
    if text != "[":
        return None
    parts: list[str] = []
    append = parts.append
    count = len(raw)
    j += 1
    while j < count:
        text = raw[j].strip(" \t")
        if text:
            if text[0] in _NOT_ABSTRACT_START or text == SEPARATOR:
                break
            append(text)
        j += 1
    if j >= count or not parts or not is_reference_close(text):
        return None
    # join_wrapped(parts) is a join with spaces when no line ends with '-' (a broken word)
    # and none has white space at either end that it would strip.
    simple = True
    for part in parts:
        if len(part) <= MAX_PHRASE_LINE and page_phrase(part, Kind.TEXT) is not None:
            return None  # a header starts: the rules report the cut
        if simple and (part[-1] == "-" or part[-1].isspace() or part[0].isspace()):
            simple = False
    return (" ".join(parts) if simple else join_wrapped(parts)), j
