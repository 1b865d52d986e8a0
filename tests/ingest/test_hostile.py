"""Hostile input: every bad record becomes that document's error record (or a clean result)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsgraph.export import to_record
from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis

REPO = Path(__file__).resolve().parents[2]
GOOD = (
    "Kenya and Uganda signed a trade accord in Nairobi on Tuesday, officials said. "
    "The deal cuts tariffs on sugar and fish, Kenya's trade minister told reporters."
)


def _records(paths: list[str]) -> list[Analysis]:
    analyses = list(read_inputs(paths))
    for analysis in analyses:  # every record must be writable as UTF-8 JSON
        json.dumps(to_record(analysis), ensure_ascii=False).encode("utf-8")
    return analyses


def _corpus(tmp_path: Path, bad_line: str) -> str:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "before", "text": GOOD}), bad_line]
    lines.append(json.dumps({"id": "after", "text": GOOD}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return str(path)


@pytest.mark.parametrize(
    ("bad_line", "kind"),
    [
        ('{"text": "Talks in Lima \\ud800 ended."}', "encoding"),
        ('{"text": "Talks in Lima ended.", "title": "Peru \\udc00 talks"}', "encoding"),
        ('{"id": "peru-\\ud83d", "text": "Talks in Lima ended."}', "encoding"),
        ('{"text": "Talks in Lima ended.", "votes": ' + "7" * 4301 + "}", "json"),
        ('{"id": ' + "1" * 5000 + ', "text": "Talks in Lima ended."}', "json"),
        ('{"text": "x", "tags": ' + "[" * 50_000 + "]" * 50_000 + "}", "json"),
        ('{"text": "x", "meta": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}", "json"),
        ('{"text": 42}', "json"),
        ('{"text": ["Talks", "in", "Lima"]}', "json"),
        ('{"html": {"body": "Talks"}}', "json"),
        ('["Talks in Lima ended."]', "json"),
        ('"Talks in Lima ended."', "json"),
        ("null", "json"),
    ],
)
def test_hostile_record_is_its_own_error_and_neighbours_survive(
    tmp_path: Path, bad_line: str, kind: str
) -> None:
    analyses = _records([_corpus(tmp_path, bad_line)])
    assert len(analyses) == 3
    assert [a.error is None for a in analyses] == [True, False, True]
    assert analyses[1].error is not None and analyses[1].error.kind == kind
    assert analyses[1].id.endswith("corpus.jsonl#2")
    assert [analyses[0].id, analyses[2].id] == ["before", "after"]


@pytest.mark.parametrize(
    "fields",
    [
        {"published": "9999-12-31"},
        {"published": "0001-01-01"},
        {"published": "0999-06-30T12:00:00Z"},
        {"published": 20240105},
        {"published": [2024, 1, 5]},
        {"published": {"year": 2024}},
        {"published": True},
        {"title": 7, "url": ["https://example.org"], "source": {"name": "Wire"}},
        {"id": 3.5},
        {"id": False},
    ],
)
def test_hostile_field_of_wrong_type_or_range_is_ignored_with_a_warning(
    tmp_path: Path, fields: dict[str, object]
) -> None:
    line = json.dumps({"text": GOOD, **fields})
    (analysis,) = [a for a in _records([_corpus(tmp_path, line)]) if "#2" in a.id]
    assert analysis.error is None
    assert analysis.document.published is None
    assert any(d.stage == "ingest" for d in analysis.diagnostics)


@pytest.mark.model
@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "9999-12-30"])
def test_hostile_published_at_the_edge_of_the_calendar_is_a_clean_result(
    pipeline: object, published: str
) -> None:
    from newsgraph.ingest.build import build_analysis
    from newsgraph.ingest.readers import _from_record

    raw = _from_record({"text": GOOD, "published": published}, "c#1", "c", "json")
    analysis = pipeline.run(build_analysis(raw))  # type: ignore[attr-defined]
    assert analysis.error is None, analysis.error
    assert analysis.events or analysis.entities


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_hostile_file_name_that_is_not_utf8_gets_a_readable_id(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-report.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    for given in ([str(tmp_path / name)], [str(tmp_path)]):
        (analysis,) = _records(given)
        assert analysis.error is None
        assert analysis.id.endswith("caf\\xe9-report.txt")
        assert analysis.id.encode("utf-8")


def test_hostile_device_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (analysis,) = _records([str(link)])
    assert analysis.error is not None and analysis.error.kind == "unsupported"
    (analysis,) = _records(["/dev/zero"])
    assert analysis.error is not None and analysis.error.kind == "unsupported"


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_hostile_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    result: list[Analysis] = []
    reader = threading.Thread(target=lambda: result.extend(_records([str(fifo)])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO waited for a writer")
    (analysis,) = result
    assert analysis.error is not None and analysis.error.kind == "unsupported"


def test_hostile_line_longer_than_the_limit_is_skipped_not_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"text": "x" * 7000}) + "\n")
        handle.write(json.dumps({"id": "ok", "text": GOOD}) + "\n")
        handle.write('{"text": "' + "y" * 9000)  # no newline at the end
    analyses = list(read_inputs([str(path)], max_text_bytes=300))
    assert [a.error.kind if a.error else None for a in analyses] == ["too_large", None, "too_large"]
    assert analyses[1].id == "ok"


def _cli(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "newsgraph.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        **kwargs,
    )


@pytest.mark.model
def test_hostile_closed_stdin_is_an_error_record_not_a_traceback(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code = (
        "import os, sys; os.close(0); sys.argv = ['newsgraph', 'extract', '-', sys.argv[1], "
        "'--format', 'jsonl']; from newsgraph.cli import main; main()"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code, str(good)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 2
    assert records[0]["error"]["kind"] == "not_found"
    assert "error" not in records[1]
    assert result.returncode == 1
