"""The per-token attributes the stages after the parse read, taken from a Doc once per document.

Indexing a spaCy Doc (`doc[i]`) builds a new Token object on every access, and `Span.text` joins
its tokens each time: a stage that walks every token and tries every window of a name run paid
for that hundreds of thousands of times per document. `words_of(doc)` reads each token once into
plain lists; the result is kept in the Doc's own `user_data` (it lives and dies with the Doc).
The lists are read-only by convention: the stages after the parse never change the tokens.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

KEY = "newsgraph.words"


@lru_cache(maxsize=1 << 16)
def is_capitalised(text: str) -> bool:
    """A word that starts with a capital and has a letter ("Kenya", "U.S.", not "2024")."""
    return bool(text[:1].isupper() and any(c.isalpha() for c in text))


class Words:
    """Token attributes of one Doc as lists indexed by token number, and the Doc's text."""

    __slots__ = ("capital", "end", "lower", "space", "start", "text", "texts", "trailing")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import IDX, IS_SPACE, LOWER, ORTH, SPACY

        # One array call and string-store lookups: no Token object is built (that is what
        # made `for token in doc` slow), and the text is joined from the words as `Doc.text` is.
        rows = doc.to_array([IDX, IS_SPACE, SPACY, ORTH, LOWER]).reshape(len(doc), 5)
        strings = doc.vocab.strings
        # one string object per distinct word and offsets as machine integers: a 4 MB article
        # has about a million tokens, and a Python object for each would cost hundreds of MiB
        seen: dict[int, str] = {}
        self.texts: list[str] = [_string(strings, seen, h) for h in rows[:, 3].tolist()]
        self.lower: list[str] = [_string(strings, seen, h) for h in rows[:, 4].tolist()]
        self.start: Sequence[int] = array("q", rows[:, 0].tolist())
        self.end: Sequence[int] = array(
            "q", [i + len(t) for i, t in zip(self.start, self.texts, strict=True)]
        )
        self.space: list[bool] = [bool(f) for f in rows[:, 1].tolist()]
        self.trailing: list[bool] = [bool(f) for f in rows[:, 2].tolist()]
        """Whether a space follows the token (`Token.whitespace_` is " ")."""
        self.text: str = "".join(
            [t + " " if f else t for t, f in zip(self.texts, self.trailing, strict=True)]
        )
        self.capital: list[bool] = [is_capitalised(t) for t in self.texts]

    def __len__(self) -> int:
        return len(self.texts)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` (token offsets inside the Doc)."""
        if end <= start:
            return ""
        return self.text[self.start[start] : self.end[end - 1]]


def _string(strings: Any, seen: dict[int, str], key: int) -> str:
    text = seen.get(key)
    if text is None:
        text = seen[key] = strings[key]
    return text


def words_of(doc: Any) -> Words:
    """The Doc's `Words`, read on the first call for this Doc."""
    cached = doc.user_data.get(KEY)
    if not isinstance(cached, Words):
        cached = doc.user_data[KEY] = Words(doc)
    return cached


PARSE_KEY = "newsgraph.parse"


class Parse:
    """The parse of one Doc as lists indexed by token number: each token's head index, coarse
    part of speech, dependency label and lower-cased lemma (what a rule asks of every word;
    `token.head` builds a Token and `token.lemma_` looks up a string on each access)."""

    __slots__ = ("dep", "head", "lemma", "pos")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import DEP, HEAD, LEMMA, POS

        n = len(doc)
        rows = doc.to_array([HEAD, POS, DEP, LEMMA]).reshape(n, 4)
        strings = doc.vocab.strings
        seen: dict[int, str] = {}
        # HEAD is the offset of the head from the token, stored unsigned: read it as signed
        self.head: list[int] = [
            i + offset for i, offset in enumerate(rows[:, 0].astype("int64").tolist())
        ]
        self.pos: list[str] = [_string(strings, seen, h) for h in rows[:, 1].tolist()]
        self.dep: list[str] = [_string(strings, seen, h) for h in rows[:, 2].tolist()]
        lower: dict[str, str] = {}
        self.lemma: list[str] = [
            lower.get(s) or lower.setdefault(s, s.lower())
            for s in (_string(strings, seen, h) for h in rows[:, 3].tolist())
        ]
        """`token.lemma_.lower()`."""


def parse_of(doc: Any) -> Parse:
    """The Doc's `Parse`, read on the first call for this Doc (kept in its `user_data`)."""
    cached = doc.user_data.get(PARSE_KEY)
    if not isinstance(cached, Parse):
        cached = doc.user_data[PARSE_KEY] = Parse(doc)
    return cached
