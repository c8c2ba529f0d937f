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
- ``exit_codes``: the exit statuses;
- ``escape``: how untrusted text (titles, file names) is written, in every format;
- ``streams``, ``shutdown``, ``usage``: failures of the environment (closed pipe, full
  disk, SIGTERM) and of the command line (unknown command, ``--``) ending a run cleanly.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from ..errors import InternalError
from .ci_options import check_options
from .escape import display_name
from .exit_codes import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    REPORT_BUG,
)
from .inputs import UsageError, expand_paths, remove_spooled
from .jobs import run_tasks
from .options import COMMANDS, DOCUMENT_FORMATS, build_parser, default_jobs, with_command
from .progress import PROGRESS_MIN_FILES, Progress
from .scratch import run_directory_removed
from .shutdown import Terminated, sigterm_ends_run
from .streams import (
    InputFailed,
    OutputFailed,
    discard,
    documents_in_utf8,
    guarded_streams,
    say,
)
from .tally import Tally
from .usage import parse_command_args, unknown_command
from .worker import Settings

__all__ = ["main", "run"]


def run(argv: Sequence[str]) -> int:
    args_list = with_command(list(argv))
    # Only the command that runs gets its options built.
    parser, command_parsers = build_parser(
        args_list[0] if args_list and args_list[0] in COMMANDS else None
    )
    not_a_command = unknown_command(argv, COMMANDS)
    if not_a_command:
        parser.error(not_a_command)  # exits 2
    if not args_list:
        parser.print_usage(sys.stderr)
        print(
            "digestparse: error: give a command (check, parse, merge, diff) or a file",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args_list[0] not in COMMANDS:
        parser.parse_args(args_list)  # -h or --version: prints and exits
        return EXIT_USAGE
    command = args_list[0]
    # Intermixed, so that options may also come between paths (as linters allow).
    parser = command_parsers[command]
    args = parse_command_args(parser, args_list[1:])
    args.command = command
    if getattr(args, "format", None) in DOCUMENT_FORMATS:
        documents_in_utf8()
    # It changes only CSV cells: with JSON it would do nothing, and say nothing of it.
    if getattr(args, "csv_raw", False) and args.format != "csv":
        parser.error("--csv-raw needs --format csv")
    if command == "diff":
        return run_diff_command(args, parser)
    try:
        tasks = expand_paths(args.paths, args.stdin_name)
    except UsageError as usage_error:
        parser.error(str(usage_error))  # exits 2
    # A file name is shown the same way in every format (bytes that are not UTF-8 as \xNN).
    for task in tasks:
        task.name = display_name(task.name)
    settings = Settings(
        mode=args.mode,
        reference_date=args.reference_date,
        select=frozenset(code for group in args.select for code in group)
        if args.select
        else None,
        ignore=frozenset(code for group in args.ignore or () for code in group),
        want_records=args.command in ("parse", "merge"),
        check=check_options(args, parser) if args.command == "check" else None,
        dialect=args.dialect,
        name_dates=(command == "merge" and args.date_from_name)
        or (command == "check" and args.series),
    )
    jobs = args.jobs if args.jobs is not None else default_jobs()
    progress = Progress(
        len(tasks),
        enabled=not args.quiet and len(tasks) > PROGRESS_MIN_FILES and sys.stderr.isatty(),
    )
    tally = Tally()
    # closing(): on any exit (Ctrl-C, a closed pipe) the worker pool is stopped at once.
    try:
        # Imported here: each command loads only its own code (json, csv, the series).
        if command == "merge":
            from .merge_cmd import run_merge

            run_merge(tasks, settings, jobs, args, tally, progress)
            return tally.exit_code(args.mode)
        if command == "check" and args.series:
            from .series_cmd import run_series_check

            run_series_check(tasks, settings, jobs, args, tally, progress)
            return tally.exit_code(args.mode)
        with contextlib.closing(run_tasks(tasks, settings, jobs)) as results:
            if args.command == "check":
                from .findings import run_check

                run_check(results, args, tally, progress)
            else:
                from .records import run_parse

                run_parse(results, args, tally, progress)
    finally:
        remove_spooled(tasks)
    return tally.exit_code(args.mode)


def run_diff_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    settings = Settings(
        mode=args.mode,
        reference_date=args.reference_date,
        select=None,
        ignore=frozenset(),
        want_records=True,
        dialect=args.dialect,
    )
    from .diff_cmd import run_diff

    try:
        return run_diff(args, settings)
    except UsageError as usage_error:
        parser.error(str(usage_error))  # exits 2


def main(argv: Sequence[str] | None = None) -> int:
    with run_directory_removed(), guarded_streams(), sigterm_ends_run():
        try:
            try:
                status = run(sys.argv[1:] if argv is None else argv)
            except SystemExit:  # argparse: --help, --version, usage errors
                sys.stdout.flush()
                raise
            sys.stdout.flush()  # here, where a failure is still reported properly
            return status
        except KeyboardInterrupt:
            say("digestparse: interrupted", fresh_line=sys.stderr.isatty())
            return EXIT_INTERRUPTED
        except Terminated:
            say("digestparse: terminated", fresh_line=sys.stderr.isatty())  # after progress
            return EXIT_TERMINATED
        except OutputFailed as failure:
            # Keep Python from failing again when it flushes the stream at exit.
            discard(failure)
            if failure.broken_pipe:  # the reader went away (e.g. `| head`): stop quietly
                return EXIT_BROKEN_PIPE
            say(f"digestparse: {failure}")
            return EXIT_USAGE
        except InputFailed as failure:
            say(f"digestparse: {failure}")
            return EXIT_USAGE
        except Exception as error:  # a bug: one line for the user instead of a traceback
            detail = str(error) if isinstance(error, InternalError) else repr(error)
            say(f"digestparse: internal error: {detail} ({REPORT_BUG})")
            return EXIT_INTERNAL
