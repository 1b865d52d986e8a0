"""`ents_of` reads the entity spans from the Doc's arrays: the same spans `Doc.ents` gives,
for entities the model found, entities set by hand (adjacent, same or different types, with
I tokens of another type), retokenised Docs and Docs joined by `Doc.from_docs`."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

from newsgraph.words import _read_ents, ents_of

TEXTS = [
    "",
    "It was a quiet day.",
    "Kenya Peru Chile signed the accord in Lima on Monday, said Ruto.",
    "GENEVA (AP) — Angela Merkel, Emmanuel Macron and Olaf Scholz met U.N. Secretary-General "
    "Antonio Guterres at the Palais des Nations on 12 March 2024.",
    "The Ministry of Defence of the United Kingdom said 3,000 troops from NATO's Baltic "
    "battlegroups would stay in Estonia, Latvia and Lithuania until 2026.",
    "Apple Inc. Microsoft Corp. and Alphabet reported $12 billion in profits in Q3.",
    "Nothing here\n\nbut New York\n",
]


def spacy_ents(doc: Any) -> list[tuple[int, int, str, int, int]]:
    return [(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]


@pytest.mark.parametrize("text", TEXTS)
def test_model_ents_match_the_doc(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert _read_ents(doc) == spacy_ents(doc)
    assert ents_of(doc) is ents_of(doc)


def test_adjacent_ents_set_by_hand(nlp: Any) -> None:
    doc = nlp.make_doc("Kenya Peru Chile and Ruto Odinga met in Lima Peru")
    # adjacent spans of one type, of two types, one at the very end
    doc.ents = [
        Span(doc, 0, 1, "GPE"),
        Span(doc, 1, 2, "GPE"),
        Span(doc, 2, 3, "NORP"),
        Span(doc, 4, 6, "PERSON"),
        Span(doc, 8, 9, "GPE"),
        Span(doc, 9, 10, "LOC"),
    ]
    assert _read_ents(doc) == spacy_ents(doc)
    assert [e.label for e in _read_ents(doc)] == ["GPE", "GPE", "NORP", "PERSON", "GPE", "LOC"]


def test_inside_tokens_of_another_type_join_the_open_entity(nlp: Any) -> None:
    doc = nlp.make_doc("Kenya Airways flew to Lima")
    doc.ents = [Span(doc, 0, 2, "ORG")]
    doc[1].ent_type_ = "GPE"  # an I of another type: `Doc.ents` keeps it in the ORG span
    assert _read_ents(doc) == spacy_ents(doc) == [(0, 2, "ORG", 0, 13)]


def with_iob(nlp: Any, text: str, codes: list[tuple[int, str]]) -> Any:
    """A Doc whose tokens carry the given (ENT_IOB code, ENT_TYPE) pairs as they are (spaCy's
    array import does not check them): 3 B, 1 I, 2 O, 0 not set."""
    doc = nlp.make_doc(text)
    strings = doc.vocab.strings
    rows = numpy.array([[code, strings.add(t) if t else 0] for code, t in codes], dtype="uint64")
    doc.from_array([ENT_IOB, ENT_TYPE], rows)
    return doc


def test_codes_read_as_spacy_reads_them(nlp: Any) -> None:
    # a B without a type reads as outside; an unset code (0) ends an entity; an I without a type
    # continues the open one; adjacent Bs of one type are two entities
    codes = [(3, "ORG"), (1, ""), (1, "GPE"), (0, ""), (3, ""), (3, "GPE"), (3, "GPE"), (2, "")]
    doc = with_iob(nlp, "Kenya Airways flew to from Lima Peru today", codes)
    assert _read_ents(doc) == spacy_ents(doc)
    assert [(e.start, e.end, e.label) for e in _read_ents(doc)] == [
        (0, 3, "ORG"),
        (5, 6, "GPE"),
        (6, 7, "GPE"),
    ]


@pytest.mark.parametrize(
    "codes",
    [
        [(2, ""), (1, "ORG"), (2, ""), (2, ""), (3, "GPE")],  # an I after an O
        [(1, "ORG"), (1, "ORG"), (2, ""), (2, ""), (2, "")],  # an I first
        [(3, ""), (1, "ORG"), (2, ""), (2, ""), (2, "")],  # an I after a B without a type
        [(2, ""), (2, ""), (0, ""), (1, "GPE"), (2, "")],  # an I after an unset code
    ],
)
def test_a_stray_inside_token_raises_as_spacy_does(nlp: Any, codes: list[tuple[int, str]]) -> None:
    doc = with_iob(nlp, "Kenya Airways flew to Lima", codes)
    with pytest.raises(ValueError, match="E093"):
        spacy_ents(doc)
    with pytest.raises(ValueError, match="E093"):
        _read_ents(doc)


def test_retokenised_and_joined_docs(nlp: Any) -> None:
    first = nlp("Kenya's President William Ruto met Peru's foreign minister in Lima.")
    with first.retokenize() as retokenizer:
        retokenizer.merge(first[3:5])  # "William Ruto" as one token
    second = nlp("The United Nations said Chile and Argentina would attend.")
    third = nlp("")
    joined = Doc.from_docs([first, third, second])
    for doc in (first, second, third, joined):
        assert _read_ents(doc) == spacy_ents(doc)
    assert len(_read_ents(joined)) == len(first.ents) + len(second.ents) > 3
