"""Coverage-guided fuzz target for digestparse (atheris / libFuzzer).

Run (see fuzz/README.md and docs/reliability.md):

    python fuzz/fuzz_parse.py /tmp/fuzz-corpus fuzz/corpus tests/fixtures -max_total_time=600

Every input is parsed as bytes and as text, leniently and strictly. The
target fails on: any exception from lenient mode, anything but ParseError
from strict mode, a lossy tokenize, a non-blank line outside every paper,
header and diagnostic span, or a render() that does not read back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import digestparse

# The invariants are the test suite's own (tests/hostile_support.py), so the
# fuzzer and the property suites check exactly the same things.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_support import REFERENCE, check_spans, input_lines, uncovered_lines


def check(source: str | bytes) -> None:
    digest = digestparse.parse(source, reference_date=REFERENCE)
    check_spans(source, digest)
    lost = uncovered_lines(source, digest)
    if lost:
        raise AssertionError(f"lines lost: {lost[:10]}")
    utf16 = any(d.code == "utf16-input" for d in digest.diagnostics)
    lines = input_lines(source, utf16)
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
