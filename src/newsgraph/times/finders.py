"""Where the costliest time rules can match, read back from a rarer part of them.

Many rules start on common words (a number word such as "a", a cue such as "in", "per", "the",
any digit) or on an optional word ("last Monday"), so a plain search enters them at most words
of a text. Each finder here locates the part every match of its rule holds and that few words
are (a unit word, a month or weekday name, "a year" / "per day"), reads from there
the positions a match can start at, and lets `scan` try the rule there only. A `Scan` finds the
positions several finders share once per text. `FINDERS[name](Scan(text))` yields exactly what
`RULES[name].pattern.finditer(text)` yields (tests compare them on generated texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgraph.times.patterns import DAY, END, MONTH, RULES, SHORT_YEAR, UNIT, WEEKDAY
from newsgraph.times.scan import finditer_at, finditer_from_cores
from newsgraph.times.startchars import with_start_chars

_PATTERN = {rule.name: rule.pattern for rule in RULES}

_UNIT_AT = with_start_chars(re.compile(rf"\b{UNIT}"))
"""A unit word's start. In the rules read from it the unit follows spaces or a hyphen, so it
starts a word (and a match of this never holds the start of another)."""
_SIX_WORDS_BEFORE = re.compile(r"[\s.,-]+(\w+)" + r"(?:[\s.,-]+(\w+)" * 5 + r")?" * 5)
"""Read in the reversed text from a unit word back: up to six words, each a whole run of word
characters, parted by spaces, hyphens, dots or commas. A match of a rule read from its unit
starts on a word boundary and holds at most six words before the unit ("a couple of ... and a
half", "every other twenty-one", "a number of"), parted so, so it starts on one of these."""
_MONTH_AT = with_start_chars(re.compile(rf"\b{MONTH}"))
"""A month name's start (a match of this never holds the start of another)."""
_TWO_WORDS_BEFORE = re.compile(r"[\s-]+(\w+)(?:[\s-]+(\w+))?")
"""Read in the reversed text from a month name back: the word before it and the one before
that, parted by spaces or hyphens. A `month_cued` match starts on its cue word, right before the
month or before "early", "late" or "mid"; each is a whole word."""
_WORDS_SPACES = re.compile(r"[^\w\s]")
"""Read in the reversed text: a character an optional word before a weekday cannot hold."""
_WORDS_SPACES_COMMAS = re.compile(r"[^\w\s,]")
"""Read in the reversed text: a character a weekday and comma before a month cannot hold."""


class Scan:
    """One text and the positions several finders read, each found on first use."""

    __slots__ = ("_before_units", "_months", "_reverse", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._reverse: str | None = None
        self._before_units: list[int] | None = None
        self._months: list[int] | None = None

    @property
    def reverse(self) -> str:
        if self._reverse is None:
            self._reverse = self.text[::-1]
        return self._reverse

    def before_units(self) -> list[int]:
        """The starts of the six words before each unit word (where a rule read from its unit
        can start), in order."""
        if self._before_units is None:
            starts: set[int] = set()
            size = len(self.text)
            for unit in _UNIT_AT.finditer(self.text):
                words = _SIX_WORDS_BEFORE.match(self.reverse, size - unit.start())
                if words is not None:
                    starts.update(size - words.end(i) for i in range(1, 7) if words.group(i))
            self._before_units = sorted(starts)
        return self._before_units

    def months(self) -> list[int]:
        """Where a month name starts, in order."""
        if self._months is None:
            self._months = [m.start() for m in _MONTH_AT.finditer(self.text)]
        return self._months


Finder = Callable[[Scan], Iterator[re.Match[str]]]


def _from_units(name: str) -> Finder:
    pattern = _PATTERN[name]

    def find(scan: Scan) -> Iterator[re.Match[str]]:
        return finditer_at(pattern, scan.text, scan.before_units())

    return find


_AGO_CORE = with_start_chars(re.compile(rf"\b{UNIT}\s+(?i:ago|before\s+now){END}"))
"""`ago` without its optional count ("three", "a few"): the unit and "ago". A match of it never
holds the start of another, so `finditer` finds every position it matches at."""


def _ago(scan: Scan) -> Iterator[re.Match[str]]:
    cores = (m.start() for m in _AGO_CORE.finditer(scan.text))
    return finditer_from_cores(_PATTERN["ago"], _AGO_CORE, cores, scan.text)


_PER_CORE = with_start_chars(re.compile(r"(?i:a|an|per)\s+(?i:year|month|week|day|hour)(?![\w-])"))
"""The `core` group of `set_per` ("a year", "per day"), which never overlaps another match of
itself. In `set_per` it follows one digit or one of its words, then spaces."""
_PER_WORD_LENGTHS = (1, 2, 5, 6, 7, 8)
"""The lengths of what stands before `set_per`'s spaces: a digit (1) or bn, times, euros,
pounds, billion, million, percent, dollars, trillion."""
_SPACES = re.compile(r"\s*")


def _set_per(scan: Scan) -> Iterator[re.Match[str]]:
    starts: list[int] = []
    size = len(scan.text)
    for core in _PER_CORE.finditer(scan.text):
        back = size - core.start()
        run = _SPACES.match(scan.reverse, back)  # all of them: the core cannot start on a space
        spaces = run.end() - back if run is not None else 0
        starts += [core.start() - spaces - length for length in _PER_WORD_LENGTHS]
    return finditer_at(_PATTERN["set_per"], scan.text, starts)


def _month_cued(scan: Scan) -> Iterator[re.Match[str]]:
    starts: list[int] = []
    size = len(scan.text)
    for month in scan.months():
        words = _TWO_WORDS_BEFORE.match(scan.reverse, size - month)
        if words is not None:
            starts += [size - words.end(i) for i in (1, 2) if words.group(i) is not None]
    return finditer_at(_PATTERN["month_cued"], scan.text, starts)


_WEEKDAY_CORE = with_start_chars(re.compile(rf"\b{WEEKDAY}{END}"))
"""`weekday` without its optional "last", "next" or "this"."""


def _weekday(scan: Scan) -> Iterator[re.Match[str]]:
    cores = (m.start() for m in _WEEKDAY_CORE.finditer(scan.text))
    return finditer_from_cores(_PATTERN["weekday"], _WEEKDAY_CORE, cores, scan.text, _WORDS_SPACES)


_MONTH_DAY_CORE = re.compile(rf"\b{MONTH}\s*{DAY}{END}(?:\s*,?\s*{SHORT_YEAR}{END})?")
"""`month_day` without its optional weekday ("Tuesday, March 4")."""


def _month_day(scan: Scan) -> Iterator[re.Match[str]]:
    pattern = _PATTERN["month_day"]
    return finditer_from_cores(
        pattern, _MONTH_DAY_CORE, scan.months(), scan.text, _WORDS_SPACES_COMMAS
    )


FINDERS: dict[str, Finder] = {
    "duration": _from_units("duration"),
    "counted_from_focus": _from_units("counted_from_focus"),
    "set_every": _from_units("set_every"),
    "vague_duration": _from_units("vague_duration"),
    "ago": _ago,
    "set_per": _set_per,
    "month_cued": _month_cued,
    "weekday": _weekday,
    "month_day": _month_day,
}
"""Rule name -> its finder; the other rules are searched plainly."""
