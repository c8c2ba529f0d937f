"""A markdown entry's fields, built from the text of its lines.

Shared by the rules (``rules.py``), which report what does not fit, and the
fast path (``fastpath.py``), which gives way to the rules on anything that
does not fit, so that both build exactly the same paper.
"""

from __future__ import annotations

import datetime
import re

import attrs

from ...dates import MAX_AUTHOR_DIGITS
from ...grammar import without_glued_logo_alt
from ...links import extract_links, paper_id, paper_url
from ...markup import join_wrapped, plain, unescape
from ...model import Paper, fast_paper
from .lines import (
    ORGANIZATION,
    ORGANIZATION_LINK,
    UPVOTE_BOX,
    UPVOTES,
    link_parts,
    opens_no_link,
    without_closing_hashes,
)


@attrs.define
class Metadata:
    """What an entry's metadata lines give: the listing's block or the trending page's."""

    author_count: int | None = None
    organization: str | None = None
    date: datetime.date | None = None
    votes: int | None = None
    date_text: str | None = None
    year_explicit: bool | None = None
    #: The targets of the trending entry's ``[LINK: …](url)`` lines, in order.
    links: tuple[str, ...] = ()


def organization_of(line: str) -> str | None:
    """The plain text of an organization line (``markup.plain``), None when it has none.

    The usual shape is read with one pattern: its name, having no brackets and no
    white space at its ends, is what ``plain`` leaves of the whole line once the
    image and link are gone.
    """
    match = ORGANIZATION.fullmatch(line)
    if match is None and (link := ORGANIZATION_LINK.fullmatch(line)) is not None:
        return without_glued_logo_alt(plain(line, escapes=True), link.group(2)) or None
    name = match.group(1) if match is not None else line
    return plain(name if name == name.strip() else line, escapes=True) or None


def author_count_of(digits: str) -> int | None:
    """The count of the digits an authors line's pattern captured, None when too long
    (``bad-authors``)."""
    return int(digits) if len(digits) <= MAX_AUTHOR_DIGITS else None


def upvote_count(text: str) -> int | None:
    """The count of an upvote line (``-`` is 0), or None when it is not one."""
    match = UPVOTES.fullmatch(text) or UPVOTE_BOX.fullmatch(text)
    if match is None:
        return None
    count = match.group(1)
    return 0 if count == "-" else int(count)


def unwrapped(texts: list[str]) -> str:
    """Hard-wrapped lines joined; arXiv's ``\\\\`` at a line's end is a line break, not text."""
    if len(texts) == 1:  # what join_wrapped makes of one line, without its list work
        return texts[0].rstrip("\\").strip()
    return join_wrapped([text.rstrip("\\") for text in texts], broken_cjk=False)


_DOUBLE_SPACE = re.compile("  ")


def inline(text: str) -> str:
    """Text as a reader sees it: escapes resolved, runs of white space read as one space."""
    text = unescape(text)
    # An ASCII text with no white space but single spaces inside (none of the ASCII
    # characters str.split() splits on) is already what the last line makes of it; these
    # checks cost far less than splitting a long abstract. (The one-character searches are
    # memchr; re finds a double space about twice as fast as a substring search does.)
    if (
        text.isascii()
        and text[:1] != " "
        and text[-1:] != " "
        and _DOUBLE_SPACE.search(text) is None
        and "\t" not in text
        and "\r" not in text
        and "\n" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    ):
        return text
    return " ".join(text.split())


def before_target(text: str) -> str:
    """The text of a link left open: without its ``[``, and without a target cut short."""
    end = text.rfind("](")
    return text[1:end] if end > 0 else text[1:]


def title_of(texts: list[str]) -> tuple[str, str | None, bool]:
    """The title, its link target and whether its link (if it opens one) is closed, from the
    title's lines (the first one starting with ``### ``)."""
    return _title(unwrapped(texts))


def title_of_line(line: str) -> tuple[str, str | None, bool]:
    """``title_of([line])``, without building the list (the fast path reads most titles so)."""
    return _title(line.rstrip("\\").strip())


def _title(joined: str) -> tuple[str, str | None, bool]:
    # The heading's text after ``### `` and a link's text hold no heading mark or bullet of
    # their own: ``### # of Tokens`` and ``### [# of Tokens](…)`` are ``# of Tokens``.
    text = without_closing_hashes(joined)[4:].strip()
    if not text.startswith("["):
        return plain(text, escapes=True, marks=False), None, True
    # The listing's usual ``[Title](url)``, told here without a call: its first bracket
    # closes right before ``(`` with no bracket inside. Else ``opens_no_link`` tells.
    close = text.find("]")
    usual = (
        close > 0
        and text[close + 1 : close + 2] == "("
        and text.find("[", 1, close) < 0
        and text[close - 1] != "\\"
    )
    if not usual and opens_no_link(text):
        return plain(text, escapes=True, marks=False), None, True
    parts = link_parts(text)
    if parts is None:
        return plain(before_target(text), escapes=True, marks=False), None, False
    return plain(parts[0], escapes=True, marks=False), parts[1], True


def linked_abstract(texts: list[str]) -> tuple[str, str | None, bool]:
    """The abstract inside ``[…](url)``, its target and whether the link is closed."""
    text = unwrapped(texts)
    parts = link_parts(text)
    if parts is None:
        return inline(before_target(text)), None, False
    return inline(parts[0]), parts[1], True


def plain_abstract(texts: list[str]) -> str:
    return inline(unwrapped(texts))


def identity(*urls: str | None) -> str | None:
    """The paper id of the first of ``urls`` that links a paper."""
    for url in urls:
        identifier = paper_id(url) if url else None
        if identifier is not None:
            return identifier
    return None


def paper_links(abstract: str, links: tuple[str, ...]) -> tuple[str, ...]:
    """The abstract's links, then each of the entry's own links (its ``[LINK: …](url)``
    lines) unless already listed."""
    found = extract_links(abstract)
    if not found and len(links) < 2:  # the usual case: nothing to leave out
        return links
    for url in links:
        if url not in found:
            found = (*found, url)
    return found


def entry_paper(
    title: str,
    title_url: str | None,
    abstract: str,
    abstract_url: str | None,
    metadata: Metadata,
    upvotes: int | None,
    line: int,
    end_line: int,
) -> Paper:
    """The paper of an entry read to these fields, on lines ``line`` to ``end_line``: its id
    from the title's link, else the abstract's; its links from the abstract, then its own."""
    identifier = identity(title_url, abstract_url)
    return fast_paper(
        title,
        abstract,
        metadata.author_count,
        metadata.organization,
        metadata.date,
        metadata.votes,
        paper_links(abstract, metadata.links),
        line,
        end_line,
        metadata.date_text,
        metadata.year_explicit,
        upvotes=upvotes,
        paper_id=identifier,
        url=paper_url(identifier) if identifier is not None else None,
    )
