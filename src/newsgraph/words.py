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
from typing import Any, NamedTuple

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


SYNTAX_KEY = "newsgraph.syntax"


class Syntax:
    """The parse of one Doc as lists indexed by token number: what `Token.head.i`, `.dep_`,
    `.pos_`, `.tag_`, `.lemma_`, `.is_alpha`, `.is_punct`, `.is_stop` and `.is_sent_start`
    give, read in one array call (rules that look at the words around every name asked the
    Doc for Token objects hundreds of thousands of times per document)."""

    __slots__ = ("alpha", "dep", "head", "lemma", "pos", "punct", "sent_start", "stop", "tag")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_PUNCT, IS_STOP, LEMMA, POS, SENT_START, TAG

        attrs = [HEAD, SENT_START, DEP, POS, TAG, LEMMA, IS_ALPHA, IS_PUNCT, IS_STOP]
        rows = doc.to_array(attrs).reshape(len(doc), len(attrs))
        strings = doc.vocab.strings
        seen: dict[int, str] = {}
        # HEAD (an offset) and SENT_START (1, 0 or -1) are signed: the array is unsigned
        offsets = rows[:, 0].astype("int64").tolist()
        self.head: Sequence[int] = array("q", [i + o for i, o in enumerate(offsets)])
        """The token number of each token's syntactic head (a root is its own head)."""
        self.sent_start: list[bool] = [s == 1 for s in rows[:, 1].astype("int64").tolist()]
        """`Token.is_sent_start` as a truth value (its None, "not set", reads as False)."""
        self.dep: list[str] = [_string(strings, seen, h) for h in rows[:, 2].tolist()]
        self.pos: list[str] = [_string(strings, seen, h) for h in rows[:, 3].tolist()]
        self.tag: list[str] = [_string(strings, seen, h) for h in rows[:, 4].tolist()]
        self.lemma: list[str] = [_string(strings, seen, h) for h in rows[:, 5].tolist()]
        self.alpha: list[bool] = [bool(f) for f in rows[:, 6].tolist()]
        self.punct: list[bool] = [bool(f) for f in rows[:, 7].tolist()]
        self.stop: list[bool] = [bool(f) for f in rows[:, 8].tolist()]

    def __len__(self) -> int:
        return len(self.dep)


def syntax_of(doc: Any) -> Syntax:
    """The Doc's `Syntax`, read on the first call for this Doc."""
    cached = doc.user_data.get(SYNTAX_KEY)
    if not isinstance(cached, Syntax):
        cached = doc.user_data[SYNTAX_KEY] = Syntax(doc)
    return cached


ENTS_KEY = "newsgraph.ents"


class Ent(NamedTuple):
    """One of spaCy's named-entity spans as plain values (`Doc.ents` builds new Span objects,
    and reads the whole Doc's labels, on every access)."""

    start: int
    end: int
    label: str
    start_char: int
    end_char: int


def ents_of(doc: Any) -> list[Ent]:
    """The Doc's entity spans, read from `Doc.ents` on the first call for this Doc (the list is
    read-only by convention; the stages after the parse never set entities)."""
    cached = doc.user_data.get(ENTS_KEY)
    if isinstance(cached, list):
        return cached
    ents = [Ent(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
    doc.user_data[ENTS_KEY] = ents
    return ents
