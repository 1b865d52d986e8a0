"""Name keys fold spelling variants together and keep abbreviations apart."""

from __future__ import annotations

import pytest

from newsgraph.fold import is_latin, normalize_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Türkiye", "turkiye"),
        ("TÜRKİYE", "turkiye"),
        ("Rif-Dimashq", "rif dimashq"),
        ("São  Paulo", "sao paulo"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("U.S.", "u.s."),
    ],
)
def test_normalize_key_folds_variants(written: str, key: str) -> None:
    assert normalize_key(written) == key


def test_normalize_key_keeps_dots_of_abbreviations() -> None:
    assert normalize_key("U.S.") != normalize_key("US")


@pytest.mark.parametrize(
    ("name", "latin"), [("Ankara", True), ("Анкара", False), ("Şanlıurfa", True)]
)
def test_is_latin_detects_script(name: str, latin: bool) -> None:
    assert is_latin(name) is latin
