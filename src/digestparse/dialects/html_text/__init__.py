"""The ``html-text`` dialect: text extracted from a saved page's HTML, links kept as markdown.

Its line classes and the entry's layout are in ``lines.py``, its rules in
``rules.py``, the fields both paths build in ``fields.py`` and its fast path in
``fastpath.py``; docs/format.md ("The html-text dialect") gives its grammar.

Detection needs only ``lines.py``: ``HTML_TEXT`` (with the rules and the fast path) is
built when first asked for, so that reading another dialect never imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import Dialect, built_on_first_use
from .lines import Kind, classify, detect, extracted, shows_anchors

if TYPE_CHECKING:
    HTML_TEXT: Dialect


def _build() -> Dialect:
    from .fastpath import read_canonical
    from .rules import RULES, read_header

    return Dialect(
        name="html-text",
        detect=detect,
        classify=classify,
        header=read_header,
        rules=RULES,
        fast_path=read_canonical,
    )


__getattr__ = built_on_first_use(__name__, "HTML_TEXT", _build)

__all__ = ["HTML_TEXT", "Kind", "detect", "extracted", "shows_anchors"]
