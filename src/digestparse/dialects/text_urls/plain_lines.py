"""The shapes of the 2026 page's lines where the capture kept no URL, and their detector.

A browser's select-all copy, ``w3m -dump``, ``lynx -dump -nonumbers -nolist`` or
BeautifulSoup's ``get_text("\\n")`` writes the elements capture 02 shows without their
URL lines, and writes some of them differently: the upvote box as ``[-] 12``, a bare
``12`` (``-`` before anyone voted), ``Upvote`` and the count, or not at all; the authors
as ``3 authors`` with or without a bullet (``•``, ``*``, ``-``); ``·`` alone or with the
date after it (``· May 30``). ``plain.py`` reads them (docs/format.md, "Without URLs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...dates import read_date_line
from ...grammar import (
    IMAGE_PLACEHOLDER,
    MONTHS,
    PAGE_PHRASES,
    PERIODS,
    PROMO_DAILY,
    SEPARATOR,
    TRENDING_PAPERS,
    authors_count,
)
from ...markup import LYNX_IMAGE
from ..html_text.lines import PUBLISHED
from .lines import (
    CARD_LINK,
    CARD_LINK_START,
    COUNT,
    DATE,
    SUBMITTED_BY,
    TEXT,
    UPVOTE_LABEL,
    classify,
    date_text,
    is_box,
    is_card_link,
    is_count,
)

#: An avatar's item run into the next without a blank: a bullet right after an image's
#: placeholder or after another bullet.
_RUN_INTO = re.compile(r"[\]\u2022*+-][\u2022*+-]")
#: ``·`` with the date after it on the same line (``· May 30``): a tool that keeps the
#: metadata's inline elements on one line.
GLUED_SEPARATOR = SEPARATOR + " "
#: The upvote button's label where a tool writes it (``Upvote`` and the count, on one line
#: or two; on one line maybe run together, ``Upvote117``, where the button's two blocks are
#: inline to the tool: lynx).
UPVOTE_WORD = UPVOTE_LABEL
#: A title and an abstract are looked for over at most this many lines before the
#: metadata, so that looking for an entry stays bounded in a long run of text.
MAX_TEXT_LINES = 64
#: How far after a box the detector looks for the entry's ``·``: past its title and an
#: abstract as long as the reader takes (a real abstract is 15 to 25 lines at 80 columns),
#: three avatars and the authors line.
_ENTRY_LINES = MAX_TEXT_LINES + 4


def holds_avatar(authors: str) -> bool:
    """Whether an authors line (``AUTHORS_TEXT``) holds an avatar's item that the tools
    write on a line of its own, run into it (its line break lost): a placeholder, or a
    bullet run into the next one."""
    return "[" in authors or _RUN_INTO.search(authors) is not None


#: A month's name and a digit after it: a date line, maybe a bad one (``Sep 99``: Sep 9 and
#: its comment count run together, as a tool that drops the blank between them writes it).
_DATED_START = re.compile(r"(?:Published on )?(?:" + "|".join(MONTHS) + r")[a-z]* [0-9]")
#: A date line is short (``Published on Sep 30, 2026`` and a count).
_MAX_DATED = 40


def looks_dated(text: str) -> bool:
    """Whether a text line after ``·`` is its date line, if a bad one: it starts like a
    date and is short."""
    return len(text) <= _MAX_DATED and _DATED_START.match(text) is not None


#: A date and its comment count with more than one blank between them, where a tool keeps
#: the blanks around the comment icon it leaves out (BeautifulSoup's ``get_text()``:
#: ``Nov 24  3``).
_SPACED_COUNT = re.compile(r"(\S.*?\S)(?: {2,}| +\[\] +)([0-9]+)")


def closed_up_date(text: str) -> str | None:
    """A date and its comment count with blanks between them (``_SPACED_COUNT``), written
    with one (``Nov 24 3``); None where the line is no such line (``Nov  24``: a misspelt
    date, no count)."""
    match = _SPACED_COUNT.fullmatch(text) if text[-1:].isdigit() else None
    if match is None or classify(match.group(1)) is not DATE:
        return None
    closed = f"{match.group(1)} {match.group(2)}"
    return closed if classify(closed) is DATE else None


def glued_date(text: str) -> str | None:
    """The date after ``·`` on a line ``· May 30`` (None: the line is no such line)."""
    if not text.startswith(GLUED_SEPARATOR):
        return None
    rest = text[len(GLUED_SEPARATOR) :].lstrip(" ")
    if rest and classify(rest) is DATE:
        return rest
    return closed_up_date(rest)


#: An avatar in the authors' list where a tool writes the list item's bullet and no alt
#: text (inscriptis: ``*`` alone on its line, above ``* 3 authors``).
AVATAR_BULLETS = frozenset({"*", "\u2022"})
#: lynx's placeholder for an image (``[IMG]``, ``[LINK]``, ``[INLINE]``) or the image's alt
#: text in brackets (``[occ]``), alone on its line, bulleted (``* [IMG]``: an avatar) or not
#: (a card's thumbnail, a submitter's avatar), or w3m's start of the image's file name
#: (``[2611]`` of ``2611.01234.png``; ``[1515b197a7]`` of an avatar's hash, up to 10
#: characters), or pandoc's image with no alt text (``[]``, ``- []``). Not ``[-]`` or
#: ``[12]``: a box's or a number.
_PLACEHOLDER = re.compile(rf"(?:[\u2022*+-][ \u00a0])?{IMAGE_PLACEHOLDER}")
#: pandoc's image with no alt text, alone on its line, and before a link's label on its line.
EMPTY_IMAGE = "[]"
_EMPTY_IMAGE_BEFORE = EMPTY_IMAGE + " "
#: An organization's logo's alt text in brackets before its name, as lynx writes an image
#: with alt text (``[occ] OCC``).
_LOGO = re.compile(r"\[[^\[\]]+\] +")
#: The same glued to the name, as inscriptis writes it (``[occ-ai]OCC``): taken off a name,
#: but no sign that a line is a name (an abstract may start so, ``[CLS]tokens are…``).
_GLUED_LOGO = re.compile(r"\[[^\[\]]+\] *")
#: A trending card's link labels on one line (``GitHub 131 arXiv Page``), as lynx writes
#: the links of a line without their URLs.
_CARD_LINKS = re.compile(rf"(?:{CARD_LINK.pattern})(?: +(?:{CARD_LINK.pattern}))*")


def is_placeholder(text: str) -> bool:
    """An image's placeholder alone on its line (``_PLACEHOLDER``)."""
    return text[-1:] == "]" and _PLACEHOLDER.fullmatch(text) is not None


def has_logo(text: str, *, glued: bool = False) -> bool:
    """Whether the line starts with a logo's alt text in brackets and a name after it, or,
    where ``glued``, also right after it (``[siat]Shenzhen Institutes …``: pandoc)."""
    match = (_GLUED_LOGO if glued else _LOGO).match(text) if text[:1] == "[" else None
    return match is not None and match.end() < len(text)


def without_logo(name: str) -> str:
    """An organization's name without the logo's alt text before it (``[occ] OCC``,
    ``[occ-ai]OCC``: ``OCC``)."""
    match = _GLUED_LOGO.match(name) if name[:1] == "[" else None
    return name[match.end() :] if match is not None and match.end() < len(name) else name


def is_card_links(text: str) -> bool:
    """A card link's label (``GitHub 1.2k``), or several on one line (lynx), maybe after the
    icon's placeholder (pandoc: ``[] GitHub 131 arXiv Page``)."""
    if text.startswith(_EMPTY_IMAGE_BEFORE):
        text = text[len(_EMPTY_IMAGE_BEFORE) :]
    return is_card_link(text) or (
        text[:1] in CARD_LINK_START and _CARD_LINKS.fullmatch(text) is not None
    )


_INLINE_SEPARATOR = " " + SEPARATOR + " "


def split_metadata(text: str) -> tuple[str, str] | None:
    """The authors or organization and the date where a tool writes them on one line with
    ``·`` between (``Made-up Lab · Oct 3, 2025``, ``3 authors · May 30 4``); None: the line
    is no such line. Blanks after ``Published on`` count as one: a line wrapped there and
    glued back keeps the next line's indent (``· Published on    Oct 4, 2026``); blanks
    inside the date itself stay a bad date."""
    who, separator, date = text.rpartition(_INLINE_SEPARATOR)
    date = date.lstrip(" ")
    if date.startswith(PUBLISHED):
        date = PUBLISHED + date[len(PUBLISHED) :].lstrip(" ")
    if not separator or not who.strip() or not date or classify(date) is not DATE:
        return None
    return who.strip(), date


def split_wrapped_metadata(text: str, following: str) -> tuple[str, str] | None:
    """The authors or organization and the date where a tool wrapped their line inside the
    date (links, elinks, lynx and pandoc at their widths: ``Kandinsky Lab · Oct 4,`` over
    ``2026``, ``… · Published on Oct`` over ``4, 2026``); None: the two lines are no such
    line. A wrap right after ``·`` or ``Published on`` leaves a date line of its own, which
    the reading takes as such (``Kandinsky Lab ·`` over ``Published on Oct 4, 2026``)."""
    who, separator, start = text.rpartition(_INLINE_SEPARATOR)
    start = start.strip()
    if not separator or not who.strip() or not start or classify(following) is DATE:
        return None
    date = f"{start} {following}"
    return (who.strip(), date) if classify(date) is DATE else None


#: A trending card's lead-in words on a line, perhaps with the submitter's avatar and name
#: after them (group 1): html2text without links or images leaves the avatar's place blank
#: (``Submitted by  vvasilev``); w3m writes the avatar as its file name's start in brackets
#: (``Submitted by [vvasilev] vvasilev``), pandoc as ``[]`` (``Submitted by [] vvasilev``), or
#: with no name, which may follow on the next line or be lost (``Submitted by [vvasilev]``).
_SUBMITTED_BY_LINE = re.compile(
    re.escape(SUBMITTED_BY) + r"(?: +\[[^\[\]]*\])?(?: +([^ \[\]]+))?"
)


def is_lead_in_words(text: str) -> bool:
    """``Submitted by`` without the submitter's name on its line: alone, or with the avatar's
    placeholder after it."""
    if not text.startswith(SUBMITTED_BY):
        return False
    match = _SUBMITTED_BY_LINE.fullmatch(text)
    return match is not None and match.group(1) is None


def is_lead_in(text: str) -> bool:
    """A trending card's lead-in line: ``Submitted by``, with its submitter or not."""
    return text.startswith(SUBMITTED_BY) and _SUBMITTED_BY_LINE.fullmatch(text) is not None


def submitter_on_line(text: str) -> str | None:
    """The name in a one-line lead-in ``Submitted by NAME``, or None where the line is none."""
    if not text.startswith(SUBMITTED_BY):
        return None
    match = _SUBMITTED_BY_LINE.fullmatch(text)
    return match.group(1) if match is not None else None


def is_separator(text: str) -> bool:
    """``·`` alone, or with a date after it."""
    return text == SEPARATOR or glued_date(text) is not None


def _bare_box(head: Sequence[str], index: int) -> bool:
    """Whether a line is a bare upvote box that is no comment count (a browser's copy of the
    page, the entry before it ending in its date): ``-`` first or under a date line, or a
    number under a date line that showed its count (``Nov 25  1`` / ``27``) or under the
    page's date (``_OVER_PAGE_DATE`` over it: the first card's), as ``plain.py`` tells them
    apart; either under a card's images (``_under_empty_images``). A seed's abstract ``-``
    under its title is none."""
    line = head[index]
    dash = line == "-"
    if not dash and not (line.isdigit() and is_count(line)):
        return False
    if index == 0:
        return dash
    if _under_empty_images(head, index):
        return True
    # ``Nov 25  1``: a browser puts the count after more than one blank.
    parts = read_date_line(" ".join(date_text(head[index - 1]).split()))
    return parts is not None and (
        dash or parts.count_text is not None
        or (index >= 2 and head[index - 2] in _OVER_PAGE_DATE)
    )


#: The 2026 header's lines that stand over the page's date: the ``Trending Papers`` tab or
#: the switcher's last period. The seeds' byline stands there in the old page, over a first
#: title that is never a count.
_OVER_PAGE_DATE = frozenset({TRENDING_PAPERS, *PERIODS})


def _under_empty_images(head: Sequence[str], index: int) -> bool:
    """Whether a line comes right under two images with no alt text or more (pandoc's
    ``[]``: the card's thumbnail and the upvote box's icon) that come right under a date
    line (the page's, or the entry's before). One such line may be a seed's title (``[]``
    over its abstract ``0``), two in a row can not."""
    above = index - 1
    while above >= 0 and head[above] == EMPTY_IMAGE:
        above -= 1
    if index - above <= 2 or above < 0:
        return False
    date = date_text(head[above])  # maybe with pandoc's comment icon: ``Nov 24 [] 6``
    return read_date_line(" ".join(date.split())) is not None or closed_up_date(date) is not None


def box_value(text: str) -> int | None:
    """The upvotes of a one-line upvote box (``[-] 12``, ``Upvote 12``, ``Upvote12``, a bare
    ``12`` or ``-``), or None where the line is none. A bare number may be a comment count as
    well: ``plain.py`` tells them apart."""
    if is_box(text):
        count = text[4:]
    elif text.startswith(UPVOTE_WORD) and is_count(
        label_count := text[len(UPVOTE_WORD) :].lstrip(" "), dash=True
    ):
        count = label_count
    elif is_count(text, dash=True):
        count = text
    else:
        return None
    return 0 if count == "-" else int(count)


def _entry_follows(head: Sequence[str], index: int) -> bool:
    """Whether a ``·`` comes within a few lines after ``index`` (the box's entry), and the
    lines up to it show no link markup (lynx's ``][8]``, a markdown link, a bracket)."""
    for line in head[index : index + _ENTRY_LINES]:
        if is_separator(line):
            return True
        if _shows_link_markup(line):
            return False
    return False


def _shows_link_markup(line: str) -> bool:
    """Whether a line shows link markup (lynx's ``][8]``, a markdown link, a bracket at its
    start), which a tool that kept no URL does not write; an organization's logo's alt in
    brackets before its name (``[siat]Shenzhen Institutes …``: pandoc) is none, a
    number in brackets (``[12]Qwen``: lynx) is one."""
    if "](" in line or "][" in line:
        return True
    if line[:1] == "[":
        return not has_logo(line, glued=True) or line[1 : line.index("]")].isdigit()
    return line[:1] == "]"


def detect_plain(head: Sequence[str]) -> bool:
    """The 2026 page without URLs, told by marks the seeds (the old page) never show:
    an upvote box (``[-] 12``, ``Upvote 12`` or ``Upvote`` and its count) over a title, with
    the entry's ``·`` after it, over half the titles of the head's entries or more (a
    page with boxes shows one over every entry; one box among many entries is a damaged
    seed's stray line); a comment count on its own line after an entry's date
    (``·``, the date, ``2``, then a title or the next box) where no date line carries its
    count as the seeds write it (``_counts_glued``); or the 2026 header's
    ``once a day!`` promo line or its Daily / Weekly / Monthly switcher together with an
    authors line that is a bare count (``3 authors``: the seeds write ``• 3 authors``, and
    html-text ``- 3 authors`` over its own ``· date``) right above a ``·`` and a date; or
    a trending card's upvote button over a card link's label or the next lead-in; or
    pandoc's avatars with no alt text over the authors line (``_empty_avatars_over_authors``);
    or the 2026 header with no ``·`` but maybe the last line, after the site's menu or over
    a box and a title (a capture cut before its first entry's date)."""
    header_2026 = False
    boxed = 0  # titles with an upvote box right over them
    entries: int | None = None  # the head's ``·`` lines, counted at the first box
    counts_glued: bool | None = None  # looked for once a count after a date is seen
    # markdown's images or links: a converter's page that kept them (html2text without links
    # keeps its images), no tool's without URLs
    markup = _marked_up(head, ("](",))
    for index, line in enumerate(head):
        following = head[index + 1] if index + 1 < len(head) else None
        if line == PROMO_DAILY or (
            line[-5:] == PERIODS[0] and _switcher_at(head, index)
        ):
            header_2026 = True
        if following is None:
            break
        if (
            (
                is_box(line)
                or (line.startswith(UPVOTE_WORD) and box_value(line) is not None)
                # (not in a converter's markdown, where ``-`` is an empty list item)
                or (not markup and _bare_box(head, index))
            )
            and classify(following) is TEXT
            and authors_count(following) is None  # a title, not a seed's '• 4 authors'
            and _entry_follows(head, index + 1)
        ):
            boxed += 1
            if entries is None:
                entries = sum(map(is_separator, head))
            if 2 * boxed >= entries:
                return True
        if (
            line == UPVOTE_LABEL
            and is_count(following, dash=True)
            and index + 2 < len(head)
            and classify(head[index + 2]) is TEXT
            and _entry_follows(head, index + 2)
        ):
            return True
        # Each mark below starts with its own character: the others are not asked (detection
        # runs on every input).
        first = line[:1]
        if first == SEPARATOR and _count_after_date(head, index):
            if counts_glued is None:
                counts_glued = _counts_glued(head)
            if not counts_glued:
                return True
        if first == "U" and _button_over_card_end(head, index, markup):
            return True
        if first == "[" and _thumbnail_over_box(head, index):
            return True
        if not markup and first in "*+-" and _empty_avatars_over_authors(head, index):
            return True
        if (
            header_2026
            and is_separator(following)
            and authors_count(line) is not None
            # The seeds' ``•`` (a seed under today's header stays text), html-text's ``- ``
            # over its own ``· date``: a bare count is this reading's alone, and lynx's
            # ``* 3 authors`` is one only where the head shows no link markup.
            and (line[:1].isdigit() or (line[:1] == "*" and not _marked_up(head)))
            and (glued_date(following) is not None
                 or (index + 2 < len(head) and _date_or_glued_count(head[index + 2])))
        ):
            return True
    # A 2026 page cut before its first entry's date, or after its header: the header's
    # promo line or switcher, no ``·`` in the head but maybe its last line, no more lines
    # after the header's last phrase than one card takes, and an upvote box (``42``,
    # ``[-] 5``, ``Upvote``) over a title or the site's menu before the header. Read as the
    # other dialects read such a capture (``truncated-entry``, ``no-entries``), not as the
    # seeds' text, which took its menu for papers. (A seed shows no box and starts with its
    # header; one whose entries have no metadata, 003, shows no ``·`` but many entries.)
    return (
        header_2026
        and not any(map(is_separator, head[:-1]))
        and _one_card_after_header(head)
        and (head[0] not in PAGE_PHRASES or _box_over_title(head))
        and not any(map(_link_notation, head))
    )


def _one_card_after_header(head: Sequence[str]) -> bool:
    """Whether the lines after the header's last phrase are no more than one card takes
    (its box, title, abstract, avatars and authors line): a capture cut inside its first."""
    last = max(
        (index for index, line in enumerate(head)
         if line in PAGE_PHRASES or _PERIOD.fullmatch(line) is not None),
        default=-1,
    )
    return len(head) - 1 - last <= _ENTRY_LINES + 2


#: A link's number as lynx and elinks write it before its text (``[12]Subscribe``).
_LINK_NUMBER = re.compile(r"\[[0-9]+\]\S")


def _link_notation(line: str) -> bool:
    """Whether a line writes a link (a markdown link, lynx's ``][8]`` reference or a link's
    number before its text): a tool that kept its links, read by another dialect."""
    return "](" in line or "][" in line or _LINK_NUMBER.match(line) is not None


def _box_over_title(head: Sequence[str]) -> bool:
    """Whether the head shows an upvote box (one line, or ``Upvote`` over its count) right
    over a text line that is no authors line: a card's box over its title."""
    for index, line in enumerate(head[:-1]):
        if line == UPVOTE_LABEL and is_count(head[index + 1], dash=True):
            index += 1
        elif box_value(line) is None:
            continue
        title = head[index + 1] if index + 1 < len(head) else ""
        if title and classify(title) is TEXT and authors_count(title) is None:
            return True
    return False


#: A line of the period switcher as the tools write it: ``Daily``, a list item (``* Daily``,
#: ``• Daily``, ``- Daily``) or lynx's button (``* (BUTTON) Daily``).
_PERIOD = re.compile(r"(?:[-*+\u2022][ \u00a0]+)?(?:\(BUTTON\) )?(Daily|Weekly|Monthly)")


def _switcher_at(head: Sequence[str], index: int) -> bool:
    """Whether the switcher's three lines, ``Daily``, ``Weekly``, ``Monthly``, start at
    ``index`` (the 2026 header's; the seeds never show it)."""
    periods = [_PERIOD.fullmatch(line) for line in head[index : index + 3]]
    return tuple(found.group(1) if found else "" for found in periods) == PERIODS


#: An avatar as pandoc's plain text writes it: an image with no alt text in a list item.
_EMPTY_AVATAR = re.compile(r"[*+-] \[\]")


def is_empty_avatar(text: str) -> bool:
    """An avatar with no alt text in its list item, as pandoc's plain text writes it
    (``- []``): a tool that keeps links writes the image's URL."""
    return text[:1] in "-*+" and _EMPTY_AVATAR.fullmatch(text) is not None


def _empty_avatars_over_authors(head: Sequence[str], index: int) -> bool:
    """An avatar with no alt text in its list item (``- []``: pandoc) right above the
    authors line, which is the list's last item, with the same bullet (``- 5 authors``),
    over the entry's ``·``: markdown writes an image with its URL, and a seed's authors line
    is ``• 5 authors`` (a seed whose abstract is ``- []`` stays a seed)."""
    return (
        index + 2 < len(head)
        and is_empty_avatar(head[index])
        and head[index + 1][:1] == head[index][:1]
        and authors_count(head[index + 1]) is not None
        and is_separator(head[index + 2])
    )


def _date_or_glued_count(text: str) -> bool:
    """A date line, or one that starts like a date and runs its comment count into it
    (``Nov 204``: html2text without links writes the count's link right after the date):
    a bad date line, still the 2026 page's."""
    return classify(text) is DATE or looks_dated(text)


#: How many lines of link markup (or URL lines of the site) a user may have written over or
#: under a capture without URLs (``Source: [Daily Papers](https://…)``): a tool that keeps
#: links writes many more.
NOTED_LINKS = 2


def _marked_up(head: Sequence[str], marks: tuple[str, ...] = ("](", "][")) -> bool:
    """Whether more lines of ``head`` than ``NOTED_LINKS`` hold a link's markup (lynx's
    ``][8]``, markdown's ``](``)."""
    found = 0
    for line in head:
        if any(mark in line for mark in marks):
            found += 1
            if found > NOTED_LINKS:
                return True
    return False


def _counts_glued(head: Sequence[str]) -> bool:
    """Whether a date line of ``head`` carries its count (``May 29, 2024 1``), as the seeds
    write every count: a page writes its counts one way, so a count alone on its line there
    is a stray line (a damaged seed), no 2026 comment count."""
    for line in head:
        if classify(line) is DATE:
            parts = read_date_line(date_text(line))
            if parts is not None and parts.count_text is not None:
                return True
    return False


def counts_on_date_lines(head: Sequence[str]) -> bool:
    """Whether more date lines of ``head`` carry their comment count (``Nov 24  3``) than
    stand over a count on its own line and the next card's box (``Nov 24``, ``3``, ``101``;
    a date over one number alone says nothing: that may be either): how the page writes its
    counts, told by most of its cards, so that one damaged card does not decide it."""
    glued = apart = 0
    for index, line in enumerate(head):
        if line[:1] == SEPARATOR:
            dated = glued_date(line)  # ``· Nov 24  3``
        else:
            dated = line if classify(line) is DATE else closed_up_date(line)  # ``Nov 24  3``
        if dated is None:
            continue
        parts = read_date_line(date_text(dated))
        if parts is None:
            continue
        if parts.count_text is not None:
            glued += 1
        elif (
            index + 2 < len(head)
            and classify(head[index + 1]) is COUNT
            and box_value(head[index + 2]) is not None
        ):
            apart += 1
    return glued > apart


def _count_after_date(head: Sequence[str], index: int) -> bool:
    """``·`` and a date (on one line or two) at ``index``, then a comment count on its own
    line, then a title, a box or the end."""
    line = head[index]
    if line == SEPARATOR and index + 1 < len(head) and classify(head[index + 1]) is DATE:
        date, count = head[index + 1], index + 2
    else:
        glued = glued_date(line)
        if glued is None:
            return False
        date, count = glued, index + 1
    if count >= len(head) or classify(head[count]) is not COUNT:
        return False  # first: most dates have no count line after them
    parts = read_date_line(date_text(date))
    return parts is not None and parts.count_text is None and _after_count(head, count + 1)


def _button_over_card_end(head: Sequence[str], index: int, markup: bool = False) -> bool:
    """A trending card's upvote button (``Upvote`` over its count, or ``Upvote 12``) at
    ``index``, then a card link's label (``GitHub 1.2k``, ``arXiv Page``; several on one
    line, as w3m and elinks write them, where the head shows no markdown ``markup``) or the
    next card's ``Submitted by``, each as bare text: lynx writes the button's link around
    it."""
    line = head[index]
    if line == UPVOTE_LABEL and index + 1 < len(head) and is_count(head[index + 1], dash=True):
        after = index + 2
    elif line.startswith(UPVOTE_WORD) and box_value(line) is not None:
        after = index + 1
    else:
        return False
    return after < len(head) and (
        is_card_link(head[after])
        or (not markup and is_card_links(head[after]))
        or is_lead_in_words(head[after])
        or submitter_on_line(head[after]) is not None
    )


#: A card's thumbnail as text browsers write an image with no alt text: lynx's ``[IMG]``
#: (or its other words), w3m's start of the file name, the paper's month (``[2611]``).
_THUMBNAIL = re.compile(rf"{LYNX_IMAGE}|\[[0-9]{{4}}\]")


def _thumbnail_over_box(head: Sequence[str], index: int) -> bool:
    """A card's thumbnail (``_THUMBNAIL``) over its upvote box (a bare count, ``-``) over a
    title, with the entry's ``·`` after it, an abstract at least between them: the seeds
    show no image (a seed whose title is in brackets, ``[A]``, over an abstract that is a
    number, ``0``, is no card)."""
    return (
        index + 3 < len(head)
        and _THUMBNAIL.fullmatch(head[index]) is not None
        and box_value(head[index + 1]) is not None
        and classify(head[index + 2]) is TEXT
        and authors_count(head[index + 2]) is None
        and not is_separator(head[index + 3])
        and _entry_follows(head, index + 2)
    )


def _after_count(head: Sequence[str], index: int) -> bool:
    """What may follow an entry's comment count: the next title or box, or the end. Not a
    line of link markup (``][35]``: lynx's box around a count, its ``[`` lost)."""
    if index < len(head) and is_placeholder(head[index]):
        index += 1  # the next card's thumbnail (w3m: ``[2611]``, its file name's start)
    if index >= len(head):
        return True
    line = head[index]
    if classify(line) is TEXT:
        return not _shows_link_markup(line)
    return classify(line) is COUNT or box_value(line) is not None
