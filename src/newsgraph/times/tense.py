"""Does the clause around a time expression speak of the future?

News reports what happened, so a date without a year (or a bare weekday) is read as the nearest
past one unless the clause is about the future: "will meet on Monday", "is scheduled to vote on
Feb. 10", "next week". With a spaCy parse we look at the verb that governs the expression; without
one we look for the same cues in the words of the sentence.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.annotate import doc_covers
from newsgraph.times.tree import Tree, tree_of
from newsgraph.times.vocab import vocab

FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo"})
"""Modal auxiliaries that put a clause in the future ("wo" is spaCy's token for "won't")."""

SCHEDULE_LEMMAS = frozenset(
    {"schedule", "expect", "set", "due", "plan", "intend", "go", "slate", "poise", "prepare"}
)
"""Verbs that announce a planned event through an infinitive: "is scheduled to meet on Monday"."""

FUTURE_TEXT_CUE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are|was|were)\s+(?:scheduled|expected|due|set|going|slated|"
    r"poised|planning|preparing)\s+to|(?:is|are)\s+to\s+\w+|plans?\s+to|upcoming|to\s+be\s+held)\b",
    re.IGNORECASE,
)
"""The same cues in plain words, for when no parse is available."""

_SENTENCE_EDGE = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


VERB_POS = frozenset({"VERB", "AUX"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})

# The parse is read from the Doc's `Tree` (token numbers, no spaCy Token built per step). Where
# Token code stood, a `token.head is token` test never held (spaCy builds a new Token on every
# access): the climbs below stay on the root instead, as that code did.


def _governing_verb(tree: Tree, token: int) -> int | None:
    """Climb from a token to the first verb above it (the clause the expression belongs to)."""
    current = token
    for _ in range(12):
        if tree.pos[current] in VERB_POS and tree.dep[current] != "aux":
            return current
        current = tree.head[current]
    return None


def _verb_is_future(tree: Tree, verb: int) -> bool:
    children = tree.children[verb]
    for child in children:
        if tree.dep[child] in AUXILIARY_DEPS and tree.lower[child] in FUTURE_MODALS:
            return True
    tag, dep, head = tree.tag[verb], tree.dep[verb], tree.head[verb]
    # "is scheduled to meet", "plans to visit": the infinitive hangs under a scheduling verb.
    if (
        dep == "xcomp"
        and tag == "VB"
        and (tree.lemma_lower(head) in SCHEDULE_LEMMAS or _verb_is_future(tree, head))
    ):
        return True
    # "are to travel on Wednesday": a present "be" with an infinitive sets an arrangement.
    if tree.lemma_lower(verb) == "be" and tag in PRESENT_TAGS and _has_infinitive(tree, verb):
        return True
    if (
        dep == "xcomp"
        and tag == "VB"
        and tree.lemma_lower(head) == "be"
        and tree.tag[head] in PRESENT_TAGS
    ):
        return True
    # "is meeting on Friday": the progressive with a date announces an arrangement.
    if tag == "VBG" and any(tree.dep[c] == "aux" and tree.tag[c] in PRESENT_TAGS for c in children):
        return True
    # "an event to be held on October 12": an infinitive clause names what is still to come.
    if tag in {"VB", "VBN"} and any(
        tree.dep[c] == "aux" and tree.lower[c] == "to" for c in children
    ):
        return dep != "xcomp" or _verb_is_future(tree, head)
    # "will wear its livery when it arrives on Nov. 11": a present-tense adverbial clause
    # takes the time of the clause it modifies.
    if tag in PRESENT_TAGS and dep == "advcl":
        return _verb_is_future(tree, head)
    return tree.lemma_lower(verb) == "due"


def _has_infinitive(tree: Tree, verb: int) -> bool:
    return any(
        tree.dep[c] == "xcomp"
        and tree.tag[c] == "VB"
        and any(tree.lower[a] == "to" for a in tree.children[c])
        for c in tree.children[verb]
    )


_CLAUSE_EDGE = re.compile(r"[,;:()]|\bthat\b|\bwhich\b|\bwho\b|\bbut\b")
"""Where a clause ends, roughly, in plain text (used only without a parse)."""


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    sentence_start = 0
    for m in _SENTENCE_EDGE.finditer(text, 0, start):
        sentence_start = m.end()
    edge = _SENTENCE_EDGE.search(text, end)
    sentence_end = edge.start() if edge else len(text)
    clause_start = sentence_start
    for m in _CLAUSE_EDGE.finditer(text, sentence_start, start):
        clause_start = m.end()
    after = _CLAUSE_EDGE.search(text, end, sentence_end)
    clause_end = after.start() if after else sentence_end
    if after and clause_start == sentence_start and after.group() == ",":
        # "On Monday, the minister will ...": an opening phrase belongs to the main clause.
        following = _CLAUSE_EDGE.search(text, after.end(), sentence_end)
        clause_end = following.start() if following else sentence_end
    return clause_start, clause_end


def is_future(text: str, start: int, end: int, doc: Any | None = None) -> bool:
    """True when the clause that holds text[start:end] speaks of the future."""
    if doc is not None and doc_covers(doc, text):
        tree = tree_of(doc)
        root = tree.root_at(start, end)  # `Doc.char_span(..., "expand").root`
        if root is not None:
            verb = _governing_verb(tree, root)
            if verb is not None:
                return _verb_is_future(tree, verb)
    clause_start, clause_end = _clause(text, start, end)
    return FUTURE_TEXT_CUE.search(text, clause_start, clause_end) is not None


PAST_TEXT_CUE = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|did|said|\w{3,}ed)\b", re.IGNORECASE
)
"""Past-tense words in plain text, for when no parse is available."""


def _verb_is_past(tree: Tree, verb: int) -> bool:
    if tree.tag[verb] == "VBD":
        return True
    auxiliaries = [c for c in tree.children[verb] if tree.dep[c] in AUXILIARY_DEPS]
    if any(tree.lower[c] in FUTURE_MODALS for c in auxiliaries):
        return False
    return any(tree.tag[c] == "VBD" or tree.lower[c] in {"has", "have", "'ve"} for c in auxiliaries)


def is_past(text: str, start: int, end: int, doc: Any | None = None) -> bool:
    """True when the clause that holds text[start:end] is in a past tense ("met", "has met",
    "was held"); a present clause or a verbless phrase ("talks on June 3") is not."""
    if doc is not None and doc_covers(doc, text):
        tree = tree_of(doc)
        root = tree.root_at(start, end)
        if root is not None:
            verb = _governing_verb(tree, root)
            return verb is not None and _verb_is_past(tree, verb)
    clause_start, clause_end = _clause(text, start, end)
    # "three days later than planned": a comparison's participle says nothing of the tense
    clause = _COMPARISON.sub("", text[clause_start:clause_end])
    if PAST_TEXT_CUE.search(clause) is not None:
        return True
    return any(word in vocab().irregular_past for word in re.findall(r"[a-z]+", clause.lower()))


_COMPARISON = re.compile(r"(?i)\bthan\b.*")
