"""The command line's grammar: the parsers, the option types, and ``FILE...`` as ``parse``."""

from __future__ import annotations

import argparse
import datetime

from .. import __version__
from ..diagnostics import CODES, Mode
from ..dialects import DIALECT_NAMES
from .ci_options import CI_FORMATS, add_ci_options
from .jobs import usable_cpus
from .series_options import allow_missing_arg, min_share_arg
from .usage import ArgumentParser, HelpFormatter

COMMANDS = ("check", "parse", "merge", "diff")
#: The output formats of ``parse`` and ``merge`` (``records.write_records``).
RECORD_FORMATS = ("jsonl", "json", "csv")
#: The formats read by programs, written as UTF-8 whatever the locale (``documents_in_utf8``).
DOCUMENT_FORMATS = frozenset(("json", "jsonl", *CI_FORMATS))

EXAMPLES = """\
examples:
  digestparse check dumps/                      validate every *.txt under dumps/
  digestparse check --format github today.txt   annotations for GitHub Actions
  digestparse check --ignore trailing-whitespace --jobs 4 dumps/
  scraper | digestparse check -                 validate standard input
  digestparse parse --format csv today.txt > papers.csv
  python -m digestparse today.txt               same as: digestparse parse today.txt
  digestparse merge --date-from-name dumps/ > papers.jsonl   one record per distinct paper
  digestparse check --series dumps/             also stale, partial and missing captures
  digestparse diff yesterday.txt today.txt      papers added, removed and changed

exit status: 0 clean, 1 findings, 2 usage error or a file that could not be
read or output that could not be written, 3 internal error (a bug in digestparse),
130 interrupted (Ctrl-C), 141 output pipe closed, 143 terminated (SIGTERM).
"""


def reference_date_arg(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    # Imported only for a date that is not ISO: dateutil takes a while to import.
    from dateutil import parser as dateutil_parser

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


def stdin_name_arg(text: str) -> str:
    """The name for ``-``: not empty (an empty name would leave the spool file's path to
    show instead)."""
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def default_jobs() -> int:
    return usable_cpus()


def add_dialect_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialect",
        choices=DIALECT_NAMES,
        default="auto",
        metavar="NAME",
        help="read the input as this dialect: " + ", ".join(DIALECT_NAMES)
        + " (default: auto, detected from the first lines; see docs/dialects.md)",
    )


def add_mode_options(
    parser: argparse.ArgumentParser, default_mode: Mode, *, strict_help: str, lenient_help: str
) -> None:
    """``--strict`` / ``--lenient``; each command says what they mean for it."""
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--strict", dest="mode", action="store_const", const="strict", help=strict_help
    )
    modes.add_argument(
        "--lenient", dest="mode", action="store_const", const="lenient", help=lenient_help
    )
    parser.set_defaults(mode=default_mode)


def add_version_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"digestparse {__version__}")


def add_reference_date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference-date",
        type=reference_date_arg,
        metavar="DATE",
        help="resolve yearless dates as of DATE (YYYY-MM-DD; default: the capture time a "
        "capture wrapper gives, else for merge --date-from-name and check --series the "
        "file name's date, else today)",
    )


def add_csv_raw_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv-raw",
        action="store_true",
        help="csv: write cells exactly, without escaping control characters and without "
        "the ' that keeps a spreadsheet from running a cell as a formula",
    )


def add_common_options(parser: argparse.ArgumentParser, default_mode: Mode) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a dump file, a directory (searched for *.txt), or - for standard input",
    )
    add_mode_options(
        parser,
        default_mode,
        strict_help="any diagnostic is an error: exit 1"
        + (" (default)" if default_mode == "strict" else "; its file yields no papers"),
        lenient_help="diagnostics are warnings: reported, exit status unaffected"
        + (" (default)" if default_mode == "lenient" else ""),
    )
    add_reference_date_option(parser)
    add_dialect_option(parser)
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
        type=stdin_name_arg,
        default="<stdin>",
        metavar="NAME",
        help="name shown for standard input (-) in messages and records (default: <stdin>)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary and no progress indication"
    )
    add_version_option(parser)


def build_parser(
    command: str | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser (for help and --version) and one parser per command.

    With ``command``, only that command's parser gets its options (the others are only
    listed in the top-level help): adding them all is a good part of the CLI's start.
    """

    def wanted(name: str) -> bool:
        return command is None or command == name

    formatter = HelpFormatter
    parser = ArgumentParser(
        prog="digestparse",
        description=(
            "Validate and parse plain-text dumps of the huggingface.co Daily Papers listing."
        ),
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    add_version_option(parser)
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
    if wanted("check"):
        add_common_options(check, "strict")
        check.add_argument(
            "--format",
            choices=("text", "github", "json", *CI_FORMATS),
            default="text",
            help="text (default), github (GitHub Actions annotations), json (one document), "
            "sarif (SARIF 2.1.0, e.g. for GitHub code scanning), junit (JUnit XML test report)",
        )
        add_ci_options(check)
    parse_command = commands.add_parser(
        "parse",
        help="print the papers as JSON lines, JSON or CSV",
        description="Print the papers on stdout; diagnostics go to stderr.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    if wanted("parse"):
        add_common_options(parse_command, "lenient")
        parse_command.add_argument(
            "--format",
            choices=RECORD_FORMATS,
            default="jsonl",
            help="jsonl: one paper per line (default); json: one array; csv: a header row, "
            "then one row per paper",
        )
        add_csv_raw_option(parse_command)
    if wanted("check"):
        add_series_options(check)
    merge_command = commands.add_parser(
        "merge",
        help="merge captures into one record per distinct paper",
        description="Print one record per distinct paper of all the captures on stdout; "
        "diagnostics and conflicts go to stderr.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    if wanted("merge"):
        add_common_options(merge_command, "lenient")
        add_merge_options(merge_command)
    diff_command = commands.add_parser(
        "diff",
        help="papers added, removed and changed between two captures",
        description="Compare two captures. Exit 0 when equal, 1 when different, 2 on errors.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    if wanted("diff"):
        add_diff_options(diff_command)
    return parser, {
        "check": check,
        "parse": parse_command,
        "merge": merge_command,
        "diff": diff_command,
    }


def add_series_options(check: argparse.ArgumentParser) -> None:
    series = check.add_argument_group("series of captures (--series)")
    series.add_argument(
        "--series",
        action="store_true",
        help="the PATHs are one series of captures, ordered by capture date (the capture's "
        "own time, else a YYYY-MM-DD or YYYYMMDD date in its file name): also report "
        "stale-capture, partial-capture and missing-capture",
    )
    series.add_argument(
        "--min-share",
        type=min_share_arg,
        default=None,  # series.MIN_SHARE; None: not given (an error without --series)
        metavar="SHARE",
        help="partial-capture below SHARE of the series' median paper count (default 0.5)",
    )
    series.add_argument(
        "--allow-missing",
        type=allow_missing_arg,
        action="append",
        metavar="DATES",
        help="days known to have no capture: YYYY-MM-DD,... or @FILE with one date a line "
        "(repeatable)",
    )


def add_merge_options(merge: argparse.ArgumentParser) -> None:
    merge.add_argument(
        "--format",
        choices=RECORD_FORMATS,
        default="jsonl",
        help="jsonl: one record per line (default); json: one array; csv: a header row, "
        "then one row per record (seen and links as JSON text)",
    )
    merge.add_argument(
        "--date-from-name",
        action="store_true",
        help="a capture that states no capture time was captured on the YYYY-MM-DD or "
        "YYYYMMDD date in its file name (default: the reference date); without "
        "--reference-date its yearless dates take their year from there too",
    )
    add_csv_raw_option(merge)


def add_diff_options(diff: argparse.ArgumentParser) -> None:
    diff.add_argument("old", metavar="OLD", help="the earlier capture (a file, or -)")
    diff.add_argument("new", metavar="NEW", help="the later capture (a file, or -)")
    add_mode_options(
        diff,
        "lenient",
        strict_help="a capture with any diagnostic is an error: exit 2",
        lenient_help="diagnostics are warnings on stderr (default)",
    )
    add_dialect_option(diff)
    add_reference_date_option(diff)
    diff.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text (default): one line per paper, then one per changed field; json: one "
        "document; jsonl: one object per added, removed or changed paper",
    )
    diff.add_argument(
        "--stdin-name",
        type=stdin_name_arg,
        default="<stdin>",
        metavar="NAME",
        help="name shown for standard input (-) (default: <stdin>)",
    )
    diff.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    add_version_option(diff)


def with_command(args: list[str]) -> list[str]:
    """``digestparse FILE...`` means ``digestparse parse FILE...``."""
    if not args or args[0] in COMMANDS or args[0] in ("-h", "--help", "--version"):
        return args
    return ["parse", *args]
