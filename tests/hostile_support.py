"""Helpers shared by the hostile-input suites: seeds, line splitting, the invariants."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import hypothesis.strategies as st

import digestparse
from digestparse import Digest
from digestparse.state import BLANKS

REFERENCE = datetime.date(2025, 12, 31)
FIXTURES = Path(__file__).parent / "fixtures"
SEED_PATHS = sorted(FIXTURES.glob("*.txt"))
SEEDS = [path.read_text(encoding="utf-8") for path in SEED_PATHS]
SEED_BYTES = [path.read_bytes() for path in SEED_PATHS]

_LINE_END = re.compile(r"\r\n|\r|\n")


def _decode_utf16(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be", errors="replace")


def _decode_utf32(data: bytes) -> str:
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return data.decode("utf-32", errors="replace")
    return data.decode("utf-32-le" if data[0] else "utf-32-be", errors="replace")


def input_lines(source: str | bytes, utf16: bool = False, utf32: bool = False) -> list[str]:
    """The lines of ``source`` as the format defines them (only CR, LF, CRLF break a line).

    Independent of digestparse.lines: bytes are decoded with U+FFFD for bad
    bytes (a bad byte never hides a line break, which is ASCII), or as
    UTF-16 when ``utf16`` (the parser said it saw UTF-16), or as UTF-32 when ``utf32``.
    """
    if isinstance(source, bytes) and utf32:
        text = _decode_utf32(source)
    elif isinstance(source, bytes):
        text = _decode_utf16(source) if utf16 else source.decode("utf-8", errors="replace")
    else:
        text = source
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def lenient(source: str | bytes) -> Digest:
    return digestparse.parse(source, mode="lenient", reference_date=REFERENCE)


def strict(source: str | bytes) -> Digest:
    return digestparse.parse(source, mode="strict", reference_date=REFERENCE)


def uncovered_lines(source: str | bytes, digest: Digest) -> list[int]:
    """Non-blank lines outside every paper, the header and footer spans and every diagnostic
    span. Blank is the dialect's: a line of only U+00A0 is blank in the capture dialects
    (``state.BLANKS``), text in the ``text`` dialect."""
    lines = input_lines(source, _utf16(digest), _utf32(digest))
    blanks = " \t" if digest.dialect == "text" else BLANKS
    covered = bytearray(len(lines) + 2)

    def cover(first: int, last: int) -> None:
        first = max(first, 1)
        last = min(last, len(lines))
        if first <= last:
            covered[first : last + 1] = b"\x01" * (last - first + 1)

    for paper in digest.papers:
        cover(paper.line, paper.end_line)
    if digest.header_span is not None:
        cover(*digest.header_span)
    if digest.footer_span is not None:
        cover(*digest.footer_span)
    for diagnostic in digest.diagnostics:
        cover(diagnostic.line, diagnostic.end_line)
    return [
        number
        for number, line in enumerate(lines, start=1)
        if line.strip(blanks) and not covered[number]
    ]


def check_spans(source: str | bytes, digest: Digest) -> None:
    """Spans are inside the input, papers come in order and never overlap."""
    count = len(input_lines(source, _utf16(digest), _utf32(digest)))
    previous_end = digest.header_span[1] if digest.header_span else 0
    for paper in digest.papers:
        assert 1 <= paper.line <= paper.end_line <= count, paper
        assert paper.line > previous_end, (paper.line, previous_end)
        previous_end = paper.end_line
    for diagnostic in digest.diagnostics:
        assert 1 <= diagnostic.line <= diagnostic.end_line, diagnostic
        # A diagnostic about something missing at the very end may point just past it.
        assert diagnostic.end_line <= count + 1, (diagnostic, count)
        assert diagnostic.column >= 1, diagnostic


def _utf16(digest: Digest) -> bool:
    return any(d.code == "utf16-input" for d in digest.diagnostics)


def _utf32(digest: Digest) -> bool:
    return any(d.code == "utf32-input" for d in digest.diagnostics)


def check_nothing_lost(source: str | bytes, digest: Digest) -> Digest:
    """``digest`` (of ``source``), once its spans are sound and it leaves no line out."""
    check_spans(source, digest)
    assert uncovered_lines(source, digest) == []
    return digest


def check_lenient(source: str | bytes) -> Digest:
    """Lenient parse plus every invariant that must hold for any input."""
    return check_nothing_lost(source, lenient(source))


def comparable(digest_or_papers: Digest | tuple[digestparse.Paper, ...]) -> list[dict[str, object]]:
    """Papers as dicts without their line numbers."""
    papers = digest_or_papers.papers if isinstance(digest_or_papers, Digest) else digest_or_papers
    result = []
    for paper in papers:
        data = paper.to_dict()
        del data["line"], data["end_line"]
        result.append(data)
    return result


def edit_lines(
    draw: st.DrawFn,
    lines: list[str],
    edit: str,
    i: int,
    *,
    first: int = 0,
    blanks: tuple[int, int] | None = None,
) -> bool:
    """Apply to ``lines`` at ``i`` one of the edits every mutation strategy shares; False
    for an edit of the caller's own. ``first`` is the first line a swap may take;
    ``blanks`` the range of blank lines one ``blank`` edit inserts (one when None)."""
    if edit == "delete":
        del lines[i]
    elif edit == "duplicate":
        lines.insert(i, lines[i])
    elif edit == "swap":
        j = draw(st.integers(first, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif edit == "move":
        j = draw(st.integers(0, len(lines) - 1))
        lines.insert(j, lines.pop(i))
    elif edit == "blank":
        lines[i:i] = [""] * (draw(st.integers(*blanks)) if blanks is not None else 1)
    elif edit == "unblank":
        found = [k for k, line in enumerate(lines) if not line]
        if found:
            del lines[draw(st.sampled_from(found))]
    else:
        return False
    return True


#: The edits ``damaged_text`` draws from: ``edit_lines``'s and ``glue`` (a line joined to the
#: next, as a lost line break leaves them).
DAMAGE_EDITS = ("delete", "duplicate", "swap", "move", "blank", "unblank", "glue")


def damaged_text(
    draw: st.DrawFn,
    lines: list[str],
    *,
    edits: tuple[str, ...] = DAMAGE_EDITS,
    most: int = 4,
    blanks: tuple[int, int] | None = None,
) -> str:
    """``lines`` with one to ``most`` of ``edits`` anywhere, joined, and maybe cut short at
    any character (a truncated capture)."""
    lines = list(lines)
    for _ in range(draw(st.integers(1, most), label="edits")):
        if not lines:
            break
        edit = draw(st.sampled_from(edits))
        i = draw(st.integers(0, len(lines) - 1))
        if not edit_lines(draw, lines, edit, i, blanks=blanks) and edit == "glue" and (
            i + 1 < len(lines)
        ):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)), label="truncate at")]
    return text
