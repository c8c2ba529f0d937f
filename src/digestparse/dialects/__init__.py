"""The dialects digestparse reads, in the order their detectors are tried.

The first detector that accepts the start of the input wins; ``text`` comes
last, as the fallback for anything holding one line of its grammar. Input that
no detector accepts is refused (``unknown-format``). docs/dialects.md explains
how to add a dialect.
"""

from __future__ import annotations

from collections.abc import Sequence

from .base import DETECT_LINES, Dialect
from .html_text import HTML_TEXT
from .markdown import MARKDOWN
from .reference_text import REFERENCE_TEXT
from .text import TEXT
from .text_urls import TEXT_URLS

#: Detection order (docs/dialects.md): the most specific shapes first. The full order
#: (issue 10) is markdown, text-urls, reference-text, html-text, then text last.
DIALECTS: tuple[Dialect, ...] = (MARKDOWN, TEXT_URLS, REFERENCE_TEXT, HTML_TEXT, TEXT)

BY_NAME: dict[str, Dialect] = {dialect.name: dialect for dialect in DIALECTS}

#: The names accepted by ``dialect=`` and ``--dialect``.
DIALECT_NAMES: tuple[str, ...] = ("auto", *(dialect.name for dialect in DIALECTS))


def detect(head: Sequence[str]) -> Dialect | None:
    """The dialect of an input whose first non-blank content lines are ``head``.

    An input with no non-blank line at all is ``text`` (it reports a missing
    header as before); None means no dialect recognises it.
    """
    if not head:
        return TEXT
    for dialect in DIALECTS:
        if dialect.detect(head):
            return dialect
    return None


__all__ = ["BY_NAME", "DETECT_LINES", "DIALECTS", "DIALECT_NAMES", "Dialect", "detect"]
