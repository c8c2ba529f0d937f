"""Baselines: today's findings recorded (``--write-baseline``), so that later runs report
only new ones (``--baseline``).

A finding's fingerprint is its file's path, its code and the text of the line it points at;
identical fingerprints are counted. Line numbers are left out, so findings keep their
identity when lines are added above them. With ``--baseline-any-file`` the path is left
out too, and each file may have the recorded findings: one baseline then serves a series of
daily captures with the same recurring damage. The expectations (CLI_CODES) and the
series checks (SERIES_CODES) are made on every run and never recorded.

The file is sorted, stable JSON (docs/cli.md shows one).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..diagnostics import CLI_CODES, CODES, SERIES_CODES
from ..lines import split_text, wide_codec
from ..model import Diagnostic
from .escape import json_dumps

BASELINE_VERSION = 1
#: Lines longer than this are recorded abbreviated, with a hash of the whole line.
LONG_LINE = 100
_KEEP = 60

#: (path, code, line text); the path is "" in a baseline for any file.
Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a baseline; the message says why."""


def dump_lines(data: bytes) -> list[str]:
    """The lines of a dump as the parser numbers them (undecodable bytes as U+FFFD)."""
    text = data.decode(wide_codec(data) or "utf-8", errors="replace")
    return split_text(text)


def line_texts(data: bytes, findings: Sequence[Diagnostic]) -> dict[int, str]:
    """The text of the line each finding points at, by line number ("" past the last line)."""
    lines = dump_lines(data)
    return {d.line: lines[d.line - 1] if 0 < d.line <= len(lines) else "" for d in findings}


def line_key(text: str) -> str:
    """The line as the baseline records it: long lines are cut, with a hash of the whole."""
    if len(text) <= LONG_LINE:
        return text
    import hashlib  # only for long lines of a baseline run: keep it off the CLI's start

    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    return f"{text[:_KEEP]}\u2026 sha256:{digest}"


def path_key(name: str) -> str:
    """The path as a baseline records it: relative to the current directory, with '/'."""
    try:
        path = os.path.relpath(name)
    except ValueError:  # another drive (Windows)
        path = os.path.normpath(name)
    return path.replace(os.sep, "/")


def baselinable(code: str) -> bool:
    """The expectations and the series checks are made anew on every run."""
    return code not in CLI_CODES and code not in SERIES_CODES


def file_keys(
    name: str, findings: Sequence[Diagnostic], texts: Mapping[int, str], any_file: bool
) -> list[Key | None]:
    """Each finding's key, or None for a finding a baseline never holds."""
    path = "" if any_file else path_key(name)
    return [
        (path, finding.code, line_key(texts[finding.line])) if baselinable(finding.code) else None
        for finding in findings
    ]


@dataclass
class Baseline:
    any_file: bool
    counts: Counter[Key]

    def for_any_file(self) -> Baseline:
        """The same findings without their paths: each file may have the most any file had."""
        if self.any_file:
            return self
        counts: Counter[Key] = Counter()
        for (_, code, text), count in self.counts.items():
            key = ("", code, text)
            counts[key] = max(counts[key], count)
        return Baseline(True, counts)


def baseline_json(baseline: Baseline) -> str:
    entries = []
    for (path, code, text), count in sorted(baseline.counts.items()):
        entry: dict[str, object] = {"code": code, "count": count, "line": text}
        if not baseline.any_file:
            entry["path"] = path
        entries.append(entry)
    document = {
        "digestparse_baseline": BASELINE_VERSION,
        "any_file": baseline.any_file,
        "findings": entries,
    }
    # The file is reviewed in pull requests: control and bidi characters of a damaged line
    # or a file name as \u escapes; undecodable bytes of a file name (lone surrogates) too,
    # so that the file stays UTF-8 and reads back to the same name.
    return json_dumps(document, indent=2, sort_keys=True) + "\n"


def write_baseline(path: str, baseline: Baseline) -> None:
    text = baseline_json(baseline)
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except OSError as error:
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None


def load_baseline(path: str) -> Baseline:
    import json  # only a run with a baseline needs it

    try:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
    except OSError as error:
        raise BaselineError(f"cannot read baseline {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise BaselineError(f"baseline {path} is not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("digestparse_baseline") != BASELINE_VERSION:
        raise BaselineError(
            f"{path} is not a digestparse baseline (version {BASELINE_VERSION})"
        )
    any_file = document.get("any_file")
    entries = document.get("findings")
    if not isinstance(any_file, bool) or not isinstance(entries, list):
        raise BaselineError(f"baseline {path}: needs 'any_file' (true/false) and 'findings'")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(entries, 1):
        key = entry_key(entry, any_file)
        if key is None:
            raise BaselineError(f"baseline {path}: finding {number} is malformed")
        counts[key] += entry["count"]
    return Baseline(any_file, counts)


def entry_key(entry: object, any_file: bool) -> Key | None:
    if not isinstance(entry, dict):
        return None
    code, count, text = entry.get("code"), entry.get("count"), entry.get("line")
    path = "" if any_file else entry.get("path")
    if not (isinstance(code, str) and code in CODES and isinstance(text, str)):
        return None
    if not isinstance(path, str) or type(count) is not int or count < 1:
        return None
    return (path, code, text)


class BaselineMatcher:
    """Takes the baselined findings out of each file's findings and counts them."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.baselined = 0
        # Path baselines: one budget for the run. Any-file baselines: the most any file used.
        self._left = Counter(baseline.counts)
        self._most_used: Counter[Key] = Counter()
        self._paths_checked: set[str] = set()

    def split(self, name: str, keys: Sequence[Key | None]) -> list[bool]:
        """For the findings (by key) of the checked file ``name``: which are baselined."""
        self._paths_checked.add(path_key(name))
        used: Counter[Key] = Counter()
        flags = []
        for key in keys:
            hit = False
            if key is not None:
                if self.baseline.any_file:
                    hit = used[key] < self.baseline.counts[key]
                elif self._left[key] > 0:
                    hit = True
                    self._left[key] -= 1
                used[key] += hit
            flags.append(hit)
        self.baselined += sum(flags)
        for key, count in used.items():
            self._most_used[key] = max(self._most_used[key], count)
        return flags

    def unmatched(self) -> int:
        """How many recorded findings this run did not see again (in the files it checked)."""
        if self.baseline.any_file:
            if not self._paths_checked:
                return 0
            return sum(
                count - self._most_used[key] for key, count in self.baseline.counts.items()
            )
        return sum(
            count for (path, _, _), count in self._left.items() if path in self._paths_checked
        )


class BaselineRecorder:
    """Collects the findings of a run into a baseline."""

    def __init__(self, any_file: bool) -> None:
        self.baseline = Baseline(any_file, Counter())
        self.recorded = 0

    def add(self, keys: Sequence[Key | None]) -> list[bool]:
        """Record one file's findings (by key); which of them were recorded."""
        counts = Counter(key for key in keys if key is not None)
        for key, count in counts.items():
            if self.baseline.any_file:
                self.baseline.counts[key] = max(self.baseline.counts[key], count)
            else:
                self.baseline.counts[key] += count
        self.recorded += sum(counts.values())
        return [key is not None for key in keys]
