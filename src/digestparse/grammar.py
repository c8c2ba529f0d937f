"""The fixed words of the dump format: header lines, months, bullets."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Sequence

import regex

from .markup import plain, without_closing_hashes

NEW = "new"
PROMO_DAILY = "Get trending papers in your email inbox once a day!"
PROMO = "Get trending papers in your email inbox!"
SUBSCRIBE = "Subscribe"
DAILY_PAPERS = "Daily Papers"
BYLINE = "byAK and the research community"
BYLINE_SPACED = "by AK and the research community"

TRENDING_PAPERS = "Trending Papers"
#: The page's title, one of the two: a header holds it (a page's header, also a second one).
PAGE_TITLES = frozenset({DAILY_PAPERS, TRENDING_PAPERS})
#: The HTML document's title (``<title>``), which some converters write first.
DOCUMENT_TITLES = frozenset(title + " - Hugging Face" for title in PAGE_TITLES)

#: Every line that is a header line wherever it stands (tokenizer kind HEADER), in order.
HEADER_LINES = (
    NEW, PROMO_DAILY, PROMO, SUBSCRIBE, DAILY_PAPERS, TRENDING_PAPERS, BYLINE, BYLINE_SPACED
)
HEADER_SET = frozenset(HEADER_LINES)
HEADER_MAX_LEN = max(map(len, HEADER_LINES))

#: The 2026 page's byline when a capture splits it around the link to AK: these three
#: lines, in this order. They are header lines only there (``by`` or ``AK`` alone is text).
BYLINE_SPLIT = ("by", "AK", "and the research community")
BYLINE_TAIL = BYLINE_SPLIT[-1]
#: The 2026 page's Daily / Weekly / Monthly switcher after the byline; header lines only there.
PERIODS = ("Daily", "Weekly", "Monthly")

#: The canonical header, as render() writes it.
CANONICAL_HEADER = (NEW, PROMO, SUBSCRIBE, DAILY_PAPERS, BYLINE)

#: The headings lynx puts over the list of the page's URLs it adds at the end (also with
#: ``-nonumbers``, where the list's URLs have no numbers): not the page's links.
LINK_LIST_HEADINGS = frozenset({"References", "Visible links:", "Hidden links:"})
#: How the 2026 page ends after its last entry, once markup is removed: pagination, the
#: site footer, a line the trending list leaves at the very end, and the heading lynx puts
#: over the list of references it adds. A line that is one of these opens the page's end
#: (``rules/page_end.py``).
PAGE_END_OPENERS = frozenset(
    {
        "Previous", "Next", "System theme", "Trending Papers ranked by GitHub stars activity",
        *LINK_LIST_HEADINGS,
    }
)
#: The words of the page's end: each word of each of its lines is one of these (or a page
#: number), apart from lines that are only a link, a rule or an HTML anchor. The last row
#: is how lynx-style tools head the list of references they add at the end.
PAGE_END_WORDS = frozenset(
    (
        "Previous", "Next", "System", "theme", "Company", "TOS", "Privacy", "About", "Careers",
        "Jobs", "Website", "Models", "Datasets", "Spaces", "Pricing", "Docs", "Enterprise",
        "Blog", "Learn", "Forum", "Status", "Changelog", "Hugging", "Face",
        "Trending", "Papers", "ranked", "by", "GitHub", "stars", "activity",
        "References", "References:", "Visible", "Hidden", "links", "links:",
        "(BUTTON)",
    )
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_DAY = "(?:" + "|".join(MONTHS) + r") [1-9][0-9]?"
#: What the week and month views (``/papers/week/2026-W47``, ``/papers/month/2026-11``) may
#: show where the daily page shows its date: a week (``Week 47``, ``Week 47, 2026``, ``W47``,
#: ``2026-W47``), a month (``November 2026``, ``Nov 2026``, ``November``, ``2026-11``) or a
#: range of days (``Nov 16 - Nov 22``, ``Nov 16 \u2013 22, 2026`` with an en or em dash,
#: ``Nov 30, 2026 - Dec 6, 2026``). No capture shows one yet: these are the usual ways of
#: writing a period, read as a header line by every dialect (docs/format.md). Written for
#: ``re`` and ``regex`` alike: the markdown dialect's arrowed period holds it.
PERIOD_LABEL = (
    r"(?:(?:Week|W) ?[0-9]{1,2}(?:,? [0-9]{4})?|[0-9]{4}-W[0-9]{2}"
    rf"|(?:{_MONTH_NAMES}|" + "|".join(MONTHS) + r")(?: [0-9]{4})?|[0-9]{4}-[01][0-9]"
    rf"|{_MONTH_DAY}(?:, [0-9]{{4}})? ?[-\u2013\u2014] ?(?:{_MONTH_DAY}|[1-9][0-9]?)"
    r"(?:, [0-9]{4})?)"
)


@functools.cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    """``pattern`` compiled on first use: for the patterns that only some pages' headers or
    ends ask, whose compiling would cost every start (``digestparse check`` on one file)
    some milliseconds."""
    return regex.compile(pattern)


def is_period_label(text: str) -> bool:
    """Whether ``text`` is a week or month view's period (``PERIOD_LABEL``)."""
    return _compiled(PERIOD_LABEL).fullmatch(text) is not None


BULLET = "\u2022"
SEPARATOR = "\u00b7"
#: An organization's name is at most this long, as the page shows it: a longer line before
#: `` · `` and a date is an abstract's (capture dialects).
MAX_ORGANIZATION_LEN = 100
AUTHORS_PREFIX = "  " + BULLET + " "
#: Longest author count accepted, in every dialect; a longer one is ``bad-authors``.
MAX_AUTHOR_DIGITS = 9
#: An image's placeholder in brackets, as the text tools write one (``[IMG]``, ``[]``).
IMAGE_PLACEHOLDER = r"\[(?:[^\[\]0-9-][^\[\]]*|[0-9]{4}|[0-9][0-9A-Za-z_-]{5,9})?\]"
#: The authors where no link is kept: ``3 authors``, ``• 3 authors``, ``* 3 authors``,
#: ``- 3 authors`` (the avatars' list item's bullet, as each tool writes one), also with
#: more spaces (turndown's ``*   3 authors``) or the avatars' items on its line, empty
#: (html2text without images: ``*   *   * 3 authors``) or with their placeholders (``• [IMG]
#: • 1 authors``: the line break after an avatar's item lost; ``• [IMG]• 1 authors``,
#: ``** 1 authors``: lost with the blank after it).
AUTHORS_TEXT = re.compile(
    rf"(?:[\u2022*+-](?:[ \u00a0]+{IMAGE_PLACEHOLDER})?(?:[ \u00a0]+|(?=[\u2022*+-])))*"
    rf"([0-9]{{1,{MAX_AUTHOR_DIGITS}}}) authors?"
)


def authors_count(text: str) -> int | None:
    """The number of authors of an authors line without a link (``AUTHORS_TEXT``), or None
    if it is none. Where an organization's name stands in the seeds' notation such a line
    (``2 authors``, ``* 2 authors``: its ``•`` lost or another written) is no name (no
    organization is called so) but a damaged authors line."""
    if not text or text[-1] not in "sr":
        return None
    match = AUTHORS_TEXT.fullmatch(text)
    return int(match.group(1)) if match is not None else None

BOM = "\ufeff"

#: The page's phrases as a capture of any dialect shows them once its markup is removed.
PAGE_PHRASES = frozenset(
    {NEW, PROMO_DAILY, PROMO, SUBSCRIBE, DAILY_PAPERS, TRENDING_PAPERS, BYLINE_SPACED,
     BYLINE, *PERIODS}
)


#: The promo lines: every 2026 capture shows one as a line of its own, whatever its tool.
PROMOS = frozenset({PROMO_DAILY, PROMO})
#: A longer line names nothing.
_NAME_LINE_MAX = 2 * HEADER_MAX_LEN


def names_the_listing(head: Sequence[str]) -> bool:
    """Whether ``head`` holds a line that only the listing's own header has, in any tool's
    notation: a promo line, or the HTML document's title (``Daily Papers - Hugging Face``)
    where it is no link's label (a link, or a label over its URL line, as the site's menu
    shows ``Daily Papers`` on every page). A heading's or list item's marks and markdown's backslash
    escapes (``once a day\\!``) are looked through; the page's title and byline are not
    enough, a README may head a section with them."""
    for index, line in enumerate(head):
        if not line or len(line) > _NAME_LINE_MAX or "](" in line or "][" in line:
            continue
        text = plain(without_closing_hashes(line), escapes=True)
        if text in PROMOS:
            return True
        if text in DOCUMENT_TITLES:
            following = head[index + 1] if index + 1 < len(head) else ""
            if not following.startswith(("https://", "http://")):
                return True
    return False


def is_trending_page(header: Collection[str]) -> bool:
    """Whether a page whose header holds these lines is the trending page: its title is
    ``Trending Papers``, and ``Daily Papers`` is nowhere (the daily page's tabs show both).
    Its cards show their upvote box after the date, not over the title, and may show no
    date."""
    return TRENDING_PAPERS in header and DAILY_PAPERS not in header


#: The label of a trending card's own link after its date: its code repository with the star
#: count (``GitHub 1.2k``, ``GitHub 476``) or its arXiv page (capture 05 shows both on a card).
#: Never a paper's title.
CARD_LINK = re.compile(r"GitHub(?: [0-9][0-9.,]*[kKmM]?)?|arXiv Page")
#: What a card link's label starts with (``is_card_link`` is told by it before the pattern).
CARD_LINK_START = frozenset("Ga")


def is_card_link(text: str) -> bool:
    """A card link's label alone (``CARD_LINK``)."""
    return text[:1] in CARD_LINK_START and CARD_LINK.fullmatch(text) is not None


def without_bare_logo_alt(name: str) -> str:
    """An organization's name without its logo's alt text written bare before it, as text
    browsers write an image (lynx, w3m, links): ``kandinskylab Kandinsky Lab``. The alt
    (the organization's handle, or its name) is the words before the rest that, letters and
    digits only, start with them (``idiap Idiap Research Institute``), or the one word that
    the rest starts (``occ-ai OCC``); anything else is kept as it is (``LAMDA-NeSy
    NJU-IRP``: the handle is no start of the name; ``without_lowercase_handle`` tells a
    handle by its letters)."""
    words = name.split()
    for size in range(1, min(len(words), _MAX_ALT_WORDS + 1)):
        alt = _squashed(words[:size])
        # A handle is one word: a longer alt that the rest starts would be a handle and
        # the name's first words (``nyu-visionx VISIONx @ NYU`` is no alt ``nyu-visionx
        # VISIONx @`` before ``NYU``).
        if alt and any(
            rest.startswith(alt) or (size == 1 and len(rest) > 1 and alt.startswith(rest))
            for rest in _spellings(words[size:])
        ):
            return " ".join(words[size:])
    return " ".join(words)


def without_lowercase_handle(name: str) -> str:
    """An organization's name without a logo's alt text that can only be a handle, written
    bare before a name that starts with a capital letter: a handle's letters in lower case
    (``facebook AI at Meta``, ``sail Sea AI Lab``, ``nyu-visionx VISIONx @ NYU``), or a
    handle that starts as the name does (``_shares_start``). The page's names start with a
    capital or are lower case throughout (``rednote hilab``), so a name's first word seldom
    looks so. Any other handle (``THUDM``, ``KwaiVGI``) cannot be told from a name's first
    word (``MIT CSAIL``) by the name alone (``without_written_alt`` tells more)."""
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and (
        _is_lowercase_handle(first) or _shares_start(first, rest) or _is_initialism(first, rest)
    ):
        return rest.strip()
    return name


def _shares_start(alt: str, rest: str) -> bool:
    """Whether a bare word before a name is a handle made of the name's start and more
    (``HuggingFaceTB Hugging Face Smol Models Research``, ``Mininglamp-2718 Mininglamp
    Technology``): letters and digits only, the two start alike for half the word and four
    characters at least."""
    if _HANDLE_ANY_CASE.fullmatch(alt) is None:
        return False
    squashed_alt, squashed_rest = _squashed([alt]), _squashed([rest])
    needed = max(_MIN_SHARED, (len(squashed_alt) + 1) // 2)
    return squashed_rest[:needed] == squashed_alt[:needed] and len(squashed_alt) >= needed


def _is_initialism(alt: str, rest: str) -> bool:
    """Whether a word in capitals before a name is the name's initials, a handle as
    ``BAAI`` is of ``Beijing Academy of Artificial Intelligence`` and ``MBZUAI`` of
    ``Mohamed bin Zayed University of Artificial Intelligence``: three letters at least,
    one for each word of the name that starts with a capital (a word's parts around ``-``
    count as words) and maybe for some of the others (``bin``; ``of`` is seldom one). A
    name's own first word in capitals is no initialism of the rest (``MIT CSAIL``)."""
    if len(alt) < _MIN_INITIALS or not (alt.isascii() and alt.isalpha() and alt.isupper()):
        return False
    words = rest.split()
    if words[:1] == ["The"]:
        words = words[1:]  # an article is no initial (``CUHK``: The Chinese University …)
    initials = [
        (part[0].upper(), part[0].isupper())
        for word in words
        for part in word.split("-")
        if part[:1].isalpha()
    ]
    # The letters each way through the initials so far can have spelt: each capital
    # initial is taken, any other taken or skipped.
    spelt = {0}
    for initial, needed in initials[:_MAX_INITIALS]:
        taken = {count + 1 for count in spelt if count < len(alt) and alt[count] == initial}
        spelt = taken if needed else taken | spelt
        if not spelt:
            return False
    return len(alt) in spelt and len(initials) <= _MAX_INITIALS


#: The fewest letters an initialism is told by, and the most words of a name it is looked
#: for in.
_MIN_INITIALS, _MAX_INITIALS = 3, 12


def without_unknown_logo_alt(name: str, *, alts_written: str | None = None) -> str:
    """An organization's name without its logo's alt text where its handle is not known:
    bare before it (``without_bare_logo_alt``, ``without_lowercase_handle``) or glued
    to it (``without_unknown_glued_alt``). Where the capture is known to write every
    image's alt text (``alts_written``, ``GLUED`` or ``BARE``: ``logo_alts_shown``), a
    name none of those tells still starts with one (``without_written_alt``); and the
    glued rules do not cut a name that a bare alt (unless the capture writes alts glued),
    or a glued one that spells the name's first word, was taken from (``inclusionAI``).
    Where the capture is known to write no image (``NO_ALTS``), the name is as written: a
    name in camel case from a small letter (``inclusionAI``) is no handle glued to ``AI``."""
    if alts_written == NO_ALTS:
        return name
    bare = without_bare_logo_alt(name)
    if bare != name and alts_written != GLUED:
        # An alt written bare, so none glued: the rest is the name, whatever its letters
        # (``inclusionAI inclusionAI``; the glued rules would take ``inclusion``).
        return bare
    doubled = _without_doubled_start(bare, alts_glued=alts_written == GLUED)
    if doubled != bare:
        return doubled  # the handle glued to the name it spells (``inclusionAIinclusionAI``)
    told = without_unknown_glued_alt(without_lowercase_handle(bare))
    if alts_written is not None and told == name:
        return without_written_alt(name, glued=alts_written == GLUED)
    return told


def _without_doubled_start(name: str, *, alts_glued: bool) -> str:
    """A name whose first word is the logo's alt glued to a name that starts with it: a
    handle in lower case and the name it spells, maybe with more after it
    (``inclusionaiinclusionAI``, ``inclusionai-aiinclusionAI``: ``_lowercase_handle_cut``),
    or, where the capture writes every alt glued (``alts_glued``), one word written twice
    (``QwenQwen``, ``inclusionAIinclusionAI``; elsewhere that may be a name, ``TomTom``)."""
    first, _, rest = name.partition(" ")
    half = len(first) // 2
    if alts_glued and not len(first) % 2 and half >= 2 and first[:half] == first[half:]:
        cut = half
    elif (cut := _lowercase_handle_cut(first)) == 0:
        return name
    return first[cut:] + (f" {rest}" if rest else "")


def _lowercase_handle_cut(word: str) -> int:
    """Where in ``word`` a handle in lower case ends that is glued to the name it spells,
    the name written with a capital in it (``inclusionai`` + ``inclusionAI``), the handle
    maybe going on past the name's letters (``inclusionai-ai``, ``inclusionai2718``) or
    stopping short of them (``inclusion``): four characters at least in common; else 0."""
    lowered = word.lower()
    if lowered == word or not word[:1].islower():
        return 0
    start = lowered[:_MIN_SHARED]
    cut = lowered.find(start, _MIN_SHARED)
    while cut > 0:
        handle, spelt = lowered[:cut], lowered[cut:]
        if (
            _HANDLE.fullmatch(word, 0, cut) is not None
            and word[cut:] != spelt
            and (handle.startswith(spelt) or spelt.startswith(handle))
        ):
            return cut
        cut = lowered.find(start, cut + 1)
    return 0


#: The site's logo's alt text (capture 01, and every text browser's output of a page).
SITE_LOGO_ALT = "Hugging Face's logo"
#: How a capture writes an image's alt text before what follows it (``logo_alts_shown``),
#: or that it writes none: the site's logo is its name alone (BeautifulSoup, inscriptis,
#: html-text and a browser's copy leave images out).
GLUED, BARE, NO_ALTS = "glued", "bare", "none"
#: The site's name, the text of the logo's link.
SITE_NAME = "Hugging Face"


def logo_alts_shown(text: str) -> str | None:
    """``GLUED`` or ``BARE`` where a line is the site's logo written as its alt text glued
    to the site's name or before it (``Hugging Face's logoHugging Face``: w3m, links,
    elinks; ``Hugging Face's logo Hugging Face``: lynx), else None. The capture's tool
    writes every image so, each organization's logo too (a bracketed alt, ``[Hugging
    Face's logo]``, is told apart wherever it stands)."""
    if not text.startswith(SITE_LOGO_ALT):
        return None
    rest = text[len(SITE_LOGO_ALT) :]
    if not rest.lstrip(" ").startswith(SITE_NAME):
        return None
    return BARE if rest[:1] == " " else GLUED


def without_written_alt(name: str, *, glued: bool) -> str:
    """An organization's name without the logo's alt text that a capture writing every
    image's alt puts before it, where no other rule tells it: the alt is one word, a
    handle. Glued to the name's first word (a word written twice, ``QwenQwen``, is told
    before the other rules: ``without_unknown_logo_alt``), it is told where the rest goes
    on as the part before a capital does (``CarnegieMellonUCarnegie Mellon …``, as
    ``without_glued_logo_alt`` tells a known handle). Bare, it is the first word where that
    word is written as handles are and names' words are not (a digit, ``-``, ``_`` or
    ``.`` in it, or a capital after a small letter: ``KwaiVGI Kuaishou …``,
    ``Mininglamp-2718 …``) and a name follows it (a capital or a digit first). A handle in
    capitals (``THUDM``) is kept: a name may start so (``MIT CSAIL``), and a card whose
    logo lost its alt must keep its whole name."""
    first, _, rest = name.partition(" ")
    for start in range(2, len(first)):  # a handle the name goes on like
        if first[start].isupper():
            told = without_glued_logo_alt(name, first[:start])
            if told != name:
                # Bare, a first word that reads so is no alt of its own: the page's kind
                # was misread (a damaged header), and the name is kept whole.
                return told if glued else name
    if glued:
        return name
    if (
        (rest[:1].isupper() or rest[:1].isdigit())
        and _HANDLE_ANY_CASE.fullmatch(first) is not None
        and _WRITTEN_AS_HANDLE.search(first) is not None
    ):
        return rest
    return name


#: What a handle may hold that a word of a name seldom does: a digit, ``-``, ``_`` or
#: ``.``, or a capital after a small letter (``KwaiVGI``, ``HuggingFaceTB``).
_WRITTEN_AS_HANDLE = re.compile(r"[0-9_.-]|[a-z][A-Z]")


def without_glued_logo_alt(name: str, handle: str) -> str:
    """An organization's name without its logo's alt text, its page's handle
    (``huggingface.co/HANDLE``), glued before it, as html2text's ``images_to_alt`` writes the
    avatar: ``[occ-aiOCC](https://huggingface.co/occ-ai)``. Taken off only where the rest,
    letters and digits only, starts with the handle or the handle with it (``OCC``; with
    the handle known, also ``QwenQwen`` and ``CarnegieMellonUCarnegie Mellon University``,
    which ``without_unknown_glued_alt`` keeps), as ``without_bare_logo_alt`` tells a bare
    alt; and where the rest starts with a capital letter, after a blank or not, and the
    handle is written in lower case (``facebookAI at Meta``, ``sail Sea AI Lab``) or starts
    as the rest does (``HuggingFaceTBHugging Face``), as ``without_lowercase_handle`` tells
    a bare one. A name that merely starts with its handle keeps it (``QwenLM``, ``Qwen2``,
    ``google-research``)."""
    if not handle or not name.startswith(handle):
        return name
    rest = name[len(handle) :]
    squashed_handle = _squashed([handle])
    if any(
        squashed_rest.startswith(squashed_handle)
        or (len(squashed_rest) > 1 and squashed_handle.startswith(squashed_rest))
        for squashed_rest in _spellings([rest])
    ):
        return rest.strip()
    if rest.lstrip()[:1].isupper() and (
        _is_lowercase_handle(handle) or _shares_start(handle, rest)
        or _is_initialism(handle, rest)
    ):
        return rest.strip()  # ``facebookAI at Meta``, as ``without_lowercase_handle`` tells
    return name


def without_unknown_glued_alt(name: str) -> str:
    """An organization's name without its logo's alt text glued before it where its handle
    is not known (w3m, links and elinks write ``<img alt="occ-ai">OCC`` as ``occ-aiOCC``).
    The alt is a start of the name's first word in a handle's letters (lower case, digits,
    ``-``, ``_``, ``.``; two at least, the last a letter or digit) before a capital letter
    or a digit, that ``without_glued_logo_alt`` takes off (``occ-aiOCC``, ``nvidiaNVIDIA``,
    ``01-ai01.AI``), or, three letters or digits at least, before a capital letter
    (``facebookAI at Meta``, ``allenaiAi2``). A name that merely repeats itself or a start is kept
    (``PaddlePaddle``, ``DiDi``, ``Seq2Seq``, ``Kakao``, ``AIDC-AI``), and so, as the price
    of that, is a handle written as its name (``QwenQwen``), unless the capture shows that
    its tool writes every image's alt (``without_written_alt``)."""
    first = name.split(" ", 1)[0]
    for cut in range(2, len(first)):
        if not (first[cut].isupper() or first[cut].isdigit()):
            continue
        if not first[cut - 1].isalnum() or _HANDLE.fullmatch(first, 0, cut) is None:
            break  # no handle's letter before a later capital either
        rest = without_glued_logo_alt(name, name[:cut])
        if rest != name:
            return rest
    capitals = len(first) - len(first.lstrip(_CAPITALS))
    if 0 < capitals < len(first) and first[capitals].islower():
        cut = capitals - 1  # ``BAAIBeijing``: the last capital starts the name
        if _is_initialism(first[:cut], name[cut:]):
            return name[cut:]
    return name


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: What a handle written lower case is made of (``occ-ai``, ``kandinskylab``).
_HANDLE = re.compile(r"[a-z0-9][a-z0-9_.-]*")
#: What any handle is made of (``HuggingFaceTB``, ``Mininglamp-2718``).
_HANDLE_ANY_CASE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
#: The fewest characters a handle and a name start with alike (``_shares_start``).
_MIN_SHARED = 4


def _is_lowercase_handle(word: str) -> bool:
    """Whether ``word`` is a handle written lower case (``_HANDLE``) that no name's first
    word is like: three characters at least, a letter among them, the last a letter or
    digit, and no linking word (``and``)."""
    return (
        len(word) >= 3
        and word[-1].isalnum()
        and _HANDLE.fullmatch(word) is not None
        and not word.isdigit()
        and any(char.isalpha() for char in word)
        and word not in _LINKING_WORDS
    )


#: Words in lower case that a line of a name wrapped by a tool may start with (``and
#: Computer Sciences``): no handle.
_LINKING_WORDS = frozenset(
    ("and", "for", "the", "with", "from", "into", "over", "under", "via", "von", "van",
     "der", "den", "des", "del", "und")
)
#: The most words a logo's alt (an organization's handle or name) is looked for in; it also
#: keeps the work linear on a long damaged line.
_MAX_ALT_WORDS = 6


def _squashed(words: list[str]) -> str:
    return "".join(char for char in "".join(words).casefold() if char.isalnum())


def _spellings(words: list[str]) -> tuple[str, ...]:
    """The words squashed (``_squashed``), and, where they hold a Latin letter beyond ASCII,
    the ways a handle, which is ASCII, spells them: the letter without its accent
    (``Zürich`` as ``zurich``, ``København`` as ``kobenhavn``), as German writes it without
    its umlaut (``München`` as ``muenchen``), or left out (``zrich``). A letter of another
    script (``腾讯``, ``업스테이지``) is kept in each: no handle spells it."""
    squashed = _squashed(words)
    if squashed.isascii():
        return (squashed,)
    unaccented, german, dropped = [], [], []
    for char in squashed:
        latin = char if char.isascii() else _latin_base(char)
        if latin is None:
            unaccented.append(char)
            german.append(char)
            dropped.append(char)
            continue
        unaccented.append(latin)
        german.append(_UMLAUTS.get(char, latin))
        if char.isascii():
            dropped.append(char)
    return squashed, "".join(unaccented), "".join(german), "".join(dropped)


def _latin_base(char: str) -> str | None:
    """A Latin letter's ASCII spelling without its accent (``ü``: ``u``; ``ø``, ``ł``,
    ``æ``, which have no decomposition, from ``_UNDECOMPOSED``), or None for a character
    of any other script."""
    if char in _UNDECOMPOSED:
        return _UNDECOMPOSED[char]
    base = unicodedata.normalize("NFKD", char)[0]
    return base if base.isascii() and base.isalpha() else None


#: Latin letters (as ``casefold`` leaves them: ``ß`` is ``ss`` already) that Unicode does
#: not decompose into an ASCII letter and an accent, spelt as handles spell them; the
#: dotless ``i`` written as its code.
_UNDECOMPOSED = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "\u0131": "i", "æ": "ae",
                 "œ": "oe", "þ": "th"}
#: German's umlauts, as German writes them without the dots.
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue"}


#: Lines starting with one of these may be a page phrase in some markup (``# Daily Papers``).
_MARKUP_START = frozenset("#-*+[")
#: One token (no blank in it) that is a link in any notation: a URL (``https://…``,
#: ``www.…``), maybe in brackets (``<https://…>``), a markdown link or image or a link's
#: cut tail (``12](https://…)``), a bare link as ``links.py`` reads one (``github.com/a/b``,
#: ``name.github.io/x``), or a lynx reference (``[x][3]``). Not text that merely holds a
#: URL (``=HYPERLINK("https://…")``).
_LONE_LINK = (
    r"[<(\[]?(?:(?i:https?://|www\.|github\.com/)|[A-Za-z0-9-]++\.(?i:github\.io/))\S*+"
    r"|!?\[?[^\s\]]*+\]\((?i:https?://)\S*+"
    r"|\[[^\s\]]*+\]\[[0-9]++\]"
)
#: Neither a letter nor a combining mark anywhere: digits, punctuation, symbols, blanks.
_NO_LETTER = regex.compile(r"[^\p{L}\p{M}]*+")


#: An item of a list of references: it names every link of the page, each paper's among them,
#: and is never a line of an entry (``12. https://…``; elinks without its numbers writes
#: ``. https://…``). lynx run on a saved page lists other schemes too
#: (``file://localhost/…``, ``mailto:…``, ``javascript:…``).
_REFERENCE_ITEM_PATTERN = (
    r"(?:[0-9]*+\.\s++|\[[0-9]++\]:\s*+)(?i:https?://|file:|mailto:|javascript:)\S*+"
    # html2text's definition of a link the page wrote relative (given the HTML alone)
    r"|\[[0-9]++\]:\s*+[/?#]\S*+"
)
#: A code fence alone, as one closes a block that a capture was pasted into.
_CLOSING_FENCE = r"`{3,}+|~{3,}+"
#: A line of the page's end that holds no word of its own: a URL or a link alone on the line,
#: a list of references (``12. https://…``, ``[12]: https://…``), a rule (``-----``), a
#: closing code fence, an HTML anchor (``<a id="…"></a>``), an ellipsis between page numbers.
_PAGE_END_MARK = (
    _REFERENCE_ITEM_PATTERN
    + r"|(?i:https?://)\S*+|[-*_=]{3,}+|"
    + _CLOSING_FENCE
    + r"|<a\s[^<>]*+></a>|\.\.\.|\u2026"
)
_ELLIPSES = ("...", "\u2026")
#: What a word of the page's end may carry around it: emphasis (``**Company**``) and the
#: arrows of pagination links (``« Previous``, ``Next →``).
_WORD_DECORATION = "*_\u00ab\u00bb\u2039\u203a\u2190\u2192"
#: A link to one paper (its page, its arXiv page, the login an upvote box links to): a line
#: with one is an entry's, also where it shows nothing else (``[173](…login?next=%2Fpapers%2F…)``).
_PAPER_TARGET = regex.compile(
    r"(?i:huggingface\.co/papers/[0-9]|arxiv\.org/(?:abs|pdf)/|%2Fpapers%2F[0-9])"
)
#: A markdown link cut by a hard wrap inside its URL, at a line's end (``[TOS](https://…-``),
#: and the URL's rest that starts the next line (``service)``).
_WRAPPED_LINK_HEAD = re.compile(r"\[([^\[\]]*)\]\((?:https?://|/)[^()\s]*$")
_WRAPPED_LINK_TAIL = re.compile(r"^[^\s()\[\]]+\)(?=\[)")
#: A reference link's ``][N]`` with a word or another link glued after it.
_GLUED_REFERENCES = re.compile(r"(\]\[[0-9]+\])(?=[^\s\]])")
#: A link's ``)`` with a word glued after it (``[Next](…)System``).
_GLUED_AFTER_LINK = re.compile(r"\)(?=\w)")
#: A link's ``[`` glued after a word (``theme[TOS]``).
_GLUED_BEFORE_LINK = re.compile(r"(?<=\w)\[")
#: The longest line of the page's end that is read as one.
PAGE_END_MAX_LEN = 400


def opens_page_end(text: str) -> bool:
    """Whether a line (stripped) may be the first of the page's end (see ``PAGE_END_OPENERS``):
    also in markup (``[Previous](https://…)``), the pagination on one line of the page's end
    (``[Previous][300] [Next][301]``, as a tool keeps inline links), or a rule or a code
    fence that closes a capture."""
    if len(text) > PAGE_END_MAX_LEN:
        return False
    if text in PAGE_END_OPENERS:
        return True
    words = _page_end_words(text)
    if len(words) < _GLUED_LINE_WORDS:  # pagination glued into a word: ``Previous12Next``
        words = [part for word in words for part in _glued_words(word)]
    if " ".join(words) in PAGE_END_OPENERS:
        return True
    if ("Previous" in words or "Next" in words) and in_page_end(text):
        return True
    if " ".join(words).startswith(_OPENER_STARTS) and in_page_end(text):
        return True  # the footer's first words and its links on one line: ``System theme[TOS](…)``
    return text[:1] in "-*_=`~" and _compiled(_PAGE_END_MARK).fullmatch(text) is not None


def may_start_page_end(text: str) -> bool:
    """Whether a page's end may start at this line (stripped): one that opens it, or a mark
    (an HTML anchor, a link alone) or page numbers, which an opener may follow. Other footer lines
    (``Company``, ``Models``) never start one: the page's chrome that a capture repeats is
    not tried."""
    if opens_page_end(text):
        return True
    if _compiled(_PAGE_END_MARK).fullmatch(text) is not None and _PAPER_TARGET.search(text) is None:
        return True
    # Page numbers, as the first page of a list shows them with no ``Previous`` before them:
    # a digit first, or a link's '[' then a digit (cheap, before reading the words).
    first = text[1:2] if text[:1] == "[" else text[:1]
    if not first.isdigit() or len(text) > PAGE_END_MAX_LEN:
        return False
    if _PAPER_TARGET.search(text) is not None:
        return False
    words = _page_end_words(text)
    return bool(words) and all(word.isdecimal() or word in _ELLIPSES for word in words)


#: An item of lynx's list of URLs without numbers (``lynx -dump -nonumbers``): a URL alone.
_LINK_LIST_ITEM = regex.compile(r"(?i:https?|ftp|file|mailto):\S++")


def in_link_list(text: str) -> bool:
    """Whether a line (stripped) may be an item of lynx's list of URLs under one of
    ``LINK_LIST_HEADINGS``: there a URL to a paper is the list's, no entry's."""
    return _LINK_LIST_ITEM.fullmatch(text) is not None


def in_page_end(text: str) -> bool:
    """Whether a line (stripped) may belong to the page's end: only its words and page
    numbers once markup is removed, or only a mark (``_PAGE_END_MARK``); never a line that
    links to a paper, unless it is an item of a list of references."""
    if len(text) > PAGE_END_MAX_LEN:
        return False
    if _PAPER_TARGET.search(text) is not None:
        return _compiled(_REFERENCE_ITEM_PATTERN).fullmatch(text) is not None
    if _compiled(_PAGE_END_MARK).fullmatch(text) is not None:
        return True
    return all(_is_page_end_word(word) for word in _page_end_words(text))


def is_code_fence(text: str) -> bool:
    """Whether a line (stripped) is a code fence alone (```` ``` ````, ``~~~``)."""
    return text[:1] in "`~" and _compiled(_CLOSING_FENCE).fullmatch(text) is not None


def is_footer_line(text: str) -> bool:
    """Whether a line (stripped) is a line of the site's footer or pagination in words
    (``Website``, ``TOS Privacy About Careers``: every word a footer word, no page number
    alone), an item of a list of references (``. https://…``) or a closing code fence:
    never an entry's title."""
    if len(text) > PAGE_END_MAX_LEN:
        return False
    if _compiled(_REFERENCE_ITEM_PATTERN).fullmatch(text) is not None:
        return True
    if is_code_fence(text):
        return True
    if _PAPER_TARGET.search(text) is not None:
        return False
    words = _page_end_words(text)
    return bool(words) and all(
        not word.isdecimal() and _is_page_end_word(word) for word in words
    )


def _page_end_words(text: str) -> list[str]:
    """The words a reader sees on a line of the page's end: markup removed (links glued to
    each other, ``[Previous](…)[Next](…)``, kept apart), decoration stripped."""
    # Escapes resolved, as they were before plain() kept them by default: a markdown footer's
    # "\\* Previous" opens the page's end (the other capture tools write no escapes).
    if "[" not in text:  # no link: only words (the usual junk, prose)
        spaced = text
    else:
        # html2text wraps a line of footer links inside a URL: ``[TOS](https://…/terms-of-``
        # then ``service)[Privacy](…)``. The cut link keeps its text; the URL's tail is none.
        if text[:1] != "[" and ")[" in text:
            text = _WRAPPED_LINK_TAIL.sub("", text, count=1)
        if text[-1:] != ")" and "](" in text:
            text = _WRAPPED_LINK_HEAD.sub(r"\1", text)
        spaced = text.replace(")[", ") [")
        if ")" in spaced:  # a word glued after a link: ``[Next](…)System theme``
            spaced = _GLUED_AFTER_LINK.sub(") ", spaced)
        if "][" in spaced:  # reference links glued to other words: ``[Previous][31][1][31]``
            spaced = _GLUED_REFERENCES.sub(r"\1 ", spaced)
        spaced = _GLUED_BEFORE_LINK.sub(" [", spaced)  # ``System theme[TOS](…)``
    words = (word.strip(_WORD_DECORATION) for word in plain(spaced, escapes=True).split())
    return [word for word in words if word]


def wraps_on(before: str, text: str, gap: int) -> bool:
    """Whether a line (``text``, ``gap`` blank lines before it) is the rest of a URL that
    html2text wrapped after a hyphen at its width, on the line ``before`` (``[11]:
    https://cdn-thumbnails.huggingface.co/social-``, then ``thumbnails/papers/ID.png``):
    glued to it, one word. A line of the page's end so, with the line it goes on."""
    return (
        gap == 0
        and before.endswith("-")
        and before[-2:-1] not in ("-", " ", "")  # not a rule's dashes, nor a dash alone
        and "/" in before  # a URL's
        and bool(text)
        and " " not in text
    )


def _is_page_end_word(word: str) -> bool:
    """A footer word, a page number, an ellipsis, or footer words and page numbers glued
    together (``_glued_words``)."""
    if word in PAGE_END_WORDS or word.isdecimal() or word in _ELLIPSES:
        return True
    parts = _glued_words(word)
    return len(parts) > 1 and all(part in PAGE_END_WORDS or part.isdecimal() for part in parts)


#: An opener's words with more after them on the line (``System theme TOS Privacy``).
_OPENER_STARTS = tuple(sorted(opener + " " for opener in PAGE_END_OPENERS))
#: A line of pagination glued into words has fewer words than this.
_GLUED_LINE_WORDS = 4
#: The longest word a glued run of footer words is looked for in.
_GLUED_WORDS_MAX = 120
_PAGE_END_WORD_LENGTHS = sorted({len(word) for word in PAGE_END_WORDS})
#: What such a run starts with (a prose word rarely does: it is not read further).
_GLUED_WORDS_START = tuple(sorted(PAGE_END_WORDS)) + tuple("0123456789")


def _glued_words(word: str) -> list[str]:
    """A word of the page's end, or the footer words and page numbers it is made of where a
    converter glued inline links together (inscriptis, ``get_text()``: ``Previous12Next``,
    ``TOSPrivacyAbout``); the word itself where it is not made of them."""
    if (
        word in PAGE_END_WORDS
        or word.isdecimal()
        or len(word) > _GLUED_WORDS_MAX
        or not word.startswith(_GLUED_WORDS_START)
    ):
        return [word]
    # ways[i]: one way of making word[:i] of them, None where there is none.
    ways: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for size in _PAGE_END_WORD_LENGTHS:
            before = ways[end - size] if size <= end else None
            if before is not None and word[end - size : end] in PAGE_END_WORDS:
                ways[end] = [*before, word[end - size : end]]
                break
        else:
            start = end
            while start > 0 and word[start - 1].isdigit():
                start -= 1
            before = ways[start] if start < end else None
            if before is not None:
                ways[end] = [*before, word[start:end]]
    found = ways[-1]
    return found if found is not None and len(found) > 1 else [word]


def cannot_be_title(text: str) -> bool:
    """A line that is only a URL, has no letter at all (a count, brackets, a dash: only
    digits, punctuation, symbols and blanks), or is one of the page's own phrases, also
    in markup (``# Daily Papers``): never a paper's title, in any dialect."""
    if text in PAGE_PHRASES or (
        text[:1] in _MARKUP_START and plain(text, escapes=True) in PAGE_PHRASES
    ):
        return True
    first = text[:1]
    if first.isalpha() and first not in "hHwW" and (" " in text or "." not in text):
        return False  # most titles: starts with a letter, and is no bare link
    if _compiled(_LONE_LINK).fullmatch(text) is not None:
        return True  # a URL, or a link in some markup, alone on its line
    return _NO_LETTER.fullmatch(text) is not None
