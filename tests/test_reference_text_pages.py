"""The reference-text dialect on html2text's reference-style output (``inline_links=False``).

html2text, a common HTML-to-markdown converter, writes every link as ``[text][N]`` with
the URLs in reference definitions at the end (``   [8]: https://…``), as capture 01 does,
but lays the listing out differently: a blank line between elements, the upvote box and
the abstract each on one line (``[7][10]``, ``[text][8]``), the authors list as ``[`` /
``  * 54 authors`` / ``][8] ·`` with the ``·`` glued after the reference, an organization
``[![carnegie][12]Carnegie Mellon University][13] ·`` (images as ``![alt][N]``), the icon
links around the page date (``[][5]``), and, at its default width, paragraphs and titles
hard-wrapped at column 78 (continuation lines without ``### ``). Each page here is
written from known fields by ``page``, in the shapes the real converter gave for HTML
that mirrors the page, not by the parser; so the expected values are the given fields.
"""

from __future__ import annotations

import datetime
import re
import textwrap

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, note

import digestparse
from dialect_support import assert_paths_agree
from digestparse.dialects.reference_text import REFERENCE_TEXT
from digestparse.dialects.reference_text import lines as ref_lines
from hostile_support import check_nothing_lost, damaged_text
from page_support import HF, TODAY, Entry

LONG_ABSTRACT = (
    "We study long context models [3] and more. " + "Every sentence adds words here. " * 9
).strip()
ENTRIES = (
    Entry("2611.01234", "Plain Title", "An abstract.", 12, "Nov 25", 3, organization="OCC"),
    Entry("2611.02345", "One Author Only", "Another abstract.", 0, "Nov 24", authors=1),
    Entry("2611.03456", "Many Authors", LONG_ABSTRACT, 7, "Oct 3, 2025", 1, authors=5,
          avatars=2),
    Entry("2611.04567", "Brackets [Re] and *stars* " + "long " * 14 + "title",
          "Fourth abstract.", 0, "Nov 20",
          organization="Mohamed bin Zayed University of Artificial Intelligence Lab"),
)
DATES = (
    datetime.date(2026, 11, 25), datetime.date(2026, 11, 24), datetime.date(2025, 10, 3),
    datetime.date(2026, 11, 20),
)


class _Refs:
    """html2text's reference numbers: one per distinct URL, in order of first use."""

    def __init__(self) -> None:
        self.urls: dict[str, int] = {}

    def __call__(self, url: str) -> int:
        return self.urls.setdefault(url, len(self.urls) + 1)

    def definitions(self, width: int = 0) -> list[str]:
        """The definitions, each wrapped as html2text wraps at ``width`` (after a hyphen in
        a URL too, its lines joined by newlines); 0: none wrapped."""
        return [
            "\n".join(_wrap(f"   [{number}]: {url}", width)) if width else f"   [{number}]: {url}"
            for url, number in self.urls.items()
        ]


def _wrap(text: str, width: int) -> list[str]:
    if not width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True)


def _entry(
    entry: Entry, ref: _Refs, width: int, thumbnail: bool = False, images: bool = True,
    comments_apart: bool = False,
) -> list[str]:
    paper = f"{HF}/papers/{entry.paper_id}"
    shown = str(entry.upvotes) if entry.upvotes else "-"
    image = f"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{entry.paper_id}.png"
    blocks = []
    if thumbnail:
        shown_image = f"![][{ref(image)}]" if images else ""
        blocks.append([f"[{shown_image}][{ref(paper)}]"])
    blocks += [
        [f"[{shown}][{ref(HF + '/login?next=%2Fpapers%2F' + entry.paper_id)}]"],
        _wrap(f"### [{entry.title}][{ref(paper)}]", width),
        _wrap(f"[{entry.abstract}][{ref(paper)}]", width),
    ]
    if entry.organization is not None:
        slug = entry.organization.split()[0].lower()
        image = f"![{slug}][{ref('https://cdn-avatars.huggingface.co/v1/' + slug + '.png')}]"
        image = image if images else ""
        blocks.append(
            _wrap(f"[{image}{entry.organization}][{ref(HF + '/' + slug)}] ·", width)
        )
    else:
        blocks += [["["], _authors_items(entry, ref, images), [f"][{ref(paper)}] ·"]]
    count = f"[{entry.comments}][{ref(paper + '#community')}]" if entry.comments else ""
    if comments_apart and count:  # the count's link in a block of its own
        blocks += [[entry.date], [count]]
    else:
        blocks.append([entry.date + count])
    return [line for block in blocks for line in [*block, ""]]


def _authors_items(entry: Entry, ref: _Refs, images: bool) -> list[str]:
    """The avatars' list items and the count's; without images html2text runs the empty
    items into the count's line (``  *   *   * 5 authors``)."""
    word = "author" if entry.authors == 1 else "authors"
    if not images:
        return ["  * " * (entry.avatars + 1) + f"{entry.authors} {word}"]
    avatars = [f"  * ![][{ref(f'{HF}/avatars/a{k}.svg')}]" for k in range(entry.avatars)]
    return [*avatars, f"  * {entry.authors} {word}"]


def page(
    entries: tuple[Entry, ...] = ENTRIES,
    *,
    width: int = 0,
    label: str = "Nov 26",
    query: str | None = None,
    tail: bool = True,
    whole: bool = False,
    thumbnails: bool = False,
    arrows_inline: bool = False,
    images: bool = True,
    comments_apart: bool = False,
) -> str:
    """The daily (search, week) page as html2text writes it with ``inline_links=False``;
    ``whole``: the whole page, the site's menu first, the footer's links glued together;
    ``thumbnails``: each entry's thumbnail (``[![][N]][M]``) over its box;
    ``arrows_inline``: the page date's arrows on its line (``[][5]Nov 26[][6]``), as
    html2text writes them where the date and its arrows share one block."""
    ref = _Refs()
    lines = []
    if whole:
        logo = ref(HF + "/front/assets/huggingface_logo-noborder.svg")
        lines += [f"[![Hugging Face's logo][{logo}]Hugging Face][{ref(HF + '/')}]", ""]
        lines += [f"  * [{name}][{ref(HF + '/' + name.lower())}]" for name in ("Models", "Docs")]
        lines += ["", f"[Log In][{ref(HF + '/login')}] [Sign Up][{ref(HF + '/join')}]", ""]
    lines += [
        "new", "", "Get trending papers in your email inbox once a day!", "",
        "Get trending papers in your email inbox!", "",
        f"[Subscribe][{ref(HF + '/login?next=%2Fpapers')}]", "", "# Daily Papers", "",
        f"## by [![][{ref(HF + '/front/assets/papers-by.png')}]AK][{ref(HF + '/akhaliq')}]"
        " and the research community", "",
    ]
    if query is not None:
        lines += [query, ""]
    previous, following = ref(HF + "/papers/date/2026-11-25"), ref(HF + "/papers/date/2026-11-27")
    lines += [
        "  * Daily", "  * Weekly", "  * Monthly", "",
        f"[Trending Papers][{ref(HF + '/papers/trending')}]", "",
    ]
    if arrows_inline:
        lines += [f"[][{previous}]{label}[][{following}]", ""]
    else:
        lines += [f"[][{previous}]", "", label, "", f"[][{following}]", ""]
    for entry in entries:
        lines += _entry(entry, ref, width, thumbnails, images, comments_apart)
    if tail and whole:
        lines += [f"[Previous][{previous}][1][{previous}][2][{following}][Next][{following}]", ""]
        lines += ["System theme", "", "".join(
            f"[{word}][{ref(HF + '/' + word.lower())}]" for word in ("TOS", "Privacy", "About"))]
    elif tail:
        lines += [f"[Previous][{previous}] [Next][{following}]", ""]
        lines += [f"  * [{word}][{ref(HF + '/' + word.lower())}]" for word in ("TOS", "About")]
    # At its width html2text puts a blank line between the definitions, at 0 none.
    spaced = [part for line in ref.definitions() for part in (line, "")]
    lines += ["", "", "", *(spaced if width else ref.definitions()), ""]
    return "\n".join(lines) + "\n"


def _expected(entries: tuple[Entry, ...] = ENTRIES) -> list[dict[str, object]]:
    dates = {entry.paper_id: date for entry, date in zip(ENTRIES, DATES, strict=True)}
    return [
        {
            "title": entry.title,
            "abstract": entry.abstract,
            "upvotes": entry.upvotes,
            "organization": entry.organization,
            "author_count": entry.authors,
            "date": dates[entry.paper_id],
            "votes": entry.comments,
        }
        for entry in entries
    ]


def _fields(digest: digestparse.Digest) -> list[dict[str, object]]:
    return [
        {
            "title": paper.title,
            "abstract": paper.abstract,
            "upvotes": paper.upvotes,
            "organization": paper.organization,
            "author_count": paper.author_count,
            "date": paper.date,
            "votes": paper.votes,
        }
        for paper in digest.papers
    ]


def _read(text: str) -> digestparse.Digest:
    digest = digestparse.parse(text, reference_date=TODAY)
    assert digest.dialect == "reference-text"
    check_nothing_lost(text, digest)
    if not digest.diagnostics:
        strict = digestparse.parse(text, mode="strict", reference_date=TODAY)
        assert strict.papers == digest.papers
    assert_paths_agree(REFERENCE_TEXT, text, TODAY)
    return digest


@pytest.mark.parametrize("width", [0, 78])
def test_the_daily_page_as_html2text_writes_it(width: int) -> None:
    text = page(width=width)
    if width:  # the long title and abstract are wrapped, the wrapped title without '###'
        assert any(line.startswith("long ") for line in text.split("\n"))
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert digest.page_date == datetime.date(2026, 11, 26)
    assert digest.papers[0].line == text.split("\n").index("[12][7]") + 1
    assert digest.footer_span is not None


@pytest.mark.parametrize("width", [0, 78])
def test_the_whole_page_with_the_sites_menu_and_footer(width: int) -> None:
    """html2text run on the whole page writes the site's menu first (items as a list and
    side by side, ``[Log In][8] [Sign Up][9]``) and the footer's links glued together
    (``[Previous][31][1][31][2][32][Next][32]``): the header's span and the page's end."""
    text = page(width=width, whole=True)
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert digest.header == _read(page(width=width)).header
    assert digest.header_span is not None and digest.header_span[0] == 1
    lines = text.split("\n")
    previous = next(n for n, line in enumerate(lines, 1) if line.startswith("[Previous]"))
    last = max(n for n, line in enumerate(lines, 1) if line.strip())
    assert digest.footer_span == (previous, last)


@pytest.mark.parametrize("width", [0, 78])
def test_the_daily_page_with_each_entrys_thumbnail(width: int) -> None:
    """The thumbnail over the box starts the entry; the abstract is still the one reference
    of the daily page, read without its brackets (it kept them, silently)."""
    text = page(width=width, thumbnails=True)
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert text.split("\n")[digest.papers[0].line - 1].startswith("[![][")


def test_a_daily_entry_that_lost_its_box_under_its_thumbnail_is_bad_upvotes() -> None:
    """Without its box, an entry's thumbnail stood right over its title, which read as a
    trending card (upvotes after its date, none there): ``upvotes`` None, silently. Only
    the trending page's cards have no box, and their thumbnails stand over ``Submitted by``:
    on any other page this is ``bad-upvotes`` at the title."""
    lines = page(thumbnails=True).split("\n")
    boxes = [n for n, line in enumerate(lines[:-2]) if re.fullmatch(
        r"\[(-|[0-9]+)\]\[[0-9]+\]", line) and lines[n + 2].startswith("### [")]
    assert len(boxes) == len(ENTRIES)
    for index, box in enumerate(boxes):
        damaged = lines[:box] + lines[box + 2 :]  # the box and the blank line under it
        text = "\n".join(damaged)
        digest = _read(text)
        assert [(d.code, d.line, d.message) for d in digest.diagnostics] == [
            ("bad-upvotes", box + 1, "malformed upvote count before the title: "
             "no upvote box before the title")]
        expected = _expected()
        expected[index]["upvotes"] = None
        assert _fields(digest) == expected


@pytest.mark.parametrize("thumbnails", [False, True])
@pytest.mark.parametrize("label", ["Nov 26", "Week 48", "November 2026"])
def test_the_page_dates_arrows_on_its_line(label: str, thumbnails: bool) -> None:
    """``[][5]Nov 26[][6]``: the page date (or the period) between its arrows is the header's
    last line, as when each stands on its own line (it was ``bad-header``); the first
    entry's thumbnail right after it is that entry's, not an arrow."""
    text = page(label=label, arrows_inline=True, thumbnails=thumbnails)
    assert f"]{label}[" in text
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    apart = _read(page(label=label, thumbnails=thumbnails))
    assert digest.header == apart.header
    assert digest.page_date == apart.page_date
    lines = text.split("\n")
    assert digest.header_span is not None
    assert lines[digest.header_span[1] - 1].endswith("]")
    assert label in lines[digest.header_span[1] - 1]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("[][4]Nov 2", (11, 2, None)),
        ("Nov 26[][5]", (11, 26, None)),
        ("[][4] Oct 3, 2025 [][5]", (10, 3, 2025)),
        ("[![][7]][4]Nov 26[![][8]][5]", (11, 26, None)),
        ("[][4]Nov 26[ 3][5]", None),  # a comment count is no arrow
        ("[][4]Week 48[][5]", None),  # a period: a header line
        ("[][4][][5]", None),
    ],
)
def test_a_date_line_with_its_arrows(line: str, date: tuple[int, int, int | None] | None) -> None:
    """A line is a date line exactly when its date reads (the damage property found a cut
    ``[][4]Nov 2`` classified as a date that did not read: an InternalError)."""
    dated = ref_lines.read_dated(line)
    assert (ref_lines.classify(line) is ref_lines.Kind.DATE) == (date is not None)
    if date is None:
        assert dated is None
    else:
        assert dated is not None and dated.comments is None
        assert (dated.parts.month, dated.parts.day, dated.parts.year) == date


@pytest.mark.parametrize("arrows_inline", [False, True])
@pytest.mark.parametrize("line", ["Nov 24[][40]", "[][39]Nov 24[][40]", "[![][7]][40]Nov 24"])
def test_an_entrys_date_line_with_arrows_is_a_bad_date(line: str, arrows_inline: bool) -> None:
    """Only the page date stands between its arrows: an entry's date line shaped so is a
    ``bad-date`` as before (it was read silently, the reference after it dropped)."""
    lines = page(arrows_inline=arrows_inline).split("\n")
    at = lines.index(ENTRIES[1].date)
    lines[at] = line
    text = "\n".join(lines)
    digest = _read(text)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-date", at + 1)]
    assert (digest.papers[1].date, digest.papers[1].votes) == (None, None)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("bad-date", at + 1)


@pytest.mark.parametrize("thumbnails", [False, True])
def test_a_repeated_header_with_the_arrows_on_its_dates_line(thumbnails: bool) -> None:
    """Two pages joined: the second header ends at its page date's line, whose arrow is
    the next day's (the next entry's thumbnail is not), and its date counts after it."""
    first = page(ENTRIES[:2], tail=False, arrows_inline=True, thumbnails=thumbnails)
    first = first[: first.index("   [1]:")]  # the first page's definitions were cut off
    second = page(ENTRIES[2:], arrows_inline=True, thumbnails=thumbnails, label="Nov 20")
    text = first + second
    lines = text.split("\n")
    digest = _read(text)
    header = lines.index("# Daily Papers", lines.index("# Daily Papers") + 1)
    start = max(n for n in range(header) if lines[n] == "new") + 1
    date = lines.index("[][4]Nov 20[][5]") + 1
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("repeated-header", start, date)
    ]
    assert _fields(digest) == _expected()
    assert digest.papers[2].line == date + 2


def test_the_search_page_holds_its_query_in_the_header() -> None:
    digest = _read(page(query="long context"))
    assert digest.diagnostics == ()
    assert "long context" in digest.header
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("label", ["Week 48", "November 2026"])
def test_a_week_or_month_view(label: str) -> None:
    digest = _read(page(label=label, width=78))
    assert digest.diagnostics == ()
    assert digest.header[-1] == label
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("width", [0, 78])
def test_the_definitions_right_after_the_last_entry_are_the_pages_end(width: int) -> None:
    """No pagination or footer (a trending page, a capture that dropped them): html2text's
    reference definitions alone are the page's end."""
    text = page(tail=False, width=width)
    lines = text.split("\n")
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    first = next(i for i, line in enumerate(lines) if line.startswith("   [1]: ")) + 1
    last = max(i for i, line in enumerate(lines) if line.startswith("   [")) + 1
    assert digest.footer_span == (first, last)


def test_a_line_among_the_definitions_makes_them_junk() -> None:
    lines = page(tail=False).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("   [1]: "))
    lines.insert(first + 3, "Some other text")
    digest = _read("\n".join(lines))
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("junk", first + 1, len(lines) - 2)  # the last definition: a blank line after it
    ]
    assert digest.footer_span is None
    assert _fields(digest) == _expected()


def test_an_entry_without_its_abstract_is_missing_abstract() -> None:
    lines = page().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("[An abstract.]["))
    del lines[at : at + 2]
    text = "\n".join(lines)
    digest = _read(text)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-abstract", at + 1)]
    assert digest.papers[0].organization == "OCC"
    assert digest.papers[0].abstract == ""
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert raised.value.line == at + 1


def test_the_papers_have_no_ids() -> None:
    """The reference definitions come after every entry: ids are not resolved (streaming)."""
    digest = _read(page())
    assert {paper.paper_id for paper in digest.papers} == {None}


def _card(
    entry: Entry, ref: _Refs, width: int, name: str, blocks_apart: bool = False,
    images: bool = True,
) -> list[str]:
    """A trending card as html2text writes it: thumbnail, Submitted-by line, title, plain
    summary, authors or organization with the date, upvote link, links line.
    ``blocks_apart``: the Submitted-by block's parts as blocks of their own (``Submitted
    by``, the avatar, the name on lines of their own), the links' icon left as a blank."""
    paper = f"{HF}/papers/{entry.paper_id}"
    thumbnail = ref(
        "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/"
        + entry.paper_id + ".png"
    )
    avatar = f"![][{ref(HF + '/avatars/sub.svg')}]" if images else ""
    submitted = (
        [["Submitted by"], *([[avatar]] if images else []), [name]] if blocks_apart
        else [[f"Submitted by {avatar} [{name}][{ref(HF + '/' + name)}]"]]
    )
    shown_thumbnail = f"![][{thumbnail}]" if images else ""
    blocks = [
        [f"[{shown_thumbnail}][{ref(paper)}]"],
        *submitted,
        _wrap(f"### [{entry.title}][{ref(paper)}]", width),
        _wrap(entry.abstract, width),
    ]
    if entry.organization is not None:
        slug = entry.organization.split()[0].lower()
        image = f"![{slug}][{ref('https://cdn-avatars.huggingface.co/v1/' + slug + '.png')}]"
        image = image if images else ""
        blocks.append(_wrap(
            f"[{image}{entry.organization}][{ref(HF + '/' + slug)}] · Published on {entry.date}",
            width,
        ))
    else:
        blocks += [_authors_items(entry, ref, images), [f"· Published on {entry.date}"]]
    shown = str(entry.upvotes) if entry.upvotes else "-"
    blocks.append([f"[Upvote{shown}][{ref(HF + '/login?next=%2Fpapers%2F' + entry.paper_id)}]"])
    icon = " " if blocks_apart else ""
    blocks.append([
        f"[{icon}GitHub 131][{ref('https://github.com/o/' + entry.paper_id)}] "
        f"[arXiv Page][{ref('https://arxiv.org/abs/' + entry.paper_id)}]"
    ])
    return [line for block in blocks for line in [*block, ""]]


CARDS = (
    Entry("2611.01234", "Plain Title", "A one-line summary.", 12, "Nov 25, 2026",
          organization="OCC"),
    Entry("2611.03456", "Many Authors", LONG_ABSTRACT, 0, "Oct 3, 2025", authors=5,
          avatars=2),
    Entry("2611.04567", "A Card", "Its summary.", 7, "Nov 20, 2026",
          organization="Mohamed bin Zayed University of Artificial Intelligence Lab"),
)


def trending(
    width: int = 0, whole: bool = False, images: bool = True, cards: tuple[Entry, ...] | None = None
) -> str:
    """The trending page as html2text writes it; ``whole``: as the whole page's markup may
    write it (the switcher's items empty on one line, the Submitted-by block's parts apart,
    the footer's links glued, the definitions wrapped at the width)."""
    ref = _Refs()
    switcher = ["  *   *   * "] if whole else ["  * Daily", "  * Weekly", "  * Monthly"]
    lines = [
        f"[Subscribe][{ref(HF + '/login?next=%2Fpapers')}]", "", "# Trending Papers", "",
        f"## by [![][{ref(HF + '/front/assets/papers-by.png')}]AK][{ref(HF + '/akhaliq')}]"
        " and the research community", "", *switcher, "",
        f"[Trending Papers][{ref(HF + '/papers/trending')}]", "",
    ]
    for number, entry in enumerate(CARDS if cards is None else cards):
        card = _card(entry, ref, width, f"user{number}", blocks_apart=whole, images=images)
        lines += card + card  # the trending page shows each card twice
    if whole:
        lines += [
            f"[Next][{ref(HF + '/papers/trending?p=1')}]System theme"
            f"[TOS][{ref(HF + '/terms-of-service')}][Privacy][{ref(HF + '/privacy')}]", "",
        ]
    definitions = ref.definitions(width if whole else 0)
    spaced = [part for line in definitions for part in (line, "")]
    lines += ["", *(spaced if width else definitions), ""]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("width", [0, 78])
def test_the_daily_page_without_images_with_thumbnails(width: int) -> None:
    """html2text's ``ignore_images``: each thumbnail an empty link (``[][12]``) over the box,
    the avatars' empty items on the count's line. Under such a thumbnail the wrapped long
    title was cut at its first line (its rest taken into the abstract)."""
    text = page(width=width, thumbnails=True, images=False)
    assert text.count("![") == 1 and "  *   *   * 5 authors" in text  # only the byline's
    if width:
        assert any(line.startswith("long ") for line in text.split("\n"))
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("thumbnails", [False, True])
@pytest.mark.parametrize("width", [0, 78])
def test_a_comment_count_on_its_own_line(width: int, thumbnails: bool) -> None:
    """Where the page puts the comment count's link in a block of its own, html2text writes
    ``Nov 25`` then ``[3][11]``: the count, not the next entry's box (a title would follow
    that). Under thumbnails the entry is no trending card: the count was its upvotes."""
    text = page(width=width, thumbnails=thumbnails, comments_apart=True)
    lines = text.split("\n")
    assert "Nov 25" in lines and "Oct 3, 2025" in lines  # both counted dates stand alone
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("comments_apart", [False, True])
@pytest.mark.parametrize("thumbnails", [False, True])
def test_page_numbers_after_a_date_without_a_count_are_no_comment_count(
    thumbnails: bool, comments_apart: bool
) -> None:
    """A list's first page shows its page numbers with no ``Previous`` before them, each a
    block of its own (``[1][40]``, ``[2][41]``, ``[Next][41]``): after the last entry's date
    without a count, ``[1][40]`` is the page's end, not the entry's comment count (it was
    read as 1 comment, with no report)."""
    text = page(tail=False, thumbnails=thumbnails, comments_apart=comments_apart)
    lines = text.split("\n")
    last = max(k for k, line in enumerate(lines) if line == "Nov 20")  # no count on it
    lines[last + 1 : last + 1] = ["", "[1][40]", "", "[2][41]", "", "[Next][41]"]
    text = "\n".join(lines)
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    assert digest.footer_span is not None
    assert digest.footer_span[0] == last + 3  # the first page number's line


def test_page_numbers_before_a_second_capture_are_no_comment_count() -> None:
    """Two captures joined, the first page's numbers between them: no page's end there
    (another page follows), and still no comment count, but junk from ``[1][40]`` on."""
    text = page(tail=False)
    lines = text.split("\n")
    last = max(k for k, line in enumerate(lines) if line == "Nov 20")
    joined = [*lines[: last + 1], "", "[1][40]", "", "[2][41]", "", "[Next][41]", "", text]
    digest = digestparse.parse("\n".join(joined), reference_date=TODAY)
    assert [paper.votes for paper in digest.papers] == [3, 0, 1, 0] * 2
    junk = digest.diagnostics[0]
    assert (junk.code, junk.line) == ("junk", last + 3)


def test_a_repeated_box_after_a_date_without_a_count_is_no_comment_count() -> None:
    """The next entry's box twice (a repeated line) after a date that shows no count: its
    two copies link one URL (one reference number), so the first is no comment count, but
    junk, as it was (it was read as the entry's count, with no report)."""
    lines = page().split("\n")
    box = lines.index("Nov 24") + 2
    assert lines[box].startswith("[7][")
    lines[box:box] = [lines[box]]
    digest = digestparse.parse("\n".join(lines), reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert [paper.votes for paper in digest.papers] == [3, 0, 1, 0]
    check_nothing_lost("\n".join(lines), digest)


def test_a_comment_count_on_its_own_line_before_the_first_page_numbers() -> None:
    """The last entry's count apart (``[2][23]``), then the page numbers (``[1][40]``,
    ``[2][41]``): the count is no page number, the one after it is not the next."""
    entries = (*ENTRIES[:3], attrs.evolve(ENTRIES[3], comments=2))
    text = page(entries, tail=False, comments_apart=True)
    lines = text.split("\n")
    count = max(k for k, line in enumerate(lines) if line == "Nov 20") + 2
    assert lines[count].startswith("[2][")
    lines[count + 1 : count + 1] = ["", "[1][40]", "", "[2][41]", "", "[Next][41]"]
    digest = _read("\n".join(lines))
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected(entries)
    assert digest.footer_span is not None and digest.footer_span[0] == count + 3


#: Cards whose titles html2text wraps at 78 columns.
LONG_CARDS = (
    Entry("2611.05678", "A Card With a Title Long Enough to Wrap at Seventy-Eight Columns, "
          "Twice Over, Since It Goes On and On", "Its summary.", 3, "Nov 21, 2026",
          organization="OCC"),
    Entry("2611.06789", "Another Long Title: " + "words " * 12 + "end", "A summary.", 0,
          "Oct 3, 2025", authors=5, avatars=2),
)


@pytest.mark.parametrize("whole", [False, True])
@pytest.mark.parametrize("images", [True, False])
def test_trending_cards_with_wrapped_titles(images: bool, whole: bool) -> None:
    """A title wrapped at 78 columns under a card's lead-in: with images, html2text's image
    notation tells the lead-in is html2text's; without, the thumbnail and the title link the
    paper under one reference number (html2text numbers each URL once). Without images the
    title was cut at its first line, the rest taken into the summary, with a report."""
    text = trending(78, whole=whole, images=images, cards=LONG_CARDS)
    lines = text.split("\n")
    assert any(line.startswith("Over, Since It Goes On and On][") for line in lines)
    assert (text.count("![") > 1) == images  # the byline's image aside
    digest = _read(text)
    assert digest.diagnostics == ()
    assert [
        (paper.title, paper.abstract, paper.upvotes, paper.organization, paper.author_count,
         paper.date, paper.submitted_by)
        for paper in digest.papers
    ] == [
        (LONG_CARDS[0].title, "Its summary.", 3, "OCC", None, datetime.date(2026, 11, 21),
         "user0"),
        (LONG_CARDS[1].title, "A summary.", 0, None, 5, datetime.date(2025, 10, 3), "user1"),
    ]


def test_a_wrapped_title_under_a_thumbnail_of_another_number_is_not_joined() -> None:
    """Capture 01's tool numbers every link: a thumbnail whose number the title does not
    close with tells nothing, and a title line that does not close is reported as before."""
    text = trending(78, images=False, cards=LONG_CARDS[:1])
    lines = text.split("\n")
    thumbnail = next(i for i, line in enumerate(lines) if line.startswith("[]["))
    lines[thumbnail] = "[][99]"
    digest = digestparse.parse("\n".join(lines), reference_date=TODAY)
    assert "unbalanced-bracket" in [d.code for d in digest.diagnostics]


@pytest.mark.parametrize("whole", [False, True])
@pytest.mark.parametrize("width", [0, 78])
def test_the_trending_page_as_html2text_writes_it(width: int, whole: bool) -> None:
    """``whole``: the Submitted-by block's avatar and name on lines of their own, the
    switcher's empty items on one line, the footer's links glued to its words, definitions
    wrapped at the width after a hyphen in their URL: all read, none reported."""
    text = trending(width, whole=whole)
    if whole and width:
        assert any(line.startswith("thumbnails/papers/") for line in text.split("\n"))
    digest = _read(text)
    assert digest.diagnostics == ()
    assert [
        (paper.title, paper.abstract, paper.upvotes, paper.organization, paper.author_count,
         paper.date, paper.votes, paper.submitted_by)
        for paper in digest.papers
    ] == [
        ("Plain Title", "A one-line summary.", 12, "OCC", None, datetime.date(2026, 11, 25),
         0, "user0"),
        ("Many Authors", LONG_ABSTRACT, 0, None, 5, datetime.date(2025, 10, 3), 0, "user1"),
        ("A Card", "Its summary.", 7, CARDS[2].organization, None,
         datetime.date(2026, 11, 20), 0, "user2"),
    ]
    assert digest.footer_span is not None


@pytest.mark.parametrize("word", ["Upvote", "Upvote "])
def test_the_upvote_box_with_its_word_before_the_title(word: str) -> None:
    """The page of late 2026 draws ``Upvote`` and the count inside the box's link, which
    html2text writes on one line: ``[Upvote101][7]``, ``[Upvote-][7]``."""
    lines = page().split("\n")
    boxes = {"[12][": f"[{word}12][", "[-][": f"[{word}-][", "[7][": f"[{word}7]["}
    for index, line in enumerate(lines):
        for old, new in boxes.items():
            if line.startswith(old):
                lines[index] = new + line[len(old) :]
    text = "\n".join(lines)
    assert text.count(f"[{word}") == 4
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("avatars", [0, 2])
def test_an_authors_list_without_its_count_is_bad_authors(avatars: int) -> None:
    entries = (ENTRIES[0], attrs.evolve(ENTRIES[2], avatars=avatars), ENTRIES[3])
    lines = page(entries).split("\n")
    at = next(i for i, line in enumerate(lines) if line == "  * 5 authors")
    del lines[at]
    text = "\n".join(lines)
    digest = _read(text)
    close = next(i for i in range(at, len(lines)) if lines[i].endswith("] ·")) + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [("bad-authors", close)]
    expected = _expected(entries)
    expected[1]["author_count"] = None
    assert _fields(digest) == expected
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert raised.value.line == close


#: (the text as the page shows it, as html2text escapes it)
ESCAPED = (
    ("1. Numbered Start", "1\\. Numbered Start"),
    ("- Dash start", "\\- Dash start"),
    ("+ Plus start", "\\+ Plus start"),
    ("TeX \\_ and \\alpha 45\\%", "TeX \\\\_ and \\alpha 45\\%"),
)


@pytest.mark.parametrize(("shown", "written"), ESCAPED)
def test_html2texts_escapes_in_titles_and_abstracts_are_resolved(shown: str, written: str) -> None:
    entries = (attrs.evolve(ENTRIES[0], title=written, abstract=written), *ENTRIES[1:])
    digest = _read(page(entries))
    assert digest.diagnostics == ()
    expected = _expected(entries)
    expected[0]["title"] = expected[0]["abstract"] = shown
    assert _fields(digest) == expected


@pytest.mark.parametrize("width", [0, 78])
def test_an_abstract_with_an_open_interval_is_one_reference(width: int) -> None:
    abstract = "For x in [0, 1) and y in (2, 3] the ][7] mark " + "is text here. " * 8
    entries = (attrs.evolve(ENTRIES[0], abstract=abstract.strip()), *ENTRIES[1:])
    digest = _read(page(entries, width=width))
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected(entries)


def test_a_summary_line_like_a_definition_is_summary_text() -> None:
    """Only definitions up to the input's end are the page's end; one in a card's summary
    followed by the rest of the card is text."""
    text = trending().replace("A one-line summary.", "[3]: https://example.org/x")
    digest = _read(text)
    assert digest.diagnostics == ()
    assert digest.papers[0].abstract == "[3]: https://example.org/x"


@pytest.mark.parametrize("width", [0, 78])
def test_without_images_the_empty_avatar_items_run_into_the_count(width: int) -> None:
    """html2text with ``ignore_images`` (or ``images_to_alt`` and empty alts) writes the
    avatar items empty, and runs them into the count's item: ``  *   *   * 5 authors``."""
    lines = page(width=width).split("\n")
    at = lines.index("  * 5 authors")
    assert lines[at - 2].startswith("  * ![]") and lines[at - 1].startswith("  * ![]")
    lines[at - 2 : at + 1] = ["  *   *   * 5 authors"]
    digest = _read("\n".join(lines))
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()
    trending_lines = trending(width).split("\n")
    for index, line in enumerate(trending_lines):
        if line == "  * 5 authors":
            trending_lines[index - 2 : index + 1] = ["", "", "  *   *   * 5 authors"]
    digest = _read("\n".join(trending_lines))
    assert digest.diagnostics == ()
    assert digest.papers[1].author_count == 5



@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    width = draw(st.sampled_from([0, 78]))
    images = draw(st.booleans())
    if draw(st.booleans()):
        cards = draw(st.sampled_from([CARDS, LONG_CARDS]))
        return damaged_text(draw, trending(width, images=images, cards=cards).split("\n"))
    daily = page(width=width, thumbnails=draw(st.booleans()), arrows_inline=draw(st.booleans()),
                 images=images, comments_apart=draw(st.booleans()))
    return damaged_text(draw, daily.split("\n"))


@given(mutated_page())
def test_a_damaged_html2text_page_loses_nothing_and_strict_stops_at_the_first_finding(
    source: str,
) -> None:
    note(repr(source))
    digest = check_nothing_lost(source, digestparse.parse(source, reference_date=TODAY))
    try:
        strict = digestparse.parse(source, mode="strict", reference_date=TODAY)
    except digestparse.ParseError as error:
        first = digest.diagnostics[0]
        assert (error.code, error.line, error.column) == (first.code, first.line, first.column)
    else:
        assert digest.diagnostics == ()
        assert strict == digest
    if digest.dialect == "reference-text":
        assert_paths_agree(REFERENCE_TEXT, source, TODAY)


def test_a_trending_page_cut_before_its_first_card_has_no_header() -> None:
    """The first card's thumbnail (``[![][5]][6]``) is a whole-line reference, as the
    menu's lines are; it is the card's first line, not a menu."""
    lines = trending().split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("[![]["))
    digest = _read("\n".join(lines[first:]))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("missing-header", 1)]
    assert digest.papers[0].line == 1
    assert len(digest.papers) == len(CARDS)


@pytest.mark.parametrize("width", [0, 78])
def test_single_line_breaks_leave_no_blank_line_between_the_parts(width: int) -> None:
    """html2text's ``single_line_break``: no blank line between the elements, so a
    one-reference abstract ends where the entry's next part starts."""
    text = "\n".join(line for line in page(width=width).split("\n") if line.strip()) + "\n"
    digest = _read(text)
    assert digest.diagnostics == ()
    assert _fields(digest) == _expected()


@pytest.mark.parametrize("image", ["![][14]", "![logo][14]"])
def test_an_image_alone_between_entries_is_junk(image: str) -> None:
    lines = page().split("\n")
    at = lines.index("[7][14]")
    lines[at:at] = [image, ""]
    digest = _read("\n".join(lines))
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", at + 1)]
    assert _fields(digest) == _expected()
