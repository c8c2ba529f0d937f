"""A title or abstract joined from many lines keeps at most ``lines.MAX_LINE`` characters
(``field-too-long``), so that memory stays bounded whatever the input (issue 9, point 9).

The limit is read when a field starts: patched small here (``CAP``, above every field of
the captures), a field a hundred times as long is cheap to build. Every dialect that joins
fields is tried: markdown (captures 03 and 04), reference-text (01), html-text (05),
text-urls (02).
"""

from __future__ import annotations

import datetime
import io
import pathlib
import tracemalloc
from unittest import mock

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import digestparse
from cli_helpers import run_cli_peak
from dialect_support import CAPTURE_PATHS, FastPathSpy, assert_paths_agree, parse_events
from digestparse import lines
from digestparse.diagnostics import reading_order
from digestparse.dialects import BY_NAME
from digestparse.dialects import base as dialect_base
from digestparse.lines import split_text, text_blocks
from test_reading_order import assert_strict_raises_lenients_first
from test_streaming import assert_streams_like_parse

REFERENCE = datetime.date(2026, 12, 31)
#: Above the longest field of the captures (an abstract of 1,914 characters with its spaces).
CAP = 2048
FILLER = "lorem ipsum dolor sit amet consectetur"
#: A hundred times the cap, in lines of FILLER.
LONG = 100 * CAP // (len(FILLER) + 1)
SHORT = 3


def capture(prefix: str) -> list[str]:
    (path,) = [path for path in CAPTURE_PATHS if path.name.startswith(prefix)]
    return path.read_text(encoding="utf-8").split("\n")


def inserted(prefix: str, after: int, count: int, line: str = FILLER) -> str:
    """The capture with ``count`` lines inserted after its line ``after``."""
    text = capture(prefix)
    return "\n".join(text[:after] + [line] * count + text[after:])


@attrs.frozen
class Field:
    """A field of a capture, read off the file: its dialect, its lines ``first`` to ``last``."""

    prefix: str
    dialect: str
    first: int
    last: int
    #: Where lines are inserted: after these lines of the field.
    points: tuple[int, ...]


FIELDS = (
    Field("01", "reference-text", 310, 326, (310, 317, 326)),  # an abstract inside [ ... ][75]
    Field("03", "markdown", 58, 77, (58, 66, 76)),  # a linked abstract; its link closes on 77
    Field("04", "markdown", 25, 25, (25,)),  # a trending title, glued lines join it
    Field("04", "markdown", 27, 27, (27,)),  # a trending abstract
    Field("05", "html-text", 107, 108, (107, 108)),  # an abstract (the entry's first copy)
    Field("02", "text-urls", 93, 93, (93,)),  # a title, glued lines join it
    Field("02", "text-urls", 97, 97, (97,)),  # an abstract
)
CASES = [(field, point) for field in FIELDS for point in field.points]


def _id(case: tuple[Field, int]) -> str:
    return f"{case[0].prefix}-{case[0].first}-after-{case[1]}"


def first_dropped(field: Field, after: int, count: int) -> int:
    """The number of the field's first line not kept, worked out from the file's lines."""
    original = capture(field.prefix)
    texts = [line.strip(" \t") for line in original[field.first - 1 : after]]
    texts += [FILLER] * count + [line.strip(" \t") for line in original[after : field.last]]
    numbers = [n for n, text in enumerate(texts, field.first) if text]
    kept = [text for text in texts if text]
    size = len(kept[0])
    for number, text in zip(numbers[1:], kept[1:], strict=True):
        size += 1 + len(text)
        if size > CAP:
            return number
    raise AssertionError("the field is not too long")


def _parse(text: str | bytes, mode: str = "lenient") -> digestparse.Digest:
    return digestparse.parse(text, mode=mode, reference_date=REFERENCE)  # type: ignore[arg-type]


def test_no_field_of_the_captures_is_cut_at_the_cap() -> None:
    """The fields of the captures hold fewer than CAP characters, so the cuts below are the
    insertions'; at MAX_LINE itself, none either."""
    for path in CAPTURE_PATHS:
        with mock.patch.object(lines, "MAX_LINE", CAP):
            codes = {d.code for d in _parse(path.read_text(encoding="utf-8")).diagnostics}
        assert "field-too-long" not in codes, path.name


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_a_long_field_is_cut_and_reported_once(case: tuple[Field, int]) -> None:
    field, after = case
    with mock.patch.object(lines, "MAX_LINE", CAP):
        long = _parse(inserted(field.prefix, after, LONG))
        short = _parse(inserted(field.prefix, after, SHORT))
        with pytest.raises(digestparse.ParseError) as raised:
            _parse(inserted(field.prefix, after, LONG), "strict")
    assert long.dialect == field.dialect
    cuts = [d for d in long.diagnostics if d.code == "field-too-long"]
    assert [(d.line, d.column, d.end_line) for d in cuts] == [
        (first_dropped(field, after, LONG), 1, field.last + LONG)
    ]
    assert cuts[0].message.startswith("field too long: only its first ")
    # Apart from the cut, the long field reads as a short one: the same diagnostics (moved
    # down by the lines inserted), the same papers but the one holding the field.
    moved = LONG - SHORT
    assert [(d.code, d.line if d.line <= after else d.line - moved, d.column)
            for d in long.diagnostics if d.code != "field-too-long"] == [
        (d.code, d.line, d.column) for d in short.diagnostics
    ]
    assert len(long.papers) == len(short.papers)
    changed = [(a, b) for a, b in zip(long.papers, short.papers, strict=True)
               if a.title != b.title or a.abstract != b.abstract]
    assert len(changed) == 1
    cut, whole = changed[0]
    kept = cut.title if len(cut.title) > len(whole.title) else cut.abstract
    assert FILLER in kept and len(kept) <= CAP
    # Strict mode raises lenient's first diagnostic.
    first = min(long.diagnostics, key=reading_order)
    assert (raised.value.code, raised.value.line, raised.value.column) == (
        first.code, first.line, first.column
    )


def _read(data: bytes, dialect: str) -> None:
    stream = digestparse.iter_papers(io.BytesIO(data), reference_date=REFERENCE,
                                     dialect=dialect, block_size=1024)
    for _paper in stream:
        pass


def _traced_peak(data: bytes, dialect: str = "auto") -> int:
    """The peak of memory traced while ``iter_papers`` reads ``data`` in small blocks (after
    a first read, which fills the caches and imports what parsing needs)."""
    _read(data, dialect)
    tracemalloc.start()
    try:
        _read(data, dialect)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


#: Every kind of line of an entry, in each capture: a field cut anywhere, or junk.
MEMORY_POINTS = [("01", n) for n in (300, 306, 308, 318, 328, 330)] + [
    ("03", n) for n in (54, 56, 66, 77, 79)] + [("04", n) for n in (25, 27, 28)] + [
    ("05", n) for n in (95, 99, 102, 104, 107, 111, 116)] + [
    ("02", n) for n in (89, 91, 93, 97, 101, 103, 107)]


@pytest.mark.parametrize("prefix, after", MEMORY_POINTS)
def test_traced_memory_does_not_grow_with_the_field(prefix: str, after: int) -> None:
    """The inserted text is 100 times the cap; the memory it costs stays within a small
    multiple of the cap (the lines of a field kept; a fast path's window of a few caps, with its
    lines' overhead)."""
    with mock.patch.object(lines, "MAX_LINE", CAP):
        short = _traced_peak(inserted(prefix, after, SHORT).encode())
        long = _traced_peak(inserted(prefix, after, LONG).encode())
    assert long - short < 64 * CAP, (short, long)  # before the cap: over 300 * CAP


#: Headers of many lines: a markdown page phrase over and over (held by count before), lines
#: of CAP characters in a lynx menu (120 held) and before an html-text title (200 peeked at
#: by its header reader, 200 read ahead to detect the dialect).
HEADERS = [("03", "markdown", 10, "new", LONG),
           ("01", "reference-text", 38, "* " + "y" * (CAP - 2), 119),
           ("05", "html-text", 13, "y" * CAP, 199)]


@pytest.mark.parametrize("prefix, dialect, after, line, count", HEADERS)
def test_traced_memory_does_not_grow_with_the_header(
    prefix: str, dialect: str, after: int, line: str, count: int
) -> None:
    with mock.patch.object(lines, "MAX_LINE", CAP), \
            mock.patch.object(dialect_base, "DETECT_CHARS", 4 * CAP, create=True):
        short = _traced_peak(inserted(prefix, after, SHORT, line).encode(), dialect)
        long = _traced_peak(inserted(prefix, after, count, line).encode(), dialect)
    assert long - short < 64 * CAP, (short, long)  # before: over 120 * CAP


# -- streaming and the fast paths read a long field as parse and the rules do --------------

#: Lines of fields and of what ends them, in each dialect's shapes.
FIELD_LINES = st.sampled_from([
    FILLER, "x", "a-", "b\\\\", "### [T](https://huggingface.co/papers/2502.20581)", "### T",
    "### [T", "t](https://huggingface.co/papers/2502.20581)", "[", "][7]", "### [T][8]",
    "### title", "[A", "end.](https://huggingface.co/papers/2502.20581)", "", "",
    "\u00b7", "Feb 20, 2025", "- 3 authors", "Submitted by", "[Upvote",
])


@st.composite
def long_fields(draw: st.DrawFn) -> tuple[str, str, int]:
    """(dialect, text, cap): a capture with a run of field lines inserted somewhere."""
    field = draw(st.sampled_from(FIELDS))
    text = capture(field.prefix)
    after = draw(st.integers(field.first - 12, min(field.last + 12, len(text))))
    run = draw(st.lists(FIELD_LINES, min_size=1, max_size=8))
    times = draw(st.integers(1, 40))
    cap = draw(st.sampled_from([40, 300, CAP]))
    return field.dialect, "\n".join(text[:after] + run * times + text[after:]), cap


@given(case=long_fields())
@example(case=("markdown", inserted("03", 66, LONG // 20), CAP // 20))
@example(case=("reference-text", inserted("01", 317, LONG // 20), CAP // 20))
@example(case=("html-text", inserted("05", 107, LONG // 20), CAP // 20))
@example(case=("text-urls", inserted("02", 97, LONG // 20), CAP // 20))
def test_the_fast_path_reads_a_long_field_as_the_rules_do(case: tuple[str, str, int]) -> None:
    name, text, cap = case
    dialect = BY_NAME[name]
    rules = attrs.evolve(dialect, fast_path=None)
    with mock.patch.object(lines, "MAX_LINE", cap):
        assert_paths_agree(dialect, text)  # over a list, whole
        for size in (512, 4096):  # over a window of blocks, as parse and streams read
            for mode in ("lenient", "strict"):
                fast = parse_events(dialect, text_blocks(text, size), mode)  # type: ignore[arg-type]
                slow = parse_events(rules, text_blocks(text, size), mode)  # type: ignore[arg-type]
                assert fast == slow, (size, mode)


@given(case=long_fields())
@example(case=("markdown", inserted("04", 27, LONG // 20), CAP // 20))
def test_a_long_field_streams_like_parse(
    case: tuple[str, str, int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    _name, text, cap = case
    tmp_path = tmp_path_factory.mktemp("field")
    with mock.patch.object(lines, "MAX_LINE", cap):
        assert_streams_like_parse(text.encode(), tmp_path, (97, 4096))


@given(case=long_fields())
@example(case=("reference-text", inserted("01", 317, 50, "x" * 3 * CAP), CAP))
def test_strict_raises_lenients_first_diagnostic_with_a_long_field(
    case: tuple[str, str, int]
) -> None:
    """field-too-long is reported when the field ends, after a line-too-long of a later
    line of it (a small cap cuts lines too): strict mode still raises the first."""
    _name, text, cap = case
    with mock.patch.object(lines, "MAX_LINE", cap):
        assert_strict_raises_lenients_first(text)


def test_the_cases_are_read_by_the_fast_paths() -> None:
    """The agreement above is not vacuous: away from the long field, the fast paths read."""
    for field in FIELDS:
        text = inserted(field.prefix, field.points[0], LONG)
        dialect = BY_NAME[field.dialect]
        assert dialect.fast_path is not None
        spy = FastPathSpy(dialect.fast_path)
        with mock.patch.object(lines, "MAX_LINE", CAP):
            parse_events(spy.on(dialect), split_text(text), "lenient")
        assert spy.built > 0, field


# -- real size -----------------------------------------------------------------------

@pytest.mark.parametrize("prefix, after", [("03", 56), ("01", 317)])
def test_check_memory_stays_bounded_with_a_40_mb_field(
    tmp_path: pathlib.Path, prefix: str, after: int
) -> None:
    """About 40 MB of one field (a markdown title run on by glued lines; a lynx abstract),
    at the real MAX_LINE: check's peak RSS stays under 64 MB."""
    text = capture(prefix)
    with open(tmp_path / "field.txt", "w", encoding="utf-8") as file:
        file.write("\n".join(text[:after]) + "\n")
        chunk = (FILLER + "\n") * 10_000
        for _ in range(105):  # 105 * 390,000 characters
            file.write(chunk)
        file.write("\n".join(text[after:]))
    assert (tmp_path / "field.txt").stat().st_size > 40_000_000
    status, peak_mb, completed = run_cli_peak(
        "check", "--lenient", "--jobs", "1", "field.txt", cwd=tmp_path
    )
    assert status == 0
    assert peak_mb < 64, peak_mb
    out = completed.stdout.decode()
    assert f"field.txt:{after + 1}:1: field-too-long " not in out  # the first lines are kept
    assert "field-too-long field too long: only its first " in out
