"""Listings of stored documents, quotes and entities, filtered like every other query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import select

from newsgraph.query.columns import DOCUMENT_SCHEMA, ENTITY_SCHEMA, QUOTE_SCHEMA, typed
from newsgraph.query.filters import (
    clean,
    country_code,
    entity_type,
    quote_kind,
    text_match,
)
from newsgraph.query.filters import limit as check_limit
from newsgraph.query.resolve import frame
from newsgraph.store import Store
from newsgraph.store import schema as s


def documents(
    store: Store,
    *,
    publisher: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Stored documents in store order (`columns.DOCUMENT_SCHEMA`); publisher takes `*`."""
    d = s.documents
    query = select(*(d.c[name] for name in DOCUMENT_SCHEMA)).order_by(d.c.id)
    publisher = clean(publisher, "publisher")
    if publisher:
        query = query.where(text_match(d.c.publisher, publisher))
    if since is not None:
        query = query.where(d.c.published >= since)
    if until is not None:
        query = query.where(d.c.published <= until)
    return _run(store, query, DOCUMENT_SCHEMA, limit)


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Stored quotes with their speakers (`columns.QUOTE_SCHEMA`); speaker takes `*`."""
    q = s.quotes
    query = select(*(q.c[name] for name in QUOTE_SCHEMA)).order_by(q.c.id)
    speaker = clean(speaker, "speaker")
    if speaker:
        query = query.where(text_match(q.c.speaker, speaker))
    kind = quote_kind(kind)
    if kind:
        query = query.where(q.c.kind == kind)
    return _run(store, query, QUOTE_SCHEMA, limit)


def entities(
    store: Store,
    *,
    name: str | None = None,
    type: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Stored entity mentions per document (`columns.ENTITY_SCHEMA`); name takes `*`."""
    e = s.entities
    query = select(*(e.c[n] for n in ENTITY_SCHEMA)).order_by(e.c.id)
    name = clean(name, "name")
    if name:
        query = query.where(text_match(e.c.name, name))
    etype = entity_type(type)
    if etype:
        query = query.where(e.c.type == etype)
    code = country_code(country, "country")
    if code:
        query = query.where(e.c.country == code)
    return _run(store, query, ENTITY_SCHEMA, limit)


def _run(store: Store, query: Any, schema: dict[str, Any], limit: int | None) -> pd.DataFrame:
    n = check_limit(limit)
    if n is not None:
        query = query.limit(n)
    with store.engine.connect() as conn:
        return typed(frame(conn, query), schema)
