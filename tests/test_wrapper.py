"""Capture wrappers (src/digestparse/wrapper.py) around a capture's body: what they say and
where the body starts and ends. The body here is capture 01's (lines 8-946: the menu, the
header, page date ``Jun 29`` and 34 entries, the last one cut by its tool at 946)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest

import digestparse
from dialect_support import capture_lines
from digestparse import dialects
from digestparse.diagnostics import Reporter
from digestparse.wrapper import capture_day, parse_timestamp
from hostile_support import check_nothing_lost

LINES = capture_lines("01")
BODY = LINES[7:946]
assert BODY[0].startswith("[[Hugging Face's logo]") and BODY[-1] == "[Content truncated]"


def _parse(*top: str, bottom: tuple[str, ...] = ()) -> digestparse.Digest:
    source = "\n".join([*top, *BODY, *bottom])
    return check_nothing_lost(source, digestparse.parse(source))


def _assert_body_read(digest: digestparse.Digest, first: int) -> None:
    """The body, starting at line ``first``, reads as in capture 01."""
    assert digest.dialect == "reference-text"
    assert len(digest.papers) == 34
    assert digest.papers[0].line == first + 47  # the first upvote box: 01:55
    assert [(d.code, d.line) for d in digest.diagnostics] == [("truncated-entry", first + 938)]


# The Obsidian Web Clipper's default note: a list under ``tags``, empty values, quotes.
OBSIDIAN = (
    "---",
    'title: "Daily Papers - Hugging Face"',
    'source: "https://huggingface.co/papers?q=Long-context+ASR"',
    "author:",
    "published:",
    "created: 2026-06-29",
    'description: "Your daily dose of AI research from AK"',
    "tags:",
    '  - "clippings"',
    "---",
)


def test_front_matter_with_a_list_and_nested_values() -> None:
    digest = _parse(*OBSIDIAN)
    _assert_body_read(digest, len(OBSIDIAN) + 1)
    assert digest.header_span is not None and digest.header_span[0] == 1
    assert digest.source_url == "https://huggingface.co/papers?q=Long-context+ASR"
    assert digest.captured_at == datetime.datetime(2026, 6, 29, tzinfo=datetime.timezone.utc)
    assert digest.page_date == datetime.date(2026, 6, 29)


@pytest.mark.parametrize(
    "lines",
    [
        ("tags: [a, b]", "description: >", "  folded text", "  on two lines"),
        ("authors:", "- one", "- two", "meta:", "  captured: 2020-01-01"),
    ],
)
def test_front_matter_values_over_several_lines(lines: tuple[str, ...]) -> None:
    top = ("---", "url: https://huggingface.co/papers", *lines,
           "captured_at: 2026-06-29T10:00:00Z", "---")
    digest = _parse(*top)
    _assert_body_read(digest, len(top) + 1)
    assert digest.source_url == "https://huggingface.co/papers"
    assert digest.captured_at == datetime.datetime(
        2026, 6, 29, 10, tzinfo=datetime.timezone.utc
    )


def test_a_rule_then_text_is_no_front_matter() -> None:
    """Only ``key: value`` lines and their nested values make front matter: a rule before
    lines of another kind is content."""
    source = "\n".join(["---", "Some text", "  indented", "---", *BODY])
    digest = digestparse.parse(source)
    assert digest.header_span is None or digest.header_span[0] > 1
    assert digest.source_url is None
    assert digest.captured_at is None


WEB_SOURCE = tuple(LINES[:6])  # '# Web source', its items and a blank line; 01:7 is the fence


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("```text", "```"),  # as capture 01
        ("``` text", "```"),
        ("```plain text", "```"),
        ("```c++", "```"),
        ("```text.plain", "```"),
        ("~~~ lynx -dump", "~~~"),
        ("````", "````"),
    ],
)
def test_a_fenced_body_with_any_info_string(opening: str, closing: str) -> None:
    digest = _parse(*WEB_SOURCE, opening, bottom=(closing,))
    _assert_body_read(digest, 8)
    assert digest.header_span == (1, 54)
    assert digest.footer_span == (947, 947)
    assert digest.captured_at is not None


def test_a_backtick_in_the_info_string_opens_no_fence() -> None:
    """CommonMark: a backtick fence's info string holds no backtick (```` ```a`b ```` is
    inline code): the wrapper ends before that line, which is then content."""
    source = "\n".join([*WEB_SOURCE, "```a`b", *BODY])
    digest = digestparse.parse(source)
    assert digest.footer_span is None
    assert ("missing-header", 7) in [(d.code, d.line) for d in digest.diagnostics]


@pytest.mark.parametrize(
    "value",
    [
        "https://huggingface.co/papers?q=Long-context+ASR",
        "<https://huggingface.co/papers?q=Long-context+ASR>",
        "[huggingface.co/papers](https://huggingface.co/papers?q=Long-context+ASR)",
        "`https://huggingface.co/papers?q=Long-context+ASR`",
    ],
)
def test_the_source_url_in_markdown(value: str) -> None:
    """A preamble is markdown: its URL may be written as an autolink or a link."""
    top = ("# Web source", "", f"- URL: {value}", "- Captured (UTC): 2026-06-29T16:31:22Z", "")
    for wrapper in (top, (f"**URL:** {value}", "**Captured:** 2026-06-29", "", "-----")):
        digest = _parse(*wrapper)
        _assert_body_read(digest, len(wrapper) + 1)
        assert digest.source_url == "https://huggingface.co/papers?q=Long-context+ASR"


@pytest.mark.parametrize("rule", [True, False])
def test_bold_items_are_a_preamble_only_up_to_their_rule(rule: bool) -> None:
    """``**Key:** value`` lines are a preamble up to a ``-----`` rule (04:1-4). Without it
    they are text: a chat line over a pasted capture (``**user:** here is what I copied``)
    was taken for a preamble and left out of every report."""
    top = ("**user:** here is what I copied from the page", "", *(("-----",) if rule else ()))
    digest = _parse(*top, "")
    if rule:
        _assert_body_read(digest, len(top) + 2)
        assert digest.header_span is not None and digest.header_span[0] == 1
    else:
        assert digest.dialect == "reference-text" and len(digest.papers) == 34
        assert [(d.code, d.line) for d in digest.diagnostics][:2] == [
            ("missing-header", 1), ("junk", 1)]


@pytest.mark.parametrize("dialect", ["auto", "text", "markdown", "reference-text", "html-text",
                                     "text-urls"])
@pytest.mark.parametrize("after", ["", "\n", "\n\n\n"])
def test_a_wrapper_with_an_empty_body_is_reported_after_the_wrapper(
    dialect: str, after: str
) -> None:
    """Every dialect reports the empty body at the line after the wrapper (the wrapper's own
    lines are fine), as markdown always did."""
    source = "---\nurl: https://huggingface.co/papers\n---" + after
    digest = digestparse.parse(source, dialect=dialect)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [("missing-header", 4, 1)]
    assert "the input is empty" in digest.diagnostics[0].message
    assert digest.header_span == (1, 3)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(source, mode="strict", dialect=dialect)
    assert (raised.value.line, raised.value.column) == (4, 1)


@pytest.mark.parametrize(
    ("captured", "day"),
    [
        ("2026-06-28T21:00:00-05:00", datetime.date(2026, 6, 29)),
        ("2026-06-30T01:00:00+05:00", datetime.date(2026, 6, 30)),
        # At the calendar's ends the UTC day does not exist: the capture's own day.
        ("0001-01-01T00:00:00+05:00", datetime.date(1, 1, 1)),
        ("9999-12-31T23:00:00-05:00", datetime.date(9999, 12, 31)),
    ],
)
def test_capture_day(captured: str, day: datetime.date) -> None:
    timestamp = parse_timestamp(captured)
    assert timestamp is not None
    assert capture_day(timestamp) == day


def test_without_a_capture_time_today_is_the_later_of_the_machine_day_and_utc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 21:00 at UTC-5 on Jun 28 the page shows Jun 29: read against the machine's own
    day, its yearless dates would all be a year back, without a word."""
    evening = datetime.datetime(2026, 6, 28, 21, 0, tzinfo=datetime.timezone(
        -datetime.timedelta(hours=5)))
    monkeypatch.setattr(digestparse.wrapper, "_local_now", lambda: evening)
    dump = "Daily Papers\n\nJun 29\n\nT\n\nA\n\n  \u2022 2 authors\n\u00b7\nJun 29"
    digest = digestparse.parse(dump)
    assert [d.code for d in digest.diagnostics] == ["bad-header"]  # only "Daily Papers"
    assert digest.page_date == datetime.date(2026, 6, 29)
    assert digest.papers[0].date == datetime.date(2026, 6, 29)
    merged = digestparse.merge([digest])
    assert merged.papers[0].first_seen == datetime.date(2026, 6, 29)
    morning = evening.replace(hour=9)
    monkeypatch.setattr(digestparse.wrapper, "_local_now", lambda: morning)
    assert digestparse.parse(dump).page_date == datetime.date(2025, 6, 29)


@pytest.mark.parametrize("captured", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00",
                                      "0001-01-01", "9999-12-31T23:59:59Z"])
def test_a_capture_time_at_the_calendar_ends_is_no_crash(captured: str) -> None:
    top = ("---", "url: https://huggingface.co/papers", f"captured_at: {captured}", "---")
    source = "\n".join([*top, *BODY])
    for mode in ("lenient", "strict"):
        try:
            digest = digestparse.parse(source, mode=mode)
        except digestparse.ParseError:
            continue  # dates of 2024-2026 are after a page date of year 1
        assert digest.captured_at == parse_timestamp(captured)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2026-06-29T10:00:00+05:30", datetime.datetime(
            2026, 6, 29, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))),
        ("2026-06-29T10:00:00-0800", datetime.datetime(
            2026, 6, 29, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=-8)))),
        # No time zone is a day or more away, and an hour has 60 minutes: no capture time,
        # as for any date that does not exist.
        ("2026-06-29T10:00:00+25:00", None),
        ("2026-06-29T10:00:00+24:00", None),
        ("2026-06-29T10:00:00+23:99", None),
        ("2026-06-29T10:00:00-0075", None),
        ("2026-02-30", None),
        # RFC 2822, as HTTP headers and feeds write them; "-0000" and no zone are UTC.
        ("Thu, 26 Nov 2026 08:00:00 GMT", datetime.datetime(
            2026, 11, 26, 8, tzinfo=datetime.timezone.utc)),
        ("26 Nov 2026 08:00:00 +0530", datetime.datetime(
            2026, 11, 26, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))),
        ("Thu, 26 Nov 2026 08:00:00 -0000", datetime.datetime(
            2026, 11, 26, 8, tzinfo=datetime.timezone.utc)),
        ("Thu, 26 Nov 2026 08:00", datetime.datetime(
            2026, 11, 26, 8, tzinfo=datetime.timezone.utc)),
        ("Thu, 31 Feb 2026 08:00:00 GMT", None),
        ("Thu, 26 Nov 2026 25:00:00 GMT", None),
        ("Thu, 26 Nov 2026 08:00:00 +9900", None),
        ("Thu, 26 Foo 2026 08:00:00 GMT", None),
        ("Nov 26 2026", None),
        # Four digits are the year, also below 100 (the email module read 0001 as 2001).
        ("Mon, 01 Jan 0001 00:00:00 +1400", datetime.datetime(
            1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=14)))),
        ("Sun, 01 Jan 0099 12:00:00 GMT", datetime.datetime(
            99, 1, 1, 12, tzinfo=datetime.timezone.utc)),
        ("Thu, 29 Feb 0025 08:00:00 GMT", None),  # 2025 has none either; 25 neither
    ],
)
def test_parse_timestamp(text: str, want: datetime.datetime | None) -> None:
    assert parse_timestamp(text) == want


def test_a_capture_time_with_an_impossible_offset_is_no_error() -> None:
    """It was a bare ValueError out of ``parse`` (neither ParseError nor InternalError)."""
    top = ("---", "url: https://huggingface.co/papers", "captured_at: 2026-06-29T10:00+25:00",
           "---")
    digest = _parse(*top)
    _assert_body_read(digest, len(top) + 1)
    assert digest.captured_at is None


@pytest.mark.parametrize(
    "items",
    [
        ("- URL: https://huggingface.co/papers", "- Captured: 2026-06-29T10:00:00Z"),
        ("- **URL:** https://huggingface.co/papers", "- **Captured:** 2026-06-29T10:00:00Z"),
        ("- __URL__: https://huggingface.co/papers", "- Captured: **2026-06-29T10:00:00Z**"),
    ],
)
def test_preamble_items_with_emphasis(items: tuple[str, ...]) -> None:
    top = ("# Web source", "", *items, "")
    digest = _parse(*top)
    _assert_body_read(digest, len(top) + 1)
    assert digest.source_url == "https://huggingface.co/papers"
    assert digest.captured_at == datetime.datetime(2026, 6, 29, 10, tzinfo=datetime.timezone.utc)


# Jina Reader's preamble (r.jina.ai), before the markdown it made of the page.
READER = (
    "Title: Daily Papers - Hugging Face",
    "",
    "URL Source: https://huggingface.co/papers?q=Long-context+ASR",
    "",
    "Published Time: 2024-02-08T00:00:00.000Z",
    "",
    "Warning: This page maybe requiring CAPTCHA, please make sure you are authorized.",
    "",
    "Markdown Content:",
)


def test_a_reader_preamble() -> None:
    """Its lines are the wrapper's; ``Published Time`` is the page's own metadata (when it
    was published, not captured), so it gives no capture time."""
    digest = _parse(*READER)
    _assert_body_read(digest, len(READER) + 1)
    assert digest.header_span is not None and digest.header_span[0] == 1
    assert digest.source_url == "https://huggingface.co/papers?q=Long-context+ASR"
    assert digest.captured_at is None


def test_a_reader_preamble_before_markdown() -> None:
    body = capture_lines("03")[9:]  # 03 without its front matter
    assert body[0] == "new"
    source = "\n".join([*READER, *body])
    digest = check_nothing_lost(source, digestparse.parse(source, reference_date=datetime.date(
        2026, 10, 2)))
    expected = digestparse.parse("\n".join(capture_lines("03")))
    assert digest.dialect == "markdown"
    assert [p.title for p in digest.papers] == [p.title for p in expected.papers]
    assert len(digest.papers) == 8
    assert [d.code for d in digest.diagnostics] == [d.code for d in expected.diagnostics]


@pytest.mark.parametrize(
    "top",
    [
        ("Title: Daily Papers - Hugging Face", ""),  # no "Markdown Content:" line
        ("Title: Daily Papers - Hugging Face", "Some text", "Markdown Content:"),
        ("Markdown Content:",),  # a last line and no item
    ],
)
def test_no_reader_preamble(top: tuple[str, ...]) -> None:
    source = "\n".join([*top, *BODY])
    digest = digestparse.parse(source)
    assert digest.source_url is None
    assert "missing-header" in [d.code for d in digest.diagnostics]


@pytest.mark.parametrize("blank", ["\ufeff", "\u00a0", "\u3000 "])
def test_unicode_blanks_in_a_wrapper(blank: str) -> None:
    """A wrapper's lines are stripped of what the capture dialects take as blank (U+FEFF
    included, which ``str.strip`` keeps): a line of it is blank, and around a key or the
    fence it is nothing."""
    top = (blank + "---", "url: https://huggingface.co/papers" + blank, blank,
           "captured_at: 2026-06-29T10:00:00Z", "---" + blank)
    digest = _parse(*top)
    _assert_body_read(digest, len(top) + 1)
    assert digest.header_span is not None and digest.header_span[0] == 1
    assert digest.source_url == "https://huggingface.co/papers"
    assert digest.captured_at == datetime.datetime(2026, 6, 29, 10, tzinfo=datetime.timezone.utc)
    fenced = digestparse.parse("\n".join([*WEB_SOURCE, "```text" + blank, *BODY, "```"]))
    assert fenced.footer_span == (947, 947)


def _invalid_utf8(diagnostics: Iterable[digestparse.Diagnostic]) -> list[tuple[int, int]]:
    return sorted((d.line, d.column) for d in diagnostics if d.code == "invalid-utf8")


def test_invalid_utf8_in_the_body_and_after_the_closing_fence_are_both_reported() -> None:
    """The fenced footer's lines are read (and their defects reported) when the closing
    fence is met, before the body's lines are parsed: the body's bad byte, reported later
    at an earlier line, was folded into the footer's run and lost (line 921 gone, the
    footer's diagnostic without its detail), in the stream and in forced dialects."""
    lines = capture_lines("01")
    (body,) = [n for n, line in enumerate(lines) if line.startswith("Standard LLM-based")]
    data = "\n".join(lines).encode()
    data = data.replace(b"Standard LLM-based", b"Standard\xe9 LLM-based", 1)
    data = data.rstrip(b"\n") + b"\n\nnote \xff\n"
    want = [(body + 1, 9), (data.count(b"\n"), 6)]
    assert _invalid_utf8(digestparse.parse(data).diagnostics) == want
    for block_size in (4096, 1 << 20):
        stream = digestparse.iter_papers(io.BytesIO(data), block_size=block_size)
        assert len(list(stream)) == 34
        assert _invalid_utf8(stream.diagnostics) == want
    short = (b"# Web source\n\n- URL: https://example.com\n\n```text\nSome prose.\n\nCaf\xe9\n"
             b"```\n\nafter \xff\n")
    for dialect in ("markdown", "reference-text", "text"):
        found = digestparse.parse(short, dialect=dialect).diagnostics
        assert _invalid_utf8(found) == [(8, 4), (11, 7)], dialect
        assert all("replaced by U+FFFD" in d.message for d in found if d.code == "invalid-utf8")


def test_a_second_capture_after_the_closing_fence_is_reported_not_lost() -> None:
    """Two captures joined into one file: the footer is not read, but its text is reported
    (``junk`` from its first line with text to its last), so the second capture's papers are
    not lost without a word; in a stream and with any block size alike."""
    text = "\n".join(LINES)
    assert text.endswith("```\n") and text.count("\n") == 947  # the fence ends line 947
    joined = text + text
    want = [("truncated-entry", 946, 946), ("junk", 948, 2 * 947)]
    digest = check_nothing_lost(joined, digestparse.parse(joined))
    assert len(digest.papers) == 34
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == want
    assert digest.diagnostics[1].message == (
        "lines that are not part of any entry: text after the capture's closing fence, not read"
    )
    assert digest.footer_span == (947, 2 * 947)
    for block_size in (7, 4096, 1 << 20):
        stream = digestparse.iter_papers(io.BytesIO(joined.encode()), block_size=block_size)
        assert len(list(stream)) == 34
        assert [(d.code, d.line, d.end_line) for d in stream.diagnostics] == want, block_size
    lines = digestparse.iter_papers(joined.splitlines(keepends=True))
    assert len(list(lines)) == 34
    assert [(d.code, d.line, d.end_line) for d in lines.diagnostics] == want


def _fenced_seed(after: str) -> str:
    """Seed 0 in capture 01's wrapper (with a capture time: no reading depends on today),
    then ``after`` its closing fence."""
    top = "# Web source\n\n- URL: https://huggingface.co/papers\n- Captured: 2025-12-31\n\n"
    return top + "```text\n" + SEED.rstrip("\n") + "\n```\n" + after


def test_text_after_the_closing_fence_fails_a_strict_parse_at_its_line() -> None:
    fence = _fenced_seed("").count("\n")
    assert digestparse.parse(_fenced_seed(""), mode="strict").footer_span == (fence, fence)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(_fenced_seed("\n  Saved with a clipper\n"), mode="strict")
    assert str(raised.value) == (
        f"<string>:{fence + 2}:1: junk lines that are not part of any entry: text after the "
        "capture's closing fence, not read"
    )


@pytest.mark.parametrize("after", [b"Second capture\n", b"\xff\n"])
def test_a_strict_stream_hands_out_every_clean_paper_before_the_footers_defect(
    after: bytes,
) -> None:
    """A trending capture folds its copies, and the fold holds its last paper back until the
    body ends: the footer's defect, reported first, kept that clean paper (capture 04's
    twelfth, before the fence) from the caller of a strict stream."""
    lines = capture_lines("04")
    assert lines[3] == "--------------------"  # its own **URL:** preamble ends here
    body = "\n".join(lines[4:]).strip("\n")
    data = ("# Web source\n\n- URL: https://huggingface.co/papers\n\n```text\n" + body
            + "\n```\n").encode() + after
    footer = data.count(b"\n")  # the footer's text is the last line
    papers: list[digestparse.Paper] = []
    with pytest.raises(digestparse.ParseError) as raised:
        for paper in digestparse.iter_papers(
            io.BytesIO(data), mode="strict", reference_date=datetime.date(2026, 12, 31)
        ):
            papers.append(paper)
    assert (raised.value.line, raised.value.column) == (footer, 1)
    assert len(papers) == 12  # as lenient mode reads it (tests/test_captures.py: 04 holds 12)


@pytest.mark.parametrize("after", ["\n", "\n\n  \t\n", "\u00a0\n\ufeff\n", "\n\n"])
def test_blank_lines_after_the_closing_fence_are_no_finding(after: str) -> None:
    source = _fenced_seed(after)
    digest = digestparse.parse(source, mode="strict")
    assert (len(digest.papers), digest.diagnostics) == (25, ())
    assert digest.footer_span is not None and digest.footer_span[1] >= source.count("\n")


def test_a_run_defect_reported_before_its_line_does_not_fold_into_a_later_run() -> None:
    found: list[digestparse.Diagnostic] = []
    reporter = Reporter("lenient", "<string>", found.append)
    reporter.defect("invalid-utf8", 11, 7, detail="byte 0xff")
    reporter.defect("invalid-utf8", 8, 4, detail="byte 0xe9")
    reporter.defect("invalid-utf8", 12, 1, detail="byte 0xfe")
    reporter.finish()
    assert sorted((d.line, d.end_line) for d in found) == [(8, 8), (11, 12)]


SEED = (Path(__file__).parent / "fixtures" / "000_5fdc9d4f0e730523.txt").read_text(
    encoding="utf-8")
FRONT_MATTER = "---\nurl: https://huggingface.co/papers\ncaptured_at: 2025-12-31\n---\n"


@pytest.mark.parametrize("blanks", [0, 1, 3])
def test_blank_lines_after_a_wrapper_are_no_defect_of_a_seed_dump(blanks: int) -> None:
    """They part the wrapper from the listing (the tool's layout, not the page's); at the
    start of a dump without a wrapper they are a defect, and the fast path agrees."""
    source = FRONT_MATTER + "\n" * blanks + SEED
    for mode in ("lenient", "strict"):
        digest = digestparse.parse(source, mode=mode)
        assert (digest.dialect, len(digest.papers), digest.diagnostics) == ("text", 25, ())
        assert digest.header_span is not None and digest.header_span[0] == 1
    bare = digestparse.parse("\n" * blanks + SEED, reference_date=datetime.date(2025, 12, 31))
    want = [("extra-blank-line", 1, blanks)] if blanks else []
    assert [(d.code, d.line, d.end_line) for d in bare.diagnostics] == want


@pytest.mark.parametrize("blanks", [1, 2])
def test_blank_lines_after_a_wrapper_read_alike_by_fast_path_and_rules(
    monkeypatch: pytest.MonkeyPatch, blanks: int
) -> None:
    """The text dialect forced on a page that is no listing, its preamble a wrapper: the fast
    path took the blank line after the wrapper for a separator between entries ("never at
    line 1" counted from the input's first line, not the body's), where the rules reported
    blank lines before the first line; now neither does."""
    source = ("# Page\n\n- Source URL: https://x.org/p\n\n## Extracted Text\n" + "\n" * blanks
              + "<a id='s0'></a>\n\n# Posts\n\nA post\n")

    def read() -> tuple[list[tuple[str, int]], tuple[str, int]]:
        """The lenient diagnostics and where strict mode raises."""
        digest = digestparse.parse(source, dialect="text")
        with pytest.raises(digestparse.ParseError) as raised:
            digestparse.parse(source, dialect="text", mode="strict")
        return [(d.code, d.line) for d in digest.diagnostics], (raised.value.code,
                                                                raised.value.line)

    fast = read()
    text = dialects.BY_NAME["text"]
    without = attrs.evolve(text, fast_path=lambda state: False)
    monkeypatch.setitem(dialects.BY_NAME, "text", without)  # the dict the parse reads
    first = ("missing-header", 6 + blanks)
    assert read() == fast
    assert fast[1] == first and fast[0][0] == first


FIXTURES = Path(__file__).parent / "fixtures"
#: Every seed and capture: the seeds start with their header, 01 and 03 with a wrapper of
#: their own (01's fenced), 02 with YAML front matter, 04 and 05 with none.
FIXTURE_NAMES = sorted(
    path.relative_to(FIXTURES).as_posix()
    for path in [*FIXTURES.glob("0*.txt"), *FIXTURES.glob("captures/0*.txt")]
)


def _shifted(digest: digestparse.Digest, by: int) -> tuple[object, ...]:
    """What a digest read: its papers and findings, ``by`` lines further down."""
    papers = [
        {**paper.to_dict(), "line": paper.line + by, "end_line": paper.end_line + by}
        for paper in digest.papers
    ]
    findings = [(d.code, d.line + by, d.column, d.end_line + by) for d in digest.diagnostics]
    return digest.dialect, papers, findings, digest.source_url, digest.captured_at


@pytest.mark.parametrize(("opening", "closing"), [("```", "```"), ("```text", "```"),
                                                  ("~~~ lynx -dump", "~~~")])
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_a_capture_pasted_into_a_code_block_reads_as_without_it(
    name: str, opening: str, closing: str
) -> None:
    """A code fence alone at the top is a wrapper too, also over the capture's own wrapper
    (whose fence then closes first): the capture reads as without it, one line down, and
    the closing fence is the footer. They were the header's junk and a paper's or the page's
    end's, and without URLs a footer read as a paper (``Website``)."""
    text = (FIXTURES / name).read_text("utf-8").rstrip("\n")
    bare = digestparse.parse(text, reference_date=datetime.date(2026, 11, 26))
    fenced_text = f"{opening}\n{text}\n{closing}\n"
    fenced = check_nothing_lost(
        fenced_text, digestparse.parse(fenced_text, reference_date=datetime.date(2026, 11, 26))
    )
    assert _shifted(fenced, 0) == _shifted(bare, 1)
    last = text.count("\n") + 3
    assert fenced.footer_span is not None and fenced.footer_span[1] == last
    if bare.footer_span is None:
        assert fenced.footer_span == (last, last)
    assert fenced.header_span is not None and fenced.header_span[0] == 1


def test_text_after_the_fence_closing_a_code_block_is_reported() -> None:
    source = "```\n" + SEED.rstrip("\n") + "\n```\nSecond capture\n"
    digest = digestparse.parse(source, reference_date=datetime.date(2025, 12, 31))
    assert (digest.dialect, len(digest.papers)) == ("text", 25)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", source.count("\n"))]


def test_a_code_block_around_a_fenced_wrapper_closes_after_it() -> None:
    """The wrapper's own fence closes its body; the code block's fence after it is no text
    after the capture, but a second one is."""
    inner = "\n".join([*WEB_SOURCE, "```text", *BODY, "```"])
    digest = _parse("````", *WEB_SOURCE, "```text", bottom=("```", "````"))
    _assert_body_read(digest, 9)
    assert digest.footer_span == (948, 949)
    twice = digestparse.parse(f"````\n{inner}\n````\n````\n")
    assert [(d.code, d.line) for d in twice.diagnostics][-1] == ("junk", 950)


@pytest.mark.parametrize(
    "above",
    [
        "```sh\nw3m -dump https://huggingface.co/papers\n```\n\n",  # the command, then its output
        "~~~~~~~~\n",  # an overline over the capture's first line
    ],
)
def test_a_code_block_closed_over_the_capture_is_no_wrapper(above: str) -> None:
    """A fence at the top whose block closes within a few lines, with more text after it:
    a command shown over its output, not a code block around the capture. Read as a
    wrapper, the whole capture was its footer (``unknown-format``, no paper)."""
    text = (FIXTURES / "tools" / "daily.w3m_plain.txt").read_text("utf-8")
    day = datetime.date(2026, 11, 26)
    bare = digestparse.parse(text, reference_date=day)
    digest = check_nothing_lost(above + text, digestparse.parse(above + text, reference_date=day))
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert [attrs.evolve(p, line=0, end_line=0) for p in digest.papers] == [
        attrs.evolve(p, line=0, end_line=0) for p in bare.papers
    ]
