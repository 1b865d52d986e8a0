"""Ingest: the one gate where messy input (scraped text, HTML, corpora, stdin) becomes an
`Analysis` with its text, source and document layout, or an error record that says what to do.

    read_inputs(paths)      one Analysis per document, in input order; never raises on bad input
    analysis_from_text(..)  the same for a string (Python API, tests)
    detect_layout(text)     the plain-text layout reader (title, dek, captions, byline, ...)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newsgraph.ingest.build import build_analysis
from newsgraph.ingest.datelines import DatelinePrefix
from newsgraph.ingest.layout import read_layout
from newsgraph.ingest.published import choose_published
from newsgraph.ingest.readers import RawDocument, iter_documents
from newsgraph.model import Analysis, DocumentInfo

DEFAULT_MAX_TEXT_BYTES = 5_000_000
"""Documents with more UTF-8 bytes of text than this get an error of kind too_large."""

__all__ = [
    "DatelinePrefix",
    "analysis_from_text",
    "dateline_of",
    "detect_layout",
    "read_inputs",
]


def read_inputs(
    paths: Sequence[str],
    *,
    published: dt.date | None = None,
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Analysis]:
    """One Analysis per document under `paths` (`-` is stdin), in order; bad ones carry `error`."""
    for raw in iter_documents(paths, max_text_bytes=max_text_bytes, stdin=stdin):
        yield build_analysis(raw, published=published, max_text_bytes=max_text_bytes)


def analysis_from_text(
    text: str,
    *,
    id: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Analysis:
    """An Analysis of a string, as if it were a corpus record with these fields."""
    raw = RawDocument(id=id, text=text, title=title, url=url, publisher=publisher)
    return build_analysis(raw, published=published, max_text_bytes=DEFAULT_MAX_TEXT_BYTES)


def detect_layout(text: str) -> DocumentInfo:
    """The layout of plain text, with the publication date found in the text itself."""
    layout = read_layout(text)
    layout.info.published, layout.info.published_source = choose_published(layout, text)
    return layout.info


def dateline_of(text: str) -> tuple[int, int, str] | None:
    """The place of a wire dateline ("ANKARA, Turkey (AP) —") as (start, end, place), if any.

    Offsets are into `text`; the places stage can use it as the story's location.
    """
    layout = read_layout(text)
    prefix, offset = layout.dateline, layout.dateline_offset
    if prefix is None or offset is None:
        return None
    return offset + prefix.place_start, offset + prefix.place_end, prefix.place
