"""The ``text-urls`` dialect's fast path: canonical entries read straight from the list of lines.

It must produce exactly what the rules (``rules.py``) would, so it accepts only
what they read without reporting anything, and gives way to them at the first
line it is not sure of.

An entry is read from its *elements*, its non-blank lines: each must have at
least one blank line before it (no hard wraps). In the capture's own layout
every element is exactly one empty line below the one before, so two slices
of the list of lines give them all (``_elements``); any other spacing is
walked line by line.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from functools import partial
from typing import Any

from ...dates import MAX_COUNT_DIGITS, CleanDate, read_clean_date
from ...grammar import SEPARATOR
from ...links import extract_links, paper_url
from ...markup import plain
from ...model import Paper, fast_paper
from ...state import BLANKS, ParseState
from ..window import read_window
from .lines import (
    AUTHORS_LINK,
    BRACKET,
    CARD_LINK_START,
    DIGITS,
    MAX_DATE_LEN,
    PLAIN_LEN,
    SEPARATOR_KIND,
    SHAPED_START,
    TEXT,
    UPVOTE_BOX,
    UPVOTES,
    URL,
    classify,
    is_box,
    is_card_link,
    is_count,
    is_site_url,
    is_url,
    link_paper_id,
)
from .rules import DATES_SHOWN

#: An entry is read from at most this many elements: ten for the shortest, with room
#: for label-less link lines before an organization and a comment count after the date.
_MAX_ELEMENTS = 16
#: How many elements two slices take in the capture's own layout: enough for an entry
#: with authors and a comment count; fewer than ``_MAX_ELEMENTS``, so that a slice
#: rarely reaches into the next entry, where a line of blanks would spoil it.
_STRIDE_ELEMENTS = 12
#: What every other line is in the capture's own layout.
_BLANKS = [""] * _STRIDE_ELEMENTS
#: Where the elements before the metadata block end: box, its link, title, its link,
#: abstract, its link.
_HEAD = 6
#: The kinds a label-less link line may be followed by (``rules._metadata`` skips it).
_AFTER_LINK = (URL, TEXT, BRACKET, SEPARATOR_KIND)


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
    _trim_caches()
    if not read_window(state, lambda raw: partial(_entry, limit, raw)):
        return False
    state.memo[DATES_SHOWN] = True  # every entry this path reads has its date
    return True


# -- elements --------------------------------------------------------------------------


def _elements(raw: list[str], index: int) -> tuple[list[str], Sequence[int], bool]:
    """The elements from ``index`` on, stripped, with their indexes in ``raw``, and whether
    only blank lines follow the last of them.

    At most ``_MAX_ELEMENTS``; fewer where a glued line (one with no blank line before
    it) or the end of the list comes first, or where the capture's layout gives
    ``_STRIDE_ELEMENTS`` of them.
    """
    end = index + 2 * _STRIDE_ELEMENTS
    if end <= len(raw) and raw[index:end:2] == _BLANKS:
        elements = [text.strip(BLANKS) for text in raw[index + 1 : end : 2]]
        if "" not in elements:  # a line of blanks is no element
            return elements, range(index + 1, end, 2), False
    return _walk(raw, index)


def _walk(raw: list[str], index: int) -> tuple[list[str], list[int], bool]:
    """``_elements`` for any spacing, a line at a time."""
    elements: list[str] = []
    positions: list[int] = []
    count = len(raw)
    j = index
    while len(elements) < _MAX_ELEMENTS:
        start = j
        while j < count and (not raw[j] or not raw[j].strip(BLANKS)):
            j += 1
        if j >= count:
            return elements, positions, True
        if j == start:
            break  # glued
        elements.append(raw[j].strip(BLANKS))
        positions.append(j)
        j += 1
    return elements, positions, False


# -- one entry ---------------------------------------------------------------------------


def _canonical_entry(
    raw: list[str], index: int, limit: datetime.date
) -> tuple[Paper, int] | None:
    """The paper whose upvote box is the first element from ``index`` on, and the index
    after its last line; None where the rules must read."""
    elements, positions, ended = _elements(raw, index)
    if len(elements) < 10 or not _is_head(elements):
        return None
    label = _metadata_label(elements)
    if label < 0 or label + 4 > len(elements):
        return None
    author_count, organization = _authors_or_organization(elements, label)
    if author_count is None and organization is None:
        return None
    if elements[label + 2] != SEPARATOR:
        return None
    date = _read_date(elements[label + 3], limit)
    if date is None:
        return None
    when, votes, date_text, year_explicit = date
    used = label + 4
    if votes is None:  # no count on the date line: one may follow on its own
        votes = _comment_count(elements, used, ended)
        if votes is None:
            return None
        if votes >= 0:
            used += 2
        else:
            votes = 0
    end = positions[used - 1] + 1
    if _card_link_at(raw, end):
        return None
    identifier = link_paper_id(elements[3])
    if identifier is None:
        return None  # the title's URL line names no paper (cut short): the rules report it
    head = elements[0], elements[2], identifier, elements[4]
    metadata = author_count, organization, (when, votes, date_text, year_explicit)
    return _paper(head, metadata, positions[0] + 1, end), end


# -- the usual entry in one pass, any other as above ----------------------------------------


def _entry(limit: datetime.date, raw: list[str], index: int) -> tuple[Paper, int] | None:
    """The window's entry reader (``window.py``): what ``_canonical_entry`` reads, told with
    fewer steps for the usual entry, the capture's layout with an authors link.

    Its ten elements up to the date line are one slice (each one line below a blank
    one). Those that only need to be a ``[``, a ``·``, an authors link or a URL line
    whose text is not used are looked at before they are stripped: one with blanks
    around it is left to ``_canonical_entry``, which reads it the same way or gives
    way. The classes' own tests (``is_box``, ``is_url``) are written out here: this runs
    once per entry. What follows the date line is read as ``_canonical_entry`` reads it
    (``_after_date``).
    """
    end = index + _HEAD_LINES
    if end > len(raw) or raw[index:end:2] != _HEAD_BLANKS:
        return _canonical_entry(raw, index, limit)
    (box, login, title, title_url, abstract, abstract_url,
     bracket, authors, separator, date_line) = raw[index + 1 : end : 2]
    if bracket != "[" or separator != SEPARATOR or authors[:1] not in DIGITS:
        return _canonical_entry(raw, index, limit)  # "" is no digit
    box, title_url = box.strip(BLANKS), title_url.strip(BLANKS)
    upvotes = box[_BOX_LEN:]
    if not (
        box[:_BOX_LEN] == UPVOTE_BOX
        and (upvotes == "-" or (len(upvotes) <= MAX_COUNT_DIGITS and upvotes.isascii()
                                and upvotes.isdigit()))
        # is_url() of a line that is not empty
        and login.startswith(_SCHEMES) and " " not in login
        and title_url.startswith(_SCHEMES) and " " not in title_url
        and abstract_url.startswith(_SCHEMES) and " " not in abstract_url
    ):
        return _canonical_entry(raw, index, limit)
    title, abstract = title.strip(BLANKS), abstract.strip(BLANKS)
    date_line = date_line.strip(BLANKS)
    if not (
        title and abstract and date_line
        and classify(title) is TEXT
        and ((len(abstract) > PLAIN_LEN and abstract[0] not in SHAPED_START)
             or classify(abstract) is TEXT)
    ):
        return _canonical_entry(raw, index, limit)
    match = AUTHORS_LINK.fullmatch(authors)  # never a count: it holds " author"
    date = _DATES.get((date_line, limit), _MISSING)
    if date is _MISSING:
        date = _read_date(date_line, limit)
    if match is None or date is None:
        return _canonical_entry(raw, index, limit)
    when, votes, date_text, year_explicit = date
    if votes is None:  # no count on the date line: one may follow on its own
        count = _after_date(raw, end)
        if count is None:
            return _canonical_entry(raw, index, limit)
        votes, end = count
    elif _card_link_at(raw, end):  # (_after_date looks for one itself)
        return _canonical_entry(raw, index, limit)
    identifier = link_paper_id(title_url)
    if identifier is None:
        return None  # the title's URL line names no paper (cut short): the rules report it
    abstract = abstract.strip()  # join_wrapped() of a single line is the line stripped
    paper = fast_paper(
        plain(title.strip(), marks=False),
        abstract,
        int(match.group(1)),
        None,
        when,
        votes,
        extract_links(abstract),
        index + 2,
        end,
        date_text,
        year_explicit,
        upvotes=0 if upvotes == "-" else int(upvotes),
        paper_id=identifier,
        url=paper_url(identifier),
    )
    return paper, end


def _after_date(raw: list[str], after: int) -> tuple[int, int] | None:
    """The comment count after a date line that shows none (``after`` is the index after
    it) and the index after the entry, as ``_canonical_entry`` reads them from its
    elements (``_walk``, ``_comment_count``): the next element, if it is a count, and the
    URL element after it; 0 and ``after`` where the next element is no count or the list
    ends; None where the rules must read (a line glued to the date line or the count, a
    count that ends the list or has no URL after it, a card link after the entry)."""
    count = len(raw)
    j = after
    while j < count and (not raw[j] or not raw[j].strip(BLANKS)):
        j += 1
    if j >= count:
        return 0, after
    if j == after:
        return None
    text = raw[j].strip(BLANKS)
    if text[0] in DIGITS and text.isascii() and text.isdigit() and not is_count(text):
        return None  # a count of too many digits: the rules report it
    if not (text[0] in DIGITS and is_count(text)):
        if text[0] in CARD_LINK_START and is_card_link(text):
            return None
        return 0, after
    k = j + 1
    while k < count and (not raw[k] or not raw[k].strip(BLANKS)):
        k += 1
    if k >= count or k == j + 1 or not is_url(raw[k].strip(BLANKS)) or _card_link_at(raw, k + 1):
        return None
    return int(text), k + 1


def _card_link_at(raw: list[str], index: int) -> bool:
    """Whether the first non-blank line from ``index`` on is a card link's label
    (``GitHub 1.2k``): the entry goes on there, and the rules read it."""
    count = len(raw)
    while index < count:
        text = raw[index].lstrip(BLANKS)
        if text:
            return text[0] in CARD_LINK_START and is_card_link(text.rstrip(BLANKS))
        index += 1
    return False


#: The lines of the usual entry up to its date line: ten elements, each after a blank line.
_HEAD_LINES = 20
_HEAD_BLANKS = [""] * (_HEAD_LINES // 2)
_BOX_LEN = len(UPVOTE_BOX)
_SCHEMES = ("https://", "http://")


def _paper(
    head: tuple[str, str, str, str],
    metadata: tuple[int | None, str | None, tuple[datetime.date, int, str, bool]],
    line: int,
    end: int,
) -> Paper:
    """The paper of an entry read without a report: ``head`` is its upvote box, title,
    paper id (from the title's link) and abstract (stripped), ``metadata`` its author
    count, organization and date (date, votes, date text, year explicit)."""
    box, title, identifier, abstract = head
    author_count, organization, (when, votes, date_text, year_explicit) = metadata
    # join_wrapped() of a single line is the line stripped.
    abstract = abstract.strip()
    upvotes = box[len(UPVOTE_BOX) :]
    return fast_paper(
        plain(title.strip(), marks=False),
        abstract,
        author_count,
        organization,
        when,
        votes,
        extract_links(abstract),
        line,
        end,
        date_text,
        year_explicit,
        upvotes=0 if upvotes == "-" else int(upvotes),
        paper_id=identifier,
        url=paper_url(identifier),
    )


def _is_head(elements: list[str]) -> bool:
    """The box, title and abstract, each followed by its URL line."""
    return (
        is_box(elements[0])
        and is_url(elements[1])
        and classify(elements[2]) is TEXT
        and is_url(elements[3])
        and classify(elements[4]) is TEXT
        and is_url(elements[5])
    )


def _metadata_label(elements: list[str]) -> int:
    """The index of the element that opens the metadata block (``[`` or an organization's
    name), past any label-less link lines; -1 where the rules must read."""
    if elements[_HEAD] == SEPARATOR:
        return -1  # an organization where the abstract should be, or a cut entry
    label = _HEAD
    while is_url(elements[label]):
        label += 1
        if label >= len(elements) or classify(elements[label]) not in _AFTER_LINK:
            return -1
    return label


def _authors_or_organization(elements: list[str], label: int) -> tuple[int | None, str | None]:
    """``[`` and ``N authors](url)``, or an organization's name and its URL line."""
    line, following = elements[label], elements[label + 1]
    if line == "[":
        match = AUTHORS_LINK.fullmatch(following) if following[0] in DIGITS else None
        if match is None or is_count(following):
            return None, None
        return int(match.group(1)), None
    if classify(line) is TEXT and is_url(following):
        if line[0] in CARD_LINK_START and is_card_link(line) and not is_site_url(following):
            return None, None  # a card link where the organization belongs
        return None, plain(line)
    return None, None


def _comment_count(elements: list[str], after: int, ended: bool) -> int | None:
    """The comment count on its own line after the date (at ``after``), followed by its
    link: the count, -1 where there is none, None where the rules must read."""
    if after >= len(elements):
        return -1 if ended else None  # the input's end, or a glued line the rules read
    count = elements[after]
    if count[0] in DIGITS and count.isascii() and count.isdigit() and not is_count(count):
        return None  # a count of too many digits: the rules report it
    if not (count[0] in DIGITS and is_count(count)):
        return -1
    if after + 1 >= len(elements) or not is_url(elements[after + 1]):
        return None
    return int(count)


#: Date lines already read, with what they give under a date limit (None: the rules must
#: read the line). Most entries of a page share a few dates.
_DATES: dict[tuple[str, datetime.date], CleanDate | None] = {}
_CACHE_LIMIT = 4096
#: Not in a cache (None is a cached answer).
_MISSING: Any = object()


def _trim_caches() -> None:
    if len(_DATES) > _CACHE_LIMIT:
        _DATES.clear()


def _read_date(line: str, limit: datetime.date) -> CleanDate | None:
    """What a date line gives where the rules read it without a report, else None."""
    key = (line, limit)
    if key in _DATES:
        return _DATES[key]
    if not (len(line) <= MAX_DATE_LEN and "A" <= line[0] <= "S"):
        return None  # not a date line: not kept, however long
    read = _DATES[key] = read_clean_date(line, limit)
    return read
