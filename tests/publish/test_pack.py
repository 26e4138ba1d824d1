"""pack: the meeting's front page, membership, agenda whose page numbers are the pages
its reports start on in the PDF (read back with pypdfium2), each report; a page as PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.publish.pack import gather_pack
from boardpapers.store import Store

WESTMERE = "examples/westmere-cabinet-pack-2025-03-11.pdf"


def _pages(pdf_path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split())
                for i in range(len(pdf))]
    finally:
        pdf.close()


def test_pack_content(publish_store: Store) -> None:
    pack = gather_pack(publish_store, str(Path(WESTMERE).resolve()))
    assert pack.body == "Cabinet" and pack.date == "2025-03-11" and pack.time == "14:00"
    assert [i.number for i in pack.items] == ["1", "2", "3", "4", "5", "6", "7"]
    linked = {i.number: i.anchor for i in pack.items if i.anchor}
    assert linked == {"4": "report-1", "5": "report-2"}
    assert pack.reports[0].title == "Household Support Fund 2025/26"
    assert pack.reports[0].recommendations and pack.reports[0].paragraphs
    assert any("Margaret Ellison (chair" in m for _, members in pack.groups for m in members)


def test_agenda_page_numbers_are_right(publish_db: Path, tmp_path: Path,
                                       artifacts: Path) -> None:
    out = tmp_path / "pack.pdf"
    result = CliRunner().invoke(app, ["--db", str(publish_db), "pack", WESTMERE,
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = _pages(out)
    assert "Cabinet" in pages[0] and "Westmere County Council" in pages[0]
    assert "Tuesday 11 March 2025, 14:00" in pages[0]
    assert pages[1].startswith("Membership")
    agenda = next(p for p in pages if p.startswith("Agenda"))
    for title in ("Household Support Fund 2025/26",
                  "Bus Service Improvement Plan: funding allocation"):
        m = re.search(re.escape(title) + r" (\d+)", agenda)
        assert m, (title, agenda)
        page = int(m.group(1))
        assert pages[page - 1].startswith("Agenda item"), (title, page)
        assert title in pages[page - 1]
        assert title not in pages[page - 2] or pages[page - 2].startswith("Agenda ")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "3", "-l", "3", str(out),
                        str(artifacts / "pack-agenda")], check=True)
        assert sorted(artifacts.glob("pack-agenda*.png"))


def test_html_pack_links_reports(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "pack", WESTMERE,
                                      "--format", "html"])
    assert result.exit_code == 0, result.output
    assert '<a class="pageref" href="#report-1">' in result.stdout
    assert 'id="report-2"' in result.stdout


def test_a_paper_without_a_meeting(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "pack",
                                      "examples/northmoor-weekly-policy-brief-2025-06-13.md",
                                      "--format", "html"])
    assert result.exit_code == 1 and "no meeting was found" in result.output
