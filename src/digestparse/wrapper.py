"""Capture wrappers: what capture tools put around the listing, which is not content.

Recognised at the very top of the input (docs/dialects.md#how-detection-works):

- YAML front matter: a ``---`` line, ``key: value`` lines, a closing ``---``;
- a metadata preamble: a ``# Title`` line followed by ``- Key: value`` list
  items (``# Web source``), optionally a ``## Section`` heading, and
  optionally an opening code fence whose body is the capture;
- a ``**URL:**`` preamble: ``**Key:** value`` lines, up to a ``-----`` rule;
- a reader preamble (Jina Reader's): ``Key: value`` lines (``Title:``, ``URL Source:``),
  up to a ``Markdown Content:`` line (or any other ``… Content:``);
- an opening code fence alone (```` ```text ````): a capture pasted into a code block.

What they say is kept: the captured address (``source_url``) and the
capture time (``captured_at``). A fenced body ends at its closing fence;
that line and any after it are the wrapper's footer, which is not read: a line
with text in it there is reported (``junk``), for it may be a second capture
joined to the first.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import re
from collections.abc import Iterator, Sequence

import attrs

from .state import BLANKS

#: Wrapper lines are looked for only this far into the input.
_MAX_WRAPPER_LINES = 60
#: Lines a stream must have read before ``read_wrapper`` can decide.
WRAPPER_WINDOW = 2 * _MAX_WRAPPER_LINES

_URL_KEYS = frozenset(
    {"url", "source url", "source_url", "url source", "source", "page url", "link"}
)
_TIME_KEYS = frozenset(
    {
        "captured",
        "captured (utc)",
        "created",
        "captured_at",
        "captured at",
        "retrieved",
        "retrieved_at",
        "exported",
        "fetched",
        "scraped",
        "date",
    }
)
_YAML_ITEM = re.compile(r"([A-Za-z_][\w -]*?)\s*:\s*(.*)")
_LIST_ITEM = re.compile(r"[-*] ([^:]{1,40}):\s*(.*)")
_BOLD_ITEM = re.compile(r"\*\*([^*]{1,40}):\*\*\s*(.*)")
#: A reader preamble's item (``URL Source: https://…``) and its last line (``Markdown Content:``).
_PLAIN_ITEM = re.compile(r"([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):(?: (.*))?")
_CONTENT_KEY = re.compile(r"[A-Z][A-Za-z]* Content:")
#: A value written as a markdown autolink or link: ``<https://…>``, ``[text](https://…)``.
_LINKED_VALUE = re.compile(r"<(\S+)>|\[[^\[\]]*\]\((\S+)\)")
_RULE = re.compile(r"-{3,}|={3,}|\*{3,}")
#: An opening code fence and its info string (anything but a backtick after backticks, as
#: in CommonMark): ```` ```text ````, ```` ``` text ````, ```` ```c++ ````, ``~~~ lynx dump``.
_FENCE = re.compile(r"(`{3,})[^`]*|(~{3,}).*")
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?)?"
    r"\s*(Z|[+-][0-9]{2}:?[0-9]{2})?"
)

#: The start of an RFC 2822 date-time: an optional weekday, then day, month name and year.
_RFC2822 = re.compile(r"(?:[A-Z][a-z]{2}, *)?[0-9]{1,2} +[A-Z][a-z]{2} +([0-9]{4}) ")


@attrs.frozen(slots=True)
class Wrapper:
    #: How many lines the wrapper takes at the top (0: none).
    end: int = 0
    source_url: str | None = None
    captured_at: datetime.datetime | None = None
    #: The line that closes a fenced body (e.g. "```"), or None.
    fence: str | None = None
    #: The line that closes a code block around the whole wrapper (whose own ``fence``
    #: closes first), or None.
    outer_fence: str | None = None


NO_WRAPPER = Wrapper()


def read_wrapper(lines: Sequence[str]) -> Wrapper:
    """The capture wrapper at the top of ``lines`` (raw lines, without line breaks)."""
    first = _first_nonblank(lines, 0)
    if first is None or first >= _MAX_WRAPPER_LINES:
        return NO_WRAPPER
    top = _stripped(lines[first])
    if (fence := _FENCE.fullmatch(top)) is not None:
        # A capture pasted into a code block: the fence alone, or over the capture's own
        # wrapper, whose fence (if it has one) then closes first. Not a block closed before
        # more text (a command shown over its output, a ``~~~~`` overline over a title).
        closing = fence.group(1) or fence.group(2)
        if _closed_before_text(lines, first + 1, closing):
            return NO_WRAPPER
        inner = _wrapper_at(lines, first + 1)
        if inner is NO_WRAPPER:
            return Wrapper(first + 1, None, None, closing)
        if inner.fence is None:
            return attrs.evolve(inner, fence=closing)
        return attrs.evolve(inner, outer_fence=closing)
    return _wrapper_at(lines, first)


#: A code block over the capture (a command, a note) holds at most this many lines of text:
#: a capture, even of one entry, holds more.
_MAX_BLOCK_ABOVE = 12


def _closed_before_text(lines: Sequence[str], start: int, fence: str) -> bool:
    """Whether a code block opened before ``start`` closes within ``_MAX_BLOCK_ABOVE`` lines
    of text, with more text after its closing fence."""
    texts = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if is_fence_end(line, fence):
            return _first_nonblank(lines, index + 1) is not None
        if not is_blank(line):
            texts += 1
            if texts > _MAX_BLOCK_ABOVE:
                return False
    return False


def _wrapper_at(lines: Sequence[str], start: int) -> Wrapper:
    """The wrapper, other than a code fence, that starts at ``start`` or below it."""
    first = _first_nonblank(lines, start)
    if first is None or first >= _MAX_WRAPPER_LINES + start:
        return NO_WRAPPER
    top = _stripped(lines[first])
    if top == "---":
        return _front_matter(lines, first)
    if top.startswith("# ") and (found := _preamble(lines, first)) is not NO_WRAPPER:
        return found
    if _BOLD_ITEM.fullmatch(top) or (
        (second := _first_nonblank(lines, first + 1)) is not None
        and _BOLD_ITEM.fullmatch(_stripped(lines[second]))
    ):
        return _bold_preamble(lines, first)
    if _PLAIN_ITEM.fullmatch(top):
        return _reader_preamble(lines, first)
    return NO_WRAPPER


#: What a wrapper line is stripped of: white space (as ``str.strip``) and U+FEFF, which the
#: capture dialects take as blank too.
_WRAPPER_BLANKS = BLANKS + "\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def _stripped(line: str) -> str:
    return line.strip(_WRAPPER_BLANKS)


def is_blank(line: str) -> bool:
    """Whether a wrapper's line (one of its footer's too) holds nothing."""
    return not line.strip(_WRAPPER_BLANKS)


def _first_nonblank(lines: Sequence[str], start: int) -> int | None:
    for index in range(start, min(len(lines), _MAX_WRAPPER_LINES + start)):
        if _stripped(lines[index]):
            return index
    return None


def _front_matter(lines: Sequence[str], first: int) -> Wrapper:
    """``key: value`` lines up to a closing ``---``. A value may go on below its key, as
    indented lines or ``- item`` lines (``tags:`` then ``  - "clippings"``, as the Obsidian
    Web Clipper writes); only the keys at the top level are read."""
    items: list[tuple[str, str]] = []
    for index in range(first + 1, min(len(lines), first + _MAX_WRAPPER_LINES)):
        line = lines[index]
        text = _stripped(line)
        if text == "---":
            return _wrapper(index + 1, items, None)
        if not text:
            continue
        if line[0] in " \t" or text == "-" or text.startswith("- "):
            if not items:
                return NO_WRAPPER  # nested under no key: not YAML front matter
            continue
        match = _YAML_ITEM.fullmatch(text)
        if match is None:
            return NO_WRAPPER
        items.append((match.group(1), match.group(2)))
    return NO_WRAPPER


def _preamble(lines: Sequence[str], first: int) -> Wrapper:
    items: list[tuple[str, str]] = []
    end = first + 1
    index = first + 1
    while index < len(lines) and index < first + _MAX_WRAPPER_LINES:
        text = _stripped(lines[index])
        match = _LIST_ITEM.fullmatch(text)
        if match is not None:
            items.append((match.group(1), match.group(2)))
            end = index + 1
        elif text:
            break
        index += 1
    if not items:
        return NO_WRAPPER
    following = _first_nonblank(lines, end)
    if following is not None:
        text = _stripped(lines[following])
        if text.startswith("## ") and not _is_listing_heading(text[3:]):
            end = following + 1
            following = _first_nonblank(lines, end)
    fence = None
    if following is not None:
        match = _FENCE.fullmatch(_stripped(lines[following]))
        if match is not None:
            fence = match.group(1) or match.group(2)
            end = following + 1
    return _wrapper(end, items, fence)


def _bold_preamble(lines: Sequence[str], first: int) -> Wrapper:
    """``**Key:** value`` lines (under a ``# Title``), blank lines between them, up to a
    ``-----`` rule (04:1-4). Without the rule they are no wrapper: a chat's
    ``**user:** here is what I copied`` over a pasted capture is text."""
    items: list[tuple[str, str]] = []
    for index in range(first, min(len(lines), first + _MAX_WRAPPER_LINES)):
        text = _stripped(lines[index])
        match = _BOLD_ITEM.fullmatch(text)
        if match is not None:
            items.append((match.group(1), match.group(2)))
        elif _RULE.fullmatch(text) and items:
            return _wrapper(index + 1, items, None)
        elif text and (items or not text.startswith("# ")):
            return NO_WRAPPER
    return NO_WRAPPER


def _reader_preamble(lines: Sequence[str], first: int) -> Wrapper:
    """``Key: value`` lines, blank lines between them, up to a ``Markdown Content:`` line:
    without that last line they are no wrapper (a listing never starts that way, but a
    ``Title:`` line alone says too little)."""
    items: list[tuple[str, str]] = []
    for index in range(first, min(len(lines), first + _MAX_WRAPPER_LINES)):
        text = _stripped(lines[index])
        if not text:
            continue
        if _CONTENT_KEY.fullmatch(text):
            return _wrapper(index + 1, items, None) if items else NO_WRAPPER
        match = _PLAIN_ITEM.fullmatch(text)
        if match is None:
            return NO_WRAPPER
        items.append((match.group(1), match.group(2) or ""))
    return NO_WRAPPER


def _is_listing_heading(text: str) -> bool:
    return text.startswith(("Daily Papers", "Trending Papers", "by"))


def _wrapper(end: int, items: list[tuple[str, str]], fence: str | None) -> Wrapper:
    url: str | None = None
    captured: datetime.datetime | None = None
    for key, value in items:
        # Emphasis around a key or a value (``- **URL:** https://…``) is markdown, not text.
        name = key.strip().strip("*_").strip().lower()
        value = value.strip().strip("*").strip().strip("\"'`")
        linked = _LINKED_VALUE.fullmatch(value)
        if linked is not None:
            value = linked.group(1) or linked.group(2)
        if url is None and name in _URL_KEYS and value.startswith(("http://", "https://")):
            url = value.split()[0]
        elif captured is None and name in _TIME_KEYS:
            captured = parse_timestamp(value)
    return Wrapper(end, url, captured, fence)


def parse_timestamp(text: str) -> datetime.datetime | None:
    """An ISO 8601 date or date-time (any number of fraction digits), or an RFC 2822
    date-time (``Thu, 26 Nov 2026 08:00:00 GMT``, as HTTP headers and feeds write them),
    or None.

    A time without an offset is taken as UTC, as capture tools write them.
    """
    match = _TIMESTAMP.match(text.strip())
    if match is None:
        return _rfc2822(text)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    zone = datetime.timezone.utc
    try:
        if offset and offset != "Z":
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            if minutes > 59:
                return None
            # A day or more (+24:00) is refused here: no time zone is that far.
            zone = datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))
        return datetime.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0),
            int(second or 0), micro, tzinfo=zone,
        )
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime.datetime | None:
    start = _RFC2822.match(text.strip())
    if start is None:
        return None
    # Imported here: the email package (and the socket module it brings) costs about 10 ms
    # of every start, and only a wrapper that dates itself so needs it.
    import email.utils

    try:
        parsed = email.utils.parsedate_to_datetime(text.strip())
        # The email module reads a year below 100 as two digits (``0001`` as 2001); the
        # pattern took four, which mean what they say.
        parsed = parsed.replace(year=int(start.group(1)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # a day or time that does not exist, as for ISO 8601
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=datetime.timezone.utc)


def capture_day(captured: datetime.datetime) -> datetime.date:
    """The day yearless dates resolve against when the caller gives none: the later of the
    capture time's own calendar day and its day in UTC.

    A page may show either (the site's day is UTC's, a browser's its own zone's). Taking the
    earlier one at 21:00 at UTC-5 would put a page date of the next UTC day, and every
    yearless date under it, a year back; a later day puts no date of the page wrong.
    """
    if captured.utcoffset() is None:  # a naive time (a caller's): UTC, as the wrapper's are
        return captured.date()
    try:
        utc = captured.astimezone(datetime.timezone.utc).date()
    except OverflowError:  # at the calendar's ends (year 1 or 9999): no other day there
        return captured.date()
    return max(captured.date(), utc)


#: The day ``today`` gives instead of the clock's, inside ``today_is``.
_PINNED_TODAY: contextvars.ContextVar[datetime.date | None] = contextvars.ContextVar(
    "digestparse_pinned_today", default=None
)


def today() -> datetime.date:
    """The day yearless dates resolve against when nothing says when the page was captured:
    the capture day (``capture_day``) of the machine's clock now. West of UTC in the evening
    the page already shows the next day; the machine's own day would put it a year back."""
    pinned = _PINNED_TODAY.get()
    return pinned if pinned is not None else capture_day(_local_now())


@contextlib.contextmanager
def today_is(day: datetime.date) -> Iterator[None]:
    """``today()`` is ``day`` in this thread (this context) until the block ends.

    Dask runs a series' parses on workers whose clocks may not agree with the client's,
    or may cross midnight during the run: the client reads its day once and pins it there.
    """
    token = _PINNED_TODAY.set(day)
    try:
        yield
    finally:
        _PINNED_TODAY.reset(token)


def _local_now() -> datetime.datetime:
    return datetime.datetime.now().astimezone()


def is_fence_end(line: str, fence: str) -> bool:
    # str.strip, as the block reader's quick test (api._fenced_blocks) strips
    return line.strip() == fence
