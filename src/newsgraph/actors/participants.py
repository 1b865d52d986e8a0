"""The actors a span of text refers to, coded for an event's actor or recipient slot.

The events stage hands over a span (a verb's subject subtree, an object). We read the span's
heads from the parse: coordinated heads are separate participants ("Syria and Turkey"); a head
inside an entity mention is that entity (a country or capital acting stands for its government);
a head that is a role noun is coded from its modifiers ("a Turkish presidential spokesman",
"rebel commanders", "Russia's foreign ministry"); a plural "countries" with group adjectives is
one group participant ("Arab and Muslim countries" → code ARBMOSGOV: the CAMEO region/identity
codes of the adjectives, in text order, then GOV; no country). News agencies are never actors.
"""

from __future__ import annotations

from typing import Any

from newsgraph.actors.coding import compose_code
from newsgraph.actors.lexicon import lexicon
from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.model import Analysis, Entity, Participant

GROUP_SECTOR = "GOV"
"""Sector of a group of states ("Arab countries" act through their governments)."""

STATE_CODINGS = frozenset({"country", "capital", "metonym"})
"""Entity codings of places that stand for their government when they act."""

_ACTIVE_KB: list[KnowledgeBase] = []


def use_kb(kb: KnowledgeBase) -> None:
    """Remember the knowledge base the actors stage loaded, for later `participants_in` calls."""
    _ACTIVE_KB[:] = [kb]


def _kb() -> KnowledgeBase:
    return _ACTIVE_KB[0] if _ACTIVE_KB else load_kb()


def _for_entity(entity: Entity, start: int, end: int) -> Participant:
    if entity.coding_source in STATE_CODINGS and entity.country:
        return Participant(entity.id, start, end, entity.country, "GOV", entity.country + "GOV")
    return Participant(entity.id, start, end, entity.country, entity.sector, entity.code)


def _mention_at(analysis: Analysis, token: Any) -> tuple[Entity, int, int] | None:
    for entity in analysis.entities:
        for m in entity.mentions:
            if m.start <= token.idx < m.end:
                return entity, m.start, m.end
    return None


def _heads(span: Any) -> list[Any]:
    """Tokens of the span governed from outside it, plus their coordinated conjuncts."""
    inside = range(span.start, span.end)
    heads = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    result: list[Any] = []
    for head in heads:
        for token in [head, *head.conjuncts]:
            if token.i in inside and token not in result:
                result.append(token)
    return sorted(result, key=lambda t: t.i)


def _group(head: Any) -> Participant | None:
    if head.lower_ not in lexicon().group_heads:
        return None
    words = lexicon().group_words
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "nmod"}]
    modifiers += [c for m in modifiers for c in m.conjuncts]
    codes = [words[m.lower_] for m in sorted(modifiers, key=lambda t: t.i) if m.lower_ in words]
    if not codes:
        return None
    start = min(m.idx for m in modifiers)
    return Participant(
        None, start, head.idx + len(head), None, GROUP_SECTOR, "".join(codes) + GROUP_SECTOR
    )


def _role(analysis: Analysis, head: Any, kb: KnowledgeBase) -> Participant | None:
    """A role noun coded from its modifiers: demonym or possessive country, sector words."""
    country = None
    modifiers: list[Any] = []
    role_words: list[str] = []
    for child in sorted(head.children, key=lambda t: t.i):
        if child.i > head.i or child.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        modifiers.append(child)
        found = kb.country_by_demonym(child.text)
        if found is None and child.dep_ == "poss":
            mention = _mention_at(analysis, child)
            if mention is not None and mention[0].country:
                found = kb.country(mention[0].country)
        if found is not None:
            country = found.iso3
        else:
            role_words.append(child.lower_)
    phrase = " ".join([*role_words, head.lower_])
    words = lexicon().role_heads | lexicon().org_sector_words
    sector = kb.sector_for_role(phrase) or words.get(phrase) or words.get(head.lower_)
    sector = sector or (words.get(head.lemma_.lower()) if head.lemma_ else None)
    if sector is None and country is None:
        return None
    if sector is None:
        sector = (
            "GOV" if head.lower_ in {"officials", "official", "government", "authorities"} else None
        )
    start = min([head.idx] + [m.idx for m in modifiers])
    return Participant(
        None, start, head.idx + len(head), country, sector, compose_code(country, sector)
    )


def _named_next(analysis: Analysis, head: Any, span: Any) -> Participant | None:
    """A label noun right before a name stands for it ("NATO member Turkey", "rapper Drake")."""
    following = head.i + 1
    if following >= span.end or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    mention = _mention_at(analysis, head.doc[following])
    if mention is None or mention[0].is_source_agency:
        return None
    return _for_entity(*mention)


def participants_in(analysis: Analysis, start: int, end: int) -> list[Participant]:
    """The actors the text span [start, end) refers to, one per coordinated member."""
    doc = analysis.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return []
    kb = _kb()
    found: list[Participant] = []
    seen: set[str] = set()
    for head in _heads(span):
        mention = _mention_at(analysis, head)
        participant: Participant | None
        if mention is not None:
            entity, m_start, m_end = mention
            if entity.is_source_agency or entity.id in seen:
                continue
            seen.add(entity.id)
            participant = _for_entity(entity, m_start, m_end)
        else:
            participant = (
                _group(head) or _role(analysis, head, kb) or _named_next(analysis, head, span)
            )
            if participant is not None and participant.entity is not None:
                if participant.entity in seen:
                    continue
                seen.add(participant.entity)
        if participant is not None:
            found.append(participant)
    if found:
        return found
    return _fallback(analysis, start, end)


def _fallback(analysis: Analysis, start: int, end: int) -> list[Participant]:
    """No head was an actor: every entity mentioned in the span, first mention first."""
    hits = sorted(
        (m.start, m.end, e)
        for e in analysis.entities
        if not e.is_source_agency
        for m in e.mentions
        if start <= m.start and m.end <= end
    )
    result: list[Participant] = []
    seen: set[str] = set()
    for m_start, m_end, entity in hits:
        if entity.id not in seen:
            seen.add(entity.id)
            result.append(_for_entity(entity, m_start, m_end))
    return result
