"""The parse of a Doc as lists of token numbers, for the tree walks of event dating.

Event dating climbs from a time expression or a trigger to the verb that governs it, reads the
auxiliaries of that verb and looks for a token in a clause. Done with spaCy's Token objects each
`.head`, `.children` or `doc[i]` builds a new Python object, and `Doc.char_span` a new Span:
tens of thousands per document. `tree_of(doc)` reads the parse once (from `words_of` and
`syntax_of`) and answers the same questions over integers:

- `span(start, end)` is `Doc.char_span(start, end, alignment_mode="expand")` as a token range,
  `contract(start, end)` the same with `alignment_mode="contract"`;
- `root(start, end)` is `Span.root`; `children[i]` is `Token.children`; `in_subtree` tests
  membership of `Token.subtree`.

Note for callers converting Token code: `token.head is token` never holds for spaCy's Tokens
(each access builds a new object), so a climb written with it goes on at the root.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from newsgraph.words import syntax_of, words_of

KEY = "newsgraph.times.tree"


class Tree:
    """Token attributes and parse of one Doc as lists indexed by token number."""

    __slots__ = (
        "children",
        "dep",
        "head",
        "idx",
        "lemma",
        "lemma_lower",
        "length",
        "lower",
        "pos",
        "reach",
        "tag",
        "text",
        "unrooted",
    )

    def __init__(self, doc: Any) -> None:
        words, syntax = words_of(doc), syntax_of(doc)
        self.idx: Sequence[int] = words.start
        self.length: list[int] = [len(t) for t in words.texts]
        self.reach: list[int] = [
            i + n + int(ws)
            for i, n, ws in zip(words.start, self.length, words.trailing, strict=True)
        ]
        """Where each token's claim on the text ends: its trailing space counts (`Doc.char_span`
        finds a character in a token's trailing space in that token)."""
        self.text, self.lower = words.texts, words.lower
        self.head = syntax.head
        self.dep, self.pos, self.tag, self.lemma = syntax.dep, syntax.pos, syntax.tag, syntax.lemma
        lowered: dict[str, str] = {}
        self.lemma_lower: list[str] = [
            lowered.get(lemma) or lowered.setdefault(lemma, lemma.lower()) for lemma in syntax.lemma
        ]
        self.children: list[list[int]] = [[] for _ in self.length]
        for i, head in enumerate(self.head):
            if head != i:
                self.children[head].append(i)
        self.unrooted: list[bool] = [
            (space or punct) and not kids
            for space, punct, kids in zip(words.space, syntax.punct, self.children, strict=True)
        ]
        """A space or punctuation token with no children: `Span.root` takes one only when
        nothing else will do."""

    def __len__(self) -> int:
        return len(self.length)

    def _at(self, char: int) -> int:
        """The token whose text or trailing space holds the character, or -1."""
        i = bisect_right(self.idx, char) - 1
        return i if i >= 0 and char < self.reach[i] else -1

    def span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="expand")` as (start, end)."""
        start = self._at(start_char)
        if start < 0:
            return None
        end = self._at(end_char - 1)
        if end < 0:
            return None
        if start_char == self.idx[start] + self.length[start]:
            start += 1
        if start > end + 1:  # the error `Span()` raises for it
            raise IndexError(
                f"Error creating span with start {start} and end {end + 1} for Doc of "
                f"length {len(self)}."
            )
        return start, end + 1

    def contract(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="contract")` as (start, end)."""
        start = self._at(start_char)
        if start < 0:
            return None
        end = self._at(end_char - 1)
        if end < 0:
            return None
        if self.idx[start] < start_char:
            start += 1
        if end_char < self.idx[end] + self.length[end]:
            end -= 1
        return None if end < start else (start, end + 1)

    def root(self, start: int, end: int) -> int:
        """`Span.root` of the tokens [start, end): a sentence root inside, else the token whose
        head lies outside and that is nearest the sentence root (the first one on a tie; a bare
        space or punctuation mark counts as far)."""
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, found = len(self), -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            steps = self._steps_to_root(i)
            if steps < best:
                best, found = steps, i
        return start if found == -1 else found

    def _steps_to_root(self, i: int) -> int:
        if self.unrooted[i]:
            return len(self) - 1
        steps = 0
        while self.head[i] != i:
            i = self.head[i]
            steps += 1
            if steps >= len(self):
                raise RuntimeError("the parse has a cycle (spaCy error E039)")
        return steps

    def root_at(self, start_char: int, end_char: int) -> int | None:
        """The root token of the expanded character span, or None for no (or an empty) span:
        `span.root if span is not None and len(span) else None`."""
        found = self.span(start_char, end_char)
        if found is None or found[0] == found[1]:
            return None
        return self.root(*found)

    def subtree(self, top: int) -> list[int]:
        """`Token.subtree`, in its order: each left child's subtree, the token, each right
        child's subtree (text order, unless the parse crosses itself)."""
        found: list[int] = []
        stack: list[tuple[int, bool]] = [(top, False)]
        while stack:
            token, expanded = stack.pop()
            if expanded:
                found.append(token)
                continue
            kids = self.children[token]
            stack += [(c, False) for c in reversed(kids) if c > token]
            stack.append((token, True))
            stack += [(c, False) for c in reversed(kids) if c < token]
        return found

    def in_subtree(self, token: int, top: int) -> bool:
        """`token` is in `Token.subtree` of `top`: `top` itself or one of its descendants."""
        seen = 0
        while True:
            if token == top:
                return True
            parent = self.head[token]
            if parent == token:
                return False
            token = parent
            seen += 1
            if seen >= len(self):
                return False


def tree_of(doc: Any) -> Tree:
    """The Doc's `Tree`, read on the first call for this Doc (kept in its `user_data`)."""
    cached = doc.user_data.get(KEY)
    if not isinstance(cached, Tree):
        cached = doc.user_data[KEY] = Tree(doc)
    return cached
