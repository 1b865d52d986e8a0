"""Demonyms used as modifiers ("Russian officials", "the Tunisian army") are references to places.

A reader takes "Russian diplomats" to say something about Russia, and geoparsing gold (GeoWebNews)
annotates such adjectives as toponyms of the country. They become places marked `adjectival`,
never event locations. Only the modifier use counts: a demonym that is a noun ("the Russians",
"an American", "speaks English") names people or a language, not a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import Demonym, demonym_table
from newsgraph.times.startchars import with_start_chars
from newsgraph.words import syntax_of, words_of

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
    result: list[tuple[int, int, str]] = []
    taken = 0  # the end of the last demonym: the words before it are read
    for first in _first_word_pattern().finditer(text):
        if first.start() < taken:
            continue
        found = _longest_demonym(text, first.span(), table)
        if found is None:
            continue
        (start, end), demonym = found
        taken = end
        if not demonym.names_place or _is_plural(normalize_key(demonym.word), table):
            continue
        if _modifies(text, doc, start, end):
            result.append((start, end, ADJECTIVAL_LABEL))
    return result


@lru_cache(maxsize=1)
def _first_word_pattern() -> re.Pattern[str]:
    """A `CAPITALISED_WORD` that is the first word of a demonym: such a word is ASCII title case
    and two letters or more, so a run's key starts with it in lower case, and a text is searched once for
    these words instead of listing its every capitalised word. Alternatives are grouped by their
    capital, so the engine enters one group per capital it meets."""
    by_capital: dict[str, list[str]] = {}
    for key in demonym_table():
        word = key.split(" ")[0]
        if len(word) > 1 and word.isascii() and word.isalpha() and word.islower():
            by_capital.setdefault(word[0].upper(), []).append(re.escape(word[1:]))
    groups = "|".join(
        f"{capital}(?:{'|'.join(sorted(set(rests)))})"
        for capital, rests in sorted(by_capital.items())
    )
    return with_start_chars(re.compile(rf"(?<![\w'’])(?:{groups})(?![\w'’])"))


def _longest_demonym(
    text: str, first: tuple[int, int], table: dict[str, Demonym]
) -> tuple[tuple[int, int], Demonym] | None:
    """The longest run of `CAPITALISED_WORD`s from `first`, each one space after the one before,
    that is a demonym, with its span."""
    ends = [first[1]]
    while len(ends) < MAX_DEMONYM_WORDS and text[ends[-1] : ends[-1] + 1] == " ":
        following = CAPITALISED_WORD.match(text, ends[-1] + 1)
        if following is None:
            break
        ends.append(following.end())
    for end in reversed(ends):
        demonym = table.get(normalize_key(text[first[0] : end]))
        if demonym is not None:
            return (first[0], end), demonym
    return None


def _is_plural(key: str, table: dict[str, Demonym]) -> bool:
    """ "russians", "turks": a plural noun names people ("Swiss", "Japanese" are not plurals)."""
    return key.endswith("s") and (key[:-1] in table or key[:-2] in table)


def _modifies(text: str, doc: Any | None, start: int, end: int) -> bool:
    """Whether the demonym at [start, end) modifies a noun after it."""
    if HYPHEN_SUFFIX.match(text[end : end + 20]):
        return True
    if doc is not None:
        # the parse as the Doc's shared token tables (`words`): no Span or Token is built
        span = words_of(doc).char_span(start, end)
        if span is not None and span[1] > span[0]:
            syntax = syntax_of(doc)
            return _modifier_token(syntax.dep, syntax.head, span[1] - 1, depth=0)
    following = re.match(r" ([A-Za-z][\w'’-]*)", text[end : end + 40])
    return following is not None and following.group(1).lower() not in NOT_MODIFIED


def _modifier_token(dep: Sequence[str], head: Sequence[int], token: int, depth: int) -> bool:
    """A modifier of a later word, or a conjunct of one ("German, Irish and other immigrants")."""
    if dep[token] in MODIFIER_DEPS and head[token] > token:
        return True
    if dep[token] == "conj" and depth < MAX_DEMONYM_WORDS:
        return _modifier_token(dep, head, head[token], depth + 1)
    return False
