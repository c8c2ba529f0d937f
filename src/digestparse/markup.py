"""Markup that capture tools wrap around the page's text, removed to get the text itself.

Shared by the dialects: markdown links and images (``[text](url)``,
``![alt](src)``), lynx-style references (``[text][12]``), heading marks,
list bullets and markdown backslash escapes. Each dialect decides which of
these its lines may carry; ``plain`` removes them all.
"""

from __future__ import annotations

import operator
import re
from itertools import pairwise

import regex

#: A link's or image's target may have a title after it: ``(url "title")``.
#: No part of a link or an image runs over a ``[`` where the next one may start (an image's
#: alt text over ``![``; a link's text holds one level of brackets): each try then ends
#: there, and a line of unclosed ``![`` or ``[a](`` takes linear time, not quadratic.
_TITLE = r'(?: ++"[^"\[\n]*+")?+'
_TARGET = r"[^)\s\[]*+"
_ALT = r"(?:[^\]\n!]|!(?!\[))*+"
_IMAGE = regex.compile(r"!\[" + _ALT + r"\]\(" + _TARGET + _TITLE + r"\)")
#: A link's text may hold one level of brackets: ``[[logo] Name](url)``. An escaped bracket
#: (``\[``, ``\]``) is text: it neither opens nor closes a link, and a link's text may hold
#: one (``[Lab \] One](url)``).
_LINK = regex.compile(
    r"(?<!\\)\[((?:\\.|[^\[\]\n\\]|\[[^\[\]\n]*+\])*+)\](?:\((" + _TARGET + r")" + _TITLE
    + r"\)|\[([0-9]++)\])"
)
#: How many levels of links inside links ``strip_links`` removes, one pass over the line
#: each: a page nests two at most (an image inside a link, a logo inside a name).
_MAX_LINK_DEPTH = 8
_HEADING = regex.compile(r"#{1,6}+\s++")
_BULLET = regex.compile(r"[-*+]\s++")
#: A backslash before any ASCII punctuation character escapes it (CommonMark; converters
#: write ``\>``, ``\<``, ``\=``, ``\~`` where a line could start a quote, a tag, a
#: heading or a fence), and firecrawl writes ``\ `` for a title's line break. The standard
#: library's ``re``, with a function for the replacement: for this plain character class it
#: gives what ``regex`` gives, several times faster.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~ ])")
_ESCAPED = operator.itemgetter(1)
#: A whole line that is one lynx-style reference; greedy, so its text may hold brackets.
_WHOLE_REFERENCE = regex.compile(r"\[(.*)\]\[[0-9]++\]")
#: lynx writes an image as its alt text in brackets: ``[microsoft] Microsoft``.
_IMAGE_ALT = regex.compile(r"\[[^\[\]\n]*+\]\s*+")
_ANY_IMAGE_ALT = regex.compile(r"\[[^\[\]\n]*+\]")
#: What lynx writes, in brackets, for an image with no alt text (``[IMG]``, ``[INLINE]``):
#: a pattern's part.
LYNX_IMAGE = r"\[(?:IMG|INLINE|LINK|IMAGE)\]"


def links(line: str) -> list[tuple[str, str]]:
    """The ``(text, url)`` of each markdown link in ``line`` (reference links give ``""``)."""
    return [(m.group(1), m.group(2) or "") for m in _LINK.finditer(_IMAGE.sub("", line))]


def strip_links(line: str) -> str:
    """``line`` with images removed and every link replaced by its text, innermost first
    (links nested deeper than ``_MAX_LINK_DEPTH`` keep some of their markup)."""
    if "[" not in line:  # no image and no link: nothing to do (most lines)
        return line
    text = _IMAGE.sub("", line)
    for _ in range(_MAX_LINK_DEPTH):
        replaced = _LINK.sub(_link_text, text)
        if replaced == text:
            break
        text = replaced
    return text


def _link_text(match: regex.Match[str]) -> str:
    return match.group(1)


def whole_reference(line: str) -> str | None:
    """The text of a line that is exactly one lynx-style reference ``[text][N]``, or None.

    The text may hold brackets of its own: ``[[logo] Name][1]`` gives ``[logo] Name``.
    """
    if not (line.startswith("[") and line.endswith("]")):
        return None
    match = _WHOLE_REFERENCE.fullmatch(line)
    # "[a][1] and [b][2]" is two references, not one whose text is "a][1] and [b".
    return match.group(1) if match is not None and balanced(match.group(1)) else None


def is_reference_close(line: str) -> bool:
    """Whether ``line`` is only the end of a reference, ``][N]``: lynx's close of a bracketed
    block that spans several lines."""
    digits = line[2:-1]
    return line[:2] == "][" and line[-1:] == "]" and digits.isascii() and digits.isdigit()


def strip_image_alt(text: str) -> str:
    """``text`` without a leading image placeholder ``[alt]`` (as lynx writes images)."""
    return _IMAGE_ALT.sub("", text, count=1) if text.startswith("[") else text


def without_image_alts(text: str) -> str:
    """``text`` (markup already removed) without any image placeholder ``[alt]``, blanks
    collapsed: ``by[papers-by.png] AK`` gives ``by AK``."""
    return " ".join(_ANY_IMAGE_ALT.sub(" ", text).split())


def balanced(text: str) -> bool:
    """Whether every ``]`` in ``text`` closes a ``[`` before it and every ``[`` is closed."""
    depth = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


#: An ATX heading's optional closing sequence (markdownify's ``ATX_CLOSED``: ``# Daily
#: Papers #``), a blank before it.
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")


def without_closing_hashes(line: str) -> str:
    """A heading line without its closing ``#`` sequence; any other line as it is."""
    if line[:1] != "#" or line[-1:] != "#":
        return line
    return _CLOSING_HASHES.sub("", line)


def unescape(text: str) -> str:
    """Markdown backslash escapes resolved: ``\\_`` is ``_``, ``\\>`` is ``>``, ``\\ `` is a
    space; a backslash before anything else (``\\alpha``) stays."""
    return _ESCAPE.sub(_ESCAPED, text) if "\\" in text else text


def plain(line: str, *, escapes: bool = False, marks: bool = True) -> str:
    """The text a reader sees: no heading marks, bullets, images or link targets; with
    ``escapes`` (markdown), backslash escapes resolved too. The other capture tools write
    the page's text as it is: a title's TeX ``45\\%`` keeps its backslash, as the page
    shows it. Without ``marks`` a leading ``#`` or bullet is text: inside a heading or a
    link there is none (``### [# of Tokens](…)`` is ``# of Tokens``)."""
    if _is_plain(line):
        return line
    return _plain(line, escapes, marks)


def title_of_heading(line: str) -> str:
    """A title line as ``plain`` reads it, where the tool may write it as a heading of its
    own level (html2text without links: ``### Title``): a mark of two ``#`` or more is the
    heading's, and a leading ``#`` alone is the title's (``# of Tokens Matters``): no title
    is a page's first-level heading. A bullet is taken off: where no URL tells a title, a
    lost line break glues an upvote box's ``-`` to it (``- Benchmarks Are …``), and a
    title seldom starts with one."""
    heading = _SUBHEADING.match(line) if line[:2] == "##" else None
    text = line[heading.end() :] if heading is not None else line
    bullet = _BULLET.match(text) if text[:1] in "-*+" else None
    return plain(text[bullet.end() :] if bullet is not None else text, marks=False)


_SUBHEADING = regex.compile(r"#{2,6}+ ++")


def _is_plain(line: str) -> bool:
    """Whether ``plain`` leaves ``line`` as it is, told without a regex (most titles).

    No ``[`` (links, images), no backslash (escapes), no heading or bullet mark
    at the start, and no white space but single inner spaces (``isprintable``
    is false for every other white-space character).
    """
    return (
        "[" not in line
        and "\\" not in line
        and line[:1] not in "#-*+ "
        and line[-1:] != " "
        and "  " not in line
        and line.isprintable()
    )


def _plain(line: str, escapes: bool, marks: bool) -> str:
    text = strip_links(line.strip())
    if marks:
        # Only at the start: "*Spoon* Soup" has no bullet and keeps its "* ".
        heading = _HEADING.match(text) if text.startswith("#") else None
        text = text[heading.end() :] if heading is not None else text
        bullet = _BULLET.match(text) if text[:1] in "-*+" else None
        text = text[bullet.end() :] if bullet is not None else text
    return " ".join((unescape(text) if escapes else text).split())


def join_wrapped(
    parts: list[str], *, broken_urls: bool = False, broken_cjk: bool = True
) -> str:
    """Hard-wrapped lines joined into one: one space between lines, none after a line that
    ends with a hyphen (``state-of-the-`` + ``art``, ``(LLM)-`` + ``based``) or with a
    URL's scheme (``https://`` + ``example.org/``: w3m breaks a URL there). A dash keeps its
    space: a lone `` -``, markdown's escaped `` \\-`` (``"a" \\-`` + ``Generation``), or
    ``--`` (``improvements --`` + ``for example``). With
    ``broken_urls`` (the readings of text browsers' output, where w3m breaks a long URL
    wherever it has a ``/``), none inside a URL either (``_breaks_url``).

    With ``broken_cjk`` (the readings of text browsers, lynx's own notation among them),
    none between two characters of the scripts that write no space between words
    (``_UNSPACED``: Han, Hiragana, Katakana, their punctuation and fullwidth forms), which
    those tools break anywhere (``大模`` + ``型`` is ``大模型``), nor after an opening
    bracket before one of them or Hangul (``_unspaced``); a space between two of
    these characters is rare in a title or abstract (w3m even drops one it meets on a
    line). The markdown and html-text readings pass False: their converters wrap at
    blanks only (html2text), or the HTML source's own line breaks stand for blanks, so a
    break there was a space. A break between two Hangul characters keeps the space: Korean
    writes spaces between its words, and the tools break both at those spaces and inside a
    word, which the text cannot tell apart.

    Each part is stripped first; empty parts are dropped.
    """
    texts = list(filter(None, map(str.strip, parts)))
    joined = " ".join(texts)
    # A line that ends with '-' or '://' is followed by the joining space, and a URL is
    # broken elsewhere only after a line that ends with one's start: without "- ", ":// "
    # or such a line no line is so (the common case, without the loop). ASCII text holds
    # no character of ``_UNSPACED``.
    if (
        "- " not in joined
        and ":// " not in joined
        and not (
            broken_urls and ("http" in joined or "www." in joined) and _ends_in_url(texts)
        )
        and (not broken_cjk or joined.isascii() or not _breaks_unspaced(texts))
    ):
        return joined
    pieces: list[str] = []
    token = ""  # the last word joined so far (a URL may run over several lines)
    for text in texts:
        # A hyphen after anything but white space or another hyphen (a dash) glues; a dash
        # that markdown escapes (``\-`` alone: html2text's, where a piece of its text
        # starts) is one too.
        hyphen = token.endswith("-") and token[-2:-1].strip() not in ("", "-") and (
            token != "\\-"
        )
        url = token.endswith("://") or (broken_urls and _breaks_url(token, text))
        if pieces and not (
            hyphen or url or (broken_cjk and _unspaced(pieces[-1][-1], text[0]))
        ):
            pieces.append(" ")
            token = ""
        pieces.append(text)
        token = (token + text).rpartition(" ")[2]
        if len(token) > 2 * _TOKEN_ENDS:
            # Only the word's start (a URL's scheme) and end (``-``, ``://``, ``/``), or a
            # URL short enough to name an owner, are looked at: a word glued over many
            # lines (``ab-`` on each) must not be copied whole for each of them.
            token = token[:_TOKEN_ENDS] + token[-_TOKEN_ENDS:]
    return "".join(pieces)


#: How much of the word joined so far ``join_wrapped`` keeps at each end: the whole of a
#: URL that ``_NAMES_AN_OWNER`` may match (at most 331 characters).
_TOKEN_ENDS = 200


#: The characters of the scripts that write no space between words, a line break between
#: two of which ``join_wrapped`` joins with none: CJK radicals, CJK symbols and
#: punctuation (``、。「」々``, not the ideographic space), Hiragana, Katakana (with its
#: phonetic extensions and halfwidth forms), the Han ideographs (unified, extension A,
#: compatibility, and the supplementary planes' extensions) and fullwidth forms
#: (``，（）``). Not Hangul (``join_wrapped``).
_UNSPACED = re.compile(
    "[\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f\U00020000-\U0003ffff]"
)
_FIRST_UNSPACED = "\u2e80"


#: Hangul's syllables and letters, which elinks breaks from an opening bracket before them.
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_FIRST_WIDE = "\u1100"


def _unspaced(before: str, after: str) -> bool:
    """Whether a line break between the characters ``before`` and ``after`` joins with no
    space: both are of ``_UNSPACED``, or ``before`` is an opening bracket and ``after`` of
    ``_UNSPACED`` or Hangul, which elinks breaks apart (``(`` + ``強化学習)``, ``(`` +
    ``한국어)``) and a text seldom spaces. ``after`` is then never before ``_FIRST_WIDE``,
    a cheap test first."""
    if after < _FIRST_WIDE:
        return False
    if before in "([":
        return _UNSPACED.match(after) is not None or _HANGUL.match(after) is not None
    return (
        before >= _FIRST_UNSPACED
        and _UNSPACED.match(before) is not None
        and _UNSPACED.match(after) is not None
    )


def _breaks_unspaced(texts: list[str]) -> bool:
    """Whether a line break between two of ``texts`` joins with no space (``_unspaced``)."""
    return any(_unspaced(before[-1], after[0]) for before, after in pairwise(texts))


def _ends_in_url(texts: list[str]) -> bool:
    """Whether a line but the last ends with a word that starts as a URL does."""
    return any(text.rpartition(" ")[2].startswith(_URL_STARTS) for text in texts[:-1])


def _breaks_url(url: str, after: str) -> bool:
    """Whether a line break between the word ``url`` and ``after`` lies inside a URL,
    where w3m breaks one that does not fit: after its scheme (``https://`` +
    ``example.org/``, or ``https:`` + ``//example.org``); before a ``/`` or a query's
    ``=``, ``&``, ``?``, ``#`` or ``%`` (``https://github.com`` + ``/example-lab/code``);
    or after a ``/`` where the rest goes on as a path does (``https://github.com/`` +
    ``example-lab/code``: a ``/``, ``.``, ``-``, ``_`` or digit in its first word, which
    a word of a sentence after a URL that ends with ``/`` seldom has, or any such word
    after an owner on GitHub, GitLab or Hugging Face, ``_NAMES_AN_OWNER``:
    ``https://github.com/example-lab/`` + ``pixelforge``); or after a query's ``=`` or
    ``&``, or its ``?`` before a ``key=value`` (``…/helix?`` + ``v=2&lang=en``)."""
    if not url.startswith(_URL_STARTS):
        return False
    if url.endswith("://") or after[:1] in _URL_GOES_ON:
        return True
    word = after.split(" ", 1)[0].rstrip(_SENTENCE_END)
    if url.endswith(("=", "&", "?")):
        # Inside a query: after its ``=`` or ``&`` (no URL in a sentence ends so), or
        # after its ``?`` where a ``key=value`` follows (a question's next word has no
        # ``=``).
        return _QUERY_GOES_ON.match(after) is not None and (
            not url.endswith("?") or "=" in word
        )
    if not url.endswith("/"):
        return False
    return _PATH_GOES_ON.fullmatch(word) is not None and (
        any(char in _PATH_MARKS or char.isdigit() for char in word)
        or _NAMES_AN_OWNER.fullmatch(url) is not None
    )


#: What a URL a line break may fall in starts with (lower case as the tools keep it; a
#: scheme cut after its colon, ``https:``, too).
_URL_STARTS = ("http:", "https:", "www.")
#: What a line that goes on with a URL's path or query may start with, never a sentence.
_URL_GOES_ON = frozenset("/=&?#%")
#: The rest of a URL's path after a ``/``: URL characters from a letter or digit on; not
#: a URL of its own (``https://…``) nor a host (``example.github.io/``), which a damaged
#: capture may put on the next line.
_PATH_GOES_ON = re.compile(
    r"(?![A-Za-z][A-Za-z0-9+.-]*:|www\.)"
    r"(?![\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}(?:/|\Z))"
    r"[A-Za-z0-9][A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*"
)
#: What a query goes on with after its ``?``, ``=`` or ``&``: a key or a value.
_QUERY_GOES_ON = re.compile(r"[A-Za-z0-9._~%+-]")
#: A URL on a code or model host cut right after an owner, or after a branch, which
#: names nothing on its own: the repository's, model's or file's name follows
#: (``https://github.com/example-lab/`` + ``pixelforge``, ``https://huggingface.co/
#: datasets/example/`` + ``chronos``, ``…/tree/main/`` + ``src``).
_NAMES_AN_OWNER = re.compile(
    r"(?:https?://)?(?:www\.)?(?:"
    r"(?:github|gitlab)\.com/[\w.-]{1,100}/(?:[\w.-]{1,100}/(?:tree|blob)/[\w.-]{1,100}/)?"
    r"|huggingface\.co/(?:(?:datasets|spaces)/)?[\w.-]{1,100}/"
    r")",
    re.IGNORECASE | re.ASCII,
)
#: Characters a URL's path holds that a word of a sentence seldom does.
_PATH_MARKS = frozenset("/.-_#?=&%~")
#: What may end a sentence after a URL.
_SENTENCE_END = ".,;:!?)]'\""
