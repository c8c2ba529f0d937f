"""The options of ``check`` for CI: statistics, baselines and expectations (docs/cli.md)."""

from __future__ import annotations

import argparse
import datetime
from typing import TYPE_CHECKING

from .escape import escape_text

# baseline, expectations and guard are imported when an option needs them: a plain ``check``
# starts without them.
if TYPE_CHECKING:
    from .guard import CheckOptions

#: The formats ``check`` adds for CI systems (next to text, github and json).
CI_FORMATS = ("sarif", "junit")


def expected_date_arg(text: str) -> datetime.date:
    if text == "today":
        return datetime.date.today()  # the machine's local date
    from .options import reference_date_arg

    return reference_date_arg(text)


def count_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def percent_arg(text: str) -> float:
    try:
        value = float(text.removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return value


def add_ci_options(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("for CI (docs/cli.md)")
    group.add_argument(
        "--statistics",
        action="store_true",
        help="after the findings, one line per code with its count",
    )
    baseline = group.add_mutually_exclusive_group()
    baseline.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the findings in FILE instead of reporting them",
    )
    baseline.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only findings that are not recorded in FILE",
    )
    group.add_argument(
        "--baseline-any-file",
        action="store_true",
        help="baseline findings without their file's path: one baseline for a series of files",
    )
    group.add_argument(
        "--expect-page-date",
        type=expected_date_arg,
        metavar="DATE",
        help="the page date must be DATE (YYYY-MM-DD, or today): else page-date-mismatch",
    )
    group.add_argument(
        "--min-papers",
        type=count_arg,
        metavar="N",
        help="each file must have at least N papers: else too-few-papers",
    )
    group.add_argument(
        "--max-damaged",
        type=percent_arg,
        metavar="PERCENT",
        help="at most PERCENT of a file's entries may carry a diagnostic: else too-damaged, "
        "which fails even with --lenient",
    )


def check_options(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> CheckOptions | None:
    """The workers' CheckOptions, None when no option asks the workers for more than the
    findings; the baseline ``--baseline`` names is read into ``args.loaded_baseline`` (None
    without one) for the main process.

    A mistake, or a baseline that cannot be read, is a usage error (exit 2).
    """
    if args.baseline_any_file and args.baseline is None and args.write_baseline is None:
        parser.error("--baseline-any-file needs --baseline or --write-baseline")
    # Without --series they would do nothing, and a check that forgot it would pass.
    for given, option in ((args.min_share is not None, "--min-share"),
                          (bool(args.allow_missing), "--allow-missing")):
        if given and not args.series:
            parser.error(f"{option} needs --series")
    baseline = None
    if args.baseline is not None:
        from .baseline import BaselineError, load_baseline

        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as error:
            parser.error(escape_text(str(error)))
        if args.baseline_any_file:
            baseline = baseline.for_any_file()
    args.loaded_baseline = baseline
    line_texts = args.baseline is not None or args.write_baseline is not None
    if (
        not line_texts
        and args.expect_page_date is None
        and args.min_papers is None
        and args.max_damaged is None
    ):
        return None
    from .expectations import Expectations
    from .guard import CheckOptions

    return CheckOptions(
        expectations=Expectations(
            page_date=args.expect_page_date,
            min_papers=args.min_papers,
            max_damaged=args.max_damaged,
        ),
        line_texts=line_texts,
    )
