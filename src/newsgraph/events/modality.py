"""Modality from the parse: was the event asserted, future, intended, hypothetical or negated?

Read off the trigger's auxiliaries, negation, its conditional clause, and the words that govern
it through infinitive/participial links ("plans to visit", "readiness to assist"). A refusal is
not a negation: "refused to" is a REJECT event (lexicon), so only grammatical negation counts.
"""

from __future__ import annotations

from typing import Any

from newsgraph.events.words import word_class
from newsgraph.model import Modality

NEGATORS = word_class("negators")
NEGATING_HEADS = word_class("negating_heads")  # "failed to reach" did not happen
HYPOTHETICAL_AUX = word_class("hypothetical_aux")
FUTURE_AUX = word_class("future_aux")
CONDITIONAL_MARKS = word_class("condition_marks")
INTENT_HEADS = word_class("intent_heads")
"""Words whose infinitive complement is an intention, not a fact."""
FUTURE_HEADS = word_class("future_heads")
"""Words whose infinitive complement is scheduled or expected ("is due to visit")."""
FUTURE_MODIFIERS = word_class("future_modifiers")
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
