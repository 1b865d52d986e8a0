"""Modality from the parse: was the event asserted, future, intended, hypothetical or negated?

Read off the trigger's auxiliaries, negation, its conditional clause, and the words that govern
it through infinitive/participial links ("plans to visit", "readiness to assist"). A refusal is
not a negation: "refused to" is a REJECT event (lexicon), so only grammatical negation counts.
"""

from __future__ import annotations

from typing import Any

from newsgraph.events.words import word_class
from newsgraph.model import Modality
from newsgraph.times.tree import Tree, tree_of

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


def governing_chain(tree: Tree, token: int) -> list[int]:
    """The trigger and the words that govern it through infinitive/participial links (token
    numbers)."""
    dep, pos, head = tree.dep, tree.pos, tree.head
    chain = [token]
    current = token
    for _ in range(MAX_CLIMB):
        if dep[current] not in CLIMB_DEPS or head[current] == current:
            break
        current = head[current]
        chain.append(current)
        if pos[current] in ("VERB", "AUX") and dep[current] not in CLIMB_DEPS:
            break
    return chain


def modality_of(token: Any) -> Modality:
    """Classify the modality of the event whose trigger is `token` (read from the Doc's parse
    as lists: this runs for every trigger)."""
    tree = tree_of(token.doc)
    dep, lower, children = tree.dep, tree.lower, tree.children
    chain = governing_chain(tree, token.i)
    heads = {tree.lemma_lower(t) for t in chain[1:]}
    aux: set[str] = set()
    marks: set[str] = set()
    for t in chain:
        for child in children[t]:  # one pass
            child_dep = dep[child]
            if child_dep in ("aux", "auxpass"):
                aux.add(lower[child])
            elif child_dep == "mark":
                marks.add(lower[child])
            elif (child_dep == "neg" and lower[child] in NEGATORS) or (
                child_dep == "det" and lower[child] == "no"
            ):
                return "negated"
    if heads & NEGATING_HEADS:
        return "negated"
    if marks & CONDITIONAL_MARKS or aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if "would" in aux and _sentence_has_mark(tree, token):
        return "hypothetical"
    if heads & INTENT_HEADS:
        return "intended"
    if aux & FUTURE_AUX or "would" in aux or heads & FUTURE_HEADS:
        return "future"
    if (
        tree.pos[token.i] == "NOUN"
        and {lower[c] for c in children[token.i] if dep[c] == "amod"} & FUTURE_MODIFIERS
    ):
        return "future"
    return "asserted"


def _sentence_has_mark(tree: Tree, token: Any) -> bool:
    """A conditional mark among the words of the trigger's sentence (from the Doc's lists: no
    Token object per word)."""
    sentence = token.sent
    return not CONDITIONAL_MARKS.isdisjoint(tree.lower[sentence.start : sentence.end])
