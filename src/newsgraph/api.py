"""The one-document Python API: `analyze(text, published=...)` returns an Analysis or raises.

The batch path (`Pipeline.run_many`, the CLI) keeps a failing document as an error record so one
bad file never sinks a corpus; a caller analysing one text wants an exception instead, because an
Analysis with no events and an error hidden inside it looks like a successful, empty result.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from newsgraph.errors import ErrorKind, InputError, StageError
from newsgraph.ingest.feed_dates import parse_feed_date
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline, analyze_text, default_pipeline

if TYPE_CHECKING:
    import pandas as pd

DateLike = str | dt.date | dt.datetime | None
"""What `published` accepts: a date, a datetime, or a string such as "2025-03-12",
"2025-03-12T09:30:00Z", "Wed, 12 Mar 2025 09:30:00 GMT" or "12/03/2025" (day first)."""

INPUT_KINDS = frozenset(
    {"empty", "binary", "encoding", "too_large", "html", "json", "csv", "not_found", "unsupported"}
)


def to_date(value: DateLike, *, name: str = "published") -> dt.date | None:
    """`value` as a calendar date; InputError (kind "date") when it is not one."""
    if value is None:
        return None
    if isinstance(value, (str, dt.date)):
        parsed = parse_feed_date(value)
        if parsed is not None:
            return parsed
        raise InputError(
            "date",
            f"{name}={value!r} is not a date newsgraph can read; give a datetime.date or a "
            "string such as '2025-03-12', '2025-03-12T09:30:00Z' or 'Wed, 12 Mar 2025 09:30:00 GMT'",
        )
    raise InputError(
        "date",
        f"{name} must be a date, a datetime or a date string, not {type(value).__name__}",
    )


def analyze(
    text: str,
    *,
    published: DateLike = None,
    id: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyse one text and return its finished Analysis.

    Raises InputError when the text or the date cannot be used (empty, binary, too large, an
    unreadable date) and StageError when a stage fails on it; never returns an error record.
    """
    if not isinstance(text, str):
        raise InputError(
            "unsupported",
            f"analyze() takes the article text as a str, not {type(text).__name__}; decode bytes "
            "first or use `newsgraph extract FILE` for files",
        )
    analysis = analyze_text(
        text, published=to_date(published), id=id, title=title, pipeline=pipeline
    )
    error = analysis.error
    if error is None:
        return analysis
    if error.kind in INPUT_KINDS:
        raise InputError(cast("ErrorKind", error.kind), error.message)
    names = (pipeline or default_pipeline()).stage_names
    stage = next((s for s in names if s not in analysis.completed), error.kind)
    raise StageError(stage, analysis.id, error.message)


def load_events(
    db: str | None = None,
    *,
    per_report: bool = False,
    modality: str | None = "asserted",
    **filters: object,
) -> pd.DataFrame:
    """The analyst's usual frame in one call: every stored event cluster (one row per real
    event; `per_report=True` for one row per article's report), newest first.

    `db` is an SQLite path or URL, or postgresql://... (default: NEWSGRAPH_DB, else the default
    file). Columns and dtypes are fixed (`newsgraph.query.columns`): datetime64 dates,
    categorical codes, nullable Int64/Float64 numbers. `filters` are those of
    `newsgraph.query.events` (actor=, country=, since=, ...); `modality=None` keeps future,
    negated and other unasserted events.
    """
    from newsgraph.query.events import events, reports
    from newsgraph.query.filters import EventFilter
    from newsgraph.settings import load_settings
    from newsgraph.store import Store

    url = load_settings(db_url=db).db_url
    with Store(url) as store:
        if per_report:
            return reports(store, EventFilter(modality=modality, **filters))  # type: ignore[arg-type]
        return events(store, modality=modality, **filters)  # type: ignore[arg-type]
