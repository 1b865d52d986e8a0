"""Load on the explorer: 100,000 synthetic event clusters, 8 concurrent clients on localhost.

Fills an SQLite store the way bench_store.py does (bulk insert straight into the cluster
tables), starts `newsgraph serve` on it in its own process, and drives the main JSON endpoints
from concurrent clients, each with a bounded number of requests (and a wall-clock cap), so the
run always stops by itself. Reports p50/p95/max latency and errors per endpoint (target: p95 <
200 ms for the events list, an actor page and a dyad series, no errors). Writes only under /tmp:
    python benchmarks/bench_serve.py [--clusters 100000] [--clients 8] [--requests 120]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import SEED, generate

WORKDIR = Path("/tmp/newsgraph-bench-serve")
WALL_CLOCK_CAP = 300.0
"""Seconds after which the clients stop even if they have requests left."""
TARGET_MS = 200.0
EXTRA_RUNS = 20
SINGLE_RUNS = 40
"""Requests in a row per target endpoint for its server CPU per request (CPU time is counted
in clock ticks of 10 ms, so a few requests would not do)."""


def fill(path: Path, n_clusters: int) -> dict[str, object]:
    from newsgraph.store import Store

    Store(f"sqlite:///{path}").close()  # create and migrate
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        info = generate(conn, n_clusters)
        # Locate a third of the clusters (the map page reads them).
        conn.execute(
            "UPDATE event_clusters SET lat = (id % 120) - 60.0, lon = (id % 340) - 170.0,"
            " location = 'Somewhere', location_country = actor_country WHERE id % 3 = 0"
        )
        busiest = conn.execute(
            "SELECT global_entity_id FROM cluster_participants GROUP BY global_entity_id"
            " ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    conn.close()
    fill_cluster_codes(path)
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.close()
    info["busiest_id"] = int(busiest)
    return info


def fill_cluster_codes(path: Path) -> None:
    """`cluster_codes` from the bulk-inserted links and participants, by the store's own code
    (ingestion keeps it per cluster; the bulk fill bypasses ingestion)."""
    from sqlalchemy import create_engine

    from newsgraph.store import cluster_codes

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cluster_codes.rewrite(conn)
    engine.dispose()


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by a process and its descendants (Linux /proc; 0 elsewhere): the
    server's cost per request, which a busy shared machine does not inflate as it does latency.
    A descendant that ended (a server worker restarted) stays counted in its parent's children
    times."""
    return sum(server_processes(pid).values())


def server_processes(pid: int) -> dict[int, float]:
    """A process and its descendants (Linux /proc) -> CPU seconds of each, its ended children's
    included."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        ticks[child] = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    family, changed = {pid}, True
    while changed:
        grown = family | {c for c, p in parents.items() if p in family}
        changed, family = grown != family, grown
    return {p: ticks.get(p, 0) / os.sysconf("SC_CLK_TCK") for p in family}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("newsgraph serve exited before answering")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/index.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"newsgraph serve did not answer on port {port} within {seconds:.0f} s")


def client(
    port: int,
    paths: list[tuple[str, str]],
    n_requests: int,
    seed: int,
    stop_at: float,
    results: list[tuple[str, float, int]],
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(n_requests):
        if time.monotonic() > stop_at:
            break
        name, path = rng.choice(paths)
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": "application/json"})
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((name, (time.perf_counter() - start) * 1000, status))
    conn.close()


def one_at_a_time(port: int, path: str, pid: int) -> tuple[float, float]:
    """Median latency and server CPU per request of SINGLE_RUNS requests in a row."""
    times: list[tuple[str, float, int]] = []
    before = server_cpu_seconds(pid)
    client(port, [("", path)], SINGLE_RUNS, SEED, time.monotonic() + WALL_CLOCK_CAP, times)
    cpu = server_cpu_seconds(pid) - before
    return statistics.median(ms for _, ms, _ in times), 1000 * cpu / SINGLE_RUNS


def result_size(body: bytes) -> str:
    """How much an endpoint returned: events and series counted, so that an empty answer shows."""
    data = json.loads(body)
    if "series" in data:
        return f"{sum(int(r['n_events'] or 0) for r in data['series'])} events in {len(data['series'])} periods"
    if "n_events" in data and "events" in data:
        return f"{data['n_events']} events, {len(data['events'])} listed, {len(data.get('partners', []))} partners"
    for key in ("events", "total", "points", "edges"):
        if key in data:
            value = data[key]
            return f"{len(value) if isinstance(value, list) else value} {key}"
    return f"{len(body)} bytes"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=120, help="requests per client")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()

    shutil.rmtree(WORKDIR, ignore_errors=True)
    WORKDIR.mkdir(parents=True)
    path = WORKDIR / "store.sqlite"
    started = time.perf_counter()
    info = fill(path, args.clusters)
    print(f"filled {args.clusters:,} clusters in {time.perf_counter() - started:.1f} s")

    a, b = info["top_dyad"]  # type: ignore[misc]
    mid_a, mid_b = info["mid_dyad"]  # type: ignore[misc]
    paths = [  # the target endpoints, driven concurrently
        ("events list", "/events.json"),
        ("events list, filtered", f"/events.json?actor={mid_a}&since=2020-01-01&quad_class=1"),
        ("actor page, busiest actor", f"/actor/{info['busiest_id']}.json"),
        ("dyad series, busiest pair", f"/dyad/{a}/{b}.json"),
        ("dyad series, a mid pair, weekly", f"/dyad/{mid_a}/{mid_b}.json?freq=week"),
    ]
    extras = [  # heavier pages, timed one request at a time for information
        ("events list, page 20 sorted by reports", "/events.json?sort=reports&page=20"),
        ("events list, country and type", f"/events.json?country={mid_a}&type=CONSULT"),
        ("map, 1,000 newest located", "/map.json"),
        ("network, 100 heaviest edges, all time", "/network.json"),
        (
            "network, one country, one year",
            f"/network.json?country={mid_a}&since=2024-01-01&until=2024-12-31",
        ),
    ]
    port = free_port()
    env = {**os.environ, "NEWSGRAPH_SERVE_LOG": "warning"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph.cli",
            "serve",
            "--db",
            f"sqlite:///{path}",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port, server)
        sizes: dict[str, str] = {}
        for name, p in paths + extras:  # warm the caches once, and note what each returns
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", p, headers={"Accept": "application/json"})
            response = conn.getresponse()
            body = response.read()
            sizes[name] = result_size(body) if response.status == 200 else f"HTTP {response.status}"
        results: list[tuple[str, float, int]] = []
        stop_at = time.monotonic() + WALL_CLOCK_CAP
        threads = [
            threading.Thread(
                target=client, args=(port, paths, args.requests, SEED + i, stop_at, results)
            )
            for i in range(args.clients)
        ]
        started = time.perf_counter()
        processes = set(server_processes(server.pid))
        cpu_before = server_cpu_seconds(server.pid)
        client_before = time.process_time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - started
        server_cpu = server_cpu_seconds(server.pid) - cpu_before
        client_cpu = time.process_time() - client_before
        alone: list[tuple[str, float, int]] = []
        for _ in range(EXTRA_RUNS):
            for p in extras:
                client(port, [p], 1, SEED, time.monotonic() + WALL_CLOCK_CAP, alone)
        single = {name: one_at_a_time(port, path, server.pid) for name, path in paths}
        restarted = processes - set(server_processes(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"server: newsgraph serve --workers {args.workers}; {os.cpu_count()} CPU(s), load average "
        f"{os.getloadavg()[0]:.1f} after the run"
    )
    if restarted:
        print(f"WARNING: server processes {sorted(restarted)} ended during the run (restarted)")
    print(
        f"\n{len(results)} requests from {args.clients} concurrent clients in {seconds:.1f} s "
        f"({len(results) / seconds:.0f} requests/s); server CPU {server_cpu:.1f} s, "
        f"{1000 * server_cpu / max(1, len(results)):.1f} ms per request; the clients' own CPU "
        f"(on the same cores) {1000 * client_cpu / max(1, len(results)):.1f} ms per request\n"
    )
    print("| endpoint | requests | p50 | p95 | max | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    worst = 0.0
    errors = 0
    for name, _ in paths:
        times = [ms for n, ms, _ in results if n == name]
        failed = sum(1 for n, _, status in results if n == name and status != 200)
        errors += failed
        if not times:
            continue
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        print(
            f"| {name} | {len(times)} | {statistics.median(times):.0f} ms | {p95:.0f} ms "
            f"| {max(times):.0f} ms | {failed} |"
        )
    print(
        f"\nthe same endpoints one request at a time ({SINGLE_RUNS} each; server CPU per request "
        "varies less with other load on the machine than latency does):\n"
    )
    print("| endpoint | p50 | server CPU per request |")
    print("|---|---:|---:|")
    for name, (p50, cpu_ms) in single.items():
        print(f"| {name} | {p50:.0f} ms | {cpu_ms:.1f} ms |")
    print(f"\nheavier pages, one request at a time ({EXTRA_RUNS} each):\n")
    print("| endpoint | p50 | p95 | errors |")
    print("|---|---:|---:|---:|")
    for name, _ in extras:
        times = [ms for n, ms, _ in alone if n == name]
        failed = sum(1 for n, _, status in alone if n == name and status != 200)
        print(
            f"| {name} | {statistics.median(times):.0f} ms | {percentile(times, 0.95):.0f} ms | {failed} |"
        )
    print("\nwhat each endpoint returned (measured on real results, not empty ones):\n")
    for name, size in sizes.items():
        print(f"- {name}: {size}")
    empty = [n for n, _ in paths if sizes[n].startswith(("0 ", "HTTP"))]
    if empty:
        print(f"\nINVALID: empty results for {', '.join(empty)}")
        errors += len(empty)
    verdict = "meets" if worst < TARGET_MS and errors == 0 else "misses"
    print(
        f"\nworst p95 of the events, actor and dyad endpoints: {worst:.0f} ms ({verdict} the < {TARGET_MS:.0f} ms target)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
