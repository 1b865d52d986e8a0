"""Reading the parts a scorer needs out of a predicted analysis record (docs/schema.md).

A missing record or an error record (`{"id", "error": ...}`) reads as empty everywhere, so a
scorer never crashes on a document the pipeline could not process; the runner counts those apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsgraph.evaluate.metrics import RecordError
from newsgraph.evaluate.spans import LabeledSpan, match_spans

Record = Mapping[str, Any]

NAMED_MENTION_KINDS = frozenset({"name", "alias", "acronym"})
"""Mention kinds that count as named; pronouns and nominals ("the minister") do not."""


def _list(record: Record | None, key: str) -> list[dict[str, Any]]:
    if record is None or "error" in record:
        return []
    value = record.get(key) or []
    return [item for item in value if isinstance(item, dict)]


def events_of(record: Record | None) -> list[dict[str, Any]]:
    return _list(record, "events")


def times_of(record: Record | None) -> list[dict[str, Any]]:
    return _list(record, "times")


def places_of(record: Record | None) -> list[dict[str, Any]]:
    return _list(record, "places")


def quotes_of(record: Record | None) -> list[dict[str, Any]]:
    return _list(record, "quotes")


def named_mentions(
    record: Record | None,
    type_map: Mapping[str, str],
    kinds: frozenset[str] = NAMED_MENTION_KINDS,
) -> list[LabeledSpan]:
    """Named mentions of entities whose type `type_map` knows, labelled with the mapped type.

    A mention without a `kind` counts as named: the schema's minimal mention is `{start, end, text}`.
    `kinds` adds kinds a gold standard annotates too (GUM: names nested inside names).
    """
    spans: list[LabeledSpan] = []
    for entity in _list(record, "entities"):
        label = type_map.get(str(entity.get("type", "")))
        if label is None:
            continue
        for mention in entity.get("mentions") or []:
            if str(mention.get("kind", "name")) not in kinds:
                continue
            spans.append(LabeledSpan(int(mention["start"]), int(mention["end"]), label))
    return sorted(set(spans), key=lambda s: (s.start, s.end, s.label))


def span_view(text: str, span: LabeledSpan) -> dict[str, Any]:
    """A span as an error report shows it."""
    return {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "label": span.label,
    }


def span_errors(
    doc_id: str,
    text: str,
    gold: Sequence[LabeledSpan],
    predicted: Sequence[LabeledSpan],
    *,
    stage: str,
    noun: str,
    label_error: str | None = None,
) -> list[RecordError]:
    """Missed and spurious spans of a one-to-one overlap matching, and, when `label_error` is
    given, matched pairs whose labels differ (reported under that kind)."""
    pairs = match_spans(gold, predicted)
    errors: list[RecordError] = []
    if label_error is not None:
        errors += [
            RecordError(
                doc_id,
                label_error,
                span_view(text, gold[gi]),
                span_view(text, predicted[pi]),
                stage,
            )
            for gi, pi in pairs
            if gold[gi].label != predicted[pi].label
        ]
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    errors += [
        RecordError(doc_id, f"missed_{noun}", span_view(text, g), None, stage)
        for gi, g in enumerate(gold)
        if gi not in matched_gold
    ]
    errors += [
        RecordError(doc_id, f"spurious_{noun}", None, span_view(text, p), stage)
        for pi, p in enumerate(predicted)
        if pi not in matched_pred
    ]
    return errors


def unique_id(raw: str, seen: dict[str, int]) -> str:
    """`raw`, or `raw#2`, `raw#3`, ... when a gold file repeats an id (predictions are keyed by id)."""
    seen[raw] = seen.get(raw, 0) + 1
    return raw if seen[raw] == 1 else f"{raw}#{seen[raw]}"


def mention_errors(
    doc_id: str, text: str, gold: Sequence[LabeledSpan], predicted: Sequence[LabeledSpan]
) -> list[RecordError]:
    """Missed, spurious and mistyped named mentions (the actors stage's errors)."""
    return span_errors(
        doc_id,
        text,
        gold,
        predicted,
        stage="actors",
        noun="mention",
        label_error="wrong_entity_type",
    )
