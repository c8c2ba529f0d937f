"""Properties that hold for every input (hypothesis)."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

import digestparse
from digestparse.grammar import cannot_be_title
from digestparse.tokenizer import TEXT, classify
from hostile_support import uncovered_lines
from seeds import REFERENCE_DATE

PAGE_DATE = datetime.date(2025, 12, 12)  # "Dec 12" against REFERENCE_DATE

# Any text, with the three line breaks and the format's own marks over-represented.
_PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", "\n\n", "\u00b7", "  \u2022 3 authors", "Jun 9", "Feb 29, 2023 7",
     "new", "Daily Papers", " ", "\t", "\ufeff", "\u2028", "\x00", "https://a.b/c).", "x"]
)
texts = st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=5))).map("".join))


@given(texts)
def test_tokenize_is_lossless(text: str) -> None:
    assert "".join(token.text for token in digestparse.tokenize(text)) == text


@given(st.one_of(st.binary(), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_lenient_never_raises_on_bytes(source: bytes) -> None:
    digest = digestparse.parse(source, reference_date=REFERENCE_DATE)
    assert all(paper.line <= paper.end_line for paper in digest.papers)


@given(texts)
def test_lenient_never_raises_and_accounts_for_every_line(text: str) -> None:
    digest = digestparse.parse(text, reference_date=REFERENCE_DATE)
    assert uncovered_lines(text, digest) == []


@given(st.one_of(texts, st.binary()))
def test_strict_raises_only_parse_error(source: str | bytes) -> None:
    try:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE_DATE)
    except digestparse.ParseError as error:
        assert error.line >= 1 and error.column >= 1


def _line_text() -> st.SearchStrategy[str]:
    alphabet = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")
    return st.text(alphabet, min_size=1, max_size=40).filter(
        lambda s: s == s.strip(" \t") and classify(s) is TEXT
    )


@st.composite
def papers(draw: st.DrawFn) -> digestparse.Paper:
    kind = draw(st.sampled_from(["none", "authors", "organization"]))
    # A title the format can hold: not a lone URL, a count or a page phrase (issue 10).
    title = draw(_line_text().filter(lambda s: not cannot_be_title(s)))
    abstract = draw(_line_text())
    if kind == "none":
        return digestparse.Paper(title=title, abstract=abstract)
    explicit = draw(st.booleans())
    if explicit:
        date = draw(st.dates(max_value=PAGE_DATE))
    else:
        date = draw(st.dates(datetime.date(PAGE_DATE.year, 1, 1), PAGE_DATE))
    return digestparse.Paper(
        title=title,
        abstract=abstract,
        author_count=draw(st.integers(0, 10**6)) if kind == "authors" else None,
        organization=draw(_line_text()) if kind == "organization" else None,
        date=date,
        votes=draw(st.integers(0, 10**9)),
        year_explicit=explicit,
    )


#: A title in brackets over an abstract that is a number over an organization or the next
#: entry, as w3m writes a thumbnail over a bare box over a title: read as text-urls without
#: URLs once.
_JAN_1 = datetime.date(2025, 1, 1)
_LIKE_A_THUMBNAIL = [
    digestparse.Paper(title="A", abstract="0", author_count=0, date=_JAN_1, votes=0),
    digestparse.Paper(title="[A]", abstract="0", organization=":", date=_JAN_1, votes=0),
]
_LIKE_A_THUMBNAIL_UNDATED = [
    digestparse.Paper(title="[A]", abstract="0"),
    digestparse.Paper(title="A", abstract="0", author_count=0, date=_JAN_1, votes=0),
]


@given(st.lists(papers(), max_size=6))
@example(generated=_LIKE_A_THUMBNAIL)
@example(generated=_LIKE_A_THUMBNAIL_UNDATED)
def test_render_then_parse_gives_the_papers_back(generated: list[digestparse.Paper]) -> None:
    digest = digestparse.Digest(papers=tuple(generated), page_date=PAGE_DATE)
    text = digestparse.render(digest)
    parsed = digestparse.parse(text, mode="strict", reference_date=REFERENCE_DATE)
    assert parsed.page_date == PAGE_DATE
    assert len(parsed.papers) == len(generated)
    for got, want in zip(parsed.papers, generated, strict=True):
        assert (got.title, got.abstract, got.author_count, got.organization, got.date,
                got.votes) == (want.title, want.abstract, want.author_count,
                               want.organization, want.date, want.votes)
    assert digestparse.render(parsed) == text
