"""The markdown dialect's rules: its header, an entry, a repeated header, junk.

An entry (docs/format.md, "The markdown dialect"):

    [upvotes]  ### title  abstract  [metadata]

where the metadata is either the listing's block (authors or organization,
``·``, date) or the trending page's (``- N authors``, ``[LINK: …](url)`` lines).
Blank lines carry no meaning except that a hard-wrapped title or abstract
goes on over the lines glued to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import attrs

from ... import lines as lines_module
from ...dates import DateLine, read_count, resolve_entry_date, set_page_date
from ...errors import InternalError
from ...grammar import (
    BYLINE,
    BYLINE_SPACED,
    DOCUMENT_TITLES,
    MONTH_NUMBER,
    SEPARATOR,
    cannot_be_title,
    is_period_label,
    opens_page_end,
)
from ...links import paper_id, paper_url
from ...markup import join_wrapped, plain
from ...rules.junk import report_junk, report_titleless
from ...rules.page_end import starts_page_end
from ...state import BLANKS, Line, ParseState, stripped_line
from ..bounded import FieldLines
from ..html_text.lines import SUBMITTED_BY
from .fields import (
    Metadata,
    author_count_of,
    entry_paper,
    linked_abstract,
    organization_of,
    plain_abstract,
    title_of,
    upvote_count,
)
from .lines import (
    ARROW,
    AUTHORS_TAIL,
    BARE_AUTHORS,
    DATE,
    DATED,
    LINKED_AUTHORS,
    LINKED_AVATAR,
    LIST_LINK_CLOSE,
    LIST_LINK_OPEN,
    METADATA_KINDS,
    SPLIT_COUNT,
    SPLIT_COUNT_TAIL,
    UNDERLINE,
    UPVOTE_WORD,
    Kind,
    arrowed_date,
    arrowed_period,
    before_separator,
    box_glued_to_date,
    classify,
    closes_link,
    closes_organization,
    comments_link,
    date_parts,
    glued_after_title,
    is_menu_paragraph,
    is_organization_link,
    is_page_phrase,
    is_plain_title,
    link_parts,
    link_url,
    opens_trending,
    starts_own_field,
    thumbnail_id,
    without_closing_hashes,
)

#: A header holds at most this many lines (the captures' have a few): the rest of a longer
#: run of header lines is a repeated header, read without being held.
_MAX_HEADER_LINES = 200
#: A search query longer than this is no query (the site's search box takes a line).
_MAX_QUERY = 200
_BYLINES = frozenset({BYLINE, BYLINE_SPACED})
#: The kinds of an abstract's first line: the listing's linked one, the trending page's.
_ABSTRACT_KINDS = (Kind.LINK_TEXT, Kind.TEXT)
#: How an entry's ``[LINK: GitHub 11.3k](url)`` line starts, also cut after its first word.
_LINK_LINE_START = "[LINK"
#: Lines that start an entry or a header: a run of junk stops before them.
_STARTS = frozenset({Kind.TITLE, Kind.UPVOTES, Kind.HEADER})
#: ``ParseState.memo`` key: an entry of this page has shown its upvote box, so an entry
#: without one lost it (the trending page shows none: no entry sets it there).
BOXES_SHOWN = "markdown: upvote boxes over the titles"
#: ``ParseState.memo`` key: an entry of this page has been read. The page's first entry, where
#: it shows no box, looks at the next entry's (``_next_title_boxed``); the fast path keeps
#: such an entry only where it reads the next one without a box, and leaves it to the rules
#: otherwise.
ENTRY_READ = "markdown: the page's first entry read"
#: ``ParseState.memo`` key: an entry of this page has shown its listing block's date, so an
#: entry that the input's end cuts after its abstract lost its block (the trending page's
#: cards may show none: none of them sets it there).
DATES_SHOWN = "markdown: listing blocks with their dates"


# -- header ---------------------------------------------------------------


def read_header(state: ParseState) -> None:
    """The page's header lines (any of its phrases, as captured) and the page date after them."""
    first = state.peek()
    if first is None:
        state.reporter.defect(
            "missing-header", state.wrapper_end + 1, 1, detail="the input is empty"
        )
        return
    menu = _menu_lines(state)
    state.advance_by(menu)
    lines: list[Line] = []
    held = 0  # characters: a header holds at most MAX_LINE (a longer one goes on as repeated)
    query = False  # one query at most, under the byline: another stray line is junk
    while (line := state.peek()) is not None:
        if lines and (_is_underline(line) or _is_blank_link(line)):
            state.advance()  # in the header's span, no header line of its own
            continue
        wrapped = _wrapped_phrase(state, line)
        if not (
            line.kind is Kind.HEADER
            or wrapped
            or (lines and _is_icon_phrase(line))
            or (not query and _under_byline(lines) and _is_query(state, line))
        ):
            break
        query = query or not (wrapped or line.kind is Kind.HEADER)
        held += len(line.text)
        if lines and (held > lines_module.MAX_LINE or len(lines) >= _MAX_HEADER_LINES):
            break
        if wrapped:
            parts = [state.advance() for _ in range(wrapped)]
            text = join_wrapped([part.text for part in parts], broken_cjk=False)
            lines.append(Line(Kind.HEADER, text, line.number, line.gap))
        else:
            lines.append(state.advance())
    if not lines:
        state.reporter.defect("missing-header", first.number, 1)
        return
    labelled = _is_period(state.peek())
    if labelled:
        lines.append(state.advance())
    elif (period := _arrowed_period(state)) is not None:
        start = state.advance()
        state.advance_by(period[0] - 1)
        lines.append(Line(Kind.TEXT, period[1], start.number, start.gap))
        labelled = True
    state.header = tuple(plain(without_closing_hashes(line.text), escapes=True) for line in lines)
    if state.peek_is(0, Kind.DATE):
        date_line = state.advance()
        set_page_date(state, date_line.number, _date(date_line), indent=date_line.indent)
        state.top_page_date = state.page_date
    elif _read_arrowed_date(state) is not None:
        state.top_page_date = state.page_date
    if labelled or state.page_date is not None:
        while (line := state.peek()) is not None and _is_blank_link(line):
            state.advance()  # the arrow to the next day, week or month
    state.header_span = (first.number if menu else lines[0].number, state.last_line)


_Found = TypeVar("_Found")

#: A page date with its arrows is no longer (an arrow's icon may be an SVG written as a
#: ``data:`` URI of some hundred characters).
_MAX_ARROWED = 4096
#: The kinds of a page date's line with its arrows: an arrow first (its icon maybe an image,
#: ``[![](…)](…)``), or the date.
_ARROWED_KINDS = (Kind.LINK_TEXT, Kind.ORGANIZATION, Kind.TEXT)


def _arrowed_date(state: ParseState) -> tuple[int, int, DateLine, int] | None:
    """The page date with its arrows on its line (``lines.arrowed_date``), maybe hard-wrapped over
    the lines glued to it: how many lines it takes, its line, its parts and its column - 1;
    None, with nothing consumed, where the next lines are not one."""
    found = _arrowed(state, arrowed_date)
    if found is None:
        return None
    size, (parts, start) = found
    first = state.peek()
    if first is None:
        raise InternalError("an arrowed date was read from no line")
    return size, first.number, parts, first.indent + start


def _arrowed_period(state: ParseState) -> tuple[int, str] | None:
    """A week or month view's period with its arrows on its line (``lines.arrowed_period``), maybe
    hard-wrapped: how many lines it takes and the period."""
    return _arrowed(state, arrowed_period)


def _arrowed(state: ParseState, read: Callable[[str], _Found | None]) -> tuple[int, _Found] | None:
    """What ``read`` finds in the next line, or in it and up to two lines glued to it joined
    as a hard wrap: how many lines it takes, and that; None, with nothing consumed."""
    first = state.peek()
    if first is None or first.kind not in _ARROWED_KINDS or len(first.text) > _MAX_ARROWED:
        return None
    texts = [first.text]
    for size in range(1, _MAX_WRAPPED + 1):
        found = read(join_wrapped(texts, broken_cjk=False))
        if found is not None:
            return size, found
        following = state.peek(size)
        if following is None or following.gap:
            return None
        texts.append(following.text)
    return None


def _read_arrowed_date(state: ParseState) -> DateLine | None:
    """Read the header's page date with its arrows on its line (``_arrowed_date``)."""
    arrowed = _arrowed_date(state)
    if arrowed is None:
        return None
    size, number, parts, indent = arrowed
    state.advance_by(size)
    set_page_date(state, number, parts, indent=indent)
    return parts


#: The site's menu is looked for over at most this many lines before the header (the
#: site's has a dozen items).
_MAX_MENU_LINES = 60
#: The kinds of a menu's lines: its links (``[Log In](…)``, the logo's ``[![…](…)Hugging
#: Face](…)``), list items and wrapped parts of them. Not an upvote box (``[12](…/login?
#: next=%2Fpapers%2FID)``) or a ``[LINK: …](…)`` line: those are an entry's.
_MENU_KINDS = (Kind.TEXT, Kind.LINK_TEXT, Kind.ORGANIZATION)


def _menu_lines(state: ParseState) -> int:
    """How many lines the site's menu takes before the page's header: paragraphs that are
    links to the site's pages only (``is_menu_paragraph``), maybe the document's title
    (``Daily Papers - Hugging Face``), with a header line right after them. 0 when the
    capture does not start so (the header's absence is then reported)."""
    count = 0
    held = 0  # characters: bounded by MAX_LINE, as the header is
    while count < _MAX_MENU_LINES:
        line = state.peek(count)
        if line is None or held > lines_module.MAX_LINE:
            return 0
        if line.kind is Kind.HEADER or _wrapped_phrase(state, line):
            return count
        if line.text.lstrip("# ") in DOCUMENT_TITLES:  # markdownify writes ``<title>`` first
            count += 1
            continue
        size = 1
        while (
            (glued := state.peek(count + size)) is not None
            and glued.gap == 0
            and glued.kind is not Kind.HEADER  # html2text's single_line_break: no blank line
        ):
            size += 1
            if count + size > _MAX_MENU_LINES:
                return 0  # no menu: and its lines are not held (a stream's memory is bounded)
        paragraph = [state.peek(count + i) for i in range(size)]
        if any(part is None or part.kind not in _MENU_KINDS for part in paragraph):
            return 0  # an entry's line (its box, its repository link) is no menu item
        text = "\n".join(part.text for part in paragraph if part is not None)
        held += len(text)
        if not is_menu_paragraph(text):
            return 0
        count += size
    return 0


#: A header line hard-wrapped (html2text wraps at 78 columns) goes on over at most this many
#: lines.
_MAX_WRAPPED = 3


def _wrapped_phrase(state: ParseState, line: Line) -> int:
    """How many lines, from ``line`` on and glued to it, are one page phrase once joined as a
    hard wrap (a byline wrapped inside its image's URL); 0 when they are none."""
    if line.kind is not Kind.TEXT or len(line.text) > _MAX_QUERY:
        return 0
    texts = [line.text]
    for ahead in range(1, _MAX_WRAPPED):
        following = state.peek(ahead)
        if following is None or following.gap:
            return 0
        texts.append(following.text)
        if is_page_phrase(join_wrapped(texts, broken_cjk=False)):
            return ahead + 1
    return 0


#: The kinds of a link with no text: its icon, where kept, is an image first in the link's
#: text (``[![](…)](…)``), which the tokenizer takes for an organization's logo.
_ICON_LINK_KINDS = (Kind.LINK_TEXT, Kind.ORGANIZATION)


def _is_blank_link(line: Line) -> bool:
    """Whether ``line`` is a link with no text (``[](url)``): the arrows around the page
    date, as html2text and turndown write an icon link; with its icon as an image
    (``[![](data:…)](…)``: html-to-markdown) only where it links a day, week or month
    (``ARROW``), as a logo's link is an image too. Not one to a paper's page (a thumbnail
    with its image left out): no arrow links a paper."""
    if line.kind is Kind.ORGANIZATION:
        return len(line.text) <= _MAX_ARROWED and ARROW.fullmatch(line.text) is not None
    if (
        line.kind is not Kind.LINK_TEXT
        or len(line.text) > _MAX_QUERY
        or plain(line.text, escapes=True)
    ):
        return False
    parts = link_parts(line.text)
    return parts is None or paper_id(parts[1]) is None


def _is_icon_phrase(line: Line) -> bool:
    """Whether ``line`` is a link to a page phrase with its icon in the text
    (``[![](data:…)Trending Papers](…/papers/trending)``: html-to-markdown writes an inline
    SVG icon as a ``data:`` URI), which the tokenizer takes for an organization's logo."""
    return (
        line.kind is Kind.ORGANIZATION
        and len(line.text) <= _MAX_ARROWED
        and is_page_phrase(plain(line.text, escapes=True))
    )


def _is_underline(line: Line) -> bool:
    """Whether ``line`` is a setext heading's underline: glued under a header line."""
    return (
        line.gap == 0 and line.kind is Kind.TEXT and UNDERLINE.fullmatch(line.text) is not None
    )


def _is_period(line: Line | None) -> bool:
    """Whether ``line``, right after the header, is a week or month view's period, shown
    where the daily page shows its date."""
    return (
        line is not None
        and line.kind is Kind.TEXT
        and is_period_label(line.text)
    )


def _under_byline(lines: list[Line]) -> bool:
    """Whether the header's ``lines`` so far hold the byline, under which search pages show
    their query (a text line before it is a stray line, reported as junk)."""
    return any(plain(without_closing_hashes(line.text), escapes=True) in _BYLINES for line in lines)


def _is_query(state: ParseState, line: Line) -> bool:
    """Whether ``line``, met inside the header, is a search page's query: one short text line
    with more of the header (a header line or the page date) right after it."""
    return (
        line.kind is Kind.TEXT
        and len(line.text) <= _MAX_QUERY
        and (state.peek_is(1, Kind.HEADER) or state.peek_is(1, Kind.DATE))
    )


def repeated_header(state: ParseState) -> bool:
    """Header lines between entries (two captures joined); a page date after them counts."""
    first = state.peek()
    if first is None or first.kind is not Kind.HEADER:
        return False
    # Another capture's page follows: whether its entries show boxes is its own.
    state.memo.pop(BOXES_SHOWN, None)
    state.memo.pop(ENTRY_READ, None)
    if READ_RAW and _raw_header(state, first):
        return True
    first = last = state.advance()
    while (line := state.peek()) is not None:
        wrapped = _wrapped_phrase(state, line)  # a byline hard-wrapped, as in the first
        if not (
            line.kind is Kind.HEADER
            or wrapped
            or _is_icon_phrase(line)
            or _is_query(state, line)
            or _is_blank_link(line)
            or _is_underline(line)
        ):
            break
        for _ in range(max(wrapped, 1)):
            last = state.advance()
    labelled = _is_period(state.peek())
    if labelled:
        last = state.advance()
    elif (period := _arrowed_period(state)) is not None:
        for _ in range(period[0]):
            last = state.advance()
        labelled = True
    date_line = state.advance() if state.peek_is(0, Kind.DATE) else None
    arrowed = _arrowed_date(state) if date_line is None else None
    if arrowed is not None:
        state.advance_by(arrowed[0])
    end = last.number if date_line is None and arrowed is None else state.last_line
    if labelled or date_line is not None or arrowed is not None:
        while (line := state.peek()) is not None and _is_blank_link(line):
            end = state.advance().number  # the arrow to the next day, week or month
    state.reporter.defect("repeated-header", first.number, 1, end_line=end, gap=first.gap)
    if date_line is not None:
        set_page_date(state, date_line.number, _date(date_line), indent=date_line.indent)
    elif arrowed is not None:
        _, number, parts, indent = arrowed
        set_page_date(state, number, parts, indent=indent)
    return True


#: Whether ``repeated_header`` reads a header's lines straight from the state's window
#: (tests turn it off to compare with reading them through the state).
READ_RAW = True
#: The classes of short lines met in and after repeated headers: the same page's header
#: comes back with every copy.
_KNOWN: dict[str, Kind] = {}
_KNOWN_LEN = 200
_KNOWN_MAX = 4096


def _raw_header(state: ParseState, first: Line) -> bool:
    """``repeated_header`` from ``first`` on, with the lines read from the state's window as
    the state would read them (this dialect strips them and reports nothing about white
    space); False, with nothing consumed or reported, where the run of header lines, or the
    line after it, is not in the window up to ``raw_end`` (the state then reads on).

    A copy of the page brings its header every time: reading it through the state builds a
    ``Line`` and looks ahead twice for each of its lines.
    """
    raw = state.raw_lines
    if raw is None or first.defects or not state.rewindable:
        return False
    base = state.raw_base
    count = state.raw_end()[0]
    i = first.number - base  # raw[i] is the line after ``first``
    last = first.number
    gap = 0
    kinds = _KNOWN
    while True:
        if i >= count:
            return False
        text = raw[i].strip(BLANKS)
        i += 1
        if not text:
            gap += 1
            continue
        kind = kinds.get(text)
        if kind is None:
            kind = classify(text)
            if len(text) <= _KNOWN_LEN and len(kinds) < _KNOWN_MAX:
                kinds[text] = kind
        if kind is Kind.TEXT or kind is Kind.LINK_TEXT or kind is Kind.ORGANIZATION:
            # Maybe a search query, a period, an arrow link or the page date between its
            # arrows (``[![](icon)](…)Nov 26``): the state reads on.
            return False
        if kind is not Kind.HEADER:
            break
        last = base + i
        gap = 0
    if kind is Kind.DATE and _arrow_after(raw, i, count):
        return False
    date_line = stripped_line(kind, text, base + i, gap, raw[i - 1]) if kind is Kind.DATE else None
    end = date_line.number if date_line is not None else last
    state.rewind()
    state.skip_to(end)
    state.reporter.defect("repeated-header", first.number, 1, end_line=end, gap=first.gap)
    if date_line is not None:
        set_page_date(state, date_line.number, _date(date_line), indent=date_line.indent)
    return True


def _arrow_after(raw: list[str], i: int, count: int) -> bool:
    """Whether the next non-blank line from ``raw[i]`` on may be an arrow link (``[](url)``,
    ``[![](icon)](url)``) after a repeated header's page date, or is not in the window: the
    state reads it."""
    while i < count:
        text = raw[i].strip(BLANKS)
        if text:
            if not text.startswith("["):
                return False
            kind = _KNOWN.get(text)  # the next copy's first upvote line, as a rule
            if kind is None:
                kind = classify(text)
                if len(text) <= _KNOWN_LEN and len(_KNOWN) < _KNOWN_MAX:
                    _KNOWN[text] = kind
            return kind in _ICON_LINK_KINDS
        i += 1
    return True


# -- junk -----------------------------------------------------------------


def junk(state: ParseState) -> bool:
    """A line that fits nowhere, with the lines glued to it up to the next entry or header."""
    first = last = state.advance()
    while (line := state.peek()) is not None and line.gap == 0 and line.kind not in _STARTS:
        last = state.advance()
    report_junk(state, first, last)
    return True


# -- entry ----------------------------------------------------------------


def entry(state: ParseState) -> bool:
    first = state.peek()
    if first is None:
        return False
    thumbnail = 0
    shown: str | None = None  # the paper id the thumbnail links
    if first.kind is Kind.ORGANIZATION or first.text.startswith(_EMPTY_LINK):
        found = _thumbnail(state)
        if found is None:
            return False
        thumbnail, shown = found
        state.advance_by(thumbnail)
    submitter: str | None = None
    if (lead_first := state.peek()) is not None and lead_first.text == SUBMITTED_BY:
        lead = _lead_in(state)
        if lead is None:
            if thumbnail:
                raise InternalError(f"line {first.number}: a thumbnail's lead-in was checked")
            return False
        state.advance_by(lead[0])
        submitter = lead[1]
    start = state.peek()
    if start is None:
        raise InternalError(f"line {first.number}: a lead-in with no entry after it")
    upvotes: int | None = None
    if start.kind is Kind.UPVOTES:
        if not state.peek_is(1, Kind.TITLE):
            return False
        upvotes = _upvotes(state.advance())
    elif start.kind is Kind.LINK_TEXT and start.text in _BOX_OPENS:
        box = _split_box(state)
        if box is None:
            return False
        state.advance_by(box[0])
        upvotes = box[1]
    elif start.kind is not Kind.TITLE:
        return False
    if upvotes is not None:
        state.memo[BOXES_SHOWN] = True
    elif BOXES_SHOWN in state.memo or (
        ENTRY_READ not in state.memo and _next_title_boxed(state)
    ):
        # A listing page shows a box over every title (``[-](…)`` before any vote).
        state.reporter.defect("missing-upvotes", start.number, 1)
    state.memo[ENTRY_READ] = True
    title_line = state.advance()
    glued = _glued_line(state, title_line)
    if glued is None:
        title, title_url = _read_title(state, title_line)
    else:
        title, title_url, _ = title_of([title_line.text[: glued.indent - title_line.indent]])
    if not title:
        report_titleless(state, first)
        return True
    following = glued if glued is not None else state.peek()
    if following is None:
        state.reporter.defect(
            "truncated-entry", first.number, 1, end_line=state.last_line, detail="a title alone"
        )
        return True
    abstract, abstract_url = _read_abstract(
        state, following, is_plain_title(title_line.text), glued=glued is not None
    )
    metadata = _read_metadata(state, paper_id(title_url) if title_url else None)
    paper = entry_paper(
        title, title_url, abstract, abstract_url, metadata, upvotes,
        first.number, state.last_line,
    )
    if submitter is not None:
        paper = attrs.evolve(paper, submitted_by=submitter)
    if paper.paper_id is None and shown is not None:  # a plain title: the thumbnail tells
        paper = attrs.evolve(paper, paper_id=shown, url=paper_url(shown))
    state.papers.append(paper)
    return True


#: A submitter's name is one short line.
_MAX_NAME = 100


#: How a link with no text starts (a thumbnail without its image, an arrow).
_EMPTY_LINK = "[]("


def _thumbnail(state: ParseState) -> tuple[int, str] | None:
    """How many lines the paper's thumbnail takes (``THUMBNAIL``, maybe hard-wrapped over the
    lines glued to it) and the paper id it links, where an entry follows it
    (``_entry_title``) whose title links the same paper or none; None where the lines are
    not that."""
    first = state.peek()
    if first is None or len(first.text) > _MAX_QUERY:
        return None
    texts = [first.text]
    size = 1
    while (identifier := thumbnail_id(join_wrapped(texts, broken_cjk=False))) is None:
        following = state.peek(size)
        if size == _MAX_WRAPPED or following is None or following.gap:
            return None
        texts.append(following.text)
        size += 1
    title = _entry_title(state, size)
    if title is None or _title_id(state, title) not in (None, identifier):
        # Another paper's thumbnail: what is left of a damaged entry, not this one's.
        return None
    return size, identifier


def _entry_title(state: ParseState, at: int) -> int | None:
    """Where the title is of the entry that starts at line ``at`` (its title, its upvote line
    and title, a split box and title, or a submitter's lead-in before one of those); None
    where no entry starts there."""
    after = state.peek(at)
    if after is None:
        return None
    if after.kind is Kind.TITLE:
        return at
    if after.kind is Kind.UPVOTES:
        return at + 1 if state.peek_is(at + 1, Kind.TITLE) else None
    if after.text in _BOX_OPENS:
        box = _split_box(state, at)
        return at + box[0] if box is not None else None
    if after.text == SUBMITTED_BY:
        lead = _lead_in(state, at)
        if lead is None:
            return None
        title = at + lead[0]
        return title + 1 if state.peek_is(title, Kind.UPVOTES) else title
    return None


#: How far the page's first entry without a box looks for the next entry's title.
_NEXT_TITLE_LINES = 100


def _next_title_boxed(state: ParseState) -> bool:
    """Whether the next entry after the title at the state's line (the page's first entry,
    without a box) starts with an upvote box: then this entry lost its own. A page shows a
    box over every title or over none (the trending page)."""
    for ahead in range(1, _NEXT_TITLE_LINES):
        line = state.peek(ahead)
        if line is None or line.kind is Kind.HEADER or line.kind is Kind.TITLE:
            return False
        if (line.kind is Kind.UPVOTES or line.text in _BOX_OPENS) and _entry_title(
            state, ahead
        ) is not None:
            return True
    return False


def _title_id(state: ParseState, at: int) -> str | None:
    """The paper id of the title line ``at`` links (hard-wrapped over at most
    ``_MAX_WRAPPED`` lines glued to it); None where it links none, or not that soon."""
    line = state.peek(at)
    if line is None:
        return None
    texts = [line.text]
    while not is_plain_title(texts[0]) and not closes_link(texts[-1]):
        following = state.peek(at + len(texts))
        if len(texts) == _MAX_WRAPPED or following is None or following.gap:
            return None
        texts.append(following.text)
    url = title_of(texts)[1]
    return paper_id(url) if url else None


def _lead_in(state: ParseState, at: int = 0) -> tuple[int, str] | None:
    """A trending card's lead-in (capture 05), from the line ``at`` on: ``Submitted by``,
    maybe the submitter's avatar (``![](url)``), the name, then the entry's title or upvote
    line and title: (how many lines it has, the name); None when the lines are not that."""
    ahead = at + 1
    name = state.peek(ahead)
    if name is not None and name.text.startswith("![") and not plain(name.text, escapes=True):
        ahead += 1
        name = state.peek(ahead)
    if name is None or name.kind is not Kind.TEXT or len(name.text) > _MAX_NAME:
        return None
    after = state.peek(ahead + 1)
    if after is None or not (
        after.kind is Kind.TITLE
        or (after.kind is Kind.UPVOTES and state.peek_is(ahead + 2, Kind.TITLE))
    ):
        return None
    return ahead + 1 - at, plain(name.text, escapes=True)


#: The first line of an upvote box written over several lines.
_BOX_OPENS = (LIST_LINK_OPEN, "[" + UPVOTE_WORD)


def _split_box(state: ParseState, at: int = 0) -> tuple[int, int] | None:
    """An upvote box written around its blocks, from the line ``at`` on: ``[`` alone, maybe
    ``Upvote``, the count (``-`` or digits), ``](url)`` (turndown), or ``[Upvote`` then
    ``N](url)`` (markdownify, and capture 05), with a title after it: (how many lines it
    has, its count); None when the lines are not that."""
    line = state.peek(at + 1)
    if line is None:
        return None
    first = state.peek(at)
    if first is not None and first.text != LIST_LINK_OPEN:  # ``[Upvote``, then ``N](url)``
        tail = SPLIT_COUNT_TAIL.fullmatch(line.text)
        if tail is None or not state.peek_is(at + 2, Kind.TITLE):
            return None
        return 2, 0 if tail.group(1).endswith("-") else int(tail.group(1))
    ahead = at + 1
    if line.text == UPVOTE_WORD:
        ahead += 1
        line = state.peek(ahead)
    if line is None or SPLIT_COUNT.fullmatch(line.text) is None:
        return None
    close = state.peek(ahead + 1)
    if close is None or LIST_LINK_CLOSE.fullmatch(close.text) is None:
        return None
    if not state.peek_is(ahead + 2, Kind.TITLE):
        return None
    return ahead + 2 - at, 0 if line.text.endswith("-") else int(line.text)


#: At most this many paragraphs make an abstract written around its blocks.
_MAX_SPLIT_LINES = 64


def _split_abstract(state: ParseState) -> tuple[str, str | None] | None:
    """An abstract written around its blocks: ``[`` alone, its text (hard-wrapped, maybe in
    paragraphs), ``](url)``; None when no ``](url)`` line closes it before a line of another
    kind (then it is read as a link left open)."""
    ahead = 1
    while (line := state.peek(ahead)) is not None and ahead <= _MAX_SPLIT_LINES:
        if LIST_LINK_CLOSE.fullmatch(line.text) is not None:
            break
        if line.kind is not Kind.TEXT:
            return None
        ahead += 1
    else:
        return None
    lines = FieldLines(state.advance())
    for _ in range(ahead):
        lines.add(state.advance())
    lines.report(state)
    abstract, url, _ = linked_abstract(lines.texts)
    return abstract, url


def _upvotes(line: Line) -> int:
    count = upvote_count(line.text)
    if count is None:
        raise InternalError(f"line {line.number} was classified as upvotes")
    return count


def _read_title(state: ParseState, line: Line) -> tuple[str, str | None]:
    """The title and its link target: ``### [Title](url)`` or ``### Title``, hard-wrapped over
    the lines glued to it (a linked title up to its link's close, no further)."""
    lines = FieldLines(line)
    if is_plain_title(line.text):
        while state.peek_is(0, Kind.TEXT, glued=True) or _indented_title_word(state):
            lines.add(state.advance())
    elif not closes_link(without_closing_hashes(line.text)):
        _take_until_closed(state, lines)
    lines.report(state)
    title, url, closed = title_of(lines.texts)
    _check_closed(state, lines, closed, line, 5, "title")
    return title, url


def _indented_title_word(state: ParseState) -> bool:
    """A plain title's wrapped line that reads as a header phrase or a date (``Daily``,
    ``May 29``): glued to it and indented, as an agent's fetch indents a wrapped title's
    later lines (04:132); the page's own lines are never indented."""
    following = state.peek()
    return (
        following is not None
        and following.gap == 0
        and following.indent > 0
        and (following.kind is Kind.HEADER or following.kind is Kind.DATE)
    )


def _take_until_closed(
    state: ParseState,
    lines: FieldLines,
    closes: Callable[[str], bool] = closes_link,
    kinds: tuple[Kind, ...] | None = None,
) -> None:
    """Glued lines (of ``kinds`` only, when given) up to the one that closes the link opened
    on the field's first line; never a line of a field of its own (``starts_own_field``: a
    field whose close was cut would take it; it is ``unclosed-link``)."""
    while (line := state.peek()) is not None and line.gap == 0:
        if kinds is not None and line.kind not in kinds:
            return
        if line.kind is not Kind.TEXT and starts_own_field(line.kind, line.text):
            return
        lines.add(state.advance())
        if closes(line.text):
            return


def _check_closed(
    state: ParseState, lines: FieldLines, closed: bool, first: Line, column: int, field: str
) -> None:
    """``unclosed-link`` (at ``column`` of ``first``, the field's first line) where its link
    is not closed; not where the field was cut short (field-too-long) and ends with a line
    that closes a link: the link was closed, in a part not read (its target lost with it)."""
    if not closed and not (lines.dropped != 0 and closes_link(lines.last.text)):
        state.reporter.defect(
            "unclosed-link", first.number, first.column(column), end_line=lines.last.number,
            detail=f"the {field}'s link has no '](url)'",
        )


def _bracketed_text(line: Line) -> bool:
    """Whether ``line``, which starts with ``[``, is text of a plain abstract (``[CLS]
    tokens …``): not an entry's ``[LINK: …](url)`` line cut short (a whole one is of its own
    kind), nor a line with no letter (a lone ``[``, ``[-] 5``) or a lone link, which no
    abstract is; those the abstract would take silently."""
    return (
        line.kind is Kind.LINK_TEXT
        and not line.text.startswith(_LINK_LINE_START)
        and not cannot_be_title(line.text)
    )


def _glued_line(state: ParseState, title: Line) -> Line | None:
    """The rest of a title line that has the next line glued on after its link (``### [Title]
    (url)[Abstract …``), reported and read as the abstract's first line; None when the
    title's line holds the title alone."""
    start = glued_after_title(title.text)
    if not start:
        return None
    state.reporter.defect(
        "unbalanced-bracket", title.number, title.column(start + 1),
        detail="text after the title's link",
    )
    rest = title.text[start:]
    return Line(classify(rest), rest, title.number, 0, (), title.indent + start)


def _read_abstract(
    state: ParseState, following: Line, plain_title: bool, *, glued: bool = False
) -> tuple[str, str | None]:
    """The abstract and its link target: ``[text](url)`` (the listing) or plain text (the
    trending page, whose titles are plain: there a line that starts with ``[`` is text too),
    hard-wrapped over the lines glued to its first line; the page's end (``[Previous](…)``,
    a rule) is none. ``glued``: ``following`` is the rest of the title's line (read, not in
    the state)."""
    if glued:
        return _read_abstract_from(state, following)
    if following.kind in _ABSTRACT_KINDS and starts_page_end(state):
        state.reporter.defect("missing-abstract", following.number, 1)
        return "", None
    if plain_title and (following.kind is Kind.TEXT or _bracketed_text(following)):
        lines = FieldLines(state.advance())
        while (line := state.peek()) is not None and line.gap == 0 and (
            line.kind is Kind.TEXT or _bracketed_text(line)
        ):
            lines.add(state.advance())
        lines.report(state)
        return plain_abstract(lines.texts), None
    if following.kind is Kind.LINK_TEXT:
        if following.text == LIST_LINK_OPEN and (split := _split_abstract(state)) is not None:
            return split
        return _read_abstract_from(state, state.advance())
    if following.kind is Kind.TEXT:
        return _read_abstract_from(state, state.advance())
    state.reporter.defect("missing-abstract", following.number, 1)
    return "", None


def _read_abstract_from(state: ParseState, first: Line) -> tuple[str, str | None]:
    """The abstract whose first line, ``first``, is read (the next line, or the rest of its
    title's line): a linked abstract up to its link's close, or text hard-wrapped over the
    lines glued to it."""
    lines = FieldLines(first)
    if first.kind is Kind.LINK_TEXT:
        if not closes_link(first.text):
            _take_until_closed(state, lines)
        lines.report(state)
        abstract, url, closed = linked_abstract(lines.texts)
        _check_closed(state, lines, closed, first, 1, "abstract")
        return abstract, url
    while state.peek_is(0, Kind.TEXT, glued=True):
        lines.add(state.advance())
    lines.report(state)
    return plain_abstract(lines.texts), None


# -- metadata -------------------------------------------------------------


def _read_metadata(state: ParseState, paper: str | None = None) -> Metadata:
    """The listing's block (authors or organization, ``·``, date), the trending page's
    (``- N authors``, ``[LINK: …](url)`` lines), or nothing; ``paper`` is the entry's id."""
    first = state.peek()
    if first is None:
        if DATES_SHOWN in state.memo:  # a listing's entry cut after its abstract
            state.reporter.defect(
                "truncated-entry", state.last_line, 1, detail="no authors or organization")
        return Metadata()
    if first.kind is Kind.LINK_TEXT:
        if first.text == LIST_LINK_OPEN:
            return _read_list_link(state, paper)
        if not is_organization_link(first.text) and not _wraps_to_organization_link(state):
            return Metadata()
    elif first.kind not in METADATA_KINDS:
        return Metadata()
    metadata = Metadata()
    if opens_trending(first.kind, first.text):
        return _read_trending(state, metadata, paper)
    separated = False  # the ``·`` kept on the line of the link before it
    if first.kind is Kind.AUTHORS:
        metadata.author_count, separated = _read_authors(state, state.advance())
    elif first.kind is Kind.ORGANIZATION or first.kind is Kind.LINK_TEXT:
        metadata.organization, separated = _read_organization(state, state.advance())
    else:
        state.reporter.defect("missing-authors", first.number, 1)
    _read_separator_and_date(state, metadata, separated, paper)
    return metadata


def _read_organization(state: ParseState, line: Line) -> tuple[str | None, bool]:
    """The organization link's name, hard-wrapped over the lines glued to it until its link
    closes (html2text wraps at 78 columns), and whether the ``·`` comes on its last line."""
    lines = FieldLines(line)
    if not _closes_before_separator(line.text):  # wrapped: the rest is text
        _take_until_closed(state, lines, _closes_before_separator, (Kind.TEXT,))
    lines.report(state)
    joined = join_wrapped(lines.texts, broken_cjk=False) if len(lines.texts) > 1 else line.text
    text = before_separator(joined)
    closed = closes_organization(text)
    _check_closed(state, lines, closed, line, 1, "organization")
    # A link left open keeps its text, without its ``[``; not where that still holds a link's
    # markup (an avatar's URL run into the name: a wrapped line lost).
    name = organization_of(text if closed else text[1:])
    if not closed and name is not None and "](" in name:
        name = None
    return name, text is not joined


#: The most lines an organization's link without its image is hard-wrapped over (html2text
#: wraps at 78 columns, inside the URL too).
_MAX_ORGANIZATION_LINES = 4


def _wraps_to_organization_link(state: ParseState) -> bool:
    """Whether the next line opens an organization's link without its image that goes on
    over the text lines glued to it (``[Carnegie Mellon`` / ``University](…/CMU)``)."""
    texts = []
    for ahead in range(_MAX_ORGANIZATION_LINES):
        line = state.peek(ahead)
        if line is None or (ahead and (line.gap or line.kind is not Kind.TEXT)):
            return False
        texts.append(line.text)
        if ahead:
            if is_organization_link(join_wrapped(texts, broken_cjk=False)):
                # Closed on this line; or by it, where it goes on with the link's URL
                # (``…/robotics-tokyo-`` / ``paris-saclay-academy)``: html2text breaks at ``-``).
                return True
            if _closes_before_separator(line.text):
                return False
    return False


def _closes_before_separator(text: str) -> bool:
    return closes_link(before_separator(text))


def _read_list_link(state: ParseState, paper: str | None = None) -> Metadata:
    """An authors list written as a link of its own: ``[`` alone, a blank line, the avatar
    items and ``- N authors`` glued under them, a blank line, ``](url)`` (the ``·`` may come
    after it), then the listing's ``·`` and date. Only that whole shape is read: a ``[`` with
    anything else after it is no metadata (the entry ends before it)."""
    ahead = 1
    while (item := state.peek(ahead)) is not None and item.kind is Kind.AVATAR and (
        ahead == 1 or item.gap == 0
    ):
        ahead += 1
    count = state.peek(ahead)
    close = state.peek(ahead + 1)
    if (
        count is None
        or count.kind is not Kind.AUTHORS
        or count.text[0] == "["
        or (ahead > 1 and count.gap)
        or close is None
        or LIST_LINK_CLOSE.fullmatch(before_separator(close.text)) is None
    ):
        return Metadata()
    state.advance_by(ahead + 1)
    match = BARE_AUTHORS.fullmatch(count.text)
    column = match.start(1) + 1 if match is not None else 1
    metadata = Metadata()
    metadata.author_count = _count(state, count, match, column)
    text = state.advance().text
    _read_separator_and_date(state, metadata, before_separator(text) is not text, paper)
    return metadata


def _read_trending(state: ParseState, metadata: Metadata, paper: str | None = None) -> Metadata:
    line = state.peek()
    listing_date = False
    if line is not None and line.kind is Kind.AUTHORS:  # ``- N authors``: it opens the block
        state.advance()
        match = BARE_AUTHORS.fullmatch(line.text)
        column = match.start(1) + 1 if match is not None else 1
        metadata.author_count = _count(state, line, match, column)
        line = state.peek()
        if line is not None and line.kind is not Kind.DATED and (
            line.kind is Kind.SEPARATOR or _after_separator(line.text) is not None
        ):
            # The listing's ``·`` and date under a bare authors line: a converter that
            # drops the link around the authors list writes it so.
            _read_separator_and_date(state, metadata, False, paper)
            listing_date = True
            line = state.peek()
    if not listing_date and line is not None and line.kind is Kind.DATED:
        _read_dated(state, state.advance(), metadata)
        line = state.peek()
    if line is not None and line.kind is Kind.REPOSITORY:
        urls = [_link_url(state.advance())]
        # A card may show several links: the link lines glued under the first.
        while state.peek_is(0, Kind.REPOSITORY, glued=True):
            urls.append(_link_url(state.advance()))
        metadata.links = tuple(urls)
    return metadata


def _read_dated(state: ParseState, line: Line, metadata: Metadata) -> None:
    """A trending card's ``[Name ]· [Published on ]Mon D[, YYYY]``: the organization's name
    (where the authors line gave none) and the date; such a card shows no comment count."""
    match = DATED.fullmatch(line.text)
    if match is None:
        raise InternalError(f"line {line.number} was classified as a dated line")
    name, text, month, day, year = match.group(1, 2, 3, 4, 5)
    if name is not None and metadata.author_count is None:
        metadata.organization = plain(name, escapes=True) or None
    parts = DateLine(MONTH_NUMBER[month], int(day), int(year) if year else None, None, text)
    metadata.date = resolve_entry_date(state, line.number, parts)
    metadata.votes = 0
    metadata.date_text = text
    metadata.year_explicit = year is not None


def _link_url(line: Line) -> str:
    url = link_url(line.text)
    if url is None:
        raise InternalError(f"line {line.number} was classified as a link line")
    return url


def _count(
    state: ParseState, line: Line, match: re.Match[str] | None, column: int
) -> int | None:
    """The author count a pattern captured, or None (``bad-authors``) when it is too long."""
    if match is None:
        raise InternalError(f"line {line.number} was classified as an authors line")
    count = author_count_of(match.group(1))
    if count is None:
        state.reporter.defect(
            "bad-authors", line.number, line.column(column), detail="count too large"
        )
    return count


def _read_authors(state: ParseState, line: Line) -> tuple[int | None, bool]:
    """``[- N authors](url)``, or an avatar list: ``[- ![](avatar)\\\\``, more ``- ![](…)\\\\``
    lines, then ``- N authors](url)`` (any list bullet); and whether the ``·`` comes on its
    last line. The avatars and the count may all stand inside the link on one line
    (rehype-remark: ``[* ![](…)* ![](…)* 3 authors](url)``)."""
    text = before_separator(line.text)
    match = LINKED_AUTHORS.fullmatch(text)
    if match is not None or LINKED_AVATAR.match(line.text) is None:
        if match is None:
            state.reporter.defect(
                "bad-authors", line.number, 1, detail="expected '[- N authors](url)'"
            )
            return None, text is not line.text
        return _count(state, line, match, match.start(1) + 1), text is not line.text
    while state.peek_is(0, Kind.AVATAR, glued=True):
        state.advance()
    tail = state.peek()
    if tail is None or tail.kind is not Kind.AUTHORS_TAIL or tail.gap:
        where = tail.number if tail is not None and tail.gap == 0 else state.last_line + 1
        state.reporter.defect(
            "bad-authors", where, 1, detail="the avatar list has no '- N authors](url)' line"
        )
        return None, False
    state.advance()
    text = before_separator(tail.text)
    match = AUTHORS_TAIL.fullmatch(text)
    column = match.start(1) + 1 if match is not None else 3
    return _count(state, tail, match, column), text is not tail.text


def _read_separator_and_date(
    state: ParseState, metadata: Metadata, separated: bool, paper: str | None = None
) -> None:
    line = state.peek()
    if line is None and not separated:
        state.reporter.defect("truncated-entry", state.last_line, 1, detail="no '\u00b7' line")
        return
    if separated:
        pass
    elif line is not None and line.kind is Kind.SEPARATOR:
        state.advance()
        line = state.peek()
    elif line is not None and _after_separator(line.text) is not None:
        state.advance()  # ``· May 29[6](…)``: the separator on the date's line
        _read_date(state, line, metadata, _SEPARATOR_PREFIX, paper)
        return
    elif line is not None:
        state.reporter.defect("missing-separator", line.number, 1)
    if line is None:
        state.reporter.defect("truncated-entry", state.last_line, 1, detail="no date line")
    elif line.kind is Kind.DATE:
        state.advance()
        _read_date(state, line, metadata, paper=paper)
    elif line.kind is Kind.TEXT and not opens_page_end(line.text):
        state.advance()
        state.reporter.defect("bad-date", line.number, 1, detail=repr(line.text[:40]))
    else:
        state.reporter.defect("missing-date", line.number, 1)


def _date(line: Line) -> DateLine:
    parts = date_parts(line.text)
    if parts is None:
        raise InternalError(f"line {line.number} was classified as a date")
    return parts


#: What comes before the date where the ``·`` shares its line (html2text, turndown).
_SEPARATOR_PREFIX = SEPARATOR + " "


def _after_separator(text: str) -> str | None:
    """The date of a line ``· May 29[6](…)``, None when ``text`` is not one."""
    if not text.startswith(_SEPARATOR_PREFIX):
        return None
    date = text[len(_SEPARATOR_PREFIX) :]
    return date if date_parts(date) is not None else None


def _comments_apart(state: ParseState, paper: str | None = None) -> tuple[Line, str] | None:
    """The comment count's link alone on the line after a date that shows none
    (``COMMENTS_LINK``): the line, consumed, and its digits; None where there is none, or
    where it links another paper than the entry's (``paper``, when known)."""
    line = state.peek()
    found = comments_link(line.text) if line is not None else None
    if line is None or found is None:
        return None
    digits, linked = found
    if paper is not None and linked != paper:
        return None  # another entry's count, moved here: junk, as it was
    state.advance()
    return line, digits


def _read_date(
    state: ParseState, line: Line, metadata: Metadata, prefix: str = "", paper: str | None = None
) -> None:
    """The date line's fields; ``prefix`` is what comes before the date on its line, ``paper``
    the entry's id."""
    text = line.text[len(prefix) :]
    parts = date_parts(text)
    if parts is None:
        raise InternalError(f"line {line.number} was classified as a date")
    if box_glued_to_date(text, parts):
        state.reporter.defect("bad-date", line.number, 1, detail=repr(line.text[:40]))
        return
    found = DATE.fullmatch(text) if parts.count_text is not None else None
    # at the count's first digit, whatever blanks stand before it (``Nov 24 [ 3](…)``)
    column = len(prefix) + (found.start(4) + 1 if found is not None else parts.count_column)
    apart = _comments_apart(state, paper) if parts.count_text is None else None
    if apart is not None:
        count, digits = apart
        votes = read_count(state, count.number, digits, count.column(count.text.index(digits) + 1))
    else:
        votes = read_count(state, line.number, parts.count_text, line.column(column))
    metadata.date = resolve_entry_date(state, line.number, parts)
    state.memo[DATES_SHOWN] = True
    metadata.votes = votes
    metadata.date_text = parts.text
    metadata.year_explicit = parts.year is not None
