"""The ingest fast paths (residue and note patterns, duplicate keys, relative dates) give the
same answers as the plain patterns."""

from __future__ import annotations

import re

import pytest

from newsgraph.ingest import patterns
from newsgraph.ingest.patterns import Alternation, _needed_words

LINES = [
    "Subscribe now for unlimited access",
    "Already a subscriber? Log in here",
    "Sign up for our morning newsletter",
    "Get the latest headlines delivered straight to your inbox every weekday",
    "We use cookies to give you the best experience.",
    "This site uses COOKIES and similar technologies",
    "Reuters staff contributed to this report.",
    "Maria Lopez in Bogota contributed reporting.",
    "Sign-up sheets were posted outside the ministry in Nairobi on Tuesday.",
    "The minister said the cookie-cutter reform would not pass the senate.",
    "Lawmakers in Lima voted 87-32 to approve the accord, which the president signed.",
    "Opposition leaders who contributed to the talks said the deal was fragile.",
    "Hundreds of subscribers to the state broadcaster lost their signal during the storm.",
    # non-ASCII: case folding beyond ASCII ("ſ" matches "s", the Kelvin sign "k")
    "ſubscribe to our channel",
    "We use cooKies on this site",
    "Únase a nuestro newsletter",
    "Share",
    "0:00 / 2:31",
    "Advertisement",
    "Home > World > Americas",
    "",
]


def _reason_by_whole(line: str) -> str | None:
    found = patterns.patterns().residue_words.whole.fullmatch(line)
    return None if found is None else patterns.patterns().residue[int(str(found.lastgroup)[1:])][0]


@pytest.mark.parametrize("line", LINES)
def test_residue_and_note_answers_equal_the_whole_alternation(line: str) -> None:
    assert patterns.residue_reason(line) == _reason_by_whole(line)
    expected_note = patterns.patterns().note_words.whole.fullmatch(line) is not None
    assert patterns.is_note(line) == expected_note


def test_residue_phrase_lines_still_found() -> None:
    assert patterns.residue_reason("Sign up for our morning newsletter") == "newsletter"
    assert patterns.residue_reason("ſubscribe to our channel") == "subscribe"
    assert patterns.residue_reason("We use cooKies on this site") == "cookie"
    assert patterns.is_note("Maria Lopez in Bogota contributed reporting.")
    assert patterns.residue_reason("Lawmakers in Lima voted to approve the accord.") is None


def test_needed_words_of_phrases() -> None:
    assert _needed_words(r"(?:newsletters?|sign up|in your inbox)\b.*") == (
        "newsletter",
        "sign up",
        "in your inbox",
    )
    assert _needed_words(r"contributed (?:to )?reporting\b.*") == ("contributed ",)


@pytest.mark.parametrize(
    "rest",
    [
        r"x\b.*|foo",  # a second top-level alternative needs no "x"
        r"(?:a|b)|c",
        r"(?:ab\(|c)d",  # an escaped symbol: not read
        r"a\\|b",
        r"[ab]c",
        r"(?:a|\w+)",  # an alternative with no literal start
        r"(?:foo|bar)?baz\b.*",  # an optional leading group: "baz" alone matches
        r"(?:foo|bar)*baz",
        r"(?:foo|bar){0,2}baz",
    ],
)
def test_needed_words_refuses_what_it_cannot_read(rest: str) -> None:
    assert _needed_words(rest) is None


def test_alternation_keeps_the_first_pattern_in_order() -> None:
    regexes = (r"(?=.{0,80}$).*\bcookies?\b.*", r"we use .*", r"(?=.{0,80}$).*\bsign up\b.*")
    alternation = Alternation(regexes)
    assert [n for n, _ in alternation.needs] == [0, 2]
    for line in ["We use cookies", "we use sign up forms", "We use nothing", "Cookie policy"]:
        found = alternation.pattern_for(line).fullmatch(line)
        whole = re.compile("|".join(f"(?P<r{n}>{r})" for n, r in enumerate(regexes)), re.I)
        expected = whole.fullmatch(line)
        assert (found and found.lastgroup) == (expected and expected.lastgroup)


@pytest.mark.parametrize(
    "line",
    [
        "Kenya's President Meets Ethiopia's Leader -- Talks Continue!",
        "Ruto_2025 (Nairobi)\tvisit, day\x0b2",
        "Éthiopie: le Premier ministre à Nairobi",
        "Ｆｕｌｌｗｉｄｔｈ Ｎａｍｅ",
        "   ",
        "",
    ],
)
def test_norm_key_ascii_path_equals_the_folded_word_runs(line: str) -> None:
    import unicodedata

    from newsgraph.ingest.layout import WORD_RUN, norm_key

    folded = unicodedata.normalize("NFKC", line).casefold()
    assert norm_key(line) == " ".join(WORD_RUN.findall(folded))


@pytest.mark.parametrize(
    ("line", "relative"),
    [
        ("Published 3 hours ago", True),
        ("Updated an hour AGO", True),
        ("Posted yesterday", True),
        ("Updated just now", True),
        ("Published Today", True),
        ("Kenya and Ethiopia sign a border accord", False),
        ("Publicado hace una hora", False),
    ],
)
def test_relative_date_words(line: str, relative: bool) -> None:
    from newsgraph.ingest.datelines import RELATIVE, _relative

    assert _relative(line) == relative == (RELATIVE.search(line) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Lima on June 3, 2025, and again on 9 September 2025.",
        "Talks resumed on 2025-02-04 in Nairobi.",
        "The accord, signed on Feb. 30, 2025, was void.",
        "Lawmakers met on Tuesday and will meet again next week.",
        "Flight 1920 landed at 20:45 with 2019 passengers.",
        "",
    ],
)
def test_full_dates_found_as_by_the_plain_pattern(text: str) -> None:
    from newsgraph.ingest.dates import FULL_DATE, find_full_dates

    found = [(f.start, f.end) for f in find_full_dates(text, 7)]
    expected = [(m.start() + 7, m.end() + 7) for m in FULL_DATE.finditer(text)]
    assert found == [(s, e) for s, e in expected if "30, 2025" not in text[s - 7 : e - 7]]


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("NAIROBI, Kenya (AP) — Kenya's president said on Tuesday ...", "NAIROBI, Kenya"),
        ("BEIRUT, March 3 (Reuters) - Lebanon's parliament met ...", "BEIRUT"),
        ("Nairobi, Kenya (AP) — The president said ...", None),
        ("The minister said - in Lima - that talks would resume.", None),
        ("A — B", None),
        ("É", None),
    ],
)
def test_dateline_prefix(paragraph: str, place: str | None) -> None:
    from newsgraph.ingest.datelines import parse_dateline_prefix

    found = parse_dateline_prefix(paragraph)
    assert (found.place if found else None) == place


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Protesters gather outside parliament in Nairobi. Photo: Reuters", "Photo: Reuters"),
        ("Protesters gather outside parliament in Nairobi. Photo: Reuters.", "Photo: Reuters."),
        ("Rescue teams search the rubble in Antakya. Credit: Jane Doe,", "Credit: Jane Doe,"),
        ("Rescue teams search the rubble in Antakya. (AP Photo/Jane Doe)", "AP Photo/Jane Doe"),
        ("The minister said talks with Ethiopia would resume next week.", None),
        ("Shares of Safaricom Ltd. fell 3% after the ruling by Kenya Power Inc.", None),
    ],
)
def test_split_caption_answers(line: str, credit: str | None) -> None:
    from newsgraph.ingest.credits import split_caption

    found = split_caption(line)
    assert (found.credit if found else None) == credit
