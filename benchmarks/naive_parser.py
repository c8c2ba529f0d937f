"""The parser a user would write in an afternoon: the peer digestparse has to beat.

Split the text into lines, skip the header, then walk the non-blank lines
with one regex per field (authors, date) and a URL regex over each
abstract. No diagnostics, no recovery, no line numbers: on a valid dump it
gets every field right (the harness checks that on the seed dumps), on a
damaged one it silently produces whatever falls out.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

HEADER = {
    "new",
    "Get trending papers in your email inbox once a day!",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
    "by AK and the research community",
}
MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}

AUTHORS_RE = re.compile(r"^\s*\u2022\s*(\d+) authors?$")
DATE_RE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})"
                     r"(?:, (\d{4}))?(?: (\d+))?$")
URL_RE = re.compile(r"https?://\S+|(?<![\w./])(?:github\.com|[\w-]+\.github\.io)/\S*")


def find_links(abstract: str) -> list[str]:
    links: list[str] = []
    for url in URL_RE.findall(abstract):
        while url and (url[-1] in ".,;:!?\"'"
                       or (url[-1] == ")" and url.count(")") > url.count("("))):
            url = url[:-1]
        if not url.startswith("http"):
            url = "https://" + url
        if url not in links:
            links.append(url)
    return links


def parse(text: str, reference_date: datetime.date) -> list[dict[str, Any]]:
    """Papers as dicts with title, abstract, author_count, organization, date, votes, links."""
    lines = [line for line in text.split("\n") if line.strip()]
    i = 0
    while i < len(lines) and lines[i] in HEADER:
        i += 1
    year = reference_date.year
    page_date = None
    if i < len(lines):
        m = DATE_RE.match(lines[i])
        if m:
            page_date = datetime.date(year, MONTHS[m.group(1)], int(m.group(2)))
            if page_date > reference_date:
                page_date = page_date.replace(year=year - 1)
            year = page_date.year
            i += 1
    papers: list[dict[str, Any]] = []
    while i + 1 < len(lines):
        paper: dict[str, Any] = {
            "title": lines[i], "abstract": lines[i + 1], "author_count": None,
            "organization": None, "date": None, "votes": None,
            "links": find_links(lines[i + 1]),
        }
        i += 2
        if i + 2 < len(lines) and lines[i + 1] == "\u00b7":
            m = AUTHORS_RE.match(lines[i])
            if m:
                paper["author_count"] = int(m.group(1))
            else:
                paper["organization"] = lines[i]
            m = DATE_RE.match(lines[i + 2])
            if m:
                paper["date"] = datetime.date(
                    int(m.group(3) or year), MONTHS[m.group(1)], int(m.group(2)))
                paper["votes"] = int(m.group(4) or 0)
            i += 3
        papers.append(paper)
    return papers
