"""The exit statuses of ``digestparse`` (docs/cli.md lists them), and the hint for a bug."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

#: Added to every message about an internal error (exit 3).
REPORT_BUG = "a bug in digestparse; please report it"
