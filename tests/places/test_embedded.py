"""Place names inside organisation names, and the wording that makes them count."""

from __future__ import annotations

import pytest

from newsgraph.places.embedded import names_local_body
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.places.surface import read_surface


def _resolve_in(text: str, mention: str, label: str = "ORG") -> list[tuple[str, str, str | None]]:
    start = text.index(mention)
    places = resolve_toponyms(text, [(start, start + len(mention), label)])
    return [(text[p.start : p.end], p.name, p.country) for p in places]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "A spokesman for the Spokane Police Department said two men were held.",
            "the Spokane Police Department",
            [("Spokane", "Spokane", "USA")],
        ),
        (
            "The story first ran in The Washington Post on Sunday.",
            "The Washington Post",
            [("Washington", "Washington", "USA")],
        ),
        (
            "She teaches at the University of Nebraska in the autumn.",
            "the University of Nebraska",
            [("Nebraska", "Nebraska", "USA")],
        ),
        (
            "The Kenya-Uganda Joint Commission met again.",
            "The Kenya-Uganda Joint Commission",
            [("Kenya", "Kenya", "KEN"), ("Uganda", "Uganda", "UGA")],
        ),
        (
            "Executives of the New York Times met the union.",
            "the New York Times",
            [("New York", "New York City", "USA")],
        ),
    ],
)
def test_resolve_place_embedded_in_organisation_name(
    text: str, mention: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _resolve_in(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("Paris Hilton arrived late to the premiere.", "Paris Hilton", "PERSON"),
        ("Shares of Tyler Technologies rose.", "Tyler Technologies", "ORG"),
        ("Stream it on Amazon Fire TV tonight.", "Amazon Fire TV", "PRODUCT"),
    ],
)
def test_resolve_brand_or_person_sharing_a_place_name_is_not_a_place(
    text: str, mention: str, label: str
) -> None:
    assert _resolve_in(text, mention, label) == []


def test_resolve_person_label_gives_up_place_before_local_body() -> None:
    text = "Nova Scotia RCMP say the driver was not hurt."
    assert _resolve_in(text, "Nova Scotia RCMP", "PERSON") == [
        ("Nova Scotia", "Nova Scotia", "CAN")
    ]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Dover Town Council voted.", "Dover", True),
        ("Dover residents complained.", "Dover", True),
        ("Former Leeds Mayor John Smith spoke.", "Leeds", True),
        ("He studied at the University of Ghana.", "Ghana", True),
        ("The Dover sole was overcooked.", "Dover", False),
        ("Dover said nothing.", "Dover", False),
    ],
)
def test_names_local_body(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    surface = read_surface(text, start, start + len(name))
    assert surface is not None
    assert names_local_body(text, surface) is expected
