"""Namesakes of knowledge-base people (needs the spaCy model): a local person who shares only a
surname with a knowledge-base person is not linked to that entry, and neither is the bare
surname that follows the local person's full name; a real match (the full name, an initial, a
middle name, or the bare surname after it) keeps its link."""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors.conftest import analyse_stories

pytestmark = pytest.mark.model

STORIES = {
    "haiti": (
        "Haitian Farmers March Over Fuel Prices",
        "PORT-AU-PRINCE, Haiti (AP) — Jean-Robert Dessalines Michel, a rice farmer from the "
        "Artibonite valley, led several hundred growers through the capital on Tuesday to "
        "protest a rise in fuel prices.\n\n"
        "Michel said the farmers would march every week until the government cut the price of "
        'diesel. "We cannot pay for the trucks any more," Michel told reporters.',
    ),
    "cohen": (
        "Bakery Owner Sues City Over Parking Rules",
        "A bakery owner in Haifa sued the city council on Monday over new parking rules that "
        "she says have cut her trade by half.\n\n"
        "Miriam Cohen, who has run the bakery on Herzl Street for 22 years, said the council "
        "had ignored the shop owners' petition. Cohen said she would take the case to the "
        "district court if needed.",
    ),
    "fernandez": (
        "Teachers in Cordoba Strike for Higher Pay",
        "CORDOBA, Argentina (Reuters) - Thousands of teachers walked out of schools across "
        "Cordoba province on Wednesday, demanding pay rises to keep up with inflation.\n\n"
        '"Our salaries lost a third of their value this year," said union leader Graciela '
        "Fernandez. Fernandez said the strike would last 48 hours.",
    ),
    "mustafa": (
        "Fishermen Blockade Port in Mombasa",
        "MOMBASA, Kenya — Fishermen blocked the old port of Mombasa on Thursday to protest "
        "against foreign trawlers.\n\n"
        "Hassan Omar Mustafa, who chairs the fishermen's cooperative, accused the county of "
        "selling licences to foreign fleets. Mustafa said the blockade would go on.",
    ),
    "wong": (
        "Hong Kong Taxi Drivers Protest Ride-Hailing Apps",
        "HONG KONG — Hundreds of taxi drivers drove slowly through Kowloon on Monday to protest "
        "against ride-hailing apps.\n\n"
        "Wong Siu-ming, who chairs the drivers' association, said fares had fallen by a fifth. "
        "Wong said the drivers would meet transport officials next week.",
    ),
    "macron": (
        "Macron Meets Farmers in Brittany",
        "PARIS (AFP) - French President Emmanuel Macron met farmers in Brittany on Friday. "
        "Macron promised to simplify the rules on fertiliser.",
    ),
    "initial": (
        "Turkish Leader Calls for Ceasefire",
        "ANKARA — Turkish President Recep Tayyip Erdogan called on Friday for a ceasefire. "
        "Erdogan said Turkey was ready to host talks.",
    ),
    "both": (
        "Spanish Premier Visits Flooded Valencia",
        "MADRID (Reuters) - Spanish Prime Minister Pedro Sanchez visited flooded towns near "
        "Valencia on Sunday. Local shopkeeper Lucia Sanchez showed reporters her ruined store. "
        "Sanchez promised emergency aid for the region.",
    ),
    "pardon": (
        "President Pardons His Son Before Sentencing",
        "WASHINGTON (AP) — President Biden on Sunday pardoned his son Hunter Biden, who was due "
        "to be sentenced on gun and tax charges this month. Hunter Biden thanked his father in "
        "a statement.",
    ),
    "councillor": (
        "Leeds Food Bank Opens in Former Library",
        "LEEDS, England — Local councillor Joanne Starmer, who is no relation, opened a food "
        "bank in a former library on Monday. Prime Minister Starmer visited the site later "
        "that day.",
    ),
    "chancellor": (
        "German Chancellor Tours Flooded Bavarian Towns",
        "BERLIN (Reuters) - Chancellor Merz toured flooded towns in Bavaria on Saturday, while "
        "the mayor of Passau, Tobias Merz, asked the federal government for emergency funds.",
    ),
}


@pytest.fixture(scope="module")
def analyses(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return analyse_stories(pipeline, tmp_path_factory.mktemp("namesakes"), STORIES)


def _person(analysis: Any, surface: str) -> Any:
    text = analysis.text
    for entity in analysis.entities:
        if any(text[m.start : m.end] == surface for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity mentioned as {surface!r}: {analysis.entities}")


def _surnames(analysis: Any, surname: str) -> list[Any]:
    """The entities of every bare-surname mention."""
    text = analysis.text
    return [
        entity
        for entity in analysis.entities
        for m in entity.mentions
        if text[m.start : m.end] == surname
    ]


@pytest.mark.parametrize(
    ("story", "full", "surname"),
    [
        ("haiti", "Jean-Robert Dessalines Michel", "Michel"),
        ("cohen", "Miriam Cohen", "Cohen"),
        ("fernandez", "Graciela Fernandez", "Fernandez"),
        ("mustafa", "Hassan Omar Mustafa", "Mustafa"),
        ("wong", "Wong Siu-ming", "Wong"),
    ],
)
def test_namesake_of_kb_person_is_not_linked(
    analyses: dict[str, Any], story: str, full: str, surname: str
) -> None:
    analysis = analyses[story]
    person = _person(analysis, full)
    assert person.kb_id is None, person
    assert person.coding_source != "kb", person
    holders = _surnames(analysis, surname)
    assert holders, analysis.entities
    assert all(entity is person for entity in holders), holders


@pytest.mark.parametrize(
    ("story", "full", "surname", "kb_id"),
    [
        ("macron", "Emmanuel Macron", "Macron", "p:emmanuel-macron"),
        ("initial", "Recep Tayyip Erdogan", "Erdogan", "p:erdogan"),
    ],
)
def test_kb_person_and_surname_keep_their_link(
    analyses: dict[str, Any], story: str, full: str, surname: str, kb_id: str
) -> None:
    analysis = analyses[story]
    person = _person(analysis, full)
    assert person.kb_id == kb_id, person
    assert all(entity is person for entity in _surnames(analysis, surname))


def test_kb_person_and_namesake_in_one_story(analyses: dict[str, Any]) -> None:
    analysis = analyses["both"]
    premier = _person(analysis, "Pedro Sanchez")
    shopkeeper = _person(analysis, "Lucia Sanchez")
    assert premier is not shopkeeper
    assert premier.kb_id == "p:pedro-sanchez", premier
    assert shopkeeper.kb_id is None, shopkeeper


@pytest.mark.parametrize(
    ("story", "titled", "kb_id", "namesake"),
    [
        ("pardon", "Biden", "p:joe-biden", "Hunter Biden"),
        ("councillor", "Starmer", "p:keir-starmer", "Joanne Starmer"),
        ("chancellor", "Merz", "p:friedrich-merz", "Tobias Merz"),
    ],
)
def test_titled_kb_person_and_namesake_stay_apart(
    analyses: dict[str, Any], story: str, titled: str, kb_id: str, namesake: str
) -> None:
    analysis = analyses[story]
    leader = _surnames(analysis, titled)[0]
    other = _person(analysis, namesake)
    assert leader is not other, leader
    assert leader.kb_id == kb_id, leader
    assert other.kb_id is None, other
