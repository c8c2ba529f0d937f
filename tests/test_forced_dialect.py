"""A forced dialect that does not fit: positioned errors in strict mode, diagnostics in
lenient mode, nothing lost (issue 10)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import digestparse
from digestparse.dialects import DIALECTS
from hostile_support import check_nothing_lost

FIXTURES = Path(__file__).parent / "fixtures"
INPUTS = sorted(FIXTURES.glob("0*.txt")) + sorted((FIXTURES / "captures").glob("*.txt"))
REFERENCE = datetime.date(2026, 11, 25)


def _cases() -> list[object]:
    return [
        pytest.param(path, dialect.name, id=f"{path.name[:3]}-as-{dialect.name}")
        for path in INPUTS
        for dialect in DIALECTS
    ]


@pytest.mark.parametrize("path, dialect", _cases())
def test_forced_dialect(path: Path, dialect: str) -> None:
    data = path.read_bytes()
    detected = digestparse.parse(data, reference_date=REFERENCE).dialect
    lenient = digestparse.parse(data, reference_date=REFERENCE, dialect=dialect)
    assert lenient.dialect == dialect
    check_nothing_lost(data, lenient)
    if dialect == detected:
        return
    # Read as the wrong dialect, a real capture cannot come out clean.
    assert lenient.diagnostics, (path.name, dialect)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(data, mode="strict", reference_date=REFERENCE, dialect=dialect)
    error = raised.value
    assert error.line >= 1 and error.column >= 1
    first = lenient.diagnostics[0]
    assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
