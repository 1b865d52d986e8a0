"""Cross-article event resolution: reports of one real event form one event cluster.

GDELT-style counts inflate: five articles about one visit become five visits. Here an event
joins an existing cluster when it has the same PLOVER type and modality, compatible participants
(the same global entity, name or code on a side; no contradiction on either side), dates that
overlap or nearly touch, and a compatible place. Report counts count distinct *stories*: a
syndicated copy shares its original's story, so it never adds a report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, update

from newsgraph.geo import haversine_km
from newsgraph.kb.codes import country_of_code, is_country_code
from newsgraph.store import schema as s

DATE_TOLERANCE_DAYS = 1
"""Reports resolve "yesterday" or "on Tuesday" against their own publication date and time zone,
so the same meeting can land a day apart; a day's slack joins them, while the same leader's visits
a week apart stay apart."""

PLACE_TOLERANCE_KM = 50.0
"""Two city-level places this close are one venue area (an airport and the capital it serves)."""

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
"""Types where reports may swap actor and recipient ("A met B" / "B met A")."""

STRONG_MATCH = 2
"""Score of a side that shares an identity (global entity, person surname, organisation code)."""

WEAK_MATCH = 1
"""Score of a side that shares only a country or a person's country-sector code."""

MIN_MATCH = 2
"""An event joins a cluster only with one strong side or two weak ones, and no contradiction."""

SIDES = ("actor", "recipient")
UNDATED_WIDTH = 10**6
PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class SideTokens:
    """Identity tokens of one side (actors or recipients) of an event or a cluster."""

    strong: frozenset[str]
    every: frozenset[str]


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What clustering compares about one stored event."""

    event_id: int
    event_type: str
    modality: str
    start: dt.date | None
    end: dt.date | None
    place: PlaceFacts | None
    sides: dict[str, SideTokens]


def participant_tokens(
    entity_type: str | None,
    name_key: str | None,
    global_id: int | None,
    code: str | None,
    country: str | None,
) -> tuple[set[str], set[str]]:
    """(strong, weak) identity tokens of one participant."""
    strong: set[str] = set()
    weak: set[str] = set()
    if global_id is not None:
        strong.add(f"g:{global_id}")
    if entity_type == "PERSON":
        if name_key:
            strong.add(f"p:{name_key.split()[-1]}")
        if code:
            weak.add(f"c:{code}")
    elif entity_type is not None:
        if name_key:
            strong.add(f"n:{name_key}")
        if code:
            strong.add(f"c:{code}")
    elif code:
        weak.add(f"c:{code}")
    if country:
        weak.add(f"k:{country}")
    return strong, weak


def encode(strong: Iterable[str], weak: Iterable[str]) -> set[str]:
    """Tokens as stored in cluster_keys: "s:" strong, "w:" weak."""
    return {f"s:{t}" for t in strong} | {f"w:{t}" for t in weak}


def decode(tokens: Iterable[str]) -> SideTokens:
    tokens = list(tokens)
    return SideTokens(
        frozenset(t[2:] for t in tokens if t.startswith("s:")), frozenset(t[2:] for t in tokens)
    )


def side_score(a: SideTokens, b: SideTokens) -> int | None:
    """STRONG_MATCH, WEAK_MATCH, 0 when a side is unknown, None on contradiction."""
    if not a.every or not b.every:
        return 0
    if a.strong & b.strong:
        return STRONG_MATCH
    if a.every & b.every:
        return WEAK_MATCH
    return None


def match_score(
    event_type: str, ev: dict[str, SideTokens], cl: dict[str, SideTokens]
) -> int | None:
    """How well an event's participants fit a cluster's (None: they do not)."""
    empty = SideTokens(frozenset(), frozenset())
    orientations = [("actor", "recipient")]
    if event_type in SYMMETRIC_TYPES:
        orientations.append(("recipient", "actor"))
    best: int | None = None
    for a_side, r_side in orientations:
        sa = side_score(ev.get("actor", empty), cl.get(a_side, empty))
        sr = side_score(ev.get("recipient", empty), cl.get(r_side, empty))
        if sa is None or sr is None or sa + sr < MIN_MATCH:
            continue
        best = max(best or 0, sa + sr)
    return best


def date_gap(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> int:
    """Days between two date ranges (0 when they overlap)."""
    return max((a_start - b_end).days, (b_start - a_end).days, 0)


def places_compatible(a: PlaceFacts | None, b: PlaceFacts | None) -> bool:
    """Unknown places fit anything; a country fits its own cities; cities must be near."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.name.casefold() == b.name.casefold():
        return True
    if "country" in (a.precision, b.precision):
        return bool(a.country and a.country == b.country)
    if None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_TOLERANCE_KM
    return False


# --- assigning events to clusters ----------------------------------------------------------------


def assign(
    conn: Connection, document_id: int, facts: Sequence[EventFacts], copy_of: int | None
) -> None:
    """Link each event of a document to a matching cluster, or open a new one."""
    for fact in facts:
        cluster_id = None
        if copy_of is not None:
            cluster_id = _cluster_of_original(conn, fact, copy_of)
        if cluster_id is None:
            cluster_id = _best_candidate(conn, fact)
        if cluster_id is None:
            result = conn.execute(
                s.event_clusters.insert().values(event_type=fact.event_type, modality=fact.modality)
            )
            key = result.inserted_primary_key
            assert key is not None
            cluster_id = int(key[0])
        conn.execute(
            s.event_links.insert().values(
                event_id=fact.event_id, cluster_id=cluster_id, document_id=document_id
            )
        )
        refresh(conn, cluster_id)


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
    sides = _cluster_sides(conn, ids)
    scored = [(match_score(fact.event_type, fact.sides, sides[i]), i) for i in ids]
    ranked = sorted((-score, i) for score, i in scored if score is not None)
    return ranked[0][1] if ranked else None


def _best_candidate(conn: Connection, fact: EventFacts) -> int | None:
    if fact.start is None or fact.end is None:
        return None  # an undated report cannot be shown to describe the same event
    tokens = sorted({t for side in fact.sides.values() for t in side.every})
    if not tokens:
        return None
    c, k = s.event_clusters, s.cluster_keys
    tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    stored = [f"{p}:{t}" for t in tokens for p in ("s", "w")]
    rows = conn.execute(
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
        .where(c.c.event_type == fact.event_type, c.c.modality == fact.modality)
        .where(c.c.date_start <= fact.end + tolerance, c.c.date_end >= fact.start - tolerance)
        .where(c.c.id.in_(select(k.c.cluster_id).where(k.c.token.in_(stored))))
        .order_by(c.c.id)
    ).all()
    if not rows:
        return None
    sides = _cluster_sides(conn, [int(r.id) for r in rows])
    ranked: list[tuple[int, int, int]] = []
    for row in rows:
        place = (
            PlaceFacts(
                row.location,
                row.location_country,
                row.lat,
                row.lon,
                row.location_precision or "city",
            )
            if row.location
            else None
        )
        if not places_compatible(fact.place, place):
            continue
        score = match_score(fact.event_type, fact.sides, sides[int(row.id)])
        if score is None:
            continue
        gap = date_gap(fact.start, fact.end, row.date_start, row.date_end)
        ranked.append((-score, gap, int(row.id)))
    return min(ranked)[2] if ranked else None


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
    if not members:
        conn.execute(delete(s.event_clusters).where(s.event_clusters.c.id == cluster_id))
        return
    rep = min(members, key=lambda m: (_width(m.date_start, m.date_end), -m.confidence, m.id))
    located = [m for m in members if m.location]
    place = min(located, key=lambda m: (m.lat is None, m is not rep, m.id)) if located else None
    participants = _participants(conn, [int(m.id) for m in members])
    primary = {side: _primary(participants, int(rep.id), side) for side in SIDES}
    published = [m.published for m in members if m.published is not None]
    start = rep.date_start
    conn.execute(
        update(s.event_clusters)
        .where(s.event_clusters.c.id == cluster_id)
        .values(
            mode=rep.mode,
            cameo=rep.cameo,
            quad_class=rep.quad_class,
            score=rep.score,
            **_side_columns("actor", primary["actor"], rep.actor),
            **_side_columns("recipient", primary["recipient"], rep.recipient),
            date_start=start,
            date_end=rep.date_end,
            date_precision=rep.date_precision,
            period_month=start.replace(day=1) if start else None,
            period_week=start - dt.timedelta(days=start.weekday()) if start else None,
            location=place.location if place else None,
            location_country=place.location_country if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            location_precision=(
                None if place is None else "country" if place.lat is None else "city"
            ),
            n_reports=len({m.copy_of or m.document_id for m in members}),
            n_documents=len({m.document_id for m in members}),
            n_events=len(members),
            first_published=min(published) if published else None,
            last_published=max(published) if published else None,
        )
    )
    keys: set[tuple[str, str]] = set()
    for p in participants:
        strong, weak = participant_tokens(
            p["type"], p["name_key"], p["global_entity_id"], p["code"], p["country"]
        )
        keys.update((token, p["side"]) for token in encode(strong, weak))
    if keys:
        conn.execute(
            s.cluster_keys.insert(),
            [{"token": t, "side": side, "cluster_id": cluster_id} for t, side in sorted(keys)],
        )
    entity_sides = sorted(
        {
            (p["global_entity_id"], p["side"])
            for p in participants
            if p["global_entity_id"] is not None
        }
    )
    if entity_sides:
        conn.execute(
            s.cluster_participants.insert(),
            [
                {"cluster_id": cluster_id, "global_entity_id": g, "side": side, "date_start": start}
                for g, side in entity_sides
            ],
        )


def _primary(participants: list[dict[str, Any]], event_id: int, side: str) -> dict[str, Any] | None:
    """The participant that names a side: a coded global entity first, then any coded one."""
    mine = [p for p in participants if p["event_id"] == event_id and p["side"] == side]
    ranked = sorted(
        mine,
        key=lambda p: (p["code"] is None, p["global_entity_id"] is None, p["country"] is None),
    )
    return ranked[0] if ranked else None


def _side_columns(side: str, p: dict[str, Any] | None, fallback: str | None) -> dict[str, Any]:
    if p is None:
        return {
            side: fallback,
            f"{side}_code": None,
            f"{side}_country": None,
            f"{side}_entity_id": None,
        }
    return {
        side: p["name"] or p["text"] or fallback,
        f"{side}_code": p["code"],
        f"{side}_country": _country(p["country"], p["code"]),
        f"{side}_entity_id": p["global_entity_id"],
    }


def _country(country: str | None, code: str | None) -> str | None:
    """A side's country column: its country, else the country its code begins with; never a
    sector ("UAF", "EDU" are no countries: a dyad IND->UAF would be a pseudo-country)."""
    if is_country_code(country):
        return country
    return country_of_code(code)


def _width(start: dt.date | None, end: dt.date | None) -> int:
    return (end - start).days if start is not None and end is not None else UNDATED_WIDTH


def _participants(conn: Connection, event_ids: list[int]) -> list[dict[str, Any]]:
    from newsgraph.store.entities import normalize

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
            "name_key": normalize(r.entity_name) if r.entity_name else None,
            "name": r.name,
            "text": r.text,
        }
        for r in rows
    ]
