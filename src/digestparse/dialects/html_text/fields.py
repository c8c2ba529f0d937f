"""An html-text entry's fields, built from the text of its lines.

Shared by the rules (``rules.py``), which report what does not fit, and the
fast path (``fastpath.py``), which gives way to the rules on anything that
does not fit, so that both build exactly the same paper.
"""

from __future__ import annotations

import re

from ...grammar import without_glued_logo_alt, without_unknown_logo_alt
from ...links import PAPER_PAGE, paper_id
from ...markup import links, plain, strip_links, unescape
from .lines import BOX_LINE, PLACEHOLDER_LINE


def title_of(heading: str) -> tuple[str, str | None] | None:
    """The title (its link's text) and the paper id of its link, from the heading's text
    after ``### `` (wrapped lines joined); None when the heading does not start with a link.

    The tool escapes nothing: a heading that is one link, ``[…](url)``, has the title
    between its first ``[`` and its last ``](``, whatever brackets or backslashes the title
    holds (``[Uni[Mate](url)``); other headings are read by ``markup.links``."""
    if not heading.startswith("["):
        return None
    whole = _WHOLE_LINK.fullmatch(heading)
    if whole is not None:
        return link_text(whole.group(1)), target_id(whole.group(2))
    found = links(heading)
    if not found:
        return None
    text, url = found[0]
    return link_text(text), target_id(url)


def unlinked_title(heading: str) -> str:
    """The title of a heading whose link is not whole (``title_of`` gives None): its text
    without the link's ``[``, and without what is left of the link's target where the
    line ends inside it or right after the link's text (the input cut there:
    ``[Title](https://hugg``, ``[Title]``)."""
    text = heading.removeprefix("[")
    cut = text.rfind("](")
    if cut >= 0 and ")" not in text[cut:]:
        return text[:cut]
    if heading.startswith("[") and text.endswith("]"):
        return text[:-1]
    return text


def target_id(url: str) -> str | None:
    """``links.paper_id`` of a link's target, which html2text's ``protect_links`` writes in
    angle brackets (``](<https://huggingface.co/papers/ID>)``)."""
    if url[:1] == "<" and url[-1:] == ">":
        url = url[1:-1]
    return paper_id(url)


def is_paper_page(url: str) -> bool:
    """Whether a link's target is a page of the site's papers, not an anchor in one
    (``#community``): absolute, the site's relative link (a page saved without its address,
    ``/papers/ID``) or in angle brackets (html2text's ``protect_links``)."""
    if url[:1] == "<" and url[-1:] == ">":
        url = url[1:-1]
    return url.startswith((PAPER_PAGE, _RELATIVE_PAPER_PAGE)) and "#" not in url


_RELATIVE_PAPER_PAGE = "/papers/"


#: markdownify's escapes: a backslash before every ``*`` and ``_`` of the page's text
#: (``Q\*``, ``x\_t``, a submitter's ``v\_vasilev``).
_ESCAPED_MARK = re.compile(r"\\([*_])")
#: A ``*`` or ``_`` with no backslash before it: not markdownify's text.
_BARE_MARK = re.compile(r"(?<!\\)[*_]")
#: html2text's escape of a ``#`` and a blank that start a line (``\# of Tokens``), and
#: html-to-markdown's of a ``>`` (``\> Not a quote``).
_LINE_START_ESCAPES = ("\\# ", "\\> ")
#: html2text's escape of a ``+`` or a ``-`` before a blank (a ``-``: or another ``-``), or
#: of a number's ``.`` before a blank, where a piece of the text it is given starts (blanks
#: may come first): a list's mark, were it a line's start. The page's text comes to it in
#: pieces cut at each tag and character reference (``&quot;``, ``&#39;``, ``&amp;``), so
#: the escape stands inside a text too: ``"Vision" \+ RAG``, ``'Latent' \- long``,
#: ``"\-- b``, ``"a" 2\. b``. It is a word of its own: after the text's start, a blank or
#: a character a page writes as a reference. A backslash inside a word (TeX's ``5\-shot``)
#: or after another one (html2text writes the page's ``\-`` as ``\\-``) is no such escape.
_PIECE_START_ESCAPE = re.compile(
    r"""(?<![^\s"'&<>])(?:\\\+(?=\s)|\\-(?=[\s-])|[0-9]+\\\.(?=\s))"""
)


#: turndown's and node-html-markdown's escapes: a backslash before every ``\``, ``*``,
#: ``_``, `````, ``[`` and ``]`` of the page's text (``Q\*``, ``\[CLS\]``, TeX's
#: ``$\\alpha$``), and before a mark that would start a block where the text starts
#: (``\- 3x``, ``\# of``, ``2\. Results``); node-html-markdown's also before every ``~``
#: and every ``.`` that ends a number before a blank (``GPT-5\. We``). A text of theirs
#: shows none of those six bare, and each of its backslashes starts an escape.
_FULLY_ESCAPED = re.compile(
    r"(?:\\[-+=#>~]|[0-9]+\\\.(?= ))?"
    r"(?:[^\\*_`\[\]]|\\[\\*_`\[\]~]|(?<=[0-9])\\\.(?=\s|$))*"
)
_FULL_ESCAPE = re.compile(r"\\([\\*_`\[\]~])|(?<=[0-9])\\(\.)(?=\s|$)")
_START_ESCAPE = re.compile(r"\\([-+=#>])|([0-9]+)\\(?=\. )")


#: remark-stringify's (rehype-remark's) escapes: a backslash before the punctuation that
#: could be read as markdown where it stands, and before a backslash of the page's that
#: precedes punctuation; a ``*`` or ``_`` inside a word stays bare (``few-shot_2`` beside
#: ``\_\_init\_\_``), and the colon of a URL in the text (``https\://``). A text is read
#: as theirs where each backslash starts an escape of ASCII punctuation and it escapes a
#: bracket, a backslash, a ````` or a URL's colon, or a ``*`` or ``_`` beside a bare one:
#: markdownify escapes none of those and leaves no bare mark beside its escapes, and
#: 05's tool escapes nothing.
_PUNCTUATION_ESCAPED = re.compile(r"(?:[^\\]|\\[!-/:-@\[-`{-~])*")
_REMARK_MARKS = re.compile(r"\\[\[\]\\`]|(?i:https?)\\:")
_ESCAPED_AND_BARE = re.compile(r"\\[*_].*(?<!\\)[*_]|(?<!\\)[*_].*\\[*_]")


def _escaped_character(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def _unescaped(match: re.Match[str]) -> str:
    return match.group().replace("\\", "")


def shown(text: str) -> str:
    """A card's text without the escapes a markdown converter wrote: markdownify's, where
    every ``*`` and ``_`` of the text has its backslash; html2text's of a ``+``, a ``-``
    or a number's ``.`` that stands as a word (``_PIECE_START_ESCAPE``) and of a ``#`` at
    the text's start; html-to-markdown's of a ``>`` there; turndown's and
    node-html-markdown's where the text is escaped throughout (``_FULLY_ESCAPED``: no
    bare ``\\``, ``*``, ``_``, `````, ``[`` or ``]``), each backslash doubled by them too.
    Capture 05's tool escapes nothing and writes TeX as the page has it, so a backslash
    stays wherever the text
    shows a bare ``*`` or ``_`` (``$\\alpha_t$`` beside ``k6\\_video``) and before anything
    else (``45\\%``, ``\\# of params`` inside a text, ``5\\-shot``)."""
    if "\\" not in text:
        return text
    if _FULLY_ESCAPED.fullmatch(text) is not None:  # turndown's or node-html-markdown's
        start = _START_ESCAPE.match(text)
        if start is not None:
            text = (start.group(1) or start.group(2)) + text[start.end() :]
        return _FULL_ESCAPE.sub(_escaped_character, text)
    if _PUNCTUATION_ESCAPED.fullmatch(text) and (
        _REMARK_MARKS.search(text) or _ESCAPED_AND_BARE.search(text)
    ):
        return unescape(text)  # remark-stringify's
    if _BARE_MARK.search(text) is None:
        text = _ESCAPED_MARK.sub(r"\1", text)
    text = _PIECE_START_ESCAPE.sub(_unescaped, text)
    return text[1:] if text.startswith(_LINE_START_ESCAPES) else text


def submitter_of(text: str) -> str:
    """The submitter's name, as the page shows it."""
    return plain(shown(text))


def link_text(text: str) -> str:
    """A title's link text as the page shows it, runs of white space read as one space. The
    text is inside the link's brackets, so a ``#`` or ``-`` it starts with (``# of Tokens``)
    is the title's own, never a heading or bullet mark as ``markup.plain`` would take it."""
    text = shown(text)
    if text[:1] in "#-*+":
        return " ".join(strip_links(text).split())
    return plain(text)


def organization_of(text: str) -> str:
    """``[<img> Name](url)`` read as ``Name``: the rest of the link's text where the logo
    is its placeholder (capture 05's); where a converter wrote the logo's alt text instead
    (html2text's ``images_to_alt``: ``[kandinskylab Kandinsky Lab](…)``,
    ``[occ-aiOCC](…/occ-ai)``), without it (``grammar.without_glued_logo_alt``,
    ``without_unknown_logo_alt``)."""
    found = links(text)
    name, url = found[0] if len(found) == 1 and text.startswith("[") else (text, "")
    name = shown(name)
    unpictured = _LEADING_PLACEHOLDERS.sub("", name, count=1)
    text = plain(unpictured)
    if unpictured != name:  # the logo is its placeholder: the rest is the name, as written
        return text
    page = url.strip("<>").removeprefix(_SITE[:-1])  # ``/HANDLE`` on the site, maybe relative
    handle = page[1:].strip("/") if page.startswith("/") else ""
    return without_unknown_logo_alt(without_glued_logo_alt(text, handle))


#: The logo's placeholder before the name (capture 05's image placeholder); a bracket later
#: in the name (``Allen [AI] Institute``) is the name's own.
_LEADING_PLACEHOLDERS = re.compile(rf"\A(?:\s*(?:{PLACEHOLDER_LINE.pattern}))+")

#: Where an organization's link goes: its page on the site, ``https://huggingface.co/HANDLE``.
_SITE = "https://huggingface.co/"


def link_id(line: str) -> str | None:
    """The paper id of the first paper link (``[arXiv Page](…)``) on a line of links."""
    for _text, url in links(line):
        identifier = target_id(url)
        if identifier is not None:
            return identifier
    return None


#: A heading or an abstract that is one link (the daily page links its abstract to the
#: paper), its lines joined: the text up to the last ``](``.
_WHOLE_LINK = re.compile(r"\[(.*)\]\(([^()\s]*)\)", re.DOTALL)


def abstract_of(joined: str) -> tuple[str, str | None]:
    """The abstract and the paper id of its link: the daily page links the whole abstract to
    the paper's page (``[We present …](https://huggingface.co/papers/ID)``, over as many
    lines as the text); a trending card's abstract is text, kept as it is (id None), and so
    is a line of links such as ``[arXiv Page](https://arxiv.org/abs/ID)``."""
    if joined[:1] == "[" and joined[-1:] == ")":
        found = _WHOLE_LINK.fullmatch(joined)
        if found is not None and is_paper_page(found.group(2)):
            identifier = target_id(found.group(2))
            if identifier is not None:
                return shown(found.group(1).strip()), identifier
    return shown(joined), None


#: A link's target cut before its ``)``, at the end of a text: ``(https://hugging``.
_CUT_TARGET = re.compile(r"\([^()\s]*")
#: A link's close at the end of a text: ``](url)``.
_LINK_CLOSE = re.compile(r"\]\(([^()\s]*)\)\Z")


def closes_paper_link(text: str) -> bool:
    """Whether a line ends with a link's close to a paper's page, ``](https://huggingface.co/
    papers/ID)`` (the id is not checked here): the end of an abstract linked to its paper."""
    if text[-1:] != ")":
        return False
    close = _LINK_CLOSE.search(text)
    return close is not None and is_paper_page(close.group(1))


def broken_abstract(abstract: str) -> tuple[str, str, str | None] | None:
    """Where an abstract that ``abstract_of`` kept as text is the daily page's link to the
    paper with its first or last line lost: the diagnostic, the text without what is left
    of the link, and the paper id of its target; None where it is text.

    ``unclosed-link``: it opens with a ``[`` that no ``]`` closes (its ``…](url)`` line
    lost), or that one closes with a target cut at the end (``](https://hugging``).
    ``unbalanced-bracket``: it ends with ``](url)`` to a paper's page and no ``[``
    is open before it (its ``[…`` line lost)."""
    if abstract[:1] == "[":
        depth = 0
        for index, character in enumerate(abstract):
            if character == "[":
                depth += 1
            elif character == "]":
                depth -= 1
                if depth == 0:
                    # ``… ](https://hugging``: its target cut, the input's or the line's end
                    cut = _CUT_TARGET.fullmatch(abstract, index + 1) is not None
                    return ("unclosed-link", abstract[1:index].strip(), None) if cut else None
        return "unclosed-link", abstract[1:].strip(), None
    if abstract[-1:] != ")":
        return None
    close = _LINK_CLOSE.search(abstract)
    if close is None or not is_paper_page(close.group(1)):
        return None
    identifier = target_id(close.group(1))
    if identifier is None:
        return None
    depth = 0
    for character in abstract[: close.start()]:
        if character == "[":
            depth += 1
        elif character == "]" and depth:
            depth -= 1
    if depth:
        return None  # a link of its own at the end of the text
    return "unbalanced-bracket", abstract[: close.start()].strip(), identifier


def box_count(line: str) -> int:
    """The count of an upvote box or comment count line, ``[22](url)``; ``[-](url)`` is 0."""
    found = BOX_LINE.fullmatch(line)
    if found is None:
        raise ValueError(f"not an upvote box: {line!r}")
    count = found.group(1)
    return 0 if count == "-" else int(count)


def upvote_count(line: str) -> int:
    """The count of an upvote count line, ``22](url)``; ``-](url)`` (no upvote yet) is 0."""
    count = line.split("]", 1)[0]
    return 0 if count == "-" else int(count)
