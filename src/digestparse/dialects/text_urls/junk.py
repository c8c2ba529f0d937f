"""The ``text-urls`` dialect's junk rule: the lines up to the next entry in one call.

Between copies, a repeated capture shows its page header again: some forty
blocks of junk, one blank line apart. The generic rule (``rules/junk.py``)
reads one block per call, and its reports of such a run fold into one
diagnostic (``Reporter.defect``): the first block's report carries its detail
(strict mode raises with it) and each later one only extends its end. So here
the first block is read as the generic rule reads it (with its report,
``report_junk``) and the rest of the run makes one report, which folds in the
same way.

Only an entry start after a blank line ends the run (the generic rule takes a
line glued to the one before it whatever it is), or an upvote box glued to it:
blank lines carry no meaning in this dialect, and no junk line is a box. The
fast path, too, starts only at an upvote box, which starts an entry. Where the
source is a list or a window of lines, the run is read from it directly, as
the fast path reads;
``tests/test_dialect_text_urls.py`` checks that both ways agree with the
generic rule.
"""

from __future__ import annotations

from ...dates import read_date_line, set_page_date
from ...grammar import PAGE_TITLES
from ...rules.junk import report_junk
from ...state import BLANK_CHARS, BLANKS, ParseState
from .lines import (
    DATE,
    MAX_TITLE_LINES,
    SUBMITTED_BY,
    TEXT,
    UPVOTE_BOX,
    classify,
    is_box,
    is_card_link,
    is_url,
    link_paper_id,
)
from .plain import BOX_STYLE, NAMES_APART, PLAIN, TITLES_APART
from .plain import junk_run as plain_junk_run
from .rules import starts_entry


def junk_run(state: ParseState) -> bool:
    """The junk from the next line up to the next entry start (see the module docstring).

    A run that holds the page's title (``Daily Papers``) and ends with a page date
    before an entry is a second page's header (captures joined): its page date counts for
    the yearless dates after it, as a repeated header's does in the other dialects.
    """
    if PLAIN in state.memo:
        held_title, last_line = plain_junk_run(state)
        if held_title and state.peek() is not None:
            _page_date(state, last_line.text, last_line.number)
            # Another capture's page follows: how its cards show their boxes and names is
            # its own.
            state.memo.pop(BOX_STYLE, None)
            state.memo.pop(NAMES_APART, None)
            state.memo.pop(TITLES_APART, None)
        return True
    title, last = _first_block(state)
    rest = state.peek()
    if rest is None:
        return True
    if state.raw_lines is not None and state.rewind():
        in_window = _run_in_window(state)
        if in_window is not None:
            title = title or in_window[0]
            last = in_window[1]
    # Where the window ends, the run goes on line by line: the next line may be glued to
    # the last one read, or tell only with lines the window does not hold yet.
    number, line_title, line_last = _run(state)
    if number >= rest.number:
        state.reporter.defect("junk", rest.number, 1, end_line=number, gap=rest.gap)
    if (title or line_title) and state.peek() is not None:
        _page_date(state, line_last or last, number)
    return True


def _first_block(state: ParseState) -> tuple[bool, str]:
    """The generic rule's block (``rules/junk.py``: the next line and the lines glued to it,
    one report), consumed line by line as that rule does: whether it holds the page's
    title, and its last line's text."""
    first = last = state.advance()
    title = first.text in PAGE_TITLES
    while (line := state.peek()) is not None and line.gap == 0 and not is_box(line.text):
        last = state.advance()
        title = title or last.text in PAGE_TITLES
    report_junk(state, first, last)
    return title, last.text


def _page_date(state: ParseState, text: str, number: int) -> None:
    """Line ``number`` (``text``), the last of a page's header, as its page date when it is
    one (a yearless date without a count)."""
    if text and classify(text) is DATE:
        parts = read_date_line(text)
        if parts is not None and parts.year is None and parts.count_text is None:
            set_page_date(state, number, parts)


def _run(state: ParseState) -> tuple[int, bool, str]:
    """Consume the junk lines that come next, line by line: the last line consumed, whether
    the page's title was among them, and the text of the last of them ("": none)."""
    title = False
    text = ""
    while (line := state.peek()) is not None and (
        (line.gap == 0 and not is_box(line.text)) or not starts_entry(state)
    ):
        text = state.advance().text
        title = title or text in PAGE_TITLES
    return state.last_line, title, text


def _run_in_window(state: ParseState) -> tuple[bool, str] | None:
    """``_run`` over the state's window, up to its end or to a line that tells whether it
    starts an entry only with lines past that end: whether the page's title was among the
    lines consumed and the last one's text; None where none was consumed."""
    raw = state.raw_lines
    assert raw is not None
    base = state.raw_base
    count, complete = state.raw_end()
    start = state.number - base
    last = start - 1  # the index of the last junk line: the generic rule's block ends here
    title = False
    text = ""
    line = _next_line(raw, start, count)
    while line is not None:
        index = line[0]
        following = _next_line(raw, index + 1, count)
        if (index > last + 1 or is_box(line[1])) and _starts_entry(
            raw, line, following, count, complete
        ) is not False:
            break  # after a blank line: an entry, or a line that the window cannot tell
        text = line[1]
        if text in PAGE_TITLES:
            title = True
        last, line = index, following
    if last < start:
        return None
    state.skip_to(base + last + 1)
    return title, text


def _next_line(raw: list[str], index: int, count: int) -> tuple[int, str] | None:
    """The first non-blank line from ``index`` on, with its index, stripped."""
    while index < count:
        text = raw[index]
        if text and (text[0] not in BLANK_CHARS or text.strip(BLANKS)):
            return index, text.strip(BLANKS)
        index += 1
    return None


def _starts_entry(
    raw: list[str],
    line: tuple[int, str],
    following: tuple[int, str] | None,
    count: int,
    complete: bool,
) -> bool | None:
    """``rules.starts_entry`` at ``line`` (``following`` is the next one); None where the
    lines it needs run past the window.

    Most lines of a page's header are links or have a link after them that names no
    paper, so that is looked at before the line's own class."""
    index, text = line
    if text.startswith(UPVOTE_BOX) and is_box(text):
        return True
    if text[0] == "h" and is_url(text):
        # No title; but the avatar link over ``Submitted by`` may open a lead-in
        # (rules._lead_in): that is told line by line, as is a URL line at the window's end.
        if following is None:
            return False if complete else None
        return None if following[1] == SUBMITTED_BY else False
    if text == SUBMITTED_BY:
        return None
    if following is None:
        return False if complete else None
    if following[0] == index + 1:  # glued: a wrapped title, or a link right under it
        link = _title_link(raw, index, count, complete)
        if link is None:
            return None
    else:
        link = following[1] if is_url(following[1]) else ""
    return (
        bool(link)
        and link_paper_id(link) is not None
        and classify(text) is TEXT
        and not is_card_link(text)
    )


def _title_link(raw: list[str], index: int, count: int, complete: bool) -> str | None:
    """The URL line after a title at ``index`` (past up to MAX_TITLE_LINES glued text
    lines), or "" where the line after it is none; None where that line is past the
    window."""
    j = index
    for _ in range(MAX_TITLE_LINES - 1):
        if j + 1 >= count:
            return "" if complete else None
        following = raw[j + 1].strip(BLANKS)
        if not following or classify(following) is not TEXT:
            break
        j += 1
    j += 1
    while j < count and not raw[j].strip(BLANKS):
        j += 1
    if j >= count:
        return "" if complete else None
    url = raw[j].strip(BLANKS)
    return url if is_url(url) else ""
