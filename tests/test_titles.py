"""No paper's title is a URL, a bracket, a bare count, a date or a header phrase (issue 10).

Over every fixture (the seed dumps and the real captures) and their mutations:
dropped, duplicated, swapped and cut lines, in every dialect.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import digestparse
import lynx_support
from dialect_support import capture_lines
from digestparse.dates import read_date_line
from digestparse.grammar import PAGE_PHRASES
from digestparse.markup import plain
from page_support import Entry

LYNX_ENTRIES = (
    Entry("2611.01234", "Plain Title", "An abstract about [3] models.", 12, "Nov 25", 3,
          organization="OCC"),
    Entry("2611.02345", "A title long enough to wrap over two lines at lynx's default "
          "width of the dump", "Another abstract.", 0, "Nov 24", authors=2, avatars=1),
)
FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = sorted(FIXTURES.glob("0*.txt")) + sorted((FIXTURES / "captures").glob("*.txt"))
TEXTS = [path.read_text(encoding="utf-8") for path in SOURCES] + [
    # lynx's own notation (``lynx -dump``), made-up pages: no such capture exists.
    lynx_support.page(LYNX_ENTRIES), lynx_support.trending(LYNX_ENTRIES),
]
REFERENCE = datetime.date(2026, 11, 25)

_URL = regex.compile(r"(?i)^\S*(?:https?://|www\.)\S*$")
#: Brackets, digits, punctuation and blanks only: "[", "][31]", "[ 6][39]", "-".
_ONLY_MARKS = regex.compile(r"^[\p{P}\p{S}\p{N}\s]*$")
_COUNT = regex.compile(r"^[0-9][0-9.,]*[kKmM]?$")


def bad_title_reason(title: str) -> str | None:
    text = title.strip()
    if _URL.match(text):
        return "a URL"
    if _ONLY_MARKS.match(text):
        return "brackets, a count or marks only"
    if _COUNT.match(text):
        return "a bare count"
    undecorated = text.removeprefix("Published on ").strip()
    if read_date_line(undecorated) is not None:
        return "a date"
    if plain(text) in PAGE_PHRASES:
        return "a header phrase"
    return None


def _assert_titles(text: str) -> None:
    digest = digestparse.parse(text, reference_date=REFERENCE)
    for paper in digest.papers:
        reason = bad_title_reason(paper.title)
        assert reason is None, (paper.title, reason, paper.line, digest.dialect)


def test_fixtures_have_only_real_titles() -> None:
    for text in TEXTS:
        _assert_titles(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "cut"]))
        if action == "drop":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif action == "cut":
            lines = lines[:at]
    return "\n".join(lines)


@given(mutated())
def test_mutated_fixtures_have_only_real_titles(text: str) -> None:
    _assert_titles(text)


def test_the_checker_catches_each_kind() -> None:
    for bad in ("https://huggingface.co/papers/2606.00683", "[", "][31]", "65", "-",
                "1.32k", "May 29", "Published on Oct 4, 2026", "Subscribe",
                "## Trending Papers", "- Daily"):
        assert bad_title_reason(bad) is not None, bad
    for good in ("Gemini 1.5: Unlocking multimodal understanding", "dots.ocr: Layout",
                 "1-bit LLMs", "MemOS: A Memory OS for AI System"):
        assert bad_title_reason(good) is None, good


# A title holding TeX, as the page shows it (``45\%``), written by each capture tool: the
# markdown converter escapes the backslash (``45\\%``); lynx, the notebook export and the
# HTML extraction write the text as it is. Every dialect reads the page's own title back.
_TEX_TITLES = [
    ("01", 84, "### [Gemini 1.5: Unlocking", "### [Gemini 1.5 at 45\\%: Unlocking",
     "Gemini 1.5 at 45\\%: Unlocking multimodal understanding across millions of tokens of "
     "context"),
    ("02", 113, "InterCode: Standardizing", "InterCode at 45\\%: Standardizing",
     "InterCode at 45\\%: Standardizing and Benchmarking Interactive Coding with Execution "
     "Feedback"),
    ("03", 44, "### [Benchmark Radar:", "### [Benchmark Radar at 45\\\\%:",
     "Benchmark Radar at 45\\%: A Living Database and Search Engine for AI Benchmarks and "
     "Evaluation"),
    ("05", 104, "### [The Other Half", "### [The Other 45\\% Half",
     "The Other 45\\% Half of the Memory Wall: Serving 35B MoEs from SSD with Trained Routing "
     "Prediction"),
]


@pytest.mark.parametrize(("prefix", "line", "old", "new", "title"), _TEX_TITLES,
                         ids=[case[0] for case in _TEX_TITLES])
def test_a_title_keeps_the_backslash_the_page_shows(
    prefix: str, line: int, old: str, new: str, title: str
) -> None:
    lines = capture_lines(prefix)
    assert lines[line - 1].startswith(old)
    # Every copy of the entry (a trending page shows each twice).
    lines = [new + text[len(old) :] if text.startswith(old) else text for text in lines]
    original = digestparse.parse("\n".join(capture_lines(prefix)))
    digest = digestparse.parse("\n".join(lines))
    titles = [paper.title for paper in digest.papers]
    assert title in titles
    assert len(titles) == len(original.papers)
    assert [d.code for d in digest.diagnostics] == [d.code for d in original.diagnostics]


_SEED_LIKE = """new

Get trending papers in your email inbox!

Subscribe

Daily Papers

byAK and the research community

Dec 12

A Real Title

A real abstract.

  \u2022 2 authors
\u00b7
Jun 9

{title}

Second abstract.

  \u2022 1 authors
\u00b7
Jun 8
"""


@pytest.mark.parametrize(
    "line",
    [
        "12](https://huggingface.co/login)",  # a link's tail, its text cut off
        "<https://example.org/x>",
        "(https://example.org/x)",
        "[https://example.org/x]",
        "github.com/a/b",  # bare links, as links.py reads them
        "www.github.com/a/b",
        "name.github.io/x",
        "[x][3]",  # a lynx reference
    ],
)
def test_a_link_in_any_notation_is_never_a_title(line: str) -> None:
    """format.md, Entries: a line that is only a link, in any notation and with no blank in
    it, is never a title; where a title should start it is ``junk`` (strict raises it)."""
    text = _SEED_LIKE.format(title=line)
    number = text.split("\n").index(line) + 1
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics[0].code, digest.diagnostics[0].line) == (
        "text", "junk", number)
    assert line not in [paper.title for paper in digest.papers]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("junk", number, 1)


@pytest.mark.parametrize(
    "title",
    ["Node.js and Deno", "Qwen3", "GPT-4o/o1", "I/O", "X.ai/Grok", "Code at https://a.org/x",
     "[CLS] and [SEP]"],
)
def test_a_title_with_a_dot_slash_or_link_in_it_is_still_a_title(title: str) -> None:
    text = _SEED_LIKE.format(title=title)
    digest = digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert [paper.title for paper in digest.papers] == ["A Real Title", title]


#: A title of each notation and the same title line with its text taken out, as a converter
#: writes a heading whose text it lost (an image or a formula only): (fixture, title, emptied).
_EMPTIED_TITLES = [
    ("captures/01_hfpapers_search_longcontext_asr_lynx.txt",
     "### [Gemini 1.5: Unlocking multimodal understanding across millions of tokens of "
     "context][36]", "### [][36]"),
    ("captures/03_hfpapers_search_source_citations_firecrawl_md.txt",
     "### [Benchmark Radar: A Living Database and Search Engine for AI Benchmarks and "
     "Evaluation](", "### [](",),
    ("captures/05_hfpapers_trending_structured_html_submittedby.txt",
     "### [Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio "
     "Generation](", "### []("),
    ("tools/long_names/daily.lynx.txt",
     "[14]SparseRoute: Sparse Mixture Routing for Long-Context Speech Recognition", "[14]"),
]


@pytest.mark.parametrize(("name", "title", "emptied"), _EMPTIED_TITLES)
def test_a_title_line_without_its_title_is_junk_not_a_paper(
    name: str, title: str, emptied: str
) -> None:
    """``### [](url)``, ``### [][N]``, lynx's ``[14]`` alone: no entry starts at a title line
    that holds no title. Its lines up to the next entry are ``junk``, and no paper has an
    empty title. reference-text and html-text read
    it as a paper titled "" with no report, so strict mode passed it."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    line = text[: text.index(title)].count("\n") + 1
    damaged = text.replace(title, emptied, 1)
    before = digestparse.parse(text, reference_date=REFERENCE)
    digest = digestparse.parse(damaged, reference_date=REFERENCE)
    assert all(paper.title for paper in digest.papers)
    [lost] = [paper for paper in before.papers if paper.line <= line <= paper.end_line]
    # A trending card's second copy (05) still gives its paper; the other pages lose it.
    assert [paper.title for paper in digest.papers] == [
        paper.title for paper in before.papers
        if paper is not lost or name.startswith("captures/05")
    ]
    # The junk runs on over the entry's other lines (a run of junk says no more than that).
    [junk] = [d for d in digest.diagnostics if d.line <= line <= d.end_line]
    assert junk.code == "junk"
    assert lost.line <= junk.line
    with pytest.raises(digestparse.ParseError):
        digestparse.parse(damaged, mode="strict", reference_date=REFERENCE)
