"""Reading order on a page: find a newsletter-style column gutter and read down each column.

A gutter is an x position that no text segment crosses while several prose-width segments
lie wholly on each side of it. Items that span the gutter (a masthead, a full-width table)
cut the page into bands; within a band the left column is read before the right. Pages
without a gutter are one flow, top to bottom. Each flow is returned separately so that
paragraphs never run from one column into the next.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from boardpapers.readers.pdf_lines import Line
from boardpapers.readers.pdf_tables import Table

Item = Line | Table


@dataclass(frozen=True, slots=True)
class Flow:
    """Items read in order, with the left edge list indents are measured from."""

    items: tuple[Item, ...]
    left: float
    in_column: bool


def _crosses(item: Item, gutter: float) -> bool:
    if isinstance(item, Table):
        return item.x0 < gutter < item.x1
    return any(s.x0 < gutter < s.x1 for s in item.segments)


def find_gutter(lines: list[Line]) -> float | None:
    segs = [s for ln in lines for s in ln.segments]
    if len(segs) < 8:
        return None
    left, right = min(s.x0 for s in segs), max(s.x1 for s in segs)
    width = right - left
    prose = [s for s in segs if s.x1 - s.x0 > 0.25 * width]
    prose_ends = sorted(s.x1 for s in prose)
    prose_starts = sorted(s.x0 for s in prose)
    best: tuple[int, int, float] | None = None  # (crossings, -balance, x): least is best
    for x in sorted({round(s.x1 + 3) for s in prose}):
        if not left + 0.25 * width < x < left + 0.75 * width:
            continue
        # prose wholly left and wholly right of x, counted by bisection: on a page of one
        # column few lines start right of the middle, and the candidate ends here
        n_left = bisect_right(prose_ends, x)
        n_right = len(prose_starts) - bisect_left(prose_starts, x)
        if min(n_left, n_right) < 3:
            continue
        crossing = sum(1 for s in segs if s.x0 < x < s.x1)
        if crossing > max(2, len(segs) // 10):
            continue
        candidate = (crossing, -min(n_left, n_right), x)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None


def page_flows(lines: list[Line], tables: list[Table], body_left: float) -> list[Flow]:
    """The page's lines and tables grouped into flows in reading order."""
    gutter = find_gutter(lines)
    items: list[Item] = sorted([*lines, *tables], key=lambda it: it.top)
    if gutter is None:
        return [Flow(tuple(items), body_left, False)] if items else []
    flows: list[Flow] = []
    full: list[Item] = []
    left_col: list[Item] = []
    right_col: list[Item] = []

    def flush_columns() -> None:
        for col in (left_col, right_col):
            if col:
                flows.append(Flow(tuple(col), min(i.x0 for i in col), True))
                col.clear()

    for item in items:
        if _crosses(item, gutter):
            flush_columns()
            full.append(item)
            continue
        if full:
            flows.append(Flow(tuple(full), body_left, False))
            full = []
        if isinstance(item, Table):
            (left_col if item.x1 <= gutter else right_col).append(item)
            continue
        lsegs = tuple(s for s in item.segments if s.x1 <= gutter)
        rsegs = tuple(s for s in item.segments if s.x0 >= gutter)
        if lsegs:
            left_col.append(Line(lsegs))
        if rsegs:
            right_col.append(Line(rsegs))
    if full:
        flows.append(Flow(tuple(full), body_left, False))
    flush_columns()
    return flows
