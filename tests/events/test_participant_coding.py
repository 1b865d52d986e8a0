"""Event participants keep the coding of phrases without a country (groups, sectors)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import analyze_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        ("The Qatari emir urged Arab and Muslim countries to fund the reconstruction.", "Arab and Muslim countries", "ARBMOSGOV"),
        ("Rebel commanders attacked an army base near the border on Friday.", "Rebel commanders", "REB"),
    ],
)  # fmt: skip
def test_participant_coding_survives_the_whole_phrase(
    sentence: str, phrase: str, code: str
) -> None:
    analysis = analyze_text(sentence)
    coded = {
        analysis.text[p.start : p.end]: p.code
        for event in analysis.events
        for p in event.actors + event.recipients
    }
    assert coded.get(phrase) == code, coded
