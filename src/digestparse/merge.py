"""Many captures of the listing become one record per distinct paper.

Identity: two papers are one when their keys (``Paper.key``) are equal, or
when their ``paper_id`` values are equal; both links are followed, so a
chain key A — id X — key B is one paper.

Each record field takes the value of the latest capture that shows one;
captures are ordered by capture date, then by the order they were given in.
``seen`` lists every sighting in that order: the count history.

The merge keeps one small ``Sighting`` per paper per capture and, per
distinct paper, the current value of each field: never the captures' papers.

``MERGE_FIELDS`` is the one definition of a merge record: ``MergedPaper.to_dict``
writes these keys in this order, ``digestparse merge --format csv`` has these
columns, and ``schema/merge.schema.json`` describes them (a test keeps them in step).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import attrs

from .diagnostics import Mode, Reporter
from .model import Diagnostic, Digest, title_key

#: The fields of a merge record, in output order (see the module docstring).
MERGE_FIELDS: tuple[str, ...] = (
    "key",
    "paper_id",
    "title",
    "abstract",
    "author_count",
    "organization",
    "date",
    "upvotes",
    "votes",
    "links",
    "url",
    "first_seen",
    "last_seen",
    "seen",
)

#: The fields of one entry of ``seen``, in output order.
SIGHTING_FIELDS: tuple[str, ...] = ("source", "line", "captured", "votes", "upvotes")

#: Fields that a later capture may change without anything being wrong.
_CHANGING = ("title", "paper_id", "upvotes", "votes", "links", "url")
#: Fields that should never change between captures: a disagreement is a ``conflict``.
#: Authors and organization are one field: a capture shows one or the other.
_STABLE = ("abstract", "who", "date")

# A date in a file name, not inside a longer run of digits.
_NAME_DATE = re.compile(
    r"(?<![0-9])([0-9]{4})(?:-([0-9]{2})-([0-9]{2})|([0-9]{2})([0-9]{2}))(?![0-9])"
)


class PaperLike(Protocol):
    """What the merge reads from a paper: a ``Paper``, or a row with the same names."""

    @property
    def title(self) -> str: ...
    @property
    def abstract(self) -> str: ...
    @property
    def author_count(self) -> int | None: ...
    @property
    def organization(self) -> str | None: ...
    @property
    def date(self) -> datetime.date | None: ...
    @property
    def votes(self) -> int | None: ...
    @property
    def links(self) -> Sequence[str]: ...
    @property
    def upvotes(self) -> int | None: ...
    @property
    def paper_id(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def line(self) -> int: ...


@attrs.frozen(slots=True)
class Sighting:
    """One paper seen in one capture: where, when, and the counts it showed then."""

    source: str
    line: int
    captured: datetime.date
    votes: int | None
    upvotes: int | None

    def to_dict(self) -> dict[str, Any]:
        return {name: json_value(getattr(self, name)) for name in SIGHTING_FIELDS}


@attrs.frozen(slots=True)
class MergedPaper:
    """One distinct paper across a series of captures."""

    key: str
    paper_id: str | None
    title: str
    abstract: str | None
    author_count: int | None
    organization: str | None
    date: datetime.date | None
    upvotes: int | None
    votes: int | None
    links: tuple[str, ...]
    url: str | None
    first_seen: datetime.date
    last_seen: datetime.date
    #: Every sighting, in capture order (two captures on one day are two entries).
    seen: tuple[Sighting, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO 8601 strings, ``seen`` as a list of dicts."""
        return {name: json_value(getattr(self, name)) for name in MERGE_FIELDS}


@attrs.frozen(slots=True)
class Merged:
    """The result of ``merge``: the records in first-seen order, and the conflicts."""

    papers: tuple[MergedPaper, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def json_value(value: Any) -> Any:
    """A value as JSON holds it: dates as ISO 8601 strings, tuples as lists, sightings as dicts."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, Sighting):
        return value.to_dict()
    return value


def date_from_name(path: str) -> datetime.date | None:
    """The first valid ``YYYY-MM-DD`` or ``YYYYMMDD`` date in a file's name, if any."""
    for match in _NAME_DATE.finditer(os.path.basename(path)):
        year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3)
        day = day or match.group(5)
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def capture_date(
    digest: Digest, *, use_name: bool = False, reference_date: datetime.date | None = None
) -> datetime.date:
    """The day a dump was captured: its own ``captured_at``, else (with ``use_name``) a
    date in its file name, else ``reference_date`` (default: today)."""
    if digest.captured_at is not None:
        return digest.captured_at.date()
    if use_name:
        named = date_from_name(digest.source)
        if named is not None:
            return named
    return reference_date if reference_date is not None else datetime.date.today()


# (capture date, capture number, line): the order of sightings and of field values.
_Order = tuple[datetime.date, int, int]


class _Group:
    """The merge state of one distinct paper."""

    __slots__ = ("first", "ids", "keys", "sightings", "values")

    def __init__(self, order: _Order) -> None:
        self.first = order
        self.keys: set[str] = set()
        self.ids: set[str] = set()
        self.sightings: list[tuple[_Order, Sighting]] = []
        #: field -> (order of the capture that showed it, value, source)
        self.values: dict[str, tuple[_Order, Any, str]] = {}


class Merger:
    """Merges captures one at a time; ``result()`` gives the records.

    ``add`` takes a whole digest; ``add_paper`` one paper (or a row with the
    same names) of capture number ``capture``. Conflicts go through
    ``Reporter.defect``: in strict mode the first one raises ``ParseError``.
    """

    def __init__(
        self, mode: Mode = "lenient", on_diagnostic: Callable[[Diagnostic], None] | None = None
    ) -> None:
        self.mode: Mode = mode
        self._diagnostics: list[tuple[_Order, Diagnostic]] = []
        self._on_diagnostic = on_diagnostic
        self._by_key: dict[str, _Group] = {}
        self._by_id: dict[str, _Group] = {}
        self._captures = 0

    def add(self, digest: Digest, captured: datetime.date) -> None:
        capture = self._captures
        self._captures += 1
        for paper in digest.papers:
            self.add_paper(paper, digest.source, captured, capture)

    def add_paper(
        self, paper: PaperLike, source: str, captured: datetime.date, capture: int
    ) -> None:
        order: _Order = (captured, capture, paper.line)
        group = self._group_for(title_key(paper.title), paper.paper_id, order)
        group.first = min(group.first, order)
        group.sightings.append(
            (order, Sighting(source, paper.line, captured, paper.votes, paper.upvotes))
        )
        for name, value in _values(paper):
            if value is not None:
                self._offer(group, name, (order, value, source))

    def _group_for(self, key: str, paper_id: str | None, order: _Order) -> _Group:
        group = self._by_key.get(key)
        other = self._by_id.get(paper_id) if paper_id else None
        if group is None:
            group = other
        elif other is not None and other is not group:
            group = self._unite(group, other)
        if group is None:
            group = _Group(order)
        if key not in group.keys:
            group.keys.add(key)
            self._by_key[key] = group
        if paper_id and paper_id not in group.ids:
            group.ids.add(paper_id)
            self._by_id[paper_id] = group
        return group

    def _unite(self, one: _Group, two: _Group) -> _Group:
        keep, gone = (one, two) if len(one.sightings) >= len(two.sightings) else (two, one)
        keep.first = min(keep.first, gone.first)
        keep.sightings.extend(gone.sightings)
        for key in gone.keys:
            self._by_key[key] = keep
        for paper_id in gone.ids:
            self._by_id[paper_id] = keep
        keep.keys |= gone.keys
        keep.ids |= gone.ids
        for name, offered in gone.values.items():
            self._offer(keep, name, offered)
        return keep

    def _offer(self, group: _Group, name: str, offered: tuple[_Order, Any, str]) -> None:
        held = group.values.get(name)
        if held is None:
            group.values[name] = offered
            return
        later, earlier = (offered, held) if offered[0] >= held[0] else (held, offered)
        group.values[name] = later
        if name in _STABLE and later[1] != earlier[1]:
            self._conflict(name, later, earlier)

    def _conflict(
        self, name: str, later: tuple[_Order, Any, str], earlier: tuple[_Order, Any, str]
    ) -> None:
        if name == "abstract":
            detail = f"abstract differs from the one at {earlier[2]}:{earlier[0][2]}"
        else:
            shown = _show(name, later[1])
            before = _show(name, earlier[1])
            detail = f"{shown} here, {before} at {earlier[2]}:{earlier[0][2]}"
        order = later[0]

        def keep(diagnostic: Diagnostic) -> None:
            self._diagnostics.append((order, diagnostic))
            if self._on_diagnostic is not None:
                self._on_diagnostic(diagnostic)

        Reporter(self.mode, later[2], keep).defect("conflict", order[2], detail=detail)

    def result(self) -> Merged:
        groups = {id(group): group for group in self._by_key.values()}.values()
        papers = [_record(group) for group in sorted(groups, key=lambda g: g.first)]
        self._diagnostics.sort(key=lambda item: item[0])
        return Merged(tuple(papers), tuple(d for _, d in self._diagnostics))


def _values(paper: PaperLike) -> Iterable[tuple[str, Any]]:
    """The field values one sighting offers; an empty abstract or link list is not shown."""
    yield "title", paper.title
    yield "paper_id", paper.paper_id or None
    yield "upvotes", paper.upvotes
    yield "votes", paper.votes
    yield "links", tuple(paper.links) or None
    yield "url", paper.url or None
    yield "abstract", paper.abstract or None
    who = (paper.author_count, paper.organization)
    yield "who", None if who == (None, None) else who
    yield "date", paper.date


def _show(name: str, value: Any) -> str:
    if name == "who":
        count, organization = value
        return f"{count} authors" if count is not None else f"organization {organization!r}"
    if isinstance(value, datetime.date):
        return f"date {value.isoformat()}"
    return f"{name} {value!r}"


def _record(group: _Group) -> MergedPaper:
    group.sightings.sort(key=lambda item: item[0])
    seen = tuple(sighting for _, sighting in group.sightings)

    def value(name: str) -> Any:
        held = group.values.get(name)
        return None if held is None else held[1]

    title: str = value("title")
    author_count, organization = value("who") or (None, None)
    return MergedPaper(
        key=title_key(title),
        paper_id=value("paper_id"),
        title=title,
        abstract=value("abstract"),
        author_count=author_count,
        organization=organization,
        date=value("date"),
        upvotes=value("upvotes"),
        votes=value("votes"),
        links=value("links") or (),
        url=value("url"),
        first_seen=seen[0].captured,
        last_seen=seen[-1].captured,
        seen=seen,
    )


def merge(
    digests: Iterable[Digest],
    *,
    mode: Mode = "lenient",
    reference_date: datetime.date | None = None,
    date_from_name: bool = False,
) -> Merged:
    """One record per distinct paper of ``digests``, in first-seen order.

    Each digest's capture date is its ``captured_at``, else (with
    ``date_from_name``) a ``YYYY-MM-DD`` or ``YYYYMMDD`` date in its source
    name, else ``reference_date`` (default: today). Captures are ordered by
    capture date, then as given. The digests are read one at a time and not kept.
    """
    merger = Merger(mode)
    for digest in digests:
        merger.add(
            digest,
            capture_date(digest, use_name=date_from_name, reference_date=reference_date),
        )
    return merger.result()
