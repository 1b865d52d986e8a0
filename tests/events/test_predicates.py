"""The parse predicates, each on hand-built parses (no model, no parser choices)."""

from __future__ import annotations

import pytest

from newsgraph.events import predicates as parse

from .parses import parsed, token

THREAT = """
Iran 2 nsubj PROPN GPE
threatened 0 ROOT VERB threaten
to 4 aux PART
strike 2 xcomp VERB
unless 7 mark SCONJ
Washington 7 nsubj PROPN GPE
withdraws 4 advcl VERB withdraw
. 2 punct PUNCT
"""

CALL_FOR_TALKS = """
Egypt 2 nsubj PROPN GPE
called 0 ROOT VERB call
for 2 prep ADP
talks 3 pobj NOUN talk
"""

URGED = """
The 2 det DET
minister 3 nsubj NOUN
urged 0 ROOT VERB urge
Kenya 3 dobj PROPN GPE
to 6 aux PART
release 3 xcomp VERB
prisoners 6 dobj NOUN prisoner
"""

OFFER = """
Oslo 2 nsubj PROPN GPE
rejected 0 ROOT VERB reject
an 4 det DET
offer 2 dobj NOUN
to 6 aux PART
host 4 acl VERB
a 8 det DET
summit 6 dobj NOUN
"""

MUST_WITHDRAW = """
Ankara 2 nsubj PROPN GPE
said 0 ROOT VERB say
Moscow 5 nsubj PROPN GPE
must 5 aux AUX
withdraw 2 ccomp VERB
"""

MAY_WITHDRAW = """
Ankara 2 nsubj PROPN GPE
said 0 ROOT VERB say
Moscow 5 nsubj PROPN GPE
may 5 aux AUX
withdraw 2 ccomp VERB
"""

VISIT_WHERE = """
Ruto 2 nsubj PROPN PERSON
visited 0 ROOT VERB visit
Ankara 2 dobj PROPN GPE
, 2 punct PUNCT
where 7 advmod SCONJ
he 7 nsubj PRON
met 2 advcl VERB meet
Erdogan 7 dobj PROPN PERSON
"""

IN_TALKS = """
Sudan 2 nsubj PROPN GPE
is 0 ROOT AUX be
in 2 prep ADP
talks 3 pobj NOUN talk
"""

WARSHIPS = """
French 4 amod ADJ NORP
and 1 cc CCONJ
Egyptian 1 conj ADJ NORP
warships 5 nsubj NOUN warship
sailed 0 ROOT VERB sail
"""

AGREED_REOPEN = """
They 2 nsubj PRON
agreed 0 ROOT VERB agree
to 4 aux PART
re 2 xcomp VERB
- 2 punct PUNCT
open 2 xcomp VERB
the 8 det DET
border 6 dobj NOUN
"""

INSISTED = """
Kyiv 2 nsubj PROPN GPE
insisted 0 ROOT VERB insist
on 2 prep ADP
its 5 poss PRON
demand 3 pobj NOUN
"""


def test_predicates_top_down_orders_root_first() -> None:
    doc = parsed(THREAT)
    order = [t.text for t in parse.top_down(list(doc))]
    assert order[0] == "threatened"
    assert order.index("strike") < order.index("withdraws") < order.index("Washington")


def test_predicates_top_down_positions_of_some_tokens_keep_their_order() -> None:
    # The extractor orders only its candidates, within a part of the Doc whose outside heads
    # count as roots: the order is the full order with the others left out.
    doc = parsed(THREAT)
    heads = [t.head.i for t in doc]
    everything = parse.top_down_positions(heads, range(len(doc)), range(len(doc)))
    assert everything == [t.i for t in parse.top_down(list(doc))]
    some = [1, 3, 6]  # threatened, strike, withdraws
    assert parse.top_down_positions(heads, range(len(doc)), some) == [
        i for i in everything if i in some
    ]
    # "strike unless Washington withdraws" alone: "strike" (its head outside) is a root
    part = range(3, 7)
    assert parse.top_down_positions(heads, part, [3, 5, 6]) == [3, 6, 5]


@pytest.mark.parametrize(
    ("table", "trigger", "expected"),
    [
        (THREAT, "threatened", "strike"),  # an infinitive clause
        (CALL_FOR_TALKS, "called", "talks"),  # the object of "call for"
        (URGED, "urged", "release"),
        (MUST_WITHDRAW, "said", "withdraw"),  # a reported clause
        (OFFER, "offer", None),  # a noun's acl is no complement of it
    ],
)
def test_predicates_complement(table: str, trigger: str, expected: str | None) -> None:
    doc = parsed(table)
    found = parse.complement(token(doc, trigger))
    assert (found.text if found is not None else None) == expected


def test_predicates_complement_skips_a_bare_adverbial_clause() -> None:
    # "withdraws" is an advcl of "strike" without "to": a condition, not what was threatened
    doc = parsed(THREAT)
    assert parse.complement(token(doc, "strike")) is None


def test_predicates_hyphen_tail_takes_the_last_piece() -> None:
    doc = parsed(AGREED_REOPEN)
    assert parse.hyphen_tail(token(doc, "re")).text == "open"
    assert parse.hyphen_tail(token(doc, "open")).text == "open"


def test_predicates_complement_nouns() -> None:
    assert [t.text for t in parse.complement_nouns(token(parsed(INSISTED), "insisted"))] == [
        "demand"
    ]
    assert parse.complement_nouns(token(parsed(URGED), "urged")) == []


@pytest.mark.parametrize(("word", "expected"), [("withdraws", True), ("strike", False)])
def test_predicates_is_condition(word: str, expected: bool) -> None:
    assert parse.is_condition(token(parsed(THREAT), word)) is expected


def test_predicates_is_condition_needs_a_condition_mark() -> None:
    doc = parsed(VISIT_WHERE)  # "where he met": an adverbial clause, but no condition
    assert parse.is_condition(token(doc, "met")) is False


def test_predicates_proposed_covers_what_an_offer_proposes() -> None:
    doc = parsed(OFFER)
    assert sorted(doc[i].text for i in parse.proposed(token(doc, "offer"))) == [
        "a",
        "host",
        "summit",
        "to",
    ]
    assert parse.proposed(token(parsed(CALL_FOR_TALKS), "talks")) == []


@pytest.mark.parametrize(
    ("table", "word", "expected"),
    [(URGED, "release", False), (VISIT_WHERE, "met", False)],
)
def test_predicates_is_infinitive_clause(table: str, word: str, expected: bool) -> None:
    assert parse.is_infinitive_clause(token(parsed(table), word)) is expected


def test_predicates_is_infinitive_clause_on_a_purpose_clause() -> None:
    doc = parsed(
        """
        Kenya 2 nsubj PROPN GPE
        sent 0 ROOT VERB send
        envoys 2 dobj NOUN envoy
        to 5 aux PART
        discuss 2 advcl VERB
        trade 5 dobj NOUN
        """
    )
    assert parse.is_infinitive_clause(token(doc, "discuss")) is True
    assert parse.has_to_infinitive(token(doc, "discuss")) is True
    assert parse.has_to_infinitive(token(doc, "sent")) is False


@pytest.mark.parametrize(("table", "expected"), [(MUST_WITHDRAW, "withdraw"), (MAY_WITHDRAW, None)])
def test_predicates_demanded_clause(table: str, expected: str | None) -> None:
    found = parse.demanded_clause(token(parsed(table), "said"))
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize(
    ("table", "head", "expected"), [(WARSHIPS, "warships", 2), (URGED, "minister", 1)]
)
def test_predicates_party_count(table: str, head: str, expected: int) -> None:
    assert parse.party_count([token(parsed(table), head)]) == expected


def test_predicates_condition_subjects() -> None:
    doc = parsed(THREAT)
    assert [t.text for t in parse.condition_subjects(token(doc, "threatened"))] == ["Washington"]
    assert parse.condition_subjects(token(parsed(URGED), "urged")) == []


@pytest.mark.parametrize(
    ("table", "noun", "expected"),
    [(IN_TALKS, "talks", "is"), (CALL_FOR_TALKS, "talks", None)],  # "call" is no light verb
)
def test_predicates_nominal_governor(table: str, noun: str, expected: str | None) -> None:
    found = parse.nominal_governor(token(parsed(table), noun))
    assert (found.text if found is not None else None) == expected


def test_predicates_bound_subjects() -> None:
    doc = parsed(VISIT_WHERE)
    assert [t.text for t in parse.bound_subjects(token(doc, "he"))] == ["Ruto"]
    # a name is bound to nothing but itself
    assert [t.text for t in parse.bound_subjects(token(doc, "Erdogan"))] == ["Erdogan"]


def test_predicates_bound_subjects_of_a_possessive() -> None:
    doc = parsed(
        """
        Chile 4 nsubj PROPN GPE
        and 1 cc CCONJ
        Peru 1 conj PROPN GPE
        met 0 ROOT VERB meet
        after 4 prep ADP
        their 7 poss PRON
        talks 5 pobj NOUN talk
        """
    )
    assert [t.text for t in parse.bound_subjects(token(doc, "their"))] == ["Chile", "Peru"]


CRANE = """
A 2 det DET
crane 3 nsubj NOUN
killed 0 ROOT VERB kill
107 5 nummod NUM CARDINAL
pilgrims 3 dobj NOUN pilgrim
"""

BOMB = """
A 3 det DET
roadside 3 compound NOUN
bomb 4 nsubj NOUN
killed 0 ROOT VERB kill
two 6 nummod NUM CARDINAL
soldiers 4 dobj NOUN soldier
"""

DEPLOYMENT = """
The 2 det DET
deployment 0 ROOT NOUN
of 2 prep ADP
NATO 5 compound PROPN ORG
troops 3 pobj NOUN troop
"""

US_ATTACKS = """
US 2 compound PROPN GPE
attacks 3 nsubj NOUN attack
killed 0 ROOT VERB kill
leaders 3 dobj NOUN leader
"""

ARCTIC = """
Arctic 3 compound PROPN LOC
sea 3 compound NOUN
ice 4 nsubj NOUN
declined 0 ROOT VERB decline
"""

FOOTBRIDGE = """
Footbridge 2 compound PROPN
collapse 3 nsubj NOUN
kills 0 ROOT VERB kill
six 3 dobj NUM CARDINAL
"""


@pytest.mark.parametrize(
    ("table", "head", "expected"),
    [
        (CRANE, "crane", True),  # no one acted
        (ARCTIC, "ice", True),  # a place name does not make an actor
        (FOOTBRIDGE, "collapse", True),  # an accident, even when a name qualifies it
        (BOMB, "bomb", False),  # the means of violence stand for an unnamed attacker
        (US_ATTACKS, "attacks", False),
        (DEPLOYMENT, "deployment", False),  # a body of troops
        (BOMB, "soldiers", False),  # an actor noun
        (URGED, "Kenya", False),  # a name
    ],
)
def test_predicates_is_thing(table: str, head: str, expected: bool) -> None:
    assert parse.is_thing(token(parsed(table), head)) is expected


HACK = """
Hackers 2 nsubj NOUN hacker
attacked 0 ROOT VERB attack
the 4 det DET
websites 2 dobj NOUN website
of 4 prep ADP
ministries 5 pobj NOUN ministry
"""

SHOOT = """
She 2 nsubj PRON
shot 0 ROOT VERB shoot
her 5 poss PRON
new 5 amod ADJ
outfit 2 dobj NOUN
"""

SHELLED = """
Troops 2 nsubj NOUN troop
shelled 0 ROOT VERB shell
the 4 det DET
border 2 dobj NOUN
"""


def test_predicates_aims_at_computers() -> None:
    assert parse.aims_at_computers(token(parsed(HACK), "attacked"), None) is True
    assert parse.aims_at_computers(token(parsed(SHELLED), "shelled"), None) is False


@pytest.mark.parametrize(
    ("table", "verb", "expected"),
    [(SHOOT, "shot", True), (SHELLED, "shelled", False), (HACK, "attacked", False)],
)
def test_predicates_thing_object(table: str, verb: str, expected: bool) -> None:
    assert parse.thing_object(token(parsed(table), verb)) is expected


def test_predicates_is_media() -> None:
    doc = parsed(
        """
        Freedom 2 compound PROPN ORG
        Magazine 3 nsubj PROPN ORG
        attacked 0 ROOT VERB attack
        critics 3 dobj NOUN critic
        """
    )
    assert parse.is_media(token(doc, "Magazine")) is True
    assert parse.is_media(token(doc, "critics")) is False


def test_predicates_is_decrease() -> None:
    assert parse.is_decrease(token(parsed(ARCTIC), "declined")) is True
    refused = parsed(
        """
        Oslo 2 nsubj PROPN GPE
        declined 0 ROOT VERB decline
        to 4 aux PART
        comment 2 xcomp VERB
        """
    )
    assert parse.is_decrease(token(refused, "declined")) is False


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            """
            Parents 2 nsubj NOUN parent
            prosecuted 0 ROOT VERB prosecute
            after 2 prep ADP
            death 3 pobj NOUN
            """,
            True,
        ),
        (
            """
            Police 2 nsubj NOUN police
            arrest 0 ROOT VERB arrest
            protesters 2 dobj NOUN protester
            """,
            False,
        ),
    ],
)
def test_predicates_is_headline_passive(table: str, expected: bool) -> None:
    doc = parsed(table)
    doc[1].tag_ = "VBD" if expected else "VBP"
    assert parse.is_headline_passive(doc[1]) is expected
