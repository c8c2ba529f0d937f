"""The ``digestparse`` command line: ``check`` dumps in CI, or ``parse`` them into records.

``python -m digestparse FILE...`` (no subcommand) is short for ``parse``.
docs/cli.md describes every option, the output formats and the exit codes.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from dateutil import parser as dateutil_parser

from . import __version__
from .api import parse
from .diagnostics import CODES, Mode
from .errors import InternalError, ParseError
from .lines import looks_like_utf16
from .model import Diagnostic, Paper

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130

#: Progress is shown only for runs with more files than this (and only on a terminal).
PROGRESS_MIN_FILES = 20
#: At most this many files go to a worker process at a time.
MAX_CHUNK = 64

STDIN = "-"
REPORT_BUG = "a bug in digestparse; please report it"
COMMANDS = ("check", "parse")
CSV_COLUMNS = (
    "source",
    "line",
    "end_line",
    "title",
    "abstract",
    "author_count",
    "organization",
    "date",
    "date_text",
    "year_explicit",
    "votes",
    "links",
)

EXAMPLES = """\
examples:
  digestparse check dumps/                      validate every *.txt under dumps/
  digestparse check --format github today.txt   annotations for GitHub Actions
  digestparse check --ignore trailing-whitespace --jobs 4 dumps/
  scraper | digestparse check -                 validate standard input
  digestparse parse --format csv today.txt > papers.csv
  python -m digestparse today.txt               same as: digestparse parse today.txt

exit status: 0 clean, 1 findings, 2 usage error or a file that could not be
read, 3 internal error (a bug in digestparse), 130 interrupted.
"""


# --- what the workers do ------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One input: ``name`` is how it is shown; ``data`` is set for standard input."""

    name: str
    path: str | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class Settings:
    mode: Mode
    reference_date: datetime.date
    select: frozenset[str] | None
    ignore: frozenset[str]
    want_records: bool


@dataclass
class FileResult:
    name: str
    papers: int = 0
    findings: list[Diagnostic] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    #: A one-line reason the file could not be checked (unreadable, binary).
    error: str | None = None
    #: A one-line description of a bug digestparse hit on this file.
    internal_error: str | None = None


def process_file(task: Task, settings: Settings) -> FileResult:
    result = FileResult(task.name)
    if task.data is not None:
        data = task.data
    else:
        assert task.path is not None
        try:
            with open(task.path, "rb") as file:
                data = file.read()
        except OSError as error:
            result.error = f"cannot read {task.name}: {error.strerror or error}"
            return result
    nul = data.find(b"\0")
    if nul >= 0 and not looks_like_utf16(data):
        result.error = (
            f"cannot check {task.name}: binary file (NUL byte at offset {nul}), not a text dump"
        )
        return result
    try:
        papers, diagnostics = parse_for_mode(data, task.name, settings)
    except Exception as error:  # anything escaping the parser is a bug in it, not bad input
        detail = str(error) if isinstance(error, InternalError) else repr(error)
        result.internal_error = f"internal error on {task.name}: {detail}"
        return result
    result.papers = len(papers)
    result.findings = [d for d in diagnostics if is_selected(d.code, settings)]
    # --strict makes any (selected) diagnostic fatal: a failing file yields no records.
    if settings.want_records and (settings.mode == "lenient" or not result.findings):
        result.records = [paper_record(task.name, paper) for paper in papers]
    return result


def parse_for_mode(
    data: bytes, name: str, settings: Settings
) -> tuple[tuple[Paper, ...], list[Diagnostic]]:
    """The papers and every diagnostic of one dump.

    In strict mode the library's strict parse decides whether the dump is
    clean; when it is not, a lenient parse lists all the deviations (strict
    stops at the first), so the user can fix them in one go.
    """
    if settings.mode == "strict":
        try:
            digest = parse(data, mode="strict", reference_date=settings.reference_date, name=name)
        except ParseError as error:
            first: ParseError | None = error
        else:
            return digest.papers, []
    else:
        first = None
    digest = parse(data, mode="lenient", reference_date=settings.reference_date, name=name)
    diagnostics = list(digest.diagnostics)
    if first is not None and not any(
        d.code == first.code and d.line == first.line for d in diagnostics
    ):
        # Never let the list miss the error that made the strict parse fail.
        diagnostics.append(
            Diagnostic(first.code, first.message, first.line, first.column, source=name)
        )
        diagnostics.sort(key=lambda d: (d.line, d.column))
    return digest.papers, diagnostics


def is_selected(code: str, settings: Settings) -> bool:
    if settings.select is not None and code not in settings.select:
        return False
    return code not in settings.ignore


def paper_record(source: str, paper: Paper) -> dict[str, Any]:
    return {"source": source, **paper.to_dict()}


def process_chunk(tasks: Sequence[Task], settings: Settings) -> list[FileResult]:
    return [process_file(task, settings) for task in tasks]


def ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the parent handles it, so
    # workers print no tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chunk_size_for(file_count: int, workers: int) -> int:
    # Several chunks per worker balance uneven files; a cap keeps the results
    # waiting in the parent (for output order) small.
    return max(1, min(MAX_CHUNK, file_count // (workers * 8)))


def run_tasks(
    tasks: Sequence[Task], settings: Settings, jobs: int
) -> Generator[FileResult, None, None]:
    """Results in the order of ``tasks``, computed by up to ``jobs`` processes."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield process_file(task, settings)
        return
    workers = min(jobs, len(tasks))
    size = chunk_size_for(len(tasks), workers)
    chunks = (tasks[start : start + size] for start in range(0, len(tasks), size))
    work = partial(process_chunk, settings=settings)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=ignore_sigint)
    try:
        # A bounded window of chunks in flight: memory stays flat for any
        # number of files, and results are taken in submission order.
        pending: deque[Future[list[FileResult]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(work, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:  # Ctrl-C, or the output closed: do not wait for running chunks
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now: one may be stuck (a FIFO, a huge file) and ignores Ctrl-C."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 there is no public way; the pool keeps its processes here.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


# --- reading the command line -------------------------------------------------------


class UsageError(Exception):
    """A mistake on the command line, reported like argparse does (exit 2)."""


def reference_date_arg(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    # dateutil fills missing parts from its default; two different defaults
    # reveal a spelling that lacks the year, month or day.
    try:
        first = dateutil_parser.parse(text, default=datetime.datetime(2000, 1, 1))
        second = dateutil_parser.parse(text, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    if first.date() != second.date():
        raise argparse.ArgumentTypeError(
            f"incomplete date: {text!r} (give year, month and day, e.g. 2025-12-31)"
        )
    return first.date()


def codes_arg(text: str) -> list[str]:
    codes = [code.strip() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code not in CODES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown code {', '.join(unknown)} (known: {', '.join(CODES)})"
        )
    return codes


def jobs_arg(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def add_common_options(parser: argparse.ArgumentParser, default_mode: Mode) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a dump file, a directory (searched for *.txt), or - for standard input",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--strict",
        dest="mode",
        action="store_const",
        const="strict",
        help="any diagnostic is an error: exit 1"
        + (" (default)" if default_mode == "strict" else "; its file yields no papers"),
    )
    modes.add_argument(
        "--lenient",
        dest="mode",
        action="store_const",
        const="lenient",
        help="diagnostics are warnings: reported, exit status unaffected"
        + (" (default)" if default_mode == "lenient" else ""),
    )
    parser.set_defaults(mode=default_mode)
    parser.add_argument(
        "--reference-date",
        type=reference_date_arg,
        metavar="DATE",
        help="resolve yearless dates as of DATE (YYYY-MM-DD; default: today)",
    )
    parser.add_argument(
        "--select",
        type=codes_arg,
        action="append",
        metavar="CODE,...",
        help="report only these diagnostic codes (repeatable)",
    )
    parser.add_argument(
        "--ignore",
        type=codes_arg,
        action="append",
        metavar="CODE,...",
        help="do not report these diagnostic codes (repeatable)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=jobs_arg,
        default=None,
        metavar="N",
        help="parse files in N processes (default: number of CPUs); output order is unchanged",
    )
    parser.add_argument(
        "--stdin-name",
        default="<stdin>",
        metavar="NAME",
        help="name shown for standard input (-) in messages and records (default: <stdin>)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary and no progress indication"
    )
    parser.add_argument("--version", action="version", version=f"digestparse {__version__}")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser (for help and --version) and one parser per command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="digestparse",
        description=(
            "Validate and parse plain-text dumps of the huggingface.co Daily Papers listing."
        ),
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"digestparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate dumps; one line per finding, then a summary",
        description=(
            "Validate dumps. Prints one line per finding (path:line:col: CODE message) "
            "on stdout and a summary on stderr."
        ),
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    add_common_options(check, "strict")
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (default), github (GitHub Actions annotations), json (one document)",
    )
    parse_command = commands.add_parser(
        "parse",
        help="print the papers as JSON lines, JSON or CSV",
        description="Print the papers on stdout; diagnostics go to stderr.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    add_common_options(parse_command, "lenient")
    parse_command.add_argument(
        "--format",
        choices=("jsonl", "json", "csv"),
        default="jsonl",
        help="jsonl: one paper per line (default); json: one array; csv: a header row, "
        "then one row per paper",
    )
    return parser, {"check": check, "parse": parse_command}


def with_command(args: list[str]) -> list[str]:
    """``digestparse FILE...`` means ``digestparse parse FILE...``."""
    if not args or args[0] in COMMANDS or args[0] in ("-h", "--help", "--version"):
        return args
    return ["parse", *args]


def expand_paths(paths: Iterable[str], stdin_name: str) -> tuple[list[Task], list[str]]:
    """The inputs named on the command line, with directories searched, and any errors."""
    tasks: list[Task] = []
    errors: list[str] = []
    stdin_seen = False
    for path in paths:
        if path == STDIN:
            if stdin_seen:
                raise UsageError("standard input (-) can be given only once")
            stdin_seen = True
            tasks.append(Task(stdin_name, data=sys.stdin.buffer.read()))
        elif os.path.isdir(path):
            found = [Task(name, path=name) for name in dumps_under(path)]
            if not found:
                errors.append(f"cannot check {path}: directory has no *.txt files")
            tasks.extend(found)
        else:
            # Missing and unreadable files are reported by the worker that reads them.
            tasks.append(Task(path, path=path))
    return tasks, errors


def dumps_under(directory: str) -> Iterator[str]:
    """``*.txt`` files below ``directory`` in a stable order, skipping hidden entries."""
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.endswith(".txt") and not filename.startswith("."):
                yield os.path.join(root, filename)


# --- output ---------------------------------------------------------------------------


class Progress:
    """``N/M files`` on a terminal's stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._last = 0.0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            sys.stderr.write(f"\rdigestparse: {self.done}/{self.total} files")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled and self._last:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def note(self, text: str) -> None:
        """Print a line on stderr without mixing it into the progress line."""
        self.clear()
        print(text, file=sys.stderr)
        self._last = 0.0


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


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass
class Tally:
    files: int = 0
    papers: int = 0
    findings: int = 0
    unreadable: int = 0
    internal: int = 0
    file_rows: list[dict[str, Any]] = field(default_factory=list)

    def exit_code(self, mode: Mode) -> int:
        if self.internal:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_USAGE
        if self.findings and mode == "strict":
            return EXIT_FINDINGS
        return EXIT_CLEAN


def summary_line(tally: Tally, mode: Mode) -> str:
    noun = "finding" if mode == "strict" else "warning"
    line = (
        f"checked {plural(tally.files, 'file')}, {plural(tally.papers, 'paper')}: "
        f"{plural(tally.findings, noun)}"
    )
    not_checked = tally.unreadable + tally.internal
    if not_checked:
        line += f"; {plural(not_checked, 'file')} not checked"
    return line


def count_result(result: FileResult, tally: Tally, progress: Progress) -> None:
    """Add one file to the tally and report why it could not be checked, if so."""
    progress.step()
    status = "findings" if result.findings else "clean"
    message = result.internal_error or result.error
    if result.internal_error:
        tally.internal += 1
        status = "internal-error"
        progress.note(f"digestparse: {result.internal_error} ({REPORT_BUG})")
    elif result.error:
        tally.unreadable += 1
        status = "not-checked"
        progress.note(f"digestparse: {result.error}")
    else:
        tally.files += 1
        tally.papers += result.papers
        tally.findings += len(result.findings)
    tally.file_rows.append(
        {
            "path": result.name,
            "status": status,
            "papers": result.papers,
            "findings": len(result.findings),
            "error": message,
        }
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


def run_parse(
    results: Iterable[FileResult], args: argparse.Namespace, tally: Tally, progress: Progress
) -> None:
    out = sys.stdout
    csv_writer = None
    if args.format == "csv":
        csv_writer = csv.writer(out)
        csv_writer.writerow(CSV_COLUMNS)
    elif args.format == "json":
        out.write("[")
    first_record = True
    for result in results:
        count_result(result, tally, progress)
        for diagnostic in result.findings:
            progress.note(str(diagnostic))
        for record in result.records:
            if csv_writer is not None:
                csv_writer.writerow([csv_cell(record[column]) for column in CSV_COLUMNS])
            elif args.format == "json":
                out.write("\n" if first_record else ",\n")
                out.write(json.dumps(record, ensure_ascii=False))
            else:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            first_record = False
    progress.clear()
    if args.format == "json":
        out.write("]\n" if first_record else "\n]\n")
    out.flush()


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)  # URLs never contain a space
    return str(value)


# --- entry point ------------------------------------------------------------------------


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
        reference_date=args.reference_date or datetime.date.today(),
        select=frozenset(code for group in args.select for code in group)
        if args.select
        else None,
        ignore=frozenset(code for group in args.ignore or () for code in group),
        want_records=args.command == "parse",
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
