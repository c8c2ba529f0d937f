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

import enum
import re
from collections.abc import Sequence

import attrs

from ..dates import MAX_COUNT_DIGITS, date_parts, read_date_line, resolve_entry_date, set_page_date
from ..errors import InternalError
from ..grammar import DAILY_PAPERS, PAGE_PHRASES, SEPARATOR, TRENDING_PAPERS
from ..links import extract_links, paper_id, paper_url
from ..markup import join_wrapped, plain
from ..model import Paper
from ..rules.junk import junk
from ..state import Line, ParseState, Rule
from .base import DETECT_LINES, Dialect


class Kind(enum.Enum):
    URL = "url"
    UPVOTES = "upvote"
    BRACKET = "bracket"
    AUTHORS = "authors"
    SEPARATOR = "separator"
    DATE = "date"
    COUNT = "count"
    HEADER = "header"
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
#: The header is looked for this far before the first entry.
_MAX_HEADER_LINES = DETECT_LINES
_TITLE_PHRASES = frozenset({DAILY_PAPERS, TRENDING_PAPERS})


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
        return TEXT
    if "0" <= first <= "9":
        if _is_count(line):
            return COUNT
        return AUTHORS if _AUTHORS.fullmatch(line) else TEXT
    if line == SEPARATOR:
        return SEPARATOR_KIND
    if len(line) <= _MAX_DATE_LEN and "A" <= first <= "S" and read_date_line(line):
        return DATE
    if line in PAGE_PHRASES:
        return HEADER
    return TEXT


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
    """Everything before the first entry, ending with the page date when there is one.

    Navigation menus, the byline split around AK's link, the search query and
    the period switcher vary between captures, so any line is accepted; the
    block must hold ``Daily Papers`` or ``Trending Papers`` to be the header.
    """
    first = state.peek()
    if first is None:
        state.reporter.defect("missing-header", 1, 1, detail="the input is empty")
        return
    count = 0
    date_line: Line | None = None
    while count < _MAX_HEADER_LINES:
        line = state.peek(count)
        if line is None or starts_entry(state, count):
            break
        count += 1
        if line.kind is DATE:
            date_line = line
            break
    lines = [state.peek(ahead) for ahead in range(count)]
    if not any(line is not None and plain(line.text) in _TITLE_PHRASES for line in lines):
        state.reporter.defect("missing-header", first.number, 1)
        return
    for _ in range(count):
        state.advance()
    state.header = tuple(
        plain(line.text)
        for line in lines
        if line is not None and line.kind is not URL and line is not date_line
    )
    state.header_span = (first.number, state.last_line)
    if date_line is not None:
        parts = read_date_line(date_line.text)
        if parts is not None:
            set_page_date(state, date_line.number, parts)
            state.top_page_date = state.page_date


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
    while state.peek_is(ahead + 1, TEXT, glued=True):
        ahead += 1
    url = state.peek(ahead + 1)
    return paper_id(url.text) if url is not None and url.kind is URL else None


def entry(state: ParseState) -> bool:
    if not starts_entry(state):
        return False
    reporter = state.reporter
    first = state.peek()
    if first is None:
        return False
    upvotes: int | None = None
    if first.kind is UPVOTES:
        box = state.advance()
        count = box.text[len(UPVOTE_BOX) :]
        upvotes = 0 if count == "-" else int(count)
        _link(state, box)
        if not state.peek_is(0, TEXT):
            # An upvote box and its link with no title after them: the entry is lost.
            reporter.defect("junk", box.number, 1, end_line=state.last_line,
                            detail="an upvote count without a title")
            return True
    else:
        reporter.defect("missing-upvotes", first.number, 1)
    title_lines = _wrapped(state)
    title = plain(join_wrapped([line.text for line in title_lines]))
    identifier = _paper_link(state, title_lines[-1])
    abstract = ""
    following = state.peek()
    if following is None:
        reporter.defect("truncated-entry", state.last_line, 1, detail="no abstract")
    elif following.kind is TEXT and not _organization_ahead(state, 0):
        abstract_lines = _wrapped(state)
        abstract = join_wrapped([line.text for line in abstract_lines])
        _link(state, abstract_lines[-1])
    else:
        reporter.defect("missing-abstract", following.number, 1)
    paper = Paper(
        title=title,
        abstract=abstract,
        links=extract_links(abstract),
        line=first.number,
        upvotes=upvotes,
        paper_id=identifier,
        url=paper_url(identifier) if identifier else None,
    )
    state.papers.append(_metadata(state, paper))
    return True


def _wrapped(state: ParseState) -> list[Line]:
    """A text line and the text lines glued to it (a hard wrap)."""
    lines = [state.advance()]
    while state.peek_is(0, TEXT, glued=True):
        lines.append(state.advance())
    return lines


def _link(state: ParseState, label: Line) -> str | None:
    """The URL line that belongs to ``label``: consumed, or reported missing."""
    line = state.peek()
    if line is not None and line.kind is URL:
        return state.advance().text
    if line is None:
        state.reporter.defect("truncated-entry", label.number, 1, detail="no link line")
    else:
        state.reporter.defect("missing-link", line.number, 1, detail=f"after line {label.number}")
    return None


def _paper_link(state: ParseState, title: Line) -> str | None:
    url = _link(state, title)
    return paper_id(url) if url is not None else None


def _organization_ahead(state: ParseState, ahead: int) -> bool:
    """A name, its URL line and ``·``: an organization instead of the authors."""
    return (
        state.peek_is(ahead, TEXT)
        and state.peek_is(ahead + 1, URL)
        and state.peek_is(ahead + 2, SEPARATOR_KIND)
    )


def _metadata(state: ParseState, paper: Paper) -> Paper:
    """Authors or organization, ``·``, the date and an optional comment count."""
    reporter = state.reporter
    # Label-less link lines (an organization's avatar link) may come first.
    while state.peek_is(0, URL) and _kind(state, 1) in (URL, TEXT, BRACKET):
        state.advance()
    line = state.peek()
    if line is None:
        reporter.defect("truncated-entry", state.last_line, 1, detail="no metadata")
        return _ended(state, paper)
    author_count: int | None = None
    organization: str | None = None
    if line.kind is BRACKET:
        state.advance()
        author_count = _authors(state, state.peek(), after_bracket=True)
    elif line.kind is AUTHORS:
        author_count = _authors(state, line, after_bracket=False)
    elif line.kind is TEXT and (state.peek_is(1, URL) or state.peek_is(1, SEPARATOR_KIND)):
        name = state.advance()
        organization = plain(name.text)
        _link(state, name)
    elif line.kind is SEPARATOR_KIND or line.kind is DATE:
        reporter.defect("missing-authors", line.number, 1)
    else:
        reporter.defect("truncated-entry", state.last_line, 1, detail="no metadata")
        return _ended(state, paper)
    paper = _with(paper, author_count=author_count, organization=organization)
    separator = state.peek()
    if separator is not None and separator.kind is SEPARATOR_KIND:
        state.advance()
    elif not _missing(state, "missing-separator", separator):
        return _ended(state, paper)
    date_line = state.peek()
    if date_line is not None and date_line.kind is DATE:
        return _ended(state, _dated(state, state.advance(), paper))
    if date_line is not None and date_line.kind is TEXT and not starts_entry(state):
        state.advance()
        reporter.defect("bad-date", date_line.number, 1, detail=repr(date_line.text[:40]))
    else:
        _missing(state, "missing-date", date_line)
    return _ended(state, paper)


def _kind(state: ParseState, ahead: int) -> Kind | None:
    line = state.peek(ahead)
    return line.kind if line is not None else None  # type: ignore[return-value]


def _authors(state: ParseState, line: Line | None, *, after_bracket: bool) -> int | None:
    reporter = state.reporter
    if line is None or line.kind is not AUTHORS:
        where = line.number if line is not None else state.last_line
        reporter.defect("bad-authors", where, 1, detail="expected 'N authors](url)' after '['")
        return None
    state.advance()
    if not after_bracket:
        reporter.defect("bad-authors", line.number, 1, detail="no '[' line before it")
    match = _AUTHORS.fullmatch(line.text)
    if match is None:
        raise InternalError(f"line {line.number} was classified as authors but does not read")
    return int(match.group(1))


def _dated(state: ParseState, line: Line, paper: Paper) -> Paper:
    parts = date_parts(line.text, line.number)
    votes = 0
    if parts.count_text is not None:
        if len(parts.count_text) <= MAX_COUNT_DIGITS:
            votes = int(parts.count_text)
        else:
            state.reporter.defect("bad-votes", line.number, parts.count_column,
                                  detail=f"{len(parts.count_text)} digits")
    elif state.peek_is(0, COUNT):
        count = state.advance()
        votes = int(count.text)
        _link(state, count)
    return _with(
        paper,
        date=resolve_entry_date(state, line.number, parts),
        votes=votes,
        date_text=parts.text,
        year_explicit=parts.year is not None,
    )


_MISSING = {"missing-separator": "no '\u00b7' line", "missing-date": "no date line"}


def _missing(state: ParseState, code: str, found: Line | None) -> bool:
    """Report a missing line; False when the input ended (the entry is truncated)."""
    if found is None:
        state.reporter.defect("truncated-entry", state.last_line, 1, detail=_MISSING[code])
        return False
    state.reporter.defect(code, found.number, 1)
    return True


def _with(paper: Paper, **fields: object) -> Paper:
    return attrs.evolve(paper, **fields)  # type: ignore[arg-type]


def _ended(state: ParseState, paper: Paper) -> Paper:
    return _with(paper, end_line=state.last_line)


RULES: tuple[tuple[str, Rule], ...] = (("entry", entry), ("junk", junk))

TEXT_URLS = Dialect(
    name="text-urls",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=RULES,
)

__all__ = ["TEXT_URLS", "Kind"]
