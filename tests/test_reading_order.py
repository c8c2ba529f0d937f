"""Strict mode raises the first deviation in reading order (issue 9, point 1).

The property: for any input, strict mode's error has the code, line and column
of the diagnostic lenient mode lists first (diagnostics are sorted by line and
column; of two at the same position, the one recorded first). Strict raises
exactly when lenient reports something.

The strategies aim at the classes that once broke it: white space inside a
junk block, blank lines before the first line, invalid UTF-8 on a line the
parser peeks at, white space in the header, a metadata block that is only a
date line, and white space on a blank line before a metadata line.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import example, given, note

import digestparse
from digestparse import ParseError
from hostile_support import REFERENCE, SEEDS, lenient, strict
from test_hostile import any_bytes, any_text
from test_mutations import mutated_bytes, mutated_text

_HEAD = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
         "byAK and the research community\n\nDec 12\n\n")
_ENTRY = "Title\n\nAbstract.\n\n  \u2022 2 authors\n\u00b7\nDec 1"

#: Small pieces that make the listed classes when put between lines.
_DAMAGE = (" ", "\t", "  ", "junk line", "\u00b7", "Dec 3", "Dec 3 7", "  \u2022 2 authors",
           "new", "Subscribe", "", "", "Title", "x \u00b7 y")


def assert_strict_raises_lenients_first(source: str | bytes) -> None:
    digest = lenient(source)
    note(f"lenient: {[(d.code, d.line, d.column) for d in digest.diagnostics[:6]]}")
    try:
        strict(source)
    except ParseError as error:
        assert digest.diagnostics, f"strict raised {error} but lenient reported nothing"
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert not digest.diagnostics


@st.composite
def damaged_small(draw: st.DrawFn) -> str:
    """A short listing, or a seed, with a few lines of damage inserted or white space added."""
    if draw(st.booleans()):
        lines = (_HEAD + "\n\n".join([_ENTRY] * draw(st.integers(1, 3)))).split("\n")
    else:
        lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines)))
        edit = draw(st.sampled_from(["insert", "pad", "delete"]))
        if edit == "insert":
            lines.insert(i, draw(st.sampled_from(_DAMAGE)))
        elif edit == "pad" and i < len(lines):
            lines[i] = draw(st.sampled_from(["", " ", "\t"])) + lines[i] + draw(
                st.sampled_from(["", " ", "\t"])
            )
        elif edit == "delete" and i < len(lines):
            del lines[i]
    return "\n".join(lines)


@st.composite
def with_bad_bytes(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """UTF-8 with invalid bytes put at the start or end of random lines."""
    lines = draw(texts).encode("utf-8").split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\x80\x80"]))
        lines[i] = bad + lines[i] if draw(st.booleans()) else lines[i] + bad
    return b"\n".join(lines)


# A junk block whose later line has white space: junk at its first line comes first.
@example(_HEAD + "junk one\njunk two \n\n" + _ENTRY)
@example(_HEAD + "junk one\n junk two\njunk three\n\n" + _ENTRY)
# Blank lines before the first line (header-less, but still the text dialect).
@example("\n\nT\n\nA\n\n  \u2022 2 authors\n\u00b7\nJun 9")
@example("\n\nT\n\nA\n\nJun 9")
# Header white space vs bad-header.
@example("new\n\nGet trending papers in your email inbox!\n\n Subscribe \n\nDaily\n\n"
         "byAK and the research community\n\nDec 12\n\n" + _ENTRY)
@example("new\n\nSubscribe \n\nDaily Papers\n\nbyAK and the research community\n\nDec 12")
# A metadata block that is only a date line.
@example(_HEAD + "Title\n\nAbstract.\n\nDec 1 \n\n" + _ENTRY)
@example(_HEAD + "Title\n\nAbstract.\n\nDec 1\n\n" + _ENTRY)
# White space on a blank line before a metadata line.
@example(_HEAD + "Title\n\nAbstract.\n \n  \u2022 2 authors\n\u00b7\nDec 1")
@example(_HEAD + "Title\n\nAbstract.\n\t\n\u00b7\nDec 1")
@given(st.one_of(damaged_small(), mutated_text(), any_text))
def test_strict_raises_lenients_first_diagnostic(text: str) -> None:
    assert_strict_raises_lenients_first(text)


# invalid-utf8 on a line the parser only peeks at must not come before earlier defects.
@example((_HEAD + "Title\n\nAbstract.\n\n  \u2022 2 authors\n\u00b7\nDec 1 \n\nT").encode()
         + b"\xff")
@example(b"new\n\nSubscribe\n\n\xffDaily Papers\n\nbyAK and the research community")
@example(b"new\n\nGet trending papers in your email inbox!\n\nSubscribe \n\nDaily Papers\xff")
@example(b"\n\nT\n\nA\n\nJun 9\n\n\xff")
@given(st.one_of(with_bad_bytes(damaged_small()), mutated_bytes(),
                 with_bad_bytes(st.sampled_from(SEEDS)), any_bytes))
def test_strict_raises_lenients_first_diagnostic_bytes(data: bytes) -> None:
    assert_strict_raises_lenients_first(data)


@example(_HEAD + "Title\n\nAbstract.\n\n  \u2022 2 authors\n\u00b7\nDec 1 \n\n" + _ENTRY)
@example(_HEAD + _ENTRY + "\n\njunk one\n junk two\n\n" + _ENTRY)
@given(st.one_of(damaged_small(), mutated_text()))
def test_strict_stream_never_yields_a_paper_past_the_error(text: str) -> None:
    """iter_papers in strict mode raises lenient's first diagnostic, and every paper it
    yielded before ends before that diagnostic's line."""
    digest = lenient(text)
    papers = []
    try:
        for paper in digestparse.iter_papers([text], mode="strict", reference_date=REFERENCE):
            papers.append(paper)
    except ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
        assert all(paper.end_line < error.line for paper in papers)
    else:
        assert not digest.diagnostics


def test_two_runs_starting_at_one_place_are_ordered_by_code() -> None:
    """Found by hypothesis in CI: a junk line that is also invalid UTF-8, where the page
    date belongs. Both runs start at 10:1; the junk run ends first (at the repeated header)
    and was handed over first, the invalid-utf8 run at the end; strict raised invalid-utf8."""
    data = (_HEAD.split("\n\nDec")[0] + "\n").encode() + b"\xed\n\nnew\n\xef\xbb\xbf"
    codes = [(d.code, d.line, d.column) for d in lenient(data).diagnostics[:2]]
    assert codes == [("invalid-utf8", 10, 1), ("junk", 10, 1)]
    with pytest.raises(ParseError) as raised:
        strict(data)
    assert (raised.value.code, raised.value.line, raised.value.column) == codes[0]
