"""Sparse features of a parsed sentence or clause for the event-type classifier.

The features are what an event coder looks at: the main verbs (the span's root and the verbs it
governs through complement, conjunction and infinitive links), their particles, prepositions
and objects ("pull out", "impose curfew"), negation and modal auxiliaries, the kinds of subject
and object (a state, a person, police), and a bag of lemmas and lemma bigrams with names
replaced by their entity type, so the model learns phrasings and not who tends to do what.
Pure Python over the spaCy parse; a sentence costs a few dozen microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import numpy as np

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


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _headline_word(token: Any) -> str:
    """A headline word's rough lemma: the parser reads most title-case words as names, so
    their lemma is the word itself ("Visits"); lower-case it and strip a verb's third-person
    "s" ("visits" -> "visit", "threatens" -> "threaten")."""
    word = str(token.lower_)
    if len(word) > HEADLINE_MIN_STEM and word.endswith("s") and not word.endswith("ss"):
        word = word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    return word


def _word_class(token: Any, headline: bool) -> str:
    """A token as the bag sees it: a name becomes its entity type, a number becomes NUM."""
    entity = token.ent_type_
    if entity in PLACE_ENTITIES:
        return f"<{entity}>"
    if headline and token.is_alpha:
        return _headline_word(token)
    if token.pos_ in NAME_POS:
        return f"<{entity}>" if entity else "<NAME>"
    if token.like_num:
        return "<NUM>"
    return _lemma(token)


def is_headline(tokens: Iterable[Any]) -> bool:
    """Title case throughout: most words of four letters or more start upper-case."""
    words = [t.text for t in tokens if t.is_alpha and len(t) > HEADLINE_MIN_STEM]
    return bool(words) and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _head_kind(token: Any) -> str:
    """What a subject or object is: an entity type, a pronoun, or the noun's lemma."""
    if token.ent_type_:
        return str(token.ent_type_)
    if token.pos_ == "PRON":
        return "PRON"
    return _lemma(token)


def main_verbs(span: Any) -> list[Any]:
    """The span's root and the verbs it governs, breadth first, at most MAX_MAIN_VERBS."""
    root = span.root
    found = [root]
    queue = [root]
    start, end = span.start, span.end
    while queue and len(found) < MAX_MAIN_VERBS:
        token = queue.pop(0)
        for child in token.children:
            if not start <= child.i < end or child.dep_ not in MAIN_VERB_DEPS:
                continue
            if child.pos_ in {"VERB", "AUX"} or child.tag_.startswith("VB"):
                found.append(child)
                queue.append(child)
                if len(found) >= MAX_MAIN_VERBS:
                    break
    return found


def _verb_features(verb: Any, features: dict[str, float], weight: float, prefix: str) -> None:
    lemma = _lemma(verb)
    features[f"{prefix}v={lemma}"] = weight
    features[f"v={lemma}"] = max(features.get(f"v={lemma}", 0.0), weight)
    for child in verb.children:
        dep = child.dep_
        if dep == "prt":
            features[f"vp={lemma}_{_lemma(child)}"] = weight
        elif dep == "prep":
            child_lemma = _lemma(child)
            features[f"vprep={lemma}_{child_lemma}"] = weight
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    features[f"vpo={lemma}_{child_lemma}_{_head_kind(pobj)}"] = weight
        elif dep in OBJECT_DEPS:
            kind = _head_kind(child)
            features[f"vo={lemma}_{kind}"] = weight
            features[f"o={kind}"] = weight
            for grand in child.children:
                if grand.dep_ in {"compound", "amod"}:
                    features[f"vo={lemma}_{_lemma(grand)}_{kind}"] = weight
                elif grand.dep_ == "prep":
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj":
                            features[f"op={kind}_{_lemma(grand)}_{_head_kind(pobj)}"] = weight
        elif dep in SUBJECT_DEPS:
            kind = _head_kind(child)
            features[f"s={kind}"] = weight
            features[f"vs={lemma}_{kind}"] = weight
            if dep == "nsubjpass":
                features["passive"] = weight
        elif dep in {"neg"} or child.lower_ in NEGATORS:
            features["neg"] = weight
            features[f"neg={lemma}"] = weight
        elif dep in {"aux", "auxpass"} and child.lower_ in MODALS:
            features[f"modal={child.lower_}"] = weight
        elif dep in {"xcomp", "ccomp"}:
            features[f"vx={lemma}_{_lemma(child)}"] = weight


def sparse_features(span: Any) -> tuple[dict[str, float], Any]:
    """The named one-hot features of a span (no context vectors) and its root verb."""
    features: dict[str, float] = {}
    verbs = main_verbs(span)
    for index, verb in enumerate(verbs):
        weight = 1.0 if index == 0 else GOVERNED_WEIGHT
        _verb_features(verb, features, weight, "root" if index == 0 else "gov")
    root = verbs[0]
    features[f"rootpos={root.pos_}"] = 1.0
    tokens = list(span)
    headline = is_headline(tokens)
    words = [_word_class(t, headline) for t in tokens if not t.is_punct and not t.is_space]
    bag_weight = 1.0 if headline else BAG_WEIGHT  # a headline's parse is poor: trust words
    for word in words:
        features[f"w={word}"] = bag_weight
    for left, right in pairwise(words):
        features[f"b={left}_{right}"] = bag_weight
    if headline:
        features["headline"] = 1.0
    return features, root


def context_vectors(span: Any, root: Any) -> tuple[Any, Any] | None:
    """The root's and the span's mean context vector from the pipeline's tok2vec layer (when
    the pipeline sets `doc.tensor`): they let unseen synonyms land near seen verbs."""
    tensor = span.doc.tensor
    if tensor is None or getattr(tensor, "size", 0) == 0:
        return None
    return tensor[root.i], np.add.reduce(tensor[span.start : span.end]) / len(span)


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
