"""Run one dataset: read the gold, analyse its texts with the pipeline, score, report errors.

The analyser is a seam: by default the real pipeline (`analyze_texts` + `to_record`); tests pass
a function that returns prepared records, so the runner is tested without spaCy.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from newsgraph.errors import InputError
from newsgraph.evaluate.align import onto_gold_text
from newsgraph.evaluate.datasets import get_dataset
from newsgraph.evaluate.metrics import Metric, RecordError, ScoreResult

Item = tuple[str, str, dt.date | None]
"""What the pipeline analyses: (id, text, published)."""


class Analyzer(Protocol):
    """Turns items into analysis records, in order, and says which stages it has."""

    @property
    def stage_names(self) -> list[str]: ...

    def __call__(self, items: Iterable[Item]) -> Iterator[dict[str, Any]]: ...


class PipelineAnalyzer:
    """The real pipeline, with extra knowledge-base files laid over the built-in KB."""

    def __init__(self, kb_paths: tuple[str, ...] = ()) -> None:
        from newsgraph.pipeline import Pipeline
        from newsgraph.settings import load_settings

        overrides: dict[str, Any] = {"kb_paths": kb_paths} if kb_paths else {}
        self.pipeline = Pipeline(load_settings(**overrides))

    @property
    def stage_names(self) -> list[str]:
        return self.pipeline.stage_names

    def __call__(self, items: Iterable[Item]) -> Iterator[dict[str, Any]]:
        from newsgraph.export import to_record
        from newsgraph.pipeline import analyze_texts

        for analysis in analyze_texts(items, pipeline=self.pipeline):
            yield to_record(analysis)


@dataclass(slots=True)
class EvaluationResult:
    """The figures for one dataset, with what it took to get them."""

    dataset: str
    path: str
    records: int
    wall_seconds: float
    score: ScoreResult
    stages: list[str]
    """Stages the pipeline had when it ran."""
    failed: list[RecordError] = field(default_factory=list)
    """Documents the pipeline returned an error record for (scored as empty)."""

    def built(self, metric: Metric) -> bool:
        return metric.stage in self.stages

    @property
    def not_built(self) -> list[str]:
        """Stages some metric needs that the pipeline does not have (reported, never scored 0)."""
        needed = [m.stage for m in self.score.metrics]
        if self.score.per_type:
            needed.append(self.score.per_type_stage)
        return sorted({s for s in needed if s and s not in self.stages})

    def to_json(self) -> dict[str, Any]:
        metrics = []
        for metric in self.score.metrics:
            item = metric.to_json()
            if not self.built(metric):
                item["value"], item["status"] = None, "not built"
            metrics.append(item)
        per_type_built = self.score.per_type_stage in self.stages
        return {
            "dataset": self.dataset,
            "path": self.path,
            "records": self.records,
            "failed": len(self.failed),
            "wall_seconds": round(self.wall_seconds, 2),
            "stages": self.stages,
            "not_built": self.not_built,
            "metrics": metrics,
            "per_type": self.score.to_json()["per_type"] if per_type_built else {},
            "confusion": self.score.to_json()["confusion"] if per_type_built else {},
        }


def write_errors(path: Path, dataset: str, errors: Iterable[RecordError]) -> int:
    """Write one JSON line per error (gold vs predicted); returns how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for error in errors:
            handle.write(
                json.dumps({"dataset": dataset, **error.to_json()}, ensure_ascii=False) + "\n"
            )
            count += 1
    return count


def run_evaluation(
    dataset: str,
    path: Path,
    *,
    limit: int | None = None,
    errors_file: Path | None = None,
    analyzer: Analyzer | None = None,
) -> EvaluationResult:
    """Evaluate the pipeline (or `analyzer`) on the first `limit` gold records of `dataset`."""
    spec = get_dataset(dataset)
    if not path.exists():
        raise InputError(
            "not_found",
            f"{path} does not exist; give the path of the {dataset} data "
            f"(default: <evaldata>/{spec.default_path}, see `newsgraph evaluate --help`)",
        )
    if limit is not None and limit < 1:
        raise InputError("unsupported", f"--limit must be at least 1, got {limit}")
    try:
        gold = list(spec.read(path))[:limit]
    except (
        ValueError,
        KeyError,
        SyntaxError,
        UnicodeDecodeError,
    ) as exc:  # ET.ParseError is a SyntaxError
        raise InputError(
            "unsupported", f"{path} cannot be read as {dataset} data ({exc}); check the path"
        ) from exc
    started = time.perf_counter()
    analyse = analyzer if analyzer is not None else PipelineAnalyzer(spec.kb_paths(path))
    items = [(doc.id, doc.text, doc.published) for doc in gold]
    predicted: dict[str, dict[str, Any]] = {}
    failed: list[RecordError] = []
    records = analyse(items)
    for doc in gold:
        record = next(records, None)
        if record is None:
            raise RuntimeError(
                f"the analyser returned fewer records than the {len(gold)} it was given"
            )
        if "error" in record:
            failed.append(
                RecordError(
                    doc.id, "pipeline_error", {"text": doc.text[:200]}, record["error"], "pipeline"
                )
            )
        predicted[doc.id] = onto_gold_text(record, doc.text)
    wall = time.perf_counter() - started
    score = spec.score(gold, predicted, path)
    result = EvaluationResult(
        dataset, str(path), len(gold), wall, score, list(analyse.stage_names), failed
    )
    if errors_file is not None:
        built = [e for e in score.errors if e.stage in result.stages]
        write_errors(errors_file, dataset, [*failed, *built])
    return result
