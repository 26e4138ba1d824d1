"""PDF page objects to positioned text runs and ruling lines, through pdfium's C API.

Why page objects and not characters: per-character ctypes calls cost about a microsecond
each, and a page holds thousands of characters. A text object is one run of one font at
one size (usually a line or part of one), so walking objects costs a few calls per run and
keeps the reader within a small multiple of pdfium's raw text extraction. The objects'
texts are sliced from the page text taken once (``pdf_chars``), since asking pdfium for
each object's text rescans the whole page every time. Coordinates are turned top-down
(``top`` grows down the page, as the page is shown) so that reading order sorts naturally.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from boardpapers.model.errors import TooComplex
from boardpapers.readers.pdf_chars import TextBuffer, object_texts, typed
from boardpapers.readers.pdf_geometry import (
    PAGE_SEGMENTS,
    THIN,
    Matrix,
    apply,
    compose,
    display_matrix,
    path_edges,
    segment_count,
)

MAX_PAGE_OBJECTS = 500_000  # text and paths on one page; a real page has a few thousand

_TEXT, _PATH, _IMAGE, _FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH,
                               pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18
RULE_THICKNESS = THIN  # a path thinner than this is a line, not a shape
_CHAR_FIXES = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢",
               "\x02": "-", "\r": " ", "\n": " ", "\ufffe": "", "\x00": ""}
_NEEDS_FIX = re.compile("[" + "".join(map(re.escape, _CHAR_FIXES)) + "]")


def _fixed(text: str) -> str:
    """Symbol-font bullets as bullets, line breaks as spaces, unmapped glyphs dropped.
    A regular expression rather than ``str.translate``: it touches only the characters
    to fix, where translate looks every character of a page up in a dict."""
    return _NEEDS_FIX.sub(_fix_one, text)


def _fix_one(match: re.Match) -> str:
    return _CHAR_FIXES[match.group()]


class Run(NamedTuple):
    """One text object: its text, box (points, top-down), font size and boldness. A
    named tuple rather than a frozen dataclass: a long pack makes tens of thousands, and
    a tuple is built three times faster."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line: horizontal when ``y0 == y1`` within its thickness, else vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) > (self.bottom - self.top)


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: int = 0
    turned: int = 0  # characters of text running up (+) or down (-) the page


class _Scratch:
    """ctypes out-parameters reused across calls (allocating them per call is measurable)."""

    def __init__(self) -> None:
        # out-parameters in one float array, read back with one slice: the box (left,
        # bottom, right, top), the font size and the six numbers of the matrix
        self.floats = (ctypes.c_float * 11)()
        at = ctypes.addressof(self.floats)
        self.box_at, self.size_at, self.matrix_at = (at, at + 4, at + 8, at + 12), at + 16, \
            at + 20
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.fill_colour = tuple(ctypes.c_uint() for _ in range(4))
        self.segments_left = PAGE_SEGMENTS  # path segments still to walk on this page
        self.resize(4096)
        self.page_text = TextBuffer()
        self.bold_by_font: dict[int | None, bool] = {}

    def resize(self, chars: int) -> None:
        self.capacity = chars
        self.buffer = ctypes.create_string_buffer(chars * 2 + 2)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_count_objects = typed(pdfium_c.FPDFPage_CountObjects, _INT, _VP)
_get_object = typed(pdfium_c.FPDFPage_GetObject, _VP, _VP, _INT)
_count_form_objects = typed(pdfium_c.FPDFFormObj_CountObjects, _INT, _VP)
_get_form_object = typed(pdfium_c.FPDFFormObj_GetObject, _VP, _VP, ctypes.c_ulong)
_get_type = typed(pdfium_c.FPDFPageObj_GetType, _INT, _VP)
_get_text = typed(pdfium_c.FPDFTextObj_GetText, ctypes.c_ulong, _VP, _VP, _VP,
                  ctypes.c_ulong)
_get_bounds = typed(pdfium_c.FPDFPageObj_GetBounds, _INT, _VP, _VP, _VP, _VP, _VP)
_get_size = typed(pdfium_c.FPDFTextObj_GetFontSize, _INT, _VP, _VP)
_get_matrix = typed(pdfium_c.FPDFPageObj_GetMatrix, _INT, _VP, _VP)
_get_font = typed(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_UINT_P = ctypes.POINTER(ctypes.c_uint)
_get_fill_colour = typed(pdfium_c.FPDFPageObj_GetFillColor, _INT, _VP, _UINT_P, _UINT_P, _UINT_P,
                         _UINT_P)
_get_draw_mode = typed(pdfium_c.FPDFPath_GetDrawMode, _INT, _VP, ctypes.POINTER(_INT),
                       ctypes.POINTER(_INT))
_string_at = ctypes.string_at


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def page_content(page: pdfium.PdfPage, number: int, scratch: _Scratch) -> PageContent:
    """Every text run and ruling line on one page, as the page is shown.

    A page shown turned (``/Rotate``, as landscape appendices often are when packs are
    assembled) is read as displayed, and a page whose box does not start at the origin
    is measured from its box. A page with no upright text but sideways text (a landscape
    table drawn onto a portrait page) is read turned the way its text runs.
    """
    width, height = page.get_size()
    quarter_turns = (page.get_rotation() // 90) % 4
    box = page.get_bbox()
    scratch.segments_left = PAGE_SEGMENTS
    textpage = page.get_textpage()
    try:
        tp = _address(textpage.raw)
        page_handle = _address(page.raw)
        count = _count_objects(page_handle)
        if count > MAX_PAGE_OBJECTS:
            raise TooComplex(f"page {number} draws {count} objects; the limit is "
                             f"{MAX_PAGE_OBJECTS}")
        objects = [_get_object(page_handle, i) for i in range(count)]
        source = _TextSource(tp, object_texts(tp, scratch.page_text, _fixed))
        content = _read_turned(objects, source, scratch, number, (width, height),
                               quarter_turns, box)
        if not content.runs and content.turned:
            # sideways text only: turn the page so that it reads left to right
            turn = 1 if content.turned > 0 else 3
            content = _read_turned(objects, source, scratch, number, (height, width),
                                   quarter_turns + turn, box)
    finally:
        textpage.close()
    return content


def _read_turned(objects: list[int], source: _TextSource, s: _Scratch, number: int,
                 size: tuple[float, float], quarter_turns: int,
                 box: tuple[float, float, float, float]) -> PageContent:
    """The page's content shown ``size`` (width, height) after ``quarter_turns``."""
    content = PageContent(number=number, width=size[0], height=size[1])
    _walk(objects, source, content, s, display_matrix(quarter_turns, box))
    return content


class _TextSource:
    """An object's text: sliced from the page text when that worked, else from pdfium."""

    __slots__ = ("textpage", "texts")

    def __init__(self, textpage: int, texts: dict[int, str] | None) -> None:
        self.textpage, self.texts = textpage, texts

    def text(self, obj: int, s: _Scratch) -> str:
        """The object's text with ``_CHAR_FIXES`` applied."""
        if self.texts is not None:
            return self.texts.get(obj, "")
        n = _get_text(obj, self.textpage, ctypes.addressof(s.buffer), len(s.buffer))
        if n > len(s.buffer):  # pdfium writes nothing when the buffer is too small
            s.resize(n)
            n = _get_text(obj, self.textpage, ctypes.addressof(s.buffer), len(s.buffer))
        if n <= 2:
            return ""
        return _fixed(_string_at(s.buffer, n - 2).decode("utf-16-le", "replace"))


def _walk(objects: list[int], source: _TextSource, content: PageContent, s: _Scratch,
          outer: Matrix | None) -> None:
    top_of_page = content.height
    texts, runs, get_type = source.texts, content.runs, _get_type
    for obj in objects:
        if not obj:
            continue
        text = texts.get(obj) if texts is not None else None
        if text:  # a text object with text: no need to ask its type
            if not text.isspace():
                run = _text_run(obj, text, s, top_of_page, outer, content)
                if run is not None:
                    runs.append(run)
            continue
        kind = get_type(obj)
        if kind == _TEXT:
            text = "" if texts is not None else source.text(obj, s)
            if text and not text.isspace():
                run = _text_run(obj, text, s, top_of_page, outer, content)
                if run is not None:
                    runs.append(run)
        elif kind == _PATH:
            content.rules += _rules(obj, s, top_of_page, outer)
        elif kind == _IMAGE:
            content.images += 1
        elif kind == _FORM:
            form = _matrix(obj, s)
            inner = [_get_form_object(obj, i) for i in range(_count_form_objects(obj))]
            _walk(inner, source, content, s, compose(form, outer) if outer else form)


def _matrix(obj: int, s: _Scratch) -> Matrix:
    _get_matrix(obj, s.matrix_at)
    a, b, c, d, e, f = s.floats[5:11]
    return a, b, c, d, e, f


def _bounds(obj: int, s: _Scratch, top_of_page: float,
            outer: Matrix | None) -> tuple[float, float, float, float] | None:
    if not _get_bounds(obj, *s.box_at):
        return None
    x0, y0, x1, y1 = s.floats[0:4]
    if outer is not None:
        (x0, y0), (x1, y1) = apply(outer, x0, y0), apply(outer, x1, y1)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return x0, top_of_page - y1, x1, top_of_page - y0


def _text_run(obj: int, text: str, s: _Scratch, top_of_page: float,
              outer: Matrix | None, content: PageContent) -> Run | None:
    """One text object as a Run; the hot loop of the reader, so calls are kept few and
    the out-parameters are read back in one slice."""
    box_at = s.box_at
    if not _get_bounds(obj, box_at[0], box_at[1], box_at[2], box_at[3]):
        return None
    _get_size(obj, s.size_at)
    _get_matrix(obj, s.matrix_at)
    left, low, right, high, size, a, b, c, d, _, _ = s.floats
    if outer is None:
        x0, top, x1, bottom = left, top_of_page - high, right, top_of_page - low
    else:
        (x0, y0), (x1, y1) = apply(outer, left, low), apply(outer, right, high)
        x0, x1, top, bottom = min(x0, x1), max(x0, x1), top_of_page - max(y0, y1), \
            top_of_page - min(y0, y1)
        A, B, C, D = outer[:4]
        a, b, c, d = a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D
    if abs(b) > abs(a) or abs(c) > abs(d):  # rotated or vertical text: not prose
        if abs(b) > abs(a):
            content.turned += len(text) if b > 0 else -len(text)
        return None
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    font = _get_font(obj)
    bold = s.bold_by_font.get(font)
    if bold is None:
        bold = _is_bold(font, s)
    return Run(text, x0, top, x1, bottom, round(size * scale, 1), bold)


def _is_bold(font: int | None, s: _Scratch) -> bool:
    known = s.bold_by_font.get(font)
    if known is None:
        handle = ctypes.cast(font or 0, pdfium_c.FPDF_FONT)  # None: no font, a NULL handle
        size = pdfium_c.FPDFFont_GetBaseFontName(handle, None, 0)
        name = ctypes.create_string_buffer(max(size, 1))
        pdfium_c.FPDFFont_GetBaseFontName(handle, name, size)
        lowered = name.value.decode("latin-1").lower()
        known = (any(w in lowered for w in _BOLD_WORDS)
                 or pdfium_c.FPDFFont_GetWeight(handle) >= 600
                 or bool(pdfium_c.FPDFFont_GetFlags(handle) & _FORCE_BOLD))
        s.bold_by_font[font] = known
    return known


def _rules(obj: int, s: _Scratch, top_of_page: float, outer: Matrix | None) -> list[Rule]:
    """A path's ruling lines: the path itself when its box is a thin line, else its
    straight edges (cells drawn as rectangles, grids drawn as one path)."""
    box = _bounds(obj, s, top_of_page, outer)
    if box is None:
        return []
    x0, top, x1, bottom = box
    w, h = x1 - x0, bottom - top
    if (h <= RULE_THICKNESS and w >= 8) or (w <= RULE_THICKNESS and h >= 6):
        return [Rule(x0, top, x1, bottom)]
    if w < 8 and h < 6:
        return []  # a dot, a bullet, a glyph-sized mark
    segments = segment_count(obj)
    if segments > s.segments_left:  # a map or chart: stop walking its strokes
        return []
    s.segments_left -= segments
    own = _matrix(obj, s)
    edges = path_edges(obj, compose(own, outer) if outer else own, top_of_page,
                       _outlined(obj, s))
    return [Rule(*edge) for edge in edges]


def _outlined(obj: int, s: _Scratch) -> bool:
    """Stroked with no fill, or over a white fill: cell borders. A stroked shape filled
    with a colour is a chart's bar or a coloured panel, whose edges are not rulings."""
    _get_draw_mode(obj, s.fill_mode, s.stroke)
    if not s.stroke.value:
        return False
    if not s.fill_mode.value:
        return True
    rgba = s.fill_colour
    _get_fill_colour(obj, *rgba)
    return all(c.value >= 250 for c in rgba[:3])


def new_scratch() -> _Scratch:
    return _Scratch()
