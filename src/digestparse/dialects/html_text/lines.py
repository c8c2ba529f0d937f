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
    META = "date"
    UPVOTE = "upvote"
    UPVOTE_COUNT = "upvote count"
    LINKS = "links"
    DATE = "page date"
    TEXT = "text"


ANCHOR, TITLE, SUBMITTED, PLACEHOLDER = Kind.ANCHOR, Kind.TITLE, Kind.SUBMITTED, Kind.PLACEHOLDER
AVATAR_LINK, AVATAR, DASH, AUTHORS = Kind.AVATAR_LINK, Kind.AVATAR, Kind.DASH, Kind.AUTHORS
META, UPVOTE, UPVOTE_COUNT, LINKS = Kind.META, Kind.UPVOTE, Kind.UPVOTE_COUNT, Kind.LINKS
DATE, TEXT = Kind.DATE, Kind.TEXT

SUBMITTED_BY = "Submitted by"
UPVOTE_OPEN = "[Upvote"
TITLE_MARK = "### "
PUBLISHED = "Published on "
ANCHOR_LINE = re.compile(r'<a id="[^"<>]*"></a>')
#: The extraction tool's image placeholder (module docstring): a bracket with no link after it.
PLACEHOLDER_LINE = re.compile(r"\[[^\[\]]*\](?![(\[])")
AVATAR_LINK_LINE = re.compile(r"\[\[[^\[\]]*\]\]\((\S+)\)")
AVATAR_LINE = re.compile(r"- \[[^\[\]]*\]")
AUTHORS_LINE = re.compile(rf"- ([0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?")
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
        if line == UPVOTE_OPEN:
            return UPVOTE
        if line.startswith("[[") and AVATAR_LINK_LINE.fullmatch(line):
            return AVATAR_LINK
        if PLACEHOLDER_LINE.fullmatch(line):
            return PLACEHOLDER
        if SEPARATOR in line and meta(line) is not None:
            return META
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
    if SEPARATOR in line and meta(line) is not None:
        return META
    if len(line) <= len("Sep 30, 2024") and read_date_line(line) is not None:
        return DATE
    return TEXT


def meta(line: str) -> tuple[str, str] | None:
    """``(organization, date text)`` of ``Org · Published on Sep 4, 2026`` or ``· Sep 4, 2026``."""
    if line.startswith(SEPARATOR + " "):
        organization, date = "", line[2:]
    else:
        organization, found, date = line.rpartition(_SEPARATOR)
        if not found:
            return None
    if date.startswith(PUBLISHED):
        date = date[len(PUBLISHED) :]
    if not date or not "A" <= date[0] <= "S" or len(date) > _MAX_DATE_TEXT:
        return None
    return organization, date


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
    return submitted and titled
