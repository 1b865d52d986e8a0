"""Which tokens of a parsed Doc can be cues, worked out once per document.

Detecting reported speech asks every verb of every sentence for its cue lemma, and attributing
a quote asks every token of the windows around it whether it is a cue, and every token near the
cue whether an outlet hangs from it: the same questions, per quote, of the same tokens. The
`CueTable` answers them for the whole Doc in one pass over its arrays (`newsgraph.words`) and
is kept in the Doc's `user_data`, like the arrays themselves; each answer is the one the
per-token rules give.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from typing import Any

from newsgraph.quotes.cues import PHRASAL_DEPS, lexicon
from newsgraph.words import (
    Children,
    Syntax,
    Words,
    children_of,
    kept_on_doc,
    subtree_order,
    syntax_of,
    words_of,
)

KEY = "newsgraph.quotes.cues"

PHRASE_CUES = {"according": "to", "words": "of"}
"""Cue phrases whose speaker is the object of the second word ("in the words of X")."""
VERBAL_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
IRREGULAR_FORMS = frozenset({"said", "says", "told", "wrote", "spoke"})
SURFACE_AFTER = re.compile(r"[,:]\s*[\"“„«]")
"""What follows a cue the tagger read as a noun: ', “' or ': “'."""


def verb_form_of_cue(word: str) -> bool:
    """ "notes", "states", "said": a cue's finite form, whatever the tagger made of it."""
    verbs = lexicon().verbs
    if word in IRREGULAR_FORMS:
        return True
    stems = {word[:-1], word[:-2]} if word.endswith("s") else set()
    if word.endswith("ed"):
        stems |= {word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ied") else word[:-2]}
    return any(stem in verbs for stem in stems)


class CueTable:
    """One Doc's verbs with their cue lemmas, its cue tokens and its possible relay tokens."""

    __slots__ = (
        "_edges", "_spans", "according", "cues", "head", "kids", "lemmas", "relays", "syntax", "text",
        "verb_cues", "words",
    )  # fmt: skip

    def __init__(self, doc: Any) -> None:
        lex = lexicon()
        words, syntax = words_of(doc), syntax_of(doc)
        lower, text, end = words.lower, words.text, words.end
        pos, tag, head = syntax.pos, syntax.tag, syntax.head
        n = len(lower)
        # the few distinct tags are judged once; one pass over the tokens then asks two sets
        verbal_tags = {t for t in set(tag) if t[:2] == "VB"}
        marked = set(compress(range(n), map(VERBAL_POS.__contains__, pos)))
        marked.update(compress(range(n), map(verbal_tags.__contains__, tag)))
        verbal = sorted(marked)
        lemmas = self._cue_lemmas(syntax, lower, verbal)
        self.lemmas: dict[int, str] = dict(zip(verbal, lemmas, strict=True))
        """The cue lemma (`cues.cue_lemma_at`) of every verb (a VERB or AUX, or a VB* tag)."""
        verbs = lex.verbs
        self.verb_cues: list[int] = [i for i, v in zip(verbal, lemmas, strict=True) if v in verbs]
        """The verbs whose cue lemma is a cue verb, in token order."""
        # one pass finds every word the rules below name ("according", "words", "to", ...)
        self.according: list[int] = []
        cues: set[int] = set()
        relays: set[int] = set()
        for i in compress(range(n), map(_named_words().__contains__, lower)):
            word = lower[i]
            if word in PHRASE_CUES:
                if word == "according":
                    self.according.append(i)
                if i + 1 < n and lower[i + 1] == PHRASE_CUES[word]:
                    cues.add(i)
            if word in lex.relay_preps:
                relays.add(i)
        # a noun right before ', “' (`_surface_cue`): the mark pattern first, then the word
        for match in SURFACE_AFTER.finditer(text):
            i = bisect_right(end, match.start()) - 1
            at = i > 0 and end[i] == match.start() and lower[i] not in PHRASE_CUES
            if at and self._surface(doc, i):
                cues.add(i)
        colon_verbs = lex.colon_verbs
        for i, value in zip(verbal, lemmas, strict=True):
            if value in colon_verbs:  # a cue only right before ':' or ','
                if i + 1 < n and lower[i + 1] in (":", ",") and lower[i] not in PHRASE_CUES:
                    cues.add(i)
            elif value in verbs and lower[i] not in PHRASE_CUES:
                cues.add(i)
        self.cues: list[int] = sorted(cues)
        """Every token `attribute._is_cue` holds a cue, in token order."""
        lemma = syntax.lemma
        if not lex.relay_verbs.isdisjoint(lemma):  # most documents have no relay verb
            relays.update(compress(range(n), map(lex.relay_verbs.__contains__, lemma)))
        if self.according:
            relays.update(compress(range(n), map(set(self.according).__contains__, head)))
        self.relays: list[int] = sorted(relays)
        """Tokens a relay may hang from (`relay.find_via`): a relay verb's agent, a relay
        preposition's object, or the object of the word after "according"."""
        self.head = head
        """Each token's head (`syntax_of(doc).head`)."""
        self.kids: Children = children_of(doc)
        """Each token's children in token order (`Token.children`)."""
        self._edges: dict[int, tuple[int, int]] = {}
        self._spans: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.words: Words = words
        self.syntax: Syntax = syntax
        """The Doc's arrays (`words_of`, `syntax_of`), kept here so that a rule that has the
        table needs no second look-up in the Doc's `user_data`."""
        self.text: str = text
        """`doc.text` (`Words.text`)."""

    def edges(self, i: int) -> tuple[int, int]:
        """The first and the last token of `Token.subtree` of token `i` (`Token.left_edge.i`
        and `Token.right_edge.i`)."""
        found = self._edges.get(i)
        if found is None:
            kids = self.kids
            tokens = [i]
            for token in tokens:  # the subtree, breadth first (no set is needed for its ends)
                tokens.extend(kids[token])
            found = self._edges[i] = (min(tokens), max(tokens))
        return found

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """`Words.char_span(start, end)` (the tokens of a character range, expanded), kept for
        the next question about the same range: a sentence is asked for by the reported-speech
        rules and again as the window of each quote in it."""
        key = (start, end)
        if key in self._spans:
            return self._spans[key]
        found = self._spans[key] = self.words.char_span(start, end)
        return found

    def sentence(self, i: int) -> tuple[int, int]:
        """The first and the end token number of token `i`'s sentence (`Token.sent`, read
        from the sentence starts as spaCy reads them, without its whole-Doc checks)."""
        starts = self.syntax.sent_start
        start = i
        while not starts[start] and start > 0:
            start -= 1
        end, n = i + 1, len(starts)
        while end < n and not starts[end]:
            end += 1
        return start, end

    def first_last(self, i: int) -> tuple[int, int]:
        """The first and the last token `Token.subtree` of token `i` yields (its left children's
        subtrees, the token, its right children's subtrees): `list(token.subtree)[0].i` and
        `[-1].i`, without a Token for each."""
        kids = self.kids
        first = last = i
        while (children := kids[first]) and children[0] < first:
            first = children[0]
        while (children := kids[last]) and children[-1] > last:
            last = children[-1]
        return first, last

    def subtree_order(self, i: int) -> list[int]:
        """The token numbers of `Token.subtree` of token `i` in the order it yields them."""
        return subtree_order(self.kids, i)

    def subtree(self, i: int) -> set[int]:
        """The token numbers of `Token.subtree` of token `i` (the token and its descendants)."""
        kids = self.kids
        found = [i]
        for token in found:  # each token's children join the list behind it (breadth first)
            found.extend(kids[token])
        return set(found)

    @staticmethod
    def _cue_lemmas(syntax: Any, lower: list[str], tokens: list[int]) -> list[str]:
        """`cues.cue_lemma_at` of each token, with the arrays read once (`phrasal_cue_lemma`
        inlined: a document asks it of every verb)."""
        verbs, lemma, head, dep, n = (
            lexicon().verbs,
            syntax.lemma,
            syntax.head,
            syntax.dep,
            len(lower),
        )
        found: list[str] = []
        for i in tokens:
            value = lemma[i].lower()
            following = i + 1
            if following < n and head[following] == i and dep[following] in PHRASAL_DEPS:
                phrasal = f"{value} {lower[following]}"
                if phrasal in verbs:
                    value = phrasal
            found.append(value)
        return found

    @staticmethod
    def _surface(doc: Any, i: int) -> bool:
        words, pos = words_of(doc), syntax_of(doc).pos
        if pos[i] not in NOUN_POS:
            return False
        after = words.text[words.end[i] : words.end[i] + 4]
        return bool(
            SURFACE_AFTER.match(after)
            and pos[i - 1] in NOUN_POS
            and verb_form_of_cue(words.lower[i])
        )

    def cues_between(self, start: int, end: int) -> list[int]:
        """The cue tokens numbered in [start, end)."""
        return self.cues[bisect_left(self.cues, start) : bisect_left(self.cues, end)]


@lru_cache(maxsize=1)
def _named_words() -> frozenset[str]:
    """The words `CueTable` looks for by their lower case: cue phrases and relay prepositions."""
    return frozenset(PHRASE_CUES) | lexicon().relay_preps


@lru_cache(maxsize=1)
def _cue_openers() -> frozenset[str]:
    """Every lower-case lemma a cue lemma can be or start with: the cue verbs, and each leading
    run of words of a phrasal one ("point" and "point out")."""
    openers: set[str] = set()
    for verb in lexicon().verbs:
        parts = verb.split(" ")
        openers.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
    return frozenset(openers)


def may_hold_cues(doc: Any) -> bool:
    """False when no token of the Doc can be a `CueTable` candidate (`according` or
    `verb_cues`): no lemma is, or opens, a cue verb and no word is "according". One pass over
    the lemmas spares a document without a speech verb ("It was a quiet day.") the table."""
    if "according" in words_of(doc).lower:
        return True
    openers = _cue_openers()
    return any(map(openers.__contains__, map(str.lower, syntax_of(doc).lemma)))


def cue_table(doc: Any) -> CueTable:
    """The Doc's `CueTable`, made on the first call for this Doc."""
    return kept_on_doc(doc, KEY, CueTable, CueTable)


def in_range(sorted_tokens: list[int], start: int, end: int) -> list[int]:
    """The numbers of `sorted_tokens` in [start, end)."""
    return sorted_tokens[bisect_left(sorted_tokens, start) : bisect_left(sorted_tokens, end)]
