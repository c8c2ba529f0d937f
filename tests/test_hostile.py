"""Hostile input: properties that hold for any input, and the adversarial inputs of issue 4.

Every adversarial input is generated here (nothing big is committed). Sizes
are scaled down where the full size would make the suite slow; the full
sizes are timed by benchmarks/hostile.py.
"""

from __future__ import annotations

import datetime
import string
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import example, given

import digestparse
from digestparse import InternalError, Paper, ParseError, lines, markup
from digestparse.dates import format_date
from digestparse.diagnostics import reading_order
from digestparse.grammar import CANONICAL_HEADER, HEADER_LINES, SEPARATOR, cannot_be_title
from digestparse.links import extract_links
from digestparse.tokenizer import TEXT, classify
from hostile_support import (
    REFERENCE,
    SEED_BYTES,
    SEEDS,
    check_lenient,
    check_nothing_lost,
    comparable,
    input_lines,
    lenient,
    strict,
)

HEADER = "\n\n".join(CANONICAL_HEADER)
CAPTURE_05 = next(
    (Path(__file__).parent / "fixtures" / "captures").glob("05_*.txt")
).read_text(encoding="utf-8").split("\n")

# -- arbitrary input -------------------------------------------------------------

#: Pieces of the format (and of its near misses) that random documents are built from.
_FRAGMENTS = [
    *HEADER_LINES,
    "Dec 12",
    "Jan 5",
    "Feb 29",
    "Feb 29, 2023",
    "Jul 20 9",
    "May 29, 2024 1",
    "Jun 31",
    "Jan 5 " + "9" * 25,
    SEPARATOR,
    "  \u2022 3 authors",
    "  \u2022 1 author",
    "\u2022 x authors",
    "  \u2022 " + "7" * 12 + " authors",
    "KaLM-Embedding KaLM-Embedding",
    "A Title: With Words",
    "An abstract with https://github.com/a/b). and github.com/c/d.",
    "x",
    " ",
    "\t",
    "\ufeff",
    "\x00",
    "\u2028",
    "\x85",
    "\x0c",
    "\ud800",
    "\u0301",
]
_BREAKS = ["\n", "\n", "\n\n", "\r\n", "\r", "\r\r\n", ""]

any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from([*string.printable, "\u00b7", "\u2022", "\ufeff"])),
    st.lists(
        st.tuples(st.sampled_from(_FRAGMENTS) | st.text(max_size=8), st.sampled_from(_BREAKS))
    ).map(lambda parts: "".join(a + b for a, b in parts)),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(
        lambda parts: HEADER + "\n\n" + "\n\n".join(parts)
    ),
)


def _encodings(text: str) -> list[bytes]:
    return [
        text.encode("utf-8", errors="surrogatepass"),
        text.encode("utf-16", errors="surrogatepass"),
        text.encode("utf-8", errors="surrogatepass")[::-1],
    ]


any_bytes = st.one_of(
    st.binary(),
    any_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.tuples(any_text, st.integers(0, 2)).map(lambda p: _encodings(p[0])[p[1]]),
)


@given(any_text)
@example("\n".join(["·"] * 5))
@example("Get trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers")
def test_lenient_never_raises_on_text(text: str) -> None:
    check_lenient(text)


@given(any_bytes)
@example(b"\x00Get trending papers in your email inbox!\n\nSubscribe")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
def test_lenient_never_raises_on_bytes(data: bytes) -> None:
    check_lenient(data)


@given(st.one_of(any_text, any_bytes))
def test_strict_raises_only_parse_error(source: str | bytes) -> None:
    try:
        strict(source)
    except ParseError as error:
        assert error.line >= 1 and error.column >= 1
        assert str(error).startswith(f"<string>:{error.line}:{error.column}: {error.code} ")


@given(any_text)
def test_tokenize_is_lossless(text: str) -> None:
    tokens = list(digestparse.tokenize(text))
    assert "".join(token.text for token in tokens) == text


@given(any_text)
@example("\n0\n\n0")  # the fast path once skipped the blank first line's defect
@example("\ufeff\ufeff")  # the stream is given the input's own first line, its BOM kept
@example("\ufeff")  # a BOM alone: no line but the BOM's
def test_iter_papers_matches_parse(text: str) -> None:
    """The streaming parser sees the same papers and diagnostics as parse()."""
    digest = lenient(text)
    diagnostics: list[digestparse.Diagnostic] = []
    lines = input_lines(text)  # without the BOM, which the stream removes itself
    if text.startswith("\ufeff"):
        lines[:1] = ["\ufeff" + (lines[0] if lines else "")]
    papers = list(
        digestparse.iter_papers(
            lines,
            reference_date=REFERENCE,
            on_diagnostic=diagnostics.append,
            name="<string>",
        )
    )
    assert papers == list(digest.papers)
    assert sorted(diagnostics, key=reading_order) == list(digest.diagnostics)


# -- round trips -----------------------------------------------------------------

_line_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"),
    min_size=1,
    max_size=60,
).filter(lambda t: t == t.strip(" \t") and classify(t) is TEXT)
#: A title the format can hold: not a lone URL, a count or a page phrase (issue 10).
_title_text = _line_text.filter(lambda t: not cannot_be_title(t))
_abstract = st.one_of(
    _line_text,
    st.lists(
        st.sampled_from(
            ["word", "(https://x.github.io/p/).", "github.com/a/b.", "http://e.org/x?y=1,", "é"]
        ),
        min_size=1,
        max_size=12,
    ).map(" ".join),
)


@st.composite
def papers(draw: st.DrawFn) -> Paper:
    title = draw(_title_text)
    abstract = draw(_abstract)
    kind = draw(st.sampled_from(["none", "authors", "organization"]))
    if kind == "none":
        return Paper(title=title, abstract=abstract, links=extract_links(abstract))
    year_explicit = draw(st.booleans())
    if year_explicit:
        date = draw(st.dates(datetime.date(1000, 1, 1), REFERENCE))
    else:
        date = draw(st.dates(datetime.date(REFERENCE.year, 1, 1), REFERENCE))
    return Paper(
        title=title,
        abstract=abstract,
        author_count=draw(st.integers(0, 10**9 - 1)) if kind == "authors" else None,
        organization=draw(_line_text) if kind == "organization" else None,
        date=date,
        votes=draw(st.one_of(st.just(0), st.integers(0, 10**18 - 1))),
        links=extract_links(abstract),
        date_text=format_date(date, year_explicit),
        year_explicit=year_explicit,
    )


@given(st.lists(papers(), max_size=8))
# An abstract ``-`` over the next title, found by the long profile: read as a browser's
# bare upvote box, it made the dump another dialect's (render refused it).
@example([
    Paper(title="A", abstract="-"),
    Paper(title="A", abstract="0", author_count=0, date=datetime.date(2025, 1, 1), votes=0,
          date_text="Jan 1", year_explicit=False),
])
def test_render_then_parse_gives_the_papers_back(generated: list[Paper]) -> None:
    text = digestparse.render(generated)
    digest = strict(text)
    assert comparable(digest) == comparable(tuple(generated))
    assert digestparse.render(digest) == text  # a rendered dump is canonical
    assert lenient(text).diagnostics == ()


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_canonical_seed_round_trips(seed: int) -> None:
    assert digestparse.render(strict(SEEDS[seed])) == SEEDS[seed]


@given(
    st.builds(
        Paper,
        title=_title_text,
        abstract=_line_text,
        author_count=st.none() | st.integers(-5, 10**12),
        organization=st.none() | _line_text,
        date=st.none() | st.dates(datetime.date(1, 1, 1), REFERENCE),
        votes=st.integers(-5, 10**20),
        year_explicit=st.none() | st.booleans(),
    )
)
def test_render_never_writes_what_parse_cannot_read(paper: Paper) -> None:
    """render() either refuses a paper (ValueError) or writes a dump that parses strictly.

    A yearless date is read back against the reference date, so only one
    that exists in the reference year (on or before it) can come back.
    """
    if paper.date is not None and not paper.year_explicit:
        try:
            date = paper.date.replace(year=REFERENCE.year)
        except ValueError:  # Feb 29
            return
        paper = attrs.evolve(paper, date=date)
    try:
        text = digestparse.render([paper])
    except ValueError:
        return
    (back,) = strict(text).papers
    assert (back.title, back.abstract, back.author_count, back.organization, back.votes) == (
        paper.title,
        paper.abstract,
        paper.author_count,
        paper.organization,
        paper.votes,
    )
    if paper.year_explicit:
        assert back.date == paper.date


# -- adversarial inputs (issue 4) ------------------------------------------------


def _codes(digest: digestparse.Digest) -> list[str]:
    return [d.code for d in digest.diagnostics]


def test_ten_megabyte_single_line() -> None:
    for line in ("a" * 10_000_000, "https://" + "a/" * 5_000_000, "github.com/" * 900_000):
        digest = check_lenient(line)
        assert digest.papers == ()
        assert len(digest.diagnostics) <= 4
        with pytest.raises(ParseError) as error:
            strict(line)
        # One line of no dialect's grammar: not a listing at all (issue 10).
        assert error.value.code == "unknown-format"


def test_long_abstract_line_in_an_entry() -> None:
    # As long as a line may be (lines.MAX_LINE, 1,048,576 characters), and no longer.
    abstract = "see (https://" + "(a" * 260_000 + " and github.com/" + "x." * 260_000
    assert len(abstract) <= lines.MAX_LINE
    digest = check_lenient(f"{HEADER}\n\nTitle\n\n{abstract}")
    assert len(digest.papers) == 1 and len(digest.papers[0].links) == 2


@pytest.mark.parametrize(
    "title",
    [
        "[" * 20_000 + "x" + "](u)" * 20_000,  # links nested 20,000 deep: 100 KB
        "![" * 50_000,
        "![a](" * 20_000,
        "[![" * 33_000,
        "[a](" * 25_000,
        '[a](b "' * 14_000,
    ],
    ids=["nested-links", "unclosed-images", "unclosed-image-targets", "images-in-links",
         "unclosed-link-targets", "unclosed-link-titles"],
)
def test_a_title_of_unclosed_or_nested_links_is_read_in_linear_time(title: str) -> None:
    """Every dialect reads a title through ``markup.plain``, whose link and image patterns
    once scanned to the line's end from every ``[`` (and removed nested links one level a
    pass): 40 KB of such a title took 9 s, and a line may hold a MiB. Read in linear time,
    these take well under a second; quadratic, minutes. (A title of nothing but image
    markup is no title: then the two lines are a ``junk`` line and a cut entry.)"""
    digest = check_lenient(f"{HEADER}\n\n{title}\n\nAbstract.")
    if title in ("![" * 50_000, "[![" * 33_000):
        assert (digest.papers, _codes(digest)) == ((), ["junk", "truncated-entry"])
    else:
        assert [paper.abstract for paper in digest.papers] == ["Abstract."]


def test_links_nested_deeper_than_a_page_nests_them_keep_the_outer_markup() -> None:
    assert markup.strip_links("[[[x](u)](v)](w) and ![i](s)[y][3]") == "x and y"
    deep = "[" * 10 + "x" + "](u)" * 10
    assert markup.strip_links(deep) == "[[" + "x" + "](u)" * 2


@pytest.mark.parametrize("lines", [10**6])
def test_a_million_middle_dot_lines_is_one_junk_diagnostic(lines: int) -> None:
    text = "\n".join([SEPARATOR] * lines)
    digest = lenient(text)
    assert _codes(digest) == ["missing-header", "junk"]
    assert digest.diagnostics[1].span == (1, lines)


@pytest.mark.parametrize(
    "unit",
    [
        f"{SEPARATOR}\n\n",  # junk separated by blank lines
        f" {SEPARATOR} \n",  # junk with leading and trailing blanks on every line
        "Jan 5 3\n",
        "  \u2022 3 authors\n",
    ],
)
def test_no_diagnostic_flood_on_junk(unit: str) -> None:
    text = HEADER + "\n\n" + unit * 100_000
    digest = check_lenient(text)
    assert digest.papers == ()
    assert len(digest.diagnostics) <= 4, _codes(digest)[:10]


def test_no_diagnostic_flood_on_invalid_utf8_junk() -> None:
    data = HEADER.encode() + (b"\n\n\xe2\x80\xa2\xff" * 50_000)
    digest = check_lenient(data)
    assert sorted(_codes(digest)) == ["invalid-utf8", "junk"]


def test_a_million_blank_lines() -> None:
    digest = check_lenient("\n" * 10**6)
    assert digest.papers == () and len(digest.diagnostics) == 1
    digest = check_lenient(SEEDS[0] + "\n" * 10**6)
    assert len(digest.papers) == 25
    assert _codes(digest) == ["extra-blank-line"]


def test_header_repeated_many_times() -> None:
    text = "\n\n".join([HEADER] * 20_000)
    digest = check_lenient(text)
    assert digest.papers == ()
    assert len(digest.diagnostics) <= 3, _codes(digest)
    # Two dumps concatenated: the papers of both come out.
    digest = check_lenient(SEEDS[0] + "\n\n" + SEEDS[1])
    assert len(digest.papers) == 25 + 48
    assert "repeated-header" in _codes(digest)


def test_date_line_with_a_hundred_thousand_digits_of_votes() -> None:
    text = f"{HEADER}\n\nTitle\n\nAbstract\n\n  \u2022 3 authors\n{SEPARATOR}\nJan 5 " + "9" * 10**5
    digest = check_lenient(text)
    (paper,) = digest.papers
    assert paper.votes == 0 and paper.date == datetime.date(2025, 1, 5)
    assert _codes(digest) == ["bad-votes"]
    with pytest.raises(ParseError) as error:
        strict(text)
    assert error.value.code == "bad-votes"
    # The same digits as an author count or a year never reach int() either.
    for meta in (
        "  \u2022 " + "9" * 10**5 + " authors\n\u00b7\nJan 5",
        "  \u2022 3 authors\n\u00b7\nJan 5, " + "2" * 10**5,
    ):
        check_lenient(f"{HEADER}\n\nTitle\n\nAbstract\n\n{meta}")


def test_title_of_combining_characters() -> None:
    title = "a" + "\u0301" * 10**5
    digest = check_lenient(f"{HEADER}\n\n{title}\n\nAbstract")
    assert digest.papers[0].title == title
    assert digestparse.render(digest) == f"{HEADER}\n\n{title}\n\nAbstract"
    # A line of nothing but combining characters is content too.
    digest = check_lenient(f"{HEADER}\n\n" + "\u0301" * 10**5 + "\n\nAbstract")
    assert len(digest.papers) == 1


def test_nul_bytes() -> None:
    data = SEED_BYTES[0].replace(b"Subscribe", b"Subs\x00cribe").replace(b"We seek", b"\x00We seek")
    digest = check_lenient(data)
    assert len(digest.papers) == 25
    assert digest.papers[0].abstract.startswith("\x00We seek")
    check_lenient(b"\x00" * 100_000)
    check_lenient("\x00\n\n" * 10_000)


def test_invalid_utf8_in_the_middle() -> None:
    data = SEED_BYTES[1]
    middle = data.index(b"\n\n", len(data) // 2) - 10
    damaged = data[:middle] + b"\xff\xc3\x28" + data[middle:]
    digest = check_lenient(damaged)
    assert len(digest.papers) == 48
    assert _codes(digest) == ["invalid-utf8"]
    line = digest.diagnostics[0].line
    assert "\ufffd" in input_lines(damaged)[line - 1]
    with pytest.raises(ParseError) as error:
        strict(damaged)
    assert (error.value.code, error.value.line) == ("invalid-utf8", line)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_input_gives_a_clear_diagnostic(codec: str) -> None:
    data = SEEDS[2].encode(codec)
    digest = check_lenient(data)
    assert _codes(digest)[0] == "utf16-input"
    # Not garbage: decoded as what it is, the papers are the real ones.
    assert comparable(digest) == comparable(lenient(SEEDS[2]))
    with pytest.raises(ParseError) as error:
        strict(data)
    assert (error.value.code, error.value.line) == ("utf16-input", 1)


def test_utf16_without_bom_and_odd_length_is_not_garbage() -> None:
    data = SEEDS[0].encode("utf-16-le") + b"\x00"
    digest = check_lenient(data)
    assert _codes(digest)[0] == "utf16-input"


# -- regressions found by the property suites -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\x00Get trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers",
        "x\n\nSubscribe\n\nDaily Papers\n\nTitle\n\nAbstract",
        "x\n\ny\n\nSubscribe",
    ],
)
def test_regression_header_starting_with_a_damaged_line(text: str) -> None:
    """A header whose first line is damaged used to crash with IndexError (InternalError)."""
    digest = check_lenient(text)
    assert _codes(digest)[0] == "bad-header"
    with pytest.raises(ParseError):
        strict(text)


def test_regression_interleaved_whitespace_defects_fold() -> None:
    """Leading and trailing blanks on every junk line used to give two diagnostics per line."""
    digest = check_lenient(f" {SEPARATOR} \n" * 1000)
    assert sorted(_codes(digest)) == [
        "junk",
        "leading-whitespace",
        "missing-header",
        "trailing-whitespace",
    ]


def test_internal_error_is_never_raised_for_input() -> None:
    for source in ("", "\n", "\r", "\ufeff", b"", b"\xef\xbb\xbf", b"\xff", b"\x00\x00"):
        try:
            lenient(source)
        except InternalError:  # pragma: no cover - the assertion explains
            pytest.fail(f"InternalError on {source!r}")


def test_regression_blank_lines_at_the_end_are_reported() -> None:
    """A second read at the end of the input used to forget the trailing blank lines."""
    assert lenient(SEEDS[0] + "\n").diagnostics == ()
    digest = check_lenient(SEEDS[0] + "\n\n\n")
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("extra-blank-line", 212, 213)
    ]
    with pytest.raises(ParseError) as error:
        strict(SEEDS[0] + "\n\n")
    assert (error.value.code, error.value.line) == ("extra-blank-line", 212)


@pytest.mark.parametrize(
    "changes",
    [
        {"votes": 10**18},
        {"author_count": 10**9},
    ],
)
def test_regression_render_refuses_what_parse_cannot_read(changes: dict[str, Any]) -> None:
    """render() used to write a 19-digit count or a 10-digit author count.

    (A year before 1000 is written zero-padded, ``Jan 1, 0999``, and reads back:
    see test_properties.test_render_then_parse_gives_the_papers_back.)"""
    paper = Paper(
        title="T",
        abstract="A",
        author_count=3,
        date=datetime.date(2020, 1, 1),
        year_explicit=True,
    )
    digestparse.render([paper])
    with pytest.raises(ValueError):
        digestparse.render([attrs.evolve(paper, **changes)])


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_input_is_named_as_utf32_and_decoded(codec: str) -> None:
    # Its byte order mark FF FE 00 00 starts like UTF-16's: it was read as UTF-16 garbage
    # (refused as unknown-format), and UTF-32-BE as UTF-8 full of NULs.
    data = SEEDS[2].encode(codec)
    digest = check_lenient(data)
    assert _codes(digest) == ["utf32-input"]
    assert digest.diagnostics[0].message.endswith(": decoded as UTF-32")
    assert comparable(digest) == comparable(lenient(SEEDS[2]))
    assert digest.header_span == lenient(SEEDS[2]).header_span
    with pytest.raises(ParseError) as error:
        strict(data)
    assert (error.value.code, error.value.line, error.value.column) == ("utf32-input", 1, 1)


# -- found by an adversarial review (2026-11-29) -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[2](://\nhuggingface.co/login)\n### [T\n",
        "[ 2\n](huggingface.co/login)\n### p",
        "[-](://\rhuggingface.co/login)\r### [",
    ],
)
def test_an_upvote_box_wrapped_over_two_lines_before_a_title(text: str) -> None:
    """html-text: a box's link to the login page wrapped onto a second line, right over a
    ``### `` line, was a lead-in that the entry rule took nothing of (``InternalError: no
    rule consumed line 1``, exit 3 from the command line); anywhere in capture 05 too."""
    for source in (text, "\n".join([*CAPTURE_05[:60], text, *CAPTURE_05[60:]])):
        for dialect in ("html-text", "auto"):
            digest = check_nothing_lost(
                source, digestparse.parse(source, dialect=dialect))
            assert digest.diagnostics
            with pytest.raises(ParseError):
                digestparse.parse(source, mode="strict", dialect=dialect)


def test_strict_checkpoints_do_not_look_at_every_defect_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Strict mode raises at a checkpoint between rules; while copies of an entry are held
    back it cannot, and each checkpoint compared every defect found so far: quadratic on
    10^4 defective copies (``### T`` lines: hours for a MB). Counted, not timed: the
    comparisons grow with the input, not with its square."""
    from digestparse import diagnostics

    calls = 0
    order = diagnostics.reading_order

    def counted(diagnostic: digestparse.Diagnostic) -> tuple[int, int, int]:
        nonlocal calls
        calls += 1
        return order(diagnostic)

    monkeypatch.setattr(diagnostics, "reading_order", counted)
    counts = []
    for size in (500, 1000, 2000):
        calls = 0
        with pytest.raises(ParseError):
            digestparse.parse("### T\n" * size, mode="strict", dialect="html-text")
        counts.append(calls)
    assert counts[2] < 2.5 * counts[1] < 6.25 * counts[0], counts
