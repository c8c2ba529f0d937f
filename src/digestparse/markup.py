"""Markup that capture tools wrap around the page's text, removed to get the text itself.

Shared by the dialects: markdown links and images (``[text](url)``,
``![alt](src)``), lynx-style references (``[text][12]``), heading marks,
list bullets and markdown backslash escapes. Each dialect decides which of
these its lines may carry; ``plain`` removes them all.
"""

from __future__ import annotations

import regex

_IMAGE = regex.compile(r"!\[[^\]\n]*+\]\([^)\s]*+\)")
#: A link's text may hold one level of brackets: ``[[logo] Name](url)``.
_LINK = regex.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*+\])*+)\](?:\(([^)\s]*+)\)|\[([0-9]++)\])"
)
_HEADING = regex.compile(r"#{1,6}+\s++")
_BULLET = regex.compile(r"[-*+]\s++")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!| ])")


def links(line: str) -> list[tuple[str, str]]:
    """The ``(text, url)`` of each markdown link in ``line`` (reference links give ``""``)."""
    return [(m.group(1), m.group(2) or "") for m in _LINK.finditer(_IMAGE.sub("", line))]


def strip_links(line: str) -> str:
    """``line`` with images removed and every link replaced by its text, innermost first."""
    if "[" not in line:  # no image and no link: nothing to do (most lines)
        return line
    text = _IMAGE.sub("", line)
    while True:
        replaced = _LINK.sub(lambda m: m.group(1), text)
        if replaced == text:
            return text
        text = replaced


def unescape(text: str) -> str:
    """Markdown backslash escapes resolved: ``\\_`` is ``_``, ``\\ `` is a space."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def plain(line: str) -> str:
    """The text a reader sees: no heading marks, bullets, images, link targets or escapes."""
    text = strip_links(line.strip())
    text = _HEADING.sub("", text, count=1) if text.startswith("#") else text
    text = _BULLET.sub("", text, count=1) if text[:1] in "-*+" else text
    return " ".join(unescape(text).split())


def join_wrapped(parts: list[str]) -> str:
    """Hard-wrapped lines joined into one: one space between lines, none after a word
    broken by a hyphen (``state-of-the-`` + ``art``); a lone `` -`` keeps its space.

    Each part is stripped first; empty parts are dropped.
    """
    texts = [part.strip() for part in parts]
    if "" in texts:
        texts = [text for text in texts if text]
    if "-\n" not in "\n".join(texts):
        return " ".join(texts)  # no line ends with '-': the common case, without the loop
    joined = ""
    for text in texts:
        if joined and not (joined.endswith("-") and joined[-2:-1].strip()):
            joined += " "
        joined += text
    return joined
