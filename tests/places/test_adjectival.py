"""Demonyms used as modifiers become adjectival places; nouns and peoples' names do not."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from newsgraph.annotate import AnnotateStage
from newsgraph.fold import normalize_key
from newsgraph.gazetteer import demonym_table
from newsgraph.model import Analysis
from newsgraph.places import PlaceStage, locate_event
from newsgraph.places.adjectival import (
    ADJECTIVAL_LABEL,
    CAPITALISED_WORD,
    MAX_DEMONYM_WORDS,
    _is_plural,
    _modifies,
    adjectival_candidates,
)
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.settings import DEFAULT_SPACY_MODEL


def _words(text: str, doc: object = None) -> list[str]:
    return [text[s:e] for s, e, _ in adjectival_candidates(text, doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan officials met the Ugandan delegation.", ["Kenyan", "Ugandan"]),
        ("South Korean envoys arrived on Monday.", ["South Korean"]),
        ("European airlines raised fares.", ["European"]),
        ("The Australian-led search resumed.", ["Australian"]),
        ("The Russians said the talks failed.", []),  # a plural noun names people
        ("He spoke in English at the summit.", []),  # a language
        ("Arab ministers met in Cairo.", []),  # a people, no one place
        ("PERUVIAN OFFICIALS RESIGN", []),  # an all-caps headline word is left alone
    ],
)
def test_adjectival_candidates_modifier_use_without_parse(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a Peruvian engineer was among the injured.", ["Peruvian"]),
        ("The mill hired German, Irish and other immigrants.", ["German", "Irish"]),
        ("The fund is run by an American who lives in Oslo.", []),
        ("Negotiators for the Ghanaian government left early.", ["Ghanaian"]),
    ],
)
def test_adjectival_candidates_modifier_use_from_parse(text: str, expected: list[str]) -> None:
    doc = AnnotateStage(DEFAULT_SPACY_MODEL)(Analysis(id="t", text=text)).doc
    assert _words(text, doc) == expected


@pytest.mark.parametrize(
    ("text", "word", "name", "country", "feature"),
    [
        ("Chilean miners went on strike.", "Chilean", "Chile", "CHL", "country"),
        ("American troops left the base.", "American", "United States", "USA", "country"),
        ("African leaders gathered for the summit.", "African", "Africa", None, "region"),
    ],
)
def test_resolve_demonym_is_adjectival_place(
    text: str, word: str, name: str, country: str | None, feature: str
) -> None:
    start = text.index(word)
    [place] = resolve_toponyms(text, [(start, start + len(word), ADJECTIVAL_LABEL)])
    assert (place.name, place.country, place.feature, place.adjectival) == (
        name,
        country,
        feature,
        True,
    )
    assert place.lat is not None and place.lon is not None
    assert place.region is None


def test_resolve_demonym_inside_resolved_name_is_not_a_place() -> None:
    text = "Ships crossed the Indian Ocean in May."
    start = text.index("Indian")
    candidates = [
        (start, start + len("Indian Ocean"), "LOC"),
        (start, start + len("Indian"), ADJECTIVAL_LABEL),
    ]
    places = resolve_toponyms(text, candidates)
    assert [(text[p.start : p.end], p.adjectival) for p in places] == [("Indian Ocean", False)]


def test_resolve_demonym_wins_over_ner_label_on_same_span() -> None:
    text = "Tunisian authorities denied the report."
    end = len("Tunisian")
    places = resolve_toponyms(text, [(0, end, "NORP"), (0, end, ADJECTIVAL_LABEL)])
    assert [(p.country, p.adjectival) for p in places] == [("TUN", True)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The two ministers met at the Russian Embassy on Friday.", "met"),
        ("Protesters gathered outside the Iranian Consulate.", "gathered"),
    ],
)
def test_locate_event_never_returns_adjectival_place(text: str, trigger: str) -> None:
    analysis = PlaceStage()(AnnotateStage(DEFAULT_SPACY_MODEL)(Analysis(id="t", text=text)))
    assert any(p.adjectival for p in analysis.places)
    start = text.index(trigger)
    sentence = analysis.sentence_at(start)
    assert sentence is not None
    assert locate_event(analysis, start, start + len(trigger), sentence.start, sentence.end) is None


def _listed(text: str) -> list[tuple[int, int, str]]:
    """`adjectival_candidates` without a parse, found by listing every capitalised word and
    trying the longest run of adjacent words at each (as before the first-word search)."""
    table = demonym_table()
    words = [m.span() for m in CAPITALISED_WORD.finditer(text)]
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_DEMONYM_WORDS, len(words) - index), 0, -1):
            run = words[index : index + size]
            if any(text[a[1] : b[0]] != " " for a, b in pairwise(run)):
                continue
            demonym = table.get(normalize_key(text[run[0][0] : run[-1][1]]))
            if demonym is None:
                continue
            start, end = run[0][0], run[-1][1]
            if (
                demonym.names_place
                and not _is_plural(normalize_key(demonym.word), table)
                and _modifies(text, None, start, end)
            ):
                found.append((start, end, ADJECTIVAL_LABEL))
            index += size
            break
        else:
            index += 1
    return found


def test_adjectival_candidates_agree_with_a_listing_of_every_capitalised_word() -> None:
    rng = random.Random(5)
    vocabulary = [
        "South", "Korean", "Central", "African", "Papua", "New", "Guinean", "Sri", "Lankan",
        "Swiss", "Russian", "Russians", "American", "I", "Kiribati", "Ni-Vanuatu",
        "Guinea-Bissauan", "Zealand", "Saudi", "Arabian", "The", "said", "officials", "envoys",
        "and", "in", "U.S.", "Niger", "Nigerian", "Nigerien", "Irish-led", "Turkish’s", "Québécois"
    ]  # fmt: skip
    separators = [" ", " ", " ", "  ", ", ", "\n", "-", "'"]
    for _ in range(500):
        text = "".join(
            rng.choice(vocabulary) + rng.choice(separators) for _ in range(rng.randint(1, 25))
        )
        assert adjectival_candidates(text, None) == _listed(text), text
