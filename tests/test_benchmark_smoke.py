"""A smoke run of the benchmark harness on a small input: it completes and reports ratios.

Not a timed assertion: the figures depend on the machine; only the shape of
the report is checked.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
from typing import Any

import pytest

import digestparse
from digestparse.wrapper import read_wrapper

HARNESS = pathlib.Path(__file__).resolve().parent.parent / "benchmarks" / "harness.py"


def test_harness_quick_run_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(HARNESS), "--quick"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "naive parser: correct on the 5 seed dumps" in out
    for label in (
        "ratio: parse lenient vs naive",
        "ratio: parse lenient vs split",
        "ratio: parse strict vs lenient",
        "ratio: iter_papers vs parse_file",
        "ratio: detection vs parse lenient",
        "ratio: cli jobs 2 vs jobs 1",
        "startup: check one seed adds",
        "rss: iter_papers over a",
        "rss: check over a",
        "rss: parse --format jsonl over a",
    ):
        assert label in out, (label, out)
    for row in ("split floor", "naive parser", "parse lenient", "parse strict", "parse_file",
                "iter_papers file", "text (same size)", "python -c pass", "check one seed"):
        assert row in out, (row, out)
    # One row per capture: its dialect's ratio, or "not yet registered".
    for capture in ("(01)", "(02)", "(03)", "(04)", "(05)"):
        assert capture in out, (capture, out)


CAPTURES = sorted((HARNESS.parent.parent / "tests" / "fixtures" / "captures").glob("*.txt"))


def _harness() -> Any:
    sys.path.insert(0, str(HARNESS.parent))
    try:
        import harness
    finally:
        sys.path.remove(str(HARNESS.parent))
    return harness


def _shape(digest: digestparse.Digest) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A digest's papers and diagnostics without the papers' text."""
    papers = [
        (p.line, p.end_line, p.paper_id, p.upvotes, p.votes, p.date, p.author_count,
         p.organization is None, len(p.title), len(p.abstract))
        for p in digest.papers
    ]
    return papers, [(d.code, d.line, d.column) for d in digest.diagnostics]


@pytest.mark.parametrize("path", CAPTURES, ids=[path.name[:2] for path in CAPTURES])
def test_dialect_corpora_vary_each_copy_and_keep_its_structure(path: pathlib.Path) -> None:
    """The dialect rows time copies of a capture that all differ (no cache of text read
    before can serve them) yet read as the capture does: the same papers but for their
    text, the same diagnostics."""
    harness = _harness()
    capture = path.name[:2]
    lines = path.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[read_wrapper(lines).end :])
    options = {"reference_date": harness.capture_reference(capture),
               "dialect": harness.CAPTURE_DIALECTS[capture]}
    plain = digestparse.parse(body, **options)
    copies = [harness.vary_copy(body, copy) for copy in (0, 1, 26, 27, 300, 677, 3300)]
    assert copies[0] == body
    assert len(set(copies)) == len(copies)
    for varied in copies[1:]:
        digest = digestparse.parse(varied, **options)
        assert _shape(digest) == _shape(plain)
        assert all(
            mine.abstract != theirs.abstract
            for mine, theirs in zip(digest.papers, plain.papers, strict=True)
        )
