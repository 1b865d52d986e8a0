"""Who did it: actor phrases from the dependency parse, and the phrase helpers recipients share.

Subjects (or "by" agents of passives) are actors (recipients are read in `recipients`).
Coordination ("X and Y agreed") gives several; a verb with no subject
of its own borrows one from the word it hangs on (infinitives, conjoined verbs, relative and
participial clauses, "X's readiness to ..."). Results are head tokens; `phrase_span` turns a
head into the character span of its noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

from newsgraph.events.words import word_class
from newsgraph.times.tree import Tree, tree_of
from newsgraph.words import doc_table, ents_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = word_class("relative_pronouns")
STATIVE_PASSIVES = word_class("stative_passives")
"""Verbs whose passive is an attitude of the subject ("is opposed to", "is committed to")."""
MAX_DANGLING_GAP = 4  # words between a bare preposition and the head of the phrase it lost
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
PLACE_LIKE_LABELS = NON_ACTOR_ENT_LABELS | {"EVENT", "LOC"}
"""Names that do not make their head an actor ("the Gulf war", "the Sinai desert")."""
PERSONAL_PRONOUNS = word_class("personal_pronouns")
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


class Labels:
    """The named-entity type and `like_num` of each token of one Doc as lists (`Token.ent_type_`
    and `Token.like_num`, which `times.tree` does not hold)."""

    __slots__ = ("ent_type", "like_num")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import LIKE_NUM

        # the types from the Doc's entity spans, which the earlier stages have read already
        # (`ents_of`): a token outside every entity has none, as `Token.ent_type_` says; one
        # slice assignment per entity, not a string lookup per token
        ent_type = [""] * len(doc)
        for ent in ents_of(doc):
            ent_type[ent.start : ent.end] = [ent.label] * (ent.end - ent.start)
        self.ent_type: list[str] = ent_type
        self.like_num: list[bool] = (doc.to_array(LIKE_NUM) != 0).tolist()


LABELS_KEY = "newsgraph.events.labels"


labels_of = doc_table(LABELS_KEY, Labels, Labels)
"""The Doc's `Labels`, read on the first call for this Doc (kept in its `user_data`)."""


def is_actor_like(token: Any) -> bool:
    """A phrase head that can be an actor or recipient: a named entity, person noun or pronoun."""
    doc = token.doc
    return actor_like(tree_of(doc), labels_of(doc), token.i)


def actor_like(tree: Tree, labels: Labels, token: int) -> bool:
    """`is_actor_like` over token numbers."""
    ent_type, dep, pos = labels.ent_type, tree.dep, tree.pos
    own = ent_type[token]
    if own in NON_ACTOR_ENT_LABELS:
        return own == "CARDINAL"  # "arrested 12" names people; "Feb. 4" not
    children = tree.children[token]
    if (  # the token's own labels before its children's
        own in ACTOR_ENT_LABELS
        or tree.lower[token] in PERSONAL_PRONOUNS
        or pos[token] == "PROPN"
        or any(
            dep[c] == "compound" and pos[c] == "PROPN" and ent_type[c] not in PLACE_LIKE_LABELS
            for c in children
        )
    ):
        return True
    if (
        tree.lemma_lower(token) in ACTOR_NOUNS
        or tree.lower[token] in ACTOR_NOUNS
        or labels.like_num[token]
    ):
        return True
    return any(  # "Croat forces", "the Israeli army"
        ent_type[c] in ACTOR_ENT_LABELS
        for c in children
        if dep[c] in ("compound", "amod", "poss", "nmod")
    )


def is_possessor(token: Any) -> bool:
    """ "X's": spaCy sometimes labels a name with a curly-apostrophe "’s" nmod, not poss."""
    return bool(
        token.dep_ == "poss"
        or (token.dep_ == "nmod" and any(c.dep_ == "case" for c in token.children))
    )


def expand_conjuncts(token: Any) -> list[Any]:
    """The token and the heads coordinated with it ("Russia and China")."""
    doc = token.doc
    return [token, *(doc[i] for i in conjuncts(tree_of(doc), token.i)[1:])]


def conjuncts(tree: Tree, token: int) -> list[int]:
    """`expand_conjuncts` over token numbers."""
    result = [token]
    dep, pos = tree.dep, tree.pos
    for child in tree.children[token]:
        if dep[child] == "conj" and pos[child] in ("PROPN", "NOUN", "PRON"):
            result.extend(conjuncts(tree, child))
    return result


def _own_subjects(tree: Tree, verb: int) -> tuple[list[int], bool]:
    """Subjects attached to the verb itself and whether the verb is passive."""
    dep, children = tree.dep, tree.children[verb]
    subjects = [c for c in children if dep[c] in SUBJECT_DEPS]
    passive = any(dep[c] in PASSIVE_SUBJECT_DEPS or dep[c] == "auxpass" for c in children)
    if passive and tree.lemma_lower(verb) in STATIVE_PASSIVES:
        # "Israel is opposed to ...": an adjectival passive's subject holds the attitude.
        return [c for c in children if dep[c] in PASSIVE_SUBJECT_DEPS], False
    if passive:
        agents = [
            g for c in children if dep[c] == "agent" for g in tree.children[c] if dep[g] == "pobj"
        ]
        return agents, True
    return subjects, False


def actor_heads(trigger: Any) -> list[Any]:
    """Head tokens of the actor phrase, borrowing from governing words when needed (the climb
    reads the Doc's parse as lists; only the heads found become Token objects)."""
    doc = trigger.doc
    tree = tree_of(doc)
    pos, dep, tag, head, children = tree.pos, tree.dep, tree.tag, tree.head, tree.children
    current = trigger.i
    for _ in range(MAX_CLIMB):
        if pos[current] in ("NOUN", "PROPN") and current != trigger.i:
            possessors = [c for c in children[current] if possessor(tree, c)]
            if possessors:
                return _heads(tree, doc, possessors)
        subjects, passive = _own_subjects(tree, current)
        if subjects:
            resolved = [_relative_head(tree, s) for s in subjects]
            return [
                doc[t] for t in _expand(tree, resolved) if tree.lower[t] not in RELATIVE_PRONOUNS
            ]
        if (passive or tag[current] == "VBN") and dep[current] == "acl":
            return []  # "talks held in Doha": a participle without agent has no actor
        link = dep[current]
        governor = head[current]
        if governor == current:
            return []
        if link == "relcl" or (
            link == "acl" and tag[current] == "VBG" and is_actor_like(doc[governor])
        ):
            return _heads(tree, doc, [governor])
        if link == "xcomp" and current == trigger.i:
            objects = [c for c in children[governor] if dep[c] in OBJECT_DEPS]
            if objects and tree.lemma_lower(governor) not in ("promise", "vow", "pledge"):
                return _heads(tree, doc, objects)  # object control: "urged X to ..." → X does it
            patients = [c for c in children[governor] if dep[c] in PASSIVE_SUBJECT_DEPS]
            if patients:  # the same in the passive: "X was forced to resign" → X resigns
                return _heads(tree, doc, [_relative_head(tree, p) for p in patients])
        if link not in CLIMB_DEPS:
            return []
        current = governor
    return []


def possessor(tree: Tree, token: int) -> bool:
    """`is_possessor` over token numbers."""
    dep = tree.dep
    return dep[token] == "poss" or (
        dep[token] == "nmod" and any(dep[c] == "case" for c in tree.children[token])
    )


def _relative_head(tree: Tree, subject: int) -> int:
    """A relative pronoun subject ("X, who attacked") stands for the noun the clause modifies."""
    governor = tree.head[subject]
    if tree.lower[subject] in RELATIVE_PRONOUNS and tree.dep[governor] == "relcl":
        return tree.head[governor]
    return subject


def _expand(tree: Tree, tokens: Iterable[int]) -> list[int]:
    """`expand_all` over token numbers."""
    result: list[int] = []
    for token in tokens:
        for t in conjuncts(tree, token):
            if t not in result:
                result.append(t)
    return result


def _heads(tree: Tree, doc: Any, tokens: Iterable[int]) -> list[Any]:
    """`expand_all` of token numbers, as Token objects."""
    return [doc[t] for t in _expand(tree, tokens)]


def expand_all(tokens: Iterable[Any]) -> list[Any]:
    """The tokens (of one Doc) and the heads coordinated with each, each once, in order."""
    found = list(tokens)
    if not found:
        return []
    doc = found[0].doc
    return _heads(tree_of(doc), doc, [t.i for t in found])


def passive_patient(trigger: Any) -> list[Any]:
    """The passive subject ("X was attacked") is the recipient; a conjoined participle shares
    it ("X was charged and released on bail"). Read from the Doc's lists (it runs for most
    triggers): Token objects only for the heads found."""
    doc = trigger.doc
    tree = tree_of(doc)
    dep, children, verb = tree.dep, tree.children, trigger.i
    own = [c for c in children[verb] if dep[c] in PASSIVE_SUBJECT_DEPS]
    if not own and _shares_passive_subject(tree, verb):
        own = [c for c in children[tree.head[verb]] if dep[c] in PASSIVE_SUBJECT_DEPS]
    return _heads(tree, doc, own)


def shares_passive_subject(verb: Any) -> bool:
    """A participle conjoined to a passive verb, with no subject of its own."""
    return _shares_passive_subject(tree_of(verb.doc), verb.i)


def _shares_passive_subject(tree: Tree, verb: int) -> bool:
    """`shares_passive_subject` over token numbers."""
    dep = tree.dep
    return bool(
        dep[verb] == "conj"
        and tree.tag[verb] == "VBN"
        and not any(dep[c] in ANY_SUBJECT_DEPS for c in tree.children[verb])
    )


def with_of_phrase(nouns: list[Any]) -> list[Any]:
    """The nouns and the heads of their "of" phrases ("part of an aid programme for X")."""
    result = list(nouns)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                result.extend(p for p in child.children if p.dep_ == "pobj")
    return result


def of_phrase_heads(tree: Tree, nouns: list[int]) -> list[int]:
    """`with_of_phrase` over token numbers."""
    dep, lower, children = tree.dep, tree.lower, tree.children
    result = list(nouns)
    for noun in nouns:
        for child in children[noun]:
            if dep[child] == "prep" and lower[child] == "of":
                result.extend(p for p in children[child] if dep[p] == "pobj")
    return result


def prep_objects(prep: Any) -> list[Any]:
    doc = prep.doc
    return prep_objects_at(tree_of(doc), labels_of(doc), doc, prep.i)


def prep_objects_at(tree: Tree, labels: Labels, doc: Any, prep: int) -> list[Any]:
    """`prep_objects` of the preposition numbered `prep` (the Doc's lists passed in)."""
    children = tree.children[prep]
    objects = [p for p in children if tree.dep[p] == "pobj"]
    if not objects and not children:
        return [t for p in _dangling_object(doc[prep]) for t in actor_in(p)]
    return [t for p in objects for t in _actor_in(tree, labels, doc, p, None)]


def _dangling_object(prep: Any) -> list[Any]:
    """ "granted asylum to five officers holed up in ...": the parser sometimes makes the
    preposition's noun the subject of the next clause; take the noun phrase that follows."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return []
    token = doc[prep.i + 1]
    while token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"):
        if token.head.i - prep.i > MAX_DANGLING_GAP:
            return []
        token = token.head
    return [token] if token.pos_ in ("NOUN", "PROPN") and token.i > prep.i else []


def actor_in(token: Any, trigger: Any = None) -> list[Any]:
    """The phrase itself when it names an actor, else a possessor, "of" phrase or the agent of
    a participle inside it ("crimes *committed by X*"), other than the trigger's own. Of "X's
    decision" it is X: the decision is no actor."""
    doc = token.doc
    return _actor_in(tree_of(doc), labels_of(doc), doc, token.i, trigger)


def actor_in_at(tree: Tree, labels: Labels, doc: Any, token: int) -> list[Any]:
    """`actor_in` of the token numbered `token`, no trigger (the Doc's lists passed in)."""
    return _actor_in(tree, labels, doc, token, None)


def _actor_in(tree: Tree, labels: Labels, doc: Any, token: int, trigger: Any) -> list[Any]:
    """`actor_in` over the Doc's lists (Token objects only for what it returns)."""
    dep, pos, lower, children = tree.dep, tree.pos, tree.lower, tree.children[token]
    possessors = [
        c
        for c in children
        if possessor(tree, c) and actor_like(tree, labels, c) and pos[c] != "PRON"
    ]
    if possessors and _is_thing(tree, labels, token):
        return [doc[possessors[0]]]
    if actor_like(tree, labels, token):
        return [doc[token]]
    if possessors:
        return [doc[possessors[0]]]
    for child in children:
        if dep[child] == "prep" and lower[child] in ("of", "by", "from", "to", "with", "between"):
            for pobj in tree.children[child]:
                if dep[pobj] == "pobj" and actor_like(tree, labels, pobj):
                    return [doc[pobj]]
    for child in children:
        if (
            dep[child] == "acl"
            and tree.tag[child] == "VBN"
            and (trigger is None or child != trigger.i)
        ):
            agents = [
                doc[p]
                for agent in tree.children[child]
                if dep[agent] == "agent"
                for p in tree.children[agent]
                if dep[p] == "pobj" and actor_like(tree, labels, p)
            ]
            if agents:
                return agents
    return []


def _is_thing(tree: Tree, labels: Labels, token: int) -> bool:
    """A common noun that names no actor by itself ("failure", "decision", "policy")."""
    return bool(
        tree.pos[token] == "NOUN"
        and not labels.ent_type[token]
        and tree.lemma_lower(token) not in ACTOR_NOUNS
        and tree.lower[token] not in ACTOR_NOUNS
    )


def _phrase_tokens(tree: Tree, token: int, top: bool) -> list[int]:
    dep, lower, punct, children = tree.dep, tree.lower, tree.punct, tree.children
    tokens = [token]
    for child in children[token]:
        child_dep = dep[child]
        if child_dep in ("relcl", "acl", "advcl", "parataxis", "case") or punct[child]:
            continue
        if (
            top
            and child_dep in PHRASE_DROP_DEPS
            and not (child_dep == "prep" and lower[child] in PHRASE_KEEP_PREPS)
        ):
            continue
        tokens.extend(_phrase_tokens(tree, child, top=False))
    return tokens


def phrase_span(head: Any) -> tuple[int, int]:
    """Character span (doc offsets) of the noun phrase headed by `head`, without its clauses."""
    tree = tree_of(head.doc)  # the parse as lists: no Token object per child
    dep, punct, children = tree.dep, tree.punct, tree.children
    top = head.i
    kept = _phrase_tokens(tree, top, top=True)
    indices = set(kept) | {  # "Suharto *'s*", "Abu *-* Dhabi" sit inside the phrase
        c for t in kept for c in children[t] if dep[c] == "case" or punct[c]
    }
    first = last = top
    while first - 1 in indices:  # a phrase is contiguous: a far appositive is not part of it
        first -= 1
    while last + 1 in indices:
        last += 1
    while first < top and (punct[first] or dep[first] == "case"):
        first += 1
    while last > top and (punct[last] or dep[last] == "case"):
        last -= 1  # "factions—", "Assad's": edges of the phrase, not part of it
    return tree.idx[first], tree.end[last]
