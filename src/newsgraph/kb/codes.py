"""PLOVER's code conventions: what may stand in a country field, and what is a sector.

A country field or column holds an ISO 3166 alpha-3 code or one of PLOVER's country-level
codes for actors that belong to no state (IGO, UNO, EUR, NGO, ...). Sector codes (GOV, MIL,
EDU, UAF, LAB, ...) go in the sector field only; a code made of sectors alone has no country.
"""

from __future__ import annotations

from newsgraph.kb.loader import load_kb

TRANSNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
"""PLOVER's non-state "country" codes (Table 5.1): they go in the country field, never in the
sector field, and an actor code begins with them as with a state's code (UNOGOV, IGOMIL)."""

INTERGOVERNMENTAL = frozenset({"IGO", "UNO", "EUR"})
"""The country-level codes of intergovernmental bodies: their officials are international
civil servants, who keep their own title's sector (the head of a UN agency is GOV, not the
sector of a UN peacekeeping force)."""


def country_and_sector(country: str | None, sector: str | None) -> tuple[str | None, str | None]:
    """Move a country-level code that arrived in the sector slot (an older knowledge-base file,
    a user's dictionary: sector "IGO") to the country slot: ("UNO", "IGO") -> ("UNO", None),
    (None, "NGO") -> ("NGO", None)."""
    if sector is not None and sector.upper() in TRANSNATIONAL:
        return country or sector.upper(), None
    return country, sector


def is_country_code(value: str | None) -> bool:
    """A value that may stand in a country field or column: an ISO 3166 alpha-3 code the
    knowledge base knows, or one of PLOVER's country-level codes (IGO, UNO, EUR, NGO, ...).
    A sector (GOV, EDU, UAF, LAB, ...) never is."""
    if not value or len(value) != 3:
        return False
    value = value.upper()
    return value in TRANSNATIONAL or load_kb().country(value) is not None


def country_of_code(code: str | None) -> str | None:
    """The country a CAMEO-style code begins with (TURGOV -> TUR, IGOUNO -> IGO), or None for
    a code that begins with a sector (UAF, EDUSTU): sector-only codes have no country."""
    head = (code or "")[:3].upper()
    return head if is_country_code(head) else None
