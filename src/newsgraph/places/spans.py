"""Sorted character spans that answer "does this span overlap any of them?" in log time."""

from __future__ import annotations

from bisect import bisect_left


class SpanIndex:
    """Character spans, sorted, to ask whether a span overlaps any of them in log time (a scan
    per capitalised run made place candidates quadratic in the document's length)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self.starts, start - self.longest + 1)
        hi = bisect_left(self.starts, end)
        return any(s < end and start < e for s, e in self.spans[lo:hi])
