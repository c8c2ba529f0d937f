"""The lines of the ``reference-text`` dialect: lynx/w3m text with ``[text][N]`` references.

A link whose text spans several lines is written ``[`` on a line of its own,
the text, then ``][N]`` on a line of its own; the dialect's upvote boxes,
abstracts and authors boxes are such links. Each line is classified from its
first character first, so that most lines cost one or two comparisons.
"""

from __future__ import annotations

import enum
import re

import attrs

from ...dates import DATE_PATTERN, DateLine, read_date_line
from ...errors import InternalError
from ...grammar import MONTH_NUMBER, MONTHS, PAGE_PHRASES, SEPARATOR
from ...markup import is_reference_close, plain, whole_reference, without_image_alts


class Kind(enum.Enum):
    #: ``[`` alone: a bracketed block (upvote box, abstract, authors box) starts.
    OPEN = "open"
    #: ``][N]`` alone: it ends.
    CLOSE = "close"
    #: ``### [Title][N]`` or one of the ``###`` lines a long title wraps over.
    TITLE = "title"
    #: ``# Daily Papers``, ``## by[AK][30] and the research community``.
    HEADING = "heading"
    #: ``* …``: a navigation menu item, ``* Daily``.
    BULLET = "bullet"
    #: ``* 3 authors`` (inside an authors box).
    AUTHORS = "authors"
    SEPARATOR = "separator"
    #: ``May 30``, ``Mar 8, 2024 [ 6][39]`` (the comment count as a reference).
    DATE = "date"
    #: ``-`` or a number: the upvote count inside its box.
    COUNT = "count"
    #: An upvote box on one line, ``[65][35]``, ``[-][31]`` (the page of late 2026 links the
    #: count alone).
    BOX = "box"
    #: A whole line that is one reference: an organization, ``[Subscribe][29]``.
    REFERENCE = "reference"
    #: The capture tool's mark where it cut the page.
    TRUNCATED = "truncated"
    TEXT = "text"


#: What the capture tool writes where it cut the page.
TRUNCATION_MARK = "[Content truncated]"

#: A title's last line ends with its reference: ``### Approaches][106]``.
TITLE_CLOSE = re.compile(r"\]\[[0-9]+\]$")
#: ``* 3 authors``; html2text without images runs the empty avatar items into it: ``*   *
#: 3 authors``.
_AUTHORS = re.compile(r"(?:\*\s+)*\* ([0-9]+) authors?")
#: The comment count after a date, as lynx writes its link: `` [ 6][39]`` (blanks around the
#: link's text kept, as in ``* [ Models ][2]``).
_COMMENTS = re.compile(r" ?\[ *([0-9]+) *\]\[[0-9]+\]$")
#: A comment count linked alone on its line (``[4][19]``), where html2text finds the count's
#: link in a block of its own after the date; group 1 is the count.
COUNT_LINK = re.compile(r"\[ *([0-9]+) *\]\[[0-9]+\]")
_HEADING = re.compile(r"#{1,6} ")
#: A date, then perhaps its comment count as a reference: ``Mar 8, 2024 [ 6][39]``.
DATE_AND_COMMENTS = re.compile(DATE_PATTERN + r"(?: ?\[ *([0-9]+) *\]\[[0-9]+\])?")
#: An arrow to the day (week, month) before or after the page date, as html2text writes an
#: icon link: ``[][5]``, or ``[![][7]][5]`` where the icon is an image.
_ARROW = r"\[(?:!\[[^\[\]]*\]\[[0-9]+\])?\]\[[0-9]+\]"
_PAGE_DATE = "(?:" + "|".join(MONTHS) + r") [1-9][0-9]?(?:, [0-9]{4})?"
#: The page date with its arrows on its line (``[][5]Nov 26[][6]``), where html2text finds
#: them in the date's block; at least one arrow. Group 1 or 2 is the date.
ARROWED_DATE = re.compile(
    rf"{_ARROW} ?({_PAGE_DATE})(?: ?{_ARROW})?|({_PAGE_DATE}) ?{_ARROW}"
)


def classify(line: str) -> Kind:
    """The kind of one stripped, non-blank line."""
    first = line[0]
    if first == "[":
        if line == "[":
            return Kind.OPEN
        if line == TRUNCATION_MARK:
            return Kind.TRUNCATED
        text = whole_reference(line)
        if text is None:
            return Kind.DATE if line[1:2] in "]!" and arrowed_date(line) else Kind.TEXT
        return Kind.BOX if upvotes(_box_text(text)) is not None else Kind.REFERENCE
    if first == "]":
        return Kind.CLOSE if is_reference_close(line) else Kind.TEXT
    if first == "#":
        if line.startswith("### "):
            return Kind.TITLE
        return Kind.HEADING if _HEADING.match(line) else Kind.TEXT
    if first == "*":
        # ``* 3 authors`` has a digit third: menu items skip the expression.
        if (line[2:3].isdigit() or line[-1] in "rs") and _AUTHORS.fullmatch(line):
            return Kind.AUTHORS
        return Kind.BULLET if line.startswith("* ") else Kind.TEXT
    if line == SEPARATOR:
        return Kind.SEPARATOR
    if line == "-" or (line.isascii() and line.isdigit()):
        return Kind.COUNT
    if line[:3] in MONTH_NUMBER and read_dated(line) is not None:
        return Kind.DATE
    return Kind.TEXT


@attrs.frozen(slots=True)
class Dated:
    """A date line: the date, and the comment count written after it as a reference."""

    parts: DateLine
    #: The digits of `` [ N][M]`` (None: no comment count shown, which reads as 0).
    comments: str | None
    #: The 1-based column of those digits.
    comments_column: int


def read_dated(line: str) -> Dated | None:
    """Split a date line, ``Mar 8, 2024 [ 6][39]``, or None when it is not one.

    A bare count after the date (``Jul 20 9``, the seeds' shape) reads too;
    a line with both counts does not.
    """
    whole = DATE_AND_COMMENTS.fullmatch(line)
    if whole is not None:  # the usual shape, in one match
        month, day, year, comments = whole.groups()
        text = line[: whole.end(3) if year is not None else whole.end(2)]
        date = DateLine(MONTH_NUMBER[month], int(day), int(year) if year else None, None, text)
        column = whole.start(4) + 1 if comments is not None else date.count_column
        return Dated(date, comments, column)
    match = _COMMENTS.search(line) if line[-1] == "]" else None
    parts = read_date_line(line if match is None else line[: match.start()])
    if parts is None or (match is not None and parts.count_text is not None):
        return arrowed_date(line) if "][" in line else None
    if match is None:
        return Dated(parts, parts.count_text, parts.count_column)
    return Dated(parts, match.group(1), match.start(1) + 1)


#: A line with the arrow to the next day (week, month) after its date or label.
_ARROW_AFTER = re.compile(rf".*[^\]\s] ?{_ARROW}")


def has_arrow_after(line: str) -> bool:
    """Whether the page date's (period's) line ends with the arrow after it (``Nov 26[][6]``):
    then the next line is no arrow (it may be the first entry's thumbnail)."""
    return line[-1:] == "]" and _ARROW_AFTER.fullmatch(line) is not None


def arrowed_date(line: str) -> Dated | None:
    """The page date of an ``ARROWED_DATE`` line (it shows no comment count), or None."""
    match = ARROWED_DATE.fullmatch(line)
    if match is None:
        return None
    parts = read_date_line(match.group(1) or match.group(2))
    return Dated(parts, None, 0) if parts is not None else None


def is_arrowed_date(line: str) -> bool:
    """Whether a date line is the page date between its arrows (``ARROWED_DATE``): the page
    date's shape only, no entry's (an entry's date has no arrow: ``bad-date``)."""
    return "][" in line and ARROWED_DATE.fullmatch(line) is not None


def must_read_dated(line: str, number: int) -> Dated:
    """``read_dated`` of a line classified as a date (so it must read)."""
    dated = read_dated(line)
    if dated is None:
        raise InternalError(f"line {number} was classified as a date but does not read")
    return dated


def authors_count(line: str) -> str | None:
    """The digits of an authors line, ``* 3 authors``, or None."""
    match = _AUTHORS.fullmatch(line)
    return match.group(1) if match is not None else None


#: The most author avatar items an authors box is read with (the page of late 2026 shows up
#: to five before the count).
MAX_AVATARS = 8


def is_avatar(line: str, kind: enum.Enum) -> bool:
    """Whether a line inside an authors box is one author's avatar: an item that shows
    nothing but images, each written as its alt text in brackets (``* [IMG]``, ``*``)."""
    if kind is Kind.TEXT:
        return line == "*"
    if kind is not Kind.BULLET:
        return False
    rest = without_reference_images(line[2:])  # html2text's ``* ![][16]``
    return "][" not in rest and not without_image_alts(rest)


def upvotes(line: str) -> int | None:
    """The upvote count in its box (``-``: none yet, 0), or None when it is not one."""
    if line == "-":
        return 0
    return int(line) if line.isascii() and line.isdigit() else None


#: The word the page of late 2026 writes in its upvote box, before the count.
UPVOTE_WORD = "Upvote"


def _box_text(text: str) -> str:
    """The count in a one-line box's text: blanks around it, and the word ``Upvote`` before
    it (html2text writes the box's two lines as one, ``[Upvote101][12]``), removed."""
    text = text.strip(" ")
    if text.startswith(UPVOTE_WORD):
        return text[len(UPVOTE_WORD) :].strip(" ")
    return text


def box_count(line: str) -> str:
    """The count of an upvote box on one line (``[ 65 ][35]`` gives ``65``, ``[Upvote
    65][35]`` too)."""
    text = whole_reference(line)
    if text is None:
        raise InternalError(f"{line!r} was classified as an upvote box but is none")
    return _box_text(text)


#: An image as html2text writes it with reference-style links: ``![alt][12]`` (lynx writes
#: its alt text in brackets, ``[alt]``).
_REFERENCE_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\[[0-9]+\]")
#: The separator glued after a reference, as html2text writes it: ``][8] ·``,
#: ``[[logo] Org][13] ·``.
GLUED_SEPARATOR = " " + SEPARATOR


def without_reference_images(text: str) -> str:
    """``text`` without html2text's images (``![carnegie][12]Carnegie`` gives
    ``Carnegie``)."""
    return _REFERENCE_IMAGE.sub("", text) if "![" in text else text


#: html2text's escapes (``escape_md_section``, without ``escape_snob``): a backslash before
#: one of ``\`*_{}[]()#+-.!`` doubled, and a number's dot, a ``+`` or a ``-`` that starts
#: the text escaped (``1\. Title``, ``\- text``).
_DOUBLED_BACKSLASH = re.compile(r"\\\\(?=[\\`*_{}\[\]()#+\-.!])")
_LEADING_ESCAPE = re.compile(r"([0-9]+)\\(\.)(?=\s)|\\([+])(?=\s)|\\(-)(?=\s|-)")


def html2text_unescaped(text: str) -> str:
    """A title's or abstract's text as the page shows it, html2text's escapes resolved."""
    if "\\" not in text:
        return text
    text = _DOUBLED_BACKSLASH.sub(r"\\", text)
    found = _LEADING_ESCAPE.match(text)
    if found is not None:
        text = "".join(part for part in found.groups() if part) + text[found.end() :]
    return text


def before_glued_separator(line: str) -> str | None:
    """The line before a ``·`` glued after its reference (``][8] ·`` gives ``][8]``), or
    None when the line does not end so."""
    if not line.endswith(GLUED_SEPARATOR):
        return None
    text = line[: -len(GLUED_SEPARATOR)].rstrip()
    return text if text.endswith("]") else None


def page_phrase(line: str, kind: enum.Enum) -> str | None:
    """The page header phrase a line shows once its markup is removed, or None.

    A menu item that links to a page of the same name (``* [ Daily Papers][16]``)
    is not the phrase: it is navigation.
    """
    if kind not in _PHRASE_KINDS or len(line) > MAX_PHRASE_LINE:
        return None
    if kind is Kind.BULLET and "][" in line:
        return None
    line = without_reference_images(line)  # html2text's byline: ``## by [![][2]AK][3] …``
    if not line:
        return None  # an image alone (``![][14]``)
    if kind is Kind.TEXT and "[" not in line and "\\" not in line and line[0] not in "#-*+":
        text = " ".join(line.split())  # what plain() gives for a line without markup
    else:
        text = plain(line)
    if text in PAGE_PHRASES:
        return text
    if kind is Kind.HEADING and "[" in text:
        # An image in a heading (the byline's, late 2026) is its alt text in brackets:
        # ``## by[[papers-by.png] AK][30] and the research community``.
        text = without_image_alts(text)
        return text if text in PAGE_PHRASES else None
    return None


#: No header line, markup included, is longer (the longest phrase is 51 characters); the
#: check keeps ``plain`` off the long lines of abstracts.
MAX_PHRASE_LINE = 80
_PHRASE_KINDS = (Kind.TEXT, Kind.HEADING, Kind.BULLET, Kind.REFERENCE)

# Sets of kinds are tuples: an Enum hashes in Python code, a tuple is scanned by identity.

#: Lines a navigation menu is made of: items and the site's logo link.
MENU_KINDS = (Kind.BULLET, Kind.REFERENCE)
