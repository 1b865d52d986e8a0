"""One way to fold a name, shared by the gazetteer, the knowledge base, actors and the store.

News writes "Türkiye", "TURKIYE" and "Turkiye", "Łukaszenka" and "Lukaszenka", "Rif-Dimashq" and
"Rif Dimashq". `fold` removes case, accents and the letters Unicode does not decompose (ł, ø, ß,
...); every name key in newsgraph starts from it. The keys built on it differ only in what they
do with punctuation, on purpose:

- `normalize_key` (gazetteer and places): apostrophes to one form, dashes and underscores to
  spaces, one space between words. Dots are kept ("U.S." and "us" must not meet); the gazetteer
  generator adds a dotless variant where that is safe ("St. Louis").
- `newsgraph.kb.normalize.normalize_name` (knowledge base, store): "&" read as "and", dots,
  possessives and Arabic articles dropped, transliteration variants unified.
- `newsgraph.actors.names.name_tokens` (actors): the comparable words of a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
    }
)
"""Lower-case letters that NFKD does not decompose into a base letter and a mark."""

_PUNCTUATION = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        "_": " ",
    }
)
"""Punctuation variants a place key folds to one form (apostrophes) or to a space (dashes)."""

_SPACES = re.compile(r"\s+")


# Cached: the stages fold the same few thousand words and names over and over.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without diacritics or special letters ("Erdoğan" → "erdogan", "Łódź" → "lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(LETTERS)


@lru_cache(maxsize=1 << 16)
def normalize_key(name: str) -> str:
    """Fold a place name to its index key: lower case, no accents, one space between words."""
    return _SPACES.sub(" ", fold(name).translate(_PUNCTUATION)).strip(" ,;:")


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (other scripts never match English text)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
