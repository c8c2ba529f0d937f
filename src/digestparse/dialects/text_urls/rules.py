"""The ``text-urls`` dialect's rules for the header and an entry (junk: ``junk.py``)."""

from __future__ import annotations

import enum

import attrs

from ...dates import date_parts, entry_date_fields, read_count
from ...errors import InternalError
from ...grammar import authors_count, is_trending_page, opens_page_end
from ...links import COMMENTS_ANCHOR, PAPER_PAGE, extract_links, paper_url
from ...markup import join_wrapped, plain
from ...model import Paper
from ...rules.page_end import starts_page_end
from ...state import Line, ParseState
from ..block_header import read_block_header
from ..bounded import FieldLines
from ..truncated import Truncated, next_line, report_truncated
from . import plain as without_urls
from .lines import (
    AUTHORS,
    AUTHORS_LINK,
    BRACKET,
    COUNT,
    DATE,
    MAX_TITLE_LINES,
    PERIOD_PAGE,
    SEPARATOR_KIND,
    SUBMITTED_BY,
    TEXT,
    UPVOTE_BOX,
    UPVOTE_COUNT_LINK,
    UPVOTE_LABEL,
    UPVOTE_OPEN,
    UPVOTES,
    URL,
    date_text,
    is_card_link,
    is_site_url,
    link_paper_id,
)
from .plain import PLAIN
from .plain_lines import is_lead_in, is_separator

#: ``ParseState.memo`` key: a card of this page has shown its date (the fast path reads only
#: such cards). A trending page shows a date on every card or on none (05, 04), as in the
#: html-text dialect (``html_text.rules.DATES_SHOWN``).
DATES_SHOWN = "text-urls: cards with dates"

# -- the header ---------------------------------------------------------------


def read_header(state: ParseState) -> None:
    """The lines before the first entry, ending with the page date (``block_header.py``).

    Navigation menus, the byline split around AK's link, the search query and
    the period switcher vary between captures, so any line is accepted.
    ``Digest.header`` leaves out the URL lines. The page date's arrow after it (the
    next day's, an icon-only link: its URL line alone) is part of the header too.
    """
    without_urls.choose_reading(state)
    dated = read_block_header(
        state, starts_entry=starts_entry, date_kind=DATE, header_text=_header_text,
        is_card_line=_is_card_line,
    )
    arrow = state.peek()
    if dated and arrow is not None and arrow.kind is URL and PERIOD_PAGE.fullmatch(arrow.text):
        state.advance()
        if state.header_span is not None:
            state.header_span = (state.header_span[0], state.last_line)


#: Lines of a card's metadata (a count, ``·``): after the header's last own phrase, on a
#: page with no page date (the trending page), they say the first card lost what starts it,
#: and its lines are the body's, not the header's (``block_header.py``). So does a card's
#: lead-in (``Submitted by``) that starts no card there: the card under it is damaged.
_CARD_KINDS = (COUNT, SEPARATOR_KIND)


def _is_card_line(line: Line) -> bool:
    return line.kind in _CARD_KINDS or (line.kind is TEXT and is_lead_in(line.text))


def _header_text(line: Line) -> str | None:
    return None if line.kind is URL else plain(line.text)


# -- entries ----------------------------------------------------------------------


def starts_entry(state: ParseState, ahead: int = 0) -> bool:
    """An upvote box, or a title: a text line whose URL line names a paper (not a card
    link's label, ``arXiv Page``); or a lead-in (``_lead_in``), whatever follows it: where
    no box or title does, ``entry`` reports it."""
    if PLAIN in state.memo:
        return without_urls.starts_entry(state, ahead)
    line = state.peek(ahead)
    if line is None:
        return False
    if line.kind is UPVOTES:
        return True
    if line.kind is URL or line.text == SUBMITTED_BY:
        return _lead_in(state, ahead) > 0
    return _starts_card(state, ahead)


def _starts_card(state: ParseState, ahead: int) -> bool:
    """An upvote box or a title at ``ahead``."""
    line = state.peek(ahead)
    if line is None:
        return False
    if line.kind is UPVOTES:
        return True
    return (
        line.kind is TEXT
        and _title_link(state, ahead) is not None
        and not is_card_link(line.text)
    )


def _lead_in(state: ParseState, ahead: int) -> int:
    """How many lines a lead-in at ``ahead`` has (0: none): the submitter's avatar, linked
    to the paper's page (a URL line naming a paper, optional), ``Submitted by``, the name
    and the name's link (a URL line naming no paper, optional). Capture 05 draws it above
    its trending cards. Where the name is lost (``Submitted by`` over a box or a title),
    the lead-in ends at ``Submitted by``."""
    lead = ahead
    line = state.peek(lead)
    if line is not None and line.kind is URL:
        avatar, line = line, state.peek(lead + 1)
        if line is None or line.text != SUBMITTED_BY or link_paper_id(avatar.text) is None:
            return 0
        lead += 1
    if line is None or line.text != SUBMITTED_BY:
        return 0
    if not _is_name(state, lead + 1):
        # The name lost, the card next: ``entry`` reports it.
        return lead + 1 - ahead if _starts_card(state, lead + 1) else 0
    lead += 2
    link = state.peek(lead)
    if link is not None and link.kind is URL and link_paper_id(link.text) is None:
        lead += 1
    return lead - ahead


def _is_name(state: ParseState, ahead: int) -> bool:
    """Whether the line at ``ahead``, after ``Submitted by``, is the submitter's name. A
    line with a blank in it over a paper's URL line is the title (the name was lost); a
    user name has no blank (``vvasilev``), and over that URL line it is the name of a card
    whose title was lost."""
    line = state.peek(ahead)
    if line is None or line.kind is not TEXT:
        return False
    return " " not in line.text or _title_link(state, ahead) is None


def _title_link(state: ParseState, ahead: int) -> str | None:
    """The paper id in the URL line after the (possibly wrapped) text line at ``ahead``."""
    last = ahead + MAX_TITLE_LINES - 1
    while ahead < last and state.peek_is(ahead + 1, TEXT, glued=True):
        ahead += 1
    url = state.peek(ahead + 1)
    return link_paper_id(url.text) if url is not None and url.kind is URL else None


def entry(state: ParseState) -> bool:
    if PLAIN in state.memo:
        return without_urls.entry(state)
    first = state.peek()
    if first is None or not starts_entry(state):
        return False
    reporter = state.reporter
    upvotes: int | None = None
    fields: dict[str, object] = {}
    lead = _lead_in(state, 0) if first.kind is URL or first.text == SUBMITTED_BY else 0
    previous = ""
    for _ in range(lead):
        line = state.advance()
        if previous == SUBMITTED_BY:
            fields["submitted_by"] = plain(line.text)
        previous = line.text
    head = state.peek()
    if previous == SUBMITTED_BY and head is not None:
        reporter.defect("missing-submitter", head.number, 1)
    if head is None:
        report_truncated(state, first.number, Truncated("no title"))
        return True
    if not _starts_card(state, 0):
        # A lead-in with no upvote box or title after it (the title line lost): the name is
        # no title, and the rest of the card is junk up to the next entry (one report).
        _lost_title(state)
        reporter.defect("junk", first.number, 1, end_line=state.last_line,
                        detail="a lead-in without a title")
        return True
    boxed = head.kind is UPVOTES
    try:
        if boxed:
            box = state.advance()
            count = box.text[len(UPVOTE_BOX) :]
            upvotes = 0 if count == "-" else int(count)
            _link(state, box)
            title = next_line(state, "no title")
            if (
                title.kind is not TEXT
                or is_separator(title.text)
                or (opens_page_end(title.text) and _title_link(state, 0) is None)
            ):
                # An upvote box and its link with no title after them (the page's end, whose
                # ``Previous`` links no paper, is none; ``· Nov 25``, the metadata of an entry
                # whose text was lost, is none either): the entry is lost.
                reporter.defect("junk", first.number, 1, end_line=state.last_line,
                                detail="an upvote count without a title")
                return True
        elif not _trending(state):
            # A trending card may show its upvotes after its date (``_upvote_button``).
            reporter.defect("missing-upvotes", head.number, 1)
    except Truncated as truncated:
        report_truncated(state, first.number, truncated)
        return True
    title_lines = _wrapped(state)
    paper = Paper(
        title=plain(join_wrapped(title_lines.texts), marks=False),
        abstract="",
        line=first.number,
        upvotes=upvotes,
    )
    identifier: str | None = None
    try:
        title_url = _link(state, title_lines.last)
        identifier = link_paper_id(title_url or "")
        if title_url is not None and identifier is None:  # a URL line cut short
            reporter.defect("missing-link", state.last_line, 1,
                            detail=f"after line {title_lines.last.number}: no paper's link")
        following = next_line(state, "no abstract")
        if following.kind is TEXT and starts_page_end(state):
            # ``Previous`` and the footer: the entry was cut after its title.
            reporter.defect("missing-abstract", following.number, 1)
        else:
            if following.kind is TEXT and not _organization_ahead(state, 0):
                abstract_lines = _wrapped(state)
                abstract = join_wrapped(abstract_lines.texts, broken_urls=True)
                fields.update(abstract=abstract, links=extract_links(abstract))
                if state.peek_is(0, URL) or not _trending(state):
                    # A trending card's summary is no link (capture 05).
                    abstract_url = _link(state, abstract_lines.last)
                    identifier = identifier or link_paper_id(abstract_url or "")
            else:
                reporter.defect("missing-abstract", following.number, 1)
            _metadata(state, fields, boxed)
    except Truncated as truncated:
        report_truncated(state, first.number, truncated)
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    state.papers.append(attrs.evolve(paper, end_line=state.last_line, **fields))  # type: ignore[arg-type]
    return True


def _lost_title(state: ParseState) -> None:
    """Consume the URL line of a title that was lost under a lead-in, and the summary under
    it where a URL line naming the same paper follows the summary: it is no title."""
    url = state.peek()
    paper = link_paper_id(url.text) if url is not None and url.kind is URL else None
    if paper is None:
        return
    state.advance()
    if state.peek_is(0, TEXT) and _title_link(state, 0) == paper:
        state.advance()
        while state.peek_is(0, TEXT, glued=True):
            state.advance()
        state.advance()  # its URL line


def _wrapped(state: ParseState) -> FieldLines:
    """A text line and the text lines glued to it (a hard wrap), cut at ``MAX_LINE``
    characters (``bounded.py``)."""
    lines = FieldLines(state.advance())
    while state.peek_is(0, TEXT, glued=True):
        lines.add(state.advance())
    lines.report(state)
    return lines


def _link(state: ParseState, label: Line) -> str | None:
    """The URL line that belongs to ``label``: consumed, or reported missing."""
    line = state.peek()
    if line is None:
        raise Truncated("no link line")
    if line.kind is URL:
        return state.advance().text
    state.reporter.defect("missing-link", line.number, 1, detail=f"after line {label.number}")
    return None


def _organization_ahead(state: ParseState, ahead: int) -> bool:
    """A name, its URL line and ``·``: an organization instead of the authors. A text whose
    URL line is a paper's page is the abstract, linked to its paper, of an entry that lost its
    authors line."""
    url = state.peek(ahead + 1)
    return (
        state.peek_is(ahead, TEXT)
        and url is not None
        and url.kind is URL
        and link_paper_id(url.text) is None
        and state.peek_is(ahead + 2, SEPARATOR_KIND)
    )


def _organization_link(state: ParseState, ahead: int) -> bool:
    """Whether the line at ``ahead`` is an organization's URL line (its huggingface.co page)."""
    line = state.peek(ahead)
    return line is not None and line.kind is URL and is_site_url(line.text)


def _kind(state: ParseState, ahead: int) -> enum.Enum | None:
    line = state.peek(ahead)
    return line.kind if line is not None else None


def _page_end(state: ParseState) -> bool:
    """Whether the next line opens the page's end (``Previous`` and its URL line) rather than
    naming an organization: no ``·`` follows it or its URL line."""
    line = state.peek()
    return (
        line is not None
        and opens_page_end(line.text)
        and SEPARATOR_KIND not in (_kind(state, 1), _kind(state, 2))
    )


def _metadata(state: ParseState, fields: dict[str, object], boxed: bool) -> None:
    """Authors or organization, ``·``, the date and an optional comment count, into ``fields``."""
    reporter = state.reporter
    # Label-less link lines (an organization's avatar link) may come first.
    while state.peek_is(0, URL) and _kind(state, 1) in (URL, TEXT, BRACKET, SEPARATOR_KIND):
        state.advance()
    line = next_line(state, "no metadata")
    if line.kind is BRACKET:
        state.advance()
        fields["author_count"] = _authors(state, next_line(state, "no authors line"), True)
    elif line.kind is AUTHORS:
        fields["author_count"] = _authors(state, line, False)
    elif line.kind is TEXT and is_card_link(line.text) and not _organization_link(state, 1):
        # A card link where the organization belongs (its name lost): read after the date.
        reporter.defect("missing-authors", line.number, 1)
    elif line.kind is TEXT and _kind(state, 1) in (URL, SEPARATOR_KIND) and not _page_end(state):
        name = state.advance()
        fields["organization"] = plain(name.text)
        _link(state, name)
    elif line.kind is SEPARATOR_KIND or line.kind is DATE:
        reporter.defect("missing-authors", line.number, 1)
    else:
        reporter.defect("missing-authors", line.number, 1, detail="no metadata block")
        return
    if _undated_card(state):
        if DATES_SHOWN in state.memo:
            # An undated card on a page whose cards have shown dates: its date was lost.
            reporter.defect("missing-date", next_line(state, "no date line").number, 1)
        _card_end(state, fields, boxed)
        return
    separator = next_line(state, "no '\u00b7' line")
    if separator.kind is SEPARATOR_KIND:
        state.advance()
    else:
        reporter.defect("missing-separator", separator.number, 1)
    date_line = next_line(state, "no date line")
    if date_line.kind is DATE:
        _dated(state, state.advance(), fields)
    elif (
        date_line.kind is TEXT
        and not starts_entry(state)
        and not opens_page_end(date_line.text)
        and not is_card_link(date_line.text)
    ):
        state.advance()
        reporter.defect("bad-date", date_line.number, 1, detail=repr(date_line.text[:40]))
    else:
        reporter.defect("missing-date", date_line.number, 1)
    _card_end(state, fields, boxed)


def _trending(state: ParseState) -> bool:
    """Whether the page is the trending page (its header's title), whose cards may show
    no date."""
    return is_trending_page(state.header)


def _undated_card(state: ParseState) -> bool:
    """A trending card that ends after its authors or organization: no ``·`` and date,
    its card links, the next entry, the page's end or the input's end next."""
    line = state.peek()
    if (line is not None and line.kind is SEPARATOR_KIND) or not _trending(state):
        return False
    return (
        line is None
        or (line.kind is TEXT and is_card_link(line.text))
        or _upvote_button(state) > 0
        or starts_entry(state)
        or opens_page_end(line.text)
    )


def _card_end(state: ParseState, fields: dict[str, object], boxed: bool) -> None:
    """What a card shows after its date: the upvote button where it had no upvote box,
    then its card links."""
    if not boxed and (lines := _upvote_button(state)):
        state.advance_by(lines)
        count = state.peek()
        if count is None:
            raise Truncated("no upvote count")
        match = UPVOTE_COUNT_LINK.fullmatch(count.text)
        if match is None:
            state.reporter.defect("missing-upvotes", count.number, 1,
                                  detail="expected 'N](url)' after 'Upvote'")
        else:
            state.advance()
            fields["upvotes"] = 0 if match.group(1) == "-" else int(match.group(1))
    _card_links(state, fields)


def _upvote_button(state: ParseState) -> int:
    """How many lines open an upvote button next (``[`` and ``Upvote``, or ``[Upvote``):
    0 where none does."""
    line = state.peek()
    if line is None:
        return 0
    if line.kind is BRACKET:
        label = state.peek(1)
        return 2 if label is not None and label.text == UPVOTE_LABEL else 0
    return 1 if line.text == UPVOTE_OPEN else 0


def _card_links(state: ParseState, fields: dict[str, object]) -> None:
    """The card's own links after its date (``GitHub 1.2k`` and its URL line, …): their
    URLs go into ``links`` after the abstract's, each once."""
    links: tuple[str, ...] = fields.get("links", ())  # type: ignore[assignment]
    while (line := state.peek()) is not None and line.kind is TEXT and is_card_link(line.text):
        label = state.advance()
        following = state.peek()
        if following is not None and following.text.startswith(PAPER_PAGE):
            # A paper's page is never a card link's target (github.com, arxiv.org): the label
            # lost its URL line, and this one is the next card's avatar link.
            state.reporter.defect("missing-link", following.number, 1,
                                  detail=f"after line {label.number}")
            continue
        url = _link(state, label)
        if url is not None and url not in links:
            links = (*links, url)
    if links:
        fields["links"] = links


def _authors(state: ParseState, line: Line, after_bracket: bool) -> int | None:
    if line.kind is not AUTHORS:
        state.reporter.defect("bad-authors", line.number, 1,
                              detail="expected 'N authors](url)' after '['")
        if line.kind is TEXT and _kind(state, 1) is SEPARATOR_KIND:
            # The authors line itself, damaged (``2 authors``, its link lost): the block
            # goes on with its ``·`` and date, which must not be read from this line.
            state.advance()
            return authors_count(line.text)
        return None
    state.advance()
    if not after_bracket:
        state.reporter.defect("bad-authors", line.number, 1, detail="no '[' line before it")
    match = AUTHORS_LINK.fullmatch(line.text)
    if match is None:
        raise InternalError(f"line {line.number} was classified as authors but does not read")
    return int(match.group(1))


def _dated(state: ParseState, line: Line, fields: dict[str, object]) -> None:
    state.memo[DATES_SHOWN] = True
    text = date_text(line.text)
    parts = date_parts(text, line.number)
    fields.update(entry_date_fields(state, line.number, parts))
    if parts.count_text is not None:
        column = line.column(parts.count_column + len(line.text) - len(text))
        fields["votes"] = read_count(state, line.number, parts.count_text, column)
    elif state.peek_is(0, COUNT):
        count = state.advance()
        fields["votes"] = int(count.text)
        _link(state, count)
    elif _long_count(state):
        # More digits than a count may have, over its ``#community`` URL line: ``bad-votes``
        # (a lone count is never a title).
        count = state.advance()
        fields["votes"] = read_count(state, count.number, count.text, count.column(1))
        _link(state, count)


def _long_count(state: ParseState) -> bool:
    """Whether the next line is a comment count of more digits than a count may have,
    followed by its ``…#community`` URL line."""
    line = state.peek()
    url = state.peek(1)
    return (
        line is not None
        and line.kind is TEXT
        and line.text.isascii()
        and line.text.isdigit()
        and url is not None
        and url.kind is URL
        and url.text.endswith(COMMENTS_ANCHOR)
    )

