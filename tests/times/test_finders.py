"""The rule finders (and the scans behind them) yield exactly what `finditer` yields."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.times.finders import FINDERS, Scan
from newsgraph.times.patterns import RULES
from newsgraph.times.scan import finditer_at, finditer_from_cores

PATTERN = {rule.name: rule.pattern for rule in RULES}

PIECES = [
    "a", "A", "an", "one", "two", "Three", "twenty", "twenty-one", "Twenty one", "a couple of",
    "a hundred", "half a", "dozen", "a dozen", "several", "a few", "a number of", "and a half",
    "3", "12", "1,000", "2.5", "1.", ",5", "1,000.5", "$5", "5%", "day", "days", "Days", "week",
    "weeks", "month", "months", "year", "years", "YEARS", "hour", "hours", "minute", "seconds",
    "fortnight", "quarter", "decade", "century", "centuries", "long", "-long", "old", "ago",
    "AGO", "before", "now", "per", "billion", "bn", "percent", "dollars", "euros", "pounds",
    "times", "sometimes", "trillion", "million", "in", "In", "by", "of", "to", "and", "or", "from", "until", "since",
    "early", "late", "mid", "mid-", "end", "each", "every", "March", "May", "may", "Sept.",
    "Sep", "Jan", "June", "Mondays", "the", "’s", "'", "(", ")", "“", ";", ".", ",", "-", "—",
    "\n", "  ", "\t", "ſince", "İn", "\u212a", "_", "x", "last", "next", "this", "Monday",
    "MONDAY", "Tuesday", "xMonday", "3rd", "4th", "21", "31", "2024", "'24", "1999", "the",
    "The", "THE", "other", "once", "twice", "later", "earlier", "past", "coming", "previous",
    "first",
]  # fmt: skip
"""Pieces the four rules read, with the separators, digits and case-insensitive letters that
could put a match's start where a finder does not look."""


def _spans(matches: Any) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([" ", "", "-", "\n"]))
def test_finders_yield_what_finditer_yields(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    for name, find in FINDERS.items():
        assert _spans(find(Scan(text))) == _spans(PATTERN[name].finditer(text)), (name, text)


@pytest.mark.parametrize(
    "text",
    [
        "He served a couple of and a half years, then 1,000.5 days - twenty-one weeks ago.",
        "It cost $5 billion a year, 3 per day and 2 percent  an hour; sometimes a day off.",
        "trillion a year, million per month, bn a week, dollars an hour, euros per day, "
        "POUNDS A DAY, times a year, 7a year, 8\ta week",
        "Talks ran from early March until mid-May and in late-June, by Sept. 3, of May 2024.",
        "Three years ago, a few days before now, several weeks ago and 12 hours ago again.",
        "1 2 3 4 5 6 7 8 days, 1.2.3 years, 10,000,000 months and 4 4 4 4 4 4 4 weeks long",
        "two days days days days days days days ago " * 5,
        "every other twenty-one days, once a week, twice per year, 3 times each month",
        "a number of years later, a couple of and a half hours earlier, the past 1,000.5 days",
        "Last Monday, next  Tuesday and this FRIDAY; xMonday, Mondays, Monday-Friday",
        "Tuesday, March 4, 2024 and Monday,March 3 and Wednesday , the 4th of March, 2024",
        "on 3 March '24, 21st of May 1999, xFriday 4 June, the 31 Dec. 2020, Sept. 3rd",
    ],
)
def test_finders_on_crowded_phrases(text: str) -> None:
    for name, find in FINDERS.items():
        assert _spans(find(Scan(text))) == _spans(PATTERN[name].finditer(text)), (name, text)


def test_finders_only_some_rules_and_all_real() -> None:
    assert set(FINDERS) <= set(PATTERN)
    assert len(FINDERS) < len(PATTERN)


def test_scan_finditer_at_needs_only_a_superset_of_starts() -> None:
    pattern = re.compile(r"ab+|b")
    text = "abbb b ab"
    everywhere = range(len(text))
    assert _spans(finditer_at(pattern, text, everywhere)) == _spans(pattern.finditer(text))
    # Extra and repeated positions change nothing; a position inside a match is skipped.
    assert _spans(finditer_at(pattern, text, [7, 2, 0, 5, 5, -1, 40])) == _spans(
        pattern.finditer(text)
    )
    with pytest.raises(ValueError, match="empty"):
        list(finditer_at(re.compile(r"x*"), "ab", [0]))


def test_scan_finditer_from_cores_finds_the_prefixes() -> None:
    pattern = re.compile(r"(?:\b\d+(?:[.,]\d+)?\s+)?\bgo\b")
    core = re.compile(r"\bgo\b")
    for text in ("1,000 go 2 go go, 3.5 go", "go", "x1 go", "12 13 go", "1.go 2,go"):
        cores = (m.start() for m in core.finditer(text))
        found = _spans(finditer_from_cores(pattern, core, cores, text))
        assert found == _spans(pattern.finditer(text)), text
