"""Command line: ``python -m digestparse FILE...`` prints each paper as a JSON line."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from .api import parse_file


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print("usage: python -m digestparse FILE...", file=sys.stderr)
        return 2
    for path in args:
        digest = parse_file(path)
        for paper in digest.papers:
            print(json.dumps({"source": path, **paper.to_dict()}, ensure_ascii=False))
        for diagnostic in digest.diagnostics:
            print(diagnostic, file=sys.stderr)
    return 0
