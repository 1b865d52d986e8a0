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

from collections.abc import Sequence
from typing import Any

from newsgraph.words import (
    Children,
    children_of,
    doc_table,
    subtree_order,
    syntax_of,
    words_of,
)

KEY = "newsgraph.times.tree"


class Tree:
    """Token attributes and parse of one Doc as lists indexed by token number."""

    __slots__ = (
        "_lowered",
        "_roots",
        "_syntax",
        "_words",
        "children",
        "dep",
        "end",
        "head",
        "idx",
        "lemma",
        "lower",
        "pos",
        "punct",
        "space",
        "tag",
        "text",
        "trailing",
    )

    def __init__(self, doc: Any) -> None:
        # Every list is shared with the other stages that read it: `words_of`, `syntax_of`
        # and `children_of` keep them on the Doc.
        words, syntax = words_of(doc), syntax_of(doc)
        self.idx: Sequence[int] = words.start
        self.end: Sequence[int] = words.end
        self.trailing, self.space = words.trailing, words.space
        self.text, self.lower = words.texts, words.lower
        self.head, self.punct = syntax.head, syntax.punct
        self.dep, self.pos, self.tag, self.lemma = syntax.dep, syntax.pos, syntax.tag, syntax.lemma
        self._lowered: dict[str, str] = {}
        self._roots: dict[tuple[int, int], int | None] = {}
        self._syntax = syntax
        self._words = words
        self.children: Children = children_of(doc)

    def __len__(self) -> int:
        return len(self.head)

    def lemma_lower(self, token: int) -> str:
        """`token.lemma_.lower()`."""
        lemma = self.lemma[token]
        found = self._lowered.get(lemma)
        if found is None:
            found = self._lowered[lemma] = lemma.lower()
        return found

    def span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="expand")` as (start, end)."""
        return self._words.char_span(start_char, end_char)

    def contract(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """`Doc.char_span(start_char, end_char, alignment_mode="contract")` as (start, end)."""
        return self._words.char_span_contract(start_char, end_char)

    def root(self, start: int, end: int) -> int:
        """`Span.root` of the tokens [start, end) (`Syntax.root`, the rule in one place)."""
        return self._syntax.root(start, end)

    def root_at(self, start_char: int, end_char: int) -> int | None:
        """The root token of the expanded character span, or None for no (or an empty) span:
        `span.root if span is not None and len(span) else None`."""
        key = (start_char, end_char)
        try:
            return self._roots[key]  # dating asks for the same expressions and triggers often
        except KeyError:
            pass
        found = self.span(start_char, end_char)
        root = None if found is None or found[0] == found[1] else self.root(*found)
        self._roots[key] = root
        return root

    def subtree(self, top: int) -> list[int]:
        """`Token.subtree`, in its order (`words.subtree_order`)."""
        return subtree_order(self.children, top)

    def in_subtree(self, token: int, top: int) -> bool:
        """`token` is in `Token.subtree` of `top`: `top` itself or one of its descendants."""
        seen, size, head = 0, len(self.head), self.head
        while True:
            if token == top:
                return True
            parent = head[token]
            if parent == token:
                return False
            token = parent
            seen += 1
            if seen >= size:
                return False


tree_of = doc_table(KEY, Tree, Tree)
"""The Doc's `Tree`, read on the first call for this Doc (kept in its `user_data`)."""
