"""The output of ``check``: one line per finding (text or GitHub annotations), or one JSON
document; then the summary on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..model import Diagnostic
from .escape import escape_github_data, escape_github_property, escape_text, json_dumps
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
    level = "error" if args.mode == "strict" else "warning"
    findings: list[dict[str, Any]] = []
    for result in results:
        count_result(result, tally, progress)
        for diagnostic in result.findings:
            if args.format == "text":
                progress.clear()
                out.write(f"{escape_text(str(diagnostic))}\n")
            elif args.format == "github":
                progress.clear()
                out.write(github_line(diagnostic, level) + "\n")
            else:
                findings.append({**diagnostic.to_dict(), "severity": level})
    progress.clear()
    if args.format == "json":
        document = {
            "version": __version__,
            "mode": args.mode,
            "findings": findings,
            "files": tally.file_rows,
            "summary": {
                "files": tally.files,
                "papers": tally.papers,
                "findings": tally.findings,
                "not_checked": tally.unreadable + tally.internal,
                "exit_code": tally.exit_code(args.mode),
            },
        }
        out.write(json_dumps(document, indent=2) + "\n")
    out.flush()
    if not args.quiet:
        print(summary_line(tally, args.mode), file=sys.stderr)
