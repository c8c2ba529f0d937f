"""The CI examples of docs/cli.md, run: each block marked ``<!-- tested: NAME -->`` holds
``digestparse`` commands whose output (and written files) must be what the page shows."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from junitparser import JUnitXml

from ci_support import check_sarif, sarif_rows
from cli_helpers import SEEDS, run_cli, with_trailing_spaces, without_first_separator
from digestparse import __version__

DOC = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
#: A marker, its fenced block, and the fenced block right after it (if any).
_TESTED = re.compile(
    r"<!-- tested: ([a-z-]+) -->\n```(\w+)\n(.*?)```\n"
    r"(?:\n(?:(?!```)[^\n]*\n\n)?```(\w+)\n(.*?)```)?",
    re.DOTALL,
)


def _blocks() -> dict[str, tuple[str, str, str | None]]:
    blocks = {}
    for match in _TESTED.finditer(DOC):
        name, language, body, _, following = match.groups()
        assert name not in blocks, f"two blocks named {name}"
        blocks[name] = (language, body, following)
    return blocks


BLOCKS = _blocks()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The directory the examples run in: dumps/ with good.txt, no_sep.txt and trail.txt."""
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    shutil.copy(SEEDS[1], dumps / "good.txt")
    without_first_separator(dumps / "no_sep.txt")
    with_trailing_spaces(dumps / "trail.txt")
    return tmp_path


def run_command(line: str, cwd: Path) -> tuple[int, str]:
    """Run one documented ``digestparse ...`` command line; its exit status and console text
    (stdout unless redirected with ``> FILE``, then stderr, as a terminal shows them)."""
    words = shlex.split(line)
    assert words[0] == "digestparse", line
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    result = run_cli(*words[1:], cwd=cwd, reference=False)
    if target is not None:
        (cwd / target).write_text(result.stdout, encoding="utf-8")
        return result.returncode, result.stderr
    return result.returncode, result.stdout + result.stderr


def run_console(body: str, cwd: Path) -> list[int]:
    """Run every ``$ digestparse`` line of a console block; compare the output shown."""
    statuses = []
    for chunk in body.split("$ ")[1:]:
        command, _, shown = chunk.partition("\n")
        status, output = run_command(command, cwd)
        assert output == shown, command
        statuses.append(status)
    return statuses


def test_every_tested_block_is_found() -> None:
    assert set(BLOCKS) == {
        "sarif", "junit", "statistics", "baseline", "expectations", "github-sarif",
        "gitlab-junit",
    }


def without_version(log: dict[str, Any]) -> dict[str, Any]:
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["version"] == driver["semanticVersion"]
    driver["version"] = driver["semanticVersion"] = "VERSION"
    return log


def test_sarif_sample(project: Path) -> None:
    language, body, following = BLOCKS["sarif"]
    assert language == "console" and following is not None
    assert run_console(body, project) == [1]
    log = json.loads((project / "digestparse.sarif").read_text(encoding="utf-8"))
    check_sarif(log)
    assert log["runs"][0]["tool"]["driver"]["version"] == __version__
    shown = json.loads(following)
    # The page shows only the rules the results use; the log has all of them.
    shown_ids = [rule["id"] for rule in shown["runs"][0]["tool"]["driver"]["rules"]]
    driver = log["runs"][0]["tool"]["driver"]
    driver["rules"] = [rule for rule in driver["rules"] if rule["id"] in shown_ids]
    assert without_version(log) == without_version(shown)


@pytest.mark.parametrize("name", ["junit", "statistics", "expectations"])
def test_console_samples(project: Path, name: str) -> None:
    language, body, _ = BLOCKS[name]
    assert language == "console"
    assert run_console(body, project) == [1]


def test_baseline_sample(project: Path) -> None:
    language, body, following = BLOCKS["baseline"]
    assert language == "console" and following is not None
    assert run_console(body, project) == [0, 0]
    written = (project / "digestparse-baseline.json").read_text(encoding="utf-8")
    assert written == following


def ci_commands(name: str) -> list[str]:
    language, body, _ = BLOCKS[name]
    assert language == "yaml"
    commands = [line.split("- run: ", 1)[-1].split("- ", 1)[-1].strip()
                for line in body.splitlines() if "digestparse check" in line]
    assert len(commands) == 1
    return commands


def write_baseline(project: Path) -> None:
    _, body, _ = BLOCKS["baseline"]
    write = next(line for line in body.splitlines() if "--write-baseline" in line)
    assert run_command(write.removeprefix("$ "), project)[0] == 0


def add_new_damage(project: Path) -> None:
    """One more finding: the first separator of good.txt (seed 1) goes, as in no_sep.txt."""
    without_first_separator(project / "dumps" / "good.txt", index=1)


def test_github_sarif_job(project: Path) -> None:
    (command,) = ci_commands("github-sarif")
    assert "--format sarif" in command and command.endswith("> digestparse.sarif")
    write_baseline(project)
    status, stderr = run_command(command, project)
    assert status == 0
    log = json.loads((project / "digestparse.sarif").read_text(encoding="utf-8"))
    run = check_sarif(log)
    assert run["results"] == []
    assert run["properties"]["summary"]["baselined"] == 3
    assert stderr.endswith("0 findings; 3 baselined, 0 baseline entries no longer match\n")
    add_new_damage(project)
    status, _ = run_command(command, project)
    assert status == 1
    run = check_sarif(json.loads((project / "digestparse.sarif").read_text(encoding="utf-8")))
    assert [row[:3] for row in sarif_rows(run)] == [("dumps/good.txt", "missing-separator", 18)]


def test_gitlab_junit_job(project: Path) -> None:
    (command,) = ci_commands("gitlab-junit")
    assert "--format junit" in command and command.endswith("> digestparse-junit.xml")
    report = project / "digestparse-junit.xml"
    assert "junit: digestparse-junit.xml" in BLOCKS["gitlab-junit"][1]
    write_baseline(project)
    assert run_command(command, project)[0] == 0
    (suite,) = list(JUnitXml.fromfile(str(report)))
    assert (suite.tests, suite.failures, suite.errors) == (3, 0, 0)
    add_new_damage(project)
    assert run_command(command, project)[0] == 1
    (suite,) = list(JUnitXml.fromfile(str(report)))
    assert (suite.tests, suite.failures, suite.errors) == (3, 1, 0)
    failed = [case for case in suite if not case.is_passed]
    assert [case.name for case in failed] == ["dumps/good.txt"]
    assert failed[0].result[0].message == "1 finding"
