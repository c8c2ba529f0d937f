"""Consecutive copies of one entry (the trending layout shows each entry twice in a row).

Two papers in a row are copies when they have the same paper id, or when their
titles fold to the same key and one of them has no paper id. The copies become
one paper: the first copy's fields win, the second fills what the first lacks
(the authors count and the organization count as one field), and the span
covers both.

Two papers in a row with one abstract and no field shown differently, whose titles
differ only by words that one of them lacks at its start or its end, are copies
too, one of which lost a line of its wrapped title (or wrote one twice); so are two
whose titles differ only by where they break words, one of which ran two words
together where a wrapped title's lines were joined without a space. They fold into
one paper with the undamaged copy's title, and the damaged copy is reported
(``copies-differ``); copies of one paper id whose titles differ so are reported alike.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Iterator

import attrs

from .diagnostics import Reporter
from .model import Paper, evolve_paper

_FILLABLE = tuple(
    field.name for field in attrs.fields(Paper) if field.name not in ("line", "end_line")
)
_fillable_values = operator.attrgetter(*_FILLABLE)
_EMPTY = (None, "", ())


def fold_copies(papers: Iterator[Paper], reporter: Reporter | None = None) -> Iterator[Paper]:
    """Papers with each run of consecutive copies folded into one (``merge_copy``); a copy
    that lost or repeated a line of its title, or ran two of its words together, is
    reported to ``reporter`` where one is given, which also holds back strict mode's
    checkpoints while a paper is held."""
    held: Paper | None = None
    held_key: str | None = None  # folded only when needed: folding is not free
    for paper in papers:
        if held is not None:
            held_id, paper_id = held.paper_id, paper.paper_id
            if held_id is not None and held_id == paper_id:
                # One paper's id: a copy, even where one copy's title was damaged (a wrapped
                # title's lines glued, ``AudioGeneration``; a line lost, reported).
                if held.title != paper.title and _title_damaged(held.key, paper.key):
                    held, held_key = _merge_cut_title(held, paper, reporter), None
                else:
                    held = _merge_checked(held, paper, reporter)
                continue
            # Two paper ids that differ rule a copy out without folding either title.
            if held_id is None or paper_id is None:
                if held_key is None:
                    held_key = held.key
                key = held_key if paper.title == held.title else paper.key
                if key == held_key:
                    held = _merge_checked(held, paper, reporter)
                    continue
                if _title_damaged(held_key, key) and _one_card(held, paper):
                    held, held_key = _merge_cut_title(held, paper, reporter), None
                    continue
                _hand_over_before(reporter, paper.line)
                yield held
                held, held_key = paper, key
                continue
            _hand_over_before(reporter, paper.line)
            yield held
        elif reporter is not None:
            reporter.hold_from(paper.line)
        held, held_key = paper, None
    if held is not None:
        _hand_over_before(reporter, sys.maxsize, held.end_line)
        yield held


def _hand_over_before(reporter: Reporter | None, line: int, checked: int = 0) -> None:
    """Before the held paper is handed out: hold the papers from ``line`` on (the next one,
    which may still prove a damaged copy) and let strict mode raise what lies before it
    (or, at the end, up to ``checked``), as the run loop does before it hands out a paper."""
    if reporter is not None:
        reporter.hold_from(line)
        reporter.checkpoint(checked or line - 1)


def merge_copy(first: Paper, second: Paper) -> Paper:
    mine, theirs = _fillable_values(first), _fillable_values(second)
    # Copies are most often equal field for field: then the second fills nothing.
    missing = {} if mine == theirs else {
        name: value
        for name, own, value in zip(_FILLABLE, mine, theirs, strict=True)
        if own in _EMPTY and value not in _EMPTY
    }
    if missing and (first.author_count is not None or first.organization is not None):
        # Authors or an organization: one field shown two ways. The first copy's wins whole;
        # a copy showing the other kind fills nothing (a paper never has both).
        missing.pop("author_count", None)
        missing.pop("organization", None)
    return evolve_paper(first, end_line=max(first.end_line, second.end_line), **missing)


def _title_damaged(first: str, second: str) -> bool:
    """Whether two different title keys are one title, one copy of which lost or repeated a
    line (``_one_extends``) or ran two words together (``_runs_together``)."""
    return _one_extends(first, second) or _runs_together(first, second)


def _merge_checked(held: Paper, copy: Paper, reporter: Reporter | None) -> Paper:
    """``merge_copy``, reporting a field that both copies show with different values (or
    authors on one and an organization on the other): one copy was damaged (an abstract's
    last line read as the organization where the name's line was lost), and which one
    cannot be told, so the first copy's value stays, as ever."""
    if reporter is not None and _fillable_values(held) != _fillable_values(copy):
        detail = _difference(held, copy)
        if detail is not None:
            reporter.defect("copies-differ", copy.line, 1, end_line=copy.end_line, detail=detail)
    return merge_copy(held, copy)


def _difference(held: Paper, copy: Paper) -> str | None:
    """The first field both copies show with different values, as ``copies-differ`` says it;
    None where they show none so."""
    for name, own, other in zip(_SHOWN_ALIKE_NAMES, _SHOWN_ALIKE(held), _SHOWN_ALIKE(copy),
                                strict=True):
        if own != other and own not in _UNSHOWN and other not in _UNSHOWN:
            if name == "date" and not (held.year_explicit and copy.year_explicit) and (
                own.month, own.day) == (other.month, other.day):
                continue  # one copy's year was read off the reference date, not shown
            return f"the {name} differs: {_said(other)} where the other copy has {_said(own)}"
    kinds = (_credit(held), _credit(copy))
    if None not in kinds and kinds[0] != kinds[1]:
        return f"one copy shows the {kinds[1]} where the other shows the {kinds[0]}"
    return None


def _said(value: object) -> str:
    """A field's value in a detail: text quoted, a date or a count as it is written."""
    return repr(value) if isinstance(value, str) else str(value)


def _credit(paper: Paper) -> str | None:
    """What a copy shows of who wrote the paper: its authors count or its organization."""
    if paper.author_count is not None:
        return "authors count"
    return "organization" if paper.organization is not None else None


def _one_extends(first: str, second: str) -> bool:
    """Whether one of two title keys is the other with words added at its start or its end
    (a wrapped title that lost its first or its last line)."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return bool(short) and (long.startswith(short + " ") or long.endswith(" " + short))


def _runs_together(first: str, second: str) -> bool:
    """Whether two different title keys differ only by the spaces between their words (a
    wrapped title's lines joined without a space: ``end-to-endmulti-modal``)."""
    return len(first) != len(second) and first.replace(" ", "") == second.replace(" ", "")


#: The fields two copies of one card show alike, where both show them, and what
#: ``copies-differ`` calls each.
_SHOWN_ALIKE_FIELDS = {
    "author_count": "authors count", "organization": "organization", "date": "date",
    "upvotes": "upvote count", "votes": "comment count", "submitted_by": "submitter",
}
_SHOWN_ALIKE = operator.attrgetter(*_SHOWN_ALIKE_FIELDS)
_SHOWN_ALIKE_NAMES = tuple(_SHOWN_ALIKE_FIELDS.values())
#: Values that may mean a copy's layout does not show the field: a comment count of 0 is
#: also what a date line without one reads as.
_UNSHOWN = (*_EMPTY, 0)


def _one_card(first: Paper, second: Paper) -> bool:
    """Whether two papers whose titles differ are one card's copies: one abstract, not
    empty, and no field that both show with different values (distinct papers in a row
    never share an abstract, but made-up pages may)."""
    return (
        bool(first.abstract)
        and first.abstract == second.abstract
        and all(
            mine == theirs or mine in _EMPTY or theirs in _EMPTY
            for mine, theirs in zip(_SHOWN_ALIKE(first), _SHOWN_ALIKE(second), strict=True)
        )
    )


def _merge_cut_title(first: Paper, second: Paper, reporter: Reporter | None) -> Paper:
    """Copies whose titles differ by a line (or by a lost space, ``_runs_together``): one
    paper with the title the other copy did not damage. The copy with the shorter title
    lost a line of it (or a space), unless the longer one's extra words repeat the
    shorter's first or last words (a line written twice): then the longer is the damaged
    one."""
    short, long = (first, second) if len(first.key) < len(second.key) else (second, first)
    short_key, long_key = short.key, long.key
    if _runs_together(short_key, long_key):
        _report_title(reporter, short, long, "two words of the title run together")
        return evolve_paper(merge_copy(first, second), title=long.title)
    if long_key.startswith(short_key + " "):
        repeated = f" {short_key}".endswith(" " + long_key[len(short_key) + 1 :])
    else:
        repeated = f"{short_key} ".startswith(long_key[: -len(short_key) - 1] + " ")
    damaged, kept = (long, short) if repeated else (short, long)
    what = f"a line of the title {'repeated' if repeated else 'lost'}"
    _report_title(reporter, damaged, kept, what)
    return evolve_paper(merge_copy(first, second), title=kept.title)


def _report_title(reporter: Reporter | None, damaged: Paper, kept: Paper, what: str) -> None:
    if reporter is not None:
        reporter.defect(
            "copies-differ", damaged.line, 1, end_line=damaged.end_line,
            detail=f"{what}: {damaged.title!r} where the other copy has {kept.title!r}",
        )
