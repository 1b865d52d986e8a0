"""The document's own country: what "the government", "police" or "President Mwanawasa" belong
to when the sentence itself names no country.

Two kinds of evidence, in order:

1. the **dateline** ("BAKU, Oct 3 (Wire) -"): where the story was filed;
2. the **dominant country**: the one the text names (country names, demonyms, capitals and
   seats of power, places of one country) strictly more often than any other.

Nothing is guessed: a story that names two countries equally often has no context country, and
an actor then keeps an empty country. Only actors that belong to a state (a sector that is not
one of PLOVER's transnational codes) take the context country; a role noun's own modifiers
("Romanian police") and the knowledge base always come first, because coding runs before this.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Literal

from newsgraph.actors.coding import compose_code
from newsgraph.annotate import parsed_doc
from newsgraph.gazetteer import load_gazetteer
from newsgraph.kb import KnowledgeBase
from newsgraph.kb.codes import TRANSNATIONAL
from newsgraph.model import Analysis, Entity, Participant

ContextSource = Literal["dateline", "document"]

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_TYPES = frozenset({"PERSON", "ORG"})
"""Entities that act; places and peoples are coded by their own names."""
"""spaCy labels whose words can name a country (a place, a demonym)."""


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The country the document is about and why."""

    country: str
    source: ContextSource
    evidence: str
    """What settled it: the dateline's words, or the names counted ("Zambian ×1, Lusaka ×2")."""


def _country_of_name(name: str, kb: KnowledgeBase) -> str | None:
    name = name.strip().removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
    if not name:
        return None
    found = kb.country_by_name(name) or kb.country_by_demonym(name) or kb.country_by_capital(name)
    if found is None and " " in name:
        # "Iraqi Kurds", "Bosnian Serbs": the first word is the demonym
        found = kb.country_by_demonym(name.split()[0])
    return found.iso3 if found is not None else _country_of_place(name)


TOWN_POPULATION = 100_000
"""A place name counts for its country only if it names a town this large ("Kirkuk", "Abidjan")."""

DOMINANCE = 5
"""... and no same-named place of another country is more than a fifth as large ("Paris")."""


def _country_of_place(name: str) -> str | None:
    entries = sorted(load_gazetteer().lookup(name), key=lambda e: -e.population)
    if not entries or entries[0].country is None or entries[0].population < TOWN_POPULATION:
        return None
    top = entries[0]
    rivals = [e for e in entries[1:] if e.country != top.country]
    if any(e.population * DOMINANCE > top.population for e in rivals):
        return None
    return top.country


def _dateline(analysis: Analysis, kb: KnowledgeBase) -> CountryContext | None:
    span = analysis.document.dateline
    if span is None:
        return None
    words = analysis.text[span.start : span.end]
    # "TBILISI, Georgia (AP) —": the country after the comma names it; else the city
    head = words.split("(")[0].strip(" \t—–-:")
    parts = [p.strip() for p in head.split(",") if p.strip()]
    for part in reversed(parts):
        country = _country_of_name(part.title() if part.isupper() else part, kb)
        if country is not None:
            return CountryContext(country, "dateline", words.strip())
    return None


ELSEWHERE = frozenset({"to", "into", "toward", "towards", "against"})
"""Prepositions that name another country than the story's: where someone goes or is sent
("fled to Minsk", "sent back to Bulgaria"), whom an act targets ("sanctions against Nigeria")."""


def _elsewhere(ent: Any) -> bool:
    head = ent.root.head
    return bool(ent.root.dep_ == "pobj" and head.lower_ in ELSEWHERE)


def _people_noun(span: Any, people: bool) -> bool:
    """ "(ethnic) Hungarians" names a people wherever they live; only "Hungarian" as a modifier
    ("the Hungarian police", "Iraqi Kurds") places the story."""
    return bool(people and len(span) == 1 and span.root.dep_ not in {"amod", "compound"})


def _named_places(analysis: Analysis, entities: list[Entity], kb: KnowledgeBase) -> list[Any]:
    """(span, country, is a people) for every place and people the text names: the actor stage's own place
    entities (the small model mislabels "Yerevan" or "Baku"), then spaCy's remaining place and
    demonym names ("Azerbaijani troops": a modifier, no entity of its own)."""
    doc = parsed_doc(analysis, "actors")
    found: list[Any] = []
    taken: list[tuple[int, int]] = []
    for entity in entities:
        if entity.type not in PLACE_TYPES | {"NORP"}:
            continue
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            country = entity.country or _country_of_name(entity.name, kb)
            if span is not None and len(span) and country is not None:
                found.append((span, country, entity.type == "NORP"))
                taken.append((m.start, m.end))
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        country = _country_of_name(ent.text, kb)
        if country is not None:
            found.append((ent, country, ent.label_ == "NORP"))
    return found


def find_context(
    analysis: Analysis, entities: list[Entity], kb: KnowledgeBase
) -> CountryContext | None:
    """The dateline's country, else the one country the text names most, else None."""
    dated = _dateline(analysis, kb)
    if dated is not None:
        return dated
    if analysis.doc is None:
        return None
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for span, country, people in _named_places(analysis, entities, kb):
        if _elsewhere(span) or _people_noun(span, people):
            continue
        counts[country] += 1
        names.setdefault(country, Counter())[span.text] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    country = ranked[0][0]
    evidence = ", ".join(f"{name} ×{n}" for name, n in names[country].most_common())
    return CountryContext(country, "document", evidence)


def _bare(code: str | None, sector: str | None) -> bool:
    """The code says no more than the sector (an organisation's own code, "ISMREB", is kept)."""
    return code is None or code == sector


def belongs_to_a_state(sector: str | None) -> bool:
    """A sector of a state's own actors (GOV, MIL, CVL, REB, ...) or none at all (a private
    person, a local body), not a transnational code."""
    return sector not in TRANSNATIONAL


def code_entities(
    analysis: Analysis, entities: list[Entity], context: CountryContext | None
) -> None:
    """Give countryless people and organisations the context country (coding_source says
    which), except an organisation the text places itself ("the Defence Ministry in Yerevan"):
    its participants read that place first."""
    if context is None:
        return
    for entity in entities:
        if (
            entity.type in ACTOR_TYPES
            and entity.country is None
            and entity.kb_id is None
            and not entity.is_source_agency
            and _bare(entity.code, entity.sector)
            and belongs_to_a_state(entity.sector)
            and not (entity.type == "ORG" and _placed(analysis.text, entity))
        ):
            entity.country = context.country
            entity.code = compose_code(entity.country, entity.sector)
            entity.coding_source = context.source


_PLACED = re.compile(r"\s+(?:in|of|from)\s+(?:the\s+)?[A-Z]")
"""A name followed by its own place: "Defence Ministry in Yerevan", "police of Mosul"."""


def _placed(text: str, entity: Entity) -> bool:
    return any(_PLACED.match(text, m.end) for m in entity.mentions)


def code_participants(analysis: Analysis, participants: list[Participant]) -> list[Participant]:
    """The same rule for an event's participants ("police", "the workers"); each one whose
    country is the document's says so in `country_source`."""
    context = analysis.country_context
    if context is None:
        return participants
    result: list[Participant] = []
    for p in participants:
        entity = analysis.entity(p.entity) if p.entity else None
        if entity is not None and entity.type in PLACE_TYPES:
            pass  # a place is coded by its own name ("Goma" is not the story's country's)
        elif entity is not None and entity.coding_source in CONTEXT_SOURCES:
            p = replace(p, country_source=entity.coding_source)
        elif p.country is None and belongs_to_a_state(p.sector) and _bare(p.code, p.sector):
            code = compose_code(context.country, p.sector)
            p = replace(p, country=context.country, code=code, country_source=context.source)
        result.append(p)
    return result


CONTEXT_SOURCES = frozenset({"dateline", "document"})
