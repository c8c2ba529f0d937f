"""The typed results of a parse: Paper, Digest and Diagnostic.

``RECORD_FIELDS`` is the one definition of a paper record: ``Paper.to_dict``
writes exactly these keys in this order, the CLI's CSV columns are
``source`` plus these, and ``schema/paper.schema.json`` describes them (a
test keeps the three in step).
"""

from __future__ import annotations

import datetime
import operator
import unicodedata
from typing import Any

import attrs
import regex

#: Runs of characters that are neither letters nor digits separate the words of a key.
_NOT_ALNUM = r"[^\p{L}\p{N}]+"


#: The same rule for ASCII text, where NFKC changes nothing and case-folding is lower():
#: every ASCII character but a letter or a digit becomes a space (a merge folds every
#: title it meets; on bytes, in one table that also lowers, this is several times faster).
_ASCII_FOLD = bytes(
    ord(char.lower()) if char.isalnum() else ord(" ") for char in map(chr, range(128))
) + bytes(128)


def title_key(title: str) -> str:
    """A title folded to a stable identity key (see ``Paper.key``)."""
    if title.isascii():
        return b" ".join(title.encode("ascii").translate(_ASCII_FOLD).split()).decode("ascii")
    folded = unicodedata.normalize("NFKC", title).casefold()
    # regex caches the compiled pattern; compiling it here keeps it out of import time.
    return " ".join(word for word in regex.split(_NOT_ALNUM, folded) if word)


@attrs.frozen(slots=True)
class Paper:
    """One entry of a Daily Papers listing.

    ``line`` and ``end_line`` are the 1-based lines of the entry's first line
    (the title, or what a dialect shows before it that belongs to the entry: an
    upvote box, a Submitted-by block) and of its last line; ``span`` covers
    every line the entry was read from.
    """

    title: str
    abstract: str
    author_count: int | None = None
    organization: str | None = None
    date: datetime.date | None = None
    #: The count after the date (huggingface.co counts discussion comments there);
    #: 0 when a date line shows none, None when the entry has no date line.
    votes: int | None = None
    links: tuple[str, ...] = ()
    line: int = 0
    end_line: int = 0
    date_text: str | None = None
    year_explicit: bool | None = None
    #: The upvote count on the entry's card ('-' reads as 0); None where not captured.
    upvotes: int | None = None
    #: The arXiv-style id from the paper's huggingface.co/papers/ID or arxiv.org/abs/ID link.
    paper_id: str | None = None
    #: The paper's page (https://huggingface.co/papers/ID) where the capture kept it.
    url: str | None = None
    #: Who submitted the paper to the listing, where the capture shows it.
    submitted_by: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.line, self.end_line)

    @property
    def key(self) -> str:
        """The title folded to an identity key: NFKC, case-folded, every run of
        characters that are not letters or digits read as one space, trimmed.

        Two papers with the same key are the same paper. The rule is stable
        across releases (docs/api.md).
        """
        return title_key(self.title)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO 8601 strings, links as a list."""
        return {name: _json_value(getattr(self, name)) for name in RECORD_FIELDS}


def _slot_setters() -> tuple[Any, ...]:
    """Each field's slot setter, in field order; the fields after the first eleven must have
    a plain default (``fast_paper`` sets it as is)."""
    fields = attrs.fields(Paper)
    for field in fields[11:]:
        default: Any = field.default
        if default is attrs.NOTHING or isinstance(default, type(attrs.Factory(list))):
            raise TypeError(f"Paper.{field.name} needs a plain default for fast_paper")
    return tuple(Paper.__dict__[field.name].__set__ for field in fields)


_SETTERS = _slot_setters()
_NAMES = tuple(field.name for field in attrs.fields(Paper))
_values = operator.attrgetter(*_NAMES)
_SETTER = dict(zip(_NAMES, _SETTERS, strict=True))
_SET_LINE, _SET_END_LINE = _SETTER["line"], _SETTER["end_line"]
# fast_paper sets the eleven fields it is given and the four optional ones after them by
# name; any field added later, in a loop, to its default.
_DEFAULT: dict[str, Any] = {field.name: field.default for field in attrs.fields(Paper)}
_UPVOTES, _PAPER_ID, _URL = _DEFAULT["upvotes"], _DEFAULT["paper_id"], _DEFAULT["url"]
_SUBMITTED_BY = _DEFAULT["submitted_by"]
_MORE: tuple[tuple[Any, Any], ...] = tuple(
    (_SETTER[name], _DEFAULT[name]) for name in _NAMES[_NAMES.index("submitted_by") + 1 :]
)
_new = object.__new__


def evolve_paper(paper: Paper, **changes: Any) -> Paper:
    """``attrs.evolve(paper, **changes)``, built faster the way ``fast_paper`` builds (a
    ``Paper`` has no validators or converters to run): folding copies makes one per pair."""
    evolved: Paper = _new(Paper)
    for setter, value in zip(_SETTERS, _values(paper), strict=True):
        setter(evolved, value)
    for name, value in changes.items():
        _SETTER[name](evolved, value)
    return evolved


def shift_lines(paper: Paper, offset: int) -> None:
    """Add ``offset`` to a paper's line numbers, in place: only for a paper just built that
    nothing else has seen (the dialects' fast paths number lines within the state's window)."""
    _SET_LINE(paper, paper.line + offset)
    _SET_END_LINE(paper, paper.end_line + offset)


class _Unfrozen(Paper):
    """``Paper`` without its frozen ``__setattr__``: ``fast_paper`` fills one in and then
    makes it a ``Paper``. A subclass that adds no slot may trade its instances' class with
    its base; ``__delattr__`` too is object's, so that storing a field is a plain slot store
    (a frozen class's stores go through Python-level hooks)."""

    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__


def fast_paper(
    title: str,
    abstract: str,
    author_count: int | None,
    organization: str | None,
    date: datetime.date | None,
    votes: int | None,
    links: tuple[str, ...],
    line: int,
    end_line: int,
    date_text: str | None,
    year_explicit: bool | None,
    *,
    upvotes: int | None = _UPVOTES,
    paper_id: str | None = _PAPER_ID,
    url: str | None = _URL,
) -> Paper:
    """``Paper(...)`` with these fields (the rest at their defaults), built faster.

    The fast paths build one per entry: the fields are stored as in any plain slotted
    class, and the object then becomes a ``Paper``. The result is an ordinary ``Paper``
    (tests/test_perf_equivalence.py and tests/test_streaming.py compare the two).
    """
    paper: Any = _new(_Unfrozen)
    paper.title = title
    paper.abstract = abstract
    paper.author_count = author_count
    paper.organization = organization
    paper.date = date
    paper.votes = votes
    paper.links = links
    paper.line = line
    paper.end_line = end_line
    paper.date_text = date_text
    paper.year_explicit = year_explicit
    paper.upvotes = upvotes
    paper.paper_id = paper_id
    paper.url = url
    paper.submitted_by = _SUBMITTED_BY
    for setter, default in _MORE:
        setter(paper, default)
    paper.__class__ = Paper
    built: Paper = paper
    return built


#: The fields of a paper record, in output order (see the module docstring).
RECORD_FIELDS: tuple[str, ...] = (
    "line",
    "end_line",
    "title",
    "abstract",
    "author_count",
    "organization",
    "date",
    "date_text",
    "year_explicit",
    "votes",
    "links",
    "upvotes",
    "paper_id",
    "url",
    "submitted_by",
)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


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
    #: The lines of the capture wrapper (if any) and of the header, page date included.
    header_span: tuple[int, int] | None = None
    source: str = "<string>"
    #: The dialect the input was read as (docs/dialects.md), e.g. "text" or "markdown".
    dialect: str = "text"
    #: The captured page's address, where a capture wrapper names it.
    source_url: str | None = None
    #: When the page was captured, where a capture wrapper says so.
    captured_at: datetime.datetime | None = None
    #: The lines after the listing that are not content, if any: the page's own end
    #: (pagination, the site footer) and a capture wrapper's footer (a closing code fence).
    footer_span: tuple[int, int] | None = None

    @property
    def ok(self) -> bool:
        """True when the dump matched the format exactly."""
        return not self.diagnostics
