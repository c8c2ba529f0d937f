"""Writing papers back in the canonical dump format."""

from __future__ import annotations

from collections.abc import Iterable

from .dates import MAX_COUNT_DIGITS, format_date
from .grammar import AUTHORS_PREFIX, CANONICAL_HEADER, SEPARATOR
from .model import Digest, Paper
from .tokenizer import TEXT, classify

#: What the parser reads back: up to 9 digits of authors (rules/metadata.py),
#: and up to MAX_COUNT_DIGITS digits of votes (years are written with four digits, zero-padded).
_AUTHORS_LIMIT = 10**9
_VOTES_LIMIT = 10**MAX_COUNT_DIGITS


def render(papers_or_digest: Digest | Iterable[Paper]) -> str:
    """The dump text for a digest (its header and page date kept) or for papers.

    ``render(parse(text)) == text`` for a canonical dump (no final newline).
    Raises ``ValueError`` for a paper that the format cannot express, such as
    a title containing a line break.
    """
    if isinstance(papers_or_digest, Digest):
        header = list(papers_or_digest.header or CANONICAL_HEADER)
        if papers_or_digest.page_date is not None:
            header.append(format_date(papers_or_digest.page_date, year_explicit=False))
        papers: Iterable[Paper] = papers_or_digest.papers
    else:
        header = list(CANONICAL_HEADER)
        papers = papers_or_digest
    blocks = header
    for paper in papers:
        blocks.extend(_render_paper(paper))
    return "\n\n".join(blocks)


def _render_paper(paper: Paper) -> list[str]:
    _check_text(paper.title, "title", paper)
    _check_text(paper.abstract, "abstract", paper)
    if paper.author_count is None and paper.organization is None:
        if paper.date is not None or paper.votes is not None:
            # votes=0 too: a paper read back without a date line has votes=None.
            raise ValueError(
                f"paper {paper.title!r}: a date or votes need an authors or organization line"
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
    date = format_date(paper.date, bool(paper.year_explicit))
    if votes:
        date = f"{date} {votes}"
    return [paper.title, paper.abstract, f"{first}\n{SEPARATOR}\n{date}"]


def _check_text(text: str, field: str, paper: Paper) -> None:
    if not text or classify(text) is not TEXT or text != text.strip(" \t") or (
        "\n" in text or "\r" in text
    ):
        raise ValueError(
            f"paper {paper.title!r}: {field} {text[:60]!r} cannot be written as the {field} line"
        )
