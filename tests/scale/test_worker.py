"""The worker turns every failure into error records and never loses a document."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.scale import worker
from newsgraph.scale.plan import FileItem, WorkItem
from newsgraph.scale.worker import analyse_partition, run_guarded

from .helpers import SETTINGS


class Returns:
    """A stage that returns the wrong type on marked documents: run_many itself raises."""

    name = "returns"
    requires = frozenset({"text"})
    provides = frozenset({"diagnostics"})

    def __call__(self, analysis: Analysis) -> Analysis:
        if "WRONG" in analysis.text:
            return None  # type: ignore[return-value]
        return analysis


def bare_pipeline() -> Pipeline:
    pipeline = Pipeline(SETTINGS, stages=())  # batch_size 2
    pipeline.stages = [Returns()]
    return pipeline


@pytest.mark.parametrize(
    ("texts", "failed"),
    [
        (["a", "b", "c", "d", "e"], []),
        (["a", "WRONG", "c", "d", "e"], ["1"]),
        (["WRONG", "b", "c", "d", "e"], ["0", "1"]),  # its batch-mate had not finished
        (["a", "b", "c", "d", "WRONG"], ["4"]),
        (["WRONG", "WRONG", "WRONG"], ["0", "1", "2"]),
    ],
)
def test_worker_run_guarded_keeps_every_document(texts: list[str], failed: list[str]) -> None:
    analyses = [Analysis(id=str(i), text=t) for i, t in enumerate(texts)]
    records = run_guarded(bare_pipeline(), analyses)
    assert [r["id"] for r in records] == [str(i) for i in range(len(texts))]
    assert [r["id"] for r in records if "error" in r] == failed
    assert all(r["error"]["kind"] == "config" for r in records if "error" in r)


def test_worker_partition_without_pipeline_gives_error_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(settings: object) -> Pipeline:
        raise ConfigError("spaCy pipeline 'xx' is not installed; install it")

    monkeypatch.setattr(worker, "pipeline_factory", broken)
    items: list[WorkItem] = [FileItem("a.txt"), Analysis(id="b", text="text")]
    results = analyse_partition(items, SETTINGS, None)
    assert [[r["id"] for r in group] for group in results] == [["a.txt"], ["b"]]
    assert {group[0]["error"]["kind"] for group in results} == {"config"}


def test_worker_partition_leaves_client_text_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "pipeline_factory", lambda settings: bare_pipeline())
    results = analyse_partition([Analysis(id="b", text="some text")], SETTINGS, None)
    assert results[0][0]["id"] == "b"
    assert "text" not in results[0][0]
    assert results[0][0]["stages"] == ["returns"]
