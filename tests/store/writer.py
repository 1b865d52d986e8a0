"""A separate writer process for the concurrency and crash tests (run as a script).

    python tests/store/writer.py URL FIRST LAST [START_AT [CORPUS_SIZE]]

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


def main(argv: list[str]) -> None:
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
