"""Builders of predicted analysis records (the docs/schema.md shape) for the scorer tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"


def span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of `phrase` in `text` (fails loudly when absent)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def participant(
    text: str, country: str | None = None, sector: str | None = None, code: str | None = None
) -> dict[str, Any]:
    return {
        "entity": None,
        "text": text,
        "start": 0,
        "end": len(text),
        "country": country,
        "sector": sector,
        "code": code,
    }


def event(
    event_type: str,
    actors: Iterable[dict[str, Any]] = (),
    recipients: Iterable[dict[str, Any]] = (),
    cameo: str | None = None,
) -> dict[str, Any]:
    return {
        "id": "V1",
        "event_type": event_type,
        "cameo": cameo,
        "actors": list(actors),
        "recipients": list(recipients),
    }


def mention(text: str, phrase: str, occurrence: int = 0, kind: str = "name") -> dict[str, Any]:
    start, end = span(text, phrase, occurrence)
    return {"start": start, "end": end, "text": phrase, "kind": kind}


def entity(entity_type: str, mentions: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "E1", "name": "", "type": entity_type, "mentions": list(mentions)}


def record(doc_id: str, text: str = "", **parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": doc_id,
        "text": text,
        "entities": [],
        "events": [],
        "quotes": [],
        "times": [],
        "places": [],
    }
    return {**base, **parts}


class FakeAnalyzer:
    """Stands in for the pipeline: returns prepared records by id, empty ones otherwise."""

    def __init__(self, records: dict[str, dict[str, Any]], stage_names: list[str]) -> None:
        self.records = records
        self._stages = stage_names
        self.seen: list[tuple[str, str, Any]] = []

    @property
    def stage_names(self) -> list[str]:
        return self._stages

    def __call__(self, items: Iterable[tuple[str, str, Any]]) -> Iterator[dict[str, Any]]:
        for doc_id, text, published in items:
            self.seen.append((doc_id, text, published))
            yield self.records.get(doc_id) or record(doc_id, text)
