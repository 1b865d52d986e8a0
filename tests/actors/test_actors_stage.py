"""The actors stage on short invented articles (needs the spaCy model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsgraph.actors import participants_in
from newsgraph.model import Analysis, Entity

pytestmark = pytest.mark.model

Analyse = Callable[..., Analysis]


def entity_named(analysis: Analysis, surface: str) -> Entity:
    """The entity one of whose mentions reads `surface` (fails the test if none)."""
    for entity in analysis.entities:
        if any(analysis.text[m.start : m.end] == surface for m in entity.mentions):
            return entity
    names = [e.name for e in analysis.entities]
    raise AssertionError(f"no entity mentioned as {surface!r}: {names}")


def surfaces(analysis: Analysis, entity: Entity, kind: str | None = None) -> list[str]:
    return [
        analysis.text[m.start : m.end] for m in entity.mentions if kind is None or m.kind == kind
    ]


def participants(analysis: Analysis, phrase: str) -> list[tuple[str | None, str | None]]:
    start = analysis.text.index(phrase)
    found = participants_in(analysis, start, start + len(phrase))
    return [(p.country, p.sector) for p in found]


def test_stage_ids_follow_first_mention(analyse: Analyse) -> None:
    analysis = analyse(
        "Kenyan President William Ruto met Raila Odinga in Nairobi. Ruto said talks went well."
    )
    assert [e.id for e in analysis.entities] == [
        f"E{i}" for i in range(1, len(analysis.entities) + 1)
    ]
    starts = [e.mentions[0].start for e in analysis.entities]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("text", "full", "other"),
    [
        (
            "Rebel chief Omar Bakri, formerly known as Abu Hamza al-Tikriti, arrived on Monday. "
            "Bakri later met reporters.",
            "Omar Bakri",
            "Abu Hamza al-Tikriti",
        ),
        (
            "Fighters of the Sudan Liberation Movement (SLM) seized the town. The SLM said it would hold it.",
            "Sudan Liberation Movement",
            "SLM",
        ),
        (
            "The commander, better known by his nom de guerre Abu Layla, was killed. Abu Layla had led the unit.",
            None,
            "Abu Layla",
        ),
    ],
)
def test_resolve_aliases_declared_in_text(
    analyse: Analyse, text: str, full: str | None, other: str
) -> None:
    analysis = analyse(text)
    entity = entity_named(analysis, other)
    if full is not None:
        assert entity is entity_named(analysis, full)
    assert len([s for s in surfaces(analysis, entity) if s == other]) >= 1


def test_resolve_kb_alias_links_two_names(analyse: Analyse) -> None:
    analysis = analyse(
        "Laila Mansour addressed parliament in Beirut on Tuesday. "
        "Supporters chanted the name Umm Karim outside the building."
    )
    entity = entity_named(analysis, "Laila Mansour")
    assert entity_named(analysis, "Umm Karim") is entity
    assert entity.kb_id == "test:laila-mansour"


def test_resolve_does_not_merge_different_surnames(analyse: Analyse) -> None:
    analysis = analyse(
        "Syria's leader Mohamed al-Golani travelled to Riyadh, where he met Saudi Crown Prince "
        "Mohammed bin Salman. Bin Salman praised the visit, and al-Golani thanked him."
    )
    golani = entity_named(analysis, "Mohamed al-Golani")
    salman = entity_named(analysis, "Mohammed bin Salman")
    assert golani is not salman
    assert entity_named(analysis, "al-Golani") is golani
    assert salman.country == "SAU"


def test_resolve_surname_joins_full_name_and_person_is_never_a_place(analyse: Analyse) -> None:
    analysis = analyse(
        "Hungarian Prime Minister Viktor Orban met Czech leaders in Prague on Monday. "
        "Orban said the talks were useful. Critics say Orban has weakened the courts."
    )
    orban = entity_named(analysis, "Viktor Orban")
    assert orban.type == "PERSON"
    assert surfaces(analysis, orban, "name").count("Orban") == 2
    assert (orban.country, orban.sector, orban.code) == ("HUN", "GOV", "HUNGOV")
    assert "prime minister" in orban.titles


@pytest.mark.parametrize(
    ("published", "sector", "source"),
    [
        (dt.date(2020, 3, 1), "OPP", "user"),
        (dt.date(2024, 3, 1), "GOV", "user"),
        (None, "GOV", "user"),
    ],
)
def test_coding_user_kb_role_follows_publication_date(
    analyse: Analyse, published: dt.date | None, sector: str, source: str
) -> None:
    analysis = analyse("Laila Mansour spoke to supporters in Beirut on Friday.", published)
    entity = entity_named(analysis, "Laila Mansour")
    assert (entity.country, entity.sector, entity.coding_source) == ("LBN", sector, source)


def test_coding_text_role_beats_stale_kb_role(analyse: Analyse) -> None:
    analysis = analyse(
        "Lebanon's interim president, Laila Mansour, visited Paris on Friday.", dt.date(2020, 3, 1)
    )
    entity = entity_named(analysis, "Laila Mansour")
    assert (entity.country, entity.sector, entity.code) == ("LBN", "GOV", "LBNGOV")
    assert entity.coding_source == "text"
    assert "interim president" in entity.titles


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Russian Deputy Foreign Minister Sergei Ryabkov met envoys in Geneva.",
            "Sergei Ryabkov",
            "RUSGOV",
        ),
        (
            "Germany's foreign minister, Annalena Baerbock, arrived in Kyiv.",
            "Annalena Baerbock",
            "DEUGOV",
        ),
        ("Abdi Hassan, the foreign minister of Somalia, flew to Nairobi.", "Abdi Hassan", "SOMGOV"),
        (
            "The Blue Crescent Brigades (BCB) shelled the town. BCB fighters advanced.",
            "BCB",
            "LBNREB",
        ),
    ],
)
def test_coding_roles_from_text_and_kb(analyse: Analyse, text: str, name: str, code: str) -> None:
    analysis = analyse(text)
    assert entity_named(analysis, name).code == code


def test_coding_agencies_are_sources_never_actors(analyse: Analyse) -> None:
    analysis = analyse(
        "Wirepix reported that Kenya and Ethiopia signed a border deal, Reuters said. "
        "Wirepix said the deal was signed in Addis Ababa."
    )
    agency = entity_named(analysis, "Wirepix")
    assert agency.is_source_agency and agency.code is None
    assert entity_named(analysis, "Reuters").is_source_agency
    assert participants(analysis, "Wirepix") == []


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Kremlin rejected the proposal on Monday.", "The Kremlin", [("RUS", "GOV")]),
        ("Ankara welcomed the decision.", "Ankara", [("TUR", "GOV")]),
        (
            "Kenya and Ethiopia signed a border deal.",
            "Kenya and Ethiopia",
            [("KEN", "GOV"), ("ETH", "GOV")],
        ),
        ("Turkish officials said the border would reopen.", "Turkish officials", [("TUR", "GOV")]),
        (
            "A French presidential spokesman denied the report.",
            "A French presidential spokesman",
            [("FRA", "GOV")],
        ),
        ("Rebel commanders met in the north.", "Rebel commanders", [(None, "REB")]),
        (
            "Arab and Muslim countries backed the plan.",
            "Arab and Muslim countries",
            [(None, "GOV")],
        ),
    ],
)
def test_participants_metonymy_compounds_roles_and_groups(
    analyse: Analyse, text: str, phrase: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert participants(analyse(text), phrase) == expected


def test_participants_group_of_states_code(analyse: Analyse) -> None:
    analysis = analyse("Arab and Muslim countries backed the plan.")
    start = analysis.text.index("Arab")
    (group,) = participants_in(analysis, start, analysis.text.index(" backed"))
    assert group.code == "ARBMOSGOV" and group.entity is None


def test_participants_capital_entity_keeps_place_type(analyse: Analyse) -> None:
    analysis = analyse("Moscow said it would respond. Tourists love Moscow in winter.")
    moscow = entity_named(analysis, "Moscow")
    assert moscow.type == "GPE" and moscow.country == "RUS"


def test_coref_pronouns_follow_salient_person_of_right_gender(analyse: Analyse) -> None:
    analysis = analyse(
        "Kenyan President William Ruto met Ethiopian Foreign Minister Gedion Timothewos in Nairobi. "
        "He said the two countries would build a new road. "
        "Ms. Amina Mohamed, a senior diplomat, said she welcomed the plan."
    )
    ruto = entity_named(analysis, "William Ruto")
    amina = entity_named(analysis, "Amina Mohamed")
    assert "He" in surfaces(analysis, ruto, "pronoun")
    assert "she" in surfaces(analysis, amina, "pronoun")
    assert "she" not in surfaces(analysis, ruto, "pronoun")


def test_coref_pronoun_skips_names_inside_quotes(analyse: Analyse) -> None:
    analysis = analyse(
        "Chancellor Olaf Scholz spoke in Berlin. “Friedrich Merz is wrong,” he said."
    )
    scholz = entity_named(analysis, "Olaf Scholz")
    merz = entity_named(analysis, "Friedrich Merz")
    assert "he" in surfaces(analysis, scholz, "pronoun")
    assert not surfaces(analysis, merz, "pronoun")


def test_coref_nominal_mention_resolves_to_titled_person(analyse: Analyse) -> None:
    analysis = analyse(
        "Kenyan President William Ruto arrived in Addis Ababa on Monday. "
        "The Kenyan president later toured a factory."
    )
    ruto = entity_named(analysis, "William Ruto")
    assert "The Kenyan president" in surfaces(analysis, ruto, "nominal")


def test_resolve_place_in_parentheses_is_not_an_alias(analyse: Analyse) -> None:
    analysis = analyse(
        "Talks opened in Geneva (Switzerland) on Monday. Geneva hosted both delegations."
    )
    assert entity_named(analysis, "Geneva") is not entity_named(analysis, "Switzerland")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Users flocked to Zentrix after the outage. Zentrix shares rose.", "Zentrix", "ORG"),
        (
            "Their daughter, Maribel, was born in May. Maribel said she loved the school.",
            "Maribel",
            "PERSON",
        ),
    ],
)
def test_mentions_one_word_person_needs_evidence(
    analyse: Analyse, text: str, name: str, kind: str
) -> None:
    entity = entity_named(analyse(text), name)
    assert entity.type == kind or (kind == "ORG" and entity.type != "PERSON")
