"""Index one stored document into the knowledge base across articles.

Runs inside the document's write transaction, after its migration-1 rows are in: links its
entities to global entities, writes mentions, roles, participants, evidence, times, places and
search texts, recognises a syndicated copy, and assigns its events to event clusters.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, delete, select

from newsgraph.store import clusters, entities, fingerprint
from newsgraph.store import schema as s


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def index_document(conn: Connection, document_id: int, record: dict[str, Any]) -> None:
    published = _date((record.get("document") or {}).get("published"))
    copy_of = fingerprint.register(conn, document_id, record)
    linked = entities.link_entities(conn, document_id, record, published)
    _write_entity_details(conn, document_id, record, linked, published)
    event_rows = {
        r.local_id: int(r.id)
        for r in conn.execute(
            select(s.events.c.id, s.events.c.local_id).where(s.events.c.document_id == document_id)
        )
    }
    facts = _write_events(conn, document_id, record, linked, event_rows, published)
    _write_quotes(conn, document_id, linked)
    _write_times_places(conn, document_id, record)
    clusters.assign(conn, document_id, facts, copy_of)


def _write_entity_details(
    conn: Connection,
    document_id: int,
    record: dict[str, Any],
    linked: dict[str, entities.LinkedEntity],
    published: dt.date | None,
) -> None:
    mention_rows: list[dict[str, Any]] = []
    role_rows: list[dict[str, Any]] = []
    for e in record["entities"]:
        link = linked[e["id"]]
        mention_rows += [
            {
                "document_id": document_id,
                "entity_id": link.row_id,
                "start": m["start"],
                "end": m["end"],
                "text": m.get("text", ""),
                "kind": m.get("kind", "name"),
            }
            for m in e.get("mentions", [])
        ]
        role_rows += [
            {
                "document_id": document_id,
                "entity_id": link.row_id,
                "global_entity_id": link.global_id,
                "title": r["title"],
                "country": r.get("country"),
                "sector": r.get("sector"),
                "start": _date(r.get("start")),
                "end": _date(r.get("end")),
                "source": r.get("source") or "text",
                "seen": published,
            }
            for r in e.get("roles", [])
        ]
    if mention_rows:
        conn.execute(s.mentions.insert(), mention_rows)
    if role_rows:
        conn.execute(s.roles.insert(), role_rows)


def _write_events(
    conn: Connection,
    document_id: int,
    record: dict[str, Any],
    linked: dict[str, entities.LinkedEntity],
    event_rows: dict[str, int],
    published: dt.date | None,
) -> list[clusters.EventFacts]:
    participant_rows: list[dict[str, Any]] = []
    evidence_rows: list[dict[str, Any]] = []
    facts: list[clusters.EventFacts] = []
    for v in record["events"]:
        event_id = event_rows[v["id"]]
        sides: dict[str, clusters.SideTokens] = {}
        for side, key in (("actor", "actors"), ("recipient", "recipients")):
            strong: set[str] = set()
            weak: set[str] = set()
            for p in v.get(key, []):
                link = linked.get(p.get("entity") or "")
                participant_rows.append(
                    {
                        "event_id": event_id,
                        "document_id": document_id,
                        "side": side,
                        "entity_local_id": p.get("entity"),
                        "global_entity_id": link.global_id if link else None,
                        "text": p.get("text", ""),
                        "country": p.get("country"),
                        "sector": p.get("sector"),
                        "code": p.get("code"),
                    }
                )
                st, wk = clusters.participant_tokens(
                    link.type if link else None,
                    link.norm_key if link else None,
                    link.global_id if link else None,
                    p.get("code"),
                    p.get("country"),
                )
                strong |= st
                weak |= wk
            sides[side] = clusters.SideTokens(frozenset(strong), frozenset(strong | weak))
        for ev in v.get("evidence", []):
            trigger = ev.get("trigger") or {}
            evidence_rows.append(
                {
                    "event_id": event_id,
                    "document_id": document_id,
                    "start": ev["start"],
                    "end": ev["end"],
                    "text": ev.get("text", ""),
                    "section": ev.get("section", "body"),
                    "trigger_start": trigger.get("start"),
                    "trigger_end": trigger.get("end"),
                    "trigger_text": trigger.get("text"),
                    "quote_local_id": ev.get("quote"),
                }
            )
        date = v.get("date") or {}
        start = _date(date.get("start")) or published
        end = _date(date.get("end")) or start
        loc = v.get("location")
        place = (
            clusters.PlaceFacts(
                loc["name"],
                loc.get("country"),
                loc.get("lat"),
                loc.get("lon"),
                loc.get("precision") or "city",
            )
            if loc and loc.get("name")
            else None
        )
        facts.append(
            clusters.EventFacts(
                event_id, v["event_type"], v.get("modality", "asserted"), start, end, place, sides
            )
        )
    if participant_rows:
        conn.execute(s.event_participants.insert(), participant_rows)
    if evidence_rows:
        conn.execute(s.evidence.insert(), evidence_rows)
        inserted = conn.execute(
            select(s.evidence.c.id, s.evidence.c.text).where(
                s.evidence.c.document_id == document_id
            )
        ).all()
        conn.execute(
            s.search_texts.insert(),
            [
                {
                    "kind": "evidence",
                    "document_id": document_id,
                    "ref_id": int(r.id),
                    "speaker": None,
                    "text": r.text,
                }
                for r in inserted
            ],
        )
    return facts


def _write_quotes(
    conn: Connection, document_id: int, linked: dict[str, entities.LinkedEntity]
) -> None:
    q = s.quotes
    rows = conn.execute(
        select(q.c.id, q.c.text, q.c.speaker, q.c.speaker_entity).where(
            q.c.document_id == document_id
        )
    ).all()
    links = [
        {
            "quote_id": int(r.id),
            "document_id": document_id,
            "global_entity_id": linked[r.speaker_entity].global_id,
        }
        for r in rows
        if r.speaker_entity and r.speaker_entity in linked
    ]
    if links:
        conn.execute(s.quote_links.insert(), links)
    if rows:
        conn.execute(
            s.search_texts.insert(),
            [
                {
                    "kind": "quote",
                    "document_id": document_id,
                    "ref_id": int(r.id),
                    "speaker": r.speaker,
                    "text": r.text,
                }
                for r in rows
            ],
        )


def _write_times_places(conn: Connection, document_id: int, record: dict[str, Any]) -> None:
    time_rows = [
        {
            "document_id": document_id,
            "local_id": t["id"],
            "start": t["start"],
            "end": t["end"],
            "text": t.get("text", ""),
            "type": t["type"],
            "value": t.get("value"),
            "mod": t.get("mod"),
        }
        for t in record.get("times", [])
    ]
    if time_rows:
        conn.execute(s.times.insert(), time_rows)
    place_rows = [
        {
            "document_id": document_id,
            "local_id": p["id"],
            "start": p["start"],
            "end": p["end"],
            "text": p.get("text", ""),
            "name": p["name"],
            "geonameid": p.get("geonameid"),
            "lat": p.get("lat"),
            "lon": p.get("lon"),
            "country": p.get("country"),
            "feature": p.get("feature"),
            "adjectival": bool(p.get("adjectival", False)),
        }
        for p in record.get("places", [])
    ]
    if place_rows:
        conn.execute(s.places.insert(), place_rows)


# --- replacing a document ------------------------------------------------------------------------


def before_delete(conn: Connection, document_id: int) -> set[int]:
    """Clusters whose counts change when a document goes (its own, and its copies')."""
    link, f = s.event_links, s.document_fingerprints
    copies = select(f.c.document_id).where(f.c.copy_of == document_id)
    touched = {
        int(r[0])
        for r in conn.execute(
            select(link.c.cluster_id).where(
                (link.c.document_id == document_id) | link.c.document_id.in_(copies)
            )
        )
    }
    # Dependent rows go explicitly (not only by ON DELETE CASCADE) so the FTS triggers see them.
    conn.execute(delete(s.search_texts).where(s.search_texts.c.document_id == document_id))
    conn.execute(delete(link).where(link.c.document_id == document_id))
    return touched


def entities_of(conn: Connection, document_id: int) -> set[int]:
    """Global entities a document is linked to (their counts change when it goes)."""
    link = s.entity_links
    return {
        int(r[0])
        for r in conn.execute(
            select(link.c.global_entity_id).where(link.c.document_id == document_id)
        )
    }


def after_delete(conn: Connection, touched: set[int], global_entities: set[int]) -> None:
    """Recount what lost a document: its clusters, then its global entities (an entity no
    document mentions any more is removed, as a fresh store would not have it)."""
    for cluster_id in sorted(touched):
        clusters.refresh(conn, cluster_id)
    entities.recount(conn, global_entities, remove_unused=True)


def index_unindexed(conn: Connection) -> None:
    """Index documents stored without the cross-article index (by version 1), oldest first."""
    d, f = s.documents, s.document_fingerprints
    rows = conn.execute(
        select(d.c.id, d.c.record).where(d.c.id.not_in(select(f.c.document_id))).order_by(d.c.id)
    ).all()
    for row in rows:
        index_document(conn, int(row.id), json.loads(row.record))
