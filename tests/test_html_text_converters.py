"""The html-text dialect on the late-2026 trending page as the markdown converters write it.

Capture 05 is the page as its own extraction tool writes it (images as placeholders, blocks
on their own lines). The common HTML-to-markdown converters write the same markup
(/work/scratch/htmlmd/trend_abs.html, run through them) with these habits: an image as
``![alt](url)`` where 05 has its placeholder (the thumbnail ``[![](img)](paper)``, the
Submitted-by avatar, the organization ``[![alt](img) Name](url)``); the Submitted-by block
inline (``Submitted by![](img)name``); the upvote box on one line (``[Upvote117](url)``,
html2text; ``[Upvote 117](url)``, html-to-markdown) or over two glued lines
(markdownify, markitdown); the GitHub link with a blank (``[ GitHub 131](url)``, html2text)
or an image (html-to-markdown) where its icon was; the authors as bullets (``  * `` html2text,
``* `` markdownify, ``- `` html-to-markdown) before ``· Published on …`` on its own line;
the switcher's empty items as ``  *   *   * `` on one line (html2text) or ``-`` items;
html2text wraps each paragraph at 78 characters (``textwrap.wrap``, as it calls it, at spaces
and after hyphens, inside links and URLs too), but not list items. Each page here is written
from known fields by ``page``, so the expected values are the fields it was given.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, note, settings

import digestparse
from dialect_support import read_checked
from digestparse.dialects.html_text import HTML_TEXT

HF = "https://huggingface.co"
TODAY = datetime.date(2026, 11, 26)
THUMBNAILS = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/"
#: A real avatar address: its hyphen is where html2text wraps it.
LONG_AVATAR = (
    "https://cdn-avatars.huggingface.co/v1/production/uploads/1672164046414-"
    "624b4a964056e2a6914a06c5.png"
)
ICON = "![](data:image/svg+xml;base64,PHN2ZyAvPg==) "


@attrs.frozen
class Card:
    """One trending card's fields, as the page shows them."""

    paper_id: str
    title: str
    abstract: str
    upvotes: int
    date: str
    submitter: str | None = None
    #: (name, handle) of the organization; None: an authors list.
    organization: tuple[str, str] | None = None
    authors: int | None = None
    avatars: int = 0
    stars: str = "131"
    avatar_url: str = ""
    github: str = "https://github.com/a/b-c"


CARDS = (
    Card("2610.05608", "Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio"
         " Generation", "We present Kandinsky 6.0 Video, a family of foundation diffusion"
         " models that generate video with synchronized audio from text prompts.", 117,
         "Oct 4, 2026", submitter="vvasilev", organization=("Kandinsky Lab", "kandinskylab"),
         avatar_url=LONG_AVATAR),
    Card("2609.18063", "The Other Half of the Memory Wall: Serving 35B MoEs from SSD",
         "Mixture-of-experts inference on consumer hardware is bounded by weight memory.", 0,
         "Sep 16, 2026", submitter="bupalinyu",
         organization=("Carnegie Mellon University", "CarnegieMellonU"), stars="3.29k",
         avatar_url=LONG_AVATAR),
    Card("2510.03253", "Agent Lightning: Train ANY AI Agents with Reinforcement Learning",
         "Agent Lightning is a flexible RL framework.", 92, "Oct 3, 2025",
         submitter="akhaliq", authors=8, avatars=3, stars="11.3k",
         # Long enough that html2text wraps the line of links inside it, after a hyphen.
         github="https://github.com/microsoft/agent-lightning-reinforcement-learning-framework"),
    Card("2510.04444", "Short", "One line.", 5, "Sep 9, 2025", authors=1, avatars=1),
)
#: The dates above, read by hand.
DATES = (datetime.date(2026, 10, 4), datetime.date(2026, 9, 16), datetime.date(2025, 10, 3),
         datetime.date(2025, 9, 9))


@attrs.frozen
class Style:
    """How a converter writes the parts of the page where converters differ."""

    #: The list bullet with its spaces: ``  * `` (html2text), ``* `` (markdownify),
    #: ``- `` (html-to-markdown), ``+ ``.
    bullet: str = "* "
    #: ``glued`` (``[Upvote117](url)``), ``spaced`` (``[Upvote 117](url)``) or ``two lines``
    #: (``[Upvote`` over ``117](url)``, glued).
    box: str = "two lines"
    #: What stands where the GitHub link's icon was: nothing, a blank or an image.
    icon: str = ""
    #: ``one line`` (``  *   *   * ``, html2text), ``items`` (``-`` items, html-to-markdown)
    #: or ``none`` (markdownify, markitdown: the buttons are dropped).
    switcher: str = "none"
    #: ``block`` (``Submitted by``, the avatar, the name: paragraphs) or ``inline``.
    submitted: str = "block"
    #: html2text's wrap width (None: no wrapping).
    width: int | None = None
    #: The site's relative links (``/papers/ID``), as on a page saved without its address.
    relative: bool = False
    #: Whether a space parts the organization's image from its name.
    organization_space: bool = True
    #: Headings closed by their marks (markdownify's ``ATX_CLOSED``: ``# Trending Papers #``).
    closed: bool = False
    #: Link targets in angle brackets (html2text's ``protect_links``: ``](<url>)``).
    protect: bool = False
    #: Whether images are kept (html2text's ``ignore_images`` leaves them out: an empty
    #: thumbnail link ``[](url)``, empty avatar items on the count's line).
    images: bool = True
    #: Without images, each written as its alt text (html2text's ``images_to_alt``): the
    #: organization's logo as its handle before its name (``[kandinskylab Kandinsky Lab]``).
    images_to_alt: bool = False


HABITS = {
    "html2text": Style(bullet="  * ", box="glued", icon=" ", switcher="one line", width=78),
    "html2text body_width=0": Style(bullet="  * ", box="glued", icon=" ", switcher="one line"),
    "html2text inline lead-in": Style(bullet="  * ", box="glued", icon=" ",
                                      switcher="one line", submitted="inline", width=78),
    "html2text relative": Style(bullet="  * ", box="glued", icon=" ", switcher="one line",
                                width=78, relative=True),
    "html2text protect_links": Style(bullet="  * ", box="glued", icon=" ",
                                     switcher="one line", protect=True),
    "html2text protect_links relative": Style(bullet="  * ", box="glued", icon=" ",
                                              switcher="one line", protect=True, relative=True),
    "html2text ignore_images": Style(bullet="  * ", box="glued", icon=" ",
                                     switcher="one line", width=78, images=False),
    "html2text images_to_alt": Style(bullet="  * ", box="glued", icon=" ",
                                     switcher="one line", width=78, images=False,
                                     images_to_alt=True),
    "html2text images_to_alt glued": Style(bullet="  * ", box="glued", icon=" ",
                                           switcher="one line", images=False,
                                           images_to_alt=True, organization_space=False),
    "html2text ignore_images inline lead-in": Style(
        bullet="  * ", box="glued", icon=" ", switcher="one line", submitted="inline", width=78,
        images=False),
    "markdownify": Style(),
    "markdownify relative inline": Style(submitted="inline", relative=True),
    "markitdown": Style(organization_space=False),
    "markdownify ATX_CLOSED": Style(closed=True),
    "html-to-markdown": Style(bullet="- ", box="spaced", icon=ICON, switcher="items"),
    "plus bullets": Style(bullet="+   ", box="spaced"),
}


def _link(style: Style, path: str) -> str:
    """A link's target: a path on the site, or another site's address."""
    url = path if style.relative or path.startswith("https:") else HF + path
    return f"<{url}>" if style.protect else url


def _card(card: Card, style: Style) -> list[list[str]]:
    """The card's paragraphs, each a list of glued lines."""
    paper = _link(style, f"/papers/{card.paper_id}")
    thumbnail = f"![]({THUMBNAILS}{card.paper_id}.png)" if style.images else ""
    blocks = [[f"[{thumbnail}]({paper})"]]
    if card.submitter is not None:
        avatar = card.avatar_url or f"https://cdn-avatars.huggingface.co/{card.submitter}.png"
        if style.submitted == "inline" and style.images:
            blocks.append([f"Submitted by![]({avatar}){card.submitter}"])
        elif style.submitted == "inline":  # the blanks around the avatar stay (html2text)
            blocks.append([f"Submitted by  {card.submitter}"])
        elif style.images:
            blocks += [["Submitted by"], [f"![]({avatar})"], [card.submitter]]
        else:
            blocks += [["Submitted by"], [card.submitter]]
    blocks += [[f"### [{card.title}]({paper})" + (" ###" if style.closed else "")],
               [card.abstract]]
    published = f"Published on {card.date}"
    if card.organization is not None:
        name, handle = card.organization
        image = f"![{handle}]({card.avatar_url or 'https://cdn-avatars.huggingface.co/x.png'})"
        image = image if style.images else handle if style.images_to_alt else ""
        gap = " " if style.organization_space else ""
        blocks.append([f"[{image}{gap}{name}]({_link(style, '/' + handle)}) \u00b7 {published}"])
    else:
        items = [f"{style.bullet}![](https://huggingface.co/avatars/a{n}.svg)"
                 for n in range(card.avatars)]
        word = "author" if card.authors == 1 else "authors"
        count_item = f"{style.bullet}{card.authors} {word}"
        if not style.images:  # the empty items run into the count's line
            items, count_item = [], style.bullet * card.avatars + count_item
        blocks += [[*items, count_item], [f"\u00b7 {published}"]]
    count = str(card.upvotes) if card.upvotes else "-"
    login = _link(style, f"/login?next=%2Fpapers%2F{card.paper_id}")
    blocks.append({
        "glued": [f"[Upvote{count}]({login})"],
        "spaced": [f"[Upvote {count}]({login})"],
        "two lines": ["[Upvote", f"{count}]({login})"],
    }[style.box])
    github = _link(style, card.github)
    arxiv = _link(style, f"https://arxiv.org/abs/{card.paper_id}")
    icon = style.icon if style.images or style.icon != ICON else " "
    blocks.append([f"[{icon}GitHub {card.stars}]({github}) [arXiv Page]({arxiv})"])
    return blocks


def _header(style: Style) -> list[list[str]]:
    bullet = style.bullet
    blocks = [
        [f"[![Hugging Face's logo]({HF}/front/assets/huggingface_logo-noborder.svg)Hugging"
         f" Face]({HF}/)"],
        [f"{bullet}[Models]({HF}/models)", f"{bullet}[Datasets]({HF}/datasets)"],
        [f"[Log In]({HF}/login) [Sign Up]({HF}/join)"],
        ["new"], ["Get trending papers in your email inbox once a day!"],
        ["Get trending papers in your email inbox!"], [f"[Subscribe]({HF}/login?next=%2Fpapers)"],
        ["# Trending Papers" + (" #" if style.closed else "")],
        [f"## by [![]({HF}/front/assets/papers-by.png)AK]({HF}/akhaliq) and the research"
         " community"],
    ]
    if style.switcher == "one line":
        mark = bullet.strip()
        blocks.append([f"{bullet.rstrip()}   {mark}   {mark} "])
    elif style.switcher == "items":
        blocks.append(["-", "-", "-"])
    return blocks


FOOTER = [[f"[Next]({HF}/papers/trending?p=1)"], ["System theme"]]


def page(style: Style, cards: tuple[Card, ...] = CARDS) -> list[str]:
    """The page's lines: paragraphs parted by a blank line, each wrapped as html2text wraps
    (list items apart)."""
    blocks = _header(style)
    for card in cards:
        blocks += _card(card, style)
    blocks += FOOTER
    lines: list[str] = []
    for block in blocks:
        for line in block:
            if style.width is None or line.startswith(style.bullet):
                lines.append(line)
            else:
                lines += textwrap.wrap(line, style.width, break_long_words=False)
        lines.append("")
    return lines


def expected(cards: tuple[Card, ...] = CARDS) -> list[tuple[Any, ...]]:
    return [
        (card.paper_id, card.title, card.abstract, card.submitter,
         card.organization[0] if card.organization else None, card.authors,
         DATES[CARDS.index(card)], card.upvotes)
        for card in cards
    ]


def _fields(paper: digestparse.Paper) -> tuple[Any, ...]:
    return (paper.paper_id, paper.title, paper.abstract, paper.submitted_by,
            paper.organization, paper.author_count, paper.date, paper.upvotes)


def _read(lines: list[str]) -> digestparse.Digest:
    """``dialect_support.read_checked`` of the page's lines as html-text."""
    return read_checked(HTML_TEXT, "\n".join(lines), TODAY)


@pytest.mark.parametrize("habit", list(HABITS))
def test_each_converter_habit_reads_every_card(habit: str) -> None:
    digest = _read(page(HABITS[habit]))
    assert digest.diagnostics == ()
    assert [_fields(paper) for paper in digest.papers] == expected()
    # The switcher's empty items are header lines with no text.
    assert "Trending Papers" in digest.header
    assert not [line for line in digest.header if not line.strip("-*+ ")]


def test_html2text_wraps_the_cards_it_is_read_from() -> None:
    """The wrapped shapes are there: the thumbnail, the avatar, the organization with its
    date and the links each over glued lines (else the test above proves less)."""
    lines = page(HABITS["html2text"])
    assert f"[![]({THUMBNAILS}2610.05608.png)](https://huggingface.co/papers/2610.05608)" \
        not in lines
    assert any(line.startswith("[![](https://cdn-thumbnails.huggingface.co/social-")
               for line in lines)
    assert "![](https://cdn-" in lines
    assert "  *   *   * " in lines
    assert any(line.endswith("CarnegieMellonU) \u00b7") for line in lines)  # the date next
    assert any(line.endswith(".png)") for line in lines)  # the organization's name next
    assert any(line.endswith("[arXiv") for line in lines)
    assert any(line.endswith("agent-lightning-reinforcement-") for line in lines)


def test_the_links_of_each_card_are_kept_in_its_span() -> None:
    lines = page(HABITS["html2text"])
    digest = _read(lines)
    assert len(digest.papers) == len(CARDS)
    for paper, card in zip(digest.papers, CARDS, strict=True):
        # The thumbnail's link, wrapped after ``social-``: its first line is the card's.
        first = next(i for i, line in enumerate(lines) if card.paper_id + ".png" in line)
        last = next(i for i, line in enumerate(lines)
                    if f"](https://arxiv.org/abs/{card.paper_id})" in line) + 1
        assert paper.url == f"{HF}/papers/{card.paper_id}"
        assert paper.span == (first, last)


@pytest.mark.parametrize("habit", ["html2text", "html-to-markdown", "markdownify"])
def test_the_page_head_is_detected_as_html_text(habit: str) -> None:
    """Only the head the detectors see (the header and the first card): html2text at width
    78 wraps every title there, and was detected as ``text``, inventing papers."""
    lines = page(HABITS[habit], CARDS[:1])
    text = "\n".join(lines)
    assert digestparse.parse(text, reference_date=TODAY).dialect == "html-text"


def test_a_one_line_box_linked_elsewhere_is_no_mark() -> None:
    """The one-line box decides detection only linked to the login page."""
    lines = ["[Upvote117](https://example.com/x)", "", "Some text."]
    assert digestparse.parse("\n".join(lines), reference_date=TODAY).dialect != "html-text"


@pytest.mark.parametrize("habit", list(HABITS))
def test_an_abstract_that_reads_submitted_by_a_word_is_the_abstract(habit: str) -> None:
    """A one-line abstract ``Submitted by reviewers.`` is prose, not a lead-in without its
    avatar (that one keeps the avatar's two blanks: ``Submitted by  vvasilev``). Read as a
    lead-in, it started a new entry: the card lost its abstract, organization and date."""
    cards = (CARDS[0], attrs.evolve(CARDS[1], abstract="Submitted by reviewers."), *CARDS[2:])
    digest = _read(page(HABITS[habit], cards))
    assert digest.diagnostics == ()
    want = expected()
    want[1] = (*want[1][:2], "Submitted by reviewers.", *want[1][3:])
    assert [_fields(paper) for paper in digest.papers] == want


# -- damage near the new shapes -------------------------------------------------------------


def _index(lines: list[str], start: str, nth: int = 0) -> int:
    return [i for i, line in enumerate(lines) if line.startswith(start)][nth]


DAMAGE: dict[str, tuple[str, Any, str, str, int | None]] = {
    # (habit; edit of the lines, giving the line (0-based) where the first diagnostic is
    # expected; its code; the field left unread; the column, None: 1)
    "one-line box dropped": ("html2text body_width=0", lambda lines: (
        lines.pop(_index(lines, "[Upvote")), _index(lines, "[ GitHub"))[1],
        "missing-upvotes", "upvotes", None),
    "one-line box with a broken count": ("html-to-markdown", lambda lines: (
        lines.__setitem__(i := _index(lines, "[Upvote"), lines[i].replace("117", "1x7")), i)[1],
        "missing-upvotes", "upvotes", len("[Upvote") + 1),
    "lead-in avatar without a name": ("markdownify", lambda lines: (
        lines.__setitem__(lines.index("vvasilev"), ""), _index(lines, "### "))[1],
        "missing-submitter", "submitted_by", None),
    "inline lead-in without a name": ("markdownify relative inline", lambda lines: (
        lines.__setitem__(i := _index(lines, "Submitted by"),
                          lines[i].removesuffix("vvasilev")), i)[1],
        "missing-submitter", "submitted_by", -1),
    "wrapped organization with a bad date": ("html2text", lambda lines: (
        lines.__setitem__(i := _index(lines, "Kandinsky Lab]"),
                          lines[i].replace("Oct 4, 2026", "Octo 4, 2026")), i)[1],
        "bad-date", "date", -2),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_damage_near_the_new_shapes_is_reported(name: str) -> None:
    habit, edit, code, field, column = DAMAGE[name]
    lines = page(HABITS[habit])
    at = edit(lines)
    digest = _read(lines)
    first = digest.diagnostics[0]
    if column == -1:  # after the avatar: where the name should be
        column = len(lines[at]) + 1
    elif column == -2:  # at the date
        column = lines[at].index("Octo") + 1
    assert (first.code, first.line, first.column) == (code, at + 1, column or 1)
    damaged = digest.papers[0]
    intact = dict(zip(("paper_id", "title", "abstract", "submitted_by", "organization",
                       "author_count", "date", "upvotes"), expected()[0], strict=True))
    assert getattr(damaged, field) in (None, "", ())
    for key, value in intact.items():
        if key != field:
            assert getattr(damaged, key) == value, key
    assert [_fields(paper) for paper in digest.papers[1:]] == expected()[1:]


# -- a mix of every habit ---------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    bullet=st.sampled_from(["  * ", "* ", "- ", "+ ", "*   "]),
    box=st.sampled_from(["glued", "spaced", "two lines"]),
    icon=st.sampled_from(["", " ", ICON]),
    switcher=st.sampled_from(["one line", "items", "none"]),
    submitted=st.sampled_from(["block", "inline"]),
    width=st.sampled_from([None, 78, 60]),
    relative=st.booleans(),
    organization_space=st.booleans(),
    closed=st.booleans(),
    protect=st.booleans(),
    images=st.booleans(),
    images_to_alt=st.booleans(),
    cards=st.lists(st.sampled_from(CARDS), min_size=1, max_size=4, unique=True),
)
def test_any_mix_of_the_habits_reads_every_card(cards: list[Card], **habits: Any) -> None:
    style = Style(**habits)
    note(repr(style))
    digest = _read(page(style, tuple(cards)))
    assert digest.diagnostics == ()
    assert [_fields(paper) for paper in digest.papers] == expected(tuple(cards))
