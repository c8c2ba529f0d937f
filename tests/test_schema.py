"""The JSON Schema describes the output (issue 9, points 4 and 7).

Every record ``digestparse parse`` can print (``source`` plus
``Paper.to_dict()``) validates against ``schema/paper.schema.json``, over
generated and mutated inputs; and a link never holds a control character.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import jsonschema
import pytest
import regex
from hypothesis import example, given

import digestparse
from digestparse.links import extract_links
from hostile_support import FIXTURES, lenient
from test_mutations import mutated_bytes, mutated_text

SCHEMA = json.loads(
    (Path(digestparse.__file__).parent / "schema" / "paper.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
_LINK_PATTERN = SCHEMA["properties"]["links"]["items"]["pattern"]

_HEAD = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
         "byAK and the research community\n\nDec 12\n\n")
#: Pieces of abstracts: URLs in every case, control characters, white space of every kind.
_URL_PIECES = st.sampled_from(
    ["https://", "HTTPS://", "Http://", "hTtP://", "github.com/", "x.github.io/", "a.org/b",
     "\x07", "\x1b[31m", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f", "\x85", "\x00", "\u00a0",
     "\u2028", "\ufeff", "\u202e", " ", "(", ")", ".", "x", "\u00e9"]
)
_ABSTRACTS = st.lists(st.one_of(_URL_PIECES, st.text(max_size=4)), min_size=1).map("".join)


def _records(source: str | bytes) -> list[dict[str, Any]]:
    return [{"source": "in.txt", **paper.to_dict()} for paper in lenient(source).papers]


def _assert_valid(source: str | bytes) -> None:
    for record in _records(source):
        errors = [error.message for error in VALIDATOR.iter_errors(record)]
        assert not errors, (record, errors)


def _listing(abstract: str) -> str:
    abstract = abstract.replace("\r", " ").replace("\n", " ").strip(" \t") or "x"
    return _HEAD + "Title\n\n" + abstract + "\n\n  \u2022 2 authors\n\u00b7\nDec 1"


@example("See HTTPS://Example.org/Code for the code.")
@example("Code: https://github.com/a/b\x1c and https://x.org/\x1f.")
@example("https://a.org/\x07bell then \x1b[31mhttps://b.org/x\x1b[0m")
@given(_ABSTRACTS)
def test_every_link_ends_before_a_control_character(abstract: str) -> None:
    for link in extract_links(abstract):
        assert not any(unicodedata.category(char) == "Cc" for char in link), link
        assert regex.fullmatch(_LINK_PATTERN, link), link


def test_a_url_ends_before_bel_and_esc() -> None:
    assert extract_links("https://a.org/x\x07y https://b.org/\x1b[0m") == (
        "https://a.org/x", "https://b.org/"
    )
    assert extract_links("HTTPS://A.org/\x1cB") == ("HTTPS://A.org/",)


@example("See HTTPS://Example.org/Code for the code.")
@example("Code: https://github.com/a/b\x1c and https://x.org/\x1f.")
@given(_ABSTRACTS)
def test_records_with_any_abstract_validate(abstract: str) -> None:
    source = _listing(abstract)
    assert _records(source), source
    _assert_valid(source)


@given(st.one_of(mutated_text(), mutated_bytes()))
def test_records_of_mutated_seeds_validate(source: str | bytes) -> None:
    _assert_valid(source)


@pytest.mark.parametrize(
    "path", [*sorted(FIXTURES.glob("[0-9]*.txt")), *sorted(FIXTURES.glob("captures/*.txt"))],
    ids=lambda path: path.name,
)
def test_records_of_every_fixture_validate(path: Path) -> None:
    _assert_valid(path.read_bytes())


def test_the_schema_rejects_a_link_with_a_control_character() -> None:
    record = {"source": "in.txt", **digestparse.Paper("t", "a", links=("https://a.org/\x07",),
                                                       line=1, end_line=1).to_dict()}
    assert not VALIDATOR.is_valid(record)
