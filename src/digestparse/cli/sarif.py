"""``check --format sarif``: one SARIF 2.1.0 log with one run, for GitHub code scanning and
other SARIF viewers. Every diagnostic code is a rule (id, short description, help text).
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..codes_help import HELP
from ..diagnostics import CODES
from ..model import Diagnostic
from .escape import display_name
from .guard import Guard
from .tally import Tally, not_listed
from .worker import FileResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
RULE_INDEX = {code: index for index, code in enumerate(CODES)}


def artifact_uri(name: str, is_stdin: bool) -> str:
    """A URI reference for an input: relative to the current directory, percent-encoded."""
    if is_stdin:
        return quote(name, safe="/")  # <stdin> becomes %3Cstdin%3E, as URIs require
    try:
        relative = os.path.relpath(name)
    except ValueError:  # on another drive (Windows): no relative form
        return pathlib.Path(name).absolute().as_uri()
    # The bytes of the name (undecodable ones too), percent-encoded.
    return quote(os.fsencode(relative.replace(os.sep, "/")), safe="/")


def rule(code: str) -> dict[str, Any]:
    return {
        "id": code,
        "shortDescription": {"text": CODES[code]},
        "fullDescription": {"text": HELP[code]},
        "help": {"text": HELP[code]},
        "defaultConfiguration": {"level": "error"},
    }


def physical_location(uri: str, index: int, diagnostic: Diagnostic | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if diagnostic is not None:
        location["region"] = {
            "startLine": diagnostic.line,
            "startColumn": diagnostic.column,
            "endLine": diagnostic.end_line,
        }
    return location


def sarif_log(
    results: Sequence[FileResult],
    guard: Guard,
    tally: Tally,
    summary: dict[str, Any],
    stdin_name: str | None,
) -> dict[str, Any]:
    """The SARIF log of a run (``stdin_name``: the name standard input was read under)."""
    artifacts: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    indexes: dict[str, int] = {}  # an input given twice is one artifact (they are unique)
    # The results carry names as they are shown (``display_name``), the option as given.
    shown_stdin = None if stdin_name is None else display_name(stdin_name)
    for result in results:
        uri = artifact_uri(result.name, result.name == shown_stdin)
        index = indexes.setdefault(uri, len(indexes))
        problem = result.internal_error or result.error
        if index == len(artifacts):
            artifact: dict[str, Any] = {"location": {"uri": uri}}
            if problem is None:
                artifact["properties"] = {"dialect": result.dialect}
            artifacts.append(artifact)
        if problem is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": problem},
                    "locations": [{"physicalLocation": physical_location(uri, index, None)}],
                }
            )
        omitted = result.omitted.total()
        if omitted:  # past the findings a file lists: counted in the summary, named here
            notifications.append(
                {
                    "level": "warning",
                    "message": {"text": not_listed(omitted)},
                    "locations": [{"physicalLocation": physical_location(uri, index, None)}],
                }
            )
        for diagnostic in result.findings:
            findings.append(
                {
                    "ruleId": diagnostic.code,
                    "ruleIndex": RULE_INDEX[diagnostic.code],
                    "level": guard.level(diagnostic.code),
                    "message": {"text": diagnostic.message},
                    "locations": [
                        {"physicalLocation": physical_location(uri, index, diagnostic)}
                    ],
                }
            )
    invocation: dict[str, Any] = {
        "executionSuccessful": not (tally.unreadable or tally.internal),
        "exitCode": summary["exit_code"],
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    properties: dict[str, Any] = {"mode": guard.mode, "summary": summary}
    statistics = guard.statistics()
    if statistics is not None:
        properties["statistics"] = statistics
    run = {
        "tool": {
            "driver": {
                "name": "digestparse",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule(code) for code in CODES],
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": findings,
        "properties": properties,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
