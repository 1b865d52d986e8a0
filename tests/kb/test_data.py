"""Integrity checks on the built-in data files: codes, sectors and date windows are well-formed."""

from __future__ import annotations

import itertools

from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.kb.loader import _builtin, build_kb
from newsgraph.kb.petrarch import SECTOR_CODES

NON_STATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"}
ENTRY_SECTORS = SECTOR_CODES
"""PLOVER's country-level codes (IGO, UNO, EUR, NGO, ...) are never sectors."""


def test_entry_countries_and_sectors_are_known_codes(kb: KnowledgeBase) -> None:
    iso3 = {c.iso3 for c in kb.countries}
    for entry in kb.entries:
        assert entry.country is None or entry.country in iso3 | NON_STATE, entry.id
        assert entry.sector is None or entry.sector in ENTRY_SECTORS, entry.id
        for role in entry.roles:
            assert role.country is None or role.country in iso3 | NON_STATE, entry.id
            assert role.sector is None or role.sector in ENTRY_SECTORS, entry.id


def test_role_windows_are_ordered_and_do_not_overlap(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        dated = sorted(
            (r for r in entry.roles if r.start is not None),
            key=lambda r: r.start or r.end,  # type: ignore[return-value,arg-type]
        )
        for role in entry.roles:
            if role.start and role.end:
                assert role.start < role.end, entry.id
        for earlier, later in itertools.pairwise(dated):
            if earlier.title == later.title:
                assert earlier.end is not None and earlier.end <= (later.start or earlier.end), (
                    entry.id
                )


def test_entry_ids_are_unique(kb: KnowledgeBase) -> None:
    ids = [e.id for e in kb.entries]
    assert len(ids) == len(set(ids))


def test_load_kb_is_cached() -> None:
    # the build time is measured by benchmarks/bench_load.py (a budget, not a flaky assertion)
    assert load_kb() is load_kb()
    assert len(build_kb([_builtin()]).entries) == len(load_kb().entries)


def test_entry_codes_begin_with_their_country(kb: KnowledgeBase) -> None:
    """A code is the country-level code and the sector (UNOGOV, IGOMIL, SYRREB), so the country
    read back from a code (store columns, exports) is the entry's own country."""
    for entry in kb.entries:
        if entry.country and entry.code:
            assert entry.code.startswith(entry.country), entry.id
