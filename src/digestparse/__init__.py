"""Parse plain-text dumps of the huggingface.co "Daily Papers" listing into typed papers.

>>> import digestparse
>>> digest = digestparse.parse(text, reference_date=datetime.date(2025, 12, 31))
>>> digest.papers[0].title
"""

from __future__ import annotations

from .api import PaperStream, iter_papers, parse, parse_file
from .errors import InternalError, ParseError
from .merge import Merged, MergedPaper, Sighting, merge
from .model import Diagnostic, Digest, Paper
from .render import render
from .tokenizer import Token, TokenKind, tokenize

__version__ = "0.2.0"

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
