"""The examples in docs/diagnostics.md raise exactly the errors the docs quote; the examples
of the check-only codes print exactly the lines the docs quote."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import digestparse
from cli_helpers import run_cli
from digestparse.diagnostics import CLI_CODES, CODES, SERIES_CODES
from seeds import REFERENCE_DATE

FULL_DOC = (Path(__file__).parent.parent / "docs" / "diagnostics.md").read_text(encoding="utf-8")
#: The codes one parse gives come first. The check-only codes after CLI_HEADING are tested at
#: the end of this file; the series codes after "Codes across captures" have their own test
#: (test_series_docs.py).
_SINGLE, SERIES_DOC = FULL_DOC.split("\n## Codes across captures\n")
CLI_HEADING = "## Codes of `digestparse check`"
DOC, CLI_DOC = _SINGLE.split(CLI_HEADING)
LIBRARY_CODES = set(CODES) - CLI_CODES - SERIES_CODES
HEADER = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
          "Daily Papers\n\nbyAK and the research community")

_ROW = re.compile(r"^\| `([a-z0-9-]+)` \|(.*)\|\s*$", re.MULTILINE)


def _rows(doc: str = DOC) -> tuple[dict[str, str], dict[str, str]]:
    """The example (last cell) of the first table's rows, and the second table's lines."""
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


def _options(doc: str) -> dict[str, str]:
    """The options cell (the one before the example) of the first table's rows."""
    rows = (match.group(1, 2) for match in _ROW.finditer(doc))
    return {code: rest.split(" | ")[-2].strip().strip("`") for code, rest in rows
            if " | " in rest}


EXAMPLES, ERRORS = _rows(DOC)
CLI_EXAMPLES, CLI_OUTPUT = _rows(CLI_DOC)
CLI_OPTIONS = _options(CLI_DOC)


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
    assert set(EXAMPLES) == set(ERRORS) == LIBRARY_CODES
    assert set(CLI_EXAMPLES) == set(CLI_OUTPUT) == CLI_CODES
    assert LIBRARY_CODES and set(CODES) >= CLI_CODES


def test_the_counts_the_docs_give_are_the_codes_there_are() -> None:
    match = re.search(r"There are (\d+): (\d+) that parsing one capture gives,\n(\d+) that only a "
                      r"series.*?and (\d+) that only\n`digestparse check`", FULL_DOC, re.DOTALL)
    assert match is not None
    assert tuple(map(int, match.groups())) == (
        len(CODES), len(LIBRARY_CODES), len(SERIES_CODES), len(CLI_CODES)
    )
    cli_doc = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"of the {len(CODES)} rules, only the one" in cli_doc  # one SARIF rule per code


@pytest.mark.parametrize("code", sorted(LIBRARY_CODES))
def test_example_raises_the_quoted_error(code: str) -> None:
    source = _evaluate(EXAMPLES[code])
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE_DATE)
    assert str(raised.value) == ERRORS[code]
    lenient = digestparse.parse(source, reference_date=REFERENCE_DATE)
    assert [d.code for d in lenient.diagnostics].count(code) == 1


@pytest.mark.parametrize("code", sorted(CLI_CODES))
def test_check_example_prints_the_quoted_line(code: str) -> None:
    source = _evaluate(CLI_EXAMPLES[code])
    options = CLI_OPTIONS[code]
    data = source if isinstance(source, bytes) else source.encode("utf-8")
    result = run_cli("check", *options.split(), "-", stdin=data)
    lines = result.stdout.splitlines()
    assert CLI_OUTPUT[code] in lines
    assert [line.split(" ")[1] for line in lines].count(code) == 1
    # parse() alone does not report it: it comes from the option.
    lenient = digestparse.parse(source, reference_date=REFERENCE_DATE)
    assert code not in {d.code for d in lenient.diagnostics}
