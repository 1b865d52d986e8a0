"""Which of many spans overlap a given one, without a scan of them all per question.

A stage that asks, for every name, "does it overlap one of the spans found so far?" with
`any(...)` over all of them is quadratic in the length of a long document. `SpanIndex` sorts
the spans once; a span can only overlap one that starts less than the longest span's length
before it, so each question looks at the few spans near it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with [start, end) spans (token or character offsets), looked up by overlap."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        # sorted by (start, end, position): the position is unique, so items are never compared
        self._index(sorted([(*span(item), n, item) for n, item in enumerate(items)]))

    def _index(self, spans: list[tuple[int, int, int, T]]) -> None:
        self._starts = [s for s, _, _, _ in spans]
        self._spans = [(s, e, item) for s, e, _, item in spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    @staticmethod
    def of_spans(spans: Iterable[tuple[int, int]]) -> SpanIndex[tuple[int, int]]:
        """An index of plain (start, end) pairs."""
        index: SpanIndex[tuple[int, int]] = SpanIndex((), _itself)
        index._index(sorted([(*pair, n, pair) for n, pair in enumerate(spans)]))
        return index

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose span overlaps [start, end), in order of their start."""
        lo = bisect_left(self._starts, start - self._longest + 1)
        hi = bisect_left(self._starts, end)
        return [item for s, e, item in self._spans[lo:hi] if s < end and start < e]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any item's span overlaps [start, end)."""
        lo = bisect_left(self._starts, start - self._longest + 1)
        hi = bisect_left(self._starts, end)
        return any(s < end and start < e for s, e, _ in self._spans[lo:hi])


class SpanSet:
    """Plain (start, end) spans asked only whether one overlaps a given span: the starts in
    order and the furthest end reached up to each, so a question is one binary search (no slice,
    no scan) and building it is one sort of the pairs (`SpanIndex.of_spans` answers `overlaps`
    the same, for callers that also need the overlapping spans themselves)."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end): one that starts before `end` and ends after
        `start` (so an empty span overlaps nothing at its own position, as in `SpanIndex`)."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


def _itself(span: tuple[int, int]) -> tuple[int, int]:
    return span
