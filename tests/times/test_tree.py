"""`times.tree` answers what spaCy's Doc, Span and Token answer, over token numbers."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from newsgraph.times.tree import tree_of

TEXTS = [
    "NAIROBI, March 4 (Wire) - Kenya's president met his Ethiopian counterpart on Tuesday, two "
    "days after the border talks collapsed, and said the ceasefire had held since January.\n\n"
    "Reports have revealed that he was taken to a building, where he was questioned and then "
    "arrested.  Police, who had warned of protests, said they were  investigating the attack.",
    "The ministers, meeting in Lima, agreed a deal that negotiators had sought for five years. "
    "“We will not give up,” she told reporters late on Friday. Talks resume next week.\n"
    "Officials said the vote, held on Oct. 29, was marred by violence; the opposition rejected it.",
    "Three years since the invasion, the U.S.-backed government is still fighting.  ",
]


@pytest.fixture(scope="module")
def docs(nlp: Any) -> list[Any]:
    return [nlp(text) for text in TEXTS]


def test_tree_reads_heads_children_and_subtrees_as_spacy_does(docs: list[Any]) -> None:
    for doc in docs:
        tree = tree_of(doc)
        assert tree_of(doc) is tree
        assert len(tree) == len(doc)
        for token in doc:
            assert tree.head[token.i] == token.head.i
            assert tree.children[token.i] == [c.i for c in token.children]
            assert tree.lemma_lower[token.i] == token.lemma_.lower()
            assert tree.lemma[token.i] == token.lemma_ and tree.text[token.i] == token.text
            assert tree.subtree(token.i) == [t.i for t in token.subtree]
            subtree = {t.i for t in token.subtree}
            for other in range(len(doc)):
                assert tree.in_subtree(other, token.i) == (other in subtree)


def _span(found: Any) -> tuple[int, int] | None:
    return None if found is None else (found.start, found.end)


def test_tree_spans_and_roots_are_those_of_char_span(docs: list[Any]) -> None:
    rng = random.Random(17)
    for doc in docs:
        tree = tree_of(doc)
        size = len(doc.text)
        pairs = [(a, b) for a in range(size + 1) for b in range(a + 1, min(size, a + 12) + 1)]
        pairs += [(rng.randrange(size), rng.randrange(size)) for _ in range(300)]
        pairs += [(0, size)] + [(t.idx, t.idx + len(t)) for t in doc]
        for start, end in pairs:
            if end <= start:
                continue
            try:
                expected = _span(doc.char_span(start, end, alignment_mode="expand"))
            except IndexError as error:
                with pytest.raises(IndexError, match=re.escape(str(error))):
                    tree.span(start, end)
                continue
            assert tree.span(start, end) == expected, (start, end)
            if expected is not None and expected[0] < expected[1]:
                assert tree.root(*expected) == doc[expected[0] : expected[1]].root.i
                assert tree.root_at(start, end) == doc[expected[0] : expected[1]].root.i
            contracted = _span(doc.char_span(start, end, alignment_mode="contract"))
            assert tree.contract(start, end) == contracted, (start, end)
