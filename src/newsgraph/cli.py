"""The `newsgraph` command line: a thin layer over the pipeline, the store and the evaluation.

Logging is configured here and nowhere else. Errors reach the user as one readable line and a
non-zero exit, never as a traceback (set NEWSGRAPH_DEBUG=1 to see one).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from newsgraph import __version__
from newsgraph.cli_options import DbOption, console, out, parse_date
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
    if dask is None:
        from newsgraph.cli_ingest import check_settings

        check_settings(settings)
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
    force: Annotated[
        bool, typer.Option("--force", help="Analyse again documents already stored.")
    ] = False,
    dask: DaskOption = None,
    dask_workers: DaskWorkersOption = None,
    partition_size: PartitionSizeOption = DEFAULT_PARTITION_SIZE,
) -> None:
    """Analyse documents and store them; documents already stored are skipped before analysis.

    A stored document is analysed again when the input now gives it a different publication
    date (re-dating) or with --force. Prints counts of documents new / updated / unchanged /
    failed, and exits with status 1 if any failed (their errors are kept in the store's
    `failures` table). Interrupted (Ctrl-C)? Run the same command again: what was stored is
    skipped.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    from newsgraph import cli_ingest
    from newsgraph.store import Store

    if any(not p.strip() for p in paths):
        raise typer.BadParameter("an empty path was given; name a file, a folder or - for stdin")
    settings = load_settings(db_url=db)
    reference = parse_date(published, "--published")
    if dask is None:
        cli_ingest.check_settings(settings)
    total = cli_ingest.count_inputs(paths, settings.max_text_bytes)
    progress = cli_ingest.Progress(total)
    failures: list[str] = []
    seen: dict[str, str] = {}
    with (
        Store(settings.db_url) as store,
        Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("ingesting", total=total, rate="")
        batch: list[tuple[str, dict[str, Any]]] = []
        started = 0.0

        def write_batch() -> None:
            pending = batch[:]
            batch.clear()  # an interrupt inside the write must not write these a second time
            statuses = store.add_many([record for _, record in pending])
            for (action, record), status in zip(pending, statuses, strict=True):
                if action in ("redate", "force") and status == "new":
                    status = "updated"
                if status == "failed":
                    error = record["error"]
                    failures.append(f"{record['id']}: {error['kind']}: {error['message']}")
                progress.advance(status, analysed=True)
                bar.update(task, advance=1, rate=progress.rate())

        try:
            if dask is None:
                steps: Iterable[tuple[str, dict[str, Any] | None, str]] = cli_ingest.records(
                    paths, settings, reference, store, force=force
                )
            else:
                steps = (
                    ("analyse", record, str(record.get("id")))
                    for record in run_records(
                        paths,
                        settings,
                        reference,
                        dask,
                        workers=dask_workers,
                        partition_size=partition_size,
                    )
                )
            for action, record, _doc_id in steps:
                if record is None:
                    progress.advance("unchanged", analysed=False)
                    bar.update(task, advance=1, rate=progress.rate())
                    continue
                if not batch:
                    started = time.monotonic()
                batch.append((action, _unique_id(record, seen)))
                if len(batch) >= STORE_BATCH or time.monotonic() - started >= STORE_BATCH_SECONDS:
                    write_batch()
            if batch:
                write_batch()
        except KeyboardInterrupt:
            if batch:  # analysed already: store it rather than analyse it again on resume
                write_batch()
            bar.stop()
            console.print(
                f"interrupted after {progress.line()}: {progress.summary()} — stored documents "
                "are kept; run the same command again to resume (stored ones are skipped "
                "before analysis)",
                highlight=False,
            )
            raise typer.Exit(130) from None
        summary = store.summary()
    for line in failures:
        console.print(f"[red]failed[/] {line}")
    out.print(progress.summary())
    out.print(
        f"store {summary.url}: {summary.documents} documents, {summary.events} events, "
        f"{summary.quotes} quotes, {summary.entities} entities"
    )
    if progress.counts["failed"]:
        raise typer.Exit(1)


STORE_BATCH = 32
"""Records written in one transaction (one commit); a kill loses at most these, and the
rerun stores them."""

STORE_BATCH_SECONDS = 2.0
"""A batch is written once its first record has waited this long (slow analysis)."""


def _unique_id(record: dict[str, Any], seen: dict[str, str]) -> dict[str, Any]:
    """The record, or an error record when another document of this run had its id (a second
    document must not silently replace the first)."""
    if "error" in record:
        return record
    doc_id, sha = str(record["id"]), record["source"]["sha256"]
    first = seen.setdefault(doc_id, sha)
    if first == sha:
        return record
    where = record["source"].get("path") or "the input"
    return {
        "id": doc_id,
        "error": {
            "kind": "duplicate_id",
            "message": f"id {doc_id!r} appears twice in this input with different texts (again "
            f"in {where}); give each document its own id",
        },
    }


@app.command()
def delete(
    doc_keys: Annotated[
        list[str], typer.Argument(help="Document ids as `newsgraph documents` lists them.")
    ],
    db: DbOption = None,
) -> None:
    """Remove documents (and their events, quotes and failure rows) from the store."""
    from newsgraph.store import Store

    settings = load_settings(db_url=db)
    missing = []
    with Store(settings.db_url) as store:
        for key in doc_keys:
            if store.delete(key) == 0:
                missing.append(key)
    removed = len(doc_keys) - len(missing)
    out.print(f"deleted {removed} document(s)")
    if missing:
        console.print(
            f"not in the store: {', '.join(missing[:10])}; list ids with `newsgraph documents`",
            highlight=False,
        )
        raise typer.Exit(2)


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
    from newsgraph.export.command import export
    from newsgraph.query import commands
    from newsgraph.serve.command import serve

    for command in (
        commands.documents,
        commands.events,
        commands.quotes,
        commands.entities,
        commands.clusters,
        commands.series,
        commands.panel,
        commands.profile,
        commands.search,
        commands.codes,
    ):
        app.command()(command)
    app.command(name="export")(export)
    app.command(name="evaluate")(evaluate)
    app.command(name="serve")(serve)


_register_commands()


def _version(value: bool) -> None:
    if value:
        out.print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks and debug logging (NEWSGRAPH_DEBUG=1).")
    ] = False,
) -> None:
    """Turn news articles into verifiable event data, quotes, actors, times and places."""
    if debug:
        os.environ["NEWSGRAPH_DEBUG"] = "1"
        logging.getLogger().setLevel(logging.DEBUG)


def main() -> None:
    """Console entry point: configure logging, run, and turn every error into one line."""
    from newsgraph.cli_errors import run

    level = logging.DEBUG if os.environ.get("NEWSGRAPH_DEBUG") else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(run(app, sys.argv[1:]))


if __name__ == "__main__":
    main()
