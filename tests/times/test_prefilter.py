"""The rules' word filters skip a rule only when it cannot match: the times found are the same."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.times import detect
from newsgraph.times.anchoring import ANCHORED
from newsgraph.times.patterns import RULES
from newsgraph.times.prefilter import Prefilter, PrefilterBank, lowered, requirement

PATTERNS = [rule.pattern for rule in RULES] + [ANCHORED]

WORDS = [
    "three", "Three", "THREE", "days", "DAYS", "ago", "AGO", "before", "now", "later", "than",
    "planned", "the", "The", "same", "week", "month", "year", "quarter", "first", "second",
    "half", "of", "in", "Monday", "MONDAY", "mondays", "March", "march", "May", "Sept.", "2024",
    "1999", "'90s", "1990s", "12", "3:30", "p.m.", "GMT", "noon", "tonight", "yesterday",
    "morning", "every", "per", "a", "an", "fiscal", "FY", "Q3", "mid-", "Christmas", "spring",
    "century", "-long", "for", "over", "after", "visit", "election", "since", "his", "arrival",
    "ſ", "\u212a", "İ", "ı", "Ä", "’s", "—", "\n", "\n\n", " ", "  ", "-", ",", ".",
]  # fmt: skip
"""Pieces the rules read, in several cases, with the letters Python matches case-insensitively
to ASCII ones (ſ, K, İ, ı) and a few other non-ASCII characters."""


def all_characters() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_prefilter_lowered_holds_every_letter_a_case_insensitive_ascii_letter_matches() -> None:
    text = all_characters()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(f"(?i:{letter})", text):
            assert letter in lowered(m.group()), (letter, hex(ord(m.group())))
    assert lowered("TİME ſeconds \u212aM") == "time seconds km"


def test_prefilter_requirement_reads_words_from_the_pattern() -> None:
    assert requirement(re.compile(r"\b(?i:three)\s+days?\s+(?:ago|before\s+now)")) == (
        frozenset({"three"}),
        frozenset({"day"}),
        frozenset({"ago", "before"}),
    )
    # An optional part, a character set or a lookaround requires nothing.
    assert requirement(re.compile(r"(?:early\s+)?(?<=in\s)[A-Z]\d+")) == ()
    # A branch requires something only when every alternative does.
    assert requirement(re.compile(r"(?:noon|\d+)")) == ()
    assert requirement(re.compile(r"(?i:Noon|MIDNIGHT)!")) == (
        frozenset({"noon", "midnight"}),
        frozenset({"!"}),
    )


def test_prefilter_passes_texts_the_pattern_matches() -> None:
    rule = Prefilter.of(re.compile(r"\b\d+\s+(?i:days?)\s+(?i:ago)\b"))
    assert rule.possible(lowered("It ended 3 DAYS AGO."))
    assert rule.possible(lowered("It ended 3 dayſ ago."))
    assert not rule.possible(lowered("It ended 3 days earlier."))


@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_prefilter_never_skips_a_rule_that_matches(pieces: list[str]) -> None:
    text = " ".join(pieces)
    low = lowered(text)
    for pattern in PATTERNS:
        if pattern.search(text) is not None:
            assert Prefilter.of(pattern).possible(low), (pattern.pattern[:60], text)


@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_prefilter_candidates_equal_those_of_every_rule_run(pieces: list[str]) -> None:
    text = " ".join(pieces)
    unfiltered = sorted(
        (m.span(), rule.name) for rule in RULES for m in rule.pattern.finditer(text)
    )
    filtered = sorted(
        (m.span(), rule.name)
        for rule, rule_filter in zip(RULES, detect.RULE_FILTERS, strict=True)
        if rule_filter.possible(lowered(text))
        for m in rule.pattern.finditer(text)
    )
    assert filtered == unfiltered


@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=60))
def test_prefilter_bank_answers_as_each_filter_does(pieces: list[str]) -> None:
    low = lowered(" ".join(pieces))
    filters = [Prefilter.of(pattern) for pattern in PATTERNS]
    assert PrefilterBank(filters).possible(low) == [f.possible(low) for f in filters]
    assert detect.FILTERS.possible(low) == [
        f.possible(low) for f in (*detect.RULE_FILTERS, detect.ANCHORED_FILTER)
    ]


def test_prefilter_bank_dismisses_a_text_without_a_needed_word() -> None:
    bank = PrefilterBank(
        [Prefilter.of(re.compile(r"(?i:three)\s+days?\s+ago")), Prefilter.of(re.compile("x"))]
    )
    assert bank.possible(lowered("THREE DAYS AGO, x")) == [True, True]
    assert bank.possible(lowered("three days later")) == [False, False]
