"""The actors stage's fast paths give what the spaCy objects they replace give."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsgraph.actors.context import _MINISTRY_PHRASE
from newsgraph.actors.mentions import _occurrences, _phrase_matches
from newsgraph.actors.names import positions

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


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "patterns",
    [
        # "Ruto" and "William Ruto" start on different words; "Dina" and "Dina Boluarte" on one
        {"Ruto": ["Ruto"], "William Ruto": ["William", "Ruto"], "William": ["William"]},
        {"Dina": ["Dina"], "Dina Boluarte": ["Dina", "Boluarte"], "Peru": ["Peru"]},
        {"Al": ["Al"], "Al-Shabaab": ["Al", "-", "Shabaab"], "Al -": ["Al", "-"]},
    ],
)
def test_occurrences_come_by_start_longest_first(
    nlp: Any, text: str, patterns: dict[str, list[str]]
) -> None:
    """`_propagate` reads them without sorting: the order a stable sort by (start, -end) gives,
    patterns in their own order among equals."""
    found = _occurrences(nlp(text), patterns)
    assert found == sorted(found, key=lambda m: (m[1], -m[2]))
    assert len({(s, e) for _, s, e in found}) == len(found)


OLD_MINISTRY = re.compile(r"\b[Tt]he\s+(?:([a-z]+)\s+)?ministry\b")


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry said on Monday that the ministry would respond.",
        "Officials at the  defence ministry and THE ministry; bathe ministry; xthe ministry.",
        "the the ministry, the ministryX, The\nhealth ministry, (the interior ministry).",
        "Theministry the  ministry tthe ministry 2the ministry _the ministry",
    ],
)
def test_ministry_phrase_matches_as_the_word_boundary_pattern(text: str) -> None:
    """The first-letter-first pattern finds what `\\b[Tt]he ...` found, group and all."""
    new = [(m.span(), m.groups()) for m in _MINISTRY_PHRASE.finditer(text)]
    assert new == [(m.span(), m.groups()) for m in OLD_MINISTRY.finditer(text)]


@pytest.mark.parametrize(
    ("words", "word", "expected"),
    [
        (["the", "a", "the", "the"], "the", [0, 2, 3]),
        (["al", "Sharaa"], "el", []),
        ([], "the", []),
    ],
)
def test_positions_are_every_index_of_the_word(
    words: list[str], word: str, expected: list[int]
) -> None:
    assert positions(words, word) == expected
    assert positions(words, word) == [i for i, w in enumerate(words) if w == word]
