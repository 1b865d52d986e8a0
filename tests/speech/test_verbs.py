"""The shared speech-verb list: one file, one flag per use, read by every stage that needs it."""

from __future__ import annotations

import pytest

from newsgraph.speech import FLAGS, verbs_with


@pytest.mark.parametrize("flag", sorted(FLAGS))
def test_speech_every_flag_has_verbs(flag: str) -> None:
    assert verbs_with(flag)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("flag", "verb", "present"),
    [
        ("report", "say", True),
        ("report", "urge", True),
        ("appeal", "urge", True),
        ("appeal", "say", False),
        ("characterise", "describe", True),
        ("characterise", "say", False),
        ("question", "ask", True),
        ("events_request", "say", True),
        ("events_request", "describe", False),
        ("person_subject", "tell", True),
        ("addressee", "speak", True),
        ("relay", "cite", True),
        ("cue", "carry", False),
    ],
)
def test_speech_flags_select_their_verbs(flag: str, verb: str, present: bool) -> None:
    assert (verb in verbs_with(flag)) is present  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["report", "appeal", "characterise", "question"])
def test_speech_quote_kinds_are_cues(flag: str) -> None:
    assert verbs_with(flag) <= verbs_with("cue")  # type: ignore[arg-type]


def test_speech_unknown_flag_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="report"):
        verbs_with("reporting")  # type: ignore[arg-type]
