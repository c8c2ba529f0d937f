"""The helpers every dialect shares: markup removal, hard-wrap joining, paper ids."""

from __future__ import annotations

import pytest

from digestparse.links import paper_id, paper_url
from digestparse.markup import join_wrapped, links, plain


@pytest.mark.parametrize(
    "url, want",
    [
        ("https://huggingface.co/papers/2606.00683", "2606.00683"),
        ("https://huggingface.co/papers/2609.11115#community", "2609.11115"),
        ("https://arxiv.org/abs/2610.05608v2", "2610.05608"),
        ("http://arxiv.org/pdf/2401.00001v3.pdf", "2401.00001"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("huggingface.co/papers/2306.14898", "2306.14898"),
        # The login link carries the id only URL-encoded: it is not the paper's link.
        ("https://huggingface.co/login?next=%2Fpapers%2F2606.00683", None),
        ("https://huggingface.co/papers/trending", None),
        ("https://github.com/org/2606.00683", None),
    ],
)
def test_paper_id(url: str, want: str | None) -> None:
    assert paper_id(url) == want


def test_paper_url() -> None:
    assert paper_url("2606.00683") == "https://huggingface.co/papers/2606.00683"


@pytest.mark.parametrize(
    "line, want",
    [
        (
            "## by [![](https://huggingface.co/front/assets/papers-by.png)AK]"
            "(https://huggingface.co/akhaliq) and the research community",
            "by AK and the research community",
        ),
        ("## by[AK][30] and the research community", "byAK and the research community"),
        ("- Daily", "Daily"),
        ("* Monthly", "Monthly"),
        ("[Subscribe][29]", "Subscribe"),
        ("[Subscribe](https://huggingface.co/login?next=%2Fpapers)", "Subscribe"),
        ("# Trending Papers", "Trending Papers"),
        ("### [A Title\\  with a Break](https://huggingface.co/papers/2502.20581)",
         "A Title with a Break"),
    ],
)
def test_plain(line: str, want: str) -> None:
    assert plain(line) == want


def test_links_allow_one_level_of_brackets_in_their_text() -> None:
    line = "[[logo: lab] Kandinsky Lab](https://huggingface.co/kandinskylab) \u00b7 Oct 4, 2026"
    assert links(line) == [("[logo: lab] Kandinsky Lab", "https://huggingface.co/kandinskylab")]
    assert links("[Title][32]") == [("Title", "")]


def test_join_wrapped() -> None:
    assert join_wrapped(["Audio Language Models", " and music ", "", "generation."]) == (
        "Audio Language Models and music generation."
    )
    assert join_wrapped(["state-of-the-", "art"]) == "state-of-the-art"
    assert join_wrapped(["the effect -", "when"]) == "the effect - when"
