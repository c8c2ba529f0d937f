"""The markdown dialect's fast path: entries that read without a report, taken straight from
the list of lines.

Like the text dialect's (``digestparse/fastpath.py``), it must produce exactly
what the rules would, so it accepts only what the rules accept *without
reporting anything*, and gives way to them at the first line it is not sure
of. It is stricter than the rules about white space: a blank line must be
empty, and a content line must have no space or tab at either end (the rules
strip them). The fields come from ``fields.py``, which the rules use too.
``tests/test_dialect_markdown.py`` checks that both paths agree.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from ...dates import MAX_COUNT_DIGITS
from ...grammar import SEPARATOR
from ...links import paper_url
from ...model import Paper
from ...state import ParseState
from ..window import read_window
from .fields import (
    Metadata,
    identity,
    linked_abstract,
    organization_of,
    paper_links,
    plain_abstract,
    title_of,
    upvote_count,
)
from .lines import (
    AUTHORS_TAIL,
    BARE_AUTHORS,
    LINKED_AUTHORS,
    REPOSITORY,
    Kind,
    classify,
    closes_link,
    date_parts,
)

_MAX_AUTHOR_DIGITS = 9
_METADATA_KINDS = frozenset(
    {Kind.ORGANIZATION, Kind.AUTHORS, Kind.SEPARATOR, Kind.DATE, Kind.REPOSITORY}
)


class _GiveWay(Exception):
    """The rules must read this entry."""


def read_entries(state: ParseState) -> bool:
    """Consume the entries that come next and read without a report; True if there were any."""
    limit = state.date_limit

    def reader_for(raw: list[str]) -> Callable[[int], tuple[Paper, int] | None]:
        reader = _Reader(raw, limit)

        def entry(i: int) -> tuple[Paper, int] | None:
            try:
                return reader.entry(i)
            except _GiveWay:
                return None

        return entry

    return read_window(state, reader_for)


class _Reader:
    __slots__ = ("count", "limit", "raw")

    def __init__(self, raw: list[str], limit: datetime.date) -> None:
        self.raw = raw
        self.count = len(raw)
        self.limit = limit

    def copies_end(self, first: int, end: int) -> int:
        """The index after the copies that follow the entry on ``raw[first:end]`` line for line
        (the trending layout), or ``end`` when none does.

        The rules would read each copy to the same fields, and the run loop
        would merge them into the first with the last copy's end line. That
        holds only if reading a copy never looks past its last line: so the
        caller checks that the entry ends with a line after which nothing more
        is read (a repository or date line).
        """
        raw = self.raw
        count = self.count
        start = end
        while start < count and not raw[start]:
            start += 1
        if start >= count or raw[start] != raw[first]:
            return end
        block = raw[first:end]
        size = len(block)
        while start < count and raw[start : start + size] == block:
            end = start + size
            start = end
            while start < count and not raw[start]:
                start += 1
        return end

    def next_line(self, index: int) -> int:
        """The index of the first non-blank line from ``index`` on (a clean one), else give way."""
        raw = self.raw
        count = self.count
        while index < count and not raw[index]:
            index += 1
        if index >= count:
            raise _GiveWay
        line = raw[index]
        if line[0] in " \t" or line[-1] in " \t":
            raise _GiveWay
        return index

    def glued(self, index: int) -> bool:
        """Whether ``raw[index]`` is a clean line right after the previous one."""
        if index >= self.count:
            return False
        line = self.raw[index]
        if not line:
            return False
        if line[0] in " \t" or line[-1] in " \t":
            raise _GiveWay
        return True

    def entry(self, index: int) -> tuple[Paper, int]:
        """The entry starting at or after ``index`` and the index after its last line."""
        raw = self.raw
        k = first = self.next_line(index)
        line = raw[k]
        upvotes = None
        if line[0] == "[":
            upvotes = upvote_count(line)
            if upvotes is None:
                raise _GiveWay
            k = self.next_line(k + 1)
            line = raw[k]
        if not line.startswith("### ") or k + 1 >= self.count or self.glued(k + 1):
            raise _GiveWay
        title, title_url, closed = title_of([line])
        if not closed or not title:
            raise _GiveWay
        k, abstract, abstract_url = self.abstract(self.next_line(k + 1))
        k, fields = self.metadata(k)
        # After a date or repository line, reading an entry looks no further.
        closed = fields.date_text is not None or fields.repository is not None
        end = self.copies_end(first, k + 1) if closed else k + 1
        identifier = identity(title_url, abstract_url)
        paper = Paper(
            title,
            abstract,
            fields.author_count,
            fields.organization,
            fields.date,
            fields.votes,
            paper_links(abstract, fields.repository),
            first + 1,
            end,
            fields.date_text,
            fields.year_explicit,
            upvotes,
            identifier,
            paper_url(identifier) if identifier is not None else None,
        )
        return paper, end

    def abstract(self, k: int) -> tuple[int, str, str | None]:
        """The abstract starting at ``raw[k]``: (its last line's index, text, link target)."""
        raw = self.raw
        line = raw[k]
        kind = classify(line)
        texts = [line]
        if kind is Kind.LINK_TEXT:
            if not closes_link(line):
                # The glued lines up to the next blank one, found in C rather than line by
                # line: they must close the link on their last line only, and be clean.
                try:
                    stop = raw.index("", k + 1)
                except ValueError:
                    stop = self.count
                texts = raw[k:stop]
                body = "\n".join(texts)
                if (
                    len(texts) < 2
                    or not closes_link(texts[-1])
                    or ")\n" in body
                    or " \n" in body
                    or "\n " in body
                    or "\t\n" in body
                    or "\n\t" in body
                ):
                    raise _GiveWay
                k = stop - 1
            abstract, url, closed = linked_abstract(texts)
            if not closed:
                raise _GiveWay
            return k, abstract, url
        if kind is Kind.TEXT:
            while self.glued(k + 1) and classify(raw[k + 1]) is Kind.TEXT:
                k += 1
                texts.append(raw[k])
            return k, plain_abstract(texts), None
        raise _GiveWay

    def metadata(self, k: int) -> tuple[int, Metadata]:
        """The metadata after the abstract ending at ``raw[k]``: (the entry's last line's index,
        its fields)."""
        raw = self.raw
        after = k + 1
        while after < self.count and not raw[after]:
            after += 1
        if after >= self.count:
            return k, Metadata()
        line = raw[after]
        if line[0] in " \t" or line[-1] in " \t":
            raise _GiveWay
        kind = classify(line)
        if kind not in _METADATA_KINDS:
            return k, Metadata()
        if kind is Kind.REPOSITORY or (kind is Kind.AUTHORS and line.startswith("- ")):
            return self.trending(after, kind)
        fields = Metadata()
        if kind is Kind.AUTHORS:
            k, fields.author_count = self.authors(after)
        elif kind is Kind.ORGANIZATION:
            k = after
            fields.organization = organization_of(line)
        else:
            raise _GiveWay
        k = self.next_line(k + 1)
        if raw[k] != SEPARATOR:
            raise _GiveWay
        k = self.next_line(k + 1)
        self.date(raw[k], fields)
        return k, fields

    def trending(self, k: int, kind: Kind) -> tuple[int, Metadata]:
        raw = self.raw
        fields = Metadata()
        if kind is Kind.AUTHORS:
            fields.author_count = _count(BARE_AUTHORS.fullmatch(raw[k]))
            after = k + 1
            while after < self.count and not raw[after]:
                after += 1
            if after >= self.count:
                return k, fields
            line = raw[after]
            if line[0] in " \t" or line[-1] in " \t":
                raise _GiveWay
            if classify(line) is not Kind.REPOSITORY:
                return k, fields
            k = after
        match = REPOSITORY.fullmatch(raw[k])
        if match is None:
            raise _GiveWay
        fields.repository = match.group(2)
        return k, fields

    def authors(self, k: int) -> tuple[int, int]:
        """``[- N authors](url)`` or an avatar list starting at ``raw[k]``."""
        raw = self.raw
        if not raw[k].startswith("[- !["):
            return k, _count(LINKED_AUTHORS.fullmatch(raw[k]))
        while self.glued(k + 1) and classify(raw[k + 1]) is Kind.AVATAR:
            k += 1
        if not self.glued(k + 1):
            raise _GiveWay
        return k + 1, _count(AUTHORS_TAIL.fullmatch(raw[k + 1]))

    def date(self, line: str, fields: Metadata) -> None:
        parts = date_parts(line)
        if parts is None:
            raise _GiveWay
        limit = self.limit
        count = parts.count_text
        if count is not None and len(count) > MAX_COUNT_DIGITS:
            raise _GiveWay
        try:
            year = parts.year if parts.year is not None else limit.year
            when = datetime.date(year, parts.month, parts.day)
        except ValueError:
            raise _GiveWay from None
        if when > limit:
            raise _GiveWay
        fields.date = when
        fields.votes = int(count) if count is not None else 0
        fields.date_text = parts.text
        fields.year_explicit = parts.year is not None


def _count(match: re.Match[str] | None) -> int:
    """The author count a pattern captured, unless it is too long (``bad-authors``)."""
    if match is None or len(match.group(1)) > _MAX_AUTHOR_DIGITS:
        raise _GiveWay
    return int(match.group(1))
