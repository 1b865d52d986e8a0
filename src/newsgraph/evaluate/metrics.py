"""The typed results every scorer returns, and the arithmetic they share.

A scorer is a pure function from gold records and predicted analysis records to a `ScoreResult`:
named `Metric`s (each tied to the pipeline stage that produces it, so the runner can report a
stage that is not built instead of a zero), per-type precision/recall/F1, an optional confusion
table and one `RecordError` per thing that went wrong, for studying kinds of failures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the ratios derived from them.

    An empty side scores 0.0, not undefined: a system that predicts nothing has precision 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.tp + self.fn
        return self.tp / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure: `value` is hits / support, None when there is nothing to measure."""

    name: str
    value: float | None
    support: int
    stage: str
    """The pipeline stage whose output the figure measures (see `newsgraph.pipeline.STAGE_ORDER`)."""
    unit: str = ""
    """Empty for a ratio in [0, 1]; otherwise the unit of the value ("km")."""

    def to_json(self) -> dict[str, Any]:
        value = None if self.value is None else round(self.value, 4)
        item = {"name": self.name, "value": value, "support": self.support, "stage": self.stage}
        return {**item, "unit": self.unit} if self.unit else item


def ratio(name: str, hits: int, support: int, stage: str) -> Metric:
    """A hit-rate metric; None (not 0) when the support is empty."""
    return Metric(name, hits / support if support else None, support, stage)


def prf_metrics(prefix: str, prf: PRF, stage: str) -> list[Metric]:
    """Precision, recall and F1 of one `PRF` as three metrics named `<prefix> P/R/F1`."""
    gold, predicted = prf.tp + prf.fn, prf.tp + prf.fp
    return [
        Metric(f"{prefix} precision", prf.precision, predicted, stage),
        Metric(f"{prefix} recall", prf.recall, gold, stage),
        Metric(f"{prefix} F1", prf.f1, gold + predicted, stage),
    ]


@dataclass(frozen=True, slots=True)
class RecordError:
    """One failure on one gold record: what the gold says and what was predicted."""

    record: str
    kind: str
    gold: Any
    predicted: Any
    stage: str

    def to_json(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "kind": self.kind,
            "stage": self.stage,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class ScoreResult:
    """What a scorer returns for one dataset."""

    metrics: list[Metric] = field(default_factory=list)
    per_type: dict[str, PRF] = field(default_factory=dict)
    per_type_stage: str = ""
    """The stage the per-type table measures (empty when there is no table)."""
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    """Gold label → predicted label → count (only for classification datasets)."""
    errors: list[RecordError] = field(default_factory=list)
    records: int = 0

    def metric(self, name: str) -> Metric:
        """The metric called `name`; the error lists the names there are."""
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(f"no metric {name!r}; have {[m.name for m in self.metrics]}")

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "metrics": [m.to_json() for m in self.metrics],
            "per_type": {label: prf.to_json() for label, prf in sorted(self.per_type.items())},
            "confusion": {gold: dict(row) for gold, row in sorted(self.confusion.items())},
        }


def per_label_prf(pairs: list[tuple[set[str], set[str]]]) -> dict[str, PRF]:
    """Per-label PRF over records that each carry a gold label set and a predicted label set."""
    counts: dict[str, Counter[str]] = {}
    for gold, predicted in pairs:
        for label in gold | predicted:
            row = counts.setdefault(label, Counter())
            if label in gold and label in predicted:
                row["tp"] += 1
            elif label in predicted:
                row["fp"] += 1
            else:
                row["fn"] += 1
    return {label: PRF(c["tp"], c["fp"], c["fn"]) for label, c in counts.items()}


def micro(per_type: dict[str, PRF]) -> PRF:
    """The micro-average: the per-type counts summed."""
    total = PRF()
    for prf in per_type.values():
        total = total + prf
    return total
