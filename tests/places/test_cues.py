"""Prepositions, lists and verbs of motion before a mention that make a town reading likely."""

from __future__ import annotations

import pytest

from newsgraph.places.cues import after_locative


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Floods hit homes in Kisumu overnight.", "Kisumu", "", True),
        ("Shops closed in Trnava, Nitra and Zvolen.", "Zvolen", "ORG", True),
        ("Shops closed in Trnava, Nitra and Zvolen.", "Nitra", "ORG", True),
        ("Stores in Žilina, Prešov and Košice will close.", "Košice", "ORG", True),
        ("Traffic travelling to Stroud will be diverted.", "Stroud", "ORG", True),
        ("She moved back to Gqeberha last year.", "Gqeberha", "PERSON", True),
        ("A study from Stanford found no link.", "Stanford", "ORG", False),
        ("He sent a letter to Tesla on Monday.", "Tesla", "ORG", False),
        ("The prize went to Jordan Smith.", "Jordan", "PERSON", False),
    ],
)
def test_after_locative(text: str, name: str, label: str, expected: bool) -> None:
    assert after_locative(text, text.index(name), label) is expected
