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


#: After this many '/' that start no URL, the scan looks for the anchors themselves (a text
#: full of slashes would otherwise take a step per slash).
_MAX_STRAY_SLASHES = 16


def _url_matches(text: str) -> Iterator[regex.Match[str]]:
    """The same matches as ``_URL.finditer(text)``, found without trying every position.

    Every match holds an anchor: ``://``, or ``github.`` followed by ``com/`` or
    ``io/``; and no whitespace or control character. So the engine only runs on
    the word around each anchor: from the space before it (a match starting
    earlier would end before that space and hold an anchor of its own) to the
    first whitespace or control character after it (no match runs past one). The
    look-behind still sees the text before the word: ``search(text, pos)`` does
    not slice. The regex module is slow at trying every position of an abstract.
    Each character is scanned a bounded number of times, so this stays linear.
    """
    slash = text.find("/")
    return _slash_matches(text, slash) if slash >= 0 else iter(())


def _slash_matches(text: str, slash: int) -> Iterator[regex.Match[str]]:
    """``_url_matches(text)``, given the first '/' of ``text``.

    Every anchor ends right before a '/', and a single character is found much
    faster than a word: the anchors are found from one '/' to the next.
    """
    find = text.find
    startswith = text.startswith
    pos = 0
    stray = 0
    while slash >= 0:
        if slash >= 1 and text[slash - 1] == ":" and startswith("/", slash + 1):
            anchor = slash - 1
        elif slash >= 10 and startswith("github.com", slash - 10):
            anchor = slash - 10
        elif slash >= 9 and startswith("github.io", slash - 9):
            anchor = slash - 9
        else:
            stray += 1
            if stray > _MAX_STRAY_SLASHES:
                scheme = find("://", max(pos, slash - 1))
                yield from _matches_from(text, scheme, find("github.", max(pos, slash - 10)), pos)
                return
            slash = find("/", slash + 1)
            continue
        if anchor >= pos:
            pos, match = _match_at(text, anchor, pos)
            if match is not None:
                yield match
        slash = find("/", max(pos, slash + 1))


def _matches_from(
    text: str, scheme: int, bare: int, pos: int = 0
) -> Iterator[regex.Match[str]]:
    """The matches from ``pos`` on, given the first ``://`` and ``github.`` there (-1: none)."""
    find = text.find
    while scheme >= 0 or bare >= 0:
        candidate = scheme if bare < 0 or 0 <= scheme < bare else bare
        pos, match = _match_at(text, candidate, pos)
        if match is not None:
            yield match
        if 0 <= scheme < pos:
            scheme = find("://", pos)
        if 0 <= bare < pos:
            bare = find("github.", pos)


#: How far ``_word_end`` looks for the space that ends a word before it asks the regex.
_NEAR = 512


def _match_at(text: str, candidate: int, pos: int) -> tuple[int, regex.Match[str] | None]:
    """The match in the word around ``candidate`` (not before ``pos``), if any, and where
    the scan goes on."""
    start = text.rfind(" ", pos, candidate) + 1 or pos
    end = _word_end(text, candidate)
    match = _URL.search(text, start, end)
    return (end if match is None else match.end()), match


def _word_end(text: str, start: int) -> int:
    """Where the first whitespace or control character at or after ``start`` is, else the
    text's end."""
    # Every other whitespace character and every control character is unprintable: when
    # the word up to the next space holds none, the space ends it (the regex engine is
    # slower). The space is looked for nearby only: text whose words are parted by other
    # blanks (no-break spaces) would otherwise be scanned to its end at every anchor.
    space = text.find(" ", start, start + _NEAR)
    if space >= 0 and text[start:space].isprintable():
        return space
    found = _URL_END.search(text, start)
    return found.start() if found is not None else len(text)


def extract_links(text: str) -> tuple[str, ...]:
    """The links in ``text``, in order of first appearance, without duplicates."""
    # Every match holds a '/': one scan for it rules out most abstracts, which hold none.
    slash = text.find("/")
    if slash < 0:
        return ()
    links: dict[str, None] = {}
    for match in _slash_matches(text, slash):
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


#: A paper's page on huggingface.co or arXiv; the id is arXiv's: ``YYMM.NNNNN`` (four or five
#: digits after the dot), or an old-style one, an archive and seven digits
#: (``hep-th/9901001``), with an optional version suffix that is not part of it. A number
#: alone (``/papers/2410``) is no id. The site's own links may be relative
#: (``/papers/2606.00683``): a converter given the page's HTML without its address
#: (markitdown, html2text, pandoc) keeps them so.
_PAPER_LINK = regex.compile(
    r"(?:(?i:https?://)?(?:www\.)?(?i:huggingface\.co/papers|arxiv\.org/(?:abs|pdf))|/papers)/"
    r"([a-z-]+(?:\.[A-Z]{2})?/[0-9]{7}|[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?(?:\.pdf)?"
    r"(?=$|[/?#\s)\]>\"'])"
)

PAPER_PAGE = "https://huggingface.co/papers/"
#: The anchor of a paper page's discussion, which a comment count links to
#: (``https://huggingface.co/papers/ID#community``).
COMMENTS_ANCHOR = "#community"


def paper_id(url: str) -> str | None:
    """The paper id in a huggingface.co/papers/ID (or the site's relative /papers/ID) or
    arxiv.org/abs/ID link, or None.

    A version suffix (``v2``) is dropped; ``#community`` and query parts are ignored.
    """
    if url.startswith(PAPER_PAGE):
        # The usual link, told without the pattern: its whole rest is a new-style id.
        identifier = url[len(PAPER_PAGE) :]
        number, dot, part = identifier.partition(".")
        if (
            identifier.isascii()
            and len(number) == 4
            and number.isdigit()
            and dot
            and 4 <= len(part) <= 5
            and part.isdigit()
        ):
            return identifier
    match = _PAPER_LINK.match(url.strip())
    return match.group(1) if match is not None else None


#: An upvote box's link: the login page, with the paper's page to return to after it
#: (``https://huggingface.co/login?next=%2Fpapers%2F2609.05415``).
_LOGIN_TO_PAPER = regex.compile(
    r"/login\?next=(?:%2[Ff]|/)papers(?:%2[Ff]|/)([0-9]{4}\.[0-9]{4,5})(?![0-9])"
)


def login_paper_id(url: str) -> str | None:
    """The id of the paper an upvote box's login link returns to, or None."""
    match = _LOGIN_TO_PAPER.search(url)
    return match.group(1) if match is not None else None


def paper_url(identifier: str) -> str:
    """The paper's page on huggingface.co."""
    return PAPER_PAGE + identifier
