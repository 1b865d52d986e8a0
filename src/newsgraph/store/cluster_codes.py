"""The participant codes of each event cluster (`cluster_codes`), kept exact.

The actor, recipient and dyad filters ask "does any member event of this cluster have a
participant coded X on this side?". Answering that through events, their links and their
participants costs thousands of rows for a busy country; `cluster_codes` holds the answer per
cluster. It is derived data, written where a cluster's members change, from the participants the
write path has in hand (no extra read): `clusters.assign` adds `rows` for the clusters a
document opens, `clusters.refresh` calls `replace` for a cluster that gained or lost members.
`rewrite` recomputes given clusters (or all) from the stored links and participants in SQL.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Select, delete, or_, select

from newsgraph.store import schema as s

COLUMNS = ("cluster_id", "side", "code", "country")


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


def replace(conn: Connection, cluster_id: int, participants: Iterable[Mapping[str, Any]]) -> None:
    """Set one cluster's rows to those of `participants` (all of its member events')."""
    table = s.cluster_codes
    conn.execute(delete(table).where(table.c.cluster_id == cluster_id))
    found = rows(cluster_id, participants)
    if found:
        conn.execute(table.insert(), found)


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


def rewrite(conn: Connection, cluster_ids: Collection[int] | None = None) -> None:
    """Recompute the rows of `cluster_ids` (every cluster when None) from their member events.
    Call it after the clusters' event links are written (or removed), inside the same
    transaction; a cluster with no members left ends up with no rows."""
    if cluster_ids is not None and not cluster_ids:
        return
    table = s.cluster_codes
    gone = delete(table)
    if cluster_ids is not None:
        gone = gone.where(table.c.cluster_id.in_(sorted(cluster_ids)))
    conn.execute(gone)
    conn.execute(table.insert().from_select(list(COLUMNS), derived(cluster_ids)))
