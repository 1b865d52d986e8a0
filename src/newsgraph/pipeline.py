"""The pipeline: named stages run in a fixed order over one `Analysis` at a time.

ingest → annotate → actors → time → places → quotes → events → event dating (→ store).

A stage is any object with `name`, `requires`, `provides` and `__call__(analysis) -> Analysis`.
Stages with state (the spaCy model, the knowledge base, the gazetteer) are built once per process
by `build_stages`. `Pipeline.run_many` parses documents in batches (spaCy's `nlp.pipe`) and turns a
failure of one document into that document's error record; the others go on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from newsgraph.annotate import AnnotateStage
from newsgraph.budget import DocumentBudget, OverBudget
from newsgraph.errors import ConfigError, InputError, NewsgraphError
from newsgraph.model import Analysis, DocumentError
from newsgraph.settings import Settings, load_settings

LOGGER = logging.getLogger(__name__)

STAGE_ORDER: tuple[str, ...] = (
    "annotate",
    "actors",
    "time",
    "places",
    "quotes",
    "events",
    "event_dating",
)


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, analysis: Analysis) -> Analysis: ...


def _actors(settings: Settings) -> Stage:
    from newsgraph.actors import ActorStage

    return ActorStage(kb_paths=settings.kb_paths)


def _time(settings: Settings) -> Stage:
    from newsgraph.times import TimeStage

    return TimeStage()


def _places(settings: Settings) -> Stage:
    from newsgraph.places import PlaceStage

    return PlaceStage()


def _quotes(settings: Settings) -> Stage:
    from newsgraph.quotes import QuoteStage

    return QuoteStage()


def _events(settings: Settings) -> Stage:
    from newsgraph.events import EventStage

    return EventStage(spacy_model=settings.spacy_model)


def _event_dating(settings: Settings) -> Stage:
    from newsgraph.times import EventDatingStage

    return EventDatingStage()


def _annotate(settings: Settings) -> Stage:
    return AnnotateStage(settings.spacy_model, settings.batch_size)


REGISTRY: dict[str, Callable[[Settings], Stage]] = {
    "annotate": _annotate,
    "actors": _actors,
    "time": _time,
    "places": _places,
    "quotes": _quotes,
    "events": _events,
    "event_dating": _event_dating,
}
"""The one table of stage name → factory. A test snapshots its names."""


def build_stages(settings: Settings, names: Iterable[str] = STAGE_ORDER) -> list[Stage]:
    """Build the named stages in pipeline order; an unknown name lists the known ones."""
    wanted = list(names)
    unknown = [n for n in wanted if n not in REGISTRY]
    if unknown:
        raise ConfigError(f"unknown stage(s) {unknown}; available: {list(REGISTRY)}")
    return [REGISTRY[name](settings) for name in STAGE_ORDER if name in wanted]


def check_spans(analysis: Analysis) -> None:
    """Raise if any recorded span lies outside the text (the runner's contract check)."""
    n = len(analysis.text)
    spans: list[tuple[str, int, int]] = []
    spans += [("sentence", s.start, s.end) for s in analysis.sentences]
    spans += [("block", b.start, b.end) for b in analysis.document.blocks]
    spans += [("time", t.start, t.end) for t in analysis.times]
    spans += [("place", p.start, p.end) for p in analysis.places]
    spans += [("quote", q.start, q.end) for q in analysis.quotes]
    for e in analysis.entities:
        spans += [("mention", m.start, m.end) for m in e.mentions]
    for v in analysis.events:
        spans += [("evidence", ev.start, ev.end) for ev in v.evidence]
        spans += [("participant", p.start, p.end) for p in v.actors + v.recipients]
    for kind, start, end in spans:
        if not 0 <= start <= end <= n:
            raise AssertionError(f"{kind} span [{start}, {end}) outside text of length {n}")


class Pipeline:
    """Runs the stages over analyses; built once, used for many documents."""

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] = STAGE_ORDER):
        self.settings = settings or load_settings()
        self.stages = build_stages(self.settings, stages)
        self.budget = DocumentBudget(
            self.settings.document_seconds, self.settings.document_memory_mb
        )

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, analysis: Analysis) -> Analysis:
        return next(self.run_many([analysis]))

    def run_many(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Analyse documents in batches; a failing document gets an error record, nothing is lost."""
        iterator = iter(analyses)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Analysis]) -> Iterator[Analysis]:
        ready = [a for a in batch if a.error is None]
        annotate = next((s for s in self.stages if isinstance(s, AnnotateStage)), None)
        if annotate is not None and ready:
            batch_budget = DocumentBudget(self.budget.seconds * len(ready), self.budget.memory_mb)
            try:
                with batch_budget.watch():
                    list(annotate.process_batch(ready))
            except OverBudget as exc:
                if len(ready) == 1:  # parsing it again alone would only take as long again
                    ready[0].error = DocumentError("too_slow", f"stage 'annotate': {exc.message}")
                else:
                    self._parse_one_by_one(ready, annotate)
            except Exception:
                self._parse_one_by_one(ready, annotate)
            for analysis in ready:
                if analysis.error is None:
                    analysis.completed.append(annotate.name)
        rest = [s for s in self.stages if s is not annotate]
        for analysis in batch:
            if analysis.error is None:
                self._within_budget(analysis, rest)
            analysis.doc = None  # the Doc is transient; free it before the next batch
            yield analysis

    def _parse_one_by_one(self, ready: list[Analysis], annotate: AnnotateStage) -> None:
        """Parse documents one at a time so one bad document does not sink the batch."""
        for analysis in ready:
            analysis.doc, analysis.sentences = None, []
            self._within_budget(analysis, [annotate])

    def _within_budget(self, analysis: Analysis, stages: list[Stage]) -> None:
        """Run `stages` on one document under the per-document budget (`too_slow` when over)."""
        current = stages[0].name if stages else ""
        try:
            with self.budget.watch() as started:
                for stage in stages:
                    current = stage.name
                    self._guard(analysis, stage)
                    if analysis.error is not None:
                        return
                    if stage.name != "annotate":
                        analysis.completed.append(stage.name)
                    self.budget.check(started)
        except OverBudget as exc:
            LOGGER.debug("document %s over budget in stage %s", analysis.id, current)
            analysis.error = DocumentError("too_slow", f"stage {current!r}: {exc.message}")

    @staticmethod
    def _guard(analysis: Analysis, stage: Stage) -> None:
        try:
            result = stage(analysis)
        except NewsgraphError as exc:
            analysis.error = DocumentError(getattr(exc, "kind", "stage"), str(exc))
            return
        except Exception as exc:  # a bug in a stage must not lose the other documents
            LOGGER.debug("stage %s failed on %s", stage.name, analysis.id, exc_info=True)
            analysis.error = DocumentError(
                "internal",
                f"stage {stage.name!r} failed ({type(exc).__name__}: {exc}); "
                "please report this with the input document",
            )
            return
        if not isinstance(result, Analysis):
            raise ConfigError(
                f"stage {stage.name!r} returned {type(result).__name__}, not Analysis"
            )


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyze_text(
    text: str,
    *,
    published: dt.date | None = None,
    id: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyse one text (plain or scraped) and return the finished `Analysis`."""
    from newsgraph.ingest import analysis_from_text

    analysis = analysis_from_text(text, id=id, published=published, title=title)
    return (pipeline or default_pipeline()).run(analysis)


def analyze_texts(
    items: Iterable[tuple[str, str, dt.date | None]], *, pipeline: Pipeline | None = None
) -> Iterator[Analysis]:
    """Analyse many `(id, text, published)` items in batches (used by evaluation)."""
    from newsgraph.ingest import analysis_from_text

    def prepared() -> Iterator[Analysis]:
        for doc_id, text, published in items:
            try:
                yield analysis_from_text(text, id=doc_id, published=published)
            except InputError as exc:
                yield Analysis(id=doc_id, text="", error=DocumentError(exc.kind, exc.message))

    yield from (pipeline or default_pipeline()).run_many(prepared())
