"""Name comparison and code composition (no spaCy model needed)."""

from __future__ import annotations

import pytest

from newsgraph.actors.coding import compose_code
from newsgraph.actors.mentions import name_tokens
from newsgraph.actors.resolve import is_namesake, person_compatible
from newsgraph.kb import KBEntry


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


def _person(name: str, *aliases: str) -> KBEntry:
    return KBEntry(
        id="p:test", name=name, type="PERSON", aliases=aliases, country=None, sector=None,
        code=None, roles=(), is_agency=False, source="test",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("entry", "name", "expected"),
    [
        (_person("Charles Michel"), "Jean-Robert Dessalines Michel", True),
        (_person("Joe Biden", "Joseph R. Biden"), "Hunter Biden", True),
        (_person("Eli Cohen"), "Miriam Cohen", True),
        (_person("Wang Yi"), "Wang Wenbin", True),
        (_person("Emmanuel Macron"), "E. Macron", False),
        (_person("Emmanuel Macron"), "Emmanuel Macron", False),
        (_person("Recep Tayyip Erdoğan", "Tayyip Erdogan"), "Recep Tayyip Erdogan", False),
        (_person("Recep Tayyip Erdoğan"), "Tayyip Erdogan", False),
        (_person("Joe Biden", "Joseph R. Biden"), "Joseph Biden", False),
        (_person("Joe Biden"), "President Biden", False),
        (_person("Joe Biden"), "Biden", False),
    ],
)
def test_resolve_namesake_of_kb_person_needs_other_given_names(
    entry: KBEntry, name: str, expected: bool
) -> None:
    assert is_namesake(entry, name_tokens(name)) is expected


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
