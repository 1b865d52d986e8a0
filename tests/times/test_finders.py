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
    "first", "Of", "OF", "1st", "22nd", "05", "\u0663", "30", "Dec.", "December", "Friday",
    "Fridays", "EVERY", "morning", "Night", "evening", "PAST", "laſt", "Sundays", "SUNDAYS",
    "at", "AT", "14:30", "9:45", "23:59", "24:00", ":", "1:5", "GMT", "(UTC", "+3)", "hrs",
    "local time", "\u0663:30", "01:07", "at 7:15",
    "following", "previous", "Preceding", "prior", "that", "THAT", "same", "current", "weekend",
    "2024-03-05", "1999-12-31", "12024-01-01", "3/5/2024", "12/31/99", "1/2/3/2024", "/", "03/",
    "1990s", "1990's", "2000s", "'90s", "’80s", "80s", "90’s", "1995s", "10s", "0s", "THE", "s",
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
        "Friday, the 22nd OF  June, 2024; 123 May, 05\nMay, x4 June, 4th\tof\tJuly and 1 2 May",
        "the 31 31 May, Monday ,the 3 of of May, 30th June 2024 \u0663 March, the 4 June.",
        "last  March, coming\nJune, PAST May 2024, next Mayo, every Friday, each  Sundays, "
        "Fridays, MONDAYS, xFridays, last Friday morning, this Monday  Night, every\tTuesdays",
        "at 14:30 GMT, at 9:45, 23:59 local time, 124:30 hrs, x1:30 UTC, at 7:65, AT\n01:07 "
        "(UTC +3), 2:3:45 hrs, at \u0663:30, 9:45:30 GMT, at 24:00",
        "the following day, THE  previous\nweek, that month, the same year, this weekend, "
        "next  quarter, paſt century, xthat day, the prior-year, the next that week, current decade",
        "on 2024-03-05, 12024-01-01, x1999-12-31, 2024-13-01, 3/5/2024, 12/31/99, 1/2/3/2024, "
        "a/3/5/24, 03/04/2024-05-06, \u0663/5/2024 and 1999-1-1",
        "the 1990s, the '90s and the 80s, the ’70’s, x1990s, 21990s, the 1990's, in 2000s, "
        "THE 60s, the 05s, 10s, the\n'20s and 1880S",
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
