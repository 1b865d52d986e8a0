"""The actors stage's fast paths give what the spaCy objects they replace give."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors.mentions import _occurrences, _phrase_matches

TEXTS = [
    "Kenyan President William Ruto met Ugandan leader Yoweri Museveni in Nairobi on Monday. "
    "Ruto said Kenya and Uganda would reopen the border; Museveni agreed. William Ruto later "
    "flew to Kampala, where Museveni's aides met the Kenyan delegation.",
    "The Al-Shabaab militants attacked a base near Mogadishu. Al - Shabaab claimed the attack, "
    "and the African Union said al-Shabaab fighters had withdrawn. AU troops stayed.",
    "Dina Boluarte, Peru's president, spoke in Lima. Boluarte said Peru would not yield; "
    "Lima's mayor, Rafael Lopez Aliaga, backed Dina Boluarte. Peru Peru Peru.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "patterns",
    [
        {"William Ruto": ["William", "Ruto"], "Ruto": ["Ruto"], "Museveni": ["Museveni"]},
        {"Al-Shabaab": ["Al", "-", "Shabaab"], "Mogadishu": ["Mogadishu"], "AU": ["AU"]},
        {"Peru": ["Peru"], "Dina Boluarte": ["Dina", "Boluarte"], "Lima": ["Lima"]},
        # two phrases with the same words: spaCy's own matcher decides their order
        {"Al-Shabaab": ["Al", "-", "Shabaab"], "Al - Shabaab": ["Al", "-", "Shabaab"]},
        {"Nowhere Land": ["Nowhere", "Land"]},
    ],
)
def test_occurrences_are_the_phrase_matchers(
    nlp: Any, text: str, patterns: dict[str, list[str]]
) -> None:
    doc = nlp(text)
    assert sorted(_occurrences(doc, patterns)) == sorted(_phrase_matches(doc, patterns))
