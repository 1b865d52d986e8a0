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
    words = surface.text.split()
    return label in FACILITY_LABELS and len(words) > 1 and words[-1].lower() in FACILITY_NOUNS


def container_index(
    text: str, surface: Surface, towns: Sequence[tuple[int, int, str]]
) -> int | None:
    """Index in `towns` ((start, end, feature) of resolved places) of the town holding a facility."""
    after = IN_AFTER.match(text, surface.end)
    for index, (start, end, feature) in enumerate(towns):
        if feature not in CONTAINER_FEATURES:
            continue
        if after is not None and start == after.end():
            return index
        if end <= surface.start and POSSESSIVE_BEFORE.fullmatch(text, end, surface.start):
            return index
    return None


def is_facility_place(place: Place) -> bool:
    """Whether a Place is a building or street placed at its town (see `resolve._place`): it has
    neither a GeoNames id nor a population of its own."""
    return place.feature == "other" and place.geonameid is None and place.population is None
