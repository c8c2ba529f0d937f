"""Helpers shared by the dialect test modules: edits, detector heads, foreign inputs, titles,
the run loop's events and a fast-path spy, and the two URL-keeping dialects' captures."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest

import digestparse
from digestparse.dates import read_date_line
from digestparse.diagnostics import Mode, Reporter
from digestparse.dialects import DETECT_LINES, Dialect
from digestparse.dialects.html_text import HTML_TEXT
from digestparse.dialects.text_urls import TEXT_URLS
from digestparse.errors import ParseError
from digestparse.grammar import PAGE_PHRASES
from digestparse.lines import split_text
from digestparse.parser import run
from digestparse.state import ParseState
from digestparse.wrapper import is_fence_end, read_wrapper
from hostile_support import check_nothing_lost, edit_lines, uncovered_lines

FIXTURES = Path(__file__).parent / "fixtures"
CAPTURES = FIXTURES / "captures"
SEED_PATHS = sorted(FIXTURES.glob("*.txt"))
CAPTURE_PATHS = sorted(CAPTURES.glob("*.txt"))

Edit = Callable[[list[str]], list[str]]


def capture_lines(prefix: str) -> list[str]:
    """The lines of the capture whose name starts with ``prefix`` (e.g. ``"02"``)."""
    (path,) = [path for path in CAPTURE_PATHS if path.name.startswith(prefix)]
    return path.read_text(encoding="utf-8").split("\n")


def delete(*numbers: int) -> Edit:
    return lambda lines: [line for n, line in enumerate(lines, 1) if n not in numbers]


def replace(number: int, text: str) -> Edit:
    return lambda lines: [text if n == number else line for n, line in enumerate(lines, 1)]


def keep_until(number: int) -> Edit:
    return lambda lines: lines[:number]


def then(*edits: Edit) -> Edit:
    def apply(lines: list[str]) -> list[str]:
        for edit in edits:
            lines = edit(lines)
        return lines

    return apply


def detector_head(text: str) -> list[str]:
    """What the detectors see (docs/dialects.md): the first non-blank lines after the
    wrapper, up to a fenced body's closing fence, stripped."""
    lines = text.split("\n")
    wrapper = read_wrapper(lines)
    head: list[str] = []
    for line in lines[wrapper.end :]:
        if wrapper.fence is not None and is_fence_end(line, wrapper.fence):
            break
        if line.strip():
            head.append(line.strip())
    return head[:DETECT_LINES]


_COUNT = re.compile(r"[0-9][0-9.,]*k?")


def bad_title(title: str) -> str | None:
    """Why ``title`` cannot be a paper's title (a URL, a bracket, a count, a date, a header
    phrase), or None."""
    text = title.strip()
    if not text:
        return "empty"
    if text.startswith(("http://", "https://")) and " " not in text:
        return "a URL"
    if text in ("[", "]", "[-]") or (text.startswith("[") and text.endswith("]")):
        return "a bracket"
    if _COUNT.fullmatch(text) or text.startswith("[-] "):
        return "a bare count"
    if read_date_line(text) is not None:
        return "a date"
    if text in PAGE_PHRASES:
        return "a header phrase"
    return None


REFERENCE = datetime.date(2026, 10, 31)

#: An RSS document (a foreign input every detector must refuse).
RSS = (FIXTURES / "foreign" / "feed.rss").read_text(encoding="utf-8")

#: A plain-text export of another site's page, every link's URL on its own line after its
#: label, with vote boxes and comment links that look a little like the listing's.
PLAIN_TEXT_URLS_PAGE = """\
---
title: "Hacker News"
url: https://news.ycombinator.com/
exported: 2026-07-28
---

# Hacker News
Hacker News

https://news.ycombinator.com/

new

https://news.ycombinator.com/newest

1.

[-]

https://news.ycombinator.com/vote?id=41234567&how=up

Show HN: A tiny parser for capture files

https://example.com/parser

128 points by someone 3 hours ago

[

12 comments](https://news.ycombinator.com/item?id=41234567)

2.

Mar 25

https://news.ycombinator.com/front?day=2026-03-25
"""

#: Text extracted by the same HTML-to-text tool from an unrelated page (a blog).
HTML_TEXT_PAGE = """\
# Example Blog - Posts

- Source HTML: `raw/html/Example Blog - Posts.html`
- Source URL: https://blog.example.com/posts
- Extraction: `structured-html-v2` (headings, links, MathML/TeX and tables)

## Extracted Text

<a id="source-section-0"></a>

# Posts

Submitted by

[\u56fe\u7247\uff1a\u65e0\u66ff\u4ee3\u6587\u672c]

jdoe

<a id="source-section-1"></a>

### [Why we rewrote our build in Rust](https://blog.example.com/posts/rust-build)

We moved the build system of our monorepo to a single Rust binary.

[[\u56fe\u7247\uff1ajdoe] Jane Doe](https://blog.example.com/jdoe) \u00b7 Published on Oct 4, 2026

[Like

12](https://blog.example.com/login?next=%2Fposts)

[GitHub 131](https://github.com/example/build) [Comments](https://blog.example.com/c/1)
"""


def parse_events(
    dialect: Dialect, lines: Iterable[str], mode: Mode, reference: datetime.date = REFERENCE
) -> list[object]:
    """Papers, diagnostics and the error in the order the run loop hands them out, then
    what the state holds at the end (the header, its span and the page dates).

    A list of lines lets the dialect's fast path run; an iterator leaves only its rules.
    """
    events: list[object] = []
    reporter = Reporter(mode, "<test>", lambda d: events.append(("diagnostic", d)))
    state = dialect.new_state(lines, reporter, reference)
    try:
        for paper in run(state, dialect):
            events.append(("paper", paper))
    except ParseError as error:
        events.append(("error", error.code, error.line, error.column, str(error)))
    events.append(("end", state.header, state.header_span, state.top_page_date, state.page_date))
    return events


def read_checked(dialect: Dialect, text: str, reference: datetime.date) -> digestparse.Digest:
    """The lenient digest of ``text``, once it is read as ``dialect``, every non-blank line is
    accounted for, strict mode raises at lenient's first diagnostic (or reads it), bytes and
    a stream read the same, and the rules and the fast path agree."""
    digest = digestparse.parse(text, reference_date=reference)
    assert digest.dialect == dialect.name
    assert uncovered_lines(text, digest) == []
    if digest.diagnostics:
        first = digest.diagnostics[0]
        with pytest.raises(ParseError) as raised:
            digestparse.parse(text, reference_date=reference, mode="strict")
        assert (raised.value.code, raised.value.line, raised.value.column) == (
            first.code, first.line, first.column)
    else:
        digestparse.parse(text, reference_date=reference, mode="strict")
    assert digestparse.parse(text.encode("utf-8"), reference_date=reference) == digest
    streamed = list(digestparse.iter_papers(
        io.BytesIO(text.encode("utf-8")), reference_date=reference, block_size=64))
    assert streamed == list(digest.papers)
    assert_paths_agree(dialect, text, reference)
    return digest


def assert_paths_agree(
    dialect: Dialect, text: str | list[str], reference: datetime.date = REFERENCE
) -> None:
    """The fast path reads ``text`` (or these lines) exactly as the rules do, in both modes."""
    lines = split_text(text) if isinstance(text, str) else text
    for mode in ("lenient", "strict"):
        fast = parse_events(dialect, list(lines), mode, reference)
        slow = parse_events(dialect, iter(lines), mode, reference)
        assert fast == slow, mode


@attrs.define
class FastPathSpy:
    """A dialect's fast path ``read`` that keeps count: each call's result, how many
    papers the calls built (what the rules did not have to read), and the most papers the
    state held after a call (what a window keeps in memory)."""

    read: Callable[[ParseState], bool]
    results: list[bool] = attrs.Factory(list)
    built: int = 0
    held: int = 0

    def __call__(self, state: ParseState) -> bool:
        before = len(state.papers)
        result = self.read(state)
        self.results.append(result)
        self.built += len(state.papers) - before
        self.held = max(self.held, len(state.papers))
        return result

    def on(self, dialect: Dialect) -> Dialect:
        """``dialect`` with this spy for its fast path."""
        return attrs.evolve(dialect, fast_path=self)


#: Lines of every shape the two URL-keeping dialects know, and some they do not.
SOUP_LINES = (
    "", "", " ", " [-] 1", "[-] -", "[-] 99999999999999999999", "https://huggingface.co/login",
    "https://huggingface.co/papers/2410.05434", "https://huggingface.co/papers/2410.05434#community",
    "https://huggingface.co/google", "Title", "An abstract.", "[", "2 authors](https://x.y/z)",
    "\u00b7", "Oct 7, 2024", "Oct 7, 2024 ", "Feb 30, 2024", "Dec 31", "2", "Google",
    "Daily Papers", "Trending Papers", "new", "Submitted by", "[\u56fe\u7247\uff1aa]", "name",
    '<a id="source-section-1"></a>', "### [T](https://huggingface.co/papers/2609.05415)",
    "### [Wrapped", "title](https://huggingface.co/papers/2309.06180)", "### No link",
    "[[\u56fe\u7247\uff1ab] Org](https://huggingface.co/org) \u00b7 Published on Sep 4, 2026",
    "\u00b7 Sep 4, 2026", "\u00b7 Sept 4th", "-", "- [\u56fe\u7247\uff1ac]", "- 4 authors",
    "[Upvote", "22](https://huggingface.co/login)",
    "[GitHub 1k](https://github.com/a/b) [arXiv Page](https://arxiv.org/abs/2609.05415)",
    "[[\u56fe\u7247\uff1ad]](https://huggingface.co/papers/2609.05415)",
    "[Previous](https://huggingface.co/papers/date/2026-10-01)", "Next",
    "[Previous](https://huggingface.co/papers/date/2026-10-01) [Next](https://huggingface.co/x)",
)


#: The edits of the text-urls and html-text mutation strategies.
LATE_EDITS = ("delete", "duplicate", "swap", "truncate", "glue", "space")


@st.composite
def mutated_after(draw: st.DrawFn, lines: list[str], first: int) -> str:
    """``lines`` with one to six edits, each at line index ``first`` or later, so that
    what the detector needs before it stays intact."""
    lines = list(lines)
    for _ in range(draw(st.integers(1, 6), label="edits")):
        edit = draw(st.sampled_from(LATE_EDITS))
        i = draw(st.integers(first, len(lines) - 1))
        if edit_lines(draw, lines, edit, i, first=first):
            pass  # delete, duplicate or swap
        elif edit == "glue":  # the next blank line removed: two elements glued
            blank = next((k for k in range(i, len(lines)) if not lines[k].strip()), None)
            if blank is not None:
                del lines[blank]
        elif edit == "space":
            # Blanks at the ends, Unicode spaces too (``state.BLANKS``: HTML's ``&nbsp;``).
            before = draw(st.sampled_from(["", " ", "\t", "\u00a0", "\ufeff", " \u3000"]))
            lines[i] = before + lines[i] + draw(st.sampled_from([" ", "\u00a0", "\ufeff"]))
        else:  # truncate
            del lines[i:]
        if len(lines) <= first + 1:
            break
    return "\n".join(lines)


@attrs.frozen
class DamagedCase:
    """The capture with one damage (``edit``): strict mode's (code, line, column), lenient
    mode's diagnostic codes in order and how many papers it keeps; the index of the damaged
    paper and the fields lenient mode must give it (None: no paper, or none checked). Each
    dialect's subclass sets ``count`` to its capture's papers."""

    name: str
    edit: Edit
    strict: tuple[str, int, int]
    codes: tuple[str, ...]
    damaged: int | None = None
    fields: dict[str, Any] | None = None
    count: int = 0


@attrs.frozen
class DialectCapture:
    """One of the two URL-keeping dialects with its capture, for the tests they share
    (tests/test_dialect_url_keeping.py)."""

    dialect: Dialect
    #: The start of its capture's file name.
    capture: str
    #: Mutations edit lines from this index on, so that detection still sees the dialect.
    first_editable: int
    #: The reference date it is parsed under (None: the capture's own date).
    reference: datetime.date | None
    #: A date of the capture and a later one to put in its place.
    redated: tuple[str, str]

    @property
    def name(self) -> str:
        return self.dialect.name

    @property
    def lines(self) -> list[str]:
        return capture_lines(self.capture)

    def mutated(self) -> st.SearchStrategy[str]:
        return mutated_after(self.lines, self.first_editable)

    def parse(self, text: str, mode: Mode = "lenient") -> digestparse.Digest:
        return digestparse.parse(text, mode=mode, reference_date=self.reference)

    def lenient(self, text: str) -> digestparse.Digest:
        """The lenient digest of ``text``, once it is checked to lose nothing."""
        return check_nothing_lost(text, self.parse(text))

    def damaged(self, case: DamagedCase) -> digestparse.Digest:
        """The lenient digest of the capture with ``case``'s damage, once strict mode has
        raised ``case.strict`` and lenient mode has kept the dialect, reported
        ``case.codes``, kept ``case.count`` papers and lost nothing."""
        text = "\n".join(case.edit(self.lines))
        with pytest.raises(digestparse.ParseError) as raised:
            self.parse(text, "strict")
        assert (raised.value.code, raised.value.line, raised.value.column) == case.strict
        digest = self.lenient(text)
        assert digest.dialect == self.name
        assert tuple(d.code for d in digest.diagnostics) == case.codes
        assert len(digest.papers) == case.count
        return digest


TEXT_URLS_CAPTURE = DialectCapture(
    TEXT_URLS, "02", first_editable=91, reference=None,  # past entry 1's upvote box
    redated=("Oct 7, 2024", "Oct 7, 2027"),
)
HTML_TEXT_CAPTURE = DialectCapture(
    HTML_TEXT, "05", first_editable=66, reference=REFERENCE,  # past the first [Upvote pair
    redated=("Oct 4, 2026", "Nov 4, 2026"),
)
