"""Read a toponym mention as written: trim it, find its lookup names and its qualifiers.

NER spans carry articles and possessives ("the Gaza Strip", "Syria's"), name parts of a place
("northwestern Syria", "Idlib province") and are followed by disambiguating qualifiers ("Paris,
Texas"; "Moscow, Idaho"). This module turns one span into what resolution needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsgraph.fold import normalize_key

DIRECTIONS = (
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
)
_DIRECTION_WORDS = "|".join(re.escape(d) for d in DIRECTIONS)
_QUALIFIER = (
    rf"(?:(?:{_DIRECTION_WORDS})(?:ern)?|central|eastern|western|northern|southern|upper|lower)"
)
QUALIFIER_PREFIX = re.compile(rf"^({_QUALIFIER})\s+(.+)$", re.IGNORECASE)
"""A part-of-place word at the start of a span: "northwestern Syria"."""
QUALIFIER_BEFORE = re.compile(rf"\b({_QUALIFIER})\s+(?:parts? of\s+)?$", re.IGNORECASE)
"""The same word just before a span the NER left it out of (only lower case counts)."""

GENERIC_SUFFIX = re.compile(
    r"^(.+?)\s+(province|governorate|region|state|district|city|oblast|prefecture|county|area|"
    r"municipality|territory|department)$",
    re.IGNORECASE,
)
"""A generic word after a division or town name: "Idlib province", "Kherson region"."""
GENERIC_PREFIX = re.compile(
    r"^(?:the\s+)?(?:city|province|state|region|town|village|port city|capital)\s+of\s+(.+)$",
    re.IGNORECASE,
)
"""The same before it: "the city of Aleppo"."""
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
TRAILING_NOISE = re.compile(r"(?:['’]s|['’]|[\s,;:!?)\]\"”]+)$")
"""Possessive or punctuation that NER spans sometimes include ("Syria's", "Texas,")."""
CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ž"
"""Regex class of capital letters, Latin-1 and Latin Extended-A included ("Žilina", "Østfold");
the extended block alternates capitals and small letters, which only matters after a boundary."""
FOLLOWING_QUALIFIER = re.compile(
    rf"^,\s*((?:[{CAPITAL}][\w.'’-]*\.?)(?:\s+[{CAPITAL}][\w.'’-]*\.?){{0,2}})"
)
"""Up to three capitalised words after a comma: the state or country of "Paris, Texas"."""
SENTENCE_OPENERS = frozenset('.!?"“”\n:')
"""Characters that end the text before a sentence (or headline) start."""
NOISE_LAST = frozenset("s'’,;:!?)]\"”")
"""Last characters `TRAILING_NOISE` can match at (with white space): any other ends no noise."""
REGION_WORDS = ("north", "south", "east", "west", "central", "upper", "lower", "ſ")
"""Lower-case text every lower-case `QUALIFIER_BEFORE` word holds ("ſ" matches "s" there)."""


class Surface(NamedTuple):
    """One mention as resolution sees it (a named tuple: a document reads dozens, and a tuple is
    built several times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    """Lookup keys, most specific first ("idlib province", "idlib")."""
    dotted_key: str | None
    """Key with the span's final dot, for abbreviations ("calif.", "u.s."); `end` excludes it."""
    region: str | None
    """Part-of-place word ("northwestern"), lower case."""
    qualifier_keys: tuple[str, ...]
    """Keys of the words after a comma ("texas", "tex."), longest first."""
    sentence_initial: bool


@dataclass(frozen=True, slots=True)
class Reading:
    """What a mention's own characters say, whatever surrounds them (see `span_reading`)."""

    lead: int
    """Characters trimmed from the start (a leading article)."""
    cut: int
    """Characters trimmed from the end (noise, and a final dot)."""
    text: str
    keys: tuple[str, ...]
    dotted_key: str | None
    region: str | None
    prefixed: bool
    """Whether a part-of-place word starts the span (`region` is then its)."""
    tail: str | None
    """", " and what follows the span's own comma: its qualifier text, not the text after it."""


_REGION_WORD = re.compile("|".join(REGION_WORDS))


@lru_cache(maxsize=1 << 17)
def span_reading(span: str) -> Reading | None:
    """What `read_surface` makes of a span's own characters, or None when it gives no surface:
    remembered per distinct string for the process (the same names recur in every document), and
    cheap for callers that look at many spans and keep few (`embedded.inner_names`)."""
    return _reading(span)


LONGER_COUNTRY_WORDS = {
    "sudan": ("South ",),
    "korea": ("North ", "South "),
    "guinea": ("Papua New ", "Equatorial "),
}
"""Capitalised words before a country's name that make it another country's ("South Sudan"):
a span the NER cut after them (a title-case headline's "South Sudan Army" read as "Sudan Army")
is widened to the longer name, never resolved as the shorter country."""
LONGER_COUNTRY_ENDINGS = {"guinea": ("-Bissau",)}
"""The same after the name: a headline's "Guinea-Bissau" split at its hyphen."""


def _longer_country_start(text: str, start: int, reading: Reading) -> int:
    """Where the longer country name that ends with the span's own name begins, else `start`."""
    words = LONGER_COUNTRY_WORDS.get(reading.keys[0])
    if words is None:
        return start
    for word in words:
        begin = start - len(word)
        if begin >= 0 and text[begin].isupper() and text[begin:start].lower() == word.lower():
            return begin
    return start


def _longer_country_end(text: str, end: int, reading: Reading) -> int:
    """Where the longer country name that starts with the span's own name ends, else `end`."""
    for ending in LONGER_COUNTRY_ENDINGS.get(reading.keys[0], ()):
        if text[end : end + len(ending)].lower() == ending.lower():
            return end + len(ending)
    return end


def read_surface(text: str, start: int, end: int) -> Surface | None:
    """Trim a mention and derive its lookup keys; None when nothing name-like is left."""
    reading = span_reading(text[start:end])
    if reading is None:
        return None
    if reading.lead == 0 and reading.cut == 0:
        longer_start = _longer_country_start(text, start, reading)
        longer_end = _longer_country_end(text, end, reading)
        if (longer_start, longer_end) != (start, end):
            return read_surface(text, longer_start, longer_end)
    start += reading.lead
    end -= reading.cut
    region = reading.region
    if not reading.prefixed:
        window = text[max(0, start - 30) : start]
        # only a lower-case word counts: a window without one is not searched
        if _REGION_WORD.search(window):
            before = QUALIFIER_BEFORE.search(window)
            if before and before.group(1).islower():
                region = before.group(1)
    # the qualifier follows a comma: the span's own, or the text's right after the span
    if reading.tail is not None:
        qualifier = FOLLOWING_QUALIFIER.match(reading.tail)
    elif text.startswith(",", end):
        qualifier = FOLLOWING_QUALIFIER.match(text[end : end + 60])
    else:
        qualifier = None
    qualifier_keys: tuple[str, ...] = ()
    if qualifier:
        words = qualifier.group(1).split()
        for n in range(len(words), 0, -1):
            key = normalize_key(" ".join(words[:n]))
            # "Tex." is an abbreviation, "Northamptonshire." a name before a full stop
            qualifier_keys += (key, key.rstrip(".")) if key.endswith(".") else (key,)
    return Surface(  # by position: a named tuple is built faster so
        start,
        end,
        reading.text,
        reading.keys,
        reading.dotted_key,
        region,
        qualifier_keys,
        _sentence_initial(text, start),
    )


def _reading(span: str) -> Reading | None:
    """The trimming and keys of a span, which depend on its characters only."""
    lead = cut = 0
    article = LEADING_ARTICLE.match(span)
    if article:
        lead = article.end()
        span = span[lead:]
    while span and (span[-1] in NOISE_LAST or span[-1].isspace()):
        noise = TRAILING_NOISE.search(span)
        if not noise or noise.start() == 0:
            break
        cut += len(span) - noise.start()
        span = span[: noise.start()]
    dotted_key: str | None = None
    if span.endswith("."):
        dotted_key = normalize_key(span)
        span = span[:-1]
        cut += 1
    if not span or not any(map(str.isupper, span)):
        return None

    keys: list[str] = [normalize_key(span)]
    region: str | None = None
    core = span
    prefix = QUALIFIER_PREFIX.match(span)
    if prefix:
        region = prefix.group(1).lower()
        core = prefix.group(2)
        keys.append(normalize_key(core))
    tail: str | None = None
    if ", " in core:
        core, _, rest = core.partition(", ")
        keys.append(normalize_key(core))
        tail = ", " + rest
    for pattern in (GENERIC_PREFIX, GENERIC_SUFFIX):
        match = pattern.match(core)
        if match:
            keys.append(normalize_key(match.group(1)))
    return Reading(
        lead=lead,
        cut=cut,
        text=span,
        keys=tuple(dict.fromkeys(k for k in keys if k)),
        dotted_key=dotted_key,
        region=region,
        prefixed=prefix is not None,
        tail=tail,
    )


class SurfaceReader:
    """`read_surface` over one document's text, each span read once: candidate collection and
    resolution read many of the same spans (a name inside an organisation is found while
    collecting candidates and read again when it is resolved)."""

    __slots__ = ("_read", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._read: dict[tuple[int, int], Surface | None] = {}

    def __call__(self, start: int, end: int) -> Surface | None:
        key = (start, end)
        try:
            return self._read[key]
        except KeyError:
            surface = self._read[key] = read_surface(self.text, start, end)
            return surface


def _sentence_initial(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t\r‘'(":
        index -= 1
    return index < 0 or text[index] in SENTENCE_OPENERS
