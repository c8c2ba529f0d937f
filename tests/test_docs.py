"""The examples in docs/diagnostics.md raise exactly the errors the docs quote."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import digestparse
from digestparse.diagnostics import CODES, SERIES_CODES
from seeds import REFERENCE_DATE

FULL_DOC = (Path(__file__).parent.parent / "docs" / "diagnostics.md").read_text(encoding="utf-8")
#: The codes one parse gives; the series codes after this heading have their own test
#: (test_series_docs.py).
DOC, SERIES_DOC = FULL_DOC.split("\n## Codes across captures\n")
HEADER = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
          "Daily Papers\n\nbyAK and the research community")

_ROW = re.compile(r"^\| `([a-z0-9-]+)` \|(.*)\|\s*$", re.MULTILINE)


def _rows(doc: str = DOC) -> tuple[dict[str, str], dict[str, str]]:
    examples: dict[str, str] = {}
    errors: dict[str, str] = {}
    for match in _ROW.finditer(doc):
        code, rest = match.group(1), match.group(2)
        cells = [cell.strip() for cell in rest.split(" | ")]
        if len(cells) == 1:
            errors[code] = cells[0].strip("`")
        else:
            examples[code] = cells[-1].strip("`")
    return examples, errors


EXAMPLES, ERRORS = _rows()


def _evaluate(expression: str) -> str | bytes:
    """Evaluate a docs example: literals, HEADER, + and *, .encode() and .replace()."""
    tree = ast.parse(expression, mode="eval")
    allowed = (ast.Expression, ast.BinOp, ast.Add, ast.Mult, ast.Constant, ast.Name, ast.Load,
               ast.Call, ast.Attribute)
    for node in ast.walk(tree):
        assert isinstance(node, allowed), f"unexpected {type(node).__name__} in {expression}"
        if isinstance(node, ast.Name):
            assert node.id == "HEADER"
        if isinstance(node, ast.Attribute):
            assert node.attr in ("encode", "replace")
    value = eval(compile(tree, "<docs>", "eval"), {"__builtins__": {}, "HEADER": HEADER})
    assert isinstance(value, (str, bytes))
    return value


def test_every_code_is_documented_with_an_example_and_its_error() -> None:
    assert set(EXAMPLES) == set(CODES) - SERIES_CODES
    assert set(ERRORS) == set(CODES) - SERIES_CODES


@pytest.mark.parametrize("code", sorted(set(CODES) - SERIES_CODES))
def test_example_raises_the_quoted_error(code: str) -> None:
    source = _evaluate(EXAMPLES[code])
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE_DATE)
    assert str(raised.value) == ERRORS[code]
    lenient = digestparse.parse(source, reference_date=REFERENCE_DATE)
    assert [d.code for d in lenient.diagnostics].count(code) == 1
