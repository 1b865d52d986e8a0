"""What is not an event of its own, and what arriving troops are (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .helpers import Runner, names, of_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "kept", "not_a_trigger"),
    [
        # a condition states what must happen, not what happened or was promised
        (
            "The rebels will free the hostages unless the government releases their leader.",
            "CONCEDE",
            "releases",
        ),
        ("Ghana threatened to expel the envoy if Togo closed the border.", "THREATEN", "closed"),
        # what a call, offer or invitation proposes is not done
        ("Chile rejected a Peruvian proposal to hold talks in Lima.", "REJECT", "talks"),
        (
            "Serbia rejected a United Nations appeal for deploying troops along the border.",
            "REJECT",
            "deploying",
        ),
        (
            "The opposition rejected an invitation to attend a meeting of the ruling party.",
            "REJECT",
            "meeting",
        ),
    ],
)
def test_extract_conditions_and_proposals_are_no_events(
    run: Runner, sentence: str, kept: str, not_a_trigger: str
) -> None:
    analysis = run(sentence)
    triggers = [
        analysis.text[e.evidence[0].trigger.start : e.evidence[0].trigger.end]
        for e in analysis.events
    ]
    assert of_type(analysis, kept), triggers
    assert not any(not_a_trigger in t for t in triggers), triggers


@pytest.mark.parametrize(
    ("sentence", "event_type", "recipient"),
    [
        # "a batch of peacekeeping troops arrived": peacekeeping is aid, not a visit
        (
            "A second batch of Kenyan peacekeeping troops arrived in Haiti on Monday.",
            "AID",
            "Haiti",
        ),
        ("The first group of Chadian troops arrived in Mali.", "MOBILIZE", "Mali"),
    ],
)
def test_extract_arriving_troops_in_a_quantity_phrase(
    run: Runner, sentence: str, event_type: str, recipient: str
) -> None:
    analysis = run(sentence)
    assert not of_type(analysis, "CONSULT")
    (event,) = of_type(analysis, event_type)
    assert names(analysis, event, "recipients") == recipient
