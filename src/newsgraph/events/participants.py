"""Bridges to the actors and places stages.

`participants_for` turns a phrase span into coded participants (through
`newsgraph.actors.participants_in`); a headline re-parsed on its own first finds the names in
its own parse, then has actors code each one. `location_for` asks `newsgraph.places`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.actors import is_time_phrase, participants_in
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis, EventLocation, Participant
from newsgraph.places import locate_event

ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
NAMED_LABELS = frozenset({"PERSON", "ORG"})
RESOLVABLE_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
PRONOUN_WINDOW = 600  # characters to look back for a pronoun's antecedent (about two sentences)


def _fallback(
    analysis: Analysis,
    start: int,
    end: int,
    head: int | None = None,
    doc: Any = None,
    offset: int = 0,
) -> list[Participant]:
    """Entities (from the actors stage's records) or spaCy names inside the span.

    A phrase like "Kenya's president, William Ruto" names one actor: when it holds a
    person or organisation name, the country words that qualify it are not actors of their own.
    """
    found: list[Participant] = []
    seen: set[str] = set()
    for entity in analysis.entities:
        if entity.is_source_agency or entity.id in seen:
            continue
        for mention in entity.mentions:
            if mention.kind != "nested" and start <= mention.start and mention.end <= end:
                found.append(
                    Participant(
                        entity.id,
                        mention.start,
                        mention.end,
                        entity.country,
                        entity.sector,
                        entity.code,
                    )
                )
                seen.add(entity.id)
                break
    if found:
        return found
    doc = analysis.doc if doc is None else doc  # a re-cased headline has its own small Doc
    if doc is None:
        return []
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    ents = [e for e in span.ents if e.label_ in ACTOR_ENT_LABELS] if span is not None else []
    if head is not None:
        at_head = [e for e in ents if e.start_char <= head - offset < e.end_char]
        if at_head:
            return [Participant(None, e.start_char + offset, e.end_char + offset) for e in at_head]
        token = doc.char_span(head - offset, head - offset + 1, alignment_mode="expand")
        if token is not None and token[0].pos_ == "PROPN":
            # An unrecognised name ("HTS, an offshoot of al-Qaeda") is itself the actor.
            word = token[0]
            name = sorted(
                [c for c in word.children if c.dep_ == "compound"] + [word], key=lambda t: t.i
            )
            return [
                Participant(None, name[0].idx + offset, name[-1].idx + len(name[-1].text) + offset)
            ]
    named = [e for e in ents if e.label_ in NAMED_LABELS]
    return [Participant(None, e.start_char + offset, e.end_char + offset) for e in (named or ents)]


def _is_excluded(analysis: Analysis, start: int, end: int) -> bool:
    """A span naming a news/photo agency or the article's author is never an actor."""
    authors, agencies = _exclusions(analysis)
    if authors:
        phrase = analysis.text[start:end].lower()
        if any(author in phrase or phrase in author for author in authors):
            return True
    return bool(agencies) and any(m_start < end and start < m_end for m_start, m_end in agencies)


AGENCY_KEY = "newsgraph.events.agency_mentions"


def _exclusions(analysis: Analysis) -> tuple[list[str], list[tuple[int, int]]]:
    """The article's authors (lower-cased) and the spans of the news agencies' mentions, read
    once per document (entities are final once the actors stage is done), kept with the Doc as
    the actors' mention index is."""
    store = analysis.doc.user_data if analysis.doc is not None else {}
    cached = store.get(AGENCY_KEY)
    entities = analysis.entities
    if cached is None or cached[0] is not entities or cached[1] != len(entities):
        spans = [(m.start, m.end) for e in entities if e.is_source_agency for m in e.mentions]
        authors = [author.lower() for author in analysis.document.authors]
        cached = store[AGENCY_KEY] = (entities, len(entities), authors, spans)
    return cached[2], cached[3]


def participants_for(
    analysis: Analysis,
    start: int,
    end: int,
    head: int | None = None,
    doc: Any = None,
    offset: int = 0,
    *,
    kb: KnowledgeBase | None = None,
) -> list[Participant]:
    """Coded participants for a phrase (head: offset of its head word); an uncoded phrase stays
    as itself with entity None, so "rebel commanders" still names who acted. `kb` is the events
    stage's knowledge base (the built-in one if None)."""
    if _is_excluded(analysis, start, end):
        return []
    if doc is not None:
        # A re-parsed headline: find the names in its own parse, then let actors code each one.
        found: list[Participant] = []
        for p in _fallback(analysis, start, end, head, doc, offset):
            coded = []
            if p.entity is None:
                coded = participants_in(analysis, p.start, p.end, kb)
            found.extend(_by_name(analysis, c) for c in (coded or [p]))
    else:
        found = participants_in(analysis, start, end, kb)
        if len(found) == 1 and found[0].entity is None and found[0].country is None:
            # A phrase without a country keeps its whole noun phrase ("activists from the Fatah
            # party") and whatever coding it has ("rebel commanders" REB, a group of states).
            only = found[0]
            found = [Participant(None, start, end, None, only.sector, only.code)]
    parsed = analysis.doc if doc is None else doc
    if (
        parsed is not None
        and all(p.entity is None and p.code is None for p in found)
        and is_time_phrase(parsed, start - offset, end - offset)
    ):
        return []  # "weeks", "the weekend": a time, never an actor
    return [_placed(analysis, p) for p in found] or [Participant(None, start, end)]


def _by_name(analysis: Analysis, participant: Participant) -> Participant:
    """An uncoded name that is spelled like a known entity's name or alias is that entity."""
    if participant.entity is not None or participant.country is not None:
        return participant
    text = analysis.text[participant.start : participant.end].lower()
    for entity in analysis.entities:
        names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
        if text in names and not entity.is_source_agency:
            return Participant(
                entity.id,
                participant.start,
                participant.end,
                entity.country,
                entity.sector,
                entity.code,
            )
    return participant


def _placed(analysis: Analysis, participant: Participant) -> Participant:
    """An uncoded place name ("visited Ankara") stands for its country (PLOVER codes the host
    of a visit by the country of the place visited)."""
    if participant.country is not None or participant.entity is not None:
        return participant
    for place in analysis.places:
        if place.country and place.start < participant.end and participant.start < place.end:
            return replace(participant, country=place.country, code=place.country)
    return participant


def antecedent(analysis: Analysis, pronoun: Any) -> tuple[int, int] | None:
    """The nearest preceding person name for "he"/"she" (a stand-in until coreference lands)."""
    if pronoun.lower_ not in RESOLVABLE_PRONOUNS or analysis.doc is None:
        return None
    floor = pronoun.idx - PRONOUN_WINDOW
    doc = analysis.doc
    for token in reversed(doc[max(0, pronoun.i - PRONOUN_WINDOW // 4) : pronoun.i]):
        # Prefer the last name that was a main-clause subject: "Erdogan said ... He urged ...".
        if token.idx < floor:
            break
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.pos_ == "PROPN":
            for ent in doc.ents:
                if ent.start <= token.i < ent.end:
                    return (ent.start_char, ent.end_char)
            return (token.idx, token.idx + len(token.text))
    best: tuple[int, int] | None = None
    for entity in analysis.entities:
        if entity.type != "PERSON" or entity.is_source_agency:
            continue
        for m in entity.mentions:
            if (
                floor <= m.start
                and m.end <= pronoun.idx
                and m.kind in ("name", "alias")
                and (best is None or m.start > best[0])
            ):
                best = (m.start, m.end)
    if best is not None:
        return best
    for ent in doc.ents:
        if ent.label_ == "PERSON" and floor <= ent.start_char and ent.end_char <= pronoun.idx:
            best = (ent.start_char, ent.end_char)
    return best


def location_for(
    analysis: Analysis,
    trigger: tuple[int, int],
    sentence: tuple[int, int],
    event_type: str | None = None,
    sides: tuple[list[Participant], list[Participant]] = ([], []),
) -> EventLocation | None:
    """Where the event happened (`newsgraph.places.locate_event`): its type and its
    (actors, recipients) keep a targeted act from being placed in its target's country."""
    return locate_event(
        analysis, trigger[0], trigger[1], sentence[0], sentence[1], event_type, *sides
    )
