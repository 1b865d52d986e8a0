"""Modality from the parse: was the event asserted, future, intended, hypothetical or negated?

Read off the trigger's auxiliaries, negation, its conditional clause, and the words that govern
it through infinitive/participial links ("plans to visit", "readiness to assist"). A refusal is
not a negation: "refused to" is a REJECT event (lexicon), so only grammatical negation counts.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import Modality

NEGATORS = frozenset({"not", "n't", "never", "no"})
NEGATING_HEADS = frozenset({"fail"})  # "failed to reach" did not happen
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
INTENT_HEADS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "seek",
        "want",
        "wish",
        "hope",
        "ready",
        "readiness",
        "willing",
        "willingness",
        "prepare",
        "prepared",
        "determined",
        "determination",
        "intention",
        "eager",
        "keen",
        "decide",
        "decision",
        "resolve",
        "commitment",
        "bid",
        "offer",
        "desire",
        "aspire",
    }
)
"""Words whose infinitive complement is an intention, not a fact. ("tried/attempted to" is not
here: an attempted assassination is an ASSAULT, PLOVER manual 3.16.)"""
FUTURE_HEADS = frozenset({"expect", "schedule", "set", "due", "poised", "go", "likely", "slate"})
"""Words whose infinitive complement is scheduled or expected ("is due to visit")."""
FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "future", "forthcoming", "proposed", "next"})
CLIMB_DEPS = frozenset({"xcomp", "acl", "acomp", "amod"})
MAX_CLIMB = 4  # links to follow upwards; governing words are near the trigger


def _children_lemmas(token: Any, deps: frozenset[str]) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in deps}


def governing_chain(token: Any) -> list[Any]:
    """The trigger and the words that govern it through infinitive/participial links."""
    chain = [token]
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in CLIMB_DEPS:
            break
    return chain


def modality_of(token: Any) -> Modality:
    """Classify the modality of the event whose trigger is `token`."""
    chain = governing_chain(token)
    heads = {t.lemma_.lower() for t in chain[1:]}
    aux: set[str] = set()
    marks: set[str] = set()
    for t in chain:
        for child in t.children:  # one pass: this runs for every trigger
            dep = child.dep_
            if dep in ("aux", "auxpass"):
                aux.add(child.lower_)
            elif dep == "mark":
                marks.add(child.lower_)
            elif (dep == "neg" and child.lower_ in NEGATORS) or (
                dep == "det" and child.lower_ == "no"
            ):
                return "negated"
    if heads & NEGATING_HEADS:
        return "negated"
    if marks & CONDITIONAL_MARKS or aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if "would" in aux and {t.lower_ for t in token.sent} & CONDITIONAL_MARKS:
        return "hypothetical"
    if heads & INTENT_HEADS:
        return "intended"
    if aux & FUTURE_AUX or "would" in aux or heads & FUTURE_HEADS:
        return "future"
    if token.pos_ == "NOUN" and _children_lemmas(token, frozenset({"amod"})) & FUTURE_MODIFIERS:
        return "future"
    return "asserted"
