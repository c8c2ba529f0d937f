"""Where links are found in an abstract.

Every ``http://``/``https://`` URL, plus bare ``github.com/...`` and
``<name>.github.io/...`` (given ``https://``). Sentence punctuation, quotes
and unbalanced closing brackets are trimmed off the end.
"""

from __future__ import annotations

import regex

# Possessive quantifiers: no backtracking, so scanning stays linear on any input.
# The look-behind keeps a bare match from starting inside a longer word or URL.
_URL = regex.compile(
    r"(?i:https?)://\S++"
    r"|(?<![\w.@/:-])(?:(?:www\.)?github\.com|[A-Za-z0-9-]++\.github\.io)/\S*+"
)

_TRAILING = frozenset(".,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_OPENER = {")": "(", "]": "[", "}": "{", ">": "<"}


def trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end."""
    end = len(url)
    unmatched = {
        closer: url.count(closer) - url.count(opener) for closer, opener in _OPENER.items()
    }
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in unmatched and unmatched[last] > 0:
            unmatched[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


def extract_links(text: str) -> tuple[str, ...]:
    """The links in ``text``, in order of first appearance, without duplicates."""
    if "://" not in text and "github." not in text:
        return ()
    links: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = trim_url(match.group())
        if "://" in match.group()[:8]:
            if url.endswith("//"):
                continue  # a scheme with nothing after it
        else:
            if url.endswith("github.com/"):
                continue  # "github.com/" alone names no page
            url = "https://" + url
        links.setdefault(url, None)
    return tuple(links)
