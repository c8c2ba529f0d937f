"""The ``html-text`` dialect: text extracted from a saved page's HTML, links kept as markdown.

Its line classes and the entry's layout are in ``lines.py``, its rules in
``rules.py``, the fields both paths build in ``fields.py`` and its fast path in
``fastpath.py``; docs/format.md ("The html-text dialect") gives its grammar.
"""

from __future__ import annotations

from ..base import Dialect
from .fastpath import read_canonical
from .lines import Kind, classify, detect
from .rules import RULES, read_header

HTML_TEXT = Dialect(
    name="html-text",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=RULES,
    fast_path=read_canonical,
)

__all__ = ["HTML_TEXT", "Kind", "read_canonical"]
