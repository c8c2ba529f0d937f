"""The 2026 page as text from a tool that kept no URL, read by the ``text-urls`` dialect.

A browser's select-all copy, ``w3m -dump``, ``lynx -dump -nonumbers -nolist`` and
BeautifulSoup's ``get_text("\\n")`` write the elements capture 02 shows (a text walk of
the page) without their URL lines: the upvote box over the title (`` [-] 12`` as 02
writes it, a bare ``12``, ``Upvote`` and the count, or nothing where the tool drops the
button), the title, the abstract, the authors (``3 authors``, with the avatars' list
bullet or not) or an organization's name, ``·`` (alone, or with the date after it), the
date and the comment count (on its own line, or after the date). Blank lines stand
anywhere: between every two lines (``get_text("\\n")``), nowhere (a browser's copy), or
between blocks, whose lines a tool may hard-wrap (``w3m``). Below, made-up pages are
written that way from known fields (``page_support.Entry``), and each must read back
exactly those fields, with no diagnostic.
"""

from __future__ import annotations

import datetime
import io
import itertools
import re
import textwrap
from pathlib import Path

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given

import digestparse
import lynx_support
from dialect_support import assert_paths_agree
from digestparse import grammar
from digestparse.dialects import detect
from digestparse.dialects.text_urls import TEXT_URLS, plain, plain_lines
from digestparse.grammar import CANONICAL_HEADER, PAGE_PHRASES
from hostile_support import REFERENCE, SEEDS, check_lenient, edit_lines, uncovered_lines
from page_support import TODAY, Entry

ABSTRACT = (
    "We study a made-up problem with a made-up method and report made-up results on three "
    "benchmarks, improving on the previous best by a margin that we also made up."
)
ENTRIES = (
    Entry("0", "Plain Title of a Made-up Paper", ABSTRACT, 12, "Nov 25", 3, authors=3),
    Entry("0", "A Second Made-up Paper: Nothing Ventured", "Another " + ABSTRACT, 0, "Nov 24",
          organization="Made-up Lab"),
    Entry("0", "Third Paper", "Third " + ABSTRACT + " Code: https://example.org/x.", 7,
          "Oct 3, 2025", 1, authors=1),
    Entry("0", "Fourth Paper, Organization, No Comments", "Fourth " + ABSTRACT, 1, "Nov 20",
          organization="University of X, Lab Y"),
    Entry("0", "Fifth Paper With Many Votes", "Fifth " + ABSTRACT, 250, "Sep 2, 2024", 65,
          authors=671),
)
#: ``Entry.date`` resolved under TODAY (read by hand).
DATES = ("2026-11-25", "2026-11-24", "2025-10-03", "2026-11-20", "2024-09-02")
PAGE_DATE = "Nov 25"
#: The reference date of the tools' outputs (tests/test_tool_outputs.py).
TOOLS_REFERENCE = datetime.date(2026, 11, 26)

MENU = ["Hugging Face", "Models", "Datasets", "Spaces", "Docs", "Pricing", "Log In", "Sign Up"]
PROMO = ["new", "Get trending papers in your email inbox once a day!",
         "Get trending papers in your email inbox!", "Subscribe"]
SWITCHER = ["Daily", "Weekly", "Monthly"]
FOOTER = ["Previous", "1", "2", "Next", "System theme", "Company", "TOS", "Privacy", "About"]

BOXES = ("box", "bare", "upvote", "upvote-one-line", "none")
#: The authors line's bullet: none, inscriptis's, html2text's, a dash, turndown's, and
#: html2text's without images (the avatars' empty items on the count's line).
BULLETS = ("", "\u2022 ", "* ", "- ", "*   ", "*   *   * ")
BLANKS = ("every", "none", "blocks")


def _box(entry: Entry, style: str) -> list[str]:
    count = str(entry.upvotes) if entry.upvotes else "-"
    return {
        "box": [f" [-] {count}"],
        "bare": [count],
        "upvote": ["Upvote", count],
        "upvote-one-line": [f"Upvote {count}"],
        "none": [],
    }[style]


def _wrap(text: str, width: int) -> list[str]:
    """``text`` hard-wrapped at ``width`` as a text browser does (at spaces)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


class Paragraph(list[str]):
    """A title's or an abstract's lines: a block a text browser sets off with blank lines."""


def _card(
    entry: Entry, box: str, bullet: str, glued: bool, wrap: int, inline: bool = False
) -> list[list[str]]:
    """One entry's blocks (each a list of lines written together). ``inline``: as
    inscriptis writes the metadata: each avatar a lone ``*`` above ``* 3 authors``, and
    ``·``, the date and the comment count on one line, after the organization's name."""
    who = f"{bullet}{entry.authors} authors" if entry.authors else str(entry.organization)
    date = entry.date
    blocks = [[line] for line in _box(entry, box)]
    title = _wrap(entry.title, wrap) if wrap else [entry.title]
    abstract = _wrap(entry.abstract, wrap) if wrap else [entry.abstract]
    blocks += [Paragraph(title), Paragraph(abstract)]
    if inline:
        count = f" {entry.comments}" if entry.comments else ""
        if entry.authors:
            blocks += [["    *"]] * 2 + [[f"    * {entry.authors} authors"],
                                         [f"  \u00b7 {date}{count}"]]
        else:
            blocks.append([f"  {entry.organization} \u00b7 {date}{count}"])
        return blocks
    blocks.append([who])
    blocks += [["\u00b7 " + date]] if glued else [["\u00b7"], [date]]
    if entry.comments:
        blocks.append([str(entry.comments)])
    return blocks


def page(
    entries: tuple[Entry, ...] = ENTRIES,
    *,
    kind: str = "daily",
    box: str = "box",
    bullet: str = "",
    glued: bool = False,
    blanks: str = "every",
    inline: bool = False,
) -> str:
    """A made-up page: ``kind`` is ``daily`` (a page date), ``search`` (a query and a page
    date), ``week`` or ``month`` (a label, no page date)."""
    header = [*MENU, *PROMO, "Daily Papers", "by", "AK", "and the research community"]
    if kind == "search":
        header.append("made-up query")
    header += SWITCHER
    header.append({"week": "Week 47", "month": "November 2026"}.get(kind, PAGE_DATE))
    wrap = 40 if blanks == "blocks" else 0
    blocks = [[line] for line in header]
    for entry in entries:
        blocks += _card(entry, box, bullet, glued, wrap, inline)
    blocks += [[line] for line in FOOTER]
    if blanks == "none":
        return "\n".join(line for block in blocks for line in block) + "\n"
    if blanks == "blocks":  # w3m: blank lines around the title and the abstract only
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out += ["", *block, ""]
            else:
                out += block
        return "\n".join(out) + "\n"
    return "\n\n".join(line for block in blocks for line in block) + "\n"


def expected(entries: tuple[Entry, ...] = ENTRIES, *, box: str = "box") -> list[dict[str, object]]:
    """The fields each entry must give: the ones it was written from."""
    return [
        {
            "title": entry.title,
            "abstract": entry.abstract,
            "upvotes": None if box == "none" else entry.upvotes,
            "author_count": entry.authors,
            "organization": entry.organization,
            "date": DATES[ENTRIES.index(entry)],
            "votes": entry.comments,
            "paper_id": None,
            "url": None,
            "submitted_by": None,
        }
        for entry in entries
    ]


def fields(digest: digestparse.Digest) -> list[dict[str, object]]:
    keys = ("title", "abstract", "upvotes", "author_count", "organization", "date", "votes",
            "paper_id", "url", "submitted_by")
    return [{key: paper.to_dict()[key] for key in keys} for paper in digest.papers]


def read_every_way(text: str) -> digestparse.Digest:
    """The strict digest of ``text``, once lenient, bytes, a stream and the fast path agree
    with it and it leaves no line out."""
    digest = digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert digest.dialect == "text-urls"
    assert digest.diagnostics == ()
    lenient = digestparse.parse(text, reference_date=TODAY)
    assert lenient == digest
    assert digestparse.parse(text.encode(), reference_date=TODAY) == digest
    streamed = list(digestparse.iter_papers(io.StringIO(text), reference_date=TODAY))
    assert [p.to_dict() for p in streamed] == [p.to_dict() for p in digest.papers]
    assert uncovered_lines(text, lenient) == []
    assert_paths_agree(TEXT_URLS, text, TODAY)
    return digest


LAYOUTS = list(itertools.product(BOXES, BULLETS, (False, True), BLANKS))


@pytest.mark.parametrize(("box", "bullet", "glued", "blanks"), LAYOUTS)
def test_every_layout_reads_exactly(box: str, bullet: str, glued: bool, blanks: str) -> None:
    text = page(box=box, bullet=bullet, glued=glued, blanks=blanks)
    digest = read_every_way(text)
    assert fields(digest) == expected(box=box)
    assert digest.page_date == datetime.date(2025 + 1, 11, 25)


@pytest.mark.parametrize("kind", ["daily", "search", "week", "month"])
@pytest.mark.parametrize("box", BOXES)
def test_page_kinds(kind: str, box: str) -> None:
    for blanks in BLANKS:
        digest = read_every_way(page(kind=kind, box=box, blanks=blanks))
        assert fields(digest) == expected(box=box)
        assert "Daily Papers" in digest.header
        assert ("made-up query" in digest.header) is (kind == "search")
        if kind in ("week", "month"):
            assert digest.page_date is None
            assert ("Week 47" if kind == "week" else "November 2026") in digest.header
        else:
            assert digest.page_date == datetime.date(2026, 11, 25)


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("blanks", BLANKS)
def test_inscriptis_metadata_on_one_line(box: str, blanks: str) -> None:
    """inscriptis writes each avatar as a lone ``*``, the authors as ``* 3 authors``, and
    ``·``, the date and the comment count on one line, after the organization's name
    (``Made-up Lab · Nov 24``), all indented (a probe of inscriptis 2 on made-up HTML)."""
    digest = read_every_way(page(box=box, blanks=blanks, inline=True))
    assert fields(digest) == expected(box=box)


def test_spans_run_from_the_box_to_the_comment_count() -> None:
    text = page(blanks="none", box="upvote")
    lines = text.split("\n")
    digest = read_every_way(text)
    first = digest.papers[0]
    assert lines[first.line - 1] == "Upvote" and lines[first.line] == "12"
    assert lines[first.end_line - 1] == "3"  # the comment count
    fifth = digest.papers[4]
    assert lines[fifth.end_line - 1] == "65" and lines[fifth.end_line] == "Previous"
    assert digest.header_span == (1, lines.index(PAGE_DATE) + 1)


def test_the_comment_count_glued_after_the_date() -> None:
    """``May 30 65``: the count after a space, as the seeds write it."""
    text = page(blanks="none").replace("\nNov 25\n3\n", "\nNov 25 3\n")
    digest = read_every_way(text)
    assert fields(digest) == expected()


def test_the_authors_date_and_count_on_one_line() -> None:
    """``3 authors · Nov 25 3``: a tool that keeps the metadata's inline elements on one
    line, the authors' as well as an organization's."""
    text = page(blanks="none")
    glued = text.replace("\n3 authors\n\u00b7\nNov 25\n3\n", "\n3 authors \u00b7 Nov 25 3\n")
    assert glued != text
    assert fields(read_every_way(glued)) == expected()


def test_a_bare_box_is_told_from_a_comment_count() -> None:
    """On a page whose boxes are bare numbers, a number after the date is its comment count
    only where the next entry's box follows it; else it is that box."""
    for blanks in BLANKS:
        digest = read_every_way(page(box="bare", blanks=blanks))
        assert [(p.upvotes, p.votes) for p in digest.papers] == [
            (12, 3), (0, 0), (7, 1), (1, 0), (250, 65)]


def test_capture_02_without_its_url_lines() -> None:
    """Capture 02 with every URL line taken out (``grep -v '^https\\?://'``) gives the
    capture's papers without their ids, and nothing to report."""
    from dialect_support import TEXT_URLS_CAPTURE

    with_urls = TEXT_URLS_CAPTURE.parse("\n".join(TEXT_URLS_CAPTURE.lines))
    text = "\n".join(
        line for line in TEXT_URLS_CAPTURE.lines if not line.startswith(("https://", "http://"))
    )
    digest = digestparse.parse(text, mode="strict")
    assert digest.dialect == "text-urls" and digest.diagnostics == ()
    without = [p.to_dict() | {"line": 0, "end_line": 0} for p in digest.papers]
    assert without == [
        p.to_dict() | {"line": 0, "end_line": 0, "paper_id": None, "url": None}
        for p in with_urls.papers
    ]
    assert len(without) == 19


@pytest.mark.parametrize("title", ["# of Tokens Matters", "#1 on the Board"])
def test_a_title_that_starts_with_a_mark_keeps_it_without_urls(title: str) -> None:
    """A ``#`` alone at a title's start is the title's, as in the URL reading (html2text
    without links writes a title as ``### Title``, whose mark is no part of it)."""
    from dialect_support import TEXT_URLS_CAPTURE

    lines = list(TEXT_URLS_CAPTURE.lines)
    assert lines[92].startswith("Better than Your Teacher")
    lines[92] = title
    for kept in (lines, [line for line in lines if not line.startswith("https://")]):
        digest = digestparse.parse("\n".join(kept), mode="strict")
        assert digest.papers[0].title == title
    lines[92] = "### " + title
    without = [line for line in lines if not line.startswith("https://")]
    assert digestparse.parse("\n".join(without), mode="strict").papers[0].title == title


def test_no_title_is_a_box_count_date_or_header_phrase() -> None:
    for box, bullet, glued, blanks in LAYOUTS:
        digest = digestparse.parse(
            page(box=box, bullet=bullet, glued=glued, blanks=blanks), reference_date=TODAY)
        for paper in digest.papers:
            title = paper.title
            assert not title.startswith(("http", "[", "\u00b7", "Upvote")), title
            assert not title.replace("-", "").isdigit(), title
            assert title not in PAGE_PHRASES and title not in FOOTER, title
            assert digestparse.dates.read_date_line(title) is None, title


# -- the URL reading is untouched ---------------------------------------------------------------


def test_a_dropped_url_line_in_a_url_capture_stays_missing_link() -> None:
    from dialect_support import TEXT_URLS_CAPTURE

    lines = list(TEXT_URLS_CAPTURE.lines)
    at = lines.index("https://huggingface.co/papers/2410.05434")
    del lines[at]
    text = "\n".join(lines)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict")
    assert (raised.value.code, raised.value.line) == ("missing-link", at + 2)


# -- detection ---------------------------------------------------------------------------------


def _head(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()][:200]


@pytest.mark.parametrize(("box", "bullet", "glued", "blanks"), LAYOUTS)
def test_detected_as_text_urls(box: str, bullet: str, glued: bool, blanks: str) -> None:
    head = _head(page(box=box, bullet=bullet, glued=glued, blanks=blanks))
    found = detect(head)
    assert found is not None and found.name == "text-urls"


def test_a_seed_like_page_with_2026_counts_is_text_urls() -> None:
    """The seeds' page (``• N authors``, no promo's ``once a day!``) with an upvote box over
    each title, or a comment count after a date, is the 2026 page."""
    seed = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
            "byAK and the research community", "Nov 25", "Title", ABSTRACT, "  \u2022 2 authors",
            "\u00b7", "Nov 25"]
    assert detect(_head("\n\n".join(seed))).name == "text"  # type: ignore[union-attr]
    counted = [*seed, "4", "Next Title", ABSTRACT, "  \u2022 2 authors", "\u00b7", "Nov 24"]
    assert detect(_head("\n\n".join(counted))).name == "text-urls"  # type: ignore[union-attr]
    boxed = [*seed[:6], " [-] 3", *seed[6:]]
    assert detect(_head("\n\n".join(boxed))).name == "text-urls"  # type: ignore[union-attr]
    digest = digestparse.parse("\n\n".join(counted) + "\n", mode="strict",
                               reference_date=TODAY)
    assert [(p.title, p.author_count, p.votes) for p in digest.papers] == [
        ("Title", 2, 4), ("Next Title", 2, 0)]


def test_a_count_alone_in_a_seed_is_a_stray_line() -> None:
    """A seed writes each count on its date line (``May 29, 2024 1``): a number alone on its
    line after a date there is a damaged seed's stray line, which ``text`` reports, not a 2026
    comment count that would make the page text-urls and pass strict mode with votes=12."""
    lines = SEEDS[0].split("\n")
    assert "May 29, 2024 1" in lines
    at = lines.index("Nov 3") + 1  # the first entry's date, with no count
    lines.insert(at, "12")
    text = "\n".join(lines)
    assert detect(_head(text)).name == "text"  # type: ignore[union-attr]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    assert (raised.value.code, raised.value.line) == ("junk", at + 1)



def test_a_box_line_over_a_seeds_authors_line_is_a_stray_line() -> None:
    """The upvote box stands over a title: over a seed's ``• 2 authors`` it is a stray line
    of a damaged seed, which ``text`` reports, not the 2026 page's mark."""
    lines = SEEDS[0].split("\n")
    at = lines.index("  \u2022 2 authors")
    lines.insert(at, " [-] 5")
    text = "\n".join(lines)
    assert detect(_head(text)).name == "text"  # type: ignore[union-attr]
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("leading-whitespace", at + 1), ("junk", at + 1)]


# -- damaged pages -----------------------------------------------------------------------------


def _damaged(blanks: str, edit: str) -> tuple[str, int, str]:
    """A page with one edit in its second entry; the line (1-based) and code of the first
    deviation, read off the lines."""
    text = page(blanks=blanks)
    lines = text.split("\n")
    title = lines.index(ENTRIES[1].title)
    org = lines.index(str(ENTRIES[1].organization))
    separator = lines.index("\u00b7", org)
    if edit == "drop the separator":
        del lines[separator]
        return "\n".join(lines), lines.index("Nov 24", org) + 1, "missing-separator"
    if edit == "drop the date":
        del lines[lines.index("Nov 24", separator)]
        following = next(i for i in range(separator + 1, len(lines)) if lines[i])
        return "\n".join(lines), following + 1, "missing-date"
    if edit == "bad date":
        lines[lines.index("Nov 24", separator)] = "Nov 2x"
        return "\n".join(lines), lines.index("Nov 2x") + 1, "bad-date"
    if edit == "count glued to the day":  # ``Nov 244``: Nov 24 and 4, or Nov 2 and 44?
        lines[lines.index("Nov 24", separator)] = "Nov 244"
        return "\n".join(lines), lines.index("Nov 244") + 1, "bad-date"
    if edit == "drop the organization":  # the abstract, too long for a name, above '·'
        del lines[org]
        return "\n".join(lines), lines.index("\u00b7", title) + 1, "missing-authors"
    if edit == "drop the abstract":  # the organization's name right after the title
        del lines[lines.index(ENTRIES[1].abstract)]
        return "\n".join(lines), lines.index(str(ENTRIES[1].organization)) + 1, (
            "missing-abstract")
    if edit == "drop the box":
        del lines[lines.index(" [-] -", 0, title)]
        return "\n".join(lines), lines.index(ENTRIES[1].title) + 1, "missing-upvotes"
    if edit == "truncated":
        return "\n".join(lines[: separator + 1]), lines.index(" [-] -") + 1, "truncated-entry"
    raise AssertionError(edit)


EDITS = ("drop the separator", "drop the date", "bad date", "count glued to the day",
         "drop the organization", "drop the abstract", "drop the box", "truncated")


@pytest.mark.parametrize("blanks", BLANKS[:2])
@pytest.mark.parametrize("edit", EDITS)
def test_damage_raises_at_the_first_deviation(blanks: str, edit: str) -> None:
    text, line, code = _damaged(blanks, edit)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == (code, line)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert digest.dialect == "text-urls"
    assert (digest.diagnostics[0].code, digest.diagnostics[0].line) == (code, line)
    assert uncovered_lines(text, digest) == []
    intact = [f for i, f in enumerate(expected()) if i != 1]
    got = [f for f in fields(digest) if f["title"] != ENTRIES[1].title]
    assert got == (intact[:1] if edit == "truncated" else intact)
    damaged = next(f for f in fields(digest) if f["title"] == ENTRIES[1].title)
    losses: dict[str, dict[str, object]] = {
        "drop the organization": {"organization": None},
        "drop the abstract": {"abstract": ""},
        "drop the box": {"upvotes": None},
    }
    lost = losses.get(edit, {})
    if edit != "truncated":  # the rest of the damaged entry is read as written
        for key, value in expected()[1].items():
            if key not in ("date", "votes"):
                assert damaged[key] == lost.get(key, value), key


@pytest.mark.parametrize("blanks", BLANKS[:2])
def test_the_last_date_run_together_with_its_count_is_a_bad_date(blanks: str) -> None:
    """A tool that drops the blank between the date and its comment count (html2text
    without links) writes ``Sep 2, 202465`` after the last entry's ``·``: that is its bad
    date line, not a new entry's title over the page's footer."""
    text = page(blanks=blanks)
    lines = text.split("\n")
    date = lines.index("Sep 2, 2024")
    count = next(i for i in range(date + 1, len(lines)) if lines[i])
    assert lines[count] == "65"
    lines[date] = "Sep 2, 202465"
    del lines[count]
    damaged = "\n".join(lines)
    digest = digestparse.parse(damaged, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-date", date + 1)]
    assert [paper.title for paper in digest.papers] == [entry.title for entry in ENTRIES]
    assert digest.footer_span is not None
    assert uncovered_lines(damaged, digest) == []


def test_a_stray_line_between_entries_is_junk_and_nothing_else_is_lost() -> None:
    for blanks in ("every", "none"):
        text = page(blanks=blanks).replace("\n3\n", "\n3\n\u2605 sponsored \u2605\n", 1)
        lines = text.split("\n")
        digest = digestparse.parse(text, reference_date=TODAY)
        assert [(d.code, d.line) for d in digest.diagnostics] == [
            ("junk", lines.index("\u2605 sponsored \u2605") + 1)]
        assert fields(digest) == expected()
        assert uncovered_lines(text, digest) == []


JUNK_LINE = "A made-up line of prose that belongs to no entry"


@pytest.mark.parametrize("blanks", ["every", "none"])
@pytest.mark.parametrize("run", [1, 63, 64, 65, 66, 200])
def test_a_long_run_of_prose_between_entries_is_one_junk_and_the_next_entry_reads(
    blanks: str, run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A junk run asks at each of its lines whether an entry starts there: the text lines
    # one look found free of metadata are not read again by the next (``plain._TEXT_RUN``).
    # Around ``MAX_TEXT_LINES`` (64) the look stops short of the next entry's metadata.
    junk = [f"{JUNK_LINE} {number}" for number in range(run)]
    separator = "\n\n" if blanks == "every" else "\n"
    box = f"{separator} [-] -{separator}"  # the second entry's
    text = page(blanks=blanks).replace(box, separator + separator.join(junk) + box, 1)
    lines = text.split("\n")
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", lines.index(junk[0]) + 1, lines.index(junk[-1]) + 1)]
    assert fields(digest) == expected()
    assert uncovered_lines(text, digest) == []
    monkeypatch.setattr(plain, "_known_run", lambda state, at, first: 0)
    assert digestparse.parse(text, reference_date=TODAY) == digest


# -- the trending page ---------------------------------------------------------------------------
#
# ``/papers/trending`` without URLs, in capture 05's order: each card twice in a row, a
# lead-in (``Submitted by`` and the submitter's name) above the title, an AI summary where
# the abstract stands, the authors or organization, ``·`` and the date (``Published on`` in
# the first copy, as 05 shows), then the upvote button (``Upvote`` and the count) and the
# card's links (``GitHub 1.2k``, ``arXiv Page``).

TRENDING = (ENTRIES[0], ENTRIES[1], ENTRIES[4])
SUBMITTERS = ("vvasilev", "made_up_user", "someone")
STARS = ("1.2k", "", "11.3k")


def _trending_card(at: int, copy: int, entry: Entry, dated: bool, lead: bool) -> list[str]:
    who = f"{entry.authors} authors" if entry.authors else str(entry.organization)
    published = "Published on " if copy == 0 else ""
    links = ([f"GitHub {STARS[at]}"] if STARS[at] else []) + ["arXiv Page"]
    date = ["\u00b7", published + entry.date] if dated else []
    lead_in = ["Submitted by", SUBMITTERS[at]] if lead else []
    return [*lead_in, entry.title, entry.abstract, who, *date, "Upvote",
            str(entry.upvotes or "-"), *links]


def trending_page(blanks: str, *, dated: bool = True, lead: bool = True) -> str:
    header = [*MENU, *PROMO, "Trending Papers", "by", "AK", "and the research community"]
    cards = [line for at, entry in enumerate(TRENDING) for copy in (0, 1)
             for line in _trending_card(at, copy, entry, dated, lead)]
    lines = [*header, *cards, "Previous", "1", "2", "Next", "System theme"]
    return ("\n\n" if blanks == "every" else "\n").join(lines) + "\n"


@pytest.mark.parametrize("blanks", ["every", "none"])
def test_the_trending_page(blanks: str) -> None:
    text = trending_page(blanks)
    digest = read_every_way(text)
    want = [
        card | {"votes": 0, "submitted_by": SUBMITTERS[at]}
        for at, card in enumerate(expected(TRENDING))
    ]
    assert fields(digest) == want
    assert "Trending Papers" in digest.header and digest.page_date is None
    lines = text.split("\n")
    first = digest.papers[0]
    assert lines[first.line - 1] == "Submitted by"
    assert lines[first.end_line - 1] == "arXiv Page"  # the second copy's last line
    assert lines.count(TRENDING[0].title) == 2


@pytest.mark.parametrize("lead", [True, False])
@pytest.mark.parametrize("blanks", ["every", "none"])
def test_trending_cards_without_dates(blanks: str, lead: bool) -> None:
    """Cards that show no ``·`` and date (capture 04's trending page) end at their upvote
    button: ``date`` and ``votes`` None, no deviation; the organization is the line above
    the button. Without lead-ins the first card must show its authors (its title is
    otherwise told from the header's last lines only by a lead-in)."""
    cards = TRENDING if lead else (TRENDING[0], *TRENDING[1:])
    digest = read_every_way(trending_page(blanks, dated=False, lead=lead))
    want = [card | {"date": None, "votes": None,
                    "submitted_by": SUBMITTERS[at] if lead else None}
            for at, card in enumerate(expected(cards))]
    assert fields(digest) == want


def test_a_dated_trending_page_whose_card_lost_its_date() -> None:
    """Once a card has shown its date, a card without one lost it: ``missing-date`` at the
    line that came instead (its upvote button), and the card is read."""
    lines = trending_page("none").split("\n")
    at = lines.index(TRENDING[1].date, lines.index(TRENDING[1].title))  # its first copy
    del lines[at - 1 : at + 1]  # '·' and the date
    text = "\n".join(lines)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("missing-date", at)
    assert lines[at - 1] == "Upvote"
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [p.date is not None for p in digest.papers] == [True, True, True]  # the 2nd copy
    assert uncovered_lines(text, digest) == []


def test_a_trending_card_whose_name_is_lost_is_missing_submitter() -> None:
    text = trending_page("none")
    lines = text.split("\n")
    at = lines.index(SUBMITTERS[1])
    del lines[at]
    broken = "\n".join(lines)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(broken, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("missing-submitter", at + 1)
    digest = digestparse.parse(broken, reference_date=TODAY)
    assert [p.submitted_by for p in digest.papers] == list(SUBMITTERS)  # the other copy
    assert uncovered_lines(broken, digest) == []


# -- any damage: the invariants ------------------------------------------------------------------


def _edited_after(draw: st.DrawFn, lines: list[str], first: int, most: int = 6) -> str:
    """``lines`` with one to ``most`` line edits, each at index ``first`` or later (after
    the header, so that the reading without URLs is still chosen), joined."""
    for _ in range(draw(st.integers(1, most))):
        edit = draw(st.sampled_from(("delete", "duplicate", "swap", "move", "blank", "unblank")))
        edit_lines(draw, lines, edit, draw(st.integers(first, len(lines) - 1)), first=first)
    return "\n".join(lines)


def _check_strict_stops_at_the_first_report(text: str, digest: digestparse.Digest) -> None:
    try:
        strict = digestparse.parse(text, mode="strict", reference_date=REFERENCE)
    except digestparse.ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert digest.diagnostics == () and strict.papers == digest.papers


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    """A made-up page in one of the layouts, with one to six line edits after its header
    (so that the reading without URLs is still chosen)."""
    box, bullet, glued, blanks = draw(st.sampled_from(LAYOUTS))
    lines = page(box=box, bullet=bullet, glued=glued, blanks=blanks).split("\n")
    first = lines.index(PAGE_DATE) + 1
    return _edited_after(draw, lines, first)


@given(mutated_page())
def test_damaged_pages_lose_nothing_and_strict_raises_at_the_first_report(text: str) -> None:
    digest = check_lenient(text)
    _check_strict_stops_at_the_first_report(text, digest)
    if digest.dialect != "text-urls":
        # Damage may take every 2026 mark out of the first lines (a box-less layout whose
        # entries lost their '·'): the page is then the seeds' text, read with its findings.
        assert digest.dialect == "text" and digest.diagnostics
        return
    assert_paths_agree(TEXT_URLS, text, REFERENCE)
    for paper in digest.papers:
        assert paper.paper_id is None and paper.url is None
        assert paper.title not in PAGE_PHRASES and not paper.title.startswith("\u00b7")


def test_an_upvote_box_over_a_glued_date_has_no_title() -> None:
    """A box whose entry's text moved away (here swapped with its authors line, and the
    pagination moved above the menu, which leaves the page to the reading with URLs): the
    ``· Nov 25`` line after the box was read as the entry's title (found by the long
    hypothesis profile of the test above). The box is junk, reported, and no paper's title
    is a date."""
    lines = page(box="box", glued=True, blanks="none").split("\n")
    box, authors = lines.index(" [-] 12"), lines.index("3 authors")
    assert lines[authors + 1] == "\u00b7 Nov 25"
    lines[box], lines[authors] = lines[authors], lines[box]
    lines.insert(0, lines.pop(lines.index("Previous")))  # the pagination moved to the top
    text = "\n".join(lines)
    digest = check_lenient(text)
    _check_strict_stops_at_the_first_report(text, digest)
    assert digest.dialect == "text-urls"
    assert not [paper.title for paper in digest.papers if paper.title.startswith("\u00b7")]
    assert_paths_agree(TEXT_URLS, text, REFERENCE)


def test_two_pages_joined_the_second_headers_date_counts() -> None:
    """A second page's header between two entries is junk, as in the URL reading, and its
    page date counts for the yearless dates after it: ``Mar 10`` under ``Mar 3`` is after
    its page (under the first page's ``Nov 25`` it is not)."""
    later = Entry("0", "A Paper on the Second Page", ABSTRACT, 4, "Mar 10", authors=2)
    first = page(ENTRIES[:1], blanks="none").split("\nPrevious\n")[0]  # without its end
    second = page((later,), blanks="none")
    text = first + "\n" + second.replace(f"\n{PAGE_DATE}\n", "\nMar 3\n", 1)
    lines = text.split("\n")
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", lines.index("Hugging Face", 1) + 1, lines.index("Mar 3") + 1),
        ("date-after-page", lines.index("Mar 10") + 1, lines.index("Mar 10") + 1)]
    assert [p.title for p in digest.papers] == [ENTRIES[0].title, later.title]
    assert digest.page_date == datetime.date(2026, 11, 25)
    assert uncovered_lines(text, digest) == []
    undated = first + "\n" + second.replace(f"\n{PAGE_DATE}\n", "\n", 1)
    assert [d.code for d in digestparse.parse(undated, reference_date=TODAY).diagnostics] == [
        "junk"]


@pytest.mark.parametrize("blanks", ["every", "blocks"])
def test_two_entries_merged_are_reported(blanks: str) -> None:
    """The first entry lost its authors, ``·``, date and count, the second its box: where
    blank lines stand between the runs, the second title starts a run of its own that starts
    an entry, so the first entry ends at its abstract with its metadata reported missing
    (the URL reading reports the same damage on capture 02), not read silently as one
    paper whose abstract holds the second title and abstract."""
    lines = page(blanks=blanks).split("\n")
    start = lines.index("3 authors")
    box = lines.index(" [-] -", start)
    del lines[start : box + 1]
    text = "\n".join(lines)
    title = next(i for i in range(start, len(lines)) if lines[i])
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("missing-authors", title + 1)
    digest = check_lenient(text)
    assert [paper.title for paper in digest.papers] == [entry.title for entry in ENTRIES]
    first, second = digest.papers[:2]
    assert (first.abstract, first.date, second.upvotes) == (ENTRIES[0].abstract, None, None)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        (code, title + 1)
        for code in ("missing-authors", "missing-separator", "missing-date", "missing-upvotes")
    ]


@st.composite
def page_with_prose(draw: st.DrawFn) -> str:
    """A made-up page with runs of prose lines (about ``MAX_TEXT_LINES`` long) put in, and
    one to four line edits after its header."""
    box, bullet, glued, blanks = draw(st.sampled_from(LAYOUTS))
    lines = page(box=box, bullet=bullet, glued=glued, blanks=blanks).split("\n")
    first = lines.index(PAGE_DATE) + 1
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(first, len(lines) - 1))
        lines[at:at] = [JUNK_LINE] * draw(st.integers(55, 140))
    return _edited_after(draw, lines, first, most=4)


@given(page_with_prose())
def test_the_text_run_memo_changes_no_reading(text: str) -> None:
    with_memo = digestparse.parse(text, reference_date=TODAY)
    original = plain._known_run
    plain._known_run = lambda state, at, first: 0
    try:
        assert digestparse.parse(text, reference_date=TODAY) == with_memo
    finally:
        plain._known_run = original


# -- lynx -dump -nonumbers -nolist ------------------------------------------------------

#: Made-up entries for lynx's dumps: a logo before a short and a long (wrapped) organization,
#: avatars (``* [IMG]``), a title that wraps, a bracket in a title that is no link number.
LYNX_ENTRIES = (
    Entry("2611.01234", "Plain Title", ABSTRACT, 12, "Nov 25", 3, organization="OCC"),
    Entry("2611.02345", "One Author Only", "Another abstract.", 0, "Nov 24", authors=1,
          avatars=1),
    Entry("2611.03456", "Many Authors and a title long enough to wrap over two lines at the "
          "dump's width", "Third abstract.", 7, "Oct 3, 2025", 1, authors=5, avatars=2),
    Entry("2611.04567", "[Re] Brackets and stars", "A 45% gain.", 1, "Nov 20",
          organization="Mohamed bin Zayed University of Artificial Intelligence Lab"),
)
#: ``LYNX_ENTRIES``' dates under TODAY (read by hand).
LYNX_DATES = ("2026-11-25", "2026-11-24", "2025-10-03", "2026-11-20")
LYNX_CARDS = (
    Entry("2611.01234", "TradingAgents: Multi-Agents LLM Financial Trading Framework for real "
          "firms", "A multi-agent framework using large language models for stock trading "
          "simulates real-world trading firms.", 149, "Dec 28, 2024", authors=4, avatars=1),
    Entry("2611.02345", "Kandinsky 5", "A family of models.", 0, "Oct 4, 2026",
          organization="Kandinsky Lab"),
)
LYNX_CARD_DATES = ("2024-12-28", "2026-10-04")
#: Every placement of ``lynx_support`` but the upvote box on the title's line
#: (``box="glued"``: ``12 Plain Title``, see docs/format.md) and a dump with neither indents
#: nor blank lines (a wrapped title and abstract cannot be told apart there).
NONUMBER_STYLES = (
    lynx_support.Style(),
    lynx_support.Style(blanks=False),
    lynx_support.Style(box="split"),
    lynx_support.Style(authors="item"),
    lynx_support.Style(authors="before"),
    lynx_support.Style(separator="date"),
    lynx_support.Style(comments="next"),
    lynx_support.Style(indent=False),
    lynx_support.Style(width=50),
    lynx_support.Style(width=200),
    lynx_support.Style(blanks=False, box="split", comments="next", separator="date",
                       authors="item"),
)


def nonumbers(text: str) -> str:
    """A ``lynx -dump`` page (without its References) as ``-nonumbers`` writes it."""
    assert "References" not in text
    return re.sub(r"\[[0-9]+\]", "", text)


def lynx_expected(entries: tuple[Entry, ...], dates: tuple[str, ...],
                  submitted_by: str | None = None) -> list[dict[str, object]]:
    return [
        {
            "title": entry.title, "abstract": entry.abstract, "upvotes": entry.upvotes,
            "author_count": entry.authors, "organization": entry.organization,
            "date": date, "votes": entry.comments, "paper_id": None, "url": None,
            "submitted_by": submitted_by,
        }
        for entry, date in zip(entries, dates, strict=True)
    ]


@pytest.mark.parametrize("style", NONUMBER_STYLES, ids=repr)
@pytest.mark.parametrize("kind", ["daily", "search", "week"])
def test_lynx_nonumbers_pages_read_exactly(kind: str, style: lynx_support.Style) -> None:
    """``* [IMG]`` avatars are read with the authors, and ``[occ] OCC`` is the organization
    ``OCC`` (its logo's alt text is no part of the name), wrapped or not."""
    query, date, label = {
        "daily": (None, "Nov 26", None), "search": ("long context asr", "Nov 26", None),
        "week": (None, None, "Week 47"),
    }[kind]
    text = nonumbers(lynx_support.page(LYNX_ENTRIES, style, references=False, query=query,
                                       date=date, label=label))
    assert "* [IMG]" in text and "[occ] OCC" in text
    digest = read_every_way(text)
    assert fields(digest) == lynx_expected(LYNX_ENTRIES, LYNX_DATES)
    assert digest.page_date == (None if kind == "week" else datetime.date(2026, 11, 26))
    lines = text.split("\n")
    assert digest.footer_span is not None
    assert lines[digest.footer_span[0] - 1].strip() == "Previous Next"
    last = digest.papers[-1]
    assert lines[last.end_line - 1].endswith("Nov 20")  # its date: no comment count


def with_url_list(numbered: str) -> str:
    """A ``lynx -dump`` page as ``-nonumbers`` without ``-nolist`` writes it: its references
    as a list of bare URLs under ``Visible links:`` (those of links with text) and
    ``Hidden links:`` (here the last three), the numbers gone."""
    body, _, references = numbered.partition("References\n\n")
    urls = [line.split(". ", 1)[1] for line in references.splitlines() if line.strip()]
    listed = ["   Visible links:", *urls[:-3], "", "   Hidden links:", *urls[-3:]]
    return nonumbers(body) + "\n".join(listed) + "\n"


@pytest.mark.parametrize("kind", ["daily", "trending"])
def test_lynx_nonumbers_with_its_list_of_urls(kind: str) -> None:
    """The list of URLs lynx adds at the end is the page's end, also where it comes within
    the first 200 lines (a short page): the page is still read without URLs (the list's
    URLs made it read as one that keeps them, each label without its URL line: no paper,
    one ``junk``). lynx's ``(BUTTON)`` before ``System theme`` is the footer's too."""
    if kind == "daily":
        numbered = lynx_support.page(LYNX_ENTRIES, lynx_support.Style())
        expected = lynx_expected(LYNX_ENTRIES, LYNX_DATES)
    else:
        numbered = lynx_support.trending(LYNX_CARDS, lynx_support.Style())
        expected = lynx_expected(LYNX_CARDS, LYNX_CARD_DATES, "vvasilev")
    numbered = numbered.replace("System theme", "(BUTTON) System theme")
    text = with_url_list(numbered)
    lines = text.split("\n")
    assert len(lines) < 200 and "https://huggingface.co/papers/" in text
    digest = read_every_way(text)
    assert digest.dialect == "text-urls"
    assert fields(digest) == expected
    assert digest.footer_span is not None
    assert lines[digest.footer_span[0] - 1].strip() == "Previous Next"
    assert digest.footer_span[1] == len(lines) - 1


@pytest.mark.parametrize("style", NONUMBER_STYLES, ids=repr)
def test_lynx_nonumbers_trending_page_reads_exactly(style: lynx_support.Style) -> None:
    """Each card's thumbnail (``[IMG]`` over ``Submitted by``) and the submitter's avatar
    (``[IMG]`` under it) are read with the card; the footer is the page's end, no card."""
    text = nonumbers(lynx_support.trending(LYNX_CARDS, style, references=False))
    digest = read_every_way(text)
    assert fields(digest) == lynx_expected(LYNX_CARDS, LYNX_CARD_DATES, "vvasilev")
    assert digest.header[-1] == "Trending Papers"
    lines = text.split("\n")
    first, second = digest.papers
    assert lines[first.line - 1] == "[IMG]"  # the first copy's thumbnail
    assert lines[first.end_line - 1].strip() == "GitHub 131 arXiv Page"  # the second copy's
    assert digest.footer_span is not None
    assert lines[digest.footer_span[0] - 1].strip() == "Previous Next"
    assert second.end_line < digest.footer_span[0]


def test_lynx_placeholders_and_logos() -> None:
    assert all(map(plain_lines.is_placeholder, ["[IMG]", "* [IMG]", "[LINK]", "[INLINE]",
                                                 "\u2022 [occ]", "[Hugging Face's logo]"]))
    # A box, a number, a bracket alone, or text after the bracket: no placeholder.
    assert not any(map(plain_lines.is_placeholder, ["[-]", "[12]", "[", "[IMG] x", "IMG"]))
    assert plain_lines.without_logo("[occ] OCC") == "OCC"
    assert plain_lines.without_logo("[occ]") == "[occ]"  # nothing after it: kept
    assert plain_lines.without_logo("OCC [occ]") == "OCC [occ]"
    assert plain_lines.is_card_links("GitHub 131 arXiv Page")
    assert not plain_lines.is_card_links("GitHub 131 and more")



@st.composite
def mutated_nonumbers(draw: st.DrawFn) -> str:
    """A lynx ``-nonumbers`` daily or trending dump with one to six line edits after its
    header (its page title)."""
    style = draw(st.sampled_from(NONUMBER_STYLES))
    if draw(st.booleans()):
        text = lynx_support.trending(LYNX_CARDS, style, references=False)
    else:
        text = lynx_support.page(LYNX_ENTRIES, style, references=False)
    lines = nonumbers(text).split("\n")
    last_header_line = "   Nov 26" if "   Nov 26" in lines else " " * 30 + "Trending Papers"
    first = lines.index(last_header_line) + 1
    return _edited_after(draw, lines, first)


@given(mutated_nonumbers())
def test_damaged_nonumbers_dumps_lose_nothing(text: str) -> None:
    digest = check_lenient(text)
    _check_strict_stops_at_the_first_report(text, digest)
    if digest.dialect == "text-urls":  # edits may leave the head no mark of the 2026 page
        assert_paths_agree(TEXT_URLS, text, REFERENCE)


# -- html2text without links ---------------------------------------------------------------------

#: What html2text keeps of the site's menu and footer with ``ignore_links`` and
#: ``ignore_images``: the items' words, the inline ones run together.
H2T_MENU = ["Hugging Face", "  * Models", "  * Datasets", "  * Docs", "Log In Sign Up"]
H2T_FOOTER = ["Previous12Next", "System theme", "TOSPrivacyAbout"]


def _html2text_wrap(text: str) -> list[str]:
    return _wrap(text, 78)


def html2text_without_links(entries: tuple[Entry, ...] = ENTRIES) -> str:
    """The daily page as ``html2text --ignore-links --ignore-images`` writes it: markdown's
    headings and list bullets without a link or an image, blocks hard-wrapped at 78
    columns, the upvote box a bare count (``-``: none yet), the avatars' empty list items
    on the authors' line, and the comment count's link text run into the date before it
    (``Nov 253``)."""
    blocks = [*H2T_MENU, *PROMO, "# Daily Papers", "## by AK and the research community",
              *(f"  * {label}" for label in SWITCHER), "Trending Papers", PAGE_DATE]
    lines = [line for block in blocks for line in (block, "")]
    for entry in entries:
        who = f"  *   *   * {entry.authors} authors" if entry.authors else entry.organization
        count = str(entry.comments) if entry.comments else ""
        for block in (
            [str(entry.upvotes or "-")],
            _html2text_wrap("### " + entry.title),
            _html2text_wrap(entry.abstract),
            [str(who)],
            ["\u00b7"],
            [entry.date + count],
        ):
            lines += [*block, ""]
    lines += [line for block in H2T_FOOTER for line in (block, "")]
    return "\n".join(lines)


def test_html2text_without_links_reads_every_entry() -> None:
    """Read by the reading without URLs: each entry's fields as written, except that a date
    with its comment count run into it is a ``bad-date`` (``Nov 253`` is Nov 25 and 3, or
    Nov 2 and 53): no date and no count. Every entry here shows a count, so that no bare box
    after a date without one looks like a comment count: the page is told by its authors
    line over ``·`` and such a date line (detected as ``text`` before, with 13 papers)."""
    entries = tuple(attrs.evolve(entry, comments=entry.comments or 2) for entry in ENTRIES)
    text = html2text_without_links(entries)
    lines = text.split("\n")
    assert lines.count("Nov 253") == 1 and "Sep 2, 202465" in lines  # the page as described
    assert detect(_head(text)).name == "text-urls"  # type: ignore[union-attr]
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, lines[d.line - 1]) for d in digest.diagnostics] == [
        ("bad-date", entry.date + str(entry.comments)) for entry in entries
    ]
    assert fields(digest) == [card | {"date": None, "votes": None} for card in expected()]
    assert digest.page_date == datetime.date(2026, 11, 25)
    assert digest.footer_span is not None
    assert lines[digest.footer_span[0] - 1] == "Previous12Next"
    assert uncovered_lines(text, digest) == []
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("bad-date", digest.diagnostics[0].line)
    assert_paths_agree(TEXT_URLS, text, TODAY)


def test_html2text_without_links_where_some_dates_show_no_count() -> None:
    """A date that shows no count reads (``Nov 24``: votes 0)."""
    text = html2text_without_links()
    lines = text.split("\n")
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, lines[d.line - 1]) for d in digest.diagnostics] == [
        ("bad-date", entry.date + str(entry.comments)) for entry in ENTRIES if entry.comments
    ]
    assert fields(digest) == [
        card | ({"date": None, "votes": None} if entry.comments else {})
        for entry, card in zip(ENTRIES, expected(), strict=True)
    ]
    assert uncovered_lines(text, digest) == []


def test_html2text_without_links_and_without_counts_reads_exactly() -> None:
    """Where no entry shows a comment count, no date has one run into it: every field reads,
    with no diagnostic."""
    entries = tuple(attrs.evolve(entry, comments=0) for entry in ENTRIES)
    digest = read_every_way(html2text_without_links(entries))
    assert fields(digest) == [card | {"votes": 0} for card in expected()]


@pytest.mark.parametrize("blanks", ["every", "none"])
@pytest.mark.parametrize("spaces", [" ", "  "])
def test_a_trending_lead_in_on_one_line(blanks: str, spaces: str) -> None:
    """html2text writes ``Submitted by``, the avatar and the name inline: without images,
    ``Submitted by  vvasilev`` (the avatar's place left blank). The name is the submitter."""
    joiner = "\n\n" if blanks == "every" else "\n"
    text = trending_page(blanks)
    for name in SUBMITTERS:
        text = text.replace(f"Submitted by{joiner}{name}\n", f"Submitted by{spaces}{name}\n")
    assert "Submitted by\n" not in text
    digest = read_every_way(text)
    assert [paper.submitted_by for paper in digest.papers] == list(SUBMITTERS)
    lines = text.split("\n")
    assert lines[digest.papers[0].line - 1] == f"Submitted by{spaces}{SUBMITTERS[0]}"


def test_a_one_line_lead_in_with_no_card_after_it_is_junk() -> None:
    """``Submitted by`` and a name over no card is no lead-in; nor are words after it that
    are no user name."""
    text = trending_page("none")
    lines = text.split("\n")
    at = lines.index("Submitted by", lines.index(TRENDING[0].title))  # the second copy's
    lines[at : at + 2] = ["Submitted by two words"]
    broken = "\n".join(lines)
    digest = digestparse.parse(broken, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics][:1] == [("junk", at + 1)]
    assert uncovered_lines(broken, digest) == []
    assert plain_lines.submitter_on_line("Submitted by  vvasilev") == "vvasilev"
    assert plain_lines.submitter_on_line("Submitted by") is None
    assert plain_lines.submitter_on_line("Submitted by two words") is None
    assert plain_lines.submitter_on_line("Submitted byvvasilev") is None


@pytest.mark.parametrize("blanks", BLANKS)
def test_a_title_that_reads_like_a_one_line_lead_in_is_the_title(blanks: str) -> None:
    """A box-less daily page whose title is ``Submitted by Humans`` over an organization's
    entry: the line starts its own card, so it is the title, not a lead-in (as a lead-in,
    the abstract was taken for the title and the organization for the abstract)."""
    entries = (ENTRIES[0], attrs.evolve(ENTRIES[1], title="Submitted by Humans"))
    digest = read_every_way(page(entries, box="none", blanks=blanks))
    assert fields(digest) == [
        card | {"upvotes": None, "title": entry.title}
        for entry, card in zip(entries, expected(ENTRIES[:2]), strict=True)
    ]


@st.composite
def mutated_html2text_page(draw: st.DrawFn) -> str:
    """The html2text page without links, w3m's page, or the trending page with one-line
    lead-ins, with one to six line edits after its header."""
    kind = draw(st.sampled_from(["html2text", "w3m", "trending"]))
    if kind == "html2text":
        lines = html2text_without_links().split("\n")
        first = lines.index(PAGE_DATE) + 1
    elif kind == "w3m":
        lines = w3m_page().split("\n")
        first = lines.index(f" {PAGE_DATE} ") + 1
    else:
        text = trending_page("none")
        for name in SUBMITTERS:
            text = text.replace(f"Submitted by\n{name}\n", f"Submitted by  {name}\n")
        lines = text.split("\n")
        first = lines.index("and the research community") + 1
    return _edited_after(draw, lines, first)


@given(mutated_html2text_page())
def test_damaged_html2text_pages_lose_nothing(text: str) -> None:
    digest = check_lenient(text)
    _check_strict_stops_at_the_first_report(text, digest)
    if digest.dialect == "text-urls":
        assert_paths_agree(TEXT_URLS, text, REFERENCE)


# -- w3m -------------------------------------------------------------------------------------------

#: w3m's header of the daily page: the logo's alt text run into the site's name, the menu and
#: the switcher as ``•`` items, the byline's image as its file name in brackets.
W3M_HEADER = [
    "Hugging Face's logoHugging Face", "", "  \u2022 Models", "  \u2022 Docs", "", "Log In Sign Up",
    "new", "", "Get trending papers in your email inbox once a day!", "",
    "Get trending papers in your email inbox!", "", "Subscribe", "", "Daily Papers", "",
    "by [papers-by]AK and the research community", "", *(f"  \u2022 {s}" for s in SWITCHER),
    "", "Trending Papers", f" {PAGE_DATE} ",
]


#: w3m's avatars as the starts of real avatars' file names (10 characters at most): an md5
#: hash (``/avatars/1515b197a71d150ddecaf7cd109ac84e.svg``, capture 03) or an upload's
#: number (``uploads/1672164046414-624b4a96….png``), often starting with a digit.
W3M_HASHED_AVATARS = ("1515b197a7", "1672164046", "e94debf286")


def w3m_page(entries: tuple[Entry, ...] = ENTRIES, *, glued: bool = False,
             avatars: tuple[str, ...] = ("a0", "a1", "a2")) -> str:
    """The daily page as ``w3m -dump`` writes it where the comment count is a block of its
    own: each card's thumbnail as the start of its file name in brackets (``[2611]``: w3m
    shows an image without alt text so), a line of one blank, the box a bare count, the
    title and abstract wrapped at 80 columns, the avatars as bracketed names over
    ``• 3 authors``, then ``·``, the date and the count with no blank line between them
    (``glued``: the count's link inline after the date, run into it: ``Nov 253``)."""
    lines = list(W3M_HEADER)
    for entry in entries:
        lines += ["[2611]", " ", str(entry.upvotes or "-"), "", *_wrap(entry.title, 80), "",
                  *_wrap(entry.abstract, 80), ""]
        if entry.authors:
            lines += [" ", "", *(f"  \u2022 [{name}]" for name in avatars[: entry.authors]),
                      f"  \u2022 {entry.authors} author{'s' if entry.authors != 1 else ''}", ""]
        else:
            lines.append(str(entry.organization))
        lines += ["\u00b7", entry.date]
        if entry.comments and glued:
            lines[-1] += str(entry.comments)
        elif entry.comments:
            lines.append(str(entry.comments))
    lines += ["PreviousNext", "", "System theme", "", "TOSPrivacyAbout"]
    return "\n".join(lines) + "\n"


#: More trending cards, of other months than LYNX_CARDS' (each card's thumbnail is its
#: month's ``[2412]``), so that the page's thumbnails grow somewhere as lynx's numbers do.
W3M_CARDS = (
    *LYNX_CARDS,
    Entry("2609.03456", "UniMate: One Unified Model", "Unified models for mates.", 22,
          "Sep 4, 2026", organization="Princeton University"),
    Entry("2510.04567", "Agent Lightning", "Train any agent.", 92, "Oct 3, 2025", authors=8),
)
W3M_CARD_DATES = (*LYNX_CARD_DATES, "2026-09-04", "2025-10-03")


def w3m_trending(cards: tuple[Entry, ...], *, elinks: bool = False) -> str:
    """The trending page as ``w3m -dump`` writes it (``elinks``: as ``elinks -dump
    -no-numbering`` does, its images left out): each card twice, its thumbnail as its
    month (``[2412]``), the submitter's avatar as its file name's start, the button's
    ``Upvote`` over its count and the card's links on one line."""
    lines = ["Hugging Face's logoHugging Face", "", *PROMO, "", "Trending Papers", "",
             "by [papers-by]AK and the research community", "", "Trending Papers", ""]
    for card in cards:
        for copy in (1, 2):
            date = f"Published on {card.date}" if copy == 1 else card.date
            lines.append("[IMG]" if elinks else f"[{card.paper_id[:4]}]")
            avatar = "" if elinks else " [b86183113f]"
            lines += [f"Submitted by{avatar} vvasilev", "", *_wrap(card.title, 80), "",
                      *_wrap(card.abstract, 80), ""]
            if card.organization:
                lines.append(f"{card.organization} \u00b7 {date}")
            else:
                bullet = "\u2022\u00a0" if elinks else "\u2022 "
                avatars = [] if elinks else [f"  {bullet}[a6e745b48d]"] * card.avatars
                lines += [*avatars, f"  {bullet}{card.authors} authors", "", f"\u00b7 {date}"]
            lines += ["Upvote", str(card.upvotes or "-"), "GitHub 131 arXiv Page"]
    lines += ["Previous Next", "", "System theme"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("elinks", [False, True])
def test_the_trending_page_as_w3m_and_elinks_write_it(elinks: bool) -> None:
    """Read without URLs. The thumbnails (``[2412]``, twice over each card, of several
    months) are no lynx link numbers, which never repeat (the page was taken for lynx's
    notation, with no paper); the button's ``Upvote`` over its count over the card's links
    on one line is the trending card's mark (it was read as the seeds' text, with invented
    papers)."""
    text = w3m_trending(W3M_CARDS, elinks=elinks)
    assert ("[2611]\nSubmitted by" in text) != elinks and "GitHub 131 arXiv Page" in text
    digest = read_every_way(text)
    assert digest.dialect == "text-urls"
    assert fields(digest) == lynx_expected(W3M_CARDS, W3M_CARD_DATES, "vvasilev")


@pytest.mark.parametrize("start", ["whole", "cut"])
def test_citations_in_w3m_abstracts_are_no_lynx_numbers(start: str) -> None:
    """Citations in brackets inside abstracts (``low latency [3], but``) are no lynx link
    numbers (only a list item's inner mark is, ``* [2]Models``), and w3m's ``• 3 authors``
    lines are no sign of a numbered dump (lynx's own bullet is ``*``): the page, whole or
    from ``Daily Papers`` on, stays w3m's (read as lynx's, every paper lost)."""
    text = w3m_page()
    if start == "cut":
        text = text[text.index("Daily Papers\n") :]
    for number, entry in zip((3, 7, 12), ENTRIES, strict=False):
        first = _wrap(entry.abstract, 80)[0]  # the abstract's first line, as w3m wraps it
        words = first.split(" ")
        cited = " ".join([*words[:1], f"[{number}]", *words[1:]])
        assert f"\n{first}\n" in text
        text = text.replace(f"\n{first}\n", f"\n{cited}\n", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert digest.dialect == "text-urls"
    assert [paper.title for paper in digest.papers] == [entry.title for entry in ENTRIES]
    assert "[3]" in digest.papers[0].abstract


def test_the_daily_page_as_w3m_writes_it() -> None:
    """Read without URLs. The thumbnails ``[2611]`` are images (the same bracketed number
    over every card: no lynx link number, which grows); a comment count is told from the
    next entry's bare box by the box and title after the thumbnail. Detected as lynx's
    notation before, with no paper."""
    text = w3m_page()
    assert text.count("[2611]") == len(ENTRIES)
    assert detect(_head(text)).name == "text-urls"  # type: ignore[union-attr]
    digest = read_every_way(text)
    assert fields(digest) == expected(box="bare")
    lines = text.split("\n")
    assert lines[digest.papers[0].line - 1] == "[2611]"


@pytest.mark.parametrize("repeat", [4, 8, 12])
def test_the_daily_page_as_w3m_writes_it_with_abstracts_of_real_length(repeat: int) -> None:
    """A real abstract runs 15 to 25 lines at 80 columns. The detector looked for an entry's
    ``·`` only 12 lines past its box, so a page whose abstracts were all longer than about
    eight lines was no page without URLs: detected as ``text``, its byline and thumbnails
    read as papers."""
    entries = tuple(attrs.evolve(entry, abstract=" ".join([entry.abstract] * repeat))
                    for entry in ENTRIES)
    text = w3m_page(entries)
    for entry in entries:  # the count after the date and a blank, as w3m writes it
        if entry.comments:
            apart = f"\n{entry.date}\n{entry.comments}\n"
            assert apart in text
            text = text.replace(apart, f"\n{entry.date} {entry.comments}\n", 1)
    assert min(len(_wrap(entry.abstract, 80)) for entry in entries) >= 2 * repeat
    assert detect(_head(text)).name == "text-urls"  # type: ignore[union-attr]
    digest = read_every_way(text)
    want = expected(box="bare")
    for card, entry in zip(want, entries, strict=True):
        card["abstract"] = entry.abstract
    assert fields(digest) == want


@pytest.mark.parametrize("url", ["https://huggingface.co/made-up/model.",
                                 "https://huggingface.co/papers/2401.00001"])
def test_a_site_url_wrapped_to_the_start_of_an_abstracts_line_is_text(url: str) -> None:
    """A tool that kept no link can wrap an abstract's own URL onto a line of its own, glued
    to the text above it. That line of the site made the capture read as one that keeps its
    links (each URL on a line after its label), which read no paper at all."""
    first = attrs.evolve(ENTRIES[0], abstract=ENTRIES[0].abstract + " Weights: " + url)
    entries = (first, *ENTRIES[1:])
    text = w3m_page(entries)
    assert f" {url}" in text
    text = text.replace(f" {url}", f"\n{url}", 1)
    digest = read_every_way(text)
    want = expected(box="bare")
    want[0]["abstract"] = first.abstract
    assert fields(digest) == want


def test_w3ms_avatars_named_by_a_hash_that_starts_with_a_digit() -> None:
    """An avatar whose file name starts with a digit (``• [1515b197a7]``) is an avatar too,
    not abstract text (it was run silently into the abstract) or an invented paper's title."""
    text = w3m_page(avatars=W3M_HASHED_AVATARS)
    assert "\u2022 [1672164046]" in text
    digest = read_every_way(text)
    assert fields(digest) == expected(box="bare")
    assert not any("[" in paper.abstract for paper in digest.papers)


@pytest.mark.parametrize("gap", ["", " "])
@pytest.mark.parametrize("blanks", BLANKS)
def test_a_logos_alt_text_before_an_organizations_name(blanks: str, gap: str) -> None:
    """Text browsers write the logo's alt text, the organization's handle, before its name:
    bare (``madeup-lab Made-up Lab``: lynx, and w3m where the page puts a blank there) or
    glued to it (``madeup-labMade-up Lab``: w3m, links and elinks where it puts none, as
    capture 03's markup does). It is no part of the name where, letters and digits only,
    the name starts with it (glued: at a capital letter or digit), or where it is written
    in lower case before a capital (``acme-ai University of X``). A handle in capitals that
    is no start of the name (``UNIX University of X``, the seeds' ``LAMDA-NeSy NJU-IRP``)
    cannot be told from a name and is kept. (The page here starts at its menu's second
    item: how its tool writes images is not known. The site's name alone, ``Hugging
    Face``, its logo without the alt, would say it writes none.)"""
    for handle, kept in (("acme-ai", ""), ("UNIX", f"UNIX{gap}")):
        text = page(blanks=blanks).split("\n", 1)[1]
        text = text.replace("\nMade-up Lab\n", f"\nmadeup-lab{gap}Made-up Lab\n")
        text = text.replace(
            "\nUniversity of X, Lab Y\n", f"\n{handle}{gap}University of X, Lab Y\n")
        assert f"madeup-lab{gap}Made-up Lab" in text and f"{handle}{gap}University" in text
        digest = read_every_way(text)
        assert [paper.organization for paper in digest.papers if paper.organization] == [
            "Made-up Lab", f"{kept}University of X, Lab Y"]


def test_the_rules_that_tell_a_logos_alt_text_from_a_name() -> None:
    bare, glued = grammar.without_bare_logo_alt, grammar.without_unknown_glued_alt
    assert bare("kandinskylab Kandinsky Lab") == "Kandinsky Lab"
    assert bare("occ-ai OCC") == "OCC"  # the handle starts with the name
    # A handle is ASCII: a Latin letter without its accent, as German writes an umlaut, or
    # left out; no handle spells another script's letter.
    for shown, name in (("ETHZurich ETH Zürich", "ETH Zürich"), ("Zrich Zürich", "Zürich"),
                        ("TUMuenchen TU München", "TU München"),
                        ("Kobenhavn København", "København")):
        assert bare(shown) == name, shown
    for name in ("AI Lab 腾讯AI Lab", "Qwen 通义Qwen", "AI 업스테이지 AI", "AI Институт AIRI"):
        assert bare(name) == name, name
    assert bare("Edge0 Edge0") == "Edge0"
    assert glued("occ-aiOCC") == "OCC"
    assert glued("nvidiaNVIDIA") == "NVIDIA"
    assert glued("deepseek-aiDeepSeek") == "DeepSeek"
    assert glued("01-ai01.AI") == "01.AI"  # before a digit too
    assert glued("360ai360 AI") == "360 AI"
    for name in ("Edge0", "LAMDA-NeSy NJU-IRP", "Meta AI", "Kandinsky Lab"):
        assert bare(name) == name
    # a handle is one word: two words that the name's last word starts are no alt
    assert bare("nyu-visionx VISIONx @ NYU") == "nyu-visionx VISIONx @ NYU"
    unknown = grammar.without_unknown_logo_alt
    # a handle in lower case before a capital, bare or glued, and a handle that starts as
    # the name does for half its characters and four at least
    for shown, name in (
        ("facebook AI at Meta", "AI at Meta"), ("facebookAI at Meta", "AI at Meta"),
        ("allenai Ai2", "Ai2"), ("allenaiAi2", "Ai2"), ("sail Sea AI Lab", "Sea AI Lab"),
        ("nyu-visionx VISIONx @ NYU", "VISIONx @ NYU"), ("umass University", "University"),
        ("HuggingFaceTB Hugging Face Smol", "Hugging Face Smol"),
        ("Mininglamp-2718 Mininglamp Technology", "Mininglamp Technology"),
        ("occ-aiOCC", "OCC"), ("kandinskylab Kandinsky Lab", "Kandinsky Lab"),
        # a handle in lower case glued to the camel-case name it spells, longer or shorter
        ("inclusionaiinclusionAI", "inclusionAI"), ("inclusionai_labinclusionAI", "inclusionAI"),
        ("inclusioninclusionAI Group", "inclusionAI Group"),
    ):
        assert unknown(shown) == name, shown
    # kept: capitals unlike the name's start, a lower-case name, two characters, no capital
    # after the first word, a start shared for less than half the handle or four characters
    for name in ("THUDM Knowledge Engineering Group", "KwaiVGI Kuaishou", "MIT CSAIL",
                 "rednote hilab", "ai Lab", "de Gruyter", "deepseek research", "UNIX University",
                 "Metamorph Labs", "QwenQwen", "LAMDA-NeSy NJU-IRP", "IBM Research",
                 "x AI Lab", "2077 AI", "fastai", "and Computer Sciences", "for Information"):
        assert unknown(name) == name, name
    # a handle in capitals that spells the name's initials, bare or glued: each capital
    # word's (a part after ``-`` too), maybe a lower-case word's, not a leading ``The``
    for shown, name in (
        ("BAAI Beijing Academy of Artificial Intelligence",
         "Beijing Academy of Artificial Intelligence"),
        ("BAAIBeijing Academy of Artificial Intelligence",
         "Beijing Academy of Artificial Intelligence"),
        ("MBZUAI Mohamed bin Zayed University of Artificial Intelligence",
         "Mohamed bin Zayed University of Artificial Intelligence"),
        ("USTC University of Science and Technology of China",
         "University of Science and Technology of China"),
        ("CUHKThe Chinese University of Hong Kong", "The Chinese University of Hong Kong"),
        ("SYSU Sun Yat-sen University", "Sun Yat-sen University"),
    ):
        assert unknown(shown) == name, shown
    # kept: initials that leave a capital word out, or take one the name lacks, two letters,
    # a word with more than capitals, a glued word whose capitals are no initials
    for name in ("ZJU Zhejiang University", "BAI Beijing Academy of Artificial Intelligence",
                 "BAAIX Beijing Academy of Artificial Intelligence", "AI Artificial Intelligence",
                 "AI2 Allen Institute", "ABCDef Ghi", "NVIDIANVIDIA Research", "MIT CSAIL",
                 "KEG Knowledge Group"):
        assert unknown(name) == name, name
    assert grammar.without_glued_logo_alt("KAUSTKing Abdullah University of Science and "
                                          "Technology", "KAUST") == (
        "King Abdullah University of Science and Technology")
    # a name's words are looked at up to a bound: a long line costs a linear split only
    long = "ABC" + " Alpha beta" * 10_000
    assert unknown(long) == long
    # where the capture writes every image's alt (the site's logo at its top says so)
    assert grammar.logo_alts_shown("Hugging Face's logoHugging Face") == grammar.GLUED
    assert grammar.logo_alts_shown("Hugging Face's logo Hugging Face") == grammar.BARE
    for line in ("[Hugging Face's logo] Hugging Face", "Hugging Face", "Hugging Face's logo"):
        assert grammar.logo_alts_shown(line) is None
    for shown, alts, name in (
        ("QwenQwen", grammar.GLUED, "Qwen"),
        ("CarnegieMellonUCarnegie Mellon University", grammar.GLUED,
         "Carnegie Mellon University"),
        ("KwaiVGI Kuaishou Visual", grammar.BARE, "Kuaishou Visual"),
        ("Org-2718 Some Lab", grammar.BARE, "Some Lab"),
        # kept: a handle in capitals, as a name may start; a card whose logo lost its alt
        ("THUDMKnowledge Engineering Group", grammar.GLUED, "THUDMKnowledge Engineering Group"),
        ("THUDM Knowledge Engineering Group", grammar.BARE, "THUDM Knowledge Engineering Group"),
        ("Kandinsky Lab", grammar.BARE, "Kandinsky Lab"),
        ("PaddlePaddle", grammar.BARE, "PaddlePaddle"),
        ("on Oct 4, 2026", grammar.BARE, "on Oct 4, 2026"),
    ):
        assert unknown(shown, alts_written=alts) == name, shown
        assert unknown(shown) == shown  # not told without that evidence
    # a name that repeats itself or a start, and so a handle written as a name (``QwenQwen``)
    for name in ("Kakao Brain", "AIDC-AI", "XiaomiMiMo", "MMMU", "NVIDIA", "QwenLM", "Qwen2",
                 "PaddlePaddle", "DiDi", "Seq2Seq", "Pix2Pix", "QwenQwen",
                 "CarnegieMellonUCarnegie Mellon University"):
        assert glued(name) == name


@pytest.mark.parametrize("blanks", ["every", "none"])
def test_trending_cards_as_text_browsers_run_their_blocks_together(blanks: str) -> None:
    """lynx runs the upvote button's two blocks together (``Upvote117``); w3m writes the
    submitter's avatar as its file name in brackets on the lead-in's line (``Submitted by
    [vvasilev] vvasilev``). Both read as the blocks apart do (the button was junk, the
    lead-in lost its name)."""
    joiner = "\n\n" if blanks == "every" else "\n"
    text = trending_page(blanks)
    for entry in TRENDING:
        count = str(entry.upvotes or "-")
        text = text.replace(f"Upvote{joiner}{count}\n", f"Upvote{count}\n")
    for name in SUBMITTERS:
        text = text.replace(f"Submitted by{joiner}{name}\n", f"Submitted by [{name}] {name}\n")
    assert f"Upvote{TRENDING[0].upvotes}\n" in text and "Submitted by [vvasilev] vvasilev" in text
    digest = read_every_way(text)
    want = [
        card | {"votes": 0, "submitted_by": SUBMITTERS[at]}
        for at, card in enumerate(expected(TRENDING))
    ]
    assert fields(digest) == want
    assert plain_lines.box_value("Upvote117") == 117
    assert plain_lines.box_value("Upvote-") == 0
    assert plain_lines.box_value("Upvoted") is None


@pytest.mark.parametrize("blanks", ["every", "none"])
def test_w3ms_lead_in_with_its_name_on_the_next_line_or_lost(blanks: str) -> None:
    """w3m's lead-in with the avatar but no name on its line (``Submitted by [vvasilev]``):
    the name is the next line's, as under ``Submitted by`` alone; where it is lost (in both
    copies of the card), the card is read with ``missing-submitter`` in each copy. It was
    junk, and the card's first copy was lost into it."""
    joiner = "\n\n" if blanks == "every" else "\n"
    first, second = SUBMITTERS[0], SUBMITTERS[1]
    text = trending_page(blanks).replace(
        f"Submitted by{joiner}{first}\n", f"Submitted by [{first}]{joiner}{first}\n"
    )
    assert text.count(f"Submitted by [{first}]{joiner}{first}\n") == 2
    want = [card | {"votes": 0, "submitted_by": SUBMITTERS[at]}
            for at, card in enumerate(expected(TRENDING))]
    assert fields(read_every_way(text)) == want

    lost = text.replace(f"Submitted by{joiner}{second}\n", f"Submitted by [{second}]\n")
    lines = lost.split("\n")
    leads = [at + 1 for at, line in enumerate(lines) if line == f"Submitted by [{second}]"]
    assert len(leads) == 2
    # Each report stands on the line after the lead-in: where the name should be.
    after = [at + 1 + (1 if blanks == "every" else 0) for at in leads]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(lost, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("missing-submitter", after[0])
    digest = digestparse.parse(lost, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("missing-submitter", line) for line in after
    ]
    want[1] = want[1] | {"submitted_by": None}
    assert fields(digest) == want
    assert uncovered_lines(lost, digest) == []


@pytest.mark.parametrize("blanks", BLANKS)
def test_bullets_with_a_no_break_space(blanks: str) -> None:
    """elinks writes a list item's bullet and a no-break space (``•\\u00a0 3 authors``, its
    avatars ``•\\u00a0[IMG]``): the authors line as with a space (it was missing-authors,
    the line taken into the abstract)."""
    text = page(bullet="\u2022\u00a0", blanks=blanks)
    assert "\u2022\u00a03 authors" in text
    digest = read_every_way(text)
    assert fields(digest) == expected()
    assert plain_lines.is_placeholder("\u2022\u00a0[IMG]")


def test_elinks_references_without_numbers_are_the_pages_end() -> None:
    """``elinks -dump -no-numbering`` lists the page's links at its end as ``. https://…``
    under ``References`` / ``Visible links``: the page's end (they were junk)."""
    body = page(blanks="every")
    text = body + "\nReferences\n\n   Visible links\n" + "".join(
        f"   . https://huggingface.co/papers/2611.0{k}\n" for k in range(5))
    digest = read_every_way(text)
    assert fields(digest) == expected()
    lines = text.split("\n")
    assert digest.footer_span is not None
    assert lines[digest.footer_span[1] - 1] == "   . https://huggingface.co/papers/2611.04"


def test_w3m_with_counts_run_into_dates_is_read_not_invented() -> None:
    """Where every date has its count run into it (``Nov 253``) and the authors lines are
    ``• N authors`` as the seeds write them, the thumbnail placeholder over a bare box over
    a title is the mark of the 2026 page (the seeds show no image). Each such date is a
    bad-date; before, the page was read as the seeds' text, with 8 papers from 5."""
    entries = tuple(attrs.evolve(entry, comments=entry.comments or 2) for entry in ENTRIES)
    text = w3m_page(entries, glued=True)
    assert "Nov 253" in text.split("\n")
    assert detect(_head(text)).name == "text-urls"  # type: ignore[union-attr]
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["bad-date"] * len(entries)
    assert fields(digest) == [card | {"date": None, "votes": None} for card in expected(box="bare")]
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(TEXT_URLS, text, TODAY)


@pytest.mark.parametrize("blanks", BLANKS)
@pytest.mark.parametrize("start", ["[CLS]tokens", "[CLS] tokens", "[x]Another"])
def test_an_abstract_starting_with_a_bracket_over_an_organization_stays_the_abstract(
    blanks: str, start: str
) -> None:
    """A bracketed word glued to the abstract's start is no logo: the organization's name
    is the line above the ``·`` only (inscriptis' glued logo ``[occ-ai]OCC`` is taken off
    a name, but tells nothing of where the name starts)."""
    organized = ENTRIES[1]
    abstract = f"{start} are all you need: " + ABSTRACT
    entries = (ENTRIES[0], attrs.evolve(organized, abstract=abstract), *ENTRIES[2:])
    digest = read_every_way(page(entries, blanks=blanks))
    assert fields(digest) == [
        {**paper, "abstract": abstract} if number == 1 else paper
        for number, paper in enumerate(expected())
    ]


def test_a_seed_whose_abstract_is_an_empty_image_stays_a_seed() -> None:
    """pandoc's avatar ``- []`` over ``- 5 authors`` marks the 2026 page; a seed's authors
    line is ``• 3 authors``, so a seed whose abstract reads ``- []`` is still a seed."""
    seed = SEEDS[0]
    lines = seed.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  \u2022 ")) - 2
    assert lines[at + 1] == ""
    lines[at] = "- []"
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert digest.dialect == "text"
    assert digest.diagnostics == ()
    assert "- []" in [paper.abstract for paper in digest.papers]


def test_a_seed_of_two_entries_whose_first_title_is_a_number_stays_a_seed() -> None:
    """A number under the page's date is the first card's upvote box where the 2026 header
    stands over the date (the ``Trending Papers`` tab, the switcher: ``few_cards/`` of the
    tool outputs); under the seeds' byline it is a damaged seed's first title (a bare count
    is no title), reported as the seeds' dialect reports it, not read as a box."""
    lines = [
        *CANONICAL_HEADER, "Dec 12", "2048", "We study the game with reinforcement learning.",
        "\u00b7", "Nov 3", "Second Paper Title", "Second abstract text here.", "\u00b7",
        "Oct 2, 2023",
    ]
    digest = digestparse.parse("\n\n".join(lines), reference_date=REFERENCE)
    assert digest.dialect == "text"
    assert len(digest.papers) == 2 and digest.diagnostics[0].code == "junk"


def test_a_seed_with_one_stray_box_stays_a_seed_and_reports_it() -> None:
    """One upvote box over a title where the head shows more entries is a damaged seed's
    stray line: the seed stays ``text`` and the line is reported (as text-urls, the seed
    read with no report, strict mode too)."""
    lines = SEEDS[0].split("\n")
    separator = lines.index("\u00b7")
    title = separator + 3  # the ``·``, the date line, a blank line, the next title
    assert lines[title - 1] == "" and lines[title]
    lines[title:title] = [" [-] 12", ""]
    text = "\n".join(lines)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert digest.dialect == "text"
    assert [(d.code, d.line) for d in digest.diagnostics][:2] == [
        ("leading-whitespace", title + 1), ("junk", title + 1)]
    assert [paper.title for paper in digest.papers] == [
        paper.title for paper in digestparse.parse(SEEDS[0], reference_date=REFERENCE).papers]
    with pytest.raises(digestparse.ParseError):
        digestparse.parse(text, mode="strict", reference_date=REFERENCE)


@pytest.mark.parametrize("field", ["title", "abstract"])
def test_a_two_entry_page_whose_second_entry_starts_with_a_bracket_is_text_urls(
    field: str,
) -> None:
    """Both entries boxed: a title or abstract that starts with a bracket (``[Re] …``,
    ``[CLS] …``) shows no link markup of a tool that kept URLs, and the page is read as
    the no-URL page it is (the box mark counts boxes against the head's entries)."""
    first = attrs.evolve(ENTRIES[0], comments=0, organization=None, authors=3)
    second = attrs.evolve(ENTRIES[1], organization=None, authors=2)
    second = attrs.evolve(second, **{field: "[Re] " + getattr(second, field)})
    text = page((first, second), kind="search", bullet="\u2022 ", blanks="none")
    assert "\n3\n" not in text  # no comment count: the box is the page's one mark
    digest = read_every_way(text)
    assert [(paper.title, paper.abstract, paper.upvotes, paper.author_count)
            for paper in digest.papers] == [
        (entry.title, entry.abstract, entry.upvotes, entry.authors) for entry in (first, second)]


_SIAT = "Shenzhen Institutes of Advanced Technology, Chinese Academy of Sciences"


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("trending.pandoc_plain.txt", "[kandinskylab] Kandinsky Lab · ",
         "[siat] Shenzhen Institutes of Advanced Technology, Chinese Academy of\nSciences · "),
        ("daily.pandoc_plain.txt", "[umass]University of Massachusetts Amherst\n",
         "[siat]Shenzhen Institutes of Advanced Technology, Chinese Academy of\nSciences\n"),
    ],
)
def test_pandoc_wraps_a_long_organization_with_its_logo(name: str, old: str, new: str) -> None:
    """pandoc wraps a name at 72 columns, after its logo's alt, spaced or glued: the lines
    from the logo on are the name (at most 100 characters, without the alt and the date)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    assert old in text
    digest = digestparse.parse(text.replace(old, new), reference_date=TOOLS_REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    organizations = [paper.organization for paper in before.papers]
    replaced = old.split("]", 1)[1].split(" \u00b7")[0].strip()
    organizations = [_SIAT if name == replaced else name for name in organizations]
    assert [paper.organization for paper in digest.papers] == organizations
    assert [paper.abstract for paper in digest.papers] == [
        paper.abstract for paper in before.papers]


_KANDINSKY_WRAPPED = (
    "kandinskylab Kandinsky Lab for Generative Video Research and Audio\n   Synthesis"
)


@pytest.mark.parametrize(
    ("published", "dated"),
    [
        (" \u00b7 Published on Oct 4, 2026", " \u00b7 Oct 4, 2026"),
        (" \u00b7 Published on Oct\n   4, 2026", " \u00b7 Oct 4,\n   2026"),
        (" \u00b7 Published\n   on Oct 4, 2026", " \u00b7 Oct\n   4, 2026"),
        (" \u00b7\n   Published on Oct 4, 2026", " \u00b7\n   Oct 4, 2026"),
    ],
)
def test_links_wraps_a_long_organization_without_brackets(published: str, dated: str) -> None:
    """links (and elinks, w3m) wraps a long name after any word, and the date after it
    anywhere: the lines after the abstract's blank line are the name, where the date
    (whole, or wrapped onto the next line) follows its last (as the tools write names
    of 60 to 90 characters, ``long_names/`` holding shorter ones)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / "trending.links.txt").read_text("utf-8")
    name = "kandinskylab Kandinsky Lab"
    copies = [(" \u00b7 Published on Oct 4, 2026", published), (" \u00b7 Oct 4, 2026", dated)]
    for old, new in copies:
        assert text.count(name + old) == 1
        text = text.replace(name + old, _KANDINSKY_WRAPPED + new)
    digest = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert uncovered_lines(text, digest) == []
    first = digest.papers[0]
    assert first.organization == "Kandinsky Lab for Generative Video Research and Audio Synthesis"
    assert (first.date, first.upvotes, len(digest.papers)) == (datetime.date(2026, 10, 4), 117, 6)
    assert_paths_agree(TEXT_URLS, text, TOOLS_REFERENCE)


_HOMES = "deploying such planners on real robots in cluttered homes."


@pytest.mark.parametrize(
    ("name", "organization", "abstract_end"),
    [
        # The name's first word fits after ``… in cluttered homes.``: a new paragraph.
        ("   CarnegieMellonU Carnegie Mellon University Robotics Institute for\n"
         "   Autonomous Field Systems\n",
         "Carnegie Mellon University Robotics Institute for Autonomous Field Systems", _HOMES),
        # ``Institute`` would have fitted on the line above it: no tool of this width wrote
        # these two lines as one paragraph, and only the last is read as the name.
        ("   CarnegieMellonU Carnegie Mellon University Robotics\n   Institute\n",
         "Institute", _HOMES + " CarnegieMellonU Carnegie Mellon University Robotics"),
        # The abstract's last line too long for the first word to have fitted: the logo's
        # alt text before the name it starts tells the name's first line.
        ("   CarnegieMellonU Carnegie Mellon University Robotics Institute for\n"
         "   Autonomous Field Systems\n",
         "Carnegie Mellon University Robotics Institute for Autonomous Field Systems",
         _HOMES[:-1] + " and in busy warehouses."),
    ],
)
def test_lynx_wraps_a_long_organization_right_under_the_abstract(
    name: str, organization: str, abstract_end: str
) -> None:
    """``lynx -dump -nonumbers`` writes no blank line between the abstract and the name: a
    line is the name's first where its first word would have fitted after the line above
    (the widest line of the card being no wider than lynx's), or is the logo's alt text
    before the name, and each later line's first word would not have fitted on the line
    above it."""
    tools = Path(__file__).parent / "fixtures" / "tools"
    text = (tools / "daily.lynx_nonumbers.txt").read_text("utf-8")
    old = "   CarnegieMellonU Carnegie Mellon University\n"
    assert text.count(old) == 1
    text = text.replace(old, name)
    if "warehouses" in abstract_end:
        last = "   planners on real robots in cluttered homes.\n"
        text = text.replace(last, last[:-2] + " and in busy warehouses.\n")
    digest = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    card = digest.papers[6]
    assert (card.organization, card.abstract.endswith(abstract_end)) == (organization, True)
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(TEXT_URLS, text, TOOLS_REFERENCE)


@pytest.mark.parametrize("width", [48, 60])
def test_lynx_text_wrapped_again_narrower_keeps_its_names(width: int) -> None:
    """lynx's lines each wrapped again at a narrower width (as a terminal or a mail client
    folds them) are no paragraph filled to one width: short lines stand inside the abstract,
    and the line above a name tells nothing about where it starts. The cards read as lynx
    wrote them: a differential found ``planners on real robots in cluttered homes.
    CarnegieMellonU Carnegie Mellon University`` read as the organization."""
    tools = Path(__file__).parent / "fixtures" / "tools"
    text = (tools / "daily.lynx_nonumbers.txt").read_text("utf-8")
    folded = "\n".join(
        "\n".join(textwrap.wrap(line, width, initial_indent=" " * 3, subsequent_indent=" " * 3,
                               break_long_words=False, break_on_hyphens=False))
        if len(line) > width else line
        for line in text.split("\n")
    )
    assert folded != text
    digest = digestparse.parse(folded, reference_date=TOOLS_REFERENCE)
    original = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    assert [(paper.organization, paper.abstract) for paper in digest.papers] == [
        (paper.organization, paper.abstract) for paper in original.papers
    ]


def test_avatars_run_into_the_authors_line_are_no_wrapped_organization() -> None:
    """w3m's daily page with its last avatar line run into the authors line
    (``• [71b18f6cac]   • 5 authors``): the avatar lines after the abstract's blank line
    were taken for an organization's name wrapped over lines, with no report. The line is
    the authors line with an avatar's item run into it: its count is read, and the lost
    line break is ``bad-authors`` (it was ``missing-authors``, the count lost)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / "daily.w3m_plain.txt").read_text("utf-8")
    old = "  \u2022 [71b18f6cac]\n  \u2022 5 authors\n"
    assert text.count(old) == 1
    line = text[: text.index(old)].count("\n") + 1
    digest = digestparse.parse(
        text.replace(old, "  \u2022 [71b18f6cac]   \u2022 5 authors\n"),
        reference_date=TOOLS_REFERENCE,
    )
    assert digest.papers[0].organization is None
    assert digest.papers[0].author_count == 5
    assert [(d.code, d.line, d.message) for d in digest.diagnostics] == [
        ("bad-authors", line, "malformed authors line: an avatar run into the authors line")]


@pytest.mark.parametrize(("name", "avatar", "blank"), [
    *(
        (name, avatar, blank)
        for name, avatar in [
            ("daily.elinks_nonum.txt", "\u2022 [IMG]"),
            ("daily.links.txt", "* [IMG]"),
            ("daily.pandoc_plain.txt", "- []"),
            ("daily.w3m_plain.txt", "\u2022 [d00af60d43]"),
        ]
        for blank in (" ", "")
    ),
    # lynx -nonumbers writes the avatar as an empty item (``*``): glued with a blank it is
    # html2text's layout of empty items (``*   * 1 authors``), which nothing tells from it.
    ("daily.lynx_nonumbers.txt", "*", ""),
])
def test_an_avatar_run_into_its_one_authors_line_keeps_the_count(
    name: str, avatar: str, blank: str
) -> None:
    """The single-author entry's avatar item glued to its ``1 authors`` line (a lost line
    break) was read as an organization named ``[IMG] * 1 authors``, silently; glued with no
    blank between them (``• [IMG]• 1 authors``, lynx's ``** 1 authors``), too."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if " ".join(line.split()) == avatar
              and lines[i + 1].split()[-2:] == ["1", "authors"])
    following = lines[at + 1] if blank else lines[at + 1].lstrip()
    glued = [*lines[:at], f"{lines[at]}{blank}{following}", *lines[at + 2 :]]
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    digest = digestparse.parse("\n".join(glued), reference_date=TOOLS_REFERENCE)
    fields = [(p.title, p.author_count, p.organization) for p in digest.papers]
    assert fields == [(p.title, p.author_count, p.organization) for p in before.papers]
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-authors", at + 1)]


def test_an_authors_line_with_the_separator_wrapped_onto_it_is_no_organization() -> None:
    """BeautifulSoup's entry whose ``3 authors`` and ``·`` lines are one (``3 authors ·``
    over ``Nov 23``, as a wrap after ``·`` leaves an organization's line) read as an
    organization named ``3 authors``, silently. It is the authors count, as ``Name ·`` over
    the date is the organization."""
    text = (Path(__file__).parent / "fixtures" / "tools" / "daily.bs4_default.txt").read_text(
        "utf-8")
    lines = text.split("\n")
    at = lines.index("3 authors")
    assert lines[at + 1] == "\u00b7" and lines[at + 2] == "Nov 23"
    joined = "\n".join([*lines[:at], "3 authors \u00b7", *lines[at + 2 :]])
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    digest = digestparse.parse(joined, reference_date=TOOLS_REFERENCE)
    assert digest.diagnostics == ()
    assert [(p.title, p.author_count, p.organization, p.date) for p in digest.papers] == [
        (p.title, p.author_count, p.organization, p.date) for p in before.papers]
    (paper,) = [p for p in digest.papers if p.title.startswith("Benchmarks Are Not Enough")]
    assert (paper.author_count, paper.organization) == (3, None)


@pytest.mark.parametrize("name", [
    "trending.elinks_nonum.txt", "trending.htmltext_default.txt", "trending.links.txt",
    "trending.lynx_nonumbers.txt", "trending.w3m_plain.txt", "long_names/trending.links.txt",
    "long_names/trending.lynx_nonumbers.txt", "long_names/trending.w3m_plain.txt",
])
def test_a_trending_upvote_count_that_lost_its_label_is_no_comment_count(name: str) -> None:
    """A trending card's ``Upvote`` over its count, the label lost: the count right after the
    date was read as the card's comment count (``votes`` 117 instead of 0), silently, where
    the date stood on a line of its own (a long organization's name wraps it there). The
    trending page's cards show no comment count: the line is reported (``junk``), and the
    card reads as before (its copy gives the upvotes)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    labels = [i for i, line in enumerate(lines)
              if line.strip() == "Upvote" and lines[i + 1].strip().isdigit()]
    assert len(labels) >= 5
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    for at in labels:
        damaged = "\n".join([*lines[:at], *lines[at + 1 :]])
        digest = digestparse.parse(damaged, reference_date=TOOLS_REFERENCE)
        assert [(p.title, p.votes, p.upvotes, p.date) for p in digest.papers] == [
            (p.title, p.votes, p.upvotes, p.date) for p in before.papers]
        assert ("junk", at + 1) in [(d.code, d.line) for d in digest.diagnostics]


@pytest.mark.parametrize(
    "name", ["trending.htmltext_default.txt", "trending.links_w200.txt", "trending.links.txt"]
)
@pytest.mark.parametrize("copy", [0, 1])
def test_a_trending_lead_in_over_a_card_that_lost_its_authors_is_no_title(
    name: str, copy: int
) -> None:
    """A trending card's copy without its ``8 authors`` line: its lead-in ``Submitted by
    akhaliq`` was read as a title, the title as the abstract and the abstract as the
    organization, with no report. Every trending card starts with its lead-in, so such a
    line is never a title there: the copy is reported, and the other copy gives the card."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    authors = [index for index, line in enumerate(lines) if line.endswith("8 authors")]
    assert len(authors) == 2
    del lines[authors[copy]]
    digest = digestparse.parse("\n".join(lines), reference_date=TOOLS_REFERENCE)
    titles = [paper.title for paper in digest.papers]
    assert not [title for title in titles if title.startswith("Submitted by")]
    assert "Agent Lightning: Train ANY AI Agents with Reinforcement Learning" in titles


@pytest.mark.parametrize(
    "name",
    ["trending.links.txt", "long_names/trending.links.txt", "trending.elinks_nonum_noref.txt"],
)
def test_where_names_stand_apart_a_lost_authors_line_is_reported(name: str) -> None:
    """links and elinks write an organization's name after a blank line and wrap the
    abstract over lines glued together. A card that lost its ``N authors`` line had the
    abstract's last line (``training of AI agents.``) read as its organization, with no
    report. The page's first name sets where names stand: the card is ``missing-authors``
    (at the line after its abstract, or after the avatars elinks writes over the count),
    and every other field reads as before (the other copy gives the count)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    lines = text.split("\n")
    authors = [index for index, line in enumerate(lines) if line.endswith(" authors")]
    assert len(authors) >= 2
    for index in authors:
        cut = lines[:index] + lines[index + 1 :]
        digest = digestparse.parse("\n".join(cut), reference_date=TOOLS_REFERENCE)
        [diagnostic] = digest.diagnostics
        assert diagnostic.code == "missing-authors"
        assert index + 1 <= diagnostic.line <= index + 7
        assert [paper.organization for paper in digest.papers] == [
            paper.organization for paper in before.papers]
        assert [paper.abstract for paper in digest.papers] == [
            paper.abstract for paper in before.papers]


@pytest.mark.parametrize("name", ["daily.links.txt", "daily.w3m_plain.txt"])
def test_a_name_that_lost_its_blank_line_is_still_the_name(name: str) -> None:
    """Where names stand after a blank line, one glued to the abstract's last sentence lost
    that blank line (no other field reads differently for it): it stays the organization,
    with no report, as blank lines carry no meaning in the reading."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    lines = text.split("\n")
    # The blank line between an abstract's last sentence and an organization's name.
    blanks = [
        index for index in range(1, len(lines) - 1)
        if not lines[index].strip() and lines[index - 1].strip().endswith(".")
        and lines[index + 1].strip() and not lines[index + 1].strip().endswith(" authors")
        and "\u00b7" in lines[index + 2]
    ]
    assert blanks
    for index in blanks:
        digest = digestparse.parse(
            "\n".join(lines[:index] + lines[index + 1 :]), reference_date=TOOLS_REFERENCE
        )
        assert digest.diagnostics == ()
        assert [paper.organization for paper in digest.papers] == [
            paper.organization for paper in before.papers]


def test_a_number_under_a_date_that_shows_its_count_is_the_next_cards_box() -> None:
    """A date line that shows its comment count (``Nov 24 6``) has no second one on the
    next line: a number there is the next card's bare box, so the page has boxes and the
    first card, which shows none, lost its own. It was taken for the comment count, over
    the one on the date line (``votes`` 99), with no report."""
    text = "\n".join([
        "Get trending papers in your email inbox once a day!", "Subscribe", "Daily Papers",
        "Daily", "Weekly", "Monthly",
        "Alpha Title", "Alpha abstract.", "3 authors", "\u00b7", "Nov 24 6",
        "99", "Beta Title", "Beta abstract.", "2 authors", "\u00b7", "Nov 23 1",
    ]) + "\n"
    digest = digestparse.parse(text, reference_date=TODAY)
    assert digest.dialect == "text-urls"
    assert [(p.title, p.upvotes, p.votes) for p in digest.papers] == [
        ("Alpha Title", None, 6), ("Beta Title", 99, 1)]
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-upvotes", 7)]
    assert_paths_agree(TEXT_URLS, text, TODAY)


def test_a_seed_before_a_page_without_urls_is_read_with_no_lost_boxes() -> None:
    """A seed dump and then lynx's page without URLs in one file: the seed's first card,
    which shows no box, looked ahead for the page's boxes and found the next capture's, so
    every card of the seed was ``missing-upvotes``. The look stops at a page's title or end,
    and a second page's header leaves its boxes to its own cards."""
    seed = SEEDS[0]
    lynx = (Path(__file__).parent / "fixtures" / "tools" / "daily.lynx_nonumbers.txt").read_text(
        "utf-8")
    for text in (seed + "\n" + lynx, lynx + "\n" + seed):
        digest = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
        assert digest.dialect == "text-urls"
        assert [d.code for d in digest.diagnostics] == ["junk"]


#: Tools that write a blank line between a title and its abstract, and keep no URL.
TITLES_APART_TOOLS = ["daily.links.txt", "daily.w3m_plain.txt", "daily.pandoc_plain.txt",
                      "daily.elinks_nonum.txt", "daily.lynx_nonumbers.txt",
                      "trending.w3m_plain.txt"]


def _titles_over_a_blank(lines: list[str], digest: digestparse.Digest) -> list[int]:
    """The indexes of the one-line titles after the first entry's with a blank line under
    them (the first entry sets where the page's abstracts stand)."""
    found = []
    for paper in digest.papers[1:]:
        for index in range(paper.line - 1, paper.end_line):
            if lines[index].strip() == paper.title:
                if not lines[index + 1].strip() and paper.abstract.startswith(
                        lines[index + 2].strip()):
                    found.append(index)
                break
    return found


@pytest.mark.parametrize("name", TITLES_APART_TOOLS)
def test_where_abstracts_stand_apart_a_lost_title_line_is_reported(name: str) -> None:
    """Where the page's first abstract stands after a blank line under its title, an entry
    that lost its title line had its abstract's first line read as the title with no report
    (strict mode passed the capture). The abstract right under its "title" is now
    ``missing-blank-line`` at that line."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    assert before.diagnostics == ()
    titles = _titles_over_a_blank(lines, before)
    assert len(titles) >= 2
    for index in titles:
        cut = "\n".join(lines[:index] + lines[index + 1 :])
        digest = digestparse.parse(cut, reference_date=TOOLS_REFERENCE)
        found = [(d.code, d.line) for d in digest.diagnostics]
        abstract = list(itertools.takewhile(str.strip, lines[index + 2 :]))
        if any(line.strip().startswith("http") for line in abstract):
            # A URL of the abstract's own, wrapped at a line start (``https://huggingface.co/
            # Qwen and the code at``), splits the lines another way: reported all the same.
            assert any(index < line <= index + 12 for _, line in found), found
        elif len(abstract) == 1:
            # An abstract of one line read as the title: the entry has none.
            assert found == [("missing-abstract", index + 4)]  # at the next line read
        else:
            # The blank line moved up to the title's place: the abstract's second line is
            # right under its first, now read as the title.
            assert ("missing-blank-line", index + 3) in found
        with pytest.raises(digestparse.ParseError):
            digestparse.parse(cut, mode="strict", reference_date=TOOLS_REFERENCE)


@pytest.mark.parametrize("name", TITLES_APART_TOOLS)
def test_where_abstracts_stand_apart_an_abstract_glued_to_its_title_is_reported(
    name: str,
) -> None:
    """The same page with the blank line under one title lost: every field reads as before
    (a title of one line), and the abstract's first line is ``missing-blank-line``."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    for index in _titles_over_a_blank(lines, before):
        cut = "\n".join(lines[: index + 1] + lines[index + 2 :])
        digest = digestparse.parse(cut, reference_date=TOOLS_REFERENCE)
        assert [(d.code, d.line) for d in digest.diagnostics] == [
            ("missing-blank-line", index + 2)]
        assert [(p.title, p.abstract) for p in digest.papers] == [
            (p.title, p.abstract) for p in before.papers]


def test_where_abstracts_stand_under_their_titles_no_blank_line_is_missing() -> None:
    """A browser's copy writes no blank line anywhere, and BeautifulSoup's ``get_text()``
    puts the abstract right under its title: there a title over its abstract is the page's
    layout, not a lost line, and a blank line under a later title is no deviation either
    (tools put them anywhere)."""
    for name in ("daily.bs4_default.txt", "trending.bs4_default.txt"):
        text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
        assert digestparse.parse(text, reference_date=TOOLS_REFERENCE).diagnostics == ()
    copy = "\n".join([
        "Get trending papers in your email inbox once a day!", "Subscribe", "Daily Papers",
        "Daily", "Weekly", "Monthly", "Nov 25",
        "12", "Alpha Title", "Alpha abstract.", "3 authors", "\u00b7", "Nov 24",
        "7", "Beta Title", "", "Beta abstract.", "2 authors", "\u00b7", "Nov 23",
    ]) + "\n"
    digest = digestparse.parse(copy, reference_date=TODAY)
    assert digest.dialect == "text-urls"
    assert [(p.title, p.abstract) for p in digest.papers] == [
        ("Alpha Title", "Alpha abstract."), ("Beta Title", "Beta abstract.")]
    assert digest.diagnostics == ()


@pytest.mark.parametrize(
    ("name", "glued_line"),
    [
        # Two lone avatar bullets and a third glued to a damaged authors line (inscriptis).
        ("daily.inscriptis_default.txt", 88),
        # lynx's list of the page's URLs after its end, two of them on one line.
        ("trending.lynx_nonumbers.txt", 242),
    ],
)
def test_where_abstracts_stand_apart_only_a_box_or_lead_in_makes_glued_lines_an_entry(
    name: str, glued_line: int
) -> None:
    """A title glued to its abstract reads as a title of one line and the abstract only
    under an upvote box or a trending card's lead-in: there an entry starts. Elsewhere lines
    glued together were read as an entry of their own: a paper titled ``*`` from avatar
    bullets, or one titled with a URL from lynx's list of links."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    index = glued_line - 1
    glued = [*lines[:index], f"{lines[index]} {lines[index + 1]}", *lines[index + 2 :]]
    digest = digestparse.parse("\n".join(glued), reference_date=TOOLS_REFERENCE)
    titles = [paper.title for paper in digest.papers]
    assert not any(title in ("*", "\u2022") or title.startswith("https://") for title in titles)
    assert titles[: len(before.papers)] == [paper.title for paper in before.papers]
    assert digest.diagnostics


def _first_card_without_the_blank_under_its_title(name: str) -> tuple[list[str], int, str]:
    """A trending page's lines with the blank line under its first card's title deleted,
    the index of that card's lead-in line, and the text."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.strip().startswith("Kandinsky 6.0"))
    blank = next(i for i in range(title, len(lines)) if not lines[i].strip())
    lead_in = next(i for i in range(title, 0, -1) if "Submitted by" in lines[i])
    return lines[:blank] + lines[blank + 1 :], lead_in, text


@pytest.mark.parametrize(
    "name", ["trending.lynx_nonumbers.txt", "trending.elinks_nonum.txt", "trending.links.txt"]
)
def test_a_first_card_whose_title_stands_left_of_its_glued_summary_reads_whole(
    name: str,
) -> None:
    """The page's first card sets where abstracts stand, so its own title glued to its summary
    (the blank line under the title lost) is known by nothing but the layout. These tools
    indent a card's text further than its title (two columns, then three): the card read
    its two title lines and the summary's first line into the header, and its summary's
    second line as a paper's title, silently. The indent now tells the title from the
    summary, and the card reads as before."""
    lines, _, text = _first_card_without_the_blank_under_its_title(name)
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    digest = digestparse.parse("\n".join(lines), reference_date=TOOLS_REFERENCE)
    assert digest.header == before.header
    assert [(p.title, p.abstract, p.submitted_by) for p in digest.papers] == [
        (p.title, p.abstract, p.submitted_by) for p in before.papers]


@pytest.mark.parametrize("name", ["trending.w3m_plain.txt", "trending.pandoc_plain.txt"])
def test_a_first_card_glued_to_its_summary_at_one_indent_is_reported(name: str) -> None:
    """Where title and summary stand at one indent, nothing tells where the title ends. The
    header no longer takes the card's lead-in and lines (silently, as it did): a lead-in
    after the page's title ends the header, and what no card reads there is ``junk`` from the
    lead-in (with the thumbnail over it) on."""
    lines, lead_in, text = _first_card_without_the_blank_under_its_title(name)
    thumbnail = next(i for i in range(lead_in - 1, 0, -1) if lines[i].strip())
    assert lines[thumbnail].strip() in ("[2610]", "[]")  # the card's image placeholder
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    digest = digestparse.parse("\n".join(lines), reference_date=TOOLS_REFERENCE)
    assert digest.header == before.header
    assert digest.header_span == before.header_span
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", thumbnail + 1)]
    with pytest.raises(digestparse.ParseError, match="junk"):
        digestparse.parse("\n".join(lines), mode="strict", reference_date=TOOLS_REFERENCE)


@pytest.mark.parametrize("name", [
    "long_names/trending.links.txt", "long_names/trending.lynx_nonumbers.txt",
    "long_names/trending.elinks_nonum_noref.txt", "long_names/trending.pandoc_plain.txt",
    "long_names/trending.w3m_plain.txt",
])
def test_a_metadata_line_wrapped_in_its_date_and_glued_back_with_its_indent(name: str) -> None:
    """A long name's line that a tool wrapped after ``· Published on``, glued back to the
    date's line with that line's indent (``· Published on    Oct 4, 2026``): the blanks in the
    date made it no date, and the first card read as an undated card whose organization
    was the whole line, silently (the card's copy gave the date)."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    wrapped = [i for i, line in enumerate(lines) if line.endswith("\u00b7 Published on")]
    assert wrapped
    before = digestparse.parse(text, reference_date=TOOLS_REFERENCE)
    for at in wrapped:
        glued = [*lines[:at], f"{lines[at]} {lines[at + 1]}", *lines[at + 2 :]]
        digest = digestparse.parse("\n".join(glued), reference_date=TOOLS_REFERENCE)
        assert [(p.title, p.organization, p.date) for p in digest.papers] == [
            (p.title, p.organization, p.date) for p in before.papers]
        assert digest.diagnostics == before.diagnostics
