"""Capitalised names that are not actors, dropped before types are settled.

spaCy's small model tags a belief ("Islam", "Sufism"), a religious observance ("Hajj"), a
piece of software ("Firefox", "IE6") or a capitalised common noun ("Iodine deficiency ...") as a
person, place or organisation, and the consistency rules then make it an organisation. None of
them can act in an event, so they are no named mentions at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import Any

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.names import NameMention, fold, title_test
from newsgraph.words import syntax_of, words_of

VERSION_NUMBER = re.compile(r"^(?P<base>.*?[a-z])\s*\d+(?:\.\d+)*$")
"""A product name with a version number glued or spaced ("ie6", "windows 10", "xbox 360")."""

MIN_STEM = 3
"""Letters a word must keep before a belief suffix ("Sufism" yes, "Prism" no)."""


@dataclass(frozen=True, slots=True)
class NonActors:
    beliefs: frozenset[str]
    belief_suffixes: tuple[str, ...]
    products: frozenset[str]
    product_versions: frozenset[str]
    post_nominals: frozenset[str]
    event_heads: frozenset[str]
    time_words: frozenset[str]
    time_names: frozenset[str]


@lru_cache(maxsize=1)
def non_actors() -> NonActors:
    """Read nonactors.json next to this module."""
    raw = json.loads(resources.files(__package__).joinpath("nonactors.json").read_text("utf-8"))
    return NonActors(
        beliefs=frozenset(raw["beliefs"]),
        belief_suffixes=tuple(raw["belief_suffixes"]),
        products=frozenset(raw["products"]),
        product_versions=frozenset(raw["product_versions"]),
        post_nominals=frozenset(raw["post_nominals"]),
        event_heads=frozenset(raw["event_heads"]),
        time_words=frozenset(raw["time_words"]),
        time_names=frozenset(raw["time_names"]),
    )


def is_time_phrase(doc: Any, start_char: int, end_char: int) -> bool:
    """A phrase whose one head is a time word ("weeks", "the weekend", "a decade", "next
    year", "Tuesday"): it says when, never who, so it is no event's actor or recipient (a bad
    parse makes "spent weeks shuttling ... to agree" a subject). Reads only the phrase's words."""
    tokens = words_of(doc).char_span(start_char, end_char)
    if tokens is None:
        return False
    start, end = tokens
    syntax = syntax_of(doc)
    head = syntax.head
    roots = [i for i in range(start, end) if head[i] == i or not start <= head[i] < end]
    if len(roots) != 1:
        return False
    root = roots[0]
    lower, words = words_of(doc).lower[root], non_actors()
    return lower in words.time_names or (syntax.pos[root] == "NOUN" and lower in words.time_words)


def is_belief(text: str) -> bool:
    """A religion, ideology or observance: listed, or one word with a doctrine suffix."""
    words = non_actors()
    key = fold(text).strip()
    if key in words.beliefs:
        return True
    if " " in key or "-" in key or not key.isalpha():
        return False
    return any(key.endswith(s) and len(key) - len(s) >= MIN_STEM for s in words.belief_suffixes)


def is_product(text: str) -> bool:
    """A listed product, bare or with a version ("IE6", "Windows XP", "Chrome 12")."""
    words = non_actors()
    key = " ".join(fold(text).split())
    if key in words.products:
        return True
    match = VERSION_NUMBER.match(key)
    if match and match.group("base").strip() in words.products:
        return True
    base, _, version = key.rpartition(" ")
    return bool(base) and version in words.product_versions and base in words.products


def _common_noun(doc: Any, m: NameMention, alphabetic: set[str]) -> bool:
    """One capitalised word the document also uses in lower case ("Iodine" at a sentence's
    start, "iodine" elsewhere) is an ordinary noun, when its capital says nothing: it opens
    the sentence or the token is not tagged a proper noun. `alphabetic`: the Doc's distinct
    alphabetic words."""
    if m.tend - m.tstart != 1:
        return False
    i, words = m.tstart, words_of(doc)
    if not _in_lower_case(words.lower[i], alphabetic):  # the cheapest test first
        return False
    syntax = syntax_of(doc)
    if not syntax.alpha[i] or words.texts[i].isupper():
        return False
    return bool(syntax.sent_start[i] or syntax.pos[i] != "PROPN")


def _in_lower_case(lower: str, alphabetic: set[str]) -> bool:
    """Whether the document writes the (lower-cased) word in lower case: asked of the one word
    itself, not by collecting every lower-case word of the document first."""
    return lower in alphabetic and lower.islower()


def is_event(text: str) -> bool:
    """A name of two or more words that ends in an event word ("Google Science Fair")."""
    words = fold(text).split()
    return len(words) > 1 and words[-1] in non_actors().event_heads


def _part_of_title(doc: Any, m: NameMention, title_at: Callable[[int], bool]) -> bool:
    """Title words before another title word ("Home Secretary", "Foreign Affairs minister"):
    the name is a person's title, not an organisation; a body word ("Interior Ministry
    spokesman") keeps it an organisation. `title_at`: the Doc's `title_test`."""
    if m.tend >= len(doc) or not title_at(m.tend):
        return False
    bodies, lower = lexicon().org_sector_words, words_of(doc).lower
    return all(title_at(i) and lower[i] not in bodies for i in range(m.tstart, m.tend))


def _post_nominal(doc: Any, m: NameMention) -> bool:
    """Letters after a comma that honour the person before them ("Jane Doe, QC")."""
    texts = words_of(doc).texts
    if m.tend - m.tstart != 1 or m.tstart == 0 or texts[m.tstart - 1] != ",":
        return False
    return fold(texts[m.tstart]).replace(".", "") in non_actors().post_nominals


@lru_cache(maxsize=1 << 14)
def _not_an_actor(text: str) -> bool:
    """A belief, product or event name (the answer depends on the name alone: kept per name)."""
    return is_belief(text) or is_product(text) or is_event(text)


def drop_non_actors(doc: Any, mentions: list[NameMention]) -> list[NameMention]:
    """Mentions left after beliefs, products, events, capitalised common nouns, title words
    and post-nominal letters are removed; a knowledge-base name always stays."""
    if not mentions:  # a text without names: none of the tables below is read
        return []
    words = words_of(doc)
    # the distinct alphabetic words (a C-level pass); the lower-case test only for the words
    # a one-word name asks about
    alphabetic = set(compress(words.texts, syntax_of(doc).alpha))
    kept: list[NameMention] = []
    title_at = title_test(doc)
    n, lower, texts = len(words), words.lower, words.texts
    for m in mentions:
        if m.kb is None:
            if _not_an_actor(words.span_text(m.tstart, m.tend)):
                continue
            # each test's own first conditions asked here: most names fail them, and the
            # call is what costs
            i = m.tstart
            one_word = m.tend - i == 1
            if (
                one_word
                and (word := lower[i]) in alphabetic  # `_in_lower_case` in place
                and word.islower()
                and _common_noun(doc, m, alphabetic)
            ):
                continue
            if m.tend < n and title_at(m.tend) and _part_of_title(doc, m, title_at):
                continue
            if one_word and i > 0 and texts[i - 1] == "," and _post_nominal(doc, m):
                continue
        kept.append(m)
    return kept
