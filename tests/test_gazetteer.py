"""The shipped gazetteer: contents, lookups and lazy loading."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import common_words, demonym_table, demonyms, load_gazetteer


@pytest.mark.parametrize("written", ["Turkey", "Türkiye", "Turkiye", "TURKEY"])
def test_gazetteer_country_variants_resolve_to_one_country(written: str) -> None:
    countries = [e for e in load_gazetteer().lookup(written) if e.feature == "country"]
    assert [e.country for e in countries] == ["TUR"]


@pytest.mark.parametrize(
    ("name", "iso3", "lat", "lon"),
    [("Ankara", "TUR", 39.9, 32.9), ("Damascus", "SYR", 33.5, 36.3), ("Riyadh", "SAU", 24.7, 46.7)],
)
def test_gazetteer_city_has_coordinates(name: str, iso3: str, lat: float, lon: float) -> None:
    entries = [
        e for e in load_gazetteer().lookup(name) if e.country == iso3 and e.feature == "city"
    ]
    assert entries
    assert entries[0].lat == pytest.approx(lat, abs=0.2)
    assert entries[0].lon == pytest.approx(lon, abs=0.2)


@pytest.mark.parametrize(("name", "feature"), [("Texas", "admin1"), ("Gaza Strip", "region")])
def test_gazetteer_knows_divisions_and_regions(name: str, feature: str) -> None:
    assert feature in {e.feature for e in load_gazetteer().lookup(name)}


@pytest.mark.parametrize(("iso3", "capital"), [("SYR", "Damascus"), ("KEN", "Nairobi")])
def test_gazetteer_capital_of_country(iso3: str, capital: str) -> None:
    entry = load_gazetteer().capital_of(iso3)
    assert entry is not None and entry.name == capital


def test_gazetteer_us_state_abbreviation() -> None:
    assert [e.name for e in load_gazetteer().lookup("Calif.")] == ["California"]


def test_gazetteer_demonyms_and_common_words() -> None:
    assert demonyms()["syrian"] == "SYR"
    assert {"mobile", "of"} <= common_words()
    assert "paris" not in common_words()


def test_gazetteer_loads_lazily_on_first_use() -> None:
    code = (
        "import newsgraph.places as p, newsgraph.gazetteer as g\n"
        "assert not g.is_loaded()\n"
        "p.resolve_toponyms('Officials met in Cairo.', [(17, 22, 'GPE')])\n"
        "assert g.is_loaded()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("word", "iso3", "region"),
    [
        ("American", "USA", ""),  # the most populous owner, not the Northern Mariana Islands
        ("Chinese", "CHN", ""),
        ("Central American", "", "Central America"),
        ("Arab", "", ""),  # a people: names no one place
        ("African American", "", ""),
    ],
)
def test_gazetteer_demonym_table_names_country_or_region(word: str, iso3: str, region: str) -> None:
    demonym = demonym_table()[normalize_key(word)]
    assert (demonym.iso3, demonym.region) == (iso3, region)
    assert demonym.names_place is bool(iso3 or region)


@pytest.mark.parametrize("written", ["EU", "E.U.", "European Union"])
def test_gazetteer_european_union_is_a_union(written: str) -> None:
    unions = [e for e in load_gazetteer().lookup(written) if e.union]
    assert [e.name for e in unions] == ["European Union"]


@pytest.mark.parametrize(
    ("key", "known"),
    [("nairobi", True), ("san jose", True), ("sa", False), ("", False), ("zzqx", False)],
)
def test_gazetteer_bucketed_index_has_key(key: str, known: bool) -> None:
    assert load_gazetteer().has_key(key) is known


def test_gazetteer_knows_towns_of_a_few_thousand() -> None:
    towns = [e for e in load_gazetteer().lookup("Silverstone") if e.feature == "city"]
    assert towns and towns[0].country == "GBR" and towns[0].population < 5000
