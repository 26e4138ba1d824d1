"""Tables on a PDF page: ruled grids (from ruling lines) and column-aligned text.

A ruled table is found from its lines alone: horizontal and vertical rules that touch form
a grid, and every run whose middle falls in a cell belongs to that cell, so wrapped cell
text stays in its cell. A table without rules is found from its text: two or more
consecutive lines split into several segments whose left edges line up; a line with one
segment that starts under a later column continues the cell above (a wrapped title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.readers.pdf_extract import Rule, Run
from boardpapers.readers.pdf_lines import MARKER, Line
from boardpapers.readers.pdf_text import CellLine, join_cell_lines

_TOUCH = 3.0  # points: rules closer than this meet
_MAX_RULES = 600  # a page drawn with thousands of strokes is a chart, not a table
_PAGE_REF = re.compile(r"^(?:pages?\s*)?\(?\d{1,4}(?:\s*[-–]\s*\d{1,4})?\)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    x0: float
    top: float
    x1: float
    bottom: float


# ------------------------------------------------------------------------- ruled tables

def find_grids(rules: list[Rule]) -> list[tuple[list[float], list[float]]]:
    """(column edges, row edges) of each grid of touching rules on a page.

    A grid needs more than one cell: a lone box (a bordered banner such as "Public
    Document Pack", a boxed key-decision notice, a page frame) is not a table.
    """
    if len(rules) < 4:
        return []
    rules = _merged(rules)
    if len(rules) > _MAX_RULES:
        return []
    groups = _touching_groups(rules)
    grids = []
    for group in groups:
        xs = _distinct([(r.x0 + r.x1) / 2 for r in group if not r.horizontal])
        ys = _distinct([(r.top + r.bottom) / 2 for r in group if r.horizontal])
        if len(xs) >= 2 and len(ys) >= 2 and len(xs) + len(ys) > 4:
            grids.append((xs, ys))
    return grids


def _merged(rules: list[Rule]) -> list[Rule]:
    """Collinear rules that touch joined into one: a table drawn cell by cell (each cell
    its own rectangle) has each border drawn twice and every row's verticals apart."""
    out: list[Rule] = []
    for horizontal in (True, False):
        same_axis = [r for r in rules if r.horizontal is horizontal]
        if horizontal:
            same_axis.sort(key=lambda r: (round(r.top), r.x0))
        else:
            same_axis.sort(key=lambda r: (round(r.x0), r.top))
        for rule in same_axis:
            last = out[-1] if out and out[-1].horizontal is horizontal else None
            if last is not None and _continues_rule(last, rule, horizontal):
                out[-1] = Rule(min(last.x0, rule.x0), min(last.top, rule.top),
                               max(last.x1, rule.x1), max(last.bottom, rule.bottom))
            else:
                out.append(rule)
    return out


def _continues_rule(last: Rule, rule: Rule, horizontal: bool) -> bool:
    if horizontal:
        return abs(rule.top - last.top) <= 1 and abs(rule.bottom - last.bottom) <= 1 \
            and rule.x0 <= last.x1 + 1
    return abs(rule.x0 - last.x0) <= 1 and abs(rule.x1 - last.x1) <= 1 \
        and rule.top <= last.bottom + 1


def _touching_groups(rules: list[Rule]) -> list[list[Rule]]:
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].top)
    for n, i in enumerate(order):
        a = rules[i]
        for j in order[n + 1:]:
            b = rules[j]
            if b.top > a.bottom + _TOUCH:
                break
            if b.x0 <= a.x1 + _TOUCH and a.x0 <= b.x1 + _TOUCH:
                parent[root(i)] = root(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


def _distinct(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOUCH:
            out.append(v)
    return out


def take_grid_runs(runs: list[Run], grids: list[tuple[list[float], list[float]]],
                   join_cell_lines) -> tuple[list[Run], list[Table]]:
    """Runs outside every grid, and one Table per grid that holds any text; a cell's text
    is ``join_cell_lines(runs, limit)``, limit being how far right its lines can reach."""
    tables: list[Table] = []
    rest = runs
    for xs, ys in grids:
        inside: dict[tuple[int, int], list[Run]] = {}
        outside: list[Run] = []
        for run in rest:
            cell = _cell_of(run, xs, ys)
            if cell is None:
                outside.append(run)
            else:
                inside.setdefault(cell, []).append(run)
        if not inside:
            continue
        rest = outside
        rows = []
        for r in range(len(ys) - 1):
            row = tuple(join_cell_lines(inside.get((r, c), []), xs[c + 1] - 2)
                        for c in range(len(xs) - 1))
            if any(row):
                rows.append(row)
        tables.append(Table(tuple(rows), xs[0], ys[0], xs[-1], ys[-1]))
    return rest, tables


def _cell_of(run: Run, xs: list[float], ys: list[float]) -> tuple[int, int] | None:
    x, y = min(run.x0 + 2, (run.x0 + run.x1) / 2), run.middle
    if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
        return None
    col = max(i for i, edge in enumerate(xs[:-1]) if edge <= x)
    row = max(i for i, edge in enumerate(ys[:-1]) if edge <= y)
    return row, col


# ----------------------------------------------------------------- column-aligned tables

def split_aligned_tables(lines: list[Line]) -> list[Line | Table]:
    """The lines of one column of text, with column-aligned runs of lines made Tables.

    A run whose first column is all list markers ("1." | "Apologies") is a numbered list,
    unless a header row sits over it ("Item | Title", set apart by a gap as agenda
    templates do) or it has a third column of page references ("21 - 30"): then it is an
    agenda table.
    """
    out: list[Line | Table] = []
    i = 0
    while i < len(lines):
        first = lines[i].segments
        if len(first) == 1 and not first[0].marker:  # one piece: no table starts here
            out.append(lines[i])
            i += 1
            continue
        end = _region_end(lines, i)
        if end > i and _is_table(lines[i:end]):
            out.append(_aligned_table(lines[i:end]))
            i = end
        elif end > i + 1 and i and out and out[-1] is lines[i - 1] \
                and _header_over(lines[i - 1], lines[i:end]):
            out[-1] = _aligned_table(lines[i - 1:end])
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def _header_over(header: Line, rows: list[Line]) -> bool:
    """A header row of a few words a cell (no markers, no sentences: "Summary  This
    report sets out..." over a numbered list is a side heading) whose cells start over
    the rows' columns, close above them."""
    pieces = _pieces(header)
    if not _header_cells(pieces):
        return False
    if rows[0].top - header.bottom > 2.5 * (header.bottom - header.top):
        return False
    starts = _column_starts([_pieces(ln) for ln in rows if len(_pieces(ln)) >= 2])
    return len(starts) >= 2 and all(any(abs(x - s) < 4 for s in starts) for x, _ in pieces)


def _header_cells(pieces: list[tuple[float, str]]) -> bool:
    return len(pieces) >= 2 and not any(
        MARKER.match(text) or len(text) > 30 or text.count(" ") > 3 for _, text in pieces)


def _pieces(line: Line) -> list[tuple[float, str]]:
    """(left edge, text) of each cell-like piece of a line, markers standing alone."""
    out: list[tuple[float, str]] = []
    for seg in line.segments:
        if seg.marker:
            out.append((seg.x0, seg.marker))
            out.append((seg.text_x0, seg.text))
        else:
            out.append((seg.x0, seg.text))
    return out


def _region_end(lines: list[Line], start: int) -> int:
    """End of the run of multi-piece lines (with wrapped-cell continuations) at start."""
    first = lines[start].segments
    if len(first) == 1 and not first[0].marker:  # one piece: no row of a table
        return start
    starts = {x for x, _ in _pieces(lines[start])}  # a set: rows repeat the same edges
    first = min(starts)
    i = start + 1
    while i < len(lines):
        line = lines[i]
        gap = line.top - lines[i - 1].bottom
        if gap > 1.2 * lines[i - 1].segments[0].height:
            break
        pieces = _pieces(line)
        if len(pieces) >= 2:
            if not _aligned(pieces, starts):
                break
            starts.update(x for x, _ in pieces)
            first = min(starts)
        elif not _under_later_column(pieces[0][0], starts, first):
            break
        i += 1
    return i


def _aligned(pieces: list[tuple[float, str]], starts: set[float]) -> bool:
    """A row belongs to the table above when its cells start under the table's columns
    (one stray cell allowed in a wide row: an empty header cell, a merged cell)."""
    misses = sum(not any(abs(x - s) < 4 for s in starts) for x, _ in pieces)
    return misses == 0 or (len(pieces) >= 3 and misses == 1)


def _under_later_column(x0: float, starts: set[float], first: float) -> bool:
    return x0 > first + 20 and any(abs(x0 - x) < 4 for x in starts)


def _is_table(lines: list[Line]) -> bool:
    multi = [p for p in map(_pieces, lines) if len(p) >= 2]
    if len(multi) < 2:
        return False
    if sum(len(p) >= 3 for p in multi) >= 2:
        return True
    # Two pieces a line: not a table when the left ones are list markers ("2.1  text"),
    # unless a third column holds page references (an agenda's "Pages" column), nor when
    # only the top row's is not and that row is a side heading, not a header of cells.
    if all(MARKER.match(p[0][1]) for p in multi[1:]) and (
            MARKER.match(multi[0][0][1]) or not _header_cells(multi[0])):
        return any(len(p) >= 3 and all(_PAGE_REF.match(t) for _, t in p[2:]) for p in multi)
    return len(_column_starts(multi)) == 2


def _column_starts(rows: list[list[tuple[float, str]]]) -> list[float]:
    xs = sorted(x for row in rows for x, _ in row)
    starts: list[float] = []
    for x in xs:
        if not starts or x - starts[-1] > 12:
            starts.append(x)
    used = [sum(any(x <= px <= x + 12 for px, _ in row) for row in rows) for x in starts]
    return [x for x, n in zip(starts, used, strict=True)
            if n * 3 >= len(rows) or _page_column(rows, x)] or starts[:1]


def _page_column(rows: list[list[tuple[float, str]]], x: float) -> bool:
    """A column holding only page references: kept however few rows fill it in."""
    cells = [t for row in rows for px, t in row if x <= px <= x + 12]
    return bool(cells) and all(_PAGE_REF.match(t) for t in cells)


def _aligned_table(lines: list[Line]) -> Table:
    rows_pieces = [_pieces(ln) for ln in lines]
    starts = _column_starts([p for p in rows_pieces if len(p) >= 2])
    cells_lines: list[list[list[CellLine]]] = []
    for line, pieces in zip(lines, rows_pieces, strict=True):
        cells: list[list[CellLine]] = [[] for _ in starts]
        for x, text, x1 in _spans(line, pieces):
            col = max((i for i, s in enumerate(starts) if x >= s - 6), default=0)
            cells[col].append(CellLine(text, x, x1, line.size))
        if len(pieces) == 1 and cells_lines:  # a wrapped or second line of a cell above
            col = next(i for i, c in enumerate(cells) if c)
            cells_lines[-1][col] += cells[col]
        else:
            cells_lines.append(cells)
    limits = [max((ln.x1 for row in cells_lines for ln in row[col]), default=0.0) + 4
              for col in range(len(starts))]
    rows = tuple(tuple(join_cell_lines(_one_per_line(cell), limits[col])
                       for col, cell in enumerate(row)) for row in cells_lines)
    return Table(rows, min(ln.x0 for ln in lines),
                 lines[0].top, max(ln.x1 for ln in lines), lines[-1].bottom)


def _spans(line: Line, pieces: list[tuple[float, str]]) -> list[tuple[float, str, float]]:
    """(left, text, right) of each piece; a marker ends where its text begins."""
    rights: list[float] = []
    for seg in line.segments:
        if seg.marker:
            rights.append(seg.text_x0)
        rights.append(seg.x1)
    return [(x, text, x1) for (x, text), x1 in zip(pieces, rights, strict=True)]


def _one_per_line(cell: list[CellLine]) -> list[CellLine]:
    """Two pieces of one line that fell in the same column are one line of the cell."""
    out: list[CellLine] = []
    for piece in cell:
        if out and piece.x0 > out[-1].x1:
            last = out[-1]
            out[-1] = CellLine(f"{last.text} {piece.text}", last.x0, piece.x1, last.size)
        else:
            out.append(piece)
    return out
