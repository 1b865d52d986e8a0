"""Integrity over time: updates keep cross-article counts exact, as a fresh store would have them.

Changing one word of a syndicated article once unlinked its copies for good (report counts up,
not restored when the edit was reverted); `n_documents` of global entities counted rows and
never decreased; an update equal to another stored document was reported "unchanged" and not
applied; the failures table kept errors of documents that had since been stored.
"""

from __future__ import annotations

import copy
import hashlib
import random
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from newsgraph.store import Store, migrations
from newsgraph.store import schema as s

from .crash import comparable_export, consistency_problems, counts
from .varied import copy_of, document

JSON = dict[str, Any]


def with_text(record: JSON, new_text: str) -> JSON:
    out = copy.deepcopy(record)
    out["text"] = new_text
    out["source"]["sha256"] = hashlib.sha256(new_text.encode()).hexdigest()
    out["document"]["body"] = [{"start": 0, "end": len(new_text)}]
    return out


def edited(record: JSON) -> JSON:
    """The same article with one word changed (after its evidence and mentions)."""
    words = record["text"].split(" ")
    words[-4] = "reportedly" if words[-4] != "reportedly" else "officially"
    return with_text(record, " ".join(words))


def stories(seed: int = 3) -> tuple[JSON, list[JSON]]:
    rng = random.Random(seed)
    original = document(1, rng)
    others = [document(i, rng) for i in range(2, 8)]
    copies = [copy_of(original, f"copy-{n}", n) for n in ("Herald", "Courier", "Gazette")]
    return original, [original, *copies, *others]


def entity_counts(store: Store) -> dict[str, Any]:
    g = s.global_entities
    with store.engine.connect() as conn:
        return {
            r.norm_key: (r.n_documents, r.first_seen, r.last_seen)
            for r in conn.execute(
                select(g.c.norm_key, g.c.n_documents, g.c.first_seen, g.c.last_seen)
            )
        }


def assert_same_as_fresh(store: Store, records: list[JSON], tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'fresh.sqlite'}") as fresh:
        for record in records:
            fresh.add(record)
        assert counts(store) == counts(fresh)
        assert entity_counts(store) == entity_counts(fresh)
        # Which copy stands for the story may differ (the original was stored again, last).
        assert without_roots(comparable_export(store)) == without_roots(comparable_export(fresh))
    assert consistency_problems(store) == []


def without_roots(export: list[str]) -> list[str]:
    return sorted(
        line.replace('"copy_of_story": true', "").replace('"copy_of_story": false', "")
        for line in export
    )


def test_integrity_edit_and_revert_of_a_syndicated_article(store: Store, tmp_path: Path) -> None:
    original, records = stories()
    for record in records:
        assert store.add(record) == "new"
    before = counts(store)
    assert store.add(edited(original)) == "updated"
    with store.engine.connect() as conn:
        f = s.document_fingerprints
        linked = conn.execute(select(func.count()).where(f.c.copy_of.is_not(None))).scalar()
    assert linked == 3  # the edited version and the two copies besides the new root
    assert counts(store)["sum n_reports"] == before["sum n_reports"]
    assert store.add(original) == "updated"
    assert counts(store) == before
    assert_same_as_fresh(store, records, tmp_path)


def test_integrity_replacing_the_original_keeps_its_copies_one_story(
    store: Store, tmp_path: Path
) -> None:
    original, records = stories(5)
    for record in records:
        store.add(record)
    rewritten = edited(edited(original))
    store.add(rewritten)
    fresh_order = [r for r in records if r["id"] != original["id"]] + [rewritten]
    assert_same_as_fresh(store, fresh_order, tmp_path)


def test_integrity_entity_n_documents_counts_documents_and_decreases(store: Store) -> None:
    rng = random.Random(11)
    first = document(1, rng)
    # The lead person named twice in one article (name and alias entity) counts once.
    twin = copy.deepcopy(first["entities"][0])
    twin["id"] = "E99"
    twin["name"] = twin["aliases"][0]
    twin["aliases"] = [first["entities"][0]["name"]]
    first["entities"].append(twin)
    second = document(2, rng)
    second["entities"][0] = {**first["entities"][0], "id": second["entities"][0]["id"]}
    store.add(first)
    store.add(second)
    key = s.global_entities.c.norm_key
    name = first["entities"][0]["name"].lower()

    def n_documents() -> int | None:
        with store.engine.connect() as conn:
            return conn.execute(select(s.global_entities.c.n_documents).where(key == name)).scalar()

    assert n_documents() == 2
    without = copy.deepcopy(second)
    without["entities"] = without["entities"][1:]
    for v in without["events"]:
        v["actors"] = []
    store.add(with_text(without, without["text"] + " Updated."))
    assert n_documents() == 1
    gone = copy.deepcopy(first)
    gone["entities"] = gone["entities"][1:-1]
    for v in gone["events"]:
        v["actors"] = []
    for q in gone["quotes"]:
        q["speaker"] = None
    store.add(with_text(gone, gone["text"] + " Corrected."))
    assert n_documents() is None  # no document names the actor any more: gone, as in a fresh store
    assert consistency_problems(store) == []


def test_integrity_update_equal_to_another_stored_document_is_applied(store: Store) -> None:
    rng = random.Random(2)
    a, b = document(1, rng), document(2, rng)
    store.add(a)
    store.add(b)
    b_as_a = with_text(a, a["text"])
    b_as_a["id"] = b["id"]
    assert store.add(b_as_a) == "updated"
    assert store.record(b["id"])["text"] == a["text"]  # type: ignore[index]
    assert store.summary().documents == 2
    assert store.add(b_as_a) == "unchanged"


def test_integrity_failures_table_reflects_the_last_run(store: Store) -> None:
    rng = random.Random(4)
    good = document(1, rng)
    error = {"id": good["id"], "error": {"kind": "too_slow", "message": "over budget"}}
    assert store.add(error) == "failed"
    assert store.add(error) == "failed"
    assert store.summary().failures == 1
    assert store.add(good) == "new"
    assert store.summary().failures == 0
    assert store.add(error) == "failed"  # fails now; the stored version stays
    assert (store.summary().failures, store.summary().documents) == (1, 1)
    assert store.add(good) == "unchanged"
    assert store.summary().failures == 0


def test_integrity_migration_5_rebuilds_documents_without_losing_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v4.sqlite'}"
    rng = random.Random(8)
    records = [document(i, rng) for i in range(6)]
    with Store(url) as old:
        for record in records:
            old.add(record)
        before = counts(old)
        with old.engine.begin() as conn:  # as version 4 left it: one document per text
            conn.execute(text("CREATE UNIQUE INDEX old_unique_sha ON documents (sha256)"))
            conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    with Store(url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        assert counts(store) == before
        assert consistency_problems(store) == []
        twin = with_text(records[0], records[0]["text"])
        twin["id"] = records[1]["id"]
        assert store.add(twin) == "updated"
