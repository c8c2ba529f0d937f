"""Hostile input: regressions (the full property suite follows)."""

from __future__ import annotations

import pytest
from hostile_support import SEEDS, check_lenient, lenient, strict

from digestparse import ParseError


@pytest.mark.parametrize(
    "text",
    [
        "\x00Get trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers",
        "x\n\nSubscribe\n\nDaily Papers\n\nTitle\n\nAbstract",
        "x\n\ny\n\nSubscribe",
    ],
)
def test_regression_header_starting_with_a_damaged_line(text: str) -> None:
    """A header whose first line is damaged used to crash with IndexError (InternalError)."""
    digest = check_lenient(text)
    assert [d.code for d in digest.diagnostics][0] == "bad-header"
    with pytest.raises(ParseError):
        strict(text)


def test_regression_blank_lines_at_the_end_are_reported() -> None:
    """A second read at the end of the input used to forget the trailing blank lines."""
    assert lenient(SEEDS[0] + "\n").diagnostics == ()
    digest = check_lenient(SEEDS[0] + "\n\n\n")
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("extra-blank-line", 212, 213)
    ]
    with pytest.raises(ParseError) as error:
        strict(SEEDS[0] + "\n\n")
    assert (error.value.code, error.value.line) == ("extra-blank-line", 212)


def test_regression_interleaved_whitespace_defects_fold() -> None:
    """Leading and trailing blanks on every junk line used to give two diagnostics per line."""
    digest = check_lenient(" \u00b7 \n" * 1000)
    assert sorted(d.code for d in digest.diagnostics) == [
        "junk",
        "leading-whitespace",
        "missing-header",
        "trailing-whitespace",
    ]


def test_regression_invalid_utf8_junk_separated_by_blank_lines_folds() -> None:
    """Invalid UTF-8 on every other line used to give one diagnostic per line."""
    data = b"new" + b"\n\n\xe2\x80\xa2\xff" * 5_000
    digest = check_lenient(data)
    assert [d.code for d in digest.diagnostics].count("invalid-utf8") == 1
