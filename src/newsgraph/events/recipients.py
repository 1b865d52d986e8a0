"""To whom: recipient phrases of an event from the dependency parse.

Objects, datives and "with/to/against/on" phrases are recipients, with the prepositions some
types add ("withdrew from X", "aid for X"). Where the parser hangs the recipient elsewhere, the
construction is read by kind: the author of what a response is about ("accepted demands from
X"), a demand's "that" clause, a purpose clause ("to press demands from X"), a "for" goal
("reservists for a war against X"), a circumstance ("after talks with X") or the light verb that
reports a nominal event ("engaged in fighting against X"). Results are head tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.events import arguments as args
from newsgraph.times.tree import tree_of

RECIPIENT_PREPS = frozenset({"with", "to", "on", "upon", "toward", "towards", "into"})
"""Prepositions whose object is the recipient of most events."""
CONFLICT_PREPS = frozenset({"against", "at"})
"""Recipient prepositions of conflict only: "backed rebels against X" does not support X."""
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
    "REQUEST": frozenset({"from", "in"}),
    "ACCUSE": frozenset({"over", "about"}),
    "CONSULT": frozenset({"between"}),
    "PROTEST": frozenset({"in", "over", "about"}),
    "ASSAULT": frozenset({"in"}),
    "MOBILIZE": frozenset({"in"}),
    "CONCEDE": frozenset({"in"}),
    "THREATEN": frozenset({"in"}),
}
"""Prepositions that also introduce the recipient for some types ("withdrew from X", "aid for X")."""
RESPONSE_TYPES = frozenset(
    {"AGREE", "CONCEDE", "REJECT", "SUPPORT", "ACCUSE", "COERCE", "SANCTION", "REQUEST"}
)
"""Types that answer someone else's act: the object's author is the recipient ("accepted
demands *from* X", "banned a rally *organised by* X")."""
ORIGINATOR_PREPS = frozenset({"from", "by"})
PURPOSE_GOAL_PREPS: dict[str, frozenset[str]] = {
    "REQUEST": frozenset({"from"}),
    "MOBILIZE": frozenset({"against", "with"}),
    "THREATEN": frozenset({"against"}),
    "ASSAULT": frozenset({"against"}),
}
"""Recipient prepositions inside a "for" phrase ("asked for help from X", "prepared for war
against X")."""
CIRCUMSTANCE_PREPS: dict[str, frozenset[str]] = {
    "CONCEDE": frozenset({"after", "following"}),
    "AGREE": frozenset({"after", "following"}),
    "RETREAT": frozenset({"after", "following"}),
    "REJECT": frozenset({"despite"}),
}
"""Phrases that name the other party of a response: "called off the strike *after talks with
X*", "refused to resign *despite pressure from X*"."""
PARTY_PREPS = frozenset({"between", "among"})
"""An object's "between/among" phrase names the parties it concerns ("mediation between X")."""
CONTENT_CLAUSE_TYPES = frozenset({"REQUEST", "ACCUSE"})
"""Nominal events whose "that" clause names the addressee ("its demand that X resign")."""


@lru_cache(maxsize=1 << 10)
def _recipient_preps(event_type: str, mode: str | None, nominal: bool) -> frozenset[str]:
    """The prepositions that introduce a recipient of this type and mode (made once per
    kind of trigger, not once per trigger)."""
    preps = RECIPIENT_PREPS | EXTRA_PREPS.get(event_type, frozenset())
    if mode == "visit":
        preps |= {"in", "at"}  # "arrived in Riyadh": the host is where the visit goes
    if event_type not in COOPERATIVE_TYPES:
        preps |= CONFLICT_PREPS
    if nominal:
        preps |= {"of"}  # "the invasion of X", "the arrest of X": the nominal's object
    return frozenset(preps)


def recipient_heads(
    trigger: Any, event_type: str, object_token: Any | None, mode: str | None = None
) -> list[Any]:
    """Head tokens of the recipient phrase: objects, datives and recipient prepositions."""
    found: list[Any] = []
    # the trigger's own labels and children from the Doc's lists; Token objects only for the
    # children a rule takes
    doc = trigger.doc
    tree = tree_of(doc)
    dep, pos, lower, i = tree.dep, tree.pos, tree.lower, trigger.i
    preps = _recipient_preps(event_type, mode, pos[i] == "NOUN")
    if (
        dep[i] == "acl"
        and tree.tag[i] == "VBN"
        and (object_token is None or tree.head[i] != object_token.i)
    ):
        # "rebels backed by Iran": the modified noun receives
        found.extend(args.actor_in(trigger.head, trigger))
    labels, children = args.labels_of(doc), tree.children
    for c in children[i]:
        link = dep[c]
        if link == "dative" and pos[c] == "ADP":
            # "provided arms *to* X" parsed as a dative
            found.extend(args.prep_objects_at(tree, labels, doc, c))
        elif link in args.OBJECT_DEPS or link == "dative":
            if object_token is None or c != object_token.i:
                # "threatened action against X": a thing's recipient phrase names the recipient.
                found.extend(
                    args.actor_in_at(tree, labels, doc, c)
                    or (originators(doc[c]) if event_type in RESPONSE_TYPES else [])
                    or [
                        t
                        for noun in args.conjuncts(tree, c)
                        for g in children[noun]
                        if dep[g] == "prep" and lower[g] in preps
                        for t in args.prep_objects_at(tree, labels, doc, g)
                    ]
                )
        elif link == "prep" and lower[c] in preps:
            found.extend(args.prep_objects_at(tree, labels, doc, c))
        elif link == "prep" and lower[c] == "as":
            # "denounced as a crime X's crackdown": the parser makes the object an appositive
            # of the label.
            found.extend(
                t
                for label in doc[c].children
                for appos in label.children
                if appos.dep_ == "appos"
                for t in args.actor_in(appos)
            )
    if object_token is not None:
        # "would not meet the hostage-takers' demands": whose demand, offer or plan it is.
        obj = object_token.i
        found.extend(
            doc[c]
            for c in tree.children[obj]
            if args.possessor(tree, c) and pos[c] != "PRON" and args.actor_like(tree, labels, c)
        )
        if event_type in PATIENT_OBJECT_TYPES:
            # "expelled two diplomats", "captured part of a stronghold": the object is hit.
            found.extend(
                doc[t]
                for t in args.of_phrase_heads(tree, [obj])
                if args.actor_like(tree, labels, t)
            )
        if event_type in RESPONSE_TYPES:
            found.extend(originators(object_token))
        object_preps = preps | {"of"} | PARTY_PREPS  # "mounted an invasion of X"
        for noun in args.of_phrase_heads(tree, args.conjuncts(tree, obj)):
            own = noun == obj  # the object's own "of" phrase counts too
            for c in children[noun]:
                if dep[c] == "prep" and lower[c] in (object_preps if own else preps):
                    found.extend(args.prep_objects_at(tree, labels, doc, c))
    else:
        found.extend(
            t
            for p in args.passive_patient(trigger)
            for t in args.actor_in_at(tree, labels, doc, p.i)
        )
    if not found and event_type in PURPOSE_GOAL_PREPS:
        found.extend(_through_purpose(trigger, object_token, PURPOSE_GOAL_PREPS[event_type]))
    if event_type == "PROTEST":
        # Whom a protest addresses ("to demand reforms from X") matters more than where it is.
        found = _purpose_recipients(trigger, object_token) + found
    elif not found:
        found.extend(_purpose_recipients(trigger, object_token))
    return args.expand_all(found)


def circumstance_party(trigger: Any, event_type: str) -> list[Any]:
    """The party in "after talks with X" or "despite pressure from X" (or "X's pressure"): a
    last resort when neither the trigger nor the act it frames names a recipient."""
    preps = CIRCUMSTANCE_PREPS.get(event_type)
    if not preps:
        return []  # no circumstance names a party of this type
    doc = trigger.doc
    tree = tree_of(doc)
    dep, lower, pos, children = tree.dep, tree.lower, tree.pos, tree.children
    labels = args.labels_of(doc)
    found: list[int] = []
    clauses = [trigger.i, *(c for c in children[trigger.i] if dep[c] == "xcomp")]  # "refused to go"
    for prep in (p for clause in clauses for p in children[clause]):
        if dep[prep] != "prep" or lower[prep] not in preps:
            continue
        for noun in children[prep]:
            if dep[noun] != "pobj":
                continue
            found.extend(
                c
                for c in children[noun]
                if args.possessor(tree, c) and args.actor_like(tree, labels, c) and pos[c] != "PRON"
            )
            found.extend(
                t.i
                for c in children[noun]
                if dep[c] == "prep" and lower[c] in ("with", "from", "by")
                for t in args.prep_objects(doc[c])
            )
    return args.expand_all(doc[t] for t in found)


def _through_purpose(trigger: Any, object_token: Any | None, preps: frozenset[str]) -> list[Any]:
    """ "demands for reforms from X", "mobilised reservists for a war against X": the parser
    hangs the addressee on the thing asked or prepared for."""
    found: list[Any] = []
    for noun in (trigger, object_token):
        if noun is None:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    for goal in args.expand_conjuncts(pobj) if pobj.dep_ == "pobj" else ():
                        found.extend(
                            t
                            for c in goal.children
                            if c.dep_ == "prep" and c.lower_ in preps
                            for t in args.prep_objects(c)
                        )
    return found


def _purpose_recipients(trigger: Any, object_token: Any | None = None) -> list[Any]:
    """ "staged a strike to demand reforms from X", "in protest against X's decision": the
    addressee of the purpose is the recipient (read from the Doc's lists: `Token.children`
    walks the owner's whole subtree, and this runs for most triggers)."""
    found: list[Any] = []
    doc = trigger.doc
    tree = tree_of(doc)
    dep, lower, children = tree.dep, tree.lower, tree.children
    owners = [trigger.i] if object_token is None else [trigger.i, object_token.i]
    for child in (c for owner in owners for c in children[owner]):
        child_dep = dep[child]
        purpose = child_dep in ("advcl", "xcomp") and any(
            dep[c] == "aux" and lower[c] == "to" for c in children[child]
        )
        if purpose or (child_dep == "advcl" and tree.tag[child] == "VBG"):
            clauses = [child, *(c for c in children[child] if dep[c] == "xcomp")]
            for grandchild in (g for clause in clauses for g in children[clause]):
                link = dep[grandchild]
                if link in args.OBJECT_DEPS:
                    found.extend(
                        args.actor_in(doc[grandchild])
                        or [
                            t
                            for c in children[grandchild]
                            if dep[c] == "prep" and lower[c] in PURPOSE_PREPS
                            for t in args.prep_objects(doc[c])
                        ]
                    )
                elif link == "prep" and lower[grandchild] in PURPOSE_PREPS:
                    found.extend(args.prep_objects(doc[grandchild]))
                elif link == "ccomp":
                    labels = args.labels_of(doc)
                    found.extend(
                        doc[c]
                        for c in children[grandchild]
                        if dep[c] in args.SUBJECT_DEPS and args.actor_like(tree, labels, c)
                    )
        elif child_dep == "prep" and lower[child] == "in":
            for pobj in children[child]:
                if dep[pobj] == "pobj" and tree.lemma_lower(pobj) in (
                    "protest",
                    "defiance",
                    "response",
                    "retaliation",
                ):
                    for prep in children[pobj]:
                        if dep[prep] == "prep" and lower[prep] in ("of", "against", "to", "at"):
                            found.extend(args.prep_objects(doc[prep]))
    return found


def originators(noun: Any) -> list[Any]:
    """Who made the thing a response is about: "demands *from* X", "a rally *by* X", "a
    march *organised by* X"."""
    found: list[Any] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ORIGINATOR_PREPS:
            found.extend(args.prep_objects(child))
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found.extend(
                t
                for agent in child.children
                if agent.dep_ == "agent"
                for t in args.prep_objects(agent)
            )
    return found


def content_clause(noun: Any) -> Any | None:
    """The verb of the "that" clause on a noun (or on the verb the noun is the object of):
    "its demand *that X resign*", "reiterated its call today *that X ...*"."""
    owners = [noun, noun.head] if noun.dep_ in args.OBJECT_DEPS else [noun]
    for owner in owners:
        for clause in owner.children:
            if clause.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
            ):
                return clause
    return None


def content_subjects(clause: Any) -> list[Any]:
    """Who must act in a content clause: its subject, unless a pronoun for the asker."""
    return [
        c
        for c in clause.children
        if c.dep_ in args.SUBJECT_DEPS | args.PASSIVE_SUBJECT_DEPS
        and args.is_actor_like(c)
        and c.lower_ not in ("it", "they")
    ]


def governor_recipients(governor: Any, trigger: Any, event_type: str) -> list[Any]:
    """ "were engaged in fighting *against* X": a light verb that reports a nominal event can
    carry the event's recipient phrase."""
    preps = RECIPIENT_PREPS | EXTRA_PREPS.get(event_type, frozenset())
    if event_type not in COOPERATIVE_TYPES:
        preps |= CONFLICT_PREPS
    preps -= {"in", "into", "on"}  # "engaged *in* fighting": the noun's own preposition
    return args.expand_all(
        t
        for child in governor.children
        if child.dep_ == "prep" and child.lower_ in preps and trigger not in child.subtree
        for t in args.prep_objects(child)
    )
