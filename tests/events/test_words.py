"""The word classes data file and its reader."""

from __future__ import annotations

import pytest

from newsgraph.errors import ResourceError
from newsgraph.events import words


def test_words_parse_sections_and_comments() -> None:
    text = "# header\n[one]\n# about one\nalpha beta  # trailing\nGamma\n\n[two]\ndelta\n"
    assert words.parse_word_classes(text) == {
        "one": frozenset({"alpha", "beta", "gamma"}),
        "two": frozenset({"delta"}),
    }


def test_words_before_a_class_are_an_error_naming_the_line() -> None:
    with pytest.raises(ResourceError, match="line 2"):
        words.parse_word_classes("# header\nstray\n[one]\n")


def test_words_packaged_classes_are_loaded() -> None:
    assert "must" in words.word_class("obligation_aux")
    assert "n't" in words.word_class("negators")
    assert {"if", "unless"} == words.word_class("condition_marks")


def test_words_unknown_class_is_a_resource_error() -> None:
    with pytest.raises(ResourceError, match="no class"):
        words.word_class("no_such_class")
