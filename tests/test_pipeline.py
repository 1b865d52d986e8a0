"""The pipeline runs named stages in a fixed order and never loses a document."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError, InputError
from newsgraph.model import Analysis, DocumentError
from newsgraph.pipeline import REGISTRY, STAGE_ORDER, Pipeline, build_stages, check_spans
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
