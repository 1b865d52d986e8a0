"""`cluster_codes` stays exact, and the filters that read it find what their events say.

The actor, recipient, country and dyad filters over clusters read the per-cluster tables
(`cluster_codes`, `cluster_participants`) instead of every member event's participants. Both
tables are derived data: after every kind of write (new documents, syndicated copies, an edit,
its revert, a deletion) they must equal a recomputation from event links and participants, and
a filter must select the same clusters as the rule stated over events: a cluster matches A on a
side when ANY of its events has a participant matching A on that side, sides read independently.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, inspect, select, text

from newsgraph.query.filters import EventFilter, apply_filter, by_code, entity_ids
from newsgraph.query.series import dyad
from newsgraph.store import Store, cluster_codes, migrations
from newsgraph.store import schema as s

from .crash import consistency_problems, per_cluster_problems, per_cluster_rows
from .test_integrity import edited, stories
from .varied import corpus, document


def stored_codes(store: Store) -> int:
    stored, expected = per_cluster_rows(store)["cluster_codes"]
    assert set(stored) == expected
    return len(stored)


def test_cluster_codes_exact_after_add_update_revert_delete(store: Store) -> None:
    original, records = stories(7)
    varied = [r for r in corpus(30, seed=41, versions=False) if "error" not in r]
    for record in [*varied, *records]:
        store.add(record)
    n_rows = stored_codes(store)
    assert n_rows > len(records)  # several clusters, both sides, codes and countries
    assert store.add(edited(original)) == "updated"  # its copies are relinked to a new root
    assert per_cluster_problems(store) == []
    assert store.add(original) == "updated"  # the revert
    assert stored_codes(store) == n_rows
    store.add(document(50, random.Random(50), doc_id=records[-1]["id"]))  # another text
    assert per_cluster_problems(store) == []
    assert store.delete(original["id"]) == 1  # the root of three copies
    assert per_cluster_problems(store) == []
    for record in varied[::3]:  # clusters lose some members and keep others
        store.delete(record["id"])
    assert per_cluster_problems(store) == []
    for record in varied[1::3]:  # later versions: other participants in the same clusters
        store.add(
            document(
                int(record["id"].rsplit("-", 1)[1]) + 500, random.Random(9), doc_id=record["id"]
            )
        )
    assert per_cluster_problems(store) == []
    for record in [*varied, *records]:
        store.delete(record["id"])
    assert per_cluster_rows(store)["cluster_codes"] == ([], set())
    assert consistency_problems(store) == []


def test_cluster_codes_exact_over_a_varied_corpus(store: Store) -> None:
    """Several coded parties on one side, sector and user-KB codes, copies, later versions."""
    for record in corpus(40, seed=23):
        store.add(record)
    assert stored_codes(store) > 0
    assert per_cluster_problems(store) == []


def test_cluster_codes_migration_7_fills_the_table_from_an_older_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v6.sqlite'}"
    with Store(url) as old:
        for record in corpus(25, seed=5, versions=False):
            old.add(record)
        expected = per_cluster_rows(old)["cluster_codes"][1]
        with old.engine.begin() as conn:  # as version 6 left it: no such table
            conn.execute(text("DROP TABLE cluster_codes"))
            conn.execute(text("DROP INDEX ix_event_clusters_window"))
            conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
    with Store(url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        stored, _ = per_cluster_rows(store)["cluster_codes"]
        assert expected and sorted(stored, key=repr) == sorted(expected, key=repr)
        with store.engine.connect() as conn:
            indexes = {i["name"] for i in inspect(conn).get_indexes("event_clusters")}
        assert "ix_event_clusters_window" in indexes


def test_cluster_codes_migration_8_fills_cluster_dyads_from_an_older_store(store: Store) -> None:
    for record in corpus(25, seed=5, versions=False):
        store.add(record)
    expected = per_cluster_rows(store)["cluster_dyads"][1]
    with store.engine.begin() as conn:  # as version 7 left it: no such table, a shorter index
        conn.execute(text("DROP TABLE cluster_dyads"))
        conn.execute(text("DROP INDEX ix_cluster_participants_entity"))
        conn.execute(
            text(
                "CREATE INDEX ix_cluster_participants_entity"
                " ON cluster_participants (global_entity_id, date_start)"
            )
        )
        conn.execute(text("UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    store.close()
    with Store(store.url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION == 8
        stored, _ = per_cluster_rows(store)["cluster_dyads"]
        assert expected and any(joint for _, _, joint, _ in expected)
        assert sorted(stored) == sorted(expected)
        with store.engine.connect() as conn:
            indexes = {
                i["name"]: i["column_names"]
                for i in inspect(conn).get_indexes("cluster_participants")
            }
        assert indexes["ix_cluster_participants_entity"] == [
            "global_entity_id",
            "date_start",
            "cluster_id",
        ]


CRAFTED = [  # codes whose first letters are not their country, short codes, missing values
    ("actor", "KENGOV", "KEN"),
    ("actor", "IGOUNO", None),
    ("actor", None, "UGA"),
    ("actor", "RUSMIL", "UKR"),
    ("recipient", "KE", None),
    ("recipient", "FRAGOV", "FRA"),
    ("recipient", "KENREB", "SOM"),
]


def test_cluster_codes_dyad_keys_the_same_in_python_and_in_sql(store: Store) -> None:
    """`dyads` (the write path) and `derived_dyads` (rewrite, migration) agree on clusters
    whose codes and countries disagree."""
    code_rows = [
        {"cluster_id": cluster, "side": side, "code": code, "country": country}
        for cluster in (1, 2, 3)
        for side, code, country in CRAFTED[: 3 + 2 * cluster]
    ]
    with store.engine.begin() as conn:
        conn.execute(
            s.event_clusters.insert(),
            [{"id": i, "event_type": "CONSULT", "modality": "asserted"} for i in (1, 2, 3)],
        )
        conn.execute(s.cluster_codes.insert(), code_rows)
        in_sql = {
            (r.source, r.target, bool(r.joint), r.cluster_id)
            for r in conn.execute(cluster_codes.derived_dyads())
        }
        conn.rollback()
    in_python = {
        tuple(d[c] for c in cluster_codes.DYAD_COLUMNS) for d in cluster_codes.dyads(code_rows)
    }
    assert in_python == in_sql
    assert ("IGO", "KE", False, 3) in in_sql and ("RUS", "UKR", True, 2) in in_sql
    assert ("KEN", "SOM", False, 3) in in_sql and ("KEN", "KEN", False, 3) in in_sql
    assert not any(s == t for s, t, joint, _ in in_sql if joint)


# --- the filters against the rule stated over events -------------------------------------------


def member_participants(conn: Connection) -> list[Any]:
    link, p = s.event_links, s.event_participants
    return conn.execute(
        select(link.c.cluster_id, p.c.side, p.c.code, p.c.country, p.c.global_entity_id).join(
            p, p.c.event_id == link.c.event_id
        )
    ).all()


def on_side(conn: Connection, rows: list[Any], value: str, sides: Iterable[str]) -> set[int]:
    """Clusters with ANY member event's participant matching `value` on one of `sides`."""
    if by_code(value):
        code = value.upper()
        if "*" in code:
            pattern = code.lower()

            def matches(r: Any) -> bool:
                return any(
                    v is not None and fnmatchcase(v.lower(), pattern) for v in (r.code, r.country)
                )
        else:

            def matches(r: Any) -> bool:
                return (r.code or "").startswith(code) or r.country == code
    else:
        ids = set(entity_ids(conn, value))

        def matches(r: Any) -> bool:
            return r.global_entity_id in ids

    return {int(r.cluster_id) for r in rows if r.side in sides and matches(r)}


def ids(conn: Connection, condition: Any) -> set[int]:
    c = s.event_clusters
    return {int(r[0]) for r in conn.execute(select(c.c.id).where(condition))}


VALUES = ["FRA", "KEN", "FRAGOV", "DEU", "*GOV", "UKR*", "GBRGOV"]


@pytest.fixture
def filled(store: Store) -> Store:
    for record in corpus(40, seed=31):
        store.add(record)
    return store


def test_cluster_codes_actor_recipient_country_filters_match_their_events(filled: Store) -> None:
    c = s.event_clusters
    with filled.engine.connect() as conn:
        rows = member_participants(conn)
        person = conn.execute(
            select(s.global_entities.c.name).where(s.global_entities.c.type == "PERSON").limit(1)
        ).scalar()
        assert person
        found_any = False
        for value in [*VALUES, person]:
            for option, sides in (
                ("actor", ("actor",)),
                ("recipient", ("recipient",)),
                ("involving", ("actor", "recipient")),
            ):
                query = apply_filter(
                    conn, select(c.c.id), EventFilter(modality=None, **{option: value})
                )
                got = {int(r[0]) for r in conn.execute(query)}
                assert got == on_side(conn, rows, value, sides), (option, value)
                found_any |= bool(got)
        assert found_any
        for country in ("FRA", "KEN", "UKR"):
            query = apply_filter(conn, select(c.c.id), EventFilter(modality=None, country=country))
            got = {int(r[0]) for r in conn.execute(query)}
            by_columns = ids(
                conn, (c.c.actor_country == country) | (c.c.recipient_country == country)
            )
            assert got == by_columns | on_side(conn, rows, country, ("actor", "recipient"))


def test_cluster_codes_dyads_match_their_events(filled: Store) -> None:
    with filled.engine.connect() as conn:
        rows = member_participants(conn)
        sizes = []
        for a, b in [
            ("FRA", "KEN"),
            ("KEN", "FRA"),
            ("DEU", "GBR"),
            ("UKR", "RUS"),
            ("DEUGOV", "GBR"),
            ("*GOV", "UKR"),
            ("FRA", "FRA"),
        ]:
            keyed = "cluster_dyads" in str(dyad(conn, a, b).compile())
            assert keyed == (len(a) == len(b) == 3 and "*" not in a + b and a != b), (a, b)
            a_act, a_rec = on_side(conn, rows, a, ["actor"]), on_side(conn, rows, a, ["recipient"])
            b_act, b_rec = on_side(conn, rows, b, ["actor"]), on_side(conn, rows, b, ["recipient"])
            expected = (a_act & b_rec) | (b_act & a_rec) | (a_act & b_act)
            assert ids(conn, dyad(conn, a, b)) == expected, (a, b)
            assert ids(conn, dyad(conn, a, b, directed=True)) == a_act & b_rec, (a, b)
            sizes.append(len(expected))
        assert sum(sizes) > 0
