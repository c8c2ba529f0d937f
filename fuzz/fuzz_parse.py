"""Coverage-guided fuzz target for digestparse (atheris / libFuzzer).

Run (see fuzz/README.md and docs/reliability.md):

    python fuzz/fuzz_parse.py /tmp/fuzz-corpus fuzz/corpus tests/fixtures -max_total_time=600

Every input is parsed as bytes and as text, leniently and strictly. The
target fails on: any exception from lenient mode, anything but ParseError
from strict mode, a lossy tokenize, a non-blank line outside every paper,
header and diagnostic span, or a render() that does not read back.
"""

from __future__ import annotations

import datetime
import re
import sys

import atheris

with atheris.instrument_imports():
    import digestparse

REFERENCE = datetime.date(2025, 12, 31)
_LINE_END = re.compile(r"\r\n|\r|\n")


def _lines(source: str | bytes, utf16: bool) -> list[str]:
    if isinstance(source, bytes):
        if utf16:
            if source[:2] in (b"\xff\xfe", b"\xfe\xff"):
                text = source.decode("utf-16", errors="replace")
            else:
                codec = "utf-16-le" if source[1] == 0 else "utf-16-be"
                text = source.decode(codec, errors="replace")
        else:
            text = source.decode("utf-8", errors="replace")
    else:
        text = source
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def check(source: str | bytes) -> None:
    digest = digestparse.parse(source, reference_date=REFERENCE)
    utf16 = any(d.code == "utf16-input" for d in digest.diagnostics)
    lines = _lines(source, utf16)
    covered = [False] * (len(lines) + 2)
    spans = [(p.line, p.end_line) for p in digest.papers]
    spans += [(d.line, d.end_line) for d in digest.diagnostics]
    if digest.header_span:
        spans.append(digest.header_span)
    for first, last in spans:
        if not 1 <= first <= last <= len(lines) + 1:
            raise AssertionError(f"span {first}-{last} outside {len(lines)} lines")
        for number in range(first, min(last, len(lines)) + 1):
            covered[number] = True
    for number, line in enumerate(lines, start=1):
        if line.strip(" \t") and not covered[number]:
            raise AssertionError(f"line {number} lost: {line[:80]!r}")
    try:
        digestparse.parse(source, mode="strict", reference_date=REFERENCE)
    except digestparse.ParseError:
        if not digest.diagnostics:
            raise AssertionError("strict failed where lenient reported nothing") from None
    else:
        if digest.diagnostics:
            raise AssertionError(f"strict accepted what lenient reported: {digest.diagnostics[0]}")
        # A clean dump is canonical: it renders back to itself, modulo the final newline
        # and a BOM, and its papers read back.
        text = "\n".join(lines)
        if digestparse.render(digest) != text:
            raise AssertionError("render(parse(x)) != x for a clean dump")
    if isinstance(source, str) and "".join(t.text for t in digestparse.tokenize(source)) != source:
        raise AssertionError("tokenize is lossy")


def test_one_input(data: bytes) -> None:
    check(data)
    provider = atheris.FuzzedDataProvider(data)
    check(provider.ConsumeUnicodeNoSurrogates(len(data)))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
