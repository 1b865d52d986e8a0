"""Event-anchored expressions: the anchor phrase, its span and the offset from it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.times import find_times
from newsgraph.times.anchoring import (
    _SIGNAL_AT,
    ANCHORED,
    SIGNAL_DIRECTION,
    _anchored_matches,
)
from newsgraph.times.anchors import anchor_names, anchor_noun


@pytest.mark.parametrize(
    ("sentence", "text", "anchor", "offset"),
    [
        (
            "A day before Modi's visit, officials cleaned the streets.",
            "A day before Modi's visit",
            "Modi's visit",
            "-P1D",
        ),
        (
            "After the meeting, the ministers issued a statement.",
            "After the meeting",
            "the meeting",
            "AFTER",
        ),
        (
            "He has lived in exile since his arrival in Paris.",
            "since his arrival in Paris",
            "his arrival in Paris",
            "AFTER",
        ),
        (
            "Two days after the election, the president resigned.",
            "Two days after the election",
            "the election",
            "P2D",
        ),
        (
            "Three weeks before the referendum, polls tightened.",
            "Three weeks before the referendum",
            "the referendum",
            "-P3W",
        ),
        (
            "On the eve of the summit with NATO, protesters marched.",
            "On the eve of the summit with NATO",
            "the summit with NATO",
            "-P1D",
        ),
        (
            "Shortly after the attack, police sealed the area.",
            "Shortly after the attack",
            "the attack",
            "AFTER",
        ),
        ("Prices rose ahead of the vote.", "ahead of the vote", "the vote", "BEFORE"),
    ],
)
def test_anchoring_fields(sentence: str, text: str, anchor: str, offset: str) -> None:
    exprs = find_times(sentence, dt.date(2025, 2, 4))
    found = next(e for e in exprs if sentence[e.start : e.end] == text)
    assert found.value is None
    assert found.anchor_text == anchor
    assert found.anchor_offset == offset
    assert found.anchor_span is not None
    assert sentence[found.anchor_span.start : found.anchor_span.end] == anchor


@pytest.mark.parametrize(
    "sentence",
    [
        "After the president spoke, the crowd left.",  # not an event noun
        "Before a crowd of thousands, he spoke.",  # indefinite, not an anchor
    ],
)
def test_anchoring_needs_a_definite_event_noun(sentence: str) -> None:
    assert all(e.anchor_text is None for e in find_times(sentence, dt.date(2025, 2, 4)))


def test_anchoring_noun_and_names() -> None:
    assert anchor_noun("al-Sharaa’s visit") == ("visit", "visit")
    assert anchor_noun("the meeting with Erdogan") == ("meeting", "meet")
    assert anchor_names("al-Sharaa’s visit") == ["al-sharaa"]
    assert anchor_names("the talks with Prime Minister Modi") == ["prime minister modi"]
    assert anchor_names("his arrival") == []


@pytest.mark.model
def test_anchoring_unused_anchor_takes_the_dated_happening(nlp: Any) -> None:
    """No event uses "a day after the vote", but the vote is dated: the expression gets its
    day; without a dated mention it keeps the amount it counts (a duration)."""
    from newsgraph.times import EventDatingStage

    from .helpers import build

    paragraphs = [
        "Headline",
        "Zambians voted in a referendum on Feb. 1.",
        "A day after the vote, markets in Lusaka were calm.",
    ]
    text = "\n\n".join(paragraphs)
    analysis = EventDatingStage()(build(paragraphs, dt.date(2025, 2, 4), doc=nlp(text)))
    anchored = next(t for t in analysis.times if t.anchor_text)
    assert (anchored.type, anchored.value) == ("DATE", "2025-02-02")
    undated = ["Headline", "A day after the vote, markets in Lusaka were calm."]
    text = "\n\n".join(undated)
    analysis = EventDatingStage()(build(undated, dt.date(2025, 2, 4), doc=nlp(text)))
    anchored = next(t for t in analysis.times if t.anchor_text)
    assert (anchored.type, anchored.value) == ("DURATION", "P1D")


ANCHOR_PIECES = [
    "two", "Two", "days", "DAYS", "a", "day", "the", "week", "1,000", "2.5", "12", "3", ",", ".",
    "1.", ",5", "-", "twenty-one", "shortly", "Hours", "just", "long", "several", "after",
    "AFTER", "before", "since", "until", "ahead", "of", "prior", "to", "in", "In", "wake",
    "aftermath", "run-up", "on", "eve", "following", "his", "their", "Modi's", "Ruto’s",
    "last", "week's", "visit", "election", "meeting", "talks", "summit", "vote", "with", "Kenya",
    "U.S.", "New", "York", "(", ")", "“", "”", "'", ";", ":", "\n", "  ", "\t", "ſince", "İn",
]  # fmt: skip


def _spans(matches: Any) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES), max_size=60), st.sampled_from([" ", "", "\n"]))
def test_anchoring_matches_are_those_of_finditer(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    assert _spans(_anchored_matches(text)) == _spans(ANCHORED.finditer(text)), text


def test_anchoring_matches_as_finditer_on_crowded_phrases() -> None:
    for text in (
        "Two days after the visit three weeks before the summit, 1,000 days since the vote.",
        "since before the president's visit after the talks' after the meeting",
        "in the wake of the vote shortly after the election; 12.5 hours before the summit",
        "1.5.2 days after the visit, 3, 4 weeks after the meeting " * 3,
        "a day after the visit " * 20,
        "On the eve of the summit with New York Times editors, two hours after the talks.",
    ):
        assert _spans(_anchored_matches(text)) == _spans(ANCHORED.finditer(text)), text


def test_anchoring_no_signal_starts_inside_another() -> None:
    # `_anchored_matches` finds the signals with `finditer`: it would miss one that starts
    # inside another's match, so no signal may hold the start of another (as a whole word).
    for signal in SIGNAL_DIRECTION:
        spaced = signal.replace(" ", "  ") + " "
        found = [m.start() for m in _SIGNAL_AT.finditer(spaced)]
        assert found == [0], signal
        for inner in re.finditer(r"\b\w", spaced):
            if inner.start() > 0:
                assert _SIGNAL_AT.match(spaced, inner.start()) is None, (signal, inner.start())
