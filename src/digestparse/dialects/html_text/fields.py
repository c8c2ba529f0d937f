"""An html-text entry's fields, built from the text of its lines.

Shared by the rules (``rules.py``), which report what does not fit, and the
fast path (``fastpath.py``), which gives way to the rules on anything that
does not fit, so that both build exactly the same paper.
"""

from __future__ import annotations

from ...links import paper_id
from ...markup import links, plain
from .lines import PLACEHOLDER_LINE


def title_of(heading: str) -> tuple[str, str | None] | None:
    """The title (its link's text) and the paper id of its link, from the heading's text
    after ``### `` (wrapped lines joined); None when the heading does not start with a link."""
    found = links(heading)
    if not found or not heading.startswith("["):
        return None
    text, url = found[0]
    return plain(text), paper_id(url)


def organization_of(text: str) -> str:
    """``[<img> Name](url)`` read as ``Name``."""
    found = links(text)
    name = found[0][0] if len(found) == 1 and text.startswith("[") else text
    return plain(PLACEHOLDER_LINE.sub("", name))


def link_id(line: str) -> str | None:
    """The paper id of the first paper link (``[arXiv Page](…)``) on a line of links."""
    for _text, url in links(line):
        identifier = paper_id(url)
        if identifier is not None:
            return identifier
    return None


def author_count(line: str) -> int:
    """The count of an authors line, ``- 4 authors``."""
    return int(line[2:].split(" ", 1)[0])


def upvote_count(line: str) -> int:
    """The count of an upvote count line, ``22](url)``; ``-](url)`` (no upvote yet) is 0."""
    count = line.split("]", 1)[0]
    return 0 if count == "-" else int(count)
