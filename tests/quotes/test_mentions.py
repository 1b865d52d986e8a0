"""The document's mention index answers as a scan of every mention does (no model needed)."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.quotes.mentions import Mentions, entity_at

TEXT = (
    "Kenyan President William Ruto met Peru's foreign minister Elmer Schialer in Nairobi; "
    "the Kenyan government and the Peruvian embassy said Ruto and Schialer signed a deal, "
    "Reuters reported."
)


def _at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def _entities() -> list[Entity]:
    ruto = Entity("E1", "William Ruto", "PERSON")
    ruto.mentions = [
        Mention(*_at("Kenyan President William Ruto"), "nominal"),
        Mention(*_at("William Ruto")),
        Mention(*_at("Ruto", 1)),
    ]
    kenya = Entity("E2", "Kenya", "GPE")
    kenya.mentions = [Mention(*_at("Kenyan"), "nested"), Mention(*_at("Kenyan", 1))]
    government = Entity("E3", "Government of Kenya", "ORG")
    # the same span as Kenya's second mention: the first entity of equal length wins
    government.mentions = [Mention(*_at("the Kenyan government")), Mention(*_at("Kenyan", 1))]
    schialer = Entity("E4", "Elmer Schialer", "PERSON")
    schialer.mentions = [
        Mention(*_at("Peru's foreign minister Elmer Schialer"), "nominal"),
        Mention(*_at("Elmer Schialer")),
        Mention(*_at("Schialer", 1), "pronoun"),
    ]
    reuters = Entity("E5", "Reuters", "ORG", is_source_agency=True)
    reuters.mentions = [Mention(*_at("Reuters"))]
    return [ruto, kenya, government, schialer, reuters]


@pytest.mark.parametrize("width", [1, 2, 5, 12])
def test_mentions_at_answers_as_the_scan(width: int) -> None:
    entities = _entities()
    index = Mentions(None, entities)
    for start in range(len(TEXT) - width):
        expected = entity_at(entities, start, start + width)
        assert index.at(start, start + width) == expected, (start, width)


def test_mentions_at_prefers_the_shortest_holding_mention() -> None:
    entities = _entities()
    found = Mentions(None, entities).at(*_at("Ruto"))
    assert found is not None
    assert (found[0].id, found[1]) == ("E1", Mention(*_at("William Ruto")))


def test_mentions_skip_source_agencies_and_nested_mentions() -> None:
    entities = _entities()
    index = Mentions(None, entities)
    assert index.at(*_at("Reuters")) is None
    found = index.at(*_at("Kenyan"))
    assert found is not None  # not the nested mention: the phrase that holds it
    assert (found[0].id, found[1].kind) == ("E1", "nominal")
    tied = index.at(*_at("Kenyan", 1))
    assert tied is not None and tied[0].id == "E2"


def test_mentions_names_within_in_entity_order() -> None:
    entities = _entities()
    lo, hi = _at("Peru's foreign minister Elmer Schialer")
    names = Mentions(None, entities).names_within(lo, hi)
    assert names == [(lo, hi), _at("Elmer Schialer")]
