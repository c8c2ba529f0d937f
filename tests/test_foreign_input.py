"""Input that is no capture of the listing is refused, not read as invented papers (issue 10)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import digestparse
from digestparse import lines
from hostile_support import check_lenient

FOREIGN = sorted((Path(__file__).parent / "fixtures" / "foreign").iterdir())


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_foreign_input_is_unknown_format_with_no_papers(path: Path) -> None:
    data = path.read_bytes()
    digest = check_lenient(data)
    assert digest.papers == ()
    assert digest.dialect == "unknown"
    (only,) = digest.diagnostics
    line_count = len(data.decode("utf-8").splitlines())
    assert (only.code, only.line, only.column, only.end_line) == (
        "unknown-format", 1, 1, line_count,
    )
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(data, mode="strict", name=path.name)
    assert str(raised.value) == (
        f"{path.name}:1:1: unknown-format the input is not a capture of the Daily Papers "
        "listing: no dialect recognises it (docs/dialects.md)"
    )


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_foreign_input_streams_the_same(path: Path) -> None:
    stream = digestparse.iter_papers(path)
    assert list(stream) == []
    assert stream.dialect == "unknown"
    assert [d.code for d in stream.diagnostics] == ["unknown-format"]


def test_empty_and_blank_input_keep_the_text_dialect() -> None:
    for text in ("", "\n\n  \n"):
        digest = digestparse.parse(text)
        assert digest.dialect == "text"
        assert digest.diagnostics[0].code == "missing-header"


def test_one_line_of_the_text_grammar_keeps_a_damaged_dump_readable() -> None:
    """A header-less seed-like input keeps today's behaviour and diagnostics."""
    text = "A Title\n\nAn abstract.\n\n  \u2022 2 authors\n\u00b7\nJun 9"
    digest = digestparse.parse(text)
    assert digest.dialect == "text"
    assert [d.code for d in digest.diagnostics] == ["missing-header"]
    assert [p.title for p in digest.papers] == ["A Title"]


def test_an_unknown_dialect_name_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="dialect must be one of"):
        digestparse.parse("new", dialect="html")


def test_forcing_the_text_dialect_reads_foreign_input_as_text() -> None:
    data = (Path(__file__).parent / "fixtures" / "foreign" / "prose.txt").read_text("utf-8")
    digest = digestparse.parse(data, dialect="text", reference_date=None)
    assert digest.dialect == "text"
    assert digest.diagnostics[0].code == "missing-header"
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(data, dialect="text", mode="strict")
    assert (raised.value.code, raised.value.line, raised.value.column) == ("missing-header", 1, 1)


#: Foreign inputs whose lines hold reading defects (invalid UTF-8, a line past MAX_LINE), in
#: the body, in a capture wrapper, and in a fenced body's footer.
_PROSE = b"Some prose about a thing.\n\nMore prose, caf\xe9 here.\n"
_DAMAGED_FOREIGN = {
    "invalid-utf8": _PROSE + b"\xff\xfe\n",
    "line-too-long": b"prose " + b"x" * (lines.MAX_LINE + 10) + b"\n\nmore prose\n",
    "wrapper": b"---\ntitle: caf\xe9\nurl: https://example.com\n---\n" + _PROSE,
    "fenced": b"# Web source\n\n- URL: https://example.com\n\n```text\n" + _PROSE
    + b"```\n\nafter \xff\n",
}


@pytest.mark.parametrize("name", sorted(_DAMAGED_FOREIGN))
def test_foreign_input_gets_only_unknown_format_whatever_its_lines_hold(name: str) -> None:
    """What reading a refused input's lines finds is no finding of its own: the input is
    not a listing, and that one diagnostic says so (issue 10, docs/diagnostics.md)."""
    data = _DAMAGED_FOREIGN[name]
    forms = {
        "bytes": check_lenient(data).diagnostics,  # every line in a span, too
        "str": digestparse.parse(data.decode("utf-8", "replace")).diagnostics,
    }
    for block_size in (7, 4096):
        stream = digestparse.iter_papers(io.BytesIO(data), block_size=block_size)
        assert list(stream) == []
        forms[f"stream {block_size}"] = tuple(stream.diagnostics)
    stream = digestparse.iter_papers(data.splitlines(keepends=True))
    assert list(stream) == []
    forms["bytes lines"] = tuple(stream.diagnostics)
    for form, diagnostics in forms.items():
        assert [(d.code, d.line, d.column) for d in diagnostics] == [
            ("unknown-format", 1, 1)
        ], form
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(data, mode="strict")
    assert raised.value.code == "unknown-format"
