"""Actor coding: country (ISO alpha-3), PLOVER sector and a CAMEO-style code for each entity.

Evidence is ranked: a role the article states beats the knowledge base (the article knows who
was "interim president" on its date; a dictionary may be stale), the knowledge base's role on the
publication date beats its undated default, and a name's own words (a demonym, "ministry")
come last. `Entity.coding_source` records which one decided.
"""

from __future__ import annotations

import datetime as dt
import re
from operator import itemgetter
from typing import Literal, TypeVar

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.resolve import Cluster
from newsgraph.actors.roles import TextRole
from newsgraph.kb import KnowledgeBase
from newsgraph.kb.codes import country_and_sector
from newsgraph.model import Entity, Role

T = TypeVar("T")

NON_STATE_BODY = "NGO"
"""Country-level code (PLOVER Table 5.1) of a named association, committee or forum no knowledge-base entry or country claims:
bodies the knowledge base does not list as intergovernmental are coded non-governmental."""


def compose_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style concatenation: SYR + GOV → SYRGOV, UNO + GOV → UNOGOV; a country-level code
    found in the sector slot counts as the country (PLOVER Table 5.1)."""
    country, sector = country_and_sector(country, sector)
    if country and sector:
        return country + sector
    return country or sector


def _entry_code(code: str | None, country: str | None, sector: str | None) -> str | None:
    """A knowledge-base code, unless it contradicts the entry's country (CAMEO's "IGOUNO" for a
    UN body whose country is UNO): the code then is the country and sector composed."""
    if code and (country is None or code.upper().startswith(country)):
        return code
    return compose_code(country, sector)


def _current_text_role(roles: list[TextRole]) -> tuple[str | None, str | None, str | None] | None:
    """The (country, sector, organisation code) most text roles agree on, preferring present
    over former roles."""
    present = [r for r in roles if not r.past and r.sector] or [r for r in roles if r.sector]
    if not present:
        return None
    with_country = [(r.country, r.sector, r.code) for r in present if r.country]
    if with_country:
        return _most_common(with_country)
    return None, _most_common([r.sector for r in present]), None


def _most_common(values: list[T]) -> T:
    """`Counter(values).most_common(1)[0][0]`, the first seen of equals, without building a
    Counter (this runs for every person the text gives a role)."""
    if len(values) == 1:
        return values[0]
    counts: dict[T, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts.items(), key=itemgetter(1))[0]


def _is_agency(entity: Entity, cluster: Cluster, kb: KnowledgeBase) -> bool:
    if cluster.kb is not None and cluster.kb.is_agency:
        return True
    if kb.is_news_agency(entity.name):
        return True
    # most entities have no alias: no generator is made for them
    return bool(entity.aliases) and any(kb.is_news_agency(name) for name in entity.aliases)


def kb_source(entry_source: str) -> Literal["kb", "dictionary", "user"]:
    """Where a knowledge-base entry came from, as the record says it: the built-in data ("kb"),
    an imported PETRARCH/TABARI dictionary ("dictionary") or a user's own file ("user")."""
    if entry_source.startswith("petrarch:"):
        return "dictionary"
    if entry_source.startswith("user:"):
        return "user"
    return "kb"


def _code_person(
    entity: Entity, cluster: Cluster, roles: list[TextRole], published: dt.date | None
) -> None:
    entry = cluster.kb
    kb_role = entry.role_on(published) if entry is not None else None
    kb_country = (kb_role.country if kb_role else None) or (entry.country if entry else None)
    kb_sector = (kb_role.sector if kb_role else None) or (entry.sector if entry else None)
    kb_country, kb_sector = country_and_sector(kb_country, kb_sector)
    stated = _current_text_role(roles)
    if stated is not None:
        entity.country = stated[0] or kb_country
        entity.sector = stated[1] or kb_sector
        entity.coding_source = "text"
        if stated[2] is not None:  # an organisation's official carries its code ("IGOUNO")
            entity.code = stated[2]
            return
    elif entry is not None and (kb_country or kb_sector):
        entity.country, entity.sector = kb_country, kb_sector
        entity.coding_source = kb_source(entry.source)
    else:
        entity.country = next((r.country for r in roles if r.country), None)
        entity.coding_source = "text" if entity.country else None
    entity.code = compose_code(entity.country, entity.sector)


def _code_named_group(entity: Entity, kb: KnowledgeBase) -> None:
    """An organisation the KB does not know: a country or demonym in its name, a sector word."""
    words = entity.name.split()
    for word in words:
        country = kb.country_by_demonym(word) or kb.country_by_name(word.rstrip("'’s"))
        if country is not None:
            entity.country = country.iso3
            break
    lowered = entity.name.lower()
    lowered_words = set(lowered.split())  # split once, not once per sector word
    for word, sector in lexicon().org_sector_words.items():
        if word in lowered_words or (" " in word and word in lowered):
            entity.sector = sector
            break
    civil = lexicon().civil_body_words
    if entity.country is None and entity.sector is None and any(w.lower() in civil for w in words):
        entity.country = NON_STATE_BODY  # "Association of African Jurists", "Water Forum"
    if entity.country or entity.sector:
        entity.coding_source = "text"
        entity.code = compose_code(entity.country, entity.sector)


REBEL_BEFORE = re.compile(
    r"\b(?:rebels?|insurgents?|militants?|guerrillas?|separatists?|armed\s+groups?)"
    r"(?:\s+(?:forces?|fighters?|units?|group|movement|of|the))*\s*$",
    re.IGNORECASE,
)
"""A named force the text calls rebels just before its name ("Rebel forces of the X Army",
"the insurgent X Front")."""

REBEL_AFTER = re.compile(
    r"^\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:rebel|insurgent|militant|guerrilla|separatist|armed)\b",
    re.IGNORECASE,
)
"""... or in apposition after it ("the X Army, an ethnic rebel group")."""


def rebel_force(text: str, entity: Entity) -> bool:
    """A named armed body the article itself calls a rebel force: armed opposition is REB,
    whatever the word "Army" or "Forces" in its name suggests (PLOVER 5.2.1 note 3)."""
    for m in entity.mentions:
        if REBEL_BEFORE.search(text[max(0, m.start - 40) : m.start]):
            return True
        if REBEL_AFTER.match(text[m.end : m.end + 60]):
            return True
    return False


def _code_place(entity: Entity, kb: KnowledgeBase) -> None:
    country = kb.country_by_name(entity.name)
    if country is not None:
        entity.country, entity.code, entity.coding_source = country.iso3, country.iso3, "country"
        return
    seat = kb.country_by_capital(entity.name)
    if seat is not None:
        # Keep the sector empty: a capital is the government only where it acts (metonymy).
        entity.country, entity.coding_source = seat.iso3, "capital"


def code_entity(
    entity: Entity,
    cluster: Cluster,
    roles: list[TextRole],
    kb: KnowledgeBase,
    published: dt.date | None,
) -> None:
    """Fill country, sector, code, coding_source, roles and is_source_agency of one entity."""
    entry = cluster.kb
    entity.roles = [Role(r.title, r.country, r.sector, source="text") for r in roles]
    if entry is not None:
        entity.kb_id = entry.id
        entity.roles += [
            Role(r.title, r.country, r.sector, r.start, r.end, kb_source(entry.source))
            for r in entry.roles
        ]
    if _is_agency(entity, cluster, kb):
        entity.is_source_agency = True
        entity.coding_source = "kb"
        return
    if entity.type == "PERSON":
        _code_person(entity, cluster, roles, published)
        return
    if entry is not None and (entry.code or entry.country or entry.sector):
        # a group whose status changed is coded by its role on the day (the Taliban REB
        # before 2021-08-15, the RSF PRM before 2023-04-15); an undated text takes the entry's
        role = entry.role_on(published) if entry.roles and published is not None else None
        held = (
            (role.country if role else None) or entry.country,
            (role.sector if role else None) or entry.sector,
        )
        entity.country, entity.sector = country_and_sector(*held)
        same = held == (entry.country, entry.sector)
        entity.code = _entry_code(entry.code if same else None, entity.country, entity.sector)
        entity.coding_source = kb_source(entry.source)
        return
    if entity.type in {"GPE", "LOC", "FAC"}:
        _code_place(entity, kb)
    elif entity.type == "NORP":
        # "Bosnian Serbs": the whole name, else its first word that is a demonym
        nation = kb.country_by_demonym(entity.name) or next(
            (c for w in entity.name.split() if (c := kb.country_by_demonym(w)) is not None), None
        )
        if nation is not None:
            entity.country, entity.coding_source = nation.iso3, "demonym"
            entity.code = nation.iso3
    elif entity.type == "ORG":
        _code_place(entity, kb)  # "Minsk" read as a group is still Belarus's capital
        if entity.coding_source is None:
            _code_named_group(entity, kb)
