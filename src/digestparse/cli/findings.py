"""The output of ``check``: one line per finding (text or GitHub annotations), or one
document (JSON, SARIF, JUnit XML); then the summary on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..model import Diagnostic
from .ci_options import CI_FORMATS
from .escape import escape_github_data, escape_github_property, escape_text, json_dumps
from .guard import Guard
from .inputs import STDIN
from .progress import Progress
from .tally import Tally, count_result, summary_line
from .worker import FileResult


def github_line(diagnostic: Diagnostic, level: str) -> str:
    return (
        f"::{level} file={escape_github_property(escape_text(diagnostic.source))},"
        f"line={diagnostic.line},col={diagnostic.column}::"
        f"{escape_github_data(escape_text(f'{diagnostic.code} {diagnostic.message}'))}"
    )


def run_check(
    results: Iterable[FileResult], args: argparse.Namespace, tally: Tally, progress: Progress
) -> None:
    out = sys.stdout
    guard = Guard(args, getattr(args, "loaded_baseline", None))
    findings: list[dict[str, Any]] = []
    kept: list[FileResult] = []  # for the SARIF and JUnit documents
    for result in results:
        guard.take(result, tally)
        count_result(result, tally, progress)
        checked = not (result.error or result.internal_error)
        tally.file_rows[-1]["dialect"] = result.dialect if checked else None
        if args.format in CI_FORMATS:
            kept.append(result)
        for diagnostic in result.findings:
            if args.format == "text":
                progress.clear()
                out.write(f"{escape_text(str(diagnostic))}\n")
            elif args.format == "github":
                progress.clear()
                out.write(github_line(diagnostic, guard.level(diagnostic.code)) + "\n")
            elif args.format == "json":
                findings.append({**diagnostic.to_dict(), "severity": guard.level(diagnostic.code)})
    progress.clear()
    guard.finish()
    summary = {
        "files": tally.files,
        "papers": tally.papers,
        "findings": tally.findings,
        "not_checked": tally.unreadable + tally.internal,
        "exit_code": tally.exit_code(args.mode),
        **guard.summary_fields(),
    }
    if args.format == "json":
        document = {
            "version": __version__,
            "mode": args.mode,
            "findings": findings,
            "files": tally.file_rows,
            "summary": summary,
        }
        statistics = guard.statistics()
        if statistics is not None:
            document["statistics"] = statistics
        out.write(json_dumps(document, indent=2) + "\n")
    elif args.format == "sarif":
        from .sarif import sarif_log

        stdin_name = args.stdin_name if STDIN in args.paths else None
        log = sarif_log(kept, guard, tally, summary, stdin_name)
        out.write(json_dumps(log, indent=2) + "\n")
    elif args.format == "junit":
        from .junit import junit_xml

        out.write(junit_xml(kept, guard, summary))
    else:
        out.write(guard.statistics_text())
    out.flush()
    if not args.quiet:
        print(summary_line(tally, args.mode) + guard.summary_suffix(), file=sys.stderr)
