"""The one place every defect passes through.

``Reporter.defect`` either raises ``ParseError`` (strict) or records a
``Diagnostic`` (lenient). Nothing else in the parser raises or records, so
strict mode cannot miss a defect that lenient mode would report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from .errors import CallerError, ParseError
from .model import Diagnostic

Mode = Literal["strict", "lenient"]

#: Every diagnostic code, with the message it carries. docs/diagnostics.md explains each.
CODES: dict[str, str] = {
    "invalid-utf8": "input is not valid UTF-8",
    "utf16-input": "input is UTF-16 encoded; dumps are UTF-8",
    "missing-header": "the dump does not start with the Daily Papers header",
    "bad-header": "unexpected header line",
    "repeated-header": "a second header in the middle of the dump",
    "bad-page-date": "the page date must be a month and day with no year and no count",
    "missing-blank-line": "a blank line is missing before this line",
    "extra-blank-line": "more than one blank line between elements",
    "unexpected-blank-line": "blank line inside a metadata block",
    "trailing-whitespace": "trailing whitespace",
    "leading-whitespace": "leading whitespace",
    "missing-abstract": "entry has no abstract",
    "truncated-entry": "the entry ends before it is complete",
    "missing-authors": "metadata block has no authors or organization line",
    "bad-authors": "malformed authors line",
    "missing-separator": "metadata block has no '\u00b7' line",
    "missing-date": "metadata block has no date line",
    "bad-date": "malformed date line",
    "impossible-date": "date does not exist",
    "date-after-page": "date falls after the page date",
    "bad-votes": "count after the date is too large",
    "junk": "lines that are not part of any entry",
    "unknown-format": "the input is not a capture of the Daily Papers listing",
}

#: Codes whose consecutive occurrences fold into one diagnostic spanning them all.
RUN_CODES = frozenset(
    {"junk", "repeated-header", "trailing-whitespace", "leading-whitespace", "invalid-utf8"}
)


class Reporter:
    """Raises (strict) or records (lenient) each defect; folds runs of the same defect."""

    __slots__ = ("_emit", "_pending", "count", "source", "strict")

    def __init__(
        self, mode: Mode, source: str, emit: Callable[[Diagnostic], None]
    ) -> None:
        if mode not in ("strict", "lenient"):
            raise ValueError(f"mode must be 'strict' or 'lenient', not {mode!r}")
        self.strict = mode == "strict"
        self.source = source
        self.count = 0
        self._emit = emit
        # One held-back diagnostic per run code: another defect in between (say,
        # trailing whitespace met while looking ahead) must not cut a junk run.
        self._pending: dict[str, Diagnostic] = {}

    def defect(
        self,
        code: str,
        line: int,
        column: int = 1,
        *,
        end_line: int = 0,
        detail: str = "",
        gap: int = 0,
    ) -> None:
        """Report one defect at ``line``/``column``.

        ``gap`` is the number of blank lines just before ``line``: a run of
        the same defect may continue across them.
        """
        message = CODES[code] + (f": {detail}" if detail else "")
        if self.strict:
            raise ParseError(code, message, line, column, self.source)
        diagnostic = Diagnostic(code, message, line, column, end_line, self.source)
        if code not in RUN_CODES:
            self.count += 1
            self._hand_over(diagnostic)
            return
        pending = self._pending.pop(code, None)
        if pending is not None:
            if line <= pending.end_line + gap + 1:
                end = max(end_line, line, pending.end_line)
                diagnostic = Diagnostic(
                    code, CODES[code], pending.line, pending.column, end, self.source
                )
            else:
                self.count += 1
                self._hand_over(pending)
        self._pending[code] = diagnostic

    def _hand_over(self, diagnostic: Diagnostic) -> None:
        try:
            self._emit(diagnostic)
        except Exception as error:  # the caller's callback failed, not the parser
            raise CallerError(error) from error

    def flush(self) -> None:
        """Hand over the diagnostics still held back in case their run went on."""
        if self._pending:
            pending = sorted(self._pending.values(), key=lambda d: (d.line, d.column))
            self._pending.clear()
            for diagnostic in pending:
                self.count += 1
                self._hand_over(diagnostic)
