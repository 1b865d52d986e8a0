from __future__ import annotations

import pytest

from newsgraph.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Republic of Turkey", "TUR"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("the U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("UAE", "ARE"),
        ("Syria", "SYR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_by_name_accepts_variants(kb: KnowledgeBase, name: str, iso3: str) -> None:
    country = kb.country_by_name(name)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize("name", ["us", "who", "Turkish", "Ankara"])
def test_country_by_name_rejects_words_and_other_kinds(kb: KnowledgeBase, name: str) -> None:
    assert kb.country_by_name(name) is None


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Turkish", "TUR"),
        ("Turk", "TUR"),
        ("Turks", "TUR"),
        ("Saudi", "SAU"),
        ("Saudis", "SAU"),
        ("Emirati", "ARE"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("American", "USA"),
        ("British", "GBR"),
        ("French", "FRA"),
        ("Chinese", "CHN"),
        ("Syrian", "SYR"),
        ("Dominican", "DOM"),
    ],
)
def test_country_by_demonym(kb: KnowledgeBase, word: str, iso3: str) -> None:
    country = kb.country_by_demonym(word)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("place", "iso3"),
    [
        ("Ankara", "TUR"),
        ("Damascus", "SYR"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("the White House", "USA"),
        ("the Pentagon", "USA"),
        ("Downing Street", "GBR"),
        ("the Elysee", "FRA"),
        ("the Élysée", "FRA"),
        ("Zhongnanhai", "CHN"),
        ("Whitehall", "GBR"),
        ("the Quai d'Orsay", "FRA"),
        ("the Blue House", "KOR"),
    ],
)
def test_country_by_capital_resolves_metonymy(kb: KnowledgeBase, place: str, iso3: str) -> None:
    country = kb.country_by_capital(place)
    assert country is not None and country.iso3 == iso3


def test_country_record_has_codes_capital_and_coordinates(kb: KnowledgeBase) -> None:
    turkey = kb.country("TUR")
    assert turkey is not None
    assert (turkey.iso2, turkey.name, turkey.capital) == ("TR", "Turkey", "Ankara")
    assert 39.0 < turkey.lat < 41.0 and 32.0 < turkey.lon < 34.0
    assert {"Türkiye", "Turkiye"} <= set(turkey.names)
    assert {"Turkish", "Turk"} <= set(turkey.demonyms)
    assert "the Kremlin" in (kb.country("RUS") or turkey).seats


def test_country_table_covers_the_world(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 240
    assert all(len(c.iso3) == 3 and len(c.iso2) == 2 for c in kb.countries)


@pytest.mark.parametrize(("word", "iso3"), [("Ecuadorian", "ECU"), ("Ecuadorean", "ECU")])
def test_countries_demonym_spellings(word: str, iso3: str) -> None:
    from newsgraph.kb import load_kb

    found = load_kb().country_by_demonym(word)
    assert found is not None and found.iso3 == iso3


def test_countries_gazetteer_knows_every_kb_demonym() -> None:
    """The gazetteer's demonym table is built from the knowledge base's (one curated source)."""
    from newsgraph.fold import normalize_key
    from newsgraph.gazetteer import demonym_table
    from newsgraph.kb import load_kb

    table = demonym_table()
    missing = [
        d
        for country in load_kb().countries
        for d in country.demonyms
        if d not in country.names and normalize_key(d) not in table
    ]
    assert missing == []
