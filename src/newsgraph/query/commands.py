"""Typer commands over the query API: `series`, `profile`, `search`, `clusters`, `export`.

The CLI app registers these functions (`app.command()(series)`, ...); each opens the store named
by --db (else NEWSGRAPH_DB, else the default file) and prints a table, CSV or JSONL.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from newsgraph.cli_options import (
    DbOption,
    FormatOption,
    ListFormat,
    SinceOption,
    UntilOption,
    out,
    parse_date,
)
from newsgraph.query.resolve import EventFilter
from newsgraph.settings import load_settings
from newsgraph.store import Store


class Freq(StrEnum):
    week = "week"
    month = "month"


class ExportFormat(StrEnum):
    plover = "plover"
    polecat = "polecat"
    csv = "csv"
    parquet = "parquet"


LimitOption = Annotated[int, typer.Option("--limit", help="At most this many rows.")]


def _open(db: str | None) -> Store:
    return Store(load_settings(db_url=db).db_url)


def emit(frame: pd.DataFrame, fmt: ListFormat, title: str | None = None) -> None:
    """Print a DataFrame as a table, CSV or JSONL on standard output."""
    if fmt is ListFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is ListFormat.jsonl:
        if len(frame):
            frame.to_json(
                sys.stdout, orient="records", lines=True, date_format="iso", force_ascii=False
            )
    else:
        table = Table(*[str(c) for c in frame.columns], title=title)
        for row in frame.itertuples(index=False):
            table.add_row(*("" if pd.isna(v) else str(v) for v in row))
        out.print(table)
        out.print(f"{len(frame)} row(s)")


def series(
    a: Annotated[str, typer.Argument(help="Country or actor code, e.g. TUR or TURGOV.")],
    b: Annotated[str, typer.Argument(help="The other side, e.g. SYR.")],
    freq: Annotated[Freq, typer.Option("--freq", help="week or month.")] = Freq.month,
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    format: FormatOption = ListFormat.table,
) -> None:
    """Relations between two actors over time: events, reports, mean score, cooperation vs conflict."""
    from newsgraph.query.series import dyad_series

    with _open(db) as store:
        frame = dyad_series(
            store,
            a.upper(),
            b.upper(),
            freq.value,
            directed=directed,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
        )
    if format is ListFormat.table and len(frame):
        frame = frame.assign(
            period=frame["period"].dt.date, mean_score=frame["mean_score"].round(2)
        )
    emit(frame, format, f"{a.upper()} – {b.upper()} by {freq.value}")


def profile(
    name: Annotated[str, typer.Argument(help="A name or alias, e.g. 'Erdogan'.")],
    db: DbOption = None,
    limit: LimitOption = 20,
    format: FormatOption = ListFormat.table,
) -> None:
    """Who an actor is across all articles: aliases, roles over time, events and quotes."""
    from newsgraph.query.profile import actor_profile

    with _open(db) as store:
        p = actor_profile(store, name, limit=limit)
    e = p.entity
    out.rule(f"[bold]{e['name']}[/] ({e['type']}, {e.get('code') or 'no code'})")
    out.print(f"aliases: {', '.join(p.aliases) or '-'}")
    out.print(
        f"seen in {e['n_documents']} document(s), {e.get('first_seen')} – {e.get('last_seen')}"
    )
    if p.others:
        out.print("also matched: " + ", ".join(f"{o['name']} ({o['type']})" for o in p.others))
    emit(p.roles, format, "roles")
    emit(p.events, format, f"events (newest {len(p.events)} of {p.n_events})")
    emit(p.quotes, format, f"quotes (newest {len(p.quotes)} of {p.n_quotes})")


def search(
    text: Annotated[str, typer.Argument(help="Words that must all occur (stemmed).")],
    kind: Annotated[str | None, typer.Option(help="quote or evidence.")] = None,
    db: DbOption = None,
    limit: LimitOption = 20,
    format: FormatOption = ListFormat.table,
) -> None:
    """Full-text search over quotes and event evidence."""
    from newsgraph.query.search import search as run_search

    if kind not in (None, "quote", "evidence"):
        raise typer.BadParameter("use quote or evidence", param_hint="--kind")
    with _open(db) as store:
        frame = run_search(store, text, kind=kind, limit=limit)  # type: ignore[arg-type]
    emit(frame.drop(columns=["rank"]), format, f"matches for {text!r}")


def clusters(
    cluster_id: Annotated[
        int | None, typer.Argument(help="Show the reports of one cluster.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code (TURGOV) or name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Either side's or the place's country.")
    ] = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", help="1-4.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    limit: LimitOption = 50,
    format: FormatOption = ListFormat.table,
) -> None:
    """Events as clusters of reports (one row per real event), or one cluster's reports."""
    from newsgraph.query.events import cluster_reports, events

    with _open(db) as store:
        if cluster_id is not None:
            emit(cluster_reports(store, cluster_id), format, f"reports of cluster {cluster_id}")
            return
        frame = events(
            store,
            actor=actor,
            recipient=recipient,
            event_type=type,
            country=country,
            quad_class=quad_class,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            limit=limit,
        )
    columns = [
        "cluster_id",
        "event_type",
        "mode",
        "actor",
        "recipient",
        "date_start",
        "location",
        "n_reports",
        "n_documents",
    ]
    emit(frame[columns] if format is ListFormat.table else frame, format, "event clusters")


def export(
    path: Annotated[Path, typer.Argument(help="Output file.")],
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="plover (JSONL), polecat (TSV), csv, parquet."),
    ] = ExportFormat.plover,
    actor: Annotated[str | None, typer.Option(help="Actor code or name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Either side's or the place's country.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Export event clusters (one row per real event) as PLOVER JSONL, POLECAT TSV, CSV or Parquet."""
    from newsgraph.export.formats import export as run_export

    f = EventFilter(
        actor=actor,
        recipient=recipient,
        event_type=type,
        country=country,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
    )
    with _open(db) as store:
        n = run_export(store, path, format.value, f)
    out.print(f"wrote {n} event(s) to {path}")
