"""A smoke run of benchmarks/series.py: it completes and reports its rows (no timing asserted)."""

from __future__ import annotations

import pathlib
import subprocess
import sys

SERIES = pathlib.Path(__file__).resolve().parent.parent / "benchmarks" / "series.py"


def test_series_benchmark_quick_run_reports_its_rows() -> None:
    result = subprocess.run(
        [sys.executable, str(SERIES), "--quick", "--no-dask"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "series: 40 dumps" in out
    assert "1120 sightings" in out  # 40 dumps of 28 papers
    for label in ("ratio: merge vs parse:", "B per sighting", "one sighting entry",
                  "ratio: cli merge vs cli parse:", "cli merge --jobs 2, 80 files:"):
        assert label in out, (label, out)
