"""Where the costliest time rules can match, read back from a rarer part of them.

`duration`, `ago`, `set_per` and `month_cued` start on common words (a number word such as "a",
a cue such as "in", "per" or any digit), so a plain search enters them at most words of a text.
Each finder here locates the part every match of its rule holds and that few words are (a unit
word, a month name, "a year" / "per day"), reads from there the few positions a match can start
at, and lets `scan` try the rule there only. `FINDERS[name](text)` yields exactly what
`RULES[name].pattern.finditer(text)` yields (tests compare them on generated texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgraph.times.patterns import END, MONTH, RULES, UNIT
from newsgraph.times.scan import finditer_at, finditer_from_cores
from newsgraph.times.startchars import with_start_chars

Finder = Callable[[str], Iterator[re.Match[str]]]

_PATTERN = {rule.name: rule.pattern for rule in RULES}

_UNIT_AT = with_start_chars(re.compile(rf"\b{UNIT}"))
"""A unit word's start. In `duration` the unit follows `[\\s-]+`, so it starts a word."""
_WORDS_BEFORE_UNIT = re.compile(r"[\s.,-]+(\w+)" + r"(?:[\s.,-]+(\w+)" * 5 + r")?" * 5)
"""Read in the reversed text from a unit back: up to six words, each a whole run of word
characters, parted by spaces, hyphens, dots or commas. A `duration` match holds at most six
words before its unit ("a couple of ... and a half", "1,000.5 ...", "twenty-one"), so it starts
on one of these."""


def _duration(text: str) -> Iterator[re.Match[str]]:
    starts: list[int] = []
    reverse = text[::-1]
    for unit in _UNIT_AT.finditer(text):
        words = _WORDS_BEFORE_UNIT.match(reverse, len(text) - unit.start())
        if words is not None:
            starts += [len(text) - words.end(i) for i in range(1, 7) if words.group(i) is not None]
    return finditer_at(_PATTERN["duration"], text, starts)


_AGO_CORE = with_start_chars(re.compile(rf"\b{UNIT}\s+(?i:ago|before\s+now){END}"))
"""`ago` without its optional count ("three", "a few"): the unit and "ago". A match of it never
holds the start of another, so `finditer` finds every position it matches at."""


def _ago(text: str) -> Iterator[re.Match[str]]:
    cores = (m.start() for m in _AGO_CORE.finditer(text))
    return finditer_from_cores(_PATTERN["ago"], _AGO_CORE, cores, text)


_PER_CORE = with_start_chars(re.compile(r"(?i:a|an|per)\s+(?i:year|month|week|day|hour)(?![\w-])"))
"""The `core` group of `set_per` ("a year", "per day"), which never overlaps another match of
itself. In `set_per` it follows one digit or one of its words, then spaces."""
_PER_WORD_LENGTHS = (1, 2, 5, 6, 7, 8)
"""The lengths of what stands before `set_per`'s spaces: a digit (1) or bn, times, euros,
pounds, billion, million, percent, dollars, trillion."""
_SPACES = re.compile(r"\s*")


def _set_per(text: str) -> Iterator[re.Match[str]]:
    starts: list[int] = []
    reverse = text[::-1]
    for core in _PER_CORE.finditer(text):
        back = len(text) - core.start()
        run = _SPACES.match(reverse, back)  # all of them: the core cannot start on a space
        spaces = run.end() - back if run is not None else 0
        starts += [core.start() - spaces - length for length in _PER_WORD_LENGTHS]
    return finditer_at(_PATTERN["set_per"], text, starts)


_MONTH_AT = with_start_chars(re.compile(rf"\b{MONTH}"))
"""A month name's start. In `month_cued` it follows `[\\s-]+`, so it starts a word."""
_TWO_WORDS_BEFORE = re.compile(r"[\s-]+(\w+)(?:[\s-]+(\w+))?")
"""Read in the reversed text from a month name back: the word before it and the one before
that, parted by spaces or hyphens. A `month_cued` match starts on its cue word, right before the
month or before "early", "late" or "mid"; each is a whole word."""


def _month_cued(text: str) -> Iterator[re.Match[str]]:
    starts: list[int] = []
    reverse = text[::-1]
    for month in _MONTH_AT.finditer(text):
        words = _TWO_WORDS_BEFORE.match(reverse, len(text) - month.start())
        if words is not None:
            starts += [len(text) - words.end(i) for i in (1, 2) if words.group(i) is not None]
    return finditer_at(_PATTERN["month_cued"], text, starts)


FINDERS: dict[str, Finder] = {
    "duration": _duration,
    "ago": _ago,
    "set_per": _set_per,
    "month_cued": _month_cued,
}
"""Rule name -> its finder; the other rules are searched plainly."""
