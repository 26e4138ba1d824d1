"""Scanned pages of a PDF: each page without a usable text layer is read by OCR.

Pages are decided one by one, so a pack of typed reports with a scanned signed decision
notice keeps its text layer where it has one. Without Tesseract a PDF of scans is refused
in one line saying what to install; a mixed PDF keeps its text pages and lists the pages
it could not read in ``Layout.metadata["ocr_unread_pages"]``.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from boardpapers.model.errors import UnreadableFile
from boardpapers.readers import ocr
from boardpapers.readers.pdf_extract import PageContent


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
        bitmap = page.render(scale=ocr.OCR_DPI / 72, grayscale=True)
        try:
            image = bitmap.to_pil()
        finally:
            bitmap.close()
        done = ocr.read_image(image, content.number, ocr.OCR_DPI)
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
