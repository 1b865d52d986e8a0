"""`newsgraph.spans.SpanIndex` answers overlap questions exactly as a scan of every span does."""

from __future__ import annotations

import random

from newsgraph.spans import SpanIndex, SpanSet


def _random_spans(rng: random.Random) -> list[tuple[int, int]]:
    """Up to 30 spans of up to 12 characters in a text of about 110, some empty."""
    spans = []
    for _ in range(rng.randint(0, 30)):
        start = rng.randint(0, 100)
        spans.append((start, start + rng.randint(0, 12)))
    return spans


def _random_query(rng: random.Random) -> tuple[int, int]:
    """A span to ask about, partly outside the text at either end."""
    start = rng.randint(-5, 110)
    return start, start + rng.randint(0, 15)


def test_span_index_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = _random_spans(rng)
        index = SpanIndex(spans, lambda span: span)
        for _ in range(30):
            start, end = _random_query(rng)
            expected = [(s, e) for s, e in spans if s < end and start < e]
            assert sorted(index.overlapping(start, end)) == sorted(expected)
            assert index.overlaps(start, end) == bool(expected)


def test_span_index_keeps_the_items() -> None:
    names = [("Kenya", 10, 15), ("Peru", 0, 4), ("Nairobi Declaration", 8, 27)]
    index = SpanIndex(names, lambda item: (item[1], item[2]))
    assert [n for n, _, _ in index.overlapping(12, 13)] == ["Nairobi Declaration", "Kenya"]
    assert index.overlapping(4, 8) == []


def test_span_set_agrees_with_a_scan() -> None:
    rng = random.Random(11)
    for _ in range(300):
        spans = _random_spans(rng)
        found = SpanSet(spans)
        index = SpanIndex.of_spans(spans)
        for _ in range(40):
            start, end = _random_query(rng)
            expected = any(s < end and start < e for s, e in spans)
            assert found.overlaps(start, end) == expected == index.overlaps(start, end)


def test_span_set_of_nested_and_empty_spans() -> None:
    found = SpanSet([(10, 40), (12, 14), (50, 50)])
    assert found.overlaps(38, 45)  # the long span reaches past the short one after it
    assert not found.overlaps(40, 50)
    assert not found.overlaps(50, 50)  # an empty span overlaps nothing at its own position
    assert not found.overlaps(49, 50)
    assert not found.overlaps(50, 51)
    assert not SpanSet([]).overlaps(0, 100)
