"""The expectations ``check`` can hold one capture to: its page date (``--expect-page-date``),
its size (``--min-papers``) and how much of it is damaged (``--max-damaged``).

They are findings like the parser's and pass through a ``Reporter`` too, with the codes
``page-date-mismatch``, ``too-few-papers`` and ``too-damaged`` (diagnostics.CLI_CODES).
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ..dates import format_date
from ..diagnostics import CLI_CODES, Reporter
from ..model import Diagnostic, Digest, Paper


@dataclass(frozen=True)
class Expectations:
    page_date: datetime.date | None = None
    min_papers: int | None = None
    #: The largest acceptable share of damaged entries, in percent.
    max_damaged: float | None = None


@dataclass(frozen=True)
class Damage:
    """Entries (papers and junk blocks) of one dump, and how many carry a diagnostic."""

    damaged: int
    entries: int

    @property
    def percent(self) -> float:
        return 100.0 * self.damaged / self.entries if self.entries else 0.0


def percent_text(value: float) -> str:
    return f"{value:.1f}%"


def damage_of(papers: Sequence[Paper], findings: Sequence[Diagnostic]) -> Damage:
    """Papers whose lines a finding touches, plus junk blocks, out of papers plus junk blocks.

    A run of junk is one diagnostic, so it counts as one block.
    """
    ends = [paper.end_line for paper in papers]  # papers come in line order
    touched: set[int] = set()
    junk = 0
    for finding in findings:
        if finding.code in CLI_CODES:
            continue
        if finding.code == "junk":
            junk += 1
        # The first paper that ends on or after the finding's first line, and those after it
        # that start on or before its last line.
        index = bisect.bisect_left(ends, finding.line)
        while index < len(papers) and papers[index].line <= finding.end_line:
            touched.add(index)
            index += 1
    return Damage(len(touched) + junk, len(papers) + junk)


def check_expectations(
    digest: Digest, findings: Sequence[Diagnostic], expect: Expectations, name: str,
    paper_count: int | None = None,
) -> tuple[list[Diagnostic], Damage | None]:
    """The expectation findings for one dump, and its damage when --max-damaged asks.

    ``paper_count`` (default: the digest's papers) counts the papers of a streamed dump;
    its digest then holds its papers only when --max-damaged needs them.
    """
    count = len(digest.papers) if paper_count is None else paper_count
    found: list[Diagnostic] = []
    reporter = Reporter("lenient", name, found.append)
    expected = expect.page_date
    page = digest.page_date
    # A page date shows no year (its year is inferred), so the day is month and day.
    if expected is not None and (page is None or (page.month, page.day) != (
        expected.month, expected.day
    )):
        # The page date is the header's last line; without a page date, that is the byline.
        line = digest.header_span[1] if digest.header_span is not None else 1
        shown = format_date(page, year_explicit=False) if page else "no page date"
        reporter.defect(
            "page-date-mismatch", line, detail=f"{shown}, expected {expected.isoformat()}"
        )
    if expect.min_papers is not None and count < expect.min_papers:
        reporter.defect(
            "too-few-papers",
            1,
            detail=f"{count}, expected at least {expect.min_papers}",
        )
    damage = None
    if expect.max_damaged is not None:
        damage = damage_of(digest.papers, findings)
        if damage.percent > expect.max_damaged:
            reporter.defect(
                "too-damaged",
                1,
                detail=f"{percent_text(damage.percent)} ({damage.damaged} of {damage.entries} "
                f"entries), limit {percent_text(expect.max_damaged)}",
            )
    reporter.flush()
    return found, damage
