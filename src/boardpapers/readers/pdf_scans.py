"""Scanned pages of a PDF: each page without a usable text layer is read by OCR.

Pages are decided one by one, so a pack of typed reports with a scanned signed decision
notice keeps its text layer where it has one. Without Tesseract a PDF of scans is refused
in one line saying what to install; a mixed PDF keeps its text pages and lists the pages
it could not read in ``Layout.metadata["ocr_unread_pages"]``.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from boardpapers.model.errors import UnreadableFile
from boardpapers.readers import ocr
from boardpapers.readers.pdf_extract import PageContent

NATIVE_DPI_FLOOR = 150  # a scan this fine or finer (up to OCR_DPI) is read at its own resolution


def render_dpi(page: pdfium.PdfPage) -> float:
    """The resolution to read a scanned page at: its biggest image's own, when that lies
    between ``NATIVE_DPI_FLOOR`` and ``ocr.OCR_DPI`` (resampling a 200 dpi scan to 300
    made tesseract's character errors four times as many, bench/bench_ocr.py), else
    ``ocr.OCR_DPI`` (coarser scans are enlarged, finer ones reduced)."""
    best, native = 0.0, 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            left, bottom, right, top = obj.get_bounds()
            meta = obj.get_metadata()
        except pdfium.PdfiumError:
            continue
        area = (right - left) * (top - bottom)
        if area > best:
            best, native = area, float(meta.horizontal_dpi)
    return native if NATIVE_DPI_FLOOR <= native <= ocr.OCR_DPI else float(ocr.OCR_DPI)


class Scans:
    """The OCR side of reading one PDF: which pages were OCR'd, how surely, which not."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.read_pages: list[tuple[int, float]] = []
        self.unread: list[int] = []
        self.missing: str = ""

    def read(self, page: pdfium.PdfPage, content: PageContent) -> PageContent:
        """The page's content: its text layer, or what OCR reads of its image."""
        if not ocr.needs_ocr(content):
            return content
        if self.missing:
            self.unread.append(content.number)
            return content
        try:
            ocr.check_available(self.path)
        except UnreadableFile as exc:
            self.missing = exc.reason
            self.unread.append(content.number)
            return content
        dpi = render_dpi(page)
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            image = bitmap.to_pil()
        finally:
            bitmap.close()
        done = ocr.read_image(image, content.number, dpi)
        self.read_pages.append((content.number, done.confidence))
        return done.content

    @property
    def confidence(self) -> tuple[tuple[int, float], ...]:
        return tuple(self.read_pages)

    def check_unread(self) -> None:
        """When no page gave text: say why if scans were the reason."""
        if self.missing:
            raise UnreadableFile(self.path, self.missing)
        if self.read_pages:
            raise UnreadableFile(self.path, "scanned pages hold no readable text (OCR "
                                 f"confidence under {ocr.MIN_PAGE_CONFIDENCE:g})")

    def metadata(self) -> dict[str, str]:
        if not self.unread:
            return {}
        return {"ocr_unread_pages": ", ".join(map(str, self.unread))}
