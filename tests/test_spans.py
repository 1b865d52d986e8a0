"""`newsgraph.spans.SpanIndex` answers overlap questions exactly as a scan of every span does."""

from __future__ import annotations

import random

from newsgraph.spans import SpanIndex


def test_span_index_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 100)
            spans.append((start, start + rng.randint(0, 12)))
        index = SpanIndex(spans, lambda span: span)
        for _ in range(30):
            start = rng.randint(-5, 110)
            end = start + rng.randint(0, 15)
            expected = [(s, e) for s, e in spans if s < end and start < e]
            assert sorted(index.overlapping(start, end)) == sorted(expected)
            assert index.overlaps(start, end) == bool(expected)


def test_span_index_keeps_the_items() -> None:
    names = [("Kenya", 10, 15), ("Peru", 0, 4), ("Nairobi Declaration", 8, 27)]
    index = SpanIndex(names, lambda item: (item[1], item[2]))
    assert [n for n, _, _ in index.overlapping(12, 13)] == ["Nairobi Declaration", "Kenya"]
    assert index.overlapping(4, 8) == []
