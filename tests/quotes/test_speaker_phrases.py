"""Speaker phrases are the noun phrase that spoke, not the clauses around it, and a cue
conjoined to a reported clause about a place or a thing is the reporter's: wire-style
paragraphs of our own, through the whole pipeline (actors stage included)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Analysis

Analyze = Callable[[str], Analysis]


@pytest.fixture(scope="module")
def analyze() -> Analyze:
    from newsgraph.pipeline import Pipeline, analyze_texts
    from newsgraph.settings import load_settings

    pipeline = Pipeline(load_settings())

    def run(text: str) -> Analysis:
        (analysis,) = list(analyze_texts([("phrases", text, None)], pipeline=pipeline))
        return analysis

    return run


def _speaker(analysis: Analysis, quoted: str) -> str | None:
    """The speaker text of the quote whose span starts with `quoted`."""
    text = analysis.text
    matches = [q for q in analysis.quotes if text[q.start : q.end].startswith(quoted)]
    assert matches, (
        f"no quote starts with {quoted!r}: {[text[q.start : q.end] for q in analysis.quotes]}"
    )
    speaker = matches[0].speaker
    return speaker.text if speaker is not None else None


CLAUSES: list[tuple[str, str, str]] = [
    # a relative clause on the name in apposition to a role noun
    (
        "Inquiry into dam collapse widens\n\n"
        "VIENNA (Wire) — The Austrian lawyer Anna Berger, who chairs the commission of inquiry, "
        "said on Thursday that engineers had warned of cracks two years ago.",
        "engineers had warned of cracks",
        "The Austrian lawyer Anna Berger",
    ),
    # a relative clause on the second of two conjoined speakers
    (
        "Fighting eases in the north\n\n"
        "Farmers and a police officer who spoke on condition of anonymity said the fighting "
        "around the market town had stopped by Sunday evening.",
        "the fighting around the market town had stopped",
        "Farmers and a police officer",
    ),
    (
        "Mine strike spreads\n\n"
        "LIMA, Peru — Union leaders and a company engineer who asked not to be named said "
        "production at the copper mine had halted on Tuesday.",
        "production at the copper mine had halted",
        "Union leaders and a company engineer",
    ),
    # a participle clause set off by commas
    (
        "Maize tariffs to fall\n\n"
        "The trade agreement, signed in Nairobi last month by the two governments, calls for "
        "lower tariffs on maize and rice.",
        "lower tariffs on maize and rice",
        "The trade agreement",
    ),
    (
        "Opposition walks out of talks\n\n"
        "The opposition delegation, led by a former senator who ran for president in 2019, "
        "demanded that the vote be postponed until the electoral roll is audited.",
        "the vote be postponed",
        "The opposition delegation",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quoted", "speaker"), CLAUSES)
def test_speaker_phrase_leaves_clauses_out(
    analyze: Analyze, text: str, quoted: str, speaker: str
) -> None:
    assert _speaker(analyze(text), quoted) == speaker


@pytest.mark.model
def test_speaker_phrase_keeps_a_clause_that_names_or_says_which(analyze: Analyze) -> None:
    analysis = analyze(
        "Summit ends\n\n"
        "A joint declaration adopted at the summit demanded that both armies pull back.\n\n"
        "The rebel alliance, known as the March 23 Movement, said it would respect the truce."
    )
    assert _speaker(analysis, "both armies pull back") == (
        "A joint declaration adopted at the summit"
    )
    assert _speaker(analysis, "it would respect the truce") == (
        "The rebel alliance, known as the March 23 Movement"
    )


REPORTER: list[tuple[str, str, str]] = [
    # the reported clause is about a country: the country did not urge anyone
    (
        "Belgrade offers talks\n\n"
        "BELGRADE (Wire) — Serbian Prime Minister Milica Jovanovic met European Union envoys "
        "on Monday. Jovanovic said Serbia was ready for talks and urged Kosovo to withdraw its "
        "special police from the north.",
        "to withdraw its special police",
        "Jovanovic",
    ),
    (
        "Essequibo row\n\n"
        "Venezuelan Foreign Minister Tomas Arreaza Villa said on Monday that Caracas did not "
        "recognise the court's ruling and called Guyana's complaint an act of provocation.",
        "Guyana's complaint an act of provocation",
        "Venezuelan Foreign Minister Tomas Arreaza Villa",
    ),
    # about a thing: rising prices urge nobody
    (
        "Bread prices\n\n"
        "Chile's economy minister, Marta Ruiz, said rising prices were already hurting families "
        "in the south, and urged the central bank to cut interest rates.",
        "to cut interest rates",
        "Marta Ruiz",
    ),
    (
        "Pacific summit\n\n"
        "Fiji's prime minister, Josaia Vakaloloma, said rising seas were forcing villages on "
        "the coast to move, and urged Australia to stop approving new coal mines.",
        "to stop approving new coal mines",
        "Josaia Vakaloloma",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quoted", "speaker"), REPORTER)
def test_conjoined_cue_after_reported_clause_is_the_reporters(
    analyze: Analyze, text: str, quoted: str, speaker: str
) -> None:
    assert _speaker(analyze(text), quoted) == speaker


@pytest.mark.model
def test_place_speaks_only_when_no_person_does(analyze: Analyze) -> None:
    analysis = analyze(
        "Vote to go ahead\n\n"
        "CARACAS (Wire) — Caracas said on Sunday that the regional vote would go ahead in "
        "March.\n\n"
        "Venezuela's foreign minister Yvan Gil said in Caracas that observers would be welcome."
    )
    assert _speaker(analysis, "the regional vote would go ahead") == "Caracas"
    assert _speaker(analysis, "observers would be welcome") == (
        "Venezuela's foreign minister Yvan Gil"
    )


@pytest.mark.model
def test_conjoined_cue_of_a_body_in_the_reported_clause_stays_its_own(analyze: Analyze) -> None:
    # "the ministry had reviewed ... and warned": the ministry warned, not the spokesman
    analysis = analyze(
        "Flood plan\n\n"
        "A government spokesman said the interior ministry had reviewed the flood plan and "
        "warned residents of low-lying districts to prepare to leave."
    )
    assert _speaker(analysis, "to prepare to leave") == "the interior ministry"


@pytest.mark.model
def test_conjoined_cue_sharing_the_clauses_auxiliary_stays_the_countrys(analyze: Analyze) -> None:
    # "Bolivia had closed ... and (had) warned": the country warned, as the grammar says
    analysis = analyze(
        "Border crossing shut\n\n"
        "Peru's foreign minister, Elena Quispe, said in Lima that Bolivia had closed the border "
        "crossing and warned that trade would suffer."
    )
    assert _speaker(analysis, "trade would suffer") == "Bolivia"


PRONOUN_AFTER_TITLED_NAME: list[tuple[str, str, str]] = [
    # "she" after a role noun whose name the parser hung from the noun before it, with a
    # place in the sentence before tagged as a person: the named ambassador, not the place
    (
        "Gas crisis deepens\n\n"
        "CHISINAU (Wire) — Russian deliveries through Ukraine ended in January, when Kyiv "
        "declined to renew a transit contract, and a temporary deal broke down last month.\n\n"
        "The European Union's ambassador to Moldova, Petra Vuković, said the bloc would "
        "provide 30 million euros in emergency aid. She said part of the money could help "
        "households in the region.",
        "part of the money could help households",
        "Petra Vuković",
    ),
    # a person named earlier as a subject: "she" is the ambassador who spoke, not him
    (
        "Haiti mission\n\n"
        "NAIROBI (Wire) — President William Ruto spoke to troops before they left.\n\n"
        "Kenya's ambassador to Haiti, Grace Wambui, said the officers would land on Friday. "
        "She said a second unit would follow in May.",
        "a second unit would follow in May",
        "Grace Wambui",
    ),
    # a role word ("commissioner") makes the name after it a person's, whatever its label
    (
        "Sudan aid\n\n"
        "PORT SUDAN (Wire) — General Abdel Fattah al-Burhan toured the port on Monday.\n\n"
        "The European Union's commissioner for crisis management, Hadja Lahbib, said the bloc "
        "would send more food. She said convoys would reach Darfur within days.",
        "convoys would reach Darfur within days",
        "Hadja Lahbib",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quoted", "speaker"), PRONOUN_AFTER_TITLED_NAME)
def test_pronoun_after_role_noun_with_name_is_that_person(
    analyze: Analyze, text: str, quoted: str, speaker: str
) -> None:
    assert _speaker(analyze(text), quoted) == speaker


TIME_BEFORE_SPEAKER: list[tuple[str, str, str]] = [
    # "hours before X arrived to warn": X warns, not the hours and not the one who refused
    (
        "Hearing snubbed\n\n"
        "NUUK (Wire) — The prime minister of the self-governing territory declined on Sunday to "
        "attend the hearing in Copenhagen, hours before a delegation of Nordic Council members "
        "arrived in Nuuk to warn that the territory risked losing its fishing quota.",
        "the territory risked losing its fishing quota",
        "a delegation of Nordic Council members",
    ),
    (
        "Province defies court\n\n"
        "The head of the autonomous province refused on Tuesday to testify before the supreme "
        "court in Belgrade, hours before a delegation of Council of Europe monitors arrived in "
        "Novi Sad to warn that the province risked losing its development grants.",
        "the province risked losing its development grants",
        "a delegation of Council of Europe monitors",
    ),
    (
        "Speaker skips hearing\n\n"
        "The speaker of the regional parliament declined on Monday to appear before the "
        "anti-corruption court in Kyiv, hours before a delegation of International Monetary "
        "Fund staff arrived in Lviv to warn that the region risked losing budget support.",
        "the region risked losing budget support",
        "a delegation of International Monetary Fund staff",
    ),
    # the court of the first "before" is no subject of "arrived": the phrase next to it is
    (
        "Region defies Baghdad\n\n"
        "The head of the Kurdish-run region refused on Tuesday to appear before the federal "
        "court in Baghdad, hours before a delegation of European Union envoys arrived in Erbil "
        "to warn that the region risked losing millions of euros in budget support.",
        "the region risked losing millions of euros",
        "a delegation of European Union envoys",
    ),
    (
        "Enclave leader stays away\n\n"
        "The leader of the rebel-held enclave refused on Monday to appear before the state court "
        "in Baku, hours before a delegation of Council of Europe envoys arrived in Ganja to warn "
        "that the enclave risked losing millions of euros in reconstruction funds.",
        "the enclave risked losing millions of euros",
        "a delegation of Council of Europe envoys",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quoted", "speaker"), TIME_BEFORE_SPEAKER)
def test_time_phrase_is_no_speaker(analyze: Analyze, text: str, quoted: str, speaker: str) -> None:
    assert _speaker(analyze(text), quoted) == speaker


CAPITALISED_ROLE: list[tuple[str, str, str]] = [
    # a capitalised role word tagged a proper noun, with the name in apposition: the person
    (
        "Telecom merger\n\n"
        "The Safaricom Vice President and general counsel, Mercy Ndegwa, said the company "
        "would appeal the ruling.",
        "the company would appeal the ruling",
        "Mercy Ndegwa",
    ),
    (
        "Bank results\n\n"
        "The Equity Bank Vice President and chief economist, Wanjiru Kamau, said lending would "
        "grow by a tenth.",
        "lending would grow by a tenth",
        "Wanjiru Kamau",
    ),
    (
        "Airline results\n\n"
        "The Ethiopian Airlines Vice President and general manager, Lemma Yadecha, said the "
        "carrier would add ten aircraft.",
        "the carrier would add ten aircraft",
        "Lemma Yadecha",
    ),
    # and a participle set off by commas is no part of it
    (
        "Refinery fire\n\n"
        "The Edo State Commissioner for Energy and Water Resources, Dr, Joan Oviawe, speaking "
        "to reporters on the fire said some of the injured had been flown to Benin City.",
        "some of the injured had been flown",
        "The Edo State Commissioner for Energy and Water Resources, Dr, Joan Oviawe",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quoted", "speaker"), CAPITALISED_ROLE)
def test_capitalised_role_with_name_gives_the_person(
    analyze: Analyze, text: str, quoted: str, speaker: str
) -> None:
    assert _speaker(analyze(text), quoted) == speaker


@pytest.mark.model
def test_cue_in_the_next_paragraph_keeps_the_speaker(analyze: Analyze) -> None:
    # a quote alone in its paragraph, then '"...," she added.' in the next: one speaker
    analysis = analyze(
        "Port strike ends\n\n"
        "ROTTERDAM (Wire) — Dock workers ended a five-day strike on Friday after the port "
        "authority agreed to hire 200 more crane operators, union leader Sanne de Vries said.\n\n"
        '"We did not want to stop the port. We wanted safe shifts."\n\n'
        '"That is what we have won today," she added.\n\n'
        "The port authority's chief executive, Martin Kohl, said ships would be cleared by "
        "Sunday."
    )
    assert _speaker(analysis, "We did not want to stop the port") == "union leader Sanne de Vries"
    assert _speaker(analysis, "That is what we have won today") == "Sanne de Vries"
    assert _speaker(analysis, "ships would be cleared by Sunday") == "Martin Kohl"
