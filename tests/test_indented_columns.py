"""A defect's column is its column in the input line, blanks before the line's text counted.

Every dialect but ``text`` strips a line before reading it, and each defect whose column
points inside a line was once counted from the stripped text: ``   May 29[<19 digits>](…)``
gave ``bad-votes`` at column 8, where the digits stand at column 11. Each case below
replaces one line of a capture (line numbers read from the capture by hand) with a line
that has a defect, and names the text the defect's column points at; the expected column
is where that text stands in the line as written, found with ``str.index``, not by the
parser.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

import digestparse
from digestparse import Diagnostic, ParseError

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
SEED = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))[0]
REFERENCE = datetime.date(2026, 10, 31)

#: (capture, line, the line's new text, code, the text the column points at)
CASES = [
    # markdown (03, 04): a comment count glued to the date, a page date with a year, the
    # author count of an avatar list's tail and of a bare authors line, an unclosed title link.
    ("03", 40, "May 29[" + "1" * 19 + "](https://huggingface.co/papers/2606.00683#community)",
     "bad-votes", "1" * 19),
    ("03", 28, "Oct 2, 2024", "bad-page-date", "2, 2024"),
    ("03", 81, "- 1234567890 authors](https://huggingface.co/papers/2502.20581)",
     "bad-authors", "1234567890"),
    ("03", 32, "### [OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
     "unclosed-link", "[OCC"),
    ("04", 16, "- 1234567890 authors", "bad-authors", "1234567890"),
    # reference-text (01): a comment count, an authors box's count, a page date with a year,
    # a title without its '][N]' (the column after the text) or without its '['.
    ("01", 104, "Mar 8, 2024 [ " + "1" * 19 + "][39]", "bad-votes", "1" * 19),
    ("01", 101, "* 1234567890 authors", "bad-authors", "1234567890"),
    ("01", 54, "Jun 29, 2024", "bad-page-date", "29, 2024"),
    ("01", 59, "### [MURMUR: An Efficient Inference System for Long-Form ASR",
     "unbalanced-bracket", ""),
    ("01", 59, "### MURMUR: An Efficient Inference System for Long-Form ASR][32]",
     "unbalanced-bracket", "MURMUR"),
    # text-urls (02): a count glued to the date line, a page date with a year.
    ("02", 107, "Oct 7, 2024 " + "1" * 19, "bad-votes", "1" * 19),
    ("02", 87, "Mar 25, 2024", "bad-page-date", "25, 2024"),
    # html-text (05): a title without its link, a date that does not read.
    ("05", 104, "### The Other Half of the Memory Wall: Serving 35B MoEs from SSD with Trained "
     "Routing Prediction", "missing-link", "The Other"),
    ("05", 59, "[[\u56fe\u7247\uff1akandinskylab] Kandinsky Lab](https://huggingface.co/kandinskylab)"
     " \u00b7 Published on Oct 44, 2026", "bad-date", "Oct 44"),
]

#: Each capture's dialect, given to ``parse`` (a ``### Title`` without its link among
#: capture 05's few entries is enough for the markdown detector to claim it).
DIALECTS = {"01": "reference-text", "02": "text-urls", "03": "markdown", "04": "markdown",
            "05": "html-text"}

#: Blanks before a line's text: spaces, a tab (one character, one column), no-break spaces.
INDENTS = ["   ", "\t", "\u00a0\u00a0", " \u3000"]


def capture(prefix: str) -> list[str]:
    (path,) = CAPTURES.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8").split("\n")


def with_line(lines: list[str], number: int, text: str) -> str:
    edited = list(lines)
    edited[number - 1] = text
    return "\n".join(edited)


def expected_column(text: str, token: str) -> int:
    """Where ``token`` starts in ``text`` (1-based); an empty token: just after the text."""
    return (text.index(token) if token else len(text)) + 1


def positions(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[str, int, int, int]]:
    return [(d.code, d.line, d.column, d.end_line) for d in diagnostics]


def parse(source: str, prefix: str) -> digestparse.Digest:
    return digestparse.parse(source, reference_date=REFERENCE, dialect=DIALECTS[prefix])


def strict_error(source: str, dialect: str = "auto") -> ParseError:
    with pytest.raises(ParseError) as caught:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE, dialect=dialect)
    return caught.value


@pytest.mark.parametrize(("prefix", "number", "text", "code", "token"), CASES)
def test_unindented_line_is_the_baseline(
    prefix: str, number: int, text: str, code: str, token: str
) -> None:
    """The defect is the first one of the input, at the column of ``token``."""
    digest = parse(with_line(capture(prefix), number, text), prefix)
    first = digest.diagnostics[0]
    assert (first.code, first.line, first.column) == (
        code, number, expected_column(text, token)
    )


@pytest.mark.parametrize("indent", INDENTS, ids=repr)
@pytest.mark.parametrize(("prefix", "number", "text", "code", "token"), CASES)
def test_indented_line_reports_its_input_column(
    prefix: str, number: int, text: str, code: str, token: str, indent: str
) -> None:
    lines = capture(prefix)
    plain = parse(with_line(lines, number, text), prefix)
    source = with_line(lines, number, indent + text)
    indented = parse(source, prefix)
    column = len(indent) + expected_column(text, token)
    # The same papers and defects; only the defect inside the indented line moves.
    assert indented.papers == plain.papers
    moved = [
        (c, n, col + len(indent) if n == number and col > 1 else col, end)
        for c, n, col, end in positions(plain.diagnostics)
    ]
    assert positions(indented.diagnostics) == moved
    first = indented.diagnostics[0]
    assert (first.code, first.line, first.column) == (code, number, column)
    error = strict_error(source, DIALECTS[prefix])
    assert (error.code, error.line, error.column) == (code, number, column)


def test_streaming_reports_the_input_column() -> None:
    """``iter_papers`` reads in blocks too: the column is the same there."""
    prefix, number, text, code, token = CASES[0]
    source = with_line(capture(prefix), number, "    " + text)
    found: list[Diagnostic] = []
    stream = digestparse.iter_papers(
        io.StringIO(source), reference_date=REFERENCE, on_diagnostic=found.append
    )
    assert len(list(stream)) == len(parse(source, prefix).papers)
    assert [(d.code, d.line, d.column) for d in found] == [
        (code, number, 4 + expected_column(text, token))
    ]


# The text dialect reports the indent itself (leading-whitespace, at column 1) and reads on;
# what it finds further in the line is at its column in the input too.

@pytest.mark.parametrize("indent", ["  ", "\t"], ids=repr)
def test_text_dialect_counts_the_indent_of_a_date_line(indent: str) -> None:
    lines = SEED.read_text("utf-8").split("\n")
    assert lines[18] == "Nov 3"  # the first entry's date line (read by hand)
    text = "Nov 3 " + "9" * 19
    source = with_line(lines, 19, indent + text)
    digest = digestparse.parse(source, mode="lenient", reference_date=REFERENCE)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("leading-whitespace", 19, 1),
        ("bad-votes", 19, len(indent) + expected_column(text, "9" * 19)),
    ]
    error = strict_error(source)
    assert (error.code, error.line, error.column) == ("leading-whitespace", 19, 1)


def test_text_dialect_counts_the_indent_of_a_page_date() -> None:
    lines = SEED.read_text("utf-8").split("\n")
    assert lines[10] == "Dec 12"  # the page date (read by hand)
    source = with_line(lines, 11, "  Dec 12, 2025")
    digest = digestparse.parse(source, mode="lenient", reference_date=REFERENCE)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("leading-whitespace", 11, 1),
        ("bad-page-date", 11, 2 + expected_column("Dec 12, 2025", "12, 2025")),
    ]


def test_unclosed_abstract_link_points_at_its_bracket() -> None:
    """An abstract's link opens at the line's first character: column 1 unindented, the
    ``[`` after the blanks when indented (not column 1, which would be a blank)."""
    lines = capture("03")
    assert lines[33].startswith("[Recent progress")  # 03:34, the first entry's abstract
    text = "[Recent progress in the development of language models"
    for indent in ("", "  ", "\u00a0\t"):
        source = with_line(lines, 34, indent + text)
        first = parse(source, "03").diagnostics[0]
        column = len(indent) + expected_column(text, "[Recent")
        assert (first.code, first.line, first.column) == ("unclosed-link", 34, column)
        error = strict_error(source, "markdown")
        assert (error.code, error.line, error.column) == ("unclosed-link", 34, column)


#: Defects of a line as a whole (column 1): (capture, line, the line's new text).
WHOLE_LINE_CASES = [
    ("03", 38, "x"),  # no '·' where it belongs
    ("03", 40, "May 29th"),  # a date that does not read
    ("01", 104, "Mar 88 2024"),
    ("02", 107, "Oct 77th"),
    ("05", 59, "\u00b7 Published on Oct 4, 2026"),  # no organization or author count
    ("04", 15, "\u00b7"),  # a '·' where the abstract belongs
    ("04", 17, "[LINK: GitHub 11.3k]"),  # a repository line without its link: junk
]


@pytest.mark.parametrize(("prefix", "number", "text"), WHOLE_LINE_CASES)
def test_whole_line_defects_stay_at_column_1(prefix: str, number: int, text: str) -> None:
    """Where no column means more it is 1 (diagnostics.md), indented or not."""
    lines = capture(prefix)
    plain = parse(with_line(lines, number, text), prefix)
    assert (plain.diagnostics[0].line, plain.diagnostics[0].column) == (number, 1)
    for indent in INDENTS:
        source = with_line(lines, number, indent + text)
        indented = parse(source, prefix)
        assert positions(indented.diagnostics) == positions(plain.diagnostics)
        assert indented.papers == plain.papers
        error = strict_error(source, DIALECTS[prefix])
        assert (error.code, error.line, error.column) == (
            plain.diagnostics[0].code, number, 1
        )
