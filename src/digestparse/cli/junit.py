"""``check --format junit``: a JUnit XML report (GitLab, Jenkins and other CI test reports).

One ``<testsuite>`` for the run and one ``<testcase>`` per input. A file whose findings fail
the check gets one ``<failure>`` (the common JUnit schema allows one per testcase): its
message counts them, its text lists them as ``path:line:col: CODE message``. Warnings
(--lenient) that do not fail are listed in ``<system-out>``; an input that could not be
checked gets an ``<error>``. Every text goes through ``escape.escape_xml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Diagnostic
from .escape import escape_xml
from .guard import FAILING_CODES, Guard
from .tally import not_listed, plural
from .worker import FileResult

SUITE_NAME = "digestparse check"


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f' {key}="{escape_xml(value)}"' for key, value in attributes.items())


def _element(indent: str, tag: str, attributes: dict[str, str], lines: Sequence[str]) -> str:
    """One element on its own line; its text is ``lines``, each escaped on its own."""
    if not lines:
        return f"{indent}<{tag}{_attributes(attributes)} />\n"
    text = "\n".join(escape_xml(line) for line in lines)
    return f"{indent}<{tag}{_attributes(attributes)}>{text}</{tag}>\n"


def testcase(result: FileResult, strict: bool) -> tuple[str, str | None]:
    """The testcase of one input, and ``"failure"`` or ``"error"`` when it is not a pass."""
    attributes = {"name": result.name, "classname": "digestparse", "file": result.name}
    inner = "      "
    problem = result.internal_error or result.error
    children: list[str] = []
    outcome = None
    if problem is not None:
        error = {"message": problem, "type": "not-checked"}
        children.append(_element(inner, "error", error, [problem]))
        outcome = "error"
    failing: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for diagnostic in result.findings:
        fails = strict or diagnostic.code in FAILING_CODES
        (failing if fails else warnings).append(diagnostic)
    # Findings past the ones a file lists (MAX_FINDINGS) count in the message too.
    omitted = result.omitted
    failing_omitted = sum(n for code, n in omitted.items() if strict or code in FAILING_CODES)
    warnings_omitted = omitted.total() - failing_omitted
    if failing or failing_omitted:
        failure = {"message": plural(len(failing) + failing_omitted, "finding"),
                   "type": "digestparse"}
        lines = [str(d) for d in failing]
        if failing_omitted:
            lines.append(not_listed(failing_omitted))
        children.append(_element(inner, "failure", failure, lines))
        outcome = "failure"
    if warnings or warnings_omitted:
        lines = [f"warning: {d}" for d in warnings]
        if warnings_omitted:
            lines.append(f"warning: {not_listed(warnings_omitted)}")
        children.append(_element(inner, "system-out", {}, lines))
    if not children:
        return _element("    ", "testcase", attributes, []), outcome
    return (
        f"    <testcase{_attributes(attributes)}>\n{''.join(children)}    </testcase>\n",
        outcome,
    )


def junit_xml(results: Sequence[FileResult], guard: Guard, summary: dict[str, Any]) -> str:
    properties = [("mode", guard.mode)]
    properties += [(f"summary.{key}", str(value)) for key, value in summary.items()]
    properties += [
        (f"statistics.{code}", str(count)) for code, count in (guard.statistics() or {}).items()
    ]
    counts = {"failure": 0, "error": 0}
    cases = []
    for result in results:
        case, outcome = testcase(result, guard.mode == "strict")
        if outcome is not None:
            counts[outcome] += 1
        cases.append(case)
    totals = {
        "tests": str(len(results)),
        "failures": str(counts["failure"]),
        "errors": str(counts["error"]),
        "skipped": "0",
    }
    return "".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            f"<testsuites{_attributes({'name': SUITE_NAME, **totals})}>\n",
            f"  <testsuite{_attributes({'name': SUITE_NAME, **totals})}>\n",
            "    <properties>\n",
            *(_element("      ", "property", {"name": name, "value": value}, [])
              for name, value in properties),
            "    </properties>\n",
            *cases,
            "  </testsuite>\n",
            "</testsuites>\n",
        ]
    )
