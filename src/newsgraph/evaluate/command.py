"""`newsgraph evaluate`: score the pipeline on one public gold dataset (the CLI registers it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.errors import ConfigError
from newsgraph.evaluate.datasets import DATASETS, evaldata_root, get_dataset
from newsgraph.evaluate.render import failure_lines, metrics_table, per_type_table
from newsgraph.evaluate.runner import run_evaluation

__all__ = ["DATASETS", "evaluate"]

FORMATS = ("table", "json")

_DATASET_HELP = "Dataset: " + ", ".join(
    f"{name} ({spec.description})" for name, spec in DATASETS.items()
)


def evaluate(
    dataset: Annotated[str, typer.Argument(help=_DATASET_HELP, show_default=False)],
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Gold data file or folder. Default: the dataset's usual place under "
            "$NEWSGRAPH_EVALDATA or ../shared/evaldata.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Output: table or json.")] = "table",
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N gold records (a quick check).", min=1)
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(
            help="Write every error (gold vs predicted, one JSON object per line) to this file, "
            "to study the kinds of failures."
        ),
    ] = None,
) -> None:
    """Measure accuracy on public gold data: event types and dyads (plover-gsr), CAMEO/PLOVER
    agreement (petrarch), times and names (meantime), names and quotes (gum), document-level
    events, quotes and speakers (gum-events), geocoding
    (geowebnews). Stages that are not built yet are reported as such, not as zeros."""
    if format not in FORMATS:
        raise ConfigError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    spec = get_dataset(dataset)
    result = run_evaluation(
        dataset, path or evaldata_root() / spec.default_path, limit=limit, errors_file=errors
    )
    if format == "json":
        typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    console = Console(highlight=False)
    console.print(metrics_table(result))
    per_type = per_type_table(result)
    if per_type is not None:
        console.print(per_type)
    for stage in result.not_built:
        console.print(f"stage [bold]{stage}[/] is not built: its figures are not measured")
    for line in failure_lines(result):
        console.print(f"[red]{line}[/] (scored as empty predictions)")
    if errors is not None:
        console.print(f"errors written to {errors}")
