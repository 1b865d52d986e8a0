"""PETRARCH unit-test records: CAMEO root and PLOVER agreement, and actor code agreement.

The sentences are stylised regression tests (Tolkien place-names) whose actor codes exist only in
the bundled `PETR.Validate.actors.txt`, so the pipeline runs with that dictionary laid over the
knowledge base. Per gold coding:

- CAMEO root agreement: an event in the sentence whose `cameo` has the gold code's first two
  digits (codings with a root outside 01–20, such as the test-only 9xx codes, are not counted);
- PLOVER agreement: an event whose type is the gold code's type through the CAMEO→PLOVER crosswalk
  (codings the crosswalk does not map, such as CAMEO 01x/02x, are not counted);
- source / target code agreement, over codings matched at PLOVER level: an actor (recipient)
  carries exactly the gold code (codes like `---GOV`, unknown country, compare on the sector).

PLOVER event precision: of the events predicted in coded sentences, the share whose type is a
gold coding's type (an event with the CAMEO root of an unmapped coding is not judged).

A sentence marked `noevents="True"` is correct when no event is predicted. Records whose coding is
an `error` (discards, bad parses) are test fixtures for the old coder and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.crosswalk import cameo_root, cameo_to_plover
from newsgraph.evaluate.metrics import RecordError, ScoreResult, ratio
from newsgraph.evaluate.records import events_of, unique_id

DICTIONARY = Path("dictionaries") / "PETR.Validate.actors.txt"
"""The actor dictionary, relative to the folder of the records file."""
UNKNOWN_COUNTRY = "---"
"""PETRARCH's placeholder for an actor whose country is not known ("---GOV")."""


@dataclass(frozen=True, slots=True)
class Coding:
    source: str
    target: str
    event: str


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    published: dt.date | None
    category: str
    codings: tuple[Coding, ...]
    noevents: bool
    error: str | None


def _date(raw: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(raw or "", "%Y%m%d").date()
    except ValueError:
        return None


def parse_xml(text: str) -> list[GoldSentence]:
    """Gold sentences from the `<Validation>` XML text."""
    root = ET.fromstring(text)
    sentences = []
    seen: dict[str, int] = {}
    for node in root.iter("Sentence"):
        codings: list[Coding] = []
        noevents = False
        error: str | None = None
        for coding in node.findall("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true":
                noevents = True
            elif coding.get("error"):
                error = coding.get("error")
            elif coding.get("eventcode"):
                codings.append(
                    Coding(
                        coding.get("sourcecode", "").strip(),
                        coding.get("targetcode", "").strip(),
                        coding.get("eventcode", "").strip(),
                    )
                )
        body = re.sub(r"\s+", " ", node.findtext("Text") or "").strip()
        sentences.append(
            GoldSentence(
                id=unique_id(node.get("id", ""), seen),
                text=body,
                published=_date(node.get("date")),
                category=node.get("category", ""),
                codings=tuple(codings),
                noevents=noevents and not codings,
                error=error,
            )
        )
    return sentences


def read(path: Path) -> list[GoldSentence]:
    """Read `PETR.UnitTest.records.xml`; records coded as errors are left out."""
    return [s for s in parse_xml(path.read_text(encoding="utf-8")) if s.error is None]


def dictionary_path(records: Path) -> Path:
    """The actor dictionary that comes with a records file."""
    return records.parent / DICTIONARY


def code_agrees(gold: str, predicted: str | None) -> bool:
    """Exact code agreement; an unknown gold country (`---GOV`) compares the sector alone."""
    gold, found = gold.upper(), (predicted or "").upper()
    if gold.startswith(UNKNOWN_COUNTRY):
        return bool(found) and found.endswith(gold[len(UNKNOWN_COUNTRY) :])
    return gold == found


def _view(event: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "type": event.get("event_type"),
        "cameo": event.get("cameo"),
        "actors": [p.get("code") for p in event.get("actors", [])],
        "recipients": [p.get("code") for p in event.get("recipients", [])],
    }


def score(
    gold: Sequence[GoldSentence],
    predicted: Mapping[str, Mapping[str, Any]],
    crosswalk: Mapping[str, str],
) -> ScoreResult:
    """Score predicted records (keyed by sentence id); `crosswalk` maps CAMEO → PLOVER."""
    table = dict(crosswalk)
    result = ScoreResult(records=len(gold))
    root_hits = root_support = plover_hits = plover_support = 0
    source_hits = target_hits = matched = 0
    none_hits = none_support = 0
    predicted_events = predicted_matched = 0
    for sentence in gold:
        events = events_of(predicted.get(sentence.id))
        gold_view = {"text": sentence.text, "codings": [asdict(c) for c in sentence.codings]}
        views = [_view(e) for e in events]
        if sentence.noevents:
            none_support += 1
            none_hits += not events
            if events:
                result.errors.append(
                    RecordError(sentence.id, "spurious_event", gold_view, views, "events")
                )
            continue
        gold_types = {cameo_to_plover(c.event, table) for c in sentence.codings} - {None}
        unjudged = {
            cameo_root(c.event) for c in sentence.codings if cameo_to_plover(c.event, table) is None
        }
        for e in events:
            if e.get("event_type") in gold_types:
                predicted_events += 1
                predicted_matched += 1
            elif cameo_root(str(e.get("cameo") or "")) not in unjudged - {None}:
                predicted_events += 1
        for coding in sentence.codings:
            root = cameo_root(coding.event)
            if root is not None:
                root_support += 1
                root_hits += any(cameo_root(str(e.get("cameo") or "")) == root for e in events)
            plover = cameo_to_plover(coding.event, table)
            if plover is None:
                continue
            coded = {**gold_view, "coding": asdict(coding), "plover": plover}
            plover_support += 1
            same = [e for e in events if e.get("event_type") == plover]
            if not same:
                kind = "missed_event" if not events else "wrong_type"
                result.errors.append(RecordError(sentence.id, kind, coded, views, "events"))
                continue
            plover_hits += 1
            matched += 1
            source_ok = any(
                code_agrees(coding.source, p.get("code")) for e in same for p in e.get("actors", [])
            )
            target_ok = any(
                code_agrees(coding.target, p.get("code"))
                for e in same
                for p in e.get("recipients", [])
            )
            source_hits += source_ok
            target_hits += target_ok
            if not (source_ok and target_ok):
                result.errors.append(
                    RecordError(sentence.id, "wrong_actor_code", coded, views, "actors")
                )
    result.metrics = [
        ratio("CAMEO root agreement", root_hits, root_support, "events"),
        ratio("PLOVER agreement", plover_hits, plover_support, "events"),
        ratio("source code agreement", source_hits, matched, "actors"),
        ratio("target code agreement", target_hits, matched, "actors"),
        ratio("no-event sentences correct", none_hits, none_support, "events"),
        ratio("PLOVER event precision", predicted_matched, predicted_events, "events"),
    ]
    return result
