"""The ``html-text`` dialect: text extracted from a saved page's HTML, links kept as markdown.

Capture 05 (docs/format.md#the-html-text-dialect). One entry, blank lines left
out, ``<img>`` standing for the image placeholder described below::

    [<img>](https://huggingface.co/papers/2609.05415)
    Submitted by
    <img>
    Linzhan
    <a id="source-section-9"></a>
    ### [UniMate: One Unified Model to Animate Diverse Skeletons](https://huggingface.co/papers/…)
    UniMate is a unified diffusion transformer that generates articulated motion …
    [<img> Princeton University](https://huggingface.co/princetonu) · Published on Sep 4, 2026
    [Upvote
    22](https://huggingface.co/login?next=%2Fpapers%2F2609.05415)
    [GitHub 1.54k](https://github.com/Friedrich-M/UniMate) [arXiv Page](https://arxiv.org/abs/…)

The lines before the title (an avatar link to the paper, the Submitted-by
block, the extraction tool's anchor) are the entry's lead-in and belong to
it. The extraction tool writes an image as its alt text in brackets, behind
the word for "image" and a full-width colon (``[图片\uff1a无替代文本]``, "no
alt text"): a bracket with no link after it.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Sequence

import attrs

from ..dates import read_date_line, resolve_entry_date
from ..errors import InternalError
from ..grammar import SEPARATOR
from ..links import extract_links, paper_id, paper_url
from ..markup import join_wrapped, links, plain
from ..model import Paper
from ..rules.junk import junk
from ..state import Line, ParseState, Rule
from .base import Dialect
from .block_header import read_block_header
from .window import read_window


class Kind(enum.Enum):
    ANCHOR = "anchor"
    TITLE = "title"
    SUBMITTED = "submitted-by"
    PLACEHOLDER = "image"
    AVATAR_LINK = "avatar link"
    AVATAR = "avatar"
    DASH = "empty item"
    AUTHORS = "authors"
    META = "date"
    UPVOTE = "upvote"
    UPVOTE_COUNT = "upvote count"
    LINKS = "links"
    DATE = "page date"
    TEXT = "text"


ANCHOR, TITLE, SUBMITTED, PLACEHOLDER = Kind.ANCHOR, Kind.TITLE, Kind.SUBMITTED, Kind.PLACEHOLDER
AVATAR_LINK, AVATAR, DASH, AUTHORS = Kind.AVATAR_LINK, Kind.AVATAR, Kind.DASH, Kind.AUTHORS
META, UPVOTE, UPVOTE_COUNT, LINKS = Kind.META, Kind.UPVOTE, Kind.UPVOTE_COUNT, Kind.LINKS
DATE, TEXT = Kind.DATE, Kind.TEXT

SUBMITTED_BY = "Submitted by"
UPVOTE_OPEN = "[Upvote"
TITLE_MARK = "### "
PUBLISHED = "Published on "
_ANCHOR = re.compile(r'<a id="[^"<>]*"></a>')
#: The extraction tool's image placeholder (module docstring): a bracket with no link after it.
_PLACEHOLDER = re.compile(r"\[[^\[\]]*\](?![(\[])")
_AVATAR_LINK = re.compile(r"\[\[[^\[\]]*\]\]\((\S+)\)")
_AVATAR = re.compile(r"- \[[^\[\]]*\]")
_AUTHORS = re.compile(r"- ([0-9]{1,9}) authors?")
_UPVOTE_COUNT = re.compile(r"([0-9]{1,18})\]\((\S*)\)")
#: A line of links only: ``[GitHub 131](url) [arXiv Page](url)``.
_LINKS = re.compile(r"\[[^\[\]]+\]\(\S+\)(?: \[[^\[\]]+\]\(\S+\))*")
_SEPARATOR = " " + SEPARATOR + " "
#: A title wrapped over more lines than this is taken as unclosed.
_MAX_TITLE_LINES = 4
#: Text after `` · `` this short, starting like a month, is read as a date (or a bad one).
_MAX_DATE_TEXT = 24


def classify(line: str) -> Kind:
    """The kind of one stripped line, from its first character where possible."""
    first = line[0]
    if first == "<":
        return ANCHOR if _ANCHOR.fullmatch(line) else TEXT
    if first == "#":
        return TITLE if line.startswith(TITLE_MARK) else TEXT
    if first == "[":
        if line == UPVOTE_OPEN:
            return UPVOTE
        if line.startswith("[[") and _AVATAR_LINK.fullmatch(line):
            return AVATAR_LINK
        if _PLACEHOLDER.fullmatch(line):
            return PLACEHOLDER
        if SEPARATOR in line and _meta(line) is not None:
            return META
        return LINKS if _LINKS.fullmatch(line) else TEXT
    if first == "-":
        if line == "-":
            return DASH
        if _AUTHORS.fullmatch(line):
            return AUTHORS
        return AVATAR if _AVATAR.fullmatch(line) else TEXT
    if "0" <= first <= "9":
        return UPVOTE_COUNT if _UPVOTE_COUNT.fullmatch(line) else TEXT
    if line == SUBMITTED_BY:
        return SUBMITTED
    if SEPARATOR in line and _meta(line) is not None:
        return META
    if len(line) <= len("Sep 30, 2024") and read_date_line(line) is not None:
        return DATE
    return TEXT


def _meta(line: str) -> tuple[str, str] | None:
    """``(organization, date text)`` of ``Org · Published on Sep 4, 2026`` or ``· Sep 4, 2026``."""
    if line.startswith(SEPARATOR + " "):
        organization, date = "", line[2:]
    else:
        organization, found, date = line.rpartition(_SEPARATOR)
        if not found:
            return None
    if date.startswith(PUBLISHED):
        date = date[len(PUBLISHED) :]
    if not date or not "A" <= date[0] <= "S" or len(date) > _MAX_DATE_TEXT:
        return None
    return organization, date


def detect(head: Sequence[str]) -> bool:
    """``[Upvote`` followed by its ``N](url)`` line, or a Submitted-by block in a listing."""
    submitted = titled = False
    for index, line in enumerate(head):
        if line == UPVOTE_OPEN and index + 1 < len(head):
            if _UPVOTE_COUNT.fullmatch(head[index + 1]):
                return True
        elif line == SUBMITTED_BY:
            submitted = True
        elif line.startswith(TITLE_MARK) and "huggingface.co/papers/" in line:
            titled = True
    return submitted and titled


# -- the header ---------------------------------------------------------------


def read_header(state: ParseState) -> None:
    """The lines before the first entry's lead-in or title (``block_header.py``).

    The extraction keeps anchors, empty list items (the period switcher) and
    a second ``Trending Papers`` tab label, so any line is accepted.
    ``Digest.header`` leaves out the anchors and the image placeholders.
    """
    read_block_header(state, starts_entry=starts_entry, date_kind=DATE, header_text=_header_text)


def _header_text(line: Line) -> str | None:
    return None if line.kind is ANCHOR else plain(_PLACEHOLDER.sub("", line.text))


# -- entries ----------------------------------------------------------------------


def starts_entry(state: ParseState, ahead: int = 0) -> bool:
    """A lead-in (avatar link, Submitted-by block, anchor before a title) or a title."""
    line = state.peek(ahead)
    if line is None:
        return False
    kind = line.kind
    if kind is TITLE or kind is SUBMITTED:
        return True
    if kind is AVATAR_LINK or kind is ANCHOR:
        following = state.peek(ahead + 1)
        return following is not None and following.kind in (TITLE, SUBMITTED, ANCHOR)
    return False


@attrs.frozen(slots=True)
class _LeadIn:
    first: Line | None = None
    submitted_by: str | None = None


def entry(state: ParseState) -> bool:
    if not starts_entry(state):
        return False
    lead_in = _lead_in(state)
    title_line = state.peek()
    if title_line is None or title_line.kind is not TITLE:
        first = lead_in.first
        if first is not None:  # a lead-in with no entry after it
            state.reporter.defect("junk", first.number, 1, end_line=state.last_line,
                                  detail="a lead-in without a title")
        return True
    title, identifier = _title(state)
    paper = Paper(
        title=title,
        abstract="",
        line=(lead_in.first or title_line).number,
        submitted_by=lead_in.submitted_by,
    )
    fields: dict[str, object] = {}
    try:
        abstract_lines: list[str] = []
        while state.peek_is(0, TEXT):
            abstract_lines.append(state.advance().text)
        following = _next(state, "no date line" if abstract_lines else "no abstract")
        if abstract_lines:
            abstract = join_wrapped(abstract_lines)
            fields.update(abstract=abstract, links=extract_links(abstract))
        else:
            state.reporter.defect("missing-abstract", following.number, 1)
        _metadata(state, fields)
        _upvotes(state, fields)
        while state.peek_is(0, LINKS):
            text = state.advance().text
            identifier = identifier or _link_id(text)
    except _Truncated as truncated:
        state.reporter.defect("truncated-entry", paper.line, 1, end_line=state.last_line,
                              detail=str(truncated))
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    state.papers.append(attrs.evolve(paper, end_line=state.last_line, **fields))  # type: ignore[arg-type]
    return True


class _Truncated(Exception):
    """The input ended inside an entry (reported once, where the entry starts)."""


def _next(state: ParseState, missing: str) -> Line:
    """The next line; the entry is truncated if there is none (``missing`` says what is lost)."""
    line = state.peek()
    if line is None:
        raise _Truncated(missing)
    return line


def _link_id(line: str) -> str | None:
    """The paper id of the first paper link (``[arXiv Page](…)``) on a line of links."""
    for _text, url in links(line):
        identifier = paper_id(url)
        if identifier is not None:
            return identifier
    return None


def _lead_in(state: ParseState) -> _LeadIn:
    """The lines before a title that belong to its entry."""
    first: Line | None = None
    submitted_by: str | None = None
    if state.peek_is(0, AVATAR_LINK):
        first = state.advance()
    if state.peek_is(0, SUBMITTED):
        block = state.advance()
        first = first or block
        if state.peek_is(0, PLACEHOLDER):
            state.advance()
        if state.peek_is(0, TEXT):
            submitted_by = plain(state.advance().text)
        else:
            following = state.peek()
            where = following.number if following is not None else block.number
            state.reporter.defect("missing-submitter", where, 1)
    while state.peek_is(0, ANCHOR):
        line = state.advance()
        first = first or line
    return _LeadIn(first, submitted_by)


def _title(state: ParseState) -> tuple[str, str | None]:
    """The title (wrapped lines joined) and the paper id of its link."""
    line = state.advance()
    parts = [line.text[len(TITLE_MARK) :]]
    while "](" not in parts[-1] and len(parts) < _MAX_TITLE_LINES:
        following = state.peek()
        if following is None or following.gap or following.kind not in (TEXT, LINKS):
            break
        parts.append(state.advance().text)
    joined = join_wrapped(parts)
    found = links(joined)
    if not found or not joined.startswith("["):
        state.reporter.defect("missing-link", line.number, len(TITLE_MARK) + 1,
                              detail="a title without its link")
        return plain(joined.removeprefix("[")), None
    text, url = found[0]
    return plain(text), paper_id(url)


def _metadata(state: ParseState, fields: dict[str, object]) -> None:
    """Author avatars and count, or an organization; ``·`` and the date on one line."""
    while state.peek_is(0, DASH) or state.peek_is(0, AVATAR):
        state.advance()
    if state.peek_is(0, AUTHORS):
        line = state.advance()
        fields["author_count"] = int(line.text[2:].split(" ", 1)[0])
    meta = _next(state, "no date line")
    if meta.kind is not META:
        state.reporter.defect("missing-date", meta.number, 1)
        return
    state.advance()
    split = _meta(meta.text)
    if split is None:
        raise InternalError(f"line {meta.number} was classified as a date line but does not read")
    organization_text, date_text = split
    if organization_text:
        fields["organization"] = _organization(organization_text)
    elif "author_count" not in fields:
        state.reporter.defect("missing-authors", meta.number, 1)
    parts = read_date_line(date_text)
    if parts is None or parts.count_text is not None:
        column = len(meta.text) - len(date_text) + 1
        state.reporter.defect("bad-date", meta.number, column, detail=repr(date_text[:40]))
        return
    fields.update(
        date=resolve_entry_date(state, meta.number, parts),
        votes=0,
        date_text=parts.text,
        year_explicit=parts.year is not None,
    )


def _organization(text: str) -> str:
    """``[<img> Name](url)`` read as ``Name``."""
    found = links(text)
    name = found[0][0] if len(found) == 1 and text.startswith("[") else text
    return plain(_PLACEHOLDER.sub("", name))


def _upvotes(state: ParseState, fields: dict[str, object]) -> None:
    """``[Upvote`` and, on the next line, ``N](login url)``."""
    opening = _next(state, "no upvote count")
    if opening.kind is not UPVOTE:
        state.reporter.defect("missing-upvotes", opening.number, 1)
        return
    state.advance()
    count = _next(state, "no upvote count")
    if count.kind is not UPVOTE_COUNT:
        state.reporter.defect("missing-upvotes", count.number, 1,
                              detail="'[Upvote' without its count")
        return
    state.advance()
    fields["upvotes"] = int(count.text.split("]", 1)[0])


# -- the fast path -------------------------------------------------------------------


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next, straight from the list of lines.

    A canonical entry is what ``entry`` reads without reporting anything (blank
    lines do not matter in this dialect), read with the same classes and
    helpers. At the first line it is not sure of it stops, and the rules take
    over (tests/test_dialect_html_text.py checks that both paths agree).
    """
    limit = state.date_limit
    return read_window(state, lambda raw: lambda index: _canonical_entry(raw, index, limit))


def _nonblank(raw: list[str], index: int) -> tuple[int, str, Kind] | None:
    """The first non-blank line from ``index`` on: (index, stripped text, kind), or None."""
    count = len(raw)
    while index < count:
        text = raw[index]
        if text and (text[0] not in " \t" or text.strip(" \t")):
            if text[0] in " \t" or text[-1] in " \t":
                text = text.strip(" \t")
            return index, text, classify(text)
        index += 1
    return None


def _canonical_entry(
    raw: list[str], index: int, limit: datetime.date
) -> tuple[Paper, int] | None:
    line = _nonblank(raw, index)
    if line is None:
        return None
    first = line[0]
    submitted_by: str | None = None
    following = _nonblank(raw, first + 1)
    if (line[2] is AVATAR_LINK or line[2] is ANCHOR) and (
        following is None or following[2] not in (TITLE, SUBMITTED, ANCHOR)
    ):
        return None
    if line[2] is AVATAR_LINK and following is not None:
        line, following = following, _nonblank(raw, following[0] + 1)
    if line is not None and line[2] is SUBMITTED:
        line = following
        if line is not None and line[2] is PLACEHOLDER:
            line = _nonblank(raw, line[0] + 1)
        if line is None or line[2] is not TEXT:
            return None
        submitted_by = plain(line[1])
        line = _nonblank(raw, line[0] + 1)
    while line is not None and line[2] is ANCHOR:
        line = _nonblank(raw, line[0] + 1)
    if line is None or line[2] is not TITLE:
        return None
    heading = line[1][len(TITLE_MARK) :]
    found = links(heading) if "](" in heading and heading.startswith("[") else []
    if not found:
        return None
    title, identifier = plain(found[0][0]), paper_id(found[0][1])
    abstract_lines: list[str] = []
    line = _nonblank(raw, line[0] + 1)
    while line is not None and line[2] is TEXT:
        abstract_lines.append(line[1])
        line = _nonblank(raw, line[0] + 1)
    if not abstract_lines:
        return None
    fields: dict[str, object] = {}
    while line is not None and (line[2] is DASH or line[2] is AVATAR):
        line = _nonblank(raw, line[0] + 1)
    if line is not None and line[2] is AUTHORS:
        fields["author_count"] = int(line[1][2:].split(" ", 1)[0])
        line = _nonblank(raw, line[0] + 1)
    if line is None or line[2] is not META:
        return None
    split = _meta(line[1])
    if split is None:
        return None
    if split[0]:
        fields["organization"] = _organization(split[0])
    elif "author_count" not in fields:
        return None
    parts = read_date_line(split[1])
    if parts is None or parts.count_text is not None:
        return None
    try:
        when = datetime.date(
            limit.year if parts.year is None else parts.year, parts.month, parts.day
        )
    except ValueError:
        return None
    if when > limit:
        return None
    upvote = _nonblank(raw, line[0] + 1)
    count = _nonblank(raw, upvote[0] + 1) if upvote is not None and upvote[2] is UPVOTE else None
    if count is None or count[2] is not UPVOTE_COUNT:
        return None
    end = count[0]
    line = _nonblank(raw, end + 1)
    while line is not None and line[2] is LINKS:
        identifier = identifier or _link_id(line[1])
        end = line[0]
        line = _nonblank(raw, end + 1)
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    abstract = join_wrapped(abstract_lines)
    paper = Paper(
        title=title,
        abstract=abstract,
        date=when,
        votes=0,
        links=extract_links(abstract),
        line=first + 1,
        end_line=end + 1,
        date_text=parts.text,
        year_explicit=parts.year is not None,
        upvotes=int(count[1].split("]", 1)[0]),
        submitted_by=submitted_by,
        **fields,  # type: ignore[arg-type]
    )
    return paper, end + 1


RULES: tuple[tuple[str, Rule], ...] = (("entry", entry), ("junk", junk))

HTML_TEXT = Dialect(
    name="html-text",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=RULES,
    fast_path=read_canonical,
)

__all__ = ["HTML_TEXT", "Kind"]
