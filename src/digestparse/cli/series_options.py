"""The option types of ``check --series`` (apart from series_cmd.py: the parser is built
at every start, the series code is imported only when a series is checked)."""

from __future__ import annotations

import argparse
import datetime


def allow_missing_arg(text: str) -> frozenset[datetime.date]:
    """``DATE,DATE,...`` or ``@FILE`` (one date a line; blank lines and ``#`` comments skipped)."""
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as file:
                items = [line.split("#", 1)[0].strip() for line in file]
        except OSError as error:
            raise argparse.ArgumentTypeError(
                f"cannot read {text[1:]}: {error.strerror or error}"
            ) from None
    else:
        items = [item.strip() for item in text.split(",")]
    dates = set()
    for item in items:
        if not item:
            continue
        try:
            dates.add(datetime.date.fromisoformat(item))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a date: {item!r} (use YYYY-MM-DD)") from None
    return frozenset(dates)


def min_share_arg(text: str) -> float:
    try:
        share = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return share
