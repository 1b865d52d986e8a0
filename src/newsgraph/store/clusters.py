"""Cross-article event resolution, the SQL part: find candidate clusters for an event, link it,
and keep each cluster's row, keys and participants in step with its members. What fits what, and
what a cluster says, is decided by `matching` (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Date, Select, bindparam, delete, select, update

from newsgraph.kb import normalize_name
from newsgraph.store import cluster_codes
from newsgraph.store import schema as s
from newsgraph.store.matching import (
    DATE_TOLERANCE_DAYS,
    Candidate,
    EventFacts,
    Member,
    PlaceFacts,
    SideTokens,
    best_candidate,
    best_of_original,
    cluster_keys,
    decode,
    summarise,
)


@dataclass
class _Opened:
    """Clusters a document opened, written at its end in one statement per table (their
    rows are in; their links, keys and participants wait)."""

    candidates: list[tuple[str, str, Candidate]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)

    def near(self, fact: EventFacts) -> list[Candidate]:
        """The opened clusters the candidate query would find for `fact`: same type and
        modality, dates within the tolerance, an identity token in common."""
        if fact.start is None or fact.end is None:
            return []
        tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
        tokens = {t for side in fact.sides.values() for t in side.every}
        return [
            c
            for event_type, modality, c in self.candidates
            if (event_type, modality) == (fact.event_type, fact.modality)
            and c.start <= fact.end + tolerance
            and c.end >= fact.start - tolerance
            and tokens & {t for side in c.sides.values() for t in side.every}
        ]

    def flush(self, conn: Connection) -> None:
        """Write what waits; from then on the candidate query finds these clusters."""
        self.candidates.clear()
        opened = {int(link["cluster_id"]) for link in self.links}
        for table, values in (
            (s.event_links, self.links),
            (s.cluster_keys, self.keys),
            (s.cluster_participants, self.participants),
        ):
            if values:
                conn.execute(table.insert(), values)
            values.clear()
        cluster_codes.rewrite(conn, opened)


def assign(
    conn: Connection,
    document_id: int,
    facts: Sequence[EventFacts],
    copy_of: int | None,
    members: Mapping[int, Member],
    participants: Mapping[int, list[dict[str, Any]]],
) -> None:
    """Link each event of a document to a matching cluster, or open a new one. A new cluster's
    row, keys and participants are made from the event itself (`members`, `participants`: the
    same values a refresh would read back), so opening one costs no reads."""
    opened = _Opened()
    for fact in facts:
        cluster_id = None
        if copy_of is not None:
            cluster_id = _cluster_of_original(conn, fact, copy_of)
        if cluster_id is None:
            found = _candidates(conn, fact) + opened.near(fact)
            cluster_id = best_candidate(fact, sorted(found, key=lambda c: c.cluster_id))
        if cluster_id is not None:
            opened.flush(conn)
            _link(conn, fact.event_id, cluster_id, document_id)
            refresh(conn, cluster_id)
            continue
        mine = participants.get(fact.event_id, [])
        row = summarise([members[fact.event_id]], mine)
        result = conn.execute(
            s.event_clusters.insert(),
            {"event_type": fact.event_type, "modality": fact.modality, **row},
        )
        assert result.inserted_primary_key is not None
        cluster_id = int(result.inserted_primary_key[0])
        keys, entity_sides = _key_rows(cluster_id, row, mine)
        opened.links.append(
            {"event_id": fact.event_id, "cluster_id": cluster_id, "document_id": document_id}
        )
        opened.keys += keys
        opened.participants += entity_sides
        if row["date_start"] is not None and row["date_end"] is not None:
            sides: dict[str, list[str]] = {}
            for key in keys:
                sides.setdefault(key["side"], []).append(key["token"])
            place = (
                PlaceFacts(
                    row["location"],
                    row["location_country"],
                    row["lat"],
                    row["lon"],
                    row["location_precision"] or "city",
                )
                if row["location"]
                else None
            )
            candidate = Candidate(
                cluster_id,
                row["date_start"],
                row["date_end"],
                place,
                {side: decode(tokens) for side, tokens in sides.items()},
            )
            opened.candidates.append((fact.event_type, fact.modality, candidate))
    opened.flush(conn)


def _link(conn: Connection, event_id: int, cluster_id: int, document_id: int) -> None:
    conn.execute(
        s.event_links.insert(),
        {"event_id": event_id, "cluster_id": cluster_id, "document_id": document_id},
    )


def _cluster_sides(conn: Connection, cluster_ids: list[int]) -> dict[int, dict[str, SideTokens]]:
    k = s.cluster_keys
    raw: dict[int, dict[str, list[str]]] = {c: {} for c in cluster_ids}
    for row in conn.execute(
        select(k.c.cluster_id, k.c.side, k.c.token).where(k.c.cluster_id.in_(cluster_ids))
    ):
        raw[int(row.cluster_id)].setdefault(row.side, []).append(row.token)
    return {c: {side: decode(tokens) for side, tokens in sides.items()} for c, sides in raw.items()}


def _cluster_of_original(conn: Connection, fact: EventFacts, original: int) -> int | None:
    """A copy's event joins the cluster its original's same event is in (dates aside)."""
    c, link = s.event_clusters, s.event_links
    ids = [
        int(r[0])
        for r in conn.execute(
            select(link.c.cluster_id)
            .distinct()
            .join(c, c.c.id == link.c.cluster_id)
            .where(link.c.document_id == original)
            .where(c.c.event_type == fact.event_type, c.c.modality == fact.modality)
            .order_by(link.c.cluster_id)
        )
    ]
    if not ids:
        return None
    return best_of_original(fact, _cluster_sides(conn, ids))


def _candidates_statement() -> Select[Any]:
    c, k = s.event_clusters, s.cluster_keys
    return (
        select(
            c.c.id,
            c.c.date_start,
            c.c.date_end,
            c.c.location,
            c.c.location_country,
            c.c.lat,
            c.c.lon,
            c.c.location_precision,
        )
        .where(c.c.event_type == bindparam("event_type"), c.c.modality == bindparam("modality"))
        .where(
            c.c.date_start <= bindparam("latest_start", type_=Date),
            c.c.date_end >= bindparam("earliest_end", type_=Date),
        )
        .where(
            c.c.id.in_(
                select(k.c.cluster_id).where(k.c.token.in_(bindparam("tokens", expanding=True)))
            )
        )
        .order_by(c.c.id)
    )


_CANDIDATES = _candidates_statement()
"""Built once: the query runs for every event stored."""


def _candidates(conn: Connection, fact: EventFacts) -> list[Candidate]:
    """Clusters of the event's type and modality, near its dates, sharing an identity token."""
    if fact.start is None or fact.end is None:
        return []  # an undated report cannot be shown to describe the same event
    tokens = sorted({t for side in fact.sides.values() for t in side.every})
    if not tokens:
        return []
    tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    rows = conn.execute(
        _CANDIDATES,
        {
            "event_type": fact.event_type,
            "modality": fact.modality,
            "latest_start": fact.end + tolerance,
            "earliest_end": fact.start - tolerance,
            "tokens": [f"{p}:{t}" for t in tokens for p in ("s", "w")],
        },
    ).all()
    if not rows:
        return []
    sides = _cluster_sides(conn, [int(r.id) for r in rows])
    return [
        Candidate(
            int(row.id),
            row.date_start,
            row.date_end,
            PlaceFacts(
                row.location,
                row.location_country,
                row.lat,
                row.lon,
                row.location_precision or "city",
            )
            if row.location
            else None,
            sides[int(row.id)],
        )
        for row in rows
    ]


# --- keeping a cluster's summary in step with its members ----------------------------------------


def refresh(conn: Connection, cluster_id: int) -> None:
    """Recompute a cluster's representative fields, counts, keys and participants from its
    member events; delete the cluster when no event is left in it."""
    e, link, d, f = s.events, s.event_links, s.documents, s.document_fingerprints
    members = conn.execute(
        select(
            e.c.id,
            e.c.mode,
            e.c.cameo,
            e.c.quad_class,
            e.c.score,
            e.c.confidence,
            e.c.actor,
            e.c.actor_code,
            e.c.actor_country,
            e.c.recipient,
            e.c.recipient_code,
            e.c.recipient_country,
            e.c.date_start,
            e.c.date_end,
            e.c.date_precision,
            e.c.location,
            e.c.location_country,
            e.c.lat,
            e.c.lon,
            link.c.document_id,
            d.c.published,
            f.c.copy_of,
        )
        .join(link, link.c.event_id == e.c.id)
        .join(d, d.c.id == link.c.document_id)
        .outerjoin(f, f.c.document_id == link.c.document_id)
        .where(link.c.cluster_id == cluster_id)
        .order_by(e.c.id)
    ).all()
    conn.execute(delete(s.cluster_keys).where(s.cluster_keys.c.cluster_id == cluster_id))
    conn.execute(
        delete(s.cluster_participants).where(s.cluster_participants.c.cluster_id == cluster_id)
    )
    cluster_codes.rewrite(conn, [cluster_id])
    if not members:
        conn.execute(delete(s.event_clusters).where(s.event_clusters.c.id == cluster_id))
        return
    participants = _participants(conn, [int(m.id) for m in members])
    row = summarise(members, participants)
    conn.execute(update(s.event_clusters).where(s.event_clusters.c.id == cluster_id).values(**row))
    _write_keys(conn, cluster_id, row, participants)


def _write_keys(
    conn: Connection, cluster_id: int, row: dict[str, Any], participants: list[dict[str, Any]]
) -> None:
    """A cluster's identity keys and its participating global entities."""
    keys, entity_sides = _key_rows(cluster_id, row, participants)
    if keys:
        conn.execute(s.cluster_keys.insert(), keys)
    if entity_sides:
        conn.execute(s.cluster_participants.insert(), entity_sides)


def _key_rows(
    cluster_id: int, row: dict[str, Any], participants: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    keys = [
        {"token": t, "side": side, "cluster_id": cluster_id}
        for t, side in sorted(cluster_keys(participants))
    ]
    entity_sides = [
        {
            "cluster_id": cluster_id,
            "global_entity_id": g,
            "side": side,
            "date_start": row["date_start"],
        }
        for g, side in sorted(
            {
                (p["global_entity_id"], p["side"])
                for p in participants
                if p["global_entity_id"] is not None
            }
        )
    ]
    return keys, entity_sides


def _participants(conn: Connection, event_ids: list[int]) -> list[dict[str, Any]]:
    p, en, g = s.event_participants, s.entities, s.global_entities
    rows = conn.execute(
        select(
            p.c.event_id,
            p.c.side,
            p.c.global_entity_id,
            p.c.code,
            p.c.country,
            p.c.text,
            en.c.type,
            en.c.name.label("entity_name"),
            g.c.name,
        )
        .outerjoin(
            en, (en.c.document_id == p.c.document_id) & (en.c.local_id == p.c.entity_local_id)
        )
        .outerjoin(g, g.c.id == p.c.global_entity_id)
        .where(p.c.event_id.in_(event_ids))
        .order_by(p.c.id)
    ).all()
    return [
        {
            "event_id": r.event_id,
            "side": r.side,
            "global_entity_id": r.global_entity_id,
            "code": r.code,
            "country": r.country,
            "type": r.type,
            "name_key": normalize_name(r.entity_name).strip() if r.entity_name else None,
            "name": r.name,
            "text": r.text,
        }
        for r in rows
    ]
