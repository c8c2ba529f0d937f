"""The Python examples in README.md and docs/api.md run as they are, and say what they print.

Every ```python block of a page runs, in order, in one namespace per page,
from the repository root (the examples read ``tests/fixtures``). A block that
shows a signature rather than a program is fenced ```python signature and is
only checked to be one. The comments that show results are checked too:

- ``expression   # value``: ``repr(expression)`` is ``value`` (when ``value``
  is a Python expression); so is a comment line right after an expression
  statement;
- a comment after ``print(...)`` on its line, and comment lines right after a
  line that prints: each is a line of the block's output, in that order.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = ("README.md", "docs/api.md")

_FENCE = re.compile(r"^```python( signature)?\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def _blocks(page: str) -> list[tuple[bool, str, int]]:
    """(is a signature, code, line of the fence) for each python block of the page."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return [
        (bool(match.group(1)), match.group(2), text.count("\n", 0, match.start()) + 1)
        for match in _FENCE.finditer(text)
    ]


def _comments(code: str) -> dict[int, tuple[str, bool]]:
    """Line number -> (comment text, whether it has a line to itself)."""
    comments: dict[int, tuple[str, bool]] = {}
    lines = code.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            row, column = token.start
            alone = not lines[row - 1][:column].strip()
            comments[row] = (token.string[1:].strip(), alone)
    return comments


def _is_value(text: str) -> bool:
    try:
        ast.parse(text, mode="eval")
    except SyntaxError:
        return False
    return True


def _expectations(code: str) -> tuple[dict[int, str], list[str]]:
    """Values claimed for expression statements (by their last line), and output lines."""
    tree = ast.parse(code)
    comments = _comments(code)
    lines = code.splitlines()
    values: dict[int, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Expr) and not _prints(statement):
            end = statement.end_lineno or statement.lineno
            claim = comments.get(end) or comments.get(end + 1)
            if claim is not None and _is_value(claim[0]):
                values[end] = claim[0]
    output: list[str] = []
    printing = False
    for number, line in enumerate(lines, start=1):
        comment = comments.get(number)
        if comment is not None and comment[1]:
            if printing:
                output.append(comment[0])
            continue
        printing = "print(" in line
        if printing and comment is not None:
            output.append(comment[0])
    return values, output


def _prints(node: ast.AST) -> bool:
    return any(
        isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
        and child.func.id == "print"
        for child in ast.walk(node)
    )


def _run(code: str, namespace: dict[str, object], label: str) -> str:
    """Run ``code``; check the value comments; return what it printed."""
    values, _ = _expectations(code)
    tree = ast.parse(code)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for statement in tree.body:
            end = statement.end_lineno or statement.lineno
            if isinstance(statement, ast.Expr) and end in values:
                expression = ast.Expression(statement.value)
                value = eval(compile(expression, label, "eval"), namespace)
                assert repr(value) == values[end], (label, end, repr(value), values[end])
            else:
                module = ast.Module([statement], type_ignores=[])
                exec(compile(module, label, "exec"), namespace)
    return out.getvalue()


@pytest.mark.parametrize("page", PAGES)
def test_python_examples_run_and_show_what_they_print(page: str) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    programs = [(code, line) for signature, code, line in _blocks(page) if not signature]
    assert programs, f"{page} has no python example"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for code, line in programs:
            label = f"{page}:{line}"
            printed = _run(code, namespace, label).splitlines()
            _, expected = _expectations(code)
            position = 0
            for want in expected:
                assert want in printed[position:], (label, want, printed[position:][:5])
                position = printed.index(want, position) + 1
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("page", PAGES)
def test_signature_blocks_only_show_signatures(page: str) -> None:
    """A block marked as a signature holds no statement that does something."""
    for signature, code, line in _blocks(page):
        if not signature:
            continue
        for node in ast.parse(_as_stubs(code)).body:
            assert isinstance(node, (ast.FunctionDef, ast.ClassDef)), (page, line)


def _as_stubs(code: str) -> str:
    """``name(args) -> type`` lines read as ``def name(args) -> type: ...``."""
    code = re.sub(r'"strict" \| "lenient"', "Mode", code)
    if code.startswith("class "):
        return code
    return "def " + code.rstrip() + ": ..."


def test_the_readme_links_the_reliability_page() -> None:
    assert "(docs/reliability.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_checker_catches_a_wrong_claim() -> None:
    """The comment checks are not vacuous: a wrong value or output fails them."""
    with pytest.raises(AssertionError):
        _run("1 + 1   # 3\n", {}, "<wrong value>")
    values, output = _expectations("x = 2\nx   # 2\nprint(x)   # 2\nfor i in (1,):\n"
                                   "    print(i)\n# 1\n")
    assert values == {2: "2"} and output == ["2", "1"]
