"""The markdown dialect's fast path: entries that read without a report, taken straight from
the list of lines.

Like the text dialect's (``digestparse/fastpath.py``), it must produce exactly
what the rules would, so it accepts only what the rules accept *without
reporting anything*, and gives way to them at the first line it is not sure
of. It is stricter than the rules about white space: a blank line must be
empty, and an element's first line must have no blank (``state.BLANKS``) at either
end (the rules strip them); where it takes the lines glued to one, it strips them
as the rules do, or makes sure that stripping would change nothing. The
fields come from ``fields.py``, which the rules use too.
``tests/test_dialect_markdown.py`` checks that both paths agree.

It reads each line once where it can: a line's position in the entry says
what it must be, so it is matched against that pattern alone rather than
classified, except where the rules' choice depends on the line's class.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from ...dates import MAX_AUTHOR_DIGITS, MAX_COUNT_DIGITS
from ...grammar import MONTH_NUMBER, SEPARATOR, may_start_page_end
from ...links import paper_url
from ...model import Paper, fast_paper
from ...state import BLANK_CHARS, BLANKS, ParseState
from ..bounded import lines_too_long
from ..window import read_window
from .fields import (
    Metadata,
    author_count_of,
    entry_paper,
    identity,
    linked_abstract,
    organization_of,
    paper_links,
    plain_abstract,
    title_of,
    title_of_line,
    upvote_count,
)
from .lines import (
    AUTHORS_TAIL,
    BARE_AUTHORS,
    COMMENTS_LINK_END,
    DATE,
    LINKED_AUTHORS,
    LOGIN_LINK,
    METADATA_KINDS,
    REPOSITORY,
    UPVOTES,
    Kind,
    classify,
    closes_link,
    closes_organization,
    imaged_authors,
    is_plain_title,
    link_url,
    opens_trending,
    starts_own_field,
    without_closing_hashes,
)
from .rules import BOXES_SHOWN, DATES_SHOWN, ENTRY_READ

#: Joining an abstract's lines splits off the blanks at their starts as the rules strip them,
#: all but U+FEFF, which is no white space to ``str.split``: an abstract that holds one is
#: left to the rules (the search costs nothing in the usual text with no character past
#: U+00FF).
_FEFF = "\ufeff"


class _GiveWay(Exception):
    """The rules must read this entry."""


#: What short lines that repeat within a page give: date texts (under a date limit) and
#: organization lines. Bounded: a cache past its size is emptied.
_DATES: dict[datetime.date, dict[str, datetime.date | None]] = {}
_ORGANIZATIONS: dict[str, str | None] = {}
_CACHE_LIMIT = 1024
_CACHED_LEN = 300
_NOT_READ: Any = object()
_UNCLOSED: Any = object()


def read_entries(state: ParseState) -> bool:
    """Consume the entries that come next and read without a report; True if there were any."""
    limit = state.date_limit
    if len(_DATES) > 16:
        _DATES.clear()
    dates = _DATES.setdefault(limit, {})
    if len(dates) > _CACHE_LIMIT:
        dates.clear()
    if len(_ORGANIZATIONS) > _CACHE_LIMIT:
        _ORGANIZATIONS.clear()

    memo = state.memo

    def reader_for(raw: list[str]) -> Callable[[int], tuple[Paper, int] | None]:
        reader = _Reader(raw, limit, dates)
        usual = reader.usual
        general = reader.entry

        ahead: list[tuple[int, tuple[Paper, int] | None]] = []  # the next entry, read early

        def read(i: int) -> tuple[Paper, int] | None:
            if ahead:
                at, found = ahead.pop()
                if at == i:
                    return found
            try:
                found = usual(i)
                return found if found is not None else general(i)
            except _GiveWay:
                return None

        def entry(i: int) -> tuple[Paper, int] | None:
            found = read(i)
            if found is None:
                return None
            if found[0].date is not None:
                memo[DATES_SHOWN] = True
            elif DATES_SHOWN in memo and found[0].organization is None and (
                found[0].author_count is None
            ):
                return None  # no block where the page's show one: the rules tell if it was cut
            if found[0].upvotes is not None:
                memo[BOXES_SHOWN] = True
            elif BOXES_SHOWN in memo:
                return None  # the box lost, which the rules report
            elif ENTRY_READ not in memo:
                # The page's first entry shows no box: it lost it where the next entry
                # shows one. Kept only where the next entry reads here without one (the
                # trending page, every copy of which the speed corpus repeats); else the
                # rules look ahead as they do.
                following = read(found[1])
                ahead.append((found[1], following))
                if following is None or following[0].upvotes is not None:
                    return None
            memo[ENTRY_READ] = True
            return found

        return entry

    return read_window(state, reader_for)


class _Reader:
    __slots__ = ("count", "dates", "limit", "raw")

    def __init__(
        self, raw: list[str], limit: datetime.date, dates: dict[str, datetime.date | None]
    ) -> None:
        self.raw = raw
        self.count = len(raw)
        self.limit = limit
        self.dates = dates

    def usual(self, index: int) -> tuple[Paper, int] | None:
        """The entry at or after ``index`` when it has one of the usual layouts, read as
        ``entry`` reads it, in one pass and without its general steps; else None.

        The listing's: upvotes, title, abstract (a link), an organization or authors line
        or an avatar list, ``\u00b7``, date. The trending page's: title, an abstract of text
        lines with ``- N authors`` and link lines glued under it. Each element one blank
        line from the next.
        """
        raw = self.raw
        count = self.count
        k = index
        while k < count and not raw[k]:
            k += 1
        if k + 2 >= count:
            return None
        first = k
        line = raw[k]
        upvotes = None
        if line[0] == "[":
            found = UPVOTES.fullmatch(line)
            if found is None or raw[k + 1]:
                return None
            votes = found.group(1)
            upvotes = 0 if votes == "-" else int(votes)
            k += 2
            if k + 2 >= count:
                return None
            line = raw[k]
        if not line.startswith("### ") or line[-1] in BLANK_CHARS:
            return None
        if raw[k + 1]:  # text lines glued to the title go on with it (``_Reader.title``)
            glued = _title_lines(raw, k, count)
            if glued is None:
                return None
            texts, k = glued
            if k + 2 >= count:
                return None
            title, title_url, closed = title_of(texts)
            if not closed:
                return None
        else:
            title, title_url, closed = title_of_line(line)
            if not closed:
                return None
        if not title:
            return None
        k += 2
        line = raw[k]
        if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
            return None
        author_count: int | None = None
        organization: str | None = None
        when: datetime.date | None = None
        votes_count: int | None = None
        date_text: str | None = None
        year_explicit: bool | None = None
        links: tuple[str, ...] = ()
        if line[0] == "[":  # the listing
            if title_url is None or classify(line) is not Kind.LINK_TEXT:
                return None  # under a plain title, text: the rules read it
            if line[-1] == ")":
                texts = [line]
            else:
                texts = self.link_lines(k)
                if lines_too_long(texts):
                    return None
                k += len(texts) - 1
            abstract, abstract_url, closed = linked_abstract(texts)
            if not closed or _FEFF in abstract:
                return None
            k += 2
            if k >= count or raw[k - 1]:
                return None
            line = raw[k]
            if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                return None
            if line.startswith("[![") and not imaged_authors(line):
                organization = _ORGANIZATIONS.get(line, _NOT_READ)
                if organization is _NOT_READ:
                    # A link that does not close here wraps onto the next line, or is cut.
                    organization = (
                        organization_of(line) if closes_organization(line) else _UNCLOSED
                    )
                    if len(line) <= _CACHED_LEN:
                        _ORGANIZATIONS[line] = organization
                if organization is _UNCLOSED:
                    return None
            elif line.startswith(("[- ", "[![")):
                if line.startswith("[- !["):
                    while True:  # the avatars glued under it, then the tail
                        k += 1
                        if k >= count:
                            return None
                        line = raw[k]
                        if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                            return None
                        if not line.startswith("- !["):
                            break
                    found = AUTHORS_TAIL.fullmatch(line)
                else:
                    found = LINKED_AUTHORS.fullmatch(line)
                if found is None or len(found.group(1)) > MAX_AUTHOR_DIGITS:
                    return None
                author_count = int(found.group(1))
            else:
                return None
            k += 4
            if k >= count or raw[k - 3] or raw[k - 2] != SEPARATOR or raw[k - 1]:
                return None
            dated = _date_of(raw[k], self.dates, self.limit)
            if dated is None or _comments_follow(raw, k, count):
                return None
            when, votes_count, date_text, year_explicit = dated
        else:  # the trending page
            if classify(line) is not Kind.TEXT:
                return None
            texts = [line]
            k += 1
            line = raw[k] if k < count else ""
            if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                return None
            # The text lines glued under the first are the abstract's too (hard-wrapped).
            found = BARE_AUTHORS.fullmatch(line)
            while found is None and not line.startswith("[LINK: "):
                if classify(line) is not Kind.TEXT:
                    return None
                texts.append(line)
                k += 1
                line = raw[k] if k < count else ""
                if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                    return None
                found = BARE_AUTHORS.fullmatch(line)
            if len(texts) > 1 and lines_too_long(texts):
                return None
            abstract = plain_abstract(texts)
            abstract_url = None
            if found is not None:
                if len(found.group(1)) > MAX_AUTHOR_DIGITS:
                    return None
                author_count = int(found.group(1))
                k += 1
                line = raw[k] if k < count else ""
                if not line or line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                    return None
            found = REPOSITORY.fullmatch(line)
            if found is None:
                return None
            links = (found.group(2),)
            if k + 1 < count and raw[k + 1]:
                links, k = _glued_links(raw, k, count, links)
        end = self.copies_end(first, k + 1)
        identifier = identity(title_url, abstract_url) if title_url or abstract_url else None
        return (
            fast_paper(
                title,
                abstract,
                author_count,
                organization,
                when,
                votes_count,
                paper_links(abstract, links),
                first + 1,
                end,
                date_text,
                year_explicit,
                upvotes=upvotes,
                paper_id=identifier,
                url=paper_url(identifier) if identifier is not None else None,
            ),
            end,
        )

    def copies_end(self, first: int, end: int) -> int:
        """The index after the copies that follow the entry on ``raw[first:end]`` line for line
        (the trending layout), or ``end`` when none does.

        The rules would read each copy to the same fields, and the run loop
        would merge them into the first with the last copy's end line. That
        holds only if reading a copy never looks past its last line: so the
        caller checks that the entry ends with a line after which nothing more
        is read (a date line), or nothing more but link lines glued under it (a
        link line); a copy counts only where a blank line or the end of the
        lines comes after it, so that no link line can be glued under it.
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
            after = start + size
            if after < count and raw[after]:
                break
            end = after
            start = after + 1  # raw[after] is blank
            while start < count and not raw[start]:
                start += 1
        return end

    def next_line(self, index: int) -> int:
        """The index of the first non-blank line from ``index`` on (a clean one), else give way."""
        raw = self.raw
        try:
            while not raw[index]:
                index += 1
        except IndexError:  # the end of the lines: the rules say what that means
            raise _GiveWay from None
        line = raw[index]
        if line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
            raise _GiveWay
        return index

    def glued(self, index: int) -> bool:
        """Whether ``raw[index]`` is a clean line right after the previous one."""
        if index >= self.count:
            return False
        line = self.raw[index]
        if not line:
            return False
        if line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
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
        if not line.startswith("### "):
            raise _GiveWay
        plain_title = is_plain_title(line)
        k, title, title_url = self.title(k)
        start = self.next_line(k + 1)
        k, abstract, abstract_url, after = self.abstract(start, plain_title)
        last = k
        k, fields = self.metadata(k, after)
        if k == last and may_start_page_end(raw[start]):
            # No metadata line (each of which belongs to no page's end) after an abstract
            # that may start the page's end: the rules tell whether it does.
            raise _GiveWay
        # After a date line, or link lines and a line that is not one, reading an entry
        # looks no further.
        closed = fields.date_text is not None or bool(fields.links)
        end = self.copies_end(first, k + 1) if closed else k + 1
        paper = entry_paper(
            title, title_url, abstract, abstract_url, fields, upvotes, first + 1, end
        )
        return paper, end

    def title(self, k: int) -> tuple[int, str, str | None]:
        """The title starting at ``raw[k]``: (its last line's index, text, link target).

        The rules take the text lines glued to a title line (stripped) as its
        hard-wrapped rest. A link the title line leaves open takes the glued
        lines up to the one that closes it, of any class: where all of them
        are text lines, that makes the same lines.
        """
        glued = _title_lines(self.raw, k, self.count)
        if glued is None:
            raise _GiveWay
        texts, k = glued
        title, url, closed = title_of(texts)
        if not closed or not title:
            raise _GiveWay
        return k, title, url

    def abstract(
        self, k: int, plain_title: bool
    ) -> tuple[int, str, str | None, Kind | None]:
        """The abstract starting at ``raw[k]``: (its last line's index, text, link target, and
        the class of the line glued after it when that had to be read)."""
        raw = self.raw
        line = raw[k]
        kind = classify(line)
        if plain_title and kind is Kind.LINK_TEXT:
            raise _GiveWay  # under a plain title it is text: the rules read it
        if kind is Kind.LINK_TEXT:
            # A line that ends with ")" closes the link, or the rules would take more lines
            # and the link is not closed on it: linked_abstract says which.
            texts = [line] if line[-1] == ")" else self.link_lines(k)
            if len(texts) > 1 and lines_too_long(texts):
                raise _GiveWay  # the rules cut it (field-too-long)
            abstract, url, closed = linked_abstract(texts)
            if not closed or _FEFF in abstract:
                raise _GiveWay
            return k + len(texts) - 1, abstract, url, None
        if kind is Kind.TEXT:
            texts = [line]
            while self.glued(k + 1):
                kind = classify(raw[k + 1])
                if kind is not Kind.TEXT:
                    if plain_title and kind is Kind.LINK_TEXT:
                        raise _GiveWay  # under a plain title it goes on: the rules read it
                    return k, _plain(texts), None, kind
                k += 1
                texts.append(raw[k])
            return k, _plain(texts), None, None
        raise _GiveWay

    def link_lines(self, k: int) -> list[str]:
        """The lines of a link that ``raw[k]`` opens and a line glued to it closes: the glued
        lines up to the next blank one, found in C rather than line by line.

        The rules take them up to the first one that closes the link (all of
        them when none does) and strip each: so none but the last may end with
        ``)``, and none with a blank, ``state.BLANKS`` (a line of blanks only is a blank
        line to the rules). ``linked_abstract`` then says whether the link closes.
        """
        raw = self.raw
        try:
            stop = raw.index("", k + 1)
        except ValueError:
            stop = self.count
        texts = raw[k:stop]
        ends = "".join([text[-1] for text in texts])
        if (
            len(texts) < 2 or " " in ends or "\t" in ends or ")" in ends[:-1]
            or not (ends.isascii() or BLANK_CHARS.isdisjoint(ends))
        ):
            raise _GiveWay
        # A line of a field of its own, before which the rules stop: looked at closer only
        # where a line starts as one may (the usual wrapped line starts with a letter).
        starts = "".join([text[0] for text in texts[1:]])
        if not _OWN_FIELD_STARTS.isdisjoint(starts) and any(
            text[0] in _OWN_FIELD_STARTS and starts_own_field(classify(text), text)
            for text in texts[1:]
        ):
            raise _GiveWay
        return texts

    def metadata(self, k: int, kind: Kind | None) -> tuple[int, Metadata]:
        """The metadata after the abstract ending at ``raw[k]``: (the entry's last line's index,
        its fields). ``kind`` is the class of ``raw[k + 1]`` when the caller has read it."""
        raw = self.raw
        after = k + 1
        if kind is None:
            while after < self.count and not raw[after]:
                after += 1
            if after >= self.count:
                return k, Metadata()
            line = raw[after]
            if line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                raise _GiveWay
            kind = classify(line)
        else:
            line = raw[after]
        if kind not in METADATA_KINDS:
            if line[0] == "[":  # an authors list as a link of its own, an organization's
                raise _GiveWay  # link without its image, or junk: the rules tell
            return k, Metadata()
        if opens_trending(kind, line):
            return self.trending(after)
        fields = Metadata()
        if kind is Kind.AUTHORS:
            k, fields.author_count = self.authors(after)
        elif kind is Kind.ORGANIZATION:
            k = after
            if not closes_organization(line):
                raise _GiveWay
            fields.organization = organization_of(line)
        else:
            raise _GiveWay
        k = self.next_line(k + 1)
        if raw[k] != SEPARATOR:
            raise _GiveWay
        k = self.next_line(k + 1)
        self.date(raw[k], fields)
        if _comments_follow(raw, k, self.count):
            raise _GiveWay
        return k, fields

    def trending(self, k: int) -> tuple[int, Metadata]:
        """``- N authors``, link lines or both, from ``raw[k]`` (a clean line).

        A line is of the repository (link line) class if and only if it
        matches its pattern, so the pattern is all that is tried.
        """
        raw = self.raw
        fields = Metadata()
        authors = BARE_AUTHORS.fullmatch(raw[k])
        if authors is None:
            url = link_url(raw[k])
        else:
            fields.author_count = _count(authors)
            after = k + 1
            while after < self.count and not raw[after]:
                after += 1
            if after >= self.count:
                return k, fields
            line = raw[after]
            if line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
                raise _GiveWay
            url = link_url(line)
            if url is None:
                if SEPARATOR in line:  # maybe the card's date (``· Published on …``)
                    raise _GiveWay
                return k, fields
            k = after
        if url is None:
            raise _GiveWay
        fields.links, k = _glued_links(raw, k, self.count, (url,))
        return k, fields

    def authors(self, k: int) -> tuple[int, int]:
        """``[- N authors](url)`` or an avatar list starting at ``raw[k]``."""
        raw = self.raw
        if not raw[k].startswith("[- !["):
            return k, _count(LINKED_AUTHORS.fullmatch(raw[k]))
        # The glued lines of the avatar class (those starting with "- ![") up to the tail.
        while self.glued(k + 1):
            k += 1
            if not raw[k].startswith("- !["):
                return k, _count(AUTHORS_TAIL.fullmatch(raw[k]))
        raise _GiveWay

    def date(self, line: str, fields: Metadata) -> None:
        dated = _date_of(line, self.dates, self.limit)
        if dated is None:
            raise _GiveWay
        fields.date, fields.votes, fields.date_text, fields.year_explicit = dated


#: What a line that starts a field of its own starts with (``lines.starts_own_field``): a
#: title's ``#``, a link's ``[``, a list item's bullet.
_OWN_FIELD_STARTS = frozenset("#[-*+")


def _comments_follow(raw: list[str], k: int, count: int) -> bool:
    """Whether the next line with text after the date line ``raw[k]`` is a comment count's
    link (``[6](…#community)``), which the rules read with the date (``COMMENTS_LINK``).
    The end of ``raw`` is the input's (``window.py`` makes sure of it)."""
    k += 1
    while k < count and not raw[k]:
        k += 1
    return k < count and raw[k].endswith(COMMENTS_LINK_END)


def _date_of(
    line: str, dates: dict[str, datetime.date | None], limit: datetime.date
) -> tuple[datetime.date, int, str, bool] | None:
    """What ``_Reader.date`` reads from a date line (date, votes, date text, year explicit),
    or None where it gives way. ``dates`` holds the dates of date texts under ``limit``."""
    match = DATE.fullmatch(line)
    if match is None:
        return None
    month, day, year, count = match.group(1, 2, 3, 4)
    if count is not None and (len(count) > MAX_COUNT_DIGITS or LOGIN_LINK in line):
        return None  # a count too long, or the next entry's box glued on: the rules report
    text = line[: match.end(3) if year else match.end(2)]
    when = dates.get(text, _NOT_READ)
    if when is _NOT_READ:
        try:
            when = datetime.date(int(year) if year else limit.year, MONTH_NUMBER[month], int(day))
        except ValueError:
            when = None
        if when is not None and when > limit:
            when = None
        dates[text] = when
    if when is None:
        return None
    return when, int(count) if count is not None else 0, text, year is not None


def _plain(texts: list[str]) -> str:
    """``plain_abstract`` of the lines, unless the rules cut them (field-too-long)."""
    if len(texts) > 1 and lines_too_long(texts):
        raise _GiveWay
    return plain_abstract(texts)


def _count(match: re.Match[str] | None) -> int:
    """The author count a pattern captured, unless it is too long (``bad-authors``)."""
    count = author_count_of(match.group(1)) if match is not None else None
    if count is None:
        raise _GiveWay
    return count


def _glued_links(
    raw: list[str], k: int, count: int, links: tuple[str, ...]
) -> tuple[tuple[str, ...], int]:
    """``links`` (those of the link lines up to ``raw[k]``) and the targets of the link lines
    glued under ``raw[k]``, with the index of the last link line.

    The rules take a glued line of the link class (stripped) as one more
    link; a line of blanks is a blank line to them. A glued line with a blank
    at an end is left to them.
    """
    while k + 1 < count and (line := raw[k + 1]):
        if line[0] in BLANK_CHARS or line[-1] in BLANK_CHARS:
            if line.strip(BLANKS):
                raise _GiveWay
            break
        url = link_url(line) if line.startswith("[LINK: ") else None
        if url is None:
            break
        links = (*links, url)
        k += 1
    return links, k


def _title_lines(raw: list[str], k: int, count: int) -> tuple[list[str], int] | None:
    """The title line ``raw[k]`` and the text lines glued to it (stripped), with the index
    of the last; None where a glued line is not a text line, goes after a linked title
    closed on its line (no part of it: the rules read it), or the rules would cut the
    field (field-too-long)."""
    texts = [raw[k]]
    if (
        k + 1 < count
        and raw[k + 1]
        and not is_plain_title(raw[k])
        and closes_link(without_closing_hashes(raw[k]))
    ):
        return None
    while k + 1 < count and raw[k + 1]:
        text = raw[k + 1].strip(BLANKS)
        if not text or classify(text) is not Kind.TEXT:
            return None
        texts.append(text)
        k += 1
    if len(texts) > 1 and lines_too_long(texts):
        return None
    return texts, k
