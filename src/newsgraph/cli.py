"""The `newsgraph` command line: a thin layer over the pipeline, the store and the evaluation.

Logging is configured here and nowhere else. Errors reach the user as one readable line and a
non-zero exit, never as a traceback (set NEWSGRAPH_DEBUG=1 to see one).
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from newsgraph import __version__
from newsgraph.cli_options import (
    DbOption,
    FormatOption,
    ListFormat,
    SinceOption,
    UntilOption,
    console,
    out,
    parse_date,
)
from newsgraph.errors import NewsgraphError
from newsgraph.scale import DEFAULT_PARTITION_SIZE, run_records
from newsgraph.scale.options import DaskOption, DaskWorkersOption, PartitionSizeOption
from newsgraph.settings import load_settings

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into verifiable event data, quotes, actors, times and places.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .csv), directories (walked recursively) or - for stdin.",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Reference date (YYYY-MM-DD) for relative time expressions when a document gives none.",
    ),
]


@app.command()
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Versions, the spaCy pipeline in use, the stages and the store location."""
    from newsgraph.annotate import spacy_version_info
    from newsgraph.pipeline import Pipeline

    settings = load_settings(db_url=db)
    details: dict[str, Any] = {"newsgraph": __version__, "python": sys.version.split()[0]}
    details.update(spacy_version_info(settings.spacy_model))
    details["spacy_model_setting"] = settings.spacy_model
    details["stages"] = Pipeline(settings).stage_names
    details["store"] = settings.db_url
    details["batch_size"] = settings.batch_size
    details["max_text_bytes"] = settings.max_text_bytes
    details["kb_paths"] = list(settings.kb_paths)
    if as_json:
        out.print_json(json.dumps(details))
        return
    table = Table(show_header=False, box=None)
    for key, value in details.items():
        table.add_row(
            f"[bold]{key}[/]", ", ".join(value) if isinstance(value, list) else str(value)
        )
    out.print(table)


def _print_table(record: dict[str, Any]) -> None:
    """One document, readably: its events, quotes and coded actors, a line each."""
    if "error" in record:
        out.print(
            f"[red]{record['id']}: {record['error']['kind']}: {record['error']['message']}[/]"
        )
        return
    doc = record["document"]
    out.rule(f"[bold]{doc.get('title') or record['id']}")
    out.print(
        f"published {doc.get('published')} ({doc.get('published_source')}), "
        f"authors: {', '.join(doc.get('authors') or []) or '-'}"
    )
    out.print(f"\n[bold]events[/] ({len(record['events'])})")
    for v in record["events"]:
        out.print(f"  • {_event_line(v)}  [dim]{v['confidence']:.2f}[/]")
    out.print(f"\n[bold]quotes[/] ({len(record['quotes'])})")
    for q in record["quotes"]:
        speaker = (q.get("speaker") or {}).get("text") or "no speaker"
        via = f" via {q['via']}" if q.get("via") else ""
        text = q["text"] if len(q["text"]) <= 100 else q["text"][:99] + "…"
        out.print(f"  {q['kind']:<8} {speaker}{via}: “{text}”")
    actors = [e for e in record["entities"] if e.get("code") and not e.get("source_agency")]
    out.print(f"\n[bold]coded actors[/] ({len(actors)})")
    for e in actors:
        aliases = f" — also {', '.join(e['aliases'])}" if e["aliases"] else ""
        out.print(f"  {e['code']:<10} {e['name']} ({e['type']}){aliases}")


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOption = None,
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json, jsonl or a readable table.")
    ] = ExtractFormat.json,
    dask: DaskOption = None,
    dask_workers: DaskWorkersOption = None,
    partition_size: PartitionSizeOption = DEFAULT_PARTITION_SIZE,
) -> None:
    """Analyse documents and print their analysis records (nothing is stored).

    The record is described in docs/schema.md. A document that cannot be processed yields an
    error record in its place; the command then exits with status 1 after the others.
    """
    settings = load_settings()
    reference = parse_date(published, "--published")
    failed = 0
    records: list[dict[str, Any]] = []
    records_in = run_records(
        paths, settings, reference, dask, workers=dask_workers, partition_size=partition_size
    )
    for record in records_in:
        failed += "error" in record
        if format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif format is ExtractFormat.table:
            _print_table(record)
        else:
            records.append(record)
    if format is ExtractFormat.json:
        payload: Any = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        console.print(f"[red]{failed} document(s) failed; see their error records.[/]")
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    published: PublishedOption = None,
    dask: DaskOption = None,
    dask_workers: DaskWorkersOption = None,
    partition_size: PartitionSizeOption = DEFAULT_PARTITION_SIZE,
) -> None:
    """Analyse documents and store them; re-ingesting the same text changes nothing.

    Prints counts of documents new / updated / unchanged / failed, and exits with status 1 if
    any failed (their errors are kept in the store's `failures` table).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from newsgraph.store import Store

    settings = load_settings(db_url=db)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    with (
        Store(settings.db_url) as store,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("analysing", total=None)
        records_in = run_records(
            paths,
            settings,
            parse_date(published, "--published"),
            dask,
            workers=dask_workers,
            partition_size=partition_size,
        )
        for record in records_in:
            status = store.add(record)
            counts[status] += 1
            if status == "failed":
                failures.append(
                    f"{record['id']}: {record['error']['kind']}: {record['error']['message']}"
                )
            progress.advance(task)
        summary = store.summary()
    for line in failures:
        console.print(f"[red]failed[/] {line}")
    out.print(
        f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed"
    )
    out.print(
        f"store {summary.url}: {summary.documents} documents, {summary.events} events, "
        f"{summary.quotes} quotes, {summary.entities} entities"
    )
    if counts["failed"]:
        raise typer.Exit(1)


def _emit(rows: Iterable[dict[str, Any]], fmt: ListFormat, columns: list[str]) -> None:
    rows = list(rows)
    if fmt is ListFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        out.print(table)
        out.print(f"{len(rows)} row(s)")


LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]


def _list(
    table: str,
    filters: dict[str, Any],
    columns: list[str],
    fmt: ListFormat,
    db: str | None,
    limit: int | None,
    since: str | None = None,
    until: str | None = None,
) -> None:
    from newsgraph.store import Store

    settings = load_settings(db_url=db)
    with Store(settings.db_url) as store:
        rows = store.rows(
            table,  # type: ignore[arg-type]
            filters=filters,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            limit=limit,
        )
        _emit(rows, fmt, columns)


@app.command()
def documents(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher (* wildcards).")] = None,
    format: FormatOption = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List the stored documents (filter by publication date or publisher)."""
    columns = ["id", "doc_key", "title", "published", "published_source", "n_events", "n_quotes"]
    _list("documents", {"publisher": publisher}, columns, format, db, limit, since, until)


@app.command()
def events(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor code, e.g. SYRGOV (* wildcards).")
    ] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code (* wildcards).")] = None,
    country: Annotated[str | None, typer.Option(help="Actor country (ISO alpha-3).")] = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", help="1-4.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: FormatOption = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored events (filter by type, actor, recipient, country, quad class, dates)."""
    filters = {
        "event_type": type.upper() if type else None,
        "actor_code": actor,
        "recipient_code": recipient,
        "actor_country": country.upper() if country else None,
        "quad_class": quad_class,
    }
    columns = [
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
    _list("events", filters, columns, format, db, limit, since, until)


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker text (* wildcards).")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, partial or indirect.")] = None,
    format: FormatOption = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored quotes with their speakers."""
    columns = ["id", "document_id", "speaker", "via", "kind", "text"]
    _list("quotes", {"speaker": speaker, "kind": kind}, columns, format, db, limit)


@app.command()
def entities(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option(help="Name (* wildcards).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, ...")] = None,
    country: Annotated[str | None, typer.Option(help="Country (ISO alpha-3).")] = None,
    format: FormatOption = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored entities (actors, places, organisations) with their codes."""
    filters = {
        "name": name,
        "type": type.upper() if type else None,
        "country": country.upper() if country else None,
    }
    columns = ["id", "document_id", "name", "type", "code", "aliases", "titles"]
    _list("entities", filters, columns, format, db, limit)


def _participants(participants: list[dict[str, Any]]) -> str:
    return " + ".join(
        f"{p['text']} [{p['code']}]" if p.get("code") else p["text"] for p in participants
    )


def _event_line(v: dict[str, Any]) -> str:
    kind = v["event_type"] + (f"/{v['mode']}" if v.get("mode") else "")
    line = f"{kind:<22} {_participants(v['actors']) or '?'}"
    if v["recipients"]:
        line += f" → {_participants(v['recipients'])}"
    details = [(v.get("date") or {}).get("value") or "undated"]
    if v.get("location"):
        details.append(f"in {v['location']['name']}")
    if v["modality"] != "asserted":
        details.append(v["modality"])
    if v.get("historical"):
        details.append("historical")
    return f"{line}  ({', '.join(details)})"


@app.command()
def summary(
    db: DbOption = None,
    per_document: Annotated[
        int, typer.Option("--per-document", help="Events and quotes shown per document.")
    ] = 5,
) -> None:
    """A readable summary of the store: each document's strongest events and quotes."""
    from newsgraph.store import Store

    settings = load_settings(db_url=db)
    with Store(settings.db_url) as store:
        for row in store.rows("documents"):
            record = store.record(row["doc_key"])
            if record is None:
                continue
            doc = record["document"]
            out.print(f"\n[bold]{doc.get('title') or row['doc_key']}[/]  ({doc.get('published')})")
            strongest = sorted(record["events"], key=lambda v: -v["confidence"])[:per_document]
            for v in sorted(strongest, key=lambda v: v["evidence"][0]["start"]):
                out.print(f"  • {_event_line(v)}")
            for q in [q for q in record["quotes"] if q["kind"] == "direct"][:2]:
                speaker = (q.get("speaker") or {}).get("text") or "unattributed"
                out.print(f"  “{q['text'][:90]}{'…' if len(q['text']) > 90 else ''}” — {speaker}")
        found = store.summary()
    out.print(
        f"\nstore {found.url}: {found.documents} documents, {found.events} event reports, "
        f"{found.quotes} quotes, {found.entities} entity mentions"
    )
    out.print("next: newsgraph clusters | events | quotes | profile NAME | series A B | --help")


def _register_commands() -> None:
    """Commands that live beside the code they drive (queries, exports, evaluation)."""
    from newsgraph.evaluate.command import evaluate
    from newsgraph.query import commands
    from newsgraph.serve.command import serve

    for command in (commands.series, commands.profile, commands.search, commands.clusters):
        app.command()(command)
    app.command(name="export")(commands.export)
    app.command(name="evaluate")(evaluate)
    app.command(name="serve")(serve)


_register_commands()


def main() -> None:
    """Console entry point: configure logging, run, and turn errors into one readable line."""
    level = logging.DEBUG if os.environ.get("NEWSGRAPH_DEBUG") else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except NewsgraphError as exc:
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        console.print(f"[red]error:[/] {exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
