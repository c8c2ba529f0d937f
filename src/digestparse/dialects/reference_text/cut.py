"""The entry the capture tool cut inside its abstract, read straight from the state's window.

Every page the capture tool cut ends the same way: a whole upvote box and
title, the abstract's ``[`` and some of its lines, then ``[Content
truncated]``. The ``entry`` rule reads such an entry a ``peek`` at a time
and reports it (``truncated-entry`` at the mark); ``read_cut_entry`` reads
the same lines with one pattern and gives the rule what it would have read,
when the lines are exactly of that shape, so that the rule makes the same
report and the same paper. Anything else (a damaged box, a wrapped title, an
abstract line the pattern does not take as it is, a line past the window) is
left to the rule. tests/test_dialect_reference_text.py compares the two.
"""

from __future__ import annotations

import re

import attrs

from ... import lines
from ...dates import MAX_COUNT_DIGITS
from ...markup import join_wrapped
from ...state import BLANKS, ParseState
from .fastpath import NATIVE_ATOMIC, abstract_line
from .lines import MAX_PHRASE_LINE, TRUNCATION_MARK, Kind, page_phrase

#: The cut entry, from the blank lines before its box to the capture tool's mark: the box,
#: one ``### [Title][N]`` line, the abstract's ``[`` and its lines (blank lines between
#: them are skipped, as the rules skip them).
_CUT = re.compile(
    rf"\n*\[\n\n*(?P<count>-|[0-9]{{1,{MAX_COUNT_DIGITS}}})\n\n*\]\[[0-9]+\]\n\n*"
    r"### \[(?P<title>[^\n]*)\]\[[0-9]+\]\n\n*"
    r"\[\n\n*(?P<abstract>(?:" + abstract_line(NATIVE_ATOMIC) + r"(?<!\s)\n\n*)+)"
    + re.escape(TRUNCATION_MARK)
)
#: How many lines past the entry's start the mark is looked for (the capture's cut entry
#: has 12; a longer one is left to the rule).
_REACH = 64


@attrs.frozen(slots=True)
class CutEntry:
    """What the ``entry`` rule reads of a cut entry."""

    title: str
    abstract: str
    upvotes: int
    #: The lines of the box's ``[`` and of the abstract's last line (the mark comes next).
    line: int
    end_line: int


def read_cut_entry(state: ParseState) -> CutEntry | None:
    """The cut entry that starts at the next line, or None when the rule must read it."""
    raw = state.raw_lines
    if raw is None or not state.rewind():
        return None
    base = state.raw_base
    start = state.number - base
    count, complete = state.raw_end()
    try:
        mark = raw.index(TRUNCATION_MARK, start, min(count, start + _REACH))
    except ValueError:
        return None
    # The rule looks at the first line after the mark (is it a title?): it must be in the
    # window, or the input must end.
    after = mark + 1
    while after < count and not raw[after].strip(BLANKS):
        after += 1
    if after >= count and not complete:
        return None
    text = "\n".join(raw[start : mark + 1])
    if text.count("\n") != mark - start:
        return None  # a line holds a line break (the parser's sources never give one)
    found = _CUT.fullmatch(text)
    if found is None:
        return None
    parts = list(filter(None, found["abstract"].split("\n")))
    if len(parts) > 1 and sum(map(len, parts)) + len(parts) - 1 > lines.MAX_LINE:
        return None  # the rule cuts the abstract (field-too-long)
    if any(
        len(part) <= MAX_PHRASE_LINE and page_phrase(part, Kind.TEXT) is not None
        for part in parts
    ):
        return None  # a header starts inside it: the rule reports that cut instead
    title = found["title"]
    box = start + len(text) - len(text.lstrip("\n"))  # the index of the box's '['
    last = mark - 1
    while not raw[last]:
        last -= 1
    count_text = found["count"]
    return CutEntry(
        " ".join(title.split()),
        join_wrapped(parts),
        0 if count_text == "-" else int(count_text),
        base + box + 1,
        base + last + 1,
    )
