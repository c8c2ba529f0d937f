"""Dates, links, input forms, tokens and error strings, one rule at a time."""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import digestparse
from digestparse.links import extract_links
from seeds import REFERENCE_DATE, seed_text

HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n" \
    "byAK and the research community"
ABSTRACT = ("We study things. " * 5).strip()


def dump(*entries: str, page: str | None = "Dec 12") -> str:
    parts = [HEADER] + ([page] if page else []) + list(entries)
    return "\n\n".join(parts)


def entry(date: str, title: str = "A Title", authors: str = "  \u2022 2 authors") -> str:
    return f"{title}\n\n{ABSTRACT}\n\n{authors}\n\u00b7\n{date}"


def one(text: str, **kwargs: object) -> digestparse.Paper:
    digest = digestparse.parse(text, **kwargs)  # type: ignore[arg-type]
    assert len(digest.papers) == 1
    return digest.papers[0]


# -- dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, date, votes, explicit",
    [
        ("Jul 20 9", datetime.date(2025, 7, 20), 9, False),  # dateutil would say 2009
        ("May 29, 2024 1", datetime.date(2024, 5, 29), 1, True),
        ("Feb 17, 2022", datetime.date(2022, 2, 17), 0, True),
        ("Jun 9", datetime.date(2025, 6, 9), 0, False),
        ("Dec 12", datetime.date(2025, 12, 12), 0, False),  # the page date itself
    ],
)
def test_date_lines(line: str, date: datetime.date, votes: int, explicit: bool) -> None:
    paper = one(dump(entry(line)), mode="strict", reference_date=REFERENCE_DATE)
    assert (paper.date, paper.votes, paper.year_explicit) == (date, votes, explicit)


def test_page_date_is_the_latest_such_day_on_or_before_the_reference() -> None:
    text = dump(entry("Jun 9"))
    on_the_day = digestparse.parse(text, reference_date=datetime.date(2026, 12, 12))
    assert on_the_day.page_date == datetime.date(2026, 12, 12)
    day_before = digestparse.parse(text, reference_date=datetime.date(2026, 12, 11))
    assert day_before.page_date == datetime.date(2025, 12, 12)
    assert day_before.papers[0].date == datetime.date(2025, 6, 9)


def test_feb_29_page_date_goes_back_to_the_last_leap_year() -> None:
    digest = digestparse.parse(
        dump(entry("Feb 3"), page="Feb 29"), mode="strict",
        reference_date=datetime.date(2027, 6, 1),
    )
    assert digest.page_date == datetime.date(2024, 2, 29)
    assert digest.papers[0].date == datetime.date(2024, 2, 3)


def test_without_a_page_date_the_reference_year_and_day_bound_yearless_dates() -> None:
    text = dump(entry("Mar 4"), page=None)
    paper = one(text, mode="strict", reference_date=datetime.date(2025, 6, 1))
    assert paper.date == datetime.date(2025, 3, 4)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=datetime.date(2025, 3, 1))
    assert raised.value.code == "date-after-page"
    lenient = one(text, reference_date=datetime.date(2025, 3, 1))
    assert lenient.date == datetime.date(2024, 3, 4)


def test_default_reference_date_is_today() -> None:
    digest = digestparse.parse(dump(entry("Jun 9")))
    assert digest.page_date is not None
    assert digest.page_date <= datetime.date.today()
    assert (datetime.date.today() - digest.page_date).days < 366


def test_page_date_with_a_year_is_reported_and_used() -> None:
    text = dump(entry("Jun 9"), page="Dec 12, 2024")
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("bad-page-date", 11, 5)
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert digest.page_date == datetime.date(2024, 12, 12)
    assert digest.papers[0].date == datetime.date(2024, 6, 9)


@pytest.mark.parametrize(
    "page",
    ["Dce 12", "Dec 12th", "Dec 012", "December 12", "dec 12", "Dec 32", "Sept 12", "Dec  12",
     # Not date-like enough alone; but as a title, the entries after it would be out of
     # step (it, a title and an abstract, then the metadata block).
     "Nxv 7", "Dec x2", "xec 16"],
)
def test_a_misspelt_page_date_is_a_bad_page_date_not_a_title(page: str) -> None:
    """It was read as the first title, the first title as its abstract (one paper
    invented, one lost) and reported only as a missing-abstract lines later."""
    text = dump(entry("Jun 9"), entry("Jun 8", title="Second"), page=page)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("bad-page-date", 11, 1)
    assert raised.value.message.endswith(f"not a date line: {page!r}")
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert [d.code for d in digest.diagnostics] == ["bad-page-date"]
    assert digest.page_date is None and digest.header_span == (1, 11)
    assert [(p.title, p.date) for p in digest.papers] == [
        ("A Title", datetime.date(2025, 6, 9)), ("Second", datetime.date(2025, 6, 8))
    ]


def test_a_misspelt_page_date_after_a_repeated_header_is_the_header_s() -> None:
    text = dump(entry("Jun 9")) + "\n\n" + dump(entry("Jun 8", title="Second"), page="Dec12")
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("repeated-header", 21, 31), ("bad-page-date", 31, 31)
    ]
    assert [p.title for p in digest.papers] == ["A Title", "Second"]


@pytest.mark.parametrize("title", ["Gemma 3", "Day 12", "Qwen 2", "Llama 3", "Nxv 7"])
@pytest.mark.parametrize(
    "meta", ["  \u2022 2 authors\n\u00b7\nJun 9", "Org\n\u00b7\nJun 9", None]
)
def test_a_short_title_with_a_number_after_the_header_is_a_title(
    title: str, meta: str | None
) -> None:
    first = f"{title}\n\n{ABSTRACT}" + (f"\n\n{meta}" if meta else "")
    text = dump(first, entry("Jun 8", title="Second"), page=None)
    digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert [p.title for p in digest.papers] == [title, "Second"]


def test_stray_lines_glued_around_a_date_after_the_header_stay_junk() -> None:
    """A block of stray lines glued together after the header (a piece of an abstract, a
    date, another piece) is junk, as before: the header took the first one as a damaged
    header line and the date as the page date, so the last one became the first title and
    every entry after it was out of step (titles read as abstracts)."""
    stray = f"{ABSTRACT} (a stray line)\nDec 12\n{ABSTRACT} (another)"
    text = dump(stray, entry("Jun 9"), entry("Jun 8", title="Second"), page=None)
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [("junk", 11, 13)]
    assert [(p.title, p.abstract) for p in digest.papers] == [
        ("A Title", ABSTRACT), ("Second", ABSTRACT)
    ]
    # A damaged header line before the page date, the date followed by a blank line, is
    # the header's (a misspelt byline), as the header of a dump with a page date takes it.
    misspelt = dump(entry("Jun 9"), page="byAK and the reserch community\nDec 12")
    digest = digestparse.parse(misspelt, reference_date=REFERENCE_DATE)
    assert digest.page_date == datetime.date(2025, 12, 12)
    assert [p.title for p in digest.papers] == ["A Title"]


@pytest.mark.parametrize("title", ["July 4th", "Sept 11", "CoT 2", "Arm 3", "December 12"])
@pytest.mark.parametrize("meta", ["  \u2022 2 authors\n\u00b7\nJun 9", "Org\n\u00b7\nJun 9"])
def test_a_date_like_first_title_in_step_with_its_metadata_is_a_title(
    title: str, meta: str
) -> None:
    """Without a page date, a first title that looks like a date but is followed by its
    abstract and then its metadata block is in step as a title: a misspelt page date has a
    title and an abstract after it first. It was read as a bad-page-date, the abstract as
    the title (a valid dump reported, its first title lost)."""
    text = dump(f"{title}\n\n{ABSTRACT}\n\n{meta}", entry("Jun 8", title="Second"), page=None)
    digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert [p.title for p in digest.papers] == [title, "Second"]
    assert digest.papers[0].abstract == ABSTRACT


def test_a_count_with_too_many_digits_is_reported_not_converted() -> None:
    text = dump(entry("Jun 9 " + "9" * 5000))
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert (raised.value.code, raised.value.column) == ("bad-votes", 7)
    assert one(text, reference_date=REFERENCE_DATE).votes == 0


def test_singular_author_and_organization_lines() -> None:
    paper = one(dump(entry("Jun 9", authors="  \u2022 1 author")), mode="strict",
                reference_date=REFERENCE_DATE)
    assert (paper.author_count, paper.organization) == (1, None)
    org = one(dump(entry("Jun 9", authors="LAMDA-NeSy NJU-IRP")), mode="strict",
              reference_date=REFERENCE_DATE)
    assert (org.author_count, org.organization) == (None, "LAMDA-NeSy NJU-IRP")


# -- links ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, links",
    [
        ("Code: https://github.com/a/b.", ("https://github.com/a/b",)),
        ("page (https://x.github.io/R-AMT/).", ("https://x.github.io/R-AMT/",)),
        ("at https://github.com/a/b.git", ("https://github.com/a/b.git",)),
        ("at https://github.com/a/PETL AST.", ("https://github.com/a/PETL",)),
        ("at https://github.com/a/b .", ("https://github.com/a/b",)),
        ("at github.com/edwardjhu/TP4.", ("https://github.com/edwardjhu/TP4",)),
        ("see luchaoqi.github.io/my3dgen, too", ("https://luchaoqi.github.io/my3dgen",)),
        ("wiki http://en.wikipedia.org/wiki/F_(x)!", ("http://en.wikipedia.org/wiki/F_(x)",)),
        ("quoted \"https://a.org/x\"; and 'https://b.org/y'?", ("https://a.org/x", "https://b.org/y")),
        ("twice https://a.org/x and https://a.org/x.", ("https://a.org/x",)),
        ("order https://b.org then github.com/a/b", ("https://b.org", "https://github.com/a/b")),
        ("no bare double https://github.com/a/b", ("https://github.com/a/b",)),
        ("scheme alone https:// here", ()),
        ("<https://a.org/x>", ("https://a.org/x",)),
        ("not a link: GitHub, github.com alone, mygithub.com/x", ()),
        # U+2028 is content for the line structure, but it is white space: a URL ends there.
        ("form\x0cfeed https://a.org/\u2028x", ("https://a.org/",)),
    ],
)
def test_links(text: str, links: tuple[str, ...]) -> None:
    assert extract_links(text) == links


# -- inputs -----------------------------------------------------------------


def test_bytes_with_bom_parse_like_text() -> None:
    text = seed_text(1)
    want = digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    data = b"\xef\xbb\xbf" + text.encode()
    assert digestparse.parse(data, mode="strict", reference_date=REFERENCE_DATE) == want
    assert digestparse.parse("\ufeff" + text, mode="strict", reference_date=REFERENCE_DATE) == want


def test_invalid_utf8_strict_and_lenient() -> None:
    data = dump(entry("Jun 9", title="Caf\u00e9")).encode().replace(b"\xc3\xa9", b"\xe9")
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(data, mode="strict", reference_date=REFERENCE_DATE)
    assert str(raised.value) == (
        "<string>:13:4: invalid-utf8 input is not valid UTF-8: byte 0xe9 replaced by U+FFFD"
    )
    digest = digestparse.parse(data, reference_date=REFERENCE_DATE)
    assert digest.papers[0].title == "Caf\ufffd"
    assert [d.code for d in digest.diagnostics] == ["invalid-utf8"]


def test_utf16_input_is_named_not_parsed_into_garbage() -> None:
    text = dump(entry("Jun 9"))
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text.encode("utf-16"), mode="strict", reference_date=REFERENCE_DATE)
    assert raised.value.code == "utf16-input"
    digest = digestparse.parse(text.encode("utf-16-le"), reference_date=REFERENCE_DATE)
    assert [d.code for d in digest.diagnostics] == ["utf16-input"]
    assert digest.papers[0].title == "A Title"


def test_only_three_line_breaks_end_a_line() -> None:
    title = "A\u2028B\x0cC\x1cD\x85E"
    paper = one(dump(entry("Jun 9", title=title)), mode="strict", reference_date=REFERENCE_DATE)
    assert paper.title == title
    assert paper.line == 13


def test_iter_papers_from_file_objects_and_lines(tmp_path: Path) -> None:
    text = seed_text(4)
    want = digestparse.parse(text, reference_date=REFERENCE_DATE).papers
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    with path.open(encoding="utf-8") as file:
        assert tuple(digestparse.iter_papers(file, reference_date=REFERENCE_DATE)) == want
    with path.open("rb") as binary:
        assert tuple(digestparse.iter_papers(binary, reference_date=REFERENCE_DATE)) == want
    lines = text.split("\n")
    assert tuple(digestparse.iter_papers(lines, reference_date=REFERENCE_DATE)) == want
    crlf = io.StringIO(text.replace("\n", "\r\n"), newline="")
    assert tuple(digestparse.iter_papers(crlf, reference_date=REFERENCE_DATE)) == want


def test_iter_papers_keeps_what_a_read_that_ignores_its_size_returns() -> None:
    """The stream probes a file object with ``read(0)``; a reader that ignores the size gave
    the whole input to that probe, which was thrown away: no papers, no report of it."""

    class WholeReader:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def read(self, size: int = -1) -> bytes:
            data, self.data = self.data, b""
            return data

    data = seed_text(4).encode("utf-8")
    want = digestparse.parse(data, reference_date=REFERENCE_DATE)
    stream = digestparse.iter_papers(
        WholeReader(data), reference_date=REFERENCE_DATE,  # type: ignore[arg-type]
    )
    assert tuple(stream) == want.papers and len(want.papers) > 10
    assert stream.diagnostics == list(want.diagnostics)


@pytest.mark.parametrize("data", [b"new", bytearray(b"new"), memoryview(b"new")],
                         ids=["bytes", "bytearray", "memoryview"])
def test_iter_papers_sends_bytes_to_parse(data: object) -> None:
    with pytest.raises(TypeError, match=r"use parse\(\) for bytes"):
        digestparse.iter_papers(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("chunk", [None, 1, 7], ids=["all", "1", "7"])
def test_iter_papers_reads_on_a_text_reader_that_ignores_the_size(chunk: int | None) -> None:
    """A text reader (no io.TextIOBase) whose read gives text whatever the size: the
    probe's text is the input's start and ``read`` gives the rest (iterating it would start
    after what the probe took). Lines cut between reads, ``\\r\\n`` too, are joined."""

    class TextReader:
        def __init__(self, text: str) -> None:
            self.text = text

        def read(self, size: int = -1) -> str:
            cut = len(self.text) if chunk is None else chunk
            data, self.text = self.text[:cut], self.text[cut:]
            return data

        def __iter__(self) -> Iterator[str]:
            return iter(self.text.splitlines(keepends=True))

    text = seed_text(4)
    want = digestparse.parse(text, reference_date=REFERENCE_DATE)
    for source in (text, text.replace("\n", "\r\n")):
        stream = digestparse.iter_papers(TextReader(source), reference_date=REFERENCE_DATE)
        assert tuple(stream) == want.papers
        assert stream.diagnostics == list(want.diagnostics)


def test_parse_file_does_not_take_a_file_descriptor(tmp_path: Path) -> None:
    """``open`` reads (and closes) an int as a descriptor: parse_file checks the path first."""
    path = tmp_path / "dump.txt"
    path.write_text(seed_text(0), encoding="utf-8")
    with path.open("rb") as file:
        with pytest.raises(TypeError, match="not int"):
            digestparse.parse_file(file.fileno())  # type: ignore[arg-type]
        assert os.fstat(file.fileno())  # still open
        assert file.read(3) == b"new"


def test_iter_papers_is_lazy_and_reports_diagnostics_as_they_come() -> None:
    seen: list[str] = []
    # The dialect is chosen from the first 200 non-blank lines, which are read
    # up front: the laziness starts after them. Lines are gathered in blocks of
    # about block_size characters (64 KiB by default, more than this whole input).
    lines = dump(entry("Jun 9", title="First"), entry("Jun 9 x", title="Second"),
                 entry("Jun 9", title="Third"),
                 *(entry("Jun 9", title=f"More {n}") for n in range(60))).split("\n")
    consumed: list[int] = []

    def source() -> object:
        for number, line in enumerate(lines, 1):
            consumed.append(number)
            yield line

    stream = digestparse.iter_papers(
        source(), reference_date=REFERENCE_DATE,  # type: ignore[arg-type]
        on_diagnostic=lambda d: seen.append(f"{d.line}:{d.code}"), block_size=1024,
    )
    first = next(stream)
    assert first.title == "First"
    assert max(consumed) < len(lines)  # the rest is not read yet
    assert [paper.title for paper in stream][:2] == ["Second", "Third"]
    assert seen == ["27:bad-date"]
    assert stream.diagnostics == []  # they went to the callback instead


def test_parse_rejects_other_types_and_modes() -> None:
    with pytest.raises(TypeError):
        digestparse.parse(["new"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mode"):
        digestparse.parse("new", mode="loose")  # type: ignore[arg-type]



def test_a_strided_memoryview_reads_as_its_bytes() -> None:
    data = seed_text(0).encode()
    spread = bytes(b for byte in data for b in (byte, 0x21))  # every other byte is data
    view = memoryview(spread)[::2]
    assert not view.c_contiguous
    parsed = digestparse.parse(view, reference_date=REFERENCE_DATE)
    assert parsed == digestparse.parse(data, reference_date=REFERENCE_DATE)
    assert len(parsed.papers) == 25  # seed 000, counted by hand


@pytest.mark.parametrize("size", [0, -1, True, 1.5, 2**30 + 1, 2**70])
def test_iter_papers_refuses_a_block_size_out_of_range(size: object) -> None:
    with pytest.raises(ValueError, match="block_size must be an int from 1 to 1073741824"):
        digestparse.iter_papers(io.BytesIO(b"x"), block_size=size)  # type: ignore[arg-type]


def test_iter_papers_takes_the_largest_block_size() -> None:
    data = seed_text(0).encode()
    stream = digestparse.iter_papers(io.BytesIO(data), block_size=2**30,
                                     reference_date=REFERENCE_DATE)
    assert list(stream) == list(digestparse.parse(data, reference_date=REFERENCE_DATE).papers)

# -- tokens and errors -------------------------------------------------------


def test_tokens_carry_kind_line_and_column() -> None:
    tokens = list(digestparse.tokenize("\ufeffnew\r\n\r\n  \u2022 3 authors\r\u00b7\nJul 20 9"))
    kinds = [(t.kind.value, t.text, t.line, t.column) for t in tokens]
    assert kinds == [
        ("bom", "\ufeff", 1, 1),
        ("header", "new", 1, 1),
        ("newline", "\r\n", 1, 4),
        ("blank", "", 2, 1),
        ("newline", "\r\n", 2, 1),
        ("authors", "  \u2022 3 authors", 3, 1),
        ("newline", "\r", 3, 14),
        ("separator", "\u00b7", 4, 1),
        ("newline", "\n", 4, 2),
        ("date", "Jul 20 9", 5, 1),
    ]


def test_parse_error_fields_and_string() -> None:
    text = dump(entry("Jun 9")).replace("\u00b7\n", "")
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE, name="dump.txt")
    error = raised.value
    assert isinstance(error, ValueError)
    assert (error.code, error.line, error.column, error.source) == (
        "missing-separator", 18, 1, "dump.txt",
    )
    assert str(error) == "dump.txt:18:1: missing-separator metadata block has no '\u00b7' line"


def test_render_refuses_papers_the_format_cannot_hold() -> None:
    bad = digestparse.Paper(title="two\nlines", abstract="x")
    with pytest.raises(ValueError, match="title"):
        digestparse.render([bad])
    no_date = digestparse.Paper(title="T", abstract="A", author_count=3)
    with pytest.raises(ValueError, match="date"):
        digestparse.render([no_date])


# -- regressions -------------------------------------------------------------


def test_strict_raises_the_first_deviation_even_when_a_later_line_was_read_ahead() -> None:
    text = dump("T\nA\n\n  \u2022 2 authors \n\u00b7\nJun 9")
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert (raised.value.code, raised.value.line) == ("missing-blank-line", 14)
    lenient = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert [(d.code, d.line, d.column) for d in lenient.diagnostics] == [
        ("missing-blank-line", 14, 1), ("trailing-whitespace", 16, 14),
    ]


def test_leading_blank_lines_are_extra_blank_lines() -> None:
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse("\n\n" + dump(entry("Jun 9")), mode="strict",
                          reference_date=REFERENCE_DATE)
    assert str(raised.value) == (
        "<string>:1:1: extra-blank-line more than one blank line between elements: "
        "blank lines before the first line"
    )


def test_errors_of_the_callers_own_objects_reach_them_unchanged(tmp_path: Path) -> None:
    class Boom(Exception):
        pass

    def callback(diagnostic: digestparse.Diagnostic) -> None:
        raise Boom(diagnostic.code)

    with pytest.raises(Boom, match="bad-date"):
        list(digestparse.iter_papers(dump(entry("Jun 9 x")).split("\n"), on_diagnostic=callback,
                                     reference_date=REFERENCE_DATE))
    path = tmp_path / "utf16.txt"
    path.write_bytes(dump(entry("Jun 9")).encode("utf-16"))
    with path.open(encoding="utf-8") as file, pytest.raises(UnicodeDecodeError):
        list(digestparse.iter_papers(file, reference_date=REFERENCE_DATE))
    with pytest.raises(FileNotFoundError):
        list(digestparse.iter_papers(tmp_path / "missing.txt"))
    with pytest.raises(TypeError, match="lines of str or bytes"):
        list(digestparse.iter_papers([1, 2], reference_date=REFERENCE_DATE))  # type: ignore[arg-type]

    class Unreadable(io.RawIOBase):
        """A file object whose every read fails (a broken mount, a closed socket)."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: object) -> int:
            raise OSError(5, "Input/output error")

    # The first read is the probe that tells bytes from text: its error is theirs too.
    with pytest.raises(OSError, match="Input/output error") as raised:
        list(digestparse.iter_papers(Unreadable()))
    assert type(raised.value) is OSError


def test_an_unexpected_exception_in_the_library_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("a bug")

    text = dump(entry("Jun 9"))
    monkeypatch.setattr(digestparse.parser, "_drain", broken)
    bug_near_a_line = r"failed near line [0-9]+: KeyError"
    with pytest.raises(digestparse.InternalError, match=bug_near_a_line) as bug:
        list(digestparse.iter_papers(text.split("\n"), reference_date=REFERENCE_DATE))
    assert isinstance(bug.value.__cause__, KeyError)
    monkeypatch.setattr(digestparse.api, "detect", broken)
    with pytest.raises(digestparse.InternalError, match="failed before parsing: KeyError"):
        digestparse.parse(text, reference_date=REFERENCE_DATE)


@pytest.mark.parametrize("error", [ValueError, TypeError])
def test_a_value_or_type_error_of_the_library_before_parsing_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    """Only the arguments' checks raise ValueError or TypeError to the caller: the same
    exception from the library's own code while it starts (here, detection) is a bug.
    (A capture time with an impossible offset once escaped as a bare ValueError.)"""

    def broken(*args: object) -> None:
        raise error("a bug")

    monkeypatch.setattr(digestparse.api, "detect", broken)
    for source in (dump(entry("Jun 9")), dump(entry("Jun 9")).encode()):
        with pytest.raises(digestparse.InternalError, match=f"before parsing: {error.__name__}"):
            digestparse.parse(source, reference_date=REFERENCE_DATE)
    with pytest.raises(digestparse.InternalError, match=f"before parsing: {error.__name__}"):
        list(digestparse.iter_papers(io.BytesIO(dump(entry("Jun 9")).encode())))
    with pytest.raises(ValueError, match="mode must be"):
        digestparse.parse("x", mode="Strict")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dialect must be one of"):
        digestparse.parse("x", dialect="nope")
    with pytest.raises(TypeError, match="reference_date must be"):
        digestparse.parse("x", reference_date="2025-01-01")  # type: ignore[arg-type]


def test_a_path_open_cannot_take_is_the_callers_error() -> None:
    """``open`` refuses a path with a NUL in it with a ValueError: the caller's, as from
    ``parse_file``, never an InternalError."""
    with pytest.raises(ValueError, match="null byte"):
        digestparse.parse_file("capture\x00.txt")
    with pytest.raises(ValueError, match="null byte"):
        list(digestparse.iter_papers("capture\x00.txt"))


def test_bare_github_io_root_is_a_link() -> None:
    assert extract_links("site: name.github.io/ and github.com/") == ("https://name.github.io/",)


def test_invalid_utf8_is_replaced_per_invalid_sequence_as_the_docs_say() -> None:
    """diagnostics.md, invalid-utf8: a character's bytes cut short give one U+FFFD, each
    lone bad byte one; two such lines with only a blank line between them are one run."""
    source = b"T \xe2\x82 x\n\nA \xff\xfe b\n\n" + entry("Jun 9").split("\n\n", 2)[2].encode()
    digest = digestparse.parse(source, reference_date=REFERENCE_DATE)
    assert (digest.papers[0].title, digest.papers[0].abstract) == (
        "T \ufffd x", "A \ufffd\ufffd b")
    found = [(d.code, d.line, d.column, d.end_line) for d in digest.diagnostics]
    assert ("invalid-utf8", 1, 3, 3) in found
