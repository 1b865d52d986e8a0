"""Correlates of War and Gleditsch–Ward state codes by ISO alpha-3 (kb/data/state_codes.tsv).

Conflict datasets (UCDP, COW, ACLED-derived panels) key countries by these numbers; the exports
write them beside ISO codes so merges need no crosswalk.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

FILE = "data/state_codes.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    text = resources.files("newsgraph.kb").joinpath(FILE).read_text(encoding="utf-8")
    table: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso, cow, gw = line.split("\t")
            table[iso] = (int(cow), int(gw))
    return table


def cow(iso3: str | None) -> int | None:
    """The COW state code of an ISO alpha-3 country, or None."""
    return _table().get(iso3 or "", (None, None))[0]


def gleditsch_ward(iso3: str | None) -> int | None:
    """The Gleditsch–Ward state code of an ISO alpha-3 country, or None."""
    return _table().get(iso3 or "", (None, None))[1]
