"""Cross-article event resolution, the SQL part: find candidate clusters for an event, link it,
and keep each cluster's row, keys and participants in step with its members. What fits what, and
what a cluster says, is decided by `matching` (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, select, update

from newsgraph.kb import normalize_name
from newsgraph.store import bulk, cluster_codes
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
    codes: list[dict[str, Any]] = field(default_factory=list)
    wide: list[dict[str, Any]] = field(default_factory=list)

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
        for table, values in (
            (s.event_links, self.links),
            (s.cluster_keys, self.keys),
            (s.cluster_participants, self.participants),
            (s.wide_clusters, self.wide),
        ):
            if values:
                conn.execute(table.insert(), values)
            values.clear()
        cluster_codes.insert(conn, self.codes)
        self.codes.clear()


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
        opened.codes += cluster_codes.rows(cluster_id, mine)
        opened.wide += _wide_rows(cluster_id, fact.event_type, row)
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


def _candidates(conn: Connection, fact: EventFacts) -> list[Candidate]:
    """Clusters of the event's type and modality, near its dates, sharing an identity token
    (none for an undated event: an undated report cannot be shown to describe the same one)."""
    rows = sorted(_candidates_many(conn, [fact])[0], key=lambda row: row.id)
    if not rows:
        return []
    sides = _cluster_sides(conn, [row.id for row in rows])
    return [_stored_candidate(row, sides[row.id]) for row in rows]


# --- keeping a cluster's summary in step with its members ----------------------------------------


def _members_statement() -> Select[Any]:
    """Member events of clusters as `matching.summarise` reads them (filter on the link)."""
    e, link, d, f = s.events, s.event_links, s.documents, s.document_fingerprints
    return (
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
            link.c.cluster_id,
        )
        .join(link, link.c.event_id == e.c.id)
        .join(d, d.c.id == link.c.document_id)
        .outerjoin(f, f.c.document_id == link.c.document_id)
        .order_by(e.c.id)
    )


_MEMBERS = _members_statement()
_MEMBERS_OF = _MEMBERS.where(s.event_links.c.cluster_id == bindparam("cluster_id"))
"""The members of one cluster, built once: compiling a statement per call cost more than
running it."""


def refresh(conn: Connection, cluster_id: int) -> None:
    """Recompute a cluster's representative fields, counts, keys and participants from its
    member events; delete the cluster when no event is left in it."""
    members = conn.execute(_MEMBERS_OF, {"cluster_id": cluster_id}).all()
    conn.execute(delete(s.cluster_keys).where(s.cluster_keys.c.cluster_id == cluster_id))
    conn.execute(
        delete(s.cluster_participants).where(s.cluster_participants.c.cluster_id == cluster_id)
    )
    conn.execute(delete(s.wide_clusters).where(s.wide_clusters.c.cluster_id == cluster_id))
    if not members:
        cluster_codes.replace(conn, cluster_id, [])
        conn.execute(delete(s.event_clusters).where(s.event_clusters.c.id == cluster_id))
        return
    participants = _participants_of(conn, cluster_id)
    cluster_codes.replace(conn, cluster_id, participants)
    row = summarise(members, participants)
    conn.execute(update(s.event_clusters).where(s.event_clusters.c.id == cluster_id).values(**row))
    _write_keys(conn, cluster_id, row, participants)
    if _wide(row):
        event_type = conn.execute(
            select(s.event_clusters.c.event_type).where(s.event_clusters.c.id == cluster_id)
        ).scalar_one()
        conn.execute(s.wide_clusters.insert(), _wide_rows(cluster_id, event_type, row))


def _write_keys(
    conn: Connection, cluster_id: int, row: dict[str, Any], participants: list[dict[str, Any]]
) -> None:
    """A cluster's identity keys and its participating global entities."""
    keys, entity_sides = _key_rows(cluster_id, row, participants)
    if keys:
        conn.execute(s.cluster_keys.insert(), keys)
    if entity_sides:
        conn.execute(s.cluster_participants.insert(), entity_sides)


def _wide(row: dict[str, Any]) -> bool:
    """Whether a cluster (`row`: its summary) is dated over more than `WIDE_CLUSTER_DAYS` days."""
    start, end = row["date_start"], row["date_end"]
    return start is not None and end is not None and (end - start).days > s.WIDE_CLUSTER_DAYS


def _wide_rows(cluster_id: int, event_type: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The `wide_clusters` row of a wide cluster; none for a narrow or undated one."""
    if not _wide(row):
        return []
    return [
        {
            "cluster_id": cluster_id,
            "event_type": event_type,
            "date_start": row["date_start"],
            "date_end": row["date_end"],
        }
    ]


def _key_rows(
    cluster_id: int,
    row: dict[str, Any],
    participants: list[dict[str, Any]],
    sorted_keys: list[tuple[str, str]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A cluster's `cluster_keys` and `cluster_participants` rows (`sorted_keys`: its
    `cluster_keys(participants)` sorted, where the caller has them)."""
    if sorted_keys is None:
        sorted_keys = sorted(cluster_keys(participants))
    keys = [{"token": t, "side": side, "cluster_id": cluster_id} for t, side in sorted_keys]
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


def _participants_statement() -> Select[Any]:
    """The participants of the members of one cluster, with their entities' type and name."""
    p, en, g, link = s.event_participants, s.entities, s.global_entities, s.event_links
    return (
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
        .where(
            p.c.event_id.in_(
                select(link.c.event_id).where(link.c.cluster_id == bindparam("cluster_id"))
            )
        )
        .order_by(p.c.id)
    )


_PARTICIPANTS_OF = _participants_statement()


def _participants_of(conn: Connection, cluster_id: int) -> list[dict[str, Any]]:
    """The participants of a cluster's member events, as `summarise` and the keys read them."""
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
        for r in conn.execute(_PARTICIPANTS_OF, {"cluster_id": cluster_id})
    ]


# --- assigning the events of many new documents at once ------------------------------------------

PENDING = 1 << 60
"""Clusters a batch opens get ids from here until they are inserted: above every stored id and
in order of opening, as the ids the database will give them (ties go to the oldest cluster)."""


@dataclass(frozen=True, slots=True)
class NewDocument:
    """What clustering needs of a new document: `assign`'s arguments."""

    document_id: int
    facts: Sequence[EventFacts]
    copy_of: int | None
    members: Mapping[int, Member]
    participants: Mapping[int, list[dict[str, Any]]]


@dataclass
class _Tracked:
    """A cluster a batch changes (opened by it, or stored and joined by its events), held in
    memory with all its members, so that later events of the batch see it as refreshed."""

    cluster_id: int
    event_type: str
    modality: str
    stored: bool
    members: list[Any]
    participants: list[dict[str, Any]]
    row: dict[str, Any] = field(default_factory=dict)
    sides: dict[str, SideTokens] = field(default_factory=dict)
    candidate: Candidate | None = None
    every: frozenset[str] = frozenset()
    keys: list[tuple[str, str]] = field(default_factory=list)
    """`cluster_keys` of the participants, sorted (as `_key_rows` writes them)."""

    def add(self, member: Member, participants: list[dict[str, Any]]) -> None:
        self.members.append(member)
        self.participants += participants
        self.row = summarise(self.members, self.participants)
        self.keys = sorted(cluster_keys(self.participants))
        by_side: dict[str, list[str]] = {}
        for token, side in self.keys:
            by_side.setdefault(side, []).append(token)
        self.sides = {side: decode(tokens) for side, tokens in by_side.items()}
        self.every = frozenset(t for side in self.sides.values() for t in side.every)
        row = self.row
        self.candidate = (
            Candidate(
                self.cluster_id,
                row["date_start"],
                row["date_end"],
                _place(
                    row["location"],
                    row["location_country"],
                    row["lat"],
                    row["lon"],
                    row["location_precision"],
                ),
                self.sides,
            )
            if row["date_start"] is not None and row["date_end"] is not None
            else None
        )

    def near(self, fact: EventFacts, tokens: set[str]) -> bool:
        """What the candidate query asks of a stored cluster."""
        c = self.candidate
        if c is None or fact.start is None or fact.end is None:
            return False
        tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
        return (
            (self.event_type, self.modality) == (fact.event_type, fact.modality)
            and c.start <= fact.end + tolerance
            and c.end >= fact.start - tolerance
            and not tokens.isdisjoint(self.every)
        )


def _place(
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    precision: str | None,
) -> PlaceFacts | None:
    return PlaceFacts(name, country, lat, lon, precision or "city") if name else None


def _tokens(fact: EventFacts) -> set[str]:
    return {t for side in fact.sides.values() for t in side.every}


def assign_batch(conn: Connection, documents: Sequence[NewDocument]) -> None:
    """`assign` for the events of new documents stored together, in order, with a fixed number
    of statements for the batch: stored candidates are found with one query per 100 events;
    clusters the batch opens or joins are kept in memory (an event sees them as the database
    would after the earlier events) and written at the end, one statement per table."""
    events = [(doc, fact) for doc in documents for fact in doc.facts]
    found = _candidates_many(conn, [fact for _, fact in events])
    in_batch = {doc.document_id for doc in documents}
    originals = _clusters_of_documents(
        conn, sorted({d.copy_of for d in documents if d.copy_of is not None} - in_batch)
    )
    sides = _cluster_sides_many(
        conn,
        sorted(
            {row.id for rows in found for row in rows}
            | {i for clusters in originals.values() for i, _, _ in clusters}
        ),
    )
    tracked: dict[int, _Tracked] = {}
    by_kind: dict[tuple[str, str], list[_Tracked]] = {}  # tracked clusters by type, modality
    opened = 0
    joined: dict[int, list[int]] = {}  # batch document → clusters of its events
    links: list[tuple[int, int, int]] = []
    for (doc, fact), stored in zip(events, found, strict=True):
        cluster_id = None
        if doc.copy_of is not None:
            if doc.copy_of in in_batch:
                ids = {i for i in joined.get(doc.copy_of, []) if _same_kind(tracked[i], fact)}
            else:
                ids = {
                    i
                    for i, event_type, modality in originals.get(doc.copy_of, [])
                    if (event_type, modality) == (fact.event_type, fact.modality)
                }
            if ids:
                cluster_id = best_of_original(
                    fact, {i: tracked[i].sides if i in tracked else sides[i] for i in sorted(ids)}
                )
        if cluster_id is None:
            tokens = _tokens(fact)
            candidates = [
                _stored_candidate(row, sides[row.id]) for row in stored if row.id not in tracked
            ] + [
                t.candidate
                for t in by_kind.get((fact.event_type, fact.modality), [])
                if t.candidate is not None and t.near(fact, tokens)
            ]
            cluster_id = best_candidate(fact, sorted(candidates, key=lambda c: c.cluster_id))
        if cluster_id is None:
            cluster_id = PENDING + opened
            opened += 1
            tracked[cluster_id] = _Tracked(
                cluster_id, fact.event_type, fact.modality, False, [], []
            )
            by_kind.setdefault((fact.event_type, fact.modality), []).append(tracked[cluster_id])
        elif cluster_id not in tracked:
            tracked[cluster_id] = _load(conn, cluster_id, fact)
            by_kind.setdefault((fact.event_type, fact.modality), []).append(tracked[cluster_id])
        tracked[cluster_id].add(
            doc.members[fact.event_id], list(doc.participants.get(fact.event_id, []))
        )
        links.append((fact.event_id, cluster_id, doc.document_id))
        joined.setdefault(doc.document_id, []).append(cluster_id)
    _write_tracked(conn, tracked, links)


def _same_kind(cluster: _Tracked, fact: EventFacts) -> bool:
    return (cluster.event_type, cluster.modality) == (fact.event_type, fact.modality)


def _stored_candidate(row: _Found, sides: dict[str, SideTokens]) -> Candidate:
    return Candidate(
        int(row.id),
        row.date_start,
        row.date_end,
        _place(row.location, row.location_country, row.lat, row.lon, row.location_precision),
        sides,
    )


CANDIDATES_PER_QUERY = 128
"""Candidate query arms (two per group of events) run as one UNION ALL statement."""

_COLUMNS = (
    "c.event_type, c.modality, c.id, c.date_start, c.date_end, c.location, c.location_country, "
    "c.lat, c.lon, c.location_precision"
)
_KEYED = "EXISTS (SELECT 1 FROM cluster_keys k WHERE k.cluster_id = c.id AND k.token IN ({tokens}))"

_CANDIDATE_ARM = (
    f"SELECT {{index}}, {_COLUMNS} FROM event_clusters c "
    "WHERE c.event_type IN ({types}) AND c.modality IN ({modalities}) "
    "AND c.date_start <= {m} AND c.date_end >= {m} AND c.date_end <= {m} "
    f"AND {_KEYED}"
)
"""The candidate query (`_candidates`) of the events that share identity tokens and dates (the
events of one report usually do), written for the driver: SQLAlchemy's compilation and its
processing of expanding parameters cost more than the query itself. Rows are handed to the
events of their type and modality. Its parameters: types, modalities, the latest start, the
earliest end, the latest start plus `WIDE_CLUSTER_DAYS`, tokens. A narrow cluster that starts by
the latest start ends by the third date, so the clusters of a type are read from one bounded
range of `ix_event_clusters_type_end`; `_WIDE_ARM` finds the wide ones that end later."""

_WIDE_ARM = (
    f"SELECT {{index}}, {_COLUMNS} FROM wide_clusters w JOIN event_clusters c ON c.id = w.cluster_id "
    "WHERE w.event_type IN ({types}) AND w.date_start <= {m} AND w.date_end > {m} "
    "AND c.modality IN ({modalities}) "
    f"AND {_KEYED}"
)
"""The rest of the candidate query: the wide clusters that end after `_CANDIDATE_ARM`'s range
(`wide_clusters` holds every cluster dated over more than `WIDE_CLUSTER_DAYS` days, with the
type and dates of its row; they end after the earliest end too). Parameters: types, the latest
start, the latest start plus `WIDE_CLUSTER_DAYS`, modalities, tokens."""


@dataclass(frozen=True, slots=True)
class _Found:
    """A stored cluster the candidate query returned."""

    id: int
    date_start: dt.date
    date_end: dt.date
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    location_precision: str | None


def _candidates_many(conn: Connection, facts: list[EventFacts]) -> list[list[_Found]]:
    """The candidate query of each event (`_candidates`): one query per group of events with
    the same tokens and dates, many groups to a statement."""
    tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    wide = dt.timedelta(days=s.WIDE_CLUSTER_DAYS)
    m = bulk.marker(conn)
    out: list[list[_Found]] = [[] for _ in facts]
    groups: dict[tuple[tuple[str, ...], dt.date, dt.date], list[int]] = {}
    for i, fact in enumerate(facts):
        tokens = tuple(sorted(_tokens(fact)))
        if fact.start is None or fact.end is None or not tokens:
            continue
        groups.setdefault((tokens, fact.start, fact.end), []).append(i)
    arms: list[tuple[str, list[Any]]] = []
    members: list[list[int]] = []
    for (tokens, start, end), indexes in groups.items():
        types = sorted({facts[i].event_type for i in indexes})
        modalities = sorted({facts[i].modality for i in indexes})
        keys = [f"{p}:{t}" for t in tokens for p in ("s", "w")]
        markers = {
            "index": len(members),
            "m": m,
            "types": ", ".join([m] * len(types)),
            "modalities": ", ".join([m] * len(modalities)),
            "tokens": ", ".join([m] * len(keys)),
        }
        latest_start = bulk.date_parameter(conn, end + tolerance)
        earliest_end = bulk.date_parameter(conn, start - tolerance)
        narrow_end = bulk.date_parameter(conn, _later(end + tolerance, wide))
        arms.append(
            (
                _CANDIDATE_ARM.format(**markers),
                [*types, *modalities, latest_start, earliest_end, narrow_end, *keys],
            )
        )
        arms.append(
            (
                _WIDE_ARM.format(**markers),
                [*types, latest_start, narrow_end, *modalities, *keys],
            )
        )
        members.append(indexes)
    for first in range(0, len(arms), CANDIDATES_PER_QUERY):
        chunk = arms[first : first + CANDIDATES_PER_QUERY]
        sql = " UNION ALL ".join(arm for arm, _ in chunk)
        for row in bulk.fetch(conn, sql, [p for _, params in chunk for p in params]):
            start_date, end_date = bulk.date_result(row[4]), bulk.date_result(row[5])
            assert start_date is not None and end_date is not None
            found = _Found(int(row[3]), start_date, end_date, *row[6:])
            for i in members[int(row[0])]:
                if (facts[i].event_type, facts[i].modality) == (row[1], row[2]):
                    out[i].append(found)
    return out


def _later(day: dt.date, days: dt.timedelta) -> dt.date:
    """`day + days`, or the last date there is."""
    try:
        return day + days
    except OverflowError:
        return dt.date.max


def _clusters_of_documents(
    conn: Connection, document_ids: list[int]
) -> dict[int, list[tuple[int, str, str]]]:
    """(cluster, type, modality) of the clusters each stored document's events are in."""
    if not document_ids:
        return {}
    c, link = s.event_clusters, s.event_links
    out: dict[int, list[tuple[int, str, str]]] = {}
    for row in conn.execute(
        select(link.c.document_id, link.c.cluster_id, c.c.event_type, c.c.modality)
        .distinct()
        .join(c, c.c.id == link.c.cluster_id)
        .where(link.c.document_id.in_(document_ids))
    ):
        out.setdefault(int(row.document_id), []).append(
            (int(row.cluster_id), row.event_type, row.modality)
        )
    return out


def _cluster_sides_many(
    conn: Connection, cluster_ids: list[int]
) -> dict[int, dict[str, SideTokens]]:
    out: dict[int, dict[str, SideTokens]] = {}
    for start in range(0, len(cluster_ids), 500):
        out.update(_cluster_sides(conn, cluster_ids[start : start + 500]))
    return out


def _load(conn: Connection, cluster_id: int, fact: EventFacts) -> _Tracked:
    """A stored cluster an event of the batch joins, with its stored members."""
    members = conn.execute(_MEMBERS_OF, {"cluster_id": cluster_id}).all()
    participants = _participants_of(conn, cluster_id)
    return _Tracked(cluster_id, fact.event_type, fact.modality, True, list(members), participants)


def _write_tracked(
    conn: Connection, tracked: dict[int, _Tracked], links: list[tuple[int, int, int]]
) -> None:
    """Insert the clusters a batch opened, update the stored ones it joined, then write every
    link, key and participant row (one statement per table) and their `cluster_codes`."""
    c = s.event_clusters
    opened = [t for t in tracked.values() if not t.stored]
    real: dict[int, int] = {}
    if opened:
        values = [{"event_type": t.event_type, "modality": t.modality, **t.row} for t in opened]
        ids = bulk.insert_returning(conn, c, values, "event_type")
        real = {t.cluster_id: i for t, i in zip(opened, ids, strict=True)}
    joined = sorted((t for t in tracked.values() if t.stored), key=lambda t: t.cluster_id)
    if joined:
        names = list(joined[0].row)
        conn.execute(
            update(c)
            .where(c.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in names}),
            [
                {"b_id": t.cluster_id, **{f"b_{name}": t.row[name] for name in names}}
                for t in joined
            ],
        )
        ids = [t.cluster_id for t in joined]
        conn.execute(delete(s.cluster_keys).where(s.cluster_keys.c.cluster_id.in_(ids)))
        conn.execute(
            delete(s.cluster_participants).where(s.cluster_participants.c.cluster_id.in_(ids))
        )
        conn.execute(delete(s.wide_clusters).where(s.wide_clusters.c.cluster_id.in_(ids)))
        cluster_codes.forget(conn, ids)
    if links:
        bulk.insert(
            conn,
            s.event_links,
            [{"event_id": e, "cluster_id": real.get(i, i), "document_id": d} for e, i, d in links],
        )
    keys: list[dict[str, Any]] = []
    entity_sides: list[dict[str, Any]] = []
    codes: list[dict[str, Any]] = []
    wide: list[dict[str, Any]] = []
    for t in tracked.values():
        cluster_id = real.get(t.cluster_id, t.cluster_id)
        k, p = _key_rows(cluster_id, t.row, t.participants, t.keys)
        keys += k
        entity_sides += p
        codes += cluster_codes.rows(cluster_id, t.participants)
        wide += _wide_rows(cluster_id, t.event_type, t.row)
    for table, values in (
        (s.cluster_keys, keys),
        (s.cluster_participants, entity_sides),
        (s.wide_clusters, wide),
    ):
        bulk.insert(conn, table, values)
    cluster_codes.insert(conn, codes)
