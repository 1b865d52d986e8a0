"""Global entities: merged across articles by normalised name, alias and country code."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store import entities as ent
from newsgraph.store import schema as s
from record_factory import entity, record


def globals_by_name(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(s.entities.c.name, s.entity_links.c.global_entity_id).join(
                s.entity_links, s.entity_links.c.entity_id == s.entities.c.id
            )
        ).all()
    return {name: int(gid) for name, gid in rows}


def add(store: Store, doc_id: str, entities: list[dict[str, Any]], published: str) -> None:
    text = f"Report {doc_id}: " + ", ".join(e["name"] for e in entities) + "."
    store.add(record(doc_id, text, "Test Wire", published, entities, []))


def test_entities_alias_learned_later_joins_the_same_entity(store: Store) -> None:
    add(store, "d1", [entity("E1", "Abu Mohammed al-Julani", code="SYRREB")], "2024-01-10")
    add(
        store,
        "d2",
        [entity("E1", "Ahmed al-Sharaa", code="SYRGOV", aliases=("Abu Mohammed al-Julani",))],
        "2025-01-10",
    )
    add(store, "d3", [entity("E1", "Ahmad al-Shara'a", code="SYRGOV")], "2025-02-10")
    ids = globals_by_name(store)
    assert ids["Abu Mohammed al-Julani"] == ids["Ahmed al-Sharaa"] == ids["Ahmad al-Shara'a"]
    with store.engine.connect() as conn:
        g = conn.execute(select(s.global_entities)).one()
    assert (g.n_documents, g.code, str(g.last_seen)) == (3, "SYRGOV", "2025-02-10")


def test_entities_countries_merge_by_code_places_do_not(store: Store) -> None:
    add(store, "d1", [entity("E1", "Turkey", "GPE", code="TUR")], "2025-01-01")
    add(
        store,
        "d2",
        [entity("E1", "Türkiye", "GPE", code="TUR"), entity("E2", "Ankara", "GPE", code="TUR")],
        "2025-01-02",
    )
    ids = globals_by_name(store)
    assert ids["Turkey"] == ids["Türkiye"]
    assert ids["Ankara"] != ids["Turkey"]


def test_entities_person_and_place_with_one_name_stay_apart(store: Store) -> None:
    add(
        store,
        "d1",
        [entity("E1", "Jordan", "GPE", code="JOR"), entity("E2", "Jordan", "PERSON")],
        "2025-01-01",
    )
    with store.engine.connect() as conn:
        types = (
            conn.execute(select(s.global_entities.c.type).order_by(s.global_entities.c.type))
            .scalars()
            .all()
        )
    assert types == ["GPE", "PERSON"]


@pytest.mark.parametrize(
    ("e", "expected"),
    [
        (
            entity("E1", "Recep Tayyip Erdoğan", aliases=("Erdogan",)),
            {"person:recep tayyip erdogan", "person:erdogan"},
        ),
        (entity("E1", "Syria", "GPE", code="SYR"), {"place:syria", "country:SYR"}),
        (entity("E1", "Damascus", "GPE", code="SYR"), {"place:damascus"}),
        (
            entity("E1", "European Union", "ORG", code="IGOEEC", aliases=("EU",)),
            {"org:european union", "org:eu"},
        ),
    ],
)
def test_entities_keys(e: dict[str, Any], expected: set[str]) -> None:
    assert set(ent.keys_of(e)) == expected
