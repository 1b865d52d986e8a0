"""Showing an `EvaluationResult`: a rich table for the terminal, Markdown for docs/evaluation.md.

A metric whose stage the pipeline does not have reads "not built", never 0.
"""

from __future__ import annotations

from collections import Counter

from rich.table import Table

from newsgraph.evaluate.datasets import DATASETS
from newsgraph.evaluate.metrics import Metric
from newsgraph.evaluate.runner import EvaluationResult

NOT_BUILT = "not built"
NO_DATA = "n/a"
"""Shown when a metric has nothing to measure (its support is empty)."""


def format_value(result: EvaluationResult, metric: Metric) -> str:
    if not result.built(metric):
        return NOT_BUILT
    if metric.value is None:
        return NO_DATA
    if metric.unit:
        return f"{metric.value:.0f} {metric.unit}"
    return f"{metric.value:.3f}"


def summary_line(result: EvaluationResult) -> str:
    failed = f", {len(result.failed)} failed" if result.failed else ""
    return f"{result.dataset}: {result.records} records{failed}, {result.wall_seconds:.1f} s"


def failure_lines(result: EvaluationResult, most: int = 3) -> list[str]:
    """What made documents fail in the pipeline, commonest first (they score as empty)."""
    messages = Counter(str(f.predicted.get("message", f.predicted)) for f in result.failed)
    return [
        f"{count} of {result.records} documents failed: {message}"
        for message, count in messages.most_common(most)
    ]


def metrics_table(result: EvaluationResult) -> Table:
    table = Table(title=summary_line(result))
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("support", justify="right")
    table.add_column("stage")
    for metric in result.score.metrics:
        table.add_row(metric.name, format_value(result, metric), str(metric.support), metric.stage)
    return table


def per_type_table(result: EvaluationResult) -> Table | None:
    if not result.score.per_type or result.score.per_type_stage not in result.stages:
        return None
    table = Table(title=f"{result.dataset}: per type")
    for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for label, prf in sorted(result.score.per_type.items()):
        table.add_row(
            label,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"{prf.f1:.3f}",
            str(prf.tp),
            str(prf.fp),
            str(prf.fn),
        )
    return table


def markdown(result: EvaluationResult) -> str:
    """One dataset's section of docs/evaluation.md."""
    lines = [
        f"### {result.dataset}",
        "",
        f"{result.records} records from `{result.path}`; wall time {result.wall_seconds:.1f} s"
        + ".",
        "",
    ]
    lines += [
        f"- stage **{stage}** is not built: its figures are not measured."
        for stage in result.not_built
    ]
    lines += [f"- {line} (scored as empty predictions)" for line in failure_lines(result)]
    if result.not_built or result.failed:
        lines.append("")
    caveat = DATASETS[result.dataset].caveat if result.dataset in DATASETS else ""
    if caveat:
        lines += [f"Note: {caveat}", ""]
    lines += ["| metric | value | support | stage |", "|---|---:|---:|---|"]
    lines += [
        f"| {m.name} | {format_value(result, m)} | {m.support} | {m.stage} |"
        for m in result.score.metrics
    ]
    if result.score.per_type and result.score.per_type_stage in result.stages:
        lines += ["", "| type | P | R | F1 | tp | fp | fn |", "|---|---:|---:|---:|---:|---:|---:|"]
        lines += [
            f"| {label} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} | {p.tp} | {p.fp} | {p.fn} |"
            for label, p in sorted(result.score.per_type.items())
        ]
    return "\n".join(lines) + "\n"
