"""Running the real ``digestparse`` command, and building damaged dumps from the seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))
REFERENCE = ("--reference-date", "2025-12-31")
#: Papers in the five seeds (tests/fixtures/README.md has the counts by file).
SEED_PAPERS = 233


def run_cli(
    *args: str | os.PathLike[str],
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
    reference: bool = True,
) -> subprocess.CompletedProcess[str]:
    """``python -m digestparse ARGS`` with the fixtures' reference date, as text."""
    command = [sys.executable, "-m", "digestparse", *map(str, args)]
    if reference:
        command += REFERENCE
    completed = subprocess.run(
        command,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def seed_lines(index: int = 0) -> list[str]:
    return SEEDS[index].read_text(encoding="utf-8").split("\n")


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8", newline="")
    return path


def without_first_separator(path: Path, index: int = 0) -> Path:
    """Seed ``index`` with its first ``·`` line deleted (the date line moves up to its place)."""
    lines = seed_lines(index)
    del lines[lines.index("\u00b7")]
    return write_lines(path, lines)


def with_trailing_spaces(path: Path) -> Path:
    """Seed 000 with a space after the title on line 13 and two after the one on line 21."""
    lines = seed_lines(0)
    lines[12] += " "
    lines[20] += "  "
    return write_lines(path, lines)
