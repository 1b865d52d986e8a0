"""Measure the gazetteer's first-use cost: load time and resident memory it adds.

Budget: under 0.5 s and under 300 MB. Run in a fresh process (the gazetteer loads once):
    python benchmarks/bench_places.py
"""

from __future__ import annotations

import os
import time

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
MIB = 2**20
SAMPLE_TEXT = (
    "Officials met in Damascus on Monday before flying to Moscow, Idaho, and Paris, Texas. "
    "Protests spread across northwestern Syria and the Gaza Strip."
)
SAMPLE_NAMES = ("Damascus", "Moscow", "Paris", "Texas", "northwestern Syria", "Gaza Strip")
SAMPLE_CANDIDATES = [
    (SAMPLE_TEXT.index(name), SAMPLE_TEXT.index(name) + len(name), "GPE") for name in SAMPLE_NAMES
]


def rss_mib() -> float:
    """Resident set size of this process (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE_BYTES / MIB


def main() -> None:
    from newsgraph.gazetteer import common_words, demonyms, load_gazetteer
    from newsgraph.places.resolve import resolve_toponyms

    before = rss_mib()
    start = time.perf_counter()
    gazetteer = load_gazetteer()
    demonyms()
    common_words()
    load_seconds = time.perf_counter() - start
    after = rss_mib()

    start = time.perf_counter()
    rounds = 200
    for _ in range(rounds):
        places = resolve_toponyms(SAMPLE_TEXT, SAMPLE_CANDIDATES)
    per_doc_ms = (time.perf_counter() - start) / rounds * 1000

    print(f"gazetteer rows:      {len(gazetteer)}")
    print(f"load time:           {load_seconds:.3f} s  (budget 0.5 s)")
    print(f"RSS delta:           {after - before:.1f} MiB  (budget 300 MiB)")
    print(f"RSS total:           {after:.1f} MiB")
    print(f"resolve {len(SAMPLE_NAMES)} mentions:  {per_doc_ms:.2f} ms")
    for place in places:
        print(f"  {SAMPLE_TEXT[place.start : place.end]!r} -> {place.name}, {place.country}")


if __name__ == "__main__":
    main()
