"""``check`` for CI (issue 12): SARIF and JUnit read back by independent consumers,
--statistics, baselines and the expectations, run as a real subprocess."""

from __future__ import annotations

import datetime
import json
import os
import shutil
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml
from sarif_pydantic import Sarif

import digestparse
from ci_support import check_sarif, sarif_rows
from cli_helpers import (
    MISSING_SEPARATOR,
    TRAILING,
    damaged_dumps,
    run_cli,
    seed_lines,
    without_first_separator,
    write_lines,
)
from digestparse.cli.baseline import line_key
from digestparse.cli.expectations import damage_of
from digestparse.codes_help import HELP
from digestparse.diagnostics import CODES
from seeds import REFERENCE_DATE
from series_support import dated_copies


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """good.txt (seed 1, 48 papers), no_sep.txt (1 finding), trail.txt (2 findings)."""
    return damaged_dumps(tmp_path)


def test_every_code_has_help_text() -> None:
    assert set(HELP) == set(CODES)
    for code, text in HELP.items():
        assert text.strip() and text != CODES[code], code


# --- SARIF ----------------------------------------------------------------------------------

def test_sarif_strict(damaged: Path) -> None:
    result = run_cli(
        "check", "--format", "sarif", "good.txt", "no_sep.txt", "trail.txt", "gone.txt",
        cwd=damaged,
    )
    assert result.returncode == 2
    run = check_sarif(json.loads(result.stdout))
    assert sarif_rows(run) == [
        ("no_sep.txt", "missing-separator", 18, 1, 18, "error"),
        ("trail.txt", "trailing-whitespace", 13, 60, 13, "error"),
        ("trail.txt", "trailing-whitespace", 21, 138, 21, "error"),
    ]
    assert [artifact["location"]["uri"] for artifact in run["artifacts"]] == [
        "good.txt", "no_sep.txt", "trail.txt", "gone.txt",
    ]
    assert [a.get("properties") for a in run["artifacts"]] == [{"dialect": "text"}] * 3 + [None]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["message"]["text"] == "cannot read gone.txt: No such file or directory"
    assert run["properties"]["summary"]["findings"] == 3
    # The consumer reads the same findings.
    parsed = Sarif.model_validate(json.loads(result.stdout))
    assert [r.rule_id for r in parsed.runs[0].results or []] == [
        "missing-separator", "trailing-whitespace", "trailing-whitespace",
    ]


def test_sarif_lenient_levels_and_multiline_region(tmp_path: Path) -> None:
    lines = seed_lines(0)
    lines[11:11] = ["\u00b7", "", "\u00b7"]  # junk over lines 12-14, before the first title
    write_lines(tmp_path / "junk.txt", lines)
    result = run_cli("check", "--lenient", "--format=sarif", "junk.txt", cwd=tmp_path)
    assert result.returncode == 0
    run = check_sarif(json.loads(result.stdout))
    assert ("junk.txt", "junk", 12, 1, 14, "warning") in sarif_rows(run)
    assert {row[5] for row in sarif_rows(run)} == {"warning"}
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_uris_are_relative_to_the_current_directory(damaged: Path) -> None:
    dumps = damaged / "dumps"
    dumps.mkdir()
    shutil.move(damaged / "no_sep.txt", dumps / "no sep.txt")
    absolute = str(dumps / "no sep.txt")
    result = run_cli("check", "--format", "sarif", absolute, "dumps", cwd=damaged)
    run = check_sarif(json.loads(result.stdout))
    assert [row[0] for row in sarif_rows(run)] == ["dumps/no%20sep.txt"] * 2
    inside = run_cli("check", "--format", "sarif", "no sep.txt", cwd=dumps)
    assert sarif_rows(check_sarif(json.loads(inside.stdout)))[0][0] == "no%20sep.txt"


def test_sarif_standard_input(damaged: Path) -> None:
    data = (damaged / "no_sep.txt").read_bytes()
    result = run_cli("check", "--format", "sarif", "-", cwd=damaged, stdin=data)
    run = check_sarif(json.loads(result.stdout))
    # <stdin>, percent-encoded as a URI reference must be.
    assert sarif_rows(run) == [("%3Cstdin%3E", "missing-separator", 18, 1, 18, "error")]


def test_sarif_and_json_report_the_dialect(damaged: Path) -> None:
    capture = Path(__file__).parent / "fixtures" / "captures"
    markdown = sorted(capture.glob("03_*.txt"))[0]
    shutil.copy(markdown, damaged / "capture.md.txt")
    files = ("good.txt", "capture.md.txt")
    run = check_sarif(json.loads(run_cli("check", "--format", "sarif", *files,
                                         cwd=damaged).stdout))
    assert [a["properties"]["dialect"] for a in run["artifacts"]] == ["text", "markdown"]
    rows = json.loads(run_cli("check", "--format", "json", *files, cwd=damaged).stdout)["files"]
    assert [row["dialect"] for row in rows] == ["text", "markdown"]


# --- JUnit ----------------------------------------------------------------------------------


def test_junit_read_back_by_junitparser(damaged: Path) -> None:
    result = run_cli(
        "check", "--format", "junit", "good.txt", "no_sep.txt", "trail.txt", "gone.txt",
        cwd=damaged,
    )
    assert result.returncode == 2
    report = damaged / "report.xml"
    report.write_text(result.stdout, encoding="utf-8")
    xml = JUnitXml.fromfile(str(report))
    (suite,) = list(xml)
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (4, 2, 1, 0)
    cases = {case.name: case for case in suite}
    assert list(cases) == ["good.txt", "no_sep.txt", "trail.txt", "gone.txt"]
    assert cases["good.txt"].is_passed
    (failure,) = cases["trail.txt"].result
    assert isinstance(failure, Failure)
    assert failure.message == "2 findings"
    assert failure.text.splitlines() == TRAILING
    (one,) = cases["no_sep.txt"].result
    assert (one.message, one.text) == ("1 finding", MISSING_SEPARATOR)
    (error,) = cases["gone.txt"].result
    assert isinstance(error, Error)
    assert error.message == "cannot read gone.txt: No such file or directory"


def test_junit_lenient_warnings_pass(damaged: Path) -> None:
    result = run_cli("check", "--lenient", "--format", "junit", "trail.txt", cwd=damaged)
    assert result.returncode == 0
    (damaged / "r.xml").write_text(result.stdout, encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(damaged / "r.xml")))
    (case,) = list(suite)
    assert case.is_passed and suite.failures == 0
    assert case.system_out.splitlines() == [f"warning: {line}" for line in TRAILING]


# --- statistics -----------------------------------------------------------------------------


def test_statistics_text_and_json(damaged: Path) -> None:
    files = ("no_sep.txt", "trail.txt", "good.txt")
    text = run_cli("check", "--statistics", *files, cwd=damaged)
    assert text.stdout.splitlines() == [
        MISSING_SEPARATOR, *TRAILING, "2  trailing-whitespace", "1  missing-separator",
    ]
    assert text.returncode == 1
    document = json.loads(run_cli("check", "--statistics", "--format=json", *files,
                                  cwd=damaged).stdout)
    assert document["statistics"] == {"trailing-whitespace": 2, "missing-separator": 1}
    assert [row["dialect"] for row in document["files"]] == ["text"] * 3
    clean = run_cli("check", "--statistics", "good.txt", cwd=damaged)
    assert (clean.returncode, clean.stdout) == (0, "")
    sarif = run_cli("check", "--statistics", "--format=sarif", *files, cwd=damaged)
    run = check_sarif(json.loads(sarif.stdout))
    assert run["properties"]["statistics"] == {"trailing-whitespace": 2, "missing-separator": 1}
    junit = run_cli("check", "--statistics", "--format=junit", *files, cwd=damaged)
    (damaged / "r.xml").write_text(junit.stdout, encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(damaged / "r.xml")))
    properties = {p.name: p.value for p in suite.properties()}  # type: ignore[no-untyped-call]
    assert properties["statistics.trailing-whitespace"] == "2"
    assert properties["statistics.missing-separator"] == "1"


def test_statistics_width_follows_the_largest_count(tmp_path: Path) -> None:
    lines = seed_lines(0)
    papers = digestparse.parse("\n".join(lines), reference_date=REFERENCE_DATE).papers
    for paper in papers[:12]:  # twelve separate runs: a space after each of 12 titles
        lines[paper.line - 1] += " "
    without_first_separator(tmp_path / "no_sep.txt")
    write_lines(tmp_path / "t.txt", lines)
    result = run_cli("check", "--statistics", "t.txt", "no_sep.txt", cwd=tmp_path)
    assert result.stdout.splitlines()[-2:] == ["12  trailing-whitespace", " 1  missing-separator"]
    assert len(result.stdout.splitlines()) == 15


# --- baselines ------------------------------------------------------------------------------


def test_baseline_round_trip_and_inserted_lines(damaged: Path) -> None:
    written = run_cli("check", "--write-baseline", "base.json", "no_sep.txt", "trail.txt",
                      cwd=damaged)
    assert (written.returncode, written.stdout) == (0, "")
    assert written.stderr == (
        "checked 2 files, 50 papers: 0 findings; 3 findings written to baseline base.json\n"
    )
    document = json.loads((damaged / "base.json").read_text(encoding="utf-8"))
    assert document["any_file"] is False
    assert [(e["path"], e["code"], e["count"]) for e in document["findings"]] == [
        ("no_sep.txt", "missing-separator", 1),
        ("trail.txt", "trailing-whitespace", 1),
        ("trail.txt", "trailing-whitespace", 1),
    ]
    again = run_cli("check", "--baseline", "base.json", "no_sep.txt", "trail.txt", cwd=damaged)
    assert (again.returncode, again.stdout) == (0, "")
    assert again.stderr.endswith("0 findings; 3 baselined, 0 baseline entries no longer match\n")

    # Insert a paper above the damage and add one new finding further down.
    lines = (damaged / "trail.txt").read_text(encoding="utf-8").split("\n")
    lines[12:12] = ["An inserted title", "", "An inserted abstract, long enough.", ""]
    assert lines[16].endswith(" ")  # the old line 13 moved down by 4
    lines[30] += " "
    write_lines(damaged / "trail.txt", lines)
    shifted = run_cli("check", "--baseline", "base.json", "no_sep.txt", "trail.txt",
                      cwd=damaged)
    assert shifted.returncode == 1
    assert shifted.stdout.splitlines() == [f"trail.txt:31:{len(lines[30])}: "
                                           "trailing-whitespace trailing whitespace"]
    assert shifted.stderr.endswith("1 finding; 3 baselined, 0 baseline entries no longer match\n")


def test_baseline_counts_identical_lines_and_stale_entries(damaged: Path) -> None:
    # Two identical damaged lines: the fingerprint counts them.
    lines = seed_lines(0)
    lines[12] += " "
    title = lines[12]
    assert lines[19:21] == ["", lines[20]] and lines[28 - 1] == ""  # titles on lines 21, 29
    lines[20] = title  # the second paper gets the same (damaged) title
    write_lines(damaged / "same.txt", lines)
    base = run_cli("check", "--write-baseline", "b.json", "same.txt", cwd=damaged)
    assert base.returncode == 0
    document = json.loads((damaged / "b.json").read_text(encoding="utf-8"))
    entry = {"code": "trailing-whitespace", "count": 2, "line": title, "path": "same.txt"}
    assert entry in document["findings"]
    # One of the two is repaired: one entry is stale, nothing new.
    lines[20] = title.rstrip()
    write_lines(damaged / "same.txt", lines)
    fixed = run_cli("check", "--baseline", "b.json", "same.txt", cwd=damaged)
    assert fixed.returncode == 0
    assert fixed.stderr == (
        "checked 1 file, 25 papers: 0 findings; 1 baselined, 1 baseline entry no longer matches\n"
    )
    # A third copy is new.
    lines[20] = title
    lines[28] = title
    write_lines(damaged / "same.txt", lines)
    third = run_cli("check", "--baseline", "b.json", "same.txt", cwd=damaged)
    assert third.returncode == 1
    assert third.stdout.splitlines() == [
        f"same.txt:29:{len(title)}: trailing-whitespace trailing whitespace"
    ]


def test_baseline_file_is_sorted_and_stable(damaged: Path) -> None:
    run_cli("check", "--write-baseline", "a.json", "trail.txt", "no_sep.txt", cwd=damaged)
    run_cli("check", "--write-baseline", "b.json", "no_sep.txt", "trail.txt", "-j", "2",
            cwd=damaged)
    text = (damaged / "a.json").read_text(encoding="utf-8")
    assert text == (damaged / "b.json").read_text(encoding="utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    keys = [(e["path"], e["code"], e["line"]) for e in document["findings"]]
    assert keys == sorted(keys)


def test_baseline_any_file_serves_a_series(damaged: Path) -> None:
    shutil.copy(damaged / "no_sep.txt", damaged / "day2.txt")
    run_cli("check", "--write-baseline", "any.json", "--baseline-any-file", "no_sep.txt",
            cwd=damaged)
    document = json.loads((damaged / "any.json").read_text(encoding="utf-8"))
    assert document == {
        "any_file": True,
        "digestparse_baseline": 1,
        "findings": [{"code": "missing-separator", "count": 1, "line": "Nov 3"}],
    }
    series = run_cli("check", "--baseline", "any.json", "no_sep.txt", "day2.txt", cwd=damaged)
    assert (series.returncode, series.stdout) == (0, "")
    assert series.stderr.endswith("2 baselined, 0 baseline entries no longer match\n")
    # A path baseline matches only its own path, unless --baseline-any-file.
    run_cli("check", "--write-baseline", "path.json", "no_sep.txt", cwd=damaged)
    other = run_cli("check", "--baseline", "path.json", "day2.txt", cwd=damaged)
    assert other.returncode == 1
    assert other.stderr.endswith("0 baselined, 0 baseline entries no longer match\n")
    anywhere = run_cli("check", "--baseline", "path.json", "--baseline-any-file", "day2.txt",
                       cwd=damaged)
    assert anywhere.returncode == 0
    # The same file by another spelling of its path is the same path.
    for spelling in ("./no_sep.txt", str(damaged / "no_sep.txt")):
        same = run_cli("check", "--baseline", "path.json", spelling, cwd=damaged)
        assert (same.returncode, same.stdout) == (0, "")


def test_baseline_long_lines_are_abbreviated() -> None:
    assert line_key("short line ") == "short line "
    long = "x" * 150
    key = line_key(long)
    assert key.startswith("x" * 60 + "\u2026 sha256:") and len(key) < 100
    assert line_key(long + "y") != key


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not JSON"),
        ('{"findings": []}', "is not a digestparse baseline"),
        ('{"digestparse_baseline": 1, "any_file": false, "findings": [{"code": "nope"}]}',
         "finding 1 is malformed"),
    ],
)
def test_bad_baseline_is_a_usage_error(damaged: Path, content: str, message: str) -> None:
    (damaged / "bad.json").write_text(content, encoding="utf-8")
    result = run_cli("check", "--baseline", "bad.json", "no_sep.txt", cwd=damaged)
    assert result.returncode == 2
    assert message in result.stderr
    missing = run_cli("check", "--baseline", "none.json", "no_sep.txt", cwd=damaged)
    assert missing.returncode == 2 and "cannot read baseline none.json" in missing.stderr
    lonely = run_cli("check", "--baseline-any-file", "no_sep.txt", cwd=damaged)
    assert lonely.returncode == 2 and "needs --baseline or --write-baseline" in lonely.stderr


# --- expectations ---------------------------------------------------------------------------


def test_expect_page_date(damaged: Path) -> None:
    good = run_cli("check", "--expect-page-date", "2025-11-07", "good.txt", cwd=damaged)
    assert (good.returncode, good.stdout) == (0, "")
    wrong = run_cli("check", "--expect-page-date", "2025-11-08", "good.txt", cwd=damaged)
    assert wrong.returncode == 1
    assert wrong.stdout == (
        "good.txt:11:1: page-date-mismatch the page date is not the expected day: "
        "Nov 7, expected 2025-11-08\n"
    )
    lenient = run_cli("check", "--lenient", "--expect-page-date", "2025-11-08", "good.txt",
                      cwd=damaged)
    assert (lenient.returncode, lenient.stdout) == (0, wrong.stdout)
    # The page date shows no year: whatever year --reference-date gives it, the day matches.
    for reference in ("2026-11-07", "2030-01-01"):
        other_year = run_cli("check", "--reference-date", reference, "--expect-page-date",
                             "2025-11-07", "good.txt", cwd=damaged, reference=False)
        assert (other_year.returncode, other_year.stdout) == (0, "")


def test_expect_page_date_without_a_page_date(tmp_path: Path) -> None:
    lines = seed_lines(0)
    assert lines[10] == "Dec 12"
    del lines[10:12]  # no page date: the byline (line 9) is the header's last line
    write_lines(tmp_path / "undated.txt", lines)
    result = run_cli("check", "--select", "page-date-mismatch", "--expect-page-date",
                     "2025-12-12", "undated.txt", cwd=tmp_path)
    assert result.stdout == (
        "undated.txt:9:1: page-date-mismatch the page date is not the expected day: "
        "no page date, expected 2025-12-12\n"
    )


def test_expect_page_date_today(tmp_path: Path) -> None:
    today = datetime.date.today()
    lines = seed_lines(0)
    lines[10] = today.strftime("%b ") + str(today.day)
    write_lines(tmp_path / "today.txt", lines)
    result = run_cli("check", "--select", "page-date-mismatch", "--expect-page-date", "today",
                     "today.txt", cwd=tmp_path, reference=False)
    assert (result.returncode, result.stdout) == (0, "")
    lines[10] = (today - datetime.timedelta(days=1)).strftime("%b %d").replace(" 0", " ")
    write_lines(tmp_path / "today.txt", lines)
    stale = run_cli("check", "--select", "page-date-mismatch", "--expect-page-date", "today",
                    "today.txt", cwd=tmp_path, reference=False)
    assert stale.returncode == 1
    assert f"expected {today.isoformat()}" in stale.stdout


def test_min_papers(damaged: Path) -> None:
    enough = run_cli("check", "--min-papers", "48", "good.txt", cwd=damaged)
    assert (enough.returncode, enough.stdout) == (0, "")
    short = run_cli("check", "--min-papers", "49", "good.txt", cwd=damaged)
    assert (short.returncode, short.stdout) == (
        1, "good.txt:1:1: too-few-papers fewer papers than expected: 48, expected at least 49\n"
    )


def test_max_damaged_fails_even_lenient(damaged: Path) -> None:
    # trail.txt: 2 of its 25 papers carry a finding (8.0 %).
    within = run_cli("check", "--lenient", "--max-damaged", "8", "trail.txt", cwd=damaged)
    assert within.returncode == 0
    assert within.stderr == (
        "checked 1 file, 25 papers: 2 warnings; 8.0% of entries damaged (limit 8.0%)\n"
    )
    above = run_cli("check", "--lenient", "--max-damaged", "7.9", "trail.txt", cwd=damaged)
    assert above.returncode == 1
    assert above.stdout.splitlines()[0] == (
        "trail.txt:1:1: too-damaged too many entries carry a diagnostic: 8.0% "
        "(2 of 25 entries), limit 7.9%"
    )
    assert above.stderr.endswith("; 8.0% of entries damaged (limit 7.9%)\n")
    sarif = run_cli("check", "--lenient", "--max-damaged", "7.9", "--format", "sarif",
                    "trail.txt", cwd=damaged)
    levels = {row[1]: row[5] for row in sarif_rows(check_sarif(json.loads(sarif.stdout)))}
    assert levels == {"too-damaged": "error", "trailing-whitespace": "warning"}
    github = run_cli("check", "--lenient", "--max-damaged", "7.9", "--format", "github",
                     "trail.txt", cwd=damaged)
    assert [line.split(" ")[0] for line in github.stdout.splitlines()] == [
        "::error", "::warning", "::warning",
    ]
    report = damaged / "r.xml"
    junit = run_cli("check", "--lenient", "--max-damaged", "7.9", "--format", "junit",
                    "trail.txt", cwd=damaged)
    report.write_text(junit.stdout, encoding="utf-8")
    (case,) = list(next(iter(JUnitXml.fromfile(str(report)))))
    (failure,) = case.result
    assert failure.message == "1 finding" and "too-damaged" in failure.text


def test_damage_counts_touched_papers_and_junk_blocks() -> None:
    lines = seed_lines(0)
    lines[12:12] = ["\u00b7", ""]  # one junk block (line 13) before the first paper
    lines[14] += " "  # trailing whitespace on the first title (now line 15)
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE_DATE)
    codes = sorted(d.code for d in digest.diagnostics)
    assert codes == ["junk", "trailing-whitespace"]
    damage = damage_of(digest.papers, digest.diagnostics)
    assert (damage.damaged, damage.entries) == (2, 26)  # the first paper and the junk block


# --- documents stay valid for any input -----------------------------------------------------


def test_hostile_file_names_keep_documents_valid(tmp_path: Path) -> None:
    name = os.fsdecode(b"evil\x1b[31m\x01\xff.txt")
    without_first_separator(tmp_path / name)
    as_json = run_cli("check", "--format", "json", name, cwd=tmp_path)
    document = json.loads(as_json.stdout)
    assert document["findings"][0]["source"] == "evil\x1b[31m\x01\\xff.txt"
    sarif = run_cli("check", "--format", "sarif", name, cwd=tmp_path)
    run = check_sarif(json.loads(sarif.stdout))
    # The name as shown everywhere (the undecodable byte as the text \xff), percent-encoded.
    assert sarif_rows(run)[0][0] == "evil%1B%5B31m%01%5Cxff.txt"
    junit = run_cli("check", "--format", "junit", name, cwd=tmp_path)
    (tmp_path / "r.xml").write_bytes(junit.stdout.encode("utf-8"))
    (suite,) = list(JUnitXml.fromfile(str(tmp_path / "r.xml")))
    (case,) = list(suite)
    assert case.name == "evil\\x1b[31m\\x01\\xff.txt"
    # A baseline keeps the name as shown, in a UTF-8 file.
    assert run_cli("check", "--write-baseline", "b.json", name, cwd=tmp_path).returncode == 0
    text = (tmp_path / "b.json").read_bytes().decode("utf-8")
    assert '"path": "evil\\u001b[31m\\u0001\\\\xff.txt"' in text
    again = run_cli("check", "--baseline", "b.json", name, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")


def test_expectations_are_never_baselined(damaged: Path) -> None:
    written = run_cli("check", "--write-baseline", "b.json", "--min-papers", "30", "no_sep.txt",
                      cwd=damaged)
    assert written.returncode == 1
    assert written.stdout == (
        "no_sep.txt:1:1: too-few-papers fewer papers than expected: 25, expected at least 30\n"
    )
    document = json.loads((damaged / "b.json").read_text(encoding="utf-8"))
    assert [entry["code"] for entry in document["findings"]] == ["missing-separator"]
    checked = run_cli("check", "--baseline", "b.json", "--min-papers", "30", "no_sep.txt",
                      cwd=damaged)
    assert (checked.returncode, checked.stdout) == (1, written.stdout)


def test_unwritable_baseline_is_exit_2(damaged: Path) -> None:
    result = run_cli("check", "--write-baseline", "no/such/dir/b.json", "no_sep.txt",
                     cwd=damaged)
    assert result.returncode == 2
    assert "digestparse: cannot write baseline no/such/dir/b.json: No such file or directory" in (
        result.stderr
    )


def test_series_check_with_baseline_and_expectations(tmp_path: Path) -> None:
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    first = sorted(dated_copies(dumps).values())[0]
    lines = first.read_text(encoding="utf-8").split("\n")
    lines[12] += " "
    write_lines(first, lines)
    written = run_cli("check", "--series", "dumps", "--write-baseline", "b.json", cwd=tmp_path)
    # The series' own findings (missing captures) are checked anew, never recorded.
    assert written.returncode == 1
    assert {line.split(" ")[1] for line in written.stdout.splitlines()} == {"missing-capture"}
    document = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"]) for e in document["findings"]] == [
        (f"dumps/{first.name}", "trailing-whitespace")
    ]
    sarif = run_cli("check", "--series", "dumps", "--baseline", "b.json", "--min-papers", "40",
                    "--format", "sarif", cwd=tmp_path)
    run = check_sarif(json.loads(sarif.stdout))
    codes = {row[1] for row in sarif_rows(run)}
    assert codes == {"missing-capture", "too-few-papers"}
    assert run["properties"]["summary"]["baselined"] == 1
