"""Demonyms used as modifiers ("Russian officials", "the Tunisian army") are references to places.

A reader takes "Russian diplomats" to say something about Russia, and geoparsing gold (GeoWebNews)
annotates such adjectives as toponyms of the country. They become places marked `adjectival`,
never event locations. Only the modifier use counts: a demonym that is a noun ("the Russians",
"an American", "speaks English") names people or a language, not a place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import Demonym, demonym_table

ADJECTIVAL_LABEL = "ADJECTIVAL"
"""Pseudo-label of a demonym candidate (resolution looks it up in the demonym table)."""
MAX_DEMONYM_WORDS = 3
"""Words in the longest demonyms ("Central African", "Papua New Guinean")."""
CAPITALISED_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?![\w'’])")
"""A title-case word: demonyms are written so (an all-caps headline word is left alone)."""
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
"""Dependency relations of a word that modifies a noun after it ("Russian" in "Russian envoys")."""
HYPHEN_SUFFIX = re.compile(r"^-[a-z]+")
"""A demonym joined to a participle: "Australian-led", "Russian-backed"."""
NOT_MODIFIED = frozenset({
    "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "is", "was", "are",
    "were", "be", "been", "has", "have", "had", "said", "says", "in", "on", "at", "of", "for",
    "to", "from", "with", "by", "as", "than"
})  # fmt: skip
"""Words after a demonym that show it is not modifying a noun (used when there is no parse)."""


def adjectival_candidates(text: str, doc: Any | None) -> list[tuple[int, int, str]]:
    """(start, end, ADJECTIVAL_LABEL) for every demonym in the text that modifies a noun."""
    table = demonym_table()
    words = [(m.start(), m.end()) for m in CAPITALISED_WORD.finditer(text)]
    result: list[tuple[int, int, str]] = []
    index = 0
    firsts = _first_words()
    while index < len(words):
        first = text[words[index][0] : words[index][1]].lower()
        found = _longest_demonym(text, words, index, table) if first in firsts else None
        if found is None:
            index += 1
            continue
        size, demonym = found
        start, end = words[index][0], words[index + size - 1][1]
        index += size
        if not demonym.names_place or _is_plural(normalize_key(demonym.word), table):
            continue
        if _modifies(text, doc, start, end):
            result.append((start, end, ADJECTIVAL_LABEL))
    return result


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every demonym key: a run whose first word is none of these is no
    demonym (the words are ASCII title case, so a run's key is its words in lower case)."""
    return frozenset(key.split(" ")[0] for key in demonym_table())


def _longest_demonym(
    text: str, words: list[tuple[int, int]], index: int, table: dict[str, Demonym]
) -> tuple[int, Demonym] | None:
    """The longest run of adjacent words from `index` that is a demonym, with its length."""
    for size in range(min(MAX_DEMONYM_WORDS, len(words) - index), 0, -1):
        run = words[index : index + size]
        if any(text[a[1] : b[0]] != " " for a, b in pairwise(run)):
            continue
        demonym = table.get(normalize_key(text[run[0][0] : run[-1][1]]))
        if demonym is not None:
            return size, demonym
    return None


def _is_plural(key: str, table: dict[str, Demonym]) -> bool:
    """ "russians", "turks": a plural noun names people ("Swiss", "Japanese" are not plurals)."""
    return key.endswith("s") and (key[:-1] in table or key[:-2] in table)


def _modifies(text: str, doc: Any | None, start: int, end: int) -> bool:
    """Whether the demonym at [start, end) modifies a noun after it."""
    if HYPHEN_SUFFIX.match(text[end : end + 20]):
        return True
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            return _modifier_token(span[-1], depth=0)
    following = re.match(r" ([A-Za-z][\w'’-]*)", text[end : end + 40])
    return following is not None and following.group(1).lower() not in NOT_MODIFIED


def _modifier_token(token: Any, depth: int) -> bool:
    """A modifier of a later word, or a conjunct of one ("German, Irish and other immigrants")."""
    if token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
        return True
    if token.dep_ == "conj" and depth < MAX_DEMONYM_WORDS:
        return _modifier_token(token.head, depth + 1)
    return False
