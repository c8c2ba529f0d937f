"""The series-code examples in docs/diagnostics.md give exactly the diagnostics the docs quote."""

from __future__ import annotations

import ast

import pytest

import digestparse
from digestparse.diagnostics import SERIES_CODES
from digestparse.merge import date_from_name
from digestparse.series import Capture, check_series
from seeds import REFERENCE_DATE
from test_docs import HEADER, SERIES_DOC, _rows

EXAMPLES, ERRORS = _rows(SERIES_DOC)


def _captures(expression: str) -> list[tuple[str, str]]:
    """Evaluate an example: a list of (name, text) built from literals, HEADER, + and *."""
    tree = ast.parse(expression, mode="eval")
    allowed = (ast.Expression, ast.List, ast.Tuple, ast.BinOp, ast.Add, ast.Mult,
               ast.Constant, ast.Name, ast.Load)
    for node in ast.walk(tree):
        assert isinstance(node, allowed), f"unexpected {type(node).__name__} in {expression}"
        if isinstance(node, ast.Name):
            assert node.id == "HEADER"
    value = eval(compile(tree, "<docs>", "eval"), {"__builtins__": {}, "HEADER": HEADER})
    assert isinstance(value, list)
    return value


def _findings(code: str, mode: digestparse.diagnostics.Mode) -> list[str]:
    digests = [
        digestparse.parse(text, name=name, reference_date=REFERENCE_DATE)
        for name, text in _captures(EXAMPLES[code])
    ]
    assert all(digest.ok for digest in digests), "the example captures themselves are clean"
    if code == "conflict":
        merged = digestparse.merge(digests, mode=mode, date_from_name=True)
        return [str(d) for d in merged.diagnostics]
    days = [date_from_name(digest.source) for digest in digests]
    captures = [Capture.of(digest, day) for digest, day in zip(digests, days, strict=True)
                if day is not None]
    return [str(d) for d in check_series(captures, mode=mode)]


def test_every_series_code_is_documented_with_an_example_and_its_error() -> None:
    assert set(EXAMPLES) == SERIES_CODES
    assert set(ERRORS) == SERIES_CODES


@pytest.mark.parametrize("code", sorted(SERIES_CODES))
def test_series_example_gives_the_quoted_diagnostic(code: str) -> None:
    assert _findings(code, "lenient") == [ERRORS[code]]
    with pytest.raises(digestparse.ParseError) as raised:
        _findings(code, "strict")
    assert str(raised.value) == ERRORS[code]
    assert raised.value.code == code
