"""Predictions on sentences written for these tests (none is in the training corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.events.classifier import PROPOSE_THRESHOLD, default_classifier, featurize

CORPUS = Path(__file__).resolve().parents[2] / "src/newsgraph/events/classifier/data/corpus.jsonl"
EVENTS = [
    ("AGREE", "The two neighbours agreed to reopen their shared railway line next spring."),
    ("AGREE", "Rebel commanders promised to respect the new truce around the oil town."),
    (
        "CONSULT",
        "The Chilean foreign minister held talks with her Argentine counterpart in Mendoza on Thursday.",
    ),
    (
        "CONSULT",
        "Japan's prime minister spoke by telephone with the Australian leader about fishing quotas.",
    ),
    ("SUPPORT", "The Dutch government praised Ghana's handling of the election."),
    ("SUPPORT", "Portugal formally recognised the new administration in Bissau."),
    ("CONCEDE", "The junta lifted the nationwide curfew after a week of calm."),
    ("CONCEDE", "The president pardoned forty jailed opposition activists."),
    ("COOPERATE", "Indian and French navies held joint exercises off the coast of Goa."),
    ("COOPERATE", "Spain extradited two suspected smugglers to Colombia."),
    ("AID", "Norway sent 200 tonnes of medical supplies to flood-hit Pakistan."),
    ("AID", "The World Bank approved a $400 million loan for Egypt's power grid."),
    ("RETREAT", "The insurgents freed six kidnapped engineers on Sunday."),
    ("RETREAT", "The defence minister resigned after the arms scandal."),
    ("REQUEST", "The UN chief urged both parties to return to the negotiating table."),
    ("REQUEST", "Opposition leaders demanded the release of jailed journalists."),
    ("ACCUSE", "Seoul condemned the missile launch as a grave provocation."),
    ("ACCUSE", "Prosecutors charged the former governor with embezzlement."),
    ("REJECT", "The army chief rejected calls for a ceasefire."),
    ("REJECT", "Moscow vetoed the draft resolution on the conflict."),
    ("THREATEN", "The militia threatened to attack foreign oil workers in the delta."),
    ("THREATEN", "Beijing warned Manila of consequences if it continued patrols near the reef."),
    ("PROTEST", "Thousands of farmers marched through Delhi against the new farm laws."),
    ("PROTEST", "Dock workers went on strike at the country's biggest port."),
    ("SANCTION", "Washington imposed sanctions on three Iranian shipping firms."),
    ("SANCTION", "Lithuania expelled two Belarusian diplomats on Friday."),
    ("MOBILIZE", "Russia massed tanks near the Ukrainian border."),
    ("MOBILIZE", "Pyongyang test-fired a long-range missile into the sea."),
    ("COERCE", "Police arrested a dozen student leaders in Dhaka."),
    ("COERCE", "Authorities imposed a curfew on the restive province."),
    ("ASSAULT", "Gunmen killed eleven villagers in an overnight raid in Zamfara state."),
    ("ASSAULT", "Israeli jets struck targets in southern Lebanon."),
]
NEGATIVES = [
    "The finance minister said growth would reach three percent next year.",
    "Heavy snow closed mountain roads in the north of the country.",
    "The striker scored twice as Ghana beat Angola in the friendly.",
    "The capital has a population of about four million people.",
    "Analysts said the reforms were unlikely to change much.",
    "Prices of cooking oil rose by a fifth over the past year.",
]
MIN_TOP1_SHARE = 0.8  # of EVENTS whose best label is the right type
MIN_NONE_PROBABILITY = 0.5
TOP_K = 3


def _span(nlp: Any, text: str) -> Any:
    return nlp(text)[:]


def test_predict_sentences_are_not_in_the_corpus() -> None:
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = {json.loads(line)["text"] for line in handle}
    assert not corpus & ({text for _, text in EVENTS} | set(NEGATIVES))


@pytest.mark.model
@pytest.mark.parametrize(("event_type", "text"), EVENTS)
def test_predict_type_is_among_the_best(nlp: Any, event_type: str, text: str) -> None:
    prediction = default_classifier().predict(_span(nlp, text))
    best_types = [label for label, _ in prediction if label is not None][:TOP_K]
    assert event_type in best_types


@pytest.mark.model
def test_predict_top_label_is_mostly_right(nlp: Any) -> None:
    classifier = default_classifier()
    right = sum(classifier.predict(_span(nlp, text))[0][0] == t for t, text in EVENTS)
    assert right >= MIN_TOP1_SHARE * len(EVENTS)


@pytest.mark.model
@pytest.mark.parametrize("text", NEGATIVES)
def test_predict_negative_is_no_event(nlp: Any, text: str) -> None:
    label, probability = default_classifier().predict(_span(nlp, text))[0]
    assert label is None
    assert probability >= MIN_NONE_PROBABILITY
    assert default_classifier().propose(_span(nlp, text)) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Seoul condemned the missile launch as a grave provocation.", "ACCUSE"),
        ("Police arrested a dozen student leaders in Dhaka.", "COERCE"),
    ],
)
def test_predict_probability_confirms_the_type(nlp: Any, text: str, event_type: str) -> None:
    classifier = default_classifier()
    span = _span(nlp, text)
    assert classifier.probability(span, event_type) > classifier.probability(span, None)
    proposal = classifier.propose(span, threshold=0.5)
    assert proposal is not None and proposal[0] == event_type
    assert PROPOSE_THRESHOLD > 0.5


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya said on Monday it would withdraw its troops from the border town.",
        "Police Fire Tear Gas At Protesters In Lima",
    ],
)
def test_features_are_deterministic(nlp: Any, text: str) -> None:
    first = featurize(_span(nlp, text))
    again = featurize(_span(nlp, text))
    assert first == again
    assert list(first) == list(again)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya said it would withdraw its troops.", {"rootv=say", "govv=withdraw", "modal=would"}),
        ("The army did not attack the town.", {"rootv=attack", "neg", "vo=attack_town"}),
        ("The rebels pulled out of the city.", {"vprep=pull_out", "s=rebel"}),
        ("Brazil Threatens Military Action Against Peru", {"headline", "w=threaten"}),
    ],
)
def test_features_name_the_parse(nlp: Any, text: str, expected: set[str]) -> None:
    assert expected <= set(featurize(_span(nlp, text)))


@pytest.mark.model
def test_features_on_a_clause_use_its_own_root(nlp: Any) -> None:
    doc = nlp("The ministry said that rebels attacked the convoy.")
    clause = next(t for t in doc if t.lemma_ == "attack")
    span = doc[clause.left_edge.i : clause.right_edge.i + 1]
    assert "rootv=attack" in featurize(span)
