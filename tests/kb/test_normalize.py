from __future__ import annotations

import pytest

from newsgraph.kb import normalize_name
from newsgraph.kb.normalize import acronym_key, is_guarded_acronym


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Erdoğan", "Erdogan"),
        ("ERDOGAN", "erdogan"),
        ("Erdoğan's", "Erdogan"),
        ("Erdogan’s", "Erdogan"),
        ("Ahmed al-Sharaa", "Ahmad Al-Sharaa"),
        ("Ahmed al-Sharaa", "Ahmad Sharaa"),
        ("Bashar Al Assad", "Bashar al-Assad"),
        ("Mohammed bin Salman", "Muhammad ibn Salman"),
        ("Mohamed bin Zayed", "Mohammed bin Zayed"),
        ("Abdel Fattah el-Sisi", "Abdul-Fattah al-Sisi"),
        ("the U.S.", "US"),
        ("Houthis'", "Houthis"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Ahmad al-Shara'a", "Ahmad al-Sharaa"),
    ],
)
def test_normalize_name_folds_spelling_variants(left: str, right: str) -> None:
    assert normalize_name(left) == normalize_name(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mohamed al-Golani", "Mohammed bin Salman"),
        ("Mohammed bin Salman", "Salman bin Abdulaziz Al Saud"),
        ("Mohammed bin Salman", "Mohammed bin Zayed"),
        ("Ahmed al-Sharaa", "Farouk al-Sharaa"),
        ("Abdullah bin Zayed", "Abdullah II"),
        ("Li Qiang", "Li Keqiang"),
    ],
)
def test_normalize_name_keeps_different_people_apart(left: str, right: str) -> None:
    assert normalize_name(left) != normalize_name(right)


@pytest.mark.parametrize(
    ("text", "key", "guarded"),
    [
        ("U.S.", "US", True),
        ("the U.N.", "UN", True),
        ("WHO", "WHO", True),
        ("NATO", "NATO", False),
        ("who", None, False),
        ("Reuters", None, False),
    ],
)
def test_acronym_key_recognises_capital_acronyms(text: str, key: str | None, guarded: bool) -> None:
    assert acronym_key(text) == key
    assert is_guarded_acronym(text) is guarded
