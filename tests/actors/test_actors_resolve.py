"""Name comparison and code composition (no spaCy model needed)."""

from __future__ import annotations

import pytest

from newsgraph.actors.coding import compose_code
from newsgraph.actors.mentions import name_tokens
from newsgraph.actors.resolve import person_compatible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("al-Sharaa’s", ["sharaa"]),
        ("the Kremlin", ["kremlin"]),
        ("Recep Tayyip Erdoğan", ["recep", "tayyip", "erdogan"]),
        ("Al-Sharaa", ["sharaa"]),
    ],
)
def test_mentions_name_tokens_fold_particles_and_possessives(
    text: str, expected: list[str]
) -> None:
    assert name_tokens(text) == expected


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("Erdogan", "Recep Tayyip Erdogan", True),
        ("bin Salman", "Mohammed bin Salman", True),
        ("Ahmad al-Sharaa", "Ahmed al-Sharaa", True),
        ("R. Erdogan", "Recep Tayyip Erdogan", True),
        ("Mohamed al-Golani", "Mohammed bin Salman", False),
        ("Hafez al-Assad", "Bashar al-Assad", False),
        ("Salman", "Mohammed bin Salman al-Saud", False),
        ("William Ruto", "Raila Odinga", False),
    ],
)
def test_resolve_person_compatible_requires_surname_agreement(
    short: str, long: str, expected: bool
) -> None:
    assert person_compatible(name_tokens(short), name_tokens(long)) is expected


@pytest.mark.parametrize(
    ("country", "sector", "code"),
    [
        ("SYR", "GOV", "SYRGOV"),
        (None, "IGO", "IGO"),
        ("TUR", None, "TUR"),
        (None, "REB", "REB"),
        (None, None, None),
    ],
)
def test_coding_compose_code_concatenates_country_and_sector(
    country: str | None, sector: str | None, code: str | None
) -> None:
    assert compose_code(country, sector) == code
