"""Writing papers back in the canonical dump format (the ``text`` dialect).

The promise (docs/api.md): for any digest ``parse`` returns, ``render`` either
writes text that parses back to the same papers in every field it writes, or
raises ``ValueError``. The text gives the page date without its year, as the
format does; it reads back with ``reference_date=digest.page_date`` (or the
reference date the digest was parsed with, when its page date line had no year).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable

from .api import iter_papers
from .dates import MAX_COUNT_DIGITS, format_date, latest_on_or_before
from .grammar import AUTHORS_PREFIX, CANONICAL_HEADER, SEPARATOR, cannot_be_title
from .model import Digest, Paper
from .rules.header import reads_as_header, well_formed
from .tokenizer import TEXT, classify

#: What the parser reads back: up to 9 digits of authors (rules/metadata.py),
#: and up to MAX_COUNT_DIGITS digits of votes (years are written with four digits, zero-padded).
_AUTHORS_LIMIT = 10**9
_VOTES_LIMIT = 10**MAX_COUNT_DIGITS


def render(papers_or_digest: Digest | Iterable[Paper]) -> str:
    """The dump text for a digest (its header and page date kept) or for papers.

    ``render(parse(text)) == text`` for a canonical dump (no final newline).
    Raises ``ValueError`` for a paper that the format cannot express, such as
    a title containing a line break, or whose date would read back as another
    day. A digest of another dialect is written in the ``text`` dialect: its
    header becomes the canonical one (as does a damaged header, one with a
    ``bad-header``), and the fields the format has no place for
    (``upvotes``, ``paper_id``, ``url``, ``submitted_by``) are dropped.
    """
    page_date: datetime.date | None = None
    later_page = 0
    if isinstance(papers_or_digest, Digest):
        digest = papers_or_digest
        # Its own header only when it is well formed: a damaged one (a stray line of another
        # dialect's shape, a misspelt line the header took) may read back otherwise, as
        # another dialect or as a title.
        own_header = digest.dialect == "text" and well_formed(digest.header)
        header = list(digest.header if own_header else CANONICAL_HEADER)
        page_date = digest.page_date
        if page_date is not None:
            header.append(format_date(page_date, year_explicit=False))
        else:
            later_page = _later_page_line(digest)
        papers: Iterable[Paper] = digest.papers
    elif isinstance(papers_or_digest, (str, bytes, Paper)):
        raise TypeError(_not_papers(papers_or_digest))
    else:
        header = list(CANONICAL_HEADER)
        papers = papers_or_digest
    blocks = header
    for index, paper in enumerate(papers):
        if not isinstance(paper, Paper):
            raise TypeError(_not_papers(paper))
        metadata = paper.author_count is not None or paper.organization is not None
        if not index and page_date is None and reads_as_header(paper.title, with_metadata=metadata):
            # Right after the header it would read back as a misspelt page date or
            # switcher line.
            raise ValueError(
                f"paper {paper.title!r}: a first title that reads as a misspelt page date "
                "or switcher line needs a page date before it"
            )
        if later_page and paper.line >= later_page and paper.year_explicit is False:
            raise ValueError(
                f"paper {paper.title!r}: the yearless date {paper.date_text!r} may have been "
                f"read against the page date of a later header (line {later_page}), which "
                "the text cannot give back without a page date of its own"
            )
        blocks.extend(_render_paper(paper, page_date))
    text = "\n\n".join(blocks)
    _check_read_as_text(text)
    return text


def _check_read_as_text(text: str) -> None:
    """Raise where ``text`` would not be read back in the ``text`` dialect. A lenient
    digest of a damaged capture may hold a paper made of another dialect's lines (a
    trending card's ``[Upvote`` over ``92](…)``, read as a title and an abstract); written
    near the start, they are that dialect's mark, and the detector would choose it."""
    dialect = iter_papers(io.StringIO(text)).dialect  # reads only the detectors' head
    if dialect != "text":
        raise ValueError(
            f"the papers would read back as the {dialect} dialect, not as text: a title, "
            "abstract or organization holds lines of that dialect's shape"
        )


def _later_page_line(digest: Digest) -> int:
    """For a digest without a page date: the first line where a later page's header may
    have set one (0: nowhere). Yearless dates after it may have taken their year from it,
    not from the reference date the text reads back against. A repeated header sets one in
    every dialect; the ``text-urls`` dialect also reads a joined page's header as junk and
    takes its page date (``dialects/text_urls/junk.py``)."""
    codes = ("repeated-header", "junk") if digest.dialect == "text-urls" else ("repeated-header",)
    return min((d.line for d in digest.diagnostics if d.code in codes), default=0)


def _not_papers(value: object) -> str:
    return f"render() takes a Digest or an iterable of Paper, not {type(value).__name__}"


def _render_paper(paper: Paper, page_date: datetime.date | None) -> list[str]:
    _check_text(paper.title, "title", paper)
    if cannot_be_title(paper.title):  # a lone URL, a count, a page phrase: read as junk
        raise ValueError(f"paper {paper.title!r}: the title cannot be written as a title line")
    _check_text(paper.abstract, "abstract", paper)
    if paper.author_count is None and paper.organization is None:
        if (paper.date, paper.votes, paper.date_text, paper.year_explicit) != (None,) * 4:
            # votes=0 too: a paper read back without a date line has votes=None.
            raise ValueError(
                f"paper {paper.title!r}: a date, date_text, year_explicit or votes need an "
                "authors or organization line"
            )
        return [paper.title, paper.abstract]
    if paper.date is None:
        raise ValueError(f"paper {paper.title!r}: a metadata block needs a date")
    if paper.organization is not None:
        if paper.author_count is not None:
            raise ValueError(f"paper {paper.title!r}: authors and organization are exclusive")
        _check_text(paper.organization, "organization", paper)
        first = paper.organization
    else:
        if paper.author_count is None or not 0 <= paper.author_count < _AUTHORS_LIMIT:
            raise ValueError(
                f"paper {paper.title!r}: author_count must be >= 0 and < {_AUTHORS_LIMIT}"
            )
        first = f"{AUTHORS_PREFIX}{paper.author_count} authors"
    votes = paper.votes or 0
    if not 0 <= votes < _VOTES_LIMIT:
        raise ValueError(f"paper {paper.title!r}: votes must be >= 0 and < {_VOTES_LIMIT}")
    date = format_date(paper.date, _year_explicit(paper, paper.date, page_date))
    if paper.date_text is not None and paper.date_text != date:
        raise ValueError(
            f"paper {paper.title!r}: date_text {paper.date_text!r} does not match the date "
            f"{paper.date.isoformat()} (it would be written {date!r})"
        )
    if votes:
        date = f"{date} {votes}"
    return [paper.title, paper.abstract, f"{first}\n{SEPARATOR}\n{date}"]


def _year_explicit(paper: Paper, date: datetime.date, page_date: datetime.date | None) -> bool:
    """Whether the paper's date is written with its year.

    ``year_explicit=None`` (a paper built by hand) writes the year unless the
    yearless date reads back as the same day against the page date, with no report. A yearless
    date must read back against the page date (when there is one): papers read
    under a second header's page date, or with a year the page date does not
    give them, are refused rather than moved to another day.
    """
    if paper.year_explicit:
        return True
    if paper.year_explicit is None:
        # Yearless only where it reads back with no report: in the page date's year, on or
        # before it (``Feb 29`` under a 2025 page date is an impossible date).
        return page_date is None or not (date.year == page_date.year and date <= page_date)
    reads_back = page_date is not None and _resolve(date, page_date) == date
    if page_date is not None and not reads_back:
        raise ValueError(
            f"paper {paper.title!r}: the yearless date {format_date(date, False)!r} "
            f"would read back against the page date {page_date.isoformat()} as another day "
            f"than {date.isoformat()}"
        )
    return False


def _resolve(date: datetime.date, page_date: datetime.date) -> datetime.date | None:
    """The day a yearless ``date`` reads back as under ``page_date`` (dates.resolve_entry_date)."""
    try:
        candidate = date.replace(year=page_date.year)
    except ValueError:  # Feb 29 in a year without one
        candidate = None
    if candidate is not None and candidate <= page_date:
        return candidate
    return latest_on_or_before(date.month, date.day, page_date)


def _check_text(text: str, field: str, paper: Paper) -> None:
    if not text or classify(text) is not TEXT or text != text.strip(" \t") or (
        "\n" in text or "\r" in text
    ):
        raise ValueError(
            f"paper {paper.title!r}: {field} {text[:60]!r} cannot be written as the {field} line"
        )
