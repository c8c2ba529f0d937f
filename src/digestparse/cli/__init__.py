"""The ``digestparse`` command line: ``check`` dumps in CI, or ``parse`` them into records.

``python -m digestparse FILE...`` (no subcommand) is short for ``parse``.
docs/cli.md describes every option, the output formats and the exit codes.

Where things live:

- ``options``: the argument parsers, option types, and ``FILE...`` as ``parse``;
- ``inputs``: PATH arguments expanded into files, and reading one (binary files refused);
- ``worker``: what happens to one file (parse, select diagnostics, records);
- ``jobs``: running the files in a pool of worker processes, stopping it on Ctrl-C;
- ``progress``, ``tally``: the progress line; the counts, summary line and exit status;
- ``findings``, ``records``: the output of ``check`` and of ``parse``;
- ``exit_codes``: the exit statuses.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from ..errors import InternalError
from .exit_codes import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    REPORT_BUG,
)
from .findings import run_check
from .inputs import UsageError, expand_paths
from .jobs import run_tasks
from .options import COMMANDS, build_parser, default_jobs, with_command
from .progress import PROGRESS_MIN_FILES, Progress
from .records import run_parse
from .tally import Tally
from .worker import Settings

__all__ = ["main", "run"]


def run(argv: Sequence[str]) -> int:
    parser, command_parsers = build_parser()
    args_list = with_command(list(argv))
    if not args_list:
        parser.print_usage(sys.stderr)
        print("digestparse: error: give a command (check or parse) or a file", file=sys.stderr)
        return EXIT_USAGE
    if args_list[0] not in COMMANDS:
        parser.parse_args(args_list)  # -h or --version: prints and exits
        return EXIT_USAGE
    command = args_list[0]
    # Intermixed, so that options may also come between paths (as linters allow).
    parser = command_parsers[command]
    args = parser.parse_intermixed_args(args_list[1:])
    args.command = command
    try:
        tasks, errors = expand_paths(args.paths, args.stdin_name)
    except UsageError as usage_error:
        parser.error(str(usage_error))  # exits 2
    settings = Settings(
        mode=args.mode,
        reference_date=args.reference_date,
        select=frozenset(code for group in args.select for code in group)
        if args.select
        else None,
        ignore=frozenset(code for group in args.ignore or () for code in group),
        want_records=args.command == "parse",
        dialect=args.dialect,
    )
    jobs = args.jobs if args.jobs is not None else default_jobs()
    progress = Progress(
        len(tasks),
        enabled=not args.quiet and len(tasks) > PROGRESS_MIN_FILES and sys.stderr.isatty(),
    )
    tally = Tally(unreadable=len(errors))
    for message in errors:
        print(f"digestparse: {message}", file=sys.stderr)
    # closing(): on any exit (Ctrl-C, a closed pipe) the worker pool is stopped at once.
    with contextlib.closing(run_tasks(tasks, settings, jobs)) as results:
        if args.command == "check":
            run_check(results, args, tally, progress)
        else:
            run_parse(results, args, tally, progress)
    return tally.exit_code(args.mode)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        # After the terminal's "^C", start a fresh line.
        prefix = "\n" if sys.stderr.isatty() else ""
        print(f"{prefix}digestparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stop quietly, and keep Python
        # from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug: one line for the user instead of a traceback
        detail = str(error) if isinstance(error, InternalError) else repr(error)
        print(f"digestparse: internal error: {detail} ({REPORT_BUG})", file=sys.stderr)
        return EXIT_INTERNAL
