"""Where input becomes lines: decoding bytes, the BOM, and the three line breaks.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line, so ``str.splitlines`` (which
also breaks at U+2028, form feed, U+0085, ...) is never used on text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .diagnostics import Reporter
from .errors import CallerError
from .grammar import BOM

#: The only line breaks of the format.
LINE_END = re.compile(r"\r\n|\r|\n")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def split_text(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks; a final line break is optional."""
    if text.startswith(BOM):
        text = text[1:]
    lines = LINE_END.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the text was empty or ended with a line break
    return lines


def looks_like_utf16(data: bytes) -> bool:
    if data[:2] in _UTF16_BOMS:
        return True
    # ASCII text in UTF-16 has a NUL in every other byte.
    head = data[:4]
    return len(head) == 4 and (
        (head[1] == 0 and head[3] == 0 and head[0] != 0)
        or (head[0] == 0 and head[2] == 0 and head[1] != 0)
    )


def _decode_utf16(data: bytes) -> str:
    if data[:2] in _UTF16_BOMS:
        return data.decode("utf-16", errors="replace")
    codec = "utf-16-le" if data[1] == 0 else "utf-16-be"
    return data.decode(codec, errors="replace")


def decode_bytes(data: bytes, reporter: Reporter) -> Iterable[str]:
    """The lines of UTF-8 ``data``; decoding problems go to ``reporter`` line by line."""
    if looks_like_utf16(data):
        reporter.defect("utf16-input", 1, 1, detail="decoded as UTF-16")
        return split_text(_decode_utf16(data))
    try:
        return split_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return stream_lines(data.splitlines(keepends=True), reporter)


def _decode_line(raw: bytes, lineno: int, reporter: Reporter, gap: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        column = len(raw[: error.start].decode("utf-8", errors="replace")) + 1
        detail = f"byte 0x{raw[error.start]:02x} replaced by U+FFFD"
        reporter.defect("invalid-utf8", lineno, column, detail=detail, gap=gap)
        return raw.decode("utf-8", errors="replace")


def guarded(items: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The caller's items, with any exception they raise marked as the caller's."""
    try:
        iterator = iter(items)
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                return
            yield item
    except Exception as error:
        raise CallerError(error) from error


def stream_lines(items: Iterable[str | bytes], reporter: Reporter) -> Iterator[str]:
    """Lines from an iterable of lines (str or UTF-8 bytes), lazily.

    Each item may end with a line break; an item holding several lines is
    split. UTF-16 input cannot be split line by line, so it is read whole.
    """
    iterator = iter(items)
    lineno = 0
    blanks = 0  # blank lines just read: a run of invalid-utf8 lines continues across them
    first = True
    for item in iterator:
        if isinstance(item, bytes):
            if first:
                if looks_like_utf16(item):
                    reporter.defect("utf16-input", 1, 1, detail="decoded as UTF-16")
                    rest = b"".join(x if isinstance(x, bytes) else x.encode() for x in iterator)
                    yield from split_text(_decode_utf16(item + rest))
                    return
                if item.startswith(_UTF8_BOM):
                    item = item[3:]
            text = _decode_line(item, lineno + 1, reporter, blanks)
        elif isinstance(item, str):
            text = item[1:] if first and item.startswith(BOM) else item
        else:
            error = TypeError(f"expected lines of str or bytes, got {type(item).__name__}")
            raise CallerError(error)
        first = False
        if text.endswith("\n"):
            text = text[:-2] if text.endswith("\r\n") else text[:-1]
        elif text.endswith("\r"):
            text = text[:-1]
        if "\n" in text or "\r" in text:
            blanks = 0
            for line in LINE_END.split(text):
                lineno += 1
                yield line
        else:
            lineno += 1
            blanks = 0 if text else blanks + 1
            yield text
