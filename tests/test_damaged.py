"""Damaged dumps derived from seed 000, one per recovery case.

Seed 000's layout (read by hand): header on lines 1-9, page date ``Dec 12``
on line 11, then 25 entries of 8 lines; entry k has its title on line
13 + 8k, abstract 15 + 8k, authors 17 + 8k, ``·`` 18 + 8k, date 19 + 8k.
Each case edits the seed, then checks the strict error's code, line and
column, and that lenient mode keeps every other paper intact.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import digestparse
from hostile_support import uncovered_lines
from seeds import (
    REFERENCE_DATE,
    SEEDS,
    expected,
    seed_text,
    without_lines,
)

SEED = seed_text(0)
PAPERS = expected(SEEDS[0])["papers"]
LAST = 211  # seed 000's last line


def delete(*numbers: int) -> Callable[[list[str]], list[str]]:
    return lambda lines: [line for n, line in enumerate(lines, 1) if n not in numbers]


def insert_before(number: int, *new: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines[: number - 1] + list(new) + lines[number - 1 :]


def replace(number: int, text: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: [text if n == number else line for n, line in enumerate(lines, 1)]


def keep_until(number: int) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines[:number]


@attrs.frozen
class Case:
    name: str
    edit: Callable[[list[str]], list[str]]
    #: (code, line, column) of the strict ParseError.
    strict: tuple[str, int, int]
    #: Diagnostic codes lenient mode records, in order.
    codes: tuple[str, ...]
    #: Index of the damaged paper in the seed (None: no paper is damaged).
    damaged: int | None = None
    #: The damaged paper's fields that lenient mode must produce (None: the paper is dropped).
    damaged_fields: dict[str, Any] | None = None
    #: Lines the damage spans in lenient mode's first diagnostic.
    span: tuple[int, int] | None = None


CASES = [
    Case("missing blank line between title and abstract", delete(14),
         ("missing-blank-line", 14, 1), ("missing-blank-line",)),
    Case("missing blank line before metadata", delete(16),
         ("missing-blank-line", 16, 1), ("missing-blank-line",)),
    Case("doubled blank line between entries", insert_before(21, ""),
         ("extra-blank-line", 21, 1), ("extra-blank-line",), span=(21, 21)),
    Case("three blank lines between title and abstract", insert_before(14, "", ""),
         ("extra-blank-line", 15, 1), ("extra-blank-line",), span=(15, 16)),
    Case("blank line inside the metadata block", insert_before(18, ""),
         ("unexpected-blank-line", 18, 1), ("unexpected-blank-line",)),
    Case("missing separator", delete(18),
         ("missing-separator", 18, 1), ("missing-separator",),
         damaged=0, damaged_fields={"author_count": 2, "date": "2025-11-03"}),
    Case("missing date", delete(19),
         ("missing-date", 19, 1), ("missing-date",),
         damaged=0, damaged_fields={"author_count": 2, "date": None, "date_text": None,
                                    "year_explicit": None, "votes": None}),
    Case("malformed date line", replace(19, "Nov 3rd"),
         ("bad-date", 19, 1), ("bad-date",),
         damaged=0, damaged_fields={"author_count": 2, "date": None, "date_text": None,
                                    "year_explicit": None, "votes": None}),
    Case("yearless Feb 29 in a non-leap page year", replace(19, "Feb 29"),
         ("impossible-date", 19, 1), ("impossible-date",),
         damaged=0, damaged_fields={"date": "2024-02-29", "date_text": "Feb 29"}),
    Case("explicit date that does not exist", replace(19, "Feb 30, 2022"),
         ("impossible-date", 19, 1), ("impossible-date",),
         damaged=0, damaged_fields={"date": None, "date_text": "Feb 30, 2022",
                                                 "year_explicit": True}),
    Case("yearless date after the page date", replace(19, "Dec 25 3"),
         ("date-after-page", 19, 1), ("date-after-page",),
         damaged=0, damaged_fields={"date": "2024-12-25", "date_text": "Dec 25",
                                                 "votes": 3}),
    Case("explicit date after the page date", replace(19, "Jan 5, 2026"),
         ("date-after-page", 19, 1), ("date-after-page",),
         damaged=0, damaged_fields={"date": "2026-01-05", "date_text": "Jan 5, 2026",
                                                 "year_explicit": True}),
    Case("missing abstract", delete(15, 16),
         ("missing-abstract", 15, 1), ("missing-abstract",),
         damaged=0, damaged_fields={"abstract": "", "links": [], "author_count": 2}),
    Case("malformed authors line", replace(17, "  \u2022 two authors"),
         ("bad-authors", 17, 5), ("bad-authors",),
         damaged=0, damaged_fields={"author_count": None, "date": "2025-11-03"}),
    Case("authors line without its indent", replace(17, "\u2022 2 authors"),
         ("bad-authors", 17, 1), ("bad-authors",),
         damaged=0, damaged_fields={"author_count": 2}),
    # an authors line that lost its bullet, or shows another, is no organization's name
    Case("authors line without its bullet", replace(17, "2 authors"),
         ("bad-authors", 17, 1), ("bad-authors",),
         damaged=0, damaged_fields={"author_count": 2, "organization": None,
                                    "date": "2025-11-03"}),
    Case("authors line with a '*' bullet", replace(17, "* 2 authors"),
         ("bad-authors", 17, 1), ("bad-authors",),
         damaged=0, damaged_fields={"author_count": 2, "organization": None}),
    Case("trailing whitespace", lambda lines: replace(13, lines[12] + " \t")(lines),
         ("trailing-whitespace", 13, 60), ("trailing-whitespace",)),
    Case("truncated last entry: authors line only", keep_until(209),
         ("truncated-entry", 209, 1), ("truncated-entry",),
         damaged=24, damaged_fields={"author_count": 4, "date": None, "date_text": None,
                                     "year_explicit": None, "votes": None}),
    Case("truncated last entry: title only", keep_until(205),
         ("truncated-entry", 205, 1), ("truncated-entry",), damaged=24, span=(205, 205)),
    Case("junk block between entries",
         insert_before(21, "<div class='pager'>", "Load more", "</div>", ""),
         ("junk", 21, 1), ("junk",), span=(21, 23)),
    Case("stray metadata lines separated by blank lines",
         insert_before(21, "\u00b7", "", "\u00b7", "", "  \u2022 3 authors", "", "Jun 9", ""),
         ("junk", 21, 1), ("junk",), span=(21, 27)),
    Case("blank line after the final newline", lambda lines: [*lines, "", ""],
         ("extra-blank-line", 212, 1), ("extra-blank-line",)),
]


def _damage(case: Case) -> str:
    return "\n".join(case.edit(SEED.split("\n")))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_strict_raises_at_the_damage(case: Case) -> None:
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(_damage(case), mode="strict", reference_date=REFERENCE_DATE)
    error = raised.value
    assert (error.code, error.line, error.column) == case.strict
    assert str(error).startswith(f"<string>:{error.line}:{error.column}: {error.code} ")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_lenient_recovers_and_keeps_the_rest(case: Case) -> None:
    digest = digestparse.parse(_damage(case), reference_date=REFERENCE_DATE)
    assert tuple(d.code for d in digest.diagnostics) == case.codes
    first = digest.diagnostics[0]
    assert (first.line, first.column) == case.strict[1:]
    if case.span:
        assert first.span == case.span
    got = [without_lines(paper.to_dict()) for paper in digest.papers]
    want = [without_lines(paper) for paper in PAPERS]
    if case.damaged is not None:
        if case.damaged_fields is None:
            del want[case.damaged]
        else:
            want[case.damaged] = {**want[case.damaged], **case.damaged_fields}
    assert got == want


def test_a_second_header_in_the_middle() -> None:
    second = seed_text(4)
    text = SEED + "\n\n" + second
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert (raised.value.code, raised.value.line) == ("repeated-header", LAST + 2)

    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert [d.code for d in digest.diagnostics] == ["repeated-header"]
    assert digest.diagnostics[0].span == (LAST + 2, LAST + 2 + 10)
    want = [without_lines(p) for p in PAPERS + expected(SEEDS[4])["papers"]]
    # The second dump's yearless dates resolve against its own page date (Nov 18).
    assert [without_lines(paper.to_dict()) for paper in digest.papers] == want
    assert digest.page_date == datetime.date(2025, 12, 12)


def test_many_headers_in_a_row_are_one_diagnostic() -> None:
    header = "\n\n".join(SEED.split("\n\n")[:6])
    text = "\n\n".join([SEED] + [header] * 50)
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert len(digest.papers) == 25
    assert [d.code for d in digest.diagnostics] == ["repeated-header"]
    assert digest.diagnostics[0].end_line == text.count("\n") + 1


def test_missing_header() -> None:
    body = "\n".join(SEED.split("\n")[12:])
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(body, mode="strict", reference_date=REFERENCE_DATE)
    assert str(raised.value) == (
        "<string>:1:1: missing-header the dump does not start with the Daily Papers header"
    )
    digest = digestparse.parse(body, reference_date=REFERENCE_DATE)
    assert len(digest.papers) == 25
    assert digest.page_date is None
    assert [d.code for d in digest.diagnostics] == ["missing-header"]


def test_misspelt_header_line() -> None:
    text = SEED.replace("Daily Papers", "Daily Paper", 1)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert str(raised.value) == (
        "<string>:7:1: bad-header unexpected header line: expected 'Daily Papers'"
    )
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert len(digest.papers) == 25
    assert [d.code for d in digest.diagnostics] == ["bad-header"]
    assert digest.header_span == (1, 11)


def test_crlf_and_cr_line_ends_parse_like_lf() -> None:
    clean = digestparse.parse(SEED, mode="strict", reference_date=REFERENCE_DATE)
    for newline in ("\r\n", "\r"):
        text = SEED.replace("\n", newline)
        assert digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE) == clean


def test_every_non_blank_line_is_accounted_for_in_each_case() -> None:
    for case in CASES:
        text = _damage(case)
        digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
        assert uncovered_lines(text, digest) == [], case.name
