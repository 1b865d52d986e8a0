"""HTML pages: main text and metadata with trafilatura, the publication date with htmldate.

Both run on the string we already hold; neither fetches anything.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_iso_date

HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
"""How stdin tells an HTML page from plain text."""

MIN_ARTICLE_WORDS = 8
"""Fewer extracted words than this means trafilatura found navigation, not an article."""

QUIET_LOGGERS = ("trafilatura", "htmldate", "charset_normalizer")
"""Libraries that log every page they cannot parse; their messages become our error record."""


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    url: str | None = None
    publisher: str | None = None


def looks_like_html(data: bytes) -> bool:
    return HTML_SNIFF.match(data[:2048]) is not None


def read_html(html: str, *, what: str = "the page") -> HtmlPage:
    """Extract the article; InputError("html") when the page holds no article text."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        import trafilatura
        from htmldate import find_date

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=True,
                as_dict=True,
            )
            date = find_date(html, extensive_search=False, original_date=True)
    except Exception as exc:  # the parsers raise many types on broken markup
        raise InputError(
            "html",
            f"{what} could not be parsed as HTML ({type(exc).__name__}); save the article "
            "text as .txt instead",
        ) from exc
    text = str(document.get("text") or "") if isinstance(document, dict) else ""
    if not isinstance(document, dict) or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            "html",
            f"{what} has no article text that could be extracted (maybe it needs "
            "JavaScript or is a list page); save the article text as .txt instead",
        )
    author = str(document.get("author") or "")
    return HtmlPage(
        text=text.strip(),
        title=_clean(document.get("title")),
        authors=[a.strip() for a in re.split(r";|\band\b", author) if a.strip()],
        published=parse_iso_date(date),
        url=_clean(document.get("url")),
        publisher=_clean(document.get("sitename")),
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
