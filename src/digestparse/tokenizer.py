"""Where lines become tokens.

``classify`` gives the kind of one line from its text alone; the parser uses
it on its hot path and ``tokenize`` uses it to expose the same view to users.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from .dates import DATE_LINE
from .grammar import BOM, BULLET, HEADER_MAX_LEN, HEADER_SET, MONTH_NUMBER, SEPARATOR
from .lines import LINE_END


class TokenKind(enum.Enum):
    """The kind of a token: a line's kind by the ``text`` grammar, or a BOM or line break."""

    BOM = "bom"
    NEWLINE = "newline"
    BLANK = "blank"
    HEADER = "header"
    AUTHORS = "authors"
    SEPARATOR = "separator"
    DATE = "date"
    TEXT = "text"


BLANK = TokenKind.BLANK
HEADER = TokenKind.HEADER
AUTHORS = TokenKind.AUTHORS
SEPARATOR_KIND = TokenKind.SEPARATOR
DATE = TokenKind.DATE
TEXT = TokenKind.TEXT



@attrs.frozen(slots=True)
class Token:
    """A piece of the input: ``line`` and ``column`` are 1-based.

    Columns count characters after a leading byte order mark.
    """

    kind: TokenKind
    text: str
    line: int
    column: int


def classify(line: str) -> TokenKind:
    """The kind of a line (without its terminator; surrounding blanks allowed)."""
    text = line.strip(" \t") if line and (line[-1] in " \t" or line[0] in " \t") else line
    if not text:
        return BLANK
    first = text[0]
    if first == BULLET:
        return AUTHORS
    if text == SEPARATOR:
        return SEPARATOR_KIND
    if text[:3] in MONTH_NUMBER and DATE_LINE.fullmatch(text):
        return DATE
    if len(text) <= HEADER_MAX_LEN and text in HEADER_SET:
        return HEADER
    return TEXT


def tokenize(text: str) -> Iterator[Token]:
    """Split ``text`` into tokens, losslessly: their texts join back to ``text``.

    Each line gives one token of its kind (``BLANK`` for an empty line, with
    empty text) followed by a ``NEWLINE`` token when a line break ends it.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() takes a str, not {type(text).__name__}")
    start = 0
    if text.startswith(BOM):
        yield Token(TokenKind.BOM, BOM, 1, 1)
        start = 1
    lineno = 1
    for match in LINE_END.finditer(text, start):
        content = text[start : match.start()]
        yield Token(classify(content), content, lineno, 1)
        yield Token(TokenKind.NEWLINE, match.group(), lineno, len(content) + 1)
        start = match.end()
        lineno += 1
    if start < len(text):
        content = text[start:]
        yield Token(classify(content), content, lineno, 1)
