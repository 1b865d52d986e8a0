"""Analysis record → table rows: one pure builder per table, the only place a record's fields
are mapped to columns.

Every write path (`Store.add`, the cross-article index, re-indexing of older stores) builds its
rows here, so a column is filled the same way everywhere, and each mapping is testable on a
record without a database. Builders take the ids the database gave to rows they refer to.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.kb import normalize_name
from newsgraph.store.fingerprint import Fingerprint, bands, encode_signature
from newsgraph.store.matching import (
    MEMBER_COLUMNS,
    EventFacts,
    Member,
    PlaceFacts,
    SideTokens,
    participant_tokens,
    side_country,
)

JSON = dict[str, Any]
Row = dict[str, Any]

_to_json = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(value, ensure_ascii=False)` without building an encoder for every call (the
same text: `dumps` builds this encoder and calls its `encode`)."""


@dataclass(frozen=True, slots=True)
class LinkedEntity:
    """A document entity (its row id) with the global entity it was linked to."""

    row_id: int
    global_id: int
    type: str
    name: str
    norm_key: str
    global_name: str


def as_date(value: Any) -> dt.date | None:
    """A record's ISO date (or datetime prefix) as a date; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def published(record: JSON) -> dt.date | None:
    return as_date((record.get("document") or {}).get("published"))


def _joined(participants: list[JSON], key: str) -> str | None:
    values = [p.get(key) for p in participants if p.get(key)]
    return "; ".join(dict.fromkeys(str(v) for v in values)) or None


# --- migration-1 tables: one row per document and per thing found in it -------------------------


def document_row(record: JSON, now: str) -> Row:
    doc, source = record["document"], record["source"]
    return {
        "doc_key": record["id"],
        "sha256": source["sha256"],
        "path": source.get("path"),
        "url": source.get("url"),
        "publisher": source.get("publisher"),
        "title": doc.get("title"),
        "published": published(record),
        "published_source": doc.get("published_source"),
        "ingested_at": now,
        "n_events": len(record["events"]),
        "n_quotes": len(record["quotes"]),
        "n_entities": len(record["entities"]),
        "record": _to_json(record),
    }


def failure_row(record: JSON, now: str) -> Row:
    return {
        "doc_key": str(record.get("id")),
        "kind": record["error"]["kind"],
        "message": record["error"]["message"],
        "at": now,
    }


def entity_rows(document_id: int, record: JSON) -> list[Row]:
    return [
        {
            "document_id": document_id,
            "local_id": e["id"],
            "name": e["name"],
            "type": e["type"],
            "country": e.get("country"),
            "sector": e.get("sector"),
            "code": e.get("code"),
            "aliases": "; ".join(e.get("aliases", [])),
            "titles": "; ".join(e.get("titles", [])),
            "n_mentions": len(e.get("mentions", [])),
            "source_agency": bool(e.get("source_agency", False)),
        }
        for e in record["entities"]
    ]


def event_rows(document_id: int, record: JSON) -> list[Row]:
    out = []
    for v in record["events"]:
        date = v.get("date") or {}
        location = v.get("location") or {}
        actors, recipients = v["actors"], v["recipients"]
        out.append(
            {
                "document_id": document_id,
                "local_id": v["id"],
                "event_type": v["event_type"],
                "mode": v.get("mode"),
                "modality": v["modality"],
                "historical": bool(v.get("historical")),
                "cameo": v.get("cameo"),
                "quad_class": v.get("quad_class"),
                "score": v.get("score"),
                "confidence": float(v.get("confidence", 0.0)),
                "actor": _joined(actors, "text"),
                "actor_code": _joined(actors, "code"),
                "actor_country": _first_country(actors),
                "recipient": _joined(recipients, "text"),
                "recipient_code": _joined(recipients, "code"),
                "recipient_country": _first_country(recipients),
                "date_value": date.get("value"),
                "date_start": as_date(date.get("start")),
                "date_end": as_date(date.get("end")),
                "date_precision": date.get("precision"),
                "date_source": date.get("source"),
                "location": location.get("name"),
                "location_country": location.get("country"),
                "lat": location.get("lat"),
                "lon": location.get("lon"),
                "evidence": _to_json(v["evidence"]),
            }
        )
    return out


def quote_rows(document_id: int, record: JSON) -> list[Row]:
    return [
        {
            "document_id": document_id,
            "local_id": q["id"],
            "kind": q["kind"],
            "text": q["text"],
            "speaker": (q.get("speaker") or {}).get("text"),
            "speaker_entity": (q.get("speaker") or {}).get("entity"),
            "cue": q.get("cue"),
            "via": q.get("via"),
            "start": q["start"],
            "end": q["end"],
        }
        for q in record["quotes"]
    ]


# --- the knowledge base across articles ----------------------------------------------------------


def global_entity_row(entity: JSON, norm_key: str, seen: dt.date | None) -> Row:
    return {
        "name": entity["name"],
        "norm_key": norm_key,
        "type": entity["type"],
        "country": entity.get("country"),
        "sector": entity.get("sector"),
        "code": entity.get("code"),
        "n_documents": 1,
        "first_seen": seen,
        "last_seen": seen,
    }


def entity_key_rows(keys: Mapping[str, str], global_id: int) -> list[Row]:
    return [{"key": k, "label": label, "global_entity_id": global_id} for k, label in keys.items()]


def entity_link_rows(document_id: int, linked: Mapping[str, LinkedEntity]) -> list[Row]:
    return [
        {"entity_id": v.row_id, "document_id": document_id, "global_entity_id": v.global_id}
        for v in linked.values()
    ]


def mention_rows(document_id: int, record: JSON, linked: Mapping[str, LinkedEntity]) -> list[Row]:
    return [
        {
            "document_id": document_id,
            "entity_id": linked[e["id"]].row_id,
            "start": m["start"],
            "end": m["end"],
            "text": m.get("text", ""),
            "kind": m.get("kind", "name"),
        }
        for e in record["entities"]
        for m in e.get("mentions", [])
    ]


def role_rows(document_id: int, record: JSON, linked: Mapping[str, LinkedEntity]) -> list[Row]:
    seen = published(record)
    return [
        {
            "document_id": document_id,
            "entity_id": linked[e["id"]].row_id,
            "global_entity_id": linked[e["id"]].global_id,
            "title": r["title"],
            "country": r.get("country"),
            "sector": r.get("sector"),
            "start": as_date(r.get("start")),
            "end": as_date(r.get("end")),
            "source": r.get("source") or "text",
            "seen": seen,
        }
        for e in record["entities"]
        for r in e.get("roles", [])
    ]


SIDE_KEYS = (("actor", "actors"), ("recipient", "recipients"))


def participant_rows(
    document_id: int,
    record: JSON,
    event_ids: Mapping[str, int],
    linked: Mapping[str, LinkedEntity],
) -> list[Row]:
    out = []
    for v in record["events"]:
        for side, key in SIDE_KEYS:
            for p in v.get(key, []):
                link = linked.get(p.get("entity") or "")
                out.append(
                    {
                        "event_id": event_ids[v["id"]],
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
    return out


def evidence_rows(document_id: int, record: JSON, event_ids: Mapping[str, int]) -> list[Row]:
    out = []
    for v in record["events"]:
        for ev in v.get("evidence", []):
            trigger = ev.get("trigger") or {}
            out.append(
                {
                    "event_id": event_ids[v["id"]],
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
    return out


def search_rows(document_id: int, kind: str, items: list[tuple[int, str | None, str]]) -> list[Row]:
    """Full-text rows for (row id, speaker, text) of quotes or evidence sentences."""
    return [
        {"kind": kind, "document_id": document_id, "ref_id": ref, "speaker": who, "text": text}
        for ref, who, text in items
    ]


def quote_link_rows(
    document_id: int,
    record: JSON,
    quote_ids: Mapping[str, int],
    linked: Mapping[str, LinkedEntity],
) -> list[Row]:
    out = []
    for q in record["quotes"]:
        speaker = (q.get("speaker") or {}).get("entity")
        if speaker and speaker in linked:
            out.append(
                {
                    "quote_id": quote_ids[q["id"]],
                    "document_id": document_id,
                    "global_entity_id": linked[speaker].global_id,
                }
            )
    return out


def time_rows(document_id: int, record: JSON) -> list[Row]:
    return [
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


def place_rows(document_id: int, record: JSON) -> list[Row]:
    return [
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


def fingerprint_row(document_id: int, fp: Fingerprint, original: tuple[float, int] | None) -> Row:
    return {
        "document_id": document_id,
        "body_hash": fp.body_hash,
        "minhash": encode_signature(fp.signature),
        "copy_of": original[1] if original else None,
        "similarity": original[0] if original else None,
    }


def band_rows(document_id: int, fp: Fingerprint) -> list[Row]:
    return [
        {"band": band, "document_id": document_id} for band in dict.fromkeys(bands(fp.signature))
    ]


def cluster_members(
    document_id: int,
    record: JSON,
    event_ids: Mapping[str, int],
    copy_of: int | None,
    rows: list[Row] | None = None,
) -> dict[int, Member]:
    """Each event as a member of a cluster (what `matching.summarise` reads), by event id
    (`rows`: the record's `event_rows`, when they are at hand)."""
    seen = published(record)
    return {
        event_ids[v["id"]]: Member(
            id=event_ids[v["id"]],
            document_id=document_id,
            published=seen,
            copy_of=copy_of,
            **{k: row[k] for k in MEMBER_COLUMNS},
        )
        for v, row in zip(
            record["events"],
            event_rows(document_id, record) if rows is None else rows,
            strict=True,
        )
    }


def cluster_participants(
    record: JSON, event_ids: Mapping[str, int], linked: Mapping[str, LinkedEntity]
) -> dict[int, list[JSON]]:
    """Each event's participants as `matching.summarise` reads them, by event id."""
    types = {e["id"]: (e["type"], e["name"]) for e in record["entities"]}
    out: dict[int, list[JSON]] = {}
    for v in record["events"]:
        items = out.setdefault(event_ids[v["id"]], [])
        for side, key in SIDE_KEYS:
            for p in v.get(key, []):
                local = p.get("entity")
                link = linked.get(local or "")
                entity_type, entity_name = types.get(local or "", (None, None))
                items.append(
                    {
                        "event_id": event_ids[v["id"]],
                        "side": side,
                        "global_entity_id": link.global_id if link else None,
                        "code": p.get("code"),
                        "country": p.get("country"),
                        "type": entity_type,
                        "name_key": normalize_name(entity_name).strip() if entity_name else None,
                        "name": link.global_name if link else None,
                        "text": p.get("text", ""),
                    }
                )
    return out


def event_facts(
    record: JSON, event_ids: Mapping[str, int], linked: Mapping[str, LinkedEntity]
) -> list[EventFacts]:
    """What cluster matching compares about each event of a record."""
    seen = published(record)
    facts = []
    for v in record["events"]:
        sides: dict[str, SideTokens] = {}
        for side, key in SIDE_KEYS:
            strong: set[str] = set()
            weak: set[str] = set()
            for p in v.get(key, []):
                link = linked.get(p.get("entity") or "")
                st, wk = participant_tokens(
                    link.type if link else None,
                    link.norm_key if link else None,
                    link.global_id if link else None,
                    p.get("code"),
                    p.get("country"),
                )
                strong |= st
                weak |= wk
            sides[side] = SideTokens(frozenset(strong), frozenset(strong | weak))
        date = v.get("date") or {}
        start = as_date(date.get("start")) or seen
        end = as_date(date.get("end")) or start
        loc = v.get("location")
        place = (
            PlaceFacts(
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
            EventFacts(
                event_ids[v["id"]],
                v["event_type"],
                v.get("modality", "asserted"),
                start,
                end,
                place,
                sides,
            )
        )
    return facts


def _first_country(participants: list[dict[str, Any]]) -> str | None:
    """The first participant's country for the dyad columns; a sector is never a country."""
    if not participants:
        return None
    return side_country(participants[0].get("country"), participants[0].get("code"))
