"""``digestparse merge``, ``check --series`` and ``diff``, run as real subprocesses."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from cli_helpers import REFERENCE, run_cli, seed_lines, write_lines
from digestparse.merge import MERGE_FIELDS
from seeds import SEEDS
from series_support import dated_copies

MERGE_SCHEMA = json.loads(
    resources.files("digestparse").joinpath("schema/merge.schema.json").read_text("utf-8")
)
#: The gaps of the dated seeds (Nov 7, Nov 18, Nov 20, Dec 12, Dec 16).
SEED_GAPS = [
    "2025-11-18.txt:1:1: missing-capture days without a capture before this one: "
    "2025-11-08 to 2025-11-17 (10 days)",
    "2025-11-20.txt:1:1: missing-capture days without a capture before this one: "
    "2025-11-19 (1 day)",
    "2025-12-12.txt:1:1: missing-capture days without a capture before this one: "
    "2025-11-21 to 2025-12-11 (21 days)",
    "2025-12-16.txt:1:1: missing-capture days without a capture before this one: "
    "2025-12-13 to 2025-12-15 (3 days)",
]


@pytest.fixture
def series(tmp_path: Path) -> Path:
    directory = tmp_path / "dumps"
    directory.mkdir()
    dated_copies(directory)
    return tmp_path


# --- merge -------------------------------------------------------------------------------


def test_merge_jsonl_on_the_dated_seeds(series: Path) -> None:
    result = run_cli("merge", "--date-from-name", "dumps", cwd=series)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 182
    for record in records:
        jsonschema.validate(record, MERGE_SCHEMA)
    assert sorted(len(r["seen"]) for r in records)[-3:] == [4, 4, 4]
    assert records[0]["first_seen"] == "2025-11-07"
    assert result.stderr == "checked 5 files, 233 papers: 0 warnings; 182 distinct papers\n"


def test_merge_without_date_from_name_uses_the_reference_date(series: Path) -> None:
    result = run_cli("merge", "dumps", cwd=series)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {s["captured"] for r in records for s in r["seen"]} == {"2025-12-31"}
    # One capture date for all: capture order is the order of the files (sorted names).
    assert records[0]["seen"][0]["source"] == "dumps/2025-11-07.txt"


#: Seed 0's first paper ("What Benefits Drive Membership in Medicare Advantage Plans?")
#: is dated "Nov 3" under the page date "Dec 12" (read from the file).
FIRST_TITLE = "What Benefits Drive Membership in Medicare Advantage Plans?"


def _first_paper_date(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    [record] = [r for r in records if r["title"] == FIRST_TITLE]
    return str(record["date"])


def test_merge_date_from_name_gives_a_dump_without_a_capture_time_its_year(
    tmp_path: Path,
) -> None:
    """An archive's dump from 2023 read as of today would get this year's dates (and
    spurious conflicts where today's day falls between two captures). The name's date
    gives the year; the day after it, so that a name one local day behind the page's
    (UTC) date does not put the page a year back; ``--reference-date`` still wins."""
    shutil.copy(SEEDS[0], tmp_path / "2023-12-12.txt")
    named = run_cli("merge", "--date-from-name", "2023-12-12.txt", cwd=tmp_path,
                    reference=False)
    assert _first_paper_date(named) == "2023-11-03"
    unnamed = run_cli("merge", "2023-12-12.txt", cwd=tmp_path, reference=False)
    assert not _first_paper_date(unnamed).startswith("2023-")  # as of today
    given = run_cli("merge", "--date-from-name", "--reference-date", "2025-12-31",
                    "2023-12-12.txt", cwd=tmp_path, reference=False)
    assert _first_paper_date(given) == "2025-11-03"
    shutil.copy(SEEDS[0], tmp_path / "2023-12-11.txt")  # the page shows Dec 12
    behind = run_cli("merge", "--date-from-name", "2023-12-11.txt", cwd=tmp_path,
                     reference=False)
    assert _first_paper_date(behind) == "2023-11-03"


def test_merge_of_the_dated_seeds_needs_no_reference_date(series: Path) -> None:
    """docs/cli.md: the seeds' names give their yearless dates the year they were scraped
    in, as ``--reference-date 2025-12-31`` does."""
    named = run_cli("merge", "--date-from-name", "dumps", cwd=series, reference=False)
    given = run_cli("merge", "--date-from-name", "dumps", cwd=series)
    assert named.returncode == given.returncode == 0
    assert named.stdout == given.stdout
    assert named.stderr == given.stderr == (
        "checked 5 files, 233 papers: 0 warnings; 182 distinct papers\n"
    )


def test_merge_date_from_name_leaves_a_stated_capture_time_first(tmp_path: Path) -> None:
    seed = SEEDS[0].read_text(encoding="utf-8").replace("\nDec 12\n", "\nJun 1\n", 1)
    seed = seed.replace("\nNov 3\n", "\nMay 30\n", 1)
    (tmp_path / "2021-06-01.txt").write_text(
        "---\ncaptured: 2024-06-01T08:00:00Z\n---\n" + seed, encoding="utf-8"
    )
    result = run_cli("merge", "--date-from-name", "2021-06-01.txt", cwd=tmp_path,
                     reference=False)
    assert _first_paper_date(result) == "2024-05-30"


def test_merge_json_and_csv_hold_the_same_records(series: Path) -> None:
    lines = run_cli("merge", "--date-from-name", "dumps", cwd=series).stdout
    records = [json.loads(line) for line in lines.splitlines()]
    array = run_cli("merge", "--date-from-name", "--format", "json", "dumps", cwd=series)
    assert json.loads(array.stdout) == records
    table = run_cli("merge", "--date-from-name", "--format", "csv", "dumps", cwd=series)
    rows = list(csv.reader(io.StringIO(table.stdout)))
    assert tuple(rows[0]) == MERGE_FIELDS
    assert len(rows) == 183
    for row, record in zip(rows[1:], records, strict=True):
        cells = dict(zip(MERGE_FIELDS, row, strict=True))
        assert json.loads(cells["seen"]) == record["seen"]
        assert json.loads(cells["links"]) == record["links"]
        assert cells["key"] == record["key"]
        assert cells["votes"] == ("" if record["votes"] is None else str(record["votes"]))


def test_merge_jobs_2_gives_the_same_output(series: Path) -> None:
    one = run_cli("merge", "--date-from-name", "--jobs", "1", "dumps", cwd=series)
    two = run_cli("merge", "--date-from-name", "--jobs", "2", "dumps", cwd=series)
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    quiet = run_cli("merge", "--date-from-name", "--quiet", "dumps", cwd=series)
    assert (quiet.stdout, quiet.stderr) == (one.stdout, "")


def test_merge_bad_input_exits_2_and_merges_the_rest(series: Path) -> None:
    result = run_cli("merge", "--date-from-name", "dumps", "nope.txt", cwd=series)
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 182
    assert "digestparse: cannot read nope.txt: No such file or directory" in result.stderr


def test_merge_conflicts_are_warnings_or_strict_findings(tmp_path: Path) -> None:
    lines = seed_lines(0)
    write_lines(tmp_path / "2025-12-12.txt", lines)
    changed = list(lines)
    assert changed[16] == "  \u2022 2 authors"  # the first paper's authors line
    changed[16] = "  \u2022 7 authors"
    write_lines(tmp_path / "2025-12-13.txt", changed)
    conflict = (
        "2025-12-13.txt:13:1: conflict two captures of one paper disagree on a field that "
        "should not change: 7 authors here, 2 authors at 2025-12-12.txt:13"
    )
    lenient = run_cli("merge", "--date-from-name", "2025-12-12.txt", "2025-12-13.txt",
                      cwd=tmp_path)
    assert lenient.returncode == 0
    assert lenient.stderr.splitlines()[0] == conflict
    assert json.loads(lenient.stdout.splitlines()[0])["author_count"] == 7
    strict = run_cli("merge", "--strict", "--date-from-name", "2025-12-12.txt",
                     "2025-12-13.txt", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[0] == conflict
    ignored = run_cli("merge", "--strict", "--ignore", "conflict", "--date-from-name",
                      "2025-12-12.txt", "2025-12-13.txt", cwd=tmp_path)
    assert (ignored.returncode, ignored.stdout) == (0, lenient.stdout)


# --- check --series ----------------------------------------------------------------------


def test_series_check_reports_the_gaps_with_positions(series: Path) -> None:
    result = run_cli("check", "--series", "dumps", cwd=series)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"dumps/{line}" for line in SEED_GAPS]
    assert result.stderr == "checked 5 files, 233 papers: 4 findings\n"


def test_series_check_allow_missing_from_a_list_and_a_file(series: Path) -> None:
    days = [f"2025-11-{day:02d}" for day in range(8, 18)] + ["2025-11-19"]
    (series / "empty-days.txt").write_text("# known empty\n" + "\n".join(days[2:]) + "\n")
    result = run_cli("check", "--series", "dumps", "--allow-missing", ",".join(days[:2]),
                     "--allow-missing", "@empty-days.txt", cwd=series)
    assert result.stdout.splitlines() == [f"dumps/{line}" for line in SEED_GAPS[2:]]
    with_gap = run_cli("check", "--series", "dumps", "--allow-missing", "2025-11-10",
                       cwd=series)
    assert with_gap.stdout.splitlines()[0] == (
        "dumps/2025-11-18.txt:1:1: missing-capture days without a capture before this one: "
        "2025-11-08 to 2025-11-09, 2025-11-11 to 2025-11-17 (9 days)")


def test_series_check_stale_and_partial(tmp_path: Path) -> None:
    seed_000 = next(seed for seed in SEEDS if seed.name.startswith("000"))  # Dec 12, 25 papers
    seed_002 = next(seed for seed in SEEDS if seed.name.startswith("002"))  # Dec 16, 51 papers
    shutil.copy(seed_000, tmp_path / "20251212.txt")
    shutil.copy(seed_000, tmp_path / "20251213.txt")  # the site still showed Dec 12
    shutil.copy(seed_002, tmp_path / "20251214.txt")
    shutil.copy(seed_002, tmp_path / "20251215.txt")
    shutil.copy(seed_002, tmp_path / "20251216.txt")
    result = run_cli("check", "--series", ".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    findings = [(f["source"], f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]
    # The median is 51 papers: 25 < 0.5 * 51.
    assert findings == [
        ("./20251212.txt", 1, "partial-capture"),
        ("./20251213.txt", 1, "partial-capture"),
        ("./20251213.txt", 11, "stale-capture"),
        ("./20251215.txt", 11, "stale-capture"),
    ]
    lower = run_cli("check", "--series", ".", "--lenient", "--min-share", "0.4", cwd=tmp_path)
    assert lower.returncode == 0  # warnings only
    assert [line.split(": ")[1].split()[0] for line in lower.stdout.splitlines()] == [
        "stale-capture", "stale-capture"]
    assert lower.stdout.splitlines()[0] == (
        "./20251213.txt:11:1: stale-capture the capture shows the previous capture's page "
        "again: page date 2025-12-12 captured on 2025-12-13, as in ./20251212.txt")


def test_series_check_reads_page_dates_as_of_the_names(tmp_path: Path) -> None:
    """The series places dumps by their names' dates; their page dates take their year
    from there too (read as of today, 2023's page dates said this year's)."""
    shutil.copy(SEEDS[0], tmp_path / "2023-12-12.txt")
    shutil.copy(SEEDS[0], tmp_path / "2023-12-13.txt")  # the site still showed Dec 12
    result = run_cli("check", "--series", "--select", "stale-capture", "2023-12-12.txt",
                     "2023-12-13.txt", cwd=tmp_path, reference=False)
    assert result.stdout.splitlines() == [
        "2023-12-13.txt:11:1: stale-capture the capture shows the previous capture's page "
        "again: page date 2023-12-12 captured on 2023-12-13, as in 2023-12-12.txt"
    ]


def test_series_check_keeps_each_files_own_findings(series: Path) -> None:
    lines = seed_lines(0)
    lines[12] += " "
    write_lines(series / "dumps" / "2025-12-12.txt", lines)
    result = run_cli("check", "--series", "dumps", "--select", "trailing-whitespace,"
                     "missing-capture", cwd=series)
    assert result.stdout.splitlines()[2:4] == [
        "dumps/2025-12-12.txt:1:1: " + SEED_GAPS[2].split(":1:1: ")[1],
        "dumps/2025-12-12.txt:13:60: trailing-whitespace trailing whitespace",
    ]


def test_series_check_file_without_a_capture_date_is_not_checked(series: Path) -> None:
    # Damaged: as an unreadable file, none of its findings is listed (they were, uncounted).
    lines = SEEDS[0].read_text(encoding="utf-8").split("\n")
    lines.remove("\u00b7")
    (series / "dumps" / "undated.txt").write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("check", "--series", "dumps", "--allow-missing", "@/nonexistent",
                     cwd=series)
    assert result.returncode == 2
    assert "cannot read /nonexistent" in result.stderr
    result = run_cli("check", "--series", "dumps", cwd=series)
    assert result.returncode == 2
    assert (
        "digestparse: cannot place dumps/undated.txt in the series: it states no capture time "
        "and its name has no YYYY-MM-DD or YYYYMMDD date"
    ) in result.stderr.splitlines()
    assert result.stdout.splitlines() == [f"dumps/{line}" for line in SEED_GAPS]
    result = run_cli("check", "--series", "--format", "json", "dumps", cwd=series)
    document = json.loads(result.stdout)
    assert [row for row in document["files"] if row["path"] == "dumps/undated.txt"] == [
        {"path": "dumps/undated.txt", "status": "not-checked", "papers": 0, "findings": 0,
         "error": "cannot place dumps/undated.txt in the series: it states no capture time "
                  "and its name has no YYYY-MM-DD or YYYYMMDD date", "dialect": None}]
    assert not any(f["source"] == "dumps/undated.txt" for f in document["findings"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-share", "0"], "must be more than 0 and at most 1"),
        (["--min-share", "x"], "not a number: 'x'"),
        (["--allow-missing", "2025-02-30"], "not a date: '2025-02-30'"),
    ],
)
def test_series_usage_errors(series: Path, args: list[str], message: str) -> None:
    result = run_cli("check", "--series", "dumps", *args, cwd=series)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    "args", [["--min-share", "0.9"], ["--min-share", "0.5"], ["--allow-missing", "2025-11-19"]]
)
def test_series_options_without_series_are_a_usage_error(series: Path, args: list[str]) -> None:
    """They did nothing without --series, so a CI check that forgot it passed (exit 0)."""
    result = run_cli("check", "dumps", *args, cwd=series)
    assert result.returncode == 2
    assert result.stderr.endswith(f"error: {args[0]} needs --series\n")
    assert run_cli("check", "--series", "dumps", *args, cwd=series).returncode == 1


def test_series_min_share_default_is_half_the_median(tmp_path: Path) -> None:
    """Without --min-share, a capture with under half the median's papers is partial."""
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    lines = seed_lines(0)  # 25 papers of 8 lines each; the first entry's title is line 13
    for day in (11, 12, 13):
        write_lines(dumps / f"2025-12-{day}.txt", lines)  # the median: 25
    write_lines(dumps / "2025-12-14.txt", lines[: 12 + 8 * 12])  # 12 papers: under 12.5
    write_lines(dumps / "2025-12-15.txt", lines[: 12 + 8 * 13])  # 13 papers: not partial
    result = run_cli("check", "--series", "--lenient", "dumps", cwd=tmp_path)
    partial = [line for line in result.stdout.splitlines() if "partial-capture" in line]
    assert [line.split(":")[0] for line in partial] == ["dumps/2025-12-14.txt"]


# --- diff --------------------------------------------------------------------------------


def test_diff_equal_exits_0(series: Path) -> None:
    result = run_cli("diff", "dumps/2025-12-12.txt", "dumps/2025-12-12.txt", cwd=series)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "0 added, 0 removed, 0 changed\n"


def test_diff_added_removed_changed(tmp_path: Path) -> None:
    lines = seed_lines(0)
    write_lines(tmp_path / "old.txt", lines)
    new = list(lines)
    assert (new[12], new[18]) == (
        "What Benefits Drive Membership in Medicare Advantage Plans?", "Nov 3")
    new[18] = "Nov 3 5"  # the first paper gets a count
    del new[20:28]  # the second paper (title, abstract, metadata) is gone
    write_lines(tmp_path / "new.txt", new)
    result = run_cli("diff", "old.txt", "new.txt", cwd=tmp_path)
    assert result.returncode == 1
    second = lines[20]
    assert result.stdout.splitlines() == [
        f"- old.txt:21: {second}",
        "~ new.txt:13: What Benefits Drive Membership in Medicare Advantage Plans?",
        "    votes: 0 \u2192 5",
    ]
    assert result.stderr == "0 added, 1 removed, 1 changed\n"
    back = run_cli("diff", "new.txt", "old.txt", "--format", "jsonl", cwd=tmp_path)
    entries = [json.loads(line) for line in back.stdout.splitlines()]
    assert [(e["change"], e.get("title")) for e in entries] == [
        ("added", second), ("changed", lines[12])]
    assert entries[0]["source"] == "old.txt" and entries[0]["line"] == 21
    assert entries[1]["fields"] == [{"field": "votes", "old": 5, "new": 0}]
    document = json.loads(
        run_cli("diff", "old.txt", "new.txt", "--format", "json", cwd=tmp_path).stdout)
    assert (document["equal"], len(document["removed"]), document["added"]) == (False, 1, [])
    assert document["changed"][0]["old"] == {"source": "old.txt", "line": 13}


def test_diff_errors_exit_2(tmp_path: Path) -> None:
    write_lines(tmp_path / "old.txt", seed_lines(0))
    missing = run_cli("diff", "old.txt", "nope.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "digestparse: cannot read nope.txt: No such file or directory\n"
    lines = seed_lines(0)
    lines[12] += " "
    write_lines(tmp_path / "trail.txt", lines)
    strict = run_cli("diff", "--strict", "old.txt", "trail.txt", cwd=tmp_path)
    assert strict.returncode == 2
    assert strict.stderr == "trail.txt:13:60: trailing-whitespace trailing whitespace\n"
    lenient = run_cli("diff", "old.txt", "trail.txt", cwd=tmp_path)
    assert lenient.returncode == 0  # the parser removes the trailing space: same papers
    usage = run_cli("diff", "old.txt", cwd=tmp_path)
    assert usage.returncode == 2
    assert "the following arguments are required: NEW" in usage.stderr


def test_diff_reads_standard_input_and_leaves_no_copy(tmp_path: Path) -> None:
    lines = seed_lines(0)
    write_lines(tmp_path / "old.txt", lines)
    data = (tmp_path / "old.txt").read_bytes()
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    env = {**os.environ, "TMPDIR": str(spool_dir)}
    equal = subprocess.run(
        [sys.executable, "-m", "digestparse", "diff", "-", "old.txt", *REFERENCE],
        cwd=tmp_path, input=data, capture_output=True, env=env, timeout=60, check=False,
    )
    assert (equal.returncode, equal.stdout) == (0, b"")
    new = (tmp_path / "new.txt")
    write_lines(new, lines[:20] + lines[28:])  # the second paper is gone
    changed = subprocess.run(
        [sys.executable, "-m", "digestparse", "diff", "--stdin-name", "today.txt", "new.txt",
         "-", *REFERENCE],
        cwd=tmp_path, input=data, capture_output=True, env=env, timeout=60, check=False,
    )
    assert changed.returncode == 1
    assert changed.stdout.decode().splitlines() == [f"+ today.txt:21: {lines[20]}"]
    binary = subprocess.run(
        [sys.executable, "-m", "digestparse", "diff", "-", "old.txt", *REFERENCE],
        cwd=tmp_path, input=b"\0" * 100, capture_output=True, env=env, timeout=60, check=False,
    )
    assert binary.returncode == 2
    assert binary.stderr.decode().splitlines()[0] == (
        "digestparse: cannot check <stdin>: binary file (NUL byte at offset 0), not a text dump"
    )
    assert list(spool_dir.iterdir()) == []  # every copy of standard input was deleted
