"""Throughput and memory of digestparse against the split floor and a naive parser.

    python benchmarks/harness.py                 # 50 MB corpus, 7 rounds, 1 GB RSS runs
    python benchmarks/harness.py --quick         # small input, 1 round: a smoke run (seconds)
    python benchmarks/harness.py --size-mb 50 --repeat 7 --rss-mb 1024 --files 2000 --jobs 2
    python benchmarks/harness.py --profile       # where lenient parse spends its time

The corpus is one canonical dump: the header, then the entries of the seed
dumps (tests/fixtures/*.txt) repeated until it reaches --size-mb. It is
cached in benchmarks/.corpus/ (git-ignored). Every measure runs on the same
text; rows take turns in every round, and the figure reported is the median
over --repeat rounds, with the spread (min-max) of the rounds; each ratio is
computed per round, reported as its median and its min-max. Ratios matter
more than absolute figures: the machines this runs on are shared and noisy.

Other rows: detection (the wrapper and dialect detectors over the head of the
corpus) against a lenient parse; one row per non-text dialect whose capture
exists in tests/fixtures/captures/ (a corpus made by repeating the capture's
body, parsed leniently with that dialect forced and the reference date of the
capture's expected file, in time per MB against the
text corpus), or "not yet registered"; the CLI (``python -m digestparse check
--jobs N``) on --files dumps cut from the corpus, and ``check`` on one seed
against a bare interpreter start. Peak RSS (VmHWM from /proc, in a fresh
subprocess) of ``iter_papers``, ``check`` and ``parse --format jsonl`` over a
file of --rss-mb, written next to the corpus and deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gc
import json
import os
import pathlib
import platform
import re
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


class Rounds:
    """Seconds of each action over interleaved rounds: every round runs each action once,
    in turn, so the drift of a shared, noisy machine hits every row alike. Results are
    dropped at once: holding one (say, a digest of 100k papers) during the next run would
    make each garbage collection walk it."""

    def __init__(self, actions: list[tuple[str, Callable[[], Any]]], repeat: int) -> None:
        self.times: dict[str, list[float]] = {name: [] for name, _ in actions}
        for _ in range(repeat):
            for name, action in actions:
                gc.collect()
                start = time.perf_counter()
                action()
                self.times[name].append(time.perf_counter() - start)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def spread(self, name: str) -> str:
        values = self.times[name]
        return f"{min(values):.3f}-{max(values):.3f}"

    def ratios(self, top: str, bottom: str) -> list[float]:
        """``top / bottom`` in each round."""
        return [a / b for a, b in zip(self.times[top], self.times[bottom], strict=True)]


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


def _installed_env() -> dict[str, str]:
    """The environment of an installed package's command: bytecode caches are used (this
    machine sets PYTHONDONTWRITEBYTECODE, which would compile digestparse at every start)."""
    env = _env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_cli(folder: pathlib.Path, jobs: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "digestparse", "check", "--jobs", str(jobs),
         "--reference-date", REFERENCE.isoformat(), str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_installed_env(), check=True,
    )


# Peak RSS in MB: VmHWM of this process's memory. ru_maxrss is the fallback only: on
# Linux it survives exec, so a child forked from a large harness inherits its peak.
_PEAK = """
import resource

def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_RSS_ITER = _PEAK + """
import datetime, sys
import digestparse
before = peak()
count = 0
for _ in digestparse.iter_papers(sys.argv[1], reference_date=datetime.date(2025, 12, 31)):
    count += 1
print(count, before, peak())
"""

_RSS_CLI = _PEAK + """
import sys
import digestparse.cli as cli
before = peak()
status = cli.main(sys.argv[1:])
assert status in (0, 1), status
print(0, before, peak(), file=sys.stderr)
"""


def peak_rss(size_mb: float, unit: str) -> list[tuple[str, int, float, float, float]]:
    """(what, papers, RSS after import, peak RSS, seconds) of each streaming reader over a
    generated file of ``size_mb``."""
    free = shutil.disk_usage(CORPUS_DIR).free
    if free < size_mb * 1e6 * 2:
        raise SystemExit(
            f"not enough disk for the {size_mb:g} MB RSS file ({free / 1e9:.1f} GB free)"
        )
    with tempfile.NamedTemporaryFile(dir=CORPUS_DIR, suffix=".txt", delete=False) as handle:
        path = pathlib.Path(handle.name)
    rows = []
    reference = ["--reference-date", REFERENCE.isoformat(), "--jobs", "1", "-q"]
    runs = [
        ("iter_papers", [_RSS_ITER, str(path)]),
        ("check", [_RSS_CLI, "check", *reference, str(path)]),
        ("parse --format jsonl", [_RSS_CLI, "parse", "--format", "jsonl", *reference, str(path)]),
    ]
    try:
        write_dump(path, unit, int(size_mb * 1e6))
        for what, args in runs:
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", *args], stdout=subprocess.PIPE if what == "iter_papers"
                else subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(),
                check=True,
            )
            seconds = time.perf_counter() - start
            out = (done.stdout if what == "iter_papers" else done.stderr).split()
            rows.append((what, int(out[0]), float(out[1]), float(out[2]), seconds))
    finally:
        path.unlink(missing_ok=True)
    return rows


# -- detection and the other dialects ----------------------------------------------------

#: The dialect each capture shows (issue 10); rows appear once the dialect is registered.
CAPTURE_DIALECTS = {
    "01": "reference-text",
    "02": "text-urls",
    "03": "markdown",
    "04": "markdown",
    "05": "html-text",
}


def detection_seconds(text: str, repeat: int) -> float:
    """The median time of what choosing the dialect costs: reading the wrapper, and the
    detectors over the first DETECT_LINES non-blank lines."""
    from digestparse.dialects import DETECT_LINES, detect
    from digestparse.wrapper import read_wrapper

    lines = text[:2_000_000].split("\n")
    times = []
    for _ in range(max(repeat, 5)):
        start = time.perf_counter()
        wrapper = read_wrapper(lines)
        content = [line.strip() for line in lines[wrapper.end:] if line.strip()][:DETECT_LINES]
        detect(content)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def capture_corpus(path: pathlib.Path, size_mb: float) -> str:
    """The capture with its body (between any wrapper and its footer) repeated to
    ``size_mb``."""
    from digestparse.wrapper import is_fence_end, read_wrapper

    lines = path.read_text(encoding="utf-8").split("\n")
    wrapper = read_wrapper(lines)
    end = len(lines)
    if wrapper.fence is not None:
        end = next(
            (i for i in range(wrapper.end, len(lines)) if is_fence_end(lines[i], wrapper.fence)),
            len(lines),
        )
    head, body, tail = lines[: wrapper.end], lines[wrapper.end : end], lines[end:]
    unit = "\n".join(body)
    copies = max(1, int(size_mb * 1e6 // max(1, len(unit.encode("utf-8")))))
    return "\n".join([*head, "\n\n".join(vary_copy(unit, k) for k in range(copies)), *tail])


#: A word of ten or more lower-case letters standing alone in the text (not in a URL, a
#: reference or a markup mark): changing one letter of it changes no line's kind.
_LONG_WORD = re.compile(r"(?<![^\s(\[])[a-z]{10,}(?=[\s.,;:)\]]|$)", re.MULTILINE)


def vary_copy(unit: str, copy: int) -> str:
    """Copy ``copy`` of a capture's body with three letters of every long word changed (the
    same way throughout the copy, so a trending page's two copies of an entry stay copies):
    no two copies of the corpus are equal, as no two pages of a real file are, so that no
    cache keyed on text read before is measured instead of the dialect."""
    if copy == 0:
        return unit
    # Three base-26 digits of the copy's number, one per letter: 17,576 distinct copies
    # (a 50 MB corpus of the smallest capture holds about 3,300).
    shifts = (copy % 26, copy // 26 % 26, copy // 676 % 26)

    def change(match: re.Match[str]) -> str:
        word = match.group()
        changed = "".join(
            chr(97 + (ord(letter) - 97 + shift) % 26)
            for letter, shift in zip(word[2:5], shifts, strict=True)
        )
        return word[:2] + changed + word[5:]

    return _LONG_WORD.sub(change, unit)


def capture_reference(capture: str) -> datetime.date | None:
    """The reference date the capture's expected file gives (None: the capture dates itself).

    The seeds' 2025 reference date would put every 2026 entry after its page and time the
    diagnostics path instead of the dialect."""
    expected = next((FIXTURES / "captures").glob(f"{capture}_*.expected.json"))
    reference = json.loads(expected.read_text(encoding="utf-8")).get("reference_date")
    return datetime.date.fromisoformat(reference) if reference else None


def dialect_rows(size_mb: float) -> list[tuple[str, str, str | None]]:
    """(capture, dialect, corpus text or None when the dialect is not registered yet)."""
    from digestparse.dialects import DIALECT_NAMES

    rows: list[tuple[str, str, str | None]] = []
    for path in sorted((FIXTURES / "captures").glob("*.txt")):
        dialect = CAPTURE_DIALECTS.get(path.name[:2])
        if dialect is None:
            continue
        text = capture_corpus(path, size_mb) if dialect in DIALECT_NAMES else None
        rows.append((path.name[:2], dialect, text))
    return rows


# -- the CLI's start ---------------------------------------------------------------------


def startup_rows(repeat: int) -> Rounds:
    """The start of ``check`` on one seed against a bare interpreter, as an installed package
    starts: with bytecode caches. PYTHONDONTWRITEBYTECODE is dropped for these rows and a
    first run writes the caches (git-ignored __pycache__ directories): without them every
    start would compile digestparse's modules anew, which no installed copy does."""
    seed = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))[0]
    check = [sys.executable, "-m", "digestparse", "check", "-q", "--reference-date",
             REFERENCE.isoformat(), str(seed)]
    env = _installed_env()

    def run(command: list[str]) -> Callable[[], Any]:
        return lambda: subprocess.run(command, env=env, check=False,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run(check)()  # writes the bytecode caches
    return Rounds(
        [("python -c pass", run([sys.executable, "-c", "pass"])),
         ("import digestparse", run([sys.executable, "-c", "import digestparse"])),
         ("check one seed", run(check))],
        max(repeat, 5) * 3,
    )


def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number
    return total


def parallel_control(jobs: int, repeat: int) -> list[float]:
    """What the machine gives ``jobs`` processes right now: the speed-up of the same pure-CPU
    work on a pool of ``jobs`` processes over one process, in each round. On a shared
    machine it reads the load: the CLI's --jobs ratio cannot beat it."""
    from concurrent.futures import ProcessPoolExecutor

    def pool(workers: int) -> Callable[[], Any]:
        def run() -> None:
            with ProcessPoolExecutor(workers) as executor:
                list(executor.map(_burn, [2_000_000] * 8 * jobs))
        return run

    rounds = Rounds([("1 process", pool(1)), (f"{jobs} processes", pool(jobs))], repeat)
    return [1 / r for r in rounds.ratios(f"{jobs} processes", "1 process")]


def profile(text: str) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    digestparse.parse(text, reference_date=REFERENCE)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(14)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rss-mb", type=float, default=1024.0, help="0 skips the RSS runs")
    parser.add_argument("--files", type=int, default=2000,
                        help="dumps for the CLI rows (each about the size of a real dump)")
    parser.add_argument("--cli-mb", type=float, default=160.0,
                        help="their total size asked (a dump holds at least one copy of the "
                        "seeds' entries, 399 kB: the default writes 2000 x 399 kB)")
    parser.add_argument("--jobs", type=int, default=2, help="N for the CLI --jobs N row")
    parser.add_argument("--dialect-mb", type=float, default=5.0,
                        help="size of each dialect's corpus (its capture repeated)")
    parser.add_argument("--quick", action="store_true", help="2 MB, 1 round, 8 MB RSS file")
    parser.add_argument("--profile", action="store_true",
                        help="only profile lenient parse on the corpus (cProfile)")
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mb, args.repeat, args.rss_mb, args.files, args.cli_mb = 2.0, 1, 8.0, 4, 0.4
        args.dialect_mb = 0.2

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.platform()}")
    check_naive()
    unit, unit_papers = unit_text()
    path, units = corpus(args.size_mb, unit)
    text = path.read_text(encoding="utf-8")
    if args.profile:
        profile(text)
        return 0
    size = path.stat().st_size
    papers = unit_papers * units
    print(f"corpus: {path.relative_to(ROOT)}: {size / 1e6:.1f} MB, {papers} papers, "
          f"{args.repeat} interleaved rounds, median seconds (min-max)")

    digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert len(digest.papers) == papers and not digest.diagnostics, "corpus is not canonical"
    naive = naive_parser.parse(text, REFERENCE)
    assert len(naive) == papers
    assert [p["title"] for p in naive[:500]] == [p.title for p in digest.papers[:500]]
    del digest, naive

    def iterate() -> int:
        return sum(1 for _ in digestparse.iter_papers(path, reference_date=REFERENCE))

    def parse_text(
        dialect_text: str, dialect: str, reference: datetime.date | None = REFERENCE
    ) -> Callable[[], Any]:
        return lambda: digestparse.parse(
            dialect_text, reference_date=reference, dialect=dialect
        )

    rows: list[tuple[str, Callable[[], Any]]] = [
        ("split floor", lambda: text.split("\n")),
        ("naive parser", lambda: naive_parser.parse(text, REFERENCE)),
        ("parse lenient", lambda: digestparse.parse(text, reference_date=REFERENCE)),
        ("parse strict",
         lambda: digestparse.parse(text, mode="strict", reference_date=REFERENCE)),
        ("parse_file", lambda: digestparse.parse_file(path, reference_date=REFERENCE)),
        ("iter_papers file", iterate),
    ]
    dialects = dialect_rows(args.dialect_mb)
    text_mb = text[: int(args.dialect_mb * 1e6)]
    text_mb = text_mb[: text_mb.rfind("\n\n")]
    dialect_sizes = {"text (same size)": len(text_mb.encode("utf-8"))}
    rows.append(("text (same size)", parse_text(text_mb, "text")))
    for capture, dialect, dialect_text in dialects:
        if dialect_text is not None:
            label = f"{dialect} ({capture})"
            dialect_sizes[label] = len(dialect_text.encode("utf-8"))
            rows.append((label, parse_text(dialect_text, dialect, capture_reference(capture))))
    rounds = Rounds(rows, args.repeat)

    print(f"{'measure':22s} {'seconds':>9s} {'min-max':>13s} {'MB/s':>8s} {'papers/s':>10s}")
    for name, _ in rows:
        seconds = rounds.median(name)
        mb = dialect_sizes.get(name, size) / 1e6
        rate = f"{papers / seconds:10.0f}" if name not in dialect_sizes else f"{'':>10s}"
        print(f"{name:22s} {seconds:9.3f} {rounds.spread(name):>13s} {mb / seconds:8.1f} {rate}")

    def ratio(label: str, values: list[float], target: str) -> None:
        print(f"ratio: {label:40s} {statistics.median(values):6.2f}x "
              f"({min(values):.2f}-{max(values):.2f})   (target {target})")

    ratio("parse lenient vs naive (speed-up)",
          [1 / r for r in rounds.ratios("parse lenient", "naive parser")], ">= 5")
    ratio("parse lenient vs split (time)", rounds.ratios("parse lenient", "split floor"), "<= 5")
    ratio("parse strict vs lenient (time)", rounds.ratios("parse strict", "parse lenient"),
          "<= 1")
    ratio("iter_papers vs parse_file (time)", rounds.ratios("iter_papers file", "parse_file"),
          "<= 1.15")
    ratio("iter_papers vs parse lenient of str (time)",
          rounds.ratios("iter_papers file", "parse lenient"), "none")
    detect_seconds = detection_seconds(text, args.repeat)
    print(f"ratio: {'detection vs parse lenient (time)':40s} "
          f"{100 * detect_seconds / rounds.median('parse lenient'):6.3f}%   (target < 2%)")
    base = "text (same size)"
    for capture, dialect, dialect_text in dialects:
        label = f"{dialect} ({capture})"
        if dialect_text is None:
            print(f"ratio: {label + ' vs text per MB':40s}   not yet registered")
            continue
        per_mb = [
            (d / dialect_sizes[label]) / (t / dialect_sizes[base])
            for d, t in zip(rounds.times[label], rounds.times[base], strict=True)
        ]
        ratio(f"{label} vs text per MB", per_mb, "<= 2")

    if cli_available():
        folder = cli_files(args.cli_mb, unit, args.files)
        cli_size = sum(f.stat().st_size for f in folder.glob("*.txt"))
        cli_rounds = Rounds(
            [(f"cli jobs {jobs}", functools.partial(run_cli, folder, jobs))
             for jobs in sorted({1, args.jobs})],
            args.repeat,
        )
        for name in cli_rounds.times:
            seconds = cli_rounds.median(name)
            print(f"{'cli --jobs ' + name.split()[-1]:22s} {seconds:9.3f} "
                  f"{cli_rounds.spread(name):>13s} {cli_size / 1e6 / seconds:8.1f}   "
                  f"({args.files} files)")
        if args.jobs != 1:
            ratio(f"cli jobs {args.jobs} vs jobs 1 (speed-up)",
                  [1 / r for r in cli_rounds.ratios(f"cli jobs {args.jobs}", "cli jobs 1")],
                  ">= 1.8")
            ratio(f"control: pure CPU, {args.jobs} processes vs 1",
                  parallel_control(args.jobs, args.repeat), "what the machine gives now")
        start = startup_rows(args.repeat)
        for name in start.times:
            print(f"{name:22s} {start.median(name):9.3f} {start.spread(name):>13s}")
        added = [1000 * (c - b) for c, b in zip(start.times["check one seed"],
                                                 start.times["python -c pass"], strict=True)]
        print(f"startup: check one seed adds {statistics.median(added):.0f} ms to a bare "
              f"interpreter start ({min(added):.0f}-{max(added):.0f})   (target <= 80 ms)")
    else:
        print("cli --jobs 1/N      skipped: CLI not available")

    if args.rss_mb:
        for what, count, before, peak, seconds in peak_rss(args.rss_mb, unit):
            print(f"rss: {what} over a {args.rss_mb:g} MB file: "
                  f"{count or ''}{' papers ' if count else ''}in {seconds:.1f} s, "
                  f"peak RSS {peak:.1f} MB (after import {before:.1f} MB)   (target < 64 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
