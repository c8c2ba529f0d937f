"""The ``text-urls`` dialect's reading of a capture whose tool kept no URL (docs/format.md,
"Without URLs").

One entry (a browser's copy: no blank lines; other tools put blank lines anywhere)::

    12
    A Made-up Title
    A made-up abstract of one line or many.
    • 3 authors
    ·
    May 30
    4

The reading is chosen once per capture (``choose_reading``): where the lines up to
the first entries hold no URL line of the site and show the 2026 page's marks
(``plain_lines.detect_plain``). The rules then read entries here: a missing URL is no
deviation, and there is none to read. Elsewhere (the URL reading) nothing changes.

Without URL lines, a title is told from the abstract by the lines' layout: where blank
lines stand between the entry's lines, the title is the first run of lines glued
together and the abstract the rest; where there are none, the title is the first line
(or, where it stands over an abstract indented further, as lynx writes them, its lines
at its indent). An organization is the short line right above ``·`` after the
abstract, the lines from one that starts with its logo's alt text (lynx: ``[occ] OCC``,
read ``OCC``), or, after a blank line, the two or three lines of a long name that a tool
wrapped; its line with `` · `` and the date may wrap inside the date. lynx's image
placeholders (``[IMG]``) are read as avatars over the authors and as a trending card's
thumbnail and submitter's avatar around ``Submitted by``. A bare number after the date is
its comment count, except on a page whose upvote boxes are bare numbers too: there it is
the comment count only where the next entry's box follows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import cast

import attrs

from ... import lines as lines_module
from ...dates import date_parts, entry_date_fields, read_count, read_date_line
from ...grammar import (
    BARE,
    GLUED,
    MAX_ORGANIZATION_LEN,
    NO_ALTS,
    PAGE_TITLES,
    PROMO,
    PROMO_DAILY,
    SEPARATOR,
    SITE_NAME,
    SUBSCRIBE,
    authors_count,
    is_code_fence,
    is_footer_line,
    is_trending_page,
    logo_alts_shown,
    may_start_page_end,
    opens_page_end,
    without_bare_logo_alt,
    without_unknown_logo_alt,
)
from ...links import extract_links
from ...markup import join_wrapped, plain, title_of_heading
from ...model import Paper
from ...rules.junk import report_junk
from ...rules.page_end import starts_page_end
from ...state import Line, ParseState
from ..bounded import FieldLines
from ..html_text.lines import PUBLISHED
from ..truncated import Truncated, next_line, report_truncated
from .lines import (
    AUTHORS,
    AUTHORS_LINK,
    BRACKET,
    COUNT,
    DATE,
    SEPARATOR_KIND,
    SUBMITTED_BY,
    TEXT,
    UPVOTE_LABEL,
    UPVOTES,
    URL,
    date_text,
    is_count,
    is_site_url,
)
from .plain_lines import (
    AVATAR_BULLETS,
    EMPTY_IMAGE,
    MAX_TEXT_LINES,
    NOTED_LINKS,
    box_value,
    closed_up_date,
    counts_on_date_lines,
    detect_plain,
    glued_date,
    has_logo,
    holds_avatar,
    is_card_links,
    is_empty_avatar,
    is_lead_in,
    is_lead_in_words,
    is_placeholder,
    is_separator,
    looks_dated,
    split_metadata,
    split_wrapped_metadata,
    submitter_on_line,
    without_logo,
)

#: ``ParseState.memo`` key: this capture is read without URLs.
PLAIN = "text-urls: no URLs"
#: ``ParseState.memo`` key: how the capture's first entry showed its upvote box
#: (``_BOXED``, ``_BARE`` or ``_NONE``); an entry without one is a deviation only where
#: the first had one.
BOX_STYLE = "text-urls: upvote box without URLs"
_BOXED, _BARE, _NONE = "box", "bare", "none"
#: ``ParseState.memo`` key: the capture is the trending page (its header's title is
#: ``Trending Papers``, with no ``Daily Papers``), whose cards may show no date.
TRENDING = "text-urls: the trending page without URLs"
#: ``ParseState.memo`` key: a card of this page has shown its date. A trending page shows a
#: date on every card or on none (captures 05, 04), as in the URL reading.
CARDS_DATED = "text-urls: cards with dates, without URLs"
#: ``ParseState.memo`` key: the head's date lines show their comment counts after them
#: (``Nov 24  3``) more often than on a line of their own: the page writes every count so,
#: and a number alone on its line is never one.
COUNTS_GLUED = "text-urls: counts on the date line"
#: ``ParseState.memo`` key: whether the page's first comment count on a line of its own
#: stood after a blank line under its date (False: right under it, BeautifulSoup's
#: ``get_text("\\n")``, whose boxes stand after blank lines).
_COUNTS_APART = "text-urls: counts apart from their dates, without URLs"
#: ``ParseState.memo`` key: whether the page's first organization's name stood after a
#: blank line (links, elinks, w3m, pandoc) or right under the abstract (lynx, a browser's
#: copy). Where names stand apart, a line glued to an abstract line that ends no sentence
#: above ``·`` is the abstract's last, and the card lost its authors (``_wraps_on``).
NAMES_APART = "text-urls: organizations after a blank line, without URLs"
#: ``ParseState.memo`` key: the capture's first lines show the site's logo written as its
#: alt text, ``GLUED`` or ``BARE`` (``grammar.logo_alts_shown``): every organization's name
#: starts with its logo's; or as the site's name alone, ``NO_ALTS``: none does.
LOGO_ALTS = "text-urls: image alts written as text, without URLs"
#: ``ParseState.memo`` key: whether the page's first abstract stood after a blank line
#: under its title (the text browsers, pandoc, inscriptis) or right under it (a browser's
#: copy, BeautifulSoup's ``get_text()``). Where titles stand apart, an abstract glued to its
#: title lost that blank line, or the title line itself was lost (the abstract's first line
#: is read as the title).
TITLES_APART = "text-urls: abstracts after a blank line, without URLs"
#: ``ParseState.memo`` key: the numbers of the first and the last line of a run that
#: ``_shape`` found holds no end of an entry's text (``_undecided``). A later look from a
#: line inside the run goes on after it: a junk run asks at each of its lines, and reading
#: the same ``MAX_TEXT_LINES`` lines again at each cost about 90 times a normal line.
_TEXT_RUN = "text-urls: a run of text without metadata"
#: How many lines ``choose_reading`` looks at (and at most ``MAX_LINE`` characters).
_SCAN_LINES = 200
#: The header's lines that a tool keeping links writes with their link (``Subscribe``), or
#: which it never writes without the other dialects' marks (the promo lines).
_LINKLESS = frozenset({SUBSCRIBE, PROMO, PROMO_DAILY})
#: How an authors line without its link starts: its count, or a bullet other than markdown's.
_LINKLESS_AUTHORS = frozenset("0123456789\u2022*")


def choose_reading(state: ParseState) -> None:
    """Read the capture without URLs where its first lines hold at most ``NOTED_LINKS`` URL
    lines of the site (``huggingface.co``: a menu's, an upvote box's or a title's link; so
    few are the page's address a user noted), show the 2026 page
    (``detect_plain``) and show that their tool kept no link: ``Subscribe`` or the promo
    lines over no URL line, an authors line that is no link (``3 authors``, ``• 3
    authors``, ``* 3 authors``; ``- 3 authors`` is a markdown list item as well), or an
    avatar with neither alt text nor URL (pandoc's ``- []``)."""
    texts: list[str] = []
    linkless = False
    dated = False  # an entry's ``·`` seen: a page's end may come
    site_urls = 0
    held = 0
    previous: Line | None = None
    for ahead in range(_SCAN_LINES):
        line = state.peek(ahead)
        if line is not None and (shown := logo_alts_shown(line.text)) is not None:
            state.memo[LOGO_ALTS] = shown
        elif line is not None and line.text == SITE_NAME:
            state.memo.setdefault(LOGO_ALTS, NO_ALTS)  # the logo's link without its alt
        if line is None or (
            dated and opens_page_end(line.text) and not is_code_fence(line.text)
        ):
            # The page's end, with the list of URLs lynx adds after it (``Visible links:``,
            # or its URLs alone where that heading was lost): no link of the page. A rule
            # before any entry is none (a title underlined, ``====``, over the capture), nor
            # is a code fence (a stray one between entries, a code block's close).
            break
        dated = dated or is_separator(line.text)
        if line.kind is URL and is_site_url(line.text) and not _wrapped_into(line, previous):
            # A tool that keeps links writes one after each label, the menu's first: one or
            # two are the page's address that a user wrote over or under the text.
            site_urls += 1
            if site_urls > NOTED_LINKS:
                return
            previous = line
            continue
        previous = line
        held += len(line.text)
        if held > lines_module.MAX_LINE:
            break
        texts.append(line.text)
        linkless = linkless or line.text in _LINKLESS or (
            line.text[:1] in _LINKLESS_AUTHORS and authors_count(line.text) is not None
        ) or is_empty_avatar(line.text)
    if linkless and detect_plain(texts):
        state.memo[PLAIN] = True
        if counts_on_date_lines(texts):
            state.memo[COUNTS_GLUED] = True
        if is_trending_page(texts) or (
            # A capture cut below its header (the listing alone, copied from a browser):
            # only the trending card writes its upvote button's label.
            UPVOTE_LABEL in texts and PAGE_TITLES.isdisjoint(texts)
        ):
            state.memo[TRENDING] = True


def _wrapped_into(url: Line, previous: Line | None) -> bool:
    """Whether a URL line is the end of a paragraph of text, glued to the text line above it
    (``We release weights at`` / ``https://huggingface.co/org/model.``: a tool wrapped an
    abstract there), not a link's own line: a page that keeps its links writes one after
    each label, and the label of a box (`` [-] 5``) is no text."""
    return url.gap == 0 and previous is not None and previous.kind is TEXT


@attrs.frozen
class _Shape:
    """The text lines of an entry from its title on, up to its metadata."""

    #: The title's and the abstract's lines.
    texts: int
    #: How many of them are the title's.
    title: int
    #: How many lines after them are the organization's name (0: none; more than one where
    #: lynx wrapped a name after its logo's alt text, the last maybe with ``·`` and the date).
    organization: int
    #: Whether the texts are exactly a title and an abstract (an entry without a box must be).
    exact: bool
    #: Whether the input ends before the metadata.
    ended: bool = False
    #: Whether a date comes where ``·`` or the authors belong (``·`` lost).
    dated: bool = False
    #: Whether the organization's name is followed by what follows an undated trending card.
    undated: bool = False


def _box(state: ParseState, ahead: int) -> tuple[int, str, int] | None:
    """An upvote box at ``ahead``: its lines, its style and the upvotes; None: none."""
    line = state.peek(ahead)
    if line is None:
        return None
    if line.kind is UPVOTES:
        return 1, _BOXED, box_value(line.text) or 0
    if line.text == UPVOTE_LABEL:
        count = state.peek(ahead + 1)
        if count is not None and is_count(count.text, dash=True):
            return 2, _BOXED, box_value(count.text) or 0
        return None
    if line.kind is COUNT or line.text == "-":
        return 1, _BARE, box_value(line.text) or 0
    value = box_value(line.text)
    return (1, _BOXED, value) if value is not None else None


def _bare_box_ahead(state: ParseState) -> bool:
    """Whether a later entry shows a bare box that is no comment count, over its title: ``-``
    (a count is a number), or a number right under a date line that showed its count. Not
    on the trending page, whose button comes after the date (``Upvote`` over its count): a
    count there whose label was lost is no box over a title."""
    if TRENDING in state.memo:
        return False
    previous: Line | None = None
    for ahead in range(_SCAN_LINES):
        line = state.peek(ahead)
        if line is None or line.text in PAGE_TITLES or opens_page_end(line.text):
            return False  # this page's cards end there (another capture's may follow)
        if (line.text == "-" or (line.kind is COUNT and _counted_date(previous))) and (
            previous is None or previous.text != UPVOTE_LABEL
        ):
            title = state.peek(ahead + 1)
            if title is not None and title.kind is TEXT and not is_card_links(title.text):
                return True
        previous = line
    return False


def _counted_date(line: Line | None) -> bool:
    """Whether a line is a date line with its comment count after it (``Nov 24 6``)."""
    if line is None or line.kind is not DATE:
        return False
    parts = read_date_line(date_text(line.text))
    return parts is not None and parts.count_text is not None


def _split(state: ParseState, at: int, count: int, anchored: bool = False) -> tuple[int, bool]:
    """How many of the ``count`` text lines from ``at`` are the title, and whether they are
    exactly a title and an abstract (two runs of glued lines, or two lines where no blank
    line stands between them)."""
    runs = [0]
    for index in range(1, count):
        line = state.peek(at + index)
        if line is not None and line.gap:
            runs.append(index)
    if len(runs) > 1:
        return runs[1], len(runs) == 2
    indented = _indented_split(state, at, count)
    if indented:
        return indented, True
    # Under a box or a lead-in (``anchored``: an entry starts there) on a page whose abstracts
    # stand apart (``TITLES_APART``), lines glued from the title on lost the blank line under
    # a title of one line (reported when read): still exact. Where nothing above tells that
    # an entry starts, such a run is no entry's (a list of URLs, lone avatar bullets).
    return 1, count == 2 or (anchored and count > 2 and state.memo.get(TITLES_APART) is True)


def _indented_split(state: ParseState, at: int, count: int) -> int:
    """Where no blank line stands between them: how many of the ``count`` lines from ``at``
    are the title where the title's lines stand at one indent and the abstract's all further
    in (lynx indents body text more than a heading: at the margin on a daily page, two
    columns in on a trending card); 0 where they do not."""
    first = state.peek(at)
    if first is None or count < 2:
        return 0
    title = 1
    while (
        title < count
        and (line := state.peek(at + title)) is not None
        and line.indent == first.indent
    ):
        title += 1
    if title == count:
        return 0
    for index in range(title, count):
        line = state.peek(at + index)
        if line is None or line.indent <= first.indent:
            return 0
    return title


def _shape(state: ParseState, at: int, anchored: bool = False) -> _Shape | None:
    """The entry's text lines from ``at`` up to its authors line or its ``·``; None where
    another kind of line comes first (or none within ``MAX_TEXT_LINES``)."""
    trending = TRENDING in state.memo
    first = state.peek(at)
    known = _known_run(state, at, first)
    for count in range(known, MAX_TEXT_LINES + 1):
        line = state.peek(at + count)
        if trending and count >= 2 and _ends_undated_card(state, at + count):
            # No ``·`` and date: the line above this one is the organization's name, or
            # the card shows none (capture 04 shows cards with neither authors nor one).
            name = state.peek(at + count - 1)
            names = _logo_name(state, at, count) or 1
            if (
                count >= 2 + names
                and name is not None
                and len(name.text) <= MAX_ORGANIZATION_LEN
            ):
                title, exact = _split(state, at, count - names, anchored)
                if exact:
                    return _Shape(count - names, title, names, exact, undated=True)
            title, exact = _split(state, at, count, anchored)
            if exact:
                return _Shape(count, title, 0, exact, undated=True)
        if line is None:
            return _Shape(count, min(count, 1), 0, False, ended=True) if count else None
        if (
            authors_count(line.text) is not None
            or _authors_link(state, at + count)
            or _avatars(state, at + count)
        ):
            return _plain_shape(state, at, count, anchored)
        glued = _metadata_at(state, at + count) if count else None
        if glued is not None:
            # The authors or organization, ``·`` and the date on one line.
            if authors_count(glued[0]) is not None:
                title, exact = _split(state, at, count, anchored)
                return _Shape(count, title, 0, exact)
            # The name's lines before this one, where lynx wrapped it after its logo, or
            # where a tool wrapped a long name.
            names = (
                _logo_name(state, at, count + 1)
                or _wrapped_name(state, at, count + 1, anchored)
                or _paragraph_name(state, at, count + 1, anchored)
                or 1
            )
            title, exact = _split(state, at, count + 1 - names, anchored)
            return _Shape(count + 1 - names, title, names, exact)
        if line.kind is SEPARATOR_KIND or is_separator(line.text) or line.kind is DATE:
            names = _logo_name(state, at, count)
            avatars = _avatars_above(state, at, count)
            if avatars and count > avatars:
                # The authors' avatars over the ``·``, their count line lost: no text of
                # the entry's, nor an organization (``_metadata`` reports them).
                title, exact = _split(state, at, count - avatars, anchored)
                return _Shape(count - avatars, title, avatars, exact, dated=line.kind is DATE)
            if names:
                # A name after its logo's alt text (lynx): an organization however the
                # text above it runs.
                title, exact = _split(state, at, count - names, anchored)
                return _Shape(count - names, title, names, exact, dated=line.kind is DATE)
            if count >= 2:
                name = state.peek(at + count - 1)
                if (
                    name is not None
                    and len(name.text) <= MAX_ORGANIZATION_LEN
                    and (name.gap or not _wraps_on(state, at + count - 2))
                ):
                    title, exact = _split(state, at, count - 1, anchored)
                    if exact or count == 2:
                        names = _paragraph_name(state, at, count, anchored)
                        if names:
                            title, exact = _split(state, at, count - names, anchored)
                        else:
                            names = 1
                        return _Shape(count - names, title, names, exact, dated=line.kind is DATE)
                names = _wrapped_name(state, at, count, anchored)
                if names:
                    title, exact = _split(state, at, count - names, anchored)
                    return _Shape(count - names, title, names, exact, dated=line.kind is DATE)
            shape = _plain_shape(state, at, count, anchored)
            return attrs.evolve(shape, dated=True) if shape and line.kind is DATE else shape
        if (line.kind is not TEXT and line.kind is not URL) or box_value(line.text) is not None:
            # Without URLs, a URL line is a hard-wrapped title's or abstract's (w3m); a box
            # (``Upvote 12``, ``-``) starts the next entry.
            return None
    last = state.peek(at + MAX_TEXT_LINES)
    if first is not None and last is not None and not trending:
        state.memo[_TEXT_RUN] = (first.number, last.number)
    return None


def _known_run(state: ParseState, at: int, first: Line | None) -> int:
    """From how many lines after ``at`` on ``_shape`` must look: past the last line of a run
    it has already found undecided (``_TEXT_RUN``) where ``at`` is inside that run.

    Each check of a line in ``_shape``'s loop but the trending page's (not cached: whether
    an undated card ends there depends on where its text starts) depends on that line
    alone, so a start inside the run finds every line up to the run's last undecided too.
    The run's last line is found by bisection over the lines ahead (their numbers rise)."""
    run = state.memo.get(_TEXT_RUN)
    if first is None or run is None:
        return 0
    start, end = cast("tuple[int, int]", run)
    if not start <= first.number <= end:
        return 0
    low, high = 0, MAX_TEXT_LINES  # the run's last line is at most this far from ``at``
    while low < high:
        middle = (low + high + 1) // 2
        line = state.peek(at + middle)
        if line is not None and line.number <= end:
            low = middle
        else:
            high = middle - 1
    return low + 1


def _merged(state: ParseState, at: int, shape: _Shape) -> _Shape:
    """The text of a boxed entry cut after its title, its abstract and an organization's
    name where the next run of lines (blank lines between runs) starts an entry of its own:
    the entry lost its ``·`` and date (and its authors) and the next one its box (two entries
    merged), which ``_metadata`` then reports missing at the next title. Without blank lines
    between them the lines cannot tell (the first is the title, the rest the abstract)."""
    if shape.exact or shape.title >= shape.texts:
        return shape
    runs = [
        index for index in range(shape.title + 1, shape.texts)
        if (line := state.peek(at + index)) is not None and line.gap
    ]
    if not runs:
        return shape
    name = state.peek(at + runs[0])
    if _card(state, at + runs[0]) is not None:
        return _Shape(runs[0], shape.title, 0, True)
    if (
        len(runs) >= 2
        and runs[1] == runs[0] + 1
        and name is not None
        and len(name.text) <= MAX_ORGANIZATION_LEN
        and _card(state, at + runs[1]) is not None
    ):
        return _Shape(runs[0], shape.title, 1, True)
    return shape


def _ends_undated_card(state: ParseState, ahead: int) -> bool:
    """Whether the line at ``ahead`` may follow a trending card's authors or organization
    where the card shows no date: its upvote button (``Upvote``), a card link's label
    (``GitHub 1.2k``), the next card's lead-in, the page's end or the input's end."""
    line = state.peek(ahead)
    if line is None:
        return True
    text = line.text
    return (
        text in (UPVOTE_LABEL, SUBMITTED_BY)
        or (text.startswith(UPVOTE_LABEL) and box_value(text) is not None)
        or is_card_links(text)
        or opens_page_end(text)
    )


def _plain_shape(state: ParseState, at: int, count: int, anchored: bool = False) -> _Shape | None:
    """The shape of ``count`` text lines from ``at`` with no organization after them."""
    if not count:
        return None
    title, exact = _split(state, at, count, anchored)
    return _Shape(count, title, 0, exact)


#: An organization's name after its logo's alt text spans at most this many lines (lynx
#: wraps it at the dump's width).
_NAME_LINES = 3


def _logo_name(state: ParseState, at: int, count: int) -> int:
    """How many of the lines right before ``at + count`` are an organization's name that
    starts with its logo's alt text in brackets (lynx: ``[occ] OCC``, maybe wrapped; pandoc
    also glued, ``[siat]Shenzhen …``, where the name is a paragraph of its own), with at least
    one line of text before them; 0 where they are none, or where the name they hold (without
    the alt, and the `` · date`` glued to its last line) is longer than a name: an abstract
    that starts with a bracket (``[CLS] tokens are…``)."""
    size = 0
    for names, line, text in _name_lines(state, at, count, min(count - 1, _NAME_LINES)):
        logo = has_logo(text, glued=line.gap > 0)
        size += len(without_logo(text) if logo else text)
        if size > MAX_ORGANIZATION_LEN:
            return 0
        if logo:
            return names
        if line.gap:
            return 0
    return 0


#: How a sentence, and so an abstract, ends.
_SENTENCE_ENDS = frozenset(".!?)\"'\u201d")


def _wraps_on(state: ParseState, ahead: int) -> bool:
    """Whether the line at ``ahead`` goes on on the next, glued to it, on a page whose names
    stand after a blank line (``NAMES_APART``): a line that ends no sentence (an abstract's
    ``… framework for RL-based`` over ``training of AI agents.``, its authors line lost). A
    name glued to an abstract's end there lost the blank line above it, and stays a name."""
    line = state.peek(ahead)
    return (
        bool(state.memo.get(NAMES_APART))
        and line is not None
        and line.text[-1:] not in _SENTENCE_ENDS
        and not _is_avatar(line.text)
    )


def _name_lines(
    state: ParseState, at: int, count: int, most: int
) -> Iterator[tuple[int, Line, str]]:
    """The lines right before ``at + count``, from the last up, at most ``most``: how many so
    far, the line, and its text, the last without the `` · date`` glued to it or the ``·``
    its date wrapped after."""
    for names in range(1, most + 1):
        line = state.peek(at + count - names)
        if line is None:
            return
        text = line.text
        if names == 1:
            glued = _metadata_at(state, at + count - 1)
            text = glued[0] if glued is not None else _before_separator(text)
        yield names, line, text


def _wrapped_name(state: ParseState, at: int, count: int, anchored: bool = False) -> int:
    """How many of the lines right before ``at + count`` (two to ``_NAME_LINES``) are an
    organization's name that a tool wrapped at its width (``CarnegieMellonUCarnegie Mellon
    University Institute for`` over ``Advanced Research``, the last maybe with its `` · date``):
    a run of lines of its own after a blank line, no longer than a name, where the lines
    before it are exactly a title and an abstract; 0 where they are none. Without blank
    lines the lines cannot tell a name's start from the abstract's end. No line of a name
    is a list item, a bracket, an authors count or holds a ``·`` (the authors' avatars
    over a lost count, a line run into the next), and a title is no lead-in (the card's
    ``Submitted by NAME`` over a title and an abstract that lost its authors)."""
    size = 0
    for names, line, text in _name_lines(state, at, count, min(count - 2, _NAME_LINES)):
        size += len(text) + 1
        if size > MAX_ORGANIZATION_LEN + 1 or not _may_be_name(text):
            return 0
        if line.gap:
            first = state.peek(at)
            if names == 1 or first is None or is_lead_in(first.text):
                return 0
            return names if _split(state, at, count - names, anchored)[1] else 0
    return 0


def _paragraph_name(state: ParseState, at: int, count: int, anchored: bool = False) -> int:
    """How many of the lines right before ``at + count`` (two to ``_NAME_LINES``) are an
    organization's name that a tool wrapped at its width right under the abstract, with no
    blank line between them (lynx without link numbers: ``umass University of … College
    of`` over ``Information and Computer Sciences``); 0 where they are none.

    A tool that fills its lines puts a word on the next line only where it does not fit on
    this one: the name's first word would have fitted after the abstract's last line (a new
    paragraph starts there), and each later line's first word would not have fitted on the
    line above it (the name goes on). The width is taken as the longest of these lines, never
    wider than the tool's, so a word said to fit does fit; the abstract's own lines must
    show no such break (``_filled``). The first word too long to tell so is the logo's alt
    text, which starts the name's first line too (``_opens_with_logo_alt``). A line that
    ends with ``-`` may be a word broken there, and tells nothing. Not on a page whose names
    stand after a blank line (``NAMES_APART``)."""
    if state.memo.get(NAMES_APART):
        return 0
    most = min(count - 2, _NAME_LINES)
    names: list[tuple[Line, str]] = []
    size = 0
    for _names, line, text in _name_lines(state, at, count, most):
        if line.gap or not _may_be_name(text):
            return 0
        size += len(text) + 1
        if size > MAX_ORGANIZATION_LEN + 1:
            return 0
        names.append((line, text))
        if len(names) < 2:
            continue
        above = state.peek(at + count - len(names) - 1)
        if above is None or above.text.endswith("-"):
            return 0
        title, exact = _split(state, at, count - len(names), anchored)
        if not exact:
            continue
        lines = [state.peek(at + index) for index in range(title, count)]
        width = max(line.indent + len(line.text) for line in lines if line is not None)
        first = names[-1][0]
        if not (_fits(above, first.text, width) or _opens_with_logo_alt(first.text)):
            continue  # the name's first line goes on from the abstract's: look one up
        abstract = [line for line in lines[: len(lines) - len(names)] if line is not None]
        if all(
            not _fits(upper, lower_text, width)
            for (_lower, lower_text), (upper, _upper_text) in itertools.pairwise(names)
        ) and _filled(abstract, width):
            return len(names)
        return 0
    return 0


def _filled(lines: list[Line], width: int) -> bool:
    """Whether ``lines`` are one paragraph filled to ``width``: no line's first word would
    have fitted on the line above it (a line that ends with ``-`` tells nothing). Text wrapped
    twice, at a narrower width over a wider one, is not: there the test tells nothing."""
    return not any(
        _fits(upper, lower.text, width)
        for upper, lower in itertools.pairwise(lines)
        if not upper.text.endswith("-")
    )


def _opens_with_logo_alt(text: str) -> bool:
    """Whether ``text`` starts with a logo's alt text written bare before the name it
    starts (``without_bare_logo_alt``: ``CarnegieMellonU Carnegie Mellon University``), of
    ``_MIN_ALT`` characters at least: a text's line seldom starts so."""
    rest = without_bare_logo_alt(text)
    return len(text) - len(rest) - 1 >= _MIN_ALT  # the alt and the blank after it


_MIN_ALT = 4


def _fits(line: Line, following: str, width: int) -> bool:
    """Whether the first word of ``following`` fits after ``line`` within ``width``."""
    word = following.split(" ", 1)[0]
    return line.indent + len(line.text) + 1 + len(word) <= width


#: What a line of an organization's name never starts with: a list item's bullet, an
#: image's or a link's bracket, ``·``.
_NOT_NAME_STARTS = frozenset("\u2022*+-[" + SEPARATOR)


def _may_be_name(text: str) -> bool:
    """Whether a line may be part of an organization's name (``_wrapped_name``)."""
    return (
        text[:1] not in _NOT_NAME_STARTS
        and SEPARATOR not in text
        and authors_count(text) is None
    )


def _metadata_at(state: ParseState, ahead: int) -> tuple[str, str, int] | None:
    """The authors or organization and the date on the line at ``ahead`` (``Kandinsky Lab ·
    Oct 4, 2026``), or on it and the next where a tool wrapped it inside the date
    (``split_wrapped_metadata``): the two and how many lines they take; None: none."""
    line = state.peek(ahead)
    if line is None:
        return None
    glued = split_metadata(line.text)
    if glued is not None:
        return (*glued, 1)
    following = state.peek(ahead + 1)
    if following is None or following.gap or SEPARATOR not in line.text:
        return None
    wrapped = split_wrapped_metadata(line.text, following.text)
    return None if wrapped is None else (*wrapped, 2)


#: An upvote box: its lines, its style and the upvotes (``_box``).
_Box = tuple[int, str, int]


@attrs.frozen
class _Lead:
    """A trending card's lines before its box or title."""

    #: How many lines.
    lines: int = 0
    #: Whether ``Submitted by`` is among them.
    submitted: bool = False
    #: Which of them is the submitter's name (None: none).
    name: int | None = None


_NO_LEAD = _Lead()


def _entry_at(state: ParseState, ahead: int) -> tuple[_Lead, _Box | None, _Shape] | None:
    """The entry that starts at ``ahead``: its lead-in, its box and its shape; None where
    none starts there.

    A trending card's lead-in is ``Submitted by`` and the submitter's name (a user name: no
    blank in it) over the card's box or title; only ``Submitted by`` where the name is lost
    (the card follows right after it). lynx writes the card's thumbnail before it and the
    submitter's avatar after ``Submitted by`` as image placeholders (``[IMG]``), read with it."""
    thumbnail = _placeholder_at(state, ahead)
    line = state.peek(ahead + thumbnail)
    if (
        line is not None
        and submitter_on_line(line.text) is not None
        and (card := _card(state, ahead + thumbnail + 1, lead=True)) is not None
        # A title that reads so (``Submitted by Humans``) starts its own card; not on the
        # trending page, whose cards all start with the lead-in: there a title that reads
        # so stands under its own card's lead-in, and the line that reads as a card is a
        # lead-in over a card that lost a line (its authors: the abstract would be read as
        # the title and the title as the abstract), or glued to its title (a blank line
        # lost between them: the two would read as one wrapped title).
        and (TRENDING in state.memo or _card(state, ahead + thumbnail) is None)
    ):
        return _Lead(thumbnail + 1, True, thumbnail), *card
    if line is not None and is_lead_in_words(line.text):
        at = ahead + thumbnail + 1
        at += _placeholder_at(state, at)
        name = state.peek(at)
        if (
            name is not None
            and name.kind is TEXT
            and " " not in name.text
            and box_value(name.text) is None
            and not is_placeholder(name.text)
            and (card := _card(state, at + 1, lead=True)) is not None
        ):
            return _Lead(at + 1 - ahead, True, at - ahead), *card
        if (card := _card(state, at, lead=True)) is not None:
            return _Lead(at - ahead, True), *card
    if thumbnail and (card := _card(state, ahead + thumbnail)) is not None:
        return _Lead(thumbnail), *card
    card = _card(state, ahead)
    return (_NO_LEAD, *card) if card is not None else None


#: A card's images before its box as pandoc writes them (``[]``): its thumbnail and the
#: box's icon, after the page's date on the first card also the next day's arrow.
_MAX_EMPTY_IMAGES = 3


def _placeholder_at(state: ParseState, ahead: int) -> int:
    """How many images' placeholders stand alone from ``ahead`` on: 1 (a thumbnail,
    ``[IMG]``, ``[2611]``), or up to ``_MAX_EMPTY_IMAGES`` of pandoc's ``[]``; 0 where none
    does."""
    line = state.peek(ahead)
    if line is None or not is_placeholder(line.text):
        return 0
    count = 1
    if line.text == EMPTY_IMAGE:
        while (
            count < _MAX_EMPTY_IMAGES
            and (line := state.peek(ahead + count)) is not None
            and line.text == EMPTY_IMAGE
        ):
            count += 1
    return count


def starts_entry(state: ParseState, ahead: int = 0) -> bool:
    """A trending card's lead-in, an upvote box followed by a title (a text line); or, with
    no box, exactly a title and an abstract followed by the authors or an organization's
    ``·`` (``_entry_at``)."""
    return _entry_at(state, ahead) is not None


def _card(
    state: ParseState, ahead: int, *, lead: bool = False
) -> tuple[_Box | None, _Shape] | None:
    """The box (None: none) and the shape of the card whose box or title is at ``ahead``
    (under a lead-in where ``lead``); None where no card starts there."""
    box = _box(state, ahead)
    if box is not None:
        title = state.peek(ahead + box[0])
        if title is not None and is_card_links(title.text):
            return None  # a trending card's button over its links: no title comes after it
        if title is not None and is_footer_line(title.text):
            return None  # a comment count over the page's end (``Previous``)
        shape = _shape(state, ahead + box[0], anchored=True)
        if shape is None or shape.texts == 0:
            return None
        return box, _merged(state, ahead + box[0], shape)
    line = state.peek(ahead)
    if line is None or line.kind is not TEXT or is_card_links(line.text):
        return None
    if is_footer_line(line.text):
        # The footer's words (``Website``, ``TOS Privacy About Careers``) or a reference
        # list's item over the next lines read as a card without a box or a date where a
        # line follows the page's end, which then is junk, not ``footer_span``.
        return None
    if not lead and TRENDING in state.memo and is_lead_in(line.text):
        # Every trending card starts with its lead-in: such a line that is no card's lead-in
        # here is one over a card that lost a line (its title, its authors), never a title.
        return None
    shape = _shape(state, ahead, anchored=lead)
    # Where ``·`` is lost, the date ends the entry's text, and where a trending card shows
    # no date, its upvote button, card links or the next lead-in do: a title told so only
    # under a lead-in or once the first entry is read (the header's last lines are none).
    if (
        shape is not None
        and shape.exact
        and not shape.ended
        and (not (shape.dated or shape.undated) or lead or BOX_STYLE in state.memo)
        # The page's end (``Previous Next``, lynx's pagination on one line) over the footer's
        # lines would read as a card without a date.
        and not (shape.undated and opens_page_end(line.text))
    ):
        return None, shape
    return None


def entry(state: ParseState) -> bool:
    first = state.peek()
    start = _entry_at(state, 0) if first is not None else None
    if first is None or start is None:
        return False
    lead, box, shape = start
    reporter = state.reporter
    fields: dict[str, object] = {}
    for index in range(lead.lines):
        line = state.advance()
        if index == lead.name:
            fields["submitted_by"] = submitter_on_line(line.text) or plain(line.text)
    if lead.submitted and lead.name is None:
        reporter.defect("missing-submitter", next_line(state, "no title").number, 1)
    if BOX_STYLE not in state.memo:
        # The first entry sets the page's style; where it shows no box, a box that no comment
        # count can be further on says it lost it.
        state.memo[BOX_STYLE] = (
            box[1] if box is not None else _BARE if _bare_box_ahead(state) else _NONE
        )
    style = state.memo[BOX_STYLE]
    upvotes: int | None = None
    if box is not None:
        state.advance_by(box[0])
        upvotes = box[2]
    elif style != _NONE:
        reporter.defect("missing-upvotes", first.number, 1)
    title = _field(state, shape.title)
    paper = Paper(title=title_of_heading(join_wrapped(title.texts)), abstract="", line=first.number,
                  upvotes=upvotes)
    try:
        if shape.texts > shape.title:
            _abstract_apart(state)
            abstract = join_wrapped(
                _field(state, shape.texts - shape.title).texts, broken_urls=True)
            fields.update(abstract=abstract, links=extract_links(abstract))
        else:
            reporter.defect("missing-abstract", next_line(state, "no abstract").number, 1)
        if shape.ended:
            raise Truncated("no metadata")
        _metadata(state, fields, shape.organization)
    except Truncated as truncated:
        report_truncated(state, first.number, truncated)
    state.papers.append(attrs.evolve(paper, end_line=state.last_line, **fields))  # type: ignore[arg-type]
    return True


def _abstract_apart(state: ParseState) -> None:
    """Where the page's abstracts stand apart from their titles (``TITLES_APART``, set by the
    first), an abstract's first line right under its title is ``missing-blank-line``: the
    blank line was lost, or the title line was and the abstract's first line is read as
    the title. Blank lines elsewhere tell nothing: tools put them anywhere."""
    line = state.peek()
    if line is None:
        return
    if state.memo.setdefault(TITLES_APART, line.gap > 0) and not line.gap:
        state.reporter.defect("missing-blank-line", line.number, 1)


def _field(state: ParseState, count: int) -> FieldLines:
    lines = FieldLines(state.advance())
    for _ in range(count - 1):
        lines.add(state.advance())
    lines.report(state)
    return lines


def _avatars(state: ParseState, ahead: int) -> int:
    """How many lone bullets (the authors' avatars, ``AVATAR_BULLETS``) or image placeholders
    (lynx's ``* [IMG]``) stand at ``ahead`` right above an authors line; 0 where none do, or
    no authors line follows them."""
    count = 0
    while (line := state.peek(ahead + count)) is not None and _is_avatar(line.text):
        count += 1
    return count if count and line is not None and authors_count(line.text) is not None else 0


def _avatars_above(state: ParseState, at: int, count: int) -> int:
    """How many avatar lines (a lone bullet, an image's placeholder) stand right above the
    line ``count`` lines after ``at``."""
    avatars = 0
    while (
        avatars < count
        and (line := state.peek(at + count - 1 - avatars)) is not None
        and _is_avatar(line.text)
    ):
        avatars += 1
    return avatars


def _is_avatar(text: str) -> bool:
    """An author's avatar on its line: a lone bullet or an image's placeholder."""
    return text in AVATAR_BULLETS or is_placeholder(text)


def _authors_link(state: ParseState, ahead: int) -> bool:
    """``[`` and ``N authors](url)``: the authors link as capture 02's export writes it,
    kept where only the URL lines were taken out (``grep -v '^https\\?://'``)."""
    return state.peek_is(ahead, BRACKET) and state.peek_is(ahead + 1, AUTHORS)


def _metadata(state: ParseState, fields: dict[str, object], organization: int) -> None:
    """Authors or organization, ``·``, the date and an optional comment count, into ``fields``."""
    reporter = state.reporter
    if TRENDING in state.memo and _ends_undated_card(state, 0):
        _undated(state, fields)  # neither authors nor organization (capture 04)
        return
    state.advance_by(_avatars(state, 0))
    names: list[str] = []
    if organization:
        first = state.peek()
        if first is not None and not _is_avatar(first.text):
            state.memo.setdefault(NAMES_APART, first.gap > 0)
        glued_last = _metadata_at(state, organization - 1) is not None
        names = [state.advance().text for _ in range(organization - glued_last)]
        if all(map(_is_avatar, names)):
            names = []  # the authors' avatars, their count lost: no organization's name
    wrapped = bool(names) and _wrapped_separator(names)
    line = next_line(state, "no metadata")
    glued = _metadata_at(state, 0)
    if glued is not None:
        who, date, lines = glued
        state.advance_by(lines - 1)
        line = state.advance()  # the date's (last) line
        count = authors_count(who)
        if count is not None and not names:
            fields["author_count"] = count
        else:
            fields["organization"] = _organization([*names, who], _alts_written(state))
        _after_date(state, fields, counted=_dated(state, line, date, fields))
        return
    count = authors_count(line.text)
    if count is not None:
        state.advance()
        fields["author_count"] = count
        if holds_avatar(line.text):
            reporter.defect("bad-authors", line.number, 1,
                            detail="an avatar run into the authors line")
    elif _authors_link(state, 0):
        state.advance()
        match = AUTHORS_LINK.fullmatch(state.advance().text)
        fields["author_count"] = int(match.group(1)) if match is not None else None
    elif names and wrapped and len(names) == 1 and authors_count(names[0]) is not None:
        fields["author_count"] = authors_count(names[0])  # ``3 authors ·`` over the date
    elif names:
        fields["organization"] = _organization(names, _alts_written(state))
    else:
        reporter.defect("missing-authors", line.number, 1)
    if TRENDING in state.memo and _ends_undated_card(state, 0):
        _undated(state, fields)
        return
    separator = next_line(state, "no '\u00b7' line")
    if wrapped:
        pass  # ``·`` ended the name's line
    elif separator.kind is SEPARATOR_KIND:
        state.advance()
    elif (after := glued_date(separator.text)) is not None:
        _after_date(state, fields, counted=_dated(state, state.advance(), after, fields))
        return
    else:
        reporter.defect("missing-separator", separator.number, 1)
    date_line = next_line(state, "no date line")
    counted = False
    if date_line.kind is DATE:
        counted = _dated(state, state.advance(), date_line.text, fields)
    elif date_line.kind is TEXT and (closed := closed_up_date(date_line.text)) is not None:
        counted = _dated(state, state.advance(), closed, fields)
    elif date_line.kind is TEXT and (
        looks_dated(date_line.text)  # ``Sep 99``: a date and its count run together
        or (
            not starts_entry(state)
            and not opens_page_end(date_line.text)
            and not is_card_links(date_line.text)
        )
    ):
        state.advance()
        reporter.defect("bad-date", date_line.number, 1, detail=repr(date_line.text[:40]))
    else:
        reporter.defect("missing-date", date_line.number, 1)
    _after_date(state, fields, counted=counted)


#: What may follow ``·`` at the end of an organization's line that lynx wrapped before the
#: date (``[kandinsky] Kandinsky Lab · Published on`` over ``Oct 4, 2026``).
_BEFORE_DATE = frozenset({"", PUBLISHED.strip()})


def _wrapped_separator(names: list[str]) -> bool:
    """Whether the name's last line ends with ``·`` (and ``Published on``), the date wrapped
    onto the next line; that line then loses them."""
    last = names[-1]
    names[-1] = _before_separator(last)
    return names[-1] != last


def _before_separator(text: str) -> str:
    """A name's line without the ``·`` (and ``Published on``) at its end, where the date
    wrapped onto the next line; the line itself where it ends otherwise."""
    who, separator, rest = text.rpartition(" " + SEPARATOR)
    if not separator or not who.strip() or rest.strip() not in _BEFORE_DATE:
        return text
    return who


def _alts_written(state: ParseState) -> str | None:
    """How the capture writes an organization's logo's alt text, where it is known
    (``LOGO_ALTS``): glued to the name where the tool glues and the page puts no blank
    between them (the daily page; the trending page puts one, capture 05)."""
    shown = state.memo.get(LOGO_ALTS)
    if shown == GLUED and TRENDING in state.memo:
        return BARE
    return cast("str | None", shown)


def _organization(lines: list[str], alts_written: str | None) -> str:
    """An organization's name from its lines, without its logo's alt text, in brackets
    (lynx: ``[occ] OCC``), bare (lynx, w3m, links: ``kandinskylab Kandinsky Lab``) or glued
    (w3m, links, elinks: ``occ-aiOCC``). Once an alt in brackets is off (pandoc), the rest
    is the name. A text written twice is its line doubled (``Qwen Qwen`` where the tool
    writes no alt, ``[Qwen]Qwen [Qwen]Qwen``): it is read once; not where alts are written
    bare, where it is the alt and the name (``inclusionAI inclusionAI``), which the bare
    alt's rule reads, a doubled line too."""
    joined = join_wrapped(lines)
    words = joined.split(" ")
    half = len(words) // 2
    if alts_written != BARE and half and words[:half] == words[half:]:
        joined = " ".join(words[half:])
    name = without_logo(joined)
    if name != joined:
        return plain(name)
    return without_unknown_logo_alt(plain(name), alts_written=alts_written)


def _undated(state: ParseState, fields: dict[str, object]) -> None:
    """The end of a trending card that shows no date (capture 04): none lost, unless a card
    of this page has shown its date (``missing-date`` at the line that came instead)."""
    if CARDS_DATED in state.memo:
        state.reporter.defect("missing-date", next_line(state, "no date line").number, 1)
    _after_date(state, fields)


def _dated(state: ParseState, line: Line, text: str, fields: dict[str, object]) -> bool:
    """The date ``text`` (the end of ``line``) and the comment count glued after it; whether
    there was one."""
    state.memo[CARDS_DATED] = True
    text = date_text(text)
    parts = date_parts(text, line.number)
    fields.update(entry_date_fields(state, line.number, parts))
    if parts.count_text is None:
        return False
    column = line.column(parts.count_column + len(line.text) - len(text))
    fields["votes"] = read_count(state, line.number, parts.count_text, column)
    return True


def _after_date(state: ParseState, fields: dict[str, object], counted: bool = False) -> None:
    """The comment count on its own line, unless the date line showed one (``counted``:
    a number after it is the next entry's box) or the page is the trending page (its cards
    show no comment count: a number there lost its ``Upvote`` label); on a page whose cards
    show no box over their title, the upvote button (``Upvote`` and the count: capture
    05's trending card shows it after the date); and a trending card's link labels
    (``GitHub 1.2k``: without their URLs there is nothing to keep of them)."""
    line = state.peek()
    if (
        line is not None
        and line.kind is COUNT
        and "votes" in fields
        and not counted
        and not is_trending_page(state.header)
        and _is_comment_count(state)
    ):
        count = state.advance()
        state.memo.setdefault(_COUNTS_APART, bool(count.gap))
        fields["votes"] = int(count.text)
    if state.memo.get(BOX_STYLE) == _NONE and (button := _upvote_button(state)) is not None:
        lines, upvotes = button
        state.advance_by(lines)
        fields["upvotes"] = upvotes
    while (line := state.peek()) is not None and line.kind is TEXT and is_card_links(line.text):
        state.advance()


def _upvote_button(state: ParseState) -> tuple[int, int] | None:
    """The upvote button next (``Upvote`` over its count, or ``Upvote 12``): its lines and
    the upvotes; None where there is none."""
    line = state.peek()
    if line is None or not line.text.startswith(UPVOTE_LABEL):
        return None
    box = _box(state, 0)
    return (box[0], box[2]) if box is not None and box[1] == _BOXED else None


def _is_comment_count(state: ParseState) -> bool:
    """Whether the number after the date is its comment count, not the next entry's box:
    always, unless the page's boxes are bare numbers; then never where the page writes its
    counts on the date's line (``COUNTS_GLUED``), else only where the next entry's box,
    the page's end or the input's end follows it."""
    if state.memo.get(BOX_STYLE) != _BARE:
        return True
    if COUNTS_GLUED in state.memo:
        return False  # the next entry's box, also where the input was cut after it
    following = state.peek(1)
    if following is None:
        # The input's end (a download cut right after the next entry's box): where the
        # page's counts stand right under their dates, a number after a blank line is a box.
        line = state.peek()
        return not (line is not None and line.gap and state.memo.get(_COUNTS_APART) is False)
    if opens_page_end(following.text):
        return True
    box = 1 + _placeholder_at(state, 1)  # the next card's thumbnail (w3m: ``[2611]``)
    if _box(state, box) is not None and starts_entry(state, 1):
        return True
    # Page numbers over the pagination (``4`` over ``Previous``): the page's end follows.
    return may_start_page_end(following.text)


def junk_run(state: ParseState) -> tuple[bool, Line]:
    """The lines up to the next entry or the page's end, one report (here a line with no
    blank line before it may start an entry: a browser's copy has none); whether the
    page's title was among them, and the last of them."""
    first = last = state.advance()
    title = first.text in PAGE_TITLES
    while state.peek() is not None and not starts_entry(state) and not starts_page_end(state):
        last = state.advance()
        title = title or last.text in PAGE_TITLES
    report_junk(state, first, last)
    return title, last
