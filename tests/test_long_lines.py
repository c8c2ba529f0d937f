"""A line keeps at most ``lines.MAX_LINE`` characters, the same way whatever form the input
takes; the rest is reported as ``line-too-long`` and never held (issue 9, point 9)."""

from __future__ import annotations

import datetime
import io
import tracemalloc
from collections.abc import Iterator
from typing import BinaryIO, cast
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import digestparse
from digestparse import lines
from test_streaming import assert_streams_like_parse, contents

REFERENCE = datetime.date(2025, 12, 31)
HEADER = (
    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers"
    "\n\nbyAK and the research community\n\nDec 31"
)
LIMIT = lines.MAX_LINE
TOO_LONG = (
    f"<string>:13:{LIMIT + 1}: line-too-long line too long: only its first {LIMIT} "
    "characters are read"
)


def test_a_line_of_max_line_characters_is_read_whole() -> None:
    digest = digestparse.parse(HEADER + "\n\nT" + "x" * (LIMIT - 1) + "\n\nA", mode="strict",
                               reference_date=REFERENCE)
    assert len(digest.papers[0].title) == LIMIT


@pytest.mark.parametrize("source_type", [str, bytes])
def test_one_character_more_is_cut_and_reported(source_type: type) -> None:
    text = HEADER + "\n\nT" + "x" * LIMIT + "\n\nA"
    source = text if source_type is str else text.encode()
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE)
    assert str(raised.value) == TOO_LONG
    digest = digestparse.parse(source, reference_date=REFERENCE)
    assert [str(d) for d in digest.diagnostics] == [TOO_LONG]
    assert digest.papers[0].title == "T" + "x" * (LIMIT - 1)
    assert digest.papers[0].abstract == "A"


def test_an_invalid_byte_in_the_kept_part_is_reported_before_the_cut() -> None:
    data = (HEADER + "\n\nT").encode() + b"\xff" + b"x" * LIMIT + b"\xfe\n\nA"
    digest = digestparse.parse(data, reference_date=REFERENCE)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("invalid-utf8", 13, 2),
        ("line-too-long", 13, LIMIT + 1),
    ]


def _endless(size: int, head: bytes) -> Iterator[bytes]:
    yield head
    chunk = b"x" * (1 << 16)
    for _ in range(size // len(chunk)):
        yield chunk
    yield b"\r\n\r\nthe end\n"


class _Stream:
    """A binary stream of ``size`` bytes of one line, made as it is read."""

    def __init__(self, size: int) -> None:
        self._chunks = _endless(size, (HEADER + "\n\n").encode())
        self.served = 0

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        chunk = next(self._chunks, b"")
        self.served += len(chunk)
        return chunk


def test_streaming_an_endless_line_holds_a_bounded_part_of_it() -> None:
    size = 48 * LIMIT
    stream = _Stream(size)
    found: list[digestparse.Diagnostic] = []
    tracemalloc.start()
    try:
        papers = list(digestparse.iter_papers(cast(BinaryIO, stream), reference_date=REFERENCE,
                                              on_diagnostic=found.append))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stream.served > size
    assert [(d.code, d.line, d.column) for d in found][:1] == [("line-too-long", 13, LIMIT + 1)]
    assert papers[0].title == "x" * LIMIT
    assert papers[0].abstract == "the end"
    assert peak < 16 * LIMIT, peak  # the line is 48 * LIMIT bytes


# With a tiny MAX_LINE every path meets long lines everywhere: at every seam, inside a
# CRLF pair, a multi-byte character, an invalid byte, in UTF-16.
_LONG = st.text(st.sampled_from("ab\u00e9\u20ac\U0001f600 \r\n"), min_size=5, max_size=40)


@st.composite
def long_line_contents(draw: st.DrawFn) -> bytes:
    data = draw(contents())
    where = draw(st.integers(0, len(data)))
    return data[:where] + draw(_LONG).encode() + data[where:]


@given(data=long_line_contents(), limit=st.sampled_from([1, 3, 12]),
       block_size=st.sampled_from([1, 2, 7, 64, 1 << 16]))
@example(data=b"new\r\nabcdefghijklmnopqrstuvwxyz\r\nx", limit=3, block_size=1)
@example(data=b"abcdefghijklmnopqrstuvwxyz\r", limit=3, block_size=7)
@example(data="new\n\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
         "\r\n\n".encode("utf-16"), limit=3, block_size=1)
@example(data=b"n\xffewnewnewnewnewnewnew\n", limit=3, block_size=2)
def test_long_lines_are_cut_the_same_in_every_form(
    data: bytes, limit: int, block_size: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("long")
    with mock.patch.object(lines, "MAX_LINE", limit):
        assert_streams_like_parse(data, tmp_path, (block_size,))


def test_the_cut_is_seen_by_every_form() -> None:
    """The property above is not vacuous: a long line is reported in each form."""
    data = b"new\r\n" + b"y" * 40 + b"\r\nx"
    with mock.patch.object(lines, "MAX_LINE", 3):
        for source in (data, data.decode(), io.BytesIO(data), [data], data.splitlines(True)):
            found: list[digestparse.Diagnostic] = []
            if isinstance(source, (str, bytes)):
                found = list(digestparse.parse(source, reference_date=REFERENCE).diagnostics)
            else:
                list(digestparse.iter_papers(source, reference_date=REFERENCE,
                                             on_diagnostic=found.append, block_size=2))
            cuts = [(d.line, d.column) for d in found if d.code == "line-too-long"]
            assert cuts == [(2, 4)], source
