"""The seed dumps as a series of captures: copied under their capture dates."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from seeds import SEEDS, expected

#: Seed 003 has no page date; it is placed on a day of its own between the others.
SEED_003_DAY = datetime.date(2025, 11, 20)


def capture_day(seed: Path) -> datetime.date:
    """A seed's page date as the independently derived expected JSON gives it."""
    page_date = expected(seed)["page_date"]
    return SEED_003_DAY if page_date is None else datetime.date.fromisoformat(page_date)


def dated_copies(directory: Path, compact: bool = False) -> dict[str, Path]:
    """The five seeds copied as ``YYYY-MM-DD.txt`` (``YYYYMMDD.txt`` with ``compact``);
    maps each seed's file name to its copy."""
    copies = {}
    for seed in SEEDS:
        day = capture_day(seed)
        name = day.strftime("%Y%m%d") if compact else day.isoformat()
        copies[seed.name] = Path(shutil.copy(seed, directory / f"{name}.txt"))
    return copies
