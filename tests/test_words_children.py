"""`newsgraph.words.children_of` and `subtree_order` give what spaCy's `Token.children` and
`Token.subtree` give, in their order."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.words import children_of, subtree_order

TEXTS = [
    "",
    "Kenya, Uganda and Tanzania signed the accord in Arusha on Friday, officials said.",
    "ADDIS ABABA (AP) - Ethiopia's prime minister met the visiting envoy, who urged a truce.\n\n"
    "Rebels in the north said they had pulled out of two towns and freed 40 prisoners.",
    "Police Fire Tear Gas At Protesters In Lima",
]


@pytest.mark.parametrize("text", TEXTS)
def test_children_match_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    children = children_of(doc)
    assert [children[t.i] for t in doc] == [[c.i for c in t.children] for t in doc]


def test_children_are_read_once_per_doc(nlp: Any) -> None:
    doc = nlp("Kenya and Peru signed the accord in Lima.")
    assert children_of(doc) is children_of(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_subtree_order_matches_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    children = children_of(doc)
    for token in doc:
        assert subtree_order(children, token.i) == [t.i for t in token.subtree]
