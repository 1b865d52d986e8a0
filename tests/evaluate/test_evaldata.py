"""Readers on the real shared gold data (skipped where ../shared/evaldata is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate.datasets import DATASETS
from newsgraph.evaluate.gum_events import content_words

from .helpers import entity, event, participant, record

pytestmark = pytest.mark.evaldata


@pytest.mark.parametrize(
    ("name", "records"),
    [
        ("plover-gsr", 322),
        ("petrarch", 277),
        ("meantime", 60),
        ("gum", 16),
        ("gum-events", 16),
        ("geowebnews", 106),
    ],
)
def test_evaldata_readers_read_shared_data(evaldata: Path, name: str, records: int) -> None:
    spec = DATASETS[name]
    gold = spec.read(evaldata / spec.default_path)
    assert len(gold) == records
    assert all(doc.id and doc.text for doc in gold)
    assert len({doc.id for doc in gold}) == records  # ids key the predictions


@pytest.mark.parametrize("name", ["meantime", "gum", "geowebnews"])
def test_evaldata_gold_spans_lie_inside_text(evaldata: Path, name: str) -> None:
    spec = DATASETS[name]
    for doc in spec.read(evaldata / spec.default_path):
        spans = [
            *getattr(doc, "mentions", ()),
            *getattr(doc, "timexes", ()),
            *getattr(doc, "toponyms", ()),
        ]
        spans += list(getattr(doc, "quotes", ()))
        assert all(0 <= s.start < s.end <= len(doc.text) for s in spans), doc.id
        assert all(doc.text[s.start : s.end].strip() for s in spans), doc.id


def _oracle(name: str, doc: Any) -> dict[str, Any]:
    """The gold itself, written as a predicted record: every scorer must give it full marks."""
    types = {
        "meantime": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"},
        "gum": {"person": "PERSON", "organization": "ORG", "place": "GPE"},
    }
    if name == "plover-gsr":
        actors = [participant(a.text, a.code, (a.sector or "")[:3] or None) for a in doc.sources]
        return record(
            doc.id,
            doc.text,
            events=[event(doc.event, actors, [participant(a.text) for a in doc.targets])],
        )
    if name == "geowebnews":
        places = [
            {"start": t.start, "end": t.end, "lat": t.lat, "lon": t.lon} for t in doc.toponyms
        ]
        return record(doc.id, doc.text, places=places)
    entities = [
        entity(types[name][m.label], [{"start": m.start, "end": m.end}]) for m in doc.mentions
    ]
    times = [
        {"start": t.start, "end": t.end, "value": t.value} for t in getattr(doc, "timexes", ())
    ]
    quotes = [{"start": q.start, "end": q.end} for q in getattr(doc, "quotes", ())]
    return record(doc.id, doc.text, entities=entities, times=times, quotes=quotes)


@pytest.mark.parametrize("name", ["plover-gsr", "meantime", "gum", "geowebnews"])
def test_evaldata_gold_as_prediction_scores_full_marks(evaldata: Path, name: str) -> None:
    spec = DATASETS[name]
    path = evaldata / spec.default_path
    gold = spec.read(path)
    result = spec.score(gold, {doc.id: _oracle(name, doc) for doc in gold}, path)
    for metric in result.metrics:
        expected = 0.0 if metric.unit == "km" else 1.0
        assert metric.value in (None, pytest.approx(expected)), metric


def _gum_events_oracle(raw: dict[str, Any]) -> dict[str, Any]:
    """A gold document of gum_events_dev written as a predicted record."""

    def side(p: dict[str, Any]) -> dict[str, Any]:
        return {k: p[k] for k in ("text", "start", "end", "country")}

    events = [
        {
            "event_type": e["event_type"],
            "mode": e["mode"],
            "modality": e["modality"],
            "actors": [side(a) for a in e["actors"]],
            "recipients": [side(r) for r in e["recipients"]],
            "evidence": [{"start": v["start"], "end": v["end"]} for v in e["evidence"]],
            "date": {"value": e["date"]} if e["date"] else None,
            "location": {"name": e["location"]} if e.get("location") else None,
            "historical": bool(e.get("historical")),
        }
        for e in raw["events"]
    ]
    quotes = [
        {"start": q["start"], "end": q["end"], "kind": q["kind"], "speaker": {"text": q["speaker"]}}
        for q in raw["quotes"]
    ]
    return record(raw["doc_id"], raw["text"], events=events, quotes=quotes)


def test_evaldata_gum_events_gold_as_prediction_scores_full_marks(evaldata: Path) -> None:
    spec = DATASETS["gum-events"]
    path = evaldata / spec.default_path
    raws = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(path.glob("*.json"))]
    predicted = {raw["doc_id"]: _gum_events_oracle(raw) for raw in raws}
    result = spec.score(spec.read(path), predicted, path)
    for metric in result.metrics:
        if metric.unit:  # the documents without required events hold 10 optional ones
            expected = 0.0 if metric.name.startswith("unmatched") else 10.0
            assert metric.value == expected, metric
        elif metric.name != "speaker accuracy (matched)":
            assert metric.value in (None, pytest.approx(1.0)), metric
    # a speaker without any content word (the newspaper "the i") cannot share one
    unmatched = {e.gold["speaker"] for e in result.errors}
    assert all(not content_words(speaker) for speaker in unmatched), unmatched
