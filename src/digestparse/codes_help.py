"""Help text for every diagnostic code: what it means and what to do about it.

It ships with the package (docs/ is not installed) for tools that describe each code, such
as the rules of ``digestparse check --format sarif``. ``CODES`` in diagnostics.py holds the
short description (the message); docs/diagnostics.md has the full story with examples.
A test keeps the keys equal to ``CODES``.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    "invalid-utf8": (
        "A byte sequence in the dump is not UTF-8. The bad bytes are read as U+FFFD. "
        "Save the capture as UTF-8."
    ),
    "utf16-input": (
        "The dump is UTF-16 (a UTF-16 byte order mark, or NUL in every other byte). "
        "It is decoded anyway; save captures as UTF-8."
    ),
    "utf32-input": (
        "The dump is UTF-32 (a UTF-32 byte order mark, or three NULs in every four bytes). "
        "It is decoded anyway; save captures as UTF-8."
    ),
    "line-too-long": (
        "A line holds more than 1,048,576 characters (lines.MAX_LINE): only its start is "
        "read, so that reading never holds an unbounded line. No capture has such a line; "
        "the file is probably not a capture, or lost its line breaks."
    ),
    "field-too-long": (
        "A title or abstract hard-wrapped over several lines holds more than 1,048,576 "
        "characters (lines.MAX_LINE) in all: only its first lines, up to that many "
        "characters, are read, so that reading never holds an unbounded field. No capture "
        "comes near it; the entry probably runs into text that is not part of it."
    ),
    "missing-header": (
        "The dump does not start with the Daily Papers header (new, Get trending papers..., "
        "Subscribe, Daily Papers, the byline). The capture may be cut at the top, or empty."
    ),
    "bad-header": (
        "A header line is missing, misspelt, out of order, or followed by an extra line. "
        "The page layout may have changed, or the capture mixed two pages."
    ),
    "repeated-header": (
        "A second header in the middle of the dump: two captures were joined, or a paper's "
        "title is exactly a header line. Split the dump into one capture per file."
    ),
    "bad-page-date": (
        "The date line under the header must be a month and day (e.g. Dec 12) with no year "
        "and no count."
    ),
    "missing-blank-line": (
        "Elements (title, abstract, metadata block) are separated by one blank line; here "
        "the blank line is missing."
    ),
    "extra-blank-line": (
        "More than one blank line between elements, or blank lines before the first line or "
        "after the last line break. Remove the extra blank lines."
    ),
    "unexpected-blank-line": (
        "A blank line inside a metadata block (authors line, '\u00b7', date line), whose "
        "lines follow each other directly."
    ),
    "trailing-whitespace": "A line ends with spaces or tabs. Remove them.",
    "leading-whitespace": (
        "A line other than an authors line starts with spaces or tabs. Remove them."
    ),
    "missing-abstract": (
        "A title is followed directly by its metadata block: the abstract is missing."
    ),
    "truncated-entry": (
        "The dump (or a header) starts before the entry is complete. The capture was probably "
        "cut off; capture the page again."
    ),
    "no-entries": (
        "The capture ends in its header: no entry follows it. The capture was probably cut "
        "off after the header (or the page showed no entries); capture the page again."
    ),
    "copies-differ": (
        "A trending page shows each card twice in a row. Two cards in a row with one abstract "
        "have titles that differ only by words one of them lacks at its start or end: that "
        "copy lost a line of its wrapped title (or wrote one twice); or titles that differ "
        "only by the spaces between words: that copy's wrapped lines were joined without a "
        "space. They are read as one paper with the other copy's title. Copies of one card "
        "that show a field (organization, date, upvotes, submitter) with different values "
        "are reported too: one of them was damaged; the first copy's value is kept."
    ),
    "missing-authors": (
        "A metadata block starts with '\u00b7' or a date line: the authors or organization "
        "line is missing."
    ),
    "bad-authors": (
        "An authors line is not exactly two spaces, '\u2022', a space, a count and "
        "' authors' (or ' author')."
    ),
    "missing-separator": (
        "The line after the authors line must be a lone '\u00b7'; it is missing."
    ),
    "missing-date": "The metadata block has no date line after its '\u00b7' line.",
    "bad-date": (
        "The line after '\u00b7' is not a date line such as 'Jun 9' or 'Jun 9, 2024' "
        "(optionally followed by a count)."
    ),
    "impossible-date": (
        "A date that does not exist, such as Feb 30, or Feb 29 in a year that is not a leap "
        "year."
    ),
    "date-after-page": (
        "An entry's date falls after the page date (or after the reference date when there "
        "is no page date). The year may be wrong, or --reference-date too early."
    ),
    "bad-votes": "The count after a date has more than 18 digits.",
    "junk": (
        "Lines that cannot start an entry where one must start, such as a stray '\u00b7', "
        "authors or date line between entries, or text after a capture's closing fence "
        "(two captures joined into one file). They are skipped."
    ),
    "unclosed-link": (
        "In a markdown capture, a link's text ('[...') is not closed by '](url)', as when "
        "the capture is cut inside a link. The text is kept without a link target."
    ),
    "missing-link": (
        "text-urls or html-text capture: a label (upvote box, title, abstract, organization, "
        "comment count) is not followed by its URL line, or a title has no link. The capture "
        "may have lost lines."
    ),
    "missing-upvotes": (
        "The entry has no upvote count before its title (text-urls), or no '[Upvote' count "
        "(html-text). upvotes is None; the rest of the entry is read."
    ),
    "missing-submitter": (
        "html-text capture: a 'Submitted by' line is not followed by the submitter's name."
    ),
    "bad-upvotes": (
        "reference-text capture: the upvote box before a title ('[', '-' or a number, "
        "'][N]', each on its own line) lacks a line or holds something else."
    ),
    "unbalanced-bracket": (
        "reference-text capture: an abstract, authors box or title lacks its '[' line or its "
        "'][N]' close. The block is read as if it were whole."
    ),
    "unknown-format": (
        "No dialect recognises the input (docs/dialects.md): it is not a capture of the "
        "Daily Papers listing, e.g. a README, an RSS feed or source code. No papers are read."
    ),
    "conflict": (
        "A series of captures: two sightings of one paper disagree on its abstract, authors, "
        "organization or date. One of the captures is damaged, or the paper was edited."
    ),
    "stale-capture": (
        "A series of captures: the page date is not the capture day and repeats the previous "
        "capture's, as the site shows on a day without papers."
    ),
    "partial-capture": (
        "A series of captures: this capture has far fewer papers than the series' median "
        "(--min-share). It may have been taken before the list was complete."
    ),
    "missing-capture": (
        "A series of captures: days between the first and the last capture have no capture "
        "(and are not allowed with --allow-missing)."
    ),
    "page-date-mismatch": (
        "digestparse check --expect-page-date: the page date is not the expected day, or "
        "there is none. The site may have served a stale page (a day without papers)."
    ),
    "too-few-papers": (
        "digestparse check --min-papers: the dump has fewer papers than required. The capture "
        "may have been taken before the day's list was complete."
    ),
    "too-damaged": (
        "digestparse check --max-damaged: the share of entries that carry a diagnostic is "
        "above the limit. This fails the check even with --lenient."
    ),
}
