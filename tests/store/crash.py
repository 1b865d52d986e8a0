"""Crash trials: kill a writer process at a random moment, then check the store it left.

Used by tests/store/test_crash.py (a small run) and benchmarks/bench_crash.py (a large one).
A trial starts tests/store/writer.py on a store, waits until it is creating the store (`open`) or
ingesting (`ready`), sleeps a random time and SIGKILLs it; the store must then open and pass
`consistency_problems`. After the trials the same ingest is run to completion and the store is
compared with one made by a clean run: rows per table and the PLOVER export.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text

from newsgraph.store import Store, create_store_engine, migrations
from newsgraph.store import schema as s

WRITER = Path(__file__).with_name("writer.py")


@dataclass
class CrashReport:
    kills_creating: int = 0
    """Writers killed before the new store's creation had committed."""
    kills_ingesting: int = 0
    finished_before_kill: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def kills(self) -> int:
        return self.kills_creating + self.kills_ingesting


def _start(url: str, size: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, "0", str(10**9), "now", str(size)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(proc: subprocess.Popen[str], word: str) -> bool:
    assert proc.stdout is not None
    return any(line.strip() == word for line in proc.stdout)


def kill_trial(url: str, size: int, moment: str, delay: float) -> bool:
    """Start a writer, SIGKILL it `delay` seconds after it says `moment`; True if it was killed
    before it finished."""
    proc = _start(url, size)
    if not _wait_for(proc, moment):
        proc.wait()
        return False
    time.sleep(delay)
    killed = proc.poll() is None
    proc.kill()
    proc.communicate()
    return killed


def _created(url: str) -> bool:
    """Whether the store's creation had committed (read without creating anything)."""
    engine = create_store_engine(url)
    try:
        with engine.connect() as conn:
            return migrations.current_version(conn) > 0
    finally:
        engine.dispose()


def postgres_databases(base_url: str, prefix: str) -> Any:
    """`new_url` for PostgreSQL: a fresh database per name on the server of `base_url`."""
    from sqlalchemy.engine import make_url

    def new_url(name: str) -> str:
        database = f"{prefix}_{name}".lower()
        admin = create_store_engine(base_url).execution_options(isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{database}"'))
        finally:
            admin.dispose()
        return make_url(base_url).set(database=database).render_as_string(hide_password=False)

    return new_url


def complete(url: str, size: int) -> None:
    proc = _start(url, size)
    _, stderr = proc.communicate()
    if proc.returncode != 0:
        raise AssertionError(f"the resumed ingest failed: {stderr[-2000:]}")


def consistency_problems(store: Store) -> list[str]:
    """What is wrong with a store: database integrity, and the store's own invariants."""
    problems: list[str] = []
    d, c, link = s.documents, s.event_clusters, s.event_links
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            result = conn.execute(text("PRAGMA integrity_check")).scalar()
            if result != "ok":
                problems.append(f"integrity_check: {result}")
            if conn.execute(text("PRAGMA foreign_key_check")).first():
                problems.append("foreign_key_check found orphans")
            try:
                conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
            except Exception as exc:
                problems.append(f"full-text index: {exc}")
        unindexed = conn.execute(
            select(func.count())
            .select_from(d)
            .where(d.c.id.not_in(select(s.document_fingerprints.c.document_id)))
        ).scalar()
        if unindexed:
            problems.append(f"{unindexed} documents without their cross-article index")
        for table, column in ((s.events, "n_events"), (s.entities, "n_entities")):
            wrong = conn.execute(
                select(func.count())
                .select_from(d)
                .where(
                    d.c[column]
                    != select(func.count())
                    .select_from(table)
                    .where(table.c.document_id == d.c.id)
                    .scalar_subquery()
                )
            ).scalar()
            if wrong:
                problems.append(f"{wrong} documents whose {table.name} are incomplete")
        unlinked = conn.execute(
            select(func.count())
            .select_from(s.events)
            .where(s.events.c.id.not_in(select(link.c.event_id)))
        ).scalar()
        if unlinked:
            problems.append(f"{unlinked} events in no cluster")
        counts = select(
            link.c.cluster_id,
            func.count().label("n_events"),
            func.count(func.distinct(link.c.document_id)).label("n_documents"),
        ).group_by(link.c.cluster_id)
        actual = {r.cluster_id: (r.n_events, r.n_documents) for r in conn.execute(counts)}
        for row in conn.execute(select(c.c.id, c.c.n_events, c.c.n_documents)):
            if actual.get(row.id) != (row.n_events, row.n_documents):
                problems.append(f"cluster {row.id} counts {row[1:]} != {actual.get(row.id)}")
        problems += _entity_count_problems(conn)
        duplicates = conn.execute(
            select(d.c.doc_key).group_by(d.c.doc_key).having(func.count() > 1)
        ).all()
        if duplicates:
            problems.append(f"documents stored twice: {duplicates[:5]}")
    problems += per_cluster_problems(store)
    return problems


def _entity_count_problems(conn: Connection) -> list[str]:
    """Global entities whose counts differ from their documents recounted here (the writes
    keep them up to date with increments)."""
    g, link, d = s.global_entities, s.entity_links, s.documents
    recounted = {
        r.global_entity_id: (r.n, r.first, r.last)
        for r in conn.execute(
            select(
                link.c.global_entity_id,
                func.count(func.distinct(link.c.document_id)).label("n"),
                func.min(d.c.published).label("first"),
                func.max(d.c.published).label("last"),
            )
            .join(d, d.c.id == link.c.document_id)
            .group_by(link.c.global_entity_id)
        )
    }
    return [
        f"global entity {r.id} counts {tuple(r[1:])} != {recounted.get(r.id)}"
        for r in conn.execute(select(g.c.id, g.c.n_documents, g.c.first_seen, g.c.last_seen))
        if recounted.get(r.id) != tuple(r[1:])
    ]


def per_cluster_rows(store: Store) -> dict[str, tuple[list[Any], set[Any]]]:
    """`cluster_codes`, `cluster_participants`, `cluster_dyads` and `wide_clusters` as stored
    (every row, duplicates kept) and as recomputed here from event links and event
    participants (`wide_clusters`: from the clusters' dates)."""
    link, p = s.event_links, s.event_participants
    cc, cp = s.cluster_codes, s.cluster_participants
    with store.engine.connect() as conn:
        cluster_of = {r.event_id: r.cluster_id for r in conn.execute(select(link))}
        participants = conn.execute(
            select(p.c.event_id, p.c.side, p.c.code, p.c.country, p.c.global_entity_id)
        ).all()
        codes = [
            tuple(r)
            for r in conn.execute(select(cc.c.cluster_id, cc.c.side, cc.c.code, cc.c.country))
        ]
        entities = [
            tuple(r)
            for r in conn.execute(select(cp.c.cluster_id, cp.c.global_entity_id, cp.c.side))
        ]
        cd = s.cluster_dyads
        dyads = [
            (r.source, r.target, bool(r.joint), r.cluster_id)
            for r in conn.execute(select(cd.c.source, cd.c.target, cd.c.joint, cd.c.cluster_id))
        ]
        c, w = s.event_clusters, s.wide_clusters
        wide = [
            tuple(r)
            for r in conn.execute(
                select(w.c.cluster_id, w.c.event_type, w.c.date_start, w.c.date_end)
            )
        ]
        dated = conn.execute(
            select(c.c.id, c.c.event_type, c.c.date_start, c.c.date_end).where(
                c.c.date_start.is_not(None), c.c.date_end.is_not(None)
            )
        ).all()
    linked = [(cluster_of[r.event_id], r) for r in participants if r.event_id in cluster_of]
    return {
        "cluster_codes": (
            codes,
            {
                (c, r.side, r.code, r.country)
                for c, r in linked
                if r.code is not None or r.country is not None
            },
        ),
        "cluster_participants": (
            entities,
            {(c, r.global_entity_id, r.side) for c, r in linked if r.global_entity_id is not None},
        ),
        "cluster_dyads": (dyads, expected_dyads(linked)),
        "wide_clusters": (
            wide,
            {tuple(r) for r in dated if (r.date_end - r.date_start).days > s.WIDE_CLUSTER_DAYS},
        ),
    }


def expected_dyads(linked: list[tuple[int, Any]]) -> set[tuple[str, str, bool, int]]:
    """`cluster_dyads` by its definition: per cluster and side the keys (countries and the first
    three characters of codes) of its members' participants; actor key x recipient key, and two
    different actor keys as a joint action."""
    keys: dict[tuple[int, str], set[str]] = {}
    for c, r in linked:
        found = keys.setdefault((c, r.side), set())
        found |= {v for v in (r.country, r.code[:3] if r.code else None) if v is not None}
    out = set()
    for (c, side), actors in keys.items():
        if side == "actor":
            out |= {(a, b, False, c) for a in actors for b in keys.get((c, "recipient"), ())}
            out |= {(a, b, True, c) for a in actors for b in actors if a != b}
    return out


def per_cluster_problems(store: Store) -> list[str]:
    """Where the per-cluster tables the filters read differ from their member events."""
    problems = []
    for name, (stored, expected) in per_cluster_rows(store).items():
        if len(stored) != len(set(stored)):
            problems.append(f"{name} holds duplicate rows")
        if set(stored) != expected:
            missing, extra = expected - set(stored), set(stored) - expected
            problems.append(f"{name}: {len(missing)} rows missing, {len(extra)} extra")
    return problems


def comparable_export(store: Store) -> list[str]:
    """The PLOVER export without what differs between equal stores (row ids, today's date)."""
    from newsgraph.export.formats import plover_events

    out = []
    for event in plover_events(store):
        event.pop("id")
        event.pop("coded_date")
        for side in ("actor", "recipient"):
            for entity in event[side]:
                entity.pop("identifier_id", None)
                entity.pop("newsgraph_id", None)  # a row id of the store's global entities
        out.append(json.dumps(event, sort_keys=True, default=str))
    return sorted(out)


def counts(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        out: dict[str, Any] = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar()
            for t in s.metadata.sorted_tables
            if t.name not in ("meta", "failures")
        }
        c = s.event_clusters
        out["sum n_reports"] = conn.execute(select(func.sum(c.c.n_reports))).scalar()
        out["sum n_documents"] = conn.execute(select(func.sum(c.c.n_documents))).scalar()
    return out


def run_trials(
    new_url: Any,
    *,
    creating: int,
    ingesting: int,
    size: int,
    seed: int,
    ingest_seconds: float,
) -> CrashReport:
    """`creating` kills of writers creating a new store each, `ingesting` kills of writers
    ingesting into one store; then that store is completed and compared with a clean run.
    `new_url(name)` gives an empty store's URL."""
    rng = random.Random(seed)
    report = CrashReport()
    for i in range(creating):
        url = new_url(f"create{i}")
        if kill_trial(url, size, "open", rng.uniform(0.0, 0.06)):
            if _created(url):
                report.kills_ingesting += 1
            else:
                report.kills_creating += 1
        with Store(url) as store:
            report.problems += [f"creation kill {i}: {p}" for p in consistency_problems(store)]
    url = new_url("resumed")
    for i in range(ingesting):
        if kill_trial(url, size, "ready", rng.uniform(0.0, ingest_seconds)):
            report.kills_ingesting += 1
        else:
            report.finished_before_kill += 1
        with Store(url) as store:
            report.problems += [f"ingest kill {i}: {p}" for p in consistency_problems(store)]
    complete(url, size)
    clean = new_url("clean")
    complete(clean, size)
    with Store(url) as resumed, Store(clean) as fresh:
        if counts(resumed) != counts(fresh):
            report.problems.append(f"counts differ: {counts(resumed)} != {counts(fresh)}")
        if comparable_export(resumed) != comparable_export(fresh):
            report.problems.append("the PLOVER export of the resumed store differs")
    return report
