"""digestparse.merge: identity, sightings, latest values, conflicts, on the seeds and by hand."""

from __future__ import annotations

import datetime
import gc
import json
import subprocess
import sys
import unicodedata
import weakref
from importlib import resources
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import digestparse
from digestparse import Digest, Paper
from digestparse.cli.merge_cmd import MERGE_CSV_COLUMNS
from digestparse.merge import MERGE_FIELDS, SIGHTING_FIELDS, Merger, capture_date, date_from_name
from digestparse.model import title_key
from seeds import FIXTURES, REFERENCE_DATE, SEEDS, expected
from series_support import capture_day, dated_copies

MERGE_SCHEMA = json.loads(
    resources.files("digestparse").joinpath("schema/merge.schema.json").read_text("utf-8")
)
SEED_KEYS = json.loads((FIXTURES / "seed_keys.json").read_text("utf-8"))
DAY = datetime.date(2025, 12, 1)


def merged_seeds(tmp_path: Path) -> digestparse.Merged:
    copies = dated_copies(tmp_path)
    digests = [
        digestparse.parse_file(path, reference_date=REFERENCE_DATE) for path in copies.values()
    ]
    return digestparse.merge(digests, date_from_name=True)


def digest(source: str, *papers: Paper, captured_at: datetime.datetime | None = None) -> Digest:
    return Digest(papers=papers, page_date=None, source=source, captured_at=captured_at)


def paper(title: str, line: int = 11, **fields: object) -> Paper:
    return Paper(title, fields.pop("abstract", "An abstract."), line=line, **fields)  # type: ignore[arg-type]


# --- the seeds ---------------------------------------------------------------------------


def test_seed_keys_are_pinned() -> None:
    """Every seed paper's key equals the one tests/fixtures/derive_keys.py wrote from the
    expected JSON's titles with a stdlib-only fold (no digestparse, no regex)."""
    for seed in SEEDS:
        parsed = digestparse.parse_file(seed, reference_date=REFERENCE_DATE)
        assert [p.key for p in parsed.papers] == SEED_KEYS[seed.name]
    assert sum(map(len, SEED_KEYS.values())) == 233


def test_seeds_merge_into_182_records(tmp_path: Path) -> None:
    """182 is counted independently: the distinct titles of the expected JSON, folded with
    ``" ".join("".join(c if c.isalnum() else " " for c in
    unicodedata.normalize("NFKC", t).casefold()).split())``."""
    titles = [p["title"] for seed in SEEDS for p in expected(seed)["papers"]]
    folded = {
        " ".join(
            "".join(c if c.isalnum() else " "
                    for c in unicodedata.normalize("NFKC", t).casefold()).split()
        )
        for t in titles
    }
    assert len(titles) == 233
    assert len(folded) == 182
    merged = merged_seeds(tmp_path)
    assert len(merged.papers) == 182
    assert {record.key for record in merged.papers} == folded
    assert sum(len(record.seen) for record in merged.papers) == 233
    assert merged.diagnostics == ()


def test_records_come_in_first_seen_order(tmp_path: Path) -> None:
    merged = merged_seeds(tmp_path)
    # Capture order: 001 (Nov 7), 004 (Nov 18), 003 (Nov 20), 000 (Dec 12), 002 (Dec 16).
    assert merged.papers[0].title == expected(SEEDS[1])["papers"][0]["title"]
    firsts = [(r.seen[0].captured, r.seen[0].line) for r in merged.papers]
    assert firsts == sorted(firsts)
    assert merged.papers[0].first_seen == datetime.date(2025, 11, 7)


def test_papers_seen_in_four_dumps_have_four_sightings_in_capture_order(tmp_path: Path) -> None:
    """By the expected JSON, three titles occur in four of the five seeds."""
    merged = merged_seeds(tmp_path)
    four = [record for record in merged.papers if len(record.seen) == 4]
    assert len(four) == 3
    record = next(r for r in four if r.title.startswith("More is Better in Modern"))
    days = [sighting.captured for sighting in record.seen]
    # In 001, 003, 000 and 002 (not 004): Nov 7, Nov 20, Dec 12, Dec 16.
    assert [d.isoformat() for d in days] == ["2025-11-07", "2025-11-20", "2025-12-12",
                                             "2025-12-16"]
    assert [Path(s.source).name for s in record.seen] == [
        "2025-11-07.txt", "2025-11-20.txt", "2025-12-12.txt", "2025-12-16.txt"]
    assert (record.first_seen, record.last_seen) == (days[0], days[-1])
    # Seed 003 shows no date line: its sighting has no count.
    assert record.seen[1].votes is None


def test_seed_003_gaps_are_filled_from_the_other_dumps(tmp_path: Path) -> None:
    merged = merged_seeds(tmp_path)
    by_key = {record.key: record for record in merged.papers}
    seed_003 = next(seed for seed in SEEDS if seed.name.startswith("003"))
    others = {}
    for seed in SEEDS:
        if seed is not seed_003:
            for p in expected(seed)["papers"]:
                others[p["title"]] = p  # the later seeds in this loop are not necessarily later
    shared = [p for p in expected(seed_003)["papers"] if p["title"] in others]
    assert len(shared) >= 10
    for p in expected(seed_003)["papers"]:
        assert p["author_count"] is None and p["date"] is None  # 003 has no metadata at all
    for p in shared:
        record = by_key[digestparse.Paper(p["title"], "").key]
        other = others[p["title"]]
        assert record.date is not None and record.date.isoformat() == other["date"]
        assert (record.author_count, record.organization) == (
            other["author_count"], other["organization"])
        assert record.votes is not None


def test_merge_records_match_the_schema(tmp_path: Path) -> None:
    for record in merged_seeds(tmp_path).papers:
        jsonschema.validate(record.to_dict(), MERGE_SCHEMA)


def test_one_definition_of_the_merge_record() -> None:
    assert tuple(attrs.fields_dict(digestparse.MergedPaper)) == MERGE_FIELDS
    record = digestparse.merge([digest("a.txt", paper("T"))], reference_date=DAY).papers[0]
    assert tuple(record.to_dict()) == MERGE_FIELDS
    assert tuple(record.seen[0].to_dict()) == SIGHTING_FIELDS
    assert MERGE_SCHEMA["required"] == list(MERGE_FIELDS)
    assert set(MERGE_SCHEMA["properties"]) == set(MERGE_FIELDS)
    assert MERGE_SCHEMA["properties"]["seen"]["items"]["required"] == list(SIGHTING_FIELDS)
    assert MERGE_CSV_COLUMNS == MERGE_FIELDS


# --- by hand -----------------------------------------------------------------------------


def test_same_paper_id_unites_different_titles_and_chains_both_ways() -> None:
    merged = digestparse.merge(
        [
            digest("2025-12-01.txt", paper("Alpha"), paper("Beta", 21, paper_id="2501.1")),
            digest("2025-12-02.txt", paper("Gamma", 11, paper_id="2501.1"),
                   paper("beta", 21, paper_id="2502.2")),
            # Key "alpha" with id 2502.2 joins the two groups {Alpha} and {Beta, Gamma}.
            digest("2025-12-03.txt", paper("ALPHA!", 11, paper_id="2502.2")),
        ],
        date_from_name=True,
    )
    assert len(merged.papers) == 1
    record = merged.papers[0]
    assert [(s.source, s.line) for s in record.seen] == [
        ("2025-12-01.txt", 11), ("2025-12-01.txt", 21), ("2025-12-02.txt", 11),
        ("2025-12-02.txt", 21), ("2025-12-03.txt", 11)]
    assert (record.title, record.key, record.paper_id) == ("ALPHA!", "alpha", "2502.2")


def test_latest_value_that_is_not_none_wins_whatever_the_input_order() -> None:
    captures = [
        digest("2025-12-01.txt", paper("T", upvotes=3, votes=1, url="https://huggingface.co/papers/1")),
        digest("2025-12-02.txt", paper("T", upvotes=7)),
        digest("2025-12-03.txt", paper("T")),
    ]
    for order in (captures, captures[::-1]):
        record = digestparse.merge(order, date_from_name=True).papers[0]
        assert (record.upvotes, record.votes, record.url) == (7, 1, "https://huggingface.co/papers/1")
        assert [s.upvotes for s in record.seen] == [3, 7, None]
        assert (record.first_seen, record.last_seen) == (DAY, datetime.date(2025, 12, 3))


def test_two_captures_on_one_date_are_two_sightings_in_the_order_given() -> None:
    record = digestparse.merge(
        [digest("morning-2025-12-01.txt", paper("T", upvotes=1)),
         digest("evening-2025-12-01.txt", paper("T", upvotes=2))],
        date_from_name=True,
    ).papers[0]
    assert [s.source for s in record.seen] == ["morning-2025-12-01.txt", "evening-2025-12-01.txt"]
    assert record.upvotes == 2


def test_conflict_keeps_the_later_value_and_names_both_positions() -> None:
    later = digest("b.txt", paper("T", 15, abstract="Other.", date=datetime.date(2025, 1, 2)))
    earlier = digest("a.txt", paper("T", 11, abstract="First.", date=datetime.date(2025, 1, 1)))
    for order in ([earlier, later], [later, earlier]):
        merged = Merger()
        merged.add(order[0], DAY if order[0] is earlier else DAY + datetime.timedelta(1))
        merged.add(order[1], DAY if order[1] is earlier else DAY + datetime.timedelta(1))
        result = merged.result()
        assert (result.papers[0].abstract, result.papers[0].date) == (
            "Other.", datetime.date(2025, 1, 2))
        assert sorted(str(d) for d in result.diagnostics) == [
            "b.txt:15:1: conflict two captures of one paper disagree on a field that should "
            "not change: abstract differs from the one at a.txt:11",
            "b.txt:15:1: conflict two captures of one paper disagree on a field that should "
            "not change: date 2025-01-02 here, date 2025-01-01 at a.txt:11",
        ]


def test_a_conflict_is_reported_once_when_a_paper_id_unites_two_titles() -> None:
    """A conflict found as the captures came (``Alpha``'s authors, 2 then 3), in a paper
    that a later capture unites with another title's under one paper id: it was reported
    again when the united sightings were compared at the end."""
    captures = [
        [paper("Alpha", author_count=2)], [paper("Alpha", author_count=3)],
        *[[paper("Beta", author_count=3, paper_id="2501.1")] for _ in range(3)],
        [paper("Alpha", author_count=3, paper_id="2501.1")],
    ]
    merger = Merger()
    for number, papers in enumerate(captures):
        merger.add(digest(f"c{number}.txt", *papers), DAY + datetime.timedelta(number))
    result = merger.result()
    assert len(result.papers) == 1
    assert [str(d) for d in result.diagnostics] == [
        "c1.txt:11:1: conflict two captures of one paper disagree on a field that should "
        "not change: 3 authors here, 2 authors at c0.txt:11",
    ]


def test_authors_and_organization_are_one_field() -> None:
    merged = digestparse.merge(
        [digest("2025-12-01.txt", paper("T", author_count=3)),
         digest("2025-12-02.txt", paper("T", organization="Lab"))],
        date_from_name=True,
    )
    assert (merged.papers[0].author_count, merged.papers[0].organization) == (None, "Lab")
    assert [d.message.split(": ", 1)[1] for d in merged.diagnostics] == [
        "organization 'Lab' here, 3 authors at 2025-12-01.txt:11"]


def test_strict_merge_raises_at_the_first_conflict() -> None:
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.merge(
            [digest("2025-12-01.txt", paper("T", author_count=3)),
             digest("2025-12-02.txt", paper("T", 13, author_count=4))],
            date_from_name=True, mode="strict",
        )
    assert (raised.value.source, raised.value.line, raised.value.code) == (
        "2025-12-02.txt", 13, "conflict")


def test_merge_keeps_no_paper_of_the_captures() -> None:
    papers = [paper(f"Title {n}", n + 11, abstract=f"Abstract {n}.") for n in range(50)]
    refs = [weakref.ref(p) for p in papers]
    captures = [digest("2025-12-01.txt", *papers), digest("2025-12-02.txt", *papers)]
    del papers
    merged = digestparse.merge(captures, date_from_name=True)
    del captures
    gc.collect()
    assert len(merged.papers) == 50
    assert all(ref() is None for ref in refs)


# --- capture dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("dumps/2025-12-01.txt", datetime.date(2025, 12, 1)),
        ("hf-20251201-0900.txt", datetime.date(2025, 12, 1)),
        ("2025-13-01_20251202.txt", datetime.date(2025, 12, 2)),  # the first valid one
        ("2025-12-01x/today.txt", None),  # only the file's own name counts
        ("run-120251201.txt", None),  # inside a longer number
        ("notes.txt", None),
    ],
)
def test_date_from_name(name: str, day: datetime.date | None) -> None:
    assert date_from_name(name) == day


def test_capture_date_prefers_captured_at_then_name_then_reference() -> None:
    at = datetime.datetime(2025, 12, 5, 23, 0)
    assert capture_date(digest("2025-12-01.txt", captured_at=at), use_name=True) == at.date()
    assert capture_date(digest("2025-12-01.txt"), use_name=True) == DAY
    assert capture_date(digest("2025-12-01.txt"), reference_date=REFERENCE_DATE) == REFERENCE_DATE
    assert capture_date(digest("x.txt"), use_name=True, reference_date=REFERENCE_DATE) == (
        REFERENCE_DATE)


def test_merge_reads_today_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two undated captures merged across midnight: both are placed on the day the merge
    started, not the second on the next day."""
    from digestparse import wrapper

    readings = iter([datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)])
    after_midnight = datetime.datetime(2026, 1, 1, 0, 0, 1, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(wrapper, "_local_now", lambda: next(readings, after_midnight))
    merged = digestparse.merge([digest("a.txt", paper("T")), digest("b.txt", paper("T"))])
    (record,) = merged.papers
    assert [sighting.captured for sighting in record.seen] == [datetime.date(2025, 12, 31)] * 2
    assert record.first_seen == record.last_seen == datetime.date(2025, 12, 31)



def test_merge_pins_its_day_for_digests_parsed_as_it_pulls_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``merge(parse(...) for ...)`` across midnight: each dump's "Jan 1" resolves against
    the day the merge started (2025-12-31, so 2025-01-01), as its capture date does; the
    parse after midnight read 2026-01-01 under a capture date of 2025-12-31."""
    from digestparse import wrapper

    readings = iter([datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)])
    after_midnight = datetime.datetime(2026, 1, 1, 0, 0, 1, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(wrapper, "_local_now", lambda: next(readings, after_midnight))
    dump = "Daily Papers\n\nJan 1\n\nT\n\nA\n\n  \u2022 2 authors\n\u00b7\nJan 1"
    merged = digestparse.merge(digestparse.parse(dump, name=name) for name in ("a", "b"))
    (record,) = merged.papers
    assert record.date == datetime.date(2025, 1, 1)
    assert merged.diagnostics == ()  # no conflict between the two dates
    assert [sighting.captured for sighting in record.seen] == [datetime.date(2025, 12, 31)] * 2
    assert wrapper.today() == datetime.date(2026, 1, 1)  # the pin ends with the merge


def test_capture_date_is_the_day_yearless_dates_resolve_against() -> None:
    """At 21:00 at UTC-5 it is already the next day in UTC, the site's day: the page and
    its yearless dates are read against that day, and the capture is placed on it too."""
    zone = datetime.timezone(-datetime.timedelta(hours=5))
    evening = datetime.datetime(2026, 6, 28, 21, 0, tzinfo=zone)
    assert capture_date(digest("x.txt", captured_at=evening)) == datetime.date(2026, 6, 29)
    morning = datetime.datetime(2026, 6, 28, 9, 0, tzinfo=zone)
    assert capture_date(digest("x.txt", captured_at=morning)) == datetime.date(2026, 6, 28)
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    east = datetime.datetime(2026, 6, 29, 1, 0, tzinfo=tokyo)
    assert capture_date(digest("x.txt", captured_at=east)) == datetime.date(2026, 6, 29)
    wrapped = "---\ncaptured_at: 2026-06-28T21:00:00-05:00\n---\n" + (
        "Daily Papers\n\nJun 29\n\nT\n\nA\n\n  \u2022 2 authors\n\u00b7\nJun 29")
    parsed = digestparse.parse(wrapped)
    assert parsed.papers[0].date == datetime.date(2026, 6, 29)
    assert capture_date(parsed) == parsed.papers[0].date


def test_capture_days_of_the_series_helper_are_the_page_dates() -> None:
    assert sorted(capture_day(seed).isoformat() for seed in SEEDS) == [
        "2025-11-07", "2025-11-18", "2025-11-20", "2025-12-12", "2025-12-16"]


def test_import_digestparse_imports_nothing_of_dask() -> None:
    code = (
        "import sys, digestparse, digestparse.cli\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] in ('dask', 'distributed', 'pandas', 'pyarrow')))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert shown.stdout == "[]\n"


_LAZY_MERGE = """
import sys
import digestparse
assert "digestparse.merge" not in sys.modules
assert {"merge", "Merged", "MergedPaper", "Sighting"} <= set(dir(digestparse))
assert "digestparse.merge" not in sys.modules
if sys.argv[1] == "submodule first":
    from digestparse.merge import Merger
module_name = "digestparse.merge"
from digestparse import Merged, merge
module = sys.modules[module_name]
assert merge is module.merge and Merged is module.Merged and digestparse.merge is merge
import digestparse.merge as again
assert again is merge and digestparse.merge is merge
print(merge([]).papers == ())
"""


@pytest.mark.parametrize("order", ["submodule first", "function first"])
def test_merge_is_loaded_on_first_use_and_stays_the_function(order: str) -> None:
    """``import digestparse`` leaves the merge module out; ``digestparse.merge`` is the
    function however the module comes to be imported (the submodule shares its name)."""
    shown = subprocess.run([sys.executable, "-c", _LAZY_MERGE, order], capture_output=True,
                           text=True, check=True)
    assert shown.stdout == "True\n"


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_titles_fold_like_the_unicode_rule(title: str) -> None:
    """title_key's shortcut for ASCII titles gives the key of the general rule."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    words = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in folded).split()
    assert title_key(title) == " ".join(words)


# --- arguments, as parse takes them ------------------------------------------------------


def test_merge_refuses_a_mode_it_does_not_know_even_without_a_conflict() -> None:
    """As ``parse``: a misspelt mode is a ValueError, not a lenient merge in disguise."""
    for mode in ("Strict", "x"):
        with pytest.raises(ValueError, match="mode must be 'strict' or 'lenient'"):
            digestparse.merge([digest("a.txt", paper("T"))], mode=mode)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="mode must be 'strict' or 'lenient'"):
            Merger(mode)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "given",
    [["2025-12-01.txt"], [Path("2025-12-01.txt")], [paper("T")], "2025-12-01.txt",
     digest("a.txt", paper("T"))],
    ids=["paths", "path objects", "papers", "a str", "one digest"],
)
def test_merge_of_what_is_not_digests_is_a_type_error_that_says_so(given: object) -> None:
    """Passing the paths themselves is the likely slip: it failed with an AttributeError
    on ``captured_at``."""
    with pytest.raises(TypeError, match="merge\\(\\) takes an iterable of Digest"):
        digestparse.merge(given)  # type: ignore[arg-type]


def test_merge_takes_the_reference_date_as_parse_does() -> None:
    """A ``datetime`` is reduced to its date (the records stay valid: dates, not date-times);
    anything else is a TypeError."""
    records = digestparse.merge(
        [digest("a.txt", paper("T"))], reference_date=datetime.datetime(2025, 12, 1, 13, 5)
    ).papers
    assert records[0].first_seen == records[0].seen[0].captured == DAY
    assert type(records[0].first_seen) is datetime.date
    jsonschema.validate(
        records[0].to_dict(), MERGE_SCHEMA, format_checker=jsonschema.FormatChecker()
    )
    with pytest.raises(TypeError, match=r"reference_date must be a datetime\.date"):
        digestparse.merge([digest("a.txt", paper("T"))], reference_date="2025-12-01")  # type: ignore[arg-type]
