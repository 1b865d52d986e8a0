"""Who acts and who receives, by kind of construction (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import Runner, names, of_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "event_type", "actor", "recipient"),
    [
        # "to X" that the parser labels a dative
        (
            "The Nigerian army has been providing weapons and training to Chadian troops.",
            "AID",
            "Nigerian army",
            "Chadian troops",
        ),
        ("Ecuador granted asylum to two Colombian journalists.", "AID", "Ecuador", "journalists"),
        # a preposition whose noun the parser made the subject of the next clause
        (
            "Bolivia granted refuge to five Peruvian opposition leaders hiding in its embassy.",
            "AID",
            "Bolivia",
            "opposition leaders",
        ),
        # the author of what a response is about: "demands from X", "a march organised by X"
        (
            "The Iraqi government accepted demands from Kurdish parties for more autonomy.",
            "CONCEDE",
            "Iraqi government",
            "Kurdish parties",
        ),
        (
            "Polish police prevented a march organised by nationalist groups in Warsaw.",
            "COERCE",
            "police",
            "nationalist groups",
        ),
        # the subject of a demand's "that" clause
        (
            "The union repeated its demand that the Kenyan government raise wages.",
            "REQUEST",
            "union",
            "Kenyan government",
        ),
        (
            "The rebels insisted on their demand that the army leave the valley.",
            "REQUEST",
            "rebels",
            "army",
        ),
        # "in protest of X's ..." hanging on the light verb's object
        (
            "Farmers continued a hunger strike in protest of the Dutch government's nitrogen rules.",
            "PROTEST",
            "Farmers",
            "Dutch government",
        ),
        # the addressee inside a purpose clause's object ("demands for reforms from X")
        (
            "Students blocked roads in Dhaka to press their demands for reforms from the "
            "interim government.",
            "PROTEST",
            "Students",
            "interim government",
        ),
        # "X's decision" names X, not the decision
        (
            "Farmers staged a sit-in to protest President Ruto's tax increase.",
            "PROTEST",
            "Farmers",
            "Ruto",
        ),
        # a light verb in the passive reports a nominal event ("were engaged in fighting")
        (
            "Ukrainian forces were engaged in heavy fighting against Russian troops near Bakhmut.",
            "ASSAULT",
            "Ukrainian forces",
            "Russian troops",
        ),
        # "the visit of X to Y"
        (
            "The visit of the Indian prime minister to Dhaka strengthened ties.",
            "CONSULT",
            "prime minister",
            "Dhaka",
        ),
        # a promise to host is the host's own promise
        (
            "Norway said it was ready to host talks between the Colombian government and the "
            "rebels.",
            "AGREE",
            "Norway",
            "Colombian government",
        ),
        # a hyphenated complement verb ("re-open") keeps its recipient
        (
            "Ethiopia agreed to re-open its border to Eritrean traders.",
            "AGREE",
            "Ethiopia",
            "Eritrean traders",
        ),
        # the recipient phrase on a coordinated object ("mortars and rocket fire against X")
        (
            "Insurgents launched mortars and rocket fire against a police camp.",
            "ASSAULT",
            "Insurgents",
            "police camp",
        ),
        # "for a war against X", "for a conflict with X"
        (
            "Armenia called up reservists for a possible conflict with Azerbaijan.",
            "MOBILIZE",
            "Armenia",
            "Azerbaijan",
        ),
        # the parties of an ended mediation
        ("Qatar ended its mediation between Hamas and Fatah.", "SANCTION", "Qatar", "Hamas"),
        # a request whose object names the addressee ("a U.N. mission")
        (
            "Haitian leaders requested a U.N. peacekeeping mission.",
            "REQUEST",
            "Haitian leaders",
            "U.N.",
        ),
        # "denounced as a provocation X's decision": the parser's appositive
        (
            "Peru condemned as a provocation Chile's naval exercises near the border.",
            "ACCUSE",
            "Peru",
            "Chile",
        ),
        # circumstance phrases: "after talks with X", "despite pressure from X"
        (
            "The teachers' union called off its strike after negotiations with the Education "
            "Ministry.",
            "CONCEDE",
            "union",
            "Education Ministry",
        ),
        (
            "The president refused to resign despite pressure from the Supreme Court.",
            "REJECT",
            "president",
            "Supreme Court",
        ),
        # the object of a nested purpose clause ("to help rebuild X")
        ("Kenya is ready to send medicine to help rebuild Haiti.", "AGREE", "Kenya", "Haiti"),
    ],
)
def test_arguments_actor_and_recipient_by_construction(
    run: Runner, sentence: str, event_type: str, actor: str, recipient: str
) -> None:
    analysis = run(sentence)
    events = of_type(analysis, event_type)
    assert events, f"no {event_type} in {[e.event_type for e in analysis.events]}"
    assert any(
        actor in names(analysis, e, "actors") and recipient in names(analysis, e, "recipients")
        for e in events
    ), [(names(analysis, e, "actors"), names(analysis, e, "recipients")) for e in events]


@pytest.mark.parametrize(
    ("sentence", "event_type", "actor", "not_in_actor"),
    [
        # a far appositive is not part of the subject's phrase
        (
            "Uganda eased security measures on Monday in Gulu district, the scene of attacks in "
            "May, as the army pulled back.",
            "CONCEDE",
            "Uganda",
            "Gulu",
        ),
    ],
)
def test_arguments_participant_phrase_is_contiguous(
    run: Runner, sentence: str, event_type: str, actor: str, not_in_actor: str
) -> None:
    analysis = run(sentence)
    (event,) = of_type(analysis, event_type)
    text = names(analysis, event, "actors")
    assert actor in text and not_in_actor not in text, text


@pytest.mark.parametrize(
    ("sentence", "event_type", "count"),
    [
        # a restated demand is one request, not two
        ("The rebels insisted on their demand that the army leave the valley.", "REQUEST", 1),
        # the demanded act is no event of its own
        (
            "The union repeated its demand that the government release the detained workers.",
            "RETREAT",
            0,
        ),
    ],
)
def test_arguments_demand_clause_is_not_reported_twice(
    run: Runner, sentence: str, event_type: str, count: int
) -> None:
    assert len(of_type(run(sentence), event_type)) == count


def _doc(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]
) -> Any:
    """A hand-built parse, so the test does not depend on the parser's choices."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)


@pytest.mark.parametrize(
    ("words", "deps", "pos", "ents", "expected"),
    [
        # "a U.N. presence": a name with periods is an nmod, not a compound, and still an actor
        (
            ["a", "U.N.", "military", "presence"],
            ["det", "nmod", "amod", "ROOT"],
            ["DET", "PROPN", "ADJ", "NOUN"],
            ["O", "B-ORG", "O", "O"],
            True,
        ),
        # "the Gulf war": an event's name does not make the war an actor
        (
            ["the", "Gulf", "war"],
            ["det", "compound", "ROOT"],
            ["DET", "PROPN", "NOUN"],
            ["O", "B-EVENT", "I-EVENT"],
            False,
        ),
        # "the Kurdish militia": a nationality makes it one
        (
            ["the", "Kurdish", "militia"],
            ["det", "amod", "ROOT"],
            ["DET", "ADJ", "NOUN"],
            ["O", "B-NORP", "O"],
            True,
        ),
    ],
)
def test_arguments_is_actor_like_by_modifier(
    words: list[str], deps: list[str], pos: list[str], ents: list[str], expected: bool
) -> None:
    from newsgraph.events.arguments import is_actor_like

    head = len(words) - 1
    doc = _doc(words, [head] * len(words), deps, pos, ents)
    assert is_actor_like(doc[head]) is expected


@pytest.mark.parametrize(
    ("sentence", "owner", "thing"),
    [("Farmers staged a sit-in to protest President Ruto's tax increase.", "Ruto", "increase")],
)
def test_arguments_possessed_thing_names_its_owner(
    run: Runner, sentence: str, owner: str, thing: str
) -> None:
    analysis = run(sentence)
    (protest,) = of_type(analysis, "PROTEST")
    text = names(analysis, protest, "recipients")
    assert owner in text and thing not in text, text


def test_arguments_unresolved_pronoun_subject_is_no_actor(run: Runner) -> None:
    """A pronoun subject that opens the document resolves to no one, so it is coded as no one
    (issue 12: no unresolved pronoun actors); the same sentence with a name keeps its actor."""
    unresolved = run("He criticised the Egyptian government for the arrests.")
    assert all(names(unresolved, e, "actors") != "He" for e in unresolved.events)
    named = run("Abiy criticised the Egyptian government for the arrests.")
    assert [names(named, e, "actors") for e in of_type(named, "ACCUSE")] == ["Abiy"]
