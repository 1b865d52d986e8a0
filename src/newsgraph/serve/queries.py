"""Reads the explorer needs beyond `newsgraph.query`: one document, a page of clusters with a
total, one cluster's evidence, an actor's partners, the network and the map.

They build on the query layer's filter (`EventFilter`, `apply_filter`) and the store's tables,
through the same SQLAlchemy Core code on SQLite and PostgreSQL, with bound parameters only.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import Connection, Integer, Select, and_, bindparam, func, or_, select

from newsgraph.query.events import EVENT_COLUMNS
from newsgraph.query.filters import conditions
from newsgraph.query.resolve import EventFilter, apply_filter
from newsgraph.store import Store
from newsgraph.store import schema as s

COUNT_CAP = 10_000
"""Matches are counted up to this many (then shown as "10,000+"): counting every row of a
large store costs a full scan per page view, and the pages stop there anyway."""

SortKey = Literal["date", "reports", "documents", "score", "type", "confidence"]
JSON = dict[str, Any]


def jsonable(value: Any) -> Any:
    """A database value as JSON: dates as ISO strings, NaN as null."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def capped_count(conn: Connection, ids: Select[Any]) -> int:
    """How many rows a query matches, counting at most COUNT_CAP + 1."""
    limited = ids.limit(COUNT_CAP + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(limited)).scalar() or 0)


READY = frozenset({str, int, bool, type(None)})
"""Types `jsonable` returns unchanged (tested by exact type: most cells are these)."""


def rows(conn: Connection, query: Select[Any], params: dict[str, Any] | None = None) -> list[JSON]:
    result = conn.execute(query, params)
    keys = list(result.keys())
    return [
        {k: v if type(v) in READY else jsonable(v) for k, v in zip(keys, row, strict=True)}
        for row in result.all()
    ]


# --- documents ----------------------------------------------------------------------------


def document(store: Store, document_id: int) -> JSON | None:
    """One stored document: its metadata and its full analysis record."""
    d = s.documents
    with store.engine.connect() as conn:
        row = conn.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        return None
    found = {k: jsonable(v) for k, v in row._mapping.items() if k != "record"}
    found["record"] = json.loads(row.record)
    return found


def document_links(store: Store, document_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """For one document: event ID (V1) -> cluster, and entity ID (E1) -> global entity."""
    e, link = s.events, s.event_links
    ent, elink = s.entities, s.entity_links
    with store.engine.connect() as conn:
        clusters = conn.execute(
            select(e.c.local_id, link.c.cluster_id)
            .join(link, link.c.event_id == e.c.id)
            .where(e.c.document_id == document_id)
        ).all()
        entities = conn.execute(
            select(ent.c.local_id, elink.c.global_entity_id)
            .join(elink, elink.c.entity_id == ent.c.id)
            .where(ent.c.document_id == document_id)
        ).all()
    return (
        {str(r[0]): int(r[1]) for r in clusters},
        {str(r[0]): int(r[1]) for r in entities},
    )


def document_ids(store: Store, keys: list[str]) -> dict[str, int]:
    """Document keys (paths, URLs) -> the document IDs the explorer's links use."""
    if not keys:
        return {}
    d = s.documents
    with store.engine.connect() as conn:
        found = conn.execute(select(d.c.doc_key, d.c.id).where(d.c.doc_key.in_(set(keys))))
        return {str(k): int(i) for k, i in found.all()}


def quote_documents(store: Store, quote_ids: list[int]) -> dict[int, int]:
    """Quote row IDs -> the documents they were said in."""
    if not quote_ids:
        return {}
    q = s.quotes
    with store.engine.connect() as conn:
        found = conn.execute(select(q.c.id, q.c.document_id).where(q.c.id.in_(quote_ids)))
        return {int(k): int(i) for k, i in found.all()}


def documents(store: Store, *, limit: int, offset: int = 0) -> tuple[list[JSON], int]:
    d = s.documents
    query = select(
        d.c.id, d.c.doc_key, d.c.title, d.c.publisher, d.c.published, d.c.n_events, d.c.n_quotes
    )
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(d)).scalar() or 0)
        found = rows(
            conn,
            query.order_by(d.c.published.desc(), d.c.id.desc()).limit(limit).offset(offset),
        )
    return found, total


def top_actors(store: Store, *, limit: int) -> list[JSON]:
    g = s.global_entities
    query = (
        select(g.c.id, g.c.name, g.c.type, g.c.code, g.c.n_documents)
        .order_by(g.c.n_documents.desc(), g.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return rows(conn, query)


# --- event clusters -----------------------------------------------------------------------


def _confidence(minimum: float) -> Any:
    """Clusters with at least one report of at least this confidence."""
    e, link = s.events, s.event_links
    return s.event_clusters.c.id.in_(
        select(link.c.cluster_id)
        .join(e, e.c.id == link.c.event_id)
        .where(e.c.confidence >= minimum)
    )


def cluster_page(
    store: Store,
    f: EventFilter,
    *,
    min_confidence: float | None = None,
    sort: SortKey = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[JSON], int]:
    """One page of event clusters matching the filter, and how many match (up to COUNT_CAP + 1)."""
    c = s.event_clusters
    key: Any = {
        "date": c.c.date_start,
        "reports": c.c.n_reports,
        "documents": c.c.n_documents,
        "score": c.c.score,
        "type": c.c.event_type,
        "confidence": None,
    }[sort]
    with store.engine.connect() as conn:
        where = conditions(conn, f, c, clusters=True)  # built once for both statements
        base = select(c.c.id).where(where)
        query = select(*(c.c[name] for name in EVENT_COLUMNS)).where(where)
        if min_confidence is not None:
            base = base.where(_confidence(min_confidence))
            query = query.where(_confidence(min_confidence))
        if key is None:
            e, link = s.events, s.event_links
            best = (
                select(func.max(e.c.confidence))
                .join(link, link.c.event_id == e.c.id)
                .where(link.c.cluster_id == c.c.id)
                .scalar_subquery()
            )
            key = best
        order = key.desc() if descending else key.asc()
        tie = c.c.id.desc() if descending else c.c.id.asc()
        query = query.order_by(order.nulls_last(), tie).limit(limit).offset(offset)
        total = capped_count(conn, base)
        found = rows(conn, query)
    for row in found:
        row["cluster_id"] = row.pop("id")
    return found, total


def cluster(store: Store, cluster_id: int) -> JSON | None:
    c = s.event_clusters
    with store.engine.connect() as conn:
        found = rows(conn, select(c).where(c.c.id == cluster_id))
    return found[0] if found else None


def cluster_evidence(store: Store, cluster_id: int) -> list[JSON]:
    """Every report of a cluster with its evidence sentence and trigger, oldest story first."""
    link, e, ev, d = s.event_links, s.events, s.evidence, s.documents
    query = (
        select(
            d.c.id.label("document_id"),
            e.c.local_id.label("event"),
            e.c.confidence,
            ev.c.start,
            ev.c.end,
            ev.c.text,
            ev.c.section,
            ev.c.trigger_start,
            ev.c.trigger_end,
            ev.c.trigger_text,
        )
        .join(e, e.c.id == link.c.event_id)
        .join(ev, ev.c.event_id == e.c.id)
        .join(d, d.c.id == link.c.document_id)
        .where(link.c.cluster_id == cluster_id)
        .order_by(d.c.published, d.c.id, ev.c.start)
    )
    with store.engine.connect() as conn:
        return rows(conn, query)


# --- actors -------------------------------------------------------------------------------


def entity(store: Store, entity_id: int) -> JSON | None:
    g = s.global_entities
    with store.engine.connect() as conn:
        found = rows(conn, select(g).where(g.c.id == entity_id))
    return found[0] if found else None


PARTNER_WINDOW = 1000
"""Partners are counted over an actor's newest this-many event clusters (bounded work)."""


def partners(store: Store, entity_id: int, *, limit: int) -> list[JSON]:
    """The actors that share event clusters with one actor (among its newest PARTNER_WINDOW),
    most shared first."""
    with store.engine.connect() as conn:
        return rows(conn, _partners(), {"gid": entity_id, "limit": limit})


@lru_cache(maxsize=1)
def _partners() -> Select[Any]:
    """The partners statement (for `gid` and `limit`), built once."""
    cp, other, g = s.cluster_participants, s.cluster_participants.alias("other"), s.global_entities
    gid, limit = bindparam("gid", type_=Integer), bindparam("limit", type_=Integer)
    newest = (
        select(cp.c.cluster_id)
        .where(cp.c.global_entity_id == gid)
        .order_by(cp.c.date_start.desc())
        .limit(PARTNER_WINDOW)
        .subquery()
    )
    shared = func.count(func.distinct(other.c.cluster_id)).label("n_events")
    counted = (  # grouped by the integer id alone; names joined to the top few only
        select(other.c.global_entity_id.label("id"), shared)
        .select_from(newest)
        .join(other, other.c.cluster_id == newest.c.cluster_id)
        .where(other.c.global_entity_id != gid)
        .group_by(other.c.global_entity_id)
        .order_by(shared.desc(), other.c.global_entity_id)
        .limit(limit)
        .subquery()
    )
    return (
        select(g.c.id, g.c.name, g.c.type, g.c.code, counted.c.n_events)
        .join(counted, counted.c.id == g.c.id)
        .order_by(counted.c.n_events.desc(), g.c.id)
    )


# --- network and map ----------------------------------------------------------------------


def network(store: Store, f: EventFilter, *, limit: int) -> tuple[list[JSON], list[JSON]]:
    """Actors (global entities) as nodes, event clusters between them as weighted edges; the
    `limit` heaviest edges."""
    c, g = s.event_clusters, s.global_entities
    a, b = c.c.actor_entity_id, c.c.recipient_entity_id
    query = (
        select(
            a.label("source"),
            b.label("target"),
            func.count().label("n_events"),
            func.avg(c.c.score).label("mean_score"),
        )
        .where(a.is_not(None), b.is_not(None), a != b)
        .group_by(a, b)
        .order_by(func.count().desc(), a, b)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        edges = rows(conn, apply_filter(conn, query, f))
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = (
            rows(conn, select(g.c.id, g.c.name, g.c.type, g.c.code).where(g.c.id.in_(ids)))
            if ids
            else []
        )
    for e in edges:
        if e["mean_score"] is not None:
            e["mean_score"] = round(float(e["mean_score"]), 2)
    return nodes, edges


def located(store: Store, f: EventFilter, *, limit: int) -> tuple[list[JSON], int]:
    """Event clusters with coordinates (newest first), and how many match (up to COUNT_CAP + 1)."""
    c = s.event_clusters
    columns = [
        c.c.id.label("cluster_id"),
        c.c.event_type,
        c.c.quad_class,
        c.c.actor,
        c.c.recipient,
        c.c.date_start,
        c.c.location,
        c.c.location_country,
        c.c.lat,
        c.c.lon,
        c.c.n_reports,
    ]
    where = and_(c.c.lat.is_not(None), c.c.lon.is_not(None))
    with store.engine.connect() as conn:
        base = apply_filter(conn, select(c.c.id).where(where), f)
        total = capped_count(conn, base)
        query = apply_filter(conn, select(*columns).where(where), f)
        found = rows(conn, query.order_by(c.c.date_start.desc(), c.c.id.desc()).limit(limit))
    return found, total


def either_side(code: str) -> Any:
    """Clusters where a country or actor code is on either side (for the network filter)."""
    c = s.event_clusters
    return or_(
        c.c.actor_country == code,
        c.c.recipient_country == code,
        c.c.actor_code.like(f"{code}%"),
        c.c.recipient_code.like(f"{code}%"),
    )
