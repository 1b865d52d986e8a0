"""The matching key for names: forgiving about spelling noise, never about identity.

`normalize_name` folds case, diacritics, dots, possessives, Arabic articles (al-, el-, ash-, ...)
and a short table of transliteration variants of the same given name (Ahmad/Ahmed,
Mohammed/Mohamed/Muhammad, Abdel/Abdul, ibn/bin; see data/name_variants.tsv). It does no string
similarity: two names match only if their keys are equal, so "Mohamed al-Golani" and "Mohammed
bin Salman" stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from newsgraph.fold import fold as fold_letters

VARIANTS_FILE = "name_variants.tsv"
"""canonical<TAB>variant|variant... ; every variant token is rewritten to its canonical form."""

ARTICLE_PREFIXES = frozenset(
    {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ud", "ul"}
)
"""Arabic article forms written joined by a hyphen ("al-Assad", "ash-Sharaa"); dropped."""

FREE_ARTICLES = frozenset({"al", "el"})
"""Articles written as their own word ("Bashar Al Assad"); dropped unless last."""

MAX_GUARDED_ACRONYM = 3
"""Acronyms up to this length ("US", "AP", "WHO") collide with words and match only in capitals."""

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4]")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^\w\s-]+")
_ACRONYM = re.compile(r"^[A-Z0-9]{2,6}$")


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("newsgraph.kb").joinpath("data", VARIANTS_FILE).read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        for variant in variants.split("|"):
            if variant.strip():
                table[variant.strip()] = canonical.strip()
    return table


def fold(text: str) -> str:
    """`newsgraph.fold.fold` with "&" read as "and" ("AT&T" → "at and t")."""
    return fold_letters(unicodedata.normalize("NFKC", text).replace("&", " and "))


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The matching key of a name: "Erdoğan's" -> "erdogan", "Ahmed al-Sharaa" -> "ahmad sharaa"."""
    text = fold(_APOSTROPHES.sub("'", name))
    text = _POSSESSIVE.sub("", text).replace("'", "").replace(".", "")
    text = _NON_WORD.sub(" ", text)
    variants = _variants()
    tokens: list[str] = []
    for word in text.split():
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and parts[0] in ARTICLE_PREFIXES:
            parts = parts[1:]
        tokens.extend(parts)
    tokens = [t for i, t in enumerate(tokens) if not (t in FREE_ARTICLES and i < len(tokens) - 1)]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(variants.get(t, t) for t in tokens)


@lru_cache(maxsize=1 << 16)
def acronym_key(name: str) -> str | None:
    """The capitals of an acronym ("the U.S." -> "US", "U.N." -> "UN"), or None if `name` is
    not written as one."""
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    compact = text.replace(".", "").replace(" ", "")
    compact = _POSSESSIVE.sub("", _APOSTROPHES.sub("'", compact))
    if _ACRONYM.match(compact) and any(c.isalpha() for c in compact):
        return compact
    return None


def is_guarded_acronym(name: str) -> bool:
    """Short all-capital names that are also common words when lower-cased (US, AP, WHO, IS)."""
    key = acronym_key(name)
    return key is not None and len(key) <= MAX_GUARDED_ACRONYM
