"""The per-token attributes the stages after the parse read, taken from a Doc once per document.

Indexing a spaCy Doc (`doc[i]`) builds a new Token object on every access, and `Span.text` joins
its tokens each time: a stage that walks every token and tries every window of a name run paid
for that hundreds of thousands of times per document. `words_of(doc)` reads each token once into
plain lists; the result is kept in the Doc's own `user_data` (it lives and dies with the Doc).
The lists are read-only by convention: the stages after the parse never change the tokens.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat
from typing import Any, NamedTuple, TypeVar

KEY = "newsgraph.words"

T = TypeVar("T")


def kept_on_doc(doc: Any, key: str, kind: type[T], build: Callable[[Any], T]) -> T:
    """`doc.user_data[key]` when it holds a `kind`, else `build(doc)`, kept there: each per-Doc
    table is read from the Doc once and shared by every stage that asks for it, and it lives and
    dies with the Doc."""
    found = doc.user_data.get(key)
    if isinstance(found, kind):
        return found
    made: T = build(doc)
    doc.user_data[key] = made
    return made


def doc_table(key: str, kind: type[T], build: Callable[[Any], T]) -> Callable[[Any], T]:
    """The getter of one per-Doc table (`kept_on_doc` under `key`): once the table is built, a
    call is one dictionary look-up and a type test in place, with no further call (the stages
    ask for these tables tens of thousands of times a round, inside their loops)."""

    def table_of(doc: Any) -> T:
        found = doc.user_data.get(key)
        return found if type(found) is kind else kept_on_doc(doc, key, kind, build)

    return table_of


_SPACES = ("", " ")


@lru_cache(maxsize=1 << 16)
def is_capitalised(text: str) -> bool:
    """A word that starts with a capital and has a letter ("Kenya", "U.S.", not "2024")."""
    return bool(text[:1].isupper() and any(c.isalpha() for c in text))


class Words:
    """Token attributes of one Doc as lists indexed by token number, and the Doc's text."""

    __slots__ = ("capital", "end", "lower", "space", "start", "text", "texts", "trailing")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, ORTH, SPACY

        # One array call and string-store lookups: no Token object is built (that is what
        # made `for token in doc` slow), and the text is joined from the words as `Doc.text` is.
        rows = doc.to_array([IDX, IS_SPACE, SPACY, ORTH, LOWER, LENGTH]).reshape(len(doc), 6)
        # one string object per distinct word (the table `Syntax` reads its strings from) and
        # offsets as machine integers: a 4 MB article has about a million tokens, and a Python
        # object for each would cost hundreds of MiB
        self.texts: list[str] = strings_of(rows[:, 3].tolist(), doc.vocab.strings)
        self.lower: list[str] = strings_of(rows[:, 4].tolist(), doc.vocab.strings)
        # the offsets straight from the array's bytes (LENGTH: `len(token.text)`), not through
        # a Python int per token
        self.start: Sequence[int] = _int64s(rows[:, 0])
        self.end: Sequence[int] = _int64s(rows[:, 0] + rows[:, 5])
        self.space: list[bool] = (rows[:, 1] != 0).tolist()
        self.trailing: list[bool] = (rows[:, 2] != 0).tolist()
        """Whether a space follows the token (`Token.whitespace_` is " ")."""
        pieces: list[str] = [""] * (2 * len(self.texts))
        pieces[::2] = self.texts  # each word, then its trailing space or ""
        pieces[1::2] = map(_SPACES.__getitem__, self.trailing)
        self.text: str = "".join(pieces)
        self.capital: list[bool] = list(map(is_capitalised, self.texts))

    def __len__(self) -> int:
        return len(self.texts)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` (token offsets inside the Doc)."""
        if end <= start:
            return ""
        return self.text[self.start[start] : self.end[end - 1]]

    def _at(self, char: int) -> int:
        """The token whose text or trailing space holds the character, or -1."""
        i = bisect_right(self.start, char) - 1
        # a character in a token's trailing space belongs to that token, as in `Doc.char_span`
        return i if i >= 0 and char < self.end[i] + self.trailing[i] else -1

    def _edges(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The tokens holding the first and the last character, or None (no such token)."""
        start, end = self._at(start_char), self._at(end_char - 1)
        return None if start < 0 or end < 0 else (start, end)

    def char_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="expand")` as (start, end)
        token numbers, without building a Span; None where it gives None.

        `_edges` in place (asked 14,000 times a round, mostly by the time stage)."""
        starts, ends, trailing = self.start, self.end, self.trailing
        start = bisect_right(starts, start_char) - 1
        if start < 0 or start_char >= ends[start] + trailing[start]:
            return None
        end = bisect_right(starts, end_char - 1) - 1
        if end < 0 or end_char - 1 >= ends[end] + trailing[end]:
            return None
        if start_char == ends[start]:
            start += 1
        if start > end + 1:  # the error `Span()` raises for it
            raise IndexError(
                f"Error creating span with start {start} and end {end + 1} for Doc of "
                f"length {len(self)}."
            )
        return start, end + 1

    def char_span_contract(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="contract")` as (start, end)."""
        edges = self._edges(start_char, end_char)
        if edges is None:
            return None
        start, end = edges
        if self.start[start] < start_char:
            start += 1
        if end_char < self.end[end]:
            end -= 1
        return None if end < start else (start, end + 1)


def _int64s(values: Any) -> array[int]:
    """A numpy column of non-negative integers as an `array("q")`."""
    found = array("q")
    found.frombytes(values.astype("int64").tobytes())
    return found


words_of = doc_table(KEY, Words, Words)
"""The Doc's `Words`, read on the first call for this Doc."""


SYNTAX_KEY = "newsgraph.syntax"

_NAMES: dict[int, str] = {}
"""Strings of the hashes read so far (dependency labels, tags, lemmas). A string's hash is the
same in every StringStore, so one table serves every Doc and model."""

_FLAG_COLUMNS = frozenset({"alpha", "punct", "stop", "space"})
_LABEL_COLUMNS = frozenset({"dep", "pos", "tag"})
"""Columns of a closed set of strings (unlike words and lemmas, which new text keeps adding)."""

MAX_NAMES = 1 << 18
"""Past this many strings the table starts afresh."""


def strings_of(hashes: list[int], strings: Any) -> list[str]:
    """The strings of `hashes` (a StringStore's keys), one object per distinct string."""
    global _NAMES
    names = _NAMES  # a table is only ever added to: another thread may start a new one
    if len(names) > MAX_NAMES:
        names = _NAMES = {}
    for h in set(hashes).difference(names):
        names[h] = strings[h]
    return list(map(names.__getitem__, hashes))


_SYNTAX_COLUMNS = (
    "head", "sent_start", "dep", "pos", "tag", "lemma", "alpha", "punct", "stop", "space"
)  # fmt: skip


class Syntax:
    """The parse of one Doc as lists indexed by token number: what `Token.head.i`, `.dep_`,
    `.pos_`, `.tag_`, `.lemma_`, `.is_alpha`, `.is_punct`, `.is_stop` and `.is_sent_start`
    give, read in one array call (rules that look at the words around every name asked the
    Doc for Token objects hundreds of thousands of times per document). Each list is made on
    its first use: most documents need only a few of them."""

    head: Sequence[int]
    """The token number of each token's syntactic head (a root is its own head)."""
    sent_start: list[bool]
    """`Token.is_sent_start` as a truth value (its None, "not set", reads as False)."""
    dep: list[str]
    pos: list[str]
    tag: list[str]
    lemma: list[str]
    alpha: list[bool]
    punct: list[bool]
    stop: list[bool]
    space: list[bool]

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import (
            DEP,
            HEAD,
            IS_ALPHA,
            IS_PUNCT,
            IS_SPACE,
            IS_STOP,
            LEMMA,
            POS,
            SENT_START,
            TAG,
        )

        attrs = [HEAD, SENT_START, DEP, POS, TAG, LEMMA, IS_ALPHA, IS_PUNCT, IS_STOP, IS_SPACE]
        rows = doc.to_array(attrs).reshape(len(doc), len(attrs))
        self._length = len(doc)
        # Each column apart in its smallest type until it is read, then dropped (a 4 MB article
        # has about 750,000 tokens). HEAD (an offset) and SENT_START (1, 0 or -1) are signed in
        # the unsigned array.
        self._raw: dict[str, Any] = {}
        for k, name in enumerate(_SYNTAX_COLUMNS):
            values = rows[:, k]
            if name == "head":
                self._raw[name] = values.astype("int64").astype("int32")
            elif name == "sent_start":
                self._raw[name] = values.astype("int64").astype("int8")
            elif name in _FLAG_COLUMNS:
                self._raw[name] = values != 0
            else:
                self._raw[name] = values.copy()
        self._strings = doc.vocab.strings
        self._governors: bytes | None = None

    def __len__(self) -> int:
        return self._length

    def __getattr__(self, name: str) -> Any:
        """A column, read on its first use and then kept as a plain attribute (this runs only
        for an attribute not set yet: a property ran on every use, 130,000 per 210 articles)."""
        raw = self.__dict__.get("_raw")
        values = None if raw is None else raw.pop(name, None)
        if values is None:
            if name in self.__dict__:  # another thread read it meanwhile
                return self.__dict__[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        column = self._read(name, values)
        setattr(self, name, column)
        return column

    def _read(self, name: str, values: Any) -> Any:
        if name == "head":
            import numpy

            heads = numpy.arange(len(values), dtype="int64") + values
            return array("q", heads.tobytes())
        if name == "sent_start":
            return (values == 1).tolist()
        if name in _FLAG_COLUMNS:
            return values.tolist()
        hashes = values.tolist()
        if name in _LABEL_COLUMNS:  # a few dozen labels, all read before after the first Docs
            try:
                return list(map(_NAMES.__getitem__, hashes))
            except KeyError:
                pass
        return strings_of(hashes, self._strings)

    def root(self, start: int, end: int) -> int:
        """The token number of `doc[start:end].root`, by spaCy's own rule: a sentence root in
        the span, else the token nearest the sentence root whose head lies outside the span
        (the first of equals; spaces and punctuation without dependants count as farthest),
        else the first token."""
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = len(self), -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            steps = self._steps_to_root(i)
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root

    def _steps_to_root(self, i: int) -> int:
        n, head = len(self), self.head
        if (self.space[i] or self.punct[i]) and not self._heads()[i]:
            return n - 1
        steps = 0
        while head[i] != i:
            i = head[i]
            steps += 1
            if steps >= n:
                raise RuntimeError("the parse has a cycle of heads")
        return steps

    def _heads(self) -> bytes:
        """1 for each token that is some other token's head (has dependants), else 0."""
        if self._governors is None:
            import numpy

            heads = numpy.asarray(self.head, dtype="int64")
            flags = numpy.zeros(len(self), dtype=bool)
            flags[heads[heads != numpy.arange(len(self))]] = True
            self._governors = flags.tobytes()
        return self._governors


syntax_of = doc_table(SYNTAX_KEY, Syntax, Syntax)
"""The Doc's `Syntax`, read on the first call for this Doc."""


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
    """The Doc's entity spans, as `Doc.ents` gives them, read on the first call for this Doc (the
    list is read-only by convention; the stages after the parse never set entities)."""
    return kept_on_doc(doc, ENTS_KEY, list, _read_ents)


_B, _I = 3, 1
"""`Token.ent_iob` codes of a beginning and an inside token (2: outside, 0: not set)."""


def _read_ents(doc: Any) -> list[Ent]:
    """`Doc.ents` from one array call and the Doc's `Words`: `Doc.ents` builds a Span object per
    entity and the stages need only its offsets and label. spaCy's rule: an entity starts at a B
    token with a type and runs until the next token that is no I (whatever the I's type); an I
    with no entity open is an error, which `Doc.ents` itself raises."""
    import numpy
    from spacy.attrs import ENT_IOB, ENT_TYPE

    n = len(doc)
    rows = doc.to_array([ENT_IOB, ENT_TYPE]).reshape(n, 2)
    iob, kind = rows[:, 0], rows[:, 1]
    starts = ((iob == _B) & (kind != 0)).nonzero()[0]
    closers = (iob != _I).nonzero()[0]  # the tokens that end an open entity
    inner = n - len(closers)
    if len(starts) == 0:
        return _spacy_ents(doc) if inner else []  # a stray I: `Doc.ents` raises its error
    closers = numpy.concatenate((closers, (n,)))
    ends = closers[closers.searchsorted(starts, side="right")]
    if int((ends - starts).sum()) != len(starts) + inner:
        return _spacy_ents(doc)  # an I outside every entity: `Doc.ents` raises its error
    hashes = kind[starts].tolist()
    try:  # a few dozen labels, all read after the first Docs
        labels = list(map(_NAMES.__getitem__, hashes))
    except KeyError:
        labels = strings_of(hashes, doc.vocab.strings)
    if "" in labels:  # `Doc.ents` drops a span whose label is empty
        return _spacy_ents(doc)
    first, last = starts.tolist(), ends.tolist()
    words = words_of(doc)  # the stages read it anyway: its offsets are `Span.start_char`'s
    chars = map(words.start.__getitem__, first), [words.end[e - 1] for e in last]
    found = zip(first, last, labels, *chars, strict=True)
    return list(map(tuple.__new__, repeat(Ent), found))  # Ent(*row) without a Python call each


def _spacy_ents(doc: Any) -> list[Ent]:
    return [Ent(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]


CHILDREN_KEY = "newsgraph.children"


class Children:
    """Each token's `Token.children` as token numbers, in the order spaCy yields them (left to
    right): `children[i]` is a new list. Kept as two flat lists (the children grouped by head,
    and where each head's group starts), not one list per token: a Doc's worth of small lists
    living as long as the Doc made the garbage collector walk the heap more often."""

    __slots__ = ("_first", "_kids")

    def __init__(self, heads: Sequence[int]) -> None:
        import numpy

        head = numpy.asarray(heads, dtype="int64")
        order = numpy.argsort(head, kind="stable")  # children by head, left to right in each
        kids = order[head[order] != order]  # a root is its own head, no child of itself
        counts = numpy.bincount(head[kids], minlength=len(head))
        self._kids: list[int] = kids.tolist()
        self._first: list[int] = [0, *numpy.cumsum(counts).tolist()]

    def __getitem__(self, i: int) -> list[int]:
        return self._kids[self._first[i] : self._first[i + 1]]


def _read_children(doc: Any) -> Children:
    return Children(syntax_of(doc).head)


children_of = doc_table(CHILDREN_KEY, Children, _read_children)
"""The Doc's `Children`, read from its heads on the first call for this Doc (`Token.children`
walks the Doc and builds a Token object for each child on every call)."""


def subtree_order(children: Children, top: int) -> list[int]:
    """`Token.subtree` of token `top` as token numbers, in the order spaCy yields them: each left
    child's subtree, the token, each right child's subtree (text order, unless the parse crosses
    itself)."""
    found: list[int] = []
    stack: list[tuple[int, bool]] = [(top, False)]  # (token, expanded into lefts, itself, rights)
    while stack:
        token, expanded = stack.pop()
        if expanded:
            found.append(token)
            continue
        kids = children[token]
        stack += [(c, False) for c in reversed(kids) if c > token]
        stack.append((token, True))
        stack += [(c, False) for c in reversed(kids) if c < token]
    return found
