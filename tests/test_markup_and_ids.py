"""The helpers every dialect shares: markup removal, hard-wrap joining, paper ids."""

from __future__ import annotations

import unicodedata

import hypothesis.strategies as st
import pytest
import regex
from hypothesis import given

from digestparse import markup
from digestparse.links import paper_id, paper_url
from digestparse.markup import (
    is_reference_close,
    join_wrapped,
    links,
    plain,
    strip_image_alt,
    whole_reference,
)
from digestparse.model import title_key


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
        # The site's relative link, as a converter given the HTML without its address keeps it.
        ("/papers/2606.00683", "2606.00683"),
        ("/papers/2609.11115#community", "2609.11115"),
        ("/papers/trending", None),
        ("/login?next=%2Fpapers%2F2606.00683", None),
        ("/org/papers/2606.00683", None),
        ("papers/2606.00683", None),
        # A number alone, or an old-style id without its seven digits, is no paper's id.
        ("/papers/2410", None),
        ("https://huggingface.co/papers/2410", None),
        ("https://arxiv.org/abs/24100543", None),
        ("https://huggingface.co/papers/24100.54341", None),  # YYMM has four digits
        ("https://arxiv.org/abs/hep-th/99010", None),
        ("https://arxiv.org/abs/math.GT/0309136v1", "math.GT/0309136"),
        ("https://huggingface.co/papers/date/2026-06-29", None),
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
        # A heading mark or bullet counts only at the start, never later in the line.
        ("*Spoon* Soup", "*Spoon* Soup"),
        ("-Spoon - a soup", "-Spoon - a soup"),
        ("+1 + 1 = 2", "+1 + 1 = 2"),
        ("#1 # of votes", "#1 # of votes"),
        ("- *Emphasis* kept", "*Emphasis* kept"),
        # Escaped brackets are text: they neither open nor close a link.
        ("Learning \\[to\\](rank) Better", "Learning [to](rank) Better"),
        ("[Learning \\[to\\](rank)](https://x.org/p)", "Learning [to](rank)"),
        ("[Lab \\] One](https://x.org/lab)", "Lab ] One"),
    ],
)
def test_plain(line: str, want: str) -> None:
    assert plain(line, escapes=True) == want
    if "\\" not in line:
        assert plain(line) == want


@pytest.mark.parametrize(
    ("line", "markdown", "verbatim"),
    [
        # TeX in a title, as the page shows it: markdown escapes the backslash, the other
        # tools write it as it is.
        ("Cutting 45\\\\% of the Cost", "Cutting 45\\% of the Cost", "Cutting 45\\\\% of the Cost"),
        ("Cutting 45\\% of the Cost", "Cutting 45% of the Cost", "Cutting 45\\% of the Cost"),
        ("### [Fast \\_tokens\\_ at 30\\%][12]", "Fast _tokens_ at 30%",
         "Fast \\_tokens\\_ at 30\\%"),
        ("\\alpha-Blending", "\\alpha-Blending", "\\alpha-Blending"),
    ],
)
def test_plain_resolves_escapes_only_for_markdown(line: str, markdown: str, verbatim: str) -> None:
    assert plain(line, escapes=True) == markdown
    assert plain(line) == verbatim


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
    # A dash markdown escapes (html2text's, after a quote) keeps its space as well.
    assert join_wrapped(['Agent "a" \\-', "Generation"]) == 'Agent "a" \\- Generation'
    assert join_wrapped(["\\-", "Generation"]) == "\\- Generation"
    # A dash is no word broken by a hyphen: it keeps its space.
    assert join_wrapped(["improvements --", "for example"]) == "improvements -- for example"
    # w3m breaks a URL after its scheme; a URL that ends a line with a slash keeps the space
    assert join_wrapped(["Project page: https://", "example.org/"]) == (
        "Project page: https://example.org/"
    )
    assert join_wrapped(["see https://example.org/", "for more"]) == (
        "see https://example.org/ for more"
    )
    # w3m also breaks a URL before a '/' or a query's mark, and after a '/' where its path
    # goes on (tests/fixtures/tools/urls/); a URL broken over three lines is one. Only the
    # readings of text browsers' output ask for that.
    assert join_wrapped(["at https://github.com", "/x"]) == "at https://github.com /x"
    for parts, joined in (
        (["at https://github.com", "/example-lab/code"], "at https://github.com/example-lab/code"),
        (["at https:", "//github.com/x"], "at https://github.com/x"),
        (["code: https://github.com/", "example-lab/code."],
         "code: https://github.com/example-lab/code."),
        (["at http://www.example.org/a_b/c?d=1&e", "=2 and"],
         "at http://www.example.org/a_b/c?d=1&e=2 and"),
        (["at https://", "github.com/", "example-lab/x y"],
         "at https://github.com/example-lab/x y"),
        (["at https://arxiv.org/abs/", "2611.01234v2."], "at https://arxiv.org/abs/2611.01234v2."),
        # after a query's '=' or '&', or its '?' before a key=value; after an owner on
        # GitHub, GitLab or Hugging Face, or a branch, whatever word follows
        (["at https://x.org/helix?", "v=2&lang=en."], "at https://x.org/helix?v=2&lang=en."),
        (["at https://x.org/helix?v=2&", "lang=en"], "at https://x.org/helix?v=2&lang=en"),
        (["at https://x.org/helix?v=2&lang=", "en. We"], "at https://x.org/helix?v=2&lang=en. We"),
        (["at https://github.com/example-lab/", "pixelforge. We"],
         "at https://github.com/example-lab/pixelforge. We"),
        (["at https://huggingface.co/datasets/example/", "chronos"],
         "at https://huggingface.co/datasets/example/chronos"),
        (["at https://github.com/a/b/tree/main/", "src"], "at https://github.com/a/b/tree/main/src"),
        (["is it at https://x.org/code?", "We ask"], "is it at https://x.org/code? We ask"),
        (["see https://huggingface.co/", "Qwen and"], "see https://huggingface.co/ Qwen and"),
        (["see https://github.com/a/b/", "We"], "see https://github.com/a/b/ We"),
        # not a URL, or a plain word after one that ends with '/': the space stays
        (["and /", "or"], "and / or"),
        (["see example.org", "/path"], "see example.org /path"),
        (["at https://x.github.io/", "We"], "at https://x.github.io/ We"),
    ):
        assert join_wrapped(parts, broken_urls=True) == joined, parts
    # A hyphen after a bracket, a quote or a sign breaks a word all the same.
    assert join_wrapped(["Sec. 3.2 (a)-", "(c)"]) == "Sec. 3.2 (a)-(c)"
    assert join_wrapped(["Large Language Model (LLM)-", "based"]) == (
        "Large Language Model (LLM)-based"
    )
    assert join_wrapped(['the "teacher"-', "student gap"]) == 'the "teacher"-student gap'
    assert join_wrapped(["from 10%-", "20%"]) == "from 10%-20%"
    assert join_wrapped(["a dash ---", "here"]) == "a dash --- here"
    assert join_wrapped(["pages 10-", "12"]) == "pages 10-12"


def test_join_wrapped_puts_no_space_inside_chinese_or_japanese_text() -> None:
    # Han, Kana and their punctuation write no space between words: a text browser breaks
    # a run of them anywhere, and the break is no space, with broken_urls or without.
    for broken_urls in (False, True):
        for parts, joined in (
            (["大模", "型"], "大模型"),
            (["视觉语言模型的", "高效推理"], "视觉语言模型的高效推理"),
            (["上下文", "，并需要"], "上下文，并需要"),  # w3m: before a fullwidth comma
            (["稀疏路由，", "一种方案"], "稀疏路由，一种方案"),  # lynx: after it
            (["本研究では、大規模", "言語モデル"], "本研究では、大規模言語モデル"),
            (["ベンチマー", "クを提案する。"], "ベンチマークを提案する。"),
            (["a 模", "型 b", "c"], "a 模型 b c"),
            # Beside a letter of another script the space stays: it was there.
            (["大模型", "and more"], "大模型 and more"),
            (["We study", "大模型"], "We study 大模型"),
            (["Möbius", "模型"], "Möbius 模型"),
            # Korean spaces its words, and the tools break at those spaces as well as
            # inside a word: a break between two Hangul syllables keeps its space.
            (["한국어", "모델"], "한국어 모델"),
            (["모델", "型"], "모델 型"),
        ):
            assert join_wrapped(parts, broken_urls=broken_urls) == joined, parts
            # A converter that wraps at blanks only (the markdown and html-text readings)
            # broke at a space: it stays.
            assert join_wrapped(parts, broken_urls=broken_urls, broken_cjk=False) == " ".join(
                part.strip() for part in parts
            ), parts


@pytest.mark.parametrize(
    "line, want",
    [
        ("[Subscribe][29]", "Subscribe"),
        ("[[microsoft] Microsoft][67]", "[microsoft] Microsoft"),
        ("[[Hugging Face's logo] Hugging Face][1]", "[Hugging Face's logo] Hugging Face"),
        # Two references on one line are not one reference.
        ("[a][1] and [b][2]", None),
        ("[Title][12] trailing", None),
        ("[Title](https://example.com)", None),
        ("][12]", None),
        ("[", None),
    ],
)
def test_whole_reference(line: str, want: str | None) -> None:
    assert whole_reference(line) == want


@pytest.mark.parametrize(
    "line, want",
    [("][31]", True), ("][7]", True), ("]", False), ("][x]", False), ("text][31]", False)],
)
def test_is_reference_close(line: str, want: bool) -> None:
    assert is_reference_close(line) is want


@pytest.mark.parametrize(
    "text, want",
    [
        ("[microsoft] Microsoft", "Microsoft"),
        ("[SUDA] Soochow University", "Soochow University"),
        ("Microsoft", "Microsoft"),
    ],
)
def test_strip_image_alt(text: str, want: str) -> None:
    assert strip_image_alt(text) == want


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_title_key_ascii_shortcut_is_the_general_rule(title: str) -> None:
    folded = unicodedata.normalize("NFKC", title).casefold()
    general = " ".join(word for word in regex.split(r"[^\p{L}\p{N}]+", folded) if word)
    assert title_key(title) == general


_MARKUP_PIECES = st.sampled_from(
    ["a", "Z", " ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\xad", "[", "]", "(", ")",
     "!", "#", "-", "*", "+", "\\", "_", "x](u)", "[1]", "![i](s)", "\u00e9", "\u56fe", "."]
)


@given(st.lists(_MARKUP_PIECES, max_size=12).map("".join))
def test_plain_shortcut_agrees_with_the_full_reading(text: str) -> None:
    for escapes in (False, True):
        for marks in (False, True):
            assert markup.plain(text, escapes=escapes, marks=marks) == markup._plain(
                text, escapes, marks
            )
