"""The ``text-urls`` dialect's fast path: canonical entries read straight from the list of lines.

It must produce exactly what the rules (``rules.py``) would, so it accepts only
what they read without reporting anything, and gives way to them at the first
line it is not sure of.
"""

from __future__ import annotations

import datetime

from ...dates import MAX_COUNT_DIGITS, read_date_line
from ...grammar import SEPARATOR
from ...links import extract_links, paper_id, paper_url
from ...markup import join_wrapped, plain
from ...model import Paper
from ...state import ParseState
from ..window import read_window
from .lines import (
    AUTHORS_LINK,
    BRACKET,
    DIGITS,
    MAX_DATE_LEN,
    SEPARATOR_KIND,
    TEXT,
    UPVOTE_BOX,
    UPVOTES,
    URL,
    classify,
    is_box,
    is_count,
    is_url,
)


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next, straight from the list of lines.

    A canonical entry is what ``entry`` reads without reporting anything, with
    at least one blank line before each of its lines (so no hard wraps): the
    same classes, the same helpers, the same papers. At the first line it is
    not sure of it stops, and the rules take over (tests/test_dialect_text_urls.py
    checks that both paths agree).
    """
    line = state.peek()
    if line is None or line.kind is not UPVOTES:
        # Every canonical entry starts at its upvote box; the rules read this line, and
        # peeking at it first spares them a window and a failed read per junk line.
        return False
    limit = state.date_limit
    return read_window(state, lambda raw: lambda index: _canonical_entry(raw, index, limit))


def _after(raw: list[str], index: int) -> tuple[int, str] | None:
    """The first non-blank line from ``index`` on, stripped, if at least one blank line
    comes before it; None when it is glued or there is none."""
    count = len(raw)
    j = index
    while j < count:
        text = raw[j]
        if text and (text[0] not in " \t" or text.strip(" \t")):
            break
        j += 1
    if j == index or j >= count:
        return None
    if text[0] in " \t" or text[-1] in " \t":
        text = text.strip(" \t")
    return j, text


def _canonical_entry(
    raw: list[str], index: int, limit: datetime.date
) -> tuple[Paper, int] | None:
    box = _after(raw, index)
    if box is None or not is_box(box[1]):
        return None
    line = _after(raw, box[0] + 1)
    if line is None or not is_url(line[1]):
        return None
    title = _after(raw, line[0] + 1)
    if title is None or classify(title[1]) is not TEXT:
        return None
    title_url = _after(raw, title[0] + 1)
    if title_url is None or not is_url(title_url[1]):
        return None
    abstract = _after(raw, title_url[0] + 1)
    if abstract is None or classify(abstract[1]) is not TEXT:
        return None
    line = _after(raw, abstract[0] + 1)
    if line is None or not is_url(line[1]):
        return None
    line = _after(raw, line[0] + 1)
    if line is None or line[1] == SEPARATOR:
        return None  # an organization where the abstract should be, or a cut entry
    fields: dict[str, object] = {}
    # Label-less link lines, as _metadata skips them.
    while is_url(line[1]):
        ahead = _after(raw, line[0] + 1)
        if ahead is None or classify(ahead[1]) not in (URL, TEXT, BRACKET, SEPARATOR_KIND):
            return None
        line = ahead
    following = _after(raw, line[0] + 1)
    if following is None:
        return None
    if line[1] == "[":
        match = AUTHORS_LINK.fullmatch(following[1]) if following[1][0] in DIGITS else None
        if match is None or is_count(following[1]):
            return None
        fields["author_count"] = int(match.group(1))
    elif classify(line[1]) is TEXT and is_url(following[1]):
        fields["organization"] = plain(line[1])
    else:
        return None
    separator = _after(raw, following[0] + 1)
    if separator is None or separator[1] != SEPARATOR:
        return None
    date_line = _after(raw, separator[0] + 1)
    if date_line is None:
        return None
    text = date_line[1]
    parts = read_date_line(text) if len(text) <= MAX_DATE_LEN and "A" <= text[0] <= "S" else None
    if parts is None or (parts.count_text is not None and len(parts.count_text) > MAX_COUNT_DIGITS):
        return None
    try:
        when = datetime.date(
            limit.year if parts.year is None else parts.year, parts.month, parts.day
        )
    except ValueError:
        return None
    if when > limit:
        return None
    end = date_line[0] + 1
    votes = int(parts.count_text) if parts.count_text is not None else 0
    if parts.count_text is None:
        if end < len(raw) and raw[end].strip(" \t"):
            return None  # a line glued under the date: the rules read it whatever it is
        count = _after(raw, end)
        if count is not None and count[1][0] in DIGITS and is_count(count[1]):
            link = _after(raw, count[0] + 1)
            if link is None or not is_url(link[1]):
                return None
            votes = int(count[1])
            end = link[0] + 1
    identifier = paper_id(title_url[1])
    abstract_text = join_wrapped([abstract[1]])
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    upvotes = box[1][len(UPVOTE_BOX) :]
    paper = Paper(
        title=plain(join_wrapped([title[1]])),
        abstract=abstract_text,
        date=when,
        votes=votes,
        links=extract_links(abstract_text),
        line=box[0] + 1,
        end_line=end,
        date_text=parts.text,
        year_explicit=parts.year is not None,
        upvotes=0 if upvotes == "-" else int(upvotes),
        **fields,  # type: ignore[arg-type]
    )
    return paper, end
