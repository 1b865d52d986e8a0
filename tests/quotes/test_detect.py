"""Detection by quotation marks, without the spaCy model (find_quotes on raw text)."""

from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.kind) for q in find_quotes(text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly marks, a whole utterance
        ("“We will stay,” the mayor said.", [("We will stay", "direct")]),
        # straight marks
        ('"Prices will fall," she said.', [("Prices will fall", "direct")]),
        # two quotes in one sentence, the second a split continuation (lower case)
        (
            "“We will,” he said, “never leave.”",
            [("We will", "direct"), ("never leave.", "direct")],
        ),
        # a word in reported speech is partial, with the sentence's full stop dropped
        ("She called the deal a “landmark” step.", [("landmark", "partial")]),
        ("The town became a “ghost town.”", [("ghost town", "partial")]),
        # nested single marks stay inside the double-quoted span
        (
            "“They shouted ‘leave now’ and we ran,” a farmer said.",
            [("They shouted ‘leave now’ and we ran", "direct")],
        ),
        # apostrophes are not quote marks
        (
            "“We don’t accept Moscow’s terms,” he said.",
            [("We don’t accept Moscow’s terms", "direct")],
        ),
        ("The players’ union rejected the offer.", []),
        ("Putin’s visit ended in March.", []),
        # a top-level single-quoted phrase
        ("The minister called it ‘a disgrace’ on Monday.", [("a disgrace", "partial")]),
        # after a colon or a cue verb a capitalised quote is direct
        ("The minister said: “The embassy stays open.”", [("The embassy stays open.", "direct")]),
        ('He replied "I cannot do that".', [("I cannot do that", "direct")]),
        # a whole clause right after a cue verb is direct even in lower case
        (
            'The mayor said "a new bridge will be built next year" at the meeting.',
            [("a new bridge will be built next year", "direct")],
        ),
        (
            'The report reasoned, "because fees are paid, the school is a business."',
            [("because fees are paid, the school is a business.", "direct")],
        ),
        # names and titles are partial wherever they stand
        (
            'On its website, "The Great Library Countdown", the city lists closures.',
            [("The Great Library Countdown", "partial")],
        ),
        (
            "The group, which calls itself “Harbour Watch”, met on Friday.",
            [("Harbour Watch", "partial")],
        ),
        ("A user calling himself “Nightowl” posted the files.", [("Nightowl", "partial")]),
        (
            "“Fishing ban hits coastal towns” — Baltic Times, May 3",
            [("Fishing ban hits coastal towns", "partial")],
        ),
        # straight single marks: only where a line (or a colon) opens them, headline style
        (
            "'We will rebuild every school', says mayor",
            [("We will rebuild every school", "direct")],
        ),
        ("He said: 'We are ready.'", [("We are ready.", "direct")]),
        ("The players' union said 'no' to the offer.", []),
        ("Rock 'n' roll is back in Memphis.", []),
        # guillemets
        ("«Nous restons», a déclaré le ministre.", [("Nous restons", "direct")]),
        # empty marks and a stray closing mark are ignored
        ("He said “” and left.", []),
        ("The word” appears once.", []),
    ],
)
def test_detect_marks(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news style over several paragraphs: each opens with a mark, only the last closes;
        # one record per paragraph
        (
            "“The first task is the schools.\n“The second is the hospitals,” she said.",
            ["The first task is the schools.", "The second is the hospitals"],
        ),
        (
            '"We tried everything.\n"Nothing worked," the coach said.',
            ["We tried everything.", "Nothing worked"],
        ),
        (
            "“Water came first.\n“Then the power failed.\n“Then the phones,” a resident said.",
            ["Water came first.", "Then the power failed.", "Then the phones"],
        ),
        # an unclosed quote whose next paragraph does not open with a mark ends with its paragraph
        ("“We tried everything.\nThe coach left the room.", ["We tried everything."]),
        # a quote over several lines of text that comes one sentence per line is one record
        (
            "The union leader wrote: “Pay has not moved in ten years.\n"
            "Rents have doubled.\n"
            "Our members cannot wait any longer.”\n"
            "Talks resume on Monday.",
            [
                "Pay has not moved in ten years.\nRents have doubled.\nOur members cannot wait any longer."
            ],
        ),
        (
            '"The river rose overnight.\nBy dawn the bridge was gone," the farmer said.\n'
            'Officials said "most roads" were open.',
            ["The river rose overnight.\nBy dawn the bridge was gone", "most roads"],
        ),
        # its closing mark on a later line is not read as an opening mark
        (
            'She said: "We will appeal.\nThe ruling is wrong." ((en))\nThe court declined comment.',
            ["We will appeal.\nThe ruling is wrong."],
        ),
    ],
)
def test_detect_multi_paragraph(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text, [])
    assert [text[q.start : q.end] for q in quotes] == expected


def test_detect_ids_in_text_order() -> None:
    text = "“One,” he said.\n“Two,” she said.\nA “third” word."
    quotes = find_quotes(text, [])
    assert [q.id for q in quotes] == ["Q1", "Q2", "Q3"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert all(q.speaker is None for q in quotes)
