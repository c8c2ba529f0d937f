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
followed by its ``…#community`` URL. Blank lines carry no meaning here.

Its line classes are in ``lines.py``, its rules in ``rules.py`` and
``junk.py``, and its fast path in ``fastpath.py``.
"""

from __future__ import annotations

from ..base import Dialect
from .fastpath import read_canonical
from .junk import junk_run
from .lines import Kind, classify, detect
from .rules import entry, read_header

TEXT_URLS = Dialect(
    name="text-urls",
    detect=detect,
    classify=classify,
    header=read_header,
    rules=(("entry", entry), ("junk", junk_run)),
    fast_path=read_canonical,
)

__all__ = ["TEXT_URLS", "Kind", "read_canonical"]
