"""The markdown dialect's lines: what each line is, read from the line alone, and the detector.

This module is the dialect's one home for its format knowledge (docs/format.md,
"The markdown dialect"): the patterns of an upvote line, an authors line, a
date with its comment count glued on, a link line; the kinds of line an
entry's metadata starts with. The rules (``rules.py``) and the fast path
(``fastpath.py``) read what these patterns capture; ``fields.py`` builds an
entry's fields from it, for both.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence

from ...dates import DateLine
from ...grammar import (
    BYLINE,
    BYLINE_SPACED,
    HEADER_SET,
    MONTH_NUMBER,
    MONTHS,
    PAGE_PHRASES,
    PAGE_TITLES,
    PERIOD_LABEL,
    SEPARATOR,
)
from ...links import COMMENTS_ANCHOR, paper_id
from ...markup import plain
from ...markup import without_closing_hashes as without_closing_hashes  # the rules' too
from ...state import BLANKS


class Kind(enum.Enum):
    HEADER = "header"
    #: ``### [Title](url)`` or ``### Title``.
    TITLE = "title"
    #: ``[101](url)`` or ``[-](url)`` before a title.
    UPVOTES = "upvotes"
    #: ``[`` followed by text: a linked abstract (or its first line when hard-wrapped).
    LINK_TEXT = "link text"
    #: ``[![alt](avatar)Name](url)``.
    ORGANIZATION = "organization"
    #: ``[- N authors](url)``, ``[- ![](avatar)\\`` (opens an avatar list) or ``- N authors``
    #: (any list bullet: ``*`` or ``+`` too).
    AUTHORS = "authors"
    #: ``- ![](avatar)\\``: one more avatar inside an avatar list.
    AVATAR = "avatar"
    #: ``- N authors](url)``: the line that closes an avatar list.
    AUTHORS_TAIL = "authors tail"
    SEPARATOR = "separator"
    #: ``May 29``, ``Feb 27, 2025``, ``May 29[6](…#community)``, ``Apr 11 [2](…#community)``.
    DATE = "date"
    #: ``[LINK: GitHub 11.3k](url)``: one of the entry's links, its code repository or
    #: another (trending pages).
    REPOSITORY = "repository"
    #: ``· Published on Oct 4, 2026``, ``· Oct 4, 2026`` or ``Name · Oct 4, 2026``: a trending
    #: card's date, after its authors or its organization's name.
    DATED = "dated"
    TEXT = "text"


#: The kinds of line an entry's metadata starts with: the listing's block or the trending
#: page's. A tuple, not a set: membership by identity, without Enum's hash (a Python call).
METADATA_KINDS = (
    Kind.ORGANIZATION, Kind.AUTHORS, Kind.SEPARATOR, Kind.DATE, Kind.REPOSITORY, Kind.DATED
)


#: What an upvote box's link holds, and no comment count's: the site's login page (with
#: the paper to return to, ``…/login?next=%2Fpapers%2FID``).
LOGIN_LINK = "/login?"
#: The kinds of line that start a field of their own (the next entry's title, the
#: metadata's authors or organization link; the upvote box, ``starts_own_field``).
_OWN_FIELD_KINDS = (Kind.TITLE, Kind.AUTHORS, Kind.ORGANIZATION)


def starts_own_field(kind: enum.Enum, line: str) -> bool:
    """Whether a line of ``kind`` starts a field of its own, which a link opened on an earlier
    line and not closed there (its close cut) never goes on over: the next entry's title or
    upvote box (linked to the login page: ``[3](…)`` alone may be a wrapped citation), the
    metadata's authors or organization link (also without its image, on one line)."""
    return (
        kind in _OWN_FIELD_KINDS
        or (kind is Kind.UPVOTES and LOGIN_LINK in line)
        or (kind is Kind.LINK_TEXT and line[-1:] == ")" and is_organization_link(line))
    )


def opens_trending(kind: Kind, line: str) -> bool:
    """Whether a metadata line (of one of ``METADATA_KINDS``) opens the trending page's block,
    ``- N authors`` or a link line, rather than the listing's."""
    return (
        kind is Kind.REPOSITORY
        or kind is Kind.DATED
        or (kind is Kind.AUTHORS and line[0] != "[")
    )

# The standard library's ``re``: these small patterns never backtrack much, and it is
# about twice as fast as ``regex`` for them (classification runs on every line).
#: A link's target, and the title a converter writes after it (``(url "title")``) where the
#: page's link has a ``title`` attribute.
#: (The usual ``)`` is tried first: an optional title group costs every match more.)
_URL = r'\(([^()\s]*)(?:\)| +"[^"]*"\))'
#: ``[-]`` is the box with no upvote yet.
UPVOTES = re.compile(r"\[(-|[0-9]{1,9})\]" + _URL)
#: The same box as other converters write it, apart so that the usual one costs no more:
#: turndown escapes a ``-`` that starts a block (``[\-]``); the trending page's box shows
#: the word ``Upvote`` above its count (html2text glues them: ``[Upvote117]``); html2text
#: keeps the blanks of the box's markup around the count (``[ 42 ]``).
UPVOTE_BOX = re.compile(
    r"\[(?:Upvote ?(?:\\(?=-))?| *\\(?=-)| +)(-|[0-9]{1,9}) *\]" + _URL
)
#: A list item's bullet: ``-`` (firecrawl), ``*`` (markdownify, turndown, html2text) or
#: ``+``, and one or more spaces (turndown writes ``*   ``).
_BULLET = r"[-*+] +"
#: html-to-markdown writes the list inside the link on one line, a bullet per item, the
#: avatars without images: ``[- - - - 3 authors](url)``; node-html-markdown the avatars'
#: images without bullets: ``[![](avatar)![](avatar)3 authors](url)``.
LINKED_AUTHORS = re.compile(
    r"\[(?:" + _BULLET + r"|!\[[^\[\]]*\]\([^()\s]*\) *)+([0-9]+) authors?\]" + _URL
)
#: html2text without images writes the avatar items of a list as bullets alone, on the line
#: of the last item: ``*   *   *   * 3 authors``.
BARE_AUTHORS = re.compile(r"(?:" + _BULLET + r")+([0-9]+) authors?")
AUTHORS_TAIL = re.compile(_BULLET + r"([0-9]+) authors?\]" + _URL)
#: An organization's link without its avatar image (a converter that leaves images out):
#: ``[Name](https://huggingface.co/slug)``, a link to one page of the site's top level (or
#: ``[Name](/slug)``, the site's relative link).
ORGANIZATION_LINK = re.compile(
    r"\[([^\[\]]*[^\[\]\s])\]\(<?(?:https://huggingface\.co)?/(?!papers\b|login\b)"
    r"([A-Za-z0-9][\w.-]*)/?>?"
    r'(?: +"[^"]*")?\)'
)
#: The lines around an authors list that html2text and turndown write as a link of its
#: own: ``[`` alone, the list, then ``](url)``.
LIST_LINK_OPEN = "["
LIST_LINK_CLOSE = re.compile(r"\]" + _URL)
#: The count of an upvote box written around its blocks (``[``, the count, ``](url)``):
#: turndown's, which the html-text dialect reads too (under a trending card).
SPLIT_COUNT = re.compile(r"\\?-|[0-9]{1,9}")
#: The last line of an upvote box whose ``[Upvote`` line is apart (capture 05's layout).
SPLIT_COUNT_TAIL = re.compile(r"(\\?-|[0-9]{1,9})\]" + _URL)
#: The word the trending page's upvote box shows above its count (capture 05).
UPVOTE_WORD = "Upvote"
#: An avatar list's first line (``[- ![](avatar)\\``) and its other items (``- ![](…)``).
LINKED_AVATAR = re.compile(r"\[" + _BULLET + r"!\[")
#: A link whose text opens with a list item: an avatar's image, or a count with at most
#: one word after it (``[- 3 authors](url)``, and damaged forms of it). A link text that
#: only starts with a bullet (an abstract's ``[- We list …](url)``) is none.
LINKED_LIST = re.compile(r"\[(?:" + _BULLET + r")+(?:!\[|[0-9]+(?: +[^\s\]]*)?(?:\]|$))")
AVATAR = re.compile(_BULLET + r"!\[")
REPOSITORY = re.compile(r"\[LINK: ([^\[\]]*)\]" + _URL)
#: ``[![alt](avatar)Name](url)``, the name without brackets (else ``markup.plain`` reads it).
_ANY_URL = r'\([^()\s]*(?:\)| +"[^"]*"\))'
ORGANIZATION = re.compile(r"\[!\[[^\]\n]*\]" + _ANY_URL + r"([^\[\]]*)\]" + _ANY_URL)
#: A link target: no white space and no parentheses; maybe a title after it.
_TARGET = re.compile(r'([^()\s]*)(?:| +"[^"]*")')
_PLAIN_TARGET = re.compile(r"[^()\s]*")
#: The comment count comes glued to the date or after one space (firecrawl writes both), or
#: two (markdownify moves the link text's leading blank out of the link: ``Nov 24  [3](…)``).
#: Its link holds the page's speech-bubble icon, an inline SVG, which most converters drop
#: and some (html-to-markdown, pandoc) write as an image: ``[![](data:…)6](…#community)``;
#: html2text keeps the blank that stands for the dropped icon (``[ 6](…#community)``).
_ICON = r"(?:!\[[^\[\]]*\]\([^()\s]*\))? ?"
DATE = re.compile(
    "(" + "|".join(MONTHS) + r") ([1-9]|[12][0-9]|3[01])(?:, ([0-9]{4}))?"
    r"(?: {0,2}\[" + _ICON + r"([0-9]+) ?\]" + _URL + ")?"
)
#: The comment count's link alone on its line, where the page sets it in a block of its own
#: (``May 29`` then ``[6](…/papers/ID#community)``): told from the next entry's upvote box
#: by its target. Group 1 is the count.
COMMENTS_LINK = re.compile(
    r"\[" + _ICON + r"([0-9]+) ?\]\(<?[^()\s]*/papers/[^()\s]*#community>?\)"
)
#: How a line that is a comment count's link ends (the target may be in angle brackets).
COMMENTS_LINK_END = (COMMENTS_ANCHOR + ")", COMMENTS_ANCHOR + ">)")


def comments_link(line: str) -> tuple[str, str | None] | None:
    """The count and the linked paper's id (``links.paper_id``; None for a page that is no
    paper's) of a comment count's link alone on its line (``COMMENTS_LINK``), or None."""
    if not line.endswith(COMMENTS_LINK_END):
        return None
    found = COMMENTS_LINK.fullmatch(line)
    if found is None:
        return None
    return found.group(1), paper_id(line[line.rindex("](") + 2 : -1].strip("<>"))


#: The page date with the arrows to the day (week, month) before and after it on its line, as
#: a converter writes them where they share the date's block: icon links with no text,
#: ``[](…/papers/date/2026-11-24)Nov 25[](…/papers/date/2026-11-26)``, or with the icon as
#: an image (``[![](data:…)](…)``). At least one arrow; group 1 is the date.
_ARROW = (
    r"\[" + _ICON
    + r"\]\(<?(?:https://huggingface\.co)?/papers/(?:date|week|month)/[^()\s<>]*>?\)"
)
#: An arrow alone on its line (html-to-markdown writes the arrows and the date as
#: paragraphs of their own).
ARROW = re.compile(_ARROW)
_ARROWED_DATE = (
    "(?:" + _ARROW + r") ?((?:" + "|".join(MONTHS) + r") [1-9][0-9]?(?:, [0-9]{4})?)"
    r"(?: ?" + _ARROW + ")?"
    "|((?:" + "|".join(MONTHS) + r") [1-9][0-9]?(?:, [0-9]{4})?) ?" + _ARROW
)
_LABEL = "(?:" + PERIOD_LABEL + ")"
#: A week or month view's period with its arrows on its line, as ``_ARROWED_DATE``
#: (``[](…/papers/week/2026-W47)Week 48[](…/papers/week/2026-W49)``); group 1 or 2 is it.
_ARROWED_PERIOD = (
    "(?:" + _ARROW + r") ?(" + _LABEL + r")(?: ?" + _ARROW + ")?"
    "|(" + _LABEL + r") ?" + _ARROW
)
#: A trending card's date line (capture 05 shows ``· Published on Oct 4, 2026`` and, in the
#: second copy, ``· Oct 4, 2026``), maybe after the organization's name.
DATED = re.compile(
    r"(?:([^\u00b7]*[^\s\u00b7]) )?\u00b7 (?:Published on )?((" + "|".join(MONTHS)
    + r") ([1-9]|[12][0-9]|3[01])(?:, ([0-9]{4}))?)"
)
#: The site's navigation menu, as a converter of the whole page writes it before the page's
#: header (html2text, markdownify, Jina Reader; firecrawl's main content leaves it out): the
#: logo link, then links to the site's pages, as list items or side by side (``[Log In](…)
#: [Sign Up](…)``). One paragraph of it, its lines joined by newlines: a link's text and
#: target may be hard-wrapped (html2text wraps at 78 columns, inside a URL too).
_MENU_IMAGE = r"!\[[^\[\]]*\]\([^()\s]*(?:\n[^()\s]*)?\)"
_MENU_LINK = (
    r"\[(?:[^\[\]]|" + _MENU_IMAGE + r")*\]\([^()\s]*(?:\n[^()\s]*)?(?: +\"[^\"]*\")?\)"
)
_MENU_ITEM = r"(?:[-*+] +)?" + _MENU_LINK
MENU_PARAGRAPH = re.compile(_MENU_ITEM + r"(?:\s+" + _MENU_ITEM + ")*")
#: A menu links to the site's pages, never to a paper's.
_PAPER_TARGET = re.compile(r"papers/[0-9]")
#: No longer line is looked at as a dated line (an organization's name is short).
_DATED_MAX = 200
#: A setext heading's underline (markdownify and turndown write ``<h1>`` and ``<h2>`` so).
UNDERLINE = re.compile(r"=+|-+")
#: A heading or a link whose text is short enough to be a page phrase is worth a look.
_PHRASE_MAX = 200
_LINK_TEXT_MAX = 60
_MONTH_INITIALS = frozenset(name[0] for name in MONTHS)
_HEADER_TEXT = frozenset(HEADER_SET | PAGE_PHRASES)
#: Longer lines are not looked up: hashing a whole abstract line costs more than the test.
_HEADER_TEXT_MAX = max(map(len, _HEADER_TEXT))
#: A page phrase with its punctuation escaped (a backslash before each mark) is no longer.
_ESCAPED_HEADER_MAX = 2 * _HEADER_TEXT_MAX


def is_page_phrase(line: str) -> bool:
    """Whether ``line``, once its markup is removed, is one of the page's header phrases."""
    return len(line) <= _PHRASE_MAX and _is_phrase(line)


# The lines asked about are mostly the header's, which come back with every page a capture
# joins: removing their markup takes several regex passes, looking them up does not.
def _is_phrase(line: str) -> bool:
    return _phrase_text(line) in _HEADER_TEXT


@functools.lru_cache(maxsize=1024)
def _phrase_text(line: str) -> str:
    return plain(without_closing_hashes(line), escapes=True)


def classify(line: str) -> Kind:
    """The kind of one stripped, non-blank line; cheap first-character checks come first."""
    first = line[0]
    if first == "#":
        if line.startswith("### "):
            return Kind.TITLE
        return Kind.HEADER if is_page_phrase(line) else Kind.TEXT
    if first == "[":
        return _classify_bracket(line)
    if first in "-*+":  # a list item: an avatar, the authors, the switcher
        if line.startswith("- !["):  # firecrawl's, told without a pattern
            return Kind.AVATAR
        if BARE_AUTHORS.fullmatch(line):
            return Kind.AUTHORS
        if AUTHORS_TAIL.fullmatch(line):
            return Kind.AUTHORS_TAIL
        if "![" in line and AVATAR.match(line):  # another bullet, more spaces
            return Kind.AVATAR
        if line[-1] == SEPARATOR and AUTHORS_TAIL.fullmatch(before_separator(line)):
            return Kind.AUTHORS_TAIL
        return Kind.HEADER if is_page_phrase(line) else Kind.TEXT
    if line == SEPARATOR:
        return Kind.SEPARATOR
    if first in _MONTH_INITIALS and DATE.fullmatch(line):
        return Kind.DATE
    size = len(line)
    if size <= _DATED_MAX:  # a long line (an abstract's) is none of these
        if size <= _HEADER_TEXT_MAX and line in _HEADER_TEXT:
            return Kind.HEADER
        if "\\" in line and size <= _ESCAPED_HEADER_MAX and is_page_phrase(line):
            return Kind.HEADER  # html2text's escape_snob: ``once a day\!``
        if first == "b" and line.startswith("by ") and is_page_phrase(line):
            return Kind.HEADER  # the byline of a setext heading: no ``## `` before it
        if SEPARATOR in line and DATED.fullmatch(line):
            return Kind.DATED
    return Kind.TEXT


def is_menu_paragraph(text: str) -> bool:
    """Whether ``text`` (a paragraph's lines joined by newlines) is part of the site's menu:
    links only (``MENU_PARAGRAPH``), none to a paper, none a page phrase (``[Daily
    Papers](…)`` is the header's)."""
    return (
        MENU_PARAGRAPH.fullmatch(text) is not None
        and _PAPER_TARGET.search(text) is None
        and not is_page_phrase(text)
    )


#: A paper's thumbnail: a link to the paper's page whose text is one image,
#: ``[![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/ID.png)](…/papers/ID)``,
#: or nothing where the converter leaves images out (``[](…/papers/ID)``). The trending
#: cards show one first (capture 05); the daily page may too.
_THUMBNAIL = re.compile(r"\[(?:!\[[^\[\]]*\]" + _ANY_URL + r")?\]" + _URL)


def thumbnail_id(text: str) -> str | None:
    """The paper id of a thumbnail (``_THUMBNAIL``: a link to a paper's page, ``links.paper_id``,
    with one image or nothing as its text), or None where ``text`` is not one."""
    match = _THUMBNAIL.fullmatch(text)
    return paper_id(without_angle_brackets(match.group(1))) if match is not None else None


#: A title line with the next line glued on after its link: ``### [Title](url)[Abstract …``
#: (the line break lost). Only the usual title, with no bracket inside its text.
_GLUED_AFTER_TITLE = re.compile(r"### \[[^\[\]]*[^\[\]\\]\]" + _URL + r"[ \t]*(?=\S)")


def glued_after_title(line: str) -> int:
    """Where the text glued after a title line's link starts (``_GLUED_AFTER_TITLE``); 0 when
    nothing follows the link (or only the heading's closing ``#`` sequence)."""
    match = _GLUED_AFTER_TITLE.match(without_closing_hashes(line))
    return match.end() if match is not None else 0


def before_separator(line: str) -> str:
    """An authors or organization line without the ``·`` that some converters keep on the
    line of the link before it (``[…](url) ·``); the line itself when it has none."""
    if len(line) > 1 and line[-1] == SEPARATOR:
        rest = line[:-1].rstrip(BLANKS)
        if rest[-1:] == ")":
            return rest
    return line


def imaged_authors(line: str) -> bool:
    """Whether a line that opens with an image inside a link (``[![``, an organization's
    logo) is node-html-markdown's authors list: the avatars' images and the count
    (``LINKED_AUTHORS``)."""
    return "author" in line and LINKED_AUTHORS.fullmatch(line) is not None


def _classify_bracket(line: str) -> Kind:
    second = line[1:2]
    if (second == "-" or "0" <= second <= "9") and UPVOTES.fullmatch(line):
        return Kind.UPVOTES
    if second in "\\U " and UPVOTE_BOX.fullmatch(line):
        return Kind.UPVOTES
    if line.startswith("[!["):
        return Kind.AUTHORS if imaged_authors(line) else Kind.ORGANIZATION
    if second in "-*+" and line[2:3] == " " and LINKED_LIST.match(line):
        return Kind.AUTHORS
    if line.startswith("[LINK: ") and REPOSITORY.fullmatch(line):
        return Kind.REPOSITORY
    # A long line (an abstract) is no page phrase: no need to look for its link.
    if (
        len(line) <= _PHRASE_MAX
        and 0 < line.find("](") <= _LINK_TEXT_MAX
        and is_page_phrase(line)
    ):
        return Kind.HEADER
    return Kind.LINK_TEXT


DateFields = tuple[int, int, "int | None", "str | None", str]


def date_fields(line: str) -> DateFields | None:
    """A date line's ``DateLine`` fields as a tuple (month, day, year, count text, text), or
    None when it is not one; the ``[N](url)`` after it (glued or after a space) is its count."""
    match = DATE.fullmatch(line)
    if match is None:
        return None
    month, day, year, count = match.group(1, 2, 3, 4)
    text = line[: match.end(3) if year else match.end(2)]
    return MONTH_NUMBER[month], int(day), int(year) if year else None, count, text


@functools.cache
def _header_pattern(pattern: str) -> re.Pattern[str]:
    """A pattern that only a page's header asks, compiled on first use: compiling them all
    costs every start (``digestparse check`` on one file) some milliseconds."""
    return re.compile(pattern)


def arrowed_date(text: str) -> tuple[DateLine, int] | None:
    """The page date of an ``_ARROWED_DATE`` line, and where it starts in ``text``."""
    match = _header_pattern(_ARROWED_DATE).fullmatch(text)
    if match is None:
        return None
    group = 1 if match.group(1) is not None else 2
    parts = date_parts(match.group(group))
    return (parts, match.start(group)) if parts is not None else None


def arrowed_period(text: str) -> str | None:
    """The period of an ``_ARROWED_PERIOD`` line."""
    match = _header_pattern(_ARROWED_PERIOD).fullmatch(text)
    if match is None:
        return None
    return match.group(1) if match.group(1) is not None else match.group(2)


def box_glued_to_date(line: str, parts: DateLine) -> bool:
    """Whether the count after an entry's date (``parts``, of ``line``) links to the login
    page: the next entry's upvote box glued on, no comment count."""
    return parts.count_text is not None and LOGIN_LINK in line[len(parts.text) :]


def date_parts(line: str) -> DateLine | None:
    """A date line split into its parts (``date_fields``)."""
    fields = date_fields(line)
    return DateLine(*fields) if fields is not None else None


def link_parts(text: str) -> tuple[str, str] | None:
    """``[inner](url)`` split into ``inner`` and ``url``, or None when ``text`` is not one link.

    The inner text may hold brackets and parentheses of its own: the link ends
    at the last ``](``, and its target has no white space.
    """
    if not (text.startswith("[") and text.endswith(")")):
        return None
    end = text.rfind("](")
    if end < 1:
        return None
    url = text[end + 2 : -1]
    if _PLAIN_TARGET.fullmatch(url):  # the usual target, told without a group
        return text[1:end], without_angle_brackets(url)
    target = _TARGET.fullmatch(url)
    if target is None:
        return None
    return text[1:end], without_angle_brackets(target.group(1))


def without_angle_brackets(url: str) -> str:
    """A link target without the angle brackets a converter may put around it
    (``[Title](<https://…>)``: html2text's ``protect_links``, CommonMark's form)."""
    if url[:1] == "<" and url[-1:] == ">":
        return url[1:-1]
    return url


def is_organization_link(text: str) -> bool:
    """Whether a line (``[Name](url)``, maybe with the ``·`` after it) is an organization's
    link without its avatar image. Asked only where an entry's metadata starts."""
    return ORGANIZATION_LINK.fullmatch(before_separator(text)) is not None


def link_url(text: str) -> str | None:
    """The target of a ``[LINK: label](url)`` line (the label, the stars of a repository on
    GitHub, is not kept), or None when ``text`` is not one."""
    match = REPOSITORY.fullmatch(text)
    return match.group(2) if match is not None else None


def is_plain_title(line: str) -> bool:
    """Whether a title line (``### …``) holds a plain title, as the trending page shows it,
    rather than the listing's ``### [Title](url)``: its abstract is then plain text too.

    A plain title may start with a bracket (``### [Re] Widgets``): the bracket it opens
    closes on the line before anything but ``(``. A link's does not (``[[Re] …](url)``,
    ``[\\[Re\\] …](url)``, or a link wrapped over lines that closes on a later one).
    """
    return opens_no_link(line[4:].lstrip())


def opens_no_link(text: str) -> bool:
    """``is_plain_title`` of a title's text (the line after ``### ``, stripped)."""
    if not text.startswith("["):
        return True
    close = text.find("]")
    if close > 0 and text.find("[", 1, close) < 0 and text[close - 1] != "\\":
        return text[close + 1 : close + 2] != "("  # the usual case: no bracket inside
    depth = 0
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return text[index + 1 : index + 2] != "("
    return False


def closes_link(text: str) -> bool:
    """Whether a line ends a link opened on an earlier line: it ends with ``](url)``."""
    if not text.endswith(")"):
        return False
    end = text.rfind("](")
    return end >= 0 and _TARGET.fullmatch(text, end + 2, len(text) - 1) is not None


def closes_organization(text: str) -> bool:
    """Whether an organization's link (``[![alt](avatar)Name](url)``, maybe joined from its
    wrapped lines) is whole: it ends with ``](url)``, closes every ``[`` it opens, and one
    with its avatar is ``ORGANIZATION``. One that lost a wrapped line from its middle may
    end with the image's close, or run the avatar's URL into the name."""
    if not closes_link(text) or text.count("[") != text.count("]"):
        return False
    if not text.startswith("[!["):
        return True
    if "\\" in text:  # a name's escaped brackets (``Lab \[A\]``) are text
        text = text.replace("\\[", "").replace("\\]", "")
    return ORGANIZATION.fullmatch(text) is not None


# -- detection -------------------------------------------------------------


def _listing_mark(line: str) -> bool:
    """A line no generic markdown page and no other dialect's capture has (docs/dialects.md)."""
    first = line[0]
    if first == "[":
        if line.endswith(COMMENTS_LINK_END):  # the count's link on its line
            # to a paper's page on the site: ``…/papers/ID#community`` of any other site is not
            found = comments_link(line)
            return found is not None and found[1] is not None
        # Not ``[Upvote N](…)``: that box is the late-2026 trending card's, html-text's.
        if line[1:2] in ("-", *"0123456789") and UPVOTES.fullmatch(line):
            return _links_the_site(line)
        if line[1:2] in ("\\", " ") and UPVOTE_BOX.fullmatch(line):  # ``[\-]``, ``[ 42 ]``
            return _links_the_site(line)
        if line[1:2] in ("-", "*", "+") and line[2:3] == " ":
            return bool(LINKED_AUTHORS.fullmatch(line) or LINKED_AVATAR.match(line))
        return line.startswith("[LINK: ") and REPOSITORY.fullmatch(line) is not None
    if first in "-*+":
        return AUTHORS_TAIL.fullmatch(line) is not None
    if line.endswith(COMMENTS_LINK_END):  # (its target maybe in angle brackets)
        if first == SEPARATOR and line.startswith(SEPARATOR + " "):  # ``· May 29[6](…)``
            line = line[2:]
        match = DATE.fullmatch(line) if line[0] in _MONTH_INITIALS else None
        return match is not None and match.group(4) is not None
    return False


#: The trending card's box that a converter wrote as two links, its word's and its
#: count's (rehype-remark: ``[Upvote](url)`` over ``[-](url)``): html-text's, so the count's
#: link under it is no mark of this dialect.
UPVOTE_WORD_LINK = "[" + UPVOTE_WORD + "]("


def _split_box_at(head: Sequence[str], index: int) -> bool:
    """Whether the ``[`` at ``index`` opens the listing's upvote box written around its
    blocks, as turndown writes it (``[``, the count, ``](…/login?next=…)``, the card's
    ``### `` title next; blank lines between, which ``head`` leaves out). The trending
    card's box, with ``Upvote`` over its count and under the card's metadata, is
    html-text's: it is no mark of this dialect."""
    box = head[index + 1 : index + 4]
    return (
        len(box) == 3
        and SPLIT_COUNT.fullmatch(box[0]) is not None
        and LIST_LINK_CLOSE.fullmatch(box[1]) is not None
        and _links_the_site(box[1])
        and box[2].startswith("### ")
    )


def _links_the_site(line: str) -> bool:
    """Whether an upvote box links to huggingface.co: its address, or the site's relative
    login link (``/login?next=…``) in a converter's output without the page's address."""
    return "huggingface.co/" in line or "](/login?" in line or "](</login?" in line


def shows_header_heading(head: Sequence[str]) -> bool:
    """Whether a heading that is no title is the page's title or byline (``# Daily Papers``,
    ``## Trending Papers``, ``## by AK and the research community``, its link to AK
    removed): this style's mark on a page cut before its first entry, which shows no other
    (``dialects.detect``). The promo lines name the listing in every style's header, so a
    promo line made a heading is no mark of this one."""
    return any(
        line[:1] == "#"
        and not line.startswith("### ")
        and len(line) <= _PHRASE_MAX
        and _phrase_text(line) in _TITLE_AND_BYLINE
        for line in head
    )


#: The page's title and byline, the headings of this style's header.
_TITLE_AND_BYLINE = frozenset({*PAGE_TITLES, BYLINE, BYLINE_SPACED})


def detect(head: Sequence[str]) -> bool:
    """``### `` title lines and a mark of this capture style (``_listing_mark``), or plain
    ``### Title`` lines and bare ``- N authors`` lines (a trending page without repository
    lines): two of each, and a title for every two authors lines at most, since each card
    has its title and at most one authors line (a plain text capture whose abstract has a
    line that starts with ``### `` is none). Page phrases and bare authors lines under
    linked titles do not decide: the html-text captures show them too."""
    titles = plain_titles = marks = bare_authors = 0
    for index, line in enumerate(head):
        if line.startswith("### "):
            titles += 1
            if not line.startswith("### ["):
                plain_titles += 1
        elif (
            _listing_mark(line) and not (index and head[index - 1].startswith(UPVOTE_WORD_LINK))
        ) or (line == LIST_LINK_OPEN and _split_box_at(head, index)):
            marks += 1
        elif line.startswith("- ") and BARE_AUTHORS.fullmatch(line):
            bare_authors += 1
        if titles and marks:
            return True
    return plain_titles >= 2 and 2 <= bare_authors <= 2 * plain_titles
