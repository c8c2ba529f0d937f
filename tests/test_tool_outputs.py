"""Two made-up pages as real HTML-to-text tools write them (tests/fixtures/tools/README.md):
every card reads to the fields the page was written from, with no report.

Two differences are expected and named here, not read from the parser: tools that keep no
URL, and the numbered notations whose URLs stand in a list at the end, give no ``paper_id``
or ``url`` (docs/format.md); and a logo's alt text glued to a name it repeats, a capital
first, stays in the name (``QwenQwen``: docs/format.md, "cannot be told from a name").
``tests/fixtures/tools/handles/`` holds the same pages with handles unlike their names.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import digestparse
from dialect_support import assert_paths_agree
from digestparse.dialects import BY_NAME
from digestparse.dialects.markdown import rules as markdown_rules
from hostile_support import uncovered_lines

TOOLS = Path(__file__).parent / "fixtures" / "tools"
TRUTH: dict[str, list[dict[str, Any]]] = json.loads((TOOLS / "truth.json").read_text("utf-8"))
REFERENCE = datetime.date(2026, 11, 26)

#: Each output's dialect.
DIALECTS = {
    "w3m_plain": "text-urls", "w3m_cols200": "text-urls", "links": "text-urls",
    "links_w200": "text-urls", "elinks": "reference-text", "elinks_noref": "reference-text",
    "elinks_nonum": "text-urls", "elinks_nonum_noref": "text-urls",
    "lynx_w200": "reference-text", "lynx_nonumbers": "text-urls", "lynx": "reference-text",
    "h2t_default": "markdown", "h2t_bw0": "markdown", "h2t_ignore_images": "markdown",
    "h2t_images_to_alt": "markdown", "h2t_protect_links": "markdown",
    "mdfy_default": "markdown", "mdfy_atx": "markdown",
    "bs4_default": "text-urls", "bs4_nl": "text-urls", "inscriptis_default": "text-urls",
    "inscriptis_images": "text-urls", "htmltext_default": "text-urls",
    "markitdown_default": "markdown", "pandoc_plain": "text-urls",
    "pandoc_plain_nowrap": "text-urls", "htmd_default": "markdown",
    "crawl4ai_default": "markdown", "innertext": "text-urls",
    "turndown": "markdown", "turndown_atx": "markdown", "nhm": "markdown",
    "rehype_remark": "markdown",
}
#: The trending page is html-text in markdown (its cards are 05's).
TRENDING_MARKDOWN = "html-text"
#: Outputs with no paper id: no URL kept, or only in a numbered list at the end.
NO_IDS = {"w3m_plain", "w3m_cols200", "links", "links_w200", "elinks", "elinks_noref",
          "elinks_nonum", "elinks_nonum_noref", "lynx_w200", "lynx_nonumbers", "lynx",
          "bs4_default", "bs4_nl", "inscriptis_default", "inscriptis_images", "htmltext_default",
          "pandoc_plain", "pandoc_plain_nowrap", "innertext"}
#: Glued handles written as names (a capital first): they cannot be told from a name that
#: repeats itself (``PaddlePaddle``), and are kept (docs/format.md). The daily page's
#: markup puts no blank between logo and name, so the tools that write the alt glue it.
GLUED_NAMES = {
    ("daily", "Qwen"): "QwenQwen",
    ("daily", "Carnegie Mellon University"): "CarnegieMellonUCarnegie Mellon University",
}
#: The tools that glue a logo's alt text to the name where the page puts no blank there,
#: and do not number the logo apart from the name (elinks with its numbers writes
#: ``[46]Qwen[47]Qwen``, which tells the alt).
GLUING = {"w3m_plain", "w3m_cols200", "links", "links_w200", "elinks_nonum",
          "elinks_nonum_noref"}

OUTPUTS = sorted(path.name for path in TOOLS.glob("*.txt"))


def expected(page: str, tool: str, logo_shown: bool = True) -> list[dict[str, Any]]:
    """The page's fields as ``tool`` can show them; ``logo_shown``: the text keeps the
    site's logo at its top, which tells that the tool writes every image's alt text."""
    cards = []
    for card in TRUTH[page]:
        card = dict(card)
        if tool in NO_IDS:
            card.update(paper_id=None, url=None)
        if tool in GLUING and not logo_shown:
            key = (page, card["organization"])
            card["organization"] = GLUED_NAMES.get(key, card["organization"])
        cards.append(card)
    return cards


#: The pages of ``handles/``: each organization's name there, by its name on the page above
#: (handles/README.md).
RENAMED = {
    "OCC": "AI at Meta", "Qwen": "Ai2",
    "Carnegie Mellon University":
        "Knowledge Engineering Group (KEG) & Data Mining at Tsinghua University",
    "University of Massachusetts Amherst": "Sea AI Lab",
    "Kandinsky Lab": "Kuaishou Visual Generation and Interaction Center",
    "Princeton University": "Hugging Face Smol Models Research",
    "Mininglamp Technology": "VISIONx @ NYU", "Edge0": "AI at Meta",
}
#: Handles unlike the name's start that a name's first word cannot be told from by the name
#: alone, and the outputs that keep them (glued on the daily page where the tool glues).
#: ``KwaiVGI`` is written as handles are (a capital after a small letter): the text
#: browsers' outputs tell it by the site's logo at their top written as its alt text (every
#: image's alt is); html2text's ``images_to_alt`` writes that logo inside a link, and keeps
#: it. ``THUDM``, in capitals as a name may start (``MIT CSAIL``), is told only by elinks'
#: numbers.
UNTOLD_HANDLES = {
    ("daily", "THUDM"):
        "Knowledge Engineering Group (KEG) & Data Mining at Tsinghua University",
    ("trending", "KwaiVGI"): "Kuaishou Visual Generation and Interaction Center",
}
KEEPING_HANDLES = {
    "THUDM": GLUING | {"lynx", "lynx_w200", "lynx_nonumbers", "h2t_images_to_alt"},
    "KwaiVGI": {"h2t_images_to_alt"},
}
HANDLES = sorted(path.name for path in (TOOLS / "handles").glob("*.txt"))
#: The pages of ``initialisms/``: handles in capitals that are their names' initials, and
#: one that is not (initialisms/README.md).
INITIALISMS = {
    "OCC": "Beijing Academy of Artificial Intelligence",
    "Qwen": "King Abdullah University of Science and Technology",
    "Carnegie Mellon University": "The Chinese University of Hong Kong",
    "University of Massachusetts Amherst":
        "Mohamed bin Zayed University of Artificial Intelligence",
    "Kandinsky Lab": "Shanghai Jiao Tong University",
    "Princeton University": "Hong Kong University of Science and Technology",
    "Mininglamp Technology": "University of Science and Technology of China",
    "Edge0": "Zhejiang University",
}
#: ``ZJU`` is no initialism of ``Zhejiang University``: kept where the tool writes the alt
#: (elinks' numbers tell it).
UNTOLD_INITIALISMS = {("trending", "ZJU"): "Zhejiang University"}
KEEPING_INITIALISMS = {
    "ZJU": GLUING | {"lynx", "lynx_w200", "lynx_nonumbers", "h2t_images_to_alt"},
}
INITIALISM_OUTPUTS = sorted(path.name for path in (TOOLS / "initialisms").glob("*.txt"))
#: The pages of ``accents/``: names with letters beyond ASCII, their handles spelling them
#: without accents (accents/README.md; ``ETH Zürich`` stands on both pages).
ACCENTS = {
    "OCC": "ETH Zürich",
    "Qwen": "Université Paris-Saclay",
    "Carnegie Mellon University": "École Polytechnique",
    "University of Massachusetts Amherst": "Université de Montréal",
    "Kandinsky Lab": "Sorbonne Université",
    "Princeton University": "TU München",
    "Mininglamp Technology": "Universität Wien",
    "Edge0": "ETH Zürich",
}
ACCENT_OUTPUTS = sorted(path.name for path in (TOOLS / "accents").glob("*.txt"))


def expected_with_handles(
    page: str,
    tool: str,
    renamed: dict[str, str] = RENAMED,
    untold: dict[tuple[str, str], str] = UNTOLD_HANDLES,
    keeping: dict[str, set[str]] = KEEPING_HANDLES,
) -> list[dict[str, Any]]:
    """``expected`` for the page of ``handles/`` (or, with its tables, ``initialisms/``)."""
    cards = [dict(card) for card in TRUTH[page]]
    for card in cards:
        if tool in NO_IDS:
            card.update(paper_id=None, url=None)
        card["organization"] = renamed.get(card["organization"], card["organization"])
        for (where, handle), name in untold.items():
            if where == page and card["organization"] == name and tool in keeping[handle]:
                glue = "" if page == "daily" and tool in GLUING | {"h2t_images_to_alt"} else " "
                card["organization"] = handle + glue + name
    return cards


def fields(paper: digestparse.Paper) -> dict[str, Any]:
    return {
        "title": paper.title, "abstract": paper.abstract, "upvotes": paper.upvotes,
        "paper_id": paper.paper_id, "url": paper.url, "author_count": paper.author_count,
        "organization": paper.organization,
        "date": paper.date.isoformat() if paper.date else None, "votes": paper.votes,
        "submitted_by": paper.submitted_by,
    }


def test_every_output_is_here() -> None:
    assert len(OUTPUTS) == 64  # tools/*.txt; tools/unread/ holds two more
    assert {len(TRUTH["daily"]), len(TRUTH["trending"])} == {8, 6}


def read_clean(path: Path) -> list[dict[str, Any]]:
    """The fields of the papers of a tool's output, which must read in its dialect with no
    report, every line accounted for, strict mode and the fast path agreeing."""
    page, tool, _ = path.name.split(".")
    text = path.read_text("utf-8")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    dialect = DIALECTS[tool]
    if page == "trending" and dialect == "markdown":
        dialect = TRENDING_MARKDOWN
    assert (digest.dialect, digest.diagnostics) == (dialect, ())
    assert uncovered_lines(text, digest) == []
    assert digestparse.parse(text, mode="strict", reference_date=REFERENCE) == digest
    assert_paths_agree(BY_NAME[dialect], text, REFERENCE)
    return [fields(paper) for paper in digest.papers]


@pytest.mark.parametrize("name", OUTPUTS)
def test_a_tools_output_reads_to_the_pages_fields(name: str) -> None:
    page, tool, _ = name.split(".")
    assert read_clean(TOOLS / name) == expected(page, tool)


#: The pages of ``long_names/`` give these organizations longer names (its README.md).
LONG_NAMES = {
    ("daily", "University of Massachusetts Amherst"):
        "University of Massachusetts Amherst Manning College of Information and Computer Sciences",
    ("trending", "Kandinsky Lab"): "Kandinsky Lab for Generative Video Research",
    ("trending", "Princeton University"): "Princeton University Department of Computer Science",
    ("trending", "Mininglamp Technology"): "Mininglamp Technology Multimodal Research Center",
    ("trending", "Edge0"): "Edge0 Systems Laboratory for Efficient Inference",
}
LONG_OUTPUTS = sorted(path.name for path in (TOOLS / "long_names").glob("*.txt"))


def test_every_long_name_output_is_here() -> None:
    assert len(LONG_OUTPUTS) == 14


@pytest.mark.parametrize("name", LONG_OUTPUTS)
def test_a_long_organization_name_wrapped_by_the_tool_reads(name: str) -> None:
    """A name long enough that the tool wraps its line: inside the trending card's date
    (``… · Sep 4,`` over ``2026``, ``· Published`` over ``on Sep 16, 2026``), or over two
    lines above the daily card's ``·``. The card read with no report and the whole name
    (it gave ``junk``, a card without a date, or the date as the next card's organization)."""
    page, tool, _ = name.split(".")
    text = (TOOLS / "long_names" / name).read_text("utf-8")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    cards = expected(page, tool)
    for card in cards:
        for (renamed_page, short), long in LONG_NAMES.items():
            if renamed_page == page and card["organization"] is not None:
                card["organization"] = card["organization"].replace(short, long)
    assert (digest.dialect, digest.diagnostics) == (DIALECTS[tool], ())
    assert [fields(paper) for paper in digest.papers] == cards
    assert uncovered_lines(text, digest) == []
    assert digestparse.parse(text, mode="strict", reference_date=REFERENCE) == digest
    assert_paths_agree(BY_NAME[DIALECTS[tool]], text, REFERENCE)


def test_html2text_wraps_an_organizations_link_before_its_date() -> None:
    """html2text with ``images_to_alt`` writes the organization as a plain link; where that
    link fills the line it wraps before `` · ``, and the date line starts with ``·`` (as it
    wrote ``Princeton University Institute``). The two lines are one date line: the
    organization was lost and its date line reported."""
    text = (TOOLS / "trending.h2t_images_to_alt.txt").read_text("utf-8")
    link = "[princetonu Princeton University Institute](https://huggingface.co/princetonu)"
    for old, date in [
        ("[princetonu Princeton University](https://huggingface.co/princetonu) \u00b7\n"
         "Published on Sep 4, 2026\n", "Published on Sep 4, 2026"),
        ("[princetonu Princeton University](https://huggingface.co/princetonu) \u00b7 Sep 4,\n"
         "2026\n", "Sep 4, 2026"),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, f"{link}\n\u00b7 {date}\n")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    cards = expected("trending", "h2t_images_to_alt")
    cards[2]["organization"] = "Princeton University Institute"
    assert (digest.dialect, digest.diagnostics) == (TRENDING_MARKDOWN, ())
    assert [fields(paper) for paper in digest.papers] == cards
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(BY_NAME[TRENDING_MARKDOWN], text, REFERENCE)


@pytest.mark.parametrize("tool", ["mdfy_default", "h2t_default"])
def test_a_converters_escapes_are_not_the_cards_text(tool: str) -> None:
    """markdownify escapes every ``*`` and ``_`` of the page's text (``Q\\*-Trading``,
    ``x\\_t``, a submitter's ``v\\_vasilev``); html2text none of these. The trending page
    (html-text) kept markdownify's backslashes in the title, abstract and submitter, where
    the daily page (markdown) resolved them."""
    text = (TOOLS / "escapes" / f"trending.{tool}.txt").read_text("utf-8")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    cards = expected("trending", tool)
    cards[0]["submitted_by"] = "v_vasilev"
    cards[0]["abstract"] = cards[0]["abstract"].replace(
        "from text prompts,", "from text prompts x_t and *audio* cues,")
    cards[1]["title"] = "Q*-Trading: Multi-Agents LLM Financial Trading Framework"
    assert (digest.dialect, digest.diagnostics) == (TRENDING_MARKDOWN, ())
    assert [fields(paper) for paper in digest.papers] == cards
    assert_paths_agree(BY_NAME[TRENDING_MARKDOWN], text, REFERENCE)


@pytest.mark.parametrize("tool", ["h2t_bw0", "h2t_default"])
def test_html2texts_escapes_inside_a_title_are_not_its_text(tool: str) -> None:
    """html2text escapes a ``+`` or ``-`` that starts a piece of the page's text, and a
    character reference (``&quot;``, ``&#39;``) ends a piece: the second card's title
    written ``&quot;Trading&quot; + Agents: Multi-Agents &#39;LLM&#39; - Financial …`` in
    ``trending.html`` (both copies) comes out as ``"Trading" \\+ Agents: Multi-Agents
    'LLM' \\- Financial …`` (html2text 2025.4.15, as run on the changed page). The
    trending page (html-text) kept both backslashes in the title."""
    text = (TOOLS / f"trending.{tool}.txt").read_text("utf-8")
    old = "[TradingAgents: Multi-Agents LLM Financial Trading"
    new = "[\"Trading\" \\+ Agents: Multi-Agents 'LLM' \\- Financial Trading"
    assert text.count(old) == 2
    text = text.replace(old, new)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    cards = expected("trending", tool)
    cards[1]["title"] = "\"Trading\" + Agents: Multi-Agents 'LLM' - Financial Trading Framework"
    assert (digest.dialect, digest.diagnostics) == (TRENDING_MARKDOWN, ())
    assert [fields(paper) for paper in digest.papers] == cards
    assert_paths_agree(BY_NAME[TRENDING_MARKDOWN], text, REFERENCE)


@pytest.mark.parametrize(
    ("page", "card", "old", "new", "title"),
    [
        ("daily", 0, "Long-Context Speech\n", 'Long-Context "Speech" \\-\n',
         'SparseRoute: Sparse Mixture Routing for Long-Context "Speech" - Recognition'),
        ("trending", 1, "Financial Trading\n", 'Financial "Trading" \\-\n',
         'TradingAgents: Multi-Agents LLM Financial "Trading" - Framework'),
    ],
)
def test_a_dash_html2text_escaped_at_a_lines_end_keeps_its_space(
    page: str, card: int, old: str, new: str, title: str,
) -> None:
    """html2text wraps a title at 78 columns right after a dash it escaped (``&quot;``
    ends a piece of the text, and a ``-`` before a blank that starts one is escaped): the
    first card's title in ``daily.html`` written ``… Long-Context &quot;Speech&quot; -
    Recognition``, the second's in ``trending.html`` (both copies) ``… Financial
    &quot;Trading&quot; - Framework``, come out with a line that ends ``"Speech" \\-``
    (``"Trading" \\-``) before ``Recognition](…)`` (``Framework](…)``) (html2text
    2025.4.15, as run on the changed pages). The lines were joined as a word broken at
    its hyphen: ``"Speech" -Recognition``."""
    assert_title_reads(page, "h2t_default", old, new, card, title)


def assert_title_reads(page: str, tool: str, old: str, new: str, card: int, title: str) -> None:
    """An html2text output with one title's lines edited (``old`` to ``new``, in each of
    the card's copies) reads clean, with that card's title ``title`` and every other field
    as before, by the rules and by the fast path alike."""
    text = (TOOLS / f"{page}.{tool}.txt").read_text("utf-8")
    assert text.count(old) == (1 if page == "daily" else 2)
    text = text.replace(old, new)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    cards = expected(page, tool)
    cards[card]["title"] = title
    dialect = DIALECTS[tool] if page == "daily" else TRENDING_MARKDOWN
    assert (digest.dialect, digest.diagnostics) == (dialect, ())
    assert [fields(paper) for paper in digest.papers] == cards
    assert_paths_agree(BY_NAME[dialect], text, REFERENCE)


@pytest.mark.parametrize(
    "tool", ["h2t_default", "h2t_ignore_images", "h2t_images_to_alt", "h2t_protect_links"]
)
@pytest.mark.parametrize(
    ("page", "card", "old", "new", "title"),
    [
        ("daily", 0, "Long-Context Speech\nRecognition](", "Long-Context Speech\n2](",
         "SparseRoute: Sparse Mixture Routing for Long-Context Speech 2"),
        ("trending", 1, "Financial Trading\nFramework](", "Financial Trading\n2](",
         "TradingAgents: Multi-Agents LLM Financial Trading 2"),
    ],
)
def test_a_titles_last_word_html2text_wrapped_as_a_number_is_the_titles(
    tool: str, page: str, card: int, old: str, new: str, title: str,
) -> None:
    """html2text wraps a title whose last word is a number so that the number and the
    link's close start the next line: the first card's title in ``daily.html`` written
    ``… Long-Context Speech 2``, the second's in ``trending.html`` (both copies) ``…
    Financial Trading 2``, come out as ``… Speech`` (``… Trading``) over
    ``2](https://huggingface.co/papers/…)`` (html2text 2025.4.15, as run on the changed
    pages, its default and with ``--ignore-images``, ``--images-to-alt`` and
    ``--protect-links``). On the trending page (html-text) that line was read as an upvote
    box's count: the title lost its last word and its link (``missing-link``), and the
    card its abstract, date and upvotes. The upvote boxes (``[ 42 ](…login…)``,
    ``[Upvote117](…login…)``) read as before."""
    assert_title_reads(page, tool, old, new, card, title)


def test_an_upvote_count_glued_to_a_title_whose_link_never_closes_is_no_part_of_it() -> None:
    """The second card's first copy lost its title's last line and its box's ``[Upvote``
    line: the box's count, linked to the login page, is glued to the open title. That
    line is no word of the title (no title links to the login page): the title keeps its
    ``missing-link``, as before, and never reads ``… Trading 149`` linked to the paper."""
    lines = (TOOLS / "trending.h2t_default.txt").read_text("utf-8").split("\n")
    close = lines.index("Framework](https://huggingface.co/papers/2412.20138)")
    assert lines[close - 1] == "### [TradingAgents: Multi-Agents LLM Financial Trading"
    lines[close] = "149](https://huggingface.co/login?next=%2Fpapers%2F2412.20138)"
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("missing-link", close), ("missing-abstract", close + 1), ("missing-date", close + 1),
        ("missing-upvotes", close + 1), ("junk", close + 1),
    ]
    titles = [paper.title for paper in digest.papers]
    assert titles[1:3] == ["TradingAgents: Multi-Agents LLM Financial Trading",
                           "TradingAgents: Multi-Agents LLM Financial Trading Framework"]
    assert (digest.papers[1].paper_id, digest.papers[1].upvotes) == (None, None)
    assert (digest.papers[2].paper_id, digest.papers[2].upvotes) == ("2412.20138", 149)


@pytest.mark.parametrize("name", ["daily.h2t_ignore_links.txt", "trending.h2t_ignore_links.txt"])
def test_an_output_left_unread_is_reported_and_invents_no_paper(name: str) -> None:
    """html2text's ``--ignore-links`` keeps the images (docs/format.md: not read): every
    paper it gives is one of the page's, and the capture does not pass as clean (the
    trending page gave a paper titled ``GitHub 131 arXiv Page`` once)."""
    page = name.split(".")[0]
    text = (TOOLS / "unread" / name).read_text("utf-8")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    titles = [card["title"] for card in TRUTH[page]]
    assert [paper.title for paper in digest.papers] == titles
    assert digest.diagnostics != ()
    assert uncovered_lines(text, digest) == []


def test_elinks_card_without_avatars_keeps_the_dump_elinks() -> None:
    """A card whose authors show no avatar: elinks writes its authors line alone, ``•`` and
    a no-break space (``•\u00a01 authors``) right above the ``·``, no seed's ``• 1 authors``
    (it was read as the seeds' text dialect, with invented papers)."""
    text = (TOOLS / "daily.elinks.txt").read_text("utf-8")
    avatar = "     \u2022\u00a0[52][IMG]\n     [53]\u2022\u00a01 authors\n"
    assert avatar in text
    text = text.replace(avatar, "     \u2022\u00a01 authors\n")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("reference-text", ())
    assert [fields(paper) for paper in digest.papers] == expected("daily", "elinks")


def _bs4_daily_with(old: str, new: str) -> str:
    text = (TOOLS / "daily.bs4_default.txt").read_text("utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


def test_a_date_and_its_count_apart_read_as_one_line_glued_or_not() -> None:
    """BeautifulSoup's ``get_text()`` keeps the blanks around the comment icon it leaves out
    (``Nov 24  3``); the count is the comment count, also after a ``·`` on the date's line."""
    for text in (
        _bs4_daily_with("·\nNov 24  3\n", "·\nNov 24    3\n"),
        _bs4_daily_with("·\nNov 24  3\n", "· Nov 24  3\n"),
    ):
        digest = digestparse.parse(text, reference_date=REFERENCE)
        assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
        assert [fields(paper) for paper in digest.papers] == expected("daily", "bs4_default")


def test_a_last_comment_count_over_page_numbers_is_the_comment_count() -> None:
    """Where upvote boxes are bare numbers, a number after the date is the comment count
    only where the next entry's box or the page's end follows: page numbers over the
    pagination are the page's end (here the last count written twice). The count was read
    as the next card's box, then as a page number: ``votes`` 0, with no report."""
    text = (TOOLS / "daily.bs4_nl.txt").read_text("utf-8")
    assert text.count("Nov 20 \n 4\n") == 1
    digest = digestparse.parse(text.replace("Nov 20 \n 4\n", "Nov 20 \n 4\n 4\n"),
                               reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert [fields(paper) for paper in digest.papers] == expected("daily", "bs4_nl")


def test_a_misspelt_date_with_two_blanks_is_no_count() -> None:
    """``Nov  24``: two blanks inside the date are a misspelt date, not a date and a count."""
    text = _bs4_daily_with("·\nNov 24  3\n", "·\nNov  24\n")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [("bad-date", 58, 1)]
    assert (digest.papers[0].date, digest.papers[0].votes) == (None, None)
    assert [paper.title for paper in digest.papers] == [card["title"] for card in TRUTH["daily"]]


def test_a_repeated_header_keeps_its_icon_links() -> None:
    """html-to-markdown writes the header's icons as ``data:`` images (``[![](data:…)Trending
    Papers](…)``, the date's arrows ``[![](data:…)](…)``): a second capture's header is one
    ``repeated-header``, from ``new`` to the arrow after its date, read through the state or
    straight from the window."""
    text = (TOOLS / "daily.htmd_default.txt").read_text("utf-8")
    body = text.split("---\n", 2)[2]  # without its front matter
    joined = text.rstrip("\n") + "\n\n" + body
    second = text.count("\n") + 2 + body.splitlines().index("new")
    assert joined.splitlines()[second - 1] == "new"
    for read_raw in (True, False):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(markdown_rules, "READ_RAW", read_raw)
            digest = digestparse.parse(joined, reference_date=REFERENCE)
        headers = [d for d in digest.diagnostics if d.line >= second]
        assert [(d.code, d.line, d.end_line) for d in headers] == [
            ("repeated-header", second, second + 22)
        ]
        lines = joined.splitlines()
        assert lines[second + 19] == "Nov 25"  # line second + 20
        assert lines[second + 21].startswith("[![](data:")  # the arrow after it
        assert lines[second + 21].endswith("/papers/date/2026-11-26)")
        assert [fields(paper) for paper in digest.papers] == 2 * expected("daily", "htmd_default")


#: The outputs read without URLs (no link kept: text-urls, no paper id).
LINKLESS = sorted(tool for tool, dialect in DIALECTS.items()
                  if dialect == "text-urls" and tool in NO_IDS)


@pytest.mark.parametrize("tool", LINKLESS)
def test_a_daily_page_cut_inside_its_first_card_is_read_without_urls(tool: str) -> None:
    """A capture cut after its first card's title, before any ``·``: the 2026 header and
    no link kept make it a page without URLs, whose first card is ``truncated-entry``. It
    was read as the seeds' text, with the site's menu and the byline taken for papers."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    title = TRUTH["daily"][0]["title"]
    (at,) = [i for i, line in enumerate(lines) if line.strip() and title.startswith(line.strip())
             and len(line.strip()) > 20][:1]
    text = "\n".join(lines[: at + 1])
    assert "\u00b7" not in text
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert digest.dialect == "text-urls"
    assert [d.code for d in digest.diagnostics] == ["truncated-entry"]
    assert [paper.title for paper in digest.papers] == [lines[at].strip()]
    assert title.startswith(digest.papers[0].title)
    assert uncovered_lines(text, digest) == []


@pytest.mark.parametrize("tool", LINKLESS)
def test_a_daily_page_whose_first_card_lost_its_box_keeps_every_other_card(tool: str) -> None:
    """The first card sets the page's style of upvote box. Where its bare box (``42``) was
    lost, the page read as one without boxes: each later box became the card above's
    comment count and every card after lost its upvotes, with no report. A ``-`` box, or a
    number under a date line that showed its count, is no comment count: the page has
    boxes, and the first card lost its own."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    (box,) = [index for index, line in enumerate(lines) if line.strip() == "42"][:1]
    del lines[box]
    text = "\n".join(lines)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [d.code for d in digest.diagnostics] == ["missing-upvotes"]
    assert digest.diagnostics[0].line == digest.papers[0].line
    want = expected("daily", tool)
    want[0]["upvotes"] = None
    assert [fields(paper) for paper in digest.papers] == want
    with pytest.raises(digestparse.ParseError, match="missing-upvotes"):
        digestparse.parse(text, mode="strict", reference_date=REFERENCE)


def test_crawl4ai_trending_page_that_lost_a_title_keeps_every_card() -> None:
    """crawl4ai writes no blank line between blocks: a run of junk went on over every line
    glued to it, to the end of the page, so one lost title lost all six cards. A line that
    starts an entry ends the junk: the card's second copy gives it whole."""
    lines = (TOOLS / "trending.crawl4ai_default.txt").read_text("utf-8").split("\n")
    (title,) = [i for i, line in enumerate(lines) if line.startswith("### [Kandinsky")][:1]
    assert lines[title - 1] and lines[title + 1]  # glued to the lines around it
    del lines[title]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert digest.dialect == "html-text"
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", title - 1)]
    assert [fields(paper) for paper in digest.papers] == expected("trending", "crawl4ai_default")


@pytest.mark.parametrize("page", ["daily", "trending"])
@pytest.mark.parametrize("tool", LINKLESS)
def test_an_output_without_urls_that_lost_its_promo_line_reads_the_same(
    tool: str, page: str
) -> None:
    """The header's ``… once a day!`` line lost: the period switcher marks the 2026 header
    as well, as each tool writes it (``* Daily``, ``• Daily``, ``- Daily``, lynx's
    ``* (BUTTON) Daily``). Only its bare form counted, so inscriptis, links, lynx, w3m and
    elinks pages were read as the seeds' text and their cards lost their metadata."""
    lines = (TOOLS / f"{page}.{tool}.txt").read_text("utf-8").split("\n")
    (promo,) = [i for i, line in enumerate(lines) if "once a day!" in line]
    del lines[promo]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert [fields(paper) for paper in digest.papers] == expected(page, tool)


@pytest.mark.parametrize("page", ["daily", "trending"])
def test_lynx_nonumbers_list_of_urls_without_its_heading_is_no_link_of_the_page(
    page: str
) -> None:
    """lynx adds the page's URLs after it, under ``Visible links:``. With that heading lost
    the URLs followed the footer: the capture read as one that keeps its links (one URL
    line after each label) and gave no paper. The page's end ends the look for links."""
    lines = (TOOLS / f"{page}.lynx_nonumbers.txt").read_text("utf-8").split("\n")
    (heading,) = [i for i, line in enumerate(lines) if line.strip() == "Visible links:"]
    del lines[heading]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert digest.dialect == "text-urls"
    assert [fields(paper) for paper in digest.papers] == expected(page, "lynx_nonumbers")
    assert [d.code for d in digest.diagnostics] == ["junk"]  # the URLs, no longer a list


#: The outputs read as markdown (the daily page; their trending page is html-text's).
MARKDOWN = sorted(tool for tool, dialect in DIALECTS.items() if dialect == "markdown")


@pytest.mark.parametrize(
    "tool", [tool for tool in MARKDOWN if tool not in ("mdfy_default", "turndown")])
def test_a_markdown_daily_page_that_lost_its_title_heading_reads_the_same(tool: str) -> None:
    """``# Daily Papers`` lost: the cards' own marks say markdown. html2text's box keeps the
    blanks around its count (``[ 42 ](…)``) and, with ``protect_links``, the comment count's
    target is in angle brackets (``[ 3](<…#community>)``); neither counted, so such a page
    was read as the seeds' text (36 invented papers). (markdownify's and turndown's setext
    heading leaves its rule line behind, which is reported.)"""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    (heading,) = [i for i, line in enumerate(lines) if line.strip() in ("# Daily Papers",
                                                                         "Daily Papers")][:1]
    del lines[heading]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("markdown", ())
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)


# Chromium's inner_text writes no blank line under a lead-in: its own output has this shape
# (``Submitted by  vvasilev`` over the title), read by the test of every output above.
@pytest.mark.parametrize("tool", [tool for tool in LINKLESS if tool != "innertext"])
def test_a_trending_lead_in_glued_to_the_line_under_it_is_still_the_lead_in(tool: str) -> None:
    """The blank lines under every ``Submitted by …`` line lost: each lead-in is glued to the
    line under it (the card's title, or the name). A one-line lead-in then read as the
    first line of a wrapped title, with no report: a paper titled ``Submitted by bupalinyu
    The Other Half …``, its copy a paper of its own."""
    lines = (TOOLS / f"trending.{tool}.txt").read_text("utf-8").split("\n")
    glued: list[str] = []
    for line in lines:
        if glued and glued[-1].strip().startswith("Submitted by") and not line.strip():
            continue
        glued.append(line)
    assert len(glued) < len(lines)
    digest = digestparse.parse("\n".join(glued), reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert [fields(paper) for paper in digest.papers] == expected("trending", tool)


@pytest.mark.parametrize("tool", ["elinks_nonum", "elinks_nonum_noref", "inscriptis_default",
                                  "inscriptis_images", "lynx_nonumbers", "w3m_cols200",
                                  "w3m_plain"])
def test_avatars_whose_authors_count_was_lost_are_no_organization(tool: str) -> None:
    """A card's ``N authors`` line lost: the avatar above it (``• [IMG]``, ``*``,
    ``• [d00af60d43]``) stood right over the ``·``, where an organization's name does, and
    became the card's organization with no report; with more avatars, the ones above it
    made a paper titled ``• [IMG]``. Avatars name no one: the card is
    ``missing-authors``, and keeps the rest of its fields."""
    whole = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    counts = [i for i, line in enumerate(whole) if line.strip().endswith(" authors")]
    assert len(counts) == sum(card["author_count"] is not None for card in TRUTH["daily"])
    for count in counts:
        lines = whole[:count] + whole[count + 1 :]
        digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
        assert [d.code for d in digest.diagnostics] == ["missing-authors"]
        want = expected("daily", tool)
        shown = int(whole[count].split()[-2])  # ``• 12 authors``
        (card,) = [card for card in want if card["author_count"] == shown]
        card["author_count"] = None
        assert [fields(paper) for paper in digest.papers] == want


@pytest.mark.parametrize("tool", ["elinks", "elinks_noref", "lynx_w200"])
def test_a_lost_middle_dot_in_lynxs_own_notation_is_missing_separator(tool: str) -> None:
    """Each card's ``·`` lost in turn (lynx's own notation, ``[31]occ-ai[32]OCC`` over
    ``Nov 24 [33]6``): the organization and the date ran into the abstract, with no report.
    The date ends the abstract, and a link line right above it is the organization."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    separators = [i for i, line in enumerate(lines) if line.strip() == "\u00b7"]
    assert len(separators) == len(TRUTH["daily"])
    for separator in separators:
        text = "\n".join(lines[:separator] + lines[separator + 1 :])
        digest = digestparse.parse(text, reference_date=REFERENCE)
        assert [(d.code, d.line) for d in digest.diagnostics] == [
            ("missing-separator", separator + 1)]
        assert [fields(paper) for paper in digest.papers] == expected("daily", tool)


@pytest.mark.parametrize("tool", [tool for tool in LINKLESS if tool != "bs4_default"])
def test_a_trending_cards_date_glued_to_its_button_spoils_that_copy_alone(tool: str) -> None:
    """The first card's date line run into its upvote button (``… Oct 4, 2026Upvote``): that
    copy reads as no card. Its button then read as the next card's box over the card's links
    taken for a title, every card after it out of step (titles ``GitHub 131 arXiv Page
    Submitted by …``), or the copy was taken into the header with no report. Card links are
    no title, and card lines after the header's last phrase are no header: the copy is
    ``junk``, and the other copy gives the card. (``bs4_default``, which glues the button's
    count on too, still reads the damaged line as the first copy's organization.)"""
    lines = (TOOLS / f"trending.{tool}.txt").read_text("utf-8").split("\n")
    (date,) = [i for i, line in enumerate(lines) if "Published on Oct 4, 2026" in line][:1]
    button = next(i for i in range(date + 1, len(lines)) if lines[i].strip())
    lines[date : button + 1] = [lines[date] + lines[button]]
    text = "\n".join(lines)
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert digest.diagnostics[0].line <= date + 1 <= digest.diagnostics[0].end_line
    assert [fields(paper) for paper in digest.papers] == expected("trending", tool)


@pytest.mark.parametrize("tool", [tool for tool in LINKLESS if tool != "bs4_default"])
def test_a_trending_button_that_lost_its_label_is_no_box_over_a_title(tool: str) -> None:
    """The last card's ``Upvote`` label lost, its count (``-``) stands alone after the date,
    over the card's links. A page's first card without a box looks ahead for a bare box
    that no comment count can be; that count is none (the trending page's button comes
    after the date, over the links): it set the page's style to bare boxes, and every card
    lost its upvotes, each reported. The damaged button is ``junk``."""
    lines = (TOOLS / f"trending.{tool}.txt").read_text("utf-8").split("\n")
    labels = [i for i, line in enumerate(lines) if line.strip() == "Upvote"]
    del lines[labels[-1]]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert [fields(paper) for paper in digest.papers] == expected("trending", tool)


def test_the_pages_with_handles_unlike_their_names_are_here() -> None:
    # every tool of the pages above but crawl4ai, Chromium and the JavaScript converters
    # (not run for these), and lynx at its default width
    lynx = ["daily.lynx.txt", "trending.lynx.txt"]
    left_out = (".crawl4ai_", ".innertext", ".turndown", ".nhm", ".rehype_remark")
    expected_names = sorted(
        [name for name in OUTPUTS if not any(tool in name for tool in left_out)] + lynx)
    assert expected_names == HANDLES
    assert len(HANDLES) == 54
    w3m = (TOOLS / "handles" / "daily.w3m_plain.txt").read_text("utf-8")
    assert "facebookAI at Meta" in w3m and "\nTHUDMKnowledge Engineering Group" in w3m


@pytest.mark.parametrize("name", HANDLES)
def test_a_handle_unlike_the_name_is_no_part_of_it(name: str) -> None:
    """A logo's alt text that is a handle in lower case (``facebook``, ``allenai``,
    ``sail``, ``nyu-visionx``), or a handle that starts as the name does
    (``HuggingFaceTB``), is no part of the organization's name, bare or glued; elinks'
    numbers tell any handle (``[16]KwaiVGI[17] Kuaishou``), and the site's logo written
    as text at the page's top tells one written as handles are (``KwaiVGI Kuaishou …``)."""
    page, tool, _ = name.split(".")
    assert read_clean(TOOLS / "handles" / name) == expected_with_handles(page, tool)


def test_the_pages_with_initialisms_are_here() -> None:
    assert INITIALISM_OUTPUTS == HANDLES  # the same tools, the same commands
    lynx = (TOOLS / "initialisms" / "daily.lynx.txt").read_text("utf-8")
    assert "BAAI Beijing Academy of Artificial Intelligence" in lynx
    w3m = (TOOLS / "initialisms" / "daily.w3m_plain.txt").read_text("utf-8")
    assert "\nBAAIBeijing Academy of Artificial Intelligence" in w3m


@pytest.mark.parametrize("name", INITIALISM_OUTPUTS)
def test_a_handle_that_is_the_names_initials_is_no_part_of_it(name: str) -> None:
    """A logo's alt text in capitals that spells the name's initials (``BAAI Beijing
    Academy of Artificial Intelligence``, ``MBZUAI Mohamed bin Zayed …``, ``CUHKThe
    Chinese University …``), bare or glued, is no part of the name; ``ZJU Zhejiang
    University`` is kept where the tool writes it, as a name may start with capitals."""
    page, tool, _ = name.split(".")
    assert read_clean(TOOLS / "initialisms" / name) == expected_with_handles(
        page, tool, INITIALISMS, UNTOLD_INITIALISMS, KEEPING_INITIALISMS)


def test_the_pages_with_accented_names_are_here() -> None:
    assert ACCENT_OUTPUTS == HANDLES  # the same tools, the same commands
    w3m = (TOOLS / "accents" / "daily.w3m_plain.txt").read_text("utf-8")
    assert "\nETHZurichETH Zürich" in w3m
    lynx = (TOOLS / "accents" / "trending.lynx.txt").read_text("utf-8")
    assert "TUMunchen TU München" in lynx


@pytest.mark.parametrize("name", ACCENT_OUTPUTS)
def test_a_handle_that_spells_the_name_without_its_accents_is_no_part_of_it(
    name: str,
) -> None:
    """A logo's alt text that is the name's handle, which spells the name's letters
    beyond ASCII without their accents (``ETHZurich`` of ``ETH Zürich``,
    ``EcolePolytechnique`` of ``École Polytechnique``), bare or glued, is no part of the
    name: it was kept, silently, wherever the tool writes the alt (w3m, links, elinks,
    lynx, html2text's ``images_to_alt``), as the letters were compared as written."""
    page, tool, _ = name.split(".")
    assert read_clean(TOOLS / "accents" / name) == expected_with_handles(
        page, tool, ACCENTS, {}, {})


#: The pages of ``few_cards/``: the daily page's cards each keeps, by their place there.
FEW_CARDS = {"one": [1], "three": [1, 3, 6]}
FEW_CARD_OUTPUTS = sorted(path.name for path in (TOOLS / "few_cards").glob("*.txt"))


def test_the_pages_of_few_cards_are_here() -> None:
    daily = [name for name in HANDLES if name.startswith("daily.")]
    wanted = [name.replace("daily.", f"{page}.") for page in FEW_CARDS for name in daily]
    assert sorted(wanted) == FEW_CARD_OUTPUTS
    pandoc = (TOOLS / "few_cards" / "three.pandoc_plain.txt").read_text("utf-8")
    assert "Nov 25\n\n[]\n\n[]\n\n[]\n\n101\n" in pandoc
    assert "\n\nNov 24 [] 6\n\n[]\n\n[]\n\n173\n" in pandoc
    assert "authors" not in pandoc


@pytest.mark.parametrize("name", FEW_CARD_OUTPUTS)
def test_a_page_of_few_cards_with_organizations_is_read(name: str) -> None:
    """A page of one or three cards, each naming an organization: the tools that keep no
    URL (pandoc, inscriptis, BeautifulSoup, html-text, lynx without numbers) wrote it
    with nothing the no-URL reading was told by on so few cards (no authors' avatars),
    and it was read as the seeds' text, with findings and wrong papers. Now told by the
    first card's bare box under the page's date (a header line over it), under pandoc's
    images with no alt text (``[]``) under a date, and by pandoc's organization line,
    whose logo's alt in brackets (``[occ-ai]OCC``) is no link markup."""
    page, tool, _ = name.split(".")
    cards = [expected("daily", tool)[place] for place in FEW_CARDS[page]]
    assert read_clean(TOOLS / "few_cards" / name) == cards


#: The page of ``submitters/``: its submitters' names, by their names on the page above.
SUBMITTERS = {"vvasilev": "Jia-Hui-Lin", "Linzhan": "lhoes"}
SUBMITTER_OUTPUTS = sorted(path.name for path in (TOOLS / "submitters").glob("*.txt"))


def test_the_page_with_other_submitters_is_here() -> None:
    assert [name for name in HANDLES if name.startswith("trending.")] == SUBMITTER_OUTPUTS
    h2t = (TOOLS / "submitters" / "trending.h2t_default.txt").read_text("utf-8")
    assert h2t.count(".svg) Jia-\nHui-Lin\n") == 2
    assert h2t.count(".svg) lhoes\n") == 2


@pytest.mark.parametrize("name", SUBMITTER_OUTPUTS)
def test_a_submitters_name_broken_at_a_hyphen_is_read_whole(name: str) -> None:
    """html2text fills the Submitted-by avatar's line with what fits of the name: broken
    at a hyphen (``![](…svg) Jia-`` over ``Hui-Lin``), the card had no submitter, and
    both lines were ``junk``; a short name fits whole (``![](…svg) lhoes``)."""
    page, tool, _ = name.split(".")
    cards = expected(page, tool)
    for card in cards:
        card["submitted_by"] = SUBMITTERS.get(card["submitted_by"], card["submitted_by"])
    assert read_clean(TOOLS / "submitters" / name) == cards


#: The tools run on ``no_comments/`` and ``brackets/`` besides those of ``handles/``.
JS_TOOLS = ("nhm", "rehype_remark", "turndown", "turndown_atx")
NO_COMMENT_OUTPUTS = sorted(path.name for path in (TOOLS / "no_comments").glob("*.txt"))


def test_the_page_without_comments_is_here() -> None:
    daily = [name for name in HANDLES if name.startswith("daily.")]
    more = [f"daily.{tool}.txt" for tool in ("innertext", *JS_TOOLS)]
    assert sorted(daily + more) == NO_COMMENT_OUTPUTS
    for name in NO_COMMENT_OUTPUTS:
        text = (TOOLS / "no_comments" / name).read_text("utf-8")
        assert "#community" not in text and "Nov 24 3" not in text, name
    turndown = (TOOLS / "no_comments" / "daily.turndown.txt").read_text("utf-8")
    assert "[\n\n42\n\n\n\n](https://huggingface.co/login?next=%2Fpapers%2F2611.18342)" in turndown


@pytest.mark.parametrize("name", NO_COMMENT_OUTPUTS)
def test_a_daily_page_where_no_card_shows_a_comment_count_is_read(name: str) -> None:
    """The daily page before anyone commented: no card shows a comment count. turndown
    writes each upvote box around its blocks (``[``, the count, ``](url)``, blank lines
    between) and the page's headings as setext headings, so its output had none of the
    marks the markdown detector knew (a comment count's link was the one) and was read as
    the seeds' text, with findings and invented papers. The box so written over a title
    is now a mark of the markdown dialect; every other tool read the page already.
    (rehype-remark writes the avatars and the count inside one link on one line,
    ``[* ![](…)* ![](…)* 5 authors](url)``, which was ``bad-authors`` on any page.)"""
    _page, tool, _ = name.split(".")
    cards = [dict(card, votes=0) for card in expected("daily", tool)]
    assert read_clean(TOOLS / "no_comments" / name) == cards


#: The page of ``brackets/``: the changed texts of ``trending.html`` (its README.md).
BRACKETS = {
    (2, "title"): ("UniMate:", "[CLS] UniMate:"),
    (4, "title"): ("with Reinforcement Learning", "with $\\mathcal{R}$-Learning"),
    (0, "abstract"): (
        "architecture.", "architecture. It is preferred over GPT-5. See ~/k6-video."),
}
BRACKET_OUTPUTS = sorted(path.name for path in (TOOLS / "brackets").glob("*.txt"))


def test_the_page_with_brackets_is_here() -> None:
    converters = [name for name in HANDLES if name.startswith("trending.")
                  and DIALECTS[name.split(".")[1]] != "reference-text"
                  and not name.split(".")[1].startswith(("w3m", "links", "elinks", "lynx"))]
    more = [f"trending.{tool}.txt" for tool in JS_TOOLS]
    assert sorted(converters + more) == BRACKET_OUTPUTS
    turndown = (TOOLS / "brackets" / "trending.turndown.txt").read_text("utf-8")
    assert turndown.count("### [\\[CLS\\] UniMate:") == 2
    assert turndown.count("with $\\\\mathcal{R}$-Learning](") == 2
    assert turndown.count("\nUpvote\n\n117\n\n](https://huggingface.co/login") == 2
    remark = (TOOLS / "brackets" / "trending.rehype_remark.txt").read_text("utf-8")
    assert remark.count("### [\\[CLS\\] UniMate:") == 2
    assert remark.count("[Upvote](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)"
                        "\n\n[117](https://huggingface.co/login") == 2
    nhm = (TOOLS / "brackets" / "trending.nhm.txt").read_text("utf-8")
    assert nhm.count("over GPT-5\\. See \\~/k6-video.") == 2
    assert nhm.count("[Upvote\\-](https://huggingface.co/login") == 2


@pytest.mark.parametrize("name", BRACKET_OUTPUTS)
def test_brackets_tex_and_a_numbers_dot_are_the_cards_text_in_every_converter(
    name: str,
) -> None:
    """turndown escapes every ``\\``, ``*``, ``_``, ``[`` and ``]`` of the page's text
    (``\\[CLS\\]``, TeX's ``$\\\\mathcal{R}$``), node-html-markdown also every ``~`` and
    the ``.`` after a number before a blank (``GPT-5\\.``): the trending page (html-text)
    kept the backslashes. Their upvote boxes were not read either: turndown's written
    around its blocks (``[``, ``Upvote``, the count, ``](url)``), node-html-markdown's
    ``[Upvote\\-](url)`` with its ``-`` escaped. rehype-remark escapes only what could
    read as markdown where it stands (``\\[CLS]``, ``__init__`` as ``\\_\\_init\\_\\_``
    beside a bare ``few-shot_2``, a URL's ``https\\://``) and writes the box as two links,
    ``[Upvote](url)`` over ``[117](url)``: the page was read as the daily page's markdown,
    the count's link taken for the daily box, or (its first count a number) as lynx's
    own notation, ``[117](…)`` taken for a link number."""
    _page, tool, _ = name.split(".")
    cards = expected("trending", tool)
    for (place, field), (old, new) in BRACKETS.items():
        assert old in cards[place][field]
        cards[place][field] = cards[place][field].replace(old, new)
    assert read_clean(TOOLS / "brackets" / name) == cards


#: The pages of ``plus_titles/``: each page's first title, made longer so that lynx and
#: elinks wrap it right before its ``+`` (its README.md).
PLUS_TITLES = {
    "daily": "SparseRoute: Sparse Mixture Routing for Long-Context Speech at Vast Scale"
             " + Language Models",
    "trending": "Kandinsky 6.0 Video: Foundation Models for Synchronized Video with Vision"
                " + Language Models",
}
PLUS_OUTPUTS = sorted(path.name for path in (TOOLS / "plus_titles").glob("*.txt"))


def test_the_pages_with_a_plus_in_a_title_are_here() -> None:
    assert PLUS_OUTPUTS == [
        "daily.elinks.txt", "daily.lynx.txt", "trending.elinks.txt", "trending.lynx.txt"
    ]
    for name in PLUS_OUTPUTS:
        lines = (TOOLS / "plus_titles" / name).read_text("utf-8").split("\n")
        assert sum(line.strip() == "+ Language Models" for line in lines) == (
            1 if name.startswith("daily") else 2
        ), name


@pytest.mark.parametrize("name", PLUS_OUTPUTS)
def test_a_title_wrapped_before_its_plus_is_one_title(name: str) -> None:
    """lynx and elinks wrap a title before a ``+`` of it (``… with Vision`` over ``+
    Language Models``, at the title's indent): the line is the title's, not a list item
    (lynx's nested bullet). The title was cut there, and the card lost its abstract and
    authors (``missing-abstract``, ``bad-authors``)."""
    page, tool, _ = name.split(".")
    cards = expected(page, tool)
    cards[0]["title"] = PLUS_TITLES[page]
    assert read_clean(TOOLS / "plus_titles" / name) == cards


#: The daily page of ``cjk_breaks/``: its first card's title and abstract in Chinese and
#: Japanese (its README.md), which each tool breaks inside a run of Han or Kana.
CJK_TITLE = "稀疏路由：面向长上下文语音识别的稀疏混合专家路由方法与大规模视觉语言模型的高效推理研究"
CJK_ABSTRACT = (
    "长上下文语音识别模型通常将音频切分为并行窗口以降低延迟，但会丢失跨窗口的上下文，"
    "并需要脆弱的启发式方法来对齐说话人和时间戳。我们提出稀疏路由，一种混合专家路由方案。"
    "本研究では、大規模言語モデルの推論能力を評価するための新しいベンチマークを提案する。"
    "We release the code and data."
)
CJK_OUTPUTS = sorted(path.name for path in (TOOLS / "cjk_breaks").glob("daily.*.txt"))
#: The sentence ``brackets.html`` adds to the first card's abstract (cjk_breaks/README.md).
CJK_BRACKETS = (
    " We also evaluate languages (中文理解 benchmarks). The same holds for spoken"
    " far-field Korean speech (한국어 corpora) alike."
)


def test_the_page_with_cjk_text_is_here() -> None:
    assert CJK_OUTPUTS == [
        "daily.elinks.txt", "daily.elinks_nonum.txt", "daily.lynx.txt",
        "daily.lynx_nonumbers.txt", "daily.w3m_plain.txt",
    ]
    elinks = (TOOLS / "cjk_breaks" / "daily.elinks.txt").read_text("utf-8")
    assert "大规模视觉语言模型的\n  高效推理研究" in elinks  # a line break inside a word
    w3m = (TOOLS / "cjk_breaks" / "daily.w3m_plain.txt").read_text("utf-8")
    assert "的上下文\n，并需要" in w3m  # before a fullwidth comma


@pytest.mark.parametrize("name", CJK_OUTPUTS)
def test_a_line_break_inside_chinese_or_japanese_text_is_no_space(name: str) -> None:
    """w3m and elinks break a run of Han or Kana anywhere (``…模型的`` over ``高效推理…``,
    ``…上下文`` over ``，并需要…``), lynx after its punctuation (``稀疏路由，`` over
    ``一种…``): these scripts write no space between words, and the joined title and
    abstract have none there (they had one at each such line break)."""
    page, tool, _ = name.split(".")
    cards = expected(page, tool)
    cards[0].update(title=CJK_TITLE, abstract=CJK_ABSTRACT)
    assert read_clean(TOOLS / "cjk_breaks" / name) == cards


@pytest.mark.parametrize(
    "tool", ["elinks", "elinks_nonum", "w3m_plain", "lynx", "lynx_nonumbers"])
def test_an_opening_bracket_broken_from_chinese_or_korean_is_no_space(tool: str) -> None:
    """elinks breaks a line after an opening bracket that a Han or Hangul character
    follows (``languages (`` over ``中文理解 benchmarks)``, ``speech (`` over ``한국어
    corpora)``), which read ``( 中文理解`` and ``( 한국어``, with no report; the other tools
    keep the bracket with its word, and all read the sentence alike."""
    text = (TOOLS / "cjk_breaks" / f"brackets.{tool}.txt").read_text("utf-8")
    assert ("languages (\n   中文理解" in text) == tool.startswith("elinks")
    assert ("speech (\n   한국어" in text) == tool.startswith("elinks")
    cards = expected("daily", tool)
    cards[0]["abstract"] += CJK_BRACKETS
    assert read_clean(TOOLS / "cjk_breaks" / f"brackets.{tool}.txt") == cards


URL_PAGES = sorted((TOOLS / "urls").glob("p*.w3m.txt"))
URL_TRUTH: dict[str, list[dict[str, str]]] = json.loads(
    (TOOLS / "urls" / "truth.json").read_text("utf-8"))
#: A URL that w3m broke after a ``/`` before a word like any other (urls/README.md).
URL_UNTOLD = {("p7", 3): ("https://huggingface.co/Qwen", "https://huggingface.co/ Qwen")}


def test_the_pages_with_urls_are_here() -> None:
    assert [path.name for path in URL_PAGES] == [f"p{page}.w3m.txt" for page in range(10)]
    broken = sum(
        line.rstrip().endswith(("/", "https:", "https://")) or line.startswith(("/", "="))
        for path in URL_PAGES for line in path.read_text("utf-8").splitlines()
    )
    assert broken >= 20  # the pages do break URLs in all those places


@pytest.mark.parametrize("path", URL_PAGES, ids=lambda path: path.name)
def test_a_url_w3m_broke_over_two_lines_is_one(path: Path) -> None:
    page = path.name.split(".")[0]
    digest = digestparse.parse(path.read_text("utf-8"), reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert len(digest.papers) == len(URL_TRUTH[page]) == 8
    assert uncovered_lines(path.read_text("utf-8"), digest) == []
    for card, (paper, want) in enumerate(zip(digest.papers, URL_TRUTH[page], strict=True)):
        abstract = want["abstract"]
        if (page, card) in URL_UNTOLD:
            whole, read = URL_UNTOLD[page, card]
            abstract = abstract.replace(whole, read)
        else:
            assert want["url"] in paper.links
        assert paper.abstract == abstract


QUERY_PAGES = sorted((TOOLS / "urls").glob("q*.w3m.txt"))
QUERY_TRUTH: dict[str, list[dict[str, str]]] = json.loads(
    (TOOLS / "urls" / "truth_q.json").read_text("utf-8"))


def test_the_pages_with_owners_and_queries_break_them() -> None:
    """w3m breaks these pages' URLs after an owner before a plain name and inside a
    query (urls/README.md)."""
    assert [path.name for path in QUERY_PAGES] == [f"q{page}.w3m.txt" for page in range(10)]
    ends = [line.rstrip().rpartition(" ")[2] for path in QUERY_PAGES
            for line in path.read_text("utf-8").splitlines()]
    for end in ("https://github.com/example-lab/", "https://huggingface.co/example-lab/",
                "https://huggingface.co/datasets/example/",
                "https://example.org/projects/helix?",
                "https://example.org/projects/helix?v=2&lang="):
        assert end in ends


@pytest.mark.parametrize("path", QUERY_PAGES, ids=lambda path: path.name)
def test_a_url_w3m_broke_after_an_owner_or_in_its_query_is_one(path: Path) -> None:
    """w3m breaks a URL after a query's ``?``, ``=`` or ``&`` (``…/helix?`` over
    ``v=2&lang=en``, ``…&lang=`` over ``en``) and after the owner in a GitHub or Hugging
    Face URL (``https://github.com/example-lab/`` over ``pixelforge``): the abstract read
    a space there, with no report."""
    page = path.name.split(".")[0]
    digest = digestparse.parse(path.read_text("utf-8"), reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert [paper.abstract for paper in digest.papers] == [
        card["abstract"] for card in QUERY_TRUTH[page]]
    for paper, card in zip(digest.papers, QUERY_TRUTH[page], strict=True):
        assert card["url"] in paper.links


@pytest.mark.parametrize("tool", sorted(GLUING))
def test_the_sites_logo_written_as_text_tells_a_glued_handle(tool: str) -> None:
    """The site's logo at the page's top written as its alt text (``Hugging Face's
    logoHugging Face``) tells that the tool writes every image's alt, each organization's
    logo too: ``QwenQwen`` is ``Qwen`` there. A capture that lost that line keeps the name
    whole, since a name may repeat itself (``PaddlePaddle``)."""
    text = (TOOLS / f"daily.{tool}.txt").read_text("utf-8")
    unlogoed = "\n".join(line for line in text.split("\n") if "Hugging Face's logo" not in line)
    assert unlogoed.count("\n") == text.count("\n") - 1
    for shown, logo in ((text, True), (unlogoed, False)):
        digest = digestparse.parse(shown, reference_date=REFERENCE)
        assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
        assert [fields(paper) for paper in digest.papers] == expected("daily", tool, logo)
    assert "QwenQwen" in [paper.organization for paper in digest.papers]


#: Outputs whose listing, cut from an entry on (the header lost: a user who copies only the
#: listing, or trims a dump), is not read as its dialect (docs/format.md, "The listing
#: without its header", says why): lynx's and elinks' own notation needs the header's
#: signs; BeautifulSoup's trending text shows no mark of the 2026 page but the header's;
#: inscriptis with images writes the avatars' placeholders where a box would be told.
HEADERLESS_UNREAD = {
    "daily": {"elinks", "elinks_noref", "lynx_w200", "inscriptis_images"},
    "trending": {"elinks", "elinks_noref", "lynx_w200", "bs4_default"},
}
HEADERLESS = [
    name for name in OUTPUTS
    if name.split(".")[1] not in HEADERLESS_UNREAD[name.split(".")[0]]
]


@pytest.mark.parametrize("name", HEADERLESS)
def test_a_listing_cut_below_its_header_reads_from_the_cut_on(name: str) -> None:
    """The output from its first, third or fifth entry on (the box's line): the same
    dialect, those entries' fields, and ``missing-header`` alone. A glued logo's alt stays
    in the name where the site's logo line at the top, which tells it, was cut off."""
    page, tool, _ = name.split(".")
    text = (TOOLS / name).read_text("utf-8")
    lines = text.split("\n")
    whole = digestparse.parse(text, reference_date=REFERENCE)
    for first in (0, 2, 4):
        cut = "\n".join(lines[whole.papers[first].line - 1 :])
        digest = digestparse.parse(cut, reference_date=REFERENCE)
        assert digest.dialect == whole.dialect, first
        assert [d.code for d in digest.diagnostics] == ["missing-header"], first
        assert uncovered_lines(cut, digest) == []
        assert [fields(paper) for paper in digest.papers] == expected(
            page, tool, logo_shown=False)[first:], first


@pytest.mark.parametrize("above", [["-" * 40], ["Daily Papers - Hugging Face", "=" * 27]])
@pytest.mark.parametrize("tool", ["w3m_plain", "innertext", "bs4_nl", "lynx_nonumbers"])
def test_a_rule_above_a_capture_without_urls_is_no_page_end(
    above: list[str], tool: str
) -> None:
    """A rule, or a title underlined, over the capture: the reading without URLs was not
    chosen (its scan ended at the rule, as at a page's end), and every entry was junk."""
    text = "\n".join([*above, (TOOLS / f"daily.{tool}.txt").read_text("utf-8")])
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert (digest.dialect, digest.diagnostics) == ("text-urls", ())
    assert uncovered_lines(text, digest) == []
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)


@pytest.mark.parametrize("trailer", ["```", "Saved with a browser extension", "\n\nEND"])
@pytest.mark.parametrize("name", OUTPUTS)
def test_a_line_after_the_pages_end_invents_no_paper(name: str, trailer: str) -> None:
    """A line after the site's footer (a tool's signature): the footer is then junk, not
    ``footer_span``, and every card keeps its fields; a code fence alone closes the page
    like a rule (the page's end). Without URLs the footer's words (``Website`` over
    ``Models Datasets Spaces Pricing Docs``) were read as a card with no box or date, a
    paper titled ``Website``, and a code fence was a title."""
    page, tool, _ = name.split(".")
    text = (TOOLS / name).read_text("utf-8").rstrip("\n") + "\n" + trailer + "\n"
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected(page, tool)
    last = len(text.split("\n")) - 1
    if trailer == "```":
        assert digest.diagnostics == ()
        assert digest.footer_span is not None and digest.footer_span[1] == last
    else:
        assert [d.code for d in digest.diagnostics] == ["junk"]
        assert digest.diagnostics[0].end_line == last
    assert uncovered_lines(text, digest) == []


#: Two pages joined in one file, read as one page's kind (text-urls without URLs decides
#: once whether the page is the trending one): innertext's trending cards after the daily
#: page keep their lead-in in the title (docs/format.md, "Without URLs").
JOINED_MISREAD = {("innertext", "daily")}


JOINED = [
    (tool, first)
    for tool in sorted({name.split(".")[1] for name in OUTPUTS})
    for first in ("daily", "trending")
    if (tool, first) not in JOINED_MISREAD
]


@pytest.mark.parametrize(("tool", "first"), JOINED)
def test_two_pages_joined_keep_every_card_and_invent_none(tool: str, first: str) -> None:
    """The trending page, then the daily page, as bs4 writes them without URLs: the daily
    page's last comment count, over its pagination, read as a box over a card titled
    ``Previous``; a line of footer words is no title under a box either."""
    second = "trending" if first == "daily" else "daily"
    pages = [(TOOLS / f"{page}.{tool}.txt").read_text("utf-8") for page in (first, second)]
    text = pages[0].rstrip("\n") + "\n\n" + pages[1]
    digest = digestparse.parse(text, reference_date=REFERENCE)
    want = [card["title"] for card in TRUTH[first] + TRUTH[second]]
    assert [paper.title for paper in digest.papers] == want
    assert uncovered_lines(text, digest) == []


_PAGE = "https://huggingface.co/papers"
#: What a user writes over or under a capture that kept no URL: the page's address alone,
#: a markdown link to it, and a chat message around a code block.
NOTED = {
    "address above": (f"# Daily Papers\n\n{_PAGE}\n\n", ""),
    "address below": ("", f"\n\n{_PAGE}/trending\n"),
    "link above": (f"Source: [Daily Papers]({_PAGE})\n\n", ""),
    "link below": ("", f"\n\n*Captured from [Hugging Face]({_PAGE})*\n"),
    "chat": ("Here is the page:\n\n```\n", "\n```\n\nLet me know what you think.\n"),
    "address above and below": (f"{_PAGE}\n\n", f"\n\n{_PAGE}/trending\n"),
    "link above and below": (f"Source: [Daily Papers]({_PAGE})\n\n",
                             f"\n\n*Captured from [Hugging Face]({_PAGE})*\n"),
}


@pytest.mark.parametrize("noted", sorted(NOTED))
@pytest.mark.parametrize("name", OUTPUTS)
def test_a_users_note_around_a_capture_keeps_every_card(name: str, noted: str) -> None:
    """One URL line of the site, or one line of markdown link, was taken for a tool that
    keeps links: a capture without URLs lost every card (read with URLs: junk) or was read
    as the seeds' text (papers titled ``[]Trending Papers``, ``Nov 24 [] 3``); the code
    block's closing fence after a chat line was a card's title. A tool that keeps links
    writes many; the user's line is the header's, junk, or the page's end. (Over a capture
    that kept its links, the user's text above it is reported as the other dialects report
    a damaged header: ``missing-header``, ``bad-header``, ``missing-link``; the cards
    are read all the same.)"""
    page, tool, _ = name.split(".")
    above, below = NOTED[noted]
    text = above + (TOOLS / name).read_text("utf-8").rstrip("\n") + below
    digest = digestparse.parse(text, reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected(page, tool)
    if tool in LINKLESS:
        assert {d.code for d in digest.diagnostics} <= {"junk"}
    assert uncovered_lines(text, digest) == []


@pytest.mark.parametrize("page", ["daily", "trending"])
@pytest.mark.parametrize("tool", LINKLESS)
def test_a_stray_code_fence_between_cards_keeps_every_card(tool: str, page: str) -> None:
    """A code fence alone after the first card (a paste gone wrong) is junk, and no card's
    title."""
    text = (TOOLS / f"{page}.{tool}.txt").read_text("utf-8")
    lines = text.split("\n")
    end = digestparse.parse(text, reference_date=REFERENCE).papers[0].end_line
    damaged = "\n".join([*lines[:end], "```", *lines[end:]])
    digest = digestparse.parse(damaged, reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected(page, tool)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", end + 1)]


def test_a_stray_code_fence_after_a_trending_cards_box_keeps_the_reading() -> None:
    """The fence between a trending card's upvote button and its link labels (bs4): the look
    for the marks of a capture without URLs ended there, as at a page's end, the reading
    without URLs was not chosen, and every card was junk."""
    lines = (TOOLS / "trending.bs4_nl.txt").read_text("utf-8").split("\n")
    assert lines[123:125] == ["Upvote", "117"]
    damaged = "\n".join([*lines[:126], "```", *lines[126:]])
    digest = digestparse.parse(damaged, reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected("trending", "bs4_nl")
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", 127)]


@pytest.mark.parametrize(
    "tool",
    ["bs4_default", "innertext", "inscriptis_default", "htmltext_default", "lynx_nonumbers",
     "bs4_nl"],
)
def test_a_page_cut_after_the_next_cards_box_keeps_the_comment_count(tool: str) -> None:
    """A download cut right after a card's bare box (``173``), under the date of the card
    before it (``Nov 23``, no comment): the box was read as that card's comment count,
    ``votes`` 173, with no report. Most of these tools write every count on its date's
    line (``Nov 24  3``): a number alone there is the next card's box. BeautifulSoup's
    ``get_text("\\n")`` writes each count right under its date, and a box after blank
    lines: a number after a blank line at the input's end is the box. Either has no title
    after it, and is reported."""
    text = (TOOLS / f"daily.{tool}.txt").read_text("utf-8")
    cut = text[: text.index("173", text.index("Benchmarks Are Not Enough")) + 3]
    digest = digestparse.parse(cut, reference_date=REFERENCE)
    want = expected("daily", tool)[:3]
    assert [fields(paper) for paper in digest.papers] == want
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", cut.count("\n") + 1)]


def test_a_bs4_page_cut_right_after_a_comment_count_keeps_it() -> None:
    """In BeautifulSoup's ``get_text("\\n")`` a comment count stands right under its date
    (``Nov 24 `` / `` 6``): cut there, it is still the card's count, the first one of the
    page and a later one."""
    lines = (TOOLS / "daily.bs4_nl.txt").read_text("utf-8").split("\n")
    want = expected("daily", "bs4_nl")
    for cut, papers in ((lines.index(" 3") + 1, 1), (lines.index(" 6") + 1, 2)):
        digest = digestparse.parse("\n".join(lines[:cut]), reference_date=REFERENCE)
        assert [fields(paper) for paper in digest.papers] == want[:papers]
        assert digest.diagnostics == ()


@pytest.mark.parametrize("tool", ["w3m_plain", "w3m_cols200"])
def test_w3m_thumbnail_labels_of_several_months_are_no_lynx_link_numbers(tool: str) -> None:
    """w3m writes a thumbnail as its file name's start, the paper's month (``[2611]``).
    Papers of four months in page order (a search page, a page near a month's turn) gave
    three growing marks, which with the page's title and promo lines made the page a lynx
    dump: ``reference-text``, no paper. lynx numbers link texts too (``[2]Models``); w3m's
    labels stand alone."""
    text = (TOOLS / f"daily.{tool}.txt").read_text("utf-8")
    assert text.count("\n[2611]\n") == 8
    months = text
    for month in ("2608", "2609", "2610"):  # the rest stay 2611
        months = months.replace("\n[2611]\n", f"\n[{month}]\n", 1)
    digest = digestparse.parse(months, reference_date=REFERENCE)
    assert digest.dialect == "text-urls"
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)
    assert digest.diagnostics == digestparse.parse(text, reference_date=REFERENCE).diagnostics


WRITE_ALTS = ["lynx_w200", "elinks", "elinks_noref", "elinks_nonum", "elinks_nonum_noref",
              "links", "links_w200", "w3m_plain", "w3m_cols200"]


@pytest.mark.parametrize(
    ("tool", "handle"),
    [*((tool, "inclusionAI") for tool in WRITE_ALTS),
     *((tool, "inclusionai") for tool in WRITE_ALTS),
     *((tool, "inclusionai-ai") for tool in WRITE_ALTS),
     *((tool, "inclusion") for tool in WRITE_ALTS),
     *((tool, "") for tool in ("bs4_default", "bs4_nl", "htmltext_default",
                               "inscriptis_default", "innertext", "pandoc_plain"))],
)
def test_a_name_in_camel_case_from_a_small_letter_is_the_whole_name(
    tool: str, handle: str
) -> None:
    """An organization named in camel case from a small letter, ``inclusionAI``: the rule
    that takes a lower-case word glued to a capital for a handle gave ``AI``, with no
    report, wherever the name was left once its logo's alt was off or had none:
    - from lynx's ``inclusionAI inclusionAI`` (alts written bare), elinks'
      ``[46]inclusionAI[47]inclusionAI`` (the logo set apart by its number) and w3m's
      ``inclusionAIinclusionAI`` (alts glued), the alt being the handle, alike or in
      lower case (``inclusionaiinclusionAI``), maybe longer or shorter than the name
      (``inclusionai-aiinclusionAI``, ``inclusioninclusionAI``);
    - from pandoc's ``[inclusionai]inclusionAI`` (the alt in brackets);
    - from the tools that write no image (BeautifulSoup, html-text, inscriptis, a
      browser's copy: the name alone), whose site logo is its name alone."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    shown = {"Qwen Qwen", "QwenQwen", "[28]Qwen Qwen", "[46]Qwen[47]Qwen", "Qwen",
             "[Qwen]Qwen"}
    at = [number for number, line in enumerate(lines) if line.strip() in shown]
    assert len(at) == 1
    if handle:  # the logo's alt, then the name
        lines[at[0]] = lines[at[0]].replace("Qwen", handle, 1).replace("Qwen", "inclusionAI")
    else:
        lines[at[0]] = lines[at[0]].replace("[Qwen]", "[inclusionai]").replace(
            "Qwen", "inclusionAI")
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    want = expected("daily", tool)
    for paper in want:
        if paper["organization"] == "Qwen":
            paper["organization"] = "inclusionAI"
    assert [fields(paper) for paper in digest.papers] == want


@pytest.mark.parametrize(
    ("page", "tool"),
    [*(("trending", tool) for tool in [*WRITE_ALTS, "lynx_nonumbers"]),
     ("daily", "lynx_nonumbers")],
)
def test_a_camel_case_name_after_its_own_handle_written_bare_is_the_whole_name(
    page: str, tool: str
) -> None:
    """``inclusionAI``'s handle is its name. Where the tool writes the logo's alt bare
    before the name (lynx; w3m, links and elinks on the trending page, which puts a blank
    after the logo) its line reads ``inclusionAI inclusionAI``: read once as a line
    written twice, the name was then cut by the rule for a handle glued to it and read
    ``AI``, with no report (the tools reading text-urls: w3m, links, elinks without
    numbers, lynx without numbers). A capture that writes its alts bare glues none."""
    lines = (TOOLS / f"{page}.{tool}.txt").read_text("utf-8").split("\n")
    old_handle, old_name = {"daily": ("Qwen", "Qwen"),
                            "trending": ("kandinskylab", "Kandinsky Lab")}[page]
    shown = [number for number, line in enumerate(lines)
             if old_handle in line and line.rstrip().endswith(("Qwen", "2026"))
             and old_name in line.replace(old_handle, "", 1)]
    assert len(shown) == {"daily": 1, "trending": 2}[page]
    for number in shown:
        lines[number] = lines[number].replace(old_handle, "inclusionAI", 1).replace(
            old_name, "inclusionAI", 1)
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    want = expected(page, tool)
    for paper in want:
        if paper["organization"] == old_name:
            paper["organization"] = "inclusionAI"
    assert [fields(paper) for paper in digest.papers] == want
    assert digest.diagnostics == ()


@pytest.mark.parametrize(("tool", "line"), [("bs4_nl", "Qwen"), ("pandoc_plain", "[Qwen]Qwen")])
def test_an_organization_line_doubled_is_read_once(tool: str, line: str) -> None:
    """A doubled organization line (``Qwen`` / ``Qwen``, joined ``Qwen Qwen``) gave its
    name once, by the rule that takes a bare word the name starts with for the logo's alt.
    Where the tool is known to write no alt (BeautifulSoup) that rule no longer runs, and
    after pandoc's alt in brackets (``[Qwen]Qwen [Qwen]Qwen``) it read ``[Qwen]Qwen``: a
    text written twice is read once."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    at = [number for number, text in enumerate(lines) if text.strip() == line]
    assert len(at) == 1
    lines.insert(at[0], lines[at[0]])
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)


@pytest.mark.parametrize(
    ("tool", "link"),
    [("h2t_ignore_images", "[OCC](https://huggingface.co/occ-ai)"),
     ("h2t_images_to_alt", "[occ-aiOCC](https://huggingface.co/occ-ai)")],
)
def test_an_organization_link_wrapped_inside_its_url(tool: str, link: str) -> None:
    """html2text breaks a long line at a ``-``, inside a link's URL too: an organization's
    link without its image then closes on a line that only goes on with the URL
    (``[OCC](https://huggingface.co/occ-`` / ``ai)``). Its card lost its organization, date
    and comment count to ``junk``; the two lines are one link, as a link wrapped inside its
    text is."""
    text = (TOOLS / f"daily.{tool}.txt").read_text("utf-8")
    assert text.count(f"\n{link}\n") == 1
    wrapped = text.replace(f"\n{link}\n", "\n" + link.replace("/occ-", "/occ-\n") + "\n")
    digest = digestparse.parse(wrapped, reference_date=REFERENCE)
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)
    assert digest.diagnostics == digestparse.parse(text, reference_date=REFERENCE).diagnostics


@pytest.mark.parametrize("tool", ["w3m_plain", "w3m_cols200"])
def test_a_w3m_avatar_label_of_digits_only_numbers_no_link_text(tool: str) -> None:
    """w3m writes an avatar as its file name's start after a bullet (``• [8dc64b4976]``): ten
    hex digits, all decimal about once in a hundred, so on about a third of pages with some
    forty avatars. The lynx notation detector took such a label for a link's text numbered
    (``* [2]Models``), so a page whose thumbnail labels grew (papers of several months) was
    a lynx dump again: ``reference-text``, no paper."""
    text = (TOOLS / f"daily.{tool}.txt").read_text("utf-8")
    assert text.count("\n  \u2022 [8dc64b4976]\n") == 1
    months = text.replace("\n  \u2022 [8dc64b4976]\n", "\n  \u2022 [1092092469]\n")
    for month in ("2608", "2609", "2610"):  # the rest stay 2611
        months = months.replace("\n[2611]\n", f"\n[{month}]\n", 1)
    digest = digestparse.parse(months, reference_date=REFERENCE)
    assert digest.dialect == "text-urls"
    assert [fields(paper) for paper in digest.papers] == expected("daily", tool)
    assert digest.diagnostics == digestparse.parse(text, reference_date=REFERENCE).diagnostics


@pytest.mark.parametrize("tool", ["h2t_default", "h2t_bw0"])
def test_a_converters_break_between_chinese_words_was_a_space(tool: str) -> None:
    """html2text wraps at blanks only: a title that breaks between two Chinese words
    (``… Video and 音频`` / ``生成](…)``) had a space there, which the join keeps. Only a
    text browser breaks a run of Chinese anywhere (``join_wrapped``'s ``broken_cjk``)."""
    text = (TOOLS / f"trending.{tool}.txt").read_text("utf-8")
    title = "Synchronized Video and Audio Generation"
    wrapped = "Audio\nGeneration](" in text
    assert wrapped == (tool == "h2t_default")
    text = text.replace("Audio\nGeneration](", "音频\n生成](").replace(
        "Audio Generation](", "音频 生成](")
    digest = digestparse.parse(text, reference_date=REFERENCE)
    want = expected("trending", tool)
    for paper in want:
        paper["title"] = paper["title"].replace(title, "Synchronized Video and 音频 生成")
    assert [fields(paper) for paper in digest.papers] == want
    assert digest.diagnostics == ()


@pytest.mark.parametrize("tool", ["w3m_plain", "links", "elinks_nonum"])
def test_a_daily_page_without_its_title_still_takes_glued_alts_off(tool: str) -> None:
    """A daily page whose ``Daily Papers`` line was lost shows ``Trending Papers`` (a tab)
    alone, so it is read as the trending page, whose markup puts a blank after each logo:
    alts written bare. The names still show their alts glued (``occ-aiOCC``), and the
    glued rules still take them off where the bare rule finds no alt; only a text written
    twice is left to the bare rule there (``inclusionAI inclusionAI``)."""
    lines = (TOOLS / f"daily.{tool}.txt").read_text("utf-8").split("\n")
    at = [number for number, line in enumerate(lines) if line.strip() == "Daily Papers"]
    assert len(at) == 1
    del lines[at[0]]
    digest = digestparse.parse("\n".join(lines), reference_date=REFERENCE)
    organizations = [paper.organization for paper in digest.papers]
    assert "OCC" in organizations
    assert "University of Massachusetts Amherst" in organizations
    assert not any(name.startswith(("occ-ai", "umass")) for name in organizations if name)
