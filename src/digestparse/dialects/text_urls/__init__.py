"""The ``text-urls`` dialect: plain text where every link's URL follows its label on its own line.

A notebook's web-page export (capture 02, docs/format.md#the-text-urls-dialect).
One entry, blank lines left out::

     [-] 1
    https://huggingface.co/login?next=%2Fpapers%2F2410.05434
    Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback
    https://huggingface.co/papers/2410.05434
    While large language models (LLMs) show impressive decision-making abilities, …
    https://huggingface.co/papers/2410.05434
    [
    2 authors](https://huggingface.co/papers/2410.05434)
    ·
    Oct 7, 2024

An organization takes the authors' place as a name followed by its URL (after
a label-less link line); a comment count may follow the date on its own line,
followed by its ``…#community`` URL. Blank lines carry no meaning here. A
trending card may put a Submitted-by lead-in above its title and its upvote
button (``[``, ``Upvote``, ``N](url)``) and card links (``GitHub 1.2k`` and its
URL) after its date (docs/format.md, "Other pages").

Its line classes are in ``lines.py``, its rules in ``rules.py`` and
``junk.py``, and its fast path in ``fastpath.py``. A capture whose tool kept no URL
is read by ``plain.py`` (line shapes and detector: ``plain_lines.py``). Detection
needs only ``lines.py`` and ``plain_lines.py``: ``TEXT_URLS`` (with the rules and the
fast path) is built when first asked for, so that reading another dialect never
imports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..base import Dialect, built_on_first_use
from .lines import Kind, classify, shows_site_links
from .lines import detect as detect_urls
from .plain_lines import detect_plain

if TYPE_CHECKING:
    TEXT_URLS: Dialect


def detect(head: Sequence[str]) -> bool:
    """A capture with its URL lines (``lines.detect``), or the 2026 page from a tool that
    kept no URL (``plain_lines.detect_plain``, read by ``plain.py``)."""
    return detect_urls(head) or detect_plain(head)


def _build() -> Dialect:
    from ...rules.page_end import page_end
    from .fastpath import read_canonical
    from .junk import junk_run
    from .rules import entry, read_header

    return Dialect(
        name="text-urls",
        detect=detect,
        classify=classify,
        header=read_header,
        rules=(("entry", entry), ("page_end", page_end), ("junk", junk_run)),
        fast_path=read_canonical,
    )


__getattr__ = built_on_first_use(__name__, "TEXT_URLS", _build)

__all__ = ["TEXT_URLS", "Kind", "detect", "shows_site_links"]
