"""Exports write one row per event cluster, in PLOVER, POLECAT, CSV and Parquet shapes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from newsgraph.errors import ConfigError
from newsgraph.export.formats import POLECAT_COLUMNS, export
from newsgraph.query.resolve import EventFilter
from newsgraph.store import Store
from record_factory import EXPECTED_CLUSTERS


def test_formats_plover_jsonl(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export(filled, path, "plover") == EXPECTED_CLUSTERS
    events = [json.loads(line) for line in path.read_text().splitlines()]
    assert len({e["id"] for e in events}) == EXPECTED_CLUSTERS
    visit = next(e for e in events if e["n_reports"] == 2)
    assert visit["event"] == ["CONSULT"] and visit["date"] == "2025-05-12"
    assert [a["code"] for a in visit["actor"]] == ["KEN"]
    assert visit["actor"][0]["identifier_text"] == "William Ruto"
    assert {r["identifier_text"] for r in visit["recipient"]} == {"Abiy Ahmed"}
    assert visit["event_loc"]["resolved_place"] == "Addis Ababa"
    assert visit["event_loc"]["resolution"] == 4
    assert sorted(c["citation"] for c in visit["cite_info"]) == ["kb-01", "kb-02", "kb-03"]
    assert [c["citation"] for c in visit["cite_info"] if c["copy_of_story"]] == ["kb-02"]
    assert {"id", "date", "actor", "event", "quad_code", "event_text"} <= set(visit)


def test_formats_polecat_tsv(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    n = export(filled, path, "polecat", EventFilter(event_type="CONSULT"))
    with path.open() as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert n == len(rows) == 3
    assert tuple(rows[0]) == POLECAT_COLUMNS
    first = rows[0]
    assert (first["Event Date"], first["Event Type"], first["Actor Country"]) == (
        "2025-05-12",
        "consult",
        "KEN",
    )
    assert first["Primary Actor Sector"] == "GOV" and first["Recipient Country"] == "ETH"
    assert first["Source"] == "Coastline Wire; Highland Herald; East Africa Observer"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_formats_tables(filled: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export(filled, path, fmt) == EXPECTED_CLUSTERS  # type: ignore[arg-type]
    frame = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
    assert len(frame) == EXPECTED_CLUSTERS
    assert frame["n_reports"].sum() == EXPECTED_CLUSTERS + 1


def test_formats_unknown_format(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="plover"):
        export(filled, tmp_path / "x", "xml")  # type: ignore[arg-type]
