"""The ``markdown`` dialect: the listing as firecrawl or an agent's web fetch writes it.

Its line classes and patterns are in ``lines.py``, its rules in ``rules.py``;
docs/format.md ("The markdown dialect") gives its grammar.
"""

from __future__ import annotations

from ..base import Dialect
from .fastpath import read_entries
from .lines import Kind, classify, detect
from .rules import entry, junk, read_header, repeated_header

MARKDOWN = Dialect(
    name="markdown",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=(
        ("repeated_header", repeated_header),
        ("entry", entry),
        ("junk", junk),
    ),
    fast_path=read_entries,
)

__all__ = ["MARKDOWN", "Kind"]
