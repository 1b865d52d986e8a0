"""Sector conventions of role nouns as kinds: a dominant modifier decides over the head noun."""

from __future__ import annotations

import pytest

from newsgraph.kb import load_kb


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("separatist forces", "REB"),
        ("separatist fighters", "REB"),
        ("guerrilla units", "REB"),
        ("displaced families", "REF"),
        ("displaced people", "REF"),
        ("army officers", "MIL"),
        ("paramilitary forces", "PRM"),
    ],
)
def test_role_sector_dominant_modifier(phrase: str, sector: str) -> None:
    assert load_kb().sector_for_role(phrase) == sector
