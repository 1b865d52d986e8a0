"""Actor coding of whole noun phrases: coordinated owners, country names, titles with their
owner, title sectors, organisations and groups of people (needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.actors import participants_in
from newsgraph.model import Analysis, Entity

pytestmark = pytest.mark.model

Analyse = Callable[..., Analysis]


def entity_named(analysis: Analysis, surface: str) -> Entity:
    for entity in analysis.entities:
        if any(analysis.text[m.start : m.end] == surface for m in entity.mentions):
            return entity
    raise AssertionError(
        f"no entity mentioned as {surface!r}: {[e.name for e in analysis.entities]}"
    )


def coded(analysis: Analysis, phrase: str) -> list[tuple[str | None, str | None]]:
    start = analysis.text.index(phrase)
    return [(p.country, p.sector) for p in participants_in(analysis, start, start + len(phrase))]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Senior Chilean and Peruvian negotiators met in Lima on Tuesday.",
            "Senior Chilean and Peruvian negotiators",
            [("CHL", "GOV"), ("PER", "GOV")],
        ),
        (
            "Danish and Norwegian warships patrolled the strait.",
            "Danish and Norwegian warships",
            [("DNK", "MIL"), ("NOR", "MIL")],
        ),
        (
            "Polish and Czech officials signed the accord.",
            "Polish and Czech officials",
            [("POL", "GOV"), ("CZE", "GOV")],
        ),
    ],
)
def test_coding_coordinated_owners_are_separate_participants(
    analyse: Analyse, text: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert coded(analyse(text), phrase) == expected


def test_coding_coordinated_participants_have_their_own_spans(analyse: Analyse) -> None:
    analysis = analyse("Senior Chilean and Peruvian negotiators met in Lima on Tuesday.")
    phrase = "Senior Chilean and Peruvian negotiators"
    start = analysis.text.index(phrase)
    found = participants_in(analysis, start, start + len(phrase))
    texts = [analysis.text[p.start : p.end] for p in found]
    assert texts == ["Chilean", "Peruvian negotiators"]


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Sri Lanka accused Norway of bias in the talks.", "Sri Lanka", "LKA"),
        ("Kyrgyzstan rejected the proposal on Monday.", "Kyrgyzstan", "KGZ"),
        ("Burkina Faso expelled the French ambassador.", "Burkina Faso", "BFA"),
        ("Officials said Turkmenistan would reopen the border.", "Turkmenistan", "TKM"),
    ],
)
def test_coding_country_names_are_places_with_their_country(
    analyse: Analyse, text: str, name: str, iso3: str
) -> None:
    analysis = analyse(text)
    entity = entity_named(analysis, name)
    assert (entity.type, entity.country) == ("GPE", iso3)
    assert coded(analysis, name) == [(iso3, "GOV")]


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Kazakh Prime Minister Arman Seitkali arrived in Ankara.", "Arman Seitkali", "KAZ", "GOV"),
        ("U.S. Secretary of State Daniel Pearson criticized Cuba.", "Daniel Pearson", "USA", "GOV"),
        (
            "Italian Senate president Marco Bellini praised the reform.",
            "Marco Bellini",
            "ITA",
            "GOV",
        ),
        (
            "Peruvian junior trade minister Luis Paredes visited Quito.",
            "Luis Paredes",
            "PER",
            "GOV",
        ),
        ("Chile President Ana Morales met the delegation.", "Ana Morales", "CHL", "GOV"),
        (
            "Former Liberal prime minister Tom Hartley attacked the budget.",
            "Tom Hartley",
            None,
            "ELI",
        ),
        ("Ousted President Victor Lansky fled to Minsk.", "Victor Lansky", None, "ELI"),
        ("Maj. Gen. Peter Okello inspected the troops.", "Peter Okello", None, "MIL"),
        ("Judge Helena Varga adjourned the trial.", "Helena Varga", None, "JUD"),
    ],
)
def test_coding_person_title_uses_every_owner_word(
    analyse: Analyse, text: str, name: str, country: str | None, sector: str
) -> None:
    entity = entity_named(analyse(text, published=None), name)
    assert (entity.country, entity.sector) == (country, sector)


@pytest.mark.parametrize("title", ["Secretary General", "Deputy Secretary General"])
def test_coding_official_of_an_igo_is_an_international_civil_servant(
    analyse: Analyse, title: str
) -> None:
    """The body's country-level code and the title's own sector; the user's file still writes
    the old convention (sector "IGO"), which is read as the country."""
    analysis = analyse(f"Sahel Concord Council {title} Amadou Diallo urged calm.")
    entity = entity_named(analysis, "Amadou Diallo")
    assert (entity.country, entity.sector, entity.code) == ("IGO", "GOV", "IGOGOV")
    body = entity_named(analysis, "Sahel Concord Council")
    assert (body.country, body.sector, body.code) == ("IGO", None, "IGOSCC")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Zambia government rejected the plan.", "The Zambia government", [("ZMB", "GOV")]),
        (
            "A group of Tunisian diplomats met the minister.",
            "A group of Tunisian diplomats",
            [("TUN", "GOV")],
        ),
        ("Rebels in Mali attacked an army post.", "Rebels in Mali", [("MLI", "REB")]),
        (
            "Security forces in Honduras fired on the crowd.",
            "Security forces in Honduras",
            [("HND", "COP")],
        ),
        (
            "Blue Crescent Brigades fighters attacked.",
            "Blue Crescent Brigades fighters",
            [("LBN", "REB")],
        ),
        ("Iraqi Turkmen protested in Kirkuk.", "Iraqi Turkmen", [("IRQ", "CVL")]),
        (
            "Ethnic Hungarians in Slovakia protested on Sunday.",
            "Ethnic Hungarians in Slovakia",
            [("SVK", "CVL")],
        ),
        ("Ethnic Hungarians protested on Sunday.", "Ethnic Hungarians", [(None, "CVL")]),
    ],
)
def test_coding_role_phrase_takes_its_owner_from_modifiers(
    analyse: Analyse, text: str, phrase: str, expected: list[tuple[str | None, str]]
) -> None:
    assert coded(analyse(text), phrase) == expected


@pytest.mark.parametrize(
    "name",
    ["Committee for Coastal Fisheries", "Association of Andean Jurists", "Global Water Forum"],
)
def test_coding_unknown_association_is_non_governmental(analyse: Analyse, name: str) -> None:
    entity = entity_named(analyse(f"The {name} said on Friday it would appeal."), name)
    assert (entity.country, entity.sector, entity.code) == ("NGO", None, "NGO")


def test_coding_national_body_keeps_its_country(analyse: Analyse) -> None:
    name = "Ghana Law Reform Commission"
    entity = entity_named(analyse(f"The {name} criticised the bill."), name)
    assert entity.country == "GHA"
    assert entity.sector != "NGO"


def test_coding_name_with_plural_possessive_is_one_known_name(analyse: Analyse) -> None:
    analysis = analyse("Gunmen of the Highland Miners' Front attacked a police convoy near Oruro.")
    entity = entity_named(analysis, "Highland Miners' Front")
    assert (entity.kb_id, entity.country, entity.sector) == ("test:miners-front", "BOL", "REB")


@pytest.mark.parametrize(
    ("entry_source", "expected"),
    [("builtin", "kb"), ("petrarch:/data/PETR.actors.txt", "dictionary"), ("user:/home/me/kb.json", "user")],
)  # fmt: skip
def test_actors_coding_says_which_knowledge_base_coded_an_actor(
    entry_source: str, expected: str
) -> None:
    from newsgraph.actors.coding import kb_source

    assert kb_source(entry_source) == expected
