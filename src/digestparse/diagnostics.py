"""The one place every defect passes through.

``Reporter.defect`` records a ``Diagnostic``: lenient mode hands it to the
caller, strict mode keeps it and raises ``ParseError`` for the first one in
reading order as soon as no later report can come before it (see
``Reporter.checkpoint``). Nothing else in the parser raises or records, so
strict mode cannot miss a defect that lenient mode would report, and the error
it raises is the diagnostic lenient mode lists first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Literal

from .errors import CallerError, ParseError
from .model import Diagnostic

Mode = Literal["strict", "lenient"]

#: Every diagnostic code, with the message it carries. docs/diagnostics.md explains each.
CODES: dict[str, str] = {
    "invalid-utf8": "input is not valid UTF-8",
    "utf16-input": "input is UTF-16 encoded; dumps are UTF-8",
    "utf32-input": "input is UTF-32 encoded; dumps are UTF-8",
    "line-too-long": "line too long",
    "field-too-long": "field too long",
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
    "unclosed-link": "a link's text is not closed by '](url)'",
    "missing-link": "a label is not followed by the link that belongs to it",
    "missing-upvotes": "entry has no upvote count",
    "missing-submitter": "'Submitted by' is not followed by a name",
    "unknown-format": "the input is not a capture of the Daily Papers listing",
    "bad-upvotes": "malformed upvote count before the title",
    "unbalanced-bracket": "a bracketed block lacks its '[' line or its '][N]' close",
    "no-entries": "the capture ends after its header, with no entry",
    "copies-differ": "two copies of one card in a row differ",
    # Codes about a series of captures (digestparse.merge, digestparse.series):
    "conflict": "two captures of one paper disagree on a field that should not change",
    "stale-capture": "the capture shows the previous capture's page again",
    "partial-capture": "the capture has far fewer papers than the series' median",
    "missing-capture": "days without a capture before this one",
    # The expectations of `digestparse check` (cli/expectations.py); parse() never reports these.
    "page-date-mismatch": "the page date is not the expected day",
    "too-few-papers": "fewer papers than expected",
    "too-damaged": "too many entries carry a diagnostic",
}

#: The codes that only a series of captures can give (never a single parse).
SERIES_CODES = frozenset({"conflict", "stale-capture", "partial-capture", "missing-capture"})

#: Codes that only ``digestparse check`` reports, from its expectation options.
CLI_CODES = frozenset({"page-date-mismatch", "too-few-papers", "too-damaged"})

#: Codes whose consecutive occurrences fold into one diagnostic spanning them all.
RUN_CODES = frozenset(
    {"junk", "repeated-header", "trailing-whitespace", "leading-whitespace", "invalid-utf8"}
)


#: Where each code stands among diagnostics at one position (``reading_order``): the codes
#: that fold into runs after the others, each group in the order of ``CODES``.
_CODE_RANK = {
    code: rank + (len(CODES) if code in RUN_CODES else 0) for rank, code in enumerate(CODES)
}


def reading_order(diagnostic: Diagnostic) -> tuple[int, int, int]:
    """How diagnostics are ordered: by line, by column, and at one position by code (a
    specific defect before a folded run, then in the order of ``CODES``). Two runs held back
    at one position are handed over in whichever order their runs end, which strict mode
    cannot know when it raises; ordering ties by code makes the first diagnostic of a
    lenient parse the one strict mode raises."""
    return diagnostic.line, diagnostic.column, _CODE_RANK.get(diagnostic.code, 2 * len(CODES))


def check_mode(mode: Mode) -> Mode:
    """``mode`` as given, if it is one: a misspelt mode is an error, not a silent default."""
    if mode not in ("strict", "lenient"):
        raise ValueError(f"mode must be 'strict' or 'lenient', not {mode!r}")
    return mode


class Reporter:
    """Records each defect, folding runs of the same defect; strict mode raises the first.

    The parser looks ahead and some rules report a line only after reading past
    it, so defects are not found in reading order. Strict mode therefore does
    exactly what lenient mode does, into a list of its own, and raises at a
    *checkpoint*: a point where the parser promises that nothing it reports
    later lies at or before a given line. It raises the diagnostic that
    lenient mode would list first (sorted by line and column, ties in the order
    recorded), with the message of its first occurrence.
    """

    __slots__ = (
        "_emit", "_first", "_held_from", "_messages", "_pending", "_seen", "count", "source",
        "strict",
    )

    def __init__(
        self, mode: Mode, source: str, emit: Callable[[Diagnostic], None]
    ) -> None:
        self.strict = check_mode(mode) == "strict"
        self.source = source
        self.count = 0
        #: Strict mode: what lenient mode would have handed over so far, in order.
        self._seen: list[Diagnostic] = []
        #: Strict mode: the first of ``_seen`` in reading order, kept as they come, so that a
        #: checkpoint costs the same however many defects were found before it.
        self._first: Diagnostic | None = None
        #: Strict mode: the message (with its detail) of the first defect at a position.
        self._messages: dict[tuple[str, int, int], str] = {}
        self._emit = self._keep if self.strict else emit
        # One held-back diagnostic per run code: another defect in between (say,
        # trailing whitespace met while looking ahead) must not cut a junk run.
        self._pending: dict[str, Diagnostic] = {}
        #: The first line of a paper held back (``copies.py``), which may still be reported.
        self._held_from = sys.maxsize

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
        diagnostic = Diagnostic(code, message, line, column, end_line, self.source)
        if code not in RUN_CODES:
            self._remember(diagnostic)
            self.count += 1
            self._hand_over(diagnostic)
            return
        pending = self._pending.get(code)
        if pending is not None and line < pending.line:
            # Found after a later occurrence (a fenced body's footer is read when its
            # closing fence is met, before the body's lines are parsed): not the run's
            # next line, so it stands alone and the run stays open.
            self._remember(diagnostic)
            self.count += 1
            self._hand_over(diagnostic)
            return
        self._pending.pop(code, None)
        if pending is not None and line <= pending.end_line + gap + 1:
            # The run goes on: it is raised, if at all, with its first line's message, so
            # a line folded into it leaves nothing behind (a run of millions of lines).
            end = max(end_line, line, pending.end_line)
            diagnostic = Diagnostic(
                code, CODES[code], pending.line, pending.column, end, self.source
            )
        else:
            if pending is not None:
                self.count += 1
                self._hand_over(pending)
            self._remember(diagnostic)
        self._pending[code] = diagnostic

    def _remember(self, diagnostic: Diagnostic) -> None:
        """Strict mode: keep the message of the first defect at a position, raised with it."""
        if self.strict:
            key = (diagnostic.code, diagnostic.line, diagnostic.column)
            self._messages.setdefault(key, diagnostic.message)

    def _hand_over(self, diagnostic: Diagnostic) -> None:
        try:
            self._emit(diagnostic)
        except Exception as error:  # the caller's callback failed, not the parser
            raise CallerError(error) from error

    def flush(self) -> None:
        """Hand over the diagnostics still held back in case their run went on."""
        if self._pending:
            pending = self._held_back()
            self._pending.clear()
            for diagnostic in pending:
                self.count += 1
                self._hand_over(diagnostic)

    def _keep(self, diagnostic: Diagnostic) -> None:
        self._seen.append(diagnostic)
        if self._first is None or reading_order(diagnostic) < reading_order(self._first):
            self._first = diagnostic

    def _held_back(self) -> list[Diagnostic]:
        return sorted(self._pending.values(), key=reading_order)

    def checkpoint(self, line: int) -> None:
        """Strict mode: raise the first defect if it lies at or before ``line``.

        The caller promises that nothing reported from now on lies at or before
        ``line``: the run loop calls this between rules with the last line
        consumed, since every rule reports only at lines after those consumed
        before it started.
        """
        if not (self.strict and (self._seen or self._pending)):
            return
        # The first seen, then the runs held back (one per code at most), as lenient mode
        # would list them: ties go to the first.
        seen = [self._first] if self._first is not None else []
        first = min([*seen, *self._held_back()], key=reading_order)
        if first.line <= line and first.line < self._held_from:
            message = self._messages[(first.code, first.line, first.column)]
            raise ParseError(first.code, message, first.line, first.column, self.source)

    def hold_from(self, line: int) -> None:
        """A paper from ``line`` on is held back and may still be reported (copies.py sees a
        copy only once the next paper is read): checkpoints stop before it until the holder
        moves the line on (``sys.maxsize``: nothing held)."""
        self._held_from = line

    def finish(self) -> None:
        """The input has ended: hand over what is held back; strict mode raises the first."""
        self.flush()
        self.checkpoint(sys.maxsize)
