"""Attribution patterns: cue, speaker phrase and relay for each quote (needs the spaCy model).

Each case lists the quotes expected as (quoted text, kind, speaker text, via). Every marked
(direct or partial) quote of the text must be listed; indirect quotes are checked when listed.
"""

from __future__ import annotations

import pytest
from tests.quotes.conftest import Analyse, quote_text

Expected = tuple[str, str, str | None, str | None]

CASES: list[tuple[str, list[Expected]]] = [
    # --- direct quotes, cue after the quote
    (
        "“We will not back down,” said Kenyan President William Ruto.",
        [("We will not back down", "direct", "Kenyan President William Ruto", None)],
    ),
    (
        "“The border stays closed,” the interior minister said on Monday.",
        [("The border stays closed", "direct", "the interior minister", None)],
    ),
    (
        "“It is a sad day,” said Maria Lopez, a nurse at the hospital.",
        [("It is a sad day", "direct", "Maria Lopez", None)],
    ),
    (
        "“Who will pay for this?” asked opposition leader Peter Dutton.",
        [("Who will pay for this?", "direct", "opposition leader Peter Dutton", None)],
    ),
    (
        "“Yes,” said Ana Silva. “No,” said Ben Okafor.",
        [("Yes", "direct", "Ana Silva", None), ("No", "direct", "Ben Okafor", None)],
    ),
    # --- direct quotes, cue before the quote
    (
        "Chancellor Olaf Scholz said: “Germany stands with its partners.”",
        [("Germany stands with its partners.", "direct", "Chancellor Olaf Scholz", None)],
    ),
    (
        "Tesla chief Elon Musk tweeted: “We will build a factory in Mexico.”",
        [("We will build a factory in Mexico.", "direct", "Tesla chief Elon Musk", None)],
    ),
    # --- straight marks
    (
        '"Prices will fall next year," Finance Minister Nirmala Sitharaman told parliament.',
        [("Prices will fall next year", "direct", "Finance Minister Nirmala Sitharaman", None)],
    ),
    (
        "\"We don't want war,\" Taiwan's president said.",
        [("We don't want war", "direct", "Taiwan's president", None)],
    ),
    # --- split quote: two records, one speaker
    (
        "Mayor Ana Costa visited the flooded streets. “We will,” she said, “never leave.”",
        [
            ("We will", "direct", "Mayor Ana Costa", None),
            ("never leave.", "direct", "Mayor Ana Costa", None),
        ],
    ),
    # --- told reporters / told an outlet
    (
        "“The talks were productive,” Brazilian Foreign Minister Mauro Vieira told reporters.",
        [("The talks were productive", "direct", "Brazilian Foreign Minister Mauro Vieira", None)],
    ),
    (
        "“We are ready to sign,” the Ukrainian official told Reuters.",
        [("We are ready to sign", "direct", "the Ukrainian official", "Reuters")],
    ),
    # --- relayed speech
    (
        "In comments carried by the state news agency IRNA, Iranian President Masoud Pezeshkian "
        "called the sanctions “cruel.”",
        [("cruel", "partial", "Iranian President Masoud Pezeshkian", "IRNA")],
    ),
    (
        "Speaking to the BBC, Irish Prime Minister Simon Harris called the deal “a good day for "
        "Ireland.”",
        [("a good day for Ireland", "partial", "Irish Prime Minister Simon Harris", "BBC")],
    ),
    (
        "In an interview with Al Jazeera, the Qatari prime minister described a ceasefire as "
        "“within reach.”",
        [("within reach", "partial", "the Qatari prime minister", "Al Jazeera")],
    ),
    # --- according to
    (
        "“Supplies will last a week,” according to aid workers.",
        [("Supplies will last a week", "direct", "aid workers", None)],
    ),
    (
        "According to the United Nations, more than a million people have fled.",
        [("more than a million people have fled", "indirect", "the United Nations", None)],
    ),
    # --- in a statement
    (
        "In a statement, the Kenyan health ministry said the outbreak was “under control.”",
        [("under control", "partial", "the Kenyan health ministry", None)],
    ),
    (
        "The Japanese foreign ministry said in a statement that it “strongly protests” the launch.",
        [("strongly protests", "partial", "The Japanese foreign ministry", None)],
    ),
    # --- partial quotes in reported speech, with many cue verbs
    (
        "Prime Minister Narendra Modi hailed the agreement as a “milestone” for both nations.",
        [("milestone", "partial", "Prime Minister Narendra Modi", None)],
    ),
    (
        "The central bank warned of “significant risks” to growth.",
        [("significant risks", "partial", "The central bank", None)],
    ),
    (
        "Pope Francis urged leaders to show “courage and wisdom” in the talks.",
        [("courage and wisdom", "partial", "Pope Francis", None)],
    ),
    (
        "Prime Minister Keir Starmer insisted the plan was “fully funded.”",
        [("fully funded", "partial", "Prime Minister Keir Starmer", None)],
    ),
    (
        "The junta declared a “state of emergency” in the capital.",
        [("state of emergency", "partial", "The junta", None)],
    ),
    (
        "The president stressed the need for “calm and restraint” after the riots.",
        [("calm and restraint", "partial", "The president", None)],
    ),
    (
        "The embassy announced that the visa office would “reopen soon.”",
        [("reopen soon", "partial", "The embassy", None)],
    ),
    (
        "Microsoft president Brad Smith wrote that the company would “never” hand over the data.",
        [("never", "partial", "Microsoft president Brad Smith", None)],
    ),
    # --- institutional speakers with clauses and appositions
    (
        "The statement said the two sides would “deepen cooperation” on energy.",
        [("deepen cooperation", "partial", "The statement", None)],
    ),
    (
        "A joint declaration adopted at the summit demanded “an immediate end” to the fighting.",
        [("an immediate end", "partial", "A joint declaration adopted at the summit", None)],
    ),
    (
        "Ghana’s finance minister, who spoke in Accra, said the budget was “balanced.”",
        [("balanced", "partial", "Ghana’s finance minister", None)],
    ),
    (
        "Nigeria’s information minister, Mohammed Idris, said the report was “false.”",
        [("false", "partial", "Mohammed Idris", None)],
    ),
    # --- nested single marks and apostrophes
    (
        "“They shouted ‘leave now’ and we ran,” a farmer from Kharkiv said.",
        [("They shouted ‘leave now’ and we ran", "direct", "a farmer from Kharkiv", None)],
    ),
    (
        "“We don’t accept Moscow’s terms,” Zelensky’s chief of staff said.",
        [("We don’t accept Moscow’s terms", "direct", "Zelensky’s chief of staff", None)],
    ),
    # --- pronouns resolved to the person named before
    (
        "Mexican President Claudia Sheinbaum met the governors on Tuesday.\n"
        "“We will protect every worker,” she said.",
        [("We will protect every worker", "direct", "Mexican President Claudia Sheinbaum", None)],
    ),
    (
        "“The vote was fair,” said election chief Amina Bello.\n“We counted every ballot,” she added.",
        [
            ("The vote was fair", "direct", "election chief Amina Bello", None),
            ("We counted every ballot", "direct", "election chief Amina Bello", None),
        ],
    ),
    # --- continuation paragraphs and sentences
    (
        "“This is a victory for democracy,” Chilean President Gabriel Boric said.\n"
        "“Today every citizen was heard.”",
        [
            ("This is a victory for democracy", "direct", "Chilean President Gabriel Boric", None),
            ("Today every citizen was heard.", "direct", "Chilean President Gabriel Boric", None),
        ],
    ),
    (
        "“The harvest failed,” farmer Joseph Mwangi said. “We have nothing left to sell.”",
        [
            ("The harvest failed", "direct", "farmer Joseph Mwangi", None),
            ("We have nothing left to sell.", "direct", "farmer Joseph Mwangi", None),
        ],
    ),
    (
        "The coach Pep Guardiola spoke after the match:\n“We were not good enough today.”",
        [("We were not good enough today.", "direct", "Pep Guardiola", None)],
    ),
    # --- a quote over two paragraphs
    (
        "“The first task is to rebuild the schools.\n"
        "“The second is to rebuild the hospitals,” the governor said.",
        [
            ("The first task is to rebuild the schools.", "direct", "the governor", None),
            ("The second is to rebuild the hospitals", "direct", "the governor", None),
        ],
    ),
    # --- one sentence per line: the quote runs over lines, the cue stands before it
    (
        "Fisheries Minister Tamsin Reid said on Friday:\n"
        "“Stocks are recovering.\n"
        "We will review the quota in June.”",
        [
            (
                "Stocks are recovering.\nWe will review the quota in June.",
                "direct",
                "Fisheries Minister Tamsin Reid",
                None,
            )
        ],
    ),
    # --- continuation paragraphs keep the speaker of the paragraph that opened the statement
    (
        "“The harvest failed,” farmer Oluwaseun Bello said. “We have nothing to sell.\n"
        "“Nobody has come to help.”",
        [
            ("The harvest failed", "direct", "farmer Oluwaseun Bello", None),
            ("We have nothing to sell.", "direct", "farmer Oluwaseun Bello", None),
            ("Nobody has come to help.", "direct", "farmer Oluwaseun Bello", None),
        ],
    ),
    # --- a cue line ending in a comma introduces the quote on the next line
    (
        "Economist Farah Qureshi commented,\n"
        "“A weaker currency will not fix the deficit on its own.”",
        [
            (
                "A weaker currency will not fix the deficit on its own.",
                "direct",
                "Economist Farah Qureshi",
                None,
            )
        ],
    ),
    # --- a pull-quote credited with a dash
    (
        "“The sea gives and the sea takes.” – Henrik Dahl\nThe fleet returned on Sunday.",
        [("The sea gives and the sea takes.", "direct", "Henrik Dahl", None)],
    ),
    # --- the cue right before the quote wins over an earlier one in the sentence
    (
        "The paper quoted two teachers, with Ruth Mwangi stating: “Our classrooms are full.”",
        [("Our classrooms are full.", "direct", "Ruth Mwangi", None)],
    ),
    # --- a role noun before the person: the person, not the body in brackets
    (
        "The general secretary of the teachers' union (NUT), Pavel Novak, called the reform "
        "“rushed”.",
        [("rushed", "partial", "Pavel Novak", None)],
    ),
    # --- headline style: a name and a colon
    (
        "Kenyan President William Ruto: “Our doors are open”",
        [("Our doors are open", "direct", "Kenyan President William Ruto", None)],
    ),
    (
        "UN chief: “Gaza is a graveyard for children”",
        [("Gaza is a graveyard for children", "direct", "UN chief", None)],
    ),
    (
        "The plan has three parts: “build, repair and protect”.",
        [("build, repair and protect", "partial", None, None)],
    ),
    # --- scare quotes: no speech cue, no speaker
    (
        "The city has become a “ghost town” since the floods.",
        [("ghost town", "partial", None, None)],
    ),
    (
        "Investors piled into so-called “safe haven” assets in March.",
        [("safe haven", "partial", None, None)],
    ),
    # --- indirect speech
    (
        "Indonesian President Prabowo Subianto said the country would build three million homes.",
        [
            (
                "the country would build three million homes",
                "indirect",
                "Indonesian President Prabowo Subianto",
                None,
            )
        ],
    ),
    (
        "The ministry announced that fuel prices would rise by 10 percent.",
        [("fuel prices would rise by 10 percent", "indirect", "The ministry", None)],
    ),
    (
        "Police told reporters that two suspects had been arrested.",
        [("two suspects had been arrested", "indirect", "Police", None)],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attribute_patterns(analyse: Analyse, text: str, expected: list[Expected]) -> None:
    analysis = analyse(text)
    got = [
        (
            quote_text(analysis, q),
            q.kind,
            q.speaker.text if q.speaker else None,
            q.via,
        )
        for q in analysis.quotes
    ]
    marked = [g for g in got if g[1] != "indirect"]
    assert marked == [e for e in expected if e[1] != "indirect"]
    for case in (e for e in expected if e[1] == "indirect"):
        assert case in got


@pytest.mark.model
def test_attribute_cue_word_recorded(analyse: Analyse) -> None:
    analysis = analyse("“The port will reopen,” the harbour master warned on Friday.")
    assert [q.cue for q in analysis.quotes] == ["warned"]


@pytest.mark.model
def test_attribute_speaker_span_matches_text(analyse: Analyse) -> None:
    analysis = analyse("“Nobody is above the law,” Attorney General Merrick Garland said.")
    speaker = analysis.quotes[0].speaker
    assert speaker is not None and speaker.start is not None and speaker.end is not None
    assert analysis.text[speaker.start : speaker.end] == speaker.text
