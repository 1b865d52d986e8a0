"""The participant codes of each event cluster (`cluster_codes`), kept exact.

The actor, recipient and dyad filters ask "does any member event of this cluster have a
participant coded X on this side?". Answering that through events, their links and their
participants costs thousands of rows for a busy country; `cluster_codes` holds the answer per
cluster. It is derived data, written where a cluster's members change, from the participants the
write path has in hand (no extra read): `clusters.assign` adds `rows` for the clusters a
document opens, `clusters.refresh` calls `replace` for a cluster that gained or lost members.
`rewrite` recomputes given clusters (or all) from the stored links and participants in SQL.

`cluster_dyads` (the pairs of three-letter keys a cluster is a dyad event of) is derived from
these rows and written with them: `insert` writes both, `forget` deletes both.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import CompoundSelect, Connection, Select, delete, func, literal, or_, select, union

from newsgraph.store import bulk
from newsgraph.store import schema as s

COLUMNS = ("cluster_id", "side", "code", "country")
DYAD_COLUMNS = ("source", "target", "joint", "cluster_id")
KEY_CHARS = 3
"""A dyad key is a country or this many first characters of a code (`KEN` of KENGOV)."""


def rows(cluster_id: int, participants: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one cluster, from the participants of its member events (dicts with `side`,
    `code` and `country`, as `rows.cluster_participants` and `clusters.refresh` have them)."""
    found = {
        (p["side"], p.get("code"), p.get("country"))
        for p in participants
        if p.get("code") is not None or p.get("country") is not None
    }
    return [
        {"cluster_id": cluster_id, "side": side, "code": code, "country": country}
        for side, code, country in sorted(found, key=repr)
    ]


def dyads(code_rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The `cluster_dyads` rows of `cluster_codes` rows (of any clusters): per cluster, each
    actor-side key with each recipient-side key, and each two different actor-side keys as a
    joint action (both orders)."""
    keys: dict[tuple[int, str], set[str]] = {}
    for r in code_rows:
        found = keys.setdefault((r["cluster_id"], r["side"]), set())
        if r["code"] is not None:
            found.add(r["code"][:KEY_CHARS])
        if r["country"] is not None:
            found.add(r["country"])
    out = []
    for (cluster_id, side), actors in keys.items():
        if side != "actor":
            continue
        recipients = keys.get((cluster_id, "recipient"), set())
        out += [
            {"source": a, "target": b, "joint": False, "cluster_id": cluster_id}
            for a in sorted(actors)
            for b in sorted(recipients)
        ]
        out += [
            {"source": a, "target": b, "joint": True, "cluster_id": cluster_id}
            for a in sorted(actors)
            for b in sorted(actors)
            if a != b
        ]
    return out


def insert(conn: Connection, code_rows: Sequence[dict[str, Any]]) -> None:
    """Write `cluster_codes` rows (`rows`) and the `cluster_dyads` rows derived from them, for
    clusters that have none yet."""
    bulk.insert(conn, s.cluster_codes, code_rows)
    bulk.insert(conn, s.cluster_dyads, dyads(code_rows))


def forget(conn: Connection, cluster_ids: Collection[int]) -> None:
    """Delete the `cluster_codes` and `cluster_dyads` rows of `cluster_ids`."""
    if not cluster_ids:
        return
    ids = sorted(cluster_ids)
    for table in (s.cluster_codes, s.cluster_dyads):
        conn.execute(delete(table).where(table.c.cluster_id.in_(ids)))


def replace(conn: Connection, cluster_id: int, participants: Iterable[Mapping[str, Any]]) -> None:
    """Set one cluster's rows to those of `participants` (all of its member events')."""
    forget(conn, [cluster_id])
    insert(conn, rows(cluster_id, participants))


def derived(cluster_ids: Collection[int] | None = None) -> Select[Any]:
    """The rows `cluster_codes` should hold (for the given clusters, or for all of them)."""
    link, p = s.event_links, s.event_participants
    query = (
        select(link.c.cluster_id, p.c.side, p.c.code, p.c.country)
        .distinct()
        .join(p, p.c.event_id == link.c.event_id)
        .where(or_(p.c.code.is_not(None), p.c.country.is_not(None)))
    )
    if cluster_ids is not None:
        query = query.where(link.c.cluster_id.in_(sorted(cluster_ids)))
    return query


def derived_dyads(cluster_ids: Collection[int] | None = None) -> CompoundSelect[Any]:
    """The rows `cluster_dyads` should hold, from the `cluster_codes` rows (as `dyads` makes
    them, in SQL)."""
    cc = s.cluster_codes
    by_code = select(
        cc.c.cluster_id, cc.c.side, func.substr(cc.c.code, 1, KEY_CHARS).label("key")
    ).where(cc.c.code.is_not(None))
    by_country = select(cc.c.cluster_id, cc.c.side, cc.c.country.label("key")).where(
        cc.c.country.is_not(None)
    )
    if cluster_ids is not None:
        ids = sorted(cluster_ids)
        by_code = by_code.where(cc.c.cluster_id.in_(ids))
        by_country = by_country.where(cc.c.cluster_id.in_(ids))
    keys = union(by_code, by_country).cte("dyad_keys")  # UNION: each key once per side
    x, y = keys.alias("x"), keys.alias("y")
    pairs = [
        select(
            x.c.key.label("source"),
            y.c.key.label("target"),
            literal(False).label("joint"),
            x.c.cluster_id,
        )
        .join(y, y.c.cluster_id == x.c.cluster_id)
        .where(x.c.side == "actor", y.c.side == "recipient"),
        select(
            x.c.key.label("source"),
            y.c.key.label("target"),
            literal(True).label("joint"),
            x.c.cluster_id,
        )
        .join(y, y.c.cluster_id == x.c.cluster_id)
        .where(x.c.side == "actor", y.c.side == "actor", x.c.key != y.c.key),
    ]
    return union(*pairs)


def rewrite(conn: Connection, cluster_ids: Collection[int] | None = None) -> None:
    """Recompute the rows of `cluster_ids` (every cluster when None) from their member events.
    Call it after the clusters' event links are written (or removed), inside the same
    transaction; a cluster with no members left ends up with no rows."""
    if cluster_ids is not None and not cluster_ids:
        return
    for table in (s.cluster_codes, s.cluster_dyads):
        gone = delete(table)
        if cluster_ids is not None:
            gone = gone.where(table.c.cluster_id.in_(sorted(cluster_ids)))
        conn.execute(gone)
    conn.execute(s.cluster_codes.insert().from_select(list(COLUMNS), derived(cluster_ids)))
    conn.execute(
        s.cluster_dyads.insert().from_select(list(DYAD_COLUMNS), derived_dyads(cluster_ids))
    )
