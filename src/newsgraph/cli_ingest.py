"""`newsgraph ingest` as long work: skip what is stored before analysing it, show progress with
a total, a rate and an ETA (log lines when stderr is not a terminal), and on Ctrl-C say what was
stored and how to resume.

A document is unchanged when the SHA-256 of its normalised text (`source.sha256`, computed by
ingest before any model runs) is already in the store: it is skipped before annotation, the
expensive part. It is analysed again when the input now gives a publication date that differs
from the stored one (re-dating: event dates depend on it) or with `--force`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from newsgraph.cli_options import console
from newsgraph.model import Analysis
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.store import schema as s

JSON = dict[str, Any]
LOG_EVERY_S = 10.0
"""Seconds between progress lines when stderr is not a terminal."""


def count_inputs(paths: Sequence[str], max_text_bytes: int) -> int | None:
    """How many documents `paths` hold (None for stdin, whose input can be read only once)."""
    if "-" in paths:
        return None
    from newsgraph.ingest.readers import iter_documents

    return sum(1 for _ in iter_documents(paths, max_text_bytes=max_text_bytes))


def check_settings(settings: Settings) -> None:
    """Load what every document needs (the spaCy model) once, so a wrong setting is one error
    before any document instead of one failure row per document."""
    from newsgraph.annotate import load_spacy

    load_spacy(settings.spacy_model)


@dataclass(slots=True)
class Plan:
    """What to do with one prepared document."""

    analysis: Analysis
    action: str  # "analyse", "skip" (unchanged), "redate", "force"


def plan(store: Store, analysis: Analysis, *, force: bool) -> Plan:
    if analysis.error is not None or not analysis.source.sha256:
        return Plan(analysis, "analyse")
    d = s.documents
    with store.engine.connect() as conn:
        row = conn.execute(
            select(d.c.doc_key, d.c.published).where(d.c.sha256 == analysis.source.sha256)
        ).first()
    if row is None:
        return Plan(analysis, "analyse")
    if force:
        store.delete(row.doc_key)
        return Plan(analysis, "force")
    given = analysis.document.published if analysis.document.published_source == "input" else None
    stored = row.published if isinstance(row.published, dt.date) else None
    if given is not None and given != stored:
        store.delete(row.doc_key)
        return Plan(analysis, "redate")
    return Plan(analysis, "skip")


def records(
    paths: Sequence[str],
    settings: Settings,
    published: dt.date | None,
    store: Store,
    *,
    force: bool = False,
) -> Iterator[tuple[str, JSON | None, str]]:
    """(action, record or None when skipped, document id) per input document, in order; only
    documents not already stored are analysed."""
    from newsgraph.export import to_record
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(settings)
    actions: dict[int, str] = {}
    skipped: list[str] = []

    def to_analyse() -> Iterator[Analysis]:
        for analysis in read_inputs(
            paths, published=published, max_text_bytes=settings.max_text_bytes
        ):
            decided = plan(store, analysis, force=force)
            if decided.action == "skip":
                skipped.append(analysis.id)
                continue
            actions[id(analysis)] = decided.action
            yield analysis

    for analysis in pipeline.run_many(to_analyse()):
        while skipped:
            yield "skip", None, skipped.pop(0)
        yield actions.pop(id(analysis), "analyse"), to_record(analysis), analysis.id
    while skipped:
        yield "skip", None, skipped.pop(0)


@dataclass(slots=True)
class Progress:
    """Done/total, rate and ETA: a live line on a terminal, a log line every few seconds else."""

    total: int | None
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    analysed: int = 0
    last_log: float = field(default_factory=time.monotonic)
    counts: Counter[str] = field(default_factory=Counter)

    def rate(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return f"{self.analysed / elapsed:.1f} analysed/s"

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.analysed / elapsed
        of = f"/{self.total}" if self.total is not None else ""
        text = f"{self.done}{of} documents ({self.analysed} analysed, {rate:.1f}/s"
        if self.total is not None and rate > 0 and self.done < self.total:
            remaining = (self.total - self.done) / max(self.done / elapsed, 1e-9)
            text += f", ETA {dt.timedelta(seconds=round(remaining))}"
        return text + f", elapsed {dt.timedelta(seconds=round(elapsed))})"

    def advance(self, status: str, analysed: bool) -> None:
        self.done += 1
        self.analysed += analysed
        self.counts[status] += 1
        now = time.monotonic()
        if not console.is_terminal and now - self.last_log >= LOG_EVERY_S:
            self.last_log = now
            console.print(f"ingest: {self.line()}", highlight=False)

    def summary(self) -> str:
        c = self.counts
        return (
            f"{c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
            f"{c['failed']} failed"
        )
