"""A series of captures: merge vs parse, memory per sighting, Dask vs ``--jobs``.

    python benchmarks/series.py              # 1,000 dumps (~50 MB), 5 repeats; 2,000 files
    python benchmarks/series.py --quick      # 40 dumps, 1 repeat, 80 files (a smoke run)
    python benchmarks/series.py --no-dask    # without the Dask row

The dumps are made of the seed papers (tests/fixtures/*.txt) as a moving
window: each dump shows the next ``WINDOW`` papers of an endless stream of
seed papers retitled ``<title> #N``, moved on by ``STEP`` papers a day, so
each paper is seen in ``WINDOW / STEP`` dumps with a count that changes.
Dumps are named ``YYYY-MM-DD.txt`` and cached in benchmarks/.series/
(git-ignored).

Rows:

- parse: ``parse_file`` on every dump (same files, same reference date),
  each digest dropped before the next is read;
- merge: exactly those parses, each digest handed to ``digestparse.merge`` (a
  generator, so one digest at a time), which finds each capture's date in
  its file name, adds its papers, builds the records and drops everything
  at the end. The two rows take turns in every round and each row's median
  CPU time is reported: merge / parse is the ratio the target speaks of (at
  most 1.3), (merge - parse) per sighting the merge's own cost;
- memory: what the merge holds at the end (tracemalloc), per distinct paper;
  per sighting: the growth when every dump is merged once more as a later
  capture (capture dates moved on past the series: new sightings of the same
  papers, in capture order), and the size of one entry computed by hand;
- CLI: ``digestparse parse`` vs ``digestparse merge`` over the same dumps,
  ``--jobs 1``, output discarded (JSON lines);
- CLI ``digestparse merge --jobs 2`` vs ``digestparse.daskio`` on a
  ``LocalCluster`` of 2 worker processes, on ``--files`` dumps (the same
  stream, continued); the cluster's start-up is timed separately.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import pathlib
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "tests" / "fixtures"
CACHE = HERE / ".series"
REFERENCE = datetime.date(2025, 12, 31)
FIRST_DAY = datetime.date(2020, 1, 1)
WINDOW = 28
STEP = 7

sys.path.insert(0, str(ROOT / "src"))

import attrs  # noqa: E402

import digestparse  # noqa: E402
from digestparse.merge import Merger, capture_date  # noqa: E402


def seed_papers() -> list[digestparse.Paper]:
    return [
        paper
        for path in sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))
        for paper in digestparse.parse_file(path, reference_date=REFERENCE).papers
    ]


def write_series(count: int) -> list[pathlib.Path]:
    """``count`` dumps named by day, cached; the same stream for any count."""
    folder = CACHE / f"{count}"
    paths = [folder / f"{FIRST_DAY + datetime.timedelta(days=n)}.txt" for n in range(count)]
    if all(path.exists() for path in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    pool = seed_papers()
    for number, path in enumerate(paths):
        papers = []
        for index in range(number * STEP, number * STEP + WINDOW):
            paper = pool[index % len(pool)]
            votes = None if paper.votes is None else (index + number) % 40
            papers.append(attrs.evolve(paper, title=f"{paper.title} #{index}", votes=votes))
        day = FIRST_DAY + datetime.timedelta(days=number)
        digest = digestparse.Digest(tuple(papers), page_date=None)
        path.write_text(digestparse.render(digest), encoding="utf-8")
        del day
    return paths


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Median wall time of ``run`` (for subprocesses)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def taking_turns(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Median CPU time of each run, the runs taking turns in every round: on a shared
    machine, other processes' load then hits every row alike (and CPU time less than
    wall time)."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, row in zip(runs, times, strict=True):
            gc.collect()
            start = time.process_time()
            run()
            row.append(time.process_time() - start)
    return [statistics.median(row) for row in times]


def parse_all(paths: list[pathlib.Path]) -> int:
    count = 0
    for path in paths:
        count += len(digestparse.parse_file(path, reference_date=REFERENCE).papers)
    return count


def merge_all(paths: list[pathlib.Path]) -> digestparse.Merged:
    digests = (digestparse.parse_file(path, reference_date=REFERENCE) for path in paths)
    return digestparse.merge(digests, date_from_name=True)


def merge_memory(paths: list[pathlib.Path], rounds: int) -> tuple[int, int, int]:
    """Bytes the merge state holds after ``rounds`` passes over the dumps (each pass is new
    captures of the same papers, later than the pass before), distinct papers, sightings."""
    gc.collect()
    tracemalloc.start()
    merger = Merger()
    for later in range(rounds):
        for path in paths:
            digest = digestparse.parse_file(path, reference_date=REFERENCE)
            captured = capture_date(digest, use_name=True)
            merger.add(digest, captured + datetime.timedelta(days=later * len(paths)))
            del digest
    gc.collect()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    merged = merger.result()
    return held, len(merged.papers), sum(len(p.seen) for p in merged.papers)


def sighting_bytes() -> int:
    """One sighting as the merge holds it: three slots of its paper's list (order, votes,
    upvotes) and its order (an int above 2**62); votes and upvotes here are small ints,
    shared (the list's spare slots, up to an eighth more, are not counted)."""
    order = (REFERENCE.toordinal() << 64) | (1 << 32) | 1000
    return 3 * 8 + sys.getsizeof(order)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cli_run(folder: pathlib.Path, command: str) -> None:
    """``digestparse parse`` or ``merge`` over the folder, one process, output discarded."""
    subprocess.run(
        [sys.executable, "-m", "digestparse", command, "--jobs", "1", "--quiet",
         "--date-from-name" if command == "merge" else "--lenient",
         "--reference-date", REFERENCE.isoformat(), str(folder)],
        stdout=subprocess.DEVNULL, env=_env(), check=True,
    )


def cli_merge(folder: pathlib.Path, jobs: int) -> int:
    out = subprocess.run(
        [sys.executable, "-m", "digestparse", "merge", "--jobs", str(jobs), "--quiet",
         "--date-from-name", "--reference-date", REFERENCE.isoformat(), str(folder)],
        capture_output=True, env=_env(), check=True,
    ).stdout
    return out.count(b"\n")


def dask_rows(folder: pathlib.Path, paths: list[pathlib.Path], jobs_seconds: float,
              records: int) -> None:
    try:
        from dask.distributed import Client, LocalCluster

        from digestparse import daskio
    except ImportError:
        print("dask: not installed (pip install -e '.[dask]'); row skipped")
        return
    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster):
        started = time.perf_counter() - start
        start = time.perf_counter()
        papers, _ = daskio.read_papers([str(p) for p in paths], reference_date=REFERENCE,
                                       date_from_name=True)
        papers = papers.persist()
        merged = daskio.merged_records(daskio.merge_papers(papers))
        seconds = time.perf_counter() - start
    assert len(merged) == records, (len(merged), records)
    print(f"dask LocalCluster 2 workers:  {seconds:8.2f} s  ({len(merged)} records; "
          f"cluster start-up {started:.2f} s more)")
    print(f"ratio: dask 2 workers vs merge --jobs 2: {seconds / jobs_seconds:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumps", type=int, default=1000)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.dumps, args.files, args.repeat = 40, 80, 1
    paths = write_series(args.dumps)
    size = sum(path.stat().st_size for path in paths)
    sightings = parse_all(paths)
    print(f"series: {len(paths)} dumps, {size / 1e6:.1f} MB, {sightings} sightings")
    parse_seconds, merge_seconds = taking_turns(
        args.repeat, lambda: parse_all(paths), lambda: merge_all(paths)
    )
    print(f"parse every dump:             {parse_seconds:8.2f} s CPU")
    print(f"merge (parse + merge):        {merge_seconds:8.2f} s CPU")
    print(f"ratio: merge vs parse: {merge_seconds / parse_seconds:.2f} (target <= 1.3); "
          f"the merge's own cost: {(merge_seconds - parse_seconds) / sightings * 1e6:.1f} us "
          f"per sighting")
    held, distinct, seen = merge_memory(paths, 1)
    twice, _, seen_twice = merge_memory(paths, 2)
    print(f"memory: merge holds {held / 1e6:.1f} MB for {distinct} papers, {seen} sightings "
          f"({held / distinct:.0f} B per paper, all told); every dump merged again, later: "
          f"{twice / 1e6:.1f} MB, so {(twice - held) / (seen_twice - seen):.0f} B per sighting "
          f"(one sighting entry: {sighting_bytes()} B)")
    parse_cli = best_of(args.repeat, lambda: cli_run(paths[0].parent, "parse"))
    merge_cli = best_of(args.repeat, lambda: cli_run(paths[0].parent, "merge"))
    print(f"cli parse --jobs 1 (jsonl):   {parse_cli:8.2f} s")
    print(f"cli merge --jobs 1 (jsonl):   {merge_cli:8.2f} s")
    print(f"ratio: cli merge vs cli parse: {merge_cli / parse_cli:.2f}")

    files = write_series(args.files)
    folder = files[0].parent
    start = time.perf_counter()
    records = cli_merge(folder, 2)
    jobs_seconds = time.perf_counter() - start
    print(f"cli merge --jobs 2, {len(files)} files: {jobs_seconds:8.2f} s ({records} records)")
    if not args.no_dask:
        dask_rows(folder, files, jobs_seconds, records)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
