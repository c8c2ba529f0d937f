"""identity_groups (the union of keys and paper ids) and diff_papers, by hand."""

from __future__ import annotations

import datetime

from digestparse import Paper
from digestparse.diff import DIFF_FIELDS, FieldChange, diff_papers
from digestparse.identity import identity_groups
from digestparse.model import RECORD_FIELDS


def test_identity_groups_follow_keys_and_ids_both_ways() -> None:
    pairs = [("a", None), ("b", "x"), ("a", "x"), ("c", None), ("d", "y"), ("c", "y"),
             ("e", None), ("b", None)]
    assert identity_groups(pairs) == [0, 0, 0, 1, 1, 1, 2, 0]


def test_identity_groups_number_groups_in_order_of_first_member_even_after_a_union() -> None:
    # "q" starts group 1, "p" group 0; the third pair joins them: all one group, number 0.
    assert identity_groups([("p", "1"), ("q", "2"), ("r", "1"), ("r", "2")]) == [0, 0, 0, 0]


def test_diff_compares_every_field_but_the_positions() -> None:
    assert set(DIFF_FIELDS) == set(RECORD_FIELDS) - {"line", "end_line"}


def test_diff_matches_a_renamed_paper_by_its_id() -> None:
    old = [Paper("Old title", "A.", line=11, paper_id="2501.1", votes=1),
           Paper("Gone", "G.", line=15)]
    new = [Paper("New", "N.", line=11),
           Paper("New title", "A.", line=15, paper_id="2501.1", votes=1,
                 date=datetime.date(2025, 1, 2))]
    found = diff_papers(old, new)
    assert [p.title for p in found.added] == ["New"]
    assert [p.title for p in found.removed] == ["Gone"]
    assert [(c.old.title, c.new.title) for c in found.changed] == [("Old title", "New title")]
    assert found.changed[0].changes == (
        FieldChange("title", "Old title", "New title"),
        FieldChange("date", None, datetime.date(2025, 1, 2)),
    )
    assert not found.equal


def test_diff_pairs_repeated_papers_in_order_and_ignores_moves() -> None:
    old = [Paper("T", "A.", line=11, votes=1), Paper("T", "A.", line=15, votes=2)]
    new = [Paper("Other", "O.", line=11), Paper("T", "A.", line=15, votes=1)]
    found = diff_papers(old, new)
    assert [p.title for p in found.added] == ["Other"]
    assert [(p.title, p.votes) for p in found.removed] == [("T", 2)]
    assert found.changed == ()  # the first T moved from line 11 to 15: not a change
    assert diff_papers(old, old).equal
