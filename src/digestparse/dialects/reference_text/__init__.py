"""The ``reference-text`` dialect: lynx/w3m text with ``[text][N]`` references (capture 01),
and html2text's reference-style markdown (``inline_links=False``), the same notation laid out
otherwise (``definitions.py`` reads its reference definitions at the end).

Its line classes are ``lines.Kind``; ``header.py`` reads the navigation menu,
the page header and the page date; ``rules.py`` the entries (``card.py`` the lines of the
trending page's cards); ``fastpath.py``
reads runs of canonical entries, and ``chrome.py`` and ``cut.py`` the menu,
header and cut entry between copies of the page, straight from the window for
those rules. docs/format.md (*The reference-text dialect*) gives its grammar.

lynx's own notation (``lynx -dump``: ``[N]text``, the numbered URLs under ``References``
at the end) is the same dialect written otherwise: ``lynx.py`` detects it and classifies its
lines, ``lynx_rules.py`` reads them, and ``LYNX_DUMP`` (also named ``reference-text``) is
the Dialect that does; ``for_head`` tells which of the two a detected input is.

Detection needs only ``lines.py`` and ``lynx.py``: ``REFERENCE_TEXT`` (with the header, the
rules and the fast path) and ``LYNX_DUMP`` are built when first asked for, so that reading
another dialect never imports them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...grammar import (
    BYLINE,
    BYLINE_SPACED,
    DAILY_PAPERS,
    PROMO,
    PROMO_DAILY,
    TRENDING_PAPERS,
)
from ..base import Dialect, built_on_first_use
from . import lynx
from .lines import Kind, classify, page_phrase

if TYPE_CHECKING:
    REFERENCE_TEXT: Dialect
    LYNX_DUMP: Dialect

#: The listing's own words in its header: its title, byline and promo lines.
_OWN_PHRASES = frozenset(
    {DAILY_PAPERS, TRENDING_PAPERS, BYLINE, BYLINE_SPACED, PROMO, PROMO_DAILY}
)
#: A line that ends with a reference: ``* [ Models ][2]``, ``][31]``, ``### [Title][32]``.
_ENDS_WITH_REFERENCE = re.compile(r"\]\[[0-9]+\]$")


def detect(head: Sequence[str]) -> bool:
    """Either notation: ``[text][N]`` references (``detect_references``) or lynx's own
    (``lynx.detect``)."""
    return detect_references(head) or lynx.detect(head)


def for_head(head: Sequence[str]) -> Dialect:
    """The reader of an input this dialect's detector accepted: lynx's own notation where
    only that notation's marks are in ``head``."""
    return _get("LYNX_DUMP") if in_lynx_notation(head) else _get("REFERENCE_TEXT")


def in_lynx_notation(head: Sequence[str]) -> bool:
    """Whether ``head`` is in lynx's own notation (and shows no ``[text][N]`` references)."""
    return not detect_references(head) and lynx.detect(head)


def detect_references(head: Sequence[str]) -> bool:
    """lynx's references (a line ending in ``][N]``) and the listing's own words: its title,
    byline or promo lines, or an authors box line (``* 3 authors``) with a lone ``·`` or an
    upvote box, or a lynx title with a card's mark, or (a capture whose start is lost) an
    upvote box right above a linked title (``### [Title][6]``) and a lone ``·`` right above
    a date line. A lynx dump of another page has the references, not these marks (a news
    page may show a linked title under a count in brackets, but not the listing's ``·``
    over a date)."""
    if not any(line and line[-1] == "]" and _ENDS_WITH_REFERENCE.search(line) for line in head):
        return False  # no reference: what follows accepts only after one (and runs on every input)
    style = False
    own_words = False
    authors = False
    other_mark = False
    title = False
    # A capture whose start is lost: an upvote box right above a linked title ``### [Title][6]``
    # (no other tool writes a title so), and a lone ``·`` right above a date line.
    boxed_title = dated_separator = False
    after_box = False
    card_mark = False
    previous: tuple[Kind, Kind] = (Kind.TEXT, Kind.TEXT)
    for line in head:
        if not line:
            continue
        kind = classify(line)
        if not style and line[-1] == "]" and _ENDS_WITH_REFERENCE.search(line):
            style = True
        if kind is Kind.TITLE:
            # Only lynx's titles (``### Title``, ``### [Title][6]``, a wrapped one's last
            # line): an html-text card cut before its header has the card's date line too
            # (``### [Title](url)``), and an abstract ending in citations ends like a reference.
            linked = line.startswith("### [") and _ENDS_WITH_REFERENCE.search(line) is not None
            boxed_title = boxed_title or (linked and after_box)
            title = title or linked or not line.startswith("### [")
        elif kind is Kind.TEXT and not card_mark:
            card_mark = _is_card_mark(line, previous[1])
        box = kind is Kind.BOX or (kind is Kind.CLOSE and previous == (Kind.OPEN, Kind.COUNT))
        if kind is Kind.AUTHORS:
            authors = True
        elif kind is Kind.SEPARATOR or box:
            other_mark = True
        elif kind is Kind.DATE and previous[1] is Kind.SEPARATOR:
            dated_separator = True
        elif not own_words and page_phrase(line, kind) in _OWN_PHRASES:
            own_words = True
        after_box = box
        previous = (previous[1], kind)
        if style and (
            own_words
            or (authors and other_mark)
            or (title and card_mark)
            or (boxed_title and dated_separator)
        ):
            return True
    return False


#: A card's date line (``· Published on Dec 28, 2024``, ``[[logo] Org][7] · Published on Oct
#: 4, 2026``): the trending page's entries, which have no upvote box before the title.
_CARD_DATE = re.compile(r"(?:\[.*\]\[[0-9]+\] )?· Published on [A-Z][a-z]{2} [0-9]")


def _is_card_mark(line: str, previous: Kind) -> bool:
    """A card's date line, or ``Upvote`` as the first line of a link (``[`` / ``Upvote``)."""
    if line == "Upvote":
        return previous is Kind.OPEN
    return "Published on" in line and _CARD_DATE.match(line) is not None


def _build() -> Dialect:
    from ...rules.page_end import page_end
    from .definitions import reference_definitions
    from .fastpath import read_canonical
    from .header import read_header, repeated_header
    from .rules import entry, junk

    return Dialect(
        name="reference-text",
        detect=detect,
        classify=classify,
        header=read_header,
        rules=(
            ("repeated_header", repeated_header),
            ("entry", entry),
            ("page_end", page_end),
            ("reference_definitions", reference_definitions),
            ("junk", junk),
        ),
        fast_path=read_canonical,
    )


def _build_lynx() -> Dialect:
    from .lynx_rules import entry as lynx_entry
    from .lynx_rules import junk as lynx_junk
    from .lynx_rules import page_end as lynx_page_end
    from .lynx_rules import read_header as read_lynx_header
    from .lynx_rules import repeated_header as lynx_repeated_header

    return Dialect(
        name="reference-text",
        detect=detect,
        classify=lynx.classify,
        header=read_lynx_header,
        rules=(
            ("repeated_header", lynx_repeated_header),
            ("entry", lynx_entry),
            ("page_end", lynx_page_end),
            ("junk", lynx_junk),
        ),
    )


_BUILDERS = {
    "REFERENCE_TEXT": built_on_first_use(__name__, "REFERENCE_TEXT", _build),
    "LYNX_DUMP": built_on_first_use(__name__, "LYNX_DUMP", _build_lynx),
}


def __getattr__(name: str) -> Dialect:
    if name not in _BUILDERS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _BUILDERS[name](name)


def _get(name: str) -> Dialect:
    found = globals().get(name)
    return found if isinstance(found, Dialect) else __getattr__(name)


__all__ = [
    "LYNX_DUMP", "REFERENCE_TEXT", "detect", "detect_references", "for_head", "in_lynx_notation"
]
