"""Indirect speech: reported clauses, appeals, characterisations, and what is not a statement.

Each case is a short article of our own (one paragraph or sentence per line) and the indirect
quotes expected in it as (span text, speaker text, cue). Spans are checked exactly; a case lists
every indirect quote of its text.
"""

from __future__ import annotations

import pytest
from tests.quotes.conftest import Analyse, quote_text

Indirect = tuple[str, str | None, str | None]


def _indirect(analyse: Analyse, text: str) -> list[Indirect]:
    analysis = analyse(text)
    return [
        (quote_text(analysis, q), q.speaker.text if q.speaker else None, q.cue)
        for q in analysis.quotes
        if q.kind == "indirect"
    ]


CLAUSES: list[tuple[str, list[Indirect]]] = [
    (
        "Port officials told local radio on Tuesday that the cargo terminal would stay shut.",
        [("the cargo terminal would stay shut", "Port officials", "told")],
    ),
    # a "that" clause the parser may hang on a noun ("in a statement that ...")
    (
        "Inspector Maria Kowalczyk told the Baltic Courier in a statement that the bridge "
        "inspection had found cracks in two pillars.",
        [
            (
                "the bridge inspection had found cracks in two pillars",
                "Inspector Maria Kowalczyk",
                "told",
            )
        ],
    ),
    # the cue at the end of a long lead sentence
    (
        "Nearly a third of the coastal wells in the province are now too salty to drink from "
        "after two dry summers, hydrologists say.",
        [
            (
                "Nearly a third of the coastal wells in the province are now too salty to drink "
                "from after two dry summers",
                "hydrologists",
                "say",
            )
        ],
    ),
    # ... also when a subordinate clause follows the cue
    (
        "Storms cut power to 40,000 homes in Brittany on Sunday, the grid operator said, as "
        "winds reached 150 kilometres an hour.",
        [("Storms cut power to 40,000 homes in Brittany on Sunday", "the grid operator", "said")],
    ),
    # phrasal cues
    (
        "Dock workers' leader Ana Ferreira pointed out that pay had not risen since 2019.",
        [("pay had not risen since 2019", "Dock workers' leader Ana Ferreira", "pointed out")],
    ),
    (
        "The finance minister made clear that no new taxes were planned.",
        [("no new taxes were planned", "The finance minister", "made clear")],
    ),
    # "As X told Y, <clause>"
    (
        "As the harbour master told the Coastal Times, shipping traffic has fallen by a quarter.",
        [("shipping traffic has fallen by a quarter", "the harbour master", "told")],
    ),
    # "according to <source>, <clause>", an apposition of the source left out
    (
        "According to Petrobras, the state oil company, output rose by 4 percent in May.",
        [("output rose by 4 percent in May", "Petrobras", "According to")],
    ),
    (
        "According to hospital director Samir Haddad, eleven patients were moved overnight.",
        [
            (
                "eleven patients were moved overnight",
                "hospital director Samir Haddad",
                "According to",
            )
        ],
    ),
    # "according to <outlet>, <person> said ...": one report, the outlet relays it
    (
        "According to the Tagesspiegel, Mayor Kai Wegner said the tram line would be extended.",
        [("the tram line would be extended", "Mayor Kai Wegner", "said")],
    ),
    # a reported question after a question verb
    (
        "Senator Lena Ortiz asked the agency how the files had ended up in a public bin.",
        [("how the files had ended up in a public bin", "Senator Lena Ortiz", "asked")],
    ),
    # a subject clause opened by "what" is a statement, not a question
    (
        "The Harbour Gazette noted what began as a local petition had become a national campaign.",
        [
            (
                "what began as a local petition had become a national campaign",
                "The Harbour Gazette",
                "noted",
            )
        ],
    ),
]

APPEALS: list[tuple[str, list[Indirect]]] = [
    (
        "The bishops urged the government to reopen talks with the striking nurses.",
        [("to reopen talks with the striking nurses", "The bishops", "urged")],
    ),
    (
        "Farmers' leader Tomasz Wrona called on the ministry to release the drought fund.",
        [("to release the drought fund", "Farmers' leader Tomasz Wrona", "called")],
    ),
    (
        "The embassy advised its citizens not to travel to the border region.",
        [("not to travel to the border region", "The embassy", "advised")],
    ),
    (
        "Her brother pleaded with her to see a doctor before the trip.",
        [("to see a doctor before the trip", "Her brother", "pleaded")],
    ),
    (
        "The union called for an independent inquiry into the mine collapse.",
        [("an independent inquiry into the mine collapse", "The union", "called")],
    ),
    # "called X to ..." summons, and a purpose clause is no appeal
    ("The court called three witnesses to give evidence on Monday.", []),
    ("After calling the office to ask about his pension, Mr Lee left.", []),
]

CHARACTERISATIONS: list[tuple[str, list[Indirect]]] = [
    (
        "The science magazine Nauka described the court's ruling as a turning point.",
        [("the court's ruling as a turning point", "The science magazine Nauka", "described")],
    ),
    (
        "Opposition leader Ama Mensah denounced the new levy as a tax on the poor.",
        [("the new levy as a tax on the poor", "Opposition leader Ama Mensah", "denounced")],
    ),
    (
        "The mayor dismissed the complaints as political theatre.",
        [("the complaints as political theatre", "The mayor", "dismissed")],
    ),
]

NOT_STATEMENTS: list[tuple[str, list[Indirect]]] = [
    # negated or withheld speech
    ("The ministry did not disclose how many soldiers had been wounded.", []),
    ("The company did not say whether the plant would reopen.", []),
    ("Police declined to say how the suspects had entered the building.", []),
    ("The minister never said that the tax would rise.", []),
    # a passive cue with no agent, and a verb with no one speaking
    ("It was announced that the ferry service would end in May.", []),
    ("The new rules ban migrants from claiming asylum at the border crossing.", []),
    # the person asked is not the one asking
    ("Asked whether he would resign, the minister smiled and left the room.", []),
    # a wh- clause after a verb that does not ask
    ("Residents were invited to suggest what the new park should be named.", []),
]

TWO_CUES: list[tuple[str, list[Indirect]]] = [
    # a span does not swallow a second report belonging to another cue
    (
        "The governor said the curfew would be lifted on Friday, while opposition leaders "
        "claimed the unrest was far from over.",
        [
            ("the curfew would be lifted on Friday", "The governor", "said"),
            ("the unrest was far from over", "opposition leaders", "claimed"),
        ],
    ),
    (
        "Airline officials said the order had been placed on price alone, with analyst Omar "
        "Farouk saying the rival bid had been cheaper.",
        [
            ("the order had been placed on price alone", "Airline officials", "said"),
            ("the rival bid had been cheaper", "analyst Omar Farouk", "saying"),
        ],
    ),
    # "adding that" keeps the speaker
    (
        "Coach Ines Duarte said the team had trained well, adding that two players were "
        "still injured.",
        [
            ("the team had trained well", "Coach Ines Duarte", "said"),
            ("two players were still injured", "Coach Ines Duarte", "adding"),
        ],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"), CLAUSES + APPEALS + CHARACTERISATIONS + NOT_STATEMENTS + TWO_CUES
)
def test_indirect_kinds(analyse: Analyse, text: str, expected: list[Indirect]) -> None:
    assert _indirect(analyse, text) == expected


@pytest.mark.model
def test_indirect_report_with_quoted_words_gives_two_records(analyse: Analyse) -> None:
    text = (
        "The auditor said the accounts showed a “serious shortfall” that nobody at the council "
        "had reported."
    )
    analysis = analyse(text)
    kinds = sorted((q.kind, quote_text(analysis, q)) for q in analysis.quotes)
    assert kinds == [
        (
            "indirect",
            "the accounts showed a “serious shortfall” that nobody at the council had reported",
        ),
        ("partial", "serious shortfall"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            'Minister Ana Lopes told parliament the riot police had acted "with restraint".',
            'the riot police had acted "with restraint"',
        ),
        (
            "The ombudsman said the prison's medical unit was “close to collapse.”",
            "the prison's medical unit was “close to collapse.”",
        ),
    ],
)
def test_indirect_report_keeps_the_closing_mark_of_its_quoted_words(
    analyse: Analyse, text: str, span: str
) -> None:
    analysis = analyse(text)
    assert [quote_text(analysis, q) for q in analysis.quotes if q.kind == "indirect"] == [span]


@pytest.mark.model
def test_indirect_report_almost_all_quoted_is_left_to_the_quote(analyse: Analyse) -> None:
    analysis = analyse("The envoy said any deal “must protect the fishing villages first”.")
    assert [q.kind for q in analysis.quotes] == ["partial"]
