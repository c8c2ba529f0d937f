"""Many captures of the listing become one record per distinct paper.

Identity: two papers are one when their keys (``Paper.key``) are equal, or
when their ``paper_id`` values are equal; both links are followed, so a
chain key A — id X — key B is one paper.

Each record field takes the value of the latest capture that shows one;
captures are ordered by capture date, then by the order they were given in.
``seen`` lists every sighting in that order: the count history.

The merge keeps one small entry per sighting (its order, votes and upvotes)
and, per distinct paper, the current value of each field: never the captures'
papers. ``Sighting`` and ``MergedPaper`` objects are made once, by ``result()``.

``MERGE_FIELDS`` is the one definition of a merge record: ``MergedPaper.to_dict``
writes these keys in this order, ``digestparse merge --format csv`` has these
columns, and ``schema/merge.schema.json`` describes them (a test keeps them in step).
"""

from __future__ import annotations

import collections
import datetime
import gc
import os
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, repeat
from operator import and_, floordiv, rshift, sub
from typing import Any, Protocol, TypeVar

import attrs

from .dates import check_reference_date
from .diagnostics import Mode, Reporter, check_mode
from .model import Diagnostic, Digest, title_key
from .wrapper import capture_day, today, today_is

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


def name_reference_day(path: str) -> datetime.date | None:
    """The day the yearless dates of a dump resolve against when only its name dates it
    (``date_from_name``): the day after the name's date, None without one.

    A name gives a local day: west of UTC in the evening the page already shows the next
    day, which the name's own day would put a year back; the day after puts no date wrong
    (as ``wrapper.capture_day`` takes the later of two days).
    """
    named = date_from_name(path)
    if named is None:
        return None
    return named if named == datetime.date.max else named + datetime.timedelta(days=1)


def capture_date(
    digest: Digest, *, use_name: bool = False, reference_date: datetime.date | None = None
) -> datetime.date:
    """The day a dump was captured: its own ``captured_at`` (the day its yearless dates
    resolve against, ``wrapper.capture_day``), else (with ``use_name``) a date in its file
    name, else ``reference_date`` (default: today)."""
    if digest.captured_at is not None:
        return capture_day(digest.captured_at)
    if use_name:
        named = date_from_name(digest.source)
        if named is not None:
            return named
    return reference_date if reference_date is not None else today()


# The order of sightings and of field values: capture date, then capture number, then
# line, packed in one int (no tuple per sighting to allocate, compare and collect).
_Order = int
_BITS = 32
_LOW = (1 << _BITS) - 1


def _order_base(captured: datetime.date, capture: int) -> int:
    if not 0 <= capture <= _LOW:
        raise ValueError(f"capture number out of range: {capture}")
    return (captured.toordinal() << (2 * _BITS)) | (capture << _BITS)


def _line_of(order: int) -> int:
    return order & _LOW


def _capture_of(order: int) -> int:
    return (order >> _BITS) & _LOW


# What one sighting shows besides its counts, as read from the paper (not normalized):
# title, paper_id, links, url, abstract, author_count, organization, date.
_Shown = tuple[Any, ...]


class _Group:
    """The merge state of one distinct paper.

    ``seen`` holds every sighting as three items in a row: order, votes,
    upvotes (one flat list per paper: no object per sighting for the garbage
    collector to visit). The fields are held in one of two ways:

    - regular: every sighting so far showed the same values (``shown``, those
      of the latest one), in capture order: the usual case in a series, checked
      with one tuple comparison per sighting; the counts are read from ``seen``;
    - general (``values`` is not None): per field, the latest value shown and
      the order of the sighting that showed it, for any order of arrival; and in
      ``stable``, four items a sighting (order, who, date, the abstract's hash), from
      which a group given out of capture order finds its conflicts at the end.
    """

    __slots__ = ("first", "last", "ordered", "orders", "seen", "shown", "stable", "values")
    orders: dict[str, _Order]
    stable: list[Any]

    def __init__(self, order: _Order) -> None:
        self.first = order
        self.last = order
        #: False once a sighting arrived before an earlier-ordered one: sort at the end.
        self.ordered = True
        self.seen: list[int | None] = []
        self.shown: _Shown | None = None
        self.values: dict[str, Any] | None = None
        # ``orders`` and ``stable`` are set with ``values``: fewer objects per regular paper.


class Merger:
    """Merges captures one at a time; ``result()`` gives the records.

    ``add`` takes a whole digest; ``add_paper`` one paper (or a row with the
    same names) of capture number ``capture``. Conflicts go through
    ``Reporter.defect``: in strict mode the first one raises ``ParseError``.
    ``on_diagnostic`` sees each conflict as it is found; a paper whose captures come out
    of capture order has its conflicts found (again) in ``result()``, from its sightings
    in capture order, and ``result().diagnostics`` is the list that holds.
    """

    #: False: every paper takes the general path (tests compare the two paths).
    _regular = True

    def __init__(
        self, mode: Mode = "lenient", on_diagnostic: Callable[[Diagnostic], None] | None = None
    ) -> None:
        self.mode: Mode = check_mode(mode)
        #: The conflicts found as sightings came, each with its paper's group.
        self._diagnostics: list[tuple[_Order, Diagnostic, _Group]] = []
        self._on_diagnostic = on_diagnostic
        self._by_key: dict[str, _Group] = {}
        self._by_id: dict[str, _Group] = {}
        # A title seen again (the usual case) is not folded again.
        self._keys: dict[str, str] = {}
        #: capture number -> source and date
        self._sources: dict[int, str] = {}
        self._dates: dict[int, datetime.date] = {}
        self._captures = 0

    def add(self, digest: Digest, captured: datetime.date) -> None:
        """Add every paper of ``digest``, a capture taken on ``captured``."""
        self.add_papers(digest.papers, digest.source, captured, self._captures)

    def add_paper(
        self, paper: PaperLike, source: str, captured: datetime.date, capture: int
    ) -> None:
        """Add one paper of capture number ``capture`` (its file ``source``)."""
        self.add_papers((paper,), source, captured, capture)

    def add_papers(
        self, papers: Iterable[PaperLike], source: str, captured: datetime.date, capture: int
    ) -> None:
        """Add papers of capture number ``capture``; ``add`` numbers captures 0, 1, …"""
        base = _order_base(captured, capture)
        self._sources[capture] = source
        self._dates[capture] = captured
        self._captures = max(self._captures, capture + 1)
        keys = self._keys
        by_key = self._by_key
        by_id = self._by_id
        regular = self._regular
        for paper in papers:
            title = paper.title
            line = paper.line
            if not 0 <= line <= _LOW:
                raise ValueError(f"line number out of range: {line}")
            order = base | line
            key = keys.get(title)
            if key is None:
                key = keys[title] = title_key(title)
            paper_id = paper.paper_id
            group = by_key.get(key)
            if group is None or (paper_id and by_id.get(paper_id) is not group):
                group = self._group_for(key, paper_id or None, order)
            votes = paper.votes
            upvotes = paper.upvotes
            shown = (title, paper_id, paper.links, paper.url, paper.abstract,
                     paper.author_count, paper.organization, paper.date)
            held = group.shown
            if held is not None:
                if order >= group.last and held == shown:
                    # Regular: the same values again; the counts are in ``seen``.
                    group.last = order
                    group.shown = shown
                    group.seen += (order, votes, upvotes)
                    continue
                self._to_general(group)
            elif group.values is None:
                if regular:
                    # A new paper (``first`` and ``last`` are its order already).
                    group.shown = shown
                    group.seen += (order, votes, upvotes)
                    continue
                group.values = {}
                group.orders = {}
                group.stable = []
            group.seen += (order, votes, upvotes)
            group.stable += _stable(order, paper.abstract, paper.author_count,
                                    paper.organization, paper.date)
            if order < group.first:
                group.first = order
            if order < group.last:  # given out of capture order: compare field by field
                group.ordered = False
                for name, value in _values(paper):
                    if value is not None:
                        self._offer(group, name, value, order)
            else:
                self._take_latest(group, paper, order, title, paper_id or None, votes, upvotes)

    def _to_general(self, group: _Group) -> None:
        """A regular group's values and their orders, per field (as the general path
        would hold them after the same sightings)."""
        shown = group.shown
        assert shown is not None
        group.shown = None
        last = group.last
        title, paper_id, links, url, abstract, author_count, organization, date = shown
        values: dict[str, Any] = {"title": title}
        orders: dict[str, _Order] = {"title": last}
        for name, offset in (("upvotes", 2), ("votes", 1)):
            latest = _latest_sighting(group.seen, offset)
            if latest is not None:
                order = group.seen[latest]
                assert order is not None
                values[name] = group.seen[latest + offset]
                orders[name] = order
        for name, value in (
            ("paper_id", paper_id or None),
            ("links", tuple(links) or None),
            ("url", url or None),
            ("abstract", abstract or None),
            ("who", None if author_count is None and organization is None
             else (author_count, organization)),
            ("date", date),
        ):
            if value is not None:
                values[name] = value
                orders[name] = last
        group.values = values
        group.orders = orders
        stable = _stable(0, abstract, author_count, organization, date)[1:]
        group.stable = [
            item for order in group.seen[0::3] for item in (order, *stable)
        ]

    def _take_latest(
        self,
        group: _Group,
        paper: PaperLike,
        order: _Order,
        title: str,
        paper_id: str | None,
        votes: int | None,
        upvotes: int | None,
    ) -> None:
        """The latest sighting so far: every value it shows is the latest of its field."""
        group.last = order
        values = group.values
        assert values is not None
        orders = group.orders
        values["title"] = title
        orders["title"] = order
        if paper_id is not None:
            values["paper_id"] = paper_id
            orders["paper_id"] = order
        if upvotes is not None:
            values["upvotes"] = upvotes
            orders["upvotes"] = order
        if votes is not None:
            values["votes"] = votes
            orders["votes"] = order
        links = paper.links
        if links:
            values["links"] = tuple(links)
            orders["links"] = order
        url = paper.url
        if url:
            values["url"] = url
            orders["url"] = order
        # Fields that should not change: a different value is a conflict.
        abstract = paper.abstract
        if abstract:
            held = values.get("abstract")
            if held is not None and held != abstract and group.ordered:
                self._conflict(group, "abstract", (order, abstract), (orders["abstract"], held))
            values["abstract"] = abstract
            orders["abstract"] = order
        author_count = paper.author_count
        organization = paper.organization
        if author_count is not None or organization is not None:
            who = (author_count, organization)
            held = values.get("who")
            if held is not None and held != who and group.ordered:
                self._conflict(group, "who", (order, who), (orders["who"], held))
            values["who"] = who
            orders["who"] = order
        date = paper.date
        if date is not None:
            held = values.get("date")
            if held is not None and held != date and group.ordered:
                self._conflict(group, "date", (order, date), (orders["date"], held))
            values["date"] = date
            orders["date"] = order

    def _offer(self, group: _Group, name: str, value: Any, order: _Order) -> None:
        """Keep ``value`` if it is the latest of its field (any order of arrival). The group
        is out of capture order: its conflicts are found at the end (``_replayed``)."""
        values = group.values
        assert values is not None
        held_order = group.orders.get(name)
        if held_order is not None and order < held_order:
            return
        values[name] = value
        group.orders[name] = order

    def _group_for(self, key: str, paper_id: str | None, order: _Order) -> _Group:
        group = self._by_key.get(key)
        other = self._by_id.get(paper_id) if paper_id else None
        if group is None:
            group = other
        elif other is not None and other is not group:
            group = self._unite(group, other)
        if group is None:
            group = _Group(order)
        self._by_key[key] = group
        if paper_id:
            self._by_id[paper_id] = group
        return group

    def _unite(self, one: _Group, two: _Group) -> _Group:
        for group in (one, two):
            if group.shown is not None:
                self._to_general(group)
        keep, gone = (one, two) if len(one.seen) >= len(two.seen) else (two, one)
        keep.first = min(keep.first, gone.first)
        keep.last = max(keep.last, gone.last)
        keep.seen.extend(gone.seen)
        keep.stable.extend(gone.stable)
        # Both out of order now: the conflicts either found as they came are found again
        # from the united sightings at the end (``result``), once.
        keep.ordered = gone.ordered = False
        # Rare (one paper id under two titles): a scan is cheaper than a set per paper.
        for index in (self._by_key, self._by_id):
            for name in [name for name, group in index.items() if group is gone]:
                index[name] = keep
        assert gone.values is not None
        for name, value in gone.values.items():
            self._offer(keep, name, value, gone.orders[name])
        return keep

    def _conflict(
        self, group: _Group, name: str, later: tuple[_Order, Any], earlier: tuple[_Order, Any]
    ) -> None:
        """A conflict at the later sighting, naming the earlier one's position."""
        at = f"{self._sources[_capture_of(earlier[0])]}:{_line_of(earlier[0])}"
        if name == "abstract":
            detail = f"abstract differs from the one at {at}"
        else:
            detail = f"{_show(name, later[1])} here, {_show(name, earlier[1])} at {at}"
        order = later[0]

        def keep(diagnostic: Diagnostic) -> None:
            self._diagnostics.append((order, diagnostic, group))
            if self._on_diagnostic is not None:
                self._on_diagnostic(diagnostic)

        reporter = Reporter(self.mode, self._sources[_capture_of(order)], keep)
        reporter.defect("conflict", _line_of(order), detail=detail)
        reporter.finish()  # strict mode raises here

    def result(self) -> Merged:
        """The records, in first-seen order, and the conflicts, in capture order."""
        groups = sorted({id(group): group for group in self._by_key.values()}.values(),
                        key=_first)
        # A paper whose sightings came out of capture order: the conflicts found as they
        # came compared neighbours that a later arrival may have come between. Its
        # conflicts are those of its sightings in capture order, found now (strict mode
        # raises the first).
        self._diagnostics = [entry for entry in self._diagnostics if entry[2].ordered]
        replayed = sorted(
            (conflict for group in groups if not group.ordered
             for conflict in _replayed(group)),
            key=_later_order,
        )
        for group, name, later, earlier in replayed:
            self._conflict(group, name, later, earlier)
        # Tens of thousands of new objects that all stay: the garbage collector would
        # visit them again and again while they are made and find nothing to free.
        collecting = gc.isenabled()
        gc.disable()
        try:
            papers = self._records(groups) if groups else ()
        finally:
            if collecting:
                gc.enable()
        self._diagnostics.sort(key=_first_item)
        return Merged(papers, tuple([entry[1] for entry in self._diagnostics]))

    def _records(self, groups: list[_Group]) -> tuple[MergedPaper, ...]:
        """The records of ``groups`` (in first-seen order): every ``Sighting`` of every
        record is built in one go, column by column, then every ``MergedPaper``."""
        flat: list[int | None] = []
        for group in groups:
            flat += group.seen if group.ordered else _in_capture_order(group.seen)
        orders = flat[0::3]
        captures = list(map(and_, map(rshift, orders, repeat(_BITS)), repeat(_LOW)))
        days = list(map(self._dates.__getitem__, captures))
        sightings = _build(Sighting, (
            map(self._sources.__getitem__, captures),
            map(and_, orders, repeat(_LOW)),
            days,
            flat[1::3],
            flat[2::3],
        ))
        # Where each record's sightings end in ``sightings``.
        ends = list(accumulate(map(floordiv, map(len, [g.seen for g in groups]), repeat(3))))
        starts = [0, *ends[:-1]]
        keys = self._keys
        rows = []
        for group in groups:
            shown = group.shown
            if shown is not None:
                title, paper_id, links, url, abstract, author_count, organization, date = shown
                # The latest counts shown: usually the latest sighting's, or none at all.
                counts = group.seen
                upvotes = counts[-1]
                if upvotes is None:
                    upvotes = _latest_count(counts[2::3])
                votes = counts[-2]
                if votes is None:
                    votes = _latest_count(counts[1::3])
                rows.append((
                    keys[title],
                    paper_id or None,
                    title,
                    abstract or None,
                    author_count,
                    organization,
                    date,
                    upvotes,
                    votes,
                    tuple(links),
                    url or None,
                ))
                continue
            values = group.values
            assert values is not None
            value = values.get
            title = values["title"]
            author_count, organization = value("who") or (None, None)
            rows.append((
                keys[title],
                value("paper_id"),
                title,
                value("abstract"),
                author_count,
                organization,
                value("date"),
                value("upvotes"),
                value("votes"),
                value("links") or (),
                value("url"),
            ))
        return tuple(_build(MergedPaper, [
            *zip(*rows, strict=True),
            map(days.__getitem__, starts),
            map(days.__getitem__, map(sub, ends, repeat(1))),
            map(tuple, map(sightings.__getitem__, map(slice, starts, ends))),
        ]))


def _first(group: _Group) -> _Order:
    return group.first


def _stable(
    order: _Order, abstract: str, author_count: int | None, organization: str | None,
    date: datetime.date | None,
) -> tuple[Any, ...]:
    """One sighting's entry in ``_Group.stable``: what the fields that should not change
    show (None: not shown). The abstract is kept as its hash: a paper's every abstract
    kept whole would cost its text per sighting."""
    who = None if author_count is None and organization is None else (author_count, organization)
    return order, who, date, hash(abstract) if abstract else None


#: The fields that should never change between captures (a disagreement is a
#: ``conflict``), where ``_Group.stable`` holds them after each order, in the order
#: ``_take_latest`` finds conflicts. Authors and organization are one field, ``who``: a
#: capture shows one or the other.
_STABLE_AT = (("abstract", 3), ("who", 1), ("date", 2))


def _replayed(
    group: _Group,
) -> list[tuple[_Group, str, tuple[_Order, Any], tuple[_Order, Any]]]:
    """The conflicts of a group's sightings taken in capture order: each sighting that shows
    a field against the one before it that shows it, as ``_take_latest`` finds them."""
    stable = iter(group.stable)
    entries = sorted(zip(stable, stable, stable, stable, strict=True), key=_first_item)
    conflicts = []
    held: dict[str, tuple[_Order, Any]] = {}
    for entry in entries:
        for name, index in _STABLE_AT:
            value = entry[index]
            if value is None:
                continue
            before = held.get(name)
            if before is not None and before[1] != value:
                conflicts.append((group, name, (entry[0], value), before))
            held[name] = (entry[0], value)
    return conflicts


def _later_order(conflict: tuple[Any, ...]) -> Any:
    return conflict[2][0]


def _first_item(item: tuple[Any, ...]) -> Any:
    return item[0]


def _latest_count(counts: list[int | None]) -> int | None:
    """The last count that is not None."""
    if counts.count(None) == len(counts):
        return None
    return next(count for count in reversed(counts) if count is not None)


def _latest_sighting(seen: list[int | None], offset: int) -> int | None:
    """Where in a regular group's ``seen`` (in capture order) the latest sighting starts
    whose count (votes at offset 1, upvotes at 2) is not None."""
    for start in range(len(seen) - 3, -1, -3):
        if seen[start + offset] is not None:
            return start
    return None


def _in_capture_order(seen: list[int | None]) -> list[int | None]:
    """A group's ``seen`` (order, votes, upvotes, …) sorted by order, stably."""
    entries = iter(seen)
    triples = sorted(zip(entries, entries, entries, strict=True), key=_first_item)
    return [item for triple in triples for item in triple]


# Records are built by setting their slots directly (as ``model.fast_paper`` does for
# papers), many at a time: the frozen classes' ``__init__`` goes through
# ``object.__setattr__`` per field. The results are ordinary instances
# (tests/test_merge_equivalence.py).
def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    fields = attrs.fields(cls)
    if tuple(field.name for field in fields) != names or any(
        field.validator is not None or field.converter is not None for field in fields
    ):
        raise TypeError(f"{cls.__name__} changed: update its fast construction")
    return tuple(cls.__dict__[name].__set__ for name in names)


_SETTERS: dict[type, tuple[Any, ...]] = {
    Sighting: _slot_setters(Sighting, SIGHTING_FIELDS),
    MergedPaper: _slot_setters(MergedPaper, MERGE_FIELDS),
}
_new = object.__new__
_Record = TypeVar("_Record", Sighting, MergedPaper)
_consume: Callable[[Iterable[Any]], None] = collections.deque(maxlen=0).extend


def _build(cls: type[_Record], columns: Sequence[Iterable[Any]]) -> list[_Record]:
    """``[cls(*values) for values in zip(*columns)]``, built faster: one column holds one
    field's values, in field order, for every instance (the first column sets the count)."""
    setters = _SETTERS[cls]
    if len(columns) != len(setters):
        raise TypeError(f"{cls.__name__} takes {len(setters)} columns, not {len(columns)}")
    first = list(columns[0])
    instances: list[_Record] = list(map(_new, repeat(cls, len(first))))
    _consume(map(setters[0], instances, first))
    for setter, column in zip(setters[1:], columns[1:], strict=True):
        _consume(map(setter, instances, column))
    return instances


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


def _not_digests(value: object) -> str:
    return (
        f"merge() takes an iterable of Digest (such as parse_file(path) for each path), "
        f"not {type(value).__name__}"
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
    name, else ``reference_date`` (default: today, read once when the merge starts). That
    day is also "today" for digests parsed while the merge pulls them
    (``parse_file(p) for p in paths``): one without its own reference date or capture
    time reads its yearless dates against that day.
    Captures are ordered by capture date, then as given. The digests are read one at a
    time and not kept.
    """
    merger = Merger(mode)
    reference_date = check_reference_date(reference_date)
    if isinstance(digests, (str, bytes, Digest)):
        raise TypeError(_not_digests(digests))
    # "today" is read once, and pinned while the digests are pulled: a merge that crosses
    # midnight places every undated capture on one day, and digests parsed lazily
    # (``parse_file(p) for p in paths``) read their yearless dates against that day too.
    day = reference_date if reference_date is not None else today()
    with today_is(day):
        for digest in digests:
            if not isinstance(digest, Digest):
                raise TypeError(_not_digests(digest))
            merger.add(
                digest, capture_date(digest, use_name=date_from_name, reference_date=day)
            )
    return merger.result()
