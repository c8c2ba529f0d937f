"""``check --format junit``: a JUnit XML report (GitLab, Jenkins and other CI test reports).

One ``<testsuite>`` for the run and one ``<testcase>`` per input. A file whose findings fail
the check gets one ``<failure>`` (the common JUnit schema allows one per testcase): its
message counts them, its text lists them as ``path:line:col: CODE message``. Warnings
(--lenient) that do not fail are listed in ``<system-out>``; an input that could not be
checked gets an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from typing import Any

from ..model import Diagnostic
from .documents import xml_text
from .expectations import FAILING_CODES
from .guard import Guard
from .tally import plural
from .worker import FileResult

SUITE_NAME = "digestparse check"


def _element(tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.Element(tag, {key: xml_text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def testcase(result: FileResult, strict: bool) -> tuple[ElementTree.Element, str | None]:
    """The testcase of one input, and ``"failure"`` or ``"error"`` when it is not a pass."""
    case = _element("testcase", name=result.name, classname="digestparse", file=result.name)
    problem = result.internal_error or result.error
    if problem is not None:
        case.append(_element("error", problem, message=problem, type="not-checked"))
        return case, "error"
    failing: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for diagnostic in result.findings:
        fails = strict or diagnostic.code in FAILING_CODES
        (failing if fails else warnings).append(diagnostic)
    if failing:
        text = "\n".join(str(d) for d in failing)
        case.append(_element("failure", text, message=plural(len(failing), "finding"),
                             type="digestparse"))
    if warnings:
        case.append(_element("system-out", "\n".join(f"warning: {d}" for d in warnings)))
    return case, "failure" if failing else None


def junit_xml(
    results: Sequence[FileResult], guard: Guard, summary: dict[str, Any]
) -> str:
    suite = _element("testsuite", name=SUITE_NAME)
    properties = _element("properties")
    properties.append(_element("property", name="mode", value=guard.mode))
    for key, value in summary.items():
        properties.append(_element("property", name=f"summary.{key}", value=str(value)))
    for code, count in (guard.statistics() or {}).items():
        properties.append(_element("property", name=f"statistics.{code}", value=str(count)))
    suite.append(properties)
    counts = {"failure": 0, "error": 0}
    for result in results:
        case, outcome = testcase(result, guard.mode == "strict")
        if outcome is not None:
            counts[outcome] += 1
        suite.append(case)
    totals = {
        "tests": str(len(results)),
        "failures": str(counts["failure"]),
        "errors": str(counts["error"]),
        "skipped": "0",
    }
    suite.attrib.update(totals)
    root = _element("testsuites", name=SUITE_NAME, **totals)
    root.append(suite)
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
