"""The ``markdown`` dialect: the listing as firecrawl or an agent's web fetch writes it.

Its line classes and patterns are in ``lines.py``, its rules in ``rules.py``;
docs/format.md ("The markdown dialect") gives its grammar.

Detection needs only ``lines.py``: ``MARKDOWN`` (with the rules and the fast path) is
built when first asked for, so that reading another dialect never imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import Dialect, built_on_first_use
from .lines import Kind, classify, detect, shows_header_heading

if TYPE_CHECKING:
    MARKDOWN: Dialect


def _build() -> Dialect:
    from ...rules.page_end import page_end
    from .fastpath import read_entries
    from .rules import entry, junk, read_header, repeated_header

    return Dialect(
        name="markdown",
        detect=detect,
        classify=classify,
        header=read_header,
        rules=(
            ("repeated_header", repeated_header),
            ("entry", entry),
            ("page_end", page_end),
            ("junk", junk),
        ),
        fast_path=read_entries,
    )


__getattr__ = built_on_first_use(__name__, "MARKDOWN", _build)


__all__ = ["MARKDOWN", "Kind", "detect", "shows_header_heading"]
