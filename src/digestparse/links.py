"""Where links are found in an abstract.

Every ``http://``/``https://`` URL, plus bare ``github.com/...`` and
``<name>.github.io/...`` (given ``https://``). A URL ends at white space or
at any control character (Unicode category Cc: a link never holds BEL, ESC,
``\x1c``-``\x1f`` ...). Sentence punctuation, quotes and unbalanced closing
brackets are trimmed off the end.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# Possessive quantifiers: no backtracking, so scanning stays linear on any input.
# The look-behind keeps a bare match from starting inside a longer word or URL.
_URL = regex.compile(
    r"(?i:https?)://[^\s\p{Cc}]++"
    r"|(?<![\w.@/:-])(?:(?:www\.)?github\.com|[A-Za-z0-9-]++\.github\.io)/[^\s\p{Cc}]*+"
)

#: What ends a URL: white space or a control character.
_URL_END = regex.compile(r"[\s\p{Cc}]")

_TRAILING = frozenset(".,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_OPENER = {")": "(", "]": "[", "}": "{", ">": "<"}


def trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end."""
    end = len(url)
    unmatched: dict[str, int] | None = None  # counted only when a closing bracket ends it
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in _OPENER:
            if unmatched is None:
                unmatched = {
                    closer: url.count(closer) - url.count(opener)
                    for closer, opener in _OPENER.items()
                }
            if unmatched[last] <= 0:
                break
            unmatched[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


def _url_matches(text: str) -> Iterator[regex.Match[str]]:
    """The same matches as ``_URL.finditer(text)``, found without trying every position.

    Every match holds ``://`` or ``github.`` and no whitespace or control
    character, so the engine only runs on the word around each such candidate:
    from the space before it (a match starting earlier would end before that
    space and hold a candidate of its own) to the first whitespace or control
    character after it (no match runs past one). The
    look-behind still sees the text before the word: ``search(text, pos)`` does
    not slice. The regex module is slow at trying every position of an abstract.
    Each character is scanned a bounded number of times, so this stays linear.
    """
    return _matches_from(text, text.find("://"), text.find("github."))


def _matches_from(text: str, scheme: int, bare: int) -> Iterator[regex.Match[str]]:
    """``_url_matches(text)``, given the first ``://`` and ``github.`` (-1: none)."""
    search = _URL.search
    find = text.find
    pos = 0
    while scheme >= 0 or bare >= 0:
        candidate = scheme if bare < 0 or 0 <= scheme < bare else bare
        start = text.rfind(" ", pos, candidate) + 1 or pos
        end = _word_end(text, candidate)
        match = search(text, start, end)
        pos = end if match is None else match.end()
        if match is not None:
            yield match
        if 0 <= scheme < pos:
            scheme = find("://", pos)
        if 0 <= bare < pos:
            bare = find("github.", pos)


def _word_end(text: str, start: int) -> int:
    """Where the first whitespace or control character at or after ``start`` is, else the
    text's end."""
    space = text.find(" ", start)
    if space < 0:
        space = len(text)
    # Every other whitespace character and every control character is unprintable: when
    # the word up to the space holds none, the space ends it (the regex engine is slower).
    if text[start:space].isprintable():
        return space
    found = _URL_END.search(text, start)
    return found.start() if found is not None else len(text)


def extract_links(text: str) -> tuple[str, ...]:
    """The links in ``text``, in order of first appearance, without duplicates."""
    # Every match holds a '/': one scan for it rules out most abstracts, which hold none.
    if "/" not in text:
        return ()
    scheme = text.find("://")
    bare = text.find("github.")
    if scheme < 0 and bare < 0:
        return ()
    links: dict[str, None] = {}
    for match in _matches_from(text, scheme, bare):
        found = match.group()
        url = trim_url(found)
        if "://" in found[:8]:
            if url.endswith("//"):
                continue  # a scheme with nothing after it
        else:
            if url.endswith("github.com/"):
                continue  # "github.com/" alone names no page
            url = "https://" + url
        links.setdefault(url, None)
    return tuple(links)


#: A paper's page on huggingface.co or arXiv; the id is arXiv's (``2606.00683``, old-style
#: ``hep-th/9901001`` too), with an optional version suffix that is not part of it.
_PAPER_LINK = regex.compile(
    r"(?i:https?://)?(?:www\.)?(?i:huggingface\.co/papers|arxiv\.org/(?:abs|pdf))/"
    r"((?:[a-z-]+(?:\.[A-Z]{2})?/)?[0-9]{4,}(?:\.[0-9]{4,5})?)(?:v[0-9]+)?(?:\.pdf)?"
    r"(?=$|[/?#\s)\]>\"'])"
)

PAPER_PAGE = "https://huggingface.co/papers/"


def paper_id(url: str) -> str | None:
    """The paper id in a huggingface.co/papers/ID or arxiv.org/abs/ID link, or None.

    A version suffix (``v2``) is dropped; ``#community`` and query parts are ignored.
    """
    match = _PAPER_LINK.match(url.strip())
    return match.group(1) if match is not None else None


def paper_url(identifier: str) -> str:
    """The paper's page on huggingface.co."""
    return PAPER_PAGE + identifier
