"""What the CLI reads: devices, FIFOs and pipes, binary files, big files (memory stays
bounded), and the modules a plain ``check`` imports. Real subprocesses, with timeouts."""

from __future__ import annotations

import collections
import datetime
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import digestparse
from cli_helpers import REFERENCE, SEEDS, run_cli, run_cli_peak, without_first_separator
from digestparse.diagnostics import reading_order

SEED = SEEDS[0]
SEED_PAPERS_0 = 25  # tests/fixtures/README.md


def test_a_device_is_refused_at_once(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "good.txt")
    result = run_cli("check", "/dev/zero", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "digestparse: cannot check /dev/zero: a device, not a file",
        f"checked 1 file, {SEED_PAPERS_0} papers: 0 findings; 1 file not checked",
    ]


def test_directory_scans_take_regular_files_only(tmp_path: Path) -> None:
    """A FIFO nobody writes to and a link to /dev/zero named *.txt would hang the run or
    eat memory: a scan reports them (exit 2) and checks the rest."""
    shutil.copy(SEED, tmp_path / "b_good.txt")
    os.mkfifo(tmp_path / "a_fifo.txt")
    (tmp_path / "c_zero.txt").symlink_to("/dev/zero")
    (tmp_path / "d_link.txt").symlink_to(tmp_path / "b_good.txt")  # a link to a file is fine
    for jobs in ("1", "2"):
        result = run_cli("check", "--jobs", jobs, tmp_path.name, cwd=tmp_path.parent)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"digestparse: cannot check {tmp_path.name}/a_fifo.txt: a FIFO, not a regular file",
            f"digestparse: cannot check {tmp_path.name}/c_zero.txt: a device, not a regular file",
            f"checked 2 files, {2 * SEED_PAPERS_0} papers: 0 findings; 2 files not checked",
        ]


def test_inputs_a_scan_refuses_are_in_every_report(tmp_path: Path) -> None:
    """A FIFO or a dangling link in a scanned directory, and a directory with no dump, are
    each an input that could not be checked: the JSON ``files``, SARIF's notifications and
    a JUnit ``<error>`` name them in their place, as a missing file. They were counted in
    the summary but missing from these reports."""
    scan = tmp_path / "scan"
    scan.mkdir()
    (tmp_path / "empty").mkdir()
    shutil.copy(SEED, scan / "b_good.txt")
    os.mkfifo(scan / "a_fifo.txt")
    (scan / "c_gone.txt").symlink_to(tmp_path / "nowhere.txt")
    reasons = {
        "empty": "cannot check empty: directory has no *.txt files",
        "scan/a_fifo.txt": "cannot check scan/a_fifo.txt: a FIFO, not a regular file",
        "scan/c_gone.txt": "cannot check scan/c_gone.txt: No such file or directory",
    }
    paths = ["empty", "scan/a_fifo.txt", "scan/b_good.txt", "scan/c_gone.txt", "gone.txt"]
    reasons["gone.txt"] = "cannot read gone.txt: No such file or directory"
    for jobs in ("1", "2"):
        args = ("--jobs", jobs, "empty", "scan", "gone.txt")
        result = run_cli("check", "--format", "json", *args, cwd=tmp_path)
        assert result.returncode == 2
        files = json.loads(result.stdout)["files"]
        assert [row["path"] for row in files] == paths
        assert {row["path"]: row["error"] for row in files if row["error"]} == reasons
        assert [row["status"] for row in files].count("not-checked") == 4
        sarif = json.loads(run_cli("check", "--format", "sarif", *args, cwd=tmp_path).stdout)
        (run,) = sarif["runs"]
        (invocation,) = run["invocations"]
        notified = [note["message"]["text"] for note in invocation["toolExecutionNotifications"]]
        assert notified == [reasons[path] for path in paths if path in reasons]
        assert invocation["executionSuccessful"] is False
        junit = run_cli("check", "--format", "junit", *args, cwd=tmp_path).stdout
        assert 'tests="5" failures="0" errors="4"' in junit
        for reason in reasons.values():
            assert f'<error message="{reason}" type="not-checked">' in junit


def test_reports_count_the_findings_a_file_does_not_list(tmp_path: Path) -> None:
    """Past the first 10,000 findings of a file: JUnit's failure message counts them all
    and its text says how many are not listed; SARIF names them in a notification."""
    header = b"\n\n".join(SEED.read_bytes().split(b"\n\n")[:6])  # up to the page date
    data = header + b"\n\n" + b"".join(b"new\n\nx%d\n\n" % n for n in range(20_000))
    (tmp_path / "bad.txt").write_bytes(data)
    every = len(digestparse.parse(data, reference_date=datetime.date(2025, 12, 31)).diagnostics)
    assert every > 10_001
    more = f"{every - 10_000} more findings not listed (a file lists its first 10000, by line)"
    junit = run_cli("check", "--format", "junit", "bad.txt", cwd=tmp_path).stdout
    assert f'<failure message="{every} findings" type="digestparse">' in junit
    assert f"{more}</failure>" in junit
    lenient = run_cli("check", "--lenient", "--format", "junit", "bad.txt", cwd=tmp_path)
    assert f"warning: {more}</system-out>" in lenient.stdout
    sarif = json.loads(run_cli("check", "--format", "sarif", "bad.txt", cwd=tmp_path).stdout)
    (run,) = sarif["runs"]
    assert len(run["results"]) == 10_000
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert (note["level"], note["message"]["text"]) == ("warning", more)
    assert run["invocations"][0]["executionSuccessful"] is True


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        with open(path, "wb") as fifo:
            fifo.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_an_explicit_fifo_is_read_and_a_failing_one_read_twice(tmp_path: Path) -> None:
    without_first_separator(tmp_path / "damaged.txt")
    damaged = (tmp_path / "damaged.txt").read_bytes()
    want = run_cli("check", "damaged.txt", cwd=tmp_path)
    assert want.returncode == 1 and len(want.stdout.splitlines()) >= 1
    os.mkfifo(tmp_path / "fifo.txt")
    writer = _feed_fifo(tmp_path / "fifo.txt", damaged)
    result = run_cli("check", "fifo.txt", cwd=tmp_path)
    writer.join(timeout=30)
    assert result.returncode == 1
    # Strict mode stops at the first defect; the second, lenient read lists them all.
    assert result.stdout == want.stdout.replace("damaged.txt", "fifo.txt")


def test_process_substitution_keeps_working(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    command = (
        f"{sys.executable} -m digestparse parse {' '.join(REFERENCE)} <(cat {SEED}) "
        f"--format jsonl"
    )
    result = subprocess.run(
        [bash, "-c", command], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == SEED_PAPERS_0


def test_binary_stdin_is_refused_without_reading_it_all() -> None:
    """/dev/zero as standard input never ends: the first 8 KiB decide."""
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "digestparse", "check", "-", *REFERENCE],
            stdin=zero, capture_output=True, text=True, timeout=60, check=False,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "digestparse: cannot check <stdin>: binary file (NUL byte at offset 0), not a text dump"
    )


@pytest.mark.parametrize("command", [["check"], ["parse"], ["merge"], ["diff", "-"]])
def test_an_empty_stdin_name_is_a_usage_error(command: list[str], tmp_path: Path) -> None:
    """Standard input is read from a spool file; with an empty name, that file's temporary
    path showed in the findings instead (and nothing at all in records and SARIF)."""
    damaged = without_first_separator(tmp_path / "damaged.txt")
    other = [str(SEED)] if command[0] == "diff" else ["-"]
    result = run_cli(*command, *other, "--stdin-name", "", stdin=damaged.read_bytes())
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.endswith(
        f"digestparse {command[0]}: error: argument --stdin-name: must not be empty\n"
    )
    named = run_cli(*command, *other, "--stdin-name", "today.txt", stdin=damaged.read_bytes())
    assert "today.txt:18:1: missing-separator" in named.stdout + named.stderr
    assert "/tmp" not in named.stdout + named.stderr


def test_a_nul_after_the_first_8_kib_is_text(tmp_path: Path) -> None:
    text = SEED.read_bytes()
    assert len(text) > 8192
    early = text[:100] + b"\0" + text[100:]
    late = text[:8200] + b"\0" + text[8200:]
    (tmp_path / "early.txt").write_bytes(early)
    (tmp_path / "late.txt").write_bytes(late)
    result = run_cli("check", "--lenient", "early.txt", "late.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "digestparse: cannot check early.txt: binary file (NUL byte at offset 100), "
        "not a text dump"
    )
    assert result.stderr.splitlines()[-1].startswith("checked 1 file, ")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-be"])
def test_a_utf32_or_utf16_file_is_text_not_binary(tmp_path: Path, codec: str) -> None:
    # UTF-32-BE starts with NUL bytes: it was refused as a binary file.
    (tmp_path / "wide.txt").write_bytes(SEED.read_text(encoding="utf-8").encode(codec))
    result = run_cli("check", "--lenient", "--format", "json", "wide.txt", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    wide = "utf32-input" if "32" in codec else "utf16-input"
    assert [finding["code"] for finding in findings] == [wide]
    assert result.stderr.splitlines()[-1] == f"checked 1 file, {SEED_PAPERS_0} papers: 1 warning"


def _big_dump(path: Path, megabytes: int) -> int:
    """A canonical dump of about ``megabytes`` MB: seed 0's header and page date, then its
    entries over and over (no finding, so a strict parse reads it all). Returns its number
    of papers."""
    blocks = SEED.read_bytes().split(b"\n\n")
    header, entries = b"\n\n".join(blocks[:6]), b"\n\n" + b"\n\n".join(blocks[6:])
    copies = megabytes * 1_000_000 // len(entries) + 1
    with open(path, "wb") as file:
        file.write(header)
        for _ in range(copies):
            file.write(entries)
    return copies * SEED_PAPERS_0


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--lenient", "--format", "json"],
        ["parse", "--format", "jsonl"],
        ["parse", "--format", "csv"],
        ["parse", "--strict", "--format", "jsonl"],
    ],
    ids=lambda args: " ".join(args),
)
def test_memory_does_not_grow_with_the_file(tmp_path: Path, args: list[str]) -> None:
    """60 MB in: the whole file held as lines and papers would take several times that."""
    papers = _big_dump(tmp_path / "big.txt", 60)
    status, peak_mb, completed = run_cli_peak(
        *args, "--jobs", "1", *REFERENCE, "big.txt", cwd=tmp_path
    )
    assert status == 0, completed.stderr[-300:]
    assert peak_mb < 64, peak_mb
    if args[0] == "parse":
        assert completed.stdout.count(b"\n") == papers + (args[-1] == "csv")
    if "json" in args:
        document = json.loads(completed.stdout)
        assert document["summary"]["papers"] == papers


_MODULES = """
import sys, digestparse.cli as cli
status = cli.main(sys.argv[1:])
heavy = ["concurrent.futures", "multiprocessing", "dateutil", "json", "csv", "tempfile"]
print(status, *sorted(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["--jobs", "1", "--reference-date", "2025-12-31"], []),
        (["--reference-date", "2025-12-31"], []),  # default --jobs, but one file: no pool
        # dateutil brings tempfile along
        (["--jobs", "1", "--reference-date", "31 Dec 2025"], ["dateutil", "tempfile"]),
        (["--jobs", "1", "--reference-date", "2025-12-31", "--format", "json"], ["json"]),
    ],
)
def test_a_plain_check_imports_only_what_it_uses(args: list[str], loaded: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _MODULES, "check", "-q", *args, str(SEED)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert completed.stderr.split() == ["0", *loaded]


#: Modules a plain ``check`` of a seed does without (docs/performance.md, the CLI's start):
#: the merge, the CI options' baselines and expectations, the other dialects' rules.
_LAZY = [
    "digestparse.cli.baseline",
    "digestparse.cli.expectations",
    "digestparse.dialects.html_text.fastpath",
    "digestparse.dialects.html_text.rules",
    "digestparse.dialects.markdown.fastpath",
    "digestparse.dialects.markdown.fields",
    "digestparse.dialects.markdown.rules",
    "digestparse.dialects.reference_text.fastpath",
    "digestparse.dialects.reference_text.header",
    "digestparse.dialects.reference_text.rules",
    "digestparse.dialects.text_urls.fastpath",
    "digestparse.dialects.text_urls.junk",
    "digestparse.dialects.text_urls.rules",
    "digestparse.merge",
]
_LAZY_LOADED = f"""
import sys
lazy = {_LAZY!r}
import digestparse
print(*[name for name in lazy if name in sys.modules], sep=",", file=sys.stderr)
import digestparse.cli as cli
status = cli.main(sys.argv[1:])
print(status, *[name for name in lazy if name in sys.modules], sep=",", file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        ([], []),
        (["--statistics", "--format", "json"], []),
        (["--min-papers", "3"], ["digestparse.cli.expectations"]),
        (["--write-baseline", "base.json"],
         ["digestparse.cli.baseline", "digestparse.cli.expectations"]),
        (["--dialect", "markdown"], [m for m in _LAZY if ".markdown." in m]),
        (["--dialect", "html-text"], [m for m in _LAZY if ".html_text." in m]),
        (["--dialect", "text-urls"], [m for m in _LAZY if ".text_urls." in m]),
    ],
)
def test_a_plain_check_leaves_out_what_it_does_not_use(
    tmp_path: Path, args: list[str], loaded: list[str]
) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _LAZY_LOADED, "check", "-q", "--lenient", *REFERENCE, *args,
         str(SEED)],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )
    after_import, after_check = completed.stderr.splitlines()[-2:]
    assert after_import == ""  # import digestparse alone loads none of them
    status, *names = after_check.split(",")
    assert status in ("0", "1")
    assert [name for name in names if name] == sorted(loaded)


def test_records_spooled_to_disk_come_back_in_order(tmp_path: Path) -> None:
    """A worker process (or a strict parse) keeps 500 records in memory and pickles the
    rest to a temporary file: the output is the same as when records stream, and no
    temporary file is left."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    assert lines[10] == "Dec 12" and lines[11] == ""
    # Seed 0's entries 30 times under its header: one clean dump of 750 papers.
    big = "\n".join(lines[:11] + lines[11:] * 30) + "\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(big, encoding="utf-8")
    spool = tmp_path / "tmp"
    spool.mkdir()
    env = {**os.environ, "TMPDIR": str(spool)}

    def parse(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "digestparse", "parse", *args, *REFERENCE, "a.txt", "b.txt"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
        )

    streamed = parse("--jobs", "1")
    assert streamed.returncode == 0, streamed.stderr
    assert streamed.stdout.count("\n") == 2 * 30 * SEED_PAPERS_0
    for args in (["--jobs", "2"], ["--strict", "--jobs", "1"], ["--strict", "--jobs", "2"]):
        spooled = parse(*args)
        assert spooled.returncode == 0, (args, spooled.stderr)
        assert spooled.stdout == streamed.stdout, args
    assert list(spool.iterdir()) == []


@pytest.mark.parametrize("mode", ["--strict", "--lenient"])
def test_ci_options_agree_in_this_process_and_in_workers(tmp_path: Path, mode: str) -> None:
    """check's CI options (cli/guard.py) read a streamed dump: in this process (one file at
    a time) and in worker processes they give the same findings, damage share and baseline.
    Seed 0 has 25 papers, so --min-papers 30 fails each clean copy (counted by hand)."""
    for index in range(3):
        shutil.copy(SEED, tmp_path / f"good{index}.txt")
    without_first_separator(tmp_path / "no_sep.txt")
    options = [
        "check", mode, "--format", "json", "--min-papers", "30", "--max-damaged", "1",
        "--expect-page-date", "2025-12-31", "--write-baseline", "base.json",
    ]
    documents = []
    for jobs in ("1", "2"):
        result = run_cli(*options, "--jobs", jobs, ".", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        document = json.loads(result.stdout)
        documents.append((document, (tmp_path / "base.json").read_text(encoding="utf-8")))
        codes = sorted(finding["code"] for finding in document["findings"])
        assert codes.count("too-few-papers") == 4, codes  # every file has fewer than 30
        assert "too-damaged" in codes  # no_sep.txt: a damaged entry is more than 1% of them
        baseline = json.loads(documents[-1][1])
        assert [entry["path"] for entry in baseline["findings"]] == ["no_sep.txt"]
    assert documents[0] == documents[1]


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["check", "2026-01-01.txt"], 1),
        (["parse", "--lenient", "--format", "jsonl", "2026-01-01.txt"], 0),
        (["merge", "2026-01-01.txt"], 0),
        (["check", "--series", "."], 1),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_memory_does_not_grow_with_one_endless_line(
    tmp_path: Path, args: list[str], status: int
) -> None:
    """80 MB with no line break after the header: only the line's first MAX_LINE
    characters are kept, the rest is read past, by every command that reads dumps."""
    head = SEED.read_bytes().split(b"\n\n")[:3]
    with open(tmp_path / "2026-01-01.txt", "wb") as file:
        file.write(b"\n\n".join(head) + b"\n\n")
        for _ in range(80):
            file.write(b"x" * 1_000_000)
        file.write(b"\n\nthe end\n")
    got, peak_mb, completed = run_cli_peak(
        *args[:-1], "--jobs", "1", *REFERENCE, args[-1], cwd=tmp_path
    )
    assert peak_mb < 64, peak_mb
    assert got == status
    if args[0] == "check":  # a series is named by capture date
        assert "2026-01-01.txt:7:1048577: line-too-long line too long: only its first " \
            "1048576 characters are read" in completed.stdout.decode()


CAPTURE_03 = SEED.parent / "captures" / "03_hfpapers_search_source_citations_firecrawl_md.txt"


def _blank_runs(path: Path, shape: str) -> None:
    """Blank lines where a stream has to look past them: 30 MB alone; 6 MB inside a seed's
    entry as lines of blanks (each a ``trailing-whitespace``, folded into one run); 30 MB
    after a markdown capture's first title (line 32, read by hand)."""
    with open(path, "wb") as file:
        if shape == "empty lines":
            file.write(b"\n" * 30_000_000)
        elif shape == "lines of blanks in an entry":
            header = SEED.read_bytes().split(b"\n\nWhat Benefits")[0]  # lines 1-11
            file.write(header + b"\n\nTitle\n" + b"  \n" * 3_000_000 + b"Abstract\n")
        else:
            lines = CAPTURE_03.read_bytes().split(b"\n")
            file.write(b"\n".join(lines[:32]) + b"\n" * 30_000_000 + b"\n".join(lines[32:]))


@pytest.mark.parametrize(
    ("shape", "findings"),
    [
        ("empty lines", ["1:1: missing-header"]),
        ("lines of blanks in an entry",
         ["14:1: trailing-whitespace", "15:1: extra-blank-line"]),
        ("empty lines in a capture", []),
    ],
)
def test_memory_does_not_grow_with_a_run_of_blank_lines(
    tmp_path: Path, shape: str, findings: list[str]
) -> None:
    """Blank lines cost no character, but each was held: by the dialect detection (which
    reads on to the first 200 non-blank lines), by the stream's window (kept back to the
    first line not consumed), and, for lines of blanks, by their held white-space defects
    and strict mode's messages. Each of these took hundreds of MB."""
    _blank_runs(tmp_path / "blank.txt", shape)
    status, peak_mb, completed = run_cli_peak(
        "check", "--jobs", "1", *REFERENCE, "blank.txt", cwd=tmp_path
    )
    assert peak_mb < 64, peak_mb
    assert status == (1 if findings else 0)
    shown = [" ".join(line.split(" ")[:2]) for line in completed.stdout.decode().splitlines()]
    assert shown == [f"blank.txt:{finding}" for finding in findings]
    if not findings:
        assert "checked 1 file, 8 papers: 0 findings" in completed.stderr.decode().splitlines()


def test_a_file_defective_everywhere_lists_its_first_findings_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    """``new`` then a lone title, over and over: repeated headers and truncated entries,
    about 30,000 findings. The first MAX_FINDINGS (10,000) are listed in line order, the
    rest only counted, and the counts agree with the library's full list."""
    header = b"\n\n".join(SEED.read_bytes().split(b"\n\n")[:6])  # up to the page date
    data = header + b"\n\n" + b"".join(b"new\n\nx%d\n\n" % n for n in range(45_000))
    (tmp_path / "bad.txt").write_bytes(data)
    every = digestparse.parse(data, reference_date=datetime.date(2025, 12, 31)).diagnostics
    assert len(every) > 20_000
    result = run_cli("check", "--lenient", "--statistics", "bad.txt", cwd=tmp_path)
    assert result.returncode == 0
    listed = [line for line in result.stdout.splitlines() if line.startswith("bad.txt:")]
    assert listed == [f"bad.txt:{d.line}:{d.column}: {d.code} {d.message}"
                      for d in sorted(every, key=reading_order)[:10_000]]
    counts = collections.Counter(d.code for d in every)
    assert [line.split() for line in result.stdout.splitlines()[-len(counts):]] == [
        [str(n), code] for code, n in counts.most_common()
    ]
    notes = result.stderr.splitlines()
    assert f"digestparse: bad.txt: {len(every) - 10_000} more findings not listed (a file " \
        "lists its first 10000, by line)" in notes
    assert notes[-1] == f"checked 1 file, 0 papers: {len(every)} warnings"


def _damaged_dump(path: Path, entries: int, damaged: int) -> None:
    """``entries`` papers, the last ``damaged`` of them with a date line that is no date."""
    header = SEED.read_text(encoding="utf-8").split("\n\n")[:6]  # up to the page date
    entry = "T{n}\n\nAbstract {n}.\n\n  \u2022 3 authors\n\u00b7\n{date}"
    body = [
        entry.format(n=n, date="Fob 17, 2022" if n >= entries - damaged else "Nov 3")
        for n in range(entries)
    ]
    path.write_text("\n\n".join(header + body) + "\n", encoding="utf-8")


def test_max_damaged_counts_every_finding_past_the_listing_limit(tmp_path: Path) -> None:
    """--max-damaged needs each finding's lines: with it a file keeps all its findings."""
    _damaged_dump(tmp_path / "dmg.txt", 30_000, 25_000)
    result = run_cli("check", "--lenient", "--max-damaged", "50", "dmg.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "dmg.txt:1:1: too-damaged too many entries carry a diagnostic: 83.3% "
        "(25000 of 30000 entries), limit 50.0%"
    )
    assert "not listed" not in result.stderr


def test_a_baseline_covers_a_file_past_the_listing_limit(tmp_path: Path) -> None:
    _damaged_dump(tmp_path / "dmg.txt", 12_000, 11_000)
    written = run_cli("check", "--lenient", "--write-baseline", "b.json", "dmg.txt",
                      cwd=tmp_path)
    assert written.returncode == 0
    again = run_cli("check", "--baseline", "b.json", "dmg.txt", cwd=tmp_path)
    assert again.returncode == 0
    assert again.stderr.splitlines()[-1] == (
        "checked 1 file, 12000 papers: 0 findings; 11000 baselined, "
        "0 baseline entries no longer match"
    )
