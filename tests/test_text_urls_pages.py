"""The ``text-urls`` dialect on the page kinds capture 02 (a search page) does not show.

Each input is capture 02 with its page features changed the way the export renders
them (docs/format.md, "The text-urls dialect", *Other pages*): every element below a
blank line, a link's label then its URL on a line of its own, an icon-only link as a
line of one space then its URL. What each must give is read off the lines built here.
"""

from __future__ import annotations

import datetime

import digestparse
from dialect_support import TEXT_URLS_CAPTURE, assert_paths_agree
from digestparse.dialects.text_urls import TEXT_URLS

LINES = TEXT_URLS_CAPTURE.lines
INTACT = TEXT_URLS_CAPTURE.parse("\n".join(LINES)).papers
HF = "https://huggingface.co"
#: Capture 02's page date line, its search query and its first entry's upvote box.
PAGE_DATE = LINES.index("Mar 25") + 1
QUERY = LINES.index("Intercode Bash") + 1
FIRST_BOX = PAGE_DATE + 2


def _elements(*texts: str) -> list[str]:
    """Elements as the export writes them: each below a blank line."""
    return [line for text in texts for line in ("", text)]


def _daily_page(*, next_day: bool) -> list[str]:
    """02 as the daily page ``/papers/date/2026-03-25``: no search query, and, on a day
    before the latest, the next day's arrow (an icon-only link) after the page date."""
    lines = [f"url: {HF}/papers/date/2026-03-25" if line.startswith("url: ") else line
             for line in LINES]
    after = _elements(" ", f"{HF}/papers/date/2026-03-26") if next_day else []
    return lines[: QUERY - 1] + lines[QUERY + 1 : PAGE_DATE] + after + lines[PAGE_DATE:]


def _check(lines: list[str]) -> digestparse.Digest:
    """The lenient digest of ``lines``, once strict mode raises exactly at its first
    diagnostic (or not at all) and the fast path reads as the rules do."""
    text = "\n".join(lines) + "\n"
    digest = TEXT_URLS_CAPTURE.lenient(text)
    try:
        digestparse.parse(text, mode="strict")
    except digestparse.ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert digest.diagnostics == ()
    assert_paths_agree(TEXT_URLS, text)
    return digest


def test_the_daily_page_has_no_query_and_may_show_the_next_days_arrow() -> None:
    for next_day in (False, True):
        lines = _daily_page(next_day=next_day)
        digest = _check(lines)
        assert digest.diagnostics == ()
        assert "Intercode Bash" not in digest.header and "Daily Papers" in digest.header
        assert digest.page_date == datetime.date(2026, 3, 25)
        shift = 4 if next_day else 0  # the arrow's two elements, less the query's
        assert digest.header_span == (1, PAGE_DATE - 2 + shift)
        assert digest.papers[0].span[0] == FIRST_BOX - 2 + shift
        assert [p.to_dict() | {"line": 0, "end_line": 0} for p in digest.papers] == [
            p.to_dict() | {"line": 0, "end_line": 0} for p in INTACT]
