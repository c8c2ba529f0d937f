"""Where input becomes lines: decoding bytes, the BOM, and the three line breaks.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line, so ``str.splitlines`` (which
also breaks at U+2028, form feed, U+0085, ...) is never used on text.

Streams are read in blocks of whole lines (``Blocks``): a binary stream in
blocks of about ``BLOCK_SIZE`` bytes cut after the last line break, lines from
an iterable gathered until they hold about as many characters. A block is
decoded in one go; only a block that is not valid UTF-8 is split first and
decoded line by line. Its reading defects travel with it (``Block.defects``)
and are reported by the parse state when it reads the line, as for a whole
input given to ``parse``.

A line keeps at most ``MAX_LINE`` characters; the rest of a longer one is
dropped and reported (``line-too-long``). This is what bounds the memory of
reading a stream whatever it holds: a line is never gathered whole while it
is longer than that, and every way of giving the input cuts it the same way.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator

from .diagnostics import Reporter
from .errors import CallerError
from .grammar import BOM

#: The only line breaks of the format.
LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
#: How many bytes a stream is read in by default (and characters of lines gathered per block).
BLOCK_SIZE = 1 << 16
#: The largest block ``iter_papers`` takes (1 GiB): a read of more fails before it starts.
MAX_BLOCK_SIZE = 1 << 30
#: The bytes the UTF-16 and UTF-32 sniff needs.
_SNIFF = 4
#: The longest line kept, in characters (1 MiB of ASCII; no capture comes near it).
MAX_LINE = 1 << 20
#: A UTF-8 character is at most this many bytes: a line of more than
#: ``_MAX_CHAR_BYTES * MAX_LINE`` bytes surely holds more than ``MAX_LINE`` characters.
_MAX_CHAR_BYTES = 4

#: A defect found while reading a line (before any dialect sees it):
#: (code, column, detail, blank lines just before the line).
ReadDefect = tuple[str, int, str, int]
#: The reading defects of some lines, by line number, in column order.
LineDefects = dict[int, tuple[ReadDefect, ...]]


class Block:
    """Consecutive whole lines of the input, without their line breaks."""

    __slots__ = ("defects", "lines")

    def __init__(self, lines: list[str], defects: LineDefects) -> None:
        self.lines = lines
        #: Reading defects of these lines (invalid-utf8, line-too-long), by line number.
        self.defects = defects


def report_read_defects(reporter: Reporter, number: int, found: tuple[ReadDefect, ...]) -> None:
    """Report the reading defects of line ``number``."""
    for code, column, detail, gap in found:
        reporter.defect(code, number, column, detail=detail, gap=gap)


def cut_long_lines(lines: list[str], first: int, defects: LineDefects) -> None:
    """Keep the first ``MAX_LINE`` characters of each line of ``lines`` (``first`` is the
    number of ``lines[0]``), recording ``line-too-long`` for each line cut; a decoding
    defect in the dropped part is forgotten with it."""
    limit = MAX_LINE
    for index, line in enumerate(lines):
        if len(line) > limit:
            lines[index] = line[:limit]
            number = first + index
            kept = tuple(d for d in defects.get(number, ()) if d[1] <= limit)
            detail = f"only its first {limit} characters are read"
            defects[number] = (*kept, ("line-too-long", limit + 1, detail, 0))


class Blocks:
    """The input as a sequence of blocks of lines: the parse state reads it block by block,
    so the fast path can run over each block while memory stays bounded."""

    __slots__ = ("_blocks",)

    def __init__(self, blocks: Iterable[Block]) -> None:
        self._blocks = iter(blocks)

    def __iter__(self) -> Blocks:
        return self

    def __next__(self) -> Block:
        return next(self._blocks)


def split_text(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks; a final line break is optional."""
    if text.startswith(BOM):
        text = text[1:]
    lines = LINE_END.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the text was empty or ended with a line break
    return lines


def text_blocks(text: str, block_size: int = BLOCK_SIZE) -> Blocks:
    """The lines of ``text`` (``split_text``) in blocks of about ``block_size`` characters.

    Splitting a block at a time keeps its lines in the CPU cache while they are parsed.
    """
    return Blocks(_text_slices(text, block_size))


def _text_slices(text: str, block_size: int) -> Iterator[Block]:
    start = 1 if text.startswith(BOM) else 0
    size = len(text)
    carriage = "\r" in text
    number = 0  # lines before the slice
    while start < size:
        end = start + block_size
        if end >= size:
            cut = size
        else:
            cut = text.rfind("\n", start, end) + 1
            if carriage:
                found = text.rfind("\r", max(cut, start), end) + 1
                if found and text.startswith("\n", found):
                    found += 1
                cut = max(cut, found)
            if not cut:
                match = LINE_END.search(text, end)
                cut = match.end() if match is not None else size
        piece = text[start:cut]
        lines = LINE_END.split(piece) if carriage else piece.split("\n")
        if lines[-1] == "":
            lines.pop()
        yield _text_block(lines, number, len(piece))
        number += len(lines)
        start = cut


def wide_codec(data: bytes) -> str | None:
    """The codec of input in UTF-32 or UTF-16, told from its first bytes (a byte order
    mark, or the NUL bytes ASCII text has in them); None for anything else (UTF-8).

    UTF-32 is asked first: its little-endian mark ``FF FE 00 00`` starts with UTF-16's.
    """
    if data[:4] in _UTF32_BOMS:
        return "utf-32"
    if data[:2] in _UTF16_BOMS:
        return "utf-16"
    head = data[:_SNIFF]
    if len(head) < _SNIFF:
        return None
    # ASCII text has three NULs in each four bytes in UTF-32, one in each two in UTF-16.
    if head[0] and not any(head[1:]):
        return "utf-32-le"
    if head[3] and not any(head[:3]):
        return "utf-32-be"
    if head[0] and not head[1] and not head[3]:
        return "utf-16-le"
    if head[1] and not head[0] and not head[2]:
        return "utf-16-be"
    return None


def _report_wide(reporter: Reporter, codec: str) -> None:
    if codec.startswith("utf-32"):
        reporter.defect("utf32-input", 1, 1, detail="decoded as UTF-32")
    else:
        reporter.defect("utf16-input", 1, 1, detail="decoded as UTF-16")


def decode_line(raw: bytes, lineno: int, gap: int, defects: LineDefects) -> str:
    """``raw`` (one line, no line break) decoded; an invalid byte is recorded in ``defects``."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        column = len(raw[: error.start].decode("utf-8", errors="replace")) + 1
        detail = f"byte 0x{raw[error.start]:02x} replaced by U+FFFD"
        defects[lineno] = (("invalid-utf8", column, detail, gap),)
        return raw.decode("utf-8", errors="replace")


class _LineCounter:
    """Numbers lines across blocks, and counts the blank lines just read (a run of
    invalid-utf8 lines continues across them)."""

    __slots__ = ("blanks", "number")

    def __init__(self) -> None:
        self.number = 0
        self.blanks = 0

    def block(self, data: bytes) -> Block:
        """The lines of ``data``: whole lines, the last one's line break optional."""
        first = self.number + 1
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            block = self._line_by_line(data)
        else:
            lines = LINE_END.split(text) if "\r" in text else text.split("\n")
            if lines[-1] == "":
                lines.pop()
            self.count(lines)
            block = Block(lines, {})
        if len(data) > MAX_LINE:  # fewer bytes cannot make a line too long
            cut_long_lines(block.lines, first, block.defects)
        return block

    def long_line(self, start: bytes) -> Block:
        """The line whose first bytes are ``start``, which holds more than ``MAX_LINE``
        characters and no line break; the caller drops the rest of the line."""
        self.number += 1
        defects: LineDefects = {}
        lines = [decode_line(start, self.number, self.blanks, defects)]
        self.blanks = 0
        cut_long_lines(lines, self.number, defects)
        return Block(lines, defects)

    def count(self, lines: list[str]) -> None:
        self.number += len(lines)
        trailing = 0
        for line in reversed(lines):
            if line:
                self.blanks = trailing
                return
            trailing += 1
        self.blanks += trailing

    def _line_by_line(self, data: bytes) -> Block:
        parts = _LINE_END_BYTES.split(data)
        if parts[-1] == b"":
            parts.pop()
        defects: LineDefects = {}
        lines = []
        for part in parts:
            self.number += 1
            line = decode_line(part, self.number, self.blanks, defects)
            self.blanks = 0 if line else self.blanks + 1
            lines.append(line)
        return Block(lines, defects)


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


def _guarded_read(read: Callable[[int], bytes]) -> Callable[[int], bytes]:
    def guarded_read(size: int) -> bytes:
        try:
            data = read(size)
        except Exception as error:
            raise CallerError(error) from error
        if not isinstance(data, bytes):
            raise CallerError(TypeError(f"expected bytes, got {type(data).__name__}"))
        return data

    return guarded_read


def binary_blocks(
    read: Callable[[int], bytes], reporter: Reporter, block_size: int = BLOCK_SIZE
) -> Blocks:
    """The lines of a binary stream (``read(n)`` gives up to ``n`` bytes, ``b""`` at the
    end) in blocks of about ``block_size`` bytes, each cut after its last line break."""
    return Blocks(_binary_blocks(_guarded_read(read), reporter, block_size))


def _binary_blocks(
    read: Callable[[int], bytes], reporter: Reporter, block_size: int
) -> Iterator[Block]:
    head = b""
    while len(head) < _SNIFF:
        more = read(max(block_size, _SNIFF - len(head)))
        if not more:
            break
        head += more
    codec = wide_codec(head)
    if codec is not None:
        _report_wide(reporter, codec)
        yield from _wide_blocks(codec, head, read, block_size)
        return
    if head.startswith(_UTF8_BOM):
        head = head[3:]
    counter = _LineCounter()
    pending: list[bytes] = []  # the start of a line that the next block ends
    pending_size = 0
    drop_lf = False  # the last block ended with "\r": a "\n" next is the rest of that break
    skipping = False  # in the dropped rest of a line too long to keep
    chunk = head
    while chunk:
        if drop_lf:
            drop_lf = False
            if chunk[0] == 0x0A:
                chunk = chunk[1:]
        if skipping:
            end = _after_first_break(chunk)
            if end < 0:
                chunk = read(block_size)
                continue
            skipping = False
            drop_lf = end == len(chunk) and chunk[-1] == 0x0D
            chunk = chunk[end:]
        cut = chunk.rfind(b"\n")
        carriage = chunk.rfind(b"\r", cut + 1)
        if carriage > cut:
            cut = carriage
            drop_lf = cut == len(chunk) - 1
        if cut < 0:
            pending.append(chunk)
            pending_size += len(chunk)
            if pending_size > _MAX_CHAR_BYTES * MAX_LINE:
                yield counter.long_line(b"".join(pending))
                pending, pending_size, skipping = [], 0, True
        else:
            data = chunk[: cut + 1]
            if pending:
                pending.append(data)
                data = b"".join(pending)
                pending = []
            pending_size = len(chunk) - cut - 1
            if pending_size:
                pending.append(chunk[cut + 1 :])
            yield counter.block(data)
        chunk = read(block_size)
    if pending:
        yield counter.block(b"".join(pending))


def _after_first_break(chunk: bytes) -> int:
    """Where the first line break of ``chunk`` ends (a CRLF pair whole), or -1 if it has none.
    ``bytes.find`` scans for one byte much faster than a regular expression for three."""
    lf = chunk.find(b"\n")
    cr = chunk.find(b"\r", 0, lf if lf >= 0 else len(chunk))
    if cr < 0:
        return lf + 1 if lf >= 0 else -1
    return cr + 2 if chunk.startswith(b"\n", cr + 1) else cr + 1


def _wide_blocks(
    codec: str, head: bytes, read: Callable[[int], bytes], block_size: int
) -> Iterator[Block]:
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")

    def texts() -> Iterator[str]:
        chunk = head
        while chunk:
            yield decoder.decode(chunk)
            chunk = read(block_size)
        yield decoder.decode(b"", final=True)

    return _text_blocks(texts())


def _text_blocks(texts: Iterator[str]) -> Iterator[Block]:
    """Blocks of the lines of a text given in pieces (``split_text`` of their join)."""
    carry = ""
    started = False
    number = 0  # lines yielded
    skipping = False  # in the dropped rest of a line too long to keep
    for piece in texts:
        text = carry + piece
        if not started and text:
            started = True
            if text.startswith(BOM):
                text = text[1:]
        if skipping:
            found = LINE_END.search(text)
            if found is None or (found.end() == len(text) and found.group() == "\r"):
                carry = "" if found is None else "\r"  # may be the first half of "\r\n"
                continue
            skipping = False
            text = text[found.end() :]
        # A "\r" at the end may be the first half of "\r\n": wait for the next piece.
        end = len(text) - 1 if text.endswith("\r") else len(text)
        cut = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end))
        if cut < 0:
            if end > MAX_LINE:
                yield _text_block([text[: MAX_LINE + 1]], number, MAX_LINE + 1)
                number += 1
                skipping = True
                carry = text[end:]  # its line break, if it came already
            else:
                carry = text
            continue
        carry = text[cut + 1 :]
        lines = LINE_END.split(text[: cut + 1])
        lines.pop()
        yield _text_block(lines, number, cut + 1)
        number += len(lines)
    if carry and not skipping:
        lines = LINE_END.split(carry)
        if lines[-1] == "":
            lines.pop()
        yield _text_block(lines, number, len(carry))


def _text_block(lines: list[str], before: int, size: int) -> Block:
    """A block of ``lines`` (``size`` characters) that follow line ``before``."""
    defects: LineDefects = {}
    if size > MAX_LINE:
        cut_long_lines(lines, before + 1, defects)
    return Block(lines, defects)


def item_blocks(
    items: Iterable[str | bytes], reporter: Reporter, block_size: int = BLOCK_SIZE
) -> Blocks:
    """The lines of an iterable of lines (str or UTF-8 bytes) in blocks of about
    ``block_size`` characters.

    Each item may end with a line break; an item holding several lines is
    split (bytes before they are decoded, so an invalid byte is placed on its
    own line). UTF-16 or UTF-32 bytes are decoded as one stream.
    """
    return Blocks(_item_blocks(guarded(items), reporter, block_size))


def _item_blocks(
    items: Iterator[str | bytes], reporter: Reporter, block_size: int
) -> Iterator[Block]:
    first: list[str | bytes] = []
    sniffed = b""
    for item in items:
        first.append(item)
        if not isinstance(item, bytes):
            break
        sniffed += item
        if len(sniffed) >= _SNIFF:
            break
    codec = wide_codec(sniffed) if first and isinstance(first[0], bytes) else None
    if codec is not None:
        _report_wide(reporter, codec)
        rest = (x if isinstance(x, bytes) else _item_type(x).encode() for x in items)
        data = (x if isinstance(x, bytes) else _item_type(x).encode() for x in first)
        yield from _wide_blocks(codec, b"".join(data), _reader(rest), block_size)
        return
    counter = _LineCounter()
    lines: list[str] = []
    defects: LineDefects = {}
    size = 0
    start = True
    for item in _chain(first, items):
        if isinstance(item, bytes):
            if start and item.startswith(_UTF8_BOM):
                item = item[3:]
            size += _add_bytes(item, counter, lines, defects)
        elif isinstance(item, str):
            if start and item.startswith(BOM):
                item = item[1:]
            size += _add_text(item, counter, lines, defects)
        else:
            _item_type(item)
        start = False
        if size >= block_size:
            yield Block(lines, defects)
            lines, defects, size = [], {}, 0
    if lines:
        yield Block(lines, defects)


def _chain(first: list[str | bytes], rest: Iterator[str | bytes]) -> Iterator[str | bytes]:
    yield from first
    yield from rest


def _item_type(item: object) -> str:
    if isinstance(item, str):
        return item
    error = TypeError(f"expected lines of str or bytes, got {type(item).__name__}")
    raise CallerError(error)


def _reader(chunks: Iterator[bytes]) -> Callable[[int], bytes]:
    def read(size: int) -> bytes:
        for chunk in chunks:
            if chunk:
                return chunk
        return b""

    return read


def _add_text(
    item: str, counter: _LineCounter, lines: list[str], defects: LineDefects
) -> int:
    if item.endswith("\n"):
        item = item[:-2] if item.endswith("\r\n") else item[:-1]
    elif item.endswith("\r"):
        item = item[:-1]
    new = LINE_END.split(item) if "\n" in item or "\r" in item else [item]
    if len(item) > MAX_LINE:
        cut_long_lines(new, counter.number + 1, defects)
    counter.count(new)
    lines += new
    return len(item) + 1


def _add_bytes(
    item: bytes, counter: _LineCounter, lines: list[str], defects: LineDefects
) -> int:
    if item.endswith(b"\n"):
        item = item[:-2] if item.endswith(b"\r\n") else item[:-1]
    elif item.endswith(b"\r"):
        item = item[:-1]
    # End the item with one more line break, which must not pair with a "\r" before it.
    block = counter.block(item + (b"\r" if item.endswith(b"\r") else b"\n"))
    lines += block.lines
    defects.update(block.defects)
    return len(item) + 1
