"""Where the costliest time rules can match, read back from a rarer part of them.

Many rules start on common words (a number word such as "a", a cue such as "in", "per", "the",
any digit) or on an optional word ("last Monday"), so a plain search enters them at most words
of a text. Each finder here locates the part every match of its rule holds and that few words
are (a unit word, a month or weekday name, a clock's colon, a date's hyphen or slash, a
decade's zero), reads from there
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
_WEEKDAY_AT = with_start_chars(re.compile(rf"\b{WEEKDAY}"))
"""A weekday name's start (a match of this never holds the start of another)."""
_WORDS_SPACES = re.compile(r"[^\w\s]")
"""Read in the reversed text: a character an optional word before a weekday cannot hold."""
_WORDS_SPACES_COMMAS = re.compile(r"[^\w\s,]")
"""Read in the reversed text: a character a weekday and comma before a month cannot hold."""


class Scan:
    """One text and the positions several finders read, each found on first use."""

    __slots__ = ("_before_units", "_months", "_reverse", "_units", "_weekdays", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._reverse: str | None = None
        self._units: list[int] | None = None
        self._before_units: list[int] | None = None
        self._months: list[int] | None = None
        self._weekdays: list[int] | None = None

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
            for unit in self.units():
                words = _SIX_WORDS_BEFORE.match(self.reverse, size - unit)
                if words is not None:
                    starts.update(size - words.end(i) for i in range(1, 7) if words.group(i))
            self._before_units = sorted(starts)
        return self._before_units

    def units(self) -> list[int]:
        """Where a unit word starts, in order."""
        if self._units is None:
            self._units = [m.start() for m in _UNIT_AT.finditer(self.text)]
        return self._units

    def months(self) -> list[int]:
        """Where a month name starts, in order."""
        if self._months is None:
            self._months = [m.start() for m in _MONTH_AT.finditer(self.text)]
        return self._months

    def weekdays(self) -> list[int]:
        """Where a weekday name starts, in order."""
        if self._weekdays is None:
            self._weekdays = [m.start() for m in _WEEKDAY_AT.finditer(self.text)]
        return self._weekdays

    def words_before(self, starts: list[int], lengths: tuple[int, ...]) -> list[int]:
        """For each of `starts`, where a word of one of `lengths` characters starts when it
        stands right before it, parted by one or more spaces (a signal word before a name:
        "last March", "every Monday")."""
        found: list[int] = []
        size = len(self.text)
        for start in starts:
            run = _SPACES.match(self.reverse, size - start)
            spaces = run.end() - (size - start) if run is not None else 0
            if spaces:
                found += [start - spaces - length for length in lengths]
        return found


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
    for core in _per_cores(scan):
        back = size - core
        run = _SPACES.match(scan.reverse, back)  # all of them: the core cannot start on a space
        spaces = run.end() - back if run is not None else 0
        starts += [core - spaces - length for length in _PER_WORD_LENGTHS]
    return finditer_at(_PATTERN["set_per"], scan.text, starts)


def _per_cores(scan: Scan) -> list[int]:
    """Every position `_PER_CORE` matches at, read back from the unit words (found once per
    text for the rules read from their units) rather than by trying it at every "a": its unit
    starts a unit word after the spaces that follow "a", "an" or "per"."""
    cores: list[int] = []
    size = len(scan.text)
    for unit in scan.units():
        run = _SPACES.match(scan.reverse, size - unit)
        spaces = run.end() - (size - unit) if run is not None else 0
        if spaces == 0:
            continue
        for length in _PER_WORD_LENGTHS_BEFORE:
            start = unit - spaces - length
            if start >= 0 and _PER_CORE.match(scan.text, start) is not None:
                cores.append(start)
    return sorted(set(cores))


_PER_WORD_LENGTHS_BEFORE = (1, 2, 3)
"""The lengths of "a", "an" and "per", which `_PER_CORE` opens with."""


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
    # every weekday name's start (found once for the four weekday rules); the core is tried there
    cores = scan.weekdays()
    return finditer_from_cores(_PATTERN["weekday"], _WEEKDAY_CORE, cores, scan.text, _WORDS_SPACES)


_MONTH_DAY_CORE = re.compile(rf"\b{MONTH}\s*{DAY}{END}(?:\s*,?\s*{SHORT_YEAR}{END})?")
"""`month_day` without its optional weekday ("Tuesday, March 4")."""


def _month_day(scan: Scan) -> Iterator[re.Match[str]]:
    pattern = _PATTERN["month_day"]
    return finditer_from_cores(
        pattern, _MONTH_DAY_CORE, scan.months(), scan.text, _WORDS_SPACES_COMMAS
    )


_DAY_MONTH = _PATTERN["day_month"]
_DAY_MONTH_CORE = re.compile(_DAY_MONTH.pattern[_DAY_MONTH.pattern.index(r"\b(?P<day>") :])
"""`day_month` without its optional weekday and "the" ("Tuesday, the 4 March"): from the day on."""
_DAY_BEFORE = re.compile(r"\s+(?:(?i:fo)\s+)?(?:ts|dn|dr|ht)?(\d\d?)")
"""Read in the reversed text from a month name back: the spaces, "of", the suffix and the
digits of the day `day_month` puts before the month ("21st of May"); the day starts on the
last digit read or the one after it."""


def _day_month(scan: Scan) -> Iterator[re.Match[str]]:
    cores: list[int] = []
    size = len(scan.text)
    for month in scan.months():
        day = _DAY_BEFORE.match(scan.reverse, size - month)
        if day is not None:
            cores += [size - day.end(1), size - day.end(1) + 1]
    return finditer_from_cores(
        _DAY_MONTH, _DAY_MONTH_CORE, sorted(set(cores)), scan.text, _WORDS_SPACES_COMMAS
    )


def _at_names(name: str, names: Callable[[Scan], list[int]], lengths: tuple[int, ...]) -> Finder:
    """A rule that opens on a month or weekday name, or on a signal word of one of `lengths`
    characters and spaces before it ("last March", "every Monday", "Fridays", "March 2024"):
    tried at those positions only. (A letter Python matches case-insensitively stands for one
    character, so the signal words keep their lengths.)"""
    pattern = _PATTERN[name]

    def find(scan: Scan) -> Iterator[re.Match[str]]:
        at = names(scan)
        return finditer_at(pattern, scan.text, [*at, *scan.words_before(at, lengths)])

    return find


_COLON = re.compile(r":(?=[0-5])")
"""The colon of a clock time ("14:30"): its minutes open with 0 to 5."""


def _at_colon(name: str) -> Finder:
    """A clock time of hours and minutes ("at 9:45", "14:30 GMT"): it starts on its hour, one
    or two characters before the colon."""
    pattern = _PATTERN[name]

    def find(scan: Scan) -> Iterator[re.Match[str]]:
        starts = [at for m in _COLON.finditer(scan.text) for at in (m.start() - 2, m.start() - 1)]
        return finditer_at(pattern, scan.text, starts)

    return find


def _before_mark(name: str, mark: str, lengths: tuple[int, ...]) -> Finder:
    """A numeric date tried only `lengths` characters before each `mark` in the text: its year
    (four digits) before the hyphen of "2024-03-05", its month (one or two) before the first
    slash of "3/5/2024"."""
    pattern = _PATTERN[name]
    marks = re.compile(re.escape(mark))

    def find(scan: Scan) -> Iterator[re.Match[str]]:
        starts = [m.start() - length for m in marks.finditer(scan.text) for length in lengths]
        return finditer_at(pattern, scan.text, starts)

    return find


_DECADE_ZERO = re.compile(r"0(?=['’]?s)")
"""The last digit of a decade ("1990s", "the '90s", "80’s"): a zero before its "s"."""


def _decade(scan: Scan) -> Iterator[re.Match[str]]:
    # "1990s" starts three characters before its zero, "'90s" two, "90s" one
    starts = [z.start() - back for z in _DECADE_ZERO.finditer(scan.text) for back in (3, 2, 1)]
    return finditer_at(_PATTERN["decade"], scan.text, starts)


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
    "day_month": _day_month,
    "month_year": _at_names("month_year", Scan.months, ()),
    "month_relative": _at_names("month_relative", Scan.months, (4, 6)),  # last ... coming
    "weekday_plural": _at_names("weekday_plural", Scan.weekdays, ()),
    "weekday_every": _at_names("weekday_every", Scan.weekdays, (4, 5)),  # each, every
    "weekday_part": _at_names("weekday_part", Scan.weekdays, (4,)),  # last, next, this
    "clock_24h": _at_colon("clock_24h"),
    "clock_at": _at_colon("clock_at"),
    "iso_date": _before_mark("iso_date", "-", (4,)),
    "numeric_date": _before_mark("numeric_date", "/", (1, 2)),
    "decade": _decade,
}
"""Rule name -> its finder; the other rules are searched plainly."""
