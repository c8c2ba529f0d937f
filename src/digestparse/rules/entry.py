"""An entry: a title, an abstract, then (optionally) a metadata block."""

from __future__ import annotations

from ..grammar import cannot_be_title
from ..links import extract_links
from ..model import Paper
from ..state import ParseState
from ..tokenizer import HEADER, SEPARATOR_KIND, TEXT
from .metadata import Metadata, is_organization_line, read_metadata


def starts_entry(state: ParseState) -> bool:
    """Whether the next line can be a title.

    A title glued (no blank line) to a metadata line, the first of three
    or more glued text lines, or a line that cannot be a title (a lone URL, a
    line without a letter), is taken for junk rather than a paper.
    """
    line = state.peek(0)
    if line is None or line.kind is not TEXT or cannot_be_title(line.text):
        return False
    after = state.peek(1)
    if after is None or after.gap:
        return True
    if after.kind is not TEXT:
        return False
    third = state.peek(2)
    glued_text = third is not None and third.gap == 0 and third.kind is TEXT
    return not glued_text or state.peek_is(3, SEPARATOR_KIND, glued=True)


def entry(state: ParseState) -> bool:
    if not starts_entry(state):
        return False
    title = state.advance()
    state.expect_gap(title, 1)
    following = state.peek()
    if following is None or following.kind is HEADER:
        state.reporter.defect("truncated-entry", title.number, 1, detail="a title alone")
        return True
    abstract = ""
    end_line = title.number
    if following.kind is TEXT and not is_organization_line(state, 0):
        line = state.advance()
        state.expect_gap(line, 1)
        abstract = line.text
        end_line = line.number
    else:
        state.reporter.defect("missing-abstract", following.number, 1)
    metadata = read_metadata(state) or Metadata()
    state.papers.append(
        Paper(
            title=title.text,
            abstract=abstract,
            author_count=metadata.author_count,
            organization=metadata.organization,
            date=metadata.date,
            votes=metadata.votes,
            links=extract_links(abstract),
            line=title.number,
            end_line=max(end_line, metadata.end_line),
            date_text=metadata.date_text,
            year_explicit=metadata.year_explicit,
        )
    )
    return True
