"""Find stored things by what analysts type: an actor name, an alias, or a code."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select

from newsgraph.errors import ConfigError
from newsgraph.store import Store
from newsgraph.store import schema as s
from newsgraph.store.entities import DEFAULT_GROUP, TYPE_GROUPS, normalize

CODE_PATTERN = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")
"""How codes are written: a country (TUR) or country plus sectors (TURGOV, SYRMIL)."""

GROUPS = (*sorted(set(TYPE_GROUPS.values())), DEFAULT_GROUP, "country")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters over event clusters; None means any."""

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    country: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = "asserted"


def is_code(value: str) -> bool:
    return bool(CODE_PATTERN.match(value))


def entity_ids(conn: Connection, name: str) -> list[int]:
    """Global entities a name or alias denotes, most reported first; a bare surname matches
    people whose name ends with it."""
    key = normalize(name)
    if not key:
        return []
    keys = [f"{group}:{key}" for group in GROUPS] + [f"country:{name.upper()}"]
    k, g = s.entity_keys, s.global_entities
    ids = select(k.c.global_entity_id).where(k.c.key.in_(keys))
    rows = conn.execute(
        select(g.c.id).where(g.c.id.in_(ids)).order_by(g.c.n_documents.desc(), g.c.id)
    ).all()
    if not rows and " " not in key:
        rows = conn.execute(
            select(g.c.id)
            .where(g.c.type == "PERSON", g.c.norm_key.like(f"% {key}"))
            .order_by(g.c.n_documents.desc(), g.c.id)
        ).all()
    return [int(r[0]) for r in rows]


def _side(conn: Connection, value: str, side: str) -> ColumnElement[bool]:
    c = s.event_clusters
    code_col, country_col = c.c[f"{side}_code"], c.c[f"{side}_country"]
    if is_code(value):
        return or_(code_col.like(f"{value}%"), country_col == value)
    ids = entity_ids(conn, value)
    if not ids:
        raise ConfigError(
            f"no actor named {value!r} in the store; give a code (e.g. TURGOV) or look the name "
            "up with `newsgraph entities --name '*part*'`"
        )
    cp = s.cluster_participants
    return c.c.id.in_(
        select(cp.c.cluster_id).where(cp.c.global_entity_id.in_(ids), cp.c.side == side)
    )


def apply_filter(conn: Connection, query: Select[Any], f: EventFilter) -> Select[Any]:
    c = s.event_clusters
    conditions: list[ColumnElement[bool]] = []
    if f.actor:
        conditions.append(_side(conn, f.actor, "actor"))
    if f.recipient:
        conditions.append(_side(conn, f.recipient, "recipient"))
    if f.event_type:
        conditions.append(c.c.event_type == f.event_type.upper())
    if f.country:
        code = f.country.upper()
        conditions.append(
            or_(
                c.c.actor_country == code,
                c.c.recipient_country == code,
                c.c.location_country == code,
            )
        )
    if f.quad_class is not None:
        conditions.append(c.c.quad_class == f.quad_class)
    if f.since is not None:
        conditions.append(c.c.date_end >= f.since)
    if f.until is not None:
        conditions.append(c.c.date_start <= f.until)
    if f.modality:
        conditions.append(c.c.modality == f.modality)
    return query.where(and_(*conditions)) if conditions else query


def frame(conn: Connection, query: Select[Any]) -> pd.DataFrame:
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def count(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0)


def connect(store: Store) -> Connection:
    return store.engine.connect()
