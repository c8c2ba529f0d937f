"""Made-up ``lynx -dump`` pages of the listing, written from known fields (page_support.Entry).

lynx writes a link as ``[N]text``: its number in brackets right before its text, numbered
from 1 in document order, and lists the URLs at the end under ``References``. Body text is
indented three spaces, list items five (``     * ``, nested ``        + ``), headings not at
all; lines wrap at the dump's width with the continuation at the same indent. The shapes are
reasoned from lynx's documentation and the page's markup, not observed: ``Style`` holds the
placements a rendering of that markup can produce, so that each test says which it reads.
The expected values of a page are the fields it was written from, never the parser's output.
"""

from __future__ import annotations

import textwrap

import attrs

from page_support import HF, Entry


@attrs.frozen
class Style:
    """Where lynx may put each part of an entry (each field: one choice)."""

    #: Lines wrap at this width (lynx's default is about 76-79; ``-width=N``).
    width: int = 76
    #: A blank line between the parts of an entry.
    blanks: bool = True
    #: The upvote link: ``[31]-`` (``line``), ``[31]`` then ``-`` (``split``), or on the
    #: title's line, ``[31]- [32]Title`` (``glued``).
    box: str = "line"
    #: The authors link's number: on a line of its own (``own``), on the count's item
    #: (``item``: ``* [34]3 authors``) or before the item (``before``: ``[34]* 3 authors``).
    authors: str = "own"
    #: ``·`` alone (``alone``) or with the date after it (``date``: ``· May 30``).
    separator: str = "alone"
    #: The comment count after the date (``glued``: ``May 30 [35]6``) or on the next line.
    comments: str = "glued"
    #: Indent body lines (False: a dump whose indents were stripped).
    indent: bool = True


class Numbers:
    """lynx's link numbers: one per link, in document order; the URLs for ``References``."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str) -> str:
        self.urls.append(url)
        return f"[{len(self.urls)}]"

    def references(self) -> list[str]:
        width = len(str(len(self.urls)))
        return [f"   {number:>{width + 1}}. {url}" for number, url in enumerate(self.urls, 1)]


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def menu(link: Numbers) -> list[str]:
    return [
        f"{link(HF + '/')}[Hugging Face's logo] Hugging Face",
        "",
        f"     * {link(HF + '/models')}Models",
        f"     * {link(HF + '/datasets')}Datasets",
        f"     * {link(HF + '/spaces')}Spaces",
        f"     * {link(HF + '/docs')}Docs",
        "     * Website",
        f"          + {link(HF + '/tasks')}Tasks",
        f"          + {link(HF + '/papers')}Daily Papers",
        f"     * {link(HF + '/login')}Log In",
        f"     * {link(HF + '/join')}Sign Up",
        "",
    ]


def header(link: Numbers, title: str = "Daily Papers", date: str | None = "Nov 26",
           query: str | None = None, label: str | None = None) -> list[str]:
    lines = [
        "   new",
        "",
        "   Get trending papers in your email inbox once a day!",
        "",
        "   Get trending papers in your email inbox!",
        "",
        f"   {link(HF + '/papers?subscribe')}Subscribe",
        "",
        f"{title:^76}".rstrip(),
        "",
    ]
    if title == "Daily Papers":
        lines += [f"by{link(HF + '/akhaliq')}AK and the research community", ""]
        if query is not None:
            lines += [f"   {query}", ""]
        lines += ["     * Daily", "     * Weekly", "     * Monthly", ""]
        if date is not None:
            lines += [f"   {date}", ""]
        if label is not None:
            lines += [f"   {label}", ""]
    return lines


def entry(item: Entry, link: Numbers, style: Style = Style()) -> list[str]:
    body = "   " if style.indent else ""
    items = "     " if style.indent else ""
    page = f"{HF}/papers/{item.paper_id}"
    gap = [""] if style.blanks else []
    count = "-" if item.upvotes == 0 else str(item.upvotes)
    upvote = link(f"{HF}/login?next=%2Fpapers%2F{item.paper_id}")
    title_number = link(page)
    title = _wrap(item.title, "", style.width)
    title[0] = title_number + title[0]
    lines: list[str] = []
    if style.box == "glued":
        title[0] = f"{upvote}{count} {title[0]}"
    elif style.box == "split":
        lines += [f"{body}{upvote}", f"{body}{count}", *gap]
    else:
        lines += [f"{body}{upvote}{count}", *gap]
    lines += [*title, *gap]
    lines += _wrap(link(page) + item.abstract, body, style.width)
    if item.organization is not None:
        logo = item.organization.split()[0].lower()
        lines += _wrap(f"{link(HF + '/' + logo)}[{logo}] {item.organization}", body,
                       style.width)
    else:
        number = link(page)
        avatars = [f"{items}* [IMG]"] * item.avatars
        if style.authors == "own":
            lines += [f"{body}{number}", *avatars, f"{items}* {item.authors} authors"]
        elif style.authors == "item":
            lines += [*avatars, f"{items}* {number}{item.authors} authors"]
        else:
            lines += [*avatars, f"{items}{number}* {item.authors} authors"]
    comments = f"{link(page + '#community')}{item.comments}" if item.comments else ""
    if style.separator == "date":
        date_line = [f"{body}· {item.date}"]
    else:
        date_line = [f"{body}·", f"{body}{item.date}"]
    if comments and style.comments == "glued":
        date_line[-1] += " " + comments
    elif comments:
        date_line.append(f"{body}{comments}")
    return [*lines, *date_line, *gap]


def footer(link: Numbers) -> list[str]:
    return [
        f"   {link(HF + '/papers?p=1')}Previous {link(HF + '/papers?p=3')}Next",
        "",
        f"   {link(HF + '/settings/theme')}System theme",
        "   Company",
        f"   {link(HF + '/terms-of-service')}TOS {link(HF + '/privacy')}Privacy "
        f"{link(HF + '/huggingface')}About",
        "",
    ]


def page(entries: tuple[Entry, ...], style: Style = Style(), *, references: bool = True,
         foot: bool = True, date: str | None = "Nov 26", query: str | None = None,
         label: str | None = None) -> str:
    link = Numbers()
    lines = menu(link) + header(link, date=date, query=query, label=label)
    for item in entries:
        lines += entry(item, link, style)
    if foot:
        lines += footer(link)
    if references:
        lines += ["References", "", *link.references()]
    return "\n".join(lines) + "\n"


def card(item: Entry, link: Numbers, style: Style = Style(), *, submitter: str | None = "vvasilev",
         published: bool = True) -> list[str]:
    """A trending card: thumbnail link, Submitted-by block, title, plain summary, authors or
    organization with the date, the upvote link and a line of links."""
    body = "   " if style.indent else ""
    items = "     " if style.indent else ""
    page_url = f"{HF}/papers/{item.paper_id}"
    gap = [""] if style.blanks else []
    lines = [f"{link(page_url)}[IMG]", *gap]
    if submitter is not None:
        name = link(HF + "/" + submitter) + submitter
        lines += [f"{body}Submitted by", f"{body}[IMG]", f"{body}{name}"]
    title = _wrap(item.title, "", style.width)
    title[0] = link(page_url) + title[0]
    lines += [*gap, *title, *gap, *_wrap(item.abstract, body, style.width), *gap]
    date = f"Published on {item.date}" if published else item.date
    if item.organization is not None:
        logo = item.organization.split()[0].lower()
        lines += _wrap(f"{link(HF + '/' + logo)}[{logo}] {item.organization} · {date}", body,
                       style.width)
    else:
        lines += [f"{items}* [IMG]"] * item.avatars
        lines += [f"{items}* {item.authors} authors", f"{body}· {date}"]
    count = "-" if item.upvotes == 0 else str(item.upvotes)
    lines += [f"{body}{link(HF + '/login')}Upvote {count}", *gap]
    github = link("https://github.com/a/b")
    arxiv = link("https://arxiv.org/abs/" + item.paper_id)
    lines += [f"{body}{github}GitHub 131 {arxiv}arXiv Page", *gap]
    return lines


def trending(entries: tuple[Entry, ...], style: Style = Style(), *, references: bool = True) -> str:
    """The trending page: each card twice in a row, the second without ``Published on``."""
    link = Numbers()
    lines = menu(link) + header(link, title="Trending Papers")
    for item in entries:
        lines += card(item, link, style)
        lines += card(item, link, style, published=False)
    lines += footer(link)
    if references:
        lines += ["References", "", *link.references()]
    return "\n".join(lines) + "\n"
