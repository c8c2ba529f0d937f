"""The lines of a card: the entry layout of the trending page (capture 05) in lynx's notation.

The trending page (and the other pages of late 2026 that draw entries as cards) shows no
upvote box before the title. A card starts with a lead-in, the thumbnail (a link whose text
is only an image, ``[[IMG]][16]``) and the Submitted-by block (``Submitted by``, the
submitter's avatar ``[IMG]``, the name); after its title and plain summary come the
organization and date on one line (``[[kandinskylab] Kandinsky Lab][7] · Published on Oct
4, 2026``) or the author avatars, ``* 4 authors`` and ``· Published on Dec 28, 2024``, then
the upvote link ``[`` / ``Upvote`` / ``117`` / ``][8]`` and a line of links (``[GitHub
131][9] [arXiv Page][10]``). ``rules.py`` reads them; docs/format.md gives the grammar.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from ...grammar import opens_page_end
from ...markup import whole_reference, without_image_alts
from ...state import Line
from .lines import DATE_AND_COMMENTS, Kind, without_reference_images

SUBMITTED_BY = "Submitted by"
#: A name is a short line (a user name, or a full name).
MAX_NAME = 80
#: ``[[kandinskylab] Kandinsky Lab][7] · Published on Oct 4, 2026``: the organization's
#: reference, the separator and the date (group ``date``) on one line.
ORGANIZATION_DATE = re.compile(
    r"(?P<organization>\[.*\]\[[0-9]+\]) · (?:Published on )?(?P<date>[A-Z].*)"
)
#: ``· Published on Dec 28, 2024`` after the authors (group ``date``).
SEPARATOR_DATE = re.compile(r"· (?:Published on )?(?P<date>.+)")
#: The upvote link's text on one line: ``Upvote 117``, ``Upvote -``, ``117``.
UPVOTE_TEXT = re.compile(r"(?:Upvote\s*)?(-|[0-9]+)")
#: A markdown link alone on a line (``[LINK: GitHub 11.3k](https://…)``): another tool's
#: markup, which lynx never writes (its links are ``[text][N]``), so no summary text.
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\([^()\s]*\)")
#: One or more references separated by blanks and nothing else: ``[GitHub 131][9] [arXiv
#: Page][10]``.
LINKS_LINE = re.compile(r"\[[^\]\[]+\]\[[0-9]+\](?: +\[[^\]\[]+\]\[[0-9]+\])*")


class Lookahead(Protocol):
    def peek(self, ahead: int = 0) -> Line | None: ...


def is_thumbnail(line: Line) -> bool:
    """A link whose text is only images (``[[IMG]][16]``, ``[][16]``): a card's thumbnail."""
    return _is_thumbnail(line.kind, line.text)


def _is_thumbnail(kind: object, text: str) -> bool:
    # Its text starts with an image ('[alt]', html2text's '![alt][N]') or is empty: the
    # second character tells (cheap).
    if kind is not Kind.REFERENCE or text[1:2] not in ("[", "]", "!"):
        return False
    inner = whole_reference(text)
    return inner is not None and not without_image_alts(without_reference_images(inner))


def is_image(line: Line) -> bool:
    """A line that is only images, as lynx writes them, ``[IMG]`` (the submitter's avatar),
    or as html2text does, ``![][13]``."""
    text = line.text
    if line.kind is not Kind.TEXT:
        return False
    if text.startswith("!["):
        return not without_reference_images(text).strip()
    return text.startswith("[") and not without_image_alts(text)


def may_open_lead_in(line: Line) -> bool:
    """Whether a card's lead-in may start at this line (cheap: for loops over many lines)."""
    return may_open_lead_in_text(line.kind, line.text)


def may_open_lead_in_text(kind: object, text: str) -> bool:
    """``may_open_lead_in`` of a line's kind and text."""
    if kind is Kind.TEXT:
        return text == SUBMITTED_BY or text.startswith(SUBMITTED_BY + " ")
    return _is_thumbnail(kind, text)


class LeadIn(NamedTuple):
    #: Its lines before the title, an upvote box after the lead-in included.
    size: int
    #: The submitter's name.
    name: str | None
    #: The lines of a whole upvote box between the lead-in and the title (0: none).
    box: int
    #: Whether it holds a Submitted-by block (with or without the name).
    submitted: bool


def lead_in(state: Lookahead, at: int = 0) -> LeadIn | None:
    """The lead-in of a card from ``at`` on: how many lines come before its title, the
    submitter's name and the lines of an upvote box the listing shows before the title;
    None when no lead-in followed by a title starts there."""
    size = 0
    line = state.peek(at)
    if line is not None and is_thumbnail(line):
        size = 1
        line = state.peek(at + size)
    name = None
    submitted = line is not None and is_submitted_by(line)
    if line is not None and submitted:
        name = _name_after(line.text[len(SUBMITTED_BY) :])
        size += 1
        if name is None:  # the avatar and the name on lines of their own
            line = state.peek(at + size)
            if line is not None and is_image(line):
                size += 1
                line = state.peek(at + size)
            name = name_of(line) if line is not None else None
            if name is not None:
                size += 1  # else the title must come next: a block without its name
    if size == 0:
        return None
    box = _box_lines(state, at + size)
    title = state.peek(at + size + box)
    if title is None or title.kind is not Kind.TITLE:
        return None
    return LeadIn(size + box, name, box, submitted)


def _box_lines(state: Lookahead, at: int) -> int:
    """The lines of a whole upvote box at ``at`` (``[65][35]``, or ``[`` / ``65`` / ``][35]``),
    or 0."""
    line = state.peek(at)
    if line is None:
        return 0
    if line.kind is Kind.BOX:
        return 1
    if line.kind is not Kind.OPEN:
        return 0
    count, close = state.peek(at + 1), state.peek(at + 2)
    whole = count is not None and count.kind is Kind.COUNT
    return 3 if whole and close is not None and close.kind is Kind.CLOSE else 0


def _name_after(text: str) -> str | None:
    """The name after ``Submitted by`` on its line: ``[IMG] vvasilev`` (lynx), or html2text's
    avatar and linked name, ``![][7] [vvasilev][8]``; None when only the avatar is there."""
    rest = without_reference_images(text).strip()
    linked = whole_reference(rest)
    if linked is not None and "[" not in linked and "]" not in linked:
        return linked.strip() or None
    return without_image_alts(rest) or None


def is_submitted_by(line: Line) -> bool:
    """``Submitted by``, alone or with the avatar and name after it (``Submitted by [IMG]
    vvasilev``)."""
    text = line.text
    return line.kind is Kind.TEXT and (
        text == SUBMITTED_BY or text.startswith(SUBMITTED_BY + " ")
    )


def name_of(line: Line) -> str | None:
    """The submitter's name on its own line, plain or linked (``[vvasilev][12]``)."""
    if len(line.text) > MAX_NAME:
        return None
    if line.kind is Kind.TEXT and "[" not in line.text and "]" not in line.text:
        return line.text
    if line.kind is Kind.REFERENCE:
        text = whole_reference(line.text)
        name = without_image_alts(text) if text is not None else ""
        return name or None
    return None


def upvote_count(text: str) -> str | None:
    """The count of the upvote link's text on one line (``Upvote 117`` gives ``117``)."""
    match = UPVOTE_TEXT.fullmatch(text.strip())
    return match.group(1) if match is not None else None


def is_links_line(line: Line) -> bool:
    """A line of references with words in them (a repository, the arXiv page), no thumbnail,
    and not the page's pagination (``[Previous][300] [Next][301]`` opens the page's end)."""
    return (
        line.kind in (Kind.TEXT, Kind.REFERENCE)
        and not is_thumbnail(line)
        and LINKS_LINE.fullmatch(line.text) is not None
        and not opens_page_end(line.text)
    )


def card_date(text: str) -> bool:
    """Whether ``text`` (after ``·`` and ``Published on``) reads as a date, maybe with its
    comment count as the listing writes it (``Oct 4, 2026 [ 3][9]``)."""
    return DATE_AND_COMMENTS.fullmatch(text) is not None
