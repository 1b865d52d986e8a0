"""A separate writer process for the concurrency and crash tests (run as a script).

    python tests/store/writer.py URL FIRST LAST [START_AT]

opens the store at URL (creating it if it is new) and adds records FIRST..LAST-1 of the varied
corpus, after waiting until the wall-clock time START_AT so that several writers start together.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from varied import corpus

from newsgraph.store import Store


def main(argv: list[str]) -> None:
    url, first, last = argv[0], int(argv[1]), int(argv[2])
    if len(argv) > 3:
        time.sleep(max(0.0, float(argv[3]) - time.time()))
    records = corpus(CORPUS_SIZE, versions=False)[first:last]
    with Store(url) as store:
        for record in records:
            store.add(record)


CORPUS_SIZE = 120

if __name__ == "__main__":
    main(sys.argv[1:])
