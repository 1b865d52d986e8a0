"""`trigger_features` reads a verb's children only when the lexicon asks for them: the types it
leads to are those of the full `features_of`."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.classify import classify, features_of, trigger_features
from newsgraph.events.lexicon import load_lexicon

ARTICLES = [
    "Police in Nairobi arrested twelve protesters on Tuesday and released them on bail after "
    "the interior ministry called on the crowd to disperse.",
    "The army launched artillery and rocket fire at rebel positions, and the rebels pulled out "
    "of two villages near the border, a spokesman said.",
    "Peru imposed sanctions on three firms; the imposed sanctions were lifted after talks, and "
    "ministers held talks with the delegation in Lima.",
    "Ghana expels two diplomats after talks collapse",
]


@pytest.mark.model
@pytest.mark.parametrize("text", ARTICLES)
def test_trigger_features_classify_as_the_full_features(nlp: Any, text: str) -> None:
    doc = nlp(text)
    asked = 0
    for token in doc:
        short = trigger_features(token)
        full = features_of(token)
        assert (short.lemma, short.is_verb) == (full.lemma, full.is_verb)
        assert classify(short) == classify(full), token.text
        asked += short.is_verb and short.lemma in load_lexicon().verbs
    assert asked > 0


@pytest.mark.model
def test_a_verb_whose_entries_ask_for_an_object_gets_its_objects(nlp: Any) -> None:
    doc = nlp("The government imposed a curfew on the city.")
    imposed = next(t for t in doc if t.lower_ == "imposed")
    entries = load_lexicon().verbs.get("impose", ())
    assert any(e.objects for e in entries)
    assert "curfew" in trigger_features(imposed).objects
