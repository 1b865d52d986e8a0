"""Speakers linked to the actors stage's entities, pronouns and relays (needs the spaCy model)."""

from __future__ import annotations

import pytest
from tests.quotes.conftest import Analyse

from newsgraph.model import Entity, Mention


def _mention(text: str, phrase: str, kind: str = "name", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Mention(start, start + len(phrase), kind)  # type: ignore[arg-type]


TEXT = (
    "Tanzanian President Samia Suluhu Hassan opened the summit in Arusha.\n"
    "“Africa must feed itself,” she said.\n"
    "Kenya’s foreign ministry said the meeting was “a success.”\n"
    "The ministry said later that the deal was “binding.”"
)


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    hassan = Entity("E1", "Samia Suluhu Hassan", "PERSON")
    hassan.mentions = [_mention(TEXT, "Samia Suluhu Hassan"), _mention(TEXT, "she", "pronoun")]
    ministry = Entity("E2", "Ministry of Foreign Affairs (Kenya)", "ORG")
    ministry.mentions = [_mention(TEXT, "Kenya’s foreign ministry", "nominal")]
    return [hassan, ministry]


@pytest.mark.model
def test_resolve_pronoun_links_entity_and_names_antecedent(
    analyse: Analyse, entities: list[Entity]
) -> None:
    analysis = analyse(TEXT, entities)
    speaker = analysis.quotes[0].speaker
    assert speaker is not None
    assert (speaker.entity, speaker.text) == ("E1", "Samia Suluhu Hassan")
    assert (speaker.start, speaker.end) == (TEXT.index("Samia"), TEXT.index(" opened"))


@pytest.mark.model
@pytest.mark.parametrize(
    ("quoted", "entity", "speaker_text"),
    [
        ("a success", "E2", "Kenya’s foreign ministry"),
        # a shorter name of a speaker already linked inherits the link
        ("binding", "E2", "The ministry"),
    ],
)
def test_resolve_institution(
    analyse: Analyse, entities: list[Entity], quoted: str, entity: str, speaker_text: str
) -> None:
    analysis = analyse(TEXT, entities)
    (quote,) = [q for q in analysis.quotes if TEXT[q.start : q.end] == quoted]
    assert quote.speaker is not None
    assert (quote.speaker.entity, quote.speaker.text) == (entity, speaker_text)


@pytest.mark.model
def test_resolve_without_entities_keeps_phrase(analyse: Analyse) -> None:
    analysis = analyse(TEXT)
    speakers = [(q.speaker.entity, q.speaker.text) for q in analysis.quotes if q.speaker]
    assert (None, "Kenya’s foreign ministry") in speakers
    assert all(entity is None for entity, _ in speakers)


@pytest.mark.model
def test_resolve_source_agency_entity_is_via(analyse: Analyse) -> None:
    text = "The defence minister told Ukrinform that the talks had gone “very well.”"
    agency = Entity("E9", "Ukrinform", "ORG", is_source_agency=True)
    agency.mentions = [_mention(text, "Ukrinform")]
    analysis = analyse(text, [agency])
    partial = [q for q in analysis.quotes if q.kind == "partial"]
    assert [(q.speaker.text if q.speaker else None, q.via) for q in partial] == [
        ("The defence minister", "Ukrinform")
    ]
