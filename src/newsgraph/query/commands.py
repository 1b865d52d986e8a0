"""Typer commands over the query API: `documents`, `events`, `quotes`, `entities`, `clusters`,
`series`, `panel`, `profile`, `search`.

The CLI app registers these functions (`app.command()(series)`, ...); each opens the store named
by --db (else NEWSGRAPH_DB, else the default file) and prints through `newsgraph.cli_output`:
the same filters (`newsgraph.query.filters`) and the same formats everywhere.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import pandas as pd
import typer

from newsgraph.cli_options import (
    ActorOption,
    CountryOption,
    DbOption,
    FormatOption,
    InvolvingOption,
    LimitOption,
    MinConfidenceOption,
    ModalityOption,
    ModeOption,
    OutputFormat,
    PlaceOption,
    QuadOption,
    RecipientOption,
    SinceOption,
    TypeOption,
    UntilOption,
    console,
    event_filter,
    out,
    parse_date,
)
from newsgraph.cli_output import emit, records, resolved, undated_note
from newsgraph.settings import load_settings
from newsgraph.store import Store


class Freq(StrEnum):
    week = "week"
    month = "month"


class ProfilePart(StrEnum):
    events = "events"
    roles = "roles"
    quotes = "quotes"


CLUSTER_TABLE = [
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
REPORT_TABLE = [
    "id",
    "event_type",
    "mode",
    "actor",
    "actor_code",
    "recipient",
    "recipient_code",
    "date_value",
    "location",
    "modality",
]


def open_store(db: str | None) -> Store:
    return Store(load_settings(db_url=db).db_url)


def _table_view(frame: pd.DataFrame, columns: list[str], fmt: OutputFormat) -> pd.DataFrame:
    """A terminal table shows the main columns; every data format keeps the full schema."""
    return frame[columns] if resolved(fmt) is OutputFormat.table else frame


def documents(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher (* wildcards).")] = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List the stored documents (filter by publication date or publisher)."""
    from newsgraph.query.listings import documents as list_documents

    with open_store(db) as store:
        frame = list_documents(
            store,
            publisher=publisher,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            limit=limit,
        )
    columns = ["id", "doc_key", "title", "published", "published_source", "n_events", "n_quotes"]
    emit(_table_view(frame, columns, format), format, "documents")


def events(
    db: DbOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    involving: InvolvingOption = None,
    country: CountryOption = None,
    place: PlaceOption = None,
    type: TypeOption = None,
    mode: ModeOption = None,
    quad_class: QuadOption = None,
    modality: ModalityOption = "any",
    min_confidence: MinConfidenceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored event reports, one per article (see `clusters` for one row per real event)."""
    from newsgraph.query.events import reports

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
    with open_store(db) as store:
        frame = reports(store, f, limit=limit)
    emit(
        _table_view(frame, REPORT_TABLE, format), format, "event reports", note=undated_note(frame)
    )


def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker text (* wildcards).")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, partial or indirect.")] = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored quotes with their speakers."""
    from newsgraph.query.listings import quotes as list_quotes

    with open_store(db) as store:
        frame = list_quotes(store, speaker=speaker, kind=kind, limit=limit)
    columns = ["id", "document_id", "speaker", "via", "kind", "text"]
    emit(_table_view(frame, columns, format), format, "quotes")


def entities(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option(help="Name (* wildcards).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, ...")] = None,
    country: Annotated[str | None, typer.Option(help="Country (ISO alpha-3).")] = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored entities (actors, places, organisations) with their codes."""
    from newsgraph.query.listings import entities as list_entities

    with open_store(db) as store:
        frame = list_entities(store, name=name, type=type, country=country, limit=limit)
    columns = ["id", "document_id", "name", "type", "code", "aliases", "titles"]
    emit(_table_view(frame, columns, format), format, "entities")


def series(
    a: Annotated[str, typer.Argument(help="A code (KEN, TURGOV) or a name, e.g. 'Ruto'.")],
    b: Annotated[str, typer.Argument(help="The other side, e.g. ETH.")],
    freq: Annotated[Freq, typer.Option("--freq", help="week or month.")] = Freq.month,
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Relations between two actors over time: events, reports, mean score, cooperation vs
    conflict. Events with A and B on opposite sides count, and so do joint actions (both on the
    actor side, "Kenya and Ethiopia agreed ...")."""
    from newsgraph.query.series import dyad_series

    with open_store(db) as store:
        frame = dyad_series(
            store,
            a,
            b,
            freq.value,
            directed=directed,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
        )
    n = int(frame.attrs.get("undated_left_out", 0))
    note = (
        f"note: {n} event(s) between {a} and {b} have no date and are in no period" if n else None
    )
    if resolved(format) is OutputFormat.table:
        frame = frame.assign(mean_score=frame["mean_score"].round(2))
    emit(frame, format, f"{a} – {b} by {freq.value}", note=note)


def profile(
    name: Annotated[str, typer.Argument(help="A name, alias or part of a name, e.g. 'Erdogan'.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", help="Newest events and quotes shown.")] = 20,
    part: Annotated[
        ProfilePart,
        typer.Option("--part", help="With -f csv/tsv/jsonl: which table (events, roles, quotes)."),
    ] = ProfilePart.events,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Who an actor is across all articles: aliases, roles over time, events and quotes.

    `-f json` prints one object (entity, aliases, roles, events, quotes); the row formats print
    the table chosen with --part."""
    from newsgraph.query.profile import actor_profile

    with open_store(db) as store:
        p = actor_profile(store, name, limit=limit)
    e = p.entity
    fmt = resolved(format)
    if fmt is OutputFormat.json:
        payload: dict[str, Any] = {
            "entity": {k: _plain(v) for k, v in e.items()},
            "aliases": p.aliases,
            "n_events": p.n_events,
            "n_quotes": p.n_quotes,
            "roles": records(p.roles),
            "events": records(p.events),
            "quotes": records(p.quotes),
            "also_matched": [{k: _plain(v) for k, v in o.items()} for o in p.others],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is not OutputFormat.table:
        emit({"events": p.events, "roles": p.roles, "quotes": p.quotes}[part.value], fmt)
        return
    out.rule(f"[bold]{e['name']}[/] ({e['type']}, {e.get('code') or 'no code'})")
    out.print(f"aliases: {', '.join(p.aliases) or '-'}")
    out.print(
        f"seen in {e['n_documents']} document(s), {e.get('first_seen')} – {e.get('last_seen')}"
    )
    if p.others:
        out.print("also matched: " + ", ".join(f"{o['name']} ({o['type']})" for o in p.others))
    emit(p.roles, fmt, "roles")
    emit(p.events, fmt, f"events (newest {len(p.events)} of {p.n_events})")
    emit(p.quotes, fmt, f"quotes (newest {len(p.quotes)} of {p.n_quotes})")


def _plain(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def search(
    text: Annotated[str, typer.Argument(help="Words that must all occur (stemmed).")],
    kind: Annotated[str | None, typer.Option(help="quote or evidence.")] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows.")] = 20,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Full-text search over quotes and event evidence."""
    from newsgraph.query.search import search as run_search

    if kind not in (None, "quote", "evidence"):
        raise typer.BadParameter("use quote or evidence", param_hint="--kind")
    with open_store(db) as store:
        frame = run_search(store, text, kind=kind, limit=limit)  # type: ignore[arg-type]
    emit(frame, format, "matches")


def clusters(
    cluster_id: Annotated[
        int | None, typer.Argument(help="Show the reports of one cluster.")
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
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows.")] = 50,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Events as clusters of reports (one row per real event), or one cluster's reports."""
    from newsgraph.query.events import cluster_reports, events

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
    with open_store(db) as store:
        if cluster_id is not None:
            emit(cluster_reports(store, cluster_id), format, f"reports of cluster {cluster_id}")
            return
        frame = events(store, where=f, limit=limit)
    emit(
        _table_view(frame, CLUSTER_TABLE, format),
        format,
        "event clusters",
        note=undated_note(frame),
    )


class PanelBy(StrEnum):
    place = "place"
    actor = "actor"
    recipient = "recipient"


def panel(
    by: Annotated[
        PanelBy,
        typer.Option(
            "--by",
            help="Count an event for where it happened, or the actor's or the recipient's country.",
        ),
    ] = PanelBy.place,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    involving: InvolvingOption = None,
    country: CountryOption = None,
    type: TypeOption = None,
    quad_class: QuadOption = None,
    modality: ModalityOption = "asserted",
    min_confidence: MinConfidenceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (.csv, .tsv, .json, .jsonl, "
            ".parquet) instead of standard output.",
        ),
    ] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """A country-month panel (ICEWS-style): events per country and month by quad class, with
    zeros for months without events."""
    from newsgraph.query.panel import country_month_panel

    f = event_filter(
        actor=actor,
        recipient=recipient,
        involving=involving,
        country=country,
        type=type,
        quad_class=quad_class,
        modality=modality,
        min_confidence=min_confidence,
    )
    with open_store(db) as store:
        frame = country_month_panel(
            store,
            by=by.value,
            where=f,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
        )
    left_out = frame.attrs.get("left_out")
    note = (
        f"note: {left_out} matching event(s) have no date or no {by.value} country and are in "
        "no cell"
        if left_out
        else None
    )
    if output is None:
        emit(frame, format, f"country-month panel by {by.value}", note=note)
        return
    write_frame(frame, output)
    console.print(f"wrote {len(frame)} row(s) to {output}")
    if note:
        console.print(note)


def write_frame(frame: pd.DataFrame, path: str) -> None:
    """A query answer as a file whose extension names the format; one-line errors otherwise."""
    from pathlib import Path

    from newsgraph.cli_output import write
    from newsgraph.errors import ConfigError

    target = Path(path)
    suffix = target.suffix.lower()
    formats = {".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv, ".json": OutputFormat.json,
               ".jsonl": OutputFormat.jsonl}  # fmt: skip
    if target.is_dir():
        raise ConfigError(f"{path} is a folder; give a file name, e.g. {target / 'panel.csv'}")
    if suffix not in (*formats, ".parquet"):
        raise ConfigError(f"cannot tell the format of {path!r}; use .csv, .tsv, .json, "
                          ".jsonl or .parquet")  # fmt: skip
    try:
        if suffix == ".parquet":
            frame.to_parquet(target, index=False)
        else:
            with target.open("w", encoding="utf-8", newline="") as fh:
                write(frame, formats[suffix], fh)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


class CodeTable(StrEnum):
    type = "type"
    mode = "mode"
    context = "context"
    sector = "sector"
    country = "country"
    cameo = "cameo"


def codes(
    table: Annotated[
        CodeTable | None,
        typer.Argument(help="type, mode, context, sector, country or cameo (default: all)."),
    ] = None,
    query: Annotated[
        str | None, typer.Argument(help="Only rows whose code, name or detail contain this.")
    ] = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Look up codes: PLOVER event types, modes and contexts, sector codes, country codes and
    the CAMEO↔PLOVER crosswalk (e.g. `newsgraph codes country kenya`, `newsgraph codes cameo 04`)."""
    from newsgraph.query.codes import codes as lookup

    frame = lookup(table.value if table else None, query)
    emit(frame, format, "codes")
