"""Readers on the real shared gold data (skipped where ../shared/evaldata is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate.datasets import DATASETS

from .helpers import entity, event, participant, record

pytestmark = pytest.mark.evaldata


@pytest.mark.parametrize(
    ("name", "records"),
    [("plover-gsr", 322), ("petrarch", 277), ("meantime", 60), ("gum", 16), ("geowebnews", 106)],
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
