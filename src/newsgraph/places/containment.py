"""Which place holds which: "Paris, Texas" (a town and its state), "Knockhill, Fife" (a venue
and its county). A qualifier after a comma picks the town; a town before a comma makes the
division after it a place too."""

from __future__ import annotations

import re

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.geo import haversine_km
from newsgraph.places.surface import CAPITAL, Surface

CONTAINER_FEATURES = ("country", "admin1", "other")
"""Features of a place named after a comma to say where a town is."""
COUNTY_RADIUS_KM = 60.0
"""A town this close to a county's centre counts as inside it (towns carry no county code)."""
NAME_BEFORE_COMMA = re.compile(rf"([{CAPITAL}][\w'’.-]*(?:\s+[{CAPITAL}][\w'’.-]*){{0,2}}),\s*$")
"""A capitalised name right before the comma in front of a mention: "Silverstone, "."""


def qualifier_entries(gazetteer: Gazetteer, surface: Surface) -> list[GazetteerEntry]:
    """Countries, divisions or counties named after a comma behind the mention ("Paris, Texas")."""
    return qualifier_entries_of(gazetteer, surface.qualifier_keys)


def qualifier_entries_of(gazetteer: Gazetteer, keys: tuple[str, ...]) -> list[GazetteerEntry]:
    """`qualifier_entries` of a mention whose `qualifier_keys` are `keys`."""
    for key in keys:
        entries = [e for e in gazetteer.lookup_key(key) if e.feature in CONTAINER_FEATURES]
        if entries:
            return entries
    return []


def within(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """True when `container` (a country, division or county) holds `entry`."""
    if entry.row == container.row or entry.country != container.country:
        return False
    if container.feature == "country":
        return True
    if container.feature == "other":
        return distance_km(entry, container) <= COUNTY_RADIUS_KM
    return container.feature == "admin1" and entry.admin1 == container.admin1


def follows_member(
    text: str, gazetteer: Gazetteer, surface: Surface, entry: GazetteerEntry
) -> bool:
    """Whether a division or county comes right after a place inside it ("Croft, Yorkshire")."""
    if entry.feature not in ("admin1", "other"):
        return False
    match = NAME_BEFORE_COMMA.search(text, max(0, surface.start - 50), surface.start)
    if match is None:
        return False
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        key = normalize_key(" ".join(words[-size:]))
        if any(within(member, entry) for member in gazetteer.lookup_key(key)):
            return True
    return False


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance between two places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
