"""Event confidence blends the lexicon's weight with the classifier's sentence probability."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.classifier import default_classifier
from newsgraph.events.confidence import LEXICON_SHARE, blend, blend_confidence, sentence_span
from newsgraph.model import Event

from .helpers import Runner

MIN_GAP = 0.1  # an event sense must outrank a non-event sense of the same trigger clearly


@pytest.mark.parametrize(
    ("lexicon", "probability", "expected"),
    [
        (1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0),
        (0.8, 0.0, round(LEXICON_SHARE * 0.8, 3)),
        (0.0, 0.9, round((1 - LEXICON_SHARE) * 0.9, 3)),
        (0.85, 0.6, round(LEXICON_SHARE * 0.85 + (1 - LEXICON_SHARE) * 0.6, 3)),
        (1.4, 1.0, 1.0),  # clipped: merged mentions never push confidence past 1
    ],
)
def test_confidence_blend_mixes_and_clips(
    lexicon: float, probability: float, expected: float
) -> None:
    assert blend(lexicon, probability) == pytest.approx(expected)


@pytest.mark.parametrize("probability", [0.0, 0.3, 0.9])
def test_confidence_blend_rises_with_the_probability(probability: float) -> None:
    assert blend(0.7, probability) < blend(0.7, probability + 0.1)


def test_confidence_sentence_without_mentions_is_not_scored() -> None:
    """No tokens, no mentions: nothing to score, and no spaCy object is touched."""
    blend_confidence([([], []), ([object()], [])])


@pytest.mark.model
@pytest.mark.parametrize(
    ("event_sense", "other_sense", "event_type"),
    [
        (
            "Rebel fighters attacked an army checkpoint near Goma on Sunday.",
            "The striker attacked the ball and scored in the final minute.",
            "ASSAULT",
        ),
        (
            "Indonesian warplanes hit militant camps in Papua on Friday.",
            "Hurricane winds hit the Philippine coast on Friday.",
            "ASSAULT",
        ),
        (
            "Opposition supporters rallied in Harare against the election result.",
            "Markets rallied after the central bank cut interest rates.",
            "PROTEST",
        ),
        (
            "The Kenyan president praised Ethiopia for its role in the peace talks.",
            "The critics praised the film's soundtrack at the Cannes festival.",
            "SUPPORT",
        ),
    ],
)
def test_confidence_lower_for_a_trigger_in_a_non_event_sense(
    run: Runner, event_sense: str, other_sense: str, event_type: str
) -> None:
    """The non-event sense gives no event (its subject is no one who could act: "the
    striker") or, where the lexicon fires on both, the classifier tells them apart and the
    non-event sense gets the lower confidence."""
    real = [e for e in run(event_sense).events if e.event_type == event_type]
    other = [e for e in run(other_sense).events if e.event_type == event_type]
    assert real
    assert not other or real[0].confidence >= other[0].confidence + MIN_GAP


@pytest.mark.model
def test_confidence_is_a_probability_on_every_event(run: Runner) -> None:
    analysis = run(
        "Police arrested twelve protesters outside the parliament in Nairobi. "
        "Vietnam's prime minister met Japanese officials in Hanoi on Monday."
    )
    assert {e.event_type for e in analysis.events} >= {"COERCE", "CONSULT"}
    assert all(0.0 < e.confidence <= 1.0 for e in analysis.events)


@pytest.mark.model
def test_confidence_each_mention_reads_its_own_sentence(nlp: Any) -> None:
    doc = nlp("Rebels attacked the convoy near Gao. Heavy snow closed the mountain roads.")
    first, second = (list(s) for s in doc.sents)
    attack = Event(id="", event_type="ASSAULT", confidence=0.8)
    snow = Event(id="", event_type="ASSAULT", confidence=0.8)
    blend_confidence([(first, [attack]), (second, [snow])])
    classifier = default_classifier()
    for tokens, event in ((first, attack), (second, snow)):
        probability = classifier.probability(sentence_span(tokens), "ASSAULT")
        assert event.confidence == blend(0.8, probability)
    assert attack.confidence > snow.confidence + MIN_GAP
