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
        "ratio: cli jobs 2 vs jobs 1",
        "rss: iter_papers over a",
    ):
        assert label in out, (label, out)
    for row in ("split floor", "naive parser", "parse lenient", "parse strict", "iter_papers file"):
        assert row in out, (row, out)
