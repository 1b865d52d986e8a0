"""PLOVER code conventions end to end: no sector code (EDU, UAF, MED, LAB, LEG, SOC, ...) ever
stands in a country field of the record, a country column of the store, the dyad view or any
export. Sector-only actors ("students", "unidentified gunmen") simply have no country."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from newsgraph.kb.codes import TRANSNATIONAL, country_of_code, is_country_code
from newsgraph.store import Store

ARTICLES = [
    "Students Clash With Guards in Dhaka\n\nHundreds of students clashed with university "
    "guards on Monday, and unidentified gunmen later fired on a bus near the campus.",
    "Doctors Strike Over Pay\n\nJunior doctors walked out of public hospitals on Tuesday after "
    "lawmakers rejected a pay rise; the teachers' union backed the strike.",
    "Indian Police Detain Activists\n\nIndian police detained a dozen activists who had "
    "protested against a dam, and masked attackers torched a police post the next night.",
    "UN Council Condemns Attack on Aid Convoy\n\nThe UN Security Council condemned an attack "
    "on an aid convoy in Darfur on Tuesday, and the European Commission suspended payments to "
    "the contractor.",
]

SECTORS = {"EDU", "UAF", "MED", "LAB", "LEG", "SOC", "GOV", "MIL", "CVL", "COP", "REB", "BUS"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("IND", True), ("UNO", True), ("EUR", True), ("NGO", True), ("IGO", True)]
    + [(sector, False) for sector in sorted(SECTORS)]
    + [(None, False), ("", False), ("INDGOV", False)],
)
def test_codes_country_field_values(value: str | None, expected: bool) -> None:
    assert is_country_code(value) is expected


@pytest.mark.parametrize(
    ("code", "country"),
    [
        ("INDGOV", "IND"),
        ("UNOGOV", "UNO"),
        ("IGOMIL", "IGO"),
        ("UAF", None),
        ("EDUSTU", None),
        (None, None),
    ],
)
def test_codes_country_of_code(code: str | None, country: str | None) -> None:
    assert country_of_code(code) == country


def _participant(country: str | None, sector: str | None, code: str | None, name: str) -> Any:
    return {
        "entity": None,
        "text": name,
        "start": 0,
        "end": len(name),
        "country": country,
        "sector": sector,
        "code": code,
    }


def _countries(rows: list[dict[str, Any]], columns: list[str]) -> set[str]:
    return {
        str(r[c]) for r in rows for c in columns if r.get(c) not in (None, "", "None")
    }  # POLECAT writes "None"


@pytest.mark.model
def test_codes_no_sector_in_any_country_column(pipeline: Any, tmp_path: Path) -> None:
    from newsgraph.export import to_record
    from newsgraph.export.formats import export
    from newsgraph.ingest import read_inputs

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"c{i}",
                    "url": f"https://wire.example/c{i}",
                    "published": "2025-03-04",
                    "title": article.split("\n")[0],
                    "text": article.split("\n\n", 1)[1],
                }
            )
            + "\n"
            for i, article in enumerate(ARTICLES, start=1)
        ),
        encoding="utf-8",
    )
    analyses = read_inputs([str(corpus)])
    records = [to_record(a) for a in pipeline.run_many(analyses)]
    record_countries = {
        p.get("country")
        for r in records
        for v in r.get("events", [])
        for p in v["actors"] + v["recipients"]
    } | {e.get("country") for r in records for e in r.get("entities", [])}
    assert all(is_country_code(c) for c in record_countries if c), record_countries
    # PLOVER's country-level codes stand in the country field, never in the sector field
    assert {"UNO", "EUR"} <= record_countries, record_countries
    record_sectors = {
        p.get("sector")
        for r in records
        for v in r.get("events", [])
        for p in v["actors"] + v["recipients"]
    } | {e.get("sector") for r in records for e in r.get("entities", [])}
    assert not record_sectors & TRANSNATIONAL, record_sectors
    # a record written elsewhere (an old version, a user's dictionary) with a sector where the
    # country belongs, and a sector-only code, must not make pseudo-countries either
    forged = json.loads(json.dumps(records[0]))
    event = forged["events"][0]
    event["actors"] = [_participant("IND", "GOV", "INDGOV", "Indian officials")]
    event["recipients"] = [_participant(None, "UAF", "UAF", "gunmen")]
    forged["id"] = "forged-1"
    forged["text"] += " Officials in Delhi condemned the attack."
    forged["source"] = {**forged.get("source", {}), "url": "https://wire.example/f1"}
    second = json.loads(json.dumps(forged))
    second["id"], second["events"][0]["recipients"] = (
        "forged-2",
        [_participant("EDU", "EDU", "EDU", "students")],
    )
    second["text"] += " Students in Pune marched."
    second["source"] = {**second.get("source", {}), "url": "https://wire.example/f2"}
    with Store(f"sqlite:///{tmp_path / 'codes.sqlite'}") as store:
        added = [store.add(record) for record in [*records, forged, second]]
        with store.engine.connect() as conn:
            for table, columns in [
                ("events", ["actor_country", "recipient_country"]),
                ("event_clusters", ["actor_country", "recipient_country"]),
                ("dyad_monthly", ["actor_country", "recipient_country"]),
            ]:
                rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table}"))]
                found = _countries(rows, columns)
                assert all(is_country_code(c) for c in found), (table, found)
        plover = tmp_path / "events.jsonl"
        export(store, plover, "plover")
        lines = [json.loads(line) for line in plover.read_text().splitlines()]
        codes = {
            side["code"]
            for obj in lines
            for key in ("actor", "recipient")
            for side in (obj.get(key) or [])
            if isinstance(side, dict) and side.get("code")
        }
        assert all(is_country_code(c) for c in codes), codes
        polecat = tmp_path / "events.tsv"
        export(store, polecat, "polecat")
        with polecat.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        found = _countries(rows, ["Actor Country", "Recipient Country", "Country"])
        assert all(is_country_code(c) for c in found), found
        table_csv = tmp_path / "events.csv"
        export(store, table_csv, "csv")
        with table_csv.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        found = _countries(rows, ["actor_country", "recipient_country", "location_country"])
        assert all(is_country_code(c) for c in found), found
        assert "IND" in found, (added, found)
        assert "UNO" in found, found  # the Security Council's condemnation, as a country
