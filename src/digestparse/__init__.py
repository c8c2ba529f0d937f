"""Parse plain-text dumps of the huggingface.co "Daily Papers" listing into typed papers.

>>> import datetime, digestparse
>>> digest = digestparse.parse_file(
...     "tests/fixtures/000_5fdc9d4f0e730523.txt", reference_date=datetime.date(2025, 12, 31))
>>> digest.papers[0].title
'What Benefits Drive Membership in Medicare Advantage Plans?'

docs/api.md describes the API; docs/cli.md the ``digestparse`` command.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from .api import PaperStream, iter_papers, parse, parse_file
from .errors import InternalError, ParseError
from .model import Diagnostic, Digest, Paper
from .render import render
from .tokenizer import Token, TokenKind, tokenize

if TYPE_CHECKING:
    from .merge import Merged, MergedPaper, Sighting, merge

__version__ = "0.2.0"

#: Names of ``digestparse.merge`` loaded on first use: parsing one dump (a plain ``check``)
#: never needs them, and the module takes a while to import.
_FROM_MERGE = frozenset({"Merged", "MergedPaper", "Sighting", "merge"})


def __getattr__(name: str) -> Any:
    if name not in _FROM_MERGE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # The submodule itself: ``from . import merge`` would ask this function again.
    __import__(f"{__name__}.merge")
    module = sys.modules[f"{__name__}.merge"]
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM_MERGE})


class _Package(types.ModuleType):
    """The package, whose ``merge`` stays the function once the submodule is imported.

    Importing ``digestparse.merge`` (``from digestparse.merge import Merger``) sets the
    package's attribute ``merge`` to the submodule; the function of the same name loaded
    lazily would then be lost (before it was lazy, the package's own import set it last).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "merge" and isinstance(value, types.ModuleType):
            value = value.merge
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Diagnostic",
    "Digest",
    "InternalError",
    "Merged",
    "MergedPaper",
    "Paper",
    "PaperStream",
    "ParseError",
    "Sighting",
    "Token",
    "TokenKind",
    "__version__",
    "iter_papers",
    "merge",
    "parse",
    "parse_file",
    "render",
    "tokenize",
]
