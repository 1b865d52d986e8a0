"""Who did it and to whom: actor and recipient phrases from the dependency parse.

Subjects (or "by" agents of passives) are actors; objects, datives and "with/to/against/on"
phrases are recipients. Coordination ("X and Y agreed") gives several; a verb with no subject
of its own borrows one from the word it hangs on (infinitives, conjoined verbs, relative and
participial clauses, "X's readiness to ..."). Results are head tokens; `phrase_span` turns a
head into the character span of its noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
RECIPIENT_PREPS = frozenset({"with", "to", "on", "upon", "toward", "towards", "into"})
"""Prepositions whose object is the recipient of most events."""
CONFLICT_PREPS = frozenset({"against", "at"})
"""Recipient prepositions of conflict only: "backed rebels against X" does not support X."""
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "resolve"})
"""Verbs whose passive is an attitude of the subject ("is opposed to", "is committed to")."""
PURPOSE_PREPS = frozenset({"with", "to", "on", "against", "at", "from", "by", "for", "over"})
"""Prepositions inside a purpose clause that lead to its addressee ("calling for X from Y")."""
PATIENT_OBJECT_TYPES = frozenset(
    {"SANCTION", "COERCE", "ASSAULT", "ACCUSE", "REJECT", "RETREAT", "AID"}
)
"""Types whose light-verb object can itself be the recipient ("expelled *diplomats*")."""
COOPERATIVE_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
EXTRA_PREPS: dict[str, frozenset[str]] = {
    "RETREAT": frozenset({"from"}),
    "SANCTION": frozenset({"from", "in", "for"}),
    "COERCE": frozenset({"from", "in"}),
    "AID": frozenset({"for"}),
    "AGREE": frozenset({"in"}),
    "REQUEST": frozenset({"from"}),
    "ACCUSE": frozenset({"over", "about"}),
    "CONSULT": frozenset({"between"}),
    "PROTEST": frozenset({"in", "over", "about"}),
    "ASSAULT": frozenset({"in"}),
    "MOBILIZE": frozenset({"in"}),
    "CONCEDE": frozenset({"in"}),
    "THREATEN": frozenset({"in"}),
}
"""Prepositions that also introduce the recipient for some types ("withdrew from X", "aid for X")."""
PHRASE_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "parataxis"})
"""Children that do not belong to a participant's phrase (clauses, other conjuncts)."""
PHRASE_KEEP_PREPS = frozenset({"of", "in", "from"})
ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
NON_ACTOR_ENT_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "LAW",
        "LANGUAGE",
        "WORK_OF_ART",
    }
)
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "me"})
ACTOR_NOUNS_FILE = "actor_nouns.txt"


def _load_words(name: str) -> frozenset[str]:
    text = resources.files("newsgraph.events").joinpath(name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


ACTOR_NOUNS = _load_words(ACTOR_NOUNS_FILE)
"""Heads of common noun phrases that name actors (or the places/assets events are aimed at)."""
CLIMB_DEPS = frozenset(
    {"xcomp", "conj", "acl", "advcl", "acomp", "pcomp", "pobj", "prep", "dobj", "attr"}
)
"""Links through which a verb without a subject borrows one (never a reported clause, ccomp)."""
MAX_CLIMB = 5  # links to follow when a verb borrows a subject; argument structure is local


def is_actor_like(token: Any) -> bool:
    """A phrase head that can be an actor or recipient: a named entity, person noun or pronoun."""
    if token.ent_type_ in NON_ACTOR_ENT_LABELS:
        return bool(token.ent_type_ == "CARDINAL")  # "arrested 12" names people; "Feb. 4" not
    if (
        token.ent_type_ in ACTOR_ENT_LABELS
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        or token.lower_ in PERSONAL_PRONOUNS
        or token.pos_ == "PROPN"
    ):
        return True
    if token.lemma_.lower() in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS or token.like_num:
        return True
    return any(  # "Croat forces", "the Israeli army"
        c.ent_type_ in ACTOR_ENT_LABELS
        for c in token.children
        if c.dep_ in ("compound", "amod", "poss")
    )


def is_possessor(token: Any) -> bool:
    """ "X's": spaCy sometimes labels a name with a curly-apostrophe "’s" nmod, not poss."""
    return bool(
        token.dep_ == "poss"
        or (token.dep_ == "nmod" and any(c.dep_ == "case" for c in token.children))
    )


def expand_conjuncts(token: Any) -> list[Any]:
    """The token and the heads coordinated with it ("Russia and China")."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            result.extend(expand_conjuncts(child))
    return result


def _own_subjects(verb: Any) -> tuple[list[Any], bool]:
    """Subjects attached to the verb itself and whether the verb is passive."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
    if passive and verb.lemma_.lower() in STATIVE_PASSIVES:
        # "Israel is opposed to ...": an adjectival passive's subject holds the attitude.
        return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS], False
    if passive:
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        return agents, True
    return subjects, False


def actor_heads(trigger: Any) -> list[Any]:
    """Head tokens of the actor phrase, borrowing from governing words when needed."""
    current = trigger
    for _ in range(MAX_CLIMB):
        if current.pos_ in ("NOUN", "PROPN") and current.i != trigger.i:
            possessors = [c for c in current.children if is_possessor(c)]
            if possessors:
                return _expand_all(possessors)
        subjects, passive = _own_subjects(current)
        if subjects:
            resolved = [_relative_head(s) for s in subjects]
            return [t for t in _expand_all(resolved) if t.lower_ not in RELATIVE_PRONOUNS]
        if (passive or current.tag_ == "VBN") and current.dep_ == "acl":
            return []  # "talks held in Doha": a participle without agent has no actor
        dep = current.dep_
        head = current.head
        if head.i == current.i:
            return []
        if dep == "relcl" or (dep == "acl" and current.tag_ == "VBG" and is_actor_like(head)):
            return _expand_all([head])
        if dep == "xcomp" and current is trigger:
            objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
            if objects and head.lemma_.lower() not in ("promise", "vow", "pledge"):
                return _expand_all(objects)  # object control: "urged X to ..." → X does it
        if dep not in CLIMB_DEPS:
            return []
        current = head
    return []


def _relative_head(subject: Any) -> Any:
    """A relative pronoun subject ("X, who attacked") stands for the noun the clause modifies."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _expand_all(tokens: Iterable[Any]) -> list[Any]:
    result: list[Any] = []
    for token in tokens:
        for t in expand_conjuncts(token):
            if t not in result:
                result.append(t)
    return result


def passive_patient(trigger: Any) -> list[Any]:
    """The passive subject ("X was attacked") is the recipient."""
    return _expand_all(c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS)


def recipient_heads(
    trigger: Any, event_type: str, object_token: Any | None, mode: str | None = None
) -> list[Any]:
    """Head tokens of the recipient phrase: objects, datives and recipient prepositions."""
    found: list[Any] = []
    preps = RECIPIENT_PREPS | EXTRA_PREPS.get(event_type, frozenset())
    if mode == "visit":
        preps |= {"in", "at"}  # "arrived in Riyadh": the host is where the visit goes
    if event_type not in COOPERATIVE_TYPES:
        preps |= CONFLICT_PREPS
    if (
        trigger.dep_ == "acl"
        and trigger.tag_ == "VBN"
        and (object_token is None or trigger.head.i != object_token.i)
    ):
        found.extend(_actor_in(trigger.head))  # "rebels backed by Iran": the modified noun receives
    if trigger.pos_ == "NOUN":
        preps |= {"of"}  # "the invasion of X", "the arrest of X": the nominal's object
    for child in trigger.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "dative":
            if object_token is None or child.i != object_token.i:
                # "threatened action against X": a thing's recipient phrase names the recipient.
                found.extend(
                    _actor_in(child)
                    or [
                        t
                        for c in child.children
                        if c.dep_ == "prep" and c.lower_ in preps
                        for t in _prep_objects(c)
                    ]
                )
        elif child.dep_ == "prep" and child.lower_ in preps:
            found.extend(_prep_objects(child))
    if object_token is not None:
        # "would not meet the hostage-takers' demands": whose demand, offer or plan it is.
        found.extend(
            c
            for c in object_token.children
            if is_possessor(c) and c.pos_ != "PRON" and is_actor_like(c)
        )
        if event_type in PATIENT_OBJECT_TYPES:
            # "expelled two diplomats", "captured part of a stronghold": the object is hit.
            found.extend(t for t in with_of_phrase([object_token]) if is_actor_like(t))
        object_preps = preps | {"of"}  # "mounted an invasion of X"
        for noun in with_of_phrase(expand_conjuncts(object_token)):
            for child in noun.children:
                own = child.head.i == object_token.i  # the object's own "of" phrase counts too
                if child.dep_ == "prep" and child.lower_ in (object_preps if own else preps):
                    found.extend(_prep_objects(child))
    else:
        found.extend(t for p in passive_patient(trigger) for t in _actor_in(p))
    if event_type == "PROTEST":
        # Whom a protest addresses ("to demand reforms from X") matters more than where it is.
        found = _purpose_recipients(trigger, event_type) + found
    elif not found:
        found.extend(_purpose_recipients(trigger, event_type))
    return _expand_all(found)


def _purpose_recipients(trigger: Any, event_type: str) -> list[Any]:
    """ "staged a strike to demand reforms from X", "in protest against X's decision": the
    addressee of the purpose is the recipient."""
    found: list[Any] = []
    for child in trigger.children:
        purpose = child.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        if purpose or (child.dep_ == "advcl" and child.tag_ == "VBG"):
            for grandchild in child.children:
                if grandchild.dep_ in OBJECT_DEPS:
                    found.extend(_actor_in(grandchild))
                elif grandchild.dep_ == "prep" and grandchild.lower_ in PURPOSE_PREPS:
                    found.extend(_prep_objects(grandchild))
                elif grandchild.dep_ == "ccomp":
                    found.extend(
                        c
                        for c in grandchild.children
                        if c.dep_ in SUBJECT_DEPS and is_actor_like(c)
                    )
        elif child.dep_ == "prep" and child.lower_ == "in":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in (
                    "protest",
                    "defiance",
                    "response",
                    "retaliation",
                ):
                    for prep in pobj.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("of", "against", "to", "at"):
                            found.extend(_prep_objects(prep))
    return found


def with_of_phrase(nouns: list[Any]) -> list[Any]:
    """The nouns and the heads of their "of" phrases ("part of an aid programme for X")."""
    result = list(nouns)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                result.extend(p for p in child.children if p.dep_ == "pobj")
    return result


def _prep_objects(prep: Any) -> list[Any]:
    return [t for p in prep.children if p.dep_ == "pobj" for t in _actor_in(p)]


def _actor_in(token: Any) -> list[Any]:
    """The phrase itself when it names an actor, else a possessor or "of" phrase inside it."""
    if is_actor_like(token):
        return [token]
    for child in token.children:
        if is_possessor(child) and is_actor_like(child) and child.pos_ != "PRON":
            return [child]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "from", "to", "with", "between"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_actor_like(pobj):
                    return [pobj]
    return []


def _phrase_tokens(token: Any, top: bool) -> list[Any]:
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "parataxis", "case") or child.is_punct:
            continue
        if (
            top
            and child.dep_ in PHRASE_DROP_DEPS
            and not (child.dep_ == "prep" and child.lower_ in PHRASE_KEEP_PREPS)
        ):
            continue
        tokens.extend(_phrase_tokens(child, top=False))
    return tokens


def phrase_span(head: Any) -> tuple[int, int]:
    """Character span (doc offsets) of the noun phrase headed by `head`, without its clauses."""
    tokens = _phrase_tokens(head, top=True)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end
