"""The html-text dialect's rules: its header and its entries, with a report for each defect.

The line classes are in ``lines.py``; the fields are built by ``fields.py``, which
the fast path (``fastpath.py``) shares.
"""

from __future__ import annotations

import enum

import attrs

from ...dates import entry_date_fields, read_count, read_date_line
from ...errors import InternalError
from ...grammar import SEPARATOR
from ...links import extract_links, login_paper_id, paper_url
from ...markup import join_wrapped, plain, without_closing_hashes
from ...model import Paper
from ...rules.junk import report_junk, report_titleless
from ...rules.page_end import page_end
from ...state import BLANKS, Line, ParseState, Rule
from ..block_header import read_block_header
from ..bounded import FieldLines
from ..markdown.lines import LIST_LINK_CLOSE, SPLIT_COUNT, UPVOTE_WORD, UPVOTE_WORD_LINK
from ..truncated import Truncated, next_line, report_truncated
from .fields import (
    abstract_of,
    box_count,
    broken_abstract,
    closes_paper_link,
    link_id,
    organization_of,
    shown,
    submitter_of,
    title_of,
    unlinked_title,
    upvote_count,
)
from .lines import (
    ANCHOR,
    AUTHORS,
    AVATAR,
    AVATAR_AND_NAME,
    AVATAR_LINK,
    BOX,
    COMMENTS,
    DASH,
    DATE,
    DATED,
    LINKS,
    META,
    OPEN,
    ORGANIZATION,
    PLACEHOLDER,
    PLACEHOLDER_LINE,
    SEPARATOR_LINE,
    SUBMITTED,
    SUBMITTED_BY,
    SUBMITTED_INLINE,
    TEXT,
    TITLE,
    TITLE_MARK,
    UPVOTE,
    UPVOTE_BOX,
    UPVOTE_BOX_LINE,
    UPVOTE_COUNT,
    UPVOTE_OPEN,
    Kind,
    author_count,
    classify,
    entry_date,
    is_pagination,
    links_login,
    meta,
    nav_link,
    opens,
)

#: A title wrapped over more lines than this is taken as unclosed.
MAX_TITLE_LINES = 4
#: ``ParseState.memo`` key: a card of this page has shown its upvote box above its title.
BOXES_ABOVE = "html-text: upvote boxes above the titles"
#: ``ParseState.memo`` key: a card of this page has shown its date (the fast path reads only
#: such cards). A trending page shows a date on every card or on none (05, 04).
DATES_SHOWN = "html-text: cards with dates"

# -- the header ---------------------------------------------------------------


def read_header(state: ParseState) -> None:
    """The lines before the first entry's lead-in or title (``block_header.py``).

    The extraction keeps anchors, empty list items (the period switcher) and
    a second ``Trending Papers`` tab label, so any line is accepted.
    ``Digest.header`` leaves out the anchors and the image placeholders.
    """
    read_block_header(state, starts_entry=starts_entry, date_kind=DATE,
                      header_text=_header_text, is_card_line=_is_card_line)
    # The link to the next day (or week, month) drawn after the page date.
    if state.header_span is not None and state.page_date is not None:
        first = state.header_span[0]
        while (line := state.peek()) is not None and nav_link(line.text):
            if starts_entry(state):
                break
            state.advance()
            state.header_span = (first, state.last_line)


#: Lines of an entry's metadata and upvote box, which no header shows after its last phrase.
_CARD_KINDS = (ORGANIZATION, META, AUTHORS, AVATAR, Kind.SEPARATOR, DATED, UPVOTE, UPVOTE_COUNT,
               UPVOTE_BOX, BOX, COMMENTS)


def _is_card_line(line: Line) -> bool:
    return line.kind in _CARD_KINDS


def _header_text(line: Line) -> str | None:
    """A header line's text; None for an anchor, an empty ``-`` item (the period
    switcher, its labels lost) or a link with no text (the arrow to the day before, its
    icon lost), which show nothing."""
    if line.kind is ANCHOR or line.kind is DASH:
        return None
    return plain(PLACEHOLDER_LINE.sub("", without_closing_hashes(line.text))) or None


# -- entries ----------------------------------------------------------------------


def starts_entry(state: ParseState, ahead: int = 0) -> bool:
    """A lead-in (avatar link, Submitted-by block, upvote box or anchor before a title) or a
    title."""
    line = state.peek(ahead)
    if line is None:
        return False
    kind = line.kind
    if kind is TITLE or kind is SUBMITTED:
        return True
    if kind is OPEN:  # a thumbnail or a lead-in wrapped over glued lines (html2text)
        glued = _glued(state, ahead)
        kind, ahead = glued.kind, ahead + glued.count - 1
        if kind is SUBMITTED:
            return True
    if kind not in _LEAD_IN_STARTS:
        return False
    following = state.peek(ahead + 1)
    if following is None:
        return False
    if kind is UPVOTE:
        third = state.peek(ahead + 2)
        return following.kind is UPVOTE_COUNT and third is not None and third.kind in _AFTER_BOX
    following_kind = following.kind
    if following_kind is OPEN:
        following_kind = _glued(state, ahead + 1).kind
    return _follows_lead_in(kind, following_kind)  # type: ignore[arg-type]


def _follows_lead_in(kind: Kind, following: Kind) -> bool:
    """Whether a lead-in's first line (an avatar link, an anchor or an upvote box on one
    line) followed by a line of kind ``following`` starts an entry."""
    if kind is ANCHOR:
        return following in _AFTER_ANCHOR
    if kind is AVATAR_LINK:
        return following in _AFTER_AVATAR_LINK
    return kind is BOX and following in _AFTER_BOX


_AFTER_ANCHOR = (TITLE, SUBMITTED, ANCHOR)
_AFTER_AVATAR_LINK = (TITLE, SUBMITTED, ANCHOR, BOX, UPVOTE)
_AFTER_BOX = (TITLE, ANCHOR)
_LEAD_IN_STARTS = (AVATAR_LINK, ANCHOR, BOX, UPVOTE)
#: The kinds of line that may start an entry (``starts_entry`` tells).
_MAY_START = (TITLE, SUBMITTED, OPEN, *_LEAD_IN_STARTS)


#: A converter's link wrapped over more lines than this is not read as one.
MAX_GLUED = 6
#: The kinds of the lines that are the rest of a wrapped link's paragraph once the link is
#: closed: an organization's `` · Published on`` and date wrapped onto the next line.
_GLUED_AFTER = (TEXT, DATE, DATED, SEPARATOR_LINE)
#: How an organization's line starts: its image inside its link, or a blank where html2text
#: left the image out.
_GLUE_STARTS = ("[![", "[ ")


def _glue_start(line: Line, plain_links: bool = True) -> bool:
    """Whether a line may be an organization's that html2text wrapped onto the next lines:
    its image inside its link (``[![``), a blank where the image was left out (``[ ``), or
    a plain link whose date line was cut (``[Name](url) ·``, ``… · Published on Oct 4,``)
    or that goes on on the next line."""
    text = line.text
    if text[:1] != "[":
        return False
    if text.startswith(_GLUE_STARTS):
        return True
    if text[1:2] == "[" and opens(text):
        # 05's own organization (its logo's placeholder and its name in one link, then
        # `` · `` and the date), which its tool never wraps, cut inside the link's text (an
        # editor's hard wrap, ``fold -s``); cut after the link, it is read below as
        # html2text's plain link is.
        return True
    if text.endswith(_CUT_SEPARATOR):
        return True
    if line.kind is not META:  # ``[Carnegie Mellon`` / ``University](…)``
        return plain_links and line.kind is TEXT and opens(text)
    split = meta(text)
    return split is not None and read_date_line(split[1]) is None


_CUT_SEPARATOR = " " + SEPARATOR


@attrs.frozen(slots=True)
class _Glued:
    """A line read with the glued lines after it that a converter wrapped it onto."""

    kind: enum.Enum
    text: str
    #: How many lines it takes (1: the line alone, as it is).
    count: int
    #: Its last line, where a defect in its end is reported.
    last: Line


def _glued(state: ParseState, ahead: int = 0) -> _Glued:
    """The line ``ahead`` (there must be one) with the glued lines html2text wrapped it onto
    (docs/format.md, "Markdown converters"): a link or image left open (``OPEN``) goes on to
    the line that closes it, and a line that starts with an image inside a link (an
    organization) takes the text glued after it. Alone, as it is, where no such line closes
    it within ``MAX_GLUED`` lines."""
    line = state.peek(ahead)
    assert line is not None
    kind = line.kind
    if kind is LINKS:
        return _separator_below(state, ahead, line)
    if kind is not OPEN and not _glue_start(line):
        return _Glued(kind, line.text, 1, line)
    parts = [line.text]
    last = line
    still_open = kind is OPEN or opens(line.text)
    while len(parts) < MAX_GLUED:
        following = state.peek(ahead + len(parts))
        if following is None or following.gap:
            break
        if not still_open and following.kind not in _GLUED_AFTER:
            break
        parts.append(following.text)
        last = following
        still_open = opens(join_wrapped(parts, broken_cjk=False))
    if len(parts) == 1 or still_open:
        return _Glued(kind, line.text, 1, line)
    joined = join_wrapped(parts, broken_cjk=False)
    return _Glued(classify(joined), joined, len(parts), last)


def _separator_below(state: ParseState, ahead: int, line: Line) -> _Glued:
    """A link alone on its line (an organization's, its logo written as alt text:
    ``[princetonu Princeton University Department](…)``) with its `` · `` and date on the
    next line, glued, where html2text wrapped the line before ``·``: one date line. The
    line alone where the next is no such line."""
    following = state.peek(ahead + 1)
    if (
        following is not None
        and not following.gap
        and following.kind is META
        and following.text.startswith(SEPARATOR)
    ):
        joined = f"{line.text} {following.text}"
        if classify(joined) is META:
            return _Glued(META, joined, 2, following)
    return _Glued(line.kind, line.text, 1, line)


@attrs.frozen(slots=True)
class _LeadIn:
    first: Line | None = None
    submitted_by: str | None = None
    #: The daily page's upvote box above the title (None: none there).
    upvotes: int | None = None
    #: Whether it ends with the extractor's anchors (05's tool; no markdown converter's).
    anchored: bool = False
    #: Whether that box shows the word ``Upvote``, as the trending card's does below it.
    worded: bool = False


def entry(state: ParseState) -> bool:
    if not starts_entry(state):
        return False
    lead_in = _lead_in(state)
    title_line = state.peek()
    if title_line is None or title_line.kind is not TITLE:
        first = lead_in.first
        if first is None:
            # Nothing taken: a start that the lead-in's reading does not know (it must), left
            # to the junk rule rather than to a loop that takes nothing.
            return False
        state.reporter.defect("junk", first.number, 1, end_line=state.last_line,
                              detail="a lead-in without a title")
        return True
    read = _title(state)
    if read is None:
        # The input ends in the title, before its link was whole: a title alone (maybe cut
        # itself, a trending card's second copy too) makes no paper, as in every dialect.
        state.reporter.defect("truncated-entry", (lead_in.first or title_line).number, 1,
                              end_line=state.last_line, detail="a title alone")
        return True
    title, identifier = read
    if not title:
        report_titleless(state, lead_in.first or title_line)
        return True
    paper = Paper(
        title=title,
        abstract="",
        line=(lead_in.first or title_line).number,
        submitted_by=lead_in.submitted_by,
        upvotes=lead_in.upvotes,
    )
    fields: dict[str, object] = {}
    # The trending card draws its upvote box below the metadata, the daily page's above the
    # title (then it is in the lead-in). On a page whose cards have shown it above, a card
    # without one lacks it: the box below it is the next card's.
    box_below = lead_in.upvotes is None and BOXES_ABOVE not in state.memo
    if lead_in.upvotes is None and not box_below:
        state.reporter.defect("missing-upvotes", title_line.number, 1,
                              detail="no upvote box above the title")
    try:
        abstract_lines: FieldLines | None = None
        if (
            _abstract_line(state, first=True)
            or _abstract_link(state.peek())
            or _bracket_abstract(state)
        ):
            opening = state.advance()
            abstract_lines = FieldLines(opening)
            # An abstract linked to its paper (the daily page) ends where its link closes.
            linked = opening.text[:1] == "["
            last = opening.text
            while not (linked and last[-1] == ")" and closes_paper_link(last)):
                line = state.peek()
                if line is None:
                    break
                # The usual line is text; the others are looked at closer. A last line that
                # is a number closing the link (``42](…/papers/ID)``) is no upvote count,
                # whose link goes to the login page.
                if (
                    (line.kind is not TEXT or line.text[0] == "[")
                    and not _abstract_line(state)
                    and not (linked and line.kind is UPVOTE_COUNT and closes_paper_link(line.text))
                ):
                    break
                line = state.advance()
                abstract_lines.add(line)
                last = line.text
            abstract_lines.report(state)
        if abstract_lines is not None:
            # Read before the next line is asked for: a capture cut after the abstract
            # keeps it.
            abstract, abstract_id = abstract_of(
                join_wrapped(abstract_lines.texts, broken_cjk=False)
            )
            if abstract_id is None and (broken := broken_abstract(abstract)) is not None:
                code, abstract, abstract_id = broken
                state.reporter.defect(code, opening.number, 1, detail=(
                    "the abstract's link has no '](url)'" if code == "unclosed-link"
                    else "the abstract's link has no '['"))
            elif not abstract:  # a linked abstract whose text was lost: ``[`` and ``](url)``
                state.reporter.defect("missing-abstract", opening.number, 1)
            identifier = identifier or abstract_id
            fields.update(abstract=abstract, links=extract_links(abstract))
            next_line(state, "no date line")
        else:
            following = next_line(state, "no abstract")
            state.reporter.defect("missing-abstract", following.number, 1)
        # A worded box above the title, the card's first copy's: the card's own may follow.
        _metadata(state, fields, box_below, identifier if lead_in.worded else None)
        if box_below:
            _upvotes_below(state, fields, lead_in.anchored, identifier)
        elif lead_in.worded and identifier is not None and _box_paper(state) == identifier:
            # The card's own box below it, as on the trending page: the one above was its
            # first copy's, whose title was lost. It says nothing of the page's layout.
            _upvotes(state, fields, lead_in.anchored)
        elif lead_in.upvotes is not None:
            state.memo[BOXES_ABOVE] = True
        # The pagination after the last entry is the page's end, not its links.
        while (link := state.peek()) is not None:
            if link.kind is LINKS:
                if is_pagination(link.text):
                    break
                text = state.advance().text
            elif link.kind is OPEN and (glued := _glued(state)).kind is LINKS:
                state.advance_by(glued.count)  # wrapped over glued lines (html2text)
                text = glued.text
            else:
                break
            identifier = identifier or link_id(text)
    except Truncated as truncated:
        report_truncated(state, paper.line, truncated)
    if identifier is not None:
        fields.update(paper_id=identifier, url=paper_url(identifier))
    state.papers.append(attrs.evolve(paper, end_line=state.last_line, **fields))  # type: ignore[arg-type]
    return True


def _lead_in(state: ParseState) -> _LeadIn:
    """The lines before a title that belong to its entry."""
    first: Line | None = None
    submitted_by: str | None = None
    line = state.peek()
    if line is not None and line.kind is AVATAR_LINK:
        first = state.advance()
        line = state.peek()
    elif line is not None and line.kind is OPEN and (glued := _glued(state)).kind is AVATAR_LINK:
        first = state.advance()
        state.advance_by(glued.count - 1)
        line = state.peek()
    lead_glued = _glued(state) if line is not None and line.kind is OPEN else None
    if line is not None and (
        line.kind is SUBMITTED or (lead_glued is not None and lead_glued.kind is SUBMITTED)
    ):
        block = state.advance()
        first = first or block
        text, last = block.text, block
        if lead_glued is not None:  # wrapped over glued lines (html2text)
            state.advance_by(lead_glued.count - 1)
            text, last = lead_glued.text, lead_glued.last
        if text != SUBMITTED_BY:  # ``Submitted by![](img)name`` on one line
            inline = SUBMITTED_INLINE.fullmatch(text)
            assert inline is not None  # its kind says so
            name = inline.group(1) or inline.group(2) or ""
            if name.strip():
                submitted_by = submitter_of(name)
            else:  # where the name should be
                state.reporter.defect("missing-submitter", last.number,
                                      last.column(len(last.text) + 1))
        else:
            image = state.peek()
            if image is not None and image.kind is PLACEHOLDER:
                state.advance()
            elif image is not None and image.kind is OPEN and (
                (glued := _glued(state)).kind is PLACEHOLDER
            ):
                state.advance_by(glued.count)
            started = _avatar_and_name(state)
            if started is not None:
                submitted_by = submitter_of(started)
            elif state.peek_is(0, TEXT):
                submitted_by = submitter_of(state.advance().text)
            else:
                following = state.peek()
                where = following.number if following is not None else block.number
                state.reporter.defect("missing-submitter", where, 1)
    upvotes: int | None = None
    anchored = worded = False
    box = state.peek()
    if box is not None and (box.kind is BOX or box.kind is UPVOTE) and starts_entry(state):
        state.advance()
        first = first or box
        # ``[N](url)``, or ``[Upvote`` and its count as on the trending card.
        upvotes = (
            box_count(box.text) if box.kind is BOX else upvote_count(state.advance().text)
        )
        worded = box.text == UPVOTE_OPEN
    elif (
        box is not None
        and box.kind is OPEN
        and (glued_box := _glued(state)).kind is BOX
        and starts_entry(state)
    ):
        state.advance_by(glued_box.count)  # ``[2](https://`` / ``huggingface.co/login…)``
        first = first or box
        upvotes = box_count(glued_box.text)
    while state.peek_is(0, ANCHOR):
        line = state.advance()
        first = first or line
        anchored = True
    return _LeadIn(first, submitted_by, upvotes, anchored, worded)


def _avatar_and_name(state: ParseState) -> str | None:
    """The submitter's name where the next line is the avatar with the name after it
    (``AVATAR_AND_NAME``), taken with the name's end, one word on the line after it, where
    html2text broke the name at a hyphen; None where the line is none such."""
    line = state.peek()
    started = (
        AVATAR_AND_NAME.fullmatch(line.text)
        if line is not None and line.kind is TEXT and line.text[:2] == "!["
        else None
    )
    if started is None:
        return None
    state.advance()
    name: str = started.group(1)
    rest = state.peek()
    if name[-1] == "-" and rest is not None and rest.kind is TEXT and " " not in rest.text:
        state.advance()
        name += rest.text
    return name


def _abstract_line(state: ParseState, first: bool = False) -> bool:
    """Whether the next line is one of the abstract's: a text line, or one that opens a link
    or an image, unless it and its glued lines make a line of another kind (docs/format.md,
    "Markdown converters"). Its ``first`` line opening a plain link is the daily page's
    abstract linked to the paper, never looked at as a wrapped organization: with no
    abstract before it, such an organization is read as one (and its card reported)."""
    line = state.peek()
    if line is None:
        return False
    kind = line.kind
    if kind is TEXT and (line.text[0] != "[" or not _glue_start(line, plain_links=not first)):
        return True
    # An organization whose link or date html2text wrapped onto the next line starts as text.
    return (kind is TEXT or kind is OPEN) and _glued(state).kind not in _NOT_ABSTRACT


#: What a line of the abstract and the glued lines after it are not.
_NOT_ABSTRACT = (META, ORGANIZATION, AVATAR_LINK, SUBMITTED, PLACEHOLDER)


def _abstract_link(line: Line | None) -> bool:
    """Whether a line of links is an abstract linked to its paper on one line (the daily
    page): one link to a paper page, ``[We present …](https://huggingface.co/papers/ID)``."""
    if line is None or line.kind is not LINKS or is_pagination(line.text):
        return False
    return abstract_of(line.text)[1] is not None


def _bracket_abstract(state: ParseState) -> bool:
    """Whether an abstract linked to its paper opens with its ``[`` alone on a line (its text
    a block, as lynx shows it in capture 01): a lone ``[`` with a text line, not an upvote
    count, after it."""
    line = state.peek()
    return line is not None and line.text == "[" and state.peek_is(1, TEXT)


def _title(state: ParseState) -> tuple[str, str | None] | None:
    """The title (wrapped lines joined) and the paper id of its link; None where the input
    ends before the link is whole."""
    line = state.advance()
    parts = FieldLines(line, line.text[len(TITLE_MARK) :])
    count = 1
    # "### " holds no "](": the first line's whole text tells as well as its title part.
    while "](" not in parts.last.text and count < MAX_TITLE_LINES:
        following = state.peek()
        if following is None or following.gap or not (
            following.kind in _TITLE_PARTS or _closes_title(parts.texts, following)
        ):
            break
        parts.add(state.advance())
        count += 1
    parts.report(state)
    joined = join_wrapped(parts.texts, broken_cjk=False)
    title = title_of(joined)
    if title is None:
        if state.peek() is None:  # the input's end cut the link: a title alone
            return None
        state.reporter.defect("missing-link", line.number, line.column(len(TITLE_MARK) + 1),
                              detail="a title without its link")
        return plain(shown(unlinked_title(joined))), None
    return title


_TITLE_PARTS = (TEXT, LINKS, OPEN)


def _closes_title(texts: list[str], line: Line) -> bool:
    """Whether ``line``, shaped as an upvote count (``3](url)``), is the last line of a title
    whose link is still open: html2text wrapped a title whose last word is a number onto a
    line of its own (``### [… Part`` / ``3](https://huggingface.co/papers/…)``). Only a
    number, and only where the heading opened its link and its ``[`` is not closed yet (the
    trending card's box below its metadata, ``[Upvote`` / ``22](url)``, comes after a line
    of its own, never a title's, and links to the login page, as no title does)."""
    if line.kind is not UPVOTE_COUNT or not "0" <= line.text[0] <= "9" or links_login(line.text):
        return False
    if not texts[0].startswith("["):
        return False
    return sum(text.count("[") for text in texts) > sum(text.count("]") for text in texts)


def _metadata(
    state: ParseState, fields: dict[str, object], box_below: bool, own_box: str | None = None
) -> None:
    """Author avatars and count, or an organization; ``·`` and the date, on the line of the
    organization or the authors' ``·``, or (the daily page) each on a line of its own; then
    the comment count, on the date's line or the next. A card whose upvote box comes next
    (``box_below``, the trending page; or a box that links back to the card's paper,
    ``own_box``) may show no date: capture 04's trending page shows none."""
    while state.peek_is(0, DASH) or state.peek_is(0, AVATAR):
        state.advance()
    if state.peek_is(0, AUTHORS):
        fields["author_count"] = author_count(state.advance().text)
    else:
        line = state.peek()
        if line is None:
            pass
        elif line.kind is ORGANIZATION and not _glue_start(line):
            fields["organization"] = organization_of(state.advance().text)  # the usual line
        elif line.kind is OPEN or (line.text[0] == "[" and _glue_start(line)):
            organization = _glued(state)
            if organization.kind is ORGANIZATION:
                state.advance_by(organization.count)
                fields["organization"] = organization_of(organization.text)
    line = first = next_line(state, "no date line")
    comments: str | None = None
    kind, text = line.kind, line.text
    if kind is META and (text[0] != "[" or not _glue_start(line)):  # the usual line
        state.advance()
        date_line_text = text
    elif (kind is OPEN or kind is LINKS or (text[0] == "[" and _glue_start(line))) and (
        (glued := _glued(state)).kind is META
    ):
        state.advance_by(glued.count)
        # A date line wrapped over glued lines (html2text) is reported on its last line.
        line, date_line_text = glued.last, glued.text
    else:
        date_line_text = ""
    if date_line_text:
        split = meta(date_line_text)
        if split is None:
            raise InternalError(
                f"line {line.number} was classified as a date line but does not read"
            )
        organization_text, date_text, comments = split
        if organization_text:
            fields["organization"] = organization_of(organization_text)
    elif line.kind is SEPARATOR_LINE:
        state.advance()
        line = next_line(state, "no date line")
        if line.kind is DATE or line.kind is DATED:
            state.advance()
            date_text, comments = entry_date(line.text) or (line.text, None)
        elif line.kind is TEXT:
            state.advance()
            state.reporter.defect("bad-date", line.number, 1, detail=repr(line.text[:40]))
            return
        else:
            state.reporter.defect("missing-date", line.number, 1)
            return
    else:
        # An undated card, unless the page's cards have shown dates: then its date was lost.
        below = box_below or (own_box is not None and _box_paper(state) == own_box)
        if not (below and line.kind in _BOXES and DATES_SHOWN not in state.memo):
            state.reporter.defect("missing-date", line.number, 1)
        return
    state.memo[DATES_SHOWN] = True
    if "organization" not in fields and "author_count" not in fields:
        state.reporter.defect("missing-authors", first.number, 1)
    parts = read_date_line(date_text)
    if parts is None or parts.count_text is not None:
        column = line.column(max(line.text.rfind(date_text), 0) + 1)
        state.reporter.defect("bad-date", line.number, column, detail=repr(date_text[:40]))
        return
    fields.update(entry_date_fields(state, line.number, parts))
    if comments is None and state.peek_is(0, COMMENTS):
        comment_line = state.advance()
        comments = str(box_count(comment_line.text))
        line = comment_line
    if comments is not None:  # at its first digit, inside the link's brackets
        column = line.text.rfind("[") + 2
        column += line.text[column - 1] == " "
        fields["votes"] = read_count(state, line.number, comments, line.column(column))


_BOXES = (UPVOTE, UPVOTE_BOX)


def _upvotes_below(
    state: ParseState, fields: dict[str, object], anchored: bool, identifier: str | None
) -> None:
    """The upvote box below a card without one above its title (``_upvotes``), unless that
    box links back to another paper than the card's (``identifier``), the next title's:
    then it is the next card's, above its title (a daily page whose first card lost its
    box), and this card has none."""
    box = state.peek()
    other = _box_paper(state) if box is not None and identifier is not None else None
    if box is not None and other is not None and other != identifier and (
        _next_title_paper(state) == other
    ):
        state.reporter.defect("missing-upvotes", box.number, 1,
                              detail=f"the upvote box here is paper {other}'s")
        return
    _upvotes(state, fields, anchored)


#: How far after an upvote box the title it stands above is looked for (the box's lines,
#: the extractor's anchors).
_BOX_TO_TITLE = 6


def _next_title_paper(state: ParseState) -> str | None:
    """The paper id of the next title's link, where one comes within a few lines."""
    for ahead in range(_BOX_TO_TITLE):
        line = state.peek(ahead)
        if line is None:
            return None
        if line.kind is TITLE:
            read = title_of(line.text[len(TITLE_MARK) :])
            return read[1] if read is not None else None
    return None


def _box_paper(state: ParseState) -> str | None:
    """The paper that the upvote box on the next line links back to (its login link's
    ``next``), or None: no box there, or no paper named."""
    box = state.peek()
    if box is None or box.kind not in _BOXES:
        return None
    if box.kind is UPVOTE and (split := _split_box(state)) is not None:
        return login_paper_id(split[2])
    if box.kind is UPVOTE:
        count = state.peek(1)
        if count is None or count.kind is not UPVOTE_COUNT:
            return None
        box = count
    return login_paper_id(box.text)


def _upvotes(state: ParseState, fields: dict[str, object], anchored: bool) -> None:
    """``[Upvote`` and, on the next line, ``N](login url)``; or, as the markdown converters
    write it, the box on one line: ``[Upvote117](url)``, ``[Upvote 117](url)``."""
    opening = next_line(state, "no upvote count")
    if opening.kind is UPVOTE_BOX:
        state.advance()
        if anchored:  # a card of the extractor (05), which draws the box over two lines
            state.reporter.defect("missing-upvotes", opening.number, 1,
                                  detail="'[Upvote' and its count on one line")
            return
        box = UPVOTE_BOX_LINE.fullmatch(opening.text)
        if box is None and (under := _count_under_word(state, opening)) is not None:
            fields["upvotes"] = under
            return
        if box is None:
            state.reporter.defect("missing-upvotes", opening.number,
                                  opening.column(len(UPVOTE_OPEN) + 1),
                                  detail="an upvote box without a count")
            return
        count = box.group(1)
        fields["upvotes"] = 0 if count.endswith("-") else int(count)
        return
    if opening.kind is not UPVOTE:
        state.reporter.defect("missing-upvotes", opening.number, 1)
        return
    if not anchored and (split := _split_box(state)) is not None:
        for _ in range(split[0]):
            state.advance()
        fields["upvotes"] = split[1]
        return
    state.advance()
    count = next_line(state, "no upvote count")
    if count.kind is not UPVOTE_COUNT:
        state.reporter.defect("missing-upvotes", count.number, 1,
                              detail="'[Upvote' without its count")
        return
    state.advance()
    fields["upvotes"] = upvote_count(count.text)


def _count_under_word(state: ParseState, opening: Line) -> int | None:
    """The count of a box written as two links, its word's and its count's, each to the
    login page (rehype-remark: ``[Upvote](url)`` over ``[-](url)``), taken from the
    count's line; None where the lines are not that."""
    count = state.peek()
    if (
        not opening.text.startswith(UPVOTE_WORD_LINK)
        or not links_login(opening.text)
        or count is None
        or count.kind is not BOX
        or not links_login(count.text)
    ):
        return None
    state.advance()
    return box_count(count.text)


def _split_box(state: ParseState) -> tuple[int, int, str] | None:
    """The upvote box as turndown writes it around its blocks, each a block between blank
    lines, as the markdown dialect reads it over a title (its ``lines.SPLIT_COUNT``): ``[``
    alone, maybe ``Upvote``, the count (``\\-`` where the paper has no upvote yet), then
    ``](url)`` to the login page: (how many lines it has, its count, its last line); None
    where the next lines are not that box."""
    word = state.peek(1)
    ahead = 2 if word is not None and word.text == UPVOTE_WORD else 1
    count, close = state.peek(ahead), state.peek(ahead + 1)
    if (
        count is None
        or close is None
        or SPLIT_COUNT.fullmatch(count.text) is None
        or LIST_LINK_CLOSE.fullmatch(close.text) is None
        or not links_login(close.text)
    ):
        return None
    return ahead + 2, 0 if count.text.endswith("-") else int(count.text), close.text


def junk_blocks(state: ParseState) -> bool:
    """Each block of junk (``rules.junk``'s: a line and the lines glued to it, but never a
    line that starts an entry: a converter such as crawl4ai writes no blank line between
    blocks) up to the next line that starts an entry.

    The run loop would try the fast path and ``entry`` before each block, both
    in vain (they start only where ``starts_entry`` holds). Blocks separated only
    by blank lines fold into one diagnostic (``Reporter.defect``), so the blocks
    after the first are reported at once: the diagnostic comes out the same, and
    the first block's report keeps its message for strict mode.
    """
    first = state.advance()
    report_junk(state, first, _glued_junk(state, first))
    following = state.peek()
    if following is None or starts_entry(state):
        return True
    _skip_junk_blocks(state)
    while state.peek() is not None and not starts_entry(state):
        _glued_junk(state, state.advance())
    state.reporter.defect(
        "junk", following.number, 1, end_line=state.last_line, gap=following.gap
    )
    return True


def _glued_junk(state: ParseState, last: Line) -> Line:
    """Consume the lines glued to ``last``, the junk line just read, up to one that starts
    an entry; the last line consumed."""
    while (line := state.peek()) is not None and line.gap == 0 and not starts_entry(state):
        last = state.advance()
    return last


def _skip_junk_blocks(state: ParseState) -> None:
    """Consume the whole blocks of junk that come next, straight from the state's window of
    lines (as the loop in ``junk_blocks`` would, without a ``Line`` for each): only where
    the window shows a block's end and, for the block after, whether it starts an entry.
    The loop then reads on from there (the window's end, or the line that starts an entry).
    Nothing is reported on the way: the lines before ``raw_end`` have no reading defect, and
    this dialect reports no white space."""
    if not state.rewind():
        return
    raw = state.raw_lines
    assert raw is not None
    base = state.raw_base
    count, complete = state.raw_end()
    i = state.number - base  # the first line not consumed
    done = i
    while True:
        first = _next_text(raw, i, count)
        if first == count:
            break
        kind = classify(raw[first].strip(BLANKS))
        if kind is TITLE or kind is SUBMITTED or kind is OPEN:
            break  # (a link wrapped over lines: the loop sees whether it starts an entry)
        if kind in _LEAD_IN_STARTS:
            second = _next_text(raw, first + 1, count)
            if second == count and not complete:
                break  # the line that tells is not in the window yet
            if second < count:
                following = classify(raw[second].strip(BLANKS))
                if following is OPEN:
                    break  # a lead-in wrapped over lines after it: the loop sees
                if kind is not UPVOTE:
                    if _follows_lead_in(kind, following):
                        break
                else:  # ``[Upvote`` and its count: the line after them tells
                    third = _next_text(raw, second + 1, count)
                    if third == count and not complete:
                        break
                    if (
                        following is UPVOTE_COUNT
                        and third < count
                        and classify(raw[third].strip(BLANKS)) in _AFTER_BOX
                    ):
                        break
        end = first + 1
        while end < count and (text := raw[end].strip(BLANKS)):
            if classify(text) in _MAY_START:
                break  # a line glued to the block that may start an entry: the loop sees
            end += 1
        if end < count and raw[end].strip(BLANKS):
            done = end
            break
        if end == count and not complete:
            break  # the block may go on past the window
        i = done = end
    if done > state.number - base:
        state.skip_to(base + done)




def _next_text(raw: list[str], start: int, count: int) -> int:
    """The index of the first line from ``start`` on that is not blank (``count`` if none)."""
    while start < count and not raw[start].strip(BLANKS):
        start += 1
    return start


RULES: tuple[tuple[str, Rule], ...] = (
    ("entry", entry), ("page_end", page_end), ("junk", junk_blocks)
)
