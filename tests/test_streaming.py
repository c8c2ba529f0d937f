"""``iter_papers`` yields what ``parse`` yields, whatever the source and the block size.

The same content is given to ``parse`` (as str and as bytes) and to
``iter_papers`` as a binary file path, a ``BytesIO``, a list of str lines and
a list of bytes lines, with blocks of 1, 7, 64 bytes (every seam of a
fixture falls inside a CRLF pair, a multi-byte character, an entry...) and
the default 64 KiB. Papers must be equal and diagnostics equal as a multiset
(a stream hands them out in emission order); in strict mode the same error.
"""

from __future__ import annotations

import collections
import datetime
import io
import pathlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import digestparse
from dialect_support import FastPathSpy
from digestparse import Diagnostic, Paper, ParseError, dialects
from digestparse.dialects.text import TEXT
from digestparse.fastpath import read_canonical
from digestparse.lines import wide_codec
from digestparse.state import ParseState

REFERENCE = datetime.date(2025, 12, 31)
FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))
CAPTURES = sorted((FIXTURES / "captures").glob("*.txt"))
BLOCK_SIZES = (1, 7, 64, 1 << 16)
_KEEP_ENDS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

Outcome = tuple[list[Paper], collections.Counter[Diagnostic]] | tuple[str, int, int, str]


def _outcome(run: Iterator[Paper] | Iterable[Paper], diagnostics: list[Diagnostic]) -> Outcome:
    try:
        papers = list(run)
    except ParseError as error:
        return (error.code, error.line, error.column, str(error))
    return papers, collections.Counter(diagnostics)


def parsed(source: str | bytes, mode: str) -> Outcome:
    try:
        digest = digestparse.parse(
            source, mode=mode, reference_date=REFERENCE, name="<in>"  # type: ignore[arg-type]
        )
    except ParseError as error:
        return (error.code, error.line, error.column, str(error))
    return list(digest.papers), collections.Counter(digest.diagnostics)


def streamed(source: object, mode: str, block_size: int) -> Outcome:
    diagnostics: list[Diagnostic] = []
    try:
        stream = digestparse.iter_papers(
            source,  # type: ignore[arg-type]
            mode=mode,  # type: ignore[arg-type]
            reference_date=REFERENCE,
            on_diagnostic=diagnostics.append,
            name="<in>",
            block_size=block_size,
        )
    except ParseError as error:
        return (error.code, error.line, error.column, str(error))
    return _outcome(stream, diagnostics)


def str_lines(text: str) -> list[str]:
    """``text`` cut after each of the format's line breaks (CR, LF, CRLF), breaks kept."""
    return _KEEP_ENDS.findall(text)


def sources(data: bytes, path: pathlib.Path) -> Iterator[tuple[str, object]]:
    """Every form of the same content that ``iter_papers`` takes."""
    path.write_bytes(data)
    yield "path", path
    yield "BytesIO", io.BytesIO(data)
    yield "bytes lines", data.splitlines(keepends=True)
    yield "bytes lines split at LF only", io.BytesIO(data).readlines()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    if not text.startswith("\ufeff\ufeff") and "\x00" not in text[:2]:
        yield "str lines", str_lines(text)


def assert_streams_like_parse(
    data: bytes, tmp_path: pathlib.Path, block_sizes: Iterable[int] = BLOCK_SIZES
) -> None:
    for mode in ("lenient", "strict"):
        want = parsed(data, mode)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if wide_codec(data) is None:
                assert parsed(text, mode) == want, "parse(str) and parse(bytes) differ"
        for block_size in block_sizes:
            for label, source in sources(data, tmp_path / "in.txt"):
                got = streamed(source, mode, block_size)
                assert got == want, (mode, block_size, label)


@pytest.mark.parametrize("path", SEEDS + CAPTURES, ids=lambda p: p.name[:3])
def test_fixture_streams_like_parse_at_every_seam(
    path: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    assert_streams_like_parse(path.read_bytes(), tmp_path)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_crlf_and_multibyte_seams(path: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Each line break a CRLF pair and a two-, three- and four-byte character on most lines:
    blocks of 1 and 7 bytes cut every pair and every character somewhere."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    # Titles and abstracts only (header lines are longer than 20 characters too).
    decorated = [
        line + " \u00e9\u20ac\U0001f600" if len(line) > 45 else line for line in lines
    ]
    data = "\r\n".join(decorated).encode("utf-8")
    assert b"\r\n" in data and "\U0001f600".encode() in data
    assert_streams_like_parse(data, tmp_path, (1, 7, 64))
    papers = parsed(data, "lenient")[0]
    assert isinstance(papers, list) and len(papers) == len(parsed(text, "lenient")[0])


def test_lone_cr_before_an_invalid_byte_is_placed_on_its_own_line(
    tmp_path: pathlib.Path,
) -> None:
    # Line 1 "new", line 2 "ab" (ends with a lone CR), line 3 "c\xffd": the bad byte is on
    # line 3, column 2. Read by lines split at LF only, the lone CR used to hide that.
    data = b"new\rab\rc\xffd\n"
    digest = digestparse.parse(data, reference_date=REFERENCE)
    bad = [d for d in digest.diagnostics if d.code == "invalid-utf8"]
    assert [(d.line, d.column) for d in bad] == [(3, 2)]
    assert_streams_like_parse(data, tmp_path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("first", ["", "x", "\r\n", "ab"])
def test_bom_less_utf16_with_a_short_first_line(
    codec: str, first: str, tmp_path: pathlib.Path
) -> None:
    text = first + "\nnew\n\nSubscribe\n\nA title\n\nAn abstract.\n"
    data = text.encode(codec)
    digest = digestparse.parse(data, reference_date=REFERENCE)
    assert digest.diagnostics[0].code == "utf16-input"
    assert_streams_like_parse(data, tmp_path)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_streams_like_parse(codec: str, tmp_path: pathlib.Path) -> None:
    data = SEEDS[3].read_text(encoding="utf-8").encode(codec)
    digest = digestparse.parse(data, reference_date=REFERENCE)
    assert [d.code for d in digest.diagnostics] == ["utf32-input"]
    assert len(digest.papers) == len(parsed(SEEDS[3].read_bytes(), "lenient")[0])
    assert_streams_like_parse(data, tmp_path, (1, 3, 64, 4096))


def test_streaming_takes_the_fast_path_across_seams(tmp_path: pathlib.Path) -> None:
    """Block-wise streaming is there for speed: every entry the fast path reads in
    ``parse`` it reads in a stream too, also the entries that straddle two blocks (at a
    block's end the fast path takes the next one in)."""
    data = SEEDS[0].read_bytes() * 20
    path = tmp_path / "dump.txt"
    path.write_bytes(data)
    block_size = 8192
    seams = len(data) // block_size
    assert seams > 50

    def fast_papers(read: Callable[[], Iterable[Paper]]) -> tuple[FastPathSpy, list[Paper]]:
        spy = FastPathSpy(read_canonical)
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(dialects.BY_NAME, "text", spy.on(TEXT))
            papers = list(read())
        return spy, papers

    in_parse, want = fast_papers(
        lambda: digestparse.parse(data, reference_date=REFERENCE, dialect="text").papers
    )
    in_stream, got = fast_papers(
        lambda: digestparse.iter_papers(
            path, reference_date=REFERENCE, block_size=block_size, dialect="text"
        )
    )
    assert got == want
    assert in_parse.built > 0.9 * len(want)
    assert in_stream.built == in_parse.built
    # It hands papers out at each window's end, so memory does not grow with the input:
    # the largest window is the first, the head read to choose the dialect (200 non-blank
    # lines, at most 50 entries); later ones hold a block of 8 KiB, a few entries.
    assert in_stream.held <= 50 < len(got) // 5, in_stream.held


# -- generated content --------------------------------------------------------------------

_PIECES = [
    "new", "Subscribe", "Daily Papers", "byAK and the research community", "Dec 31",
    "A title", "An abstract with https://github.com/a/b.", "  \u2022 3 authors", "\u00b7",
    "Jun 9", "Jun 9 7", "Feb 30", "Org Name", "junk ", " lead", "\u00e9\u20ac\U0001f600",
    "", "", "",
]
_BREAKS = ["\n", "\n", "\n", "\r\n", "\r"]


@st.composite
def contents(draw: st.DrawFn) -> bytes:
    """A dump-like document: format pieces, any of the three line breaks, sometimes an
    invalid byte, a BOM or UTF-16."""
    pieces = draw(st.lists(st.sampled_from(_PIECES), max_size=30))
    breaks = draw(st.lists(st.sampled_from(_BREAKS), min_size=len(pieces), max_size=len(pieces)))
    text = "".join(piece + end for piece, end in zip(pieces, breaks, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le"]))
    data = text.encode(encoding)
    if encoding == "utf-8" and data and draw(st.booleans()):
        where = draw(st.integers(0, len(data)))
        data = data[:where] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x80\x80"])) + data[where:]
    return data


@given(data=contents(), block_size=st.sampled_from([1, 2, 3, 5, 7, 64, 1 << 16]))
@example(data=b"new\r\xff\n", block_size=1)
# BOM-less UTF-16 whose first line is one character
@example(data=b"\r\x00n\x00e\x00w\x00", block_size=1)
@example(data="new\r\n\u00e9".encode(), block_size=4)  # the CRLF pair and a character cut
@example(data=b"new\nnew\r\r\n", block_size=1)  # an item "new\r\r\n" of lines split at LF
def test_streaming_equals_parse_on_generated_content(
    data: bytes, block_size: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("stream")
    assert_streams_like_parse(data, tmp_path, (block_size,))


# -- the dialects' fast paths over the window ---------------------------------------------


@pytest.mark.parametrize("path", CAPTURES, ids=lambda p: p.name[:2])
def test_dialect_fast_paths_read_as_many_entries_in_a_stream(
    path: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """Each dialect's fast path reads a window, not the whole input: over a capture repeated
    (every block seam falls somewhere else in an entry) a stream gives parse's papers and
    diagnostics, and its fast path takes about as many entries as in ``parse`` (at a
    window's end it takes in more lines rather than leaving the entry to the rules)."""
    name = digestparse.parse(path.read_bytes(), reference_date=REFERENCE).dialect
    data = path.read_bytes() * 8
    file = tmp_path / "dump.txt"
    file.write_bytes(data)
    dialect = dialects.BY_NAME[name]
    assert dialect.fast_path is not None

    def fast_papers(read: object) -> tuple[int, Outcome]:
        taken = [0]

        def spy(state: ParseState) -> bool:
            before = len(state.papers)
            assert dialect.fast_path is not None
            result = dialect.fast_path(state)
            taken[0] += len(state.papers) - before
            return result

        try:
            dialects.BY_NAME[name] = attrs.evolve(dialect, fast_path=spy)
            outcome = read()  # type: ignore[operator]
        finally:
            dialects.BY_NAME[name] = dialect
        return taken[0], outcome

    def parsed_forced() -> Outcome:
        digest = digestparse.parse(data, reference_date=REFERENCE, dialect=name, name="<in>")
        return list(digest.papers), collections.Counter(digest.diagnostics)

    def streamed_forced(block_size: int) -> Outcome:
        diagnostics: list[Diagnostic] = []
        stream = digestparse.iter_papers(
            file, reference_date=REFERENCE, block_size=block_size, dialect=name,
            on_diagnostic=diagnostics.append, name="<in>",
        )
        return _outcome(stream, diagnostics)

    in_parse, want = fast_papers(parsed_forced)
    assert in_parse > 0
    for block_size in (7, 512, 4096):
        in_stream, got = fast_papers(lambda: streamed_forced(block_size))  # noqa: B023
        assert got == want, block_size
        # Near an unfinished window's end an entry may be left to the rules (window.py).
        assert in_stream >= 0.9 * in_parse, (block_size, in_stream, in_parse)


@pytest.mark.parametrize("path", CAPTURES, ids=lambda p: p.name[:2])
def test_dialect_fast_paths_stop_at_an_invalid_byte(path: pathlib.Path) -> None:
    """A line with a decoding defect ends the window a fast path may read (the rules report
    it): near it, the window cannot grow past it, and streaming still ends and agrees."""
    lines = path.read_bytes().split(b"\n")
    for where in (len(lines) // 2, len(lines) - 3):
        damaged = list(lines)
        damaged[where] += b"\xff"
        data = b"\n".join(damaged) * 3
        want = parsed(data, "lenient")
        for block_size in (7, 300, 4096):
            assert streamed(io.BytesIO(data), "lenient", block_size) == want, (where, block_size)


@given(
    capture=st.sampled_from(CAPTURES),
    edits=st.lists(
        st.tuples(st.sampled_from(["drop", "copy", "blank", "strip"]), st.floats(0, 1)),
        max_size=6,
    ),
    block_size=st.sampled_from([1, 7, 64, 300, 4096]),
)
def test_damaged_captures_stream_like_parse(
    capture: pathlib.Path, edits: list[tuple[str, float]], block_size: int
) -> None:
    """Each dialect's fast path over the window gives up or reads on where parse's does:
    a capture with lines dropped, doubled, blanked or stripped, in any block size."""
    lines = capture.read_bytes().split(b"\n")
    for kind, where in edits:
        index = min(int(where * len(lines)), len(lines) - 1)
        if kind == "drop":
            del lines[index]
        elif kind == "copy":
            lines.insert(index, lines[index])
        elif kind == "blank":
            lines[index] = b""
        else:
            lines[index] = lines[index].strip()
    data = b"\n".join(lines) * 2
    for mode in ("lenient", "strict"):
        assert streamed(io.BytesIO(data), mode, block_size) == parsed(data, mode), mode


def _with_blank_runs(path: pathlib.Path, seed: int) -> tuple[str, datetime.date | None]:
    """The file with runs of blank lines (empty or of blanks) put in at three places."""
    import json
    import random

    expected = path.with_suffix(".expected.json")
    reference: datetime.date | None = REFERENCE
    if expected.exists():
        day = json.loads(expected.read_text(encoding="utf-8")).get("reference_date")
        reference = datetime.date.fromisoformat(day) if day else None
    rng = random.Random(seed)
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(3):
        at = rng.randrange(len(lines))
        lines[at:at] = [rng.choice(["", "  ", " \t"])] * rng.randrange(1, 40)
    return "\n".join(lines), reference


@pytest.mark.parametrize("behind", [1, 3, 8])
@pytest.mark.parametrize("path", [*SEEDS, *CAPTURES], ids=lambda path: path.name[:3])
def test_a_window_that_lets_blank_runs_go_reads_the_same(
    path: pathlib.Path, behind: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stream's window lets go of the lines more than ``_WINDOW_BEHIND`` before the one
    being read (so that a long run of blank lines is not held), and ``rewind`` then declines
    until the rules have consumed past them: with a window of a few lines, that happens at
    nearly every block's end, and every reading must still be the same."""
    from digestparse import state

    for seed in range(4):
        text, reference = _with_blank_runs(path, seed)
        for mode in ("lenient", "strict"):
            expected = _read_as_it_ends(text, mode, reference)
            monkeypatch.setattr(state, "_WINDOW_BEHIND", behind)
            assert _read_as_it_ends(text, mode, reference) == expected
            for block_size in (7, 512):
                assert _read_as_it_ends(text, mode, reference, block_size) == expected
            monkeypatch.undo()


def _read_as_it_ends(
    text: str, mode: Literal["strict", "lenient"], reference: datetime.date | None,
    block_size: int | None = None,
) -> object:
    """The papers and the diagnostics (in line order: a stream does not sort them) of
    ``parse``, or of ``iter_papers`` over the bytes in blocks of ``block_size``; or the
    strict error."""
    try:
        if block_size is None:
            digest = digestparse.parse(text, mode=mode, reference_date=reference)
            papers, diagnostics = digest.papers, digest.diagnostics
        else:
            stream = digestparse.iter_papers(
                io.BytesIO(text.encode()), mode=mode, reference_date=reference,
                block_size=block_size, name="<string>",
            )
            papers, diagnostics = tuple(stream), tuple(stream.diagnostics)
    except ParseError as error:
        return str(error)
    return papers, sorted(diagnostics, key=lambda d: (d.line, d.column, d.code))
