"""Name keys fold spelling variants together and keep abbreviations apart."""

from __future__ import annotations

import pytest

from newsgraph.fold import fold, is_latin, normalize_key


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


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Łukaszenka", "lukaszenka"),
        ("ŁUKASZENKA", "lukaszenka"),
        ("Erdoğan", "erdogan"),
        ("Sağdıç", "sagdic"),
        ("Ðakovo", "dakovo"),
        ("Þórshöfn", "thorshofn"),
        ("Straße", "strasse"),
        ("Søren Ærø", "soren aero"),
    ],
)
def test_fold_removes_case_accents_and_special_letters(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize("name", ["Łukaszenka", "Erdoğan", "Þórshöfn", "Sağdıç", "Søren"])
def test_fold_one_letter_fold_under_every_name_key(name: str) -> None:
    """Actors, places, the knowledge base and the store agree on the letters of a name."""
    from newsgraph.actors.names import name_key
    from newsgraph.kb.normalize import normalize_name
    from newsgraph.store.entities import normalize

    ascii_key = fold(name)
    assert name_key(name) == ascii_key
    assert normalize_key(name) == ascii_key
    assert normalize_name(name) == ascii_key
    assert normalize(name) == ascii_key


def test_fold_keys_differ_only_in_punctuation_on_purpose() -> None:
    from newsgraph.actors.names import name_key
    from newsgraph.kb.normalize import normalize_name

    # the knowledge base reads "&" as "and"; a place key and an actor key keep the sign
    assert normalize_name("AT&T") == "at and t"
    assert normalize_key("AT&T") == "at&t"
    assert name_key("AT&T") == "at&t"
