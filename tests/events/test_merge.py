from __future__ import annotations

import pytest

from newsgraph.events.merge import merge_events
from newsgraph.model import Event, Evidence, Participant, Section, Span

TEXT = "Ruto | Kenya | Tokyo | Kishida | Seoul | Japan | Korea | his aides"


def part(name: str, country: str | None = None, entity: str | None = None) -> Participant:
    start = TEXT.index(name)
    return Participant(entity, start, start + len(name), country)


def event(
    event_type: str = "CONSULT",
    mode: str | None = "visit",
    actors: tuple[Participant, ...] = (),
    recipients: tuple[Participant, ...] = (),
    section: Section = "body",
    time_refs: tuple[str, ...] = (),
    modality: str = "asserted",
) -> Event:
    return Event(
        id="",
        event_type=event_type,
        mode=mode,
        actors=list(actors),
        recipients=list(recipients),
        evidence=[Evidence(0, 4, section, Span(0, 4))],
        time_refs=list(time_refs),
        modality=modality,  # type: ignore[arg-type]
        confidence=0.8,
    )


RUTO = part("Ruto", "KEN", "E1")
TOKYO = part("Tokyo", "JPN")
KISHIDA = part("Kishida", "JPN", "E2")
SEOUL = part("Seoul", "KOR")


def test_merge_headline_caption_and_body_mentions_become_one_event() -> None:
    title = event(actors=(RUTO,), recipients=(TOKYO,), section="title")
    caption = event(mode=None, actors=(KISHIDA, RUTO), section="caption")
    body = event(actors=(RUTO,), recipients=(TOKYO,), section="body")
    merged = merge_events([title, caption, body], TEXT, {})
    assert len(merged) == 1
    assert [e.section for e in merged[0].evidence] == ["title", "caption", "body"]
    assert merged[0].mode == "visit"
    assert merged[0].confidence > 0.8


@pytest.mark.parametrize(
    "other",
    [
        event(actors=(RUTO,), recipients=(SEOUL,)),  # another host
        event(event_type="ASSAULT", mode=None, actors=(RUTO,), recipients=(TOKYO,)),  # another type
        event(mode="phone", actors=(RUTO,), recipients=(TOKYO,)),  # another mode
        event(actors=(RUTO,), recipients=(TOKYO,), modality="future"),  # a promise, not the visit
        event(actors=(RUTO,), recipients=(TOKYO,), time_refs=("T2",)),  # another day
    ],
)
def test_merge_keeps_different_events_apart(other: Event) -> None:
    first = event(actors=(RUTO,), recipients=(TOKYO,), time_refs=("T1",))
    assert len(merge_events([first, other], TEXT, {"T1": "2025-02-04", "T2": "2025-02-02"})) == 2


def test_merge_directed_event_without_recipient_only_joins_across_sections() -> None:
    accuse = event(event_type="ACCUSE", mode="allege", actors=(RUTO,), recipients=(KISHIDA,))
    same_section = event(event_type="ACCUSE", mode="allege", actors=(RUTO,))
    headline = event(event_type="ACCUSE", mode="allege", actors=(RUTO,), section="title")
    assert len(merge_events([accuse, same_section], TEXT, {})) == 2
    assert len(merge_events([headline, accuse], TEXT, {})) == 1


def test_merge_keeps_visitor_as_actor_and_host_as_recipient() -> None:
    meeting = event(mode=None, actors=(RUTO, KISHIDA))
    visit = event(actors=(RUTO,), recipients=(TOKYO,))
    merged = merge_events([meeting, visit], TEXT, {})
    assert len(merged) == 1
    assert [TEXT[p.start : p.end] for p in merged[0].actors] == ["Ruto"]
    assert "Tokyo" in [TEXT[p.start : p.end] for p in merged[0].recipients]


AIDES = part("his aides")


@pytest.mark.parametrize(
    "talks",
    [
        # "Ruto and his aides held talks with Kishida": aligned with the visit
        event(mode=None, actors=(RUTO, AIDES), recipients=(KISHIDA,)),
        # "Kishida held talks with Ruto and his aides": the host is the subject, sides cross
        event(mode=None, actors=(KISHIDA,), recipients=(RUTO, AIDES)),
    ],
)
def test_merge_directed_talks_keep_their_sides_in_a_visit(talks: Event) -> None:
    visit = event(actors=(RUTO,), recipients=(TOKYO,), section="caption")
    merged = merge_events([talks, visit], TEXT, {})
    assert len(merged) == 1
    assert [TEXT[p.start : p.end] for p in merged[0].actors] == ["Ruto", "his aides"]
    assert [TEXT[p.start : p.end] for p in merged[0].recipients] == ["Tokyo"]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [("2025-02-04", "2025-W06", 1), ("2025-02-04", "2025-02", 1), ("2025-02-04", "2025-W05", 2)],
)
def test_merge_compares_dates_as_ranges(first: str, second: str, merged: int) -> None:
    """ "On Feb. 4" and "this week" can name one visit; "last week" cannot."""
    day = event(actors=(RUTO,), recipients=(TOKYO,), time_refs=("T1",))
    week = event(actors=(RUTO,), recipients=(TOKYO,), time_refs=("T2",))
    assert len(merge_events([day, week], TEXT, {"T1": first, "T2": second})) == merged
