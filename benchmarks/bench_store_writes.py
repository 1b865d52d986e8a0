"""Store write throughput, this code side by side with another version, in one run.

Target: >= 300 records/s into SQLite. Realistic analysis records (`bench_store.realistic_record`:
8 entities, 3 events, 2 quotes) are written through `Store.add_many` in batches of 32, as
`newsgraph ingest` writes them, into a copy of a store already holding `--clusters` synthetic
event clusters (`bench_store.generate`). Each round runs every version once, in turn, each in a
fresh process on a fresh copy, and reports records per second of wall-clock time and records
per CPU second of the writing process (user + system: SQLite runs in the process), from the
first write to the store's close (whose checkpoint writes the rest of the WAL into the file); the
knowledge base is loaded before, as in an ingest process after its first analysis. On a shared
machine the wall-clock rate depends on the load; the CPU rate much less so. Every run's store is
hashed table by table afterwards (`contents`): a speed change must store the same rows.

    git worktree add /tmp/before <commit>     # or: git archive <commit> src | tar -x -C /tmp/before
    python benchmarks/bench_store_writes.py --before /tmp/before/src [--rounds 3] [--no-keys]

The synthetic clusters get their identity keys (`KEYS`), as every store newsgraph writes holds
them: each new event's candidate query meets them. `--no-keys` leaves them out (the synthetic
case measured before cluster keys existed; cheaper and unrealistic).

Writes only under /tmp.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKDIR = Path("/tmp/newsgraph-bench-store-writes")
BATCH = 32


KEYS = [
    "INSERT OR IGNORE INTO cluster_keys (token, side, cluster_id)"
    " SELECT 's:g:' || global_entity_id, side, cluster_id FROM cluster_participants",
    *(
        f"INSERT OR IGNORE INTO cluster_keys (token, side, cluster_id)"
        f" SELECT '{prefix}' || {side}_{column}, '{side}', id FROM event_clusters"
        f" WHERE {side}_{column} IS NOT NULL"
        for side in ("actor", "recipient")
        for prefix, column in (("w:k:", "country"), ("w:c:", "code"))
    ),
]
"""The synthetic clusters' identity keys as a store that wrote them would hold them
(approximately: global entities strong, codes and countries weak), which `bench_store.generate`
leaves out. The candidate query of every new event then meets them: a country or a code of a
populous country is a key of thousands of clusters."""


def _template(path: Path, clusters: int, keys: bool) -> None:
    """A store created by the code on sys.path, filled with `clusters` synthetic clusters."""
    import bench_store

    from newsgraph.store import Store

    Store(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    with conn:
        bench_store.generate(conn, clusters)
        for statement in KEYS if keys else []:
            conn.execute(statement)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _warm_up() -> None:
    """What an ingest process has done before its first write: the analysis loaded the
    knowledge base (the store reads its country codes). A one-off cost, not per record."""
    try:
        from newsgraph.kb.loader import load_kb
    except ImportError:  # a version without it
        return
    load_kb()


UNSTABLE_COLUMNS = frozenset({"ingested_at", "at"})
"""Columns that hold the time of the write, left out of `contents`."""


def contents(path: Path) -> dict[str, str]:
    """A hash of every table's rows (all columns but the write times), to show that two
    versions stored the same thing."""
    conn = sqlite3.connect(path)
    out = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in sorted(tables):
        columns = [
            r[1]
            for r in conn.execute(f'PRAGMA table_info("{table}")')
            if r[1] not in UNSTABLE_COLUMNS
        ]
        listed = ", ".join(f'"{c}"' for c in columns)
        digest = hashlib.sha256()
        for row in conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {listed}'):
            if table == "meta" and row[0] == "schema_version":
                continue  # two versions of the code may be at different migrations
            digest.update(repr(row).encode())
        out[table] = digest.hexdigest()
    conn.close()
    return out


def worker(template: Path, clusters: int, records: int, batch: int, keys: bool) -> None:
    """Write `records` records into a copy of the template; print the figures as JSON."""
    import bench_store

    from newsgraph.store import Store

    if not template.exists():
        _template(template, clusters, keys)
    path = template.with_name("run.sqlite")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, path)
    rng = random.Random(bench_store.SEED)
    batch_records = [bench_store.realistic_record(i, rng) for i in range(records)]
    store = Store(f"sqlite:///{path}")
    _warm_up()
    before, start = os.times(), time.perf_counter()
    statuses = []
    for i in range(0, len(batch_records), batch):
        statuses += store.add_many(batch_records[i : i + batch])
    store.close()  # its last checkpoint copies the WAL into the file: part of the writes' cost
    wall, after = time.perf_counter() - start, os.times()
    cpu = (after.user - before.user) + (after.system - before.system)
    assert statuses.count("new") == records, statuses
    print(json.dumps({"wall": wall, "cpu": cpu, "contents": contents(path)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the src/ folder of the version to compare")
    parser.add_argument("--clusters", type=int, default=50_000)
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument(
        "--keys",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="fill the clusters' keys (KEYS), as a real store holds them (the default); "
        "--no-keys for the synthetic store without them",
    )
    parser.add_argument("--worker", nargs=1, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.clusters, args.records, args.batch, args.keys)
        return
    versions = {"this code": HERE.parent / "src"}
    if args.before:
        versions = {"before": args.before.resolve(), **versions}
    shutil.rmtree(WORKDIR, ignore_errors=True)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
    load = [os.getloadavg()[0]]
    for round_ in range(args.rounds):
        for index, (name, src) in enumerate(versions.items()):
            template = WORKDIR / f"v{index}" / "template.sqlite"
            template.parent.mkdir(parents=True, exist_ok=True)
            command = [sys.executable, __file__, "--worker", str(template)]
            command += ["--clusters", str(args.clusters), "--records", str(args.records)]
            command += ["--batch", str(args.batch), "--keys" if args.keys else "--no-keys"]
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(HERE)])}
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            results[name].append(figures)
            load.append(os.getloadavg()[0])
            print(
                f"round {round_ + 1} {name:>9}: {args.records / figures['wall']:6.0f} records/s "
                f"wall, {args.records / figures['cpu']:6.0f} records per CPU second "
                f"(load {load[-1]:.1f})",
                flush=True,
            )
    print(
        f"\n{args.records} records in batches of {args.batch} into a store of "
        f"{args.clusters:,} clusters{' with their keys' if args.keys else ' without keys'}, {args.rounds} "
        "rounds, load average "
        f"{min(load):.1f}-{max(load):.1f} (target >= 300 records/s)"
    )
    print("| code | records/s (wall), median [range] | records per CPU second, median [range] |")
    print("|---|---:|---:|")
    for name, runs in results.items():
        walls = [args.records / r["wall"] for r in runs]
        cpus = [args.records / r["cpu"] for r in runs]
        print(
            f"| {name} | {statistics.median(walls):.0f} [{min(walls):.0f}-{max(walls):.0f}] | "
            f"{statistics.median(cpus):.0f} [{min(cpus):.0f}-{max(cpus):.0f}] |"
        )
    runs = [r["contents"] for versions in results.values() for r in versions]
    shared = set.intersection(*(set(tables) for tables in runs))
    unshared = sorted(set.union(*(set(tables) for tables in runs)) - shared)
    differing = sorted({t for tables in runs for t in shared if tables[t] != runs[0][t]})
    if differing:
        print(f"\nTHE STORED ROWS DIFFER between runs, in: {', '.join(differing)}")
    else:
        print("\nEvery run stored the same rows in every table the versions share.")
    if unshared:
        print(
            f"Tables only some versions have (a newer schema), not compared: {', '.join(unshared)}"
        )
    shutil.rmtree(WORKDIR, ignore_errors=True)


if __name__ == "__main__":
    main()
