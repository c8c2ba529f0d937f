"""What ``check`` does for CI beyond listing findings: the expectations, baselines, the damaged
share and ``--statistics``.

``guard_file`` runs in the worker, next to the parse (it needs the digest and the bytes);
``Guard`` runs in the main process over the results, before they are counted and printed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..diagnostics import reading_order
from ..model import Digest
from .escape import escape_text
from .exit_codes import EXIT_USAGE
from .streams import say

# The baseline and expectation modules are imported where an option asks for them: a plain
# ``check`` starts without them (docs/performance.md, the CLI's start).
if TYPE_CHECKING:
    from .baseline import Baseline, BaselineMatcher, BaselineRecorder
    from .expectations import Expectations
    from .tally import Tally
    from .worker import FileResult, Source


#: Codes that fail ``check`` even with --lenient.
FAILING_CODES = frozenset({"too-damaged"})


class CheckOptions:
    """What the workers need to know of ``check``'s CI options (None when none is given;
    a plain class: a dataclass costs import time)."""

    __slots__ = ("expectations", "line_texts")

    def __init__(self, expectations: Expectations, line_texts: bool = False) -> None:
        self.expectations = expectations
        #: A baseline is read or written: each finding needs the text of its line.
        self.line_texts = line_texts


def guard_file(
    result: FileResult,
    digest: Digest,
    source: Source,
    options: CheckOptions,
    selected: Callable[[str], bool],
    paper_count: int | None = None,
) -> None:
    """Add the expectation findings (and, for baselines, the line texts) to one file's result.

    ``source`` gives the file's bytes again, read only for baselines: only then is the file
    held whole. ``paper_count``: the papers the dump holds, when ``digest`` (streamed) does
    not hold them.
    """
    data = source().read() if options.line_texts else b""
    from .expectations import check_expectations

    found, damage = check_expectations(
        digest, result.findings, options.expectations, result.name, paper_count
    )
    result.damage = None if damage is None else (damage.damaged, damage.entries)
    found = [finding for finding in found if selected(finding.code)]
    if found:
        result.findings = sorted(
            [*result.findings, *found], key=reading_order
        )
    if options.line_texts:
        from .baseline import line_texts

        result.line_texts = line_texts(data, result.findings)


def statistics_lines(counts: Counter[str]) -> list[str]:
    """``12  trailing-whitespace``: one line per code, most frequent first."""
    ranked = statistics_of(counts)
    width = max((len(str(count)) for count in ranked.values()), default=1)
    return [f"{count:>{width}}  {code}" for code, count in ranked.items()]


def statistics_of(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


class Guard:
    """The main process's side: baselines, statistics, the damaged share, what fails."""

    def __init__(self, args: argparse.Namespace, baseline: Baseline | None) -> None:
        self.mode = args.mode
        self.any_file: bool = args.baseline_any_file or (baseline is not None and baseline.any_file)
        self.counts: Counter[str] | None = Counter() if args.statistics else None
        self.matcher: BaselineMatcher | None = None
        self.recorder: BaselineRecorder | None = None
        if baseline is not None or args.write_baseline is not None:
            from .baseline import BaselineMatcher, BaselineRecorder

            self.matcher = BaselineMatcher(baseline) if baseline is not None else None
            self.recorder = (
                BaselineRecorder(self.any_file) if args.write_baseline is not None else None
            )
        self.write_path: str | None = args.write_baseline
        self.max_damaged: float | None = args.max_damaged
        self.damaged = 0
        self.entries = 0

    def take(self, result: FileResult, tally: Tally) -> None:
        """Before ``result`` is counted: drop its baselined or recorded findings."""
        if result.error or result.internal_error:
            return
        if self.matcher is not None or self.recorder is not None:
            from .baseline import file_keys

            assert result.line_texts is not None  # the workers add them for baselines
            keys = file_keys(result.name, result.findings, result.line_texts, self.any_file)
            if self.recorder is not None:
                drop = self.recorder.add(keys)
            else:
                assert self.matcher is not None
                drop = self.matcher.split(result.name, keys)
            pairs = zip(result.findings, drop, strict=True)
            result.findings = [finding for finding, dropped in pairs if not dropped]
        if result.damage is not None:
            self.damaged += result.damage[0]
            self.entries += result.damage[1]
        tally.failures += sum(f.code in FAILING_CODES for f in result.findings)
        tally.failures += sum(result.omitted[code] for code in FAILING_CODES)
        if self.counts is not None:
            self.counts.update(f.code for f in result.findings)
            self.counts.update(result.omitted)

    def finish(self) -> None:
        """After the last file: write the baseline ``--write-baseline`` names."""
        if self.recorder is None or self.write_path is None:
            return
        from .baseline import BaselineError, write_baseline

        try:
            write_baseline(self.write_path, self.recorder.baseline)
        except BaselineError as error:
            say(f"digestparse: {error}")
            sys.exit(EXIT_USAGE)

    def level(self, code: str) -> str:
        return "error" if self.mode == "strict" or code in FAILING_CODES else "warning"

    @property
    def damaged_percent(self) -> float:
        return 100.0 * self.damaged / self.entries if self.entries else 0.0

    def summary_suffix(self) -> str:
        """What the summary line says about the baseline and the damaged share."""
        parts = []
        if self.recorder is not None:
            recorded = self.recorder.recorded
            noun = "finding" if recorded == 1 else "findings"
            parts.append(f"{recorded} {noun} written to baseline {self.write_path}")
        if self.matcher is not None:
            unmatched = self.matcher.unmatched()
            parts.append(
                f"{self.matcher.baselined} baselined, {unmatched} baseline "
                + ("entry no longer matches" if unmatched == 1 else "entries no longer match")
            )
        if self.max_damaged is not None:
            from .expectations import percent_text

            parts.append(
                f"{percent_text(self.damaged_percent)} of entries damaged "
                f"(limit {percent_text(self.max_damaged)})"
            )
        return escape_text("".join(f"; {part}" for part in parts))

    def summary_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if self.recorder is not None:
            fields["baseline_written"] = self.recorder.recorded
        if self.matcher is not None:
            fields["baselined"] = self.matcher.baselined
            fields["baseline_unmatched"] = self.matcher.unmatched()
        if self.max_damaged is not None:
            fields["damaged_percent"] = round(self.damaged_percent, 1)
        return fields

    def statistics(self) -> dict[str, int] | None:
        return None if self.counts is None else statistics_of(self.counts)

    def statistics_text(self) -> str:
        if self.counts is None:
            return ""
        return "".join(escape_text(line) + "\n" for line in statistics_lines(self.counts))
