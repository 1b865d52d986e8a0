"""Client side of a distributed run: turn the user's paths into work items, in input order.

A standalone article file (.txt, .html, .htm) travels as its path and is read on the worker:
its text then crosses the wire once, inside the record that comes back, and HTML extraction
runs in parallel too. Corpus files (.jsonl, .csv) and stdin hold many documents behind one
name, so the client reads them lazily (one record at a time) and ships each `Analysis`; the
worker then leaves `text` out of that record and the client puts it back (`restore_text`), so
those texts also cross the wire only once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph.ingest import read_inputs
from newsgraph.ingest.readers import HTML_SUFFIXES, KNOWN_SUFFIXES, TEXT_SUFFIXES
from newsgraph.model import Analysis

JSON = dict[str, Any]

WORKER_READ_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
"""One file, one document: read on the worker by path."""


@dataclass(frozen=True, slots=True)
class FileItem:
    """A one-document file the worker reads itself (it must see the same path)."""

    path: str


WorkItem = FileItem | Analysis
"""A path read on the worker, or a document already read on the client."""


def item_id(item: WorkItem) -> str:
    """The record ID of an item, as the in-process reader would give it."""
    return item.path if isinstance(item, FileItem) else item.id


def _expand(raw: str) -> Iterator[str]:
    """A directory's files in the reader's order; anything else (errors included) as given."""
    path = Path(raw)
    try:
        if not path.is_dir():
            yield raw
            return
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in KNOWN_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    except OSError:
        yield raw  # the reader turns it into the error record that says what went wrong
        return
    if not files:
        yield raw
    for file in files:
        yield str(file)


def _read_on_worker(name: str) -> bool:
    path = Path(name)
    try:
        return path.suffix.lower() in WORKER_READ_SUFFIXES and path.is_file()
    except OSError:
        return False


def plan_items(
    paths: Sequence[str], *, published: dt.date | None, max_text_bytes: int
) -> Iterator[WorkItem]:
    """Every document under `paths` as a work item, lazily and in the order `read_inputs` uses."""
    for raw in paths:
        for name in ["-"] if raw == "-" else _expand(raw):
            if name != "-" and _read_on_worker(name):
                yield FileItem(name)
            else:
                yield from read_inputs([name], published=published, max_text_bytes=max_text_bytes)


def partitions(items: Iterator[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    """Consecutive groups of at most `size` items."""
    while chunk := list(islice(items, size)):
        yield chunk


def restore_text(item: WorkItem, records: list[JSON]) -> list[JSON]:
    """Put back the `text` the worker left out of a client-read document's record."""
    if isinstance(item, FileItem):
        return records
    restored: list[JSON] = []
    for record in records:
        if "error" in record or "text" in record:
            restored.append(record)
            continue
        restored.append({"id": record["id"], "text": item.text, **record})
    return restored
