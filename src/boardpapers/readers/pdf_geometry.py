"""Geometry for the PDF reader: matrices, page rotation and the straight edges of paths.

Matrices are PDF's six numbers ``(a, b, c, d, e, f)`` acting on row vectors, so a point
maps to ``(a x + c y + e, b x + d y + f)`` and "inner then outer" is ``inner x outer``.

Ruling lines come in three shapes in real papers: a thin stroked line or a thin filled
rectangle per border (Word, LibreOffice; the reader takes those from the object's box),
and, from report generators and web-to-PDF tools, a stroked rectangle per *cell* or one
path object holding a whole grid's strokes. For the last two the path's own segments are
walked: every straight, axis-aligned stroked edge is a rule, and a filled path's thin
rectangles are rules too, while a filled wide rectangle (cell shading) is not.
"""

from __future__ import annotations

import ctypes
from itertools import pairwise

import pypdfium2.raw as pdfium_c

from boardpapers.readers.pdf_chars import typed

Matrix = tuple[float, float, float, float, float, float]
Edge = tuple[float, float, float, float]  # x0, top, x1, bottom (top-down points)

MAX_PATH_SEGMENTS = 400  # a path with more segments is a drawing or chart, not rulings
PAGE_SEGMENTS = 6000     # segments walked per page at most: beyond, the page is a drawing
MIN_RULE = 6.0           # shorter strokes are glyph-like marks (ticks, bullets)
THIN = 2.5               # a filled rectangle thinner than this is a drawn line
_STRAIGHT = 0.5          # how far off the axis a ruling stroke may wander


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """inner then outer, as PDF matrices compose (row vectors)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def display_matrix(quarter_turns: int, box: tuple[float, float, float, float]) -> Matrix | None:
    """User space to upright display space (y up, origin at the shown page's bottom left)
    of a page whose visible ``box`` (left, bottom, right, top) is shown turned clockwise by
    ``quarter_turns``. None for an upright page whose box starts at the origin, so the
    common case stays on the fast path."""
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    turns = quarter_turns % 4
    if turns == 1:
        turn = (0.0, -1.0, 1.0, 0.0, 0.0, width)
    elif turns == 2:
        turn = (-1.0, 0.0, 0.0, -1.0, width, height)
    elif turns == 3:
        turn = (0.0, 1.0, -1.0, 0.0, height, 0.0)
    elif abs(left) < 0.01 and abs(bottom) < 0.01:
        return None
    else:
        turn = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return compose((1.0, 0.0, 0.0, 1.0, -left, -bottom), turn)


_VP, _INT, _FLOAT_P = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)
_count_segments = typed(pdfium_c.FPDFPath_CountSegments, _INT, _VP)
_segment_at = typed(pdfium_c.FPDFPath_GetPathSegment, _VP, _VP, _INT)
_point = typed(pdfium_c.FPDFPathSegment_GetPoint, _INT, _VP, _FLOAT_P, _FLOAT_P)
_kind = typed(pdfium_c.FPDFPathSegment_GetType, _INT, _VP)
_closes = typed(pdfium_c.FPDFPathSegment_GetClose, _INT, _VP)
_MOVE, _LINE = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO


def segment_count(path: int) -> int:
    return _count_segments(path)


def path_edges(path: int, matrix: Matrix, top_of_page: float, stroked: bool) -> list[Edge]:
    """The ruling edges of a path object whose box is not itself a thin line."""
    n = _count_segments(path)
    if n < 2 or n > MAX_PATH_SEGMENTS:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float, bool]]] = []  # (x, y, straight from previous)
    for i in range(n):
        seg = _segment_at(path, i)
        if not _point(seg, x, y):
            return []
        px, py = apply(matrix, x.value, y.value)
        kind = _kind(seg)
        if kind == _MOVE or not subpaths:
            subpaths.append([(px, top_of_page - py, False)])
        else:
            subpaths[-1].append((px, top_of_page - py, kind == _LINE))
        if _closes(seg) and len(subpaths[-1]) > 1:
            first = subpaths[-1][0]
            subpaths[-1].append((first[0], first[1], True))
    edges: list[Edge] = []
    for points in subpaths:
        edges += _stroked_edges(points) if stroked else _thin_rectangle(points)
    return edges


def _stroked_edges(points: list[tuple[float, float, bool]]) -> list[Edge]:
    out = []
    for (x0, y0, _), (x1, y1, straight) in pairwise(points):
        if not straight:
            continue
        if abs(y1 - y0) <= _STRAIGHT and abs(x1 - x0) >= MIN_RULE:
            y = (y0 + y1) / 2
            out.append((min(x0, x1), y, max(x0, x1), y))
        elif abs(x1 - x0) <= _STRAIGHT and abs(y1 - y0) >= MIN_RULE:
            x = (x0 + x1) / 2
            out.append((x, min(y0, y1), x, max(y0, y1)))
    return out


def _thin_rectangle(points: list[tuple[float, float, bool]]) -> list[Edge]:
    """A filled subpath drawn as a thin rectangle: a border painted as a fill."""
    if not 4 <= len(points) <= 6 or not all(p[2] for p in points[1:]):
        return []
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    w, h = x1 - x0, bottom - top
    if (h <= THIN and w >= MIN_RULE) or (w <= THIN and h >= MIN_RULE):
        return [(x0, top, x1, bottom)]
    return []
