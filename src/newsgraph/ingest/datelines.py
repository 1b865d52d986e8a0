"""Date lines ("Published 3 hours ago", "Updated Feb. 3, 2025 10:21 a.m. ET") and dateline
prefixes at the start of the lead ("ANKARA, Turkey (AP) — ", "BEIRUT, March 3 (Reuters) - ")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.ingest.dates import find_full_dates, month_day

LABEL = re.compile(
    r"\b(?P<label>first published|last updated|last modified|published|updated|posted|modified"
    r"|date)\b(?:\s+on)?\s*:?",
    re.IGNORECASE,
)
"""What a date line says about its date; "updated" dates are later than publication."""

FILLER = re.compile(
    r"""
    \b(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?!\w)  # times
    |\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b                 # ISO stamps
    |\b(?:[ECMPA][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|AEST|AEDT|SAST|WAT|EAT)\b
    |\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}\b
    |\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?
    |\b(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b
    |\b(?:yesterday|today|just\s+now|at|on|and)\b
    |[\s,|•·/()\-–—]+
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Everything a date line may contain besides its label and date."""

DIGIT = re.compile(r"\d")
RELATIVE = re.compile(r"\b(?:\d+|an?)\s+\w+\s+ago\b|\b(?:yesterday|today|just now)\b", re.I)


RELATIVE_WORDS = ("ago", "yesterday", "today", "just now")
"""One of these is in every match of `RELATIVE`."""


def _relative(line: str) -> bool:
    """`RELATIVE` finds something in the line; an ASCII line without its words is not searched
    (the search tried its pattern at every word of every short line)."""
    if line.isascii():
        lowered = line.lower()
        if not any(word in lowered for word in RELATIVE_WORDS):
            return False
    return RELATIVE.search(line) is not None


@dataclass(frozen=True, slots=True)
class DateLine:
    published: dt.date | None
    updated: dt.date | None


def parse_date_line(line: str) -> DateLine | None:
    """A line that is only a date (with labels, times, zones), or None."""
    if len(line) > 120:
        return None
    if DIGIT.search(line) is None and not _relative(line):
        return None  # no full date (they all have digits) and no "3 hours ago": most lines
    dates = find_full_dates(line)
    labels = list(LABEL.finditer(line))
    rest = line
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    rest = LABEL.sub(" ", rest)
    rest = FILLER.sub("", rest)
    if rest.strip():
        return None
    if not dates and not RELATIVE.search(line):
        return None
    published: dt.date | None = None
    updated: dt.date | None = None
    for found in dates:
        before = [m for m in labels if m.start() < found.start]
        label = before[-1].group("label").lower() if before else "published"
        if "updated" in label or "modified" in label:
            updated = updated or found.date
        else:
            published = published or found.date
    return DateLine(published, updated)


CITY = r"[^\W\d_][^\W\d_.'’\- ]*(?:[.'’\- ]+[^\W\d_]+)*?"
"""One upper-case place of a dateline, letters and inner spaces, dots, apostrophes, hyphens."""
JOINER = r"\s*/\s*|\s+(?:and|AND|&)\s+|\s*&\s*"
"""What joins the places of a dateline filed from two or three cities ("BANGKOK/PHNOM PENH",
"GENEVA and WASHINGTON")."""
PREFIX = re.compile(
    rf"""
    ^(?P<place>{CITY}(?:(?:{JOINER}){CITY}){{0,2}}                           # ANKARA, SÃO PAULO
    (?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)
    [A-Z][\w.'’\- ]{{1,40}}?){{0,2}})                                        # , Turkey
    (?:,\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?       # , March 3
    \s*(?:\((?P<agency>[A-Za-z .&-]{{2,30}})\))?                              # (AP)
    \s*(?:—|–|--|-|:)\s+                                                    # —
    """,
    re.VERBOSE,
)
"""A wire-service dateline: upper-case place (or places), optional region, date and agency,
then a dash."""
PREFIX_WINDOW = 200
"""A dateline ends within this many characters of its paragraph's start; only they are tried
(places joined by "and" gave `PREFIX` more ways to backtrack through a long paragraph)."""
CITIES = re.compile(rf"(?:^|{JOINER})(?P<city>{CITY})(?=$|{JOINER})")
"""The places of a dateline's first part, one match each."""


@dataclass(frozen=True, slots=True)
class DatelinePrefix:
    """The dateline at the start of a body paragraph; offsets are into the paragraph."""

    end: int
    place_start: int
    place_end: int
    place: str
    month_day: tuple[int, int] | None
    year: int | None
    agency: str | None
    cities: tuple[tuple[int, int], ...] = ()
    """Where each upper-case place of the dateline lies in the paragraph: one for "ANKARA,
    Turkey", two for "BANGKOK/PHNOM PENH" or "GENEVA and WASHINGTON"."""


def parse_dateline_prefix(paragraph: str) -> DatelinePrefix | None:
    """Recognise "CITY, Region (Agency) — " at the start of a paragraph.

    A paragraph whose second character is a lower-case letter ("The minister ...") has none:
    that letter is part of the city, whose letters must all be capitals, so `PREFIX` (which
    backtracks through every word of a long paragraph) is not tried on it."""
    if paragraph[1:2].isalpha() and not paragraph[1:2].isupper():
        return None
    match = PREFIX.match(paragraph[:PREFIX_WINDOW])
    if match is None:
        return None
    first = match.group("place").split(",")[0]
    cities = [found.span("city") for found in CITIES.finditer(first)]
    if not cities or any(not _upper_place(first[start:end]) for start, end in cities):
        return None
    date_raw = match.group("date")
    year = None
    if date_raw:
        year_match = re.search(r"\d{4}", date_raw)
        year = int(year_match.group()) if year_match else None
    place = match.group("place").strip()
    return DatelinePrefix(
        end=match.end(),
        place_start=match.start("place"),
        place_end=match.start("place") + len(place),
        place=place,
        month_day=month_day(date_raw) if date_raw else None,
        year=year,
        agency=match.group("agency"),
        cities=tuple((match.start("place") + s, match.start("place") + e) for s, e in cities),
    )


def _upper_place(city: str) -> bool:
    """At least two letters, all of them capitals ("ANKARA", "SÃO PAULO", "PORT-AU-PRINCE")."""
    letters = [ch for ch in city if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
