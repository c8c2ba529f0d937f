"""The fast path of the ``reference-text`` dialect: canonical entries read straight from the
list of lines.

Nearly every entry of a capture is canonical (rules.py gives the shape): a
whole upvote box, a ``### [Title][N]`` title (wrapped lines glued), an
abstract in its brackets whose lines start with none of ``[ ] # *``, a whole
authors box or an organization line, ``·`` and a date that resolves without
complaint. ``read_canonical`` reads a run of such entries and hands
everything else to the rules from the start of the first entry it is not
sure of. It must give exactly what the rules give, and reports nothing;
tests/test_dialect_reference_text.py compares the two on the capture and on
damaged copies of it.

lynx writes an entry over some thirty lines, most of them short, so a step
per line in Python would cost more than the rest of the entry. The reader
finds the entry's ``·`` line with ``list.index``, joins the lines up to the
date line after it and matches the whole entry with one regular expression
(``_ENTRY``); Python then only looks at the few parts the expression
captures. The expression takes lines exactly as lynx writes them: blank
lines empty, and no line that starts or ends with a blank. Everything else
fails to match and goes to the rules, which is always safe: declining an
entry never changes a result.
"""

from __future__ import annotations

import datetime
import re
import sys

from ... import lines
from ...dates import DATE_PATTERN, MAX_AUTHOR_DIGITS, MAX_COUNT_DIGITS
from ...grammar import MONTH_NUMBER, PAGE_PHRASES, SEPARATOR
from ...links import extract_links
from ...markup import join_wrapped, strip_image_alt, whole_reference
from ...model import Paper, fast_paper
from ...state import BLANKS, ParseState
from ..window import read_runs, settled_end
from .lines import (
    COUNT_LINK,
    MAX_AVATARS,
    MAX_PHRASE_LINE,
    TITLE_CLOSE,
    Kind,
    page_phrase,
)

#: ``][N]`` alone on its line, then any blank lines.
_CLOSE = r"\]\[[0-9]+\]\n\n*"
#: The first words of the page phrases (``new``, ``Daily`` …) as far as a page phrase
#: begins with them however its inner blanks are written.
_PHRASE_STARTS = sorted({phrase.split()[0][:3] for phrase in PAGE_PHRASES})
#: An abstract line that ``page_phrase`` might take for a page phrase, unless the abstract
#: holds markup ('[' or '\\', checked apart): a short line that begins with a page
#: phrase's first word or with a mark of a list (the lookahead on the first character
#: spares most lines the alternatives).
_MAYBE_PHRASE = (
    "(?=[" + re.escape("".join(sorted({start[0] for start in _PHRASE_STARTS}))) + "+-])(?:"
    + "|".join(
        re.escape(start) + rf"[^\n]{{0,{MAX_PHRASE_LINE - len(start)}}}\n"
        for start in _PHRASE_STARTS
    )
    + rf"|[+-][^\n]{{0,{MAX_PHRASE_LINE - 1}}}\n)"
)
#: Whether ``re`` has atomic groups and possessive quantifiers (Python 3.11 on).
NATIVE_ATOMIC = sys.version_info >= (3, 11)


def abstract_line(native: bool) -> str:
    """An abstract line up to its line break: no white space at either end, no mark of the
    structure (nor '\u00b7') at its start, and not maybe a page phrase. The line break
    always follows, so giving characters back to ``[^\n]*`` can never help a match: the
    quantifier is possessive where re has them."""
    return r"(?![\[\]#*\u00b7\s\ufeff]|" + _MAYBE_PHRASE + r")[^\n]*" + ("+" if native else "")


def _atomic(name: str, pattern: str, native: bool) -> str:
    """``pattern`` as an atomic group: once it has matched, a later failure does not try
    it again in other ways. re has atomic groups from Python 3.11 only; before, a
    lookahead captured and matched again by a back-reference is atomic too. Without it, a
    failed match would try every way to split the entry's parts again, which costs more
    than reading the entry."""
    if native:
        return f"(?>{pattern})"
    return rf"(?=(?P<{name}>{pattern}))(?P={name})"


#: The author avatars before the count in an authors box (``lines.is_avatar``, at most
#: ``lines.MAX_AVATARS``): ``*`` or ``* [IMG]`` items.
_AVATARS = rf"(?:\*(?=\n| \[)(?: +\[[^\[\]\n]*\])*\n\n*){{0,{MAX_AVATARS}}}"


def entry_pattern(native: bool = NATIVE_ATOMIC) -> re.Pattern[str]:
    """A canonical entry, from the blank lines before it to its date line (rules.py gives
    the shape). Each part can match in one way only, so a match never depends on the lines
    after the date line, and each part is atomic.

    ``native``: written with re's own atomic groups and possessive quantifiers (Python 3.11
    on), which mean the same and run faster (by a third on a canonical entry, several
    times where a cut entry fails); tests/test_dialect_reference_text.py compares the two.
    """
    line = abstract_line(native)
    return re.compile(
        # The upvote box.
        _atomic(
            "box_lines",
            # '[', the count and '][N]' on lines of their own, or on one line ('[65][35]').
            rf"\n*(?P<box>)\[(?:(?P<lines>\n)\n*| *)(?P<count>-|[0-9]{{1,{MAX_COUNT_DIGITS}}})"
            r"(?(lines)\n\n*| *)" + _CLOSE,
            native,
        )
        # The title: one '### [Title][N]' line, or '###' lines glued together up to the
        # first one that ends with a reference (no blank ends a line before it).
        + _atomic(
            "title_lines",
            r"(?:### \[(?P<title_text>[^\n]*)\]\[[0-9]+\]\n"
            r"|(?P<title>(?:### (?![^\n]*\]\[[0-9]+\]\n)[^\n]*(?<![\s\ufeff])\n)*"
            r"### [^\n]*\]\[[0-9]+\]\n))\n*",
            native,
        )
        # The abstract: its lines, with no blank line between them (their join is then a
        # replace), or with blank lines or a broken word ('-' at the end of a line).
        + _atomic(
            "abstract_lines",
            r"\[\n\n*(?:(?P<abstract>(?:" + line + r"(?<![\s\ufeff-])\n)+)\n*"
            r"|(?P<wrapped>(?:" + line + r"(?<![\s\ufeff])\n|\n)*))" + _CLOSE,
            native,
        )
        # An authors box or an organization line.
        + _atomic(
            "metadata_lines",
            rf"(?:\[\n\n*{_AVATARS}\* (?P<authors>[0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?\n\n*"
            + _CLOSE
            + r"|(?P<organization>\[[^\n]*\]\[[0-9]+\])\n\n*)",
            native,
        )
        # '\u00b7' and, on the next line, the date and perhaps its comment count.
        + r"\u00b7\n(?P<date>" + DATE_PATTERN + r")(?: ?\[ *(?P<comments>[0-9]+) *\]\[[0-9]+\])?"
    )


_ENTRY = entry_pattern()

#: An upvote box on one line, ``[65][35]`` (``lines.Kind.BOX``).
_ONE_LINE_BOX = re.compile(rf"\[ *(?:-|[0-9]{{1,{MAX_COUNT_DIGITS}}}) *\]\[[0-9]+\]")


def _starts_box(line: str) -> bool:
    """Whether an upvote box starts at this line: its '[' alone, or the box on one line."""
    return line == "[" or (
        line[-1:] == "]" and line[1:2] in _BOX_SECOND and _ONE_LINE_BOX.fullmatch(line) is not None
    )


#: What follows the '[' of a box on one line.
_BOX_SECOND = frozenset("-0123456789 ")

# DATE_PATTERN's own groups (month, day, year) follow the one around it.
_MONTH = _ENTRY.groupindex["date"] + 1
_DAY, _YEAR = _MONTH + 1, _MONTH + 2


def read_canonical(state: ParseState) -> bool:
    """Consume the canonical entries that come next; True if there were any.

    The window's protocol is ``window.read_runs``'; the entries of a run are numbered from
    the window's base as they are read (see ``_read_run``)."""
    limit = state.date_limit
    papers = state.papers
    return read_runs(
        state,
        lambda raw, i, count, complete, base: _read_run(
            raw, i, count, complete, base, limit, papers
        ),
    )


def _read_run(
    raw: list[str],
    i: int,
    count: int,
    complete: bool,
    base: int,
    limit: datetime.date,
    papers: list[Paper],
) -> int:
    """Read the canonical entries from ``raw[i]`` on (up to ``raw[count]``), appending their
    papers numbered from line ``base + 1``; the index after the last one read."""
    longest = lines.MAX_LINE
    settled = -1  # entries that end at or before this index are settled (``settled_end``)
    while True:
        read = _entry(raw, i, count, limit, longest, base)
        if read is None:
            return i
        end = read[1]
        if not complete and end > settled:
            settled = settled_end(raw, end, count)
            if end > settled:
                return i
        papers.append(read[0])
        i = end


def _entry(
    raw: list[str], i: int, count: int, limit: datetime.date, longest: int, base: int
) -> tuple[Paper, int] | None:
    """The canonical entry starting at ``raw[i]`` (numbered ``base + i + 1``) and the index
    after it, or None; ``raw[count]`` and what follows are taken for the input's end."""
    if i >= count:
        return None
    first = raw[i]
    if first and first != "[" and not _starts_box(first):
        return None  # e.g. where the rules read on, at the end of a capture: no join then
    if not first:  # blank lines, then the box (else no join: chrome follows a cut)
        box = i + 1
        while box < count and not raw[box]:
            box += 1
        if box >= count or not _starts_box(raw[box]):
            return None
    try:
        separator = raw.index(SEPARATOR, i, count)
    except ValueError:
        return None
    date_index = separator + 1
    if date_index >= count:
        return None
    text = "\n".join(raw[i : date_index + 1])
    if text.count("\n") != date_index - i:
        return None  # a line holds a line break (the parser's sources never give one)
    if len(text) > longest:
        return None  # a field the rules may cut (field-too-long: ``bounded.py``)
    match = _ENTRY.fullmatch(text)
    if match is None:
        return None
    if match.group("comments") is None and _count_apart_may_follow(raw, date_index + 1, count):
        return None
    paper = _paper(match, base + i + match.start("box") + 1, base + date_index + 1, limit)
    return (paper, date_index + 1) if paper is not None else None


def _count_apart_may_follow(raw: list[str], j: int, count: int) -> bool:
    """Whether the next line with text from ``raw[j]`` on may be the comment count on a line
    of its own (``COUNT_LINK``), which the rules read with a date that shows none
    (``rules._comments_apart``): unless a title follows it (it is then the next entry's
    box), the rules read the entry. Where the lines run past ``count``, it may."""
    j = _next_with_text(raw, j, count)
    if j >= count:
        return False
    if raw[j][:1] != "[" or COUNT_LINK.fullmatch(raw[j].strip(BLANKS)) is None:
        return False
    after = _next_with_text(raw, j + 1, count)
    return after >= count or not raw[after].startswith("### ")


def _next_with_text(raw: list[str], j: int, count: int) -> int:
    while j < count and not raw[j].strip(BLANKS):
        j += 1
    return j


#: The groups ``_paper`` reads, in one call.
_FIELDS = (
    "title_text", "title", "abstract", "wrapped", "authors", "organization", "date",
    "comments", "count",
)
#: Repeated short parts of entries, read once: date lines (under a date limit) and
#: organization lines. Cleared when full, so that they stay small.
_DATES: dict[tuple[str, datetime.date], datetime.date | None] = {}
_ORGANIZATIONS: dict[str, str | None] = {}
_CACHED = 512
#: Only lines this short are kept (a real organization line holds some tens of characters).
_CACHED_LEN = 300


def _paper(match: re.Match[str], line: int, end_line: int, limit: datetime.date) -> Paper | None:
    """The paper of a matched entry whose box starts on ``line`` and date is on
    ``end_line``, or None when a part of it is not canonical after all."""
    (
        title_text, title_lines, clean, wrapped, authors, organization_line, date_text,
        comments, count,
    ) = match.group(*_FIELDS)
    title = " ".join(title_text.split()) if title_text is not None else _title(title_lines)
    abstract = _abstract(clean, wrapped)
    if comments is not None and len(comments) > MAX_COUNT_DIGITS:
        return None
    key = (date_text, limit)
    try:
        when = _DATES[key]
    except KeyError:
        when = _DATES[key] = _date(match, limit)
        if len(_DATES) > _CACHED:
            _DATES.clear()
    if not title or abstract is None or when is None:
        return None  # no title (the rules report its line as junk), or a part not canonical
    organization: str | None = None
    if authors is None:
        try:
            organization = _ORGANIZATIONS[organization_line]
        except KeyError:
            organization = _organization(organization_line)
            if len(organization_line) <= _CACHED_LEN:  # no long line outlives the parse
                _ORGANIZATIONS[organization_line] = organization
                if len(_ORGANIZATIONS) > _CACHED:
                    _ORGANIZATIONS.clear()
        if organization is None:
            return None
    return fast_paper(
        title,
        abstract,
        int(authors) if authors is not None else None,
        organization,
        when,
        int(comments) if comments is not None else 0,
        extract_links(abstract),
        line,
        end_line,
        date_text,
        match.start(_YEAR) >= 0,
        upvotes=0 if count == "-" else int(count),
    )


def _organization(line: str) -> str | None:
    """The name an organization line (``[[logo] Name][67]``) shows, or None when it shows
    none."""
    name = whole_reference(line)
    if not name:
        return None
    return " ".join(strip_image_alt(name).split())


def _title(lines: str) -> str | None:
    """The text of a title from its ``###`` lines (each ending with a line break), or None."""
    joined = join_wrapped([line[4:] for line in lines[:-1].split("\n")])
    close = TITLE_CLOSE.search(joined)
    if close is None or not joined.startswith("["):
        return None
    return " ".join(joined[1 : close.start()].split())


def _abstract(lines: str | None, wrapped: str | None) -> str | None:
    """The joined abstract from its lines, with no blank line or broken word (``lines``) or
    else ``wrapped``; None when it has no line or one of them is a page phrase (a header
    starts: the rules report the cut)."""
    if lines is not None:
        parts = None
        abstract = lines[:-1].replace("\n", " ")
    else:
        assert wrapped is not None  # one of the two alternatives matched
        parts = list(filter(None, wrapped.split("\n")))
        if not parts:
            return None
        # No line has white space at either end (the expression says so).
        abstract = join_wrapped(parts)
    if "[" in abstract or "\\" in abstract:  # markup: page_phrase must see each short line
        for part in parts if parts is not None else lines[:-1].split("\n"):  # type: ignore[index]
            if len(part) <= MAX_PHRASE_LINE and page_phrase(part, Kind.TEXT) is not None:
                return None
    return abstract


def _date(match: re.Match[str], limit: datetime.date) -> datetime.date | None:
    """The entry's date if it resolves without complaint under ``limit``, else None."""
    year = match[_YEAR]
    try:
        when = datetime.date(
            int(year) if year is not None else limit.year,
            MONTH_NUMBER[match[_MONTH]],
            int(match[_DAY]),
        )
    except ValueError:
        return None
    return when if when <= limit else None
