"""The ``N/M files`` progress line on a terminal's stderr."""

from __future__ import annotations

import sys
import time

from .escape import escape_text

#: Progress is shown only for runs with more files than this (and only on a terminal).
PROGRESS_MIN_FILES = 20


class Progress:
    """``N/M files`` on a terminal's stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._last = 0.0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            sys.stderr.write(f"\rdigestparse: {self.done}/{self.total} files")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled and self._last:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def note(self, text: str) -> None:
        """Print a line on stderr without mixing it into the progress line; the text is
        escaped (it may hold file names and text from the input)."""
        self.clear()
        print(escape_text(text), file=sys.stderr)
        self._last = 0.0
