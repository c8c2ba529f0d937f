"""The speed-ups must not change results: each fast path is compared with the plain one."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import digestparse
from digestparse.links import _URL, _url_matches

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
