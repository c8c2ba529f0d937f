"""tokenize stays the text dialect's tool on captures of other dialects (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import digestparse
from digestparse import TokenKind

CAPTURES = sorted((Path(__file__).parent / "fixtures" / "captures").glob("*.txt"))


@pytest.mark.parametrize("path", CAPTURES, ids=lambda p: p.name[:2])
def test_tokenize_is_lossless_on_every_capture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "".join(token.text for token in digestparse.tokenize(text)) == text


def test_tokenize_classifies_other_dialects_with_the_text_grammar() -> None:
    lines = ["### [A Title](https://huggingface.co/papers/2606.00683)", "- 3 authors",
             "\u00b7", "May 29[6](https://huggingface.co/papers/2606.00683#community)",
             "Jun 29"]
    kinds = [t.kind for t in digestparse.tokenize("\n".join(lines)) if t.kind is not
             TokenKind.NEWLINE]
    assert kinds == [TokenKind.TEXT, TokenKind.TEXT, TokenKind.SEPARATOR, TokenKind.TEXT,
                     TokenKind.DATE]
