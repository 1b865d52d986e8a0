"""The per-token attributes the stages after the parse read, taken from a Doc once per document.

Indexing a spaCy Doc (`doc[i]`) builds a new Token object on every access, and `Span.text` joins
its tokens each time: a stage that walks every token and tries every window of a name run paid
for that hundreds of thousands of times per document. `words_of(doc)` reads each token once into
plain lists; the result is kept in the Doc's own `user_data` (it lives and dies with the Doc).
The lists are read-only by convention: the stages after the parse never change the tokens.
"""

from __future__ import annotations

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
        self.texts: list[str] = [strings[h] for h in rows[:, 3].tolist()]
        self.lower: list[str] = [strings[h] for h in rows[:, 4].tolist()]
        self.start: list[int] = rows[:, 0].tolist()
        self.end: list[int] = [i + len(t) for i, t in zip(self.start, self.texts, strict=True)]
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


def words_of(doc: Any) -> Words:
    """The Doc's `Words`, read on the first call for this Doc."""
    cached = doc.user_data.get(KEY)
    if not isinstance(cached, Words):
        cached = doc.user_data[KEY] = Words(doc)
    return cached
