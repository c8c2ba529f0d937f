"""The output of ``check``: one line per finding (text or GitHub annotations), or one JSON
document; then the summary on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..model import Diagnostic
from .progress import Progress
from .tally import Tally, count_result, summary_line
from .worker import FileResult


def escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(diagnostic: Diagnostic, level: str) -> str:
    return (
        f"::{level} file={escape_github_property(diagnostic.source)},"
        f"line={diagnostic.line},col={diagnostic.column}::"
        f"{escape_github_data(f'{diagnostic.code} {diagnostic.message}')}"
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
                out.write(f"{diagnostic}\n")
            elif args.format == "github":
                progress.clear()
                out.write(github_line(diagnostic, level) + "\n")
            else:
                findings.append({**diagnostic.to_dict(), "severity": level})
    progress.clear()
    if args.format == "json":
        import json  # only this format needs it

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
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    if not args.quiet:
        print(summary_line(tally, args.mode), file=sys.stderr)
