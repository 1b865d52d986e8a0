"""A separate writer process for the concurrency and crash tests (run as a script).

    python tests/store/writer.py URL FIRST LAST [START_AT [CORPUS_SIZE]]
    python tests/store/writer.py URL read SECONDS START_AT

opens the store at URL (creating it if it is new) and adds records FIRST..LAST-1 of the varied
corpus, after waiting until the wall-clock time START_AT so that several writers start together.
It prints `open` before opening the store and `ready` once it is open (for the crash tests,
which kill it at a chosen moment).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from varied import corpus

from newsgraph.store import Store

CORPUS_SIZE = 120
BATCH = 8


def read(url: str, seconds: float, start_at: float) -> None:
    """A reader beside the writers: lists and counts until `seconds` after `start_at`."""
    time.sleep(max(0.0, start_at - time.time()))
    reads = 0
    with Store(url) as store:
        while reads == 0 or time.time() < start_at + seconds:
            store.summary()
            list(store.rows("events", limit=20))
            reads += 1
    print(f"reads {reads}", flush=True)


def main(argv: list[str]) -> None:
    if argv[1] == "read":
        read(argv[0], float(argv[2]), float(argv[3]))
        return
    url, first, last = argv[0], int(argv[1]), int(argv[2])
    if len(argv) > 3 and argv[3] != "now":
        time.sleep(max(0.0, float(argv[3]) - time.time()))
    size = int(argv[4]) if len(argv) > 4 else CORPUS_SIZE
    records = corpus(size, versions=len(argv) > 4)[first:last]
    print("open", flush=True)
    with Store(url) as store:
        print("ready", flush=True)
        for i in range(0, len(records), BATCH):  # as `newsgraph ingest` writes them
            store.add_many(records[i : i + BATCH])
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
