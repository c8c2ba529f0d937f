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
                    held = merge_copy(held, paper)
                continue
            # Two paper ids that differ rule a copy out without folding either title.
            if held_id is None or paper_id is None:
                if held_key is None:
                    held_key = held.key
                key = held_key if paper.title == held.title else paper.key
                if key == held_key:
                    held = merge_copy(held, paper)
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


def _one_extends(first: str, second: str) -> bool:
    """Whether one of two title keys is the other with words added at its start or its end
    (a wrapped title that lost its first or its last line)."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return bool(short) and (long.startswith(short + " ") or long.endswith(" " + short))


def _runs_together(first: str, second: str) -> bool:
    """Whether two different title keys differ only by the spaces between their words (a
    wrapped title's lines joined without a space: ``end-to-endmulti-modal``)."""
    return len(first) != len(second) and first.replace(" ", "") == second.replace(" ", "")


#: The fields two copies of one card show alike, where both show them.
_SHOWN_ALIKE = operator.attrgetter(
    "author_count", "organization", "date", "upvotes", "votes", "submitted_by"
)


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
