"""The five seed dumps against expectations derived without the parser (see fixtures/README.md)."""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import pytest

import digestparse
from seeds import REFERENCE_DATE, SEEDS, expected, without_lines


def _paper_cases() -> list[Any]:
    cases = []
    for seed in SEEDS:
        for index, paper in enumerate(expected(seed)["papers"]):
            cases.append(pytest.param(seed, index, paper, id=f"{seed.name[:3]}:{paper['line']}"))
    return cases


def _strict(seed: Path) -> digestparse.Digest:
    return digestparse.parse_file(seed, mode="strict", reference_date=REFERENCE_DATE)


def test_the_five_seeds_hold_233_papers() -> None:
    assert [expected(seed)["paper_count"] for seed in SEEDS] == [25, 48, 51, 59, 50]


@pytest.mark.parametrize("seed, index, paper", _paper_cases())
def test_paper_fields(seed: Path, index: int, paper: dict[str, Any]) -> None:
    assert _strict(seed).papers[index].to_dict() == paper


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_digest(seed: Path) -> None:
    want = expected(seed)
    digest = _strict(seed)
    assert len(digest.papers) == want["paper_count"]
    assert (digest.page_date.isoformat() if digest.page_date else None) == want["page_date"]
    assert list(digest.header) == want["header"]
    assert digest.diagnostics == ()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_lenient_agrees_with_strict_on_clean_dumps(seed: Path) -> None:
    lenient = digestparse.parse_file(seed, reference_date=REFERENCE_DATE)
    assert lenient == _strict(seed)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_render_round_trip(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert digestparse.render(_strict(seed)) == text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_iter_papers_matches_parse(seed: Path) -> None:
    stream = digestparse.iter_papers(seed, mode="strict", reference_date=REFERENCE_DATE)
    assert tuple(stream) == _strict(seed).papers
    assert stream.diagnostics == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_tokenize_is_lossless_and_kinds_match_the_layout(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    tokens = list(digestparse.tokenize(text))
    assert "".join(token.text for token in tokens) == text
    kinds = collections.Counter(token.kind for token in tokens)
    want = expected(seed)
    with_authors = sum(1 for paper in want["papers"] if paper["author_count"] is not None)
    with_metadata = sum(1 for paper in want["papers"] if paper["date"] is not None)
    assert kinds[digestparse.TokenKind.AUTHORS] == with_authors
    assert kinds[digestparse.TokenKind.SEPARATOR] == with_metadata
    page_dates = 1 if want["page_date"] else 0
    assert kinds[digestparse.TokenKind.DATE] == with_metadata + page_dates
    assert kinds[digestparse.TokenKind.HEADER] == len(want["header"])


def test_a_paper_in_several_dumps_parses_the_same_in_each() -> None:
    seen: dict[str, list[tuple[str, digestparse.Paper]]] = collections.defaultdict(list)
    for seed in SEEDS:
        for paper in _strict(seed).papers:
            seen[paper.title].append((seed.name, paper))
    repeated = {title: found for title, found in seen.items() if len(found) > 1}
    assert len(repeated) == 36  # counted with: sort titles of all dumps | uniq -d
    for found in repeated.values():
        first = found[0][1]
        for _name, paper in found[1:]:
            assert (paper.title, paper.abstract, paper.links) == (
                first.title, first.abstract, first.links,
            )
            # Seed 003 lists papers without metadata; compare metadata where both have it.
            if paper.date is not None and first.date is not None:
                assert without_lines(paper.to_dict()) == without_lines(first.to_dict())
