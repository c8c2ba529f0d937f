"""One definition of a paper record: Paper.to_dict, the JSON Schema and the CSV columns agree."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

import digestparse
from digestparse.cli.records import CSV_COLUMNS
from digestparse.model import RECORD_FIELDS

SCHEMA = json.loads(
    (Path(digestparse.__file__).parent / "schema" / "paper.schema.json").read_text("utf-8")
)


def test_to_dict_writes_exactly_the_record_fields_in_order() -> None:
    assert tuple(digestparse.Paper("t", "a").to_dict()) == RECORD_FIELDS


def test_every_paper_attribute_is_a_record_field() -> None:
    assert {field.name for field in attrs.fields(digestparse.Paper)} == set(RECORD_FIELDS)


def test_schema_describes_the_record_fields_and_requires_them_all() -> None:
    assert set(SCHEMA["properties"]) == {"source", *RECORD_FIELDS}
    assert SCHEMA["required"] == ["source", *RECORD_FIELDS]


def test_csv_columns_are_source_then_the_record_fields() -> None:
    assert ("source", *RECORD_FIELDS) == CSV_COLUMNS


def test_key_folds_case_width_and_punctuation() -> None:
    paper = digestparse.Paper("Agent Lightning: Train ANY AI Agents!", "")
    assert paper.key == "agent lightning train any ai agents"
    assert digestparse.Paper("\uff21gent  LIGHTNING\u2014train any-AI agents", "").key == (
        "agent lightning train any ai agents"
    )


def test_the_cli_docs_show_the_csv_columns_and_a_whole_record() -> None:
    """docs/cli.md's `parse` section names every CSV column and shows a record with every
    key, in order (they once stopped at `links` when four fields had been added)."""
    page = (Path(__file__).parent.parent / "docs" / "cli.md").read_text("utf-8")
    section = page[page.index("\n## `parse`") : page.index("\n## `check --series`")]
    assert f"The columns are `{','.join(CSV_COLUMNS)}`" in section
    start = section.index('```json\n{"source"') + len("```json\n")
    record = json.loads(section[start : section.index("```", start)])
    assert tuple(record) == CSV_COLUMNS
