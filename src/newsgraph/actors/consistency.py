"""One type per name in a document, corrected where spaCy's small model is known to slip.

A knowledge-base type wins; a name (or the surname of a full name) that is a PERSON once is a
PERSON everywhere unless it names a country or capital; a "place" no gazetteer knows is an
organisation; a lone one-word "person" with no evidence of being one is an organisation.
"""

from __future__ import annotations

from typing import Any

from newsgraph.actors.names import NameMention, name_key, name_tokens, title_at
from newsgraph.fold import normalize_key
from newsgraph.gazetteer import load_gazetteer
from newsgraph.kb import KnowledgeBase
from newsgraph.speech import verbs_with
from newsgraph.words import children_of, syntax_of
from newsgraph.words import words_of as token_words


def _known_place(text: str, kb: KnowledgeBase) -> bool:
    """Whether a name is a country, capital or gazetteer place."""
    if kb.country_by_name(text) is not None or kb.country_by_capital(text) is not None:
        return True
    return bool(load_gazetteer().has_key(normalize_key(text)))


def _unknown_places_are_groups(doc: Any, mentions: list[NameMention], kb: KnowledgeBase) -> None:
    """spaCy calls many unfamiliar single names GPE (a movement, a brand); a "place" that no
    gazetteer knows is far more often an organisation."""
    verdicts: dict[str, bool] = {}
    span_text = token_words(doc).span_text
    for m in mentions:
        if m.label not in {"GPE", "LOC"} or m.from_kb:
            continue
        text = span_text(m.tstart, m.tend)
        if text not in verdicts:
            verdicts[text] = _known_place(text, kb)
        if not verdicts[text]:
            m.label = "ORG"


PERSON_NOUNS = frozenset(
    {"child", "son", "daughter", "wife", "husband", "mother", "father", "boy", "girl", "man",
     "woman", "friend", "brother", "sister", "baby", "student", "teacher", "player", "actor",
     "singer", "rapper", "artist", "writer", "author", "lawyer", "doctor", "founder", "member"}
)  # fmt: skip
"""Nouns that, in apposition to a name, say it is a person ("their child, Gloria")."""

SPEECH_VERBS = verbs_with("person_subject")
"""Verbs whose subject is (nearly always) a person or a spokesperson's organisation (the shared
speech-verb list, flag person_subject)."""


def _person_evidence(doc: Any, m: NameMention) -> bool:
    """A title before the name ("Mr Key", "President Obama"), an appositive person noun
    ("their child, Gloria") or a speech verb it is the subject of ("Gloria said")."""
    if m.tstart > 0 and title_at(doc, m.tstart - 1):
        return True
    syntax = syntax_of(doc)
    dep, lemma, head = syntax.dep, syntax.lemma, m.tend - 1
    governor = lemma[syntax.head[head]].lower()
    if dep[head] == "appos" and governor in PERSON_NOUNS:
        return True
    if any(dep[c] == "appos" and lemma[c].lower() in PERSON_NOUNS for c in children_of(doc)[head]):
        return True
    return dep[head] == "nsubj" and governor in SPEECH_VERBS


def _lone_names_are_groups(
    doc: Any,
    mentions: list[NameMention],
    person_words: set[str],
    kb: KnowledgeBase,
    texts: dict[int, str],
) -> None:
    """spaCy reads many one-word brands and bands as people ("Twitter", "Ryanair"). A one-word
    PERSON that is neither the first nor the last word of a fuller person name in the document,
    has no title and no knowledge-base entry becomes an ORG, or a GPE when a gazetteer knows
    it as a place ("Tuscany")."""
    lone: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and m.kb is None:
            words = name_tokens(texts[id(m)])
            if len(words) == 1:
                lone.add(words[0])
    lone -= person_words
    if not lone:
        return
    same = [(m, name_key(texts[id(m)])) for m in mentions]
    confirmed = {key for m, key in same if key in lone and _person_evidence(doc, m)}
    places: dict[str, bool] = {}
    for m, key in same:
        if key in lone and key not in confirmed and m.label == "PERSON":
            text = texts[id(m)]
            if text not in places:
                places[text] = _known_place(text, kb)
            m.label = "GPE" if places[text] else "ORG"


def consistent_types(doc: Any, mentions: list[NameMention], kb: KnowledgeBase) -> None:
    """One type per name: a knowledge-base type wins; a name (or surname) that is a PERSON once
    is a PERSON everywhere unless it names a country or a capital; otherwise the majority."""
    if not mentions:
        return
    _unknown_places_are_groups(doc, mentions, kb)
    # each mention's words and key read once (the rules below ask for them again and again)
    span_text = token_words(doc).span_text
    texts = {id(m): span_text(m.tstart, m.tend) for m in mentions}
    keys = {k: name_key(text) for k, text in texts.items()}
    people = [
        m for m in mentions if m.label == "PERSON" and (m.kb is None or m.kb.type == "PERSON")
    ]
    words_of = {id(m): name_tokens(texts[id(m)]) for m in people}
    fuller = [w for w in words_of.values() if len(w) > 1]
    person_names = {w[-1] for w in fuller} | {w[0] for w in fuller}
    _lone_names_are_groups(doc, mentions, person_names, kb, texts)
    person_words: set[str] = set()
    for m in people:
        words = words_of[id(m)]
        if m.label == "PERSON" and words:
            person_words.update({" ".join(words), words[-1]})
    # the votes per name are counted before any label changes, so each name's winner (the most
    # frequent label, the first seen of equals: `Counter.most_common`) is read once per name
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        counts = votes.setdefault(keys[id(m)], {})
        counts[m.label] = counts.get(m.label, 0) + 1
    winners = {key: max(counts.items(), key=_count) for key, counts in votes.items()}
    for m in mentions:
        if m.kb is not None:
            m.label = m.kb.type
            continue
        key = keys[id(m)]
        if key in person_words and m.label in {"GPE", "LOC", "ORG", "NORP", "FAC"}:
            text = texts[id(m)]
            if kb.country_by_name(text) is None and kb.country_by_capital(text) is None:
                m.label = "PERSON"
                continue
        if m.label != "PERSON" or key not in person_words:
            label, count = winners[key]
            if count > votes[key].get(m.label, 0):
                m.label = label


def _count(item: tuple[str, int]) -> int:
    return item[1]
