"""Sparse features of a parsed sentence or clause for the event-type classifier.

The features are what an event coder looks at: the main verbs (the span's root and the verbs it
governs through complement, conjunction and infinitive links), their particles, prepositions
and objects ("pull out", "impose curfew"), negation and modal auxiliaries, the kinds of subject
and object (a state, a person, police), and a bag of lemmas and lemma bigrams with names
replaced by their entity type, so the model learns phrasings and not who tends to do what.
Pure Python over the parse read as per-Doc lists (`newsgraph.words`): no spaCy Token is built.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np

from newsgraph.events.arguments import labels_of
from newsgraph.times.tree import tree_of
from newsgraph.words import doc_table, syntax_of, words_of

MAIN_VERB_DEPS = frozenset({"ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl", "parataxis"})
"""Links along which a governed verb still says what the sentence reports."""
MAX_MAIN_VERBS = 5  # the root and its nearest governed verbs; later ones are rarely the event
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
MODALS = frozenset({"will", "would", "shall", "could", "might", "may", "should", "must", "can"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "ADP", "PART", "NUM"})
NAME_POS = frozenset({"PROPN"})
BAG_WEIGHT = 0.5  # bag-of-lemma and bigram features count less than the verb's own features
GOVERNED_WEIGHT = 0.7  # a governed verb's features count less than the root's
PLACE_ENTITIES = frozenset({"GPE", "NORP", "LOC"})  # always abstracted, headline or not
HEADLINE_MIN_STEM = 3  # words longer than this count for title case and lose a plural "s"
HEADLINE_SHARE = 0.8  # share of such words that must start upper-case in a headline
VECTOR_SCALE = 0.2  # the parser's context vectors (values ~±3) scaled to the one-hot features
ROOT_VECTOR = "vec"  # feature-name prefix of the root's context vector components
MEAN_VECTOR = "mvec"  # feature-name prefix of the span's mean context vector components
HEADLINE = "headline"  # the feature of a span read as a headline


class Columns:
    """What the features read of each token of one Doc, as lists indexed by token number
    (those of `words_of`, `syntax_of`, `times.tree` and the events' `labels_of`, which the
    other stages read too): no spaCy Token object is built."""

    __slots__ = (
        "alpha", "capital", "children", "dep", "ent", "head", "labels", "lemma", "like_num",
        "lower", "pos", "punct", "space", "syntax", "tag", "text", "tree",
    )  # fmt: skip

    def __init__(self, doc: Any) -> None:
        words, syntax, labels = words_of(doc), syntax_of(doc), labels_of(doc)
        self.syntax, self.labels, self.tree = syntax, labels, tree_of(doc)
        self.text, self.lower, self.capital = words.texts, words.lower, words.capital
        self.lemma = syntax.lemma  # as spaCy has it: `_lemma` lower-cases the few read
        self.dep, self.pos, self.tag = syntax.dep, syntax.pos, syntax.tag
        self.head = syntax.head
        self.alpha, self.punct, self.space = syntax.alpha, syntax.punct, syntax.space
        self.ent, self.like_num = labels.ent_type, labels.like_num
        self.children = self.tree.children


COLUMNS_KEY = "newsgraph.events.classifier.columns"


token_columns = doc_table(COLUMNS_KEY, Columns, Columns)
"""The Doc's `Columns`, read on the first call for this Doc."""


def _headline_word(word: str) -> str:
    """A headline word's rough lemma: the parser reads most title-case words as names, so
    their lemma is the word itself ("Visits"); lower-case it and strip a verb's third-person
    "s" ("visits" -> "visit", "threatens" -> "threaten")."""
    if len(word) > HEADLINE_MIN_STEM and word.endswith("s") and not word.endswith("ss"):
        word = word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    return word


def _bag_words(c: Columns, start: int, end: int, headline: bool) -> list[str]:
    """The span's words as the bag sees them (punctuation and spaces left out): a name becomes
    its entity type, a number NUM, a headline word its rough lemma, any other word its lemma.
    One loop over the columns: the bag reads every word of every scored sentence."""
    ent, pos, like_num, lemma = c.ent, c.pos, c.like_num, c.lemma
    alpha, lower, punct, space = c.alpha, c.lower, c.punct, c.space
    words: list[str] = []
    add = words.append
    for i in range(start, end):
        if punct[i] or space[i]:
            continue
        entity = ent[i]
        if entity in PLACE_ENTITIES:
            add(_ENTITY_WORD[entity])
        elif headline and alpha[i]:
            add(_headline_word(lower[i]))
        elif pos[i] in NAME_POS:
            add((_ENTITY_WORD.get(entity) or f"<{entity}>") if entity else "<NAME>")
        elif like_num[i]:
            add("<NUM>")
        else:
            add(lemma[i].lower())
    return words


_ENTITY_WORD = {
    label: f"<{label}>"
    for label in (*PLACE_ENTITIES, "PERSON", "ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                  "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                  "CARDINAL")
}  # fmt: skip
"""A name's bag word by its entity label, made once (not one f-string per word)."""


def is_headline(c: Columns, start: int, end: int) -> bool:
    """Title case throughout: most words of four letters or more start upper-case."""
    alpha, text, capital = c.alpha, c.text, c.capital
    words = upper = 0
    for i in range(start, end):
        if alpha[i] and len(text[i]) > HEADLINE_MIN_STEM:
            words += 1
            upper += capital[i]  # an alphabetic word's first letter is upper-case
    return words > 0 and upper >= HEADLINE_SHARE * words


def _head_kind(c: Columns, i: int) -> str:
    """What a subject or object is: an entity type, a pronoun, or the noun's lemma."""
    entity = c.ent[i]
    if entity:
        return entity
    if c.pos[i] == "PRON":
        return "PRON"
    return c.lemma[i].lower()


def main_verbs(c: Columns, start: int, end: int, root: int) -> list[int]:
    """The span's root and the verbs it governs, breadth first, at most MAX_MAIN_VERBS."""
    found = [root]
    queue = [root]
    children, dep, pos, tag = c.children, c.dep, c.pos, c.tag
    while queue and len(found) < MAX_MAIN_VERBS:
        token = queue.pop(0)
        for child in children[token]:
            if not start <= child < end or dep[child] not in MAIN_VERB_DEPS:
                continue
            if pos[child] in {"VERB", "AUX"} or tag[child].startswith("VB"):
                found.append(child)
                queue.append(child)
                if len(found) >= MAX_MAIN_VERBS:
                    break
    return found


def _verb_features(
    c: Columns, verb: int, features: dict[str, float], weight: float, prefix: str
) -> None:
    lemmas, deps, children = c.lemma, c.dep, c.children
    lemma = lemmas[verb].lower()
    features[f"{prefix}v={lemma}"] = weight
    name = f"v={lemma}"
    features[name] = max(features.get(name, 0.0), weight)
    for child in children[verb]:
        dep = deps[child]
        if dep == "prt":
            features[f"vp={lemma}_{lemmas[child].lower()}"] = weight
        elif dep == "prep":
            child_lemma = lemmas[child].lower()
            features[f"vprep={lemma}_{child_lemma}"] = weight
            for pobj in children[child]:
                if deps[pobj] == "pobj":
                    features[f"vpo={lemma}_{child_lemma}_{_head_kind(c, pobj)}"] = weight
        elif dep in OBJECT_DEPS:
            kind = _head_kind(c, child)
            features[f"vo={lemma}_{kind}"] = weight
            features[f"o={kind}"] = weight
            for grand in children[child]:
                if deps[grand] in {"compound", "amod"}:
                    features[f"vo={lemma}_{lemmas[grand].lower()}_{kind}"] = weight
                elif deps[grand] == "prep":
                    for pobj in children[grand]:
                        if deps[pobj] == "pobj":
                            features[f"op={kind}_{lemmas[grand].lower()}_{_head_kind(c, pobj)}"] = (
                                weight
                            )
        elif dep in SUBJECT_DEPS:
            kind = _head_kind(c, child)
            features[f"s={kind}"] = weight
            features[f"vs={lemma}_{kind}"] = weight
            if dep == "nsubjpass":
                features["passive"] = weight
        elif dep in {"neg"} or c.lower[child] in NEGATORS:
            features["neg"] = weight
            features[f"neg={lemma}"] = weight
        elif dep in {"aux", "auxpass"} and c.lower[child] in MODALS:
            features[f"modal={c.lower[child]}"] = weight
        elif dep in {"xcomp", "ccomp"}:
            features[f"vx={lemma}_{lemmas[child].lower()}"] = weight


def verb_features(c: Columns, start: int, end: int) -> tuple[dict[str, float], int]:
    """The named features of tokens [start, end) that come from the parse (main verbs, their
    arguments, the root's part of speech) and the root verb's token number."""
    features: dict[str, float] = {}
    verbs = main_verbs(c, start, end, c.syntax.root(start, end))
    for index, verb in enumerate(verbs):
        weight = 1.0 if index == 0 else GOVERNED_WEIGHT
        _verb_features(c, verb, features, weight, "root" if index == 0 else "gov")
    root = verbs[0]
    features[f"rootpos={c.pos[root]}"] = 1.0
    return features, root


def bag_of(c: Columns, start: int, end: int) -> tuple[list[str], bool]:
    """The words of tokens [start, end) as the bag sees them, and whether they read as a
    headline."""
    headline = is_headline(c, start, end)
    return _bag_words(c, start, end, headline), headline


def bag_weight(headline: bool) -> float:
    """The value of a bag word or bigram: a headline's parse is poor, so its words count fully."""
    return 1.0 if headline else BAG_WEIGHT


def sparse_features(span: Any) -> tuple[dict[str, float], int]:
    """The named one-hot features of a span (no context vectors) and its root verb's token
    number: `verb_features`, then the bag (w=word, b=left_right), then `headline`."""
    c = token_columns(span.doc)
    features, root = verb_features(c, span.start, span.end)
    words, headline = bag_of(c, span.start, span.end)
    weight = bag_weight(headline)
    # "w=" and "b=" names are only made here: one update each keeps first-seen order
    features.update(dict.fromkeys([f"w={word}" for word in words], weight))
    features.update(dict.fromkeys([f"b={left}_{right}" for left, right in pairwise(words)], weight))
    if headline:
        features[HEADLINE] = 1.0
    return features, root


def context_vectors(span: Any, root: int) -> tuple[Any, Any] | None:
    """The root's and the span's mean context vector from the pipeline's tok2vec layer (when
    the pipeline sets `doc.tensor`): they let unseen synonyms land near seen verbs."""
    return span_vectors(span.doc.tensor, span.start, span.end, root)


def span_vectors(tensor: Any, start: int, end: int, root: int) -> tuple[Any, Any] | None:
    """`context_vectors` of tokens [start, end) from their Doc's tensor (read once per Doc by
    a batch)."""
    if tensor is None or getattr(tensor, "size", 0) == 0:
        return None
    return tensor[root], np.add.reduce(tensor[start:end]) / (end - start)


def featurize(span: Any) -> dict[str, float]:
    """Named feature values for a spaCy Span (a sentence or a clause); deterministic.

    The context vectors appear as ROOT_VECTOR<i> and MEAN_VECTOR<i> (span mean), scaled by
    VECTOR_SCALE; the classifier reads them as dense arrays instead (same result, faster).
    """
    features, root = sparse_features(span)
    vectors = context_vectors(span, root)
    if vectors is not None:
        root_vector, mean_vector = vectors
        for i, value in enumerate(root_vector.tolist()):
            features[f"{ROOT_VECTOR}{i}"] = VECTOR_SCALE * value
        for i, value in enumerate(mean_vector.tolist()):
            features[f"{MEAN_VECTOR}{i}"] = VECTOR_SCALE * value
    return features
