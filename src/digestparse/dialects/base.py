"""What a dialect is: how its lines are classified, how it is recognised, and its rules."""

from __future__ import annotations

import datetime
import enum
import sys
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..diagnostics import Reporter
from ..lines import Blocks
from ..state import ParseState, Rule


@attrs.frozen(slots=True)
class Dialect:
    """One way of capturing the listing as text (docs/dialects.md).

    ``detect`` sees the first non-blank lines after any capture wrapper
    (``DETECT_LINES`` of them, stripped, in at most ``DETECT_CHARS``
    characters) and says whether they are this
    dialect. ``header`` reads the header (and page date) at the top; the
    ``rules`` are then tried in order at every line until the input ends, as
    in the ``text`` dialect: each consumes lines and returns True, or touches
    nothing and returns False.
    """

    name: str
    detect: Callable[[Sequence[str]], bool]
    classify: Callable[[str], enum.Enum]
    header: Callable[[ParseState], None]
    rules: tuple[tuple[str, Rule], ...]
    #: Only the seeds' dialect treats stray blanks as defects.
    whitespace_defects: bool = False
    #: Lines of this kind keep their leading blanks (the text dialect's authors line).
    keep_indent: enum.Enum | None = None
    #: Reads a run of canonical entries without the rules; returns True if it read any.
    fast_path: Callable[[ParseState], bool] | None = None
    #: Consecutive copies of one entry (the trending layout) become one paper.
    merge_copies: bool = True
    #: Whether a capture that ends after its header is reported (``no-entries``): a header
    #: with no fixed end cannot tell a page with no entries from one cut after its header.
    #: A seed-style dump of its header alone has always read as a day without papers.
    entries_expected: bool = True

    def new_state(
        self,
        lines: Iterable[str] | Blocks,
        reporter: Reporter,
        reference_date: datetime.date,
        start: int = 0,
    ) -> ParseState:
        """A parse state that reads ``lines`` the way this dialect classifies them."""
        return ParseState(
            lines,
            reporter,
            reference_date,
            classify=self.classify,
            whitespace_defects=self.whitespace_defects,
            keep_indent=self.keep_indent,
            start=start,
        )


#: How many non-blank lines after a capture wrapper the detectors see.
DETECT_LINES = 200
#: ... and in how many characters at most: the lines read to detect the dialect are held
#: until the parse reaches them, so they are bounded like a field (4 ``lines.MAX_LINE``;
#: a capture's first 200 lines hold some tens of thousands).
DETECT_CHARS = 1 << 22
#: ... and in how many lines, blank ones included (a run of blank lines costs no character
#: but a line held: a capture's first 200 lines hold some hundreds).
DETECT_SPAN = 1 << 16


def built_on_first_use(
    module: str, name: str, build: Callable[[], Dialect]
) -> Callable[[str], Dialect]:
    """A module ``__getattr__`` that builds the dialect ``name`` when it is first asked for
    and keeps it in the module, so that detection imports only the dialect's line module."""

    def get(attribute: str) -> Dialect:
        if attribute != name:
            raise AttributeError(f"module {module!r} has no attribute {attribute!r}")
        dialect = sys.modules[module].__dict__[name] = build()
        return dialect

    return get
