"""The ``text`` dialect: the seed dumps' plain text (docs/format.md), the fallback dialect.

Its line classes are ``tokenizer.TokenKind``; its rules live in ``rules/`` and
its fast path in ``fastpath.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..fastpath import read_canonical
from ..rules import BODY_RULES, read_header
from ..tokenizer import AUTHORS, DATE, HEADER, SEPARATOR_KIND, classify
from .base import Dialect

#: A line of one of these kinds is the text grammar's own, never ordinary prose.
_GRAMMAR_KINDS = frozenset({HEADER, AUTHORS, SEPARATOR_KIND, DATE})


def detect(head: Sequence[str]) -> bool:
    """Any header line, authors line, lone '·' or date line: the fallback for damaged dumps."""
    return any(classify(line) in _GRAMMAR_KINDS for line in head)


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
)
