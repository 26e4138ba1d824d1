"""A scanned paper, once stored, says which of its text came from OCR and how surely:
in ``show``, on its web page and in its JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from boardpapers.readers import ocr
from boardpapers.show import paper_lines
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings
from tests.readers.test_ocr import report_top
from tests.web.conftest import ingest_one

pytestmark = pytest.mark.skipif(ocr.tessdata_dir() is None, reason=ocr.INSTALL_HINT)


def test_a_scanned_paper_shows_its_ocr_pages(tmp_path: Path) -> None:
    top = report_top()
    scan = tmp_path / "northfield-scan.png"
    top.crop((0, 0, top.width, top.height // 2)).save(scan, dpi=(200, 200))
    store, doc, db = ingest_one(scan, tmp_path)
    source = doc["paper"]["source"]
    assert source["ocr"] is True and source["format"] == "image"
    confidence = source["ocr_confidence"]["1"]
    assert confidence >= 80
    assert f"read by OCR[/yellow] (confidence p. 1 {confidence:.0f}%)" in "\n".join(
        paper_lines(doc))
    settings = WebSettings(db=f"sqlite:///{db}", data_dir=tmp_path / "data")
    with TestClient(create_app(settings, store)) as client:
        html = client.get(f"/papers/{doc['id']}").text
    assert "OCR, 1 page" in html
    assert f"read by OCR, confidence {confidence:.0f}%" in html
    assert "Northfield District Council" in html
