"""The markdown dialect on page kinds and converters the two captures do not show.

Capture 03 is firecrawl on a search page, 04 an agent's web fetch of the trending page.
The same tools on the daily page, the week and month views, and other common
HTML-to-markdown converters (html2text, markdownify, turndown, the markdown body of Jina
Reader) write the same page with small differences: ``*`` or ``+`` list bullets with one
or more spaces, setext headings (``Daily Papers`` over ``====``), a byline written
without ``## ``, ``\\-`` escapes, the ``·`` kept on the line of the authors or
organization link. Each page here is written from known fields by ``listing``, not by the
parser, so the expected values are the fields it was given.
"""

from __future__ import annotations

import datetime
import io
import re
import tracemalloc
from pathlib import Path

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, note

import digestparse
from dialect_support import assert_paths_agree
from digestparse import grammar
from digestparse.dialects.markdown import MARKDOWN
from digestparse.dialects.markdown import rules as markdown_rules
from hostile_support import comparable, uncovered_lines
from page_support import HF, TODAY, Entry

#: The reference date of the real tool outputs in ``fixtures/tools`` (their page's year).
TOOLS_DAY = datetime.date(2026, 11, 26)

ENTRIES = (
    Entry("2611.01234", "Plain Title", "An abstract.", 12, "Nov 25", 3, organization="OCC"),
    Entry("2611.02345", "One Author Only", "Another abstract.", 0, "Nov 24", authors=1),
    Entry("2611.03456", "Many Authors", "Third abstract.", 7, "Oct 3, 2025", 1, authors=5,
          avatars=2),
    Entry("2611.04567", "Carnegie Paper", "Fourth abstract.", 0, "Nov 20",
          organization="Carnegie Mellon University"),
)
#: The dates above, resolved under TODAY.
DATES = (
    datetime.date(2026, 11, 25), datetime.date(2026, 11, 24), datetime.date(2025, 10, 3),
    datetime.date(2026, 11, 20),
)


@attrs.frozen
class Style:
    """How a converter writes the parts of the page that differ between converters."""

    #: The list bullet with its spaces: ``- `` (firecrawl), ``* `` (markdownify),
    #: ``*   `` (turndown), ``  * `` (html2text).
    bullet: str = "- "
    #: ``atx`` (``# Daily Papers``), ``atx closed`` (markdownify's ``ATX_CLOSED``: ``# Daily
    #: Papers #``) or ``setext`` (``Daily Papers`` over ``====``).
    headings: str = "atx"
    #: Where the ``·`` goes: on its own line, after the authors or organization link
    #: (``glued`` with no space, ``spaced`` after one), or ``before date`` on its line.
    separator: str = "own line"
    #: How the upvote box writes ``-``: as is, or escaped (turndown) ``\\-``.
    dash: str = "-"
    #: The authors link around its list: ``inline`` (firecrawl: ``[- ![](…)\\`` … ``- N
    #: authors](url)``), or ``split`` (html2text, turndown: ``[`` alone, a blank line, the
    #: list, a blank line, ``](url)``).
    authors: str = "inline"
    #: Whether images are kept (converters can leave them out: html2text's
    #: ``ignore_images``): without them an organization is ``[Name](url)``.
    images: bool = True
    #: html2text's ``images_to_alt`` (with ``images`` off): the avatar's alt text, the
    #: organization's handle, glued before its name: ``[occOCC](…/occ)``.
    logo_alt: bool = False
    #: How the upvote box and the abstract, links around blocks, are written: ``inline``
    #: (``[101](url)``) or ``split`` (turndown: ``[``, a blank line, the block, a blank
    #: line, ``](url)``), ``Upvote`` then the count where ``upvote_word``; or with the word
    #: ``Upvote`` the trending page's box shows (capture 05): ``word`` (html2text,
    #: ``[Upvote101](url)``), ``word-spaced`` (``[Upvote 101](url)``), ``word-lines``
    #: (markdownify: ``[Upvote``, a blank line, ``101](url)``).
    boxes: str = "inline"
    upvote_word: bool = False
    #: The paper's thumbnail before the upvote box, a link with one image
    #: (``[![](…/social-thumbnails/papers/ID.png)](…/papers/ID)``): none, on one line,
    #: hard-wrapped inside its image's URL (html2text), or without its image (``[](…)``).
    thumbnails: str = "none"
    #: The comment count's link glued after the date (``May 29[6](…#community)``, firecrawl)
    #: or, where the page sets it in a block of its own, on the next line (``apart``).
    comments: str = "glued"
    #: The blanks of the page's markup around the box's count and in the comment count's
    #: link where its icon was: ``none``, kept inside the links (html2text: ``[ 42 ](…)``,
    #: ``Nov 24 [ 3](…)``) or moved out of them (markdownify: ``Nov 24  [3](…)``).
    padding: str = "none"


def header(style: Style, label: str = "Nov 26") -> list[str]:
    byline = f"by [![]({HF}/front/assets/papers-by.png)AK]({HF}/akhaliq) and the research community"
    if style.headings == "atx":
        titles = ["# Daily Papers", f"## {byline}"]
    elif style.headings == "atx closed":
        titles = ["# Daily Papers #", f"## {byline} ##"]
    else:
        titles = ["Daily Papers\n" + "=" * 12, byline + "\n" + "-" * len(byline)]
    switcher = "\n".join(style.bullet + period for period in ("Daily", "Weekly", "Monthly"))
    return [
        "new", "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!", f"[Subscribe]({HF}/login?next=%2Fpapers)",
        *titles, switcher, f"[Trending Papers]({HF}/papers/trending)", label,
    ]


def entry_lines(entry: Entry, style: Style) -> list[str]:
    url = f"{HF}/papers/{entry.paper_id}"
    upvotes = str(entry.upvotes) if entry.upvotes else style.dash
    login = f"{HF}/login?next=%2Fpapers%2F{entry.paper_id}"
    thumbnail = (
        f"[![](https://cdn-thumbnails.huggingface.co/social-"
        f"{chr(10) if style.thumbnails == 'wrapped' else ''}"
        f"thumbnails/papers/{entry.paper_id}.png)]({url})"
    )
    if style.thumbnails == "without its image":
        thumbnail = f"[]({url})"
    closing = " ###" if style.headings == "atx closed" else ""
    if style.boxes != "split":
        box = {"inline": "", "word": "Upvote", "word-spaced": "Upvote ",
               "word-lines": "Upvote\n\n"}[style.boxes]
        padded = f" {upvotes} " if style.padding == "html2text" and not box else upvotes
        lines = [f"[{box}{padded}]({login})", f"### [{entry.title}]({url}){closing}",
                 f"[{entry.abstract}]({url})"]
    else:
        box = f"Upvote\n\n{upvotes}" if style.upvote_word else upvotes
        lines = [f"[\n\n{box}\n\n]({login})", f"### [{entry.title}]({url}){closing}",
                 f"[\n\n{entry.abstract}\n\n]({url})"]
    if style.thumbnails != "none":
        lines.insert(0, thumbnail)
    if entry.organization is not None:
        slug = entry.organization.split()[0].lower()
        image = f"![{slug}](https://cdn-avatars.huggingface.co/{slug}.png)" if style.images else ""
        alt = slug if style.logo_alt else ""
        by = f"[{image}{alt}{entry.organization}]({HF}/{slug})"
    else:
        word = "author" if entry.authors == 1 else "authors"
        shown = entry.avatars if style.images else 0
        items = [f"{style.bullet}![]({HF}/avatars/{n}.svg)" for n in range(shown)]
        split = "\n".join([*items, f"{style.bullet}{entry.authors} {word}"])
        avatars = "".join(
            f"{style.bullet}![]({HF}/avatars/{n}.svg)\\\\\n" for n in range(shown)
        )
        count = f"{style.bullet}{entry.authors} {word}]({url})"
        # html2text indents an item at the start of a line; none is indented after ``[``.
        by = "[" + (avatars + count).lstrip(" ")
        if style.authors == "split":
            by = f"[\n\n{split}\n\n]({url})"
    if style.separator == "own line":
        lines += [by, "\u00b7"]
    elif style.separator == "before date":
        lines.append(by)
    else:
        lines.append(by + (" \u00b7" if style.separator == "spaced" else "\u00b7"))
    comments = f"[{entry.comments}]({url}#community)" if entry.comments else ""
    if comments and style.padding == "html2text":
        comments = f"[ {entry.comments}]({url}#community)"
    if comments and style.comments != "apart" and style.padding != "none":
        comments = (" " if style.padding == "html2text" else "  ") + comments
    before = "\u00b7 " if style.separator == "before date" else ""
    if style.comments == "apart" and comments:
        lines += [before + entry.date, comments]
    else:
        lines.append(before + entry.date + comments)
    return lines


#: The site's menu as converters of the whole page write it before the header (firecrawl's
#: main content leaves it out): the logo link, the site's pages, Log In and Sign Up.
MENUS = {
    "html2text": (
        f"[![Hugging Face's logo]({HF}/front/assets/huggingface_logo-\n"
        f"noborder.svg)Hugging Face]({HF}/)\n\n"
        + "\n".join(f"  * [{name}]({HF}/{slug})" for name, slug in (
            ("Models", "models"), ("Datasets", "datasets"), ("Spaces", "spaces"),
            ("Buckets new", "storage"), ("Docs", "docs"), ("Pricing", "pricing"),
            ("Log In", "login"), ("Sign Up", "join")))
    ),
    "markdownify": (
        f"[![Hugging Face's logo]({HF}/front/assets/huggingface_logo-noborder.svg)Hugging Face]"
        f"({HF}/)\n\n* [Models]({HF}/models)\n* [Datasets]({HF}/datasets)\n\n"
        f"[Log In]({HF}/login) [Sign Up]({HF}/join)"
    ),
    "Jina Reader": (
        f"[![Image 1: Hugging Face's logo]({HF}/front/assets/huggingface_logo-noborder.svg) "
        f'Hugging Face]({HF}/ "Hugging Face")\n\n*   [Models]({HF}/models)\n'
        f"*   [Docs]({HF}/docs)\n*   [Log In]({HF}/login)\n*   [Sign Up]({HF}/join)"
    ),
    "relative links": "[Hugging Face](/)\n\n- [Models](/models)\n- [Log In](/login)",
    # markdownify writes the document's <title> first, glued to the logo link
    "with the document title": (
        f"Daily Papers - Hugging Face\n[Hugging Face]({HF}/)\n\n* [Models]({HF}/models)"
    ),
    "the document title alone": "# Daily Papers - Hugging Face",
}


#: The arrows around the page date where a converter writes them on the date's line.
_ICON = "![](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"
ARROWS = {
    "both": f"[]({HF}/papers/date/2026-11-25){{}}[]({HF}/papers/date/2026-11-27)",
    "before": f"[]({HF}/papers/date/2026-11-25){{}}",
    "after": f"{{}}[]({HF}/papers/date/2026-11-27)",
    "icons": f"[{_ICON}]({HF}/papers/date/2026-11-25){{}}[{_ICON}]({HF}/papers/date/2026-11-27)",
    "spaced": f"[]({HF}/papers/week/2026-W47) {{}} []({HF}/papers/week/2026-W49)",
    # html2text wraps at 78 columns, after a hyphen inside a URL too
    "wrapped": f"[]({HF}/papers/date/2026-11-\n25){{}}[]({HF}/papers/date/2026-11-27)",
}


def listing(
    style: Style = Style(),
    label: str = "Nov 26",
    tail: bool = True,
    nav: bool | str = False,
    menu: str | None = None,
) -> str:
    lines = header(style, label)
    if menu is not None:
        lines.insert(0, MENUS[menu])
    if nav is True:  # the arrows around the date: links with an icon and no text
        lines[-1:-1] = [f"[]({HF}/papers/date/2026-11-25)"]
        lines.append(f"[]({HF}/papers/date/2026-11-27)")
    elif nav:  # the arrows on the date's line (ARROWS)
        lines[-1] = ARROWS[nav].format(label)
    for entry in ENTRIES:
        lines += entry_lines(entry, style)
    if tail:
        lines += [f"[Previous]({HF}/papers/date/2026-11-25)",
                  f"[Next]({HF}/papers/date/2026-11-27)"]
    return "\n\n".join(lines) + "\n"


def assert_reads_the_entries(text: str) -> digestparse.Digest:
    """``text`` reads without a report as markdown, to ENTRIES' fields, every line accounted
    for; the rules and the fast path agree."""
    digest = digestparse.parse(text, mode="strict", reference_date=TODAY)
    assert digest.dialect == "markdown"
    assert digest.diagnostics == ()
    assert len(digest.papers) == len(ENTRIES)
    for paper, entry, date in zip(digest.papers, ENTRIES, DATES, strict=True):
        assert (paper.paper_id, paper.title, paper.abstract) == (
            entry.paper_id, entry.title, entry.abstract)
        assert (paper.upvotes, paper.votes, paper.date) == (entry.upvotes, entry.comments, date)
        assert (paper.organization, paper.author_count) == (entry.organization, entry.authors)
    assert uncovered_lines(text, digest) == []
    assert digestparse.parse(text.encode(), reference_date=TODAY) == digest
    assert_paths_agree(MARKDOWN, text, TODAY)
    return digest


def test_the_daily_page_as_firecrawl_writes_it() -> None:
    """The probe's baseline: 03's layout with the page date and no query."""
    digest = assert_reads_the_entries(listing())
    assert digest.page_date == datetime.date(2026, 11, 26)
    assert digest.footer_span is not None


def test_header_phrases_with_their_marks_escaped() -> None:
    """html2text's ``escape_snob`` escapes every mark, the promo lines' ``!`` too (``once a
    day\\!``): still the header's lines (they were ``junk``, then a ``repeated-header``)."""
    text = listing().replace("inbox once a day!", "inbox once a day\\!").replace(
        "inbox!\n", "inbox\\!\n")
    assert "once a day\\!" in text and "inbox\\!\n" in text
    digest = assert_reads_the_entries(text)
    reference = digestparse.parse(listing(), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.header_span == reference.header_span


@pytest.mark.parametrize(
    "label",
    ["Week 48", "Week 48, 2026", "2026-W48", "W48", "November 2026", "Nov 2026", "2026-11",
     "Nov 23 - Nov 29", "Nov 23 \u2013 29", "Nov 23, 2026 - Nov 29, 2026"],
)
def test_a_week_or_month_view_label_is_part_of_the_header(label: str) -> None:
    """The week and month views show a period where the daily page shows its date: a header
    line, no page date (an entry's yearless date takes its year from the capture day)."""
    digest = assert_reads_the_entries(listing(label=label))
    assert digest.header[-1] == label
    assert digest.page_date is None
    assert digest.header_span == (1, 19)


def test_a_label_that_is_no_period_is_still_junk() -> None:
    digest = digestparse.parse(listing(label="Nov 2026 edition"), reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", 19)]


@pytest.mark.parametrize("bullet", ["* ", "*   ", "+ ", "  * ", "-   "])
def test_other_list_bullets_in_the_authors_and_switcher(bullet: str) -> None:
    assert_reads_the_entries(listing(Style(bullet=bullet)))


def test_setext_headings_are_the_header() -> None:
    """markdownify and turndown write ``<h1>``/``<h2>`` as setext headings: the title over a
    ``====`` line, the byline (not starting with ``## ``) over a ``----`` line."""
    text = listing(Style(headings="setext", bullet="*   "))
    digest = assert_reads_the_entries(text)
    reference = digestparse.parse(listing(), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.page_date == reference.page_date


@pytest.mark.parametrize("separator", ["glued", "spaced", "before date"])
def test_the_separator_on_the_authors_or_organization_line(separator: str) -> None:
    """html2text and turndown keep an inline ``·`` on the line of the link before it, or on
    the date's line where the two share a block (``· Nov 25[3](…)``)."""
    assert_reads_the_entries(listing(Style(separator=separator)))


def test_an_escaped_dash_upvote_box() -> None:
    """turndown escapes a ``-`` that starts a block: ``[\\-](…)`` is the box with no upvote."""
    assert_reads_the_entries(listing(Style(dash="\\-")))


def test_all_converter_differences_at_once() -> None:
    style = Style(bullet="*   ", headings="setext", separator="spaced", dash="\\-")
    assert_reads_the_entries(listing(style, label="Week 48"))


@pytest.mark.parametrize("thumbnails", ["none", "wrapped"])
@pytest.mark.parametrize("separator", ["own line", "before date"])
def test_a_comment_count_on_its_own_line(separator: str, thumbnails: str) -> None:
    """Where the page sets the comment count's link in a block of its own, converters write
    it on the line after the date (``Nov 25`` then ``[3](…#community)``): the count (it
    was junk, and votes 0). Its ``#community`` target tells it from the next upvote box."""
    style = Style(separator=separator, comments="apart", thumbnails=thumbnails)
    text = listing(style)
    assert any(line.startswith("[3](") for line in text.split("\n"))
    digest = assert_reads_the_entries(text)
    assert [paper.votes for paper in digest.papers] == [entry.comments for entry in ENTRIES]


@pytest.mark.parametrize(
    ("padding", "comments"),
    [("html2text", "glued"), ("html2text", "apart"), ("markdownify", "glued")],
)
def test_blanks_around_the_counts_inside_or_before_their_links(padding: str, comments: str) -> None:
    """The page's markup has blanks around the box's count and where the comment link's
    icon is: html2text keeps them in the links (``[ 42 ](…)``, ``Nov 24 [ 3](…)``),
    markdownify moves them before it (``Nov 24  [3](…)``). The same counts (they were
    ``junk`` and ``bad-date``: no upvotes, no date, no comment count)."""
    text = listing(Style(padding=padding, comments=comments))
    shown = {"html2text": f"[ {ENTRIES[0].upvotes} ](", "markdownify": "  [3]("}[padding]
    assert shown in text
    digest = assert_reads_the_entries(text)
    assert [paper.votes for paper in digest.papers] == [entry.comments for entry in ENTRIES]


@pytest.mark.parametrize(
    "target", ["https://example.org/papers/attention", "https://example.org/papers/2611.01234"]
)
def test_a_comment_count_link_to_another_site_marks_no_capture(target: str) -> None:
    """A count's link alone is a mark of this dialect only where it links a paper's page on
    the site: a notes page with a heading and ``[12](https://example.org/papers/…#community)``
    is foreign input (it was read as a markdown capture, its headings as two papers)."""
    text = (
        "# My reading notes\n\n### Week 48\n\nSome thoughts on a paper.\n\n"
        f"[12]({target}#community)\n\n### Week 49\n\nMore notes.\n"
    )
    digest = digestparse.parse(text, reference_date=TODAY)
    assert (digest.dialect, digest.papers) == ("unknown", ())
    assert [d.code for d in digest.diagnostics] == ["unknown-format"]
    relative = text.replace(target, "/papers/2611.01234")  # the site's own relative link
    assert digestparse.parse(relative, reference_date=TODAY).dialect == "markdown"


@pytest.mark.parametrize("moved", [False, True])
def test_a_comment_count_on_its_own_line_that_links_another_paper_is_junk(moved: bool) -> None:
    """The count's link names its paper (``…/papers/ID#community``): after the date of an
    entry whose title links another paper it is no count of that entry's (a line moved from
    another entry, or a link to another paper), but junk, as it was; it was read as that
    entry's count with no report."""
    lines = listing(Style(comments="apart")).split("\n")
    first = next(k for k, line in enumerate(lines) if line.endswith("2611.01234#community)"))
    if moved:  # the first entry's count, after the second entry's date (which shows none)
        count = lines.pop(first)
        lines[lines.index("Nov 24") + 1 : lines.index("Nov 24") + 1] = ["", count]
    else:
        lines[first] = lines[first].replace("2611.01234", "2611.09999")
    text = "\n".join(lines)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert [paper.votes for paper in digest.papers] == [0, 0, 1, 0]
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)


@pytest.mark.parametrize("bullet", ["* ", "*   ", "+ "])
def test_the_trending_page_with_other_bullets_reads_as_capture_04(bullet: str) -> None:
    capture = (Path(__file__).parent / "fixtures" / "captures"
               / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8")
    text = re.sub(r"(?m)^- (?=[0-9]+ authors$)", bullet, capture)
    assert text != capture
    digest = digestparse.parse(text, mode="strict")
    reference = digestparse.parse(capture, mode="strict")
    assert comparable(digest) == comparable(reference)
    assert [p.span for p in digest.papers] == [p.span for p in reference.papers]
    assert_paths_agree(MARKDOWN, text)


@pytest.mark.parametrize("separator", ["own line", "spaced", "glued"])
@pytest.mark.parametrize("bullet", ["*   ", "  * ", "- "])
def test_an_authors_link_split_around_its_list(bullet: str, separator: str) -> None:
    """html2text and turndown write a link around a list (the authors' avatars and count)
    as ``[`` alone, the list between blank lines, then ``](url)``: one authors element."""
    assert_reads_the_entries(listing(Style(bullet=bullet, separator=separator, authors="split")))


def test_a_lone_bracket_that_opens_no_authors_list_is_junk() -> None:
    """Only the whole shape is an authors element: a ``[`` with no list after it stays junk."""
    text = listing(Style(authors="split"))
    broken = text.replace("\n- 5 authors\n\n](", "\n- five authors\n\n](", 1)
    assert broken != text
    digest = digestparse.parse(broken, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert digest.papers[2].author_count is None
    assert uncovered_lines(broken, digest) == []
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(broken, mode="strict", reference_date=TODAY)
    first = digest.diagnostics[0]
    assert (raised.value.line, raised.value.column) == (first.line, first.column)
    assert_paths_agree(MARKDOWN, broken, TODAY)


def test_lines_hard_wrapped_as_html2text_wraps_them() -> None:
    """html2text wraps every line at 78 columns, at a space or after a hyphen (in a URL too):
    the byline and an organization link go on over the lines glued to them, as a title or
    an abstract does."""
    text = listing(Style(bullet="  * ", separator="spaced", authors="split"))
    wrapped = text.replace("(https://cdn-avatars", "(https://cdn-\navatars")
    wrapped = wrapped.replace("[![carnegie]", "[![carnegie]", 1).replace(
        "Carnegie Mellon University](", "Carnegie\nMellon University](")
    wrapped = wrapped.replace("front/assets/papers-by.png", "front/assets/papers-\nby.png")
    assert wrapped.count("\n") == text.count("\n") + 4
    digest = assert_reads_the_entries(wrapped)
    assert digest.header == digestparse.parse(text, reference_date=TODAY).header
    assert digest.header_span == (1, 20)


@pytest.mark.parametrize("separator", ["own line", "spaced"])
@pytest.mark.parametrize(
    "cut",
    ["Carnegie\nMellon University](https://huggingface.co/",
     "Carnegie\nMellon\nUniversity](https://huggingface.co/"],
)
def test_a_wrapped_organization_link_without_its_image(separator: str, cut: str) -> None:
    """Without images (html2text's ``ignore_images``) the organization is ``[Name](url)``,
    which html2text may wrap too: read as with its image (it was junk, and the entry lost its
    organization and its date)."""
    style = Style(bullet="  * ", separator=separator, images=False)
    text = listing(style).replace("Carnegie Mellon University](https://huggingface.co/", cut, 1)
    assert "\n[Carnegie\nMellon" in text
    assert_reads_the_entries(text)


def test_a_wrapped_organization_link_that_never_closes() -> None:
    """An organization link cut short by a blank line is reported where it opens."""
    text = listing(Style(separator="spaced")).replace(
        "Carnegie Mellon University](https://huggingface.co/carnegie) \u00b7",
        "Carnegie\nMellon University", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics][:1] == ["unclosed-link"]
    assert uncovered_lines(text, digest) == []
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(text, mode="strict", reference_date=TODAY)
    first = digest.diagnostics[0]
    assert (raised.value.line, raised.value.column) == (first.line, first.column)
    assert_paths_agree(MARKDOWN, text, TODAY)


@pytest.mark.parametrize("name", ["daily.h2t_default.txt", "daily.h2t_protect_links.txt"])
@pytest.mark.parametrize("link", ["occ-ai", "umass"])
def test_an_organization_link_that_lost_a_wrapped_line_in_its_middle(name: str, link: str) -> None:
    """html2text wraps ``[![occ-ai](https://cdn-`` / ``avatars….png)OCC](…/occ-`` / ``ai)``.
    Without its middle line the lines join into ``[![occ-ai](https://cdn-ai)``, which ends
    with the image's close: the organization read as ``[``, silently. The link is not
    closed (its ``[`` is not): ``unclosed-link`` where it opens, and no organization."""
    text = (Path(__file__).parent / "fixtures" / "tools" / name).read_text("utf-8")
    lines = text.split("\n")
    at = lines.index(f"[![{link}](https://cdn-")
    assert lines[at + 1].startswith("avatars.huggingface.co/")
    damaged = "\n".join([*lines[: at + 1], *lines[at + 2 :]])
    before = digestparse.parse(text, reference_date=TOOLS_DAY)
    digest = digestparse.parse(damaged, reference_date=TOOLS_DAY)
    index = max(i for i, paper in enumerate(digest.papers) if paper.line <= at)
    assert before.papers[index].organization is not None
    assert digest.papers[index].organization is None
    assert len(digest.papers) == len(before.papers)
    assert [(d.code, d.line, d.message) for d in digest.diagnostics] == [
        ("unclosed-link", at + 1,
         "a link's text is not closed by '](url)': the organization's link has no '](url)'")]
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(damaged, mode="strict", reference_date=TOOLS_DAY)
    assert (raised.value.code, raised.value.line) == ("unclosed-link", at + 1)
    assert_paths_agree(MARKDOWN, damaged, TOOLS_DAY)


@pytest.mark.parametrize("label", ["Nov 26", "Week 48"])
def test_the_arrows_around_the_page_date_are_the_header(label: str) -> None:
    """The page links the days (weeks, months) before and after with an arrow icon, which
    html2text and turndown write as a link with no text, ``[](url)``: part of the header
    (its span, not ``Digest.header``)."""
    digest = assert_reads_the_entries(listing(label=label, nav=True))
    reference = digestparse.parse(listing(label=label), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.page_date == reference.page_date
    assert digest.header_span == (1, 23)


@pytest.mark.parametrize("menu", sorted(MENUS))
def test_the_sites_menu_before_the_header_is_part_of_it(menu: str) -> None:
    """A converter of the whole page writes the site's menu first: links to the site's
    pages, hard-wrapped by html2text. It is no content (issue 10: a navigation menu is
    skipped and its lines are in the header's span), so nothing is reported."""
    text = listing(menu=menu)
    digest = assert_reads_the_entries(text)
    reference = digestparse.parse(listing(), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.page_date == reference.page_date
    menu_lines = MENUS[menu].count("\n") + 1
    assert reference.header_span is not None
    assert digest.header_span == (1, reference.header_span[1] + menu_lines + 1)


@pytest.mark.parametrize(
    "style",
    [Style(), Style(images=False, separator="spaced"), Style(authors="split", bullet="  * ")],
)
def test_the_sites_relative_links(style: Style) -> None:
    """A converter given the page's HTML without its address (markitdown, html2text without
    ``baseurl``) keeps the site's links relative: ``[12](/login?next=…)``, ``### [Title]
    (/papers/ID)``, ``[Name](/slug)``. The page is the same; a paper's id comes from
    ``/papers/ID`` and its ``url`` is that page on huggingface.co."""
    text = listing(style, menu="relative links").replace(HF, "")
    assert f"({HF}/" not in text  # the avatars stay on their CDN
    digest = assert_reads_the_entries(text)
    assert [paper.url for paper in digest.papers] == [
        f"{HF}/papers/{entry.paper_id}" for entry in ENTRIES
    ]


def test_headings_with_their_closing_hashes() -> None:
    """markdownify's ``ATX_CLOSED`` closes every heading with its ``#`` sequence: the header
    lines and titles read as without it (not as a title with text glued after its link)."""
    text = listing(Style(headings="atx closed"))
    assert "### [Plain Title](https://huggingface.co/papers/2611.01234) ###" in text
    digest = assert_reads_the_entries(text)
    assert digest.header == digestparse.parse(listing(), reference_date=TODAY).header


@pytest.mark.parametrize("menu", ["markdownify", "html2text"])
def test_a_menu_glued_to_the_header(menu: str) -> None:
    """html2text's ``single_line_break`` leaves no blank line between the menu's last line
    and the header's first: the menu ends there."""
    text = listing(menu=menu)
    glued = text.replace(MENUS[menu] + "\n\nnew\n", MENUS[menu] + "\nnew\n", 1)
    assert glued != text
    digest = assert_reads_the_entries(glued)
    assert digest.header[0] == "new"


@pytest.mark.parametrize("relative", [False, True])
@pytest.mark.parametrize("style", [Style(), Style(thumbnails="one line", images=False)])
def test_link_targets_in_angle_brackets(style: Style, relative: bool) -> None:
    """html2text's ``protect_links`` writes every link's target in angle brackets,
    ``[Title](<https://…>)`` (CommonMark's form): the targets are the URLs inside them."""
    text = listing(style, nav="both", menu="markdownify")
    if relative:
        text = text.replace(HF, "")
    protected = re.sub(r"(?<!!\[)(\]\()([^()\s]+)\)", r"\1<\2>)", text)
    assert "](<" in protected and "](<" not in text
    digest = assert_reads_the_entries(protected)
    assert digest.page_date == datetime.date(2026, 11, 26)


@pytest.mark.parametrize(
    "stray",
    [
        f"[Models]({HF}/models) and more",  # text beside the links
        f"- [A Paper]({HF}/papers/2611.09999)",  # a paper's link is no menu item
        "- Models",  # an item with no link
    ],
)
def test_a_menu_paragraph_that_is_not_only_links_to_site_pages_is_reported(stray: str) -> None:
    """Only links to the site's pages, up to the header, are the menu: with anything else
    in it the capture does not start with the header, as before."""
    text = listing(menu="markdownify").replace(f"* [Datasets]({HF}/datasets)", stray, 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics][:2] == ["missing-header", "junk"]
    assert (digest.diagnostics[0].line, digest.diagnostics[0].column) == (1, 1)
    assert len(digest.papers) == len(ENTRIES)
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)


@pytest.mark.parametrize(
    "line",
    [
        f"[12]({HF}/login?next=%2Fpapers%2F2611.09999)",  # an entry's upvote box
        f"[Upvote -]({HF}/login?next=%2Fpapers%2F2611.09999)",
        "[LINK: GitHub 11.3k](https://github.com/example/repo)",  # an entry's repository
    ],
)
def test_an_entrys_line_among_the_menus_links_is_reported(line: str) -> None:
    """A line of an entry (its box, its repository link) is no menu item, glued to one or
    in a paragraph of its own: the capture does not start with the header, as before."""
    menu = MENUS["html2text"]
    for text in (
        listing(menu="html2text").replace(menu, menu + "\n" + line, 1),
        listing(menu="html2text").replace(menu, menu + "\n\n" + line, 1),
    ):
        assert line in text
        digest = digestparse.parse(text, reference_date=TODAY)
        assert [d.code for d in digest.diagnostics][:2] == ["missing-header", "junk"]
        assert len(digest.papers) == len(ENTRIES)
        assert uncovered_lines(text, digest) == []
        assert_paths_agree(MARKDOWN, text, TODAY)


def test_menu_links_with_no_header_after_them_are_reported() -> None:
    """Links to the site's pages with an entry, not the header, after them are no menu."""
    text = listing()
    body = text[text.index("[12](") :]
    without_header = MENUS["markdownify"] + "\n\n" + body
    digest = digestparse.parse(without_header, reference_date=TODAY)
    assert digest.dialect == "markdown"
    assert [d.code for d in digest.diagnostics][:2] == ["missing-header", "junk"]
    assert len(digest.papers) == len(ENTRIES)
    assert uncovered_lines(without_header, digest) == []


def _streamed_peak(text: str) -> int:
    """The peak of memory traced while ``iter_papers`` streams ``text`` as markdown (after a
    first read, which fills the caches and imports what parsing needs)."""

    data = text.encode()

    def read(source: io.BytesIO) -> None:
        stream = digestparse.iter_papers(
            source, dialect="markdown", reference_date=TODAY,
            on_diagnostic=lambda _diagnostic: None,
        )
        for _paper in stream:
            pass

    read(io.BytesIO(data))
    source = io.BytesIO(data)
    tracemalloc.start()
    try:
        read(source)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_paragraph_of_links_before_the_header_is_not_held() -> None:
    """The menu is looked for over a few dozen lines: a paragraph of links glued over
    thousands of lines is no menu, and streaming it holds no more than a short one does."""

    def page(links: int) -> str:
        return f"[Models]({HF}/models)\n" * links + "\n" + listing()

    small, large = _streamed_peak(page(20_000)), _streamed_peak(page(80_000))
    assert large < 1.5 * small, (small, large)  # held, 80_000 lines took 200 times more
    digest = digestparse.parse(page(100), reference_date=TODAY)
    assert [d.code for d in digest.diagnostics][:2] == ["missing-header", "junk"]


@pytest.mark.parametrize("nav", sorted(ARROWS))
def test_the_arrows_on_the_page_dates_line_are_the_header(nav: str) -> None:
    """Where the arrows share the date's block, a converter writes them on its line
    (``[](…)Nov 26[](…)``, the icon maybe an image): the page date, in the header's span."""
    text = listing(nav=nav)
    digest = assert_reads_the_entries(text)
    reference = digestparse.parse(listing(), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.page_date == reference.page_date == datetime.date(2026, 11, 26)
    assert reference.header_span is not None
    assert digest.header_span == (1, reference.header_span[1] + ARROWS[nav].count("\n"))


@pytest.mark.parametrize("nav", ["both", "spaced", "wrapped", "icons"])
@pytest.mark.parametrize("label", ["Week 48", "November 2026", "2026-W48", "Nov 23 - Nov 29"])
def test_a_period_between_its_arrows_is_the_header(nav: str, label: str) -> None:
    """The week and month views show their period where the daily page shows its date, with
    the same arrows: on its line, it is the header's last line, as without them."""
    text = listing(nav=nav, label=label)
    digest = assert_reads_the_entries(text)
    reference = digestparse.parse(listing(label=label), reference_date=TODAY)
    assert digest.header == reference.header
    assert digest.header[-1] == label
    assert digest.page_date is None


def _joined_pages(one: str, two: str) -> digestparse.Digest:
    """Two pages joined: the second page's header is the one report, every line accounted
    for, both paths agree."""
    text = one + "\n" + two
    second = one.count("\n") + 2
    header_end = second + two.split("\n\n[12](")[0].count("\n")
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line, d.end_line) for d in digest.diagnostics] == [
        ("repeated-header", second, header_end)]
    assert len(digest.papers) == 2 * len(ENTRIES)
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)
    return digest


def test_a_repeated_header_holds_a_period_between_arrows() -> None:
    one = listing(nav="both", label="Week 48", tail=False)
    _joined_pages(one, one)


def test_a_page_date_with_a_year_between_arrows_is_reported_at_the_date() -> None:
    text = listing(nav="before", label="Nov 26, 2026")
    digest = digestparse.parse(text, reference_date=TODAY)
    arrow = ARROWS["before"].format("")
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("bad-page-date", 19, len(arrow) + len("Nov ") + 1)]
    assert digest.page_date == datetime.date(2026, 11, 26)


@pytest.mark.parametrize(
    "line",
    [
        ARROWS["both"].format("Nov 26 edition"),  # no date between the arrows
        "[](https://example.com/papers/date/2026-11-25)Nov 26",  # no arrow of the site's
        "Nov 26[](https://huggingface.co/papers/2611.01234)",  # a paper's link, no arrow
    ],
)
def test_a_line_that_is_no_page_date_between_arrows_is_junk(line: str) -> None:
    text = listing().replace("\n\nNov 26\n\n", f"\n\n{line}\n\n", 1)
    assert line in text
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", 19)]
    assert digest.page_date is None
    assert uncovered_lines(text, digest) == []


@pytest.mark.parametrize("nav", [False, True, "both"])
@pytest.mark.parametrize("target", [f"{HF}/papers/2611.09999", "/papers/2611.09999"])
def test_an_empty_link_to_a_paper_after_the_page_date_is_junk(nav: bool | str, target: str) -> None:
    """The arrows after the page date are links with no text to a day, week or month; an
    empty link to a paper's page (an image-less thumbnail of a damaged entry) is no arrow:
    it is junk there as anywhere else, not part of the header."""
    stray = f"[]({target})"
    damaged = listing(nav=nav).replace("\n\n[12](", f"\n\n{stray}\n\n[12](", 1)
    assert stray in damaged
    digest = digestparse.parse(damaged, reference_date=TODAY)
    line = damaged.split("\n").index(stray) + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", line)]
    assert digest.header_span is not None and digest.header_span[1] < line
    assert digest.page_date == datetime.date(2026, 11, 26)
    assert len(digest.papers) == len(ENTRIES)
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(damaged, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("junk", line)
    assert_paths_agree(MARKDOWN, damaged, TODAY)


def test_a_repeated_header_holds_a_page_date_between_arrows() -> None:
    one = listing(nav="wrapped", tail=False).replace("Nov 26", "Nov 25")
    digest = _joined_pages(one, listing(nav="icons", tail=False))
    assert digest.page_date == datetime.date(2026, 11, 25)  # the first page's


@pytest.mark.parametrize("icon", [_ICON, _ICON + " "])
def test_the_comment_icon_inside_the_comment_link(icon: str) -> None:
    """The comment count's link holds a speech-bubble icon, an inline SVG that
    html-to-markdown and pandoc write as an image: ``May 30[![](data:…)4](…#community)``."""
    text = re.sub(
        r"\[([0-9]+)\]\((\S+#community)\)", lambda m: f"[{icon}{m[1]}]({m[2]})", listing()
    )
    assert text.count(icon + "3](") == 1
    assert_reads_the_entries(text)


@pytest.mark.parametrize("bullet", ["*   ", "  * ", "- "])
def test_avatar_items_without_their_images_on_the_count_line(bullet: str) -> None:
    """html2text without images writes an avatar list's items as bullets alone on the line of
    its last item: ``*   *   *   5 authors`` inside the link around the list."""
    text = listing(Style(authors="split", bullet=bullet))
    items = "".join(f"{bullet}![]({HF}/avatars/{n}.svg)\n" for n in range(2))
    bare = text.replace(items + f"{bullet}5 authors", f"{bullet}{bullet}{bullet}5 authors", 1)
    assert f"{bullet}{bullet}{bullet}5 authors" in bare
    assert_reads_the_entries(bare)


def test_a_too_long_count_after_bare_bullets_is_reported_at_its_column() -> None:
    text = listing(Style(authors="split", bullet="*   "))
    items = "".join(f"*   ![]({HF}/avatars/{n}.svg)\n" for n in range(2))
    bare = text.replace(items + "*   5 authors", "*   *   " + "9" * 30 + " authors", 1)
    digest = digestparse.parse(bare, reference_date=TODAY)
    line = bare.split("\n").index("*   *   " + "9" * 30 + " authors") + 1
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("bad-authors", line, len("*   *   ") + 1)]


def test_a_too_long_trending_count_is_reported_at_its_column() -> None:
    """``*   N authors`` (turndown's bullet): the count's column is after the bullet's spaces."""
    capture = (Path(__file__).parent / "fixtures" / "captures"
               / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8")
    long_count = "*   " + "9" * 30 + " authors"
    text = capture.replace("- 8 authors\n", long_count + "\n", 1)
    digest = digestparse.parse(text)
    line = text.split("\n").index(long_count) + 1
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("bad-authors", line, len("*   ") + 1)]


def test_an_avatar_list_written_inside_its_link_on_one_line() -> None:
    """html-to-markdown writes the authors link's list on one line, a bullet per item, the
    avatars' images left out: ``[- - - 5 authors](url)``."""
    avatars = f"[- ![]({HF}/avatars/0.svg)\\\\\n- ![]({HF}/avatars/1.svg)\\\\\n- 5 authors]("
    text = listing().replace(avatars, "[- - - 5 authors](", 1)
    assert "[- - - 5 authors](" in text
    assert_reads_the_entries(text)


@pytest.mark.parametrize("thumbnails", ["one line", "wrapped", "without its image"])
@pytest.mark.parametrize("boxes", ["inline", "word"])
def test_a_thumbnail_before_the_upvote_box_starts_the_entry(thumbnails: str, boxes: str) -> None:
    """A card may show the paper's thumbnail first (05's trending cards do): a link to the
    paper's page with one image (or none: html2text's ``ignore_images``), before the box.
    It is the entry's first line, also the first entry's, right after the page date."""
    text = listing(Style(thumbnails=thumbnails, boxes=boxes))
    digest = assert_reads_the_entries(text)
    lines = text.split("\n")
    starts = [
        n for n, line in enumerate(lines, 1)
        if line.startswith(("[![](https://cdn-thumb", f"[]({HF}/papers/2611."))
    ]
    assert [paper.line for paper in digest.papers] == starts
    assert len(starts) == len(ENTRIES)


@pytest.mark.parametrize(
    "after",
    [
        "Some text that is no entry.",  # no entry after it
        f"[12]({HF}/login?next=%2Fpapers%2F2611.01234)",  # a box with no title after it
    ],
)
def test_a_thumbnail_with_no_entry_after_it_is_junk(after: str) -> None:
    thumbnail = f"[![](https://cdn-thumbnails.huggingface.co/t.png)]({HF}/papers/2611.09999)"
    text = listing(tail=False) + "\n" + thumbnail + "\n\n" + after + "\n"
    digest = digestparse.parse(text, reference_date=TODAY)
    thumbnail_line = text.split("\n").index(thumbnail) + 1
    assert [(d.code, d.line) for d in digest.diagnostics][:1] == [("junk", thumbnail_line)]
    assert len(digest.papers) == len(ENTRIES)
    assert uncovered_lines(text, digest) == []


@pytest.mark.parametrize("thumbnails", ["one line", "wrapped"])
@pytest.mark.parametrize("boxes", ["inline", "split", "word-lines"])
def test_a_thumbnail_of_another_paper_before_an_entry_is_junk(thumbnails: str, boxes: str) -> None:
    """A thumbnail is the entry's only where it links the entry's paper: one linking
    another paper is what is left of a damaged entry, junk (as without the thumbnail rule),
    and the entry after it starts at its box."""
    text = listing(Style(thumbnails=thumbnails, boxes=boxes))
    damaged = text.replace("papers/2611.02345.png)](", "papers/2611.09999.png)](", 1)
    damaged = damaged.replace("2611.02345)\n\n[", "2611.09999)\n\n[", 1)
    assert damaged.count("2611.09999") == 2
    digest = digestparse.parse(damaged, reference_date=TODAY)
    lines = damaged.split("\n")
    wrapped = thumbnails == "wrapped"  # the id is on the thumbnail's second line
    thumbnail = next(n for n, line in enumerate(lines, 1) if "2611.09999" in line) - wrapped
    assert [(d.code, d.line) for d in digest.diagnostics] == [("junk", thumbnail)]
    assert [paper.paper_id for paper in digest.papers] == [e.paper_id for e in ENTRIES]
    assert digest.papers[1].line > thumbnail + wrapped
    assert uncovered_lines(damaged, digest) == []
    with pytest.raises(digestparse.ParseError) as raised:
        digestparse.parse(damaged, mode="strict", reference_date=TODAY)
    assert (raised.value.code, raised.value.line) == ("junk", thumbnail)
    assert_paths_agree(MARKDOWN, damaged, TODAY)


def test_an_image_link_to_no_paper_before_the_box_is_junk() -> None:
    """Only a link to the paper's page is a thumbnail: another image link stays junk."""
    logo = f"[![](https://cdn-avatars.huggingface.co/occ.png)]({HF}/occ)"
    text = listing().replace(f"\n\n[12]({HF}/login", f"\n\n{logo}\n\n[12]({HF}/login", 1)
    assert logo in text
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("junk", text.split("\n").index(logo) + 1)]


def test_links_with_titles() -> None:
    """A converter writes a link's ``title`` attribute after its target,
    ``[text](url "title")``: the target is the URL alone, wherever a link is read."""
    text = listing(Style(separator="spaced", authors="inline"))
    titled = re.sub(r"\]\((https://[^()\s]*)\)", r'](\1 "A title")', text)
    assert titled.count('"A title"') == text.count("](")
    digest = assert_reads_the_entries(titled)
    assert [p.url for p in digest.papers] == [f"{HF}/papers/{e.paper_id}" for e in ENTRIES]


# -- the trending page with dates, as the agent's fetch (capture 04) would write it ---------
# The trending cards of late 2026 (capture 05, read from the page's HTML) show the authors or
# the organization, then ``· Published on Oct 4, 2026`` (the second copy ``· Oct 4, 2026``).
# The agent's fetch drops images and the links to huggingface.co (04 keeps the byline's text
# without its link to AK, and the titles without theirs): the organization's name stays as
# text before the ``·``.


def _dated_04(authors_line: str, dated: str) -> str:
    capture = (Path(__file__).parent / "fixtures" / "captures"
               / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8")
    text = capture.replace(
        "- 8 authors\n[LINK: GitHub 11.3k]", f"{authors_line}\n{dated}\n[LINK: GitHub 11.3k]")
    assert text.count(dated) == 2
    return text


@pytest.mark.parametrize(
    ("authors_line", "dated", "organization", "count", "date"),
    [
        ("- 8 authors", "\u00b7 Published on Oct 4, 2025", None, 8, datetime.date(2025, 10, 4)),
        ("- 8 authors", "\u00b7 Oct 4, 2025", None, 8, datetime.date(2025, 10, 4)),
        ("- 8 authors", "\u00b7 Published on Jan 4", None, 8, datetime.date(2026, 1, 4)),
        ("", "Microsoft Research \u00b7 Published on Oct 4, 2025", "Microsoft Research", None,
         datetime.date(2025, 10, 4)),
    ],
)
def test_a_trending_entry_with_its_date(
    authors_line: str, dated: str, organization: str | None, count: int | None,
    date: datetime.date,
) -> None:
    text = _dated_04(authors_line, dated)
    digest = digestparse.parse(text, mode="strict", reference_date=datetime.date(2026, 1, 20))
    reference = digestparse.parse(
        (Path(__file__).parent / "fixtures" / "captures"
         / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8"), mode="strict",
        reference_date=datetime.date(2026, 1, 20))
    first = digest.papers[0]
    assert first.title == reference.papers[0].title
    assert first.abstract == reference.papers[0].abstract
    assert (first.author_count, first.organization) == (count, organization)
    assert (first.date, first.votes) == (date, 0)
    assert first.links == reference.papers[0].links
    assert comparable(digest)[1:] == comparable(reference)[1:]
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, datetime.date(2026, 1, 20))


@pytest.mark.parametrize("separator", ["own line", "spaced"])
@pytest.mark.parametrize("authors", ["inline", "split"])
def test_a_page_without_images(separator: str, authors: str) -> None:
    """Without its avatar image an organization is a link to its page on huggingface.co,
    ``[Carnegie Mellon University](https://huggingface.co/carnegie)``: after the abstract
    it is the organization, not junk."""
    text = listing(Style(images=False, separator=separator, authors=authors))
    assert "![" not in text.split("and the research community", 1)[1]
    assert_reads_the_entries(text)


@pytest.mark.parametrize("separator", ["own line", "spaced"])
def test_an_organizations_handle_glued_before_its_name(separator: str) -> None:
    """html2text's ``images_to_alt`` writes the avatar as its alt text, the handle of the
    organization's page, glued to the name: ``[carnegieCarnegie Mellon University](…)``.
    The name was read with the handle in it, silently."""
    text = listing(Style(images=False, logo_alt=True, separator=separator))
    assert f"[occOCC]({HF}/occ)" in text
    assert_reads_the_entries(text)


def test_a_handle_is_taken_off_only_where_the_rest_is_like_it() -> None:
    """The name must start with the handle or the handle with it, letters and digits only,
    or the handle be written in lower case before a capital (``facebookAI at Meta``): a
    name that merely starts with its handle (``QwenLM``) is a name."""
    cases = {
        ("occ-aiOCC", "occ-ai"): "OCC",
        ("QwenQwen", "Qwen"): "Qwen",
        ("deepseek-aideepseek-ai", "deepseek-ai"): "deepseek-ai",
        ("CarnegieMellonUCarnegie Mellon University", "CarnegieMellonU"):
            "Carnegie Mellon University",
        ("Qwen", "Qwen"): "Qwen",
        ("QwenLM", "Qwen"): "QwenLM",
        ("Qwen2", "Qwen"): "Qwen2",
        ("QwenQ", "Qwen"): "QwenQ",
        ("google-research", "google"): "google-research",
        ("nvidiaresearch", "nvidia"): "nvidiaresearch",
        ("Qwen Team", "Qwen"): "Qwen Team",
        # A handle in lower case before a capital, glued or with a blank (the trending
        # page's markup puts one there).
        ("umassUniversity of Massachusetts Amherst", "umass"):
            "University of Massachusetts Amherst",
        ("facebookAI at Meta", "facebook"): "AI at Meta",
        ("facebook AI at Meta", "facebook"): "AI at Meta",
        # A handle, ASCII, spells a name's letters beyond ASCII without their accents, or
        # without the letters.
        ("ETHZurichETH Zürich", "ETHZurich"): "ETH Zürich",
        ("ZrichZürich", "Zrich"): "Zürich",
        ("ZurichRe", "Zurich"): "ZurichRe",
        # Not told: a handle in capitals and a name unlike it.
        ("THUDMKnowledge Engineering Group", "THUDM"): "THUDMKnowledge Engineering Group",
        ("OCC", "occ"): "OCC",
        ("OCC", ""): "OCC",
    }
    for (name, handle), kept in cases.items():
        assert grammar.without_glued_logo_alt(name, handle) == kept, (name, handle)


def test_a_link_to_something_else_after_the_abstract_is_still_junk() -> None:
    text = listing(Style(images=False)).replace(
        f"[OCC]({HF}/occ)", "[OCC](https://example.org/occ)", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["junk"]
    assert digest.papers[0].organization is None
    assert_paths_agree(MARKDOWN, text, TODAY)


@pytest.mark.parametrize("upvote_word", [False, True])
@pytest.mark.parametrize("authors", ["inline", "split"])
def test_an_upvote_box_and_an_abstract_split_around_their_blocks(
    upvote_word: bool, authors: str
) -> None:
    """A link around block elements (the upvote box's count, the abstract's paragraph) is
    written ``[`` alone, the blocks between blank lines, then ``](url)`` by html2text and
    turndown; the box may show the word ``Upvote`` above its count (capture 05)."""
    style = Style(bullet="*   ", separator="spaced", authors=authors, boxes="split",
                  upvote_word=upvote_word)
    assert_reads_the_entries(listing(style))


def test_a_split_box_that_does_not_close_is_junk() -> None:
    text = listing(Style(boxes="split"))
    broken = text.replace("\n\n12\n\n](", "\n\n12\n\n", 1)
    assert broken != text
    digest = digestparse.parse(broken, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics][:1] == ["junk"]
    assert digest.papers[0].upvotes is None
    assert uncovered_lines(broken, digest) == []
    assert_paths_agree(MARKDOWN, broken, TODAY)


@pytest.mark.parametrize("boxes", ["word", "word-spaced", "word-lines"])
def test_an_upvote_box_with_its_word(boxes: str) -> None:
    """The box shows ``Upvote`` above its count on the trending page (capture 05 writes
    ``[Upvote`` and ``117](url)``); html2text glues the two, markdownify keeps 05's lines."""
    assert_reads_the_entries(listing(Style(boxes=boxes)))


@pytest.mark.parametrize("image", ["", "![](https://cdn-avatars.huggingface.co/v1/a.png)\n"])
@pytest.mark.parametrize("glued", [True, False])
def test_a_trending_entry_with_its_submitter(image: str, glued: bool) -> None:
    """The trending cards of late 2026 show ``Submitted by``, the submitter's avatar and
    name above the title (capture 05): a lead-in of the entry, its ``submitted_by``; the
    copies differ in their dates as 05's do."""
    capture = (Path(__file__).parent / "fixtures" / "captures"
               / "04_hfpapers_trending_markdown_dupes.txt").read_text("utf-8")
    title = "### Agent Lightning: Train ANY AI Agents with Reinforcement Learning\n"
    gap = "\n" if glued else "\n\n"
    lead = gap.join(["Submitted by", *filter(None, [image.strip()]), "vvasilev"]) + "\n\n"
    thumbnail = (
        "[![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2510.03253.png)]"
        "(https://huggingface.co/papers/2510.03253)\n\n"
    )
    text = capture.replace(title, lead + title)
    text = text.replace("Submitted by", thumbnail + "Submitted by", 1)
    text = text.replace("- 8 authors\n", "- 8 authors\n\u00b7 Published on Jan 4\n", 1)
    text = text.replace("- 8 authors\n[", "- 8 authors\n\u00b7 Jan 4\n[", 1)
    assert text.count("Submitted by") == 2
    reference_date = datetime.date(2026, 1, 20)
    digest = digestparse.parse(text, mode="strict", reference_date=reference_date)
    reference = digestparse.parse(capture, mode="strict", reference_date=reference_date)
    first = digest.papers[0]
    assert (first.submitted_by, first.date, first.author_count) == (
        "vvasilev", datetime.date(2026, 1, 4), 8)
    assert first.line == text.split("\n").index(thumbnail.strip()) + 1  # 05's thumbnail
    # The title is plain: the thumbnail's link gives the paper's id (the copy has none).
    assert (first.paper_id, first.url) == (
        "2510.03253", "https://huggingface.co/papers/2510.03253")
    assert comparable(digest)[1:] == comparable(reference)[1:]
    assert len(digest.papers) == len(reference.papers)
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, reference_date)


@given(
    st.builds(
        Style,
        bullet=st.sampled_from(["- ", "* ", "*   ", "+ ", "  * "]),
        headings=st.sampled_from(["atx", "atx closed", "setext"]),
        separator=st.sampled_from(["own line", "glued", "spaced", "before date"]),
        dash=st.sampled_from(["-", "\\-"]),
        authors=st.sampled_from(["inline", "split"]),
        images=st.booleans(),
        boxes=st.sampled_from(["inline", "split", "word", "word-spaced", "word-lines"]),
        upvote_word=st.booleans(),
        thumbnails=st.sampled_from(["none", "one line", "wrapped", "without its image"]),
        comments=st.sampled_from(["glued", "apart"]),
        padding=st.sampled_from(["none", "html2text", "markdownify"]),
    ),
    st.sampled_from(["Nov 26", "Week 48", "November 2026"]),
    st.booleans(),
    st.sampled_from([None, *sorted(MENUS)]),
    st.booleans(),
)
def test_any_mix_of_converter_habits_reads_the_entries(
    style: Style, label: str, nav: bool, menu: str | None, relative: bool
) -> None:
    text = listing(style, label=label, nav=nav, menu=menu)
    if relative:  # the site's links as a converter without the page's address keeps them
        text = text.replace(HF, "")
    note(text)
    assert_reads_the_entries(text)


def test_the_late_trending_card_in_markdown_is_left_to_html_text() -> None:
    """The late-2026 trending card as html2text writes it (linked title, ``Submitted by``,
    ``[Upvote117](…)``) is capture 05's layout: its upvote box is no mark of this dialect."""
    text = "\n\n".join([
        "# Trending Papers", "Submitted by", "vvasilev",
        "### [Kandinsky 6.0 Video](https://huggingface.co/papers/2610.05608)",
        "We present Kandinsky 6.0 Video.",
        "[Kandinsky Lab](https://huggingface.co/kandinskylab) \u00b7 Oct 4, 2026",
        "[Upvote117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)",
        "[GitHub 131](https://github.com/k/k) [arXiv Page](https://arxiv.org/abs/2610.05608)",
    ]) + "\n"
    assert digestparse.parse(text, reference_date=TODAY).dialect == "html-text"


@pytest.mark.parametrize(
    ("style", "label", "nav"),
    [(Style(), "Week 48", False), (Style(headings="setext", bullet="*   "), "Nov 26", True),
     (Style(), "Nov 26", True), (Style(), "November 2026", True)],
)
def test_a_repeated_header_holds_its_period_arrows_and_underlines(
    style: Style, label: str, nav: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two captures of the same view joined: the second header, with its period or page
    date, the arrows around it and setext underlines, is one ``repeated-header``."""
    one = listing(style, label=label, nav=nav, tail=False)
    digest = _joined_pages(one, one)
    text = one + "\n" + one
    with monkeypatch.context() as patch:
        patch.setattr(markdown_rules, "READ_RAW", False)
        assert digestparse.parse(text, reference_date=TODAY) == digest


def test_a_comment_count_too_long_after_a_separated_date_is_positioned() -> None:
    """The ``·`` before the date moves its count two columns on: ``bad-votes`` points at
    the count's first digit."""
    text = listing(Style(separator="before date")).replace(
        "\u00b7 Nov 25[3](", "\u00b7 Nov 25[" + "9" * 19 + "](", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    line = text.split("\n").index(next(x for x in text.split("\n") if "9" * 19 in x)) + 1
    assert [(d.code, d.line, d.column) for d in digest.diagnostics] == [
        ("bad-votes", line, len("\u00b7 Nov 25[") + 1)]
    assert_paths_agree(MARKDOWN, text, TODAY)


def test_an_organization_link_cut_short_takes_no_separator_or_date() -> None:
    """Only text lines carry a wrapped organization link on: in a capture without blank
    lines, a link cut short stops at the ``·`` glued under it (``unclosed-link``), and the
    separator and date are read as such."""
    text = listing(Style()).replace("\n\n", "\n").replace(
        f"OCC]({HF}/occ)", "OCC", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [d.code for d in digest.diagnostics] == ["unclosed-link"]
    first = digest.papers[0]
    assert (first.organization, first.date, first.votes) == (
        "OCC", datetime.date(2026, 11, 25), 3)
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)


def test_an_upvote_box_glued_onto_a_date_line() -> None:
    """The next entry's box glued onto an entry's date line (``Nov 24[12](…/login?…)``) is no
    comment count: ``bad-date``, and the next entry has no box (its count was read as the
    comment count, silently), ``missing-upvotes`` at its title as on any page whose entries
    show boxes. Glued onto the page date, the page date stays, with its
    ``bad-page-date`` (a page date shows no count), as before."""
    second, third = ENTRIES[1], ENTRIES[2]
    text = listing(Style())
    box = f"[{third.upvotes}]({HF}/login?next=%2Fpapers%2F{third.paper_id})"
    glued = text.replace(f"{second.date}\n\n{box}", f"{second.date}{box}", 1)
    assert glued != text
    digest = digestparse.parse(glued, reference_date=TODAY)
    line = glued.split("\n").index(f"{second.date}{box}") + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [
        ("bad-date", line), ("missing-upvotes", line + 2)]
    assert glued.split("\n")[line + 1].startswith(f"### [{third.title}")
    assert (digest.papers[1].date, digest.papers[1].votes) == (None, None)
    assert digest.papers[2].upvotes is None
    assert_paths_agree(MARKDOWN, glued, TODAY)
    first_box = f"[{ENTRIES[0].upvotes}]({HF}/login?next=%2Fpapers%2F{ENTRIES[0].paper_id})"
    on_page_date = text.replace(f"Nov 26\n\n{first_box}", f"Nov 26{first_box}", 1)
    assert on_page_date != text
    digest = digestparse.parse(on_page_date, reference_date=TODAY)
    assert digest.page_date == datetime.date(2026, 11, 26)
    assert [d.code for d in digest.diagnostics][:1] == ["bad-page-date"]


@pytest.mark.parametrize("padding", [" ", "  "])
def test_a_padded_comment_count_too_long_is_reported_at_its_first_digit(padding: str) -> None:
    count = "9" * 19
    link = f"[{count}]" if padding == "  " else f"[ {count}]"
    text = listing(Style()).replace("Nov 25[3](", f"Nov 25{padding}{link}(", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    line = next(x for x in text.split("\n") if count in x)
    assert [(d.code, d.column) for d in digest.diagnostics] == [
        ("bad-votes", line.index(count) + 1)]


@pytest.mark.parametrize("after", ["authors", "next box", "organization link"])
def test_an_abstract_link_cut_short_takes_no_field_of_its_own(after: str) -> None:
    """In a capture without blank lines, an abstract whose link's close was cut
    (``](https:/``) stops before the next line that is a field of its own: the authors link,
    or (where the entry shows no metadata) the next entry's upvote box and title, or an
    organization's link without its image on one line. It took them silently into its
    text, up to the first that closes a link."""
    second = ENTRIES[1]
    text = listing(Style(images=after != "organization link")).replace("\n\n", "\n")
    if after == "organization link":  # the first entry's, ``[OCC](…/occ)``, without its image
        second = ENTRIES[0]
    text = text.replace(f"[{second.abstract}]({HF}/papers/{second.paper_id})",
                        f"[{second.abstract}](https:/", 1)
    if after == "next box":
        text = text.replace(f"[- 1 author]({HF}/papers/{second.paper_id})\n\u00b7\n"
                            f"{second.date}\n", "", 1)
    digest = digestparse.parse(text, reference_date=TODAY)
    cut = text.split("\n").index(f"[{second.abstract}](https:/") + 1
    assert [(d.code, d.line) for d in digest.diagnostics] == [("unclosed-link", cut)]
    assert [paper.abstract for paper in digest.papers] == [e.abstract for e in ENTRIES]
    assert [paper.upvotes for paper in digest.papers] == [e.upvotes for e in ENTRIES]
    authors = [e.authors for e in ENTRIES]
    if after == "next box":
        authors[1] = None
    assert [paper.author_count for paper in digest.papers] == authors
    assert [paper.organization for paper in digest.papers] == [e.organization for e in ENTRIES]
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)


def test_a_repeated_header_holds_a_wrapped_byline() -> None:
    """html2text wraps the byline inside its image's URL in every copy of the header."""
    one = listing(Style(bullet="  * "), tail=False).replace(
        "front/assets/papers-by.png", "front/assets/papers-\nby.png")
    text = one + "\n" + one
    second = one.count("\n") + 2
    digest = digestparse.parse(text, reference_date=TODAY)
    assert [(d.code, d.line) for d in digest.diagnostics] == [("repeated-header", second)]
    assert digest.diagnostics[0].end_line == second + one.split("\n\n[12](")[0].count("\n")
    assert uncovered_lines(text, digest) == []
    assert_paths_agree(MARKDOWN, text, TODAY)


@pytest.mark.parametrize("label", [
    "Week 48", "W48", "Week 47, 2026", "2026-W47", "November 2026", "Nov 2026", "November",
    "2026-11", "Nov 23 - Nov 29", "Nov 23 \u2013 29", "Nov 23 \u2014 29", "Nov 16 \u2013 22, 2026",
    "Nov 30, 2026 - Dec 6, 2026",
])
def test_one_period_label_for_every_dialect(label: str) -> None:
    """A week or month view's period has one definition (``grammar.PERIOD_LABEL``), which
    the markdown dialect's arrowed period holds too: the two dialects that read one used to
    define it apart, and each missed some of the other's (``W48`` and an em dash here,
    ``November`` alone and ``Nov 16 \u2013 22, 2026`` there)."""
    from digestparse.dialects.markdown.lines import arrowed_period

    assert grammar.is_period_label(label)
    arrow = "[](https://huggingface.co/papers/week/2026-W{})"
    assert arrowed_period(arrow.format(47) + label + arrow.format(49)) == label
    assert not grammar.is_period_label("Nov 25")  # the daily page's date is no period
