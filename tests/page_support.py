"""What the made-up pages of tests/test_*_pages.py are written from: one listing entry's
fields as the page shows them (the ground truth each test compares the parse with), and the
day they are captured on."""

from __future__ import annotations

import datetime

import attrs

HF = "https://huggingface.co"
#: The capture day: yearless dates are on or before it.
TODAY = datetime.date(2026, 11, 26)


@attrs.frozen
class Entry:
    """One listing entry's fields, as the page shows them."""

    paper_id: str
    title: str
    abstract: str
    upvotes: int
    date: str
    comments: int = 0
    organization: str | None = None
    authors: int | None = None
    avatars: int = 0
