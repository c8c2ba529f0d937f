"""A field hard-wrapped over many lines keeps at most ``lines.MAX_LINE`` characters.

A line is already cut at ``MAX_LINE`` characters (lines.py); a title or an
abstract that a dialect joins from several lines is bounded the same way:
its lines are kept while they, with one space between each two (as they are
joined), hold at most ``MAX_LINE`` characters. The first line that would go
past that, and every later line of the field, is consumed by the rule but not
held, and the field is reported once (``field-too-long``, at that first line
dropped). So a field of millions of lines costs the memory of its first
``MAX_LINE`` characters. (Counting the spaces also bounds how many lines are
held: a million one-character lines would cost far more than their characters.)

The limit is read when a field starts, so that tests may patch
``lines.MAX_LINE`` to a small value.
"""

from __future__ import annotations

from .. import lines
from ..state import Line, ParseState


class FieldLines:
    """The lines of one field, held while they hold at most ``MAX_LINE`` characters with one
    space between each two (``size``).

    ``add`` every line the field is made of, in order; ``texts`` are those
    kept, ``last`` is the last line added (kept or not), which is where the
    field ends.
    """

    __slots__ = ("_limit", "dropped", "last", "size", "texts")

    def __init__(self, first: Line, text: str | None = None) -> None:
        """A field whose first line is ``first``; ``text`` is the part of it that counts (the
        whole line unless given, say without a ``### `` mark)."""
        self._limit = lines.MAX_LINE
        kept = first.text if text is None else text
        self.texts: list[str] = [kept]
        self.size = len(kept)
        self.last = first
        #: The number of the first line not kept (0: every line is kept).
        self.dropped = 0

    def add(self, line: Line, text: str | None = None) -> None:
        self.last = line
        if self.dropped:
            return
        kept = line.text if text is None else text
        size = self.size + 1 + len(kept)
        if size > self._limit:
            self.dropped = line.number
            return
        self.texts.append(kept)
        self.size = size

    def report(self, state: ParseState) -> None:
        """Report the field if lines of it were dropped (call when it has ended)."""
        if self.dropped:
            state.reporter.defect(
                "field-too-long",
                self.dropped,
                1,
                end_line=self.last.number,
                detail=f"only its first {self.size} characters are read",
            )


def too_long(size: int) -> bool:
    """Whether a field whose lines hold ``size`` characters (or fewer) with one character
    between each two may be cut: a fast path leaves such an entry to the rules."""
    return size > lines.MAX_LINE


def lines_too_long(texts: list[str]) -> bool:
    """Whether the rules cut a field made of the (stripped) lines ``texts``."""
    return len(texts) > 1 and too_long(sum(map(len, texts)) + len(texts) - 1)
