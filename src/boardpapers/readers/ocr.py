"""OCR: a page image to the same ``PageContent`` the PDF reader lays out.

Tesseract, called in-process through tesserocr, reads each page; its words become
``Run``s (boxes in points, font size from tesseract's per-line point size, boldness from
stroke width) and the page's ruling lines are found in the image (``ocr_rules``), so the
PDF reader's stages make lines, headings by size, tables and page numbers from them
exactly as from a text layer. Why tesserocr over ocrmypdf, pytesseract and rapidocr, as
measured: docs/ocr.md.

Each page is first straightened: tesseract's layout analysis on a reduced copy gives the
skew, which is rotated out; a page that reads badly upright is checked for a quarter
turn (tesseract's orientation detection) and read turned when that reads better. A page
whose words average under ``MIN_PAGE_CONFIDENCE`` is noise (a smudge, a photograph, a
blank page with specks) and yields no runs rather than garbage facts.
"""

from __future__ import annotations

import math
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from boardpapers.model.errors import UnreadableFile
from boardpapers.readers.ocr_rules import dark_pixels, ruling_lines, stroke_widths
from boardpapers.readers.pdf_extract import PageContent, Run

LANGUAGES = "eng+cym"  # English and Welsh, the languages of the papers
OCR_DPI = 300  # a PDF page without text is rendered at this resolution for OCR
ASSUMED_IMAGE_DPI = 300  # an image file that does not say its resolution
MIN_PAGE_CONFIDENCE = 55.0  # tesseract's mean word confidence (0-100) below which a page is noise
MIN_WORD_CONFIDENCE = 20.0  # a word read with less is a speck or a smudge, not text
TEXT_LAYER_MIN_CHARS = 20  # a PDF page with an image and fewer text characters than this is OCR'd
SKEW_TOLERANCE_DEGREES = 0.15  # a smaller skew is left as it is
ORIENTATION_CHECK_BELOW = 80.0  # an upright reading this poor is tried a quarter turn round
LAYOUT_REDUCTION = 3  # the skew is measured on a copy this many times smaller (fast)
BOLD_STROKE_RATIO = 1.25  # a word's strokes this much thicker than the page's usual is bold
BOLD_LINE_SHARE = 0.7  # a line this much of whose letters look bold is bold throughout
SIZE_SNAP_POINTS = 1.0  # tesseract's whole-point sizes this close to the page's usual are it
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata",
                 "/opt/homebrew/share/tessdata")
INSTALL_HINT = ("OCR needs Tesseract with English and Welsh: apt-get install tesseract-ocr "
                "tesseract-ocr-eng tesseract-ocr-cym (and pip install tesserocr)")
_POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page read by OCR: its content as the PDF stages take it, and how sure
    tesseract was (mean word confidence, 0-100; 0 for a page of noise)."""

    content: PageContent
    confidence: float


class OcrUnavailable(Exception):
    """Tesseract or its language data is not installed; the message says what to install."""


def needs_ocr(content: PageContent) -> bool:
    """A PDF page whose text layer is missing or a stray word over a scanned image."""
    return content.images > 0 and sum(len(r.text) for r in content.runs) < TEXT_LAYER_MIN_CHARS


def tessdata_dir() -> str | None:
    """Where tesseract's language data is: ``TESSDATA_PREFIX``, else the usual places."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    candidates = ([prefix, str(Path(prefix) / "tessdata")] if prefix else []) + \
        list(TESSDATA_DIRS)
    for folder in candidates:
        if all((Path(folder) / f"{lang}.traineddata").is_file()
               for lang in LANGUAGES.split("+")):
            return folder
    return None


class _Engine:
    """One tesseract for reading, one for orientation, loaded once per process (loading
    the English and Welsh models takes a few tenths of a second); a lock, because a
    tesseract handle reads one image at a time."""

    def __init__(self) -> None:
        try:
            import tesserocr
        except ImportError as exc:
            raise OcrUnavailable(INSTALL_HINT) from exc
        folder = tessdata_dir()
        if folder is None:
            raise OcrUnavailable(INSTALL_HINT)
        self.api = tesserocr.PyTessBaseAPI(path=folder, lang=LANGUAGES,
                                           psm=tesserocr.PSM.AUTO)
        self.osd = (tesserocr.PyTessBaseAPI(path=folder, lang="osd",
                                            psm=tesserocr.PSM.OSD_ONLY)
                    if (Path(folder) / "osd.traineddata").is_file() else None)
        self.lock = threading.Lock()
        self.tesserocr = tesserocr


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # workers are processes: one thread each
    return _Engine()


def check_available(path: str) -> None:
    """Raise ``UnreadableFile`` saying what to install when OCR cannot run here."""
    try:
        _engine()
    except OcrUnavailable as exc:
        _engine.cache_clear()
        raise UnreadableFile(path, f"scanned pages need OCR; {exc}") from None


def read_image(image: Any, number: int, dpi: float) -> OcrPage:
    """OCR one page image (a Pillow image at ``dpi``) into page ``number``'s content."""
    engine = _engine()
    gray = image.convert("L")
    with engine.lock:
        gray = _straightened(engine, gray)
        words, confidence = _recognise(engine, gray, dpi)
        if confidence < ORIENTATION_CHECK_BELOW:
            turned = _turned(engine, gray)
            if turned is not None:
                again = _recognise(engine, turned, dpi)
                if again[1] > confidence:
                    gray, (words, confidence) = turned, again
    scale = _POINTS_PER_INCH / dpi
    content = PageContent(number=number, width=gray.width * scale,
                          height=gray.height * scale)
    if confidence < MIN_PAGE_CONFIDENCE:
        return OcrPage(content, 0.0)
    dark = dark_pixels(gray)
    content.runs = _runs(words, dark, scale)
    content.rules = ruling_lines(dark, scale)
    return OcrPage(content, round(confidence, 1))


def _straightened(engine: _Engine, gray: Any) -> Any:
    """The page turned by the skew tesseract's layout analysis finds on a reduced copy."""
    engine.api.SetImage(gray.reduce(LAYOUT_REDUCTION))
    layout = engine.api.AnalyseLayout()
    if layout is None:
        return gray
    angle = math.degrees(layout.Orientation()[3])
    if abs(angle) < SKEW_TOLERANCE_DEGREES:
        return gray
    return gray.rotate(angle, resample=_bicubic(), fillcolor=255)


def _turned(engine: _Engine, gray: Any) -> Any | None:
    """The page a quarter, half or three-quarter turn round when tesseract's orientation
    detection says it lies that way, else None."""
    if engine.osd is None:
        return None
    engine.osd.SetImage(gray.reduce(2))
    try:
        found = engine.osd.DetectOrientationScript()
    except RuntimeError:
        return None
    degrees = int(found.get("orient_deg") or 0) if found else 0
    return gray.rotate(degrees, expand=True, fillcolor=255) if degrees else None


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    box: tuple[int, int, int, int]  # the word's left and right, its line's top and bottom
    size: float  # points
    confidence: float
    line: int  # which of the page's lines
    paragraph: int  # which of the page's paragraphs, as tesseract groups lines


def _recognise(engine: _Engine, gray: Any, dpi: float) -> tuple[list[_Word], float]:
    """Tesseract's words (each given its line's top and bottom, so that a line's words
    share a baseline band) and their mean confidence weighted by length."""
    api, RIL = engine.api, engine.tesserocr.RIL
    api.SetImage(gray)
    api.SetSourceResolution(int(dpi))
    api.Recognize()
    words: list[_Word] = []
    line_box = (0, 0, 0, 0)
    size = 0.0
    line = paragraph = 0
    for it in _levels(engine, api.GetIterator(), RIL.WORD):
        paragraph += it.IsAtBeginningOf(RIL.PARA)
        if it.IsAtBeginningOf(RIL.TEXTLINE):
            line_box = it.BoundingBox(RIL.TEXTLINE) or line_box
            size = float((it.WordFontAttributes() or {}).get("pointsize") or 0)
            line += 1
        try:
            text = (it.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # tesserocr's way of saying the word is empty
            continue
        box = it.BoundingBox(RIL.WORD)
        if not text or box is None:
            continue
        words.append(_Word(text, (box[0], line_box[1], box[2], line_box[3]), size,
                           it.Confidence(RIL.WORD), line, paragraph))
    total = sum(len(w.text) for w in words)
    mean = sum(w.confidence * len(w.text) for w in words) / total if total else 0.0
    return words, mean


def _levels(engine: _Engine, iterator: Any, level: Any) -> Iterator[Any]:
    if iterator is None:
        return iter(())
    return engine.tesserocr.iterate_level(iterator, level)


def _runs(words: list[_Word], dark: Any, scale: float) -> list[Run]:
    """Words read surely enough as Runs in points, bold where their strokes are thick."""
    kept = [w for w in words if w.confidence >= MIN_WORD_CONFIDENCE]
    sizes = _snapped_sizes(kept, scale)
    strokes = [s / size for s, size in zip(stroke_widths(dark, [w.box for w in kept]),
                                           sizes, strict=True)]
    bold = _bold_words(kept, strokes)
    return [Run(w.text, w.box[0] * scale, w.box[1] * scale, w.box[2] * scale,
                w.box[3] * scale, size, b)
            for w, size, b in zip(kept, sizes, bold, strict=True)]


def _snapped_sizes(words: list[_Word], scale: float) -> list[float]:
    """Each word's size in points: tesseract's, or from its line's height where it gave
    none. Tesseract rounds to whole points, so one size reads as two: sizes within
    ``SIZE_SNAP_POINTS`` of the page's usual size are that size, and within a paragraph
    (a heading wrapped over lines) of the paragraph's usual size."""
    raw = [w.size or round((w.box[3] - w.box[1]) * scale / 1.2) for w in words]
    usual = _usual(raw, words)
    sizes = [usual.get(0, s) if abs(s - usual.get(0, s)) <= SIZE_SNAP_POINTS else s
             for s in raw]
    by_paragraph = _usual(sizes, words, key=lambda w: w.paragraph)
    return [by_paragraph[w.paragraph] if abs(s - by_paragraph[w.paragraph]) <=
            SIZE_SNAP_POINTS else s for w, s in zip(words, sizes, strict=True)]


def _usual(sizes: list[float], words: list[_Word],
           key: Callable[[_Word], int] = lambda w: 0) -> dict[int, float]:
    """The size carrying the most letters in each group of words (``key``)."""
    weights: dict[int, Counter[float]] = {}
    for w, size in zip(words, sizes, strict=True):
        weights.setdefault(key(w), Counter())[size] += len(w.text)
    return {k: c.most_common(1)[0][0] for k, c in weights.items()}


def _bold_words(words: list[_Word], strokes: list[float]) -> list[bool]:
    """Words whose strokes (per point of size) are ``BOLD_STROKE_RATIO`` the page's
    median; a line mostly bold is bold throughout (one word's ink can mislead)."""
    measured = sorted(s for s in strokes if s)
    if not measured:
        return [False] * len(words)
    median = measured[len(measured) // 2]
    bold = [s >= BOLD_STROKE_RATIO * median for s in strokes]
    letters, bold_letters = Counter[int](), Counter[int]()
    for w, b in zip(words, bold, strict=True):
        letters[w.line] += len(w.text)
        bold_letters[w.line] += len(w.text) if b else 0
    return [b or bold_letters[w.line] >= BOLD_LINE_SHARE * letters[w.line]
            for w, b in zip(words, bold, strict=True)]


def _bicubic() -> Any:
    from PIL import Image
    return Image.Resampling.BICUBIC
