"""Entity linking across one surname and headline case (needs the spaCy model): two people who
share a surname but have different given names stay two; a title-case headline's capitalised
verbs and nouns are no names."""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors.conftest import analyse_stories

pytestmark = pytest.mark.model

STORIES = {
    "mensah": (
        "Ghana Leader Meets Traders",
        "President Kwame Mensah met market traders in Accra on Monday. His wife, Abena Mensah, "
        "opened a clinic in Kumasi on Tuesday. Mensah said the clinic would serve 5,000 women. "
        "Mensah will return to Kumasi next month.",
    ),
    "ruiz": (
        "Opposition Leader Ruiz Slams Budget",
        "Senator Carla Ruiz criticised the budget on Monday. Her brother, Mayor Tomas Ruiz of "
        "Leon, defended it on Tuesday. Ruiz said the cuts were fair.",
    ),
    "expel": (
        "Peru Expels Bolivian Envoy Over Protests",
        "Lima ordered a Bolivian diplomat to leave within 72 hours, the foreign ministry said "
        "on Friday.",
    ),
}


@pytest.fixture(scope="module")
def analyses(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return analyse_stories(pipeline, tmp_path_factory.mktemp("linking"), STORIES)


def _people(analysis: Any) -> dict[str, list[str]]:
    text = analysis.text
    return {
        e.name: [text[m.start : m.end] for m in e.mentions]
        for e in analysis.entities
        if e.type == "PERSON"
    }


@pytest.mark.parametrize(
    ("story", "first", "second"),
    [("mensah", "Kwame Mensah", "Abena Mensah"), ("ruiz", "Carla Ruiz", "Tomas Ruiz")],
)
def test_linking_same_surname_different_given_names_stay_apart(
    analyses: dict[str, Any], story: str, first: str, second: str
) -> None:
    people = _people(analyses[story])
    assert first in people and second in people, people
    assert second not in people[first] and first not in people[second]


@pytest.mark.parametrize(
    ("story", "not_a_name"),
    [("mensah", "Meets Traders"), ("ruiz", "Slams Budget"), ("expel", "Expels")],
)
def test_linking_headline_words_are_no_names(
    analyses: dict[str, Any], story: str, not_a_name: str
) -> None:
    analysis = analyses[story]
    for entity in analysis.entities:
        for m in entity.mentions:
            assert not_a_name not in analysis.text[m.start : m.end], entity
