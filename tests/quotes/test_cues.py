"""The cue lexicon file loads and is consistent."""

from __future__ import annotations

import pytest

from newsgraph.quotes.cues import lexicon


@pytest.mark.parametrize("verb", ["say", "tell", "add", "stress", "urge", "hail", "warn", "tweet"])
def test_cues_core_verbs_present(verb: str) -> None:
    assert verb in lexicon().verbs


def test_cues_report_verbs_are_cues() -> None:
    assert lexicon().report_verbs <= lexicon().verbs


def test_cues_outlets_longest_first() -> None:
    outlets = lexicon().outlets
    assert outlets.index("Associated Press") < outlets.index("AP")
