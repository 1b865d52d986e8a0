"""Country names with "and" inside, and family-name-first personal names (short invented
articles; needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.actors import participants_in
from newsgraph.model import Analysis, Entity

pytestmark = pytest.mark.model

Analyse = Callable[..., Analysis]


def _named(analysis: Analysis, surface: str) -> Entity | None:
    for entity in analysis.entities:
        if any(analysis.text[m.start : m.end] == surface for m in entity.mentions):
            return entity
    return None


def _surfaces(analysis: Analysis) -> set[str]:
    return {analysis.text[m.start : m.end] for e in analysis.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "code", "pieces"),
    [
        (
            "Bosnia and Herzegovina signed a border agreement with Montenegro on Tuesday.",
            "Bosnia and Herzegovina",
            "BIH",
            ["Bosnia", "Herzegovina"],
        ),
        (
            "Trinidad and Tobago condemned the seizure of two fishing boats by Venezuela.",
            "Trinidad and Tobago",
            "TTO",
            ["Trinidad", "Tobago"],
        ),
        (
            "The coast guard said Antigua and Barbuda had asked Washington for patrol boats.",
            "Antigua and Barbuda",
            "ATG",
            ["Antigua", "Barbuda"],
        ),
        (
            "Sao Tome and Principe welcomed the loan from the African Development Bank.",
            "Sao Tome and Principe",
            "STP",
            ["Sao Tome", "Principe"],
        ),
        (
            "Officials in Zagreb said Bosnia-Herzegovina had rejected the proposal.",
            "Bosnia-Herzegovina",
            "BIH",
            ["Bosnia", "Herzegovina"],
        ),
    ],
)
def test_country_with_and_inside_is_one_actor(
    analyse: Analyse, text: str, name: str, code: str, pieces: list[str]
) -> None:
    analysis = analyse(text)
    entity = _named(analysis, name)
    assert entity is not None, [e.name for e in analysis.entities]
    assert entity.code == code
    assert not set(pieces) & _surfaces(analysis)


def test_two_and_countries_in_one_run(analyse: Analyse) -> None:
    analysis = analyse(
        "Antigua and Barbuda and Saint Kitts and Nevis protested against the new visa rules."
    )
    first, second = (
        _named(analysis, "Antigua and Barbuda"),
        _named(analysis, "Saint Kitts and Nevis"),
    )
    assert first is not None and second is not None
    assert (first.code, second.code) == ("ATG", "KNA")


def test_countries_joined_by_and_stay_two(analyse: Analyse) -> None:
    analysis = analyse("Britain and France urged Iran to return to the nuclear talks in Vienna.")
    britain, france = _named(analysis, "Britain"), _named(analysis, "France")
    assert britain is not None and france is not None and britain is not france
    assert (britain.code, france.code) == ("GBR", "FRA")


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Guo Lihua, a deputy commerce minister, met the delegation in Shanghai. "
            "Guo said the talks on tariffs would resume in the spring.",
            "Guo Lihua",
            "Guo",
        ),
        (
            "South Korean negotiator Park Ji-hoon arrived in Geneva on Monday. "
            "Park told reporters that Seoul would not accept the draft.",
            "Park Ji-hoon",
            "Park",
        ),
        (
            "Vietnamese trade official Tran Minh Khoa signed the accord in Hanoi. "
            "Tran said exports of rice would double.",
            "Tran Minh Khoa",
            "Tran",
        ),
        (
            "Hungarian opposition leader Szabo Tamas addressed a rally in Budapest. "
            "Szabo said the count had been rigged.",
            "Szabo Tamas",
            "Szabo",
        ),
    ],
)
def test_family_name_first_is_the_same_person(
    analyse: Analyse, text: str, full: str, short: str
) -> None:
    analysis = analyse(text)
    person = _named(analysis, full)
    assert person is not None and person.type == "PERSON"
    assert _named(analysis, short) is person


def test_family_name_shared_by_two_people_stays_apart(analyse: Analyse) -> None:
    analysis = analyse(
        "Zhang Minghui, the mayor, met Zhang Rui, a factory owner, in Wuhan. "
        "Zhang said the plant would reopen next month."
    )
    short = _named(analysis, "Zhang")
    first, second = _named(analysis, "Zhang Minghui"), _named(analysis, "Zhang Rui")
    assert first is not None and second is not None
    assert short is not first and short is not second


def test_family_name_needs_an_earlier_full_name(analyse: Analyse) -> None:
    analysis = analyse(
        "Nguyen told the court he was innocent. "
        "The judge adjourned the case of Nguyen Van Long until June."
    )
    short, full = _named(analysis, "Nguyen"), _named(analysis, "Nguyen Van Long")
    assert full is not None and short is not full


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Presidents Ruto and Museveni opened the new border post at Malaba.", "Ruto"),
        ("Presidents Mansour and Aoun discussed the ceasefire in Beirut.", "Mansour"),
    ],
)
def test_known_person_after_a_plural_title(analyse: Analyse, text: str, surname: str) -> None:
    analysis = analyse(text)
    person = _named(analysis, surname)
    assert person is not None and person.type == "PERSON" and person.kb_id is not None


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        (
            "Foreign Minister and Deputy Prime Minister Amina Wekesa met her Tanzanian "
            "counterpart in Arusha on Monday.",
            "Foreign Minister",
            "Amina Wekesa",
        ),
        (
            "Defence Minister and Vice President Tomas Halvorsen criticised the naval drills.",
            "Defence Minister",
            "Tomas Halvorsen",
        ),
    ],
)
def test_first_of_two_titles_is_the_person(
    analyse: Analyse, text: str, title: str, name: str
) -> None:
    analysis = analyse(text)
    person = _named(analysis, name)
    assert person is not None
    start = analysis.text.index(title)
    found = participants_in(analysis, start, start + len(title))
    assert [p.entity for p in found] == [person.id]


def test_two_officials_with_two_titles_stay_two(analyse: Analyse) -> None:
    analysis = analyse(
        "The foreign minister and Defence Minister Tomas Halvorsen criticised the drills."
    )
    start = analysis.text.index("The foreign minister")
    found = participants_in(analysis, start, start + len("The foreign minister"))
    assert all(p.entity is None for p in found)


@pytest.mark.parametrize(
    ("text", "capital", "pieces"),
    [
        (
            "The foreign ministry in Port of Spain said two fishermen had been detained.",
            "Port of Spain",
            ["Port", "Spain"],
        ),
        (
            "Caribbean trade ministers will gather in Port of Spain next week, the host "
            "government announced.",
            "Port of Spain",
            ["Port", "Spain"],
        ),
    ],
)
def test_capital_with_a_small_word_inside_is_one_place(
    analyse: Analyse, text: str, capital: str, pieces: list[str]
) -> None:
    analysis = analyse(text)
    place = _named(analysis, capital)
    assert place is not None and place.type == "GPE"
    assert not set(pieces) & _surfaces(analysis)
