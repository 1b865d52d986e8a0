"""Link a speaker phrase to an entity, and a pronoun speaker to the one it stands for.

The actors stage resolves pronoun and nominal mentions to entities; when it has, its answer is
used. Without it, "he"/"she" go to the most recent person who spoke (or, failing that, the nearest
person named before), and "they"/"it" to the most recent institution that spoke or was named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.annotate import doc_text
from newsgraph.model import Entity, Mention, SpeakerRef
from newsgraph.quotes.attribute import phrase_bounds
from newsgraph.quotes.cues import lexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "them"})
SUBJECT_LOOKBACK = 150
"""Tokens searched back from a pronoun for a named subject (about three sentences)."""
PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
NOT_PERSON_LABELS = frozenset({"ORG", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW"})
"""spaCy labels that rule a proper-noun speaker out as a person (GPE is left in: small models
often tag foreign personal names as places)."""


@dataclass(frozen=True, slots=True)
class Spoken:
    """A speaker already resolved, remembered for later pronouns."""

    ref: SpeakerRef
    is_person: bool
    head_lemma: str


def _entity_at(entities: list[Entity], start: int, end: int) -> tuple[Entity, Mention] | None:
    best: tuple[Entity, Mention] | None = None
    for entity in entities:
        if entity.is_source_agency:
            continue
        for mention in entity.mentions:
            inside = mention.kind != "nested" and mention.start <= start and end <= mention.end
            shorter = best is None or mention.end - mention.start < best[1].end - best[1].start
            if inside and shorter:
                best = (entity, mention)
    return best


def _antecedent(entity: Entity, before: int) -> Mention | None:
    named = [m for m in entity.mentions if m.kind not in ("pronoun", "nominal")]
    earlier = [m for m in named if m.start < before]
    if earlier:
        return max(earlier, key=lambda m: m.start)
    return min(named, key=lambda m: m.start) if named else None


def _has_title(head: Any) -> bool:
    """A person title in the head or its name parts ("Mayor Ana Costa", "the spokeswoman")."""
    titles = lexicon().person_titles
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    return any(w.lower_.rstrip(".") in titles for w in words)


def _is_person(head: Any, entity: Entity | None) -> bool:
    if entity is not None:
        return entity.type in PERSON_TYPES
    if _has_title(head):
        return True
    if head.ent_type_:
        return head.ent_type_ not in NOT_PERSON_LABELS
    return bool(head.pos_ == "PROPN")


def _named_subject_before(pronoun: Any, history: list[Spoken]) -> SpeakerRef | None:
    """The nearest earlier subject that is a named person ("Mayor Ana Costa visited ...")."""
    doc = pronoun.doc
    people = {s.ref.text for s in history if s.is_person}
    for token in reversed(doc[max(0, pronoun.i - SUBJECT_LOOKBACK) : pronoun.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN":
            continue
        start, end, _ = phrase_bounds(token)
        name = doc_text(doc)[start:end]
        known = any(name in person or person in name for person in people)
        if token.ent_type_ == "PERSON" or _has_title(token) or known:
            return SpeakerRef(None, name, start, end)
    return None


def _fallback(pronoun: Any, history: list[Spoken]) -> SpeakerRef | None:
    """The nearest named person subject before a he/she, else the most recent compatible
    speaker, else the nearest compatible name before the pronoun."""
    wants_person = pronoun.lower_ in PERSON_PRONOUNS
    if wants_person:
        subject = _named_subject_before(pronoun, history)
        if subject is not None:
            return subject
    for spoken in reversed(history):
        start = spoken.ref.start
        if spoken.is_person == wants_person and start is not None and start < pronoun.idx:
            return spoken.ref
    labels = PERSON_TYPES if wants_person else GROUP_TYPES
    names = [e for e in pronoun.doc.ents if e.label_ in labels and e.end_char <= pronoun.idx]
    if names:
        name = names[-1]
        return SpeakerRef(None, name.text, name.start_char, name.end_char)
    return None


def resolve_speaker(
    doc: Any, bounds: tuple[int, int, int], entities: list[Entity], history: list[Spoken]
) -> Spoken:
    """The speaker reference for a phrase, linked to an entity where one matches."""
    start, end, head_index = bounds
    head = doc[head_index]
    text = doc_text(doc)
    found = _entity_at(entities, head.idx, head.idx + len(head.text))
    if head.pos_ == "PRON":
        if found is not None:
            entity, _ = found
            mention = _antecedent(entity, head.idx)
            if mention is not None:
                ref = SpeakerRef(
                    entity.id, text[mention.start : mention.end], mention.start, mention.end
                )
            else:
                ref = SpeakerRef(entity.id, entity.name, start, end)
            return Spoken(ref, entity.type in PERSON_TYPES, head.lemma_.lower())
        if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            earlier = _fallback(head, history)
            if earlier is not None:
                return Spoken(earlier, head.lower_ in PERSON_PRONOUNS, head.lemma_.lower())
        return Spoken(SpeakerRef(None, text[start:end], start, end), False, head.lemma_.lower())
    entity_id = found[0].id if found is not None else None
    if entity_id is None and head.pos_ == "NOUN":
        # "the ministry" after "Kenya's health ministry": the same speaker, named shorter.
        for spoken in reversed(history):
            if spoken.head_lemma == head.lemma_.lower() and spoken.ref.entity is not None:
                entity_id = spoken.ref.entity
                break
    ref = SpeakerRef(entity_id, text[start:end], start, end)
    return Spoken(ref, _is_person(head, found[0] if found else None), head.lemma_.lower())
