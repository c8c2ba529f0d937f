"""The parser's rules, tried in this order at every line between entries."""

from __future__ import annotations

from ..state import Rule
from .entry import entry
from .header import read_header, repeated_header
from .junk import junk

BODY_RULES: tuple[tuple[str, Rule], ...] = (
    ("repeated_header", repeated_header),
    ("entry", entry),
    ("junk", junk),
)

__all__ = ["BODY_RULES", "read_header"]
