"""Image reader: a scanned page saved as PNG, JPEG or TIFF (each frame of a multi-page
TIFF a page), read by OCR into the same Layout as a PDF (``ocr``, then the PDF stages)."""

from __future__ import annotations

import io
import warnings
from dataclasses import replace

from boardpapers.model.errors import TooComplex, UnreadableFile
from boardpapers.model.layout import Layout, Source
from boardpapers.readers import ocr
from boardpapers.readers.pdf import MAX_PAGES, layout_of

MIN_STATED_DPI = 70  # a smaller stated resolution is a placeholder, not the scan's



def read_bytes(data: bytes, source: Source) -> Layout:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    ocr.check_available(source.path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise UnreadableFile(source.path, f"not an image that can be read: {exc}") from None
    pages = []
    for i, frame in enumerate(ImageSequence.Iterator(image)):
        if i >= MAX_PAGES:
            raise TooComplex(f"the image has over {MAX_PAGES} pages; the limit is {MAX_PAGES}")
        pages.append(ocr.read_image(frame, i + 1, _dpi(frame.info.get("dpi"))))
    if not any(p.content.runs for p in pages):
        raise UnreadableFile(source.path, "no readable text in the image (OCR confidence "
                             f"under {ocr.MIN_PAGE_CONFIDENCE:g})")
    confidence = tuple((p.content.number, p.confidence) for p in pages)
    return layout_of([p.content for p in pages], replace(source, ocr_confidence=confidence), {})


def _dpi(stated: object) -> float:
    """The scan's resolution as the file states it, else ``ocr.ASSUMED_IMAGE_DPI``."""
    if isinstance(stated, tuple) and stated:
        try:
            value = float(stated[0])
        except (TypeError, ValueError):
            value = 0.0
        if value >= MIN_STATED_DPI:
            return value
    return float(ocr.ASSUMED_IMAGE_DPI)
