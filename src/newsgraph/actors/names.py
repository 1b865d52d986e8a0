"""Name mentions and the word-level helpers every actors module shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.actors.lexicon import lexicon
from newsgraph.fold import fold as fold_letters
from newsgraph.kb import KBEntry
from newsgraph.words import is_capitalised, syntax_of, words_of


@dataclass(slots=True)
class NameMention:
    """A named mention before resolution (token offsets into the Doc, char offsets into text)."""

    tstart: int
    tend: int
    start: int
    end: int
    label: str
    kb: KBEntry | None = None
    from_kb: bool = False
    alias_of: NameMention | None = None
    """A mention the text declares this one an alias of ("... (HTS)", "formerly known as ...")."""
    nested: bool = False
    """A name inside a longer name ("Irving" in "Irving Police Department"): never an actor."""

    def key(self, doc: Any) -> str:
        return name_key(words_of(doc).span_text(self.tstart, self.tend))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """`newsgraph.fold.fold` (case, accents, ł/ø/ß ...) with apostrophes and dashes unified."""
    return (
        fold_letters(text).replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    )


def name_tokens(text: str) -> list[str]:
    """The comparable words of a name: folded, without "the", possessives or al-/el- particles."""
    return list(_name_tokens(text))


# The name functions are pure and called for the same few thousand names again and again.
@lru_cache(maxsize=1 << 16)
def _name_tokens(text: str) -> tuple[str, ...]:
    text = fold(text)
    text = re.sub(r"'s\b|'$", "", text)
    words = re.split(r"[\s\-]+", text)
    return tuple(w.strip(".,'\"") for w in words if w and w not in {"the", "al", "el", "ul"})


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    return " ".join(_name_tokens(text))


def positions(words: list[str], word: str) -> list[int]:
    """Where `word` stands in `words`, found by `list.index` (a C-level search: the word is
    rare, and a Python loop over every word cost more)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = words.index(word, at + 1)
            found.append(at)
    except ValueError:
        return found


def is_capital(token: Any) -> bool:
    return is_capitalised(token.text)


def is_title(token: Any) -> bool:
    """A title word ("Crown", "President", "Mr") that starts no person's name in a match."""
    if token.is_stop or (not token.is_alpha and not token.text.endswith(".")):
        return False
    return is_title_word(token.lower_)


def title_at(doc: Any, i: int) -> bool:
    """`is_title(doc[i])`, read from the Doc's arrays (no Token object is built)."""
    words, syntax = words_of(doc), syntax_of(doc)
    if syntax.stop[i] or (not syntax.alpha[i] and not words.texts[i].endswith(".")):
        return False
    return is_title_word(words.lower[i])


def title_test(doc: Any) -> Callable[[int], bool]:
    """`title_at` for one Doc, with its word lists read once: for a rule that asks about many
    tokens of the same document."""
    words, syntax = words_of(doc), syntax_of(doc)
    texts, lower, stop, alpha = words.texts, words.lower, syntax.stop, syntax.alpha

    def titled(i: int) -> bool:
        if stop[i] or (not alpha[i] and not texts[i].endswith(".")):
            return False
        return is_title_word(lower[i])

    return titled


def lazy_title_test(doc: Any) -> Callable[[int], bool]:
    """`title_test(doc)`, built on its first question: a rule that asks only now and then (and
    about most documents never) does not read the word lists for nothing."""
    test: Callable[[int], bool] | None = None

    def title_at(i: int) -> bool:
        nonlocal test
        if test is None:
            test = title_test(doc)
        return test(i)

    return title_at


def plural_title(lower: str) -> bool:
    """A title in the plural before two names ("Presidents Ruto and Museveni", "Prime
    Ministers ..."): never part of the name after it."""
    return len(lower) > 3 and lower.endswith("s") and is_title_word(lower[:-1])


@lru_cache(maxsize=1 << 14)
def is_title_word(lower: str) -> bool:
    """Whether a lower-case word is a title ("mr", "president", "minister", "gen.")."""
    word = lower.rstrip(".")
    words = lexicon()
    return word in words.gender_titles or word in words.role_heads or word in words.role_modifiers


SPONSOR_WORDS = frozenset(
    {"backed", "installed", "sponsored", "supported", "allied", "aligned", "funded", "trained",
     "armed", "friendly", "leaning", "inspired"}
)  # fmt: skip
"""Second halves of "Russian-backed", "Moscow-installed": the country is a sponsor, not the
owner (the separatists are not Russia's own)."""

STANCE_PREFIXES = frozenset({"pro", "anti"})
"""First halves of "pro-Russian", "anti-Western": a stance, not an owner."""


def sponsor_or_stance(token: Any) -> bool:
    """A country word that names a sponsor or a stance, not whose actors these are."""
    return sponsor_or_stance_at(token.doc, token.i)


def sponsor_or_stance_at(doc: Any, i: int) -> bool:
    """`sponsor_or_stance(doc[i])`, read from the Doc's word lists."""
    words = words_of(doc)
    texts, lower = words.texts, words.lower
    before = i >= 2 and texts[i - 1] == "-" and lower[i - 2] in STANCE_PREFIXES
    after = i + 2 < len(texts) and texts[i + 1] == "-" and lower[i + 2] in SPONSOR_WORDS
    glued = "-" in texts[i] and lower[i].split("-")[0] in STANCE_PREFIXES
    return bool(before or after or glued)
