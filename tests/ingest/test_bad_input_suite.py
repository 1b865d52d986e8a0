"""The generated bad-input suite: no traceback, one record per input, nothing else lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.export import to_record
from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis

from .hostile_cases import good_record, hostile_cases

INPUT_KINDS = {"empty", "binary", "encoding", "too_large", "html", "json", "csv", "unsupported"}
CASES = hostile_cases()


def _check(analysis: Analysis) -> None:
    """The record can be written as UTF-8 JSON and any error is of an input kind."""
    json.dumps(to_record(analysis), ensure_ascii=False).encode("utf-8")
    if analysis.error is not None:
        assert analysis.error.kind in INPUT_KINDS, analysis.error


def test_bad_input_suite_has_at_least_200_cases() -> None:
    assert len(CASES) >= 200


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_case_is_one_record_between_intact_neighbours(tmp_path: Path, name: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        b"\n".join([good_record(1).encode(), CASES[name], good_record(2).encode()]) + b"\n"
    )
    analyses = list(read_inputs([str(path)]))
    assert len(analyses) == 3
    for analysis in analyses:
        _check(analysis)
    assert analyses[0].id == "good-1" and analyses[0].error is None
    assert analyses[2].id == "good-2" and analyses[2].error is None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.binary(max_size=300), min_size=1, max_size=6))
def test_bad_input_random_bytes_never_escape_as_exceptions(
    tmp_path: Path, lines: list[bytes]
) -> None:
    path = tmp_path / "random.jsonl"
    cleaned = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    path.write_bytes(b"\n".join([*cleaned, good_record(9).encode()]) + b"\n")
    analyses = list(read_inputs([str(path)]))
    for analysis in analyses:
        _check(analysis)
    assert analyses[-1].id == "good-9" and analyses[-1].error is None
    assert len(analyses) <= len(cleaned) + 1


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    record=st.dictionaries(
        st.sampled_from(["id", "text", "html", "title", "published", "url", "source"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=5), inner, max_size=3)
            ),
            max_leaves=8,
        ),
    )
)
def test_bad_input_any_json_record_is_one_clean_result_or_input_error(
    tmp_path: Path, record: dict[str, object]
) -> None:
    path = tmp_path / "typed.jsonl"
    line = json.dumps(record, ensure_ascii=True, allow_nan=True)
    path.write_text(line + "\n" + good_record(3) + "\n", encoding="utf-8")
    analyses = list(read_inputs([str(path)]))
    assert len(analyses) == 2
    for analysis in analyses:
        _check(analysis)
    assert analyses[1].error is None


@pytest.mark.model
def test_bad_input_suite_through_the_pipeline_loses_no_good_document(
    tmp_path: Path, pipeline: object
) -> None:
    """All cases in one corpus, a good article after every fifth: all analysed, none lost."""
    lines: list[bytes] = []
    goods = 0
    for index, name in enumerate(sorted(CASES)):
        lines.append(CASES[name])
        if index % 5 == 4:
            goods += 1
            lines.append(good_record(goods).encode())
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    results = list(pipeline.run_many(read_inputs([str(path)])))  # type: ignore[attr-defined]
    assert len(results) == len(lines)
    for analysis in results:
        _check(analysis)
    good = [a for a in results if a.id.startswith("good-")]
    assert len(good) == goods
    assert all(a.error is None and a.entities for a in good)


@pytest.mark.model
@pytest.mark.parametrize(
    "case", ["text=lone-high-surrogate", "extra=integer-4301-digits", "extra=deep-array"]
)
def test_bad_input_at_line_36_of_41_stores_all_40_good_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.store import Store

    lines = [good_record(n).encode() for n in range(1, 41)]
    lines.insert(35, CASES[case])
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("NEWSGRAPH_DB", url)
    result = CliRunner().invoke(app, ["ingest", str(corpus)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "40 new, 0 updated, 0 unchanged, 1 failed" in result.output
    with Store(url) as store:
        assert store.summary().documents == 40
