from __future__ import annotations

import pytest

from newsgraph.recase import sentence_case


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Kenyan Leader Ruto Visits Tokyo for Talks With Kishida",
            "Kenyan Leader Ruto visits Tokyo for talks with Kishida",
        ),
        (
            "Army Launches Offensive Against Rebels",
            "Army launches offensive against Rebels",
        ),  # unknown words keep their case
    ],
)
def test_title_case_lowercases_known_words_only(title: str, expected: str) -> None:
    assert sentence_case(title) == expected


@pytest.mark.parametrize("line", ["Kenya's leader visits Tokyo for talks", "Hi", ""])
def test_title_case_leaves_sentence_case_lines_alone(line: str) -> None:
    assert sentence_case(line) is None
