"""From a trigger word's features to a PLOVER type: the one place a classifier can plug in.

`classify` is a lexicon lookup (the most specific matching entry wins). The trained classifier
(`newsgraph.events.classifier`) does not choose the type: measured on the PLOVER gold, letting it
re-rank or drop lexicon types lost hits, so it only sharpens each event's confidence
(`newsgraph.events.confidence`). There is no fallback type: a word the lexicon does not know
yields None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.events.arguments import actor_like, shares_passive_subject
from newsgraph.events.classifier.features import Columns, token_columns
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


def _add_object(c: Columns, objects: dict[str, int], noun: int) -> None:
    """Record an object under its own lemma, its compounds' ("aid deliveries") and, for a
    quantity ("tons of aid", "part of a programme"), its "of" phrase's."""
    lemma, dep, children = c.lemma, c.dep, c.children
    objects.setdefault(lemma[noun].lower(), noun)
    for child in children[noun]:
        if dep[child] == "compound":
            objects.setdefault(lemma[child].lower(), noun)
        elif dep[child] == "prep" and c.lower[child] == "of":
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    objects.setdefault(lemma[pobj].lower(), noun)
                    for compound in children[pobj]:
                        if dep[compound] == "compound":
                            objects.setdefault(lemma[compound].lower(), noun)


def _conjuncts(c: Columns, noun: int) -> list[int]:
    """The noun and the nouns coordinated with it."""
    result = [noun]
    for child in c.children[noun]:
        if c.dep[child] == "conj" and c.pos[child] in ("NOUN", "PROPN"):
            result.extend(_conjuncts(c, child))
    return result


def _names_a_time(c: Columns, prep: int) -> bool:
    """ "on Monday", "for two hours": a preposition whose object is a date or time."""
    dep, ent = c.dep, c.ent
    return any(dep[i] == "pobj" and ent[i] in TIME_LABELS for i in c.children[prep])


def is_verb(token: Any) -> bool:
    """A verb by its part of speech or its tag (a headline verb may be tagged VBZ as a noun)."""
    return token.pos_ == "VERB" or str(token.tag_).startswith("VB")


def trigger_features(token: Any) -> Features:
    """The features `classify` reads: all of them for a verb with a lexicon entry that asks for
    a particle, an object or a person object; else only the lemma (the noun lexicon is keyed
    by lemma alone, and a verb whose entries ask for nothing more matches its first entry, an
    unknown verb none), so the children of most trigger candidates are not read."""
    c = token_columns(token.doc)
    i = token.i
    lemma = c.lemma[i].lower()
    if c.pos[i] == "VERB" or c.tag[i].startswith("VB"):
        asks = _verbs_needing_more().get(lemma)
        if asks is not None:
            return _features(c, token, *asks)
        return _lemma_only(lemma, True)
    return _lemma_only(lemma, False)


@lru_cache(maxsize=1 << 12)
def _lemma_only(lemma: str, verb: bool) -> Features:
    """The Features of a word read by its lemma alone, made once per lemma (they are frozen,
    and `classify` only reads them)."""
    return Features(lemma, verb)


def _needs_more(entries: tuple[Entry, ...]) -> bool:
    """Whether `classify` reads more than the lemma to choose among a verb's entries."""
    return any(e.objects or e.particle is not None or e.needs_person for e in entries)


@lru_cache(maxsize=1)
def _verbs_needing_more() -> dict[str, tuple[bool, bool, bool]]:
    """The verb lemmas of the packaged lexicon (read once per process) for which
    `_needs_more` holds, with what their entries ask for (a particle, an object, a person
    object): found once, not once per trigger candidate (every verb is one)."""
    return {
        lemma: (
            any(e.particle is not None for e in entries),
            any(bool(e.objects) for e in entries),
            any(e.needs_person for e in entries),
        )
        for lemma, entries in load_lexicon().verbs.items()
        if _needs_more(entries)
    }


def features_of(token: Any) -> Features:
    """Read the trigger lemma, its particles/prepositions and its objects off the parse."""
    return _features(token_columns(token.doc), token)


def _features(
    c: Columns, token: Any, particle: bool = True, objects: bool = True, person: bool = True
) -> Features:
    """`features_of` over the Doc's token columns: no Token object beyond the one given.
    What no entry of the verb asks for (`particle`, `objects`, `person` False) is left
    empty unread: `classify` does not look at it."""
    i = token.i
    dep, tag, lower = c.dep, c.tag, c.lower
    children = c.children
    kids = children[i]  # a new list on every read: read once
    verb = c.pos[i] == "VERB" or tag[i].startswith("VB")
    particles: set[str] = set()
    found: dict[str, int] = {}
    for child in kids:
        child_dep = dep[child]
        if particle and child_dep in PARTICLE_DEPS and not _names_a_time(c, child):
            particles.add(lower[child])  # "called the raid ... on Monday" is no "call on"
        if not objects:
            continue
        if child_dep in OBJECT_LIKE_DEPS:
            for conjunct in _conjuncts(c, child):  # "launched artillery and rocket fire"
                _add_object(c, found, conjunct)
        if child_dep in ("prep", "prt", "agent"):
            for grandchild in children[child]:
                if dep[grandchild] in ("pobj", "dobj"):
                    _add_object(c, found, grandchild)
    head = c.head[i]
    participle = tag[i] == "VBN"
    if objects and participle and dep[i] in ("amod", "acl"):
        found.setdefault(c.lemma[head].lower(), head)  # "the imposed sanctions"
    if not person:
        return Features(c.lemma[i].lower(), verb, frozenset(particles), found)
    patients = [k for k in kids if dep[k] in ("dobj", "obj", "nsubjpass")]
    if not patients and participle and dep[i] == "conj" and shares_passive_subject(token):
        # "was charged and released on bail" (the test's own first two conditions, first)
        patients = [k for k in children[head] if dep[k] == "nsubjpass"]
    if (
        not patients and participle and not any(dep[k] in ("aux", "auxpass") for k in kids)
    ):  # a headline's "Activist arrested after ...": the subject suffered the act
        patients = [k for k in kids if dep[k] == "nsubj"]
    if participle and dep[i] == "acl":
        patients.append(head)
    tree, labels = c.tree, c.labels
    has_person = any(actor_like(tree, labels, p) for p in patients)
    return Features(c.lemma[i].lower(), verb, frozenset(particles), found, has_person)


def classify(features: Features) -> Classification | None:
    """The most specific lexicon entry the features satisfy, or None (never a default type)."""
    if not features.is_verb:
        return _nominal(features.lemma)
    for entry in load_lexicon().verbs.get(features.lemma, ()):
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


@lru_cache(maxsize=1 << 12)
def _nominal(lemma: str) -> Classification | None:
    """A noun's Classification by its lexicon entry, made once per lemma (it is frozen)."""
    nominal = load_lexicon().nouns.get(lemma)
    return Classification(nominal.event_type, nominal.weight, nominal) if nominal else None


def classify_complement(token: Any) -> Classification | None:
    """Type of an event a framing verb governs: a verb ("to release") or an event noun ("talks")."""
    result = classify(trigger_features(token))
    if result is not None:
        return result
    if token.pos_ == "NOUN":
        # A deverbal noun ("the release of", "an attack") is read through its verb's bare entry.
        for entry in load_lexicon().verbs.get(str(token.lemma_).lower(), ()):
            if not entry.objects and entry.particle is None:
                return Classification(entry.event_type, entry.weight, entry)
    return None
