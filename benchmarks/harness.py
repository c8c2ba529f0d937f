"""Throughput of digestparse against the split floor and a naive parser, on one corpus.

    python benchmarks/harness.py                 # >= 200 MB corpus, 5 repeats, 1 GB RSS run
    python benchmarks/harness.py --quick         # small input, 1 repeat: a smoke run (seconds)
    python benchmarks/harness.py --size-mb 200 --repeat 5 --rss-mb 1024 --files 40 --jobs 2

The corpus is one canonical dump: the header, then the entries of the seed
dumps (tests/fixtures/*.txt) repeated until it reaches --size-mb. It is
cached in benchmarks/.corpus/ (git-ignored). Every measure runs on the same
text; the figure reported is the median over --repeat runs. Ratios matter
more than absolute figures: the machines this runs on are shared and noisy.

The CLI rows run ``python -m digestparse check --jobs N --reference-date
2025-12-31 DIR`` on --files dumps cut from the corpus; they are skipped
(with a note) while the ``check`` subcommand does not exist. Peak RSS of
``iter_papers`` is measured in a fresh subprocess (VmHWM from /proc, else
``resource.getrusage``)
over a file of --rss-mb, written next to the corpus and deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS_DIR = HERE / ".corpus"
REFERENCE = datetime.date(2025, 12, 31)
HEADER = (
    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers"
    "\n\nbyAK and the research community\n\nDec 31"
)

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import digestparse  # noqa: E402
import naive_parser  # noqa: E402

NAIVE_FIELDS = ("title", "abstract", "author_count", "organization", "date", "votes", "links")


def seed_bodies() -> list[str]:
    """The entries of each seed dump (everything after its header and page date)."""
    bodies = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE)
        assert digest.header_span is not None
        lines = text.split("\n")
        bodies.append("\n".join(lines[digest.header_span[1]:]).strip("\n"))
    return bodies


def unit_text() -> tuple[str, int]:
    """All seed entries once, and how many papers that is."""
    bodies = seed_bodies()
    papers = sum(
        len(digestparse.parse(HEADER + "\n\n" + body, reference_date=REFERENCE).papers)
        for body in bodies
    )
    return "\n\n".join(bodies), papers


def write_dump(path: pathlib.Path, unit: str, size_bytes: int) -> int:
    """Write header + ``unit`` repeated until ``size_bytes``; return how many units."""
    data = unit.encode("utf-8")
    count = max(1, -(-size_bytes // len(data)))
    with open(path, "wb") as file:
        file.write(HEADER.encode("utf-8"))
        for _ in range(count):
            file.write(b"\n\n")
            file.write(data)
    return count


def corpus(size_mb: float, unit: str) -> tuple[pathlib.Path, int]:
    CORPUS_DIR.mkdir(exist_ok=True)
    path = CORPUS_DIR / f"corpus-{size_mb:g}mb.txt"
    marker = path.with_suffix(".units")
    if path.exists() and marker.exists():
        return path, int(marker.read_text())
    units = write_dump(path, unit, int(size_mb * 1e6))
    marker.write_text(str(units))
    return path, units


def cli_files(size_mb: float, unit: str, files: int) -> pathlib.Path:
    """``files`` dumps cut from the corpus (each a whole dump), for the CLI rows."""
    folder = CORPUS_DIR / f"files-{size_mb:g}mb-{files}"
    if folder.exists() and len(list(folder.glob("*.txt"))) == files:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index in range(files):
        write_dump(folder / f"dump-{index:04d}.txt", unit, int(size_mb * 1e6 / files))
    return folder


def median_times(
    actions: list[tuple[str, Callable[[], Any]]], repeat: int
) -> dict[str, float]:
    """Median seconds of each action, the actions taking turns in every round.

    Taking turns spreads the drift of a shared, noisy machine over all rows
    alike. Results are dropped at once: holding one (say, a digest of 100k
    papers) during the next run would make each garbage collection walk it.
    """
    times: dict[str, list[float]] = {name: [] for name, _ in actions}
    for _ in range(repeat):
        for name, action in actions:
            gc.collect()
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def check_naive() -> None:
    """The naive parser must get every field right on the seeds, or the comparison is void."""
    for path in sorted(FIXTURES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        got = naive_parser.parse(path.read_text(encoding="utf-8"), REFERENCE)
        assert len(got) == len(expected["papers"]), path.name
        for paper, want in zip(got, expected["papers"], strict=True):
            have = dict(paper, date=paper["date"].isoformat() if paper["date"] else None)
            for field in NAIVE_FIELDS:
                assert have[field] == want[field], (path.name, want["line"], field)
    print("naive parser: correct on the 5 seed dumps (fields: " + ", ".join(NAIVE_FIELDS) + ")")


def cli_available() -> bool:
    probe = subprocess.run(
        [sys.executable, "-m", "digestparse", "check", "--help"],
        capture_output=True, text=True, env=_env(), check=False,
    )
    return probe.returncode == 0 and "--jobs" in probe.stdout + probe.stderr


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(folder: pathlib.Path, jobs: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "digestparse", "check", "--jobs", str(jobs),
         "--reference-date", REFERENCE.isoformat(), str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), check=True,
    )


# Peak RSS in KiB: VmHWM of this process's memory. ru_maxrss is the fallback only: on
# Linux it survives exec, so a child forked from a large harness inherits its peak.
_RSS_SCRIPT = """
import datetime, resource, sys
import digestparse

def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = peak()
count = 0
for _ in digestparse.iter_papers(sys.argv[1], reference_date=datetime.date(2025, 12, 31)):
    count += 1
print(count, before, peak())
"""


def peak_rss(size_mb: float, unit: str) -> tuple[int, float, float, float]:
    """Papers, RSS after import (MB), peak RSS (MB) and seconds of iter_papers over a file."""
    free = shutil.disk_usage(CORPUS_DIR).free
    if free < size_mb * 1e6 * 2:
        raise SystemExit(
            f"not enough disk for the {size_mb:g} MB RSS file ({free / 1e9:.1f} GB free)"
        )
    with tempfile.NamedTemporaryFile(dir=CORPUS_DIR, suffix=".txt", delete=False) as handle:
        path = pathlib.Path(handle.name)
    try:
        write_dump(path, unit, int(size_mb * 1e6))
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _RSS_SCRIPT, str(path)],
            capture_output=True, text=True, env=_env(), check=True,
        ).stdout.split()
        seconds = time.perf_counter() - start
    finally:
        path.unlink(missing_ok=True)
    count, before, after = (int(x) for x in out)
    return count, before / 1024, after / 1024, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=200.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rss-mb", type=float, default=1024.0, help="0 skips the RSS run")
    parser.add_argument("--files", type=int, default=2000,
                        help="dumps for the CLI rows (each about the size of a real dump)")
    parser.add_argument("--cli-mb", type=float, default=160.0,
                        help="their total size (2000 x 80 kB: a nightly crawl)")
    parser.add_argument("--jobs", type=int, default=2, help="N for the CLI --jobs N row")
    parser.add_argument("--quick", action="store_true", help="2 MB, 1 repeat, 8 MB RSS file")
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mb, args.repeat, args.rss_mb, args.files, args.cli_mb = 2.0, 1, 8.0, 4, 0.4

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.platform()}")
    check_naive()
    unit, unit_papers = unit_text()
    path, units = corpus(args.size_mb, unit)
    text = path.read_text(encoding="utf-8")
    size = path.stat().st_size
    papers = unit_papers * units
    print(f"corpus: {path.relative_to(ROOT)}: {size / 1e6:.1f} MB, {papers} papers, "
          f"repeat {args.repeat}, median times")

    digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert len(digest.papers) == papers and not digest.diagnostics, "corpus is not canonical"
    naive = naive_parser.parse(text, REFERENCE)
    assert len(naive) == papers
    assert [p["title"] for p in naive[:500]] == [p.title for p in digest.papers[:500]]
    del digest, naive

    def iterate() -> int:
        return sum(1 for _ in digestparse.iter_papers(path, reference_date=REFERENCE))

    measures: dict[str, tuple[float, int]] = {}
    rows: list[tuple[str, Callable[[], Any]]] = [
        ("split floor", lambda: text.split("\n")),
        ("naive parser", lambda: naive_parser.parse(text, REFERENCE)),
        ("parse lenient", lambda: digestparse.parse(text, reference_date=REFERENCE)),
        ("parse strict",
         lambda: digestparse.parse(text, mode="strict", reference_date=REFERENCE)),
        ("iter_papers file", iterate),
    ]
    print(f"{'measure':18s} {'seconds':>9s} {'MB/s':>9s} {'papers/s':>11s}")
    for name, seconds in median_times(rows, args.repeat).items():
        measures[name] = (seconds, papers)
        print(f"{name:18s} {seconds:9.3f} {size / 1e6 / seconds:9.1f} {papers / seconds:11.0f}")

    if cli_available():
        folder = cli_files(args.cli_mb, unit, args.files)
        cli_size = sum(f.stat().st_size for f in folder.glob("*.txt"))
        cli_rows: list[tuple[str, Callable[[], Any]]] = [
            (f"cli jobs {jobs}", lambda jobs=jobs: run_cli(folder, jobs))
            for jobs in sorted({1, args.jobs})
        ]
        for name, seconds in median_times(cli_rows, args.repeat).items():
            measures[name] = (seconds, 0)
            print(f"{'cli --jobs ' + name.split()[-1]:18s} {seconds:9.3f} "
                  f"{cli_size / 1e6 / seconds:9.1f} {'':>11s}  ({args.files} files)")
    else:
        print("cli --jobs 1/N      skipped: CLI not available "
              "(python -m digestparse check --jobs is not on this branch yet)")

    def ratio(label: str, value: float, target: str) -> None:
        print(f"ratio: {label:34s} {value:6.2f}x   (target {target})")

    t = {name: seconds for name, (seconds, _) in measures.items()}
    ratio("parse lenient vs naive (speed-up)", t["naive parser"] / t["parse lenient"], ">= 5")
    ratio("parse lenient vs split (time)", t["parse lenient"] / t["split floor"], "<= 10")
    ratio("parse strict vs lenient (time)", t["parse strict"] / t["parse lenient"], "<= 1")
    ratio("iter_papers vs parse lenient (time)", t["iter_papers file"] / t["parse lenient"],
          "none")
    if f"cli jobs {args.jobs}" in t and args.jobs != 1:
        ratio(f"cli jobs {args.jobs} vs jobs 1 (speed-up)",
              t["cli jobs 1"] / t[f"cli jobs {args.jobs}"], ">= 1.8")
    else:
        print(f"ratio: cli jobs {args.jobs} vs jobs 1 (speed-up)   n/a: CLI not available")

    if args.rss_mb:
        count, base, peak, seconds = peak_rss(args.rss_mb, unit)
        print(f"rss: iter_papers over a {args.rss_mb:g} MB file: {count} papers in "
              f"{seconds:.1f} s, peak RSS {peak:.1f} MB (after import {base:.1f} MB)"
              "   (target < 64 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
