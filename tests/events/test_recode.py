from __future__ import annotations

import pytest

from newsgraph.events.coding import Coding
from newsgraph.events.recode import recode
from newsgraph.model import Modality


@pytest.mark.parametrize(
    ("event_type", "mode", "modality", "lemma", "expected_type", "expected_code"),
    [
        ("CONSULT", "visit", "future", "visit", "AGREE", "036"),  # "will visit": a promise to meet
        ("AID", None, "intended", "assist", "AGREE", "033"),  # "ready to assist"
        ("COOPERATE", None, "future", "cooperate", "AGREE", "031"),
        ("RETREAT", "withdraw", "future", "withdraw", "CONCEDE", "080"),  # announced retreat
        ("RETREAT", "withdraw", "intended", "withdraw", "AGREE", "035"),  # "willing to withdraw"
        ("ASSAULT", None, "hypothetical", "attack", "THREATEN", "138"),
        ("SANCTION", "discontinue", "future", "impose", "THREATEN", "131"),
        ("AGREE", None, "negated", "agree", "REJECT", "120"),  # "did not agree"
        ("CONCEDE", None, "negated", "allow", "REJECT", "124"),
        ("ASSAULT", None, "negated", "attack", "ASSAULT", "190"),  # "did not attack" stays negated
        ("ACCUSE", "allege", "asserted", "accuse", "ACCUSE", "112"),
    ],
)
def test_recode_follows_plover_conventions(
    event_type: str,
    mode: str | None,
    modality: Modality,
    lemma: str,
    expected_type: str,
    expected_code: str,
) -> None:
    code = {"ASSAULT": "190", "ACCUSE": "112"}.get(event_type)
    coded = recode(Coding(event_type, mode, code, modality), lemma)
    assert (coded.event_type, coded.cameo) == (expected_type, expected_code)


def test_recode_keeps_modality_of_a_promise() -> None:
    assert recode(Coding("CONSULT", "visit", "042", "future"), "visit").modality == "future"


def test_recode_refusal_is_asserted() -> None:
    assert recode(Coding("AGREE", None, "030", "negated"), "accept").modality == "asserted"
