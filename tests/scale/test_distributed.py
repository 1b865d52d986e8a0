"""analyze_distributed gives the in-process pipeline's records, in order, on every scheduler."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import ConfigError
from newsgraph.export import to_record
from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.scale import analyze_distributed, run_records, worker

from .helpers import SETTINGS

JSON = dict[str, Any]


def in_process(paths: list[str], pipeline: Pipeline | None = None) -> list[JSON]:
    pipeline = pipeline or Pipeline(SETTINGS)
    documents = read_inputs(paths, max_text_bytes=SETTINGS.max_text_bytes)
    return [to_record(a) for a in pipeline.run_many(documents)]


class FailOn:
    """A stage that breaks on one document, as a buggy stage would."""

    name = "flaky"
    requires = frozenset({"text"})
    provides = frozenset({"diagnostics"})

    def __init__(self, doc_suffix: str) -> None:
        self.doc_suffix = doc_suffix

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.id.endswith(self.doc_suffix):
            raise RuntimeError("flaky stage broke")
        return analysis


def flaky_pipeline(settings: Any) -> Pipeline:
    pipeline = Pipeline(settings)
    pipeline.stages.insert(2, FailOn("oslo-talks.txt"))
    return pipeline


@pytest.mark.model
@pytest.mark.parametrize(
    ("scheduler", "partition_size"),
    [("synchronous", 1), ("synchronous", 64), ("threads", 2), ("threads", 3)],
)
def test_distributed_records_equal_in_process(
    corpus: Path, scheduler: str, partition_size: int
) -> None:
    paths = [str(corpus)]
    expected = in_process(paths)
    got = list(
        analyze_distributed(
            paths,
            settings=SETTINGS,
            scheduler=scheduler,
            workers=2,
            partition_size=partition_size,
        )
    )
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    assert sum("events" in r and bool(r["events"]) for r in got) >= 3  # real analyses, not stubs
    assert got == expected
    assert [list(r) for r in got] == [list(r) for r in expected]  # same key order in the JSON


@pytest.mark.model
@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_distributed_keeps_input_order(corpus: Path, scheduler: str) -> None:
    names = ["oslo-talks.txt", "wire.jsonl", "nairobi-trade.txt", "missing.txt", "lima-fishing.txt"]
    paths = [str(corpus / n) for n in names]
    got = analyze_distributed(
        paths, settings=SETTINGS, scheduler=scheduler, workers=2, partition_size=2
    )
    assert [r["id"] for r in got] == [
        paths[0],
        "wire-0001",
        "wire-0002",
        paths[2],
        paths[3],
        paths[4],
    ]


@pytest.mark.model
@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_distributed_bad_documents_get_error_records(
    corpus: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "pipeline_factory", flaky_pipeline)
    paths = [str(corpus)]
    expected = in_process(paths, flaky_pipeline(SETTINGS))
    got = list(
        analyze_distributed(
            paths, settings=SETTINGS, scheduler=scheduler, workers=2, partition_size=8
        )
    )
    assert got == expected
    errors = {r["id"]: r["error"]["kind"] for r in got if "error" in r}
    assert errors == {
        str(corpus / "empty.txt"): "empty",
        str(corpus / "oslo-talks.txt"): "internal",
        "wire-0002": "empty",
    }
    assert len(got) - len(errors) == 4  # the partition's other documents went through


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_distributed_builds_one_pipeline_per_worker_process(
    corpus: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[object] = []

    def counting(settings: Any) -> Pipeline:
        builds.append(settings)
        return Pipeline(settings)

    monkeypatch.setattr(worker, "pipeline_factory", counting)
    got = list(
        analyze_distributed(
            [str(corpus)], settings=SETTINGS, scheduler="threads", workers=workers, partition_size=1
        )
    )
    assert len(got) == 7  # seven partitions ...
    assert builds == [SETTINGS]  # ... one pipeline for the one worker process


@pytest.mark.model
def test_distributed_processes_match_in_process(corpus: Path) -> None:
    names = ["nairobi-trade.txt", "lima-fishing.txt", "oslo-talks.txt", "jakarta-visit.txt"]
    paths = [str(corpus / n) for n in names]
    got = list(
        analyze_distributed(
            paths, settings=SETTINGS, scheduler="processes", workers=2, partition_size=1
        )
    )
    assert got == in_process(paths)


@pytest.mark.model
def test_distributed_tcp_cluster_matches_in_process(corpus: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = [str(corpus)]
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=":0",  # any free port: 8787 may be taken
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        got = list(
            analyze_distributed(paths, settings=SETTINGS, scheduler=address, partition_size=3)
        )
    assert got == in_process(paths)


@pytest.mark.model
@pytest.mark.parametrize("dask", [None, "synchronous"])
def test_run_records_same_records_in_process_or_on_dask(corpus: Path, dask: str | None) -> None:
    paths = [str(corpus / "nairobi-trade.txt"), str(corpus / "wire.jsonl")]
    assert list(run_records(paths, SETTINGS, None, dask)) == in_process(paths)


@pytest.mark.parametrize(
    ("scheduler", "workers", "partition_size", "message"),
    [
        ("cluster", None, 64, "unknown Dask scheduler"),
        ("threads", 0, 64, "workers must be at least 1"),
        ("threads", 2, 0, "partition_size must be at least 1"),
    ],
)
def test_distributed_bad_arguments_raise_config_error(
    scheduler: str, workers: int | None, partition_size: int, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        analyze_distributed(
            ["x.txt"],
            settings=SETTINGS,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
        )


def test_distributed_tcp_without_distributed_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(ConfigError, match=r"pip install 'newsgraph\[dask\]' distributed"):
        analyze_distributed(["x.txt"], settings=SETTINGS, scheduler="tcp://127.0.0.1:8786")
