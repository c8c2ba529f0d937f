"""The typed results of a parse: Paper, Digest and Diagnostic."""

from __future__ import annotations

import datetime
from typing import Any

import attrs


@attrs.frozen(slots=True)
class Paper:
    """One entry of a Daily Papers listing.

    ``line`` and ``end_line`` are the 1-based lines of the title and of the
    entry's last line (the date line, or the abstract when there is no
    metadata block).
    """

    title: str
    abstract: str
    author_count: int | None = None
    organization: str | None = None
    date: datetime.date | None = None
    votes: int = 0
    links: tuple[str, ...] = ()
    line: int = 0
    end_line: int = 0
    date_text: str | None = None
    year_explicit: bool | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.line, self.end_line)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO 8601 strings, links as a list."""
        return {
            "line": self.line,
            "end_line": self.end_line,
            "title": self.title,
            "abstract": self.abstract,
            "author_count": self.author_count,
            "organization": self.organization,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "year_explicit": self.year_explicit,
            "votes": self.votes,
            "links": list(self.links),
        }


@attrs.frozen(slots=True)
class Diagnostic:
    """A deviation from the format that lenient mode recovered from.

    It covers the lines ``line`` to ``end_line``; ``column`` is 1-based and
    points into ``line``.
    """

    code: str
    message: str
    line: int
    column: int = 1
    end_line: int = 0
    source: str = "<string>"

    def __attrs_post_init__(self) -> None:
        if self.end_line < self.line:
            object.__setattr__(self, "end_line", self.line)

    @property
    def span(self) -> tuple[int, int]:
        return (self.line, self.end_line)

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.column}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "code": self.code,
            "message": self.message,
        }


@attrs.frozen(slots=True)
class Digest:
    """The result of parsing one dump."""

    papers: tuple[Paper, ...]
    page_date: datetime.date | None
    diagnostics: tuple[Diagnostic, ...] = ()
    header: tuple[str, ...] = ()
    header_span: tuple[int, int] | None = None
    source: str = "<string>"

    @property
    def ok(self) -> bool:
        """True when the dump matched the format exactly."""
        return not self.diagnostics
