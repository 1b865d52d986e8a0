"""Turn an `Analysis` into the analysis record of docs/schema.md (and back into JSON text).

This is the only place that writes span text: it slices `analysis.text`, so `text[start:end]`
always equals the span's `text`.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import (
    Analysis,
    Entity,
    Event,
    EventDate,
    EventLocation,
    Participant,
    Place,
    Quote,
    TimeExpr,
)

JSON = dict[str, Any]


def _span(a: Analysis, start: int, end: int) -> JSON:
    """A span with its text. A span with more fields is written out where it is made, in this
    key order (`{**_span(...), ...}` built and copied one dict more per span)."""
    return {"start": start, "end": end, "text": a.text[start:end]}


def _participant(a: Analysis, p: Participant) -> JSON:
    return {
        "entity": p.entity,
        "text": a.text[p.start : p.end],
        "start": p.start,
        "end": p.end,
        "country": p.country,
        "sector": p.sector,
        "code": p.code,
    }


def _date(d: EventDate | None) -> JSON | None:
    if d is None:
        return None
    return {
        "value": d.value,
        "start": d.start.isoformat(),
        "end": d.end.isoformat(),
        "precision": d.precision,
        "source": d.source,
        "time": d.time,
    }


def _location(loc: EventLocation | None) -> JSON | None:
    if loc is None:
        return None
    return {
        "place": loc.place,
        "name": loc.name,
        "country": loc.country,
        "lat": loc.lat,
        "lon": loc.lon,
        "precision": loc.precision,
        "source": loc.source,
    }


def _entity(a: Analysis, e: Entity) -> JSON:
    text = a.text  # the mentions are the most numerous spans: sliced here, not via _span
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "country": e.country,
        "sector": e.sector,
        "code": e.code,
        "titles": list(e.titles),
        "coding_source": e.coding_source,
        "kb_id": e.kb_id,
        "source_agency": e.is_source_agency,
        "roles": [
            {
                "title": r.title,
                "country": r.country,
                "sector": r.sector,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
                "source": r.source,
            }
            for r in e.roles
        ],
        "mentions": [
            {"start": m.start, "end": m.end, "text": text[m.start : m.end], "kind": m.kind}
            for m in e.mentions
        ],
    }


def _event(a: Analysis, v: Event) -> JSON:
    text = a.text
    return {
        "id": v.id,
        "event_type": v.event_type,
        "mode": v.mode,
        "contexts": list(v.contexts),
        "actors": [_participant(a, p) for p in v.actors],
        "recipients": [_participant(a, p) for p in v.recipients],
        "date": _date(v.date),
        "location": _location(v.location),
        "modality": v.modality,
        "historical": v.historical,
        "cameo": v.cameo,
        "quad_class": v.quad_class,
        "score": v.score,
        "evidence": [
            {
                "start": ev.start,
                "end": ev.end,
                "text": text[ev.start : ev.end],
                "section": ev.section,
                "trigger": {
                    "start": ev.trigger.start,
                    "end": ev.trigger.end,
                    "text": text[ev.trigger.start : ev.trigger.end],
                },
                "quote": ev.quote,
            }
            for ev in v.evidence
        ],
        "confidence": round(v.confidence, 3),
    }


def _quote(a: Analysis, q: Quote) -> JSON:
    speaker: JSON | None = None
    if q.speaker is not None:
        speaker = {"entity": q.speaker.entity, "text": q.speaker.text}
        if q.speaker.start is not None and q.speaker.end is not None:
            speaker.update(start=q.speaker.start, end=q.speaker.end)
    return {
        "start": q.start,
        "end": q.end,
        "text": a.text[q.start : q.end],
        "id": q.id,
        "kind": q.kind,
        "speaker": speaker,
        "cue": q.cue,
        "via": q.via,
    }


def _time(a: Analysis, t: TimeExpr) -> JSON:
    record = {
        "start": t.start,
        "end": t.end,
        "text": a.text[t.start : t.end],
        "id": t.id,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
    }
    if t.anchor_text is not None:
        record["anchor"] = {"text": t.anchor_text, "offset": t.anchor_offset}
    return record


def _place(a: Analysis, p: Place) -> JSON:
    return {
        "start": p.start,
        "end": p.end,
        "text": a.text[p.start : p.end],
        "id": p.id,
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "feature": p.feature,
        "region": p.region,
        "adjectival": p.adjectival,
    }


def to_record(a: Analysis) -> JSON:
    """The analysis record for one document, or its error record."""
    if a.error is not None:
        return {"id": a.id, "error": {"kind": a.error.kind, "message": a.error.message}}
    d, text = a.document, a.text
    return {
        "id": a.id,
        "text": a.text,
        "source": {
            "path": a.source.path,
            "url": a.source.url,
            "publisher": a.source.publisher,
            "sha256": a.source.sha256,
        },
        "document": {
            "title": d.title,
            "subtitle": d.subtitle,
            "authors": list(d.authors),
            "published": d.published.isoformat() if d.published else None,
            "published_source": d.published_source,
            "language": d.language,
            "captions": [
                {"start": c.start, "end": c.end, "text": text[c.start : c.end], "credit": c.credit}
                for c in d.captions
            ],
            "headings": [_span(a, h.start, h.end) for h in d.headings],
            "notes": [_span(a, n.start, n.end) for n in d.notes],
            "removed": [
                {"start": r.start, "end": r.end, "text": text[r.start : r.end], "reason": r.reason}
                for r in d.removed
            ],
            "body": [{"start": b.start, "end": b.end} for b in d.body],
            "dateline": _span(a, d.dateline.start, d.dateline.end) if d.dateline else None,
        },
        "entities": [_entity(a, e) for e in a.entities],
        "events": [_event(a, v) for v in a.events],
        "quotes": [_quote(a, q) for q in a.quotes],
        "times": [_time(a, t) for t in a.times],
        "places": [_place(a, p) for p in a.places],
        "stages": list(a.completed),
        "diagnostics": [
            {"stage": g.stage, "code": g.code, "message": g.message} for g in a.diagnostics
        ],
    }
