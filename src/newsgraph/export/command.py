"""The `newsgraph export` command (the query commands live in `newsgraph.query.commands`;
export depends on query, never the other way round)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.cli_options import (
    ActorOption,
    CountryOption,
    DbOption,
    InvolvingOption,
    MinConfidenceOption,
    ModalityOption,
    ModeOption,
    PlaceOption,
    QuadOption,
    RecipientOption,
    SinceOption,
    TypeOption,
    UntilOption,
    console,
    event_filter,
)
from newsgraph.settings import load_settings


class ExportFormat(StrEnum):
    plover = "plover"
    polecat = "polecat"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"


def export(
    path: Annotated[
        str, typer.Argument(help="Output file, or - for standard output.", show_default=False)
    ],
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="plover (JSONL), polecat (TSV), csv, parquet or geojson; default: from the "
            "extension (.jsonl, .tsv, .csv, .parquet, .geojson).",
        ),
    ] = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    involving: InvolvingOption = None,
    country: CountryOption = None,
    place: PlaceOption = None,
    type: TypeOption = None,
    mode: ModeOption = None,
    quad_class: QuadOption = None,
    modality: ModalityOption = "asserted",
    min_confidence: MinConfidenceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Export event clusters (one row per real event) as PLOVER JSONL, POLECAT TSV, CSV,
    Parquet or GeoJSON; docs/exports.md describes every column."""
    from newsgraph.export.formats import export as run_export
    from newsgraph.export.formats import format_for
    from newsgraph.store import Store

    fmt = format_for(path, format.value if format else None)
    f = event_filter(
        actor=actor,
        recipient=recipient,
        involving=involving,
        country=country,
        place=place,
        type=type,
        mode=mode,
        quad_class=quad_class,
        since=since,
        until=until,
        modality=modality,
        min_confidence=min_confidence,
    )
    with Store(load_settings(db_url=db).db_url) as store:
        n = run_export(store, path, fmt, f)
    console.print(f"wrote {n} event(s) to {'standard output' if path == '-' else path} ({fmt})")
