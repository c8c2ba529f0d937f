"""Output escaping: the one place that decides how text from dumps and file names is written.

Titles, abstracts, links and file names are untrusted. Written raw, an ESC starts a
terminal escape sequence, a bidi control reorders what the reader sees, a newline in a
file name forges a finding, and a cell starting with ``=`` is a spreadsheet formula.

- :func:`display_name`: a path as it is shown everywhere (JSON too): bytes that are not
  UTF-8 (``os.fsdecode`` keeps them as lone surrogates) become ``\\xNN`` text, and a name
  that a line would start with ``::`` gets ``./`` before it.
- :func:`escape_text`: human-facing text (check's text and github formats, stderr, CSV):
  control characters (category Cc) except tab, the bidi controls and the Unicode line and
  paragraph separators become visible escapes, and so does the second ``#`` of ``##[``.
  Backslashes stay as they are (titles hold LaTeX), so the escaping is not reversible; it
  is meant to be read.
- :func:`json_dumps`: exact data. JSON escaping for every Cc character and ``\\u`` escapes
  for the bidi controls, the separators, lone surrogates and the second ``#`` of ``##[``;
  nothing else changes.
- :func:`neutralize_formula`: a CSV cell that a spreadsheet would run gets a leading ``'``.
- :func:`escape_github_data`, :func:`escape_github_property`: GitHub workflow commands.
- :func:`escape_xml`: text for an XML element or attribute (XML 1.0 cannot hold most
  control characters at all, even as character references, so they are shown escaped).
"""

from __future__ import annotations

import re
from typing import Any

#: The bidi controls of issue 9: ALM, LRM, RLM, LRE..RLO, LRI..PDI.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(
        map(chr, range(0x2066, 0x206A))
    )
)
#: Line and paragraph separator: some viewers start a new line at them.
LINE_SEPARATORS = frozenset("\u2028\u2029")

_BIDI_CLASS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Cc is U+0000-U+001F and U+007F-U+009F; tab stays. Lone surrogates cannot be encoded.
_HUMAN_UNSAFE = re.compile(
    f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI_CLASS}\u2028\u2029\ud800-\udfff]"
)
# json.dumps already escapes U+0000-U+001F.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI_CLASS}\u2028\u2029\ud800-\udfff]")
_SURROGATE_BYTES = re.compile("[\udc80-\udcff]")

#: Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _visible(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


#: GitHub Actions' older workflow commands: the runner looks for ``##[`` anywhere in a line
#: of a job's output (``##[error]…`` forges an annotation, ``##[stop-commands]…`` turns the
#: annotations off). The second ``#`` is written as an escape, as a control character is.
LEGACY_COMMAND = "##["


def escape_text(text: str) -> str:
    """``text`` safe for a terminal or a log: one line, no control or bidi character, no
    workflow command (``LEGACY_COMMAND``)."""
    shown = _HUMAN_UNSAFE.sub(lambda match: _visible(match.group()), text)
    return shown.replace(LEGACY_COMMAND, "#\\x23[") if LEGACY_COMMAND in shown else shown


def display_name(name: str) -> str:
    """A path or name as shown in every format: undecodable bytes as ``\\xNN`` text, and
    ``./`` before a name that starts with ``::`` (blanks before it too). Text lines and CSV
    rows start with the name, and GitHub Actions runs a line of a job's output that starts
    with ``::`` as a workflow command (``::stop-commands::``, a forged ``::error``);
    ``./::a.txt`` is the same file."""
    shown = _SURROGATE_BYTES.sub(lambda match: _visible(match.group()), name)
    # The runner looks for ``::`` after any blanks that start the line.
    return "./" + shown if shown.lstrip().startswith("::") else shown


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_dumps(value: Any, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """``value`` as JSON that reads back exactly and shows no control or bidi character raw."""
    import json  # not at import time: a plain `check` never writes JSON

    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    # These characters can only occur inside JSON strings, where a \u escape means the same
    # (``#\u0023[`` is ``##[``, which a CI log must not see: ``LEGACY_COMMAND``).
    text = _JSON_UNSAFE.sub(_json_escape, text)
    return text.replace(LEGACY_COMMAND, "#\\u0023[") if LEGACY_COMMAND in text else text


def neutralize_formula(cell: str) -> str:
    """A CSV cell a spreadsheet would not run as a formula: ``'`` before a risky start."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


_NOT_XML = re.compile("[\ufffe\uffff]")  # the two XML 1.0 excludes beyond Cc and surrogates


def escape_xml(text: str) -> str:
    """``text`` for XML 1.0 element content or a double-quoted attribute: human escaping
    first (what remains is valid XML), then ``&``, ``<``, ``>``, ``"`` and tab."""
    visible = _NOT_XML.sub(lambda match: _visible(match.group()), escape_text(text))
    # As xml.sax.saxutils.escape, which would bring urllib, http and ssl into every start;
    # a tab as a reference, since an XML reader turns a raw one in an attribute into a space.
    return (
        visible.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("\t", "&#9;")
    )
