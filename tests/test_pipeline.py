"""The pipeline runs named stages in a fixed order and never loses a document."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError, InputError
from newsgraph.model import Analysis, DocumentError
from newsgraph.pipeline import (
    REGISTRY,
    STAGE_ORDER,
    Pipeline,
    build_stages,
    check_contract,
    check_spans,
    stage_class,
)
from newsgraph.settings import Settings


class Recorder:
    """A stage that notes which documents it saw; fails on documents whose text says so."""

    requires = frozenset({"text"})
    provides = frozenset({"diagnostics"})

    def __init__(self, name: str, fail_on: str | None = None, error: Exception | None = None):
        self.name = name
        self.fail_on = fail_on
        self.error = error or RuntimeError("boom")
        self.seen: list[str] = []

    def __call__(self, analysis: Analysis) -> Analysis:
        self.seen.append(analysis.id)
        if self.fail_on and self.fail_on in analysis.text:
            raise self.error
        return analysis


def make_pipeline(*stages: Recorder) -> Pipeline:
    pipeline = Pipeline(Settings(db_url="sqlite:///:memory:"), stages=())
    pipeline.stages = list(stages)
    return pipeline


@pytest.mark.parametrize("expected", [list(STAGE_ORDER)])
def test_pipeline_registry_names_are_the_stage_order(expected: list[str]) -> None:
    assert list(REGISTRY) == expected
    assert expected == ["annotate", "actors", "time", "places", "quotes", "events", "event_dating"]


def test_pipeline_unknown_stage_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="available"):
        build_stages(Settings(), ["annotate", "sentiment"])


def test_pipeline_failing_document_gets_an_error_and_others_continue() -> None:
    first, second = Recorder("first", fail_on="BROKEN"), Recorder("second")
    pipeline = make_pipeline(first, second)
    docs = [
        Analysis(id="a", text="fine"),
        Analysis(id="b", text="BROKEN"),
        Analysis(id="c", text="ok"),
    ]
    results = list(pipeline.run_many(docs))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[1].error is not None and results[1].error.kind == "internal"
    assert "first" in results[1].error.message
    assert second.seen == ["a", "c"]  # the failed document skips the later stages
    assert results[0].completed == ["first", "second"]


def test_pipeline_library_errors_keep_their_kind() -> None:
    pipeline = make_pipeline(
        Recorder("reader", fail_on="x", error=InputError("encoding", "bad bytes"))
    )
    (result,) = pipeline.run_many([Analysis(id="d", text="x")])
    assert result.error == DocumentError("encoding", "bad bytes")


def test_pipeline_documents_with_input_errors_pass_through_untouched() -> None:
    stage = Recorder("only")
    pipeline = make_pipeline(stage)
    bad = Analysis(id="e", text="", error=DocumentError("empty", "the file is empty"))
    (result,) = pipeline.run_many([bad])
    assert result.error is not None and stage.seen == []


def test_pipeline_stage_must_return_an_analysis() -> None:
    class Broken(Recorder):
        def __call__(self, analysis: Analysis) -> Analysis:
            return None  # type: ignore[return-value]

    with pytest.raises(ConfigError, match="returned NoneType"):
        list(make_pipeline(Broken("broken")).run_many([Analysis(id="f", text="t")]))


def test_pipeline_check_spans_rejects_out_of_range_offsets() -> None:
    from newsgraph.model import Quote

    analysis = Analysis(id="g", text="short")
    analysis.quotes.append(Quote(id="Q1", start=2, end=40, kind="direct"))
    with pytest.raises(AssertionError, match="quote"):
        check_spans(analysis)


def test_pipeline_unprovided_requirement_names_the_field_and_its_provider() -> None:
    # places reads the actors' entities: without actors nothing provides them
    with pytest.raises(ConfigError) as caught:
        build_stages(Settings(), ["annotate", "places"])
    message = str(caught.value)
    assert "'places' requires 'entities'" in message
    assert "['actors']" in message


def test_pipeline_requirement_of_the_first_stage_names_annotate() -> None:
    with pytest.raises(ConfigError, match=r"'time' requires 'doc'.*\['annotate'\]"):
        build_stages(Settings(), ["time"])


def test_pipeline_contract_check_accepts_a_custom_stage_fed_by_the_input() -> None:
    check_contract([Recorder("reader")])
    needy = Recorder("needy")
    needy.requires = frozenset({"sentiment"})
    with pytest.raises(ConfigError, match=r"'sentiment'.*no registered stage provides it"):
        check_contract([needy])


def test_pipeline_full_stage_list_meets_its_own_contract() -> None:
    stages = [stage_class(name) for name in STAGE_ORDER]
    check_contract(stages)  # classes carry the declarations; nothing is loaded


class Batched(Recorder):
    """A stage with a batch method: the runner hands it every ready document at once."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.batches: list[list[str]] = []

    def process_batch(self, analyses: list[Analysis]) -> list[Analysis]:
        self.batches.append([a.id for a in analyses])
        return analyses


def test_pipeline_any_stage_with_a_batch_method_is_batched() -> None:
    first, batched = Recorder("first", fail_on="BROKEN"), Batched("later")
    pipeline = make_pipeline(first, batched)
    docs = [Analysis(id=i, text=t) for i, t in [("a", "x"), ("b", "BROKEN"), ("c", "y")]]
    results = list(pipeline.run_many(docs))
    assert batched.batches == [["a", "c"]]  # one call, without the failed document
    assert results[0].completed == ["first", "later"]


def test_pipeline_run_raises_and_run_many_records() -> None:
    pipeline = make_pipeline(Recorder("first", fail_on="BROKEN"))
    with pytest.raises(RuntimeError, match="boom"):
        pipeline.run(Analysis(id="a", text="BROKEN"))
    (recorded,) = pipeline.run_many([Analysis(id="a", text="BROKEN")])
    assert recorded.error is not None and recorded.error.kind == "internal"
    with pytest.raises(RuntimeError, match="boom"):
        list(pipeline.run_many([Analysis(id="c", text="BROKEN")], errors="raise"))
    assert pipeline.run(Analysis(id="d", text="BROKEN"), errors="record").error is not None


class OutOfRange(Recorder):
    """A stage that leaves a quote span past the end of the text."""

    def __call__(self, analysis: Analysis) -> Analysis:
        from newsgraph.model import Quote

        analysis.quotes.append(Quote(id="Q1", start=0, end=len(analysis.text) + 5, kind="direct"))
        return analysis


def test_pipeline_runner_checks_spans_after_each_stage() -> None:
    later = Recorder("later")
    pipeline = make_pipeline(OutOfRange("sloppy"), later)
    (result,) = pipeline.run_many([Analysis(id="h", text="short")])
    assert result.error is not None and result.error.kind == "internal"
    assert "'sloppy'" in result.error.message and "quote span" in result.error.message
    assert later.seen == []
    with pytest.raises(AssertionError, match="quote span"):
        pipeline.run(Analysis(id="i", text="short"))


def test_document_error_is_one_mapping_for_pipeline_and_scale() -> None:
    from newsgraph.errors import document_error
    from newsgraph.scale import worker

    assert document_error(InputError("encoding", "bad"), "x") == DocumentError("encoding", "bad")
    internal = document_error(KeyError("k"), "stage 'actors'")
    assert internal.kind == "internal" and internal.message.startswith("stage 'actors' failed")
    record = worker.error_record("d1", ValueError("v"))
    assert record["error"]["kind"] == "internal" and "ValueError" in record["error"]["message"]


@pytest.mark.parametrize("stage", ["actors", "events"])
def test_pipeline_stage_called_without_the_parse_says_to_run_annotate(stage: str) -> None:
    (built,) = [s for s in build_stages(Settings(), STAGE_ORDER) if s.name == stage]
    with pytest.raises(ConfigError, match=f"the {stage} stage needs the spaCy Doc"):
        built(Analysis(id="j", text="Officials met in Cairo."))


def test_pipeline_check_spans_of_some_fields_checks_only_those() -> None:
    from newsgraph.model import Place, Quote

    analysis = Analysis(id="h", text="short")
    analysis.quotes.append(Quote(id="Q1", start=2, end=40, kind="direct"))
    check_spans(analysis, frozenset({"places"}))  # the quote is not among the fields asked
    analysis.places.append(Place("P1", 1, 9, "Nowhere", None, None, None, None, "city"))
    with pytest.raises(AssertionError, match="place"):
        check_spans(analysis, frozenset({"places"}))


class Spoiler(Recorder):
    """A stage that leaves a quote reaching past the end of the text."""

    def __call__(self, analysis: Analysis) -> Analysis:
        from newsgraph.model import Quote

        analysis.quotes.append(Quote(id="Q9", start=0, end=len(analysis.text) + 5, kind="direct"))
        return analysis


def test_pipeline_bad_span_from_the_first_stage_or_a_provider_is_an_error_record() -> None:
    quoting = Spoiler("quoting")
    quoting.provides = frozenset({"quotes"})
    later = make_pipeline(Recorder("first"), quoting)
    first = make_pipeline(Spoiler("spoiler"), Recorder("second"))  # checked in full: first stage
    for pipeline, stage in ((later, "quoting"), (first, "spoiler")):
        [done] = pipeline.run_many([Analysis(id="s", text="A short text.")])
        assert done.error is not None and stage in done.error.message


def _spans_by_field(analysis: Analysis) -> dict[str, list[tuple[str, int, int]]]:
    """Every span `check_spans` checks, by the Analysis field that holds it."""
    events = [
        (kind, span.start, span.end)
        for v in analysis.events
        for kind, spans in (("evidence", v.evidence), ("participant", v.actors + v.recipients))
        for span in spans
    ]
    return {
        "sentences": [("sentence", s.start, s.end) for s in analysis.sentences],
        "document": [("block", b.start, b.end) for b in analysis.document.blocks],
        "times": [("time", t.start, t.end) for t in analysis.times],
        "places": [("place", p.start, p.end) for p in analysis.places],
        "quotes": [("quote", q.start, q.end) for q in analysis.quotes],
        "entities": [("mention", m.start, m.end) for e in analysis.entities for m in e.mentions],
        "events": events,
    }


def test_built_in_stages_change_no_span_outside_what_they_provide() -> None:
    """The runner checks, after a document's first stage, only the spans of the fields the
    stage provides: that holds only while no stage touches the spans of any other field."""
    from pathlib import Path

    from newsgraph.ingest import read_inputs

    examples = Path(__file__).resolve().parent.parent / "examples"
    stages = build_stages(Settings(), STAGE_ORDER)
    checked = 0
    for analysis in read_inputs([str(examples)]):
        for stage in stages:
            before = _spans_by_field(analysis)
            analysis = stage(analysis)
            after = _spans_by_field(analysis)
            for field, spans in before.items():
                if field not in stage.provides:
                    assert after[field] == spans, f"{stage.name} changed {field} spans"
                    checked += len(spans)
    assert checked > 1000  # the articles have sentences, names, times and events to compare
