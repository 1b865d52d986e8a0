"""Title Case headlines in sentence case, for the parser.

spaCy's parser reads "Leader X Visits Ankara" as one long name. The annotate stage parses each
Title Case headline or subtitle sentence a second time with its known words lower-cased, in the
same `nlp.pipe` call as the documents, and the events stage reads its triggers from that parse
(`Analysis.headline_docs`). The lower-cased words are the function words and the event triggers
of the events lexicon, so a name keeps its capitals.
"""

from __future__ import annotations

import re

from newsgraph.events.lexicon import load_lexicon

RECASED_SECTIONS = frozenset({"title", "subtitle"})
"""Sections whose Title Case sentences are re-parsed."""
TITLE_CASE_SHARE = 0.6  # share of capitalised words above which a line is Title Case
MIN_TITLE_WORDS = 3
_FUNCTION_WORDS = (
    "a an the and or but for with to of in on at by from as after over against into "
    "amid about before during its his her their is are was were be been has have had will "
    "would says said new"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
"""Headline words that are lower case in running text."""
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SUFFIXES = ("ing", "es", "ed", "s", "d")


def _known(word: str) -> bool:
    """Is a lower-cased headline word a function word or a trigger (possibly inflected)?"""
    lexicon = load_lexicon()
    if word in FUNCTION_WORDS or word in lexicon.verbs or word in lexicon.nouns:
        return True
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in lexicon.verbs or stem in lexicon.nouns):
            return True
    return False


def sentence_case(text: str) -> str | None:
    """Lower-case the known words of a Title Case line (same length, so offsets hold), else None."""
    words = list(WORD.finditer(text))
    long_words = [w for w in words[1:] if len(w.group()) > 3]
    if len(words) < MIN_TITLE_WORDS or not long_words:
        return None
    if sum(w.group()[0].isupper() for w in long_words) / len(long_words) < TITLE_CASE_SHARE:
        return None
    chars = list(text)
    for w in words[1:]:
        lower = w.group().lower()
        if w.group()[0].isupper() and _known(lower):
            chars[w.start()] = chars[w.start()].lower()
    return "".join(chars)
