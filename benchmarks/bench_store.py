"""Measure the knowledge-base store at scale: 1,000,000 synthetic event clusters in SQLite.

Targets: dyad monthly series < 200 ms, actor profile < 100 ms, ingestion >= 300 records/s
(realistic analysis records through `Store.add_many` in batches, as `newsgraph ingest` writes
them, into the filled store; one transaction per record is reported too).
Writes only under /tmp (the store is about 0.5 GB); run:
    python benchmarks/bench_store.py [--events 1000000] [--records 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

WORKDIR = Path("/tmp/newsgraph-bench-store")
SEED = 7
N_COUNTRIES = 120
PEOPLE_PER_COUNTRY = 15
START = dt.date(2015, 1, 1)
DAYS = 11 * 365
TYPES = {  # PLOVER type → (quad class, typical score)
    "AGREE": (1, 3.0),
    "CONSULT": (1, 1.0),
    "SUPPORT": (1, 3.4),
    "CONCEDE": (2, 5.0),
    "COOPERATE": (2, 6.0),
    "AID": (2, 7.0),
    "RETREAT": (2, 5.0),
    "REQUEST": (1, 3.0),
    "ACCUSE": (3, -2.0),
    "REJECT": (3, -4.0),
    "THREATEN": (3, -6.0),
    "PROTEST": (3, -6.5),
    "SANCTION": (4, -4.0),
    "MOBILIZE": (4, -7.2),
    "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}
RUNS = 7
EVENTS_PER_DOCUMENT = 20
"""Synthetic events (one per cluster) spread over len(clusters) / 20 synthetic documents."""
INGEST_BATCH = 32
"""Records per transaction, as `newsgraph ingest` writes them (cli.STORE_BATCH)."""


def country_codes() -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    rng = random.Random(SEED)
    codes: set[str] = set()
    while len(codes) < N_COUNTRIES:
        codes.add("".join(rng.choice(letters) for _ in range(3)))
    return sorted(codes)


def generate(conn: sqlite3.Connection, n_events: int) -> dict[str, Any]:
    """Bulk-insert global entities, roles, event clusters with their participants, and the
    documents, events, event links and event participants behind them (`add_events`)."""
    rng = random.Random(SEED)
    countries = country_codes()
    weights = [1 / (i + 1) for i in range(N_COUNTRIES)]  # Zipf: a few countries dominate the news
    people: dict[str, list[int]] = {}
    entity_rows, key_rows, role_rows = [], [], []
    next_id = 1
    for code in countries:
        people[code] = []
        for j in range(PEOPLE_PER_COUNTRY):
            name = f"Leader{j} {code.title()}"
            entity_rows.append((next_id, name, name.lower(), "PERSON", code, "GOV", f"{code}GOV"))
            key_rows.append((f"person:{name.lower()}", name, next_id))
            role_rows.append((next_id, "president" if j == 0 else "minister", code, "GOV"))
            people[code].append(next_id)
            next_id += 1
    # No entity links (no synthetic document names them), so no documents counted: the counts a
    # store keeps, which its writes add to.
    conn.executemany(
        "INSERT INTO global_entities (id, name, norm_key, type, country, sector, code, n_documents)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        entity_rows,
    )
    conn.executemany(
        "INSERT INTO entity_keys (key, label, global_entity_id) VALUES (?, ?, ?)", key_rows
    )
    conn.executemany(
        "INSERT INTO roles (document_id, entity_id, global_entity_id, title, country, sector, source)"
        " VALUES (0, 0, ?, ?, ?, ?, 'kb')",
        role_rows,
    )

    def clusters() -> Iterator[tuple[Any, ...]]:
        types = list(TYPES)
        for cid in range(1, n_events + 1):
            a, b = rng.choices(countries, weights, k=2)
            event_type = rng.choice(types)
            quad, score = TYPES[event_type]
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            actor, recipient = rng.choice(people[a]), rng.choice(people[b])
            yield (
                cid,
                event_type,
                quad,
                score,
                f"Leader {a}",
                f"{a}GOV",
                a,
                actor,
                f"Leader {b}",
                f"{b}GOV",
                b,
                recipient,
                day.isoformat(),
                day.isoformat(),
                day.replace(day=1).isoformat(),
                (day - dt.timedelta(days=day.weekday())).isoformat(),
                rng.randint(1, 5),
            )

    rows = list(clusters())
    conn.executemany(
        "INSERT INTO event_clusters (id, event_type, modality, quad_class, score, actor, actor_code,"
        " actor_country, actor_entity_id, recipient, recipient_code, recipient_country,"
        " recipient_entity_id, date_start, date_end, period_month, period_week, n_reports,"
        " n_documents, n_events) VALUES (?, ?, 'asserted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, 1, 1)",
        rows,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO cluster_participants (cluster_id, global_entity_id, side, date_start)"
        " VALUES (?, ?, ?, ?)",
        [(r[0], r[7], "actor", r[12]) for r in rows]
        + [(r[0], r[11], "recipient", r[12]) for r in rows],
    )
    add_events(conn, rows)
    top = countries[0], countries[1]
    busiest = conn.execute(
        "SELECT global_entity_id, count(*) FROM cluster_participants GROUP BY global_entity_id"
        " ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    names = {r[0]: r[1] for r in entity_rows}
    return {
        "top_dyad": top,
        "mid_dyad": (countries[10], countries[20]),
        "busiest": names[busiest[0]],
        "busiest_events": busiest[1],
        "quiet": names[people[countries[-1]][-1]],
    }


def add_events(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """One event per cluster, with its links and participants, as ingestion stores them.

    The query layer's actor and dyad filters read event_participants through event_links, so
    without these rows an actor page or a dyad series would be measured on empty results. The
    events are spread over a modest number of synthetic documents (EVENTS_PER_DOCUMENT to a document).
    """
    n_documents = max(1, len(rows) // EVENTS_PER_DOCUMENT)
    conn.executemany(
        "INSERT INTO documents (id, doc_key, sha256, publisher, title, published,"
        " published_source, ingested_at, n_events, n_quotes, n_entities, record)"
        " VALUES (?, ?, ?, ?, ?, ?, 'input', '2026-01-01T00:00:00', ?, 0, 2, '{}')",
        [
            (
                d,
                f"bench-doc-{d}",
                hashlib.sha256(str(d).encode()).hexdigest(),
                f"Outlet {d % 50}",
                f"Synthetic document {d}",
                (START + dt.timedelta(days=d % DAYS)).isoformat(),
                EVENTS_PER_DOCUMENT,
            )
            for d in range(1, n_documents + 1)
        ],
    )

    conn.executemany(  # indexed already: opening the store must not re-index them
        "INSERT INTO document_fingerprints (document_id, body_hash, minhash) VALUES (?, ?, '')",
        [(d, hashlib.sha256(f"body {d}".encode()).hexdigest()) for d in range(1, n_documents + 1)],
    )

    def document(cid: int) -> int:
        return (cid - 1) % n_documents + 1

    conn.executemany(
        "INSERT INTO events (id, document_id, local_id, event_type, modality, historical,"
        " quad_class, score, confidence, actor, actor_code, actor_country, recipient,"
        " recipient_code, recipient_country, date_value, date_start, date_end, date_precision,"
        " date_source, evidence) VALUES (?, ?, 'V1', ?, 'asserted', 0, ?, ?, 0.8, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, 'day', 'text', '')",
        [(r[0], document(r[0]), *r[1:7], *r[8:11], r[12], r[12], r[13]) for r in rows],
    )
    conn.executemany(
        "INSERT INTO event_links (event_id, cluster_id, document_id) VALUES (?, ?, ?)",
        [(r[0], r[0], document(r[0])) for r in rows],
    )
    conn.executemany(
        "INSERT INTO event_participants (event_id, document_id, side, entity_local_id,"
        " global_entity_id, text, country, sector, code) VALUES (?, ?, ?, ?, ?, ?, ?, 'GOV', ?)",
        [(r[0], document(r[0]), "actor", "E1", r[7], r[4], r[6], r[5]) for r in rows]
        + [(r[0], document(r[0]), "recipient", "E2", r[11], r[8], r[10], r[9]) for r in rows],
    )


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """(first, median of the rest) in milliseconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def realistic_record(i: int, rng: random.Random) -> dict[str, Any]:
    """An analysis record shaped like the pipeline's: ~250 words, 8 entities, 3 events, 2 quotes."""
    countries = country_codes()[:30]
    a, b = rng.sample(countries, 2)
    day = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
    words = [
        rng.choice(
            [
                "talks",
                "border",
                "trade",
                "minister",
                "said",
                "on",
                "the",
                "security",
                "agreement",
                "officials",
                "visit",
                "capital",
                "energy",
                "aid",
                "troops",
            ]
        )
        for _ in range(250)
    ]
    text = (
        f"Leader0 {a.title()} met Leader1 {b.title()} in the capital. "
        + " ".join(words)
        + f" [{i}]"
    )
    entities = []
    for k in range(8):
        code = (a, b)[k % 2]
        name = f"Leader{k % 4} {code.title()}"
        entities.append(
            {
                "id": f"E{k + 1}",
                "name": name,
                "type": "PERSON",
                "aliases": [],
                "country": code,
                "sector": "GOV",
                "code": f"{code}GOV",
                "titles": [],
                "roles": [
                    {
                        "title": "minister",
                        "country": code,
                        "sector": "GOV",
                        "start": None,
                        "end": None,
                        "source": "text",
                    }
                ],
                "mentions": [{"start": 0, "end": 10, "text": text[:10], "kind": "name"}] * 3,
                "coding_source": "kb",
                "source_agency": False,
            }
        )

    def part(e: dict[str, Any]) -> dict[str, Any]:
        return {
            "entity": e["id"],
            "text": e["name"],
            "start": 0,
            "end": 10,
            "country": e["country"],
            "sector": "GOV",
            "code": e["code"],
        }

    events = []
    for k, event_type in enumerate(rng.sample(list(TYPES), 3)):
        quad, score = TYPES[event_type]
        events.append(
            {
                "id": f"V{k + 1}",
                "event_type": event_type,
                "mode": None,
                "contexts": [],
                "actors": [part(entities[0])],
                "recipients": [part(entities[1])],
                "date": {
                    "value": day,
                    "start": day,
                    "end": day,
                    "precision": "day",
                    "source": "text",
                    "time": None,
                },
                "location": None,
                "modality": "asserted",
                "historical": False,
                "cameo": None,
                "quad_class": quad,
                "score": score,
                "evidence": [
                    {
                        "start": 0,
                        "end": 60,
                        "text": text[:60],
                        "section": "body",
                        "trigger": {"start": 0, "end": 3, "text": text[:3]},
                        "quote": None,
                    }
                ],
                "confidence": 0.8,
            }
        )
    quotes = [
        {
            "id": f"Q{k + 1}",
            "start": 60,
            "end": 160,
            "text": text[60:160],
            "kind": "direct",
            "speaker": {"entity": "E1", "text": entities[0]["name"]},
            "cue": "said",
            "via": None,
        }
        for k in range(2)
    ]
    return {
        "id": f"bench-{i}",
        "text": text,
        "source": {
            "path": None,
            "url": None,
            "publisher": f"Outlet {i % 50}",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        "document": {
            "title": text[:40],
            "subtitle": None,
            "authors": [],
            "published": day,
            "published_source": "input",
            "language": "en",
            "captions": [],
            "headings": [],
            "notes": [],
            "removed": [],
            "body": [{"start": 0, "end": len(text)}],
        },
        "entities": entities,
        "events": events,
        "quotes": quotes,
        "times": [],
        "places": [],
        "stages": [],
        "diagnostics": [],
    }


def main() -> None:
    from newsgraph.query import actor_profile, dyad_series
    from newsgraph.store import Store

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=1000)
    args = parser.parse_args()
    shutil.rmtree(WORKDIR, ignore_errors=True)
    WORKDIR.mkdir(parents=True)
    path = WORKDIR / "store.sqlite"
    Store(f"sqlite:///{path}").close()  # create and migrate

    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    # Bulk load: drop the big tables' indexes, insert, rebuild them once (much faster).
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
        " AND tbl_name IN ('event_clusters', 'cluster_participants', 'events', 'event_links',"
        " 'event_participants', 'documents')"
    ).fetchall()
    with conn:
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        info = generate(conn, args.events)
        for _name, sql in indexes:
            conn.execute(sql)
    conn.execute("ANALYZE")
    conn.close()
    print(
        f"bulk insert of {args.events:,} event clusters: {time.perf_counter() - start:.1f} s "
        f"({path.stat().st_size / 2**20:.0f} MiB)"
    )

    store = Store(f"sqlite:///{path}")
    for label, (a, b) in (("busiest dyad", info["top_dyad"]), ("mid dyad", info["mid_dyad"])):
        n = int(dyad_series(store, a, b)["n_events"].sum())
        first, median = timed(lambda a=a, b=b: dyad_series(store, a, b, "month"))
        print(
            f"dyad_series month {label} {a}-{b} ({n:,} events): first {first:.1f} ms, "
            f"median {median:.1f} ms (target < 200 ms)"
        )
        first, median = timed(lambda a=a, b=b: dyad_series(store, a, b, "week"))
        print(f"dyad_series week  {label} {a}-{b}: first {first:.1f} ms, median {median:.1f} ms")
    for label, name in (("busiest actor", info["busiest"]), ("quiet actor", info["quiet"])):
        first, median = timed(lambda name=name: actor_profile(store, name))
        print(
            f"actor_profile {label} {name!r}: first {first:.1f} ms, median {median:.1f} ms "
            f"(target < 100 ms; {info['busiest_events']:,} events for the busiest)"
        )

    rng = random.Random(SEED)
    records = [realistic_record(i, rng) for i in range(2 * args.records)]
    batched, single = records[: args.records], records[args.records :]
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(batched), INGEST_BATCH):
        store.add_many(batched[i : i + INGEST_BATCH])
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"ingestion: {args.records} realistic records in {seconds:.1f} s = "
        f"{args.records / seconds:.0f} records/s (into the filled store, batches of "
        f"{INGEST_BATCH} as `newsgraph ingest` writes them; target >= 300); "
        f"{args.records / cpu_seconds:.0f} records per CPU second of this process "
        f"(the figure to read on a shared, loaded machine; load {os.getloadavg()[0]:.1f})"
    )
    start = time.perf_counter()
    for record in single:
        store.add(record)
    seconds = time.perf_counter() - start
    print(f"ingestion, one transaction per record: {args.records / seconds:.0f} records/s")
    store.close()
    shutil.rmtree(WORKDIR, ignore_errors=True)


if __name__ == "__main__":
    main()
