"""Exports checked against their standards: POLECAT columns against the written spec in
docs/exports.md, PLOVER records against the JSON Schema of the manual's fields, Parquet read
back with its declared types, GeoJSON structure. The store is filled by the real pipeline from
examples/, so places carry GeoNames ids and entities known QIDs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsgraph.export import to_record
from newsgraph.export.formats import (
    EXPORT_SCHEMA_VERSION,
    POLECAT_COLUMNS,
    arrow_schema,
    export,
    plover_events,
)
from newsgraph.ingest import read_inputs
from newsgraph.model import PLOVER_EVENT_TYPES
from newsgraph.query.filters import EventFilter
from newsgraph.schema import plover_errors
from newsgraph.store import Store

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('exports') / 'store.sqlite'}"
    store = Store(url)
    for analysis in pipeline.run_many(read_inputs([str(REPO / "examples")])):
        store.add(to_record(analysis))
    return store


def spec() -> list[tuple[str, str]]:
    """(column, type) rows of the POLECAT table in docs/exports.md."""
    text = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    section = text.split("## POLECAT-style TSV", 1)[1].split("\n## ", 1)[0]
    found = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            found.append((cells[1], cells[2]))
    return found


TYPES = {
    "id": r"newsgraph-\d+",
    "date": r"\d{4}-\d\d-\d\d",
    "plover-type": "|".join(t.lower() for t in PLOVER_EVENT_TYPES),
    "text": r"[^\t\n]+",
    "number": r"-?\d+(\.\d+)?(e-?\d+)?",
    "int": r"\d+",
    "quad": r"[1-4]",
    "none": r"(?!)",  # never anything but None
    "iso3": r"[A-Z]{3}",
    "qid": r"Q[1-9]\d*",
    "feature": r"PCLI|ADM1|PPL|RGN",
    "lang": r"[a-z]{2}",
    "version": rf"newsgraph-[\w.]+/export-{EXPORT_SCHEMA_VERSION}",
    "precision": r"day|week|month|quarter|year|decade|century",
    "modality": r"asserted|future|intended|hypothetical|negated",
}


def test_the_spec_lists_every_column_in_order() -> None:
    assert [name for name, _ in spec()] == list(POLECAT_COLUMNS)


def test_polecat_cells_follow_the_spec(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    n = export(store, path, None, EventFilter(modality=None))
    assert n > 20
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(POLECAT_COLUMNS)
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    assert len(rows) == n
    filled: dict[str, int] = dict.fromkeys(POLECAT_COLUMNS, 0)
    for row in rows:
        assert None not in row.values() and "" not in row.values(), "None, never empty"
        for column, kind in spec():
            value = row[column]
            required = "(required)" in kind
            pattern = TYPES[kind.replace("(required)", "").strip()]
            if value == "None":
                assert not required, (column, row["Event ID"])
                continue
            filled[column] += 1
            assert re.fullmatch(pattern, value), (column, value)
    # Columns the store can fill are filled somewhere in the examples.
    for column in (
        "GeoNames ID",
        "Feature Type",
        "Raw Placename",
        "Wikipedia Actor ID",
        "Latitude",
        "Date Precision",
        "Actor COW",
        "Confidence",
    ):
        assert filled[column] > 0, column


def test_polecat_raw_placename_is_the_article_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    export(store, path, "polecat", EventFilter(modality=None))
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    located = [r for r in rows if r["Placename"] != "None"]
    assert located
    assert all(r["Raw Placename"] != "None" for r in located)
    assert any(r["Raw Placename"] != r["Placename"] for r in located), (
        "some article wrote a place differently from its resolved name"
    )
    assert all("/" not in r["Source"] and not r["Source"].endswith(".txt") for r in rows)


def test_plover_records_validate_against_the_manuals_schema(store: Store) -> None:
    left_out: list[int] = []
    events = list(plover_events(store, EventFilter(modality=None), left_out=left_out))
    assert len(events) > 20
    for event in events:
        assert plover_errors(event) == [], event["id"]
    assert any(a["identifier_id"] for e in events for a in e["actor"]), "Wikidata QIDs"
    located = [e["event_loc"] for e in events if e["event_loc"]]
    assert any(loc["geonameid"] for loc in located)
    assert all(loc["feature_code"] for loc in located if loc["geonameid"])
    assert all(e["date_precision"] for e in events)
    # Nothing is silently dropped: what PLOVER cannot take is counted.
    from newsgraph.query import events as clusters

    assert len(events) + len(left_out) == len(clusters(store, modality=None))


def test_plover_schema_rejects_what_the_manual_requires() -> None:
    good = {"id": "x-1", "date": "2025-03-12", "actor": [{"entity_text": "Kenya",
            "code": "KEN"}], "event": ["AGREE"]}  # fmt: skip
    assert plover_errors(good) == []
    for broken in (
        {k: v for k, v in good.items() if k != "date"},
        {**good, "actor": []},
        {**good, "date": None},
        {**good, "event": ["PARTY"]},
        {**good, "actor": [{"entity_text": "Kenya", "identifier_id": "newsgraph:12"}]},
    ):
        assert plover_errors(broken), broken


def test_parquet_reads_back_with_the_declared_types(store: Store, tmp_path: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    n = export(store, path, None, EventFilter(modality=None))
    table = pq.read_table(path)
    assert table.num_rows == n > 0
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    metadata = table.schema.metadata
    assert metadata[b"newsgraph.schema_version"] == EXPORT_SCHEMA_VERSION.encode()
    frame = pd.read_parquet(path)
    assert str(frame["n_reports"].dtype) in ("int64", "Int64")  # Int64: pandas' nullable int64
    assert str(frame["lat"].dtype) in ("float64", "Float64")
    cameo = frame["cameo"].dropna()
    assert len(cameo) and all(isinstance(c, str) and len(c) >= 3 for c in cameo), "030 stays 030"
    assert all(hasattr(d, "isoformat") for d in frame["date_start"].dropna())


def test_csv_keeps_codes_as_written(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "events.csv"
    export(store, path, None, EventFilter(modality=None))
    frame = pd.read_csv(path, dtype={"cameo": str})
    assert any(str(c).startswith("0") for c in frame["cameo"].dropna())
    assert path.read_text().splitlines()[0].startswith("cluster_id,event_type,mode")


def test_geojson_is_a_valid_feature_collection(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    n = export(store, path, None, EventFilter(modality=None))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == n > 0
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["lat"] == lat and feature["properties"]["lon"] == lon
