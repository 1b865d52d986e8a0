"""Choose the publication date: the input's own field > page metadata > a dateline > a date
inferred from the text > none, and say which one was used (`published_source`)."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.ingest.dates import FoundDate, find_full_dates
from newsgraph.ingest.layout import Layout
from newsgraph.model import PublishedSource

LEAD_PARAGRAPHS = 3
"""Body paragraphs searched for dates when inferring; later ones recount background."""

FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|scheduled|due|set to|planned|plans|expected|upcoming|next|until"
    r"|ahead of|deadline|by)\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
"""Words just before a date that make it a future date ("talks are scheduled for March 3, 2025")."""

CUE_WINDOW = 60
"""Characters before a date inspected for a future cue."""


def choose_published(
    layout: Layout,
    text: str,
    *,
    given: dt.date | None = None,
    metadata: dt.date | None = None,
) -> tuple[dt.date | None, PublishedSource]:
    """The publication date and where it came from."""
    if given is not None:
        return given, "input"
    if metadata is not None:
        return metadata, "metadata"
    inferred = infer_from_text(layout, text)
    from_line = _from_date_lines(layout)
    if from_line is not None:
        return from_line, "dateline"
    from_prefix = _from_dateline_prefix(layout, inferred)
    if from_prefix is not None:
        return from_prefix, "dateline"
    if inferred is not None:
        return inferred, "inferred"
    return None, "none"


def _from_date_lines(layout: Layout) -> dt.date | None:
    published = [d.published for d in layout.date_lines if d.published is not None]
    if published:
        return published[0]
    updated = [d.updated for d in layout.date_lines if d.updated is not None]
    return min(updated) if updated else None


def _from_dateline_prefix(layout: Layout, inferred: dt.date | None) -> dt.date | None:
    prefix = layout.dateline
    if prefix is None or prefix.month_day is None:
        return None
    year = prefix.year or (inferred.year if inferred else None)
    if year is None:
        return None
    month, day = prefix.month_day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_from_text(layout: Layout, text: str) -> dt.date | None:
    """The latest past-tense full date in the headline, dek, captions and lead paragraphs."""
    info = layout.info
    spans: list[tuple[int, int]] = []
    if info.title_span:
        spans.append((info.title_span.start, info.title_span.end))
    if info.subtitle_span:
        spans.append((info.subtitle_span.start, info.subtitle_span.end))
    spans += [(c.start, c.end) for c in info.captions]
    spans += [(b.start, b.end) for b in info.body[:LEAD_PARAGRAPHS]]
    candidates: list[FoundDate] = []
    for start, end in spans:
        for found in find_full_dates(text[start:end], start):
            before = text[max(start, found.start - CUE_WINDOW) : found.start]
            if FUTURE_CUE.search(before) is None:
                candidates.append(found)
    if not candidates:
        return None
    ceiling = max((d.updated for d in layout.date_lines if d.updated), default=None)
    dates = [c.date for c in candidates if ceiling is None or c.date <= ceiling]
    return max(dates) if dates else None
