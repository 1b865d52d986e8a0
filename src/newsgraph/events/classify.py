"""From a trigger word's features to a PLOVER type: the one place a classifier can plug in.

`classify` is a lexicon lookup (the most specific matching entry wins). The trained classifier
(`newsgraph.events.classifier`) does not choose the type: measured on the PLOVER gold, letting it
re-rank or drop lexicon types lost hits, so it only sharpens each event's confidence
(`newsgraph.events.confidence`). There is no fallback type: a word the lexicon does not know
yields None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.events.arguments import is_actor_like, shares_passive_subject
from newsgraph.events.lexicon import Entry, load_lexicon

OBJECT_LIKE_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "acomp"})
TIME_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Features:
    """What the classifier sees about one candidate trigger."""

    lemma: str
    is_verb: bool
    particles: frozenset[str] = frozenset()
    objects: dict[str, int] = field(default_factory=dict)
    """Object lemma → token index (objects, passive subjects, prepositional objects)."""
    has_person_object: bool = False
    """Whether the object (or passive subject) names people or a group ("released *prisoners*")."""


@dataclass(frozen=True, slots=True)
class Classification:
    event_type: str
    confidence: float
    entry: Entry
    object_index: int | None = None
    """Token index of the light verb's object that took part in the match ("held *talks*")."""


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _add_object(objects: dict[str, int], noun: Any) -> None:
    """Record an object under its own lemma, its compounds' ("aid deliveries") and, for a
    quantity ("tons of aid", "part of a programme"), its "of" phrase's."""
    objects.setdefault(_lemma(noun), noun.i)
    for child in noun.children:
        if child.dep_ == "compound":
            objects.setdefault(_lemma(child), noun.i)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    objects.setdefault(_lemma(pobj), noun.i)
                    for compound in pobj.children:
                        if compound.dep_ == "compound":
                            objects.setdefault(_lemma(compound), noun.i)


def _conjuncts(noun: Any) -> list[Any]:
    """The noun and the nouns coordinated with it."""
    result = [noun]
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            result.extend(_conjuncts(child))
    return result


def _names_a_time(prep: Any) -> bool:
    """ "on Monday", "for two hours": a preposition whose object is a date or time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_LABELS for c in prep.children)


def is_verb(token: Any) -> bool:
    """A verb by its part of speech or its tag (a headline verb may be tagged VBZ as a noun)."""
    return token.pos_ == "VERB" or str(token.tag_).startswith("VB")


def trigger_features(token: Any) -> Features:
    """The features `classify` reads: all of them for a verb; of a noun only its lemma (the
    noun lexicon is keyed by lemma alone), so a noun's children are not read."""
    if is_verb(token):
        return features_of(token)
    return Features(_lemma(token), False)


def features_of(token: Any) -> Features:
    """Read the trigger lemma, its particles/prepositions and its objects off the parse."""
    verb = is_verb(token)
    particles: set[str] = set()
    objects: dict[str, int] = {}
    for child in token.children:
        if child.dep_ in PARTICLE_DEPS and not _names_a_time(child):
            particles.add(child.lower_)  # "called the raid ... on Monday" is no "call on"
        if child.dep_ in OBJECT_LIKE_DEPS:
            for conjunct in _conjuncts(child):  # "launched artillery and rocket fire"
                _add_object(objects, conjunct)
        if child.dep_ in ("prep", "prt", "agent"):
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "dobj"):
                    _add_object(objects, grandchild)
    if token.dep_ in ("amod", "acl") and token.tag_ == "VBN":
        objects.setdefault(_lemma(token.head), token.head.i)  # "the imposed sanctions"
    patients = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if not patients and shares_passive_subject(token):  # "was charged and released on bail"
        patients = [c for c in token.head.children if c.dep_ == "nsubjpass"]
    if (
        not patients
        and token.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    ):  # a headline's "Activist arrested after ...": the subject suffered the act
        patients = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        patients.append(token.head)
    has_person = any(is_actor_like(p) for p in patients)
    return Features(_lemma(token), verb, frozenset(particles), objects, has_person)


def classify(features: Features) -> Classification | None:
    """The most specific lexicon entry the features satisfy, or None (never a default type)."""
    lexicon = load_lexicon()
    if not features.is_verb:
        nominal = lexicon.nouns.get(features.lemma)
        return Classification(nominal.event_type, nominal.weight, nominal) if nominal else None
    for entry in lexicon.verbs.get(features.lemma, ()):
        if entry.particle is not None and entry.particle not in features.particles:
            continue
        object_index = None
        if entry.needs_person and not features.has_person_object:
            continue
        if entry.objects:
            matched = [features.objects[o] for o in entry.objects if o in features.objects]
            if not matched:
                continue
            object_index = min(matched)
        return Classification(entry.event_type, entry.weight, entry, object_index)
    return None


def classify_complement(token: Any) -> Classification | None:
    """Type of an event a framing verb governs: a verb ("to release") or an event noun ("talks")."""
    result = classify(trigger_features(token))
    if result is not None:
        return result
    if token.pos_ == "NOUN":
        # A deverbal noun ("the release of", "an attack") is read through its verb's bare entry.
        for entry in load_lexicon().verbs.get(_lemma(token), ()):
            if not entry.objects and entry.particle is None:
                return Classification(entry.event_type, entry.weight, entry)
    return None
