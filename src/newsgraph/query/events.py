"""Events over clusters (one row per real event, with how many stories reported it) and the
per-article event reports, both through the one filter of `newsgraph.query.filters`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import Select, select

from newsgraph.query.columns import (
    CLUSTER_REPORTS_SCHEMA,
    CLUSTER_SCHEMA,
    REPORT_SCHEMA,
    typed,
)
from newsgraph.query.filters import (
    EventFilter,
    apply_filter,
    confidence_column,
    row_id,
    undated_count,
)
from newsgraph.query.filters import (
    limit as check_limit,
)
from newsgraph.query.resolve import frame
from newsgraph.store import Store
from newsgraph.store import schema as s

EVENT_COLUMNS: tuple[str, ...] = (
    *(name for name in CLUSTER_SCHEMA if name not in ("cluster_id", "confidence")),
    "id",
)
"""Stored event_clusters columns the cluster queries read."""

UNDATED = "undated_left_out"
"""`DataFrame.attrs` key: events that matched but for having no date (left out by --since/--until)."""


def events(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    involving: str | None = None,
    event_type: str | None = None,
    mode: str | None = None,
    country: str | None = None,
    place: str | None = None,
    quad_class: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modality: str | None = "asserted",
    min_confidence: float | None = None,
    limit: int | None = None,
    where: EventFilter | None = None,
) -> pd.DataFrame:
    """Event clusters matching the filters, newest first (schema: `columns.CLUSTER_SCHEMA`).

    `actor`/`recipient`/`involving` take a code (TUR, 'SYR*') or a name, alias or part of one;
    `country` is a participant's country (either side), `place` where it happened.
    `modality=None` includes future, negated and other unasserted events. Pass `where` to give
    a whole `EventFilter` instead of keywords.
    """
    f = (
        where
        or EventFilter(
            actor=actor,
            recipient=recipient,
            involving=involving,
            country=country,
            place=place,
            event_type=event_type,
            mode=mode,
            quad_class=quad_class,
            since=since,
            until=until,
            modality=modality,
            min_confidence=min_confidence,
        )
    ).checked()
    c = s.event_clusters
    query: Select[Any] = select(
        *(c.c[name] for name in EVENT_COLUMNS), confidence_column(c).label("confidence")
    ).order_by(c.c.date_start.desc(), c.c.id.desc())
    with store.engine.connect() as conn:
        query = apply_filter(conn, query, f)
        n = check_limit(limit)
        if n is not None:
            query = query.limit(n)
        result = frame(conn, query).rename(columns={"id": "cluster_id"})
        undated = undated_count(conn, f) if f.dated else 0
    out = typed(result, CLUSTER_SCHEMA)
    out.attrs[UNDATED] = undated
    return out


def reports(
    store: Store, where: EventFilter | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Per-article event reports matching the filter, in store order (`columns.REPORT_SCHEMA`)."""
    f = (where or EventFilter()).checked()
    e = s.events
    query = select(*(e.c[name] for name in REPORT_SCHEMA)).order_by(e.c.id)
    with store.engine.connect() as conn:
        query = apply_filter(conn, query, f, clusters=False)
        n = check_limit(limit)
        if n is not None:
            query = query.limit(n)
        result = frame(conn, query)
        undated = undated_count(conn, f, clusters=False) if f.dated else 0
    out = typed(result, REPORT_SCHEMA)
    out.attrs[UNDATED] = undated
    return out


def cluster_reports(store: Store, cluster_id: int) -> pd.DataFrame:
    """The documents that reported one event cluster (copies flagged with `copy_of`)."""
    row_id(cluster_id, "cluster")
    link, d, f = s.event_links, s.documents, s.document_fingerprints
    query = (
        select(
            link.c.event_id,
            d.c.id.label("document_id"),
            d.c.doc_key,
            d.c.publisher,
            d.c.url,
            d.c.title,
            d.c.published,
            f.c.copy_of,
        )
        .join(d, d.c.id == link.c.document_id)
        .outerjoin(f, f.c.document_id == d.c.id)
        .where(link.c.cluster_id == cluster_id)
        .order_by(d.c.published, d.c.id)
    )
    with store.engine.connect() as conn:
        return typed(frame(conn, query), CLUSTER_REPORTS_SCHEMA)
