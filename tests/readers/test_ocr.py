"""OCR of scanned pages: images and image-only PDF pages read into the same Layout as a
text layer. The scans are made here from the reader fixtures (rendered, cropped to a few
lines to keep each test to a second or two of tesseract, skewed, turned, noised)."""

from __future__ import annotations

import io
from functools import cache

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import BlockKind
from boardpapers.readers import ocr
from tests.conftest import FIXTURES

READERS = FIXTURES / "readers"
pytestmark = pytest.mark.skipif(ocr.tessdata_dir() is None, reason=ocr.INSTALL_HINT)


@cache
def report_top(dpi: int = 200) -> Image.Image:
    """The top of the committee report's first page (heading, ruled table, two headings)
    as a scanner at ``dpi`` would see it: skewed, a little blurred and noisy."""
    page = pdfium.PdfDocument(READERS / "committee_report.pdf")[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    image = image.crop((0, 0, image.width, int(image.height * 0.42)))
    image = image.rotate(1.8, resample=Image.Resampling.BICUBIC, fillcolor=255)
    noise = np.random.default_rng(3).normal(0, 10, (image.height, image.width))
    return Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8))


def png(image: Image.Image, dpi: int = 200) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def read_png(data: bytes, name: str = "scan.png"):
    return readers.read_bytes(data, readers.source_of(data, name, "image"))


def test_skewed_scan_reads_like_its_text_layer() -> None:
    lay = read_png(png(report_top()))
    assert lay.source.format == "image" and lay.source.ocr
    ((page, confidence),) = lay.source.ocr_confidence
    assert page == 1 and confidence >= 85
    heads = [b.text for b in lay.blocks if b.kind is BlockKind.HEADING]
    assert heads[:3] == ["Northfield District Council",
                         "Report to Planning and Environment Committee",
                         "Local Cycling and Walking Infrastructure Plan: Consultation Outcome"]
    (table,) = [b for b in lay.blocks if b.kind is BlockKind.TABLE]  # from the ruling
    assert table.rows[0] == ("Date of meeting:", "14 May 2025")
    assert lay.to_json()["source"]["ocr_confidence"] == {"1": confidence}


def test_a_page_on_its_side_is_read_upright() -> None:
    top = report_top()
    turned = top.crop((0, 0, top.width, top.height // 2)).rotate(90, expand=True)
    lay = read_png(png(turned))
    assert "Northfield District Council" in lay.text


def pdf_of(*names: str):
    """A PDF of the first pages of the named reader fixtures, and its Layout."""
    joined = pdfium.PdfDocument.new()
    for name in names:
        joined.import_pages(pdfium.PdfDocument(READERS / name), [0])
    out = io.BytesIO()
    joined.save(out)
    data = out.getvalue()
    return readers.read_bytes(data, readers.source_of(data, "joined.pdf"))


def test_mixed_pdf_keeps_its_text_pages() -> None:
    typed = pdf_of("agenda.pdf")
    lay = pdf_of("agenda.pdf", "bad_pdf/scanned.pdf")
    assert [p for p, _ in lay.source.ocr_confidence] == [2]
    assert [b for b in lay.blocks if b.page == 1] == list(typed.blocks)
    assert "Funding for rural bus" in " ".join(b.text for b in lay.blocks if b.page == 2)


def test_a_page_of_noise_yields_nothing() -> None:
    rng = np.random.default_rng(5)
    specks = np.where(rng.random((500, 400)) < 0.02, 0, 255).astype(np.uint8)
    with pytest.raises(UnreadableFile, match="no readable text"):
        read_png(png(Image.fromarray(specks), 300))


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TESSDATA_PREFIX", "/nonexistent")
    monkeypatch.setattr(ocr, "TESSDATA_DIRS", ())
    ocr._engine.cache_clear()
    yield
    ocr._engine.cache_clear()


def test_without_tesseract_the_reader_says_what_to_install(no_tesseract: None) -> None:
    with pytest.raises(UnreadableFile) as err:
        read_png(png(Image.new("L", (50, 50), 255)), 300)
    assert err.value.reason == f"scanned pages need OCR; {ocr.INSTALL_HINT}"
    assert "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-cym" in str(err.value)
    with pytest.raises(UnreadableFile, match="apt-get install tesseract-ocr"):
        readers.read(READERS / "bad_pdf" / "scanned.pdf")
    mixed = pdf_of("agenda.pdf", "bad_pdf/scanned.pdf")  # the text page is still read
    assert mixed.metadata["ocr_unread_pages"] == "2" and not mixed.source.ocr
