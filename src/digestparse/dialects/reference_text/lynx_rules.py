"""The rules of lynx's own notation (``lynx.py``): header, entries, cards, page's end.

A listing entry, as ``lynx -dump`` writes the page (indents stripped; blank lines anywhere)::

    [31]-                  upvote link: '-' or a number (or '[31]' then the count)
    [32]MURMUR: An …       title: a link line, maybe wrapped at the title's indent
    [33]Long-form …        abstract: a link line and the lines wrapped after it
    [34]                   authors link: its number, avatar items, '* N authors'
    * 3 authors            (or '* [34]3 authors'), or an organization '[67]Microsoft'
    ·                      the separator, maybe with the date after it
    May 30 [35]6           date, and the comment count as a link

A card (the trending page) has a thumbnail link and ``Submitted by`` before its title, a
plain summary, ``* N authors`` or an organization, ``· Published on …``, ``[19]Upvote 149``
and a line of links (``[20]GitHub 110k [21]arXiv Page``). docs/format.md gives the grammar.
"""

from __future__ import annotations

import datetime
import re
from typing import cast

import attrs

from ...dates import (
    MAX_AUTHOR_DIGITS,
    MAX_COUNT_DIGITS,
    read_count,
    resolve_entry_date,
    set_page_date,
)
from ...grammar import (
    in_page_end,
    is_card_link,
    is_period_label,
    is_trending_page,
    logo_alts_shown,
    may_start_page_end,
    opens_page_end,
    without_unknown_logo_alt,
)
from ...links import extract_links
from ...markup import LYNX_IMAGE, join_wrapped, strip_image_alt
from ...model import Paper
from ...rules import page_end as page_end_rule
from ...rules.junk import report_junk
from ...state import Line, ParseState
from ..bounded import FieldLines
from .header import HeaderLines, check_header_order
from .lynx import (
    BUTTON,
    ELINKS_BULLET,
    MARK,
    PUBLISHED_ON,
    LynxKind,
    after_mark,
    authors_count,
    box_count,
    chrome_words,
    is_avatar,
    only_images,
    phrase,
    read_date,
    unmarked,
    upvotes,
    without_bullet,
    without_numbered_logo,
)

_SUBMITTED_BY = "Submitted by"
#: ``ParseState.memo`` key: the header shows the site's logo written as its alt text,
#: ``GLUED`` or ``BARE`` (``grammar.logo_alts_shown``): every organization's name starts
#: with its logo's.
LOGO_ALTS = "reference-text: image alts written as text"
#: How many of the header's first lines may hold the site's logo.
_LOGO_LINES = 3
#: How many lines a title wraps over at most, and an organization's name.
_MAX_TITLE_LINES = 8
_MAX_ORGANIZATION_LINES = 3
#: The most lines of links after a card, and of the header.
_MAX_LINKS_LINES = 4
_MAX_HEADER_LINES = 120
#: The longest line read as a search query.
_MAX_QUERY_LINE = 200

# --- the header (its phrases in page order: header.STEPS) --------------------------------------


def _phrase(line: Line) -> str | None:
    kind = line.kind
    assert isinstance(kind, LynxKind)
    return phrase(line.text, kind)


def _is_menu(line: Line) -> bool:
    """The site's menu: its logo link and its items (``* [2]Models``, ``* Website``)."""
    return (line.kind is LynxKind.LINK or line.kind is LynxKind.ITEM) and _phrase(line) is None


def _is_unlabelled(line: Line) -> bool:
    """A header line that shows no words: an icon link (``[5]``, ``[5][arrow]``), an empty
    item (``*``), a button or field lynx draws (``[BUTTON]``, ``(BUTTON)``, ``____``), also
    as an item (the trending page's switcher, whose buttons show no label: ``* (BUTTON)``)."""
    text = without_bullet(line.text)
    if not text.strip("_") or text == BUTTON:
        return True
    rest = after_mark(text)
    return only_images(rest if rest is not None else text)


def _is_period(line: Line) -> bool:
    text = unmarked(line.text).strip()
    return len(text) <= 40 and is_period_label(text)


def read_header(state: ParseState) -> None:
    """The menu and header the dump starts with, and the page date after them."""
    first = state.peek()
    if first is None:
        state.reporter.defect(
            "missing-header", state.wrapper_end + 1, 1, detail="the input is empty"
        )
        return
    if entry_start(state) is not None or not (_is_menu(first) or _phrase(first) is not None):
        state.reporter.defect("missing-header", first.number, 1)
        return
    lines: list[Line] = []
    while len(lines) < _MAX_HEADER_LINES:
        line = state.peek()
        if line is None or line.kind is LynxKind.DATE or (lines and entry_start(state) is not None):
            break
        if line.kind not in _HEADER_KINDS or starts_page_end(state):
            break
        lines.append(state.advance())
    if any(line.text[:1] == ELINKS_BULLET for line in lines):
        state.memo[ELINKS] = True
    for line in lines[:_LOGO_LINES]:
        if (alts := logo_alts_shown(unmarked(line.text).strip())) is not None:
            state.memo[LOGO_ALTS] = alts
    page_lines = check_header_order(state, _unwrapped_phrases(lines), _SHOWN)
    shown = [line for line in page_lines if not _is_unlabelled(line)]
    state.header = tuple(_header_text(line) for line in shown)
    state.header_span = (lines[0].number, lines[-1].number)
    date = state.peek()
    if date is not None and date.kind is LynxKind.DATE:
        state.advance()
        dated = read_date(date.text)
        assert dated is not None
        if dated.comments is not None and dated.parts.count_text is None:
            state.reporter.defect("bad-page-date", date.number, date.column(dated.comments_column))
        set_page_date(state, date.number, dated.parts, indent=date.indent)
        state.top_page_date = state.page_date
    if state.page_date is not None or _is_period(lines[-1]):
        _read_arrow(state)
    state.header_span = (lines[0].number, state.last_line)


def _unwrapped_phrases(lines: list[Line]) -> list[Line]:
    """``lines`` with each page phrase that lynx wrapped at a narrow width (``Get trending
    papers in your email inbox once a`` over ``day!``) joined into one line: text lines glued
    to each other, no phrase alone, that are one once joined."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and line.kind is LynxKind.TEXT
            and following.kind is LynxKind.TEXT
            and not following.gap
            and _phrase(line) is None
            and _phrase(following) is None
        ):
            text = join_wrapped([line.text, following.text])
            if phrase(text, LynxKind.TEXT) is not None:
                joined.append(line._replace(text=text))
                index += 2
                continue
        joined.append(line)
        index += 1
    return joined


_HEADER_KINDS = (LynxKind.LINK, LynxKind.ITEM, LynxKind.TEXT)
#: ``ParseState.memo`` key: the dump is elinks' (its header's list items start with
#: ``ELINKS_BULLET``), which numbers no link around a block: an abstract shows no number.
ELINKS = "reference-text: elinks' numbers"


def _header_text(line: Line) -> str:
    found = _phrase(line)
    if found is not None:
        return found
    return " ".join(chrome_words(line.text).rstrip("_").split())


def _read_arrow(state: ParseState) -> None:
    """The next day's arrow after the page date: an icon link that no ``Submitted by``
    follows (a card's thumbnail)."""
    line = state.peek()
    if line is None or line.kind is not LynxKind.LINK or not _is_unlabelled(line):
        return
    if entry_start(state) is not None:
        return
    after = state.peek(1)
    if after is not None and after.text.startswith(_SUBMITTED_BY):
        return
    state.advance()


def _is_query(state: ParseState, line: Line, after: list[Line]) -> bool:
    """A search page's query below the byline (lynx may show it in its field, ``Intercode
    Bash____``, numbered where it numbers fields, ``[31]Intercode Bash____``): a short line
    with a header phrase or the page date right after it."""
    if line.kind not in (LynxKind.TEXT, LynxKind.LINK) or len(line.text) > _MAX_QUERY_LINE:
        return False
    shown = [other for other in after if not _is_unlabelled(other)]
    if shown:
        return _phrase(shown[0]) is not None
    return state.peek_is(0, LynxKind.DATE)


#: lynx's header lines (its subscribe form's field and button before the page's title).
_SHOWN = HeaderLines(
    phrase=_phrase,
    is_menu=_is_menu,
    is_period=_is_period,
    is_unlabelled=_is_unlabelled,
    is_query=_is_query,
    unlabelled_before_title=True,
)


def starts_repeated_header(state: ParseState) -> bool:
    line = state.peek()
    return line is not None and line.kind is not LynxKind.ITEM and _phrase(line) is not None


def repeated_header(state: ParseState) -> bool:
    """A header between entries (two dumps joined): one ``repeated-header``; its page date is
    used for later yearless dates."""
    if not starts_repeated_header(state):
        return False
    first = state.advance()
    while (line := state.peek()) is not None and (
        (line.kind is LynxKind.ITEM or line.kind is LynxKind.TEXT or line.kind is LynxKind.LINK)
        and (_phrase(line) is not None or _is_unlabelled(line) or line.kind is LynxKind.ITEM)
    ):
        state.advance()
    date = state.peek()
    dated = read_date(date.text) if date is not None and date.kind is LynxKind.DATE else None
    if date is not None and dated is not None:
        state.advance()
    state.reporter.defect(
        "repeated-header", first.number, 1, end_line=state.last_line, gap=first.gap
    )
    if date is not None and dated is not None:
        set_page_date(state, date.number, dated.parts, indent=date.indent)
    return True


# --- where an entry starts ----------------------------------------------------------------


@attrs.frozen
class _Start:
    #: Lines before the title's line: the lead-in (a card's) or the upvote link.
    before: int
    #: The upvote count's text, if a link before the title (or on its line) shows one.
    count: str | None = None
    #: The title's line holds the upvote link before it: ``[31]- [32]Title``.
    glued: bool = False
    #: A card's lead-in: its lines, and the submitter's name (None: not shown).
    lead_in: bool = False
    submitted: bool = False
    name: str | None = None


def _title_text(line: Line | None) -> str | None:
    """The title a link line shows (``[32]MURMUR`` gives ``MURMUR``), or None when the line is
    not one: no number, no text, a count, only images, or the page's end."""
    if line is None or line.kind is not LynxKind.LINK:
        return None
    rest = after_mark(line.text)
    if not rest or box_count(rest) is not None or only_images(rest):
        return None
    if "[" in rest and MARK.search(rest):
        return None  # a line of links: '[20]GitHub 131 [21]arXiv Page'
    if is_card_link(rest.strip()):
        return None  # one card link alone: '[21]arXiv Page' (a card with no repository)
    if authors_count(line.text) is not None:
        return None
    if len(rest) < _MAX_PAGE_END_TITLE and in_page_end(unmarked(rest)):
        return None  # '[300]Previous [301]Next'
    if _phrase(line) is not None:
        return None  # '[29]Subscribe', '[31]Trending Papers'
    if rest[0] == "[" and _submitted(line.text) is not None:
        return None  # '[11][IMG]Submitted by'
    if " ·" in rest and _is_dated_organization(rest):
        return None  # '[26][kandinsky] Kandinsky Lab · Published on Oct 4, 2026'
    return rest


def _is_dated_organization(text: str) -> bool:
    """An organization link with its separator (and the date) after it."""
    _name, _, after = text.rpartition(" ·")
    after = after.strip().removeprefix(PUBLISHED_ON.strip()).strip()
    return not after or read_date(after) is not None


#: No line of the page's end that starts with a link is longer.
_MAX_PAGE_END_TITLE = 200


def _glued_box(line: Line) -> tuple[str, str] | None:
    """``[31]- [32]Title``: the upvote count and the title, or None."""
    rest = after_mark(line.text)
    if rest is None:
        return None
    second = MARK.search(rest)
    if second is None:
        return None
    count = box_count(rest[: second.start()])
    title = rest[second.end() :]
    if count is None or not title or only_images(title) or box_count(title) is not None:
        return None  # '[25]1[25]1': a count link twice
    return count, title


def entry_start(state: ParseState) -> _Start | None:
    """How an entry starts at the next line, or None when none does."""
    line = state.peek()
    if line is None:
        return None
    kind = line.kind
    if kind is LynxKind.LINK:
        rest = after_mark(line.text) or ""
        count = box_count(rest)
        if count is not None:
            return _Start(1, count) if _title_text(state.peek(1)) is not None else None
        if _glued_box(line) is not None:
            return _Start(0, glued=True)
        if not rest:
            following = state.peek(1)
            if (
                following is not None
                and following.kind is LynxKind.COUNT
                and _title_text(state.peek(2)) is not None
            ):
                return _Start(2, following.text)
        if only_images(rest):
            return _lead_in(state, 1)
        if rest.startswith("[") and _submitted(line.text) is not None:
            return _lead_in(state, 0)  # the thumbnail glued to 'Submitted by'
        if _boxless_title(state):
            return _Start(0)
        return None
    if kind is LynxKind.TEXT and line.text.startswith(_SUBMITTED_BY):
        return _lead_in(state, 0)
    return None


def _submitted(text: str) -> str | None:
    """What follows ``Submitted by`` on a line that starts with it, maybe after the card's
    thumbnail (``[11][IMG]Submitted by``), else None."""
    if not text.startswith(_SUBMITTED_BY):
        rest = after_mark(text)
        if rest is None or "[" not in rest:
            return None
        text = strip_image_alt(rest).lstrip()
        if not text.startswith(_SUBMITTED_BY):
            return None
    return text[len(_SUBMITTED_BY) :]


def _boxless_title(state: ParseState) -> bool:
    """A title with no upvote link before it (a card's, or a listing entry that lost it): a
    link line with words that is no page's end, and an abstract link or a summary after it."""
    line = state.peek()
    if _title_text(line) is None or line is None or in_page_end(unmarked(line.text)):
        return False
    if _organization_lines(state) is not None:
        return False  # '[67][microsoft] Microsoft' and the '·' after it
    after = state.peek(1 + _title_continuation(state, 0, line.indent, card=True))
    if after is None or (line.indent and after.indent <= line.indent):
        return False  # lynx indents the body, not the headings
    if after.kind is LynxKind.LINK:
        return _title_text(after) is not None and after.indent >= line.indent
    return after.kind is LynxKind.TEXT and not after.text.startswith(_SUBMITTED_BY)


def _lead_in(state: ParseState, at: int) -> _Start | None:
    """A card's lead-in from line ``at`` on (after its thumbnail when ``at`` is 1): the
    ``Submitted by`` block, then the title (no upvote link before a card's title)."""
    ahead = at
    submitted = False
    name: str | None = None
    line = state.peek(ahead)
    after = _submitted(line.text) if line is not None else None
    if after is not None:
        submitted = True
        shown = _name(after)
        ahead += 1
        if shown:
            name = shown
        else:
            following = state.peek(ahead)
            if following is not None and only_images(following.text):
                ahead += 1  # the avatar: '[IMG]'
                following = state.peek(ahead)
            if (
                following is not None
                and following.kind in (LynxKind.TEXT, LynxKind.LINK)
                and _row_at(state, ahead + 1)
            ):
                name = _name(following.text) or None  # plain or linked: '[17]vvasilev'
                ahead += 1
    if ahead == 0:
        return None
    if _title_text(state.peek(ahead)) is None:
        # The listing's row under a lead-in: its upvote link, then the title.
        box = state.peek(ahead)
        count = box_count(after_mark(box.text) or "") if box is not None else None
        if count is None or _title_text(state.peek(ahead + 1)) is None:
            return None
        return _Start(ahead + 1, count, lead_in=True, submitted=submitted, name=name)
    return _Start(ahead, lead_in=True, submitted=submitted, name=name)


def _row_at(state: ParseState, ahead: int) -> bool:
    """Whether a title, or an upvote link and a title, starts ``ahead`` lines on."""
    if _title_text(state.peek(ahead)) is not None:
        return True
    box = state.peek(ahead)
    return (
        box is not None
        and box.kind is LynxKind.LINK
        and box_count(after_mark(box.text) or "") is not None
        and _title_text(state.peek(ahead + 1)) is not None
    )


def _name(text: str) -> str:
    """A submitter's name without lynx's marks and images (``[IMG] [17]vvasilev``)."""
    return " ".join(strip_image_alt(unmarked(text)).split()) if "[" in text else text.strip()


def _organization_name(shown: str, alts_written: str | None) -> str:
    """An organization's name without its logo: lynx writes an image's alt text as it is,
    so ``[67]microsoft Microsoft`` shows the logo's alt (the organization's handle) bare
    before the name, and elinks glued to it (``grammar.without_unknown_logo_alt``); a
    bracketed alt (``[microsoft] Microsoft``) is dropped as everywhere. elinks numbers the
    logo and the name as two links (``[31]occ-ai[32]OCC``): there the first is the alt,
    whatever its letters (``without_numbered_logo``). Where the header showed the site's
    logo so (``alts_written``), every name starts with its logo's alt."""
    if shown.startswith("["):
        return " ".join(strip_image_alt(shown).split())
    return without_unknown_logo_alt(shown, alts_written=alts_written)


# --- the page's end ------------------------------------------------------------------------


def starts_page_end(state: ParseState) -> bool:
    """Whether the page's end starts at the next line, each line read without lynx's
    numbers and button mark (``[30]Previous [31]Next``, ``(BUTTON) System theme``)."""
    return page_end_rule.starts_page_end(state, chrome_words)


def page_end(state: ParseState) -> bool:
    """The pagination, footer and ``References`` list to the input's end."""
    return page_end_rule.page_end(state, chrome_words)


# --- an entry ------------------------------------------------------------------------------


@attrs.define
class _Fields:
    author_count: int | None = None
    organization: str | None = None
    date: datetime.date | None = None
    votes: int | None = None
    date_text: str | None = None
    year_explicit: bool | None = None
    cut: bool = False


def _is_cut(state: ParseState) -> bool:
    line = state.peek()
    return line is None or line.kind is LynxKind.TRUNCATED or starts_repeated_header(state)


def _report_cut(state: ParseState, detail: str, first: int = 0) -> None:
    line = state.last_line
    if state.peek_is(0, LynxKind.TRUNCATED):
        mark = state.advance()
        detail += f"; the capture tool cut the page here ({mark.text})"
        line = mark.number
    state.reporter.defect("truncated-entry", first or line, 1, end_line=line, detail=detail)


def entry(state: ParseState) -> bool:
    start = entry_start(state)
    first = state.peek()
    if start is None or first is None:
        return False
    count: int | None = None
    state.advance_by(start.before)
    if start.submitted and start.name is None:
        title_line = state.peek()
        assert title_line is not None
        state.reporter.defect("missing-submitter", title_line.number, 1)
    if start.count is not None:
        count = _count(state, first, start.count)
    title_line = state.advance()
    if start.glued:
        glued = _glued_box(title_line)
        assert glued is not None
        count = _count(state, title_line, glued[0])
        title_text = glued[1]
    else:
        title_text = after_mark(title_line.text) or ""
    has_box = start.count is not None or start.glued
    is_card = not has_box and (start.lead_in or not _abstract_link_next(state, title_line))
    title = _read_title(state, title_line, title_text, card=is_card)
    if _is_cut(state):
        _report_cut(state, "a title alone", first.number)
        return True
    if not has_box and not is_card:
        state.reporter.defect(
            "bad-upvotes", first.number, 1, detail="no upvote link before the title"
        )
    elif is_card and not start.submitted and start.before and not is_trending_page(state.header):
        # A thumbnail right over its title: the daily page draws the upvote link between
        # them (a trending card's thumbnail stands over its lead-in).
        state.reporter.defect(
            "bad-upvotes", title_line.number, 1, detail="no upvote link before the title"
        )
    if is_card:
        abstract, cut = _read_summary(state)
    else:
        abstract, cut = _read_abstract(state)
    fields = _Fields()
    if not cut:
        fields = _read_metadata(state, card=is_card)
    if is_card and not cut and not fields.cut:
        upvoted = _read_card_upvotes(state)
        if upvoted is not None:
            count = upvoted
        _read_links_lines(state)
    end_line = state.last_line
    if cut or fields.cut:
        _report_cut(state, "inside the abstract" if cut else "inside the metadata block")
    state.papers.append(
        Paper(
            title=title,
            abstract=abstract,
            author_count=fields.author_count,
            organization=fields.organization,
            date=fields.date,
            votes=fields.votes,
            links=extract_links(abstract),
            line=first.number,
            end_line=end_line,
            date_text=fields.date_text,
            year_explicit=fields.year_explicit,
            upvotes=count,
            submitted_by=start.name,
        )
    )
    return True


def _count(state: ParseState, line: Line, text: str) -> int | None:
    if len(text) > MAX_COUNT_DIGITS:
        state.reporter.defect("bad-upvotes", line.number, 1, detail="count too large")
        return None
    return upvotes(text)


def _abstract_link_next(state: ParseState, title: Line) -> bool:
    """Whether a link line with words (the listing's abstract) follows the title's lines."""
    after = state.peek(_title_continuation(state, -1, title.indent, card=False))
    return _title_text(after) is not None and after is not None and after.indent >= title.indent


#: What a wrapped title's later line may look like: a title wrapped before its last number
#: ('… Part' / '2') or a date-like word leaves a line of that kind.
_TITLE_KINDS = (LynxKind.TEXT, LynxKind.COUNT, LynxKind.DATE)


def _title_continuation(state: ParseState, at: int, indent: int, *, card: bool) -> int:
    """How many lines after the title's line (``at`` lines ahead; -1: the one just read) are
    the rest of a wrapped title: text lines glued to it at its ``indent``. Under a card's
    title, where the summary is plain text too, only where a line at another indent (the
    summary) comes after them. A title wrapped before a lone ``+``, ``*`` or ``#`` of it
    (``… Vision`` / ``+ Language Models``) leaves a line that reads as a list item: at the
    title's indent (lynx indents a list's items deeper than a heading, elinks deeper than
    its link) it is the title's, unless it is an avatar or an authors item."""
    count = 0
    while count < _MAX_TITLE_LINES:
        line = state.peek(at + 1 + count)
        if line is None or line.gap or line.indent != indent:
            break
        if line.kind not in _TITLE_KINDS and not (
            line.kind is LynxKind.ITEM and _may_be_text(line)
        ):
            break
        if line.text.startswith(_SUBMITTED_BY) or only_images(line.text):
            break
        count += 1
    if not count:
        return 0
    after = state.peek(at + 1 + count)
    if not card and after is not None and after.kind is LynxKind.LINK and after.indent >= indent:
        return count  # the listing's abstract link
    if card and not (after is not None and after.kind is LynxKind.TEXT and after.indent != indent):
        return 0
    return count


def _read_title(state: ParseState, first: Line, text: str, *, card: bool) -> str:
    parts = FieldLines(first, text)
    for _ in range(_title_continuation(state, -1, first.indent, card=card)):
        parts.add(state.advance())
    parts.report(state)
    # lynx's own words for an image without alt text are never a title's (an icon glued on).
    return _PLACEHOLDERS_AT_END.sub("", join_wrapped(parts.texts))


#: lynx's placeholders for images without alt text, at the end of a title.
_PLACEHOLDERS_AT_END = re.compile(rf"(?:\s*{LYNX_IMAGE})+$")


def _ends_abstract(state: ParseState, *, first: bool = False, text_indent: int = 0) -> bool:
    """Whether the abstract has ended at the next line: the metadata, the next entry, the
    page's end, a header or the capture tool's mark. The ``first`` line after the title is
    the abstract's, unless it shows an organization's logo (``[67][microsoft] Microsoft``)
    with its ``·``: a link line and a ``·`` alone are an abstract that lost its authors.
    ``text_indent``: the abstract's first line's."""
    line = state.peek()
    if line is None or line.kind is LynxKind.SEPARATOR or line.kind is LynxKind.TRUNCATED:
        return True
    if line.kind is LynxKind.DATE and not first:
        return True  # the date, its ``·`` lost: no line of an abstract reads as one
    if line.kind is LynxKind.ITEM:
        # The authors list; a line of the text that starts with a lone '*' or '#' ('# of
        # tokens …', wrapped there) is no list item where it stands at the text's indent.
        if first:
            return not _text_at_bullet(state, 0)
        return line.indent > text_indent or not _may_be_text(line)
    if line.kind is LynxKind.LINK:
        rest = after_mark(line.text) or ""
        if not rest and not first:
            # The authors link's number alone, unless text follows it: a citation of the
            # abstract wrapped onto its own line ('[12]').
            after = state.peek(1)
            return after is None or after.kind is not LynxKind.TEXT or (
                authors_count(after.text) is not None
            )
        if not rest or only_images(rest) or authors_count(line.text) is not None:
            return True
        if (not first or rest[0] == "[") and _organization_lines(state) is not None:
            return True
    start = entry_start(state)
    if (start is not None and (start.count is not None or start.glued or start.lead_in)) or (
        starts_repeated_header(state)
    ):
        return True  # a title without an upvote link before it would be text of the abstract
    return may_start_page_end(chrome_words(line.text)) and starts_page_end(state)


def _read_abstract(state: ParseState) -> tuple[str, bool]:
    """The listing's abstract, a link: ``[33]Long-form …`` and the lines wrapped after it.
    Returns it and whether the input is cut inside it."""
    line = state.peek()
    if line is None or (_ends_abstract(state, first=True) and not (
        line.kind is LynxKind.LINK and not after_mark(line.text) and _text_after(state)
    )):
        where = line.number if line is not None else state.last_line
        if line is None:
            return "", True
        state.reporter.defect("missing-abstract", where, 1)
        return "", False
    if line.kind is LynxKind.LINK:
        state.advance()
        rest = after_mark(line.text) or ""
        parts = FieldLines(line, rest) if rest else None
    else:
        if ELINKS not in state.memo:  # elinks numbers no link around a block (the abstract)
            state.reporter.defect(
                "missing-link", line.number, 1, detail="an abstract without its link number"
            )
        parts = None
    while not _ends_abstract(state, text_indent=line.indent):
        following = state.advance()
        if parts is None:
            parts = FieldLines(following)
        else:
            parts.add(following)
    abstract = ""
    if parts is not None:
        parts.report(state)
        abstract = join_wrapped(parts.texts)
    if not abstract:
        state.reporter.defect("missing-abstract", line.number, 1, detail="an empty link")
    return abstract, _is_cut(state) and not state.peek_is(0, LynxKind.DATE)


def _text_after(state: ParseState) -> bool:
    """``[33]`` alone with the abstract's text on the lines after it."""
    following = state.peek(1)
    return following is not None and (
        following.kind is LynxKind.TEXT or _text_at_bullet(state, 1)
    )


def _text_at_bullet(state: ParseState, ahead: int) -> bool:
    """A text's first line that starts with a lone ``*``, ``+`` or ``#`` of the text (``# of
    tokens …``): neither an avatar nor an authors item, with the text's next line glued
    under it at its indent, or the authors list indented deeper (lynx indents all items of
    a list alike)."""
    line = state.peek(ahead)
    following = state.peek(ahead + 1)
    if line is None or line.kind is not LynxKind.ITEM or not _may_be_text(line) or (
        following is None
    ):
        return False
    if following.kind is LynxKind.ITEM:
        return following.indent > line.indent
    return following.kind is LynxKind.TEXT and not following.gap and (
        following.indent == line.indent
    )


def _read_summary(state: ParseState) -> tuple[str, bool]:
    """A card's summary: plain text lines up to its metadata."""
    parts: FieldLines | None = None
    while (line := state.peek()) is not None and (
        line.kind in (LynxKind.TEXT, LynxKind.COUNT, LynxKind.DATE)
        or (parts is not None and line.kind is LynxKind.ITEM and _wrapped_at_bullet(line, parts))
        or (parts is None and _text_at_bullet(state, 0))
        or (parts is not None and line.kind is LynxKind.LINK and _wrapped_at_citation(state, parts))
    ):
        if entry_start(state) is not None or starts_repeated_header(state):
            break
        if parts is not None and starts_page_end(state):
            break
        if " ·" in line.text and _is_dated_organization(line.text):
            break  # 'Kandinsky Lab · Published on Oct 4, 2026' (an organization not linked)
        if parts is None:
            parts = FieldLines(state.advance())
        else:
            parts.add(state.advance())
    if parts is None:
        where = line.number if line is not None else state.last_line
        if line is None or line.kind is LynxKind.TRUNCATED:
            return "", True
        state.reporter.defect("missing-abstract", where, 1)
        return "", False
    parts.report(state)
    return join_wrapped(parts.texts), line is None or line.kind is LynxKind.TRUNCATED


def _wrapped_at_bullet(line: Line, parts: FieldLines) -> bool:
    """A summary line that starts with a lone ``*`` or ``#`` of the text: at the summary's
    indent, glued to it, and neither an avatar nor an authors item."""
    return not line.gap and line.indent == parts.last.indent and _may_be_text(line)


def _may_be_text(item: Line) -> bool:
    """Whether a list item may be a line of a text that starts with a lone ``*``, ``#`` or
    ``+`` of it: neither an avatar nor an authors item."""
    return not is_avatar(item.text) and authors_count(item.text) is None


def _wrapped_at_citation(state: ParseState, parts: FieldLines) -> bool:
    """A summary line that starts with a citation of the text (``[12] show that …``,
    ``[12].``): glued to the summary at its indent, with a space or a punctuation mark
    after the number where lynx glues a link's text to it, and no organization's line."""
    line = state.peek()
    assert line is not None
    rest = after_mark(line.text) or ""
    return (
        not line.gap
        and line.indent == parts.last.indent
        and rest[:1] in _AFTER_CITATION
        and not only_images(rest)
        and _organization_lines(state) is None
    )


_AFTER_CITATION = frozenset(" .,;:)")


def _organization_lines(state: ParseState) -> int | None:
    """How many lines an organization link takes (``[67][microsoft] Microsoft``, wrapped
    over up to three), where a ``·`` follows it or ends its last line, or the date follows
    it (its ``·`` lost); else None."""
    first = state.peek()
    for count in range(1, _MAX_ORGANIZATION_LINES + 1):
        line = state.peek(count - 1)
        if line is None or first is None:
            return None
        glued = not line.gap and line.kind is LynxKind.TEXT and line.indent == first.indent
        if count > 1 and not glued:
            return None
        if " · " in line.text or line.text.endswith(" ·"):
            return count
        after = state.peek(count)
        if after is not None and (
            after.kind is LynxKind.SEPARATOR or (after.kind is LynxKind.DATE and count == 1)
        ):
            return count
    return None


def _read_metadata(state: ParseState, *, card: bool) -> _Fields:
    """The authors or organization, the ``·`` and the date (with its comment count); a
    card's may lack the ``·`` and date (``* 8 authors`` alone)."""
    fields = _Fields()
    line = state.peek()
    if line is None or line.kind is LynxKind.TRUNCATED:
        return _Fields(cut=line is not None)
    if _opens_next(state):
        return fields
    after_separator: str | None = None
    separator_line: Line | None = None
    authored = False
    if line.kind is LynxKind.ITEM or (
        line.kind is LynxKind.LINK
        and (not after_mark(line.text) or only_images(after_mark(line.text) or "")
             or authors_count(line.text) is not None)
    ):
        authored = True
        fields.author_count = _read_authors(state)
    elif line.kind is LynxKind.LINK or line.kind is LynxKind.TEXT:
        size = _organization_lines(state)
        if size is not None:
            authored = True
            read = [state.advance() for _ in range(size)]
            joined = " ".join(part.text for part in read)
            name, _, rest = joined.partition(" ·")
            logo_apart = without_numbered_logo(name)
            shown = unmarked(logo_apart).strip()
            if logo_apart != name:
                # elinks' numbers set the logo apart (then taken off): the rest is the name,
                # whatever its letters (``[21]inclusionAI[22]inclusionAI``).
                fields.organization = " ".join(shown.split()) or None
            else:
                alts = cast("str | None", state.memo.get(LOGO_ALTS))
                fields.organization = _organization_name(shown, alts) or None
            if joined.endswith(" ·") or " · " in joined:
                separator_line = read[-1]
                after_separator = rest.strip()
    if _is_cut(state) and after_separator is None:
        fields.cut = state.peek() is not None or authored
        return fields
    if not authored:
        where = state.peek()
        if where is None or (
            where.kind is not LynxKind.SEPARATOR and where.kind is not LynxKind.DATE
        ):
            return fields  # no metadata block at all: no deviation, as in the listing above
        state.reporter.defect("missing-authors", where.number, 1)
    if after_separator is None:
        following = state.peek()
        if following is not None and following.kind is LynxKind.SEPARATOR:
            separator_line = state.advance()
            after_separator = following.text[1:].strip()
        elif following is None or following.kind is LynxKind.TRUNCATED:
            fields.cut = True
            return fields
        else:
            if card and following.kind is not LynxKind.DATE:
                return fields  # '* 8 authors' alone (no date on this card)
            state.reporter.defect("missing-separator", following.number, 1)
    text = (after_separator or "").removeprefix(PUBLISHED_ON.strip()).strip()
    if text:
        assert separator_line is not None
        wrapped = state.peek()
        if read_date(text) is None and wrapped is not None and not wrapped.gap:
            # The date wrapped: '· Oct 4,' / '2026', '· Published' / 'on Oct 4, 2026'.
            joined = f"{text} {wrapped.text}"
            whole = joined.removeprefix(PUBLISHED_ON)
            if read_date(whole) is not None:
                state.advance()
                return _dated(state, fields, wrapped, whole, len(joined) - len(whole) - len(text))
        column = separator_line.text.rfind(text) + 1
        return _dated(state, fields, separator_line, text, column)
    date = state.peek()  # the date wrapped to the next line: '· Published on' / 'Oct 4, 2026'
    if date is None or date.kind is LynxKind.TRUNCATED:
        fields.cut = True
        return fields
    if date.kind is LynxKind.DATE:
        state.advance()
        return _dated(state, fields, date, date.text, 1)
    if date.text.startswith(PUBLISHED_ON) and read_date(date.text[len(PUBLISHED_ON) :]):
        state.advance()  # '[26][kandinsky] Kandinsky Lab ·' / 'Published on Oct 4, 2026'
        return _dated(state, fields, date, date.text[len(PUBLISHED_ON) :], len(PUBLISHED_ON) + 1)
    if date.kind is LynxKind.TEXT and not _opens_next(state) and not starts_page_end(state):
        state.advance()
        state.reporter.defect("bad-date", date.number, 1)
        return fields
    state.reporter.defect("missing-date", date.number, 1)
    return fields


def _opens_next(state: ParseState) -> bool:
    return entry_start(state) is not None or starts_repeated_header(state) or starts_page_end(
        state
    )


def _read_authors(state: ParseState) -> int | None:
    """The authors link: its number alone, avatar items, then ``* N authors`` (the number
    may stand on any of them)."""
    first = state.peek()
    assert first is not None
    avatars = 0
    while (line := state.peek()) is not None and avatars <= 8:
        digits = authors_count(line.text)
        if digits is not None:
            state.advance()
            if len(digits) > MAX_AUTHOR_DIGITS:
                state.reporter.defect("bad-authors", line.number, 1, detail="count too large")
                return None
            return int(digits)
        if line is first and line.kind is LynxKind.LINK:
            state.advance()
            continue
        if (line.kind is LynxKind.ITEM or line.kind is LynxKind.LINK) and is_avatar(line.text):
            state.advance()
            avatars += 1
            continue
        break
    where = state.peek()
    if where is not None and where.kind is LynxKind.ITEM:
        state.advance()
        state.reporter.defect("bad-authors", where.number, 1, detail="expected '* N authors'")
        return None
    number = where.number if where is not None else state.last_line
    state.reporter.defect("bad-authors", number, 1, detail="no '* N authors' line")
    return None


def _dated(state: ParseState, fields: _Fields, line: Line, text: str, column: int) -> _Fields:
    """The date (and comment count) in ``text``, at ``column`` of ``line``; a comment link on
    the next line (``[39]6``) where no entry starts there."""
    dated = read_date(text)
    if dated is None:
        state.reporter.defect("bad-date", line.number, line.column(column))
        return fields
    parts = dated.parts
    fields.date = resolve_entry_date(state, line.number, parts)
    fields.date_text = parts.text
    fields.year_explicit = parts.year is not None
    fields.votes = read_count(
        state, line.number, dated.comments, line.column(column - 1 + dated.comments_column)
    )
    if dated.comments is None:
        following = state.peek()
        if (
            following is not None
            and following.kind is LynxKind.LINK
            and entry_start(state) is None
        ):
            digits = box_count(after_mark(following.text) or "")
            if digits is not None and digits != "-" and "Upvote" not in following.text:
                state.advance()
                fields.votes = read_count(
                    state, following.number, digits, following.column(following.text.index("]") + 2)
                )
    return fields


def _read_card_upvotes(state: ParseState) -> int | None:
    """A card's upvote link after its date: ``[19]Upvote 149``, ``[19]Upvote`` then ``149``,
    or ``[19]149``."""
    line = state.peek()
    if line is None or line.kind is not LynxKind.LINK or entry_start(state) is not None:
        return None
    rest = after_mark(line.text) or ""
    digits = box_count(rest)
    if digits is not None:
        state.advance()
        return _count(state, line, digits)
    if rest.strip() in ("Upvote", ""):
        following = state.peek(1)
        if following is not None and following.kind is LynxKind.COUNT:
            state.advance_by(2)
            return _count(state, line, following.text)
        if rest.strip() == "Upvote":
            state.advance()
            state.reporter.defect("bad-upvotes", line.number, 1, detail="expected '-' or a number")
    return None


def _read_links_lines(state: ParseState) -> None:
    """Up to four lines of links after a card (``[20]GitHub 110k [21]arXiv Page``)."""
    for _ in range(_MAX_LINKS_LINES):
        line = state.peek()
        if line is None or line.kind is not LynxKind.LINK or entry_start(state) is not None:
            return
        if starts_page_end(state) or opens_page_end(chrome_words(line.text)):
            return
        state.advance()


def junk(state: ParseState) -> bool:
    """Lines that fit nowhere, up to the next entry, header or page's end: one diagnostic."""
    first = state.advance()
    last = first
    while state.peek() is not None:
        if entry_start(state) is not None or starts_repeated_header(state):
            break
        if starts_page_end(state):
            break
        last = state.advance()
    report_junk(state, first, last)
    return True
