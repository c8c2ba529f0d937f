"""The Dask reader and merge (the ``dask`` extra) give the records of ``digestparse.merge``.

Collected only where Dask is installed, or where DIGESTPARSE_REQUIRE_DASK is set (CI):
there a missing extra is an import error that fails the run (see conftest.py).
"""

from __future__ import annotations

import datetime
import json
import os
import random
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import dask
import dask.dataframe as dd
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import digestparse
from digestparse import Digest, Paper, daskio, wrapper
from digestparse.dates import format_date
from digestparse.merge import MERGE_FIELDS, date_from_name
from seeds import REFERENCE_DATE, SEEDS
from series_support import dated_copies

#: Generated dumps: two captures a day from this day on.
FIRST_DAY = datetime.date(2025, 9, 1)
GENERATED = 300


def single_process(paths: list[str]) -> list[dict[str, Any]]:
    digests = (digestparse.parse_file(p, reference_date=REFERENCE_DATE) for p in paths)
    merged = digestparse.merge(digests, date_from_name=True)
    return sorted((paper.to_dict() for paper in merged.papers), key=lambda r: r["key"])


def generated_dumps(directory: Path) -> list[str]:
    """Dumps made of seed papers (random subsets, changing counts), two captures a day."""
    rng = random.Random(13)
    pool = [p for seed in SEEDS
            for p in digestparse.parse_file(seed, reference_date=REFERENCE_DATE).papers]
    paths = []
    for number in range(GENERATED):
        day = FIRST_DAY + datetime.timedelta(days=number // 2)
        papers = [
            # Years written out: under another page date a yearless date would read back
            # as another day, which render refuses.
            attrs.evolve(paper, votes=rng.randint(0, 40), year_explicit=True,
                         date_text=format_date(paper.date, year_explicit=True))
            if paper.date is not None else paper
            for paper in rng.sample(pool, rng.randint(5, 40))
            # A page shows no paper dated after its page date.
            if paper.date is None or paper.date <= day
        ]
        text = digestparse.render(Digest(tuple(papers), page_date=day))
        path = directory / f"{day.isoformat()}-{'am' if number % 2 == 0 else 'pm'}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def cluster_client() -> Iterator[Client]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    directory = tmp_path_factory.mktemp("dumps")
    seeds = [str(path) for path in dated_copies(directory).values()]
    return seeds + generated_dumps(directory)


def test_meta_follows_the_schemas() -> None:
    assert list(daskio.MERGE_META.columns) == list(MERGE_FIELDS)
    record_columns = ["source", *digestparse.model.RECORD_FIELDS]
    assert list(daskio.PAPER_META.columns) == [*record_columns, "capture", "captured", "key"]
    dtypes = daskio.PAPER_META.dtypes.astype(str).to_dict()
    assert (dtypes["votes"], dtypes["title"], dtypes["year_explicit"], dtypes["links"]) == (
        "Int64", "string", "boolean", "string")


def test_read_papers_one_partition_per_group_of_files(dumps: list[str]) -> None:
    papers, diagnostics = daskio.read_papers(
        dumps[:5], files_per_partition=2, reference_date=REFERENCE_DATE, date_from_name=True
    )
    assert papers.npartitions == 3
    frame, found = dask.compute(papers, diagnostics, scheduler="sync")
    assert len(frame) == 233
    assert len(found) == 0
    assert frame["key"].nunique() == 182
    assert sorted(frame["captured"].unique()) == [
        "2025-11-07", "2025-11-18", "2025-11-20", "2025-12-12", "2025-12-16"]
    assert frame.dtypes.to_dict() == papers.dtypes.to_dict()


def test_diagnostics_frame(tmp_path: Path) -> None:
    lines = SEEDS[0].read_text(encoding="utf-8").split("\n")
    lines[12] += " "
    (tmp_path / "2025-12-12.txt").write_text("\n".join(lines), encoding="utf-8")
    _, diagnostics = daskio.read_papers([tmp_path / "2025-12-12.txt"],
                                        reference_date=REFERENCE_DATE)
    rows = diagnostics.compute(scheduler="sync").to_dict("records")
    assert [(r["line"], r["column"], r["code"]) for r in rows] == [
        (13, 60, "trailing-whitespace")]


def test_a_file_name_that_is_not_utf8_is_shown_as_the_cli_shows_it(tmp_path: Path) -> None:
    """Arrow strings cannot hold the lone surrogates ``os.fsdecode`` keeps bytes that are
    not UTF-8 as: computing the frames raised ``UnicodeEncodeError``."""
    lines = SEEDS[0].read_text(encoding="utf-8").split("\n")
    lines[12] += " "
    name = os.fsdecode(bytes(tmp_path) + b"/bad\xff.txt")
    Path(name).write_text("\n".join(lines), encoding="utf-8")
    papers, diagnostics = daskio.read_papers([name], reference_date=REFERENCE_DATE)
    papers, diagnostics = dask.compute(papers, diagnostics, scheduler="sync")
    shown = f"{tmp_path}/bad\\xff.txt"
    assert set(papers["source"]) == {shown} and len(papers) == 25
    assert list(diagnostics["source"]) == [shown]
    merged = daskio.merge_papers(daskio.read_papers([name])[0]).compute(scheduler="sync")
    assert len(merged) == 25
    as_bytes, _ = daskio.read_papers([os.fsencode(name)])  # type: ignore[list-item]
    assert set(as_bytes.compute(scheduler="sync")["source"]) == {shown}


def test_merge_on_two_worker_processes_equals_merge(
    dumps: list[str], cluster_client: Client
) -> None:
    """The seeds under dated names and 300 generated dumps, merged on a LocalCluster with
    two worker processes, give exactly the single-process records (sorted by key)."""
    assert len(cluster_client.scheduler_info()["workers"]) == 2
    papers, _ = daskio.read_papers(
        dumps, files_per_partition=40, reference_date=REFERENCE_DATE, date_from_name=True
    )
    papers = papers.persist()
    got = daskio.merged_records(daskio.merge_papers(papers))
    want = single_process(dumps)
    assert len(want) == 182
    assert got == want
    assert max(len(record["seen"]) for record in got) > 50  # the counts' history is there


def test_dask_merge_unites_papers_by_id(tmp_path: Path) -> None:
    papers = [
        (Paper("Alpha", "A.", line=11, upvotes=1), "2025-12-01.txt"),
        (Paper("Beta", "B.", line=15, paper_id="2501.1"), "2025-12-01.txt"),
        (Paper("Gamma", "B.", line=11, paper_id="2501.1", upvotes=4), "2025-12-02.txt"),
        (Paper("alpha", "A.", line=15, paper_id="2501.1"), "2025-12-03.txt"),
        (Paper("Other", "O.", line=19), "2025-12-03.txt"),
    ]
    rows = []
    for paper, source in papers:
        record = {"source": source, **paper.to_dict()}
        record["links"] = json.dumps(record["links"])
        day = date_from_name(source)
        assert day is not None
        record.update(capture=int(source[8:10]), captured=day.isoformat(), key=paper.key)
        rows.append(record)
    frame = pd.DataFrame(rows).astype(daskio.PAPER_META.dtypes.to_dict())
    merged = daskio.merge_papers(dd.from_pandas(frame, npartitions=2))
    got = daskio.merged_records(merged)
    digests = [Digest(tuple(p for p, s in papers if s == name), None, source=name)
               for name in ("2025-12-01.txt", "2025-12-02.txt", "2025-12-03.txt")]
    want = sorted((r.to_dict() for r in digestparse.merge(digests, date_from_name=True).papers),
                  key=lambda r: r["key"])
    assert [r["title"] for r in want] == ["alpha", "Other"]
    assert got == want


def test_without_a_reference_date_a_capture_reads_its_dates_against_its_own_time(
    tmp_path: Path,
) -> None:
    """As ``parse_file`` and ``merge`` do: a capture that states its time (here 2024-06-01,
    a capture wrapper's front matter) gives its yearless dates their year, also when it is
    read on Dask years later; before, Dask read them against today."""
    seed = SEEDS[0].read_text(encoding="utf-8").replace("\nDec 12\n", "\nJun 1\n", 1)
    seed = seed.replace("\nNov 3\n", "\nMay 30\n", 1)
    path = tmp_path / "capture.txt"
    path.write_text("---\ncaptured: 2024-06-01T08:00:00Z\n---\n" + seed, encoding="utf-8")
    digest = digestparse.parse_file(path)
    assert digest.papers[0].date == datetime.date(2024, 5, 30)
    papers, _ = daskio.read_papers([path])
    frame = papers.compute(scheduler="sync")
    assert frame["date"].iloc[0] == "2024-05-30"
    assert frame["captured"].iloc[0] == "2024-06-01"
    got = daskio.merged_records(daskio.merge_papers(papers))
    want = sorted((r.to_dict() for r in digestparse.merge([digest]).papers),
                  key=lambda r: r["key"])
    assert got == want


def test_a_dump_without_a_capture_time_reads_its_dates_against_the_clients_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers may not share the client's clock (another machine, or midnight passing
    during a run): the client reads its day once, and a dump that states no capture time
    resolves its yearless dates against that day on every worker, as it gets ``captured``.
    Here the client's clock says 2020-01-05 and the worker's is the real one."""
    path = tmp_path / "dump.txt"
    path.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    client_now = datetime.datetime(2020, 1, 5, 12, 0, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(wrapper, "_local_now", lambda: client_now)
    papers, _ = daskio.read_papers([path])
    monkeypatch.undo()
    assert wrapper.today() != datetime.date(2020, 1, 5)  # the worker's clock
    frame = papers.compute(scheduler="sync")
    assert frame["captured"].iloc[0] == "2020-01-05"
    assert frame["date"].iloc[0] == "2019-11-03"  # the first entry's "Nov 3"
    assert wrapper.today() != datetime.date(2020, 1, 5)  # the pin ends with the parse


def test_date_from_name_gives_a_dump_without_a_capture_time_its_year(tmp_path: Path) -> None:
    """As ``digestparse merge --date-from-name``: seed 0's "Nov 3" under "Dec 12" in a dump
    named for 2023-12-11 (one local day behind the page) is 2023-11-03, not this year's."""
    path = tmp_path / "2023-12-11.txt"
    path.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    papers, _ = daskio.read_papers([path], date_from_name=True)
    frame = papers.compute(scheduler="sync")
    assert frame["captured"].iloc[0] == "2023-12-11"
    assert frame["date"].iloc[0] == "2023-11-03"
    papers, _ = daskio.read_papers([path])
    assert not papers.compute(scheduler="sync")["date"].iloc[0].startswith("2023-")


def test_today_is_pins_the_day_in_its_own_thread_only() -> None:
    """Dask's default scheduler runs partitions on threads: one pin must not leak into
    another thread's parse."""
    seen: list[datetime.date] = []
    with wrapper.today_is(datetime.date(2020, 1, 5)):
        assert wrapper.today() == datetime.date(2020, 1, 5)
        other = threading.Thread(target=lambda: seen.append(wrapper.today()))
        other.start()
        other.join()
    assert len(seen) == 1 and seen != [datetime.date(2020, 1, 5)]
    assert seen[0] >= datetime.date(2026, 1, 1)  # the clock's day (this was written in 2026)


def test_one_path_instead_of_a_list_is_a_type_error() -> None:
    """A str is a sequence too: each of its characters was read as a path."""
    for one in (str(SEEDS[0]), SEEDS[0]):
        with pytest.raises(TypeError, match="a sequence of paths, not one path"):
            daskio.read_papers(one)  # type: ignore[arg-type]


def test_no_paths_give_empty_frames() -> None:
    """An empty archive (a glob that matched nothing) is no error: as ``merge([])``."""
    papers, diagnostics = daskio.read_papers([])
    frame, found = dask.compute(papers, diagnostics, scheduler="sync")
    assert len(frame) == len(found) == 0
    assert frame.dtypes.to_dict() == daskio.PAPER_META.dtypes.to_dict()
    assert daskio.merged_records(daskio.merge_papers(papers)) == []
