"""The real 2026 captures against expected fields written by reading them (not by the parser).

Each ``tests/fixtures/captures/NN_*.expected.json`` holds:

- ``dialect``, ``paper_count`` (the entries a reader counts, SOURCES.md),
  ``page_date`` (ISO or null), ``source_url``, ``captured_at`` (ISO or null);
- ``reference_date`` (optional): passed to the parser, for captures without a
  capture time;
- ``strict``: null when strict mode accepts the capture, else
  ``[code, line, column]`` of the error it must raise;
- ``diagnostics``: the codes lenient mode records, in order;
- ``papers``: one object per paper, in order. Keys are Paper fields compared
  exactly (``title``, ``upvotes``, ``paper_id``, ``url``, ``author_count``,
  ``organization``, ``date`` as ISO, ``votes``, ``submitted_by``, ``line``,
  ``end_line``, ``links``), plus ``abstract_start``/``abstract_end``: what
  the joined abstract starts and ends with. A key left out is not checked.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import digestparse

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
EXPECTED = sorted(CAPTURES.glob("*.expected.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _capture(expected: Path) -> Path:
    return expected.with_name(expected.name.replace(".expected.json", ".txt"))


def _parse(expected: Path, mode: str = "lenient") -> digestparse.Digest:
    want = _load(expected)
    reference = want.get("reference_date")
    return digestparse.parse_file(
        _capture(expected),
        mode=mode,  # type: ignore[arg-type]
        reference_date=datetime.date.fromisoformat(reference) if reference else None,
    )


def _paper_cases() -> list[Any]:
    cases = []
    for path in EXPECTED:
        for index, paper in enumerate(_load(path)["papers"]):
            cases.append(pytest.param(path, index, paper, id=f"{path.name[:2]}:{index + 1}"))
    return cases


def _value(paper: digestparse.Paper, key: str) -> Any:
    value = getattr(paper, key)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name[:2])
def test_capture_digest(expected: Path) -> None:
    want = _load(expected)
    digest = _parse(expected)
    assert digest.dialect == want["dialect"]
    assert len(digest.papers) == want["paper_count"]
    assert (digest.page_date.isoformat() if digest.page_date else None) == want["page_date"]
    assert digest.source_url == want["source_url"]
    captured = digest.captured_at.isoformat() if digest.captured_at else None
    assert captured == want["captured_at"]
    assert [d.code for d in digest.diagnostics] == want["diagnostics"]


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name[:2])
def test_capture_strict(expected: Path) -> None:
    want = _load(expected)["strict"]
    if want is None:
        assert _parse(expected, "strict") == _parse(expected)
        return
    with pytest.raises(digestparse.ParseError) as raised:
        _parse(expected, "strict")
    assert [raised.value.code, raised.value.line, raised.value.column] == want


@pytest.mark.parametrize("expected, index, want", _paper_cases())
def test_capture_paper(expected: Path, index: int, want: dict[str, Any]) -> None:
    paper = _parse(expected).papers[index]
    for key, value in want.items():
        if key == "abstract_start":
            assert paper.abstract.startswith(value), paper.abstract[:80]
        elif key == "abstract_end":
            assert paper.abstract.endswith(value), paper.abstract[-80:]
        else:
            assert _value(paper, key) == value, key
