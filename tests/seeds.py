"""Access to the seed fixtures and their independently derived expectations."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
#: The dumps were scraped in late 2025; with "today" their yearless dates would move.
REFERENCE_DATE = datetime.date(2025, 12, 31)
SEEDS = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))


def seed_text(index: int) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


def expected(seed: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        seed.with_name(seed.stem + ".expected.json").read_text(encoding="utf-8")
    )
    return data


def without_lines(paper: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in paper.items() if key not in ("line", "end_line")}

