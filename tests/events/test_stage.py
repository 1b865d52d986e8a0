"""Behaviour of the events stage on sentences written for these tests (varied countries/topics)."""

from __future__ import annotations

import pytest

from .helpers import Runner, names, of_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "event_type", "actor", "recipient"),
    [
        ("Kenya and Uganda agreed to build a joint oil pipeline.", "AGREE", "Uganda", None),
        (
            "The Peruvian president invited the Chilean leader to visit Lima next year.",
            "AGREE",
            "president",
            "leader",
        ),
        (
            "Indian Prime Minister Narendra Modi visited Canberra on Monday.",
            "CONSULT",
            "Modi",
            "Canberra",
        ),
        (
            "Chancellor Olaf Scholz met with President Emmanuel Macron in Paris.",
            "CONSULT",
            "Scholz",
            "Macron",
        ),
        (
            "The foreign ministers of Peru and Bolivia held talks in La Paz on Friday.",
            "CONSULT",
            "ministers",
            None,
        ),
        (
            "The German chancellor praised Poland for its handling of the refugee crisis.",
            "SUPPORT",
            "chancellor",
            "Poland",
        ),
        ("Brazil and Argentina signed a trade agreement on Tuesday.", "SUPPORT", "Brazil", None),
        ("The governor pardoned three opposition activists.", "CONCEDE", "governor", "activists"),
        (
            "The military government lifted the curfew in the capital.",
            "CONCEDE",
            "government",
            None,
        ),
        (
            "Colombia extradited the drug lord to the United States.",
            "COOPERATE",
            "Colombia",
            "United States",
        ),
        ("Norway gave 20 million dollars in aid to Sudan.", "AID", "Norway", "Sudan"),
        ("The rebels released 12 hostages on Sunday.", "RETREAT", "rebels", "hostages"),
        ("Ethiopian troops withdrew from the border town.", "RETREAT", "troops", "town"),
        (
            "The UN secretary-general urged Myanmar to release political prisoners.",
            "REQUEST",
            "secretary",
            "Myanmar",
        ),
        ("Opposition leaders called for early elections.", "REQUEST", "leaders", None),
        ("Pakistan accused India of violating the ceasefire.", "ACCUSE", "Pakistan", "India"),
        (
            "Human rights groups condemned the arrest of the journalist.",
            "ACCUSE",
            "groups",
            "journalist",
        ),
        (
            "Prosecutors in Lagos launched an investigation into the minister.",
            "ACCUSE",
            "Prosecutors",
            "minister",
        ),
        ("Iran rejected the proposal for direct talks with Washington.", "REJECT", "Iran", None),
        (
            "North Korea threatened to attack South Korean warships.",
            "THREATEN",
            "North Korea",
            "warships",
        ),
        (
            "Thousands of teachers demonstrated in Nairobi on Friday.",
            "PROTEST",
            "teachers",
            "Nairobi",
        ),
        (
            "The European Union imposed sanctions on Belarus.",
            "SANCTION",
            "European Union",
            "Belarus",
        ),
        ("Morocco recalled its ambassador from Sweden.", "SANCTION", "Morocco", "Sweden"),
        ("Russia deployed additional troops to the border.", "MOBILIZE", "Russia", None),
        ("Police arrested 40 protesters in Minsk.", "COERCE", "Police", "protesters"),
        (
            "Militants attacked a police station in northern Nigeria.",
            "ASSAULT",
            "Militants",
            "station",
        ),
        (
            "Government forces launched an offensive against rebel positions.",
            "ASSAULT",
            "forces",
            "positions",
        ),
    ],
)
def test_stage_finds_type_actor_and_recipient(
    run: Runner, sentence: str, event_type: str, actor: str, recipient: str | None
) -> None:
    analysis = run(sentence)
    found = of_type(analysis, event_type)
    assert found, [(e.event_type, e.mode) for e in analysis.events]
    event = found[0]
    assert actor in names(analysis, event, "actors")
    if recipient is not None:
        assert recipient in names(analysis, event, "recipients")
    assert event.cameo is not None and event.quad_class is not None and event.score is not None
    assert 0.0 < event.confidence <= 1.0


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode", "cameo"),
    [
        (
            "Indian Prime Minister Narendra Modi visited Canberra on Monday.",
            "CONSULT",
            "visit",
            "042",
        ),
        ("The rebels released 12 hostages on Sunday.", "RETREAT", "release", "0841"),
        ("Police arrested 40 protesters in Minsk.", "COERCE", "arrest", "173"),
        (
            "The UN secretary-general urged Myanmar to release political prisoners.",
            "REQUEST",
            "yield",
            "105",
        ),
        ("The junta imposed a curfew on the capital.", "COERCE", "curfew", "1723"),
        ("Dock workers in Rotterdam went on strike.", "PROTEST", "strike", "143"),
        ("Two hundred prisoners began a hunger strike on Monday.", "PROTEST", "hunger", "142"),
    ],
)
def test_stage_sets_mode_and_cameo(
    run: Runner, sentence: str, event_type: str, mode: str, cameo: str
) -> None:
    found = of_type(run(sentence), event_type)
    assert found and (found[0].mode, found[0].cameo) == (mode, cameo)


@pytest.mark.parametrize(
    ("sentence", "event_type", "modality"),
    [
        ("The Kenyan president will visit Tokyo next month.", "AGREE", "future"),
        ("The foreign minister plans to visit Nairobi.", "AGREE", "intended"),
        ("Turkey is ready to assist Somalia.", "AGREE", "intended"),
        ("China could impose tariffs on Australian wine.", "THREATEN", "hypothetical"),
        ("The army did not attack the town.", "ASSAULT", "negated"),
        ("The government refused to release the prisoners.", "REJECT", "asserted"),
        ("Hungary will not accept the migrant quota.", "REJECT", "asserted"),
        ("Japan promised to send emergency aid to Nepal.", "AGREE", "asserted"),
        ("Militants attacked a police station in northern Nigeria.", "ASSAULT", "asserted"),
    ],
)
def test_stage_reads_modality(run: Runner, sentence: str, event_type: str, modality: str) -> None:
    analysis = run(sentence)
    found = of_type(analysis, event_type)
    assert found, [(e.event_type, e.modality) for e in analysis.events]
    assert found[0].modality == modality


def test_stage_passive_agent_is_actor_and_subject_is_recipient(run: Runner) -> None:
    analysis = run("The village was shelled by army artillery units.")
    event = of_type(analysis, "ASSAULT")[0]
    assert "units" in names(analysis, event, "actors")
    assert "village" in names(analysis, event, "recipients")


def test_stage_coordinated_subjects_are_all_actors(run: Runner) -> None:
    analysis = run("France and Germany condemned the coup in Niger.")
    event = of_type(analysis, "ACCUSE")[0]
    assert "France" in names(analysis, event, "actors") and "Germany" in names(
        analysis, event, "actors"
    )


def test_stage_relative_clause_subject_is_the_modified_noun(run: Runner) -> None:
    analysis = run("The militia, which attacked a convoy near Goma, denied any responsibility.")
    event = of_type(analysis, "ASSAULT")[0]
    assert "militia" in names(analysis, event, "actors")


def test_stage_visit_host_is_recipient_when_hosting(run: Runner) -> None:
    analysis = run("Prime Minister Anthony Albanese hosted President Joko Widodo in Sydney.")
    event = of_type(analysis, "CONSULT")[0]
    assert "Widodo" in names(analysis, event, "actors")
    assert "Albanese" in names(analysis, event, "recipients")


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the talks were frank.",
        "The weather in Geneva was cold on Tuesday.",
        "The spokesman described the situation as stable.",
        "The president said he was tired after the long flight.",
    ],
)
def test_stage_plain_statements_produce_no_event(run: Runner, sentence: str) -> None:
    assert run(sentence).events == []


def test_stage_never_makes_the_author_an_actor(run: Runner) -> None:
    analysis = run(
        [("byline", "Maria Lopez"), ("body", "Maria Lopez condemned the decision.")],
        authors=["Maria Lopez"],
    )
    assert analysis.events == []


def test_stage_merges_headline_and_body_mentions_and_keeps_other_events_apart(run: Runner) -> None:
    analysis = run(
        [
            ("title", "Kenyan President William Ruto Visits Tokyo"),
            (
                "body",
                "William Ruto visited Tokyo on Monday, where he met Prime Minister Fumio Kishida.",
            ),
            ("body", "Two days later, William Ruto visited Seoul."),
        ]
    )
    visits = [e for e in of_type(analysis, "CONSULT") if e.mode == "visit"]
    tokyo = [e for e in visits if "Tokyo" in names(analysis, e, "recipients")]
    seoul = [e for e in visits if "Seoul" in names(analysis, e, "recipients")]
    assert len(tokyo) == 1 and len(seoul) == 1
    assert {ev.section for ev in tokyo[0].evidence} == {"title", "body"}
    assert [e.id for e in analysis.events] == [f"V{i}" for i in range(1, len(analysis.events) + 1)]


def test_stage_links_evidence_to_the_quote_stating_it(run: Runner) -> None:
    quoted = '"Our troops attacked the rebel camp at dawn."'
    analysis = run(f"The defence minister said: {quoted}", quotes=[(quoted, "direct")])
    event = of_type(analysis, "ASSAULT")[0]
    assert event.evidence[0].quote == "Q1"


def test_stage_evidence_points_at_sentence_and_trigger(run: Runner) -> None:
    analysis = run("Police arrested 40 protesters in Minsk.")
    evidence = of_type(analysis, "COERCE")[0].evidence[0]
    assert analysis.text[evidence.start : evidence.end] == "Police arrested 40 protesters in Minsk."
    assert analysis.text[evidence.trigger.start : evidence.trigger.end] == "arrested"
    assert evidence.section == "body"


def test_stage_leaves_dating_to_the_next_stage(run: Runner) -> None:
    event = run("Militants attacked a police station in northern Nigeria on Friday.").events[0]
    assert event.date is None and event.historical is False
