"""Modifier words before an expression: the last-word check skips only texts with none."""

from __future__ import annotations

from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.times import modifiers
from newsgraph.times.modifiers import LAST_WORDS, MODIFIERS, extend
from newsgraph.times.prefilter import lowered

PIECES = [
    "early", "EARLY", "late", "Late", "mid", "mid-", "mid -", "the", "very", "beginning", "start",
    "outset", "end", "close", "middle", "of", "earlier", "later", "in", "about", "around",
    "approximately", "roughly", "some", "nearly", "almost", "to", "circa", "just", "over",
    "under", "more", "than", "upwards", "excess", "at", "least", "less", "fewer", "most", "up",
    "no", "ever", "since", "ſince", "SİNCE", "before", "prior", "after", "until", "till",
    "through", "by", "BY", "\u212ay", "bay", "chapter", "said", ",", ".", "\n", "  ", "-",
]  # fmt: skip


def _plain(
    monkeypatch: pytest.MonkeyPatch, text: str, start: int, type_: str
) -> tuple[int, list[str | None]]:
    with monkeypatch.context() as patched:
        patched.setattr(modifiers, "LAST_WORDS", ("",))  # every text passes: the plain search
        return extend(text, start, 0, type_)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12),
    st.sampled_from([" ", "", "\n"]),
    st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
)
def test_modifiers_last_word_check_changes_nothing(
    pieces: list[str], glue: str, type_: str
) -> None:
    before = glue.join(pieces) + glue
    text = before + "2024 and three years"
    with pytest.MonkeyPatch.context() as monkeypatch:
        expected = _plain(monkeypatch, text, len(before), type_)
    assert extend(text, len(before), 0, type_) == expected, (text, type_)  # type: ignore[arg-type]


def _phrases(items: Any) -> set[str]:
    """Every text the parsed pattern matches, with each run of spaces written as one space."""
    found = {""}
    for op, av in items:
        if op is sre.LITERAL:
            options = {chr(av)}
        elif op is sre.IN and av in SPACES:
            options = {" "}
        elif op is sre.AT:
            options = {""}
        elif op is sre.SUBPATTERN:
            options = _phrases(av[3])
        elif op is sre.BRANCH:
            options = set().union(*(_phrases(alternative) for alternative in av[1]))
        elif op is sre.MAX_REPEAT and (av[1] == 1 or _is_space(av[2].data)):
            options = _phrases(av[2]) | ({""} if av[0] == 0 else set())
        else:
            raise AssertionError(f"not read: {op} {av}")
        found = {before + option for before in found for option in options}
    return found


SPACES = [[(sre.CATEGORY, sre.CATEGORY_SPACE)], [(sre.CATEGORY, sre.CATEGORY_UNI_SPACE)]]


def _is_space(items: Any) -> bool:
    return len(items) == 1 and items[0][0] is sre.IN and items[0][1] in SPACES


def test_modifiers_last_words_hold_each_modifiers_last_word() -> None:
    for modifier in MODIFIERS:
        phrases = _phrases(sre_parse.parse(modifier.pattern.pattern, modifier.pattern.flags))
        assert len(phrases) > 1
        for phrase in phrases:
            assert modifier.pattern.search("x " + phrase), (modifier.pattern.pattern, phrase)
            assert lowered(phrase.rstrip()).endswith(LAST_WORDS), phrase


def test_modifiers_found_after_the_check() -> None:
    text = "It fell since early 2011, more than three years, by Monday."
    assert extend(text, text.index("2011"), 0, "DATE") == (
        text.index("since"),
        ["START", "ON_OR_AFTER"],
    )
    assert extend(text, text.index("three"), 0, "DURATION") == (text.index("more"), ["MORE_THAN"])
    assert extend(text, text.index("Monday"), 0, "DATE") == (text.index("by"), ["ON_OR_BEFORE"])
    assert extend("He said 2011", 8, 0, "DATE") == (8, [])
