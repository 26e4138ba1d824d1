"""Legacy Word .doc reader: a Word 97 file made in the test (python-docx, then LibreOffice
``--convert-to doc``), read through antiword and through the LibreOffice fallback, and one
clear line when neither converter is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import BlockKind, Layout
from boardpapers.pipeline import process
from boardpapers.readers import doc as doc_reader
from boardpapers.readers.doc import MISSING_TOOLS, pipe_rows_to_tabs

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is needed to make a .doc")
needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None,
                                    reason="antiword is not installed (apt-get install antiword)")


def _agenda_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Hollowmere Parish Council", 0)
    d.add_paragraph("You are summoned to a meeting of the Parish Council to be held in the "
                    "Reading Room on Tuesday 4 March 2003 at 7.30 pm.")
    d.add_paragraph("AGENDA")
    for n, title in enumerate(["Apologies for absence", "Minutes of the last meeting",
                               "Playing field mower"], start=1):
        d.add_paragraph(f"{n}. {title}")
    table = d.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Payee", "Purpose", "Amount"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["A. Verge", "Grass cutting", "£450.00"],
                          strict=True):
        cell.text = text
    d.add_paragraph("Clerk: Morwenna Tills, clerk@hollowmere.example.org.uk")
    d.save(str(path))


@pytest.fixture(scope="module")
def word97(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is needed to make a .doc")
    folder = tmp_path_factory.mktemp("doc")
    source = folder / "agenda.docx"
    _agenda_docx(source)
    profile = (folder / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "doc", "--outdir", str(folder), str(source)],
                   capture_output=True, timeout=180, check=True)
    made = folder / "agenda.doc"
    assert made.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    return made


def _texts(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks]


def _assert_agenda(layout: Layout) -> None:
    texts = _texts(layout)
    assert "Hollowmere Parish Council" in texts
    joined = "\n".join(texts)
    assert "Tuesday 4 March 2003 at 7.30 pm" in joined
    assert "Playing field mower" in joined
    tables = [b for b in layout.blocks if b.kind is BlockKind.TABLE]
    assert tables and tables[0].rows[0] == ("Payee", "Purpose", "Amount")
    assert tables[0].rows[1] == ("A. Verge", "Grass cutting", "£450.00")


@needs_antiword
def test_doc_read_through_antiword(word97: Path) -> None:
    layout = readers.read(word97)
    assert layout.source.format == "doc"
    assert layout.metadata["converter"] == "antiword"
    _assert_agenda(layout)


@needs_antiword
def test_doc_paper_has_its_meeting_and_money(word97: Path) -> None:
    paper = process(word97)
    assert paper.meeting is not None and paper.meeting.date == "2003-03-04"
    assert [i.title for i in paper.meeting.items] == [
        "Apologies for absence", "Minutes of the last meeting", "Playing field mower"]
    assert [m.text for m in paper.facts.money] == ["£450.00"]


@needs_soffice
def test_libreoffice_reads_it_where_antiword_is_missing(
        word97: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(doc_reader.shutil, "which",
                        lambda name: None if name == "antiword" else real_which(name))
    layout = readers.read(word97)
    assert layout.metadata["converter"] == "soffice"
    _assert_agenda(layout)


def test_without_any_converter_one_line_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "letter.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(UnreadableFile) as info:
        readers.read(path)
    assert str(info.value) == f"{path}: {MISSING_TOOLS}"
    assert "apt-get install antiword" in str(info.value) and "\n" not in str(info.value)


@needs_antiword
def test_corrupt_ole_file_is_one_clear_line(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    real_which = shutil.which
    monkeypatch.setattr(doc_reader.shutil, "which",
                        lambda name: None if name != "antiword" else real_which(name))
    with pytest.raises(UnreadableFile) as info:
        readers.read(path)
    assert info.value.reason.startswith("cannot read as a legacy Word file")
    assert "antiword" in info.value.reason and "\n" not in info.value.reason


def test_text_file_named_doc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.doc"
    path.write_text("Minutes of the meeting\n")
    with pytest.raises(UnreadableFile) as info:
        readers.read(path)
    assert info.value.reason == "not a Word 97-2003 document (no OLE2 signature)"


def test_docx_package_named_doc_goes_to_the_docx_reader(tmp_path: Path) -> None:
    path = tmp_path / "agenda.doc"
    _agenda_docx(tmp_path / "agenda.docx")
    path.write_bytes((tmp_path / "agenda.docx").read_bytes())
    layout = readers.read(path)
    assert layout.source.format == "docx"
    _assert_agenda(layout)


@needs_antiword
def test_word97_file_named_docx_is_sniffed_as_doc(word97: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "agenda.docx"
    renamed.write_bytes(word97.read_bytes())
    layout = readers.read(renamed)
    assert layout.source.format == "doc"
    _assert_agenda(layout)


def test_pipe_rows_become_tab_rows() -> None:
    text = "Payments\n|Payee    |Amount   |\n|A. Verge |£450.00  |\n|x|\nplain | text"
    assert pipe_rows_to_tabs(text) == (
        "Payments\nPayee\tAmount\nA. Verge\t£450.00\nx\nplain | text")
