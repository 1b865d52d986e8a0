"""A pattern compiled with its start characters finds exactly the matches `re.compile` finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from tests.times.test_prefilter import WORDS, all_characters

from newsgraph.times.anchoring import ANCHORED
from newsgraph.times.patterns import RULES
from newsgraph.times.startchars import with_start_chars

PLAIN = {rule.name: re.compile(rule.pattern.pattern) for rule in RULES}
PLAIN["anchored"] = re.compile(ANCHORED.pattern)
FAST = {rule.name: rule.pattern for rule in RULES}
FAST["anchored"] = ANCHORED

MORE_WORDS = [
    *WORDS, "“", "”", "'", "(", ")", "$", "5", "10:45", "a.m.", "UTC+3", "twenty-one", "Sept",
    "Jan.", "\u212aelvin", "ſince", "İn", "ın", "  \n", "\t", "%", "per cent", "old", "-year",
]  # fmt: skip


def matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_startchars_the_rules_get_a_start_set_and_keep_their_pattern() -> None:
    hinted = [name for name, fast in FAST.items() if fast != PLAIN[name]]
    assert len(hinted) >= len(FAST) - 5, sorted(set(FAST) - set(hinted))
    for name, fast in FAST.items():
        assert (fast.pattern, fast.flags, fast.groupindex) == (
            PLAIN[name].pattern,
            PLAIN[name].flags,
            PLAIN[name].groupindex,
        )


def test_startchars_left_alone_where_python_hints_or_the_start_is_not_read() -> None:
    for source in (r"abc\b", r"[0-9]x", r"(?:a|b)c", r".x", r"(?:x)?", r"\b[^a]b", r"(a)\1"):
        pattern = re.compile(source)
        assert with_start_chars(pattern) is pattern, source


def test_startchars_case_insensitive_letters_start_with_every_case_form() -> None:
    text = all_characters()
    for source in (r"\b(?i:kelvin|s)", r"(?<!\w)(?i:[a-z])\w", r"(?:\b(?i:in)\s)?(?i:i)"):
        pattern = re.compile(source)
        fast = with_start_chars(pattern)
        assert fast is not pattern
        assert matches(fast, text) == matches(pattern, text), source
    assert with_start_chars(re.compile(r"\b(?i:kelvin)")).search("at 5 \u212aELVIN")


def test_startchars_rules_match_as_before_on_the_example_texts() -> None:
    text = (
        "NAIROBI, March 4 (Wire) - Three days after the election, on Tuesday, September 3, 2024, "
        "ministers met for two hours at 10:45 a.m. GMT. Talks held every other week since 1990s "
        "resumed in the spring of 2023; a year-long inquiry, 5 per cent a year, ended last night."
    )
    for name, fast in FAST.items():
        assert matches(fast, text) == matches(PLAIN[name], text), name


@given(st.lists(st.sampled_from(MORE_WORDS), max_size=50), st.sampled_from(["", " ", "\n"]))
def test_startchars_rules_match_as_before(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    for name, fast in FAST.items():
        assert matches(fast, text) == matches(PLAIN[name], text), (name, text)
