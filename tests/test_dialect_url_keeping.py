"""What the two URL-keeping dialects (text-urls, capture 02; html-text, capture 05) are
tested for alike: the fast path on the whole capture, detection, and the properties.
Each test runs once per dialect (the test id names it); their other tests are in
tests/test_dialect_text_urls.py and tests/test_dialect_html_text.py."""

from __future__ import annotations

import contextlib
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given, note

import digestparse
from dialect_support import (
    CAPTURE_PATHS,
    HTML_TEXT_CAPTURE,
    HTML_TEXT_PAGE,
    PLAIN_TEXT_URLS_PAGE,
    REFERENCE,
    RSS,
    SEED_PATHS,
    SOUP_LINES,
    TEXT_URLS_CAPTURE,
    DialectCapture,
    FastPathSpy,
    assert_paths_agree,
    bad_title,
    detector_head,
    parse_events,
)
from digestparse.dialects.html_text import fastpath as html_text_fastpath
from digestparse.dialects.text_urls import fastpath as text_urls_fastpath
from hostile_support import check_nothing_lost

CAPTURES = [TEXT_URLS_CAPTURE, HTML_TEXT_CAPTURE]
each_dialect = pytest.mark.parametrize("case", CAPTURES, ids=lambda case: case.name)

#: Each dialect's fast path itself (the dialect's own may be wrapped by a test).
READ_CANONICAL = {
    "text-urls": text_urls_fastpath.read_canonical,
    "html-text": html_text_fastpath.read_canonical,
}


# -- the fast path agrees with the rules ---------------------------------------------------


@each_dialect
def test_fast_path_reads_the_capture(case: DialectCapture) -> None:
    spy = FastPathSpy(READ_CANONICAL[case.name])
    events = parse_events(spy.on(case.dialect), case.lines, "lenient")
    assert any(spy.results)
    assert events == parse_events(case.dialect, iter(case.lines), "lenient")


@each_dialect
def test_fast_path_agrees_on_the_capture_twice_and_with_blank_ends(case: DialectCapture) -> None:
    source = "\n".join(case.lines)
    assert_paths_agree(case.dialect, source)
    assert_paths_agree(case.dialect, source + "\n\n")
    assert_paths_agree(case.dialect, source + "\n" + source)
    assert case.redated[0] in source
    assert_paths_agree(case.dialect, source.replace(*case.redated))


# -- detection ----------------------------------------------------------------------


@each_dialect
def test_detects_its_capture(case: DialectCapture) -> None:
    assert case.dialect.detect(detector_head("\n".join(case.lines)))


@pytest.mark.parametrize(
    ("case", "path"),
    [
        (case, path)
        for case in CAPTURES
        for path in SEED_PATHS + CAPTURE_PATHS
        if not path.name.startswith(case.capture)
    ],
    ids=lambda value: value.name if isinstance(value, DialectCapture) else value.name[:3],
)
def test_detector_rejects_seeds_and_other_captures(case: DialectCapture, path: Path) -> None:
    assert not case.dialect.detect(detector_head(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "text", [RSS, PLAIN_TEXT_URLS_PAGE, HTML_TEXT_PAGE], ids=["rss", "plain-urls", "html-text"]
)
@each_dialect
def test_detector_rejects_foreign_input(case: DialectCapture, text: str) -> None:
    assert not case.dialect.detect(detector_head(text))
    assert digestparse.parse(text).dialect != case.name


# -- properties -----------------------------------------------------------------------
# Hypothesis runs its examples for each dialect apart; the strategy is the dialect's own.


@each_dialect
@given(data=st.data())
def test_fast_path_agrees_on_mutations(case: DialectCapture, data: st.DataObject) -> None:
    assert_paths_agree(case.dialect, data.draw(case.mutated(), label="text"))


@each_dialect
@given(data=st.data())
def test_mutations_lose_nothing_and_titles_stay_titles(
    case: DialectCapture, data: st.DataObject
) -> None:
    digest = case.lenient(data.draw(case.mutated(), label="text"))
    note(repr([d.code for d in digest.diagnostics]))
    assert digest.dialect == case.name
    for paper in digest.papers:
        assert bad_title(paper.title) is None, paper.title


@each_dialect
@given(lines=st.lists(st.sampled_from(SOUP_LINES), max_size=60))
def test_any_soup_of_its_lines_is_read_without_loss(
    case: DialectCapture, lines: list[str]
) -> None:
    """Forced on any mix of its line shapes: lenient never raises and loses no line, strict
    raises only ParseError, and the fast path agrees with the rules."""
    text = "\n".join(lines)
    digest = check_nothing_lost(
        text, digestparse.parse(text, dialect=case.name, reference_date=REFERENCE)
    )
    for paper in digest.papers:
        assert bad_title(paper.title) is None, paper.title
    with contextlib.suppress(digestparse.ParseError):
        digestparse.parse(text, dialect=case.name, mode="strict", reference_date=REFERENCE)
    assert_paths_agree(case.dialect, text)
