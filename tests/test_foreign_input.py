"""Input that is no capture of the listing is refused, not read as invented papers (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import digestparse
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
