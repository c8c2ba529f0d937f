"""The ``text`` dialect: the seed dumps' plain text (docs/format.md), the fallback dialect.

Its line classes are ``tokenizer.TokenKind``; its rules live in ``rules/`` and
its fast path in ``fastpath.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..fastpath import read_canonical
from ..grammar import (
    BULLET,
    NEW,
    PAGE_TITLES,
    PROMO,
    PROMO_DAILY,
    SEPARATOR,
    SUBSCRIBE,
)
from ..rules import BODY_RULES, read_header
from ..tokenizer import AUTHORS, DATE, HEADER, SEPARATOR_KIND, classify
from .base import Dialect

#: A line of one of these kinds is the text grammar's own, never ordinary prose.
_GRAMMAR_KINDS = frozenset({HEADER, AUTHORS, SEPARATOR_KIND, DATE})


def detect(head: Sequence[str]) -> bool:
    """Any header line, authors line, lone '·' or date line: the fallback for damaged dumps."""
    return any(classify(line) in _GRAMMAR_KINDS for line in head)


def _holds_text_header(head: Sequence[str]) -> bool:
    """Whether ``head`` holds the ``text`` header's start as only a plain-text dump writes it:
    ``new``, the promo line(s), ``Subscribe``, then ``Daily Papers`` or ``Trending Papers``,
    each a line of its own. The other dialects link ``Subscribe``, mark the heading up or
    put a URL between them, so these lines decide before their detectors, which look for
    marks anywhere in the head: an abstract ending in citations (``[12][13]``) is no lynx
    reference. Stray lines before ``new`` (a damaged start) do not hide it."""
    return any(line == NEW and _header_follows(head, at + 1) for at, line in enumerate(head))


def _header_follows(head: Sequence[str], index: int) -> bool:
    lines = iter(head[index : index + 4])
    line = next(lines, None)
    if line == PROMO_DAILY:
        line = next(lines, None)
    return (
        line == PROMO
        and next(lines, None) == SUBSCRIBE
        and next(lines, None) in PAGE_TITLES
    )


def plainly_text(head: Sequence[str]) -> bool:
    """Whether ``head`` has a mark only a plain-text dump writes: the ``text`` header's
    lines in a row (``_holds_text_header``), or an authors line with the ``•`` bullet and a
    space right above a lone ``·`` (the other dialects write ``- N authors``, ``* N
    authors`` or a link; elinks ``•`` and a no-break space). Detection asks this before the
    other detectors."""
    if _holds_text_header(head):
        return True
    return any(
        line.startswith(BULLET + " ") and following == SEPARATOR
        for line, following in itertools.pairwise(head)
    )


TEXT = Dialect(
    name="text",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=BODY_RULES,
    whitespace_defects=True,
    keep_indent=AUTHORS,
    fast_path=read_canonical,
    merge_copies=False,
    entries_expected=False,
)
