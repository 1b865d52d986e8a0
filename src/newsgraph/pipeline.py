"""The pipeline: named stages run in a fixed order over one `Analysis` at a time.

ingest → annotate → actors → time → places → quotes → events → event dating (→ store).

A stage is any object with `name`, `requires`, `provides` and `__call__(analysis) -> Analysis`.
Stages with state (the spaCy model, the knowledge base, the gazetteer) are built once per process
by `build_stages`, which also checks that every stage's `requires` is provided by the input or an
earlier stage. `Pipeline.run_many` runs documents in batches (a stage with `process_batch`, such as
annotate's `nlp.pipe`, sees the whole batch) and turns a failure of one document into that
document's error record; the others go on. `Pipeline.run` (the Python API) raises instead.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Literal, Protocol

from newsgraph.annotate import AnnotateStage
from newsgraph.budget import DocumentBudget, OverBudget
from newsgraph.errors import ConfigError, InputError, document_error
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
    """What the runner needs of a stage: its name, the fields it reads and writes, and a call.

    `requires` and `provides` name `Analysis` fields; `build_stages` checks them (see
    `check_contract`). A stage that also has `process_batch(list[Analysis])` is run on whole
    batches (the annotate stage feeds spaCy's `nlp.pipe` that way).
    """

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, analysis: Analysis) -> Analysis: ...


ErrorPolicy = Literal["raise", "record"]
"""What the runner does when a stage fails on a document: raise the error (the Python API) or
turn it into the document's error record and go on with the others (batches, the CLI, scale)."""

INPUT_FIELDS = frozenset({"id", "text", "source", "document"})
"""The `Analysis` fields ingest fills before any stage runs."""

STAGE_CLASSES: dict[str, tuple[str, str]] = {
    "annotate": ("newsgraph.annotate", "AnnotateStage"),
    "actors": ("newsgraph.actors", "ActorStage"),
    "time": ("newsgraph.times", "TimeStage"),
    "places": ("newsgraph.places", "PlaceStage"),
    "quotes": ("newsgraph.quotes", "QuoteStage"),
    "events": ("newsgraph.events", "EventStage"),
    "event_dating": ("newsgraph.times", "EventDatingStage"),
}
"""Where each stage's class lives (its `requires`/`provides` are class attributes)."""


def stage_class(name: str) -> Any:
    """The class of a registered stage, imported on demand (for its declarations)."""
    module, attribute = STAGE_CLASSES[name]
    return getattr(importlib.import_module(module), attribute)


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

    return EventStage(kb_paths=settings.kb_paths)


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


def providers_of(field: str) -> list[str]:
    """The registered stages that provide an `Analysis` field, in pipeline order."""
    return [name for name in STAGE_ORDER if field in stage_class(name).provides]


def check_contract(stages: Sequence[Stage], available: frozenset[str] = INPUT_FIELDS) -> None:
    """Fail fast unless each stage's `requires` is provided by the input or an earlier stage.

    The message names the missing field, the stage that needs it and the stages that provide it.
    """
    provided = set(available)
    for stage in stages:
        for field in sorted(stage.requires - provided):
            providers = providers_of(field)
            hint = (
                f"add the stage(s) {providers} before it"
                if providers
                else "no registered stage provides it"
            )
            raise ConfigError(
                f"stage {stage.name!r} requires {field!r}, which neither the input nor an "
                f"earlier stage provides: {hint}"
            )
        provided |= stage.provides


def build_stages(settings: Settings, names: Iterable[str] = STAGE_ORDER) -> list[Stage]:
    """Build the named stages in pipeline order and check their contract; an unknown name lists
    the known ones, an unmet requirement names the stage that provides it."""
    wanted = list(names)
    unknown = [n for n in wanted if n not in REGISTRY]
    if unknown:
        raise ConfigError(f"unknown stage(s) {unknown}; available: {list(REGISTRY)}")
    stages = [REGISTRY[name](settings) for name in STAGE_ORDER if name in wanted]
    check_contract(stages)
    return stages


def check_spans(analysis: Analysis, fields: frozenset[str] | None = None) -> None:
    """Raise if any recorded span lies outside the text (checked by the runner after each stage).

    `fields`: only the spans of these `Analysis` fields (`document` for the layout's blocks),
    else all. The runner checks all of them after a document's first stage (what ingest and
    that stage left) and after each later stage only the fields it declares in `provides`: a
    stage writes no other (checking every kind after each of the seven stages cost 0.02 CPU s
    per 210 articles). Each span is checked where it lies, without first collecting them all."""
    n = len(analysis.text)
    kinds: list[tuple[str, Iterable[Any]]] = []
    if fields is None or "sentences" in fields:
        kinds.append(("sentence", analysis.sentences))
    if fields is None or "document" in fields:
        kinds.append(("block", analysis.document.blocks))
    if fields is None or "times" in fields:
        kinds.append(("time", analysis.times))
    if fields is None or "places" in fields:
        kinds.append(("place", analysis.places))
    if fields is None or "quotes" in fields:
        kinds.append(("quote", analysis.quotes))
    if fields is None or "entities" in fields:
        kinds += [("mention", e.mentions) for e in analysis.entities]
    if fields is None or "events" in fields:
        for v in analysis.events:
            kinds += [("evidence", v.evidence), ("participant", v.actors + v.recipients)]
    for kind, spans in kinds:
        for span in spans:
            if not 0 <= span.start <= span.end <= n:
                raise AssertionError(
                    f"{kind} span [{span.start}, {span.end}) outside text of length {n}"
                )


def _batch_method(stage: Stage) -> Callable[[list[Analysis]], Iterable[Analysis]] | None:
    method = getattr(stage, "process_batch", None)
    return method if callable(method) else None


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

    def run(self, analysis: Analysis, errors: ErrorPolicy = "raise") -> Analysis:
        """Analyse one document; by default a stage failure raises (the Python API)."""
        return next(self.run_many([analysis], errors=errors))

    def run_many(
        self, analyses: Iterable[Analysis], errors: ErrorPolicy = "record"
    ) -> Iterator[Analysis]:
        """Analyse documents in batches; by default a failing document gets an error record and
        the others go on, so nothing is lost."""
        iterator = iter(analyses)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from self._run_batch(batch, errors)

    def _segments(self) -> list[tuple[Stage | None, list[Stage]]]:
        """The stages cut before each batch stage: (batch stage or None, the stages after it)."""
        segments: list[tuple[Stage | None, list[Stage]]] = []
        for stage in self.stages:
            if _batch_method(stage) is not None:
                segments.append((stage, []))
            elif segments:
                segments[-1][1].append(stage)
            else:
                segments.append((None, [stage]))
        return segments

    def _run_batch(self, batch: list[Analysis], errors: ErrorPolicy) -> Iterator[Analysis]:
        """Each batch stage sees every ready document at once; the stages after it run one
        document at a time, and a document is yielded as soon as its last stage is done."""
        segments = self._segments() or [(None, [])]
        for number, (batched, stages) in enumerate(segments, start=1):
            if batched is not None:
                self._run_batched(batched, [a for a in batch if a.error is None], errors)
            for analysis in batch:
                if stages and analysis.error is None:
                    self._within_budget(analysis, stages, errors)
                if number == len(segments):
                    # the Docs are transient; free them before the next batch
                    analysis.doc, analysis.headline_docs = None, {}
                    yield analysis

    def _run_batched(self, stage: Stage, ready: list[Analysis], errors: ErrorPolicy) -> None:
        batch_method = _batch_method(stage)
        if batch_method is None or not ready:
            return
        batch_budget = DocumentBudget(self.budget.seconds * len(ready), self.budget.memory_mb)
        try:
            with batch_budget.watch():
                list(batch_method(ready))
        except OverBudget as exc:
            if len(ready) == 1:  # running it again alone would only take as long again
                ready[0].error = DocumentError("too_slow", f"stage {stage.name!r}: {exc.message}")
            else:
                for analysis in ready:
                    self._within_budget(analysis, [stage], errors, record=False)
        except Exception:
            if errors == "raise" and len(ready) == 1:
                raise
            # One document at a time, so one bad document does not sink the batch.
            for analysis in ready:
                self._within_budget(analysis, [stage], errors, record=False)
        else:
            for analysis in ready:
                self._check(analysis, stage, errors)
        for analysis in ready:
            if analysis.error is None:
                analysis.completed.append(stage.name)

    def _within_budget(
        self, analysis: Analysis, stages: list[Stage], errors: ErrorPolicy, *, record: bool = True
    ) -> None:
        """Run `stages` on one document under the per-document budget (`too_slow` when over)."""
        current = stages[0].name if stages else ""
        try:
            with self.budget.watch() as started:
                for stage in stages:
                    current = stage.name
                    self._guard(analysis, stage, errors)
                    if analysis.error is not None:
                        return
                    if record:
                        analysis.completed.append(stage.name)
                    self.budget.check(started)
        except OverBudget as exc:
            LOGGER.debug("document %s over budget in stage %s", analysis.id, current)
            analysis.error = DocumentError("too_slow", f"stage {current!r}: {exc.message}")

    @classmethod
    def _guard(cls, analysis: Analysis, stage: Stage, errors: ErrorPolicy) -> None:
        try:
            result = stage(analysis)
        except Exception as exc:  # a bug in a stage must not lose the other documents
            if errors == "raise":
                raise
            LOGGER.debug("stage %s failed on %s", stage.name, analysis.id, exc_info=True)
            analysis.error = document_error(exc, f"stage {stage.name!r}")
            return
        if not isinstance(result, Analysis):
            raise ConfigError(
                f"stage {stage.name!r} returned {type(result).__name__}, not Analysis"
            )
        cls._check(analysis, stage, errors)

    @staticmethod
    def _check(analysis: Analysis, stage: Stage, errors: ErrorPolicy) -> None:
        """The runner's contract check: every span a stage left lies inside the text (all of
        them after the document's first stage, then those of the fields the stage provides)."""
        try:
            check_spans(analysis, stage.provides if analysis.completed else None)
        except AssertionError as exc:
            if errors == "raise":
                raise
            analysis.error = document_error(exc, f"stage {stage.name!r}")


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
