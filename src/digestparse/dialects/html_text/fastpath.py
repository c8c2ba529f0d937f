"""The html-text fast path: canonical entries matched whole, in three steps per entry.

A canonical entry is what ``rules.entry`` reads without reporting anything.
``_HEAD``, the abstract and ``_TAIL`` spell out its lines as the rules read
them, over the lines joined with newlines: each line with no blank (``state.BLANKS``) at
either end (the rules strip them), blank lines empty. The shape of a line that
the pattern cannot tell apart from every other kind (the submitter, the
abstract, the date line, a wrapped title's next part) is checked with
``classify`` afterwards, and the fields are built with ``fields.py`` as the
rules build them. At the first entry that does not match, the rules take over
(tests/test_dialect_html_text.py checks that both paths agree).
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

from ...dates import MAX_AUTHOR_DIGITS, read_date_line
from ...grammar import SEPARATOR
from ...links import extract_links, paper_url
from ...markup import join_wrapped, plain
from ...model import Paper, fast_paper
from ...state import BLANK_CHARS, BLANKS, ParseState
from ..bounded import too_long
from ..window import read_window
from .fields import (
    broken_abstract,
    link_id,
    link_text,
    organization_of,
    shown,
    submitter_of,
    title_of,
)
from .lines import (
    LINKS,
    TEXT,
    TITLE_MARK,
    Kind,
    classify,
    is_pagination,
    meta,
)
from .rules import BOXES_ABOVE, DATES_SHOWN, starts_entry

#: A line that does not start with a blank (``state.BLANKS``; whether it ends with one is
#: checked afterwards: a pattern for that would make the matcher try every split of each line).
_BLANK = f"[{BLANKS}]"
_NOT_BLANK = f"[^\n{BLANKS}]"
_LINE = rf"(?!{_BLANK})[^\n]+"
#: A line of links only (``lines.LINKS_LINE``), checked on the line the pattern took.
_LINKS_LINE = re.compile(r"\[[^\[\]\n]+\]\(\S+\)(?:\ \[[^\[\]\n]+\]\(\S+\))*")
#: The rest of an avatar link's line after its ``](`` and of an upvote count's line.
_AVATAR_URL = re.compile(r"\S+\)")
_UPVOTE_URL = re.compile(r"\S*\)")
#: One canonical entry (lines.py shows one) is ``_HEAD``, the abstract and ``_TAIL``: the
#: pattern ``_HEAD (?P<abstract>{_LINE}(?:\n+{_LINE})*?) _TAIL``, matched in three steps
#: (``_Reader.entry``) because the matcher runs through the long lines of an abstract several
#: times slower than ``str.find`` looks for their ends. The abstract takes the fewest lines
#: after which the tail matches; checking each is TEXT then makes it the run of TEXT lines the
#: rules take. A title on one line holds ``](``; one wrapped over up to four glued lines is
#: checked after (its first line must hold more than blanks, or the rules, which strip it, see
#: ``###``). The URLs and the lines of links are taken whole here and checked after
#: (``_AVATAR_URL``, ``_UPVOTE_URL``, ``_LINKS_LINE``), once for an entry and its copy: ``\S``
#: costs the matcher far more per character than ``[^\n]``. Each is taken where the strict
#: pattern would start it, up to its line's end as the strict pattern would, so the loose
#: pattern matches the same lines where the checks pass, and where one fails the rules read.
_HEAD = re.compile(
    rf"""
    (?P<blanks>\n*)
    (?:\[\[[^\[\]\n]*\]\]\((?P<avatar>[^\n]*)\n+)?            # avatar link to the paper
    (?:Submitted\ by\n+(?:\[[^\[\]\n]*\]\n+)?(?P<submitter>{_LINE})\n+)?
    (?:<a\ id="[^"<>\n]*"></a>\n+)*                            # anchors
    \#\#\#\ (?P<heading>[^\n]*\]\([^\n]*|{_BLANK}*{_NOT_BLANK}[^\n]*(?:\n[^\n]+){{1,3}})\n+
    (?={_NOT_BLANK})                                          # an abstract line starts
    """,
    re.VERBOSE,
)
_TAIL = re.compile(
    rf"""
    \n+
    (?:-\ \[[^\[\]\n]*\]\n+|-\n+)*                             # avatars, empty items
    (?:-\ (?P<authors>[0-9]{{1,{MAX_AUTHOR_DIGITS}}})\ authors?\n+)?
    (?P<meta>{_LINE})\n+
    \[Upvote\n+(?P<upvotes>[0-9]{{1,18}}|-)\]\((?P<upvote_url>[^\n]*)
    (?:\n+(?P<links>\[[^\[\]\n][^\n]*(?:\n+\[[^\[\]\n][^\n]*)*))?
    (?=\n*(?P<following>[^\n]*))                              # looked at, never fails
    """,
    re.VERBOSE,
)
#: A heading that is one link to the paper's page, with no bracket and no backslash in its
#: text (``markup.links`` reads ``\]`` as an escaped bracket: such text is left to it).
_COMMON_TITLE = re.compile(
    r"\[([^\[\]\n\\]*)\]\(https://huggingface\.co/papers/([0-9]{4}\.[0-9]{4,5})\)"
)
_COMMON_ORGANIZATION = re.compile(r"\[\[[^\[\]\n]*\] ([^\[\]\n\\]*)\]\([^)\s]*\)")
#: An entry longer than this, with the line after it, is left to the rules; a chunk of
#: lines joined for matching is renewed where fewer are left in it, so that an entry that
#: does not match a chunk matches nowhere.
_ENTRY_LINES = 128
_CHUNK_LINES = 4 * _ENTRY_LINES
#: An abstract of more lines than this (a capture writes one or two) is left to the rules:
#: where no tail follows, each try would otherwise look for one at every line of the chunk,
#: and a run of headings with no card after them took a second per 50 KB.
_ABSTRACT_LINES = 48
#: Lines starting with one of these are never date lines (``classify``).
_NOT_META_START = frozenset("<#-0123456789")


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next, straight from the list of lines."""
    if not starts_entry(state):  # junk, read by the rules (which peek as far)
        return False
    if BOXES_ABOVE in state.memo:
        return False  # a daily page: its cards are not the canonical (trending) ones
    limit = state.date_limit
    if not read_window(state, lambda raw: _Reader(raw, limit).entry):
        return False
    state.memo[DATES_SHOWN] = True  # every entry this path reads has its date
    return True


class _Reader:
    """Reads the canonical entries of a list of lines one after another, matching ``_HEAD``
    and ``_TAIL`` over a chunk of them joined; ``entry`` is what ``window.read_window``
    calls."""

    __slots__ = ("_chunk", "_end", "_last", "_limit", "_line", "_long", "_offset", "_raw")

    def __init__(self, raw: list[str], limit: datetime.date) -> None:
        self._raw = raw
        self._limit = limit
        self._chunk = ""
        self._line = -1  # the line at ``_offset`` in the chunk
        self._offset = 0
        self._end = 0  # the line after the chunk's last one
        self._long = False
        #: The texts of the last entry read (the abstract apart, with its count of line
        #: breaks) and its fields: the copy after it has the same.
        self._last: tuple[tuple[Any, ...], str, int, _Fields | None] = ((), "", 0, None)

    def _load(self, index: int) -> None:
        self._end = min(index + _CHUNK_LINES, len(self._raw))
        self._chunk = "\n".join(self._raw[index : self._end])
        self._line, self._offset = index, 0
        #: Whether an entry of the chunk may be too long for the rules to keep its fields.
        self._long = too_long(len(self._chunk))

    def entry(self, index: int) -> tuple[Paper, int] | None:
        """The canonical entry that starts at the first non-blank line from ``index`` on, and
        the index after it; None where the rules must read."""
        size = len(self._raw)
        if index != self._line or (self._end - index < _ENTRY_LINES and self._end < size):
            self._load(index)
        chunk, offset = self._chunk, self._offset
        head = _match_head(chunk, offset)
        if head is None:
            return None
        # The abstract: its first line, then one more line at a time while the tail does not
        # match (``(?:\n+{_LINE})*?``), each after blank lines and starting with no blank.
        start = head.end()
        stop = chunk.find("\n", start)
        for _ in range(_ABSTRACT_LINES):
            if stop < 0:
                return None  # no tail after the abstract's last line in the chunk
            tail = _match_tail(chunk, stop)
            if tail is not None:
                break
            following_line = stop
            while chunk.startswith("\n", following_line):
                following_line += 1
            if (
                following_line == len(chunk)
                or chunk[following_line] in BLANK_CHARS
                or chunk.startswith(TITLE_MARK, following_line)
            ):
                return None  # (a heading is no abstract's line: the rules end it there)
            stop = chunk.find("\n", following_line)
        else:
            return None
        end = tail.end()
        if self._long and too_long(end - offset):
            return None  # a field the rules may cut (field-too-long)
        blanks, avatar, submitter, heading = head.group(1, 2, 3, 4)
        authors, meta_line, upvotes, url, links, following = tail.group(1, 2, 3, 4, 5, 6)
        # The first non-empty line after the entry, which the rules look at to end it.
        if not following:
            if self._end < size:
                return None  # the rules will see how far the entry goes
        elif following[0] in BLANK_CHARS or following[-1] in BLANK_CHARS:
            return None  # the rules strip the next line and may take it into the entry
        # ``classify`` gives META to a line ``meta`` splits unless its first character sends
        # it elsewhere: one whose date reads (checked in ``_read_fields``) ends with a digit,
        # which no other kind of a line starting with "[" does.
        if meta_line[0] in _NOT_META_START:
            return None
        split = meta(meta_line)
        if split is None or split[2] is not None:
            return None  # not a date line, or one with a comment count (the daily page)
        # Its copy, next, has the same texts but for the date line's ``Published on``: the
        # abstract, the longest, is compared where it stands.
        texts = (avatar, submitter, heading, authors, split, upvotes, url, links)
        last_texts, last_abstract, breaks, fields = self._last
        if (
            texts != last_texts
            or stop - start != len(last_abstract)
            or not chunk.startswith(last_abstract, start)
        ):
            abstract = chunk[start:stop]
            breaks = abstract.count("\n")
            fields = _read_fields(
                avatar, submitter, heading, abstract, breaks, authors, split[0], split[1],
                upvotes, url, links or "", self._limit,
            )
            self._last = texts, abstract, breaks, fields
        if fields is None:
            return None
        # The entry's lines, the abstract's counted once for it and its copy.
        last = index + chunk.count("\n", offset, start) + breaks + chunk.count("\n", stop, end)
        self._line, self._offset = last + 1, end + 1
        title, text, count, organization, date, found, date_text, explicit, votes, identifier, \
            address, by = fields
        paper = fast_paper(
            title, text, count, organization, date, 0, found, index + len(blanks) + 1,
            last + 1, date_text, explicit, upvotes=votes, paper_id=identifier, url=address,
        )
        if by is not None:
            _set_submitted_by(paper, by)
        return paper, last + 1


#: The fields of an entry but its lines and votes, in ``fast_paper``'s order, then
#: ``upvotes``, ``paper_id``, ``url`` and ``submitted_by``.
_Fields = tuple[
    str, str, "int | None", "str | None", datetime.date, "tuple[str, ...]", str, bool, int,
    "str | None", "str | None", "str | None",
]
_match_head = _HEAD.match
_match_tail = _TAIL.match
#: ``fast_paper`` leaves ``submitted_by`` at its default; the paper is new, nothing saw it yet.
_set_submitted_by: Any = Paper.__dict__["submitted_by"].__set__


def _read_fields(
    avatar: str | None,
    submitter: str | None,
    heading: str,
    abstract_text: str,
    breaks: int,
    authors: str | None,
    organization: str,
    date_text: str,
    upvotes: str,
    upvote_url: str,
    links: str,
    limit: datetime.date,
) -> _Fields | None:
    """The paper's fields but its lines, from the texts the patterns matched (the date line
    split), or None where the rules would report (or the strict pattern would not match)."""
    if avatar is not None and _AVATAR_URL.fullmatch(avatar) is None:
        return None
    if _UPVOTE_URL.fullmatch(upvote_url) is None:
        return None
    if "\n" in links:
        link_lines = [line for line in links.split("\n") if line]
        if not all(map(_LINKS_LINE.fullmatch, link_lines)):
            return None
    else:  # one line of links, or none
        link_lines = [links] if links else []
        if links and _LINKS_LINE.fullmatch(links) is None:
            return None
    # The rules end the entry before the pagination (checked only where it may be).
    if ("[Previous]" in links or "[Next]" in links) and any(map(is_pagination, link_lines)):
        return None
    # The pattern starts the submitter's line and each abstract line with no blank.
    if submitter is not None and (submitter[-1] in BLANK_CHARS or classify(submitter) is not TEXT):
        return None
    if "\n" in heading and not _wrapped_title(heading.split("\n")):
        return None
    title = _title(heading)
    if title is None or not title[0]:
        return None
    if abstract_text[0] == "[":
        return None  # maybe an abstract linked to its paper (the daily page): the rules read it
    if breaks:
        abstract_lines = [line for line in abstract_text.split("\n") if line]
        if not all(
            line[-1] not in BLANK_CHARS and classify(line) is TEXT for line in abstract_lines
        ):
            return None
        if "\n[" in abstract_text and any(map(_organization_start, abstract_lines)):
            return None  # maybe an organization wrapped over lines (html2text): the rules
        abstract = join_wrapped(abstract_lines, broken_cjk=False)
    else:
        if abstract_text[-1] in BLANK_CHARS or classify(abstract_text) is not TEXT:
            return None
        abstract = abstract_text.strip()  # ``join_wrapped`` of the one line
    abstract = shown(abstract)
    if abstract[-1:] == ")" and broken_abstract(abstract) is not None:
        return None  # the end of a link whose first line was lost: the rules report it
    if SEPARATOR in links or (authors is None and not organization):
        return None  # links the rules would read as a date line, or no authors
    date = _entry_date(date_text, limit)
    if date is None:
        return None
    identifier = title[1]
    if identifier is None:
        identifier = next(filter(None, map(link_id, link_lines)), None)
    return (
        title[0],
        abstract,
        int(authors) if authors is not None else None,
        _organization(organization) if organization else None,
        date[0],
        extract_links(abstract),
        date[1],
        date[2],
        0 if upvotes == "-" else int(upvotes),
        identifier,
        paper_url(identifier) if identifier is not None else None,
        submitter_of(submitter) if submitter is not None else None,
    )


def _organization_start(line: str) -> bool:
    """Whether a text line may start an organization's line that html2text wrapped (the
    rules may glue the next lines to it: ``rules._glue_start``)."""
    return line[:1] == "["


def _reads_as(line: str, kind: Kind) -> bool:
    """Whether the rules read ``line`` (not empty) as a line of ``kind``; one with a blank
    (``state.BLANKS``) at either end, which they strip, is left to them."""
    return line[0] not in BLANK_CHARS and line[-1] not in BLANK_CHARS and classify(line) is kind


def _wrapped_title(parts: list[str]) -> bool:
    """Whether the rules read these lines as one title: they go on to the next line while the
    title's link has not begun (no ``](``), and take only a TEXT or LINKS line. (Joining the
    lines splits off the blanks at the first one's end as the rules strip them, all but
    U+FEFF, which is no white space to ``str.split``.)"""
    *wrapped, last = parts
    return (
        "](" in last
        and parts[0][-1] != "\ufeff"
        and not any("](" in part for part in wrapped)
        and all(_reads_as(part, TEXT) or _reads_as(part, LINKS) for part in parts[1:])
    )


def _title(heading: str) -> tuple[str, str | None] | None:
    """``fields.title_of`` for the heading's lines; the common heading (a link to the paper's
    page whose text holds no bracket) told by one pattern, which reads it the same (a wrapped
    one once joined)."""
    wrapped = "\n" in heading
    text = join_wrapped(heading.split("\n"), broken_cjk=False) if wrapped else heading
    common = _COMMON_TITLE.fullmatch(text)
    if common is not None:
        text = common.group(1)
        return (plain(text) if text[:1] not in "#-*+" else link_text(text)), common.group(2)
    return title_of(text if wrapped else join_wrapped([heading], broken_cjk=False))


def _organization(text: str) -> str:
    """``fields.organization_of``; the common one (``[<img> Name](url)``, no bracket in the
    name) told by one pattern, which reads it the same."""
    common = _COMMON_ORGANIZATION.fullmatch(text)
    return plain(common.group(1)) if common is not None else organization_of(text)


@functools.lru_cache(maxsize=256)
def _entry_date(text: str, limit: datetime.date) -> tuple[datetime.date, str, bool] | None:
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
