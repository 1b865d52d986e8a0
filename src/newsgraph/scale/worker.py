"""Worker side of a distributed run: analyse one partition with this process's pipeline.

The pipeline (spaCy, knowledge base, gazetteer) is built once per worker process and kept in
a module-level cache keyed by `Settings`, so a worker pays the load time once, not per
partition. Nothing here raises: a failure becomes the error record of the documents it hit,
exactly as `Pipeline.run_many` does, so one bad partition never loses another's documents.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any

from newsgraph.errors import document_error
from newsgraph.export import to_record
from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis, DocumentError
from newsgraph.pipeline import Pipeline
from newsgraph.scale.plan import FileItem, WorkItem, item_id
from newsgraph.settings import Settings

JSON = dict[str, Any]

pipeline_factory: Callable[[Settings], Pipeline] = Pipeline
"""How a worker builds its pipeline (tests swap it to count builds)."""

_PIPELINES: dict[Settings, Pipeline] = {}
_LOCK = threading.Lock()  # threads of one worker process share (and build) one pipeline


def cached_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for `settings`, built on first use."""
    with _LOCK:
        pipeline = _PIPELINES.get(settings)
        if pipeline is None:
            pipeline = _PIPELINES[settings] = pipeline_factory(settings)
        return pipeline


def clear_pipeline_cache() -> None:
    """Forget the cached pipelines (tests; a long-lived worker whose settings changed)."""
    with _LOCK:
        _PIPELINES.clear()


def _document_error(exc: BaseException) -> DocumentError:
    """The error of a document that an unexpected failure stopped (one mapping with run_many)."""
    return document_error(exc, "distributed analysis")


def error_record(doc_id: str, exc: BaseException) -> JSON:
    """The error record of a document that an unexpected failure stopped."""
    return to_record(Analysis(id=doc_id, text="", error=_document_error(exc)))


def _read(item: WorkItem, settings: Settings, published: dt.date | None) -> list[Analysis]:
    if not isinstance(item, FileItem):
        return [item]
    try:
        return list(
            read_inputs([item.path], published=published, max_text_bytes=settings.max_text_bytes)
        )
    except Exception as exc:
        return [Analysis(id=item.path, text="", error=_document_error(exc))]


def _record(analysis: Analysis) -> JSON:
    try:
        return to_record(analysis)
    except Exception as exc:  # a bug in the writer must not lose the other documents
        return error_record(analysis.id, exc)


def run_guarded(pipeline: Pipeline, analyses: list[Analysis]) -> list[JSON]:
    """One record per analysis, in order, even if `run_many` itself raises part-way.

    Documents of the batch that was running when it raised get error records; the pipeline
    then restarts on the documents it had not yet taken.
    """
    records: list[JSON] = []
    taken = 0

    def feed(start: int) -> Iterator[Analysis]:
        nonlocal taken
        for index in range(start, len(analyses)):
            taken = index + 1
            yield analyses[index]

    while len(records) < len(analyses):
        start = taken = len(records)
        try:
            for analysis in pipeline.run_many(feed(start)):
                records.append(_record(analysis))
        except Exception as exc:
            stopped = max(taken, len(records) + 1)  # always move on by at least one document
            records += [error_record(a.id, exc) for a in analyses[len(records) : stopped]]
    return records


def analyse_partition(
    items: list[WorkItem], settings: Settings, published: dt.date | None
) -> list[list[JSON]]:
    """The records of each item, in order; client-read documents come back without `text`."""
    try:
        pipeline = cached_pipeline(settings)
    except Exception as exc:  # e.g. the spaCy model is missing on this worker
        return [[error_record(item_id(item), exc)] for item in items]
    groups = [_read(item, settings, published) for item in items]
    records = iter(run_guarded(pipeline, [a for group in groups for a in group]))
    result: list[list[JSON]] = []
    for item, group in zip(items, groups, strict=True):
        item_records = [next(records) for _ in group]
        if not isinstance(item, FileItem):
            for record in item_records:
                record.pop("text", None)  # the client still holds it: don't ship it back
        result.append(item_records)
    return result
