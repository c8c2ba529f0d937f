"""Unicode spaces (``&nbsp;`` and its kin) are blanks to the capture dialects.

Text taken from HTML writes ``&nbsp;`` as U+00A0, often on a line of its own. The four
capture dialects read a line of only such spaces as a blank line, and strip them from a
line's ends as they strip spaces and tabs (``state.BLANKS``); the seed ``text`` dialect keeps
its own rules (only space and tab are white space, and it reports them). The ground truth
here is each capture as written: putting Unicode spaces where it has blanks must change
nothing but the columns of the lines they indent.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import digestparse
from dialect_support import assert_paths_agree
from digestparse import Digest
from digestparse.dialects import BY_NAME
from digestparse.state import BLANKS

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
SEED = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))[0]
REFERENCE = datetime.date(2026, 10, 31)
DIALECTS = {"01": "reference-text", "02": "text-urls", "03": "markdown", "04": "markdown",
            "05": "html-text"}
#: The Unicode spaces, one at a time, and mixed with the ASCII blanks.
SPACES = [
    "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u202f", "\u205f", "\u3000", "\ufeff",
    " \u00a0\t", "\u00a0\u2009\u00a0",
]


def capture(prefix: str) -> list[str]:
    (path,) = CAPTURES.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8").split("\n")


def body(lines: list[str]) -> range:
    """The indexes of the lines inside the capture's wrapper (read by hand: 01's fenced body
    runs from after ```` ```text ```` to its closing fence, 02 and 03 have front matter, 04 a
    ``**URL:**`` preamble up to a rule, 05 a preamble up to ``## Extracted Text``)."""
    if lines[0] == "---":
        return range(lines.index("---", 1) + 1, len(lines))
    if "```text" in lines:
        return range(lines.index("```text") + 1, lines.index("```"))
    for index, line in enumerate(lines):
        if line == "## Extracted Text" or line.startswith("-----"):
            return range(index + 1, len(lines))
    raise AssertionError("no wrapper")


def parse(source: str, prefix: str, mode: digestparse.Mode = "lenient") -> Digest:
    return digestparse.parse(source, mode=mode, reference_date=REFERENCE, dialect=DIALECTS[prefix])


def summary(digest: Digest) -> tuple[object, ...]:
    return (
        digest.papers, [(d.code, d.line, d.column, d.end_line) for d in digest.diagnostics],
        digest.header, digest.header_span, digest.page_date,
    )


def test_blanks_are_space_tab_and_the_unicode_spaces() -> None:
    """Every character Python calls white space that breaks no line, and U+FEFF."""
    line_breaks = "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()} - set(line_breaks)
    assert set(BLANKS) == spaces | {"\ufeff"}


@pytest.mark.parametrize("prefix", sorted(DIALECTS))
def test_lines_of_unicode_spaces_are_blank_lines(prefix: str) -> None:
    lines = capture(prefix)
    inside = body(lines)
    edited = [
        SPACES[number % len(SPACES)] if number in inside and not line.strip(" \t") else line
        for number, line in enumerate(lines)
    ]
    assert edited != lines
    assert summary(parse("\n".join(edited), prefix)) == summary(parse("\n".join(lines), prefix))


@pytest.mark.parametrize("prefix", sorted(DIALECTS))
def test_unicode_spaces_around_a_line_are_stripped(prefix: str) -> None:
    lines = capture(prefix)
    edited = list(lines)
    for number in body(lines)[::3]:  # every third line
        if lines[number].strip(" \t"):
            space = SPACES[number % len(SPACES)]
            edited[number] = space + lines[number] + space
    # The captures' own diagnostics are at column 1 (test_indented_columns.py has the rest).
    assert summary(parse("\n".join(edited), prefix)) == summary(parse("\n".join(lines), prefix))


@pytest.mark.parametrize("prefix", sorted(DIALECTS))
def test_fast_path_reads_unicode_spaces_as_the_rules_do(prefix: str) -> None:
    """Blank lines of Unicode spaces, and lines with them at an end (a title, an abstract's
    start, a ``·``, a date, a box line ...): the fast path reads each entry the rules read,
    declining the ones it cannot."""
    lines = capture(prefix)
    inside = body(lines)
    dialect = BY_NAME[DIALECTS[prefix]]
    for offset in range(4):
        edited = list(lines)
        for number in inside[offset::4]:
            space = SPACES[(number // 4) % len(SPACES)]
            line = lines[number]
            edited[number] = space if not line else (
                (space + line, line + space, space + line + space)[number % 3]
            )
        assert_paths_agree(dialect, edited, REFERENCE)


def test_text_urls_avatar_line_of_a_no_break_space() -> None:
    """02:265 is the organization's label-less avatar line, a line of one space before its
    URL line; written with ``&nbsp;`` it is the same blank line, not the organization's
    name (which gave ``organization=''``, then ``bad-date`` and ``junk``)."""
    lines = capture("02")
    assert (lines[264], lines[268]) == (" ", " Google")
    edited = list(lines)
    edited[264] = "\u00a0"
    digest = parse("\n".join(edited), "02", mode="strict")
    organizations = [paper.organization for paper in digest.papers]
    assert organizations.count("Google") == 1
    assert summary(digest) == summary(parse("\n".join(lines), "02", mode="strict"))


def test_markdown_nbsp_blank_line_ends_a_hard_wrap() -> None:
    """A line of ``&nbsp;`` between a trending title and its abstract parts them, as a blank
    line does (glued, the abstract would be read as the title's second line)."""
    lines = capture("04")
    title = next(i for i in body(lines) if lines[i].startswith("### "))
    assert lines[title + 1] == ""
    edited = list(lines)
    edited[title + 1] = "\u00a0"
    assert summary(parse("\n".join(edited), "04")) == summary(parse("\n".join(lines), "04"))


def test_text_dialect_keeps_its_white_space_rules() -> None:
    """The seed dialect reads a no-break space as content, as format.md says: a line of one
    is no blank line (it is junk between a title and its abstract), and one before a title
    stays in the title."""
    lines = SEED.read_text("utf-8").split("\n")
    assert (lines[12], lines[13]) == (
        "What Benefits Drive Membership in Medicare Advantage Plans?", ""
    )
    blank = list(lines)
    blank[13] = "\u00a0"
    digest = digestparse.parse("\n".join(blank), reference_date=REFERENCE)
    assert digest.dialect == "text"
    assert [d.code for d in digest.diagnostics][:1] == ["junk"]
    titled = list(lines)
    titled[12] = "\u00a0" + lines[12]
    digest = digestparse.parse("\n".join(titled), reference_date=REFERENCE)
    assert digest.papers[0].title == "\u00a0" + lines[12]


@pytest.mark.parametrize("space", ["\ufeff", "\u00a0", "\u3000 "], ids=repr)
def test_space_before_a_hard_wrapped_line_of_a_linked_abstract(space: str) -> None:
    """03:58-77 is a linked abstract hard-wrapped over 20 lines. A blank before its second
    line is stripped by the rules; the fast path joins the lines, which splits off white
    space but not U+FEFF: it leaves that abstract to the rules."""
    lines = capture("03")
    assert lines[57].startswith("[Academic citations") and lines[58].startswith("knowledge")
    edited = list(lines)
    edited[58] = space + lines[58]
    assert_paths_agree(BY_NAME["markdown"], edited, REFERENCE)
    plain = parse("\n".join(lines), "03")
    digest = parse("\n".join(edited), "03")
    assert digest.papers == plain.papers
    assert "\ufeff" not in digest.papers[2].abstract


@pytest.mark.parametrize("space", ["\ufeff", "\u00a0", "\u3000"], ids=repr)
def test_space_at_the_end_of_a_wrapped_html_title_line(space: str) -> None:
    """05:104 is a one-line title; wrapped over two lines with a blank at the first one's
    end, the rules strip it and the fast path joins the lines (which keeps a U+FEFF): both
    read the title of the one-line capture."""
    lines = capture("05")
    title = lines[103]
    assert title.startswith("### [The Other Half of the Memory Wall: Serving")
    cut = title.index(" Serving")
    edited = [*lines[:103], title[:cut] + space, title[cut + 1 :], *lines[104:]]
    assert_paths_agree(BY_NAME["html-text"], edited, REFERENCE)
    plain = parse("\n".join(lines), "05")
    digest = parse("\n".join(edited), "05")
    assert [paper.title for paper in digest.papers] == [paper.title for paper in plain.papers]
