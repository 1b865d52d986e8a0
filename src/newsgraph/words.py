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
        self.text: str = doc.text
        self.texts: list[str] = []
        self.lower: list[str] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.space: list[bool] = []
        self.trailing: list[bool] = []
        """Whether whitespace follows the token (`Token.whitespace_` is not empty)."""
        for token in doc:
            text = token.text
            self.texts.append(text)
            self.lower.append(token.lower_)
            self.start.append(token.idx)
            self.end.append(token.idx + len(text))
            self.space.append(token.is_space)
            self.trailing.append(bool(token.whitespace_))
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
