"""Global entities: one row per real-world actor across all articles.

A document's entity joins the global entity that already holds any of its keys: its normalised
name, a normalised alias, or (for countries) its country code. Keys it brings that are new are
learned, so an alias first seen in a later article links the earlier and later names for good.
Keys are matching keys, never fuzzy: `newsgraph.kb.normalize_name` folds spelling noise only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update

from newsgraph.kb import normalize_name
from newsgraph.store import bulk, rows
from newsgraph.store import schema as s
from newsgraph.store.rows import LinkedEntity, Row

TYPE_GROUPS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place"}
"""Keys are scoped by group so a person and a place with one name ("Jordan") stay apart."""

DEFAULT_GROUP = "org"


def normalize(name: str) -> str:
    return normalize_name(name).strip()


def group_of(entity_type: str) -> str:
    return TYPE_GROUPS.get(entity_type, DEFAULT_GROUP)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Normalised country names from the knowledge base files (to recognise country entities)."""
    names: set[str] = set()
    data = resources.files("newsgraph.kb").joinpath("data")
    try:
        for line in data.joinpath("countries.tsv").read_text("utf-8").splitlines()[2:]:
            cells = line.split("\t")
            if len(cells) > 3:
                names.update(normalize(n) for n in [cells[2], *cells[3].split("|")] if n)
        for line in data.joinpath("country_names.tsv").read_text("utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) == 3 and cells[1] == "name" and not line.startswith("#"):
                names.add(normalize(cells[2]))
    except FileNotFoundError:  # pragma: no cover - data ships with the package
        return frozenset()
    return frozenset(names)


def keys_of(entity: dict[str, Any]) -> dict[str, str]:
    """Matching keys of a document entity → the label each was learned from."""
    group = group_of(entity["type"])
    keys: dict[str, str] = {}
    for label in [entity["name"], *entity.get("aliases", [])]:
        key = normalize(label)
        if key:
            keys.setdefault(f"{group}:{key}", label)
    code = entity.get("code") or ""
    if (
        entity["type"] == "GPE"
        and len(code) == 3
        and code.isalpha()
        and normalize(entity["name"]) in country_names()
    ):
        keys.setdefault(f"country:{code}", entity["name"])
    return keys


def link_entities(
    conn: Connection,
    document_id: int,
    record: dict[str, Any],
    entity_ids: Mapping[str, int],
) -> dict[str, LinkedEntity]:
    """Link every entity of a stored document (local id → row id) to a global entity."""
    seen = rows.published(record)
    wanted = {e["id"]: keys_of(e) for e in record["entities"]}
    all_keys = sorted({k for keys in wanted.values() for k in keys})
    known = _known_keys(conn, all_keys)
    current = _current(conn, set(known.values()))
    linked: dict[str, LinkedEntity] = {}
    new_keys: list[dict[str, Any]] = []
    for entity in record["entities"]:
        keys = wanted[entity["id"]]
        found = sorted({known[k] for k in keys if k in known})
        norm_key = normalize(entity["name"])
        if found:
            global_id = found[0]
            _update_coding(conn, current, global_id, entity, seen)
        else:
            result = conn.execute(
                s.global_entities.insert(), rows.global_entity_row(entity, norm_key, seen)
            )
            assert result.inserted_primary_key is not None
            global_id = int(result.inserted_primary_key[0])
            current[global_id] = (seen, _coding(entity), entity["name"])
        fresh = {k: v for k, v in keys.items() if k not in known}
        new_keys += rows.entity_key_rows(fresh, global_id)
        known.update(dict.fromkeys(fresh, global_id))
        linked[entity["id"]] = LinkedEntity(
            entity_ids[entity["id"]],
            global_id,
            entity["type"],
            entity["name"],
            norm_key,
            current[global_id][2],
        )
    if new_keys:
        conn.execute(s.entity_keys.insert(), new_keys)
    if linked:
        conn.execute(s.entity_links.insert(), rows.entity_link_rows(document_id, linked))
        recount(conn, {v.global_id for v in linked.values()})
    return linked


Current = dict[int, tuple[dt.date | None, tuple[str | None, str | None, str | None], str]]


def _known_keys(conn: Connection, keys: list[str]) -> dict[str, int]:
    """The global entity of each stored key among `keys` (read 500 keys to a query)."""
    known: dict[str, int] = {}
    for chunk_start in range(0, len(keys), 500):
        chunk = keys[chunk_start : chunk_start + 500]
        known.update(
            (str(r.key), int(r.global_entity_id))
            for r in conn.execute(
                select(s.entity_keys.c.key, s.entity_keys.c.global_entity_id).where(
                    s.entity_keys.c.key.in_(chunk)
                )
            )
        )
    return known


def _current(conn: Connection, global_ids: set[int]) -> Current:
    """(last seen, (country, sector, code), name) of global entities, read once per document."""
    return _read(conn, global_ids)[0]


Counts = dict[int, tuple[int, dt.date | None, dt.date | None]]
"""Global entity → (n_documents, first_seen, last_seen)."""


def _read(conn: Connection, global_ids: set[int]) -> tuple[Current, Counts]:
    """`_current` and the counts of global entities, in one query."""
    if not global_ids:
        return {}, {}
    g = s.global_entities
    current: Current = {}
    counts: Counts = {}
    for r in conn.execute(
        select(
            g.c.id,
            g.c.last_seen,
            g.c.country,
            g.c.sector,
            g.c.code,
            g.c.name,
            g.c.n_documents,
            g.c.first_seen,
        ).where(g.c.id.in_(sorted(global_ids)))
    ):
        current[int(r.id)] = (r.last_seen, (r.country, r.sector, r.code), r.name)
        counts[int(r.id)] = (int(r.n_documents), r.first_seen, r.last_seen)
    return current, counts


def _update_coding(
    conn: Connection,
    current: Current,
    global_id: int,
    entity: dict[str, Any],
    seen: dt.date | None,
) -> None:
    """Coding follows the newest report: an actor's office (and so its sector) changes."""
    before = current[global_id][1]
    if _follow_coding(current, global_id, entity, seen) and _coding(entity) != before:
        country, sector, code = _coding(entity)
        g = s.global_entities
        conn.execute(
            update(g).where(g.c.id == global_id).values(country=country, sector=sector, code=code)
        )


def _follow_coding(
    current: Current, global_id: int, entity: dict[str, Any], seen: dt.date | None
) -> bool:
    """Take the entity's coding into `current` when it is the newest report (or the global
    entity has no code yet); whether it was taken."""
    last_seen, coding, name = current[global_id]
    newest = seen is not None and (last_seen is None or seen >= last_seen)
    if not entity.get("code") or not (newest or coding[2] is None):
        return False
    current[global_id] = (seen if newest else last_seen, _coding(entity), name)
    return True


def _coding(entity: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    return (entity.get("country"), entity.get("sector"), entity.get("code"))


def recount(conn: Connection, global_ids: set[int], *, remove_unused: bool = False) -> None:
    """Set `n_documents`, `first_seen` and `last_seen` of global entities from the documents
    linked to them (a document naming an actor twice counts once; a replaced one no more).
    Reads every link of each entity: for deletions and re-indexing; new documents' writes add
    to the stored counts instead (`link_batch`, `_counted`)."""
    if not global_ids:
        return
    g, link, d = s.global_entities, s.entity_links, s.documents
    ids = sorted(global_ids)
    linked = link.join(d, d.c.id == link.c.document_id)
    conn.execute(
        update(g)
        .where(g.c.id.in_(ids))
        .values(
            n_documents=select(func.count(func.distinct(link.c.document_id)))
            .where(link.c.global_entity_id == g.c.id)
            .scalar_subquery(),
            first_seen=select(func.min(d.c.published))
            .select_from(linked)
            .where(link.c.global_entity_id == g.c.id)
            .scalar_subquery(),
            last_seen=select(func.max(d.c.published))
            .select_from(linked)
            .where(link.c.global_entity_id == g.c.id)
            .scalar_subquery(),
        )
    )
    if remove_unused:
        unused = select(g.c.id).where(g.c.id.in_(ids), g.c.n_documents == 0)
        conn.execute(delete(s.entity_keys).where(s.entity_keys.c.global_entity_id.in_(unused)))
        conn.execute(delete(g).where(g.c.id.in_(ids), g.c.n_documents == 0))


_PENDING = 1 << 60
"""Global entities a batch creates get ids from here up until they are inserted: above every
stored id and in order of creation, as the ids the database will give them."""


def link_batch(
    conn: Connection, documents: list[tuple[int, dict[str, Any], Mapping[str, int]]]
) -> list[dict[str, LinkedEntity]]:
    """`link_entities` for new documents stored together, in order: keys are read once, and
    what an earlier document of the list creates or learns is found by the later ones."""
    wanted = [{e["id"]: keys_of(e) for e in record["entities"]} for _, record, _ in documents]
    all_keys = sorted({k for doc in wanted for keys in doc.values() for k in keys})
    known = _known_keys(conn, all_keys)
    current, counts = _read(conn, set(known.values()))
    stored_coding = {i: value[1] for i, value in current.items()}
    stored_counts = dict(counts)
    created: list[Row] = []
    new_keys: list[tuple[dict[str, str], int]] = []
    pending_links: list[list[tuple[str, int, int, str]]] = []
    for (_, record, entity_ids), doc_wanted in zip(documents, wanted, strict=True):
        seen = rows.published(record)
        mine: list[tuple[str, int, int, str]] = []
        for entity in record["entities"]:
            keys = doc_wanted[entity["id"]]
            found = sorted({known[k] for k in keys if k in known})
            norm_key = normalize(entity["name"])
            if found:
                global_id = found[0]
                _follow_coding(current, global_id, entity, seen)
            else:
                global_id = _PENDING + len(created)
                created.append(rows.global_entity_row(entity, norm_key, seen))
                current[global_id] = (seen, _coding(entity), entity["name"])
            fresh = {k: v for k, v in keys.items() if k not in known}
            new_keys.append((fresh, global_id))
            known.update(dict.fromkeys(fresh, global_id))
            mine.append((entity["id"], entity_ids[entity["id"]], global_id, norm_key))
        pending_links.append(mine)
        for global_id in {g for _, _, g, _ in mine}:
            # What `recount` leaves for the next document: the latest publication date.
            last_seen, coding, name = current[global_id]
            if seen is not None and (last_seen is None or seen > last_seen):
                current[global_id] = (seen, coding, name)
            counts[global_id] = _counted(counts.get(global_id, (0, None, None)), seen)
    # Coding follows the newest report, counts all its documents: new entities are inserted
    # with their final values.
    for i, row in enumerate(created):
        row["country"], row["sector"], row["code"] = current[_PENDING + i][1]
        row["n_documents"], row["first_seen"], row["last_seen"] = counts[_PENDING + i]
    real: dict[int, int] = {}
    if created:
        ids = bulk.insert_returning(conn, s.global_entities, created, "norm_key")
        real = {_PENDING + i: global_id for i, global_id in enumerate(ids)}
    changed = [
        {"b_id": i, "b_country": c[0], "b_sector": c[1], "b_code": c[2]}
        for i, c in ((i, current[i][1]) for i in sorted(stored_coding))
        if c != stored_coding[i]
    ]
    _update_globals(conn, changed)
    key_rows = [
        row
        for keys, global_id in new_keys
        for row in rows.entity_key_rows(keys, real.get(global_id, global_id))
    ]
    if key_rows:
        bulk.insert(conn, s.entity_keys, key_rows)
    out: list[dict[str, LinkedEntity]] = []
    link_rows: list[Row] = []
    for (document_id, record, _), mine in zip(documents, pending_links, strict=True):
        types = {e["id"]: (e["type"], e["name"]) for e in record["entities"]}
        linked = {
            local: LinkedEntity(
                row_id,
                real.get(global_id, global_id),
                types[local][0],
                types[local][1],
                norm_key,
                current[global_id][2],
            )
            for local, row_id, global_id, norm_key in mine
        }
        link_rows += rows.entity_link_rows(document_id, linked)
        out.append(linked)
    if link_rows:
        bulk.insert(conn, s.entity_links, link_rows)
        _store_counts(conn, {i: counts[i] for i in stored_counts if counts[i] != stored_counts[i]})
    return out


def _counted(
    before: tuple[int, dt.date | None, dt.date | None], seen: dt.date | None
) -> tuple[int, dt.date | None, dt.date | None]:
    """A global entity's counts once one more document (published `seen`) links to it: what
    `recount` would find, as the stored counts are exact and the document is new."""
    n, first, last = before
    if seen is not None:
        first = seen if first is None or seen < first else first
        last = seen if last is None or seen > last else last
    return n + 1, first, last


def _store_counts(conn: Connection, counts: Counts) -> None:
    """Write global entities' counts worked out by `_counted` (one statement for all)."""
    _update_globals(
        conn,
        [
            {"b_id": i, "b_n_documents": n, "b_first_seen": first, "b_last_seen": last}
            for i, (n, first, last) in sorted(counts.items())
        ],
    )


def _update_globals(conn: Connection, changes: list[dict[str, Any]]) -> None:
    """Set columns of global entities by id in one statement for all rows: each row holds
    `b_id` and `b_<column>` for the same columns."""
    if not changes:
        return
    g = s.global_entities
    columns = [key.removeprefix("b_") for key in changes[0] if key != "b_id"]
    conn.execute(
        update(g)
        .where(g.c.id == bindparam("b_id"))
        .values({column: bindparam(f"b_{column}") for column in columns}),
        changes,
    )
