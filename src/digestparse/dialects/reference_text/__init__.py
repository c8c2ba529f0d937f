"""The ``reference-text`` dialect: lynx/w3m text with ``[text][N]`` references (capture 01).

Its line classes are ``lines.Kind``; ``header.py`` reads the navigation menu,
the page header and the page date; ``rules.py`` the entries. docs/format.md
(*The reference-text dialect*) gives its grammar.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...grammar import BYLINE, BYLINE_SPACED, DAILY_PAPERS, TRENDING_PAPERS
from ..base import Dialect
from .header import read_header, repeated_header
from .lines import Kind, classify, page_phrase
from .rules import entry, junk

#: The listing's own words in its header: its title and byline.
_TITLE_PHRASES = frozenset({DAILY_PAPERS, TRENDING_PAPERS, BYLINE, BYLINE_SPACED})


def detect(head: Sequence[str]) -> bool:
    """lynx's multi-line link closes (``][N]`` alone) or ``### [Title][N]`` titles, together
    with two marks of the listing, one of them its own words: its title or byline, or an
    authors box (``* 3 authors``); the others are a lone ``·`` and an upvote box. A lynx dump
    of another page has the references, not the marks."""
    style = False
    marks: set[str] = set()
    previous: list[Kind] = [Kind.TEXT, Kind.TEXT]
    for line in head:
        kind = classify(line)
        if kind is Kind.CLOSE or (kind is Kind.TITLE and line.endswith("]") and "][" in line):
            style = True
        if kind is Kind.AUTHORS:
            marks.add("authors")
        elif kind is Kind.SEPARATOR:
            marks.add("separator")
        elif kind is Kind.CLOSE and previous[-2:] == [Kind.OPEN, Kind.COUNT]:
            marks.add("upvotes")
        elif page_phrase(line, kind) in _TITLE_PHRASES:
            marks.add("phrase")
        previous = [previous[1], kind]
        if style and len(marks) >= 2 and marks & {"phrase", "authors"}:
            return True
    return False


REFERENCE_TEXT = Dialect(
    name="reference-text",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=(
        ("repeated_header", repeated_header),
        ("entry", entry),
        ("junk", junk),
    ),
)

__all__ = ["REFERENCE_TEXT"]
