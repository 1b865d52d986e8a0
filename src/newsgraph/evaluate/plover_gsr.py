"""PLOVER gold-standard records (CAMEO manual sentences): event types, dyads and actor coding.

Each gold record is one sentence with one event type, its source and target actors as "close
enough" text (`actorText`) and CAMEO-style codes. Each sentence is analysed as a document of its
own. Figures:

- event type hit rate: an event of the gold type was found in the sentence;
- dyad accuracy: such an event whose actors share a content token with a gold source's text and
  whose recipients share one with a gold target's text (no gold target: the source alone);
- source country / sector accuracy over gold sources that a predicted actor matched;
- per-type P/R/F1 over the set of types predicted per sentence, and a confusion table.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.crosswalk import plover_label
from newsgraph.evaluate.metrics import (
    RecordError,
    ScoreResult,
    micro,
    per_label_prf,
    prf_metrics,
    ratio,
)
from newsgraph.evaluate.records import events_of, unique_id
from newsgraph.evaluate.spans import best_phrase, phrases_overlap

NO_EVENT = "(none)"
"""Confusion-table column for sentences where nothing was predicted."""
UNKNOWN_SECTORS = frozenset({"", "***", "---"})
"""Gold sector values that say "not coded"; such sources do not count for sector accuracy."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    event: str
    """PLOVER 2.0 type (old labels already mapped)."""
    original_event: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]

    @property
    def published(self) -> None:
        return None  # every GSR date is the placeholder 2000-01-01


def _actors(raw: Any) -> tuple[GoldActor, ...]:
    if not isinstance(raw, list):
        return ()  # the file writes a missing target as "" or leaves it out
    return tuple(
        GoldActor(str(a.get("actorText", "")), a.get("code") or None, a.get("sector") or None)
        for a in raw
        if isinstance(a, dict) and a.get("actorText")
    )


def parse_records(data: Any) -> list[GoldSentence]:
    """Gold sentences from the decoded JSON array; the DOCUMENT header record is skipped."""
    if not isinstance(data, list):
        raise ValueError("a PLOVER GSR file is a JSON array of records")
    sentences = []
    seen: dict[str, int] = {}
    for record in data:
        label = str(record.get("event", ""))
        if label == "DOCUMENT" or not record.get("text"):
            continue
        sentences.append(
            GoldSentence(
                id=unique_id(str(record["id"]), seen),
                text=str(record["text"]),
                event=plover_label(label),
                original_event=label,
                sources=_actors(record.get("source")),
                targets=_actors(record.get("target")),
            )
        )
    return sentences


def read(path: Path) -> list[GoldSentence]:
    """Read `PLOVER_GSR_CAMEO.txt` (a JSON array despite its name)."""
    return parse_records(json.loads(path.read_text(encoding="utf-8")))


def _matches(gold: Sequence[GoldActor], participants: Sequence[Mapping[str, Any]]) -> bool:
    return any(phrases_overlap(g.text, str(p.get("text", ""))) for g in gold for p in participants)


CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
"""CAMEO country codes that differ from ISO 3166 alpha-3 (the gold uses CAMEO's, we emit ISO)."""

CAMEO_IGO = frozenset({"IGO", "UNO", "EUR"})
"""The gold's CAMEO "IGO" covers every intergovernmental body; PLOVER (Table 5.1) writes the UN
system as UNO and the EU as EUR, so either answers a gold IGO."""


def _country_ok(gold: GoldActor, predicted: Mapping[str, Any]) -> bool:
    """A state code must equal the predicted country; IGO/NGO-style codes may sit in any field."""
    code = (gold.code or "").upper()
    code = CAMEO_TO_ISO.get(code, code)
    found = {
        str(predicted.get("country") or "").upper(),
        str(predicted.get("sector") or "").upper(),
        str(predicted.get("code") or "").upper()[:3],
    }
    found = {CAMEO_TO_ISO.get(value, value) for value in found}
    if code == "IGO":
        return bool(found & CAMEO_IGO)
    return code in found


def _sector_ok(gold: GoldActor, predicted: Mapping[str, Any]) -> bool:
    return (gold.sector or "").upper()[:3] == str(predicted.get("sector") or "").upper()[:3]


def score(gold: Sequence[GoldSentence], predicted: Mapping[str, Mapping[str, Any]]) -> ScoreResult:
    """Score predicted records (keyed by gold id) against the gold sentences."""
    result = ScoreResult(records=len(gold), per_type_stage="events")
    hits = dyads = dyad_support = 0
    country_hits = country_support = sector_hits = sector_support = 0
    pairs: list[tuple[set[str], set[str]]] = []
    for sentence in gold:
        events = events_of(predicted.get(sentence.id))
        types = {str(e.get("event_type")) for e in events}
        pairs.append(({sentence.event}, types))
        row = result.confusion.setdefault(sentence.event, Counter())
        if sentence.event in types:
            row[sentence.event] += 1
        elif not types:
            row[NO_EVENT] += 1
        else:
            row.update(types)
        same_type = [e for e in events if e.get("event_type") == sentence.event]
        hit = bool(same_type)
        hits += hit
        summary = [
            {
                "type": e.get("event_type"),
                "actors": _texts(e, "actors"),
                "recipients": _texts(e, "recipients"),
            }
            for e in events
        ]
        gold_view = {
            "text": sentence.text,
            "event": sentence.event,
            "sources": [g.text for g in sentence.sources],
            "targets": [g.text for g in sentence.targets],
        }
        if not hit:
            kind = "missed_event" if not events else "wrong_type"
            result.errors.append(RecordError(sentence.id, kind, gold_view, summary, "events"))
        if sentence.sources:
            dyad_support += 1
            dyad = any(
                _matches(sentence.sources, e.get("actors", []))
                and (not sentence.targets or _matches(sentence.targets, e.get("recipients", [])))
                for e in same_type
            )
            dyads += dyad
            if hit and not dyad:
                result.errors.append(
                    RecordError(sentence.id, "wrong_dyad", gold_view, summary, "events")
                )
        # actor coding: prefer actors of events of the gold type, else any event's actors
        pool = [p for e in same_type for p in e.get("actors", [])] or [
            p for e in events for p in e.get("actors", [])
        ]
        for source in sentence.sources:
            best = best_phrase(source.text, [str(p.get("text", "")) for p in pool])
            if best is None:
                continue
            match = pool[best]
            if source.code:
                country_support += 1
                ok = _country_ok(source, match)
                country_hits += ok
                if not ok:
                    result.errors.append(
                        RecordError(
                            sentence.id,
                            "wrong_country",
                            _actor_view(source),
                            _coding(match),
                            "actors",
                        )
                    )
            if (source.sector or "") not in UNKNOWN_SECTORS:
                sector_support += 1
                ok = _sector_ok(source, match)
                sector_hits += ok
                if not ok:
                    result.errors.append(
                        RecordError(
                            sentence.id,
                            "wrong_sector",
                            _actor_view(source),
                            _coding(match),
                            "actors",
                        )
                    )
    result.per_type = per_label_prf(pairs)
    result.metrics = [
        ratio("event type hit rate", hits, len(gold), "events"),
        ratio("dyad accuracy", dyads, dyad_support, "events"),
        ratio("source country accuracy", country_hits, country_support, "actors"),
        ratio("source sector accuracy", sector_hits, sector_support, "actors"),
        *prf_metrics("event type (micro)", micro(result.per_type), "events"),
    ]
    return result


def _texts(event: Mapping[str, Any], role: str) -> list[str]:
    return [str(p.get("text", "")) for p in event.get(role, [])]


def _actor_view(actor: GoldActor) -> dict[str, Any]:
    return {"text": actor.text, "code": actor.code, "sector": actor.sector}


def _coding(participant: Mapping[str, Any]) -> dict[str, Any]:
    return {k: participant.get(k) for k in ("text", "country", "sector", "code")}
