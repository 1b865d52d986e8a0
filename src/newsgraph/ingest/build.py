"""Turn one `RawDocument` into an `Analysis` with text, source and document layout filled."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata

from newsgraph.errors import InputError
from newsgraph.ingest.dates import PUBLISHED_YEARS, plausible_published
from newsgraph.ingest.html import HtmlPage, read_html
from newsgraph.ingest.layout import norm_key, read_layout
from newsgraph.ingest.lines import split_lines
from newsgraph.ingest.published import choose_published
from newsgraph.ingest.readers import RawDocument
from newsgraph.model import Analysis, Diagnostic, DocumentError, Source

TITLE_SEPARATOR = "\n\n"
"""Between a headline taken from metadata and the article text it is put in front of."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_analysis(
    raw: RawDocument, *, published: dt.date | None = None, max_text_bytes: int = 5_000_000
) -> Analysis:
    """The Analysis of one document, or one that carries the error that stops it."""
    if raw.error is not None:
        return _error(raw, raw.error)
    try:
        return _build(raw, published, max_text_bytes)
    except InputError as exc:
        return _error(raw, DocumentError(exc.kind, exc.message))


def _error(raw: RawDocument, error: DocumentError) -> Analysis:
    identifier = raw.id or raw.fallback_id or raw.path or "<stdin>"
    return Analysis(id=identifier, text="", source=Source(path=raw.path), error=error)


def _build(raw: RawDocument, given: dt.date | None, max_text_bytes: int) -> Analysis:
    page: HtmlPage | None = None
    title = raw.title
    if raw.html is not None:
        page = read_html(raw.html, what=raw.fallback_id or raw.path or "the page")
        text = page.text
        title = title or page.title
    else:
        text = raw.text or ""
    text = unicodedata.normalize("NFC", text)
    if title:
        title = unicodedata.normalize("NFC", " ".join(title.split()))
        text = _with_title(text, title)
    if not text.strip():
        raise InputError("empty", f"{raw.fallback_id or 'the input'} has no text to analyse")
    size = len(text.encode("utf-8"))
    if size > max_text_bytes:
        raise InputError(
            "too_large",
            f"{raw.fallback_id or 'the input'} has {size:,} bytes of text, over "
            f"the {max_text_bytes:,}-byte limit; split it or raise NEWSGRAPH_MAX_TEXT_BYTES",
        )
    reference = raw.published or given
    if reference is not None and plausible_published(reference) is None:
        raw.warnings.append(
            f"the publication date {reference.isoformat()} is outside the years "
            f"{PUBLISHED_YEARS.start}-{PUBLISHED_YEARS.stop - 1}; ignored"
        )
        reference = None
    layout = read_layout(text, known_title=title)
    info = layout.info
    if page is not None and not info.authors:
        info.authors = list(page.authors)
    info.published, info.published_source = choose_published(
        layout,
        text,
        given=reference,
        metadata=page.published if page else None,
    )
    digest = sha256_text(text)
    analysis = Analysis(
        id=raw.id or raw.fallback_id or digest,
        text=text,
        source=Source(
            path=raw.path,
            url=raw.url or (page.url if page else None),
            publisher=raw.publisher or (page.publisher if page else None),
            sha256=digest,
        ),
        document=info,
    )
    analysis.diagnostics.extend(Diagnostic("ingest", "input", w) for w in raw.warnings)
    return analysis


def _with_title(text: str, title: str) -> str:
    """Put a headline known from metadata in front of the text unless the text starts with it."""
    lines = split_lines(text)
    if lines and norm_key(lines[0].text) == norm_key(title):
        return text
    return title + TITLE_SEPARATOR + text
