"""The participant heads read off the head array are spaCy's: governed from outside the phrase,
plus their coordinated conjuncts (`Token.conjuncts`)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors.participants import _conjuncts, _heads

TEXTS = [
    "Syria, Turkey and Iran and the rebels signed a deal in Astana.",
    "French and Egyptian warships, Greek frigates and a Turkish tanker sailed on Monday.",
    "The minister, who met Kenyan and Ugandan officials, said troops and police would stay.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_conjuncts_match_spacy(nlp: Any, text: str) -> None:
    doc = nlp(text)
    for token in doc:
        assert sorted(_conjuncts(doc, token.i)) == sorted(t.i for t in token.conjuncts)


@pytest.mark.parametrize("text", TEXTS)
def test_heads_of_every_short_phrase(nlp: Any, text: str) -> None:
    doc = nlp(text)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 8) + 1):
            span = doc[start:end]
            inside = range(start, end)
            expected = sorted(
                {
                    c.i
                    for t in span
                    if t.head.i not in inside or t.head.i == t.i
                    for c in [t, *t.conjuncts]
                    if c.i in inside
                }
            )
            assert [t.i for t in _heads(doc, start, end)] == expected
