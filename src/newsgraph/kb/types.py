"""The knowledge base's record types: countries, entries (people, groups, agencies) and roles.

Dates in a role window are half-open: `start` is the first day the role was held and `end` the
first day it no longer was (the successor's first day), so a handover day belongs to the
successor and two holders never overlap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KBRole:
    """A role held over a date window; `None` bounds are open."""

    title: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        """Whether the role was held on `day` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class KBEntry:
    """A named actor or source the knowledge base knows: person, organisation, group, agency."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    code: str | None
    roles: tuple[KBRole, ...]
    is_agency: bool
    source: str

    def role_on(self, day: dt.date | None) -> KBRole | None:
        """The role held on `day`, PETRARCH's rule: the first listed dated role that covers the
        day, else an undated (default) role, else None. Without a day: the current role (open
        end, latest start)."""
        if not self.roles:
            return None
        if day is None:
            current = [r for r in self.roles if r.end is None]
            pool = current or list(self.roles)
            return max(pool, key=_latest_key)
        matching = [r for r in self.roles if r.holds_on(day)]
        return next((r for r in matching if r.dated), matching[0] if matching else None)


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory with its names, demonyms, capital and metonymic seats of power."""

    iso3: str
    iso2: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    lat: float
    lon: float
    seats: tuple[str, ...]


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else 0


def _latest_key(role: KBRole) -> tuple[int, int]:
    end = role.end.toordinal() if role.end is not None else dt.date.max.toordinal()
    return (end, _ordinal(role.start))
