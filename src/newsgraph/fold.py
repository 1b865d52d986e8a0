"""One spelling-independent key per name, shared by the gazetteer (generator and lookup) and the stages.

News writes "Türkiye", "TURKIYE" and "Turkiye", "Rif-Dimashq" and "Rif Dimashq"; the key folds
case, accents, apostrophes and dashes so all of them meet in one index slot. Dots are kept ("U.S."
and "us" must not meet); the generator adds a dotless variant where that is safe ("St. Louis").
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
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
"""Letters that NFKD does not decompose, and punctuation variants folded to one form."""

_SPACES = re.compile(r"\s+")


def normalize_key(name: str) -> str:
    """Fold a place name to its index key: lower case, no accents, one space between words."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_FOLD)).strip(" ,;:")


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (other scripts never match English text)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
