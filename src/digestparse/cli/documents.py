"""Text that leaves ``check`` in a document (JSON, SARIF, JUnit XML) or on a terminal.

A document must stay valid whatever the input held: a file name may carry undecodable
bytes (Python's surrogate escapes, which UTF-8 cannot encode) and XML 1.0 forbids most C0
control characters even as character references. Such characters are replaced by a
visible escape: ``\\xNN`` for a control character or an undecodable byte, ``\\uXXXX`` for
another code point. docs/cli.md says so.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

#: Characters XML 1.0 does not allow anywhere in a document: the complement of its Char
#: production (tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF), spelt as a
#: positive class, which compiles much faster than the negated astral range.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Lone surrogates: UTF-8 cannot encode them, so no JSON document may hold them raw.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What a terminal would act on: C0 and C1 controls (tab aside), DEL, and lone surrogates.
_NOT_SHOWN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(char: str) -> str:
    """The visible escape for one character a document or terminal cannot carry."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by a visible escape."""
    return _NOT_XML.sub(lambda match: visible(match.group()), text)


def json_safe(value: Any) -> Any:
    """``value`` (built of dicts, lists and scalars) with lone surrogates in its strings
    replaced by visible escapes, so that the JSON document encodes as UTF-8."""
    if isinstance(value, str):
        return _SURROGATE.sub(lambda match: visible(match.group()), value)
    if isinstance(value, dict):
        return {json_safe(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_safe(item) for item in value]
    return value


def shown(text: str) -> str:
    """Human-facing text for the terminal: control characters escaped visibly.

    The one function the ``check`` outputs of this change (statistics, summary additions)
    go through; it is meant to become ``cli/escape.py``'s terminal escaping.
    """
    return _NOT_SHOWN.sub(lambda match: visible(match.group()), text)


def dump_json(document: Any) -> str:
    return json.dumps(json_safe(document), ensure_ascii=False, indent=2) + "\n"


def write_document(text: str) -> None:
    """Write a document to stdout as UTF-8, whatever the locale's encoding."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
