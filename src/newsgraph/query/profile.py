"""Actor profile: who an actor is across all stored articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Integer, Select, bindparam, func, select

from newsgraph.errors import ConfigError
from newsgraph.query.columns import (
    PROFILE_EVENT_SCHEMA,
    PROFILE_QUOTE_SCHEMA,
    PROFILE_ROLE_SCHEMA,
    typed,
)
from newsgraph.query.filters import clean
from newsgraph.query.filters import limit as check_limit
from newsgraph.query.resolve import entity_ids
from newsgraph.store import Store
from newsgraph.store import schema as s

PROFILE_LIMIT = 100
"""Newest events and quotes listed in a profile; counts cover all of them."""


@dataclass(slots=True)
class ActorProfile:
    entity: dict[str, Any]
    aliases: list[str]
    roles: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    n_events: int
    n_quotes: int
    others: list[dict[str, Any]] = field(default_factory=list)
    """Other global entities the name also matched (less reported)."""


@dataclass(slots=True)
class ProfileRows:
    """An actor profile as plain rows (dicts of database values), before any DataFrame."""

    entity: dict[str, Any]
    aliases: list[str]
    roles: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    n_events: int
    n_quotes: int
    others: list[dict[str, Any]]


def actor_profile(
    store: Store, name: str, *, limit: int = PROFILE_LIMIT, entity_id: int | None = None
) -> ActorProfile:
    """Aliases, roles over time, newest events (clusters) and quotes of the actor a name or alias
    denotes; the most reported one when the name is ambiguous (see `others`). `entity_id` names
    one global entity instead (the explorer's links)."""
    found = profile_rows(store, name, limit=limit, entity_id=entity_id)
    return ActorProfile(
        found.entity,
        found.aliases,
        typed(pd.DataFrame(found.roles, columns=list(PROFILE_ROLE_SCHEMA)), PROFILE_ROLE_SCHEMA),
        typed(pd.DataFrame(found.events, columns=list(PROFILE_EVENT_SCHEMA)), PROFILE_EVENT_SCHEMA),
        typed(pd.DataFrame(found.quotes, columns=list(PROFILE_QUOTE_SCHEMA)), PROFILE_QUOTE_SCHEMA),
        found.n_events,
        found.n_quotes,
        found.others,
    )


def profile_rows(
    store: Store, name: str, *, limit: int = PROFILE_LIMIT, entity_id: int | None = None
) -> ProfileRows:
    """`actor_profile` as plain rows, for callers that need no DataFrame (the explorer page,
    where typing three frames cost more than its queries)."""
    g = s.global_entities
    name = clean(name, "name") or ""
    limit = check_limit(limit) or 0
    q = _statements()
    with store.engine.connect() as conn:
        ids = [entity_id] if entity_id is not None else entity_ids(conn, name)
        if not ids:
            raise ConfigError(
                f"no actor named {name!r} in the store; list names with "
                "`newsgraph entities --name '*part*'`"
            )
        entities = _rows(
            conn, select(g).where(g.c.id.in_(ids)).order_by(g.c.n_documents.desc(), g.c.id)
        )
        if not entities:
            raise ConfigError(f"no actor with id {entity_id} in the store")
        one = {"gid": int(entities[0]["id"])}
        aliases = sorted({row.label for row in conn.execute(q.aliases, one)})
        roles = _rows(conn, q.roles, one)
        n_events = int(conn.execute(q.n_events, one).scalar() or 0)
        events = _rows(conn, q.events, {**one, "limit": limit})
        n_quotes = int(conn.execute(q.n_quotes, one).scalar() or 0)
        quotes = _rows(conn, q.quotes, {**one, "limit": limit})
    return ProfileRows(
        entities[0], aliases, roles, events, quotes, n_events, n_quotes, entities[1:]
    )


@dataclass(frozen=True, slots=True)
class _Statements:
    """The statements of a profile, for one global entity (`gid`) and `limit` rows."""

    aliases: Select[Any]
    roles: Select[Any]
    n_events: Select[Any]
    events: Select[Any]
    n_quotes: Select[Any]
    quotes: Select[Any]


@lru_cache(maxsize=1)
def _statements() -> _Statements:
    """Built once: building them cost more than running most of them."""
    k, r, cp, c = s.entity_keys, s.roles, s.cluster_participants, s.event_clusters
    ql, q, d = s.quote_links, s.quotes, s.documents
    gid, limit = bindparam("gid", type_=Integer), bindparam("limit", type_=Integer)
    own = select(cp.c.cluster_id, cp.c.side, cp.c.date_start).where(cp.c.global_entity_id == gid)
    latest = own.order_by(cp.c.date_start.desc()).limit(limit).subquery()
    said = select(ql.c.quote_id).where(ql.c.global_entity_id == gid)
    return _Statements(
        aliases=select(k.c.label).where(k.c.global_entity_id == gid),
        roles=select(
            r.c.title,
            r.c.country,
            r.c.sector,
            r.c.start,
            r.c.end,
            r.c.source,
            func.min(r.c.seen).label("first_seen"),
            func.max(r.c.seen).label("last_seen"),
            func.count().label("n_mentions"),
        )
        .where(r.c.global_entity_id == gid)
        .group_by(r.c.title, r.c.country, r.c.sector, r.c.start, r.c.end, r.c.source)
        .order_by(func.min(r.c.seen), r.c.title),
        n_events=select(func.count()).select_from(own.subquery()),
        events=select(
            c.c.id.label("cluster_id"),
            latest.c.side,
            c.c.event_type,
            c.c.mode,
            c.c.modality,
            c.c.actor,
            c.c.recipient,
            c.c.date_start,
            c.c.location,
            c.c.quad_class,
            c.c.n_reports,
        )
        .join(latest, latest.c.cluster_id == c.c.id)
        .order_by(c.c.date_start.desc(), c.c.id),
        n_quotes=select(func.count()).select_from(said.subquery()),
        quotes=select(
            q.c.id.label("quote_id"),
            d.c.published,
            d.c.publisher,
            q.c.kind,
            q.c.cue,
            q.c.via,
            q.c.text,
        )
        .join(d, d.c.id == q.c.document_id)
        .where(q.c.id.in_(said))
        .order_by(d.c.published.desc(), q.c.id)
        .limit(limit),
    )


def _rows(
    conn: Connection, query: Select[Any], params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    result = conn.execute(query, params)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]
