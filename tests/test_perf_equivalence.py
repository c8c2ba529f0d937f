"""The speed-ups must not change results: each fast path is compared with the plain one."""

from __future__ import annotations

import datetime
import json
import pathlib
from collections.abc import Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import digestparse
from dialect_support import FastPathSpy, parse_events
from digestparse import fastpath, links
from digestparse.diagnostics import Mode, Reporter
from digestparse.dialects.text import TEXT
from digestparse.errors import ParseError
from digestparse.lines import split_text
from digestparse.links import _URL, _url_matches
from digestparse.parser import run

_PIECES = st.sampled_from(
    [
        "a", "Z", "1", " ", "\t", "\n", "\u2003", "\x1c", "\x85", "\u00a0",
        "://", "http", "HTTP://", "https://", "github.", "github.com/", "www.",
        "x.github.io/", "-", ".", "/", "@", ":", "(", ")", "\u00e9",
    ]
)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_url_scan_matches_finditer(text: str) -> None:
    assert _spans(_url_matches(text)) == _spans(_URL.finditer(text))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_url_scan_matches_finditer_any_text(text: str) -> None:
    assert _spans(_url_matches(text)) == _spans(_URL.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 8))
def test_url_scan_with_a_far_space_matches_finditer(text: str, near: int) -> None:
    """A word's end is looked for by its next space only nearby (so that words parted by
    no-break spaces are not scanned to the end at every anchor); past that, by the regex."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(links, "_NEAR", near)
        assert _spans(_url_matches(text)) == _spans(_URL.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 3))
def test_url_scan_after_stray_slashes_matches_finditer(text: str, limit: int) -> None:
    """Past a few '/' that start no URL the scan looks for the anchors instead: from any
    point on, the matches are still finditer's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(links, "_MAX_STRAY_SLASHES", limit)
        assert _spans(_url_matches(text)) == _spans(_URL.finditer(text))
        many = "1/2 /" * 10 + text
        assert _spans(_url_matches(many)) == _spans(_URL.finditer(many))


# -- the fixtures still parse, strictly, to their independently derived JSON --

FIXTURES = sorted(pathlib.Path(__file__).parent.joinpath("fixtures").glob("*.txt"))
REFERENCE = datetime.date(2025, 12, 31)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("mode", ["strict", "lenient"])
def test_fixture_parses_to_expected_json(path: pathlib.Path, mode: str) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    digest = digestparse.parse_file(path, mode=mode, reference_date=REFERENCE)  # type: ignore[arg-type]
    assert [paper.to_dict() for paper in digest.papers] == expected["papers"]
    assert list(digest.header) == expected["header"]
    page_date = digest.page_date.isoformat() if digest.page_date else None
    assert page_date == expected["page_date"]
    assert digest.diagnostics == ()


# -- the fast path (canonical entries read from the list of lines) agrees with the rules --


def _events(lines: Iterable[str], mode: Mode) -> list[object]:
    """Papers and diagnostics in the order the parser hands them out, or the error."""
    events: list[object] = []
    reporter = Reporter(mode, "<test>", lambda d: events.append(("diagnostic", d)))
    state = TEXT.new_state(lines, reporter, REFERENCE)
    try:
        for paper in run(state, TEXT):
            events.append(("paper", paper, paper.to_dict()))
    except ParseError as error:
        events.append(("error", error.code, error.line, error.column, str(error)))
    # An InternalError (a bug) is no event: it fails the test, whichever path raised it.
    events.append(("end", state.header, state.header_span, state.top_page_date, state.page_date))
    return events


def _assert_paths_agree(text: str) -> None:
    lines = split_text(text)
    for mode in ("lenient", "strict"):
        fast = _events(list(lines), mode)  # a list: the fast path is used
        slow = _events(iter(lines), mode)  # an iterator: the rules only
        assert fast == slow, mode


def _fast_path_used(text: str) -> bool:
    spy = FastPathSpy(fastpath.read_canonical)
    parse_events(spy.on(TEXT), split_text(text), "lenient", REFERENCE)
    return any(spy.results)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name[:3])
def test_fast_path_agrees_on_fixture(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _fast_path_used(text)
    _assert_paths_agree(text)
    _assert_paths_agree(text + "\n")
    _assert_paths_agree(text + "\n\n")
    _assert_paths_agree(text + "\n\n" + text)  # two dumps concatenated


_DAMAGE_LINES = [
    "", " ", "  ", "\t", "\u00b7", " \u00b7", "\u00b7 ", "Jun 9", "Jun 9 3", "Dec 31, 2025",
    "Feb 29", "Feb 30, 2024", "Jan 1, 2027", "Jul 20 12345678901234567890", "new",
    "Subscribe", "Daily Papers", "  \u2022 3 authors", "  \u2022 3 authors ", "\u2022 3 authors",
    "  \u2022 x authors", "  \u2022 1234567890 authors", "  \u2022 1 author", "junk line",
    " leading", "trailing ", "Some Org Name", "see https://github.com/a/b).", "\u2028",
]


@st.composite
def _damaged(draw: st.DrawFn) -> str:
    path = draw(st.sampled_from(FIXTURES))
    lines = split_text(path.read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "append", "duplicate"]))
        if action == "insert":
            lines.insert(where, draw(st.sampled_from(_DAMAGE_LINES)))
        elif where < len(lines):
            if action == "delete":
                del lines[where]
            elif action == "replace":
                lines[where] = draw(st.sampled_from(_DAMAGE_LINES))
            elif action == "append":
                lines[where] += draw(st.sampled_from([" ", "\t", " x", "\u00b7"]))
            else:
                lines.insert(where, lines[where])
    cut = draw(st.integers(0, len(lines)))
    return "\n".join(lines[:cut] if draw(st.booleans()) else lines)


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=300, deadline=None)
@given(_damaged())
def test_fast_path_agrees_on_damaged_input(text: str) -> None:
    _assert_paths_agree(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_DAMAGE_LINES, "A title", "An abstract."]), max_size=40))
def test_fast_path_agrees_on_line_soup(lines: list[str]) -> None:
    header = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "",
              "Daily Papers", "", "byAK and the research community", ""]
    _assert_paths_agree("\n".join(header + lines))


# -- the fast path's cheaper Paper construction is invisible --


def test_fast_paper_is_an_ordinary_paper() -> None:
    import copy
    import pickle

    from digestparse.model import Paper, fast_paper

    args: tuple[Any, ...] = ("A title", "An abstract", 3, None, datetime.date(2025, 6, 9), 2,
            ("https://a.b/c",), 10, 18, "Jun 9", False)
    fast = fast_paper(*args)
    plain = Paper(*args)
    assert type(fast) is Paper
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert attrs.asdict(fast) == attrs.asdict(plain)
    assert fast.to_dict() == plain.to_dict()
    assert (fast.upvotes, fast.paper_id, fast.url, fast.submitted_by) == (None,) * 4
    assert attrs.has(Paper) and not hasattr(fast, "__dict__")
    assert "__slots__" in Paper.__dict__
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.title = "other"  # type: ignore[misc]
    assert attrs.evolve(fast, votes=5) == attrs.evolve(plain, votes=5)
    assert pickle.loads(pickle.dumps(fast)) == plain
    assert copy.deepcopy(fast) == plain
    # Every field is set: none is left as an empty slot.
    for field in attrs.fields(Paper):
        assert getattr(fast, field.name) == getattr(plain, field.name)
    # The other dialects' fields, where their fast paths read them.
    listed: dict[str, Any] = {
        "upvotes": 101, "paper_id": "2606.00683", "url": "https://huggingface.co/papers/x"
    }
    assert fast_paper(*args, **listed) == Paper(*args, **listed)


def test_evolve_paper_is_attrs_evolve() -> None:
    from digestparse.model import Paper, evolve_paper

    paper = Paper("A title", "An abstract", line=3, end_line=9, upvotes=4, submitted_by="ak")
    changes: dict[str, Any] = {"end_line": 20, "paper_id": "2609.05415", "organization": "Org"}
    evolved = evolve_paper(paper, **changes)
    assert type(evolved) is Paper
    assert evolved == attrs.evolve(paper, **changes)
    assert repr(evolved) == repr(attrs.evolve(paper, **changes))
    assert evolve_paper(paper) == paper and evolve_paper(paper) is not paper
    assert (paper.end_line, paper.paper_id) == (9, None)  # the original is left as it was


def _trim_url_reference(url: str) -> str:
    """trim_url as it was before it counted brackets only when one ends the URL."""
    end = len(url)
    opener = {")": "(", "]": "[", "}": "{", ">": "<"}
    unmatched = {close: url.count(close) - url.count(open_) for close, open_ in opener.items()}
    while end:
        last = url[end - 1]
        if last in ".,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb":
            end -= 1
        elif last in unmatched and unmatched[last] > 0:
            unmatched[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(list("a/().,;:![]{}<>'\"\u201d?")), max_size=20).map("".join))
def test_trim_url_matches_its_reference(url: str) -> None:
    from digestparse.links import trim_url

    assert trim_url(url) == _trim_url_reference(url)
