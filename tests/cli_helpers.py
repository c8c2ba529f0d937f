"""Running the real ``digestparse`` command, and building damaged dumps from the seeds."""

from __future__ import annotations

import io
import os
import shutil
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


_PEAK = """
import sys, digestparse.cli as cli
status = cli.main(sys.argv[1:])
with open("/proc/self/status") as info:
    peak = next(int(line.split()[1]) for line in info if line.startswith("VmHWM:"))
print(status, peak // 1024, file=sys.stderr)
"""


def run_cli_peak(
    *args: str, cwd: str | os.PathLike[str]
) -> tuple[int, int, subprocess.CompletedProcess[bytes]]:
    """``cli.main(ARGS)`` in a fresh interpreter (no reference date added): its exit status,
    its peak resident memory in MB (Linux /proc), and the finished process."""
    completed = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], cwd=cwd, capture_output=True, timeout=600,
        check=False,
    )
    status, peak_mb = map(int, completed.stderr.decode().splitlines()[-1].split())
    return status, peak_mb, completed


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


#: What ``check`` reports for the two damaged dumps of ``damaged_dumps``.
MISSING_SEPARATOR = "no_sep.txt:18:1: missing-separator metadata block has no '\u00b7' line"
TRAILING = [
    "trail.txt:13:60: trailing-whitespace trailing whitespace",
    "trail.txt:21:138: trailing-whitespace trailing whitespace",
]


def damaged_dumps(directory: Path) -> Path:
    """``directory`` with a good dump and two damaged ones: good.txt (seed 1, 48 papers),
    no_sep.txt (one finding, MISSING_SEPARATOR) and trail.txt (two, TRAILING)."""
    shutil.copy(SEEDS[1], directory / "good.txt")
    without_first_separator(directory / "no_sep.txt")
    with_trailing_spaces(directory / "trail.txt")
    return directory


def one_paper_lines() -> list[str]:
    """The header of seed 000 and its first paper (20 lines; line 13 is the title,
    line 15 the abstract): a clean dump with one paper."""
    return seed_lines(0)[:20]


def run_main(
    *args: str, stdin: bytes | None = b"", encoding: str = "utf-8", reference: bool = True
) -> tuple[int, bytes, bytes]:
    """``digestparse.cli.main(args)`` in this process (fast enough for property tests),
    with the fixtures' reference date (unless ``reference`` is false) and ``--jobs 1`` (no
    worker processes forked from the test process); stdout and stderr as bytes in
    ``encoding``. ``stdin=None`` runs it with standard input closed."""
    from digestparse.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = None if stdin is None else io.TextIOWrapper(io.BytesIO(stdin))
    sys.stdout = io.TextIOWrapper(out, encoding=encoding, write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding=encoding, write_through=True)
    try:
        try:
            status = main([*args, "--jobs", "1", *(REFERENCE if reference else ())])
        except SystemExit as exit_:  # argparse: usage errors, --help
            status = exit_.code if isinstance(exit_.code, int) else 2
        return status, out.getvalue(), err.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def process_gone(pid: int) -> bool:
    """True once ``pid`` has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rsplit(b")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in (b"Z", b"X")


def child_pids(pid: int) -> list[int]:
    """The direct children of ``pid`` (Linux /proc)."""
    children: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return children
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as file:
                children.extend(int(child) for child in file.read().split())
        except FileNotFoundError:
            continue
    return children
