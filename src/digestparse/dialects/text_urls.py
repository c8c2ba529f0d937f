"""The ``text-urls`` dialect: plain text where every link's URL follows its label on its own line.

A notebook's web-page export (capture 02, docs/format.md#the-text-urls-dialect).
One entry, blank lines left out::

     [-] 1
    https://huggingface.co/login?next=%2Fpapers%2F2410.05434
    Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback
    https://huggingface.co/papers/2410.05434
    While large language models (LLMs) show impressive decision-making abilities, …
    https://huggingface.co/papers/2410.05434
    [
    2 authors](https://huggingface.co/papers/2410.05434)
    ·
    Oct 7, 2024

An organization takes the authors' place as a name followed by its URL (after
a label-less link line); a comment count may follow the date on its own line,
followed by its ``…#community`` URL. Blank lines carry no meaning here.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Sequence

import attrs

from ..dates import (
    MAX_COUNT_DIGITS,
    date_parts,
    read_count,
    read_date_line,
    resolve_entry_date,
)
from ..errors import InternalError
from ..grammar import PAGE_PHRASES, SEPARATOR
from ..links import extract_links, paper_id, paper_url
from ..markup import join_wrapped, plain
from ..model import Paper
from ..rules.junk import junk
from ..state import Line, ParseState, Rule
from .base import Dialect
from .block_header import read_block_header
from .window import read_window


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
_AUTHORS = re.compile(r"([0-9]{1,9}) authors?\]\((\S*)\)")
_MAX_DATE_LEN = len("Sep 30, 2024 ") + 18
_MAX_PHRASE_LEN = max(map(len, PAGE_PHRASES))
#: A title without its upvote box is recognised over at most this many wrapped lines, so
#: that looking for one stays bounded in a long run of glued text.
_MAX_TITLE_LINES = 8
#: Lines starting with one of these may be markup rather than text (``_bracketed``).
_MARKUP_START = frozenset("[-*+#!")
_DIGITS = frozenset("0123456789")


def classify(line: str) -> Kind:
    """The kind of one stripped line, from its first character where possible."""
    first = line[0]
    if first == "h" and line.startswith(("https://", "http://")) and " " not in line:
        return URL
    if first == "[":
        if line == "[":
            return BRACKET
        if line.startswith(UPVOTE_BOX) and _is_count(line[len(UPVOTE_BOX) :], dash=True):
            return UPVOTES
    if first in _MARKUP_START and _bracketed(line):
        return Kind.BRACKETED
    if "0" <= first <= "9":
        if _is_count(line):
            return COUNT
        return AUTHORS if _AUTHORS.fullmatch(line) else TEXT
    if line == SEPARATOR:
        return SEPARATOR_KIND
    if len(line) <= _MAX_DATE_LEN and "A" <= first <= "S" and read_date_line(line):
        return DATE
    if len(line) <= _MAX_PHRASE_LEN and line in PAGE_PHRASES:
        return HEADER
    return TEXT


def _bracketed(line: str) -> bool:
    """A damaged upvote box (``[-] 9…9`` past 18 digits), a markdown link (this export
    writes every URL on its own line), or a line that reads as nothing but a bracket."""
    if line.startswith("[-]") or "](" in line:
        return True
    text = plain(line)
    return not text or (text[0] == "[" and text[-1] == "]")


def _is_count(text: str, dash: bool = False) -> bool:
    """A count (ASCII digits, at most 18 of them: never too long for ``int``), or ``-``."""
    if dash and text == "-":
        return True
    return len(text) <= MAX_COUNT_DIGITS and text.isascii() and text.isdigit()


def detect(head: Sequence[str]) -> bool:
    """An upvote box followed by its URL line, or a lone ``[`` followed by ``N authors](url)``."""
    for index in range(len(head) - 1):
        kind = classify(head[index])
        following = classify(head[index + 1])
        if (kind is UPVOTES and following is URL) or (kind is BRACKET and following is AUTHORS):
            return True
    return False


# -- the header ---------------------------------------------------------------


def read_header(state: ParseState) -> None:
    """The lines before the first entry, ending with the page date (``block_header.py``).

    Navigation menus, the byline split around AK's link, the search query and
    the period switcher vary between captures, so any line is accepted.
    ``Digest.header`` leaves out the URL lines.
    """
    read_block_header(state, starts_entry=starts_entry, date_kind=DATE, header_text=_header_text)


def _header_text(line: Line) -> str | None:
    return None if line.kind is URL else plain(line.text)


# -- entries ----------------------------------------------------------------------


def starts_entry(state: ParseState, ahead: int = 0) -> bool:
    """An upvote box, or a title: a text line whose URL line names a paper."""
    line = state.peek(ahead)
    if line is None:
        return False
    if line.kind is UPVOTES:
        return True
    return line.kind is TEXT and _title_link(state, ahead) is not None


def _title_link(state: ParseState, ahead: int) -> str | None:
    """The paper id in the URL line after the (possibly wrapped) text line at ``ahead``."""
    last = ahead + _MAX_TITLE_LINES - 1
    while ahead < last and state.peek_is(ahead + 1, TEXT, glued=True):
        ahead += 1
    url = state.peek(ahead + 1)
    return paper_id(url.text) if url is not None and url.kind is URL else None


class _Truncated(Exception):
    """The input ended inside an entry (reported once, where the entry starts)."""


def entry(state: ParseState) -> bool:
    first = state.peek()
    if first is None or not starts_entry(state):
        return False
    reporter = state.reporter
    upvotes: int | None = None
    try:
        if first.kind is UPVOTES:
            box = state.advance()
            count = box.text[len(UPVOTE_BOX) :]
            upvotes = 0 if count == "-" else int(count)
            _link(state, box)
            if _next(state, "no title").kind is not TEXT:
                # An upvote box and its link with no title after them: the entry is lost.
                reporter.defect("junk", box.number, 1, end_line=state.last_line,
                                detail="an upvote count without a title")
                return True
        else:
            reporter.defect("missing-upvotes", first.number, 1)
    except _Truncated as truncated:
        reporter.defect("truncated-entry", first.number, 1, end_line=state.last_line,
                        detail=str(truncated))
        return True
    title_lines = _wrapped(state)
    paper = Paper(
        title=plain(join_wrapped([line.text for line in title_lines])),
        abstract="",
        line=first.number,
        upvotes=upvotes,
    )
    fields: dict[str, object] = {}
    try:
        identifier = paper_id(_link(state, title_lines[-1]) or "")
        if identifier is not None:
            fields.update(paper_id=identifier, url=paper_url(identifier))
        following = _next(state, "no abstract")
        if following.kind is TEXT and not _organization_ahead(state, 0):
            abstract_lines = _wrapped(state)
            abstract = join_wrapped([line.text for line in abstract_lines])
            fields.update(abstract=abstract, links=extract_links(abstract))
            _link(state, abstract_lines[-1])
        else:
            reporter.defect("missing-abstract", following.number, 1)
        _metadata(state, fields)
    except _Truncated as truncated:
        reporter.defect("truncated-entry", first.number, 1, end_line=state.last_line,
                        detail=str(truncated))
    state.papers.append(attrs.evolve(paper, end_line=state.last_line, **fields))  # type: ignore[arg-type]
    return True


def _next(state: ParseState, missing: str) -> Line:
    """The next line; the entry is truncated if there is none (``missing`` says what is lost)."""
    line = state.peek()
    if line is None:
        raise _Truncated(missing)
    return line


def _wrapped(state: ParseState) -> list[Line]:
    """A text line and the text lines glued to it (a hard wrap)."""
    lines = [state.advance()]
    while state.peek_is(0, TEXT, glued=True):
        lines.append(state.advance())
    return lines


def _link(state: ParseState, label: Line) -> str | None:
    """The URL line that belongs to ``label``: consumed, or reported missing."""
    line = state.peek()
    if line is None:
        raise _Truncated("no link line")
    if line.kind is URL:
        return state.advance().text
    state.reporter.defect("missing-link", line.number, 1, detail=f"after line {label.number}")
    return None


def _organization_ahead(state: ParseState, ahead: int) -> bool:
    """A name, its URL line and ``·``: an organization instead of the authors."""
    return (
        state.peek_is(ahead, TEXT)
        and state.peek_is(ahead + 1, URL)
        and state.peek_is(ahead + 2, SEPARATOR_KIND)
    )


def _kind(state: ParseState, ahead: int) -> enum.Enum | None:
    line = state.peek(ahead)
    return line.kind if line is not None else None


def _metadata(state: ParseState, fields: dict[str, object]) -> None:
    """Authors or organization, ``·``, the date and an optional comment count, into ``fields``."""
    reporter = state.reporter
    # Label-less link lines (an organization's avatar link) may come first.
    while state.peek_is(0, URL) and _kind(state, 1) in (URL, TEXT, BRACKET, SEPARATOR_KIND):
        state.advance()
    line = _next(state, "no metadata")
    if line.kind is BRACKET:
        state.advance()
        fields["author_count"] = _authors(state, _next(state, "no authors line"), True)
    elif line.kind is AUTHORS:
        fields["author_count"] = _authors(state, line, False)
    elif line.kind is TEXT and _kind(state, 1) in (URL, SEPARATOR_KIND):
        name = state.advance()
        fields["organization"] = plain(name.text)
        _link(state, name)
    elif line.kind is SEPARATOR_KIND or line.kind is DATE:
        reporter.defect("missing-authors", line.number, 1)
    else:
        reporter.defect("missing-authors", line.number, 1, detail="no metadata block")
        return
    separator = _next(state, "no '\u00b7' line")
    if separator.kind is SEPARATOR_KIND:
        state.advance()
    else:
        reporter.defect("missing-separator", separator.number, 1)
    date_line = _next(state, "no date line")
    if date_line.kind is DATE:
        _dated(state, state.advance(), fields)
    elif date_line.kind is TEXT and not starts_entry(state):
        state.advance()
        reporter.defect("bad-date", date_line.number, 1, detail=repr(date_line.text[:40]))
    else:
        reporter.defect("missing-date", date_line.number, 1)


def _authors(state: ParseState, line: Line, after_bracket: bool) -> int | None:
    if line.kind is not AUTHORS:
        state.reporter.defect("bad-authors", line.number, 1,
                              detail="expected 'N authors](url)' after '['")
        return None
    state.advance()
    if not after_bracket:
        state.reporter.defect("bad-authors", line.number, 1, detail="no '[' line before it")
    match = _AUTHORS.fullmatch(line.text)
    if match is None:
        raise InternalError(f"line {line.number} was classified as authors but does not read")
    return int(match.group(1))


def _dated(state: ParseState, line: Line, fields: dict[str, object]) -> None:
    parts = date_parts(line.text, line.number)
    fields.update(
        date=resolve_entry_date(state, line.number, parts),
        votes=0,
        date_text=parts.text,
        year_explicit=parts.year is not None,
    )
    if parts.count_text is not None:
        fields["votes"] = read_count(state, line.number, parts.count_text, parts.count_column)
    elif state.peek_is(0, COUNT):
        count = state.advance()
        fields["votes"] = int(count.text)
        _link(state, count)


# -- the fast path -------------------------------------------------------------------


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next, straight from the list of lines.

    A canonical entry is what ``entry`` reads without reporting anything, with
    at least one blank line before each of its lines (so no hard wraps): the
    same classes, the same helpers, the same papers. At the first line it is
    not sure of it stops, and the rules take over (tests/test_dialect_text_urls.py
    checks that both paths agree).
    """
    limit = state.date_limit
    return read_window(state, lambda raw: lambda index: _canonical_entry(raw, index, limit))


def _after(raw: list[str], index: int) -> tuple[int, str] | None:
    """The first non-blank line from ``index`` on, stripped, if at least one blank line
    comes before it; None when it is glued or there is none."""
    count = len(raw)
    j = index
    while j < count:
        text = raw[j]
        if text and (text[0] not in " \t" or text.strip(" \t")):
            break
        j += 1
    if j == index or j >= count:
        return None
    if text[0] in " \t" or text[-1] in " \t":
        text = text.strip(" \t")
    return j, text


# Exact stand-ins for ``classify(text) is KIND`` where the kind's branch comes first.
def _is_url(text: str) -> bool:
    return text[0] == "h" and text.startswith(("https://", "http://")) and " " not in text


def _is_box(text: str) -> bool:
    return text.startswith(UPVOTE_BOX) and _is_count(text[len(UPVOTE_BOX) :], dash=True)


def _canonical_entry(
    raw: list[str], index: int, limit: datetime.date
) -> tuple[Paper, int] | None:
    box = _after(raw, index)
    if box is None or not _is_box(box[1]):
        return None
    line = _after(raw, box[0] + 1)
    if line is None or not _is_url(line[1]):
        return None
    title = _after(raw, line[0] + 1)
    if title is None or classify(title[1]) is not TEXT:
        return None
    title_url = _after(raw, title[0] + 1)
    if title_url is None or not _is_url(title_url[1]):
        return None
    abstract = _after(raw, title_url[0] + 1)
    if abstract is None or classify(abstract[1]) is not TEXT:
        return None
    line = _after(raw, abstract[0] + 1)
    if line is None or not _is_url(line[1]):
        return None
    line = _after(raw, line[0] + 1)
    if line is None or line[1] == SEPARATOR:
        return None  # an organization where the abstract should be, or a cut entry
    fields: dict[str, object] = {}
    # Label-less link lines, as _metadata skips them.
    while _is_url(line[1]):
        ahead = _after(raw, line[0] + 1)
        if ahead is None or classify(ahead[1]) not in (URL, TEXT, BRACKET, SEPARATOR_KIND):
            return None
        line = ahead
    following = _after(raw, line[0] + 1)
    if following is None:
        return None
    if line[1] == "[":
        match = _AUTHORS.fullmatch(following[1]) if following[1][0] in _DIGITS else None
        if match is None or _is_count(following[1]):
            return None
        fields["author_count"] = int(match.group(1))
    elif classify(line[1]) is TEXT and _is_url(following[1]):
        fields["organization"] = plain(line[1])
    else:
        return None
    separator = _after(raw, following[0] + 1)
    if separator is None or separator[1] != SEPARATOR:
        return None
    date_line = _after(raw, separator[0] + 1)
    if date_line is None:
        return None
    text = date_line[1]
    parts = read_date_line(text) if len(text) <= _MAX_DATE_LEN and "A" <= text[0] <= "S" else None
    if parts is None or (parts.count_text is not None and len(parts.count_text) > MAX_COUNT_DIGITS):
        return None
    try:
        when = datetime.date(
            limit.year if parts.year is None else parts.year, parts.month, parts.day
        )
    except ValueError:
        return None
    if when > limit:
        return None
    end = date_line[0] + 1
    votes = int(parts.count_text) if parts.count_text is not None else 0
    if parts.count_text is None:
        if end < len(raw) and raw[end].strip(" \t"):
            return None  # a line glued under the date: the rules read it whatever it is
        count = _after(raw, end)
        if count is not None and count[1][0] in _DIGITS and _is_count(count[1]):
            link = _after(raw, count[0] + 1)
            if link is None or not _is_url(link[1]):
                return None
            votes = int(count[1])
            end = link[0] + 1
    identifier = paper_id(title_url[1])
    abstract_text = join_wrapped([abstract[1]])
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    upvotes = box[1][len(UPVOTE_BOX) :]
    paper = Paper(
        title=plain(join_wrapped([title[1]])),
        abstract=abstract_text,
        date=when,
        votes=votes,
        links=extract_links(abstract_text),
        line=box[0] + 1,
        end_line=end,
        date_text=parts.text,
        year_explicit=parts.year is not None,
        upvotes=0 if upvotes == "-" else int(upvotes),
        **fields,  # type: ignore[arg-type]
    )
    return paper, end


RULES: tuple[tuple[str, Rule], ...] = (("entry", entry), ("junk", junk))

TEXT_URLS = Dialect(
    name="text-urls",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=RULES,
    fast_path=read_canonical,
)

__all__ = ["TEXT_URLS", "Kind"]
