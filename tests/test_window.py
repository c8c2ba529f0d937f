"""The fast paths' window (dialects/window.py): when an entry read near its end counts."""

from __future__ import annotations

import datetime
import pathlib

import digestparse
from digestparse.dialects import window
from digestparse.dialects.reference_text import fastpath as reference_fastpath


class _CountingList(list[str]):
    """A list that counts the items read from it."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        _CountingList.reads += 1
        return super().__getitem__(index)


def test_settled_end_is_the_first_non_blank_line_with_a_margin_after_it() -> None:
    raw = ["entry", "", "  ", "next", *["x"] * window.MARGIN]
    assert window.settled_end(raw, 1, len(raw)) == 3
    assert window.settled_end(raw, 1, len(raw) - 1) == -1  # no margin after "next"
    assert window.settled_end(raw, 4, len(raw)) == -1  # "x" lines lack their margin


def test_settled_end_does_not_cross_the_blank_lines_at_the_window_end() -> None:
    # A search from the window's end crossed them again after every entry the rules read:
    # quadratic in a window of entries followed by a long run of blank lines.
    raw = _CountingList(["entry", "", "next", *["x"] * window.MARGIN, *[""] * 100_000])
    _CountingList.reads = 0
    assert window.settled_end(raw, 1, len(raw)) == 2
    assert _CountingList.reads <= 3


_CAPTURES = pathlib.Path(__file__).parent / "fixtures" / "captures"


def _capture(name: str) -> list[str]:
    return (_CAPTURES / name).read_text(encoding="utf-8").split("\n")


def test_caches_of_repeated_lines_keep_no_long_line() -> None:
    """reference-text's cache of organization lines outlives a parse: it keeps short lines
    only (a 100,000-character organization line is read, not kept)."""
    organization = "[[x] " + "O" * 100_000 + "][67]"
    entry = [
        "[", "1", "][64]", "", "### [A Title][65]", "", "[", "", "Abstract here.", "",
        "][66]", organization, "\u00b7", "Mar 13, 2024 [ 3][68]", "",
    ]
    head = _capture("01_hfpapers_search_longcontext_asr_lynx.txt")[:60]
    short = [("[[x] Org][67]" if line == organization else line) for line in entry]
    text = "\n".join(head + entry * 3 + short)
    digestparse.parse(text, dialect="reference-text", reference_date=datetime.date(2026, 6, 1))
    assert reference_fastpath._ORGANIZATIONS
    assert all(len(line) <= 300 for line in reference_fastpath._ORGANIZATIONS)
