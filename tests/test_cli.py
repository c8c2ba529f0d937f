"""The command line, run as a real subprocess on the seed dumps and on damaged copies."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import digestparse
from cli_helpers import (
    FIXTURES,
    MISSING_SEPARATOR,
    SEED_PAPERS,
    SEEDS,
    TRAILING,
    damaged_dumps,
    one_paper_lines,
    run_cli,
    run_main,
    seed_lines,
    without_first_separator,
    write_lines,
)
from digestparse import wrapper
from digestparse.cli.escape import escape_github_data, escape_github_property

SEED_NAMES = [seed.name for seed in SEEDS]
CLEAN_SUMMARY = f"checked 5 files, {SEED_PAPERS} papers: 0 findings\n"
@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A directory with a good dump and two damaged ones."""
    return damaged_dumps(tmp_path)


def paper_schema() -> dict[str, object]:
    text = resources.files("digestparse").joinpath("schema/paper.schema.json").read_text()
    schema: dict[str, object] = json.loads(text)
    return schema


# --- check ------------------------------------------------------------------------------


def test_check_clean_seeds() -> None:
    result = run_cli("check", *SEED_NAMES, cwd=FIXTURES)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", CLEAN_SUMMARY)


def test_check_directory_is_searched_for_txt(tmp_path: Path) -> None:
    nested = tmp_path / "dumps" / "b"
    nested.mkdir(parents=True)
    shutil.copy(SEEDS[0], tmp_path / "dumps" / "z.txt")
    shutil.copy(SEEDS[1], nested / "a.txt")
    (tmp_path / "dumps" / "notes.md").write_text("not a dump")
    hidden = tmp_path / "dumps" / ".cache"
    hidden.mkdir()
    (hidden / "junk.txt").write_text("junk")
    result = run_cli("parse", "dumps", cwd=tmp_path)
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    # Sorted at each level, a directory's own files before its subdirectories.
    assert list(dict.fromkeys(sources)) == [
        os.path.join("dumps", "z.txt"),
        os.path.join("dumps", "b", "a.txt"),
    ]
    check = run_cli("check", "dumps", cwd=tmp_path)
    assert (check.returncode, check.stdout, check.stderr) == (
        0,
        "",
        "checked 2 files, 73 papers: 0 findings\n",
    )


def test_check_missing_separator(damaged: Path) -> None:
    result = run_cli("check", "no_sep.txt", cwd=damaged)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [MISSING_SEPARATOR]
    assert result.stderr == "checked 1 file, 25 papers: 1 finding\n"


def test_check_reports_every_finding_not_only_the_first(damaged: Path) -> None:
    result = run_cli("check", "trail.txt", cwd=damaged)
    assert result.returncode == 1
    assert result.stdout.splitlines() == TRAILING
    assert result.stderr == "checked 1 file, 25 papers: 2 findings\n"


def test_check_mix_of_good_and_damaged(damaged: Path) -> None:
    result = run_cli("check", "good.txt", "no_sep.txt", "trail.txt", cwd=damaged)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [MISSING_SEPARATOR, *TRAILING]
    assert result.stderr == "checked 3 files, 98 papers: 3 findings\n"


def test_check_lenient_reports_warnings_and_exits_zero(damaged: Path) -> None:
    result = run_cli("check", "--lenient", "trail.txt", cwd=damaged)
    assert result.returncode == 0
    assert result.stdout.splitlines() == TRAILING
    assert result.stderr == "checked 1 file, 25 papers: 2 warnings\n"


def test_check_ignore_and_select(damaged: Path) -> None:
    files = ("no_sep.txt", "trail.txt")
    ignored = run_cli("check", "--ignore", "trailing-whitespace", *files, cwd=damaged)
    assert ignored.returncode == 1
    assert ignored.stdout.splitlines() == [MISSING_SEPARATOR]
    selected = run_cli("check", "--select", "trailing-whitespace,junk", *files, cwd=damaged)
    assert selected.returncode == 1
    assert selected.stdout.splitlines() == TRAILING
    both = run_cli(
        "check", "--ignore", "trailing-whitespace", "--ignore=missing-separator", *files,
        cwd=damaged,
    )
    assert (both.returncode, both.stdout) == (0, "")
    assert both.stderr == "checked 2 files, 50 papers: 0 findings\n"


def test_check_quiet_keeps_findings_drops_summary(damaged: Path) -> None:
    result = run_cli("check", "-q", "no_sep.txt", cwd=damaged)
    assert (result.returncode, result.stdout, result.stderr) == (1, MISSING_SEPARATOR + "\n", "")


def test_check_github_format(damaged: Path) -> None:
    result = run_cli("check", "--format", "github", "no_sep.txt", "trail.txt", cwd=damaged)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=no_sep.txt,line=18,col=1::"
        "missing-separator metadata block has no '\u00b7' line",
        "::error file=trail.txt,line=13,col=60::trailing-whitespace trailing whitespace",
        "::error file=trail.txt,line=21,col=138::trailing-whitespace trailing whitespace",
    ]
    lenient = run_cli("check", "--lenient", "--format=github", "no_sep.txt", cwd=damaged)
    assert lenient.stdout.startswith("::warning file=no_sep.txt,line=18,col=1::")


def test_check_github_format_escapes_the_path(tmp_path: Path) -> None:
    without_first_separator(tmp_path / "a,b:c%.txt")
    result = run_cli("check", "--format", "github", "a,b:c%.txt", cwd=tmp_path)
    assert result.stdout.startswith("::error file=a%2Cb%3Ac%25.txt,line=18,col=1::")


def test_github_escaping_rules() -> None:
    assert escape_github_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad"
    assert escape_github_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad"


def test_check_json_format(damaged: Path) -> None:
    result = run_cli("check", "--format", "json", "good.txt", "no_sep.txt", "gone.txt", cwd=damaged)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert document["mode"] == "strict"
    assert document["findings"] == [
        {
            "source": "no_sep.txt",
            "line": 18,
            "column": 1,
            "end_line": 18,
            "code": "missing-separator",
            "message": "metadata block has no '\u00b7' line",
            "severity": "error",
        }
    ]
    assert [(f["path"], f["status"], f["papers"]) for f in document["files"]] == [
        ("good.txt", "clean", 48),
        ("no_sep.txt", "findings", 25),
        ("gone.txt", "not-checked", 0),
    ]
    assert document["summary"] == {
        "files": 2,
        "papers": 73,
        "findings": 1,
        "not_checked": 1,
        "exit_code": 2,
    }
    assert result.stderr.splitlines() == [
        "digestparse: cannot read gone.txt: No such file or directory",
        "checked 2 files, 73 papers: 1 finding; 1 file not checked",
    ]


# --- parse ------------------------------------------------------------------------------


def test_parse_jsonl_matches_expected_and_schema() -> None:
    result = run_cli("parse", *SEED_NAMES, cwd=FIXTURES)
    assert (result.returncode, result.stderr) == (0, "")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == SEED_PAPERS
    validator = jsonschema.Draft202012Validator(
        paper_schema(), format_checker=jsonschema.FormatChecker()
    )
    for record in records:
        validator.validate(record)
    for name in SEED_NAMES:
        expected = json.loads((FIXTURES / name).with_suffix(".expected.json").read_text())
        got = [
            {key: value for key, value in record.items() if key != "source"}
            for record in records
            if record["source"] == name
        ]
        assert got == expected["papers"]


def test_parse_json_is_one_array_of_the_same_records() -> None:
    jsonl = run_cli("parse", *SEED_NAMES, cwd=FIXTURES)
    as_json = run_cli("parse", "--format", "json", *SEED_NAMES, cwd=FIXTURES)
    assert as_json.returncode == 0
    records = json.loads(as_json.stdout)
    assert records == [json.loads(line) for line in jsonl.stdout.splitlines()]
    validator = jsonschema.Draft202012Validator(paper_schema())
    for record in records:
        validator.validate(record)


def test_parse_json_with_no_papers_is_an_empty_array(tmp_path: Path) -> None:
    write_lines(tmp_path / "header_only.txt", seed_lines(0)[:11])
    result = run_cli("parse", "--format", "json", "header_only.txt", cwd=tmp_path)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_parse_csv() -> None:
    result = run_cli("parse", "--format", "csv", SEED_NAMES[4], cwd=FIXTURES)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 50
    expected = json.loads(SEEDS[4].with_suffix(".expected.json").read_text())["papers"]
    assert [row["title"] for row in rows] == [paper["title"] for paper in expected]
    org = next(row for row in rows if row["organization"] == "LAMDA-NeSy NJU-IRP")
    assert (org["author_count"], org["date"], org["votes"], org["links"]) == (
        "",
        "2025-10-17",
        "6",
        "https://wnjxyk.github.io/RPC",
    )
    assert org["source"] == SEED_NAMES[4]


def test_parse_without_subcommand_is_parse() -> None:
    plain = run_cli(SEED_NAMES[0], cwd=FIXTURES)
    explicit = run_cli("parse", SEED_NAMES[0], cwd=FIXTURES)
    assert plain.returncode == 0
    assert plain.stdout == explicit.stdout
    assert len(plain.stdout.splitlines()) == 25


def test_a_file_named_like_a_command(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "check")
    result = run_cli("./check", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout.splitlines()[0])["source"] == "./check"


def test_parse_lenient_prints_diagnostics_on_stderr_and_keeps_papers(damaged: Path) -> None:
    result = run_cli("parse", "no_sep.txt", cwd=damaged)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 25
    assert result.stderr.splitlines() == [MISSING_SEPARATOR]


def test_parse_strict_withholds_papers_of_failing_files(damaged: Path) -> None:
    result = run_cli("parse", "--strict", "good.txt", "no_sep.txt", cwd=damaged)
    assert result.returncode == 1
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert sources == {"good.txt"}
    assert len(result.stdout.splitlines()) == 48
    assert result.stderr.splitlines() == [MISSING_SEPARATOR]


# --- stdin, jobs, options ---------------------------------------------------------------


def test_check_stdin(damaged: Path) -> None:
    data = (damaged / "no_sep.txt").read_bytes()
    result = run_cli("check", "-", stdin=data)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [MISSING_SEPARATOR.replace("no_sep.txt", "<stdin>")]
    named = run_cli("check", "--stdin-name", "today.txt", "-", stdin=data)
    assert named.stdout.startswith("today.txt:18:1: missing-separator")


def test_parse_stdin_between_files() -> None:
    result = run_cli("parse", SEED_NAMES[0], "-", SEED_NAMES[3], cwd=FIXTURES,
                     stdin=SEEDS[2].read_bytes())
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert list(dict.fromkeys(sources)) == [SEED_NAMES[0], "<stdin>", SEED_NAMES[3]]
    assert len(sources) == 25 + 51 + 59


def many_files(directory: Path, count: int) -> list[str]:
    """``count`` dumps, every third one damaged, so that --jobs splits them into chunks."""
    names = []
    for number in range(count):
        name = f"dump{number:03}.txt"
        if number % 3 == 0 and number % 5 != 3:  # seed 003 has no '·' line to delete
            without_first_separator(directory / name, index=number % 5)
        else:
            shutil.copy(SEEDS[number % 5], directory / name)
        names.append(name)
    return names


@pytest.mark.parametrize("command", ["check", "parse"])
def test_jobs_2_output_is_identical_to_jobs_1(tmp_path: Path, command: str) -> None:
    names = many_files(tmp_path, 60)
    one = run_cli(command, "--jobs", "1", *names, "missing.txt", cwd=tmp_path)
    two = run_cli(command, "--jobs", "2", *names, "missing.txt", cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert one.stdout  # findings (check) or papers (parse) were printed


def test_options_between_paths(damaged: Path) -> None:
    result = run_cli("check", "good.txt", "--format", "github", "no_sep.txt", "-q", cwd=damaged)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.startswith("::error file=no_sep.txt,line=18,col=1::")


def test_reference_date_spellings(damaged: Path) -> None:
    for spelling in ("2025-12-31", "31 Dec 2025", "December 31, 2025"):
        result = run_cli(
            "check", "good.txt", "--reference-date", spelling, cwd=damaged, reference=False
        )
        assert result.returncode == 0, spelling
    incomplete = run_cli(
        "check", "good.txt", "--reference-date", "Dec 31", cwd=damaged, reference=False
    )
    assert incomplete.returncode == 2
    assert "incomplete date: 'Dec 31'" in incomplete.stderr


def test_one_run_reads_the_clock_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two undated dumps dated "Jan 1", parsed by a run that crosses midnight on New Year's
    Eve: both are read as of the day the run started (2025-12-31, so 2025-01-01), not the
    second as of the next day (2026-01-01)."""
    lines = one_paper_lines()
    assert (lines[10], lines[18]) == ("Dec 12", "Nov 3")  # the page date, the paper's date
    lines[10] = lines[18] = "Jan 1"
    for name in ("a.txt", "b.txt"):
        write_lines(tmp_path / name, lines)
    readings = iter(
        [datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)]
    )
    after_midnight = datetime.datetime(2026, 1, 1, 0, 0, 1, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(wrapper, "_local_now", lambda: next(readings, after_midnight))
    status, out, err = run_main(
        "parse", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), reference=False
    )
    assert (status, err) == (0, b"")
    dates = [json.loads(line)["date"] for line in out.decode().splitlines()]
    assert dates == ["2025-01-01", "2025-01-01"]


def test_version_and_help() -> None:
    version = run_cli("--version", reference=False)
    assert (version.returncode, version.stdout) == (0, f"digestparse {digestparse.__version__}\n")
    for args in (["-h"], ["check", "-h"], ["parse", "--help"]):
        shown = run_cli(*args, reference=False)
        assert shown.returncode == 0
        assert "examples:" in shown.stdout
        assert "digestparse check" in shown.stdout


# --- usage errors and bad input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--select", "no-such-code", "x.txt"], "unknown code no-such-code"),
        (["check", "--jobs", "0", "x.txt"], "must be 1 or more"),
        (["check", "--format", "csv", "x.txt"], "invalid choice: 'csv'"),
        (["check", "--strict", "--lenient", "x.txt"], "not allowed with argument"),
        (["check"], "the following arguments are required: PATH"),
        (["check", "-", "-"], "standard input (-) can be given only once"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run_cli(*args, stdin=b"")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_no_arguments_is_a_usage_error() -> None:
    result = run_cli(reference=False)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: digestparse")


def test_nonexistent_file_among_good_ones(damaged: Path) -> None:
    result = run_cli("check", "good.txt", "nope.txt", "no_sep.txt", cwd=damaged)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [MISSING_SEPARATOR]
    assert result.stderr.splitlines() == [
        "digestparse: cannot read nope.txt: No such file or directory",
        "checked 2 files, 73 papers: 1 finding; 1 file not checked",
    ]


def test_directory_without_dumps(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("hello")
    shutil.copy(SEEDS[0], tmp_path / "good.txt")
    result = run_cli("check", "empty", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "digestparse: cannot check empty: directory has no *.txt files",
        "checked 1 file, 25 papers: 0 findings; 1 file not checked",
    ]


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    shutil.copy(SEEDS[0], tmp_path / "good.txt")
    result = run_cli("check", "image.txt", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "digestparse: cannot check image.txt: binary file (NUL byte at offset 8), "
        "not a text dump",
        "checked 1 file, 25 papers: 0 findings; 1 file not checked",
    ]


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    result = run_cli("check", "link.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "digestparse: cannot read link.txt: No such file or directory"
    )


def test_unreadable_file(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "good.txt")
    shutil.copy(SEEDS[0], tmp_path / "locked.txt")
    # chmod 0 does not stop root (CI runs as root), so the refusal is simulated in
    # the CLI's own process: opening locked.txt fails as it would without permission.
    program = (
        "import builtins, errno, sys, digestparse.cli as cli\n"
        "real_open = builtins.open\n"
        "def guarded_open(path, *args, **kwargs):\n"
        "    if str(path).endswith('locked.txt'):\n"
        "        raise PermissionError(errno.EACCES, 'Permission denied', str(path))\n"
        "    return real_open(path, *args, **kwargs)\n"
        "builtins.open = guarded_open\n"
        "sys.exit(cli.main(['check', 'locked.txt', 'good.txt', '--jobs', '1',\n"
        "                   '--reference-date', '2025-12-31']))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "digestparse: cannot read locked.txt: Permission denied"
    assert result.stderr.splitlines()[-1] == (
        "checked 1 file, 25 papers: 0 findings; 1 file not checked"
    )


@pytest.mark.parametrize(
    ("command", "summary"),
    [
        (["check"], "checked 0 files, 0 papers: 0 findings; 1 file not checked"),
        (["merge"], "checked 0 files, 0 papers: 0 warnings; 1 file not checked; 0 distinct papers"),
        (["check", "--series"], "checked 0 files, 0 papers: 0 findings; 1 file not checked"),
    ],
)
def test_internal_error_is_one_line_and_exit_3(
    tmp_path: Path, command: list[str], summary: str
) -> None:
    shutil.copy(SEEDS[0], tmp_path / "good.txt")
    # Simulate a bug in the parser: the CLI must not show a traceback.
    program = (
        "import sys, digestparse, digestparse.cli as cli, digestparse.cli.worker as worker\n"
        "def broken(*args, **kwargs):\n"
        "    raise digestparse.InternalError('no rule consumed line 7')\n"
        "worker.iter_papers = broken\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, *command, "good.txt", "--reference-date", "2025-12-31"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "digestparse: internal error on good.txt: no rule consumed line 7 "
        "(a bug in digestparse; please report it)",
        summary,
    ]


def open_writer_once_read(fifo: Path, timeout: float = 30) -> int:
    """Open ``fifo`` for writing as soon as someone opens it for reading."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_traceback(tmp_path: Path, jobs: str) -> None:
    names = many_files(tmp_path, 6)
    # Reading a FIFO that gets no data blocks, so the run is surely in progress
    # (in the main process, or in a worker that ignores Ctrl-C) when the signal comes.
    os.mkfifo(tmp_path / "stuck.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "digestparse", "check", "--jobs", jobs, *names, "stuck.txt",
         "--reference-date", "2025-12-31"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    writer = open_writer_once_read(tmp_path / "stuck.txt")
    try:
        os.killpg(process.pid, signal.SIGINT)  # like Ctrl-C: the whole process group
        _, stderr = process.communicate(timeout=30)
    finally:
        os.close(writer)
    assert process.returncode == 130
    assert stderr.decode().strip() == "digestparse: interrupted"
    if shutil.which("pgrep"):
        leftovers = subprocess.run(
            ["pgrep", "-g", str(process.pid)], capture_output=True, text=True, check=False
        )
        assert leftovers.stdout == ""


# --- progress ---------------------------------------------------------------------------


def stderr_on_a_terminal(args: list[str], cwd: Path) -> str:
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "digestparse", *args, "--reference-date", "2025-12-31"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed: the process is gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    process.wait(timeout=60)
    return b"".join(chunks).decode()


def test_progress_only_on_a_terminal_and_for_many_files(tmp_path: Path) -> None:
    names = many_files(tmp_path, 25)
    shown = stderr_on_a_terminal(["check", "--jobs", "2", *names], tmp_path)
    assert "digestparse: 25/25 files" in shown
    assert "checked 25 files" in shown
    quiet = stderr_on_a_terminal(["check", "--quiet", *names], tmp_path)
    assert "files" not in quiet
    few = stderr_on_a_terminal(["check", *names[:20]], tmp_path)
    assert "/20 files" not in few
    piped = run_cli("check", *names, cwd=tmp_path)
    assert "/25 files" not in piped.stderr
    assert "\r" not in piped.stderr


# --- pre-commit -------------------------------------------------------------------------


def test_pre_commit_hook(tmp_path: Path) -> None:
    """The hook, installed by pre-commit from this checkout (needs PyPI for the hook's venv)."""
    repo_root = Path(__file__).resolve().parents[1]
    assert (repo_root / ".git").exists(), "run the tests from a git checkout"
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(SEEDS[0], project / "good.txt")
    without_first_separator(project / "no_sep.txt")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo_root),
         "digestparse-check", "--all-files"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert MISSING_SEPARATOR in result.stdout
    assert "good.txt" not in result.stdout.split("Failed")[-1]
