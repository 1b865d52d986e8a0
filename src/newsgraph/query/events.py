"""Events over clusters: one row per real event, with how many stories reported it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select

from newsgraph.query.resolve import EventFilter, apply_filter, frame
from newsgraph.store import Store
from newsgraph.store import schema as s

EVENT_COLUMNS = (
    "id",
    "event_type",
    "mode",
    "modality",
    "cameo",
    "quad_class",
    "score",
    "actor",
    "actor_code",
    "actor_country",
    "recipient",
    "recipient_code",
    "recipient_country",
    "date_start",
    "date_end",
    "date_precision",
    "location",
    "location_country",
    "lat",
    "lon",
    "n_reports",
    "n_documents",
    "first_published",
    "last_published",
)


def events(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    event_type: str | None = None,
    country: str | None = None,
    quad_class: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modality: str | None = "asserted",
    limit: int | None = None,
) -> pd.DataFrame:
    """Event clusters matching the filters, newest first.

    `actor`/`recipient` take a code (TUR, SYRGOV: prefix match) or a name or alias (any global
    entity on that side); `country` matches either side or the place. `modality=None` includes
    future, negated and other unasserted events.
    """
    f = EventFilter(actor, recipient, event_type, country, quad_class, since, until, modality)
    c = s.event_clusters
    query = select(*(c.c[name] for name in EVENT_COLUMNS)).order_by(
        c.c.date_start.desc(), c.c.id.desc()
    )
    with store.engine.connect() as conn:
        query = apply_filter(conn, query, f)
        if limit is not None:
            query = query.limit(limit)
        result = frame(conn, query)
    return result.rename(columns={"id": "cluster_id"})


def cluster_reports(store: Store, cluster_id: int) -> pd.DataFrame:
    """The documents that reported one event cluster (copies flagged with `copy_of`)."""
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
        return frame(conn, query)
