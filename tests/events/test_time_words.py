"""A phrase that says when ("weeks", "the weekend", "a decade", "next year") is never an event's
actor or recipient, however the parser attaches it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsgraph.actors import is_time_phrase

from .helpers import Runner

pytestmark = pytest.mark.model

TIME_WORDS = {
    "second", "seconds", "minutes", "hour", "hours", "day", "days", "week", "weeks", "weekend",
    "month", "months", "year", "years", "decade", "decades", "night", "morning", "tuesday",
}  # fmt: skip


def _heads(text: str) -> set[str]:
    words = text.lower().replace("'s", "").split()
    return {words[-1]} if words else set()


@pytest.mark.parametrize(
    "text",
    [
        "Regional envoys had spent weeks shuttling between the two camps to agree on an agenda.",
        "Next year's summit of Andean leaders will be held in Quito, officials said.",
        "The weekend's clashes between herders and farmers left nine people dead in Plateau.",
        "Months of negotiation ended when the insurgents attacked an army post near Gao.",
        "Hours before the vote, opposition supporters clashed with police in Lusaka.",
        "It was the fourth Peruvian cabinet in a decade to be forced out by Congress.",
    ],
)
def test_time_phrase_is_no_participant(run: Runner, text: str) -> None:
    analysis = run(text)
    for event in analysis.events:
        for p in [*event.actors, *event.recipients]:
            phrase = analysis.text[p.start : p.end]
            assert not _heads(phrase) & TIME_WORDS, (event.event_type, phrase)


def test_time_phrase_keeps_real_participants(run: Runner) -> None:
    """Dropping a time phrase drops only it: the people who acted are still there."""
    analysis = run("Hours later, Malian troops shelled rebel positions outside Kidal.")
    actors = [analysis.text[p.start : p.end] for e in analysis.events for p in e.actors]
    assert any("troops" in a for a in actors), actors


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("They had argued for weeks.", "weeks", True),
        ("The weekend was quiet in Accra.", "The weekend", True),
        ("Next year will test the coalition.", "Next year", True),
        ("Tuesday brought new talks.", "Tuesday", True),
        ("The interior ministry condemned the raid.", "The interior ministry", False),
        ("The Times reported the raid.", "The Times", False),
        ("Two hundred protesters marched.", "Two hundred protesters", False),
    ],
)
def test_time_phrase_by_its_head(run: Runner, text: str, phrase: str, expected: bool) -> None:
    analysis = run(text)
    start = analysis.text.index(phrase)
    assert is_time_phrase(analysis.doc, start, start + len(phrase)) is expected
