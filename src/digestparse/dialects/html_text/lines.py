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

from ...dates import MAX_AUTHOR_DIGITS, read_date_line, starts_like_date
from ...grammar import MAX_ORGANIZATION_LEN, SEPARATOR
from ...links import COMMENTS_ANCHOR
from ...markup import plain


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
    #: ``[Upvote117](url)``: the trending card's upvote box on one line (a markdown converter).
    UPVOTE_BOX = "one-line upvote box"
    #: The first line of a link or an image a markdown converter wrapped over glued lines
    #: (html2text at width 78): ``[![](https://cdn-thumbnails.huggingface.co/social-``.
    OPEN = "wrapped link"
    TEXT = "text"


ANCHOR, TITLE, SUBMITTED, PLACEHOLDER = Kind.ANCHOR, Kind.TITLE, Kind.SUBMITTED, Kind.PLACEHOLDER
AVATAR_LINK, AVATAR, DASH, AUTHORS = Kind.AVATAR_LINK, Kind.AVATAR, Kind.DASH, Kind.AUTHORS
ORGANIZATION, SEPARATOR_LINE = Kind.ORGANIZATION, Kind.SEPARATOR
META, UPVOTE, UPVOTE_COUNT, LINKS = Kind.META, Kind.UPVOTE, Kind.UPVOTE_COUNT, Kind.LINKS
BOX, COMMENTS, DATED = Kind.BOX, Kind.COMMENTS, Kind.DATED
UPVOTE_BOX, OPEN = Kind.UPVOTE_BOX, Kind.OPEN
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
_COMMENTS_TARGET = COMMENTS_ANCHOR + ")"
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

# -- the markdown converters' shapes (docs/format.md, "Markdown converters") ------------------
# html2text, markdownify, markitdown and html-to-markdown write the page's images as markdown
# images where 05 has its placeholders, its lists as markdown bullets, and html2text wraps a
# paragraph at 78 characters over glued lines (inside a link, and at a hyphen inside a URL).

#: A markdown image, ``![alt](url)``: the converters' ``<img>``.
_IMAGE = r"!\[[^\[\]]*\]\([^\s()]*\)"
#: An image alone on its line (the Submitted-by avatar): 05's placeholder.
IMAGE_LINE = re.compile(_IMAGE)
#: ``[![](img)](url)``: the thumbnail linked to the paper, 05's avatar link.
IMAGE_LINK_LINE = re.compile(rf"\[{_IMAGE}\]\((\S+)\)")
#: ``[![alt](img) Name](url)`` or ``[![alt](img)Name](url)``: an organization.
IMAGE_ORGANIZATION_LINE = re.compile(rf"\[{_IMAGE} ?[^\[\]]*[^\[\]\s][^\[\]]*\]\(\S+\)")
#: A line of links whose first one starts with an image (html-to-markdown keeps the GitHub
#: icon as a data URL: ``[![](data:image/svg+xml;base64,…) GitHub 131](url) [arXiv Page](…)``).
IMAGE_LINKS_LINE = re.compile(
    rf"\[(?:{_IMAGE})?[^\[\]]+\]\(\S+\)(?: \[(?:{_IMAGE})?[^\[\]]+\]\(\S+\))*"
)
#: ``Submitted by![](img)name``: the lead-in on one line (the converters, inline blocks);
#: the name may be missing (reported). Without the image (html2text's ``ignore_images``),
#: blanks stand where it was and the name is one word: ``Submitted by  vvasilev``. Its two
#: blanks (the ones around the avatar) tell it from prose (an abstract ``Submitted by X.``).
SUBMITTED_INLINE = re.compile(rf"Submitted by(?: ?{_IMAGE} ?(.*)| {{2,}}([^\s\[\]()]+))")
#: The Submitted-by avatar with its user's name, or the name's start, after it on its line:
#: html2text fills the avatar's line with a short name, or with a name's part up to a
#: hyphen, which it breaks at (``![](…/avatars/….svg) yxf-`` over ``syzzwfy370``).
AVATAR_AND_NAME = re.compile(rf"{_IMAGE} +(\S+)")
#: ``[Upvote117](url)``, ``[Upvote 117](url)``, ``[Upvote -](url)``: the trending card's box
#: on one line; a line that starts so is one, its count checked by the rules.
#: node-html-markdown escapes the ``-`` of a paper with no upvote yet: ``[Upvote\-](url)``.
UPVOTE_BOX_LINE = re.compile(r"\[Upvote ?([0-9]{1,18}|\\?-)\]\((\S*)\)")
_UPVOTE_BOX_OPEN = "[Upvote"
#: Markdown bullets: ``* ![](img)`` (an author's avatar), ``* 8 authors`` (after empty
#: items where the avatars' images were left out: ``*   * 8 authors``), and the period
#: switcher's empty items, ``*   *   *`` on one line (html2text) or ``-`` alone.
MD_AVATAR_LINE = re.compile(rf"[-*+][ \t]+{_IMAGE}")
MD_AUTHORS_LINE = re.compile(
    rf"[-*+](?:[ \t]+[-*+])*[ \t]+([0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?"
)
#: ``[](https://huggingface.co/papers/ID)``: the thumbnail's link with its image left out
#: (html2text's ``ignore_images``); a link alone to another day is no paper's
#: (``nav_link``).
EMPTY_PAPER_LINK_LINE = re.compile(r"\[\]\(<?\S*/papers/[0-9]{4}\.[0-9]{4,5}>?\)")
EMPTY_ITEMS_LINE = re.compile(r"[-*+](?:[ \t]+[-*+])*")
#: How a line of links starts that html2text wrapped: a link and the next one, or a link
#: whose address goes on on the next line (after a hyphen).
_LINKS_OPENING = re.compile(r"\[[^\[\]]+\]\((?:\S+\) \[|\S*$)")
#: The first characters of a converter's lines that 05's tool does not write: a bullet, an
#: image.
_CONVERTER_MARKS = frozenset("*+!S")
#: How a lead-in on one line starts (its avatar html2text may wrap onto the next line).
_SUBMITTED_OPENINGS = ("Submitted by![", "Submitted by ")


def opens(text: str) -> bool:
    """Whether a line that starts like a converter's link or image (``[![``, ``![``, ``[ ``,
    a lead-in with its avatar) leaves a bracket or a parenthesis open at its end: html2text
    wrapped it, the rest is on the next lines (counted, not paired: the closes come after
    the opens on these lines)."""
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


#: Text after `` · `` this short, starting like a date, is read as a date (or a bad one).
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
        second = line[1]  # the line is more than "["
        if second == "[":
            if AVATAR_LINK_LINE.fullmatch(line):
                return AVATAR_LINK
            if SEPARATOR not in line and ORGANIZATION_LINE.fullmatch(line):
                return ORGANIZATION
        elif second in "!U":
            kind = _converted(line)
            if kind is not None:
                return kind
        elif second == "]" and EMPTY_PAPER_LINK_LINE.fullmatch(line):
            return AVATAR_LINK  # the thumbnail, its image left out (html2text)
        if PLACEHOLDER_LINE.fullmatch(line):
            return PLACEHOLDER
        if SEPARATOR in line and meta(line) is not None:
            return META
        if (second == "-" or second == " " or "0" <= second <= "9") and BOX_LINE.fullmatch(line):
            if line.endswith(_COMMENTS_TARGET):
                return COMMENTS
            if links_login(line):
                return BOX
        if second == "-":
            if AUTHORS_LINE.fullmatch(line):
                return AUTHORS
            if AVATAR_LINE.fullmatch(line):
                return AVATAR
        if LINKS_LINE.fullmatch(line):
            return LINKS
        if (second == " " or ("](" in line and _LINKS_OPENING.match(line))) and opens(line):
            return OPEN
        return TEXT
    if first == "-":
        if line == "-":
            return DASH
        if AUTHORS_LINE.fullmatch(line):
            return AUTHORS
        if AVATAR_LINE.fullmatch(line):
            return AVATAR
        if UPVOTE_COUNT_LINE.fullmatch(line):
            return UPVOTE_COUNT
        return _bullet(line) if line[2:3] in _AFTER_BULLET else TEXT
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
    if first in _CONVERTER_MARKS and (first != "S" or line.startswith(_SUBMITTED_OPENINGS)):
        return _converter_line(line)
    return TEXT


def _converter_line(line: str) -> Kind:
    """A line that starts like no line of 05's tool, as a markdown converter writes it: a
    bullet (``_bullet``), an image alone (05's placeholder), the lead-in on one line
    (``Submitted by![](img)name``), or the start of an image or lead-in wrapped onto the next
    lines."""
    first = line[0]
    if first == "S":
        if not line.startswith(_SUBMITTED_OPENINGS):
            return TEXT
        if SUBMITTED_INLINE.fullmatch(line):
            return SUBMITTED
        return OPEN if opens(line) else TEXT
    if first != "!":
        return _bullet(line)
    if IMAGE_LINE.fullmatch(line):
        return PLACEHOLDER
    return OPEN if line.startswith("![") and opens(line) else TEXT


def _converted(line: str) -> Kind | None:
    """The kind of a line starting ``[!`` or ``[U`` that a markdown converter writes (an
    image inside a link, a one-line upvote box); None for the other kinds' tests."""
    if line.startswith(_UPVOTE_BOX_OPEN):
        return UPVOTE_BOX if line[-1] == ")" and "](" in line else None
    if not line.startswith("[!["):
        return None
    if IMAGE_LINK_LINE.fullmatch(line):
        return AVATAR_LINK
    if SEPARATOR in line and meta(line) is not None:
        return META
    if IMAGE_ORGANIZATION_LINE.fullmatch(line):
        return ORGANIZATION
    if IMAGE_LINKS_LINE.fullmatch(line):
        return LINKS
    return OPEN if opens(line) else None


#: How the item after a converter's bullet starts: an image, a count, another bullet.
_BULLET_ITEMS = frozenset("!0123456789-*+")
#: The character after ``-`` and one more of a converter's bullet line: the item's first or
#: more blank (``- Source URL: …`` is text).
_AFTER_BULLET = frozenset(" \t") | _BULLET_ITEMS


def _bullet(line: str) -> Kind:
    """A line starting with a markdown bullet: an avatar, an authors count or empty items."""
    if line[1:2].strip() and line[1:2] not in "-*+":
        return TEXT  # ``-text``: none of them
    rest = line[1:].lstrip(" \t")
    if rest and rest[0] not in _BULLET_ITEMS:
        return TEXT  # ``- Source URL: …``: text, not an avatar, a count or another bullet
    if MD_AUTHORS_LINE.fullmatch(line):
        return AUTHORS
    if MD_AVATAR_LINE.fullmatch(line):
        return AVATAR
    return DASH if EMPTY_ITEMS_LINE.fullmatch(line) else TEXT


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
    if found is not None:
        return int(found.group(2))
    bullet = MD_AUTHORS_LINE.fullmatch(line)
    if bullet is None:
        raise ValueError(f"not an authors line: {line!r}")
    return int(bullet.group(1))


def is_pagination(line: str) -> bool:
    """Whether a line of links is the page's pagination (``[Previous](…) [Next](…)``): the
    page's end after the last entry, never its links."""
    return line.startswith(PAGINATION_LINKS)


def nav_link(line: str) -> bool:
    """A link alone to another day, week or month of the listing (the arrows beside the page
    date, their icons lost: ``[](https://huggingface.co/papers/date/2026-11-21)``)."""
    return _NAV_LINK.fullmatch(line) is not None


_NAV_LINK = re.compile(
    r"\[(?:\[[^\[\]]*\]|[^\[\]]*)\]"
    r"\((<)?(?:https://huggingface\.co)?/papers/(?:date|week|month)/[^\s()<>]*(?(1)>)\)"
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
    if len(date) > _MAX_DATE_TEXT or not (
        starts_like_date(date)
        or (date and PUBLISHED.startswith(date))  # ``Published on`` cut by a wrap
        or _is_organization_link(organization)  # the date damaged: still this line
    ):
        return None
    if len(organization) > MAX_ORGANIZATION_LEN and len(plain(organization)) > MAX_ORGANIZATION_LEN:
        return None  # an abstract's line, with `` · May 29`` in its text
    return organization, date, count


def _is_organization_link(text: str) -> bool:
    """Whether ``text`` is an organization's link alone, logo or not (what stands before
    `` · `` and the date on 05's line)."""
    return text[:1] == "[" and (
        ORGANIZATION_LINE.fullmatch(text) is not None
        or IMAGE_ORGANIZATION_LINE.fullmatch(text) is not None
        or _PLAIN_LINK.fullmatch(text) is not None
    )


_PLAIN_LINK = re.compile(r"\[[^\[\]]+\]\(\S+\)")

#: The anchor ``structured-html-v2`` writes before each heading; no other tool writes it.
_SECTION_ANCHOR = re.compile(r'<a id="source-section-[0-9]+"></a>')


def _is_anchor(line: str) -> bool:
    return line[:1] == "<" and _SECTION_ANCHOR.fullmatch(line) is not None


def shows_anchors(head: Sequence[str]) -> bool:
    """Whether the head holds this extractor's section anchors: its mark on a page cut
    before its first entry, which shows no other (``dialects.detect``)."""
    return any(map(_is_anchor, head))


def extracted(head: Sequence[str]) -> bool:
    """Whether the head shows this extractor's own mark, its section anchors, and a title
    linked to a paper: a daily or search page of this tool (upvote boxes ``[N](url)`` and
    ``### [Title](url)`` titles) looks like markdown to the markdown detector, which is tried
    first (``dialects/__init__.py``)."""
    anchored = titled = False
    for line in head:
        if _is_anchor(line):
            anchored = True
        elif line.startswith(TITLE_MARK) and any(target in line for target in _PAPER_TARGETS):
            titled = True
        if anchored and titled:
            return True
    return False


def detect(head: Sequence[str]) -> bool:
    """``[Upvote`` followed by its ``N](url)`` line, or the box on one line linked to the
    login page (``[Upvote117](url)``, the markdown converters); or a Submitted-by block (on
    one line: ``Submitted by![](img)name``) in a listing, whose titles link to papers (a
    title wrapped over lines, html2text, links on a later line)."""
    submitted = titled = False
    for index, line in enumerate(head):
        if line.startswith(UPVOTE_OPEN):
            if line == UPVOTE_OPEN:
                if index + 1 < len(head) and UPVOTE_COUNT_LINE.fullmatch(head[index + 1]):
                    return True
            elif UPVOTE_BOX_LINE.fullmatch(line) and links_login(line):
                return True
        elif line.startswith(SUBMITTED_BY):
            submitted = submitted or line == SUBMITTED_BY or bool(SUBMITTED_INLINE.fullmatch(line))
        elif line.startswith(TITLE_MARK):
            titled = titled or _links_paper(head, index)
    return (submitted and titled) or extracted(head)


#: A title's link to a paper's page: absolute, or the site's relative link (a converter's
#: output of a page saved with them), maybe in angle brackets (html2text's
#: ``protect_links``).
_PAPER_TARGETS = ("](https://huggingface.co/papers/", "](/papers/", "](</papers/")


def _links_paper(head: Sequence[str], index: int) -> bool:
    """Whether the title line at ``index`` links to a paper, on its line or, wrapped, on one
    of the next glued ones (as ``rules._title`` reads it)."""
    line = head[index]
    if "huggingface.co/papers/" in line or "](/papers/" in line or "](</papers/" in line:
        return True
    if not line.startswith(TITLE_MARK + "[") or "](" in line:
        return False
    for following in head[index + 1 : index + MAX_TITLE_PARTS]:
        if "](" in following:
            return any(target in following for target in _PAPER_TARGETS)
    return False


#: How many lines a wrapped title takes at most (``rules.MAX_TITLE_LINES``).
MAX_TITLE_PARTS = 4


def links_login(line: str) -> bool:
    """Whether a box links to the site's login page (the box every capture shows, made
    logged out), absolute or relative."""
    return "huggingface.co/login" in line or "](/login?" in line or "](</login?" in line
