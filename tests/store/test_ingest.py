"""Batch ingest: bad files get one clear reason each and never stop the batch."""

import io
import zipfile
from pathlib import Path

import pytest

from boardpapers.pipeline import ingest
from boardpapers.store import open_store

GOOD = ("Budget Monitoring Quarter 2\n\nPurpose of report\nFor information.\n\nSummary\n"
        "Spend is on track.\n")


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "papers"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "good2.md").write_text("# Minutes\n\nPresent: Cllr A Jones\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    (d / "random.docx").write_bytes(bytes(range(256)) * 8)
    (d / "picture.gif").write_bytes(b"GIF89a")  # not a paper: skipped inside a folder
    return d


def test_batch_with_bad_files(store_url, batch):
    store = open_store(store_url("b"))
    summary = ingest([batch], store)
    assert summary.count("ingested") == 2
    reasons = {Path(o.path).name: o.reason for o in summary.failed}
    assert set(reasons) == {"empty.txt", "corrupt.pdf", "random.docx"}
    assert "empty" in reasons["empty.txt"]
    assert all(r and "Traceback" not in r for r in reasons.values())
    again = ingest([batch], store)
    assert again.count("ingested") == 0 and again.count("present") == 2


def test_explicit_unsupported_and_missing_files(store_url, batch):
    store = open_store(store_url("b"))
    summary = ingest([batch / "picture.gif", batch / "gone.pdf", batch / "good.txt"], store)
    reasons = {Path(o.path).name: o.reason for o in summary.failed}
    assert "unsupported" in reasons["picture.gif"]
    assert "not found" in reasons["gone.pdf"]
    assert summary.count("ingested") == 1


def test_file_vanishing_mid_batch(store_url, batch, monkeypatch):
    from boardpapers import pipeline
    store = open_store(store_url("b"))
    real = pipeline.process_safely

    def vanish_then_process(path, fmt=None):
        if path.endswith("good.txt"):
            Path(path).unlink()
        return real(path, fmt)

    monkeypatch.setattr(pipeline, "process_safely", vanish_then_process)
    summary = ingest([batch / "good.txt", batch / "sub" / "good2.md"], store)
    assert [Path(o.path).name for o in summary.failed] == ["good.txt"]
    assert "not found" in summary.failed[0].reason
    assert summary.count("ingested") == 1


def test_parallel_workers_give_the_same_result(store_url, batch):
    one = ingest([batch], open_store(store_url("one")), workers=1)
    two = ingest([batch], open_store(store_url("two")), workers=2)
    assert sorted((Path(o.path).name, o.status) for o in one.outcomes) == \
        sorted((Path(o.path).name, o.status) for o in two.outcomes)


def test_zip_bomb_disguised_as_docx(tmp_path):
    bomb = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(chunk)
    bomb.write_bytes(buf.getvalue())
    summary = ingest([bomb], open_store(f"sqlite:///{tmp_path / 'z.db'}"))
    assert summary.count("failed") == 1
    assert "bomb" in summary.failed[0].reason or "expands" in summary.failed[0].reason
