"""Which parts of a text a finder has already claimed, checked in O(log n).

Blocks can be long (a whole flattened page), and a finder may make thousands of matches in
one; a linear scan over earlier matches would make that quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, insort


class Claimed:
    """Non-overlapping (start, end) spans, kept sorted by start."""

    __slots__ = ("_spans",)

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans or [])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) meets a claimed span."""
        i = bisect_left(self._spans, (end, end))
        # Spans that start before `end`; only the last few can still reach `start`.
        return any(s < end and start < e for s, e in self._spans[max(0, i - 4):i])

    def claim(self, start: int, end: int) -> bool:
        """Claim [start, end) unless it overlaps; True when claimed."""
        if self.overlaps(start, end):
            return False
        insort(self._spans, (start, end))
        return True
