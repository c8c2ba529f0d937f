"""The dialects digestparse reads, in the order their detectors are tried.

The first detector that accepts the start of the input wins; ``text`` comes
last, as the fallback for anything holding one line of its grammar (but before
``reference-text`` for an input whose first lines have its own marks: its header in
a row, or a bullet authors line over a lone '·'). Input that
no detector accepts is refused (``unknown-format``). docs/dialects.md explains
how to add a dialect.

The dialects other than ``text`` are built on first use: detecting them needs only
their line classes, and a dump of another dialect (a plain ``check`` of a seed)
never imports their rules and fast paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import TYPE_CHECKING

from ..grammar import names_the_listing
from . import html_text, markdown, reference_text, text_urls
from .base import DETECT_CHARS, DETECT_LINES, Dialect
from .text import TEXT, plainly_text

if TYPE_CHECKING:
    #: Every dialect, in detection order (loads them all).
    DIALECTS: tuple[Dialect, ...]

#: Detection order (docs/dialects.md): the most specific shapes first. The full order
#: (issue 10) is markdown, text-urls, reference-text, html-text, then text last.
#: Each dialect: its name, its detector, and how to get the Dialect itself.
_ORDER: tuple[tuple[str, Callable[[Sequence[str]], bool], Callable[[], Dialect]], ...] = (
    ("markdown", markdown.detect, lambda: markdown.MARKDOWN),
    ("text-urls", text_urls.detect, lambda: text_urls.TEXT_URLS),
    ("reference-text", reference_text.detect, lambda: reference_text.REFERENCE_TEXT),
    ("html-text", html_text.detect, lambda: html_text.HTML_TEXT),
    ("text", TEXT.detect, lambda: TEXT),
)
_LOAD = {name: load for name, _detect, load in _ORDER}
#: The detectors a plain-text dump can satisfy by chance (``text.plainly_text``): an
#: abstract ending in citations (``[12][13]``) looks like a lynx reference, and the text
#: header gives the listing's own words. Where one of them accepts, the text dialect's own
#: marks decide. The other detectors look for lines a plain-text dump never has (``### ``
#: titles, an upvote box over a URL line, ``[Upvote``): their captures stay theirs even
#: when the text header's lines stand in a row there too (a text-urls capture whose
#: ``Subscribe`` has no URL line after it, logged in or damaged).
_TAKEN_BY_TEXT_MARKS = frozenset({"reference-text"})
#: The detectors tried before html-text's. Where one accepts a head that shows that
#: extractor's own section anchors with a paper's linked title, the page is html-text's: its
#: capture may hold a line another detector takes for its mark (an abstract ending in
#: citations, ``[3][4]``, ends like a lynx reference), and no other tool writes the anchors.
_BEFORE_HTML_TEXT = frozenset({"markdown", "text-urls", "reference-text"})
#: The detectors tried before reference-text's that a lynx dump can satisfy: text-urls
#: reads a page whose tool kept no URL (a bare ``* 3 authors`` under the 2026 header), and a
#: dump in lynx's own notation has no URL line either until its ``References``. Its link
#: numbers (``[12]Title``) say that its tool kept the links, as numbers: it is lynx's.
_BEFORE_LYNX = frozenset({"text-urls"})


class _ByName(MutableMapping[str, Dialect]):
    """Name -> Dialect for every dialect, each built when first looked up."""

    def __init__(self) -> None:
        self._built: dict[str, Dialect] = {}

    def __getitem__(self, name: str) -> Dialect:
        try:
            return self._built[name]
        except KeyError:
            dialect = self._built[name] = _LOAD[name]()  # KeyError: not a dialect's name
            return dialect

    def __setitem__(self, name: str, dialect: Dialect) -> None:
        self._built[name] = dialect

    def __delitem__(self, name: str) -> None:
        del self._built[name]  # a dialect's own name then gives the dialect again

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(_LOAD), **self._built})

    def __len__(self) -> int:
        return len(_LOAD.keys() | self._built.keys())


#: The dialect of each name (``dialect=`` and ``--dialect``).
BY_NAME: MutableMapping[str, Dialect] = _ByName()

#: The names accepted by ``dialect=`` and ``--dialect``.
DIALECT_NAMES: tuple[str, ...] = ("auto", *(name for name, _detect, _load in _ORDER))


def detect(head: Sequence[str]) -> Dialect | None:
    """The dialect of an input whose first non-blank content lines are ``head``.

    An input with no non-blank line at all is ``text`` (it reports a missing
    header as before), and so is one that the reference-text detector accepts but whose
    head has a mark only a plain-text dump writes (``text.plainly_text``); None means no
    dialect recognises it.
    """
    if not head:
        return TEXT
    for name, detector, load in _ORDER:
        if name == "text" and (cut := _header_only(head)) is not None:
            return cut
        if detector(head):
            if name in _TAKEN_BY_TEXT_MARKS and plainly_text(head):
                return TEXT
            if name in _BEFORE_HTML_TEXT and html_text.extracted(head):
                return BY_NAME["html-text"]  # its own section anchors (html_text/lines.py)
            if name in _BEFORE_LYNX and reference_text.in_lynx_notation(head):
                return reference_text.for_head(head)
            if name == "reference-text":
                return reference_text.for_head(head)  # which of its two notations
            return load()
    return None


#: A capture cut before its first entry shows no entry's mark, only the page's header; the
#: text detector would take it for a damaged dump for its header lines and read its menu
#: as entries. Where the head names the listing (``grammar.names_the_listing``), its tool's
#: notation of the header tells its dialect: each here, tried in this order where no
#: detector above accepts (docs/dialects.md).
_HEADER_ONLY: tuple[tuple[str, Callable[[Sequence[str]], bool]], ...] = (
    ("html-text", html_text.shows_anchors),
    ("text-urls", text_urls.shows_site_links),
    ("markdown", markdown.shows_header_heading),
)


def _header_only(head: Sequence[str]) -> Dialect | None:
    """The dialect of a capture cut before its first entry (``_HEADER_ONLY``), or None; never
    for a head with a plain-text dump's own mark (``text.plainly_text``)."""
    if plainly_text(head) or not names_the_listing(head):
        return None
    for name, shows_mark in _HEADER_ONLY:
        if shows_mark(head):
            return BY_NAME[name]
    return None


def forced(dialect: Dialect, head: Sequence[str]) -> Dialect:
    """The reader of a dialect the caller named: ``reference-text`` has two notations, and
    its detector's marks tell which one ``head`` is in (lynx's own: ``LYNX_DUMP``)."""
    if (
        dialect.name == "reference-text"
        and dialect.classify is reference_text.lines.classify
        and reference_text.in_lynx_notation(head)
    ):
        return reference_text.LYNX_DUMP
    return dialect


def __getattr__(name: str) -> tuple[Dialect, ...]:
    if name != "DIALECTS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return tuple(load() for _name, _detect, load in _ORDER)


__all__ = [
    "BY_NAME", "DETECT_CHARS", "DETECT_LINES", "DIALECTS", "DIALECT_NAMES", "Dialect", "detect",
    "forced",
]
