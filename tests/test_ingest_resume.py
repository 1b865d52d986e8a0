"""`newsgraph ingest` as long work: stored documents skipped before analysis, re-dating,
--force, delete, progress lines, Ctrl-C, and configuration errors before any document."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph import cli_ingest
from newsgraph.cli import app
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

pytestmark = pytest.mark.model

ARTICLES = [
    (
        "port-1",
        "MOMBASA, Kenya (Harbour Wire) - Kenya's transport minister met Tanzanian officials on "
        "Tuesday to discuss a shared rail link between Mombasa and Tanga, the ministry said.",
    ),
    (
        "talks-2",
        "Chilean and Peruvian negotiators held talks in Lima on Monday over fishing rights in "
        "the disputed waters, according to a statement from Peru's foreign ministry.",
    ),
    (
        "aid-3",
        "The World Food Programme delivered emergency food aid to displaced families in "
        "northern Mozambique on Friday, a spokesperson for the agency said.",
    ),
]


def corpus(path: Path, published: dict[str, str] | None = None) -> str:
    lines = []
    for key, text in ARTICLES:
        line: dict[str, Any] = {"id": key, "text": text}
        if published and key in published:
            line["published"] = published[key]
        lines.append(json.dumps(line))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture()
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the documents the pipeline was asked to analyse."""
    seen: list[str] = []
    original = Pipeline.run_many

    def counting(self: Pipeline, analyses: Iterable[Any]) -> Iterator[Any]:
        def tap() -> Iterator[Any]:
            for a in analyses:
                seen.append(a.id)
                yield a

        return original(self, tap())

    monkeypatch.setattr(Pipeline, "run_many", counting)
    return seen


def ingest(db: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["ingest", *args, "--db", db])


def test_unchanged_documents_are_skipped_before_analysis(
    tmp_path: Path, analysed: list[str]
) -> None:
    db = str(tmp_path / "s.sqlite")
    path = corpus(tmp_path / "c.jsonl")
    result = ingest(db, path)
    assert result.exit_code == 0, result.output
    assert "3 new, 0 updated, 0 unchanged, 0 failed" in result.stdout
    assert sorted(analysed) == ["aid-3", "port-1", "talks-2"]
    analysed.clear()
    result = ingest(db, path)
    assert "0 new, 0 updated, 3 unchanged, 0 failed" in result.stdout
    assert analysed == [], "nothing was analysed again"
    analysed.clear()
    result = ingest(db, path, "--force")
    assert "0 new, 3 updated, 0 unchanged" in result.stdout
    assert len(analysed) == 3


def test_a_later_date_re_dates_a_stored_document(tmp_path: Path, analysed: list[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    ingest(db, corpus(tmp_path / "a.jsonl"))
    analysed.clear()
    result = ingest(db, corpus(tmp_path / "b.jsonl", {"port-1": "Wed, 12 Mar 2025 08:00:00 GMT"}))
    assert "0 new, 1 updated, 2 unchanged" in result.stdout, result.output
    assert analysed == ["port-1"]
    with Store(f"sqlite:///{db}") as store:
        record = store.record("port-1")
        assert record is not None
        assert record["document"]["published"] == "2025-03-12"
        dated = [v for v in record["events"] if (v.get("date") or {}).get("value")]
        assert dated and dated[0]["date"]["value"] == "2025-03-11", "Tuesday before the 12th"
        assert store.summary().documents == 3


def test_delete_removes_a_document(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    ingest(db, corpus(tmp_path / "c.jsonl"))
    result = CliRunner().invoke(app, ["delete", "talks-2", "--db", db])
    assert result.exit_code == 0 and "deleted 1 document(s)" in result.stdout
    with Store(f"sqlite:///{db}") as store:
        assert store.record("talks-2") is None
        assert store.summary().documents == 2
    result = CliRunner().invoke(app, ["delete", "talks-2", "--db", db])
    assert result.exit_code == 2


def test_progress_lines_when_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_ingest, "LOG_EVERY_S", 0.0)
    result = ingest(str(tmp_path / "s.sqlite"), corpus(tmp_path / "c.jsonl"))
    assert "ingest: 1/3 documents (1 analysed" in result.output
    assert "ingest: 3/3 documents" in result.output


def test_interrupt_says_what_was_stored_and_resume_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, analysed: list[str]
) -> None:
    db = str(tmp_path / "s.sqlite")
    path = corpus(tmp_path / "c.jsonl")
    original = cli_ingest.records

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        steps = original(*args, **kwargs)
        yield next(steps)
        raise KeyboardInterrupt  # Ctrl-C while the second document is analysed

    monkeypatch.setattr(cli_ingest, "records", interrupted)
    result = ingest(db, path)
    assert result.exit_code == 130
    assert "1 new" in result.output and "run the same command again to resume" in result.output
    monkeypatch.setattr(cli_ingest, "records", original)
    analysed.clear()
    result = ingest(db, path)
    assert "2 new, 0 updated, 1 unchanged" in result.stdout
    assert len(analysed) == 2, "only the documents not yet stored were analysed"


def test_a_wrong_model_is_one_error_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsgraph.cli_errors import run

    monkeypatch.setenv("NEWSGRAPH_SPACY_MODEL", "no_such_spacy_pipeline")
    db = str(tmp_path / "s.sqlite")
    code = run(app, ["ingest", corpus(tmp_path / "c.jsonl"), "--db", db])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "no_such_spacy_pipeline" in err
    with Store(f"sqlite:///{db}") as store:
        assert store.summary().failures == 0
