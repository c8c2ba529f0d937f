"""The markdown dialect (captures 03 and 04): detection, damaged variants, properties.

Capture 03's layout (read by hand): front matter on lines 1-9, header lines
10-26, page date ``Oct 2`` on line 28, then 8 entries; the first is upvotes
30, title 32, abstract 34, organization 36, ``·`` 38, date 40; the third
has a hard-wrapped abstract on lines 58-77 and an avatar list on 79-81.
Capture 04: a ``**URL:**`` preamble on lines 1-4, header lines 6-11, then
entries of a title, an abstract, ``- N authors`` (optional) and a
``[LINK: …](url)`` line, each shown twice in a row.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
import regex
from hypothesis import given, note

import digestparse
from dialect_support import FastPathSpy
from dialect_support import assert_paths_agree as rules_and_fast_path_agree
from digestparse.diagnostics import Reporter
from digestparse.dialects import BY_NAME
from digestparse.dialects.markdown import MARKDOWN
from digestparse.dialects.markdown.fastpath import read_entries
from digestparse.dialects.markdown.fields import (
    inline,
    organization_of,
    title_of,
    title_of_line,
    unwrapped,
)
from digestparse.grammar import PAGE_PHRASES, cannot_be_title
from digestparse.links import PAPER_PAGE, paper_id
from digestparse.markup import join_wrapped, plain, unescape
from digestparse.model import title_key
from digestparse.parser import run
from digestparse.state import ParseState
from hostile_support import (
    check_lenient,
    check_nothing_lost,
    comparable,
    edit_lines,
    uncovered_lines,
)
from seeds import SEEDS

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
TOOLS = Path(__file__).parent / "fixtures" / "tools"
TOOLS_DAY = datetime.date(2026, 11, 26)
MD03 = (CAPTURES / "03_hfpapers_search_source_citations_firecrawl_md.txt").read_text("utf-8")
MD04 = (CAPTURES / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8")
OTHER_CAPTURES = sorted(
    path for path in CAPTURES.glob("*.txt") if not path.name.startswith(("03_", "04_"))
)
REFERENCE = datetime.date(2026, 10, 2)


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def joined(lines: list[str]) -> str:
    return "\n".join(lines)


def head(text: str) -> list[str]:
    """What a detector sees: non-blank lines, stripped (no wrapper in these inputs)."""
    return [line.strip() for line in text.split("\n") if line.strip()][:200]


# -- detection ---------------------------------------------------------------

README = """# digestparse

A library that parses things.

## Install

- `pip install digestparse`
- see [the docs](https://example.org/docs)

### Usage

```python
import digestparse
```

### Papers we like

- [Attention Is All You Need](https://huggingface.co/papers/1706.03762)
- [BERT](https://arxiv.org/abs/1810.04805) - 4 authors

## License

[MIT](LICENSE)
"""

#: A blog post that links to papers under ``###`` headings: generic markdown, not the listing.
BLOG = """# Papers I read this week

## Daily Papers

### [OCC-RAG: Optimal Cognitive Core](https://huggingface.co/papers/2606.00683)

A small model that answers from context. [Read it](https://huggingface.co/papers/2606.00683)

### [WebCiteS](https://huggingface.co/papers/2403.01774)

- 9 authors
- fine-grained verification
"""


def test_detector_accepts_both_captures() -> None:
    assert digestparse.parse(MD03).dialect == "markdown"
    assert digestparse.parse(MD04).dialect == "markdown"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_detector_rejects_the_seeds(seed: Path) -> None:
    assert not MARKDOWN.detect(head(seed.read_text("utf-8")))


@pytest.mark.parametrize("capture", OTHER_CAPTURES, ids=lambda p: p.name[:2])
def test_detector_rejects_the_other_captures(capture: Path) -> None:
    text = capture.read_text("utf-8")
    assert not MARKDOWN.detect(head(text))
    assert digestparse.parse(text).dialect != "markdown"


@pytest.mark.parametrize("page", [README, BLOG], ids=["readme", "blog"])
def test_markdown_that_is_not_the_listing_is_refused(page: str) -> None:
    assert not MARKDOWN.detect(head(page))
    digest = digestparse.parse(page)
    assert digest.dialect == "unknown"
    assert digest.papers == ()
    assert [d.code for d in digest.diagnostics] == ["unknown-format"]


def test_one_mark_of_the_style_is_enough() -> None:
    entry = "### [T](https://huggingface.co/papers/2606.00683)"
    assert MARKDOWN.detect([entry, "[-](https://huggingface.co/login?next=%2Fpapers)"])
    assert MARKDOWN.detect([entry, "May 29[6](https://huggingface.co/papers/2606.00683#community)"])
    assert MARKDOWN.detect(["### T", "[LINK: GitHub 1k](https://github.com/a/b)"])
    assert MARKDOWN.detect(["### T", "- 2 authors", "### U", "- 3 authors"])
    # Marks without any title line, or an upvote-like line pointing elsewhere, are not enough.
    assert not MARKDOWN.detect(["[-](https://huggingface.co/login)", "- 2 authors"])
    assert not MARKDOWN.detect([entry, "[1](https://example.org/footnote)"])
    assert not MARKDOWN.detect(["### T", "- 2 authors"])


def test_one_line_of_an_abstract_starting_with_hashes_makes_no_markdown_page() -> None:
    """Plain ``### Title`` lines decide only as many as the cards' titles: one abstract line
    of a plain text capture that starts with ``### `` (pandoc's, eight cards with authors
    lines) left the page read as markdown, its cards junk."""
    assert not MARKDOWN.detect(["### T", "- 2 authors", "- 3 authors"])
    assert not MARKDOWN.detect(["### T", "- 2 authors", "### U", *["- 3 authors"] * 5])
    lines = (TOOLS / "daily.pandoc_plain.txt").read_text("utf-8").split("\n")
    assert lines[37].startswith("mixture-of-experts routing scheme")
    lines[37] = "### " + lines[37]
    digest = digestparse.parse("\n".join(lines), reference_date=TOOLS_DAY)
    assert digest.dialect == "text-urls"
    assert digest.diagnostics == ()
    assert len(digest.papers) == 8
    assert "SparseRoute, a ### mixture-of-experts routing" in digest.papers[0].abstract


# -- the captures as a whole -------------------------------------------------


def test_capture_03_header_and_spans() -> None:
    digest = check_lenient(MD03)
    assert digest.dialect == "markdown"
    assert digest.header == (
        "new",
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "by AK and the research community",
        "Daily",
        "Weekly",
        "Monthly",
        "Trending Papers",
    )
    assert digest.header_span == (1, 28)
    assert digest.diagnostics == ()


def test_capture_04_header_copies_and_spans() -> None:
    digest = check_lenient(MD04)
    assert digest.header == (
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        "Trending Papers",
        "by AK and the research community",
    )
    assert digest.header_span == (1, 11)
    assert digest.page_date is None
    # 23 blocks: 11 pairs of copies merged, the last entry shown once.
    assert [p.span for p in digest.papers][:2] == [(13, 23), (25, 35)]
    assert digest.papers[-1].span == (167, 170)
    assert digest.diagnostics == ()


def test_capture_04_yields_both_copies_to_the_run_loop() -> None:
    """Without the run loop's merge, the rules give every entry but the last twice. (The fast
    path merges identical copies itself, as the run loop would: it is left out here.)"""
    unmerged = attrs.evolve(MARKDOWN, merge_copies=False, fast_path=None)
    reporter = Reporter("lenient", "<t>", lambda diagnostic: None)
    state = unmerged.new_state(lines_of(MD04), reporter, REFERENCE, start=4)
    papers = list(run(state, unmerged))
    assert len(papers) == 23
    assert [p.title for p in papers[0:2]] == [papers[0].title] * 2
    assert (papers[0].span, papers[1].span) == ((13, 17), (19, 23))


#: Made-up entries with the shapes of capture 04's later part (read by hand), each shown twice
#: as there: titles hard-wrapped onto an indented line (one word, or starting in lower case),
#: ``- 1 authors``, no authors line, an abstract starting in lower case or holding quotes and
#: parentheses, a title with ``100+``, GitHub counts without a decimal point and repository
#: links with a path.
LATER_04 = [
    ("### Pebble Notes: A Field Study of Context Files for\n  Garden Robots",
     'Robots read goals in plain words ("NOTES for robots"); 2,303 files (62.3%) studied.',
     "- 1 authors", "[LINK: GitHub 29k](https://github.com/example/pebble/tree/main)"),
    ("### Multi-part GRIT: Mixing Policy Steps and Prompt Tuning\n  for Toy Programs",
     "mmGRIT, a multi-part extension of GRIT, tunes calls and prompts.", None,
     "[LINK: GitHub 84](https://github.com/example/grit/tree/main/recipe/grit)"),
    ("### Tuner: Unified Fine-Tuning of 100+ Toy Models",
     "Tuner fine-tunes toy models through a web-based user interface.", "- 5 authors",
     "[LINK: GitHub 66.3k](https://github.com/example/tuner)"),
    ("### Reel-2: Flawed-Aware Steps for Efficient and Reliable\n  Reasoning",
     "Reel-2 penalizes flawed rollouts.", "- 6 authors",
     "[LINK: GitHub 18.6k](https://github.com/example/reel)"),
]


def read_cleanly(text: str) -> digestparse.Digest:
    """``text`` read without a diagnostic, in lenient mode (the digest) and in strict mode."""
    digest = check_lenient(text)
    assert digest.diagnostics == ()
    digestparse.parse(text, mode="strict")
    return digest


def after_04(entries: list[tuple[str, str, str | None, list[str]]]) -> str:
    """Capture 04 with trending entries (title, abstract, authors line or None, the lines
    under it) after it, each shown twice as there."""
    blocks: list[str] = []
    for title, abstract, authors, links in entries:
        block = [title, "", abstract, *([authors] if authors else []), *links, ""]
        blocks += block + block
    return MD04.rstrip("\n") + "\n\n" + joined(blocks).rstrip("\n") + "\n"


def test_capture_04_later_shapes_read_as_a_reader_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = after_04([(title, abstract, authors, [link]) for title, abstract, authors, link
                     in LATER_04])
    later = read_cleanly(text).papers[12:]
    assert [(p.title, p.author_count, p.links) for p in later] == [
        ("Pebble Notes: A Field Study of Context Files for Garden Robots", 1,
         ("https://github.com/example/pebble/tree/main",)),
        ("Multi-part GRIT: Mixing Policy Steps and Prompt Tuning for Toy Programs", None,
         ("https://github.com/example/grit/tree/main/recipe/grit",)),
        ("Tuner: Unified Fine-Tuning of 100+ Toy Models", 5,
         ("https://github.com/example/tuner",)),
        ("Reel-2: Flawed-Aware Steps for Efficient and Reliable Reasoning", 6,
         ("https://github.com/example/reel",)),
    ]
    assert [p.abstract for p in later] == [entry[1] for entry in LATER_04]
    # Each pair of copies is one paper spanning both: 6 lines a copy with a wrapped title and
    # an authors line, one fewer without either, and a blank line between the copies.
    first = len(lines_of(MD04.rstrip("\n"))) + 2
    sizes = [13, 11, 11, 13]
    starts = [first + sum(sizes[:i]) + i for i in range(len(sizes))]
    assert [p.span for p in later] == [
        (start, start + size - 1) for start, size in zip(starts, sizes, strict=True)
    ]
    assert all(p.date is None and p.upvotes is None and p.paper_id is None for p in later)
    # The fast path reads every entry.
    assert fast_path_reads(text, monkeypatch) == (12 + len(LATER_04),) * 2
    assert_paths_agree(text, monkeypatch)
    assert assert_usual_agrees(text) >= 12 + len(LATER_04)


#: Made-up trending entries whose cards show several links (each shown twice, as in capture
#: 04): two link lines under ``- N authors``; three under the abstract, the last two naming
#: a link the abstract or an earlier line already gives; two, the first after a blank line.
LINKED_04 = [
    ("### Widget Graphs: A Made-Up Study of Card Links",
     "We study widget graphs with a made-up method.", "- 3 authors",
     ["[LINK: GitHub 1.2k](https://github.com/a/b)",
      "[LINK: Project page](https://a.github.io/b)"]),
    ("### Pebble Maps: Toy Routes for Garden Robots",
     "Pebble Maps plans toy routes; see https://pebble.example.org/maps for a demo.", None,
     ["[LINK: GitHub 84](https://github.com/example/pebble)",
      "[LINK: Project page](https://pebble.example.org/maps)",
      "[LINK: GitHub 84](https://github.com/example/pebble)"]),
    ("### Reel-3: Fewer Flawed Steps",
     "Reel-3 penalizes flawed rollouts.", "- 6 authors",
     ["", "[LINK: GitHub 18.6k](https://github.com/example/reel)",
      "[LINK: Hugging Face](https://huggingface.co/example/reel-3)"]),
]


def test_several_link_lines_under_a_trending_entry_are_its_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each link line glued under the first is one more of the entry's links, in order, after
    the abstract's own and without one already listed; the copies still merge."""
    text = after_04(LINKED_04)
    later = read_cleanly(text).papers[12:]
    assert [(p.title, p.author_count, p.links) for p in later] == [
        ("Widget Graphs: A Made-Up Study of Card Links", 3,
         ("https://github.com/a/b", "https://a.github.io/b")),
        ("Pebble Maps: Toy Routes for Garden Robots", None,
         ("https://pebble.example.org/maps", "https://github.com/example/pebble")),
        ("Reel-3: Fewer Flawed Steps", 6,
         ("https://github.com/example/reel", "https://huggingface.co/example/reel-3")),
    ]
    # Each pair of copies is one paper spanning both, down to the second copy's last link
    # line: copies of 6, 6 and 7 lines (the third with a blank line inside), a blank line
    # between.
    first = len(lines_of(MD04.rstrip("\n"))) + 2
    sizes = [13, 13, 15]
    starts = [first + sum(sizes[:i]) + i for i in range(len(sizes))]
    spans = [(start, start + size - 1) for start, size in zip(starts, sizes, strict=True)]
    assert [p.span for p in later] == spans
    assert [lines_of(text)[end - 1].startswith("[LINK: ") for _, end in spans] == [True] * 3
    assert fast_path_reads(text, monkeypatch) == (12 + len(LINKED_04),) * 2
    assert_paths_agree(text, monkeypatch)
    assert assert_usual_agrees(text) >= 12 + len(LINKED_04)
    # Streamed in small blocks, the fast path's window ends inside the link lines.
    whole = [p.to_dict() for p in digestparse.parse(text, dialect="markdown").papers]
    for block_size in (1, 7, 64):
        streamed = digestparse.iter_papers(
            io.BytesIO(text.encode()), dialect="markdown", block_size=block_size
        )
        assert [p.to_dict() for p in streamed] == whole, block_size


@pytest.mark.parametrize(
    ("links", "read"),
    [
        # A blank line before the second ends the links: that line is junk.
        (["[LINK: GitHub 1.2k](https://github.com/a/b)", "",
          "[LINK: Project page](https://a.github.io/b)"], None),
        # A line of blanks is a blank line.
        (["[LINK: GitHub 1.2k](https://github.com/a/b)", "  \t",
          "[LINK: Project page](https://a.github.io/b)"], None),
        # Blanks at a glued link line's ends are no defect in this dialect.
        (["[LINK: GitHub 1.2k](https://github.com/a/b)",
          "  [LINK: Project page](https://a.github.io/b) "],
         ("https://github.com/a/b", "https://a.github.io/b")),
        # A glued line of another kind is not the entry's.
        (["[LINK: GitHub 1.2k](https://github.com/a/b)", "Project page"], None),
    ],
    ids=["blank", "blanks", "padded", "text"],
)
def test_link_lines_end_at_a_blank_line_or_a_line_of_another_kind(
    links: list[str], read: tuple[str, ...] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    title, abstract, authors, _ = LINKED_04[0]
    text = after_04([(title, abstract, authors, links)])
    digest = check_lenient(text)
    paper = digest.papers[12]
    if read is None:
        assert paper.links == ("https://github.com/a/b",)
        junk = [(d.code, d.line) for d in digest.diagnostics]
        line = lines_of(text).index(links[-1]) + 1
        assert junk == [("junk", line), ("junk", line + len(links) + 5)]
    else:
        assert digest.diagnostics == ()
        assert paper.links == read
    assert_paths_agree(text, monkeypatch)
    assert_usual_agrees(text)


def test_a_copy_with_one_more_link_line_is_read_on_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast path merges a copy the same line for line only where nothing is glued under
    it: a link line glued under the second copy is that copy's, as the rules read it."""
    title, abstract, _, links = LINKED_04[0]
    block = [title, "", abstract, "- 3 authors", links[0], ""]
    more = [title, "", abstract, "- 3 authors", *links, ""]
    text = MD04.rstrip("\n") + "\n\n" + joined(block + more).rstrip("\n") + "\n"
    paper = read_cleanly(text).papers[12]
    # The copies merge (the first copy's links win) over both copies' lines.
    start = len(lines_of(MD04.rstrip("\n"))) + 2
    assert (paper.links, paper.span) == (("https://github.com/a/b",), (start, start + 11))
    reader = _reader(text)
    read = reader.usual(start - 1)
    assert read is not None and read[1] == start + 4  # the first copy alone
    assert_paths_agree(text, monkeypatch)
    assert assert_usual_agrees(text) >= 14


def test_blank_lines_carry_no_meaning_in_capture_03() -> None:
    """Without its blank lines (outside the front matter) 03 reads the same."""
    lines = lines_of(MD03)
    squeezed = lines[:9] + [line for line in lines[9:] if line.strip()]
    before = digestparse.parse(MD03, mode="strict")
    after = digestparse.parse(joined(squeezed), mode="strict")
    assert comparable(after) == comparable(before)


def test_blank_lines_at_either_end_are_no_defect() -> None:
    body = MD03[MD03.index("new\n") :]
    for text in (MD03 + "\n\n\n", "\n\n" + body, MD04 + "\n\n"):
        digest = digestparse.parse(text, mode="strict")
        assert digest.dialect == "markdown"
        assert len(digest.papers) in (8, 12)


def test_a_glued_date_count_sits_at_its_column() -> None:
    lines = lines_of(MD03)
    lines[39] = "May 29[" + "9" * 19 + "](https://huggingface.co/papers/2606.00683#community)"
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(joined(lines), mode="strict")
    assert (raised.value.code, raised.value.line, raised.value.column) == ("bad-votes", 40, 8)
    check_lenient(joined(lines))
    paper = digestparse.parse(joined(lines)).papers[0]  # yearless dates: the capture's year
    assert (paper.votes, paper.date) == (0, datetime.date(2026, 5, 29))


def test_forced_markdown_on_a_seed_is_a_positioned_error() -> None:
    seed = SEEDS[0].read_text("utf-8")
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(seed, mode="strict", dialect="markdown")
    assert (raised.value.code, raised.value.line) == ("junk", 13)
    digest = digestparse.parse(seed, dialect="markdown")
    assert digest.papers == ()
    assert {d.code for d in digest.diagnostics} == {"junk"}


# -- damaged variants ----------------------------------------------------------


def delete(*numbers: int) -> Callable[[list[str]], list[str]]:
    return lambda lines: [line for n, line in enumerate(lines, 1) if n not in numbers]


def replace(number: int, text: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: [text if n == number else line for n, line in enumerate(lines, 1)]


def glue(number: int) -> Callable[[list[str]], list[str]]:
    """Line ``number`` and the next non-blank line become one line."""

    def edit(lines: list[str]) -> list[str]:
        after = next(n for n in range(number, len(lines)) if lines[n].strip())
        return [*lines[:number - 1], lines[number - 1] + lines[after], *lines[after + 1:]]

    return edit


def join_bare(number: int) -> Callable[[list[str]], list[str]]:
    """Line ``number`` and the next one, stripped, become one line with nothing between."""
    return lambda lines: [
        *lines[:number - 1], lines[number - 1] + lines[number].strip(), *lines[number + 1:]]


#: Capture 04's ninth title, as the capture shows it over two lines.
SMOLDOCLING = (
    "SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document "
    "conversion"
)


def keep_until(number: int, cut: int | None = None) -> Callable[[list[str]], list[str]]:
    """The first ``number`` lines, the last one cut to ``cut`` characters."""

    def edit(lines: list[str]) -> list[str]:
        kept = lines[:number]
        if cut is not None:
            kept[-1] = kept[-1][:cut]
        return kept

    return edit


@attrs.frozen
class Case:
    name: str
    source: str
    edit: Callable[[list[str]], list[str]]
    #: (code, line, column) of the strict ParseError.
    strict: tuple[str, int, int]
    #: Diagnostic codes lenient mode records, in order.
    codes: tuple[str, ...]
    #: How many papers lenient mode keeps.
    count: int
    #: Fields of paper ``index`` (first of the pair) that lenient mode must produce.
    index: int = 0
    fields: dict[str, Any] = attrs.Factory(dict)


CASES = [
    Case("03: '·' dropped", MD03, delete(38), ("missing-separator", 39, 1),
         ("missing-separator",), 8,
         fields={"organization": "OCC", "date": datetime.date(2026, 5, 29), "votes": 6}),
    Case("03: date dropped", MD03, delete(40), ("missing-date", 41, 1), ("missing-date",), 8,
         fields={"organization": "OCC", "date": None, "votes": None, "end_line": 38}),
    Case("03: organization dropped", MD03, delete(36), ("missing-authors", 37, 1),
         ("missing-authors",), 8, fields={"organization": None, "votes": 6}),
    Case("03: abstract dropped", MD03, delete(34), ("missing-abstract", 35, 1),
         ("missing-abstract",), 8, fields={"abstract": "", "organization": "OCC"}),
    Case("03: title dropped", MD03, delete(32), ("junk", 30, 1), ("junk",), 7,
         fields={"line": 41, "title": "Benchmark Radar: A Living Database and Search Engine "
                 "for AI Benchmarks and Evaluation"}),
    # The page's first entry without its box: the next entry shows one, so it lost it (it was
    # silent: the first entry set the page's style).
    Case("03: upvote line dropped", MD03, delete(30), ("missing-upvotes", 31, 1),
         ("missing-upvotes",), 8,
         fields={"line": 31, "upvotes": None, "paper_id": "2606.00683"}),
    # The first entry showed its box: a later one without it lost it (it was silent).
    Case("03: a later upvote line dropped", MD03, delete(42), ("missing-upvotes", 43, 1),
         ("missing-upvotes",), 8, index=1,
         fields={"line": 43, "upvotes": None, "paper_id": "2609.11115"}),
    Case("03: the avatar list loses its count line", MD03, delete(81),
         ("bad-authors", 81, 1), ("bad-authors",), 8, index=2,
         fields={"author_count": None, "date": datetime.date(2025, 2, 27), "end_line": 84}),
    Case("03: a blank line inside a wrapped abstract", MD03,
         lambda lines: [*lines[:64], "", *lines[64:]],
         ("unclosed-link", 58, 1), ("unclosed-link", "junk"), 8, index=2,
         fields={"abstract": "Academic citations are widely used for evaluating research and "
                 "tracing knowledge flows. Such uses typically rely on raw citation counts and "
                 "neglect variability in citation types. In particular, citations can vary in "
                 "their fidelity as original knowledge from cited studies may be paraphrased, "
                 "summarized, or reinterpreted, possibly wrongly, leading to variation in how "
                 "much information changes from cited to citing paper. In this study, we "
                 "introduce a computational pipeline to quantify citation fidelity at scale.",
                 "author_count": None, "date": None, "end_line": 64}),
    Case("03: date glued to the '·'", MD03, glue(38), ("missing-separator", 38, 1),
         ("missing-separator", "bad-date"), 8,
         fields={"organization": "OCC", "date": None, "votes": None, "end_line": 38}),
    Case("03: upvote line glued to the title", MD03, glue(30), ("junk", 30, 1), ("junk",), 7),
    # A text line glued under a linked title closed on its line is no part of the title:
    # the title keeps its text and its link's id (the line took both before).
    Case("03: a stray line glued under the title", MD03,
         lambda lines: [*lines[:32], "Stray, see [x](https://huggingface.co/papers/2601.99999)",
                        *lines[32:]],
         ("junk", 35, 1), ("junk",), 8,
         fields={"title": "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
                 "paper_id": "2606.00683"}),
    # The title's link ends the title; the rest of the line is the abstract's first line.
    Case("03: abstract glued onto the title's line", MD03, glue(32),
         ("unbalanced-bracket", 32, 112), ("unbalanced-bracket",), 8,
         fields={"title": "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
                 "paper_id": "2606.00683", "organization": "OCC",
                 "date": datetime.date(2026, 5, 29), "votes": 6, "end_line": 38}),
    Case("03: truncated after a title", MD03, keep_until(32), ("truncated-entry", 30, 1),
         ("truncated-entry",), 0),
    Case("03: truncated after the '·'", MD03, keep_until(39), ("truncated-entry", 38, 1),
         ("truncated-entry",), 1, fields={"organization": "OCC", "date": None}),
    Case("03: truncated after a whole abstract", MD03, keep_until(91),
         ("truncated-entry", 91, 1), ("truncated-entry",), 4, index=3,
         fields={"organization": None, "date": None, "end_line": 91}),
    # the link left open, and the entry cut before its block, which the page's show
    Case("03: truncated inside a wrapped abstract", MD03, keep_until(70),
         ("unclosed-link", 58, 1), ("unclosed-link", "truncated-entry"), 3, index=2,
         fields={"author_count": None, "date": None, "end_line": 70}),
    # Strict raises lenient's first diagnostic in reading order (issue 9, point 1).
    Case("03: truncated inside the title's link", MD03, keep_until(32, 40),
         ("truncated-entry", 30, 1), ("truncated-entry", "unclosed-link"), 0),
    Case("04: repository line dropped (the copy fills it in)", MD04, delete(17), ("", 0, 0),
         (), 12, fields={"links": ("https://github.com/microsoft/agent-lightning",),
                         "span": (13, 22)}),
    Case("04: authors line dropped (the copy fills it in)", MD04, delete(16), ("", 0, 0),
         (), 12, fields={"author_count": 8, "span": (13, 22)}),
    Case("04: second copy's title dropped", MD04, delete(19), ("junk", 20, 1), ("junk",), 12,
         fields={"span": (13, 17)}),
    Case("04: abstract glued to the title", MD04, delete(14), ("missing-abstract", 15, 1),
         ("missing-abstract",), 13,
         fields={"title": "Agent Lightning: Train ANY AI Agents with Reinforcement Learning "
                 "Agent Lightning is a flexible RL framework for training LLMs in various "
                 "agents, using a hierarchical RL algorithm and decoupling execution from "
                 "training to handle complex interactions.", "abstract": ""}),
    Case("04: truncated inside a hard-wrapped abstract", MD04, keep_until(90), ("", 0, 0), (),
         7, index=6, fields={"span": (81, 90), "author_count": None, "links": ()}),
    # A copy's wrapped title joined without a space (``end-to-endmulti-modal``): the copies
    # fold with the other copy's title, and the damaged one is reported. It was a second paper
    # with the run-together title, silently.
    Case("04: a copy's wrapped title joined without a space", MD04, join_bare(131),
         ("copies-differ", 131, 1), ("copies-differ",), 12, index=8,
         fields={"title": SMOLDOCLING, "span": (131, 140)}),
    Case("04: the other copy's wrapped title joined without a space", MD04, join_bare(137),
         ("copies-differ", 137, 1), ("copies-differ",), 12, index=8,
         fields={"title": SMOLDOCLING, "span": (131, 140)}),
]


@pytest.mark.parametrize(("title_line", "index"), [(32, 0), (56, 2)])
def test_an_abstract_glued_onto_its_titles_line_is_kept(title_line: int, index: int) -> None:
    """The rest of a title's line after its link is the abstract's first line (linked, or
    hard-wrapped over the lines after it): the abstract is the undamaged capture's."""
    lines = MD03.split("\n")
    assert lines[title_line - 1].startswith("### [")
    damaged = "\n".join(glue(title_line)(lines))
    digest = digestparse.parse(damaged)
    reference = digestparse.parse(MD03)
    assert [d.code for d in digest.diagnostics] == ["unbalanced-bracket"]
    assert digest.papers[index].abstract == reference.papers[index].abstract
    assert digest.papers[index].title == reference.papers[index].title
    assert uncovered_lines(damaged, digest) == []
    rules_and_fast_path_agree(MARKDOWN, damaged)


def test_text_glued_after_a_title_with_brackets_inside_is_read_as_before() -> None:
    """Only the usual title, ``### [Title](url)``, is split at its link: where the title
    holds brackets the link's end is not told from the line alone."""
    lines = MD03.split("\n")
    lines[31] = lines[31].replace("[OCC-RAG:", "[[OCC]-RAG:", 1)
    damaged = "\n".join(glue(32)(lines))
    digest = digestparse.parse(damaged)
    assert [d.code for d in digest.diagnostics] == ["missing-abstract"]


@pytest.mark.parametrize("start", ["- We list three findings.", "* Two of them hold.",
                                   "+ One does not.", "- 3D scenes are hard."])
def test_an_abstract_whose_text_starts_like_a_list_item_is_the_abstract(start: str) -> None:
    """A linked abstract whose text starts with a bullet (``[- We list …](url)``) is no
    authors list: only an avatar's image or a count after the bullet make one."""
    lines = MD03.split("\n")
    assert lines[33].startswith("[Recent progress in the development")
    lines[33] = "[" + start + " " + lines[33][1:]
    source = "\n".join(lines)
    digest = digestparse.parse(source, mode="strict", reference_date=REFERENCE)
    first = digest.papers[0]
    assert first.abstract.startswith(start + " Recent progress in the development")
    assert (first.organization, first.date, first.votes) == ("OCC", datetime.date(2026, 5, 29), 6)
    assert len(digest.papers) == 8
    rules_and_fast_path_agree(MARKDOWN, source)


def test_a_linked_authors_line_that_lost_its_word_is_still_bad_authors() -> None:
    """A count after the bullet still makes the line an authors list, damaged or not."""
    lines = MD03.split("\n")
    assert lines[104].startswith("[- 10 authors](")
    lines[104] = lines[104].replace("10 authors", "10 autors", 1)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse("\n".join(lines), mode="strict", reference_date=REFERENCE)
    assert (raised.value.code, raised.value.line) == ("bad-authors", 105)


def test_the_fast_path_reads_the_trending_pages_first_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No card of the trending page shows a box, so its first card lost none: the fast path
    # sees the next card without one and reads each page from its first card on. It used to
    # leave each page's first card to the rules, which looked ahead for the next card's box.
    from digestparse.dialects.markdown import rules

    looks: list[int] = []

    def next_title_boxed(state: ParseState) -> bool:
        looks.append(state.number)
        return False

    monkeypatch.setattr(rules, "_next_title_boxed", next_title_boxed)
    for text, pages in ((MD04, 1), ("\n\n".join([MD04] * 3), 3)):
        spy = FastPathSpy(read_entries)
        with monkeypatch.context() as patch:
            patch.setitem(BY_NAME, "markdown", spy.on(MARKDOWN))
            assert len(digestparse.parse(text, dialect="markdown").papers) == 12 * pages
        assert spy.results[0] is True
    assert looks == []
    # Without the fast path the rules look ahead once a page.
    with monkeypatch.context() as patch:
        patch.setitem(BY_NAME, "markdown", SLOW)
        digestparse.parse("\n\n".join([MD04] * 3), dialect="markdown")
    assert len(looks) == 3


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_damaged_strict(case: Case) -> None:
    source = joined(case.edit(lines_of(case.source)))
    if not case.strict[0]:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE)
        return
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE)
    assert (raised.value.code, raised.value.line, raised.value.column) == case.strict


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_damaged_lenient(case: Case) -> None:
    source = joined(case.edit(lines_of(case.source)))
    digest = digestparse.parse(source, reference_date=REFERENCE)
    assert digest.dialect == "markdown"
    assert tuple(d.code for d in digest.diagnostics) == case.codes
    assert len(digest.papers) == case.count
    for key, value in case.fields.items():
        assert getattr(digest.papers[case.index], key) == value, key
    check_lenient(source)


def test_damage_leaves_the_other_papers_intact() -> None:
    intact = comparable(digestparse.parse(MD03, reference_date=REFERENCE))
    for case in CASES[:4]:
        damaged = comparable(
            digestparse.parse(joined(case.edit(lines_of(MD03))), reference_date=REFERENCE)
        )
        assert damaged[1:] == intact[1:], case.name


# -- properties ----------------------------------------------------------------

_DATE_TITLE = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{1,2}(, [0-9]{4})?.*"
)
_COUNT_TITLE = re.compile(r"[-+0-9.,k ]*")


def assert_plausible_title(title: str) -> None:
    assert title, "empty title"
    assert not title.lower().startswith(("http://", "https://", "www.")), title
    assert title[0] not in "[]()!", title
    assert not _COUNT_TITLE.fullmatch(title), title
    assert not _DATE_TITLE.fullmatch(title), title
    assert title not in PAGE_PHRASES, title


_EDITS = ("delete", "duplicate", "swap", "move", "blank", "unblank")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = lines_of(draw(st.sampled_from([MD03, MD04]), label="capture"))
    for _ in range(draw(st.integers(1, 6), label="edits")):
        edit = draw(st.sampled_from(_EDITS))
        i = draw(st.integers(0, len(lines) - 1))
        edit_lines(draw, lines, edit, i)
        if not lines:
            break
    text = joined(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)), label="truncate at")]
    return text


@given(mutated())
def test_mutated_captures_lose_nothing_and_make_no_bogus_titles(text: str) -> None:
    """Nothing lost whatever dialect a mutation is read as; titles are checked where the
    markdown dialect reads it (a capture cut before its first title is another dialect's)."""
    note(repr(text[:300]))
    digest = check_lenient(text)
    if digest.dialect == "markdown":
        for paper in digest.papers:
            assert_plausible_title(paper.title)


@given(mutated())
def test_mutated_captures_forced_to_markdown_lose_nothing(text: str) -> None:
    digest = digestparse.parse(text, dialect="markdown", reference_date=REFERENCE)
    for paper in digest.papers:
        assert_plausible_title(paper.title)
    check_nothing_lost(text, digest)


def test_the_captures_titles_are_plausible() -> None:
    for text in (MD03, MD04):
        for paper in digestparse.parse(text).papers:
            assert_plausible_title(paper.title)


# -- the fast path agrees with the rules ----------------------------------------

SLOW = attrs.evolve(MARKDOWN, fast_path=None)


def _outcome(text: str, mode: str) -> object:
    try:
        digest = digestparse.parse(
            text, mode=mode, dialect="markdown", reference_date=REFERENCE  # type: ignore[arg-type]
        )
    except digestparse.ParseError as error:
        return ("error", str(error))
    return (
        [paper.to_dict() for paper in digest.papers],
        [str(d) for d in digest.diagnostics],
        digest.header,
        digest.header_span,
        digest.page_date,
    )


def assert_paths_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for mode in ("lenient", "strict"):
        fast = _outcome(text, mode)
        with monkeypatch.context() as patch:
            patch.setitem(BY_NAME, "markdown", SLOW)
            slow = _outcome(text, mode)
        assert fast == slow, mode


def fast_path_reads(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """How many papers ``parse`` gives ``text`` as markdown, and how many of them the fast
    path read."""
    spy = FastPathSpy(read_entries)
    with monkeypatch.context() as patch:
        patch.setitem(BY_NAME, "markdown", spy.on(MARKDOWN))
        papers = len(digestparse.parse(text, dialect="markdown").papers)
    return papers, spy.built


def test_the_fast_path_reads_the_captures(monkeypatch: pytest.MonkeyPatch) -> None:
    # 03: all 8 entries; 04: all 12 (SmolDocling's title goes on over an indented line), each
    # pair of copies read as one paper.
    assert fast_path_reads(MD03, monkeypatch) == (8, 8)
    assert fast_path_reads(MD04, monkeypatch) == (12, 12)
    for text in (MD03, MD04):
        assert_paths_agree(text, monkeypatch)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_fast_path_agrees_on_damaged_captures(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_paths_agree(joined(case.edit(lines_of(case.source))), monkeypatch)


_NOISE = st.sampled_from(
    ["", " ", "  x", "x ", "\t", "·", "May 29", "May 29[3](u#community)", "Feb 30, 2024",
     "May 29 [3](u#community)", "Feb 27, 2025 [12](u)", "Jan 9  [1](u)", "more --\\\\",
     "Dec 31", "- 3 authors", "[- 2 authors](u)", "- 99999999999 authors", "[-](u)",
     "[12](u)", "### T", "### [T](https://huggingface.co/papers/2606.00683)", "### [T",
     "[A", "A](u)", "[A](u)", "text", "- ![](a)\\\\", "- 2 authors](u)", "[![o](a)O](u)",
     "[LINK: GitHub 1](https://github.com/a/b)", "new", "## Trending Papers", "end-"]
)


@st.composite
def noisy(draw: st.DrawFn) -> str:
    """A mutated capture with up to four lines of ``_NOISE`` put in."""
    lines = lines_of(draw(mutated()))
    for index, line in draw(st.lists(st.tuples(st.integers(0, 400), _NOISE), max_size=4)):
        lines.insert(min(index, len(lines)), line)
    return joined(lines)


def test_an_avatar_lines_swapped_into_an_abstract_both_paths_stop_there() -> None:
    """An authors list's first line (``[- ![](avatar)\\\\``) swapped into a wrapped abstract:
    a field of its own, before which the abstract's link ends (``unclosed-link``), in the
    fast path as in the rules (the fast path read on to the link's close)."""
    lines = lines_of(MD03)
    at = next(k for k, line in enumerate(lines) if line.startswith("[Generative search engines"))
    lines.insert(at + 1, "[- ![](https://huggingface.co/avatars/5f.svg)\\\\")
    source = joined(lines)
    assert "unclosed-link" in [d.code for d in digestparse.parse(source).diagnostics]
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_paths_agree(source, monkeypatch)


@given(noisy())
def test_the_fast_path_agrees_on_mutations(source: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_paths_agree(source, monkeypatch)


#: Lines that may come under a link line: more link lines (padded, repeated, broken), blank
#: lines and lines of other kinds.
_UNDER_LINK = st.sampled_from(
    ["[LINK: Project page](https://a.github.io/b)", "[LINK: GitHub 1](https://github.com/a/b)",
     " [LINK: P](https://a.github.io/c)", "[LINK: P](https://a.github.io/c)\t", "  ", "",
     "[LINK: x](a b)", "[LINK: x]", "text", "### T", "- 3 authors", "[A](u)"]
)
_LINK_LINES_04 = [i for i, line in enumerate(lines_of(MD04)) if line.startswith("[LINK: ")]


@given(st.lists(st.tuples(st.sampled_from(_LINK_LINES_04), st.lists(_UNDER_LINK, max_size=3)),
                min_size=1, max_size=4))
def test_lines_under_link_lines_read_alike_both_ways(
    inserts: list[tuple[int, list[str]]],
) -> None:
    lines = lines_of(MD04)
    for index, added in sorted(inserts, reverse=True):
        lines[index + 1 : index + 1] = added
    text = joined(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_paths_agree(text, monkeypatch)
    assert_usual_agrees(text)


# -- shared helpers made faster for this dialect keep their results ----------------

_PIECES = st.sampled_from(["a", "B", "-", " ", "\t", "\\", "\\ ", "é", "Ⅸ", "ﬁ", "1", "_", "\xa0",
                           "\u2028", "\x1c", "[", "](u)", "end-", "  ", "https://", ":/", "/",
                           "http:", "www.", "=", "?q", "x.y", ".", "2", "模", "型", "あ", "ー",
                           "、", "，", "ｶ", "\U00020000", "한", "\u3000", "(", "(한",
                           "ᄀ", "ㄱ"])
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)


def _reference_key(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(word for word in regex.split(r"[^\p{L}\p{N}]+", folded) if word)


def _reference_join(
    parts: list[str], broken_urls: bool = False, broken_cjk: bool = True
) -> str:
    joined = ""
    for part in parts:
        text = part.strip()
        if not text:
            continue
        # A dash keeps its space: after a blank or another dash, or escaped alone (``\\-``).
        hyphen = (
            joined.endswith("-") and joined[-2:-1].strip() not in ("", "-")
            and joined.rpartition(" ")[2] != "\\-"
        )
        url = joined.endswith("://") or (broken_urls and _reference_url_goes_on(joined, text))
        # elinks also breaks an opening bracket from a Han or Hangul character after it.
        last = joined[-1:]
        unspaced = broken_cjk and bool(joined) and (
            (_reference_unspaced(last) and _reference_unspaced(text[0]))
            or (last in "([" and (_reference_unspaced(text[0]) or _reference_hangul(text[0])))
        )
        if joined and not (hyphen or url or unspaced):
            joined += " "
        joined += text
    return joined


#: The blocks of the scripts that write no space between words (docs/format.md): CJK
#: radicals, CJK symbols and punctuation but its ideographic space, Hiragana, Katakana and
#: its phonetic extensions, Han (extension A, unified, compatibility, planes 2 and 3), and
#: the fullwidth forms and halfwidth Katakana; not Hangul.
_REFERENCE_UNSPACED_BLOCKS = (
    (0x2E80, 0x2FDF), (0x3001, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF01, 0xFF9F), (0x20000, 0x3FFFF),
)


def _reference_unspaced(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in _REFERENCE_UNSPACED_BLOCKS)


def _reference_hangul(char: str) -> bool:
    """Hangul Jamo, Hangul Compatibility Jamo, Hangul Syllables (and the block's tail)."""
    return any(low <= ord(char) <= high for low, high in (
        (0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)))


def _reference_url_goes_on(joined: str, text: str) -> bool:
    """Where ``broken_urls`` is asked: w3m breaks a URL after its scheme, before a ``/``
    or a query's mark, after a ``/`` where a path goes on or an owner was named, or
    after a query's mark (docs/format.md)."""
    token = joined.split(" ")[-1]
    if re.match(r"https?:|www\.", token) is None:
        return False
    if token.endswith("://") or re.match(r"[/=&?#%]", text):
        return True
    word = re.sub(r"[.,;:!?)\]'\"]+$", "", text.split(" ")[0])
    if token[-1] in "=&?":  # inside a query; after its '?' only before a key=value
        return re.match(r"[A-Za-z0-9._~%+-]", text) is not None and (
            token[-1] != "?" or "=" in word)
    segment = r"[A-Za-z0-9_.-]{1,100}/"
    owner = re.fullmatch(
        rf"(https?://)?(www\.)?((github|gitlab)\.com/{segment}({segment}(tree|blob)/{segment})?"
        rf"|huggingface\.co/((datasets|spaces)/)?{segment})",
        token, re.IGNORECASE,
    ) is not None
    url_chars = all(c.isascii() and (c.isalnum() or c in "._~%!$&'()*+,;=:@/?#-") for c in word)
    starts_url = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|www\.", word) is not None
    host = re.fullmatch(r"[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,6}", word.split("/")[0]) is not None
    return (
        token.endswith("/") and word[:1].isascii() and word[:1].isalnum() and url_chars
        and not starts_url and not host
        and (re.search(r"[/.\-_#?=&%~]", word) is not None or any(c.isdigit() for c in word)
             or owner)
    )


@given(_TEXTS)
def test_title_key_keeps_its_rule(title: str) -> None:
    assert title_key(title) == _reference_key(title)


@given(st.lists(_TEXTS, max_size=5), st.booleans(), st.booleans())
def test_join_wrapped_keeps_its_rule(parts: list[str], broken_urls: bool, cjk: bool) -> None:
    assert join_wrapped(parts, broken_urls=broken_urls, broken_cjk=cjk) == _reference_join(
        parts, broken_urls, cjk
    )


def _reference_unwrapped(texts: list[str]) -> str:
    """The lines without a ``\\\\`` line break at their end, joined as any hard wrap."""
    return _reference_join([text.rstrip("\\") for text in texts], broken_cjk=False)


_LINE_PIECES = st.lists(
    st.sampled_from(["a", "b-", "-", " -", "--", " ", "\\", "\\\\", "\\-", "x y", "é"]),
    max_size=4,
).map("".join)


@given(st.lists(_LINE_PIECES, min_size=1, max_size=6))
def test_unwrapped_joins_as_any_hard_wrap(texts: list[str]) -> None:
    assert unwrapped(texts) == _reference_unwrapped(texts)


_TITLE_PIECES = st.lists(
    st.sampled_from(["a", " ", "\\", "\\ ", "[", "]", "(", ")", "](u)", "](a b)", "\\[", "é"]),
    max_size=6,
).map("".join)


@given(_TITLE_PIECES)
def test_a_title_on_one_line_reads_as_a_title_of_one_line(rest: str) -> None:
    line = "### " + rest
    assert title_of_line(line) == title_of([line])


@given(_TEXTS)
def test_inline_reads_white_space_as_one_space(text: str) -> None:
    assert inline(text) == " ".join(unescape(text).split())


_NAMES = st.lists(st.sampled_from(["A", "b", " ", "(", ")", "\\_", "é", "#", "- ", "*"]),
                  max_size=8).map("".join)


@given(_NAMES, st.sampled_from(["occ-ai", "", "a b"]), st.sampled_from(["u", "https://x/y"]))
def test_organization_of_is_the_lines_plain_text(name: str, alt: str, url: str) -> None:
    line = f"[![{alt}](https://cdn/a.png){name}]({url})"
    assert organization_of(line) == (plain(line, escapes=True) or None)


_ID_PIECES = st.sampled_from(["2606", "0068", "3", ".", "00683", "v2", "#community", "/", " ", "?",
                              "abs", "\u0661\u0662\u0663\u0664", "\u00b2", "x", ".pdf"])


@given(st.lists(_ID_PIECES, max_size=6).map("".join))
def test_paper_id_reads_the_usual_link_as_its_pattern_does(rest: str) -> None:
    # The same link with its scheme in capitals is read by the pattern alone.
    assert paper_id(PAPER_PAGE + rest) == paper_id("HTTPS" + PAPER_PAGE[5:] + rest)


# -- round 4: the usual layouts in one pass, repeated headers read from the window ---------

#: Inputs where both shortcuts have work: each capture twice (a repeated header between),
#: and entries at every distance from a block's end when streamed.
_TWICE = [MD03 + "\n\n" + MD03, MD04 + "\n\n" + MD04, MD03 + "\n\n" + MD04]


def _reader(text: str) -> Any:
    from digestparse.dialects.markdown.fastpath import _Reader

    return _Reader(lines_of(text), REFERENCE, {})


def _general(reader: Any, index: int) -> object:
    from digestparse.dialects.markdown.fastpath import _GiveWay

    try:
        paper, end = reader.entry(index)
    except _GiveWay:
        return None
    return paper.to_dict(), end


def assert_usual_agrees(text: str) -> int:
    """At every line, the one-pass reader reads what the general one reads, or gives way;
    how many entries it read."""
    from digestparse.dialects.markdown.fastpath import _GiveWay

    reader = _reader(text)
    read = 0
    for index in range(len(lines_of(text)) + 1):
        try:
            usual = reader.usual(index)
        except _GiveWay:  # only where the general reader gives way too
            assert _general(reader, index) is None, index
            continue
        if usual is not None:
            read += 1
            assert (usual[0].to_dict(), usual[1]) == _general(reader, index), index
    return read


def test_the_usual_layouts_are_read_in_one_pass() -> None:
    # Entry starts (and the blank lines before them) the one-pass reader takes: capture 03's
    # 8 entries, capture 04's 12 pairs.
    starts03 = assert_usual_agrees(MD03)
    starts04 = assert_usual_agrees(MD04)
    assert starts03 >= 8
    assert starts04 >= 12
    reader = _reader(MD04)
    # SmolDocling's title goes on over an indented line (131-132).
    smol = lines_of(MD04).index(next(line for line in lines_of(MD04) if "SmolDocling" in line))
    read = reader.usual(smol)
    assert read is not None
    assert read[0].title == (
        "SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal "
        "document conversion"
    )
    # An abstract hard-wrapped over 15 text lines (lines 83-97), then authors and repository,
    # shown twice: one paper up to the copy's last line (119).
    calm = lines_of(MD04).index("### Continuous Audio Language Models")
    read = reader.usual(calm)
    assert read is not None
    assert read[0].abstract.endswith("Samples are available at "
                                     "https://continuous-audio-language-models.github.io")
    assert (read[0].author_count, read[0].line, read[1]) == (5, calm + 1, calm + 39) == (5, 81, 119)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)\n\n###",
         "[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)\n\n\n###"),
        ("OCC](https://huggingface.co/occ-ai)\n\n·", "OCC](https://huggingface.co/occ-ai)\n·"),
        ("\n\n·\n\nMay 29[6]", "\n\n·\n\n\nMay 29[6]"),
        ("- 3 authors](https://huggingface.co/papers/2502.20581)",
         "- 3 authors](https://huggingface.co/papers/2502.20581) "),
        ("May 29[6]", "May 32[6]"),
        ("May 29[6]", "Nov 29[6]"),
        ("Feb 27, 2025", "Feb 29, 2025"),
        ("\n\n[- 10 authors]", "\n[- 10 authors]"),
        ("[- 10 authors]", "[- 1000000000 authors]"),
    ],
)
def test_the_one_pass_reader_gives_way_where_the_layout_differs(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An element two blank lines down, one glued, a line with a trailing blank, a date that
    is impossible or after the page, an author count too long: the one-pass reader leaves
    the entry to the general one (which reads some of them, gives way on others), and the
    result is the rules'."""
    assert old in MD03
    text = MD03.replace(old, new, 1)
    before = assert_usual_agrees(MD03)
    assert assert_usual_agrees(text) < before
    assert_paths_agree(text, monkeypatch)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("continual learning.\n- 39 authors", "continual learning.\n\n- 39 authors"),
        ("- 39 authors\n[LINK", "- 39 authors\n\n[LINK"),
        ("- 39 authors\n[LINK", "- 39 authors \n[LINK"),
        ("[LINK: GitHub 4.51k](https://github.com/MemTensor/MemOS)",
         "[LINK: GitHub 4.51k](https://github.com/MemTensor/MemOS) x"),
        ("### MemOS: A Memory OS for AI System\n\nMemOS",
         "### MemOS: A Memory OS for AI System\nMemOS"),
    ],
)
def test_the_one_pass_reader_gives_way_on_a_trending_page(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert old in MD04
    text = MD04.replace(old, new)
    assert assert_usual_agrees(text) < assert_usual_agrees(MD04)
    assert_paths_agree(text, monkeypatch)


def test_a_second_copy_that_differs_in_one_character_is_read_on_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = "### MemOS: A Memory OS for AI System\n\nMemOS, a memory"
    assert MD04.count(copy) == 2
    at = MD04.rindex(copy) + len(copy) - 1
    text = MD04[:at] + "N" + MD04[at + 1 :]
    reader = _reader(text)
    first = lines_of(text).index("### MemOS: A Memory OS for AI System")
    read = reader.usual(first)
    assert read is not None
    paper, end = read
    assert end == first + 5  # title, blank, abstract, authors, repository: no copy taken
    assert paper.end_line == first + 5
    assert "MemOS, a memory" in paper.abstract
    second = reader.usual(end)
    assert second is not None and "MemOS, a memorN" in second[0].abstract
    assert_paths_agree(text, monkeypatch)


@given(noisy())
def test_the_one_pass_reader_agrees_with_the_general_one(source: str) -> None:
    assert_usual_agrees(source)


def _outcomes_with_raw_header(
    text: str, read_raw: bool, block_size: int | None
) -> list[object]:
    from digestparse.dialects.markdown import rules

    outcomes: list[object] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "READ_RAW", read_raw)
        for mode in ("lenient", "strict"):
            if block_size is None:
                try:
                    digest = digestparse.parse(
                        text, mode=mode, dialect="markdown", reference_date=REFERENCE
                    )
                except digestparse.ParseError as error:
                    outcomes.append((error.code, error.line, error.column, str(error)))
                    continue
                outcomes.append(
                    (digest.papers, digest.diagnostics, digest.header, digest.page_date)
                )
                continue
            diagnostics: list[digestparse.Diagnostic] = []
            try:
                papers = [
                    paper.to_dict()
                    for paper in digestparse.iter_papers(
                        io.BytesIO(text.encode()),
                        mode=mode,
                        dialect="markdown",
                        reference_date=REFERENCE,
                        on_diagnostic=diagnostics.append,
                        block_size=block_size,
                    )
                ]
            except digestparse.ParseError as error:
                outcomes.append((error.code, error.line, error.column, str(error), diagnostics))
                continue
            outcomes.append((papers, diagnostics))
    return outcomes


def assert_raw_header_agrees(text: str, block_size: int | None = None) -> None:
    assert _outcomes_with_raw_header(text, True, block_size) == _outcomes_with_raw_header(
        text, False, block_size
    )


@pytest.mark.parametrize("block_size", [None, 1, 7, 64])
@pytest.mark.parametrize("text", _TWICE, ids=["03+03", "04+04", "03+04"])
def test_a_repeated_header_read_from_the_window_is_read_as_the_state_reads_it(
    text: str, block_size: int | None
) -> None:
    from digestparse.dialects.markdown import rules

    assert_raw_header_agrees(text, block_size)
    taken: list[bool] = []
    raw_header = rules._raw_header

    def spy(state: ParseState, first: Any) -> bool:
        taken.append(raw_header(state, first))
        return taken[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "_raw_header", spy)
        digest = digestparse.parse(text, dialect="markdown", reference_date=REFERENCE)
    assert taken == [True]  # the shortcut is what the comparison above tested
    assert [d.code for d in digest.diagnostics].count("repeated-header") == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\n\n[Trending Papers]", "\n  \n[Trending Papers]"),  # a blank line of blanks
        ("# Daily Papers\n", "  # Daily Papers\t\n"),  # a header line with blanks around it
        ("\n\nOct 2\n", "\n\nOct 2, 2026\n"),  # a page date the header must not have
        ("\n\nOct 2\n", "\n\nFeb 30\n"),  # an impossible page date
        ("\n\nOct 2\n", "\n\n"),  # no page date
        ("\n\nOct 2\n", "\n\nOct 2\n\nOct 3\n"),  # two dates: the second is junk
    ],
)
def test_a_damaged_repeated_header_reads_alike_both_ways(old: str, new: str) -> None:
    second = MD03.replace(old, new, 1)
    assert second != MD03
    text = MD03 + "\n\n" + second
    for block_size in (None, 7):
        assert_raw_header_agrees(text, block_size)


@given(mutated(), mutated())
def test_mutated_repeated_headers_read_alike_both_ways(first: str, second: str) -> None:
    assert_raw_header_agrees(first + "\n\n" + second)


@pytest.mark.parametrize("text", [MD03, MD04], ids=["03", "04"])
def test_the_one_pass_reader_agrees_on_lines_cut_anywhere(text: str) -> None:
    """A window's lines end anywhere: in an entry, between its elements, inside a run of
    copies. The one-pass reader takes the list's end for the input's end as the general
    one does; on every prefix of a capture's lines it reads what the general one reads."""
    lines = lines_of(text)
    read = 0
    for end in range(len(lines) + 1):
        read += assert_usual_agrees(joined(lines[:end]))
    assert read > 100  # entries were read on many of the prefixes, not only given way


# -- shapes of the whole capture 03 page beyond the fixture's part ---------------
# The fixture holds the first 8 entries of a page of about 100. The entries below are made up,
# with the layouts of later entries of that page.

#: A comment count after one space (not glued on), after a date without and with a year,
#: under an avatar list, a linked authors line and an organization.
SPACED_COUNTS = """
[-](https://huggingface.co/login?next=%2Fpapers%2F2407.11111)

### [A Made-Up Filter Model for Widget Source\\  Tracing](https://huggingface.co/papers/2407.11111)

[Finding widgets in a widget graph is hard.\\\\
We design a made-up framework for it.](https://huggingface.co/papers/2407.11111)

[- ![](https://huggingface.co/avatars/0000000000000000000000000000000a.svg)\\\\
- 4 authors](https://huggingface.co/papers/2407.11111)

·

Jul 24, 2024 [2](https://huggingface.co/papers/2407.11111#community)

[3](https://huggingface.co/login?next=%2Fpapers%2F2601.22222)

### [GenWidget: Learning to Make Widgets](https://huggingface.co/papers/2601.22222)

[Widgets often break. We introduce a made-up method.](https://huggingface.co/papers/2601.22222)

[- 8 authors](https://huggingface.co/papers/2601.22222)

·

Apr 11 [12](https://huggingface.co/papers/2601.22222#community)

[18](https://huggingface.co/login?next=%2Fpapers%2F2602.44444)

### [WidgetAudit: You Built It, But Did You Test It?](https://huggingface.co/papers/2602.44444)

[A made-up abstract about testing widgets.](https://huggingface.co/papers/2602.44444)

[![widgetu](https://cdn-avatars.huggingface.co/v1/production/uploads/noauth/AAAA.png)University of Widgets](https://huggingface.co/widgetu)

·

Feb 26 [3](https://huggingface.co/papers/2602.44444#community)
"""


def test_a_comment_count_after_a_space_is_the_entrys_votes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = MD03 + SPACED_COUNTS
    digest = digestparse.parse(text, mode="strict")
    assert digest.diagnostics == ()
    read = [
        (p.paper_id, p.date, p.date_text, p.year_explicit, p.votes, p.author_count,
         p.organization)
        for p in digest.papers[8:]
    ]
    assert read == [
        ("2407.11111", datetime.date(2024, 7, 24), "Jul 24, 2024", True, 2, 4, None),
        ("2601.22222", datetime.date(2026, 4, 11), "Apr 11", False, 12, 8, None),
        ("2602.44444", datetime.date(2026, 2, 26), "Feb 26", False, 3, None,
         "University of Widgets"),
    ]
    assert_paths_agree(text, monkeypatch)
    # The fast path reads them all, none is left to the rules.
    assert fast_path_reads(text, monkeypatch) == (11, 11)


@pytest.mark.parametrize(
    ("date", "code", "column"),
    [
        ("Apr 11 [" + "9" * 19 + "](https://huggingface.co/papers/2601.22222#community)",
         "bad-votes", 9),
        ("Jul 24, 2024 [" + "9" * 19 + "](u)", "bad-votes", 15),
        ("Apr 11   [2](https://huggingface.co/papers/2601.22222#community)", "bad-date", 1),
        # the next entry's upvote box glued on: its count is no comment count
        ("Apr 11[2](https://huggingface.co/login?next=%2Fpapers%2F2601.22223)", "bad-date", 1),
        ("Apr 11 [2]", "bad-date", 1),
        ("Apr 11 2", "bad-date", 1),
    ],
)
def test_a_spaced_comment_count_is_positioned_and_nothing_looser_is_a_date(
    date: str, code: str, column: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = "Apr 11 [12](https://huggingface.co/papers/2601.22222#community)"
    text = MD03 + SPACED_COUNTS.replace(old, date)
    line = lines_of(text).index(date) + 1
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert (raised.value.code, raised.value.line, raised.value.column) == (code, line, column)
    check_lenient(text)
    assert len(digestparse.parse(text).papers) == 11
    assert_paths_agree(text, monkeypatch)


#: An arXiv-wrapped abstract with a line ending in ``--`` before its ``\\`` line break, a line
#: starting with escaped hyphens, and the escapes of later entries (``\\name``, ``\\%``,
#: ``\_``, ``\[…\]``, ``2024\.``); a title starting with an escaped bracket; five avatars.
ESCAPES = """
[1](https://huggingface.co/login?next=%2Fpapers%2F2408.55555)

### [\\[Widget needed\\] A Modular Toolkit for Widget\\  Generation](https://huggingface.co/papers/2408.55555)

[We introduce \\\\name, a toolkit with room for improvements --\\\\
for example, it scores 35.3\\\\% with F\\_1 of 0.5 and a token \\[RET\\] that\\\\
runs on widgets, with frontier models\\\\
\\-\\- reveal that quality depends on it, at SIGIR\\\\
2024\\. Code: https://example.org/r/Widget\\_Kit-B0B8/](https://huggingface.co/papers/2408.55555)

[- ![](https://huggingface.co/avatars/0000000000000000000000000000000b.svg)\\\\
- ![](https://huggingface.co/avatars/0000000000000000000000000000000c.svg)\\\\
- ![](https://cdn-avatars.huggingface.co/v1/production/uploads/0000/AAAA-BBB.jpeg)\\\\
- ![](https://cdn-avatars.huggingface.co/v1/production/uploads/no-auth/CCCC_DD.png)\\\\
- ![](https://cdn-avatars.huggingface.co/v1/production/uploads/1650651305661-0000.png)\\\\
- 9 authors](https://huggingface.co/papers/2408.55555)

·

Feb 13, 2025[2](https://huggingface.co/papers/2408.55555#community)
"""


def test_line_breaks_and_escapes_of_later_entries_read_as_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A ``\\\\`` line break is dropped and its lines joined like any hard wrap: a line ending
    in a dash (``--``) keeps its space, as it is no word broken by a hyphen."""
    text = MD03 + ESCAPES
    digest = digestparse.parse(text, mode="strict")
    assert digest.diagnostics == ()
    paper = digest.papers[8]
    assert paper.title == "[Widget needed] A Modular Toolkit for Widget Generation"
    assert paper.abstract == (
        "We introduce \\name, a toolkit with room for improvements -- for example, it scores "
        "35.3\\% with F_1 of 0.5 and a token [RET] that runs on widgets, with frontier models "
        "-- reveal that quality depends on it, at SIGIR 2024. Code: "
        "https://example.org/r/Widget_Kit-B0B8/"
    )
    assert paper.links == ("https://example.org/r/Widget_Kit-B0B8/",)
    assert (paper.upvotes, paper.author_count, paper.date, paper.votes) == (
        1, 9, datetime.date(2025, 2, 13), 2
    )
    assert_paths_agree(text, monkeypatch)


def test_escaped_brackets_in_a_title_are_text_not_a_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """firecrawl escapes a title's own brackets: ``\\[to\\](rank)`` reads ``[to](rank)``,
    never as a link whose target is dropped."""
    entry = (
        "[2](https://huggingface.co/login?next=%2Fpapers%2F2609.01234)\n\n"
        "### [Learning \\[to\\](rank) with Widgets](https://huggingface.co/papers/2609.01234)\n\n"
        "[Widgets rank. Code: \\[here\\](soon).](https://huggingface.co/papers/2609.01234)\n\n"
        "[![lab](https://cdn-avatars.huggingface.co/a.png)Lab \\[A\\](B)](https://huggingface.co/lab)\n\n"
        "\u00b7\n\nSep 9\n"
    )
    digest = digestparse.parse(MD03 + entry, mode="strict")
    paper = digest.papers[-1]
    assert paper.title == "Learning [to](rank) with Widgets"
    assert paper.abstract == "Widgets rank. Code: [here](soon)."
    assert paper.organization == "Lab [A](B)"
    assert_paths_agree(MD03 + entry, monkeypatch)



def test_every_escaped_ascii_punctuation_character_reads_as_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CommonMark lets a backslash escape any ASCII punctuation character, and converters
    escape ``>``, ``<``, ``=`` and ``~`` where a line could start a quote, a tag, a setext
    heading or a fence, e.g. at the start of a wrapped abstract line. A backslash before
    anything else (a letter, a digit) stays."""
    entry = r"""
[2](https://huggingface.co/login?next=%2Fpapers%2F2609.04321)

### [\<think\> Tokens \= Budget\? \~Half](https://huggingface.co/papers/2609.04321)

[We cut the budget by half, reaching\\
\>90% of the score at \$1 \& 2\% of cost \@ \"scale\";\\
\=\= and \~\~\~ lines stay text, \\alpha and \d too.](https://huggingface.co/papers/2609.04321)

[- 3 authors](https://huggingface.co/papers/2609.04321)

·

Sep 9
"""
    digest = digestparse.parse(MD03 + entry, mode="strict")
    paper = digest.papers[-1]
    assert paper.title == "<think> Tokens = Budget? ~Half"
    assert paper.abstract == (
        'We cut the budget by half, reaching >90% of the score at $1 & 2% of cost @ "scale"; '
        r"== and ~~~ lines stay text, \alpha and \d too."
    )
    assert_paths_agree(MD03 + entry, monkeypatch)


# -- a search page's query in the header -------------------------------------------
# Search pages show the query under the byline (capture 02 keeps it: ``Intercode Bash``
# between the byline and the switcher; firecrawl dropped it from 03). Where a capture keeps
# it, it is one text line among the header's lines, not junk that ends the header early.


def _with_query(before: str, query: str) -> str:
    head, rest = MD03.split(before, 1)
    return f"{head}{query}\n\n{before}{rest}"


@pytest.mark.parametrize(
    "before", ["- Daily", "Oct 2\n"], ids=["before the switcher", "before the page date"]
)
def test_a_search_query_in_the_header_is_a_header_line(before: str) -> None:
    text = _with_query(before, "source citations")
    digest = digestparse.parse(text, mode="strict")
    reference = digestparse.parse(MD03, mode="strict")
    assert digest.diagnostics == ()
    assert "source citations" in digest.header
    assert [h for h in digest.header if h != "source citations"] == list(reference.header)
    assert digest.header_span == (1, 30)
    assert digest.page_date == reference.page_date == datetime.date(2026, 10, 2)
    assert comparable(digest) == comparable(reference)


def test_a_text_line_after_the_header_is_still_junk() -> None:
    """Only a text line with more of the header after it is the query: one right before the
    first entry (no page date after it) stays junk, as any stray line there."""
    text = MD03.replace("Oct 2\n", "", 1).replace(
        "[Trending Papers](https://huggingface.co/papers/trending)\n",
        "[Trending Papers](https://huggingface.co/papers/trending)\n\nsource citations\n",
        1,
    )
    digest = digestparse.parse(text, mode="lenient")
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", 28)]
    assert "source citations" not in digest.header


def test_a_switcher_with_other_list_markers_is_the_header() -> None:
    """Markdown writes a list item with ``-``, ``*`` or ``+`` and one or more spaces; a
    converter that uses ``*`` (as lynx does in capture 01) gives the same header."""
    text = MD03.replace("- Daily", "* Daily", 1).replace("- Weekly", "+ Weekly", 1)
    text = text.replace("- Monthly", "*   Monthly", 1)
    digest = digestparse.parse(text, mode="strict")
    reference = digestparse.parse(MD03, mode="strict")
    assert (digest.header, digest.header_span, digest.page_date) == (
        reference.header, reference.header_span, reference.page_date)
    assert comparable(digest) == comparable(reference)


#: Trending entries (plain titles, text abstracts) whose abstract starts with a bracket, or
#: has a hard-wrapped line that does: text, never a link that the link line below closes.
BRACKETED_04 = [
    ("### Probing Tokens", "[CLS] tokens carry the sentence; we probe them.", "- 3 authors",
     ["[LINK: GitHub 1k](https://github.com/example/probe)"]),
    ("### Citing Widgets", "[12] showed widgets cite;\n[13] showed they do not.", None,
     ["[LINK: GitHub 2k](https://github.com/example/cite)"]),
    ("### Wrapped Citations", "Widgets cite as shown in\n[12], and we agree.", "- 2 authors",
     ["[LINK: GitHub 3k](https://github.com/example/wrap)"]),
]


def test_a_trending_abstract_that_starts_with_a_bracket_is_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under a plain title (the trending page), the abstract is plain text: a line starting
    with ``[`` is none of the listing's linked abstracts, and the authors and link lines
    under it stay the entry's."""
    text = after_04(BRACKETED_04)
    later = read_cleanly(text).papers[12:]
    assert [(p.title, p.abstract, p.author_count, p.links) for p in later] == [
        ("Probing Tokens", "[CLS] tokens carry the sentence; we probe them.", 3,
         ("https://github.com/example/probe",)),
        ("Citing Widgets", "[12] showed widgets cite; [13] showed they do not.", None,
         ("https://github.com/example/cite",)),
        ("Wrapped Citations", "Widgets cite as shown in [12], and we agree.", 2,
         ("https://github.com/example/wrap",)),
    ]
    assert_paths_agree(text, monkeypatch)


def test_a_trending_title_that_starts_with_a_bracket_is_plain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``### [Re] Widgets`` opens no link: its first bracket closes before anything but
    ``(``. The listing's ``### [[Re] Widgets](url)`` and ``### [\\[Re\\] Widgets](url)``
    still are links, and so is a title link wrapped over lines."""
    text = after_04([
        ("### [Re] Reproducing Widget Graphs", "We reproduce widget graphs.", "- 2 authors",
         ["[LINK: GitHub 5](https://github.com/example/re)"]),
        ("### [MASK] Is All You Need\n  for Widgets", "Masks suffice.", None,
         ["[LINK: GitHub 6](https://github.com/example/mask)"]),
    ])
    later = read_cleanly(text).papers[12:]
    assert [(p.title, p.abstract, p.author_count, p.links) for p in later] == [
        ("[Re] Reproducing Widget Graphs", "We reproduce widget graphs.", 2,
         ("https://github.com/example/re",)),
        ("[MASK] Is All You Need for Widgets", "Masks suffice.", None,
         ("https://github.com/example/mask",)),
    ]
    assert_paths_agree(text, monkeypatch)
    assert title_of(["### [[Re] Widgets](https://huggingface.co/papers/2609.01234)"]) == (
        "[Re] Widgets", "https://huggingface.co/papers/2609.01234", True)
    assert title_of(["### [\\[Re\\] Widgets](https://huggingface.co/papers/2609.01234)"]) == (
        "[Re] Widgets", "https://huggingface.co/papers/2609.01234", True)
    wrapped = ["### [Wrapped Widget", "Titles](https://huggingface.co/papers/2609.01234)"]
    assert title_of(wrapped) == (
        "Wrapped Widget Titles", "https://huggingface.co/papers/2609.01234", True)


def test_a_repeated_header_holds_its_search_query_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two search pages joined: the second header, query and page date included, is one
    ``repeated-header`` (read from the window and through the state alike)."""
    first = _with_query("- Daily", "source citations")
    body = first.split("---\n", 2)[2]
    text = first + "\n" + body
    start = len(lines_of(first)) + 1  # the second header's first line (``new``)
    assert lines_of(text)[start - 1] == "new"
    end = start + lines_of(body).index("Oct 2")
    digest = digestparse.parse(text)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("repeated-header", start, end)]
    assert len(digest.papers) == 16
    assert_paths_agree(text, monkeypatch)
    from digestparse.dialects.markdown import rules

    monkeypatch.setattr(rules, "READ_RAW", False)
    assert digestparse.parse(text).diagnostics == digest.diagnostics


@pytest.mark.parametrize(
    "cut", ["[LINK: GitHub 1k](https://github.com/exa", "[LINK", "[", "[-] 5"]
)
@pytest.mark.parametrize("authors", ["- 3 authors", None])
def test_a_trending_link_line_cut_short_is_no_abstract_text(
    cut: str, authors: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a plain title, a ``[LINK: …](url)`` line cut short, or a line with no letter
    (a lone ``[``, a stray upvote box), is not the abstract's last line (as a line that
    starts with ``[`` otherwise is there): it is reported, and the abstract and links stay
    clean. It was taken into the abstract silently, a cut URL made one of the paper's
    links."""
    text = after_04([("### Cut Link", "An abstract about widgets.", authors, [cut])])
    digest = check_lenient(text)
    later = digest.papers[12:]
    assert [(p.title, p.abstract, p.links) for p in later] == [
        ("Cut Link", "An abstract about widgets.", ())
    ]
    lines = text.split("\n")
    cut_lines = [number for number, line in enumerate(lines, 1) if line == cut]
    assert len(cut_lines) == 2  # the entry and its copy
    assert [d.line for d in digest.diagnostics] == cut_lines
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert raised.value.line == cut_lines[0]
    assert_paths_agree(text, monkeypatch)


@pytest.mark.parametrize("before", ["# Daily Papers", "[Subscribe]("])
def test_a_stray_line_above_the_byline_is_no_query(before: str) -> None:
    """Search pages show their query under the byline; a text line higher in the header is
    a stray line, reported (junk, the rest of the header a repeated one) as before the
    query was read: it was taken as the query, and the damage went unreported, in strict
    mode too."""
    text = _with_query(before, "x")
    assert digestparse.parse(MD03, mode="strict").diagnostics == ()
    digest = digestparse.parse(text)
    stray = text.split("\n").index("x") + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("junk", stray), ("repeated-header", stray + 2)
    ]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert (raised.value.code, raised.value.line) == ("junk", stray)


def test_one_query_at_most() -> None:
    """A second text line under the byline is no second query: it is reported."""
    text = _with_query("- Daily", "source citations").replace(
        "\nOct 2\n", "\nanother line\n\nOct 2\n", 1
    )
    digest = digestparse.parse(text)
    stray = text.split("\n").index("another line") + 1
    assert [(d.code, d.line) for d in digest.diagnostics][:1] == [("junk", stray)]
    assert "source citations" in digest.header and "another line" not in digest.header


@pytest.mark.parametrize("footer", ["\\* Previous", "\\_Previous\\_ Next"])
def test_an_escaped_page_end_line_is_the_pages_end(
    footer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markdown escapes a footer's bullet or emphasis: the line still opens the page's end
    (the page-end words are read with escapes resolved), not junk after the last paper."""
    text = MD03.rstrip("\n") + "\n\n" + footer + "\n"
    last = text.count("\n")  # the footer's line: the text ends with its line break
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert (len(digest.papers), digest.diagnostics) == (8, ())
    assert digest.footer_span == (last, last)
    assert_paths_agree(text, monkeypatch)


def test_an_escaped_page_phrase_in_markup_cannot_be_a_title() -> None:
    assert cannot_be_title("# Get trending papers in your email inbox once a day\\!")


def test_a_bare_authors_line_over_the_listings_date_keeps_both() -> None:
    """Capture 03's entry at 99 with its authors link dropped (``- 10 authors`` where the
    capture writes ``[- 10 authors](…)``, as a converter that drops the link around the
    authors list would): the ``·`` and the date after it are the entry's, not junk."""
    (path,) = sorted(CAPTURES.glob("03_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[104] == "[- 10 authors](https://huggingface.co/papers/2609.00319)"
    assert lines[106:109] == ["\u00b7", "", "Aug 30"]
    lines[104] = "- 10 authors"
    source = "\n".join(lines)
    digest = digestparse.parse(source, mode="strict")
    paper = digest.papers[4]
    assert (paper.title[:16], paper.author_count, paper.date, paper.votes, paper.span) == (
        "Sources of Truth", 10, datetime.date(2026, 8, 30), 0, (99, 109),
    )
    assert len(digest.papers) == 8 and digest.diagnostics == ()
    rules_and_fast_path_agree(MARKDOWN, source)


_LISTING_WITH_TITLE = """new

Get trending papers in your email inbox!

[Subscribe](https://huggingface.co/login?next=%2Fpapers)

# Daily Papers

Oct 2

[5](https://huggingface.co/login?next=%2Fpapers%2F2401.12345)

### [{title}](https://huggingface.co/papers/2401.12345)

[An abstract.](https://huggingface.co/papers/2401.12345)

[- 3 authors](https://huggingface.co/papers/2401.12345)

·

Sep 1
"""
_TRENDING_WITH_TITLE = """## Trending Papers

## by AK and the research community

### {title}

A summary.
- 3 authors
[LINK: GitHub 1k](https://github.com/a/b)
"""


@pytest.mark.parametrize("page", [_LISTING_WITH_TITLE, _TRENDING_WITH_TITLE],
                         ids=["listing", "trending"])
@pytest.mark.parametrize(("written", "title"), [
    ("# of Tokens Matters", "# of Tokens Matters"),
    ("\\# of Tokens Matters", "# of Tokens Matters"),
    ("- Minus: A Title", "- Minus: A Title"),
    ("+1 for Rewards", "+1 for Rewards"),
])
def test_a_heading_s_text_and_a_link_s_text_have_no_marks_of_their_own(
    page: str, written: str, title: str
) -> None:
    """After ``### `` and inside ``[…]`` a ``#`` or a bullet is the title's own text: the
    first of them was dropped as a second heading mark (``of Tokens Matters``)."""
    text = page.format(title=written)
    digest = digestparse.parse(text, mode="strict", reference_date=datetime.date(2026, 10, 2))
    assert digest.dialect == "markdown"
    assert [paper.title for paper in digest.papers] == [title]
    rules_and_fast_path_agree(MARKDOWN, text, datetime.date(2026, 10, 2))


def test_a_joined_trending_capture_after_a_listing_reports_no_lost_box() -> None:
    """Capture 03 (a listing, every entry boxed) and then 04 (the trending page, no box):
    whether entries show boxes is each page's own, and a header between them starts a new
    page. The trending entries were each ``missing-upvotes``."""
    alone = [digestparse.parse(source) for source in (MD03, MD04)]
    joined = digestparse.parse(MD03 + MD04)
    assert "missing-upvotes" not in [d.code for d in joined.diagnostics]
    assert [p.title for p in joined.papers] == [p.title for d in alone for p in d.papers]


@pytest.mark.parametrize(
    "word", ["Daily", "Weekly", "new", "Trending Papers", "May 29", "Oct 4, 2025"]
)
def test_a_trending_titles_indented_line_that_reads_as_a_header_phrase_or_date(word: str) -> None:
    """04 indents a wrapped title's later lines (SmolDocling's, 04:132). Such a line that is
    exactly a header phrase or a date is still the title's: the page's own lines are never
    indented. It was read as a repeated header or a date, and the card lost its fields."""
    wrapped = ("### SmolDocling: An ultra-compact vision-language model for end-to-end\n"
               "  multi-modal document conversion\n")
    assert MD04.count(wrapped) == 2  # the card's two copies
    text = MD04.replace(wrapped, wrapped + f"  {word}\n")
    digest = digestparse.parse(text)
    reference = digestparse.parse(MD04)
    assert digest.diagnostics == reference.diagnostics == ()
    smol = [paper.title for paper in digest.papers].index(
        "SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal "
        f"document conversion {word}")
    want = [attrs.evolve(paper, title=digest.papers[smol].title) if n == smol else paper
            for n, paper in enumerate(reference.papers)]
    assert [(p.title, p.abstract, p.author_count, p.links) for p in digest.papers] == [
        (p.title, p.abstract, p.author_count, p.links) for p in want]
