from __future__ import annotations

import pytest

from newsgraph.errors import ResourceError
from newsgraph.events.lexicon import load_lexicon, parse_line
from newsgraph.model import PLOVER_EVENT_TYPES


@pytest.mark.parametrize(
    ("line", "lemma", "particle", "objects", "nominal"),
    [
        ("attack\tASSAULT\t-\t190\t0.85\t", "attack", None, frozenset(), False),
        ("call for\tREQUEST\t-\t100\t0.85\tframe", "call", "for", frozenset(), False),
        (
            "hold +talk|meeting\tCONSULT\t-\t040\t0.85\trecip",
            "hold",
            None,
            frozenset({"talk", "meeting"}),
            False,
        ),
        ("n:offensive\tASSAULT\t-\t190\t0.55\t", "offensive", None, frozenset(), True),
        (
            "withdraw from +talk\tSANCTION\twithdraw\t164\t0.8\t",
            "withdraw",
            "from",
            frozenset({"talk"}),
            False,
        ),
    ],
)
def test_lexicon_parse_line_reads_trigger_forms(
    line: str, lemma: str, particle: str | None, objects: frozenset[str], nominal: bool
) -> None:
    entry = parse_line(line, 1)
    assert (entry.lemma, entry.particle, entry.objects, entry.nominal) == (
        lemma,
        particle,
        objects,
        nominal,
    )


@pytest.mark.parametrize(
    ("flags", "attribute"),
    [
        ("frame", "frame"),
        ("host", "host"),
        ("recip", "reciprocal"),
        ("verbal", "verbal"),
        ("person", "needs_person"),
    ],
)
def test_lexicon_parse_line_reads_flags(flags: str, attribute: str) -> None:
    entry = parse_line(f"meet\tCONSULT\t-\t040\t0.8\t{flags}", 3)
    assert getattr(entry, attribute) is True


@pytest.mark.parametrize(
    "line",
    ["attack\tFIGHT\t-\t190\t0.85\t", "attack\tASSAULT\t-\t190", "attack\tASSAULT\t-\t190\tx\t"],
)
def test_lexicon_parse_line_rejects_bad_rows(line: str) -> None:
    with pytest.raises((ResourceError, ValueError)):
        parse_line(line, 7)


def test_lexicon_covers_every_plover_type() -> None:
    lexicon = load_lexicon()
    entries = [e for group in lexicon.verbs.values() for e in group] + list(lexicon.nouns.values())
    assert {e.event_type for e in entries} == set(PLOVER_EVENT_TYPES)


def test_lexicon_orders_specific_entries_first() -> None:
    entries = load_lexicon().verbs["withdraw"]
    assert entries[0].specificity >= entries[-1].specificity
    assert entries[-1].objects == frozenset() and entries[-1].particle is None
