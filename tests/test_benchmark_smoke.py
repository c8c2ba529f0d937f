"""A smoke run of the benchmark harness on a small input: it completes and reports ratios.

Not a timed assertion: the figures depend on the machine; only the shape of
the report is checked.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

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
