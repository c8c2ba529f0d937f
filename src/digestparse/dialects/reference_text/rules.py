"""The entries of a ``reference-text`` capture, and the lines between them.

An entry (docs/format.md#the-reference-text-dialect)::

    [                      upvote box: '-' or a number
    65
    ][35]
    ### [Title][36]        one or more '###' lines
    [                      abstract, hard-wrapped
    In this report, …
    ][37]
    [                      authors box, or an organization line [[logo] Name][67]
    * 671 authors
    ][38]
    ·
    Mar 8, 2024 [ 6][39]   date, and the comment count as a reference

A card, the trending page's entry (``card.py`` gives its lines)::

    [[IMG]][16]            lead-in: thumbnail, Submitted-by block
    Submitted by
    [IMG]
    vvasilev
    ### [Title][17]
    A plain summary, …     no brackets around it
    [[logo] Org][18] · Published on Oct 4, 2026
    [                      the upvote link, after the date
    Upvote
    117
    ][19]
    [GitHub 131][20] [arXiv Page][21]

html2text (``inline_links=False``) writes the box and the abstract each as one reference
(``[7][10]``, ``[text][8]``, wrapped over glued lines at its width), the ``·`` glued after
the authors box's close or the organization (``][8] ·``), and images as ``![alt][N]``.

Blank lines carry no meaning in this dialect and are never reported.
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Protocol

import attrs

from ...dates import MAX_AUTHOR_DIGITS, MAX_COUNT_DIGITS, read_count, resolve_entry_date
from ...grammar import is_trending_page, opens_page_end
from ...links import extract_links
from ...markup import (
    balanced,
    is_reference_close,
    join_wrapped,
    strip_image_alt,
    whole_reference,
)
from ...model import Paper
from ...rules.junk import report_junk, report_titleless
from ...rules.page_end import starts_page_end
from ...state import Line, ParseState
from ..bounded import FieldLines
from . import card
from .chrome import junk_span
from .cut import read_cut_entry
from .definitions import is_definition, starts_reference_definitions
from .header import starts_repeated_header
from .lines import (
    COUNT_LINK,
    GLUED_SEPARATOR,
    MAX_AVATARS,
    TITLE_CLOSE,
    UPVOTE_WORD,
    Kind,
    authors_count,
    before_glued_separator,
    box_count,
    html2text_unescaped,
    is_arrowed_date,
    is_avatar,
    must_read_dated,
    page_phrase,
    upvotes,
    without_reference_images,
)

#: Kinds of line an abstract can hold: text (a wrapped line may read as a count or a date),
#: never lynx's markup (brackets, headings, ``*`` items, whole-line references, ``·``).
_ABSTRACT_KINDS = (Kind.TEXT, Kind.COUNT, Kind.DATE)
#: Lines that read as lynx's markup (a ``*`` item, a ``#`` heading) but that a hard wrap at a
#: lone '*' or '#' of the text makes too: abstract text where only text follows them up to
#: the abstract's ``][N]``.
_MARKUP_LIKE_KINDS = (Kind.BULLET, Kind.HEADING)
#: How far that ``][N]`` is looked for (an abstract is some twenty lines at most).
_MAX_ABSTRACT_AHEAD = 64
#: A bad count in an upvote box is a short word ("1.2k"), not a line of prose.
_MAX_BAD_COUNT = 12
_END_KINDS = (Kind.TRUNCATED,)
#: What a damaged authors box may hold instead of ``* N authors`` (or nothing: its close).
_BAD_AUTHORS_KINDS = (Kind.BULLET, Kind.TEXT, Kind.CLOSE)


class Lookahead(Protocol):
    """What ``entry_start`` looks at: the state, or lines read ahead from its window."""

    def peek(self, ahead: int = 0) -> Line | None: ...


def entry_start(state: Lookahead) -> int | None:
    """How many lines of an upvote box come before the title of an entry starting here
    (0: the title itself), or None when no entry starts here."""
    line = state.peek()
    if line is None:
        return None
    kind = line.kind
    if kind is Kind.TITLE:
        return 0
    if kind is Kind.BOX:
        following = state.peek(1)
        return 1 if following is not None and following.kind is Kind.TITLE else None
    if kind is Kind.TEXT or kind is Kind.REFERENCE:
        if not card.may_open_lead_in(line):
            return None
        lead = card.lead_in(state)
        return lead.size if lead is not None else None
    if kind is not Kind.OPEN and kind is not Kind.COUNT:
        return None
    kinds: list[enum.Enum] = [kind]
    for ahead in (1, 2, 3):
        following = state.peek(ahead)
        if following is None:
            return None
        if following.kind is Kind.TITLE:
            return ahead if _box_shape(kinds, state) else None
        kinds.append(following.kind)
    return None


def _box_shape(kinds: list[enum.Enum], state: Lookahead) -> bool:
    """Whether the lines before a title are an upvote box, whole or missing one line."""
    if kinds == [Kind.OPEN, Kind.COUNT, Kind.CLOSE]:
        return True
    if len(kinds) == 3:
        middle = state.peek(1)
        return (
            kinds[0] is Kind.OPEN
            and kinds[2] is Kind.CLOSE
            and middle is not None
            and middle.kind is Kind.TEXT
            and len(middle.text) <= _MAX_BAD_COUNT
        )
    return kinds in _DAMAGED_BOXES


_DAMAGED_BOXES: tuple[list[enum.Enum], ...] = (
    [Kind.OPEN, Kind.CLOSE],
    [Kind.OPEN, Kind.COUNT],
    [Kind.COUNT, Kind.CLOSE],
    [Kind.OPEN],
    [Kind.COUNT],
)


@attrs.frozen(slots=True)
class _Metadata:
    author_count: int | None = None
    organization: str | None = None
    date: datetime.date | None = None
    votes: int | None = None
    date_text: str | None = None
    year_explicit: bool | None = None
    #: The input ends, or the capture tool cut it, inside the block.
    cut: bool = False
    #: Whether the entry has a metadata block at all.
    present: bool = True


def entry(state: ParseState) -> bool:
    size = entry_start(state)
    first = state.peek()
    if size is None or first is None:
        return False
    if size == 3 and first.kind is Kind.OPEN:
        read = read_cut_entry(state)
        if read is not None:  # the same lines, read straight from the window
            state.skip_to(read.end_line)
            _report_cut(state, "inside the abstract")
            state.papers.append(
                Paper(
                    title=read.title,
                    abstract=read.abstract,
                    links=extract_links(read.abstract),
                    line=read.line,
                    end_line=read.end_line,
                    upvotes=read.upvotes,
                )
            )
            return True
    submitted_by = None
    count = None
    box = 0
    led_in = first.kind is Kind.TEXT or first.kind is Kind.REFERENCE
    # html2text wraps a title over lines without '### '; lynx repeats '### ' on each line, so
    # under lynx's box (its '[' or count on a line of its own) or lead-in such a line is no
    # title's.
    wrapped = first.kind is Kind.TITLE or first.kind is Kind.BOX
    if led_in:  # a card's lead-in: thumbnail, Submitted-by block, maybe an upvote box
        lead = card.lead_in(state)
        box = lead.box if lead is not None else 0
        submitted_by = lead.name if lead is not None else None
        # html2text writes the lead-in's images as '![alt][N]', lynx as '[IMG]' or an alt.
        wrapped = any("![" in line.text for k in range(size) if (line := state.peek(k)))
        thumbnail = _reference_number(first.text) if card.is_thumbnail(first) else None
        state.advance_by(size - box)
        if lead is not None and lead.submitted and submitted_by is None:
            after = state.peek()
            where = after.number if after is not None else state.last_line
            state.reporter.defect("missing-submitter", where, 1)
        title_line = state.peek()
        if (
            lead is not None
            and not lead.submitted
            and not box
            and title_line is not None
            and not is_trending_page(state.header)
        ):
            # A thumbnail right over its title: the daily page draws the box between them
            # (a trending card's thumbnail stands over its lead-in).
            state.reporter.defect(
                "bad-upvotes", title_line.number, 1, detail="no upvote box before the title"
            )
        if box:
            count = _read_upvotes(state, box)
        wrapped = wrapped or _title_links_as(state, thumbnail)
    elif size:
        count = _read_upvotes(state, size)
    title = _read_title(state, wrapped)
    if _is_cut(state):
        _report_cut(state, "a title alone", first.number)
        return True
    if not title:
        report_titleless(state, first)
        return True
    # A card (the trending page's layout) has a lead-in or a plain summary and no box before
    # its title; its upvote link and links come after its date.
    is_card = led_in or (
        size == 0 and not state.peek_is(0, Kind.OPEN) and not _closed_text_ahead(state)
    )
    if led_in and box and (state.peek_is(0, Kind.OPEN) or _inline_abstract_lines(state)):
        # A thumbnail over the box, the title and a linked abstract: the daily page's entry
        # (html2text), no card. Its comment count follows its date, not an upvote link.
        is_card = False
    # An abstract that is one reference is html2text's layout, and so are cards, unless a
    # lead-in without html2text's images shows lynx's: html2text's text carries its escapes,
    # lynx's never does.
    escaped = is_card and (wrapped or not led_in)
    # Under its thumbnail, the daily page's abstract is still one reference (html2text).
    if is_card and not state.peek_is(0, Kind.OPEN) and not _inline_abstract_lines(state):
        abstract, cut = _read_summary(state)
    else:
        abstract, cut, inline = _read_abstract(state)
        escaped = escaped or inline
    if escaped:
        title, abstract = html2text_unescaped(title), html2text_unescaped(abstract)
    metadata = _Metadata(present=False)
    if not cut:
        metadata = _read_card_metadata(state) if is_card else _read_metadata(state)
    if is_card and not cut and not metadata.cut:
        upvoted = _read_card_upvotes(state)
        if upvoted is not None:
            count = upvoted
        _read_links_lines(state)
    if size == 0 and not is_card:
        state.reporter.defect(
            "bad-upvotes", first.number, 1, detail="no upvote box before the title"
        )
    end_line = state.last_line
    if cut or metadata.cut:
        _report_cut(state, "inside the abstract" if cut else "inside the metadata block")
    elif not metadata.present and _is_marked_cut(state):
        _report_cut(state, "no metadata block")
    state.papers.append(
        Paper(
            title=title,
            abstract=abstract,
            author_count=metadata.author_count,
            organization=metadata.organization,
            date=metadata.date,
            votes=metadata.votes,
            links=extract_links(abstract),
            line=first.number,
            end_line=end_line,
            date_text=metadata.date_text,
            year_explicit=metadata.year_explicit,
            upvotes=count,
            submitted_by=submitted_by,
        )
    )
    return True


def _is_cut(state: ParseState) -> bool:
    """The input ends, the capture tool cut it, or a header starts (two captures joined)."""
    line = state.peek()
    return line is None or line.kind in _END_KINDS or starts_repeated_header(state)


def _is_marked_cut(state: ParseState) -> bool:
    return state.peek_is(0, Kind.TRUNCATED)


def _report_cut(state: ParseState, detail: str, first: int = 0) -> None:
    """The input ends, the capture tool cut it (its mark is consumed), or a header starts,
    inside an entry.

    Reported at the mark, else at the last line read; ``first`` widens the span
    to the entry's first line when no paper is made of it.
    """
    line = state.last_line
    if state.peek_is(0, Kind.TRUNCATED):
        mark = state.advance()
        detail += f"; the capture tool cut the page here ({mark.text})"
        line = mark.number
    state.reporter.defect(
        "truncated-entry", first or line, 1, end_line=line, detail=detail
    )


def _read_upvotes(state: ParseState, size: int) -> int | None:
    """The upvote box of ``size`` lines before the title; reports the first flaw in it."""
    lines = [state.advance() for _ in range(size)]
    if lines[0].kind is Kind.BOX:  # the box on one line
        digits = box_count(lines[0].text)
        if len(digits) > MAX_COUNT_DIGITS:
            state.reporter.defect("bad-upvotes", lines[0].number, 1, detail="count too large")
            return None
        return upvotes(digits)
    kinds = [line.kind for line in lines]
    counts = [line for line in lines if line.kind is not Kind.OPEN and line.kind is not Kind.CLOSE]
    count = counts[0] if counts else None
    flaw: tuple[int, str] | None = None
    if kinds[0] is not Kind.OPEN:
        flaw = (lines[0].number, "the box has no '[' line")
    elif count is None or count.kind is not Kind.COUNT:
        where = count.number if count is not None else lines[0].number + 1
        flaw = (where, "expected '-' or a number")
    elif kinds[-1] is not Kind.CLOSE:
        title = state.peek()
        flaw = (title.number if title is not None else count.number, "the box has no '][N]' line")
    elif len(count.text) > MAX_COUNT_DIGITS:
        flaw = (count.number, "count too large")
    if flaw is not None:
        state.reporter.defect("bad-upvotes", flaw[0], 1, detail=flaw[1])
    if count is None or count.kind is not Kind.COUNT or len(count.text) > MAX_COUNT_DIGITS:
        return None
    return upvotes(count.text)


def _read_title(state: ParseState, wrapped: bool = True) -> str:
    """The title; ``wrapped``: it may be wrapped as html2text does (not under lynx's box)."""
    first = state.advance()
    parts = FieldLines(first, first.text[4:])
    while not TITLE_CLOSE.search(parts.last.text) and _title_goes_on(state, first):
        line = state.advance()
        parts.add(line, line.text[4:])
    if wrapped and first.text.startswith("### [") and not TITLE_CLOSE.search(parts.last.text):
        for _ in range(_wrapped_title_lines(state)):
            parts.add(state.advance())
    parts.report(state)
    joined = join_wrapped(parts.texts)
    # The close is on the last line, which a title cut short (field-too-long) did not keep.
    close = TITLE_CLOSE.search(joined)
    last = parts.last
    if close is None and joined.startswith("["):
        glued = _GLUED_AFTER_CLOSE.search(last.text)
        if glued is not None:  # the next line glued on: the title ends at its reference
            state.reporter.defect(
                "unbalanced-bracket", last.number, last.column(glued.end() + 1),
                detail="text after the title's '][N]'",
            )
            close = _GLUED_AFTER_CLOSE.search(joined)
    closed = close is not None or TITLE_CLOSE.search(last.text) is not None
    # A plain title may start with a bracketed word of its own (``[MASK] Is All You Need``):
    # its brackets balance, as a link's '[' cut from its '][N]' does not.
    opened = joined.startswith("[") and (closed or not balanced(joined))
    if opened and not closed:
        state.reporter.defect(
            "unbalanced-bracket", last.number, last.column(len(last.text) + 1),
            detail="no '][N]' after the title",
        )
    elif closed and not opened:
        state.reporter.defect(
            "unbalanced-bracket", first.number, first.column(5), detail="no '[' before the title"
        )
    text = joined[1 if opened else 0 : close.start() if close is not None else len(joined)]
    return " ".join(text.split())


def _title_goes_on(state: ParseState, first: Line) -> bool:
    """Whether the next line goes on with an open title: a ``###`` line under it, or, after
    blank lines (which carry no meaning here), its last line: one that ends with ``][N]``
    under a title that opened with ``[``, and does not open a title of its own."""
    line = state.peek()
    if line is None or line.kind is not Kind.TITLE:
        return False
    return line.gap == 0 or (
        first.text.startswith("### [")
        and not line.text.startswith("### [")
        and TITLE_CLOSE.search(line.text) is not None
    )


#: A title's reference with more text after it on its line (``[Title][53]Long-form …``).
_GLUED_AFTER_CLOSE = re.compile(r"\]\[[0-9]+\](?=\S)")
#: The most lines html2text wraps a title over at its width (``### [`` on the first only).
_MAX_TITLE_LINES = 8
#: Lines that may go on a title or abstract that html2text wrapped: none of the lines that
#: only lynx's layout makes (a ``[`` or ``][N]`` alone, ``###``, ``·`` alone, the cut mark).
_WRAPPED_KINDS = (
    Kind.TEXT, Kind.COUNT, Kind.DATE, Kind.REFERENCE, Kind.BOX, Kind.BULLET, Kind.HEADING,
    Kind.AUTHORS,
)


def _wrapped_title_lines(state: ParseState, at: int = 0) -> int:
    """How many glued lines from ``at`` go on a linked title that html2text wrapped at its
    width (its later lines without ``### ``): up to the first that ends with ``][N]``; 0
    when none does."""
    for ahead in range(_MAX_TITLE_LINES):
        line = state.peek(at + ahead)
        if line is None or line.gap or line.kind not in _WRAPPED_KINDS:
            return 0
        if TITLE_CLOSE.search(line.text):
            return ahead + 1
    return 0


#: The number of the reference a line ends with (``][12]``).
_REFERENCE_NUMBER = re.compile(r"\]\[([0-9]+)\]$")


def _reference_number(text: str) -> str | None:
    found = _REFERENCE_NUMBER.search(text)
    return found.group(1) if found is not None else None


def _title_links_as(state: ParseState, thumbnail: str | None) -> bool:
    """Whether the title at the next line links under the thumbnail's reference number, on
    its first line or on the last of those html2text wraps it over: html2text numbers each
    URL once (the thumbnail and the title both link the paper), capture 01's tool numbers
    each link, so the title is html2text's and may be wrapped so."""
    title = state.peek()
    if thumbnail is None or title is None or title.kind is not Kind.TITLE:
        return False
    last: Line | None = title
    if not TITLE_CLOSE.search(title.text) and title.text.startswith("### ["):
        wrapped = _wrapped_title_lines(state, 1)
        last = state.peek(wrapped) if wrapped else None
    return last is not None and _reference_number(last.text) == thumbnail


#: The most lines a one-reference abstract is wrapped over (html2text, at its width).
_MAX_INLINE_ABSTRACT = 64


def _inline_abstract_lines(state: ParseState) -> int:
    """How many glued lines the abstract takes when it is one reference, as html2text writes
    it (``[text][8]``, wrapped at its width over glued lines); 0 when it is not so written.
    A reference with ``·`` after it is an organization, not an abstract."""
    first = state.peek()
    if first is None or first.kind is Kind.OPEN or not first.text.startswith("["):
        return 0
    texts = []
    for ahead in range(_MAX_INLINE_ABSTRACT):
        line = state.peek(ahead)
        if line is None or (ahead and line.gap) or line.kind not in _WRAPPED_KINDS:
            return 0
        texts.append(line.text)
        if line.text[-1] == "]" and TITLE_CLOSE.search(line.text):
            after = state.peek(ahead + 1)
            if _ends_abstract(state, ahead + 1) and _one_reference(" ".join(texts)):
                return 0 if after is not None and after.kind is Kind.SEPARATOR else ahead + 1
    return 0


#: Lines that start the next part of an entry: never a wrapped line of an abstract.
_AFTER_ABSTRACT_KINDS = (Kind.OPEN, Kind.SEPARATOR, Kind.TITLE, Kind.DATE, Kind.TRUNCATED)


def _ends_abstract(state: ParseState, at: int) -> bool:
    """Whether a one-reference abstract may end before the line ``at`` lines ahead: a blank
    line or the input's end, or (html2text's ``single_line_break``, no blank lines) a line
    that starts the entry's next part: ``[`` alone, an organization with its ``·`` (maybe
    wrapped), a title, a date."""
    after = state.peek(at)
    if after is None or after.gap or after.kind in _AFTER_ABSTRACT_KINDS:
        return True
    return after.text[0] == "[" and _separated_organization(state, at) > 0


#: A reference whose text may hold unbalanced brackets (an interval, ``[0, 1)``).
_LOOSE_REFERENCE = re.compile(r"\[.*\]\[[0-9]+\]")


def _one_reference(text: str) -> bool:
    """Whether ``text`` is one reference: balanced inside, or with brackets an abstract's
    text may leave open (``x in [0, 1)``) but not references side by side (``[GitHub
    131][9] [arXiv Page][10]``)."""
    if whole_reference(text) is not None:
        return True
    return _LOOSE_REFERENCE.fullmatch(text) is not None and not card.LINKS_LINE.fullmatch(text)


def _read_inline_abstract(state: ParseState, count: int) -> str:
    first = state.advance()
    parts = FieldLines(first, first.text[1:])
    for _ in range(count - 1):
        parts.add(state.advance())
    parts.report(state)
    joined = join_wrapped(parts.texts)
    # The close is on the last line, which an abstract cut short (field-too-long) did not keep.
    close = TITLE_CLOSE.search(joined)
    return joined[: close.start()] if close is not None else joined


def _closed_text_ahead(state: ParseState) -> bool:
    """Whether the text after a title runs to a ``][N]`` close: the listing's abstract whose
    ``[`` was lost with the box above the title (a capture cut right above it), since no
    close ends a card's plain summary."""
    ahead = 0
    while (line := state.peek(ahead)) is not None and line.kind in _ABSTRACT_KINDS:
        if ahead == _MAX_ABSTRACT_AHEAD:
            return False
        ahead += 1
    return line is not None and line.kind is Kind.CLOSE


def _read_abstract(state: ParseState) -> tuple[str, bool, bool]:
    """The joined abstract ('' when there is none), whether the input is cut inside it, and
    whether it is one reference (html2text's layout)."""
    line = state.peek()
    if (
        line is None
        or entry_start(state) is not None
        or (_opens_metadata(state) and not _one_line_abstract_box(state))
    ):
        where = line.number if line is not None else state.last_line
        state.reporter.defect("missing-abstract", where, 1)
        return "", False, False
    inline = _inline_abstract_lines(state)
    if inline:
        abstract = _read_inline_abstract(state, inline)
        if not abstract.strip():
            state.reporter.defect("missing-abstract", line.number, 1, detail="empty brackets")
        return abstract if abstract.strip() else "", False, True
    if line.kind is Kind.OPEN:
        state.advance()
    elif line.kind in _ABSTRACT_KINDS:
        state.reporter.defect(
            "unbalanced-bracket", line.number, 1, detail="no '[' line before the abstract"
        )
    else:
        state.reporter.defect("missing-abstract", line.number, 1)
        return "", False, False
    parts: FieldLines | None = None
    while (line := state.peek()) is not None and (
        line.kind in _ABSTRACT_KINDS
        or (line.kind in _MARKUP_LIKE_KINDS and _text_up_to_close(state))
    ):
        if page_phrase(line.text, line.kind) is not None:
            break  # a header starts
        if parts is None:
            parts = FieldLines(state.advance())
        else:
            parts.add(state.advance())
    abstract = ""
    if parts is not None:
        parts.report(state)
        abstract = join_wrapped(parts.texts)
    if line is None or _is_cut(state):
        return abstract, True, False
    if line.kind is Kind.CLOSE:
        state.advance()
        if parts is None:
            state.reporter.defect("missing-abstract", line.number, 1, detail="empty brackets")
    else:
        state.reporter.defect(
            "unbalanced-bracket", line.number, 1, detail="no '][N]' line after the abstract"
        )
    return abstract, False, False


def _one_line_abstract_box(state: ParseState) -> bool:
    """Whether a box of one text line that is no authors' count (``[`` / ``An abstract.`` /
    ``][3]`` / ``·``), which ``_opens_metadata`` takes for a bad authors box, is the abstract
    of an entry that lost its authors box: under the title, text names no authors."""
    content = state.peek(1)
    return (
        state.peek_is(0, Kind.OPEN)
        and content is not None
        and content.kind is Kind.TEXT
        and "author" not in content.text.lower()
        and state.peek_is(2, Kind.CLOSE)
    )


def _read_summary(state: ParseState) -> tuple[str, bool]:
    """A card's plain summary: its text lines up to the card's metadata, links or the next
    entry; the joined text ('' when there is none), and whether the input is cut inside it."""
    parts: FieldLines | None = None
    while (line := state.peek()) is not None and (
        line.kind in _ABSTRACT_KINDS or _wrapped_at_markup(line, parts is None)
    ):
        if line.kind is Kind.TEXT and _ends_summary(state, line):
            break
        if page_phrase(line.text, line.kind) is not None:
            break  # a header starts
        if parts is None:
            parts = FieldLines(state.advance())
        else:
            parts.add(state.advance())
    if parts is None:
        where = line.number if line is not None else state.last_line
        state.reporter.defect("missing-abstract", where, 1)
        return "", False
    parts.report(state)
    cut = line is not None and _is_cut(state)
    return join_wrapped(parts.texts), cut


def _wrapped_at_markup(line: Line, first: bool) -> bool:
    """A line of a summary that reads as lynx's markup because it starts with a lone ``*``
    or ``#`` of the text: no author avatar item, and glued to the line before it (a summary is
    one paragraph) or, as its first line, holding no link (a menu item)."""
    return (
        line.kind in _MARKUP_LIKE_KINDS
        and (line.gap == 0 if not first else "][" not in line.text)
        and not (line.kind is Kind.BULLET and is_avatar(line.text, line.kind))
    )


def _ends_summary(state: ParseState, line: Line) -> bool:
    """A text line that is no summary text: the card's organization and date, its date, a
    line of links, or the lead-in of the next card."""
    text = line.text
    if _is_separator_date(line):
        return True
    if opens_page_end(text) and starts_page_end(state):
        return True  # a card cut before its metadata, right before the page's end
    if text.startswith("["):
        return (
            card.ORGANIZATION_DATE.fullmatch(text) is not None
            or (is_definition(text) and starts_reference_definitions(state))
            or card.is_links_line(line)
            or card.MARKDOWN_LINK.fullmatch(text) is not None
            or _wrapped_organization_date(state) is not None
        )
    if text == "*":  # an empty author avatar item, before ``* N authors`` or the date
        at = _avatar_lines(state, 0)
        after = state.peek(at)
        return _card_authors_at(state, at) or (after is not None and _is_separator_date(after))
    return card.may_open_lead_in(line) and card.lead_in(state) is not None


def _is_separator_date(line: Line) -> bool:
    """``· Published on Dec 28, 2024``, the date after a card's authors."""
    return (
        line.kind is Kind.TEXT
        and line.text.startswith("\u00b7 ")
        and card.SEPARATOR_DATE.fullmatch(line.text) is not None
    )


def _read_card_metadata(state: ParseState) -> _Metadata:
    """A card's organization and date on one line, or its author avatars, ``* N authors``
    and ``· date``, or only ``* N authors`` (the trending page of early 2026), or a listing's
    metadata block."""
    line = state.peek()
    if line is None:
        return _Metadata(present=False)
    if line.kind is Kind.TEXT:
        wrapped = _wrapped_organization_date(state)
        if wrapped is not None:  # the line wrapped at the tool's width: the date is whole
            lines, joined = wrapped
            for _ in lines:
                state.advance()
            where = _line_at(lines, joined.start("date"))
            date_line = Line(Kind.DATE, joined["date"], where.number, 0)
            return _card_date(state, date_line, 0, None, _organization(joined))
        found = card.ORGANIZATION_DATE.fullmatch(line.text)
        if found is not None:
            state.advance()
            return _card_date(state, line, found.start("date"), None, _organization(found))
        found = card.SEPARATOR_DATE.fullmatch(line.text)
        if found is not None:
            state.advance()
            state.reporter.defect("missing-authors", line.number, 1)
            return _card_date(state, line, found.start("date"), None, None)
    avatars = _avatar_lines(state, 0)
    authors = state.peek(avatars)
    if authors is not None and _card_authors_at(state, avatars):
        state.advance_by(avatars + 1)
        count = _authors(state, authors)
        after = state.peek()
        if after is not None and after.kind is Kind.TEXT:
            found = card.SEPARATOR_DATE.fullmatch(after.text)
            if found is not None:
                state.advance()
                return _card_date(state, after, found.start("date"), count, None)
        return _Metadata(count)
    if avatars and authors is not None and _is_separator_date(authors):
        state.advance_by(avatars)
        state.advance()
        state.reporter.defect(
            "bad-authors", authors.number, 1, detail="avatars without '* N authors'"
        )
        found = card.SEPARATOR_DATE.fullmatch(authors.text)
        return _card_date(state, authors, found.start("date") if found else 2, None, None)
    if _opens_metadata(state):
        return _read_metadata(state)
    return _Metadata(present=False)


def _organization(found: re.Match[str]) -> str | None:
    reference = whole_reference(found["organization"])
    return _organization_name(reference or "") or None


#: The most lines an organization line (with a card's date after it) is wrapped over at the
#: tool's width (``-width 80``: ``[[MBZUAI] Mohamed bin Zayed University of Artificial`` /
#: ``Intelligence][7] · Published on Oct 4, 2026``).
_MAX_WRAPPED = 3


def _glued_text(state: ParseState, count: int) -> list[Line] | None:
    """The next ``count`` lines, the first a text line opening a reference (``[``) and the
    others glued to it, or None."""
    lines = []
    for ahead in range(count):
        line = state.peek(ahead)
        if line is None or (ahead and line.gap) or line.kind not in _ABSTRACT_KINDS:
            return None
        lines.append(line)
    return lines if lines[0].text.startswith("[") else None


def _wrapped_organization_date(
    state: ParseState,
) -> tuple[list[Line], re.Match[str]] | None:
    """A card's organization and date line wrapped over glued lines (two or more), when it is
    whole only so: the lines and the match of the joined text."""
    for count in range(2, _MAX_WRAPPED + 1):
        lines = _glued_text(state, count)
        if lines is None:
            return None
        found = card.ORGANIZATION_DATE.fullmatch(" ".join(line.text for line in lines))
        if found is not None and card.card_date(found["date"]):
            return lines, found
    return None


def _wrapped_organization(state: ParseState) -> int | None:
    """How many glued lines (two or more) a listing's organization line is wrapped over at
    the tool's width, when they join into one reference and ``·`` follows; else None."""
    for count in range(2, _MAX_WRAPPED + 1):
        lines = _glued_text(state, count)
        if lines is None:
            return None
        if whole_reference(" ".join(line.text for line in lines)) is not None:
            return count if state.peek_is(count, Kind.SEPARATOR) else None
    return None


def _line_at(lines: list[Line], offset: int) -> Line:
    """The line that holds ``offset`` of the lines joined with single spaces."""
    for line in lines:
        if offset < len(line.text):
            return line
        offset -= len(line.text) + 1
    return lines[-1]


def _card_authors_at(state: ParseState, ahead: int) -> bool:
    """Whether the line ``ahead`` is a card's authors line: ``* N authors``, or an item in its
    place before the card's date (``* four authors``: ``bad-authors``)."""
    line = state.peek(ahead)
    if line is None:
        return False
    if line.kind is Kind.AUTHORS:
        return True
    after = state.peek(ahead + 1)
    return line.kind is Kind.BULLET and after is not None and _is_separator_date(after)


def _card_date(
    state: ParseState, line: Line, start: int, author_count: int | None, organization: str | None
) -> _Metadata:
    """The date at ``start`` of a card's line: the card shows no comment count (votes 0)."""
    text = line.text[start:]
    if not card.card_date(text):
        state.reporter.defect(
            "bad-date", line.number, line.column(start + 1), detail=repr(text[:40])
        )
        return _Metadata(author_count, organization)
    dated = Line(Kind.DATE, text, line.number, 0, (), line.column(start + 1) - 1)
    return _with_date(state, dated, author_count, organization)


def _read_card_upvotes(state: ParseState) -> int | None:
    """The upvote link after a card's date: ``[`` / ``Upvote`` / ``117`` / ``][8]``, or on one
    line (``[Upvote 117][8]``, ``[117][8]``); None when none comes."""
    line = state.peek()
    if line is None or entry_start(state) is not None:
        return None  # the next entry's upvote box
    if line.kind is Kind.BOX or line.kind is Kind.REFERENCE:
        text = whole_reference(line.text) or ""
        if line.kind is Kind.REFERENCE and not text.strip().startswith(UPVOTE_WORD):
            return None
        state.advance()
        return _card_count(state, line, card.upvote_count(text))
    if line.kind is not Kind.OPEN:
        return None
    inside: list[Line] = []
    for ahead in range(1, 4):
        following = state.peek(ahead)
        if following is None or following.kind is Kind.CLOSE or following.kind in _END_KINDS:
            break
        inside.append(following)
    words = " ".join(part.text for part in inside)
    if not words.startswith(UPVOTE_WORD) and card.upvote_count(words) is None:
        return None
    close = state.peek(len(inside) + 1)
    state.advance_by(len(inside) + 1)
    if close is None or close.kind in _END_KINDS:
        _report_cut(state, "inside the upvote link")
        return None
    if close.kind is not Kind.CLOSE:
        state.reporter.defect(
            "bad-upvotes", line.number, 1, detail="the upvote link has no '][N]' line"
        )
        return None
    state.advance()
    return _card_count(state, line, card.upvote_count(words))


def _card_count(state: ParseState, line: Line, digits: str | None) -> int | None:
    if digits is None:
        state.reporter.defect("bad-upvotes", line.number, 1, detail="expected '-' or a number")
        return None
    if len(digits) > MAX_COUNT_DIGITS:
        state.reporter.defect("bad-upvotes", line.number, 1, detail="count too large")
        return None
    return upvotes(digits)


#: The most lines of links a card is read with (05 shows one).
_MAX_LINKS_LINES = 4


def _read_links_lines(state: ParseState) -> None:
    """A card's lines of links (``[GitHub 131][9] [arXiv Page][10]``): their targets are in
    the reference list, which is not read, so they give no field."""
    for _ in range(_MAX_LINKS_LINES):
        line = state.peek()
        if line is None or not card.is_links_line(line) or entry_start(state) is not None:
            return
        state.advance()


def _text_up_to_close(state: ParseState) -> bool:
    """Whether the lines from the next one on are text (a line like markup included, no page
    phrase) up to a ``][N]`` line: the rest of an abstract. Or up to the input's end or the
    capture tool's mark: the rest of an abstract cut there."""
    for ahead in range(_MAX_ABSTRACT_AHEAD):
        line = state.peek(ahead)
        if line is None:
            return True
        kind = line.kind
        if kind is Kind.CLOSE or kind is Kind.TRUNCATED:
            return True
        if kind not in _ABSTRACT_KINDS and kind not in _MARKUP_LIKE_KINDS:
            return False
        if page_phrase(line.text, kind) is not None:
            return False
    return False


def _opens_metadata(state: ParseState) -> bool:
    """An authors box, an organization line, a lone '·' or a date line comes next."""
    line = state.peek()
    if line is None:
        return False
    kind = line.kind
    if kind is Kind.OPEN:
        at = 1 + _avatar_lines(state, 1)
        content = state.peek(at)
        if content is None or content.kind in _END_KINDS:
            return True  # cut inside the box
        close = at if content.kind is Kind.CLOSE else at + 1
        if content.kind is Kind.AUTHORS or _is_close_separated(content):
            return True
        if content.kind not in _BAD_AUTHORS_KINDS:
            return False
        closing = state.peek(close)
        return closing is not None and (
            _is_close_separated(closing)
            or (closing.kind is Kind.CLOSE and state.peek_is(close + 1, Kind.SEPARATOR))
        )
    if kind is Kind.REFERENCE or kind is Kind.TEXT or kind is Kind.BOX:
        return state.peek_is(1, Kind.SEPARATOR) or (
            kind is Kind.TEXT
            and (_separated_organization(state) > 0 or _wrapped_organization(state) is not None)
        )
    return kind is Kind.SEPARATOR or kind is Kind.DATE or kind is Kind.AUTHORS


def _is_close_separated(line: Line) -> bool:
    """``][8] ·``: a box's close with the ``·`` glued after it, as html2text writes it."""
    if line.kind is not Kind.TEXT or line.text[0] != "]":
        return False
    before = before_glued_separator(line.text)
    return before is not None and is_reference_close(before)


def _separated_organization(state: ParseState, at: int = 0) -> int:
    """How many glued lines (up to three: wrapped at the tool's width) an organization
    reference with the ``·`` glued after it takes, as html2text writes it
    (``[![carnegie][12]Carnegie Mellon University][13] ·``); 0 when none comes next."""
    texts = []
    for ahead in range(_MAX_WRAPPED):
        line = state.peek(at + ahead)
        if line is None or (ahead and line.gap) or line.kind not in _ABSTRACT_KINDS:
            return 0
        if not ahead and not line.text.startswith("["):
            return 0
        texts.append(line.text)
        before = before_glued_separator(line.text)
        if before is not None:
            return ahead + 1 if whole_reference(" ".join(texts)[: -len(GLUED_SEPARATOR)]) else 0
    return 0


def _organization_name(text: str) -> str:
    """An organization reference's text without its logo (``[microsoft]``, html2text's
    ``![carnegie][12]``)."""
    return " ".join(strip_image_alt(without_reference_images(text)).split())


def _read_metadata(state: ParseState) -> _Metadata:
    author_count: int | None = None
    organization: str | None = None
    first = state.peek()
    if first is None or not _opens_metadata(state):
        return _Metadata(present=False)
    separated = False
    if first.kind is Kind.OPEN or first.kind is Kind.AUTHORS:
        author_count, separated = _read_authors_box(state)
    elif first.kind is Kind.REFERENCE or first.kind is Kind.TEXT or first.kind is Kind.BOX:
        glued = _separated_organization(state) if first.kind is Kind.TEXT else 0
        wrapped = _wrapped_organization(state) if first.kind is Kind.TEXT and not glued else None
        read = [state.advance() for _ in range(glued or wrapped or 1)]
        whole = " ".join(line.text for line in read)
        if glued:
            whole = whole[: -len(GLUED_SEPARATOR)].rstrip()
            separated = True
        text = whole_reference(whole)
        if text is None and whole.startswith("[") and not balanced(whole):
            # a link cut before its '][N]' (``[[logo] Name``): the name without its '['
            last = read[-1]
            state.reporter.defect(
                "unbalanced-bracket", last.number, last.column(len(last.text) + 1),
                detail="no '][N]' after the organization",
            )
            whole = whole[1:]
        # A cut inside the logo's alt text (``[[micro``) leaves no name.
        logo_cut = whole.startswith("[") and "]" not in whole
        name = _organization_name(text if text is not None else whole)
        organization = None if logo_cut else name or None
    else:
        state.reporter.defect("missing-authors", first.number, 1)
    separator = state.peek()
    if separator is None or _is_cut(state):
        return _Metadata(author_count, organization, cut=True)
    if separated:
        pass
    elif separator.kind is Kind.SEPARATOR:
        state.advance()
    elif separator is not first:
        state.reporter.defect("missing-separator", separator.number, 1)
    date_line = state.peek()
    if date_line is None or _is_cut(state):
        return _Metadata(author_count, organization, cut=True)
    arrowed = date_line.kind is Kind.DATE and is_arrowed_date(date_line.text)
    if date_line.kind is Kind.DATE and not arrowed:
        return _with_date(state, state.advance(), author_count, organization, listing=True)
    if date_line.kind is Kind.TEXT or arrowed:
        line = state.advance()
        state.reporter.defect("bad-date", line.number, 1, detail=repr(line.text[:40]))
    else:
        state.reporter.defect("missing-date", date_line.number, 1)
    return _Metadata(author_count, organization)


def _avatar_lines(state: ParseState, ahead: int) -> int:
    """How many author avatar items come from ``ahead`` lines on (at most a few)."""
    count = 0
    while count < MAX_AVATARS and (line := state.peek(ahead + count)) is not None:
        if not is_avatar(line.text, line.kind):
            break
        count += 1
    return count


def _read_authors_box(state: ParseState) -> tuple[int | None, bool]:
    """``[`` / avatars / ``* N authors`` / ``][N]``; reports the first flaw. The count, and
    whether the ``·`` came glued after the close (``][8] ·``, html2text)."""
    opened = state.peek_is(0, Kind.OPEN)
    avatars = 0
    if opened:
        state.advance()
        avatars = _avatar_lines(state, 0)
        state.advance_by(avatars)
    content = state.peek()
    count: int | None = None
    if content is not None and _is_close_separated(content):
        detail = "avatars without '* N authors'" if avatars else "an empty authors box"
        state.reporter.defect("bad-authors", content.number, 1, detail=detail)
    elif content is not None and content.kind in (Kind.AUTHORS, Kind.BULLET, Kind.TEXT):
        state.advance()
        count = _authors(state, content)
    elif content is not None and content.kind is Kind.CLOSE:
        detail = "avatars without '* N authors'" if avatars else "an empty authors box"
        state.reporter.defect("bad-authors", content.number, 1, detail=detail)
    if not opened and content is not None:
        state.reporter.defect(
            "unbalanced-bracket", content.number, 1, detail="no '[' line before the authors"
        )
    close = state.peek()
    if close is not None and close.kind is Kind.CLOSE:
        state.advance()
    elif close is not None and _is_close_separated(close):
        state.advance()
        return count, True
    elif close is not None and close.kind not in _END_KINDS:
        state.reporter.defect(
            "unbalanced-bracket", close.number, 1, detail="no '][N]' line after the authors"
        )
    return count, False


def _authors(state: ParseState, line: Line) -> int | None:
    digits = authors_count(line.text)
    if digits is None:
        state.reporter.defect("bad-authors", line.number, 1, detail="expected '* N authors'")
        return None
    if len(digits) > MAX_AUTHOR_DIGITS:
        state.reporter.defect("bad-authors", line.number, line.column(3), detail="count too large")
        return None
    return int(digits)


def _with_date(
    state: ParseState, line: Line, author_count: int | None, organization: str | None,
    *, listing: bool = False,
) -> _Metadata:
    """The metadata with the date line ``line``; in a ``listing`` entry the comment count may
    follow on its own line (a card's upvote link stands there)."""
    dated = must_read_dated(line.text, line.number)
    if listing and dated.comments is None and (count := _comments_apart(state)) is not None:
        line, digits = count
        votes = read_count(state, line.number, digits, line.column(line.text.index(digits) + 1))
    else:
        votes = read_count(state, line.number, dated.comments, line.column(dated.comments_column))
    parts = dated.parts
    return _Metadata(
        author_count,
        organization,
        resolve_entry_date(state, line.number, parts),
        votes,
        parts.text,
        parts.year is not None,
    )




def _next_page_number(text: str, digits: str) -> bool:
    """Whether ``text`` starts with the link of the page number after ``digits`` (``[2][41]``)."""
    found = COUNT_LINK.match(text)
    return found is not None and int(found.group(1)) == int(digits) + 1


def _comments_apart(state: ParseState) -> tuple[Line, str] | None:
    """The comment count on its own line after a date that shows none (html2text, where the
    page puts the count's link in a block of its own: ``Nov 20`` then ``[4][19]``): the line
    and its digits, consumed; None where the next line is no such count. It reads as the next
    entry's one-line box as well, so it is the count only where no title follows it; and as
    a list's first page number, so not where the next number follows it (with no title)."""
    line = state.peek()
    if line is None or line.kind is not Kind.BOX:
        return None
    found = COUNT_LINK.fullmatch(line.text)
    after = state.peek(1)
    if found is None or (after is not None and after.kind is Kind.TITLE):
        return None
    if after is not None and _reference_number(after.text) == _reference_number(line.text):
        return None  # one URL twice: the next entry's box repeated, no count and a box
    if (
        after is not None
        and _next_page_number(after.text, found.group(1))
        and not state.peek_is(2, Kind.TITLE)  # with a title: the count, then the next box
    ):
        return None  # a list's first page numbers: ``[1][40]``, ``[2][41]``, ``[Next][41]``
    state.advance()
    return line, found.group(1)


def junk(state: ParseState) -> bool:
    """Lines that fit nowhere, up to the next entry or header: one diagnostic."""
    span = junk_span(state, entry_start)
    if span is not None:  # the same lines, read straight from the window
        first, last = span
        state.skip_to(last.number)
    else:
        first = state.advance()
        last = first
        while state.peek() is not None:
            if entry_start(state) is not None or starts_repeated_header(state):
                break
            last = state.advance()
    report_junk(state, first, last)
    return True
