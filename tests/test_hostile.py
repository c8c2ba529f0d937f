"""Hostile input: regressions (the full property suite follows)."""

from __future__ import annotations

import pytest
from hostile_support import check_lenient, strict

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
