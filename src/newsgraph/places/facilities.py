"""Buildings, streets and venues the gazetteer lacks, placed by the town the text puts them in.

"Kamenné Square in Bratislava", "the Colony Theatre in Los Angeles", "Brooklyn's Barclays
Center": the gazetteer knows no buildings, but the text says which town holds one, and that town's
point is within a few kilometres of it. A facility with no town beside it stays unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.model import Place
from newsgraph.places.surface import Surface

FACILITY_LABELS = frozenset({"FAC", "ORG", "PERSON", ""})
"""NER labels a building's name comes with (spaCy's small model often calls one an ORG)."""
FACILITY_NOUNS = frozenset({
    "center", "centre", "theatre", "theater", "hall", "square", "street", "avenue", "road",
    "boulevard", "lane", "drive", "park", "stadium", "arena", "airport", "station", "prison",
    "jail", "hospital", "church", "cathedral", "mosque", "temple", "synagogue", "palace",
    "hotel", "museum", "library", "gallery", "school", "university", "college", "court",
    "courthouse", "bridge", "mall", "market", "studio", "restaurant", "farm", "plant", "base",
    "embassy", "consulate", "racecourse", "circuit", "zoo", "tower", "building", "house",
    "village"
})  # fmt: skip
"""Last words of a facility name ("Colony Theatre", "Evin Prison")."""
CONTAINER_FEATURES = frozenset({"city", "other"})
"""A town or county holds a facility; a country or state is too coarse to place it."""
IN_AFTER = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?:city\s+of\s+)?)")
"""Between a facility and its town: ", " or " in "."""
POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:the\s+)?$")
"""Between a town and its facility: "Brooklyn's "."""


def is_facility(surface: Surface, label: str) -> bool:
    """A FAC mention, or a name that ends in a building or street word."""
    if label == "FAC":
        return True
    if label not in FACILITY_LABELS:
        return False
    words = surface.text.split()
    return len(words) > 1 and words[-1].lower() in FACILITY_NOUNS


class Towns:
    """Resolved places that may hold a facility ((start, end, feature) each), looked up by where
    they start and end: placing every facility costs a few dict lookups, not a scan of them all."""

    def __init__(self, towns: Sequence[tuple[int, int, str]]) -> None:
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}
        for index, (start, end, feature) in enumerate(towns):
            if feature in CONTAINER_FEATURES:
                self.by_start.setdefault(start, index)
                self.by_end.setdefault(end, index)


def container_index(text: str, surface: Surface, towns: Towns) -> int | None:
    """Index of the first town holding a facility: one right after it (", " or " in "), or one
    just before it with a possessive ("Brooklyn's ")."""
    found: list[int] = []
    after = IN_AFTER.match(text, surface.end)
    if after is not None and after.end() in towns.by_start:
        found.append(towns.by_start[after.end()])
    for end in _possessive_ends(text, surface.start):
        if end in towns.by_end and POSSESSIVE_BEFORE.fullmatch(text, end, surface.start):
            found.append(towns.by_end[end])
    return min(found, default=None)


def _possessive_ends(text: str, start: int) -> list[int]:
    """Where a town would end for `POSSESSIVE_BEFORE` to fill the gap up to `start`: the
    possessive comes right before the spaces in front of `start`, or before "the" and the spaces
    in front of that."""
    spaces = start
    while spaces > 0 and text[spaces - 1].isspace():
        spaces -= 1
    if spaces == start:
        return []
    ends = [spaces - 2]
    if text[spaces - 3 : spaces] == "the":
        before_the = spaces - 3
        while before_the > 0 and text[before_the - 1].isspace():
            before_the -= 1
        if before_the < spaces - 3:
            ends.append(before_the - 2)
    return [end for end in ends if end >= 0]


def is_facility_place(place: Place) -> bool:
    """Whether a Place is a building or street placed at its town (see `resolve._place`): it has
    neither a GeoNames id nor a population of its own."""
    return place.feature == "other" and place.geonameid is None and place.population is None
