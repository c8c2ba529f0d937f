"""The ``text-urls`` dialect's line classes, read from a stripped line alone, and its detector."""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Sequence

from ...dates import MAX_AUTHOR_DIGITS, MAX_COUNT_DIGITS, read_date_line
from ...grammar import CARD_LINK as CARD_LINK  # plain_lines' pattern of labels
from ...grammar import CARD_LINK_START as CARD_LINK_START
from ...grammar import PAGE_PHRASES, SEPARATOR, SUBSCRIBE
from ...grammar import is_card_link as is_card_link  # a text line, followed by its URL line
from ...links import PAPER_PAGE, paper_id
from ...markup import balanced, plain
from ..html_text.lines import PUBLISHED
from ..html_text.lines import SUBMITTED_BY as SUBMITTED_BY  # the rules' lead-in


class Kind(enum.Enum):
    URL = "url"
    UPVOTES = "upvote"
    BRACKET = "bracket"
    AUTHORS = "authors"
    SEPARATOR = "separator"
    DATE = "date"
    COUNT = "count"
    HEADER = "header"
    #: A line in brackets (an image's alt text, a button), a markdown link or a damaged
    #: upvote box (``_bracketed``): never a title or an abstract.
    BRACKETED = "bracketed"
    TEXT = "text"


URL, UPVOTES, BRACKET, AUTHORS = Kind.URL, Kind.UPVOTES, Kind.BRACKET, Kind.AUTHORS
SEPARATOR_KIND, DATE, COUNT, HEADER, TEXT = (
    Kind.SEPARATOR, Kind.DATE, Kind.COUNT, Kind.HEADER, Kind.TEXT
)

#: The upvote box: ``[-] 12``, or ``[-] -`` before anyone has voted.
UPVOTE_BOX = "[-] "
#: The second half of the authors link, after a lone ``[``: ``2 authors](url)``.
AUTHORS_LINK = re.compile(rf"([0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?\]\((\S*)\)")
#: A date line may start with ``Published on `` on a trending card, and its lead-in holds
#: ``Submitted by`` (capture 05 shows both; the html-text dialect's words).
MAX_DATE_LEN = len("Sep 30, 2024 ") + 18
#: The upvote button's text where a card shows it after the date (capture 05's trending
#: card): a link written ``[``, ``Upvote``, ``117](url)`` (or ``[Upvote`` on one line).
UPVOTE_LABEL = "Upvote"
UPVOTE_OPEN = "[" + UPVOTE_LABEL
#: The upvote button's last line: its count (``-`` before anyone voted) and its link.
UPVOTE_COUNT_LINK = re.compile(rf"(-|[0-9]{{1,{MAX_COUNT_DIGITS}}})\]\((\S*)\)")
#: Where the header's ``Subscribe`` button leads (02: ``…/login?next=%2Fpapers``).
SUBSCRIBE_LINK = re.compile(r"https?://huggingface\.co/login\b")
#: Where the page date's arrows lead: the day, week or month before or after the page's.
PERIOD_PAGE = re.compile(r"https?://huggingface\.co/papers/(?:date|week|month)/\S+")
#: A title without its upvote box is recognised over at most this many wrapped lines, so
#: that looking for one stays bounded in a long run of glued text.
MAX_TITLE_LINES = 8
_MAX_PHRASE_LEN = max(map(len, PAGE_PHRASES))
#: Lines starting with one of these may be markup rather than text (``_bracketed``).
_MARKUP_START = frozenset("[-*+#!")
DIGITS = frozenset("0123456789")


def classify(line: str) -> Kind:
    """The kind of one stripped line, from its first character where possible."""
    first = line[0]
    if first == "h" and line.startswith(("https://", "http://")) and " " not in line:
        return URL
    if first == "[":
        if line == "[":
            return BRACKET
        if line.startswith(UPVOTE_BOX) and is_count(line[len(UPVOTE_BOX) :], dash=True):
            return UPVOTES
    if first in _MARKUP_START and _bracketed(line):
        return Kind.BRACKETED
    if "0" <= first <= "9":
        if is_count(line):
            return COUNT
        return AUTHORS if AUTHORS_LINK.fullmatch(line) else TEXT
    if line == SEPARATOR:
        return SEPARATOR_KIND
    if len(line) <= MAX_DATE_LEN and "A" <= first <= "S" and read_date_line(line):
        return DATE
    if (
        first == "P"
        and line.startswith(PUBLISHED)
        and len(line) <= len(PUBLISHED) + MAX_DATE_LEN
        and read_date_line(line[len(PUBLISHED) :])
    ):
        return DATE
    if len(line) <= _MAX_PHRASE_LEN and line in PAGE_PHRASES:
        return HEADER
    return TEXT


#: ``classify`` gives TEXT to every line longer than ``PLAIN_LEN`` that starts with none of
#: ``SHAPED_START`` (no URL, bracket, markup, count or authors line; too long for a date or
#: a page phrase): most abstracts, told without the call.
SHAPED_START = frozenset("h[") | _MARKUP_START | DIGITS
PLAIN_LEN = max(len(PUBLISHED) + MAX_DATE_LEN, _MAX_PHRASE_LEN)


def _bracketed(line: str) -> bool:
    """A damaged upvote box (``[-] 9…9`` past 18 digits), a markdown link or image at the
    line's start, maybe after a bullet or heading mark (this export writes every URL on its
    own line; ``**New** results [x](y)`` is text), or a line that reads as nothing but one
    bracket (an image's alt text; not ``[CLS] and [SEP]``, text between two brackets)."""
    if line.startswith("[-]") or ("](" in line and _LINK_START.match(line) is not None):
        return True
    text = plain(line)
    return not text or (text[0] == "[" and text[-1] == "]" and balanced(text[1:-1]))


#: How a line that starts with a markdown link or image starts: ``[``, ``![``, ``- [``,
#: ``### [``.
_LINK_START = re.compile(r"(?:[-*+]\s+|#+\s+)*!?\[")


def date_text(line: str) -> str:
    """A date line's date: without the ``Published on `` that a trending card puts before it."""
    return line[len(PUBLISHED) :] if line.startswith(PUBLISHED) else line


def is_count(text: str, dash: bool = False) -> bool:
    """A count (ASCII digits, at most 18 of them: never too long for ``int``), or ``-``."""
    if dash and text == "-":
        return True
    return len(text) <= MAX_COUNT_DIGITS and text.isascii() and text.isdigit()


# Exact stand-ins for ``classify(text) is KIND`` where the kind's branch comes first.
def is_url(text: str) -> bool:
    return text[0] == "h" and text.startswith(("https://", "http://")) and " " not in text


#: Where an organization's name links: its page on the site (a card link leads elsewhere).
SITE_PAGES = ("https://huggingface.co/", "http://huggingface.co/")


def is_site_url(text: str) -> bool:
    """Whether a URL line leads to a page of the site (an organization's), not elsewhere."""
    return text.startswith(SITE_PAGES)


def is_box(text: str) -> bool:
    return text.startswith(UPVOTE_BOX) and is_count(text[len(UPVOTE_BOX) :], dash=True)


def link_paper_id(url: str) -> str | None:
    """``paper_id(url)``, told without its pattern for the usual paper page
    (``https://huggingface.co/papers/2410.05434``) and for the other links of the page
    (``https://huggingface.co/models``), which name no paper: every ASCII link that
    does holds ``/papers/`` (the site's page, also relative) or ``arxiv.org/``, in any
    case."""
    tail = url[len(PAPER_PAGE) :]
    if (
        url.startswith(PAPER_PAGE)
        and len(tail) in (9, 10)
        and tail[4] == "."
        and tail.isascii()
        and tail[:4].isdigit()
        and tail[5:].isdigit()
    ):
        return tail
    if url.isascii():
        lowered = url.lower()
        if "/papers/" not in lowered and "arxiv.org/" not in lowered:
            return None
    return paper_id(url)


def shows_site_links(head: Sequence[str]) -> bool:
    """Whether two labels are each followed by their URL line to a page of the site (the
    menu's ``Models`` over ``https://huggingface.co/models``): this style's mark on a page
    cut before its first entry, which shows no other (``dialects.detect``)."""
    pairs = 0
    for line, following in itertools.pairwise(head):
        if line and following and not is_url(line) and is_url(following) and is_site_url(following):
            pairs += 1
            if pairs == 2:
                return True
    return False


def detect(head: Sequence[str]) -> bool:
    """An upvote box followed by its URL line, or a lone ``[`` followed by ``N authors](url)``
    or by ``Upvote`` and ``N](url)`` (the upvote button of capture 05's trending card), or
    the header's ``Subscribe`` followed by its login URL line (other tools keep a link on
    one line)."""
    kinds = [classify(line) for line in head]  # each line once: detection runs on every input
    for index in range(len(head) - 1):
        kind = kinds[index]
        following = kinds[index + 1]
        if (kind is UPVOTES and following is URL) or (kind is BRACKET and following is AUTHORS):
            return True
        if (
            kind is BRACKET
            and head[index + 1] == UPVOTE_LABEL
            and index + 2 < len(head)
            and UPVOTE_COUNT_LINK.fullmatch(head[index + 2]) is not None
        ):  # lynx's card writes the same button with a reference: ``117`` then ``][N]``
            return True
        if head[index] == SUBSCRIBE and following is URL and SUBSCRIBE_LINK.match(head[index + 1]):
            return True
    return False
