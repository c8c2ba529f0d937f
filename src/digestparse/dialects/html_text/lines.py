"""The html-text dialect's line classes, their patterns and its detector.

Capture 05 (docs/format.md#the-html-text-dialect). One entry, blank lines left
out, ``<img>`` standing for the image placeholder described below::

    [<img>](https://huggingface.co/papers/2609.05415)
    Submitted by
    <img>
    Linzhan
    <a id="source-section-9"></a>
    ### [UniMate: One Unified Model to Animate Diverse Skeletons](https://huggingface.co/papers/…)
    UniMate is a unified diffusion transformer that generates articulated motion …
    [<img> Princeton University](https://huggingface.co/princetonu) · Published on Sep 4, 2026
    [Upvote
    22](https://huggingface.co/login?next=%2Fpapers%2F2609.05415)
    [GitHub 1.54k](https://github.com/Friedrich-M/UniMate) [arXiv Page](https://arxiv.org/abs/…)

The lines before the title (an avatar link to the paper, the Submitted-by
block, the extraction tool's anchor) are the entry's lead-in and belong to
it. The extraction tool writes an image as its alt text in brackets, behind
the word for "image" and a full-width colon (``[图片\uff1a无替代文本]``, "no
alt text"): a bracket with no link after it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from ...dates import MAX_AUTHOR_DIGITS, read_date_line
from ...grammar import SEPARATOR


class Kind(enum.Enum):
    ANCHOR = "anchor"
    TITLE = "title"
    SUBMITTED = "submitted-by"
    PLACEHOLDER = "image"
    AVATAR_LINK = "avatar link"
    AVATAR = "avatar"
    DASH = "empty item"
    AUTHORS = "authors"
    #: ``[<img> Name](url)`` alone on its line (the daily page, or a card with no date).
    ORGANIZATION = "organization"
    #: ``·`` alone on its line (the daily page puts it between the authors and the date).
    SEPARATOR = "separator"
    META = "date"
    #: ``[N](url)`` or ``[-](url)``: the daily page's upvote box, above the title.
    BOX = "upvote box"
    UPVOTE = "upvote"
    UPVOTE_COUNT = "upvote count"
    #: ``[N](…#community)`` alone on its line: the comment count after the date.
    COMMENTS = "comment count"
    LINKS = "links"
    DATE = "page date"
    #: An entry's date alone on its line, which is no page date: with its comment count
    #: (``May 29[6](…#community)``, ``Apr 11 [2](…#community)``) or ``Published on May 29``.
    DATED = "entry date"
    TEXT = "text"


ANCHOR, TITLE, SUBMITTED, PLACEHOLDER = Kind.ANCHOR, Kind.TITLE, Kind.SUBMITTED, Kind.PLACEHOLDER
AVATAR_LINK, AVATAR, DASH, AUTHORS = Kind.AVATAR_LINK, Kind.AVATAR, Kind.DASH, Kind.AUTHORS
ORGANIZATION, SEPARATOR_LINE = Kind.ORGANIZATION, Kind.SEPARATOR
META, UPVOTE, UPVOTE_COUNT, LINKS = Kind.META, Kind.UPVOTE, Kind.UPVOTE_COUNT, Kind.LINKS
BOX, COMMENTS, DATED = Kind.BOX, Kind.COMMENTS, Kind.DATED
DATE, TEXT = Kind.DATE, Kind.TEXT

SUBMITTED_BY = "Submitted by"
#: How an upvote box over two lines opens: ``[Upvote`` (05), or a lone ``[`` where the box
#: shows no label (its count alone on the next line, ``101](url)``).
UPVOTE_OPEN = "[Upvote"
TITLE_MARK = "### "
PUBLISHED = "Published on "
ANCHOR_LINE = re.compile(r'<a id="[^"<>]*"></a>')
#: The extraction tool's image placeholder (module docstring): a bracket with no link after it.
PLACEHOLDER_LINE = re.compile(r"\[[^\[\]]*\](?![(\[])")
AVATAR_LINK_LINE = re.compile(r"\[\[[^\[\]]*\]\]\((\S+)\)")
#: ``- <img>``; ``[- <img>`` opens an avatar list inside a link (the daily page).
AVATAR_LINE = re.compile(r"\[?- \[[^\[\]]*\]")
#: ``- 4 authors``; inside a link to the paper (the daily page) ``[- 4 authors](url)``, or
#: ``- 4 authors](url)`` closing an avatar list.
AUTHORS_LINE = re.compile(
    rf"(\[)?- ([0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?(?(1)\]\(\S+\)|(?:\]\(\S+\))?)"
)
#: ``[<img> Name](url)``: an organization (an avatar link has no name after its image).
ORGANIZATION_LINE = re.compile(r"\[\[[^\[\]]*\] ?[^\[\]]*[^\[\]\s][^\[\]]*\]\(\S+\)")
#: ``[N](url)``, ``[-](url)``: the daily page's upvote box, linked to the login page as
#: every capture shows it (made logged out; a page number ``[2](…?p=2)`` is a plain link);
#: with a ``#community`` target (and spaces allowed around the count) the comment count.
BOX_LINE = re.compile(r"\[ ?([0-9]{1,18}|-) ?\]\((\S*)\)")
_BOX_TARGET = "huggingface.co/login"
_COMMENTS_TARGET = "#community)"
#: A comment count after a date, glued on or after one space.
_DATE_COMMENTS = re.compile(r"(.*?) ?\[ ?([0-9]+) ?\]\(\S*\)")
#: ``22](url)``; ``-](url)`` when the paper has no upvote yet (read as 0, as on every page).
UPVOTE_COUNT_LINE = re.compile(r"([0-9]{1,18}|-)\]\((\S*)\)")
#: A line of links only: ``[GitHub 131](url) [arXiv Page](url)``.
LINKS_LINE = re.compile(r"\[[^\[\]]+\]\(\S+\)(?: \[[^\[\]]+\]\(\S+\))*")
#: How a line of links that is the page's pagination starts (``[Previous](…) [Next](…)``):
#: the page's end after the last entry (``rules/page_end.py``), never that entry's links.
PAGINATION_LINKS = ("[Previous]", "[Next]")
_SEPARATOR = " " + SEPARATOR + " "
#: Text after `` · `` this short, starting like a month, is read as a date (or a bad one).
_MAX_DATE_TEXT = 24


def classify(line: str) -> Kind:
    """The kind of one stripped line, from its first character where possible."""
    first = line[0]
    if first == "<":
        return ANCHOR if ANCHOR_LINE.fullmatch(line) else TEXT
    if first == "#":
        return TITLE if line.startswith(TITLE_MARK) else TEXT
    if first == "[":
        if line == UPVOTE_OPEN or line == "[":
            return UPVOTE
        if line.startswith("[["):
            if AVATAR_LINK_LINE.fullmatch(line):
                return AVATAR_LINK
            if SEPARATOR not in line and ORGANIZATION_LINE.fullmatch(line):
                return ORGANIZATION
        if PLACEHOLDER_LINE.fullmatch(line):
            return PLACEHOLDER
        if SEPARATOR in line and meta(line) is not None:
            return META
        second = line[1:2]
        if (second == "-" or second == " " or "0" <= second <= "9") and BOX_LINE.fullmatch(line):
            if line.endswith(_COMMENTS_TARGET):
                return COMMENTS
            if _BOX_TARGET in line:
                return BOX
        if second == "-":
            if AUTHORS_LINE.fullmatch(line):
                return AUTHORS
            if AVATAR_LINE.fullmatch(line):
                return AVATAR
        return LINKS if LINKS_LINE.fullmatch(line) else TEXT
    if first == "-":
        if line == "-":
            return DASH
        if AUTHORS_LINE.fullmatch(line):
            return AUTHORS
        if AVATAR_LINE.fullmatch(line):
            return AVATAR
        return UPVOTE_COUNT if UPVOTE_COUNT_LINE.fullmatch(line) else TEXT
    if "0" <= first <= "9":
        return UPVOTE_COUNT if UPVOTE_COUNT_LINE.fullmatch(line) else TEXT
    if line == SUBMITTED_BY:
        return SUBMITTED
    if SEPARATOR in line:
        if line == SEPARATOR:
            return SEPARATOR_LINE
        if meta(line) is not None:
            return META
    if len(line) <= len("Sep 30, 2024") and read_date_line(line) is not None:
        return DATE
    # A date alone that is not a page date ends with its comment count's link or starts with
    # ``Published on``.
    if (
        first in _DATED_INITIALS
        and (line[-1] == ")" or line.startswith(PUBLISHED))
        and len(line) <= _MAX_DATED
        and (split := entry_date(line)) is not None
    ):
        return DATED if read_date_line(split[0]) is not None else TEXT
    return TEXT


#: How a date line alone starts (a month, or ``Published on``), and its longest length with
#: a comment count's link after it.
_DATED_INITIALS = frozenset("ADFJMNOSP")
_MAX_DATED = 200


def entry_date(text: str) -> tuple[str, str | None] | None:
    """``(date, comment count)`` of an entry's date alone on its line (the daily page), after
    an optional ``Published on ``, with its comment count glued on or after one space
    (``May 29[6](…#community)``, ``Apr 11 [2](…)``) or none (``May 29``: count None); None
    for a line that is neither (not checked: that the date reads)."""
    if text.startswith(PUBLISHED):
        text = text[len(PUBLISHED) :]
    count = None
    if text[-1:] == ")":
        found = _DATE_COMMENTS.fullmatch(text) if "](" in text else None
        if found is None:
            return None
        text, count = found.group(1), found.group(2)
    if not text or len(text) > _MAX_DATE_TEXT:
        return None
    return text, count


def author_count(line: str) -> int:
    """The count of an authors line (``AUTHORS_LINE``): ``- 4 authors``, ``[- 4 authors](url)``."""
    found = AUTHORS_LINE.fullmatch(line)
    if found is None:
        raise ValueError(f"not an authors line: {line!r}")
    return int(found.group(2))


def is_pagination(line: str) -> bool:
    """Whether a line of links is the page's pagination (``[Previous](…) [Next](…)``): the
    page's end after the last entry, never its links."""
    return line.startswith(PAGINATION_LINKS)


def nav_link(line: str) -> bool:
    """A link alone to another day, week or month of the listing (the arrows beside the page
    date, their icons lost: ``[](https://huggingface.co/papers/date/2026-11-21)``)."""
    return _NAV_LINK.fullmatch(line) is not None


_NAV_LINK = re.compile(
    r"\[(?:\[[^\[\]]*\]|[^\[\]]*)\]\(https://huggingface\.co/papers/(?:date|week|month)/[^\s()]*\)"
)


def meta(line: str) -> tuple[str, str, str | None] | None:
    """``(organization, date text, comment count)`` of ``Org · Published on Sep 4, 2026``,
    ``· Sep 4, 2026`` or (the daily page) ``Org · May 29[6](…#community)``; the count is None
    where the line shows none."""
    if line.startswith(SEPARATOR + " "):
        organization, date = "", line[2:]
    else:
        organization, found, date = line.rpartition(_SEPARATOR)
        if not found:
            return None
    if date.startswith(PUBLISHED):
        date = date[len(PUBLISHED) :]
    count = None
    if date[-1:] == ")":
        commented = _DATE_COMMENTS.fullmatch(date)
        if commented is not None:
            date, count = commented.group(1), commented.group(2)
    if not date or not "A" <= date[0] <= "S" or len(date) > _MAX_DATE_TEXT:
        return None
    return organization, date, count


#: The anchor ``structured-html-v2`` writes before each heading; no other tool writes it.
_SECTION_ANCHOR = re.compile(r'<a id="source-section-[0-9]+"></a>')


def extracted(head: Sequence[str]) -> bool:
    """Whether the head shows this extractor's own mark, its section anchors, and a title
    linked to a paper: a daily or search page of this tool (upvote boxes ``[N](url)`` and
    ``### [Title](url)`` titles) looks like markdown to the markdown detector, which is tried
    first (``dialects/__init__.py``)."""
    anchored = titled = False
    for line in head:
        if line[:1] == "<" and _SECTION_ANCHOR.fullmatch(line):
            anchored = True
        elif line.startswith(TITLE_MARK) and "huggingface.co/papers/" in line:
            titled = True
        if anchored and titled:
            return True
    return False


def detect(head: Sequence[str]) -> bool:
    """``[Upvote`` followed by its ``N](url)`` line, or a Submitted-by block in a listing."""
    submitted = titled = False
    for index, line in enumerate(head):
        if line == UPVOTE_OPEN and index + 1 < len(head):
            if UPVOTE_COUNT_LINE.fullmatch(head[index + 1]):
                return True
        elif line == SUBMITTED_BY:
            submitted = True
        elif line.startswith(TITLE_MARK) and "huggingface.co/papers/" in line:
            titled = True
    return (submitted and titled) or extracted(head)
