"""The fixed words of the dump format: header lines, months, bullets."""

from __future__ import annotations

NEW = "new"
PROMO_DAILY = "Get trending papers in your email inbox once a day!"
PROMO = "Get trending papers in your email inbox!"
SUBSCRIBE = "Subscribe"
DAILY_PAPERS = "Daily Papers"
BYLINE = "byAK and the research community"
BYLINE_SPACED = "by AK and the research community"

TRENDING_PAPERS = "Trending Papers"

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

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}

BULLET = "\u2022"
SEPARATOR = "\u00b7"
AUTHORS_PREFIX = "  " + BULLET + " "

BOM = "\ufeff"

#: The page's phrases as a capture of any dialect shows them once its markup is removed.
PAGE_PHRASES = frozenset(
    {NEW, PROMO_DAILY, PROMO, SUBSCRIBE, DAILY_PAPERS, TRENDING_PAPERS, BYLINE_SPACED,
     BYLINE, *PERIODS}
)
