"""Names inside longer names become `nested` mentions of their own entity, never actors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.actors import participants_in
from newsgraph.events.participants import _fallback as event_fallback
from newsgraph.model import Analysis, Entity, Mention
from newsgraph.quotes.resolve import _entity_at

pytestmark = pytest.mark.model

Analyse = Callable[..., Analysis]


def kinds_at(analysis: Analysis, surface: str) -> list[tuple[str, str]]:
    """(entity type, mention kind) of every mention that reads `surface`."""
    return [
        (e.type, m.kind)
        for e in analysis.entities
        for m in e.mentions
        if analysis.text[m.start : m.end] == surface
    ]


@pytest.mark.parametrize(
    ("text", "inner", "label"),
    [
        ("The Irving Police Department arrested two men on Friday.", "Irving", "GPE"),
        ("Students at the University of Texas Arlington walked out.", "Texas", "GPE"),
        ("Students at the University of Texas Arlington walked out.", "Arlington", "GPE"),
        ("Officers of the Sheffield City Council voted on Tuesday.", "Sheffield", "GPE"),
        ("The Bank of England raised interest rates again.", "England", "GPE"),
        ("The University of NSW published the survey.", "NSW", "GPE"),
    ],
)
def test_nested_inner_name_is_its_own_entity(
    analyse: Analyse, text: str, inner: str, label: str
) -> None:
    assert (label, "nested") in kinds_at(analyse(text), inner)


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        ("The Irving Police Department arrested two men on Friday.", "Irving Police Department"),
        ("The Bank of England raised interest rates again.", "Bank of England"),
    ],
)
def test_nested_outer_name_stays_a_name(analyse: Analyse, text: str, outer: str) -> None:
    assert ("ORG", "name") in kinds_at(analyse(text), outer)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Lincoln Memorial was closed for repairs.", "Lincoln"),  # small-town namesake
        ("The Wells Fargo branch was robbed.", "Wells"),
        ("The UN Security Council met on Monday.", "UN Security Council"),  # the name itself
    ],
)
def test_nested_skips_small_places_and_the_whole_name(
    analyse: Analyse, text: str, surface: str
) -> None:
    assert ("GPE", "nested") not in kinds_at(analyse(text), surface)
    assert all(kind != "nested" for _, kind in kinds_at(analyse(text), surface))


def test_nested_inner_name_joins_the_same_name_elsewhere(analyse: Analyse) -> None:
    text = "Irving residents were angry. The Irving Police Department said it would investigate."
    analysis = analyse(text)
    irving = [e for e in analysis.entities if e.name == "Irving"]
    assert len(irving) == 1
    assert sorted(m.kind for m in irving[0].mentions) == ["name", "nested"]


OUTER_TEXT = "Irving Police Department arrested two men."
INNER_END = len("Irving")
OUTER_END = len("Irving Police Department")


def inner_first_entities() -> list[Entity]:
    """The inner place listed before its organisation, so a look-up that does not skip nested
    mentions finds the place first."""
    place = Entity("E1", "Irving", "GPE", mentions=[Mention(0, INNER_END, "nested")])
    police = Entity("E2", "Irving Police Department", "ORG", country="USA", sector="COP")
    police.mentions = [Mention(0, OUTER_END, "name")]
    return [place, police]


@pytest.mark.parametrize(("start", "end"), [(0, INNER_END), (0, OUTER_END)])
def test_nested_participants_in_takes_the_outer_name(
    analyse: Analyse, start: int, end: int
) -> None:
    analysis = analyse(OUTER_TEXT)
    analysis.entities = inner_first_entities()
    assert [p.entity for p in participants_in(analysis, start, end)] == ["E2"]


@pytest.mark.parametrize(("start", "end"), [(0, OUTER_END), (0, len(OUTER_TEXT))])
def test_nested_event_participants_skip_nested_mentions(start: int, end: int) -> None:
    analysis = Analysis(id="t", text=OUTER_TEXT)
    analysis.entities = inner_first_entities()
    assert [p.entity for p in event_fallback(analysis, start, end)] == ["E2"]


@pytest.mark.parametrize(("start", "end"), [(0, INNER_END), (0, OUTER_END)])
def test_nested_mention_is_never_a_speaker(start: int, end: int) -> None:
    found = _entity_at(inner_first_entities(), start, end)
    assert found is not None and found[0].id == "E2"


@pytest.mark.parametrize(
    ("text", "phrase", "outer_type"),
    [
        ("The Irving Police Department arrested two men.", "The Irving Police Department", "ORG"),
        ("The Bank of England raised rates.", "The Bank of England", "ORG"),
    ],
)
def test_nested_mentions_are_never_participants(
    analyse: Analyse, text: str, phrase: str, outer_type: str
) -> None:
    analysis = analyse(text)
    start = text.index(phrase)
    found = participants_in(analysis, start, start + len(phrase))
    by_id = {e.id: e for e in analysis.entities}
    assert [by_id[p.entity].type for p in found if p.entity] == [outer_type]
