"""Cross-article event resolution, the pure part: whether an event report fits an event cluster,
and what a cluster says given its members. No SQL here (`clusters` reads and writes the tables),
so every rule is testable on values.

GDELT-style counts inflate: five articles about one visit become five visits. Here an event
joins an existing cluster when it has the same PLOVER type and modality, compatible participants
(the same global entity, name or code on a side; no contradiction on either side), dates that
overlap or nearly touch, and a compatible place. Report counts count distinct *stories*: a
syndicated copy shares its original's story, so it never adds a report.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.geo import haversine_km
from newsgraph.kb.codes import country_of_code, is_country_code

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


MEMBER_COLUMNS = (
    "mode",
    "cameo",
    "quad_class",
    "score",
    "confidence",
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
)
"""The event columns a cluster's summary is made from."""


@dataclass(frozen=True, slots=True)
class Member:
    """A member event of a cluster, as `summarise` reads it (also a stored row's shape)."""

    id: int
    mode: str | None
    cameo: str | None
    quad_class: int | None
    score: float | None
    confidence: float
    actor: str | None
    actor_code: str | None
    actor_country: str | None
    recipient: str | None
    recipient_code: str | None
    recipient_country: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    document_id: int
    published: dt.date | None
    copy_of: int | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored cluster as matching sees it."""

    cluster_id: int
    start: dt.date
    end: dt.date
    place: PlaceFacts | None
    sides: dict[str, SideTokens]


def best_candidate(fact: EventFacts, candidates: Sequence[Candidate]) -> int | None:
    """The cluster an event joins: compatible place and participants, then the strongest
    participant match, then the smallest date gap, then the oldest cluster."""
    if fact.start is None or fact.end is None:
        return None
    ranked: list[tuple[int, int, int]] = []
    for c in candidates:
        if not places_compatible(fact.place, c.place):
            continue
        score = match_score(fact.event_type, fact.sides, c.sides)
        if score is None:
            continue
        ranked.append((-score, date_gap(fact.start, fact.end, c.start, c.end), c.cluster_id))
    return min(ranked)[2] if ranked else None


def best_of_original(fact: EventFacts, candidates: dict[int, dict[str, SideTokens]]) -> int | None:
    """For a copy: the cluster of its original's same event (dates aside)."""
    scored = [
        (match_score(fact.event_type, fact.sides, sides), i) for i, sides in candidates.items()
    ]
    ranked = sorted((-score, i) for score, i in scored if score is not None)
    return ranked[0][1] if ranked else None


def summarise(members: Sequence[Any], participants: list[dict[str, Any]]) -> dict[str, Any]:
    """A cluster's row from its member events (rows with the events' columns, `document_id`,
    `published` and `copy_of`) and their participants: the most precisely dated member speaks
    for it; a report is a story (copies count with their original)."""
    rep = min(members, key=lambda m: (_width(m.date_start, m.date_end), -m.confidence, m.id))
    located = [m for m in members if m.location]
    place = min(located, key=lambda m: (m.lat is None, m is not rep, m.id)) if located else None
    primary = {side: _primary(participants, int(rep.id), side) for side in SIDES}
    published = [m.published for m in members if m.published is not None]
    start = rep.date_start
    return {
        "mode": rep.mode,
        "cameo": rep.cameo,
        "quad_class": rep.quad_class,
        "score": rep.score,
        **_side_columns("actor", primary["actor"], rep.actor),
        **_side_columns("recipient", primary["recipient"], rep.recipient),
        "date_start": start,
        "date_end": rep.date_end,
        "date_precision": rep.date_precision,
        "period_month": start.replace(day=1) if start else None,
        "period_week": start - dt.timedelta(days=start.weekday()) if start else None,
        "location": place.location if place else None,
        "location_country": place.location_country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "location_precision": (
            None if place is None else "country" if place.lat is None else "city"
        ),
        "n_reports": len({m.copy_of or m.document_id for m in members}),
        "n_documents": len({m.document_id for m in members}),
        "n_events": len(members),
        "first_published": min(published) if published else None,
        "last_published": max(published) if published else None,
    }


def cluster_keys(participants: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(token, side) identity keys of a cluster, from its members' participants."""
    keys: set[tuple[str, str]] = set()
    for p in participants:
        strong, weak = participant_tokens(
            p["type"], p["name_key"], p["global_entity_id"], p["code"], p["country"]
        )
        keys.update((token, p["side"]) for token in encode(strong, weak))
    return keys


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
        f"{side}_country": side_country(p["country"], p["code"]),
        f"{side}_entity_id": p["global_entity_id"],
    }


@functools.lru_cache(maxsize=4096)
def side_country(country: str | None, code: str | None) -> str | None:
    """A side's country column: its country, else the country its code begins with; never a
    sector ("UAF", "EDU" are no countries: a dyad IND->UAF would be a pseudo-country)."""
    if is_country_code(country):
        return country
    return country_of_code(code)


def _width(start: dt.date | None, end: dt.date | None) -> int:
    return (end - start).days if start is not None and end is not None else UNDATED_WIDTH
