"""lynx's own notation of the ``reference-text`` dialect: what ``lynx -dump`` writes.

lynx numbers each link in brackets right before its text, ``[32]MURMUR: …``, with nothing
where the text ends, and lists the numbered URLs at the end under ``References``. Body text
is indented, headings are not, and lines wrap at the dump's width. docs/format.md (*lynx's
own notation*) gives the shapes read; they are reasoned from lynx's documentation and the
page's markup (capture 01 shows the page's parts in the other notation), not observed.

Detection needs only this module; ``lynx_rules.py`` reads the lines.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Sequence

from ...dates import DATE_PATTERN, DateLine, read_date_line
from ...grammar import (
    BYLINE,
    BYLINE_SPACED,
    MONTH_NUMBER,
    PAGE_PHRASES,
    PAGE_TITLES,
    PERIODS,
    PROMO,
    PROMO_DAILY,
    SEPARATOR,
)
from ...markup import without_image_alts
from .lines import TRUNCATION_MARK, Dated


class LynxKind(enum.Enum):
    #: A line that starts with a link's number: ``[32]MURMUR: …``, ``[31]-``, ``[34]``.
    LINK = "link"
    #: A list item: ``* 3 authors``, ``* [2]Models``, nested ``+ …``/``o …``, ``*`` alone.
    ITEM = "item"
    #: ``·`` alone, or with the date after it (``· May 30``, ``· Published on …``).
    SEPARATOR = "separator"
    #: ``May 30``, ``Mar 8, 2024 [39]6`` (the comment count as a link).
    DATE = "date"
    #: ``-`` or a number alone: an upvote count on the line after its link's number.
    COUNT = "count"
    #: The capture tool's mark where it cut the page.
    TRUNCATED = "truncated"
    TEXT = "text"


#: A link's number, as lynx writes it before the link's text.
MARK = re.compile(r"\[([0-9]+)\]")
#: A markdown link's target right after its text (``[9](https://…/login?next=…)``, a
#: converter's count): no lynx number, which a link's own text follows.
_MARKDOWN_TARGET = re.compile(r"\((?:https?://|/)[^\s()]*\)")
#: lynx's list bullets, by nesting depth.
_LYNX_BULLETS = "*+o#@"
#: ... and elinks' (``•`` and a no-break space), which text browsers without numbers write
#: too (w3m: an authors line ``• 3 authors`` is no sign of a numbered dump).
_BULLETS = _LYNX_BULLETS + "\u2022"
#: What follows a bullet: a space (lynx), a no-break space (elinks).
_AFTER_BULLET = " \u00a0"
#: elinks' bullet: a dump in lynx's notation whose items start so is elinks'.
ELINKS_BULLET = "\u2022"
#: ``Mar 8, 2024 [39]6``, ``May 29[6]6``: a date, then perhaps its comment count as a link.
_DATE_AND_COMMENTS = re.compile(DATE_PATTERN + r"(?: ?\[[0-9]+\] ?([0-9]+))?")
#: An authors line with the link's number wherever lynx puts it: ``* 3 authors``, ``* [34]3
#: authors``, ``[34]* 3 authors``, ``[34]3 authors``.
_AUTHORS = re.compile(r"(?:(?:\[[0-9]+\]|[*+o#@\u2022](?=[ \u00a0]))[ \u00a0]*)*([0-9]+) authors?")
#: A text field as lynx draws it.
_FIELD = re.compile(r"_{3,}")
#: Marks lynx writes for images, buttons and fields: an image's alt in brackets, ``[IMG]``.
_ALT = re.compile(r"\[[^\[\]\n]*\]")


def classify(line: str) -> LynxKind:
    """The kind of one stripped, non-blank line."""
    first = line[0]
    if first == "[":
        if line == TRUNCATION_MARK:
            return LynxKind.TRUNCATED
        return LynxKind.LINK if MARK.match(line) else LynxKind.TEXT
    if first in _BULLETS and (len(line) == 1 or line[1] in _AFTER_BULLET):
        return LynxKind.ITEM
    if first == SEPARATOR:
        return LynxKind.SEPARATOR if _opens_date(line[1:].lstrip(_AFTER_BULLET)) else (
            LynxKind.TEXT
        )
    if line == "-" or (line.isascii() and line.isdigit()):
        return LynxKind.COUNT
    if line[:3] in MONTH_NUMBER and read_date(line) is not None:
        return LynxKind.DATE
    return LynxKind.TEXT


def _opens_date(rest: str) -> bool:
    """Whether the text after a ``·`` is what the listing puts there: nothing, a date (its
    month first, whole, wrapped or damaged) or ``Published on``. An abstract's line wrapped
    before a ``·`` of its text (``· b is the product``) is the abstract's."""
    return (
        not rest
        or rest[:3] in MONTH_NUMBER
        or rest.startswith(PUBLISHED_ON)
        or PUBLISHED_ON.startswith(rest + " ")  # wrapped right after it: ``· Published``
    )


#: What the trending card's date line shows before the date.
PUBLISHED_ON = "Published on "


def without_bullet(text: str) -> str:
    """A list item's text without its bullet (``* (BUTTON)`` gives ``(BUTTON)``; an empty
    item, ``*`` or elinks' ``•``, gives ``""``); any other line as it is."""
    if text[:1] and text[0] in _BULLETS and (len(text) == 1 or text[1] in _AFTER_BULLET):
        return text[1:].strip(_AFTER_BULLET)
    return text


def after_mark(text: str) -> str | None:
    """The text after the link number a line starts with (``[32]MURMUR`` gives ``MURMUR``),
    or None when it starts with none."""
    found = MARK.match(text)
    return text[found.end() :] if found is not None else None


#: What lynx writes before a button's label (``(BUTTON) System theme``).
BUTTON = "(BUTTON)"


def unbuttoned(text: str) -> str:
    """``text`` (stripped) without lynx's button mark before it."""
    return text[len(BUTTON) :].lstrip() if text.startswith(BUTTON) else text


def chrome_words(text: str) -> str:
    """A chrome line's words as the page shows them: without lynx's link numbers and the
    button mark (``(BUTTON) [32]System theme`` gives ``System theme``)."""
    return unbuttoned(unmarked(text).strip())


def without_numbered_logo(text: str) -> str:
    """An organization's line without its logo where elinks numbers the logo and the name
    as two links (``[31]occ-ai[32]OCC`` gives ``[32]OCC``): the first link's text, one
    word, is the logo's alt (the organization's handle), whatever its letters
    (``[31]facebook[32]AI at Meta``, ``[68]THUDM[69]Knowledge Engineering Group``)."""
    found = _NUMBERED_LOGO.match(text)
    return text[found.end() :] if found is not None else text


#: A link number, one word and a second link number before more text (the trending page
#: puts a blank before the name: ``[16]KwaiVGI[17] Kuaishou Visual Generation``).
_NUMBERED_LOGO = re.compile(r"\s*\[[0-9]+\][^\s\[\]]+(?=\[[0-9]+\] ?[^\s\[])")


def unmarked(text: str) -> str:
    """``text`` without lynx's link numbers (``by[30]AK`` gives ``byAK``)."""
    return MARK.sub("", text) if "[" in text else text


def read_date(text: str) -> Dated | None:
    """A date line, ``Mar 8, 2024 [39]6``, or None. A bare count after the date (``Jul 20
    9``) reads too."""
    whole = _DATE_AND_COMMENTS.fullmatch(text)
    if whole is not None:
        month, day, year, comments = whole.groups()
        shown = text[: whole.end(3) if year is not None else whole.end(2)]
        parts = DateLine(MONTH_NUMBER[month], int(day), int(year) if year else None, None, shown)
        column = whole.start(4) + 1 if comments is not None else parts.count_column
        return Dated(parts, comments, column)
    parts_only = read_date_line(text)
    if parts_only is None:
        return None
    return Dated(parts_only, parts_only.count_text, parts_only.count_column)


def authors_count(text: str) -> str | None:
    """The digits of an authors line, or None."""
    found = _AUTHORS.fullmatch(text)
    return found.group(1) if found is not None else None


def is_avatar(text: str) -> bool:
    """An author's avatar item: a list item that shows only images (``*``, ``* [IMG]``,
    ``* [34][IMG]``; elinks puts the number of a link around several items before the
    bullet of the next: ``[22]• [23][IMG]``)."""
    rest = after_mark(text)
    if rest is not None:
        text = rest
    if not text or text[0] not in _BULLETS or (len(text) > 1 and text[1] not in _AFTER_BULLET):
        return False
    return not without_image_alts(unmarked(text[1:]).strip())


def box_count(rest: str) -> str | None:
    """The count of an upvote link's text (``-``, ``65``, ``Upvote 65``), or None."""
    rest = rest.strip()
    if rest.startswith("Upvote"):
        rest = rest[len("Upvote") :].strip()
    if rest == "-" or (rest.isascii() and rest.isdigit()):
        return rest
    return None


def upvotes(count: str) -> int:
    return 0 if count == "-" else int(count)


def only_images(text: str) -> bool:
    """Text that shows nothing but lynx's image marks (``[IMG]``, ``[logo]``) or nothing."""
    return not _ALT.sub("", text).strip()


def phrase(text: str, kind: LynxKind) -> str | None:
    """The page header phrase a line shows without lynx's marks, or None. A list item that
    links (``* [16]Daily Papers``) is navigation, not the phrase; a button shows its label in
    brackets (``[Subscribe]``)."""
    if len(text) > MAX_PHRASE_LINE:
        return None
    if kind is LynxKind.ITEM:
        text = without_bullet(text)
        if "[" in text and unmarked(text).strip() not in PERIODS:
            return None  # but the switcher's tabs, which elinks numbers as links
    elif kind is not LynxKind.LINK and kind is not LynxKind.TEXT:
        return None
    shown = unbuttoned(unmarked(text).strip())
    if "___" in shown:
        shown = _FIELD.sub("", shown).strip()  # the subscribe form's field before its button
    if shown.startswith("[") and shown.endswith("]") and shown.count("[") == 1:
        shown = shown[1:-1]  # a button: ``[Subscribe]``
    shown = " ".join(without_image_alts(shown).split()) if "[" in shown else " ".join(
        shown.split()
    )
    return shown if shown in PAGE_PHRASES else None


#: No header line is longer (the longest phrase is 51 characters; a link number and the
#: byline's image alt add some); the check keeps the work off an abstract's wrapped lines.
MAX_PHRASE_LINE = 64


def detect(head: Sequence[str]) -> bool:
    """A lynx dump of the listing: lines with lynx's link numbers (``[2]Models``), and two of
    the listing's three signs: its title (``Daily Papers``/``Trending Papers``) as a line of
    its own, its own header words (the promo lines, the byline), an entry's mark (an authors
    line ``* 3 authors``, an upvote link ``[31]-`` right above a linked title, a card's ``·
    Published on`` line). A lynx dump of another page has the numbers, not these; one sign
    alone may be lost to damage. lynx numbers the links in the page's order, so the marks
    are the longest run of growing numbers among them: w3m writes an image as its file
    name's start in brackets, the same ``[2611]`` over every card of a month's papers (a
    mark alone on its line that comes more than once is none), and one high number moved
    to the head must not hide the growing ones after it. One of them at least must number a
    link's text (``[2]Models``, ``* [2]Models``): w3m's image labels are marks alone, and on a
    page of papers from several months (a search page) they grow too; an avatar's label after
    its bullet (``• [1092092469]``, a file name that happens to be all digits) is one."""
    growing = _GrowingNumbers()
    title = own_words = entry_mark = labelled = False
    previous = ""
    repeated = _repeated_lone_marks(head)
    for line in head:
        if not line:
            continue
        first = line[0]
        found = MARK.match(line) if first == "[" else None
        if found is not None and _MARKDOWN_TARGET.match(line, found.end()):
            found = None  # a markdown link whose text is a number (``[9](https://…)``)
        if found is not None:
            rest = line[found.end() :]
            if line not in repeated:
                growing.add(_link_number(found))
                labelled = labelled or bool(rest)
            if not entry_mark and box_count(after_mark(previous) or "x") is not None:
                entry_mark = bool(rest) and not rest[0].isdigit()
        else:
            # a menu item ('* [2]Models'); not a mark inside text, which may be a citation
            # ('low latency [3], but', as w3m writes an abstract)
            bullet = line.lstrip()[:1]
            inner = MARK.search(line) if bullet and bullet in _BULLETS and "[" in line else None
            if inner is not None:
                growing.add(_link_number(inner))
                # w3m writes an avatar as its file name's start, which may be all digits
                # (``• [1092092469]``): a mark alone after its bullet numbers no text.
                labelled = labelled or line[inner.end() :].strip() != ""
            shown = unmarked(line).strip()
            if shown in PAGE_TITLES:
                title = True
            elif shown in _OWN_WORDS:
                own_words = True
            elif first in _LYNX_BULLETS and line.endswith(("author", "authors")):
                entry_mark = entry_mark or authors_count(line) is not None
            elif first == SEPARATOR and "Published on" in line:
                entry_mark = True
        previous = line
        if growing.longest >= _MIN_MARKS and labelled and title + own_words + entry_mark >= 2:
            return True
    return False


def _repeated_lone_marks(head: Sequence[str]) -> frozenset[str]:
    """The lines that are a mark alone (``[2610]``) and come more than once: lynx numbers
    each link once, while w3m writes an image as its file name's start, the paper's month
    over each card (twice over each card of the trending page, whose cards come in two
    copies)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for line in head:
        if line[:1] == "[" and line[-1:] == "]" and MARK.fullmatch(line):
            (repeated if line in seen else seen).add(line)
    return frozenset(repeated)


class _GrowingNumbers:
    """The length of the longest strictly growing run (not necessarily adjacent) of the
    numbers added so far: ``ends[k]`` is the least number that ends such a run of k + 1."""

    def __init__(self) -> None:
        self.ends: list[int] = []

    @property
    def longest(self) -> int:
        return len(self.ends)

    def add(self, number: int) -> None:
        at = bisect.bisect_left(self.ends, number)
        if at == len(self.ends):
            self.ends.append(number)
        else:
            self.ends[at] = number


def _link_number(found: re.Match[str]) -> int:
    """The number of a link mark; a longer one than any page numbers reads as that bound."""
    digits = found.group(1)
    return int(digits) if len(digits) <= _MAX_LINK_DIGITS else 10**_MAX_LINK_DIGITS


#: No page numbers this many links (``int`` is never given a long run of digits).
_MAX_LINK_DIGITS = 9
#: The listing's own words in its header (no other page writes them): the promo lines and
#: the byline, once lynx's link numbers are removed (``by[30]AK and the research community``).
_OWN_WORDS = frozenset({PROMO, PROMO_DAILY, BYLINE, BYLINE_SPACED})
#: A dump of the listing numbers every menu item and entry link: a handful at least.
_MIN_MARKS = 3
