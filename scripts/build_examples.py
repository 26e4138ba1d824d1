"""Render the example papers in examples/ from the sources in scripts/example_sources/.

Each source is a small Markdown dialect with a front-matter block naming its outputs:

    ---
    outputs: docx, pdf          # which formats to write (md, txt copy the source as is)
    header: Westmere County Council — Cabinet
    footer: Cabinet 11 March 2025
    ---

Body syntax: ``#``..``###`` headings; ``**Label:** text`` bold labels; lines starting with
``- `` bullets; ``a) ``/``1. ``/``2.1 `` typed markers kept as written (councils type them);
``| a | b |`` table rows (the first row bold); ``<<<pagebreak>>>``; blank lines between
paragraphs. DOCX is written with python-docx (header and footer with a page-number field,
so the PDF carries real running furniture); PDF is rendered from that DOCX by LibreOffice
(``soffice``), which the product itself never needs. Run: ``make examples``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "example_sources"
OUT = ROOT / "examples"

_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
_BOLD_LABEL = re.compile(r"^\*\*(.+?)\*\*\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, body


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    """Append a PAGE field, so each rendered page prints its own number."""
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        run._r.append(el)


def _add_runs(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Text with **bold** spans as runs."""
    for i, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1


def build_docx(meta: dict[str, str], body: str, target: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    if meta.get("header"):
        section.header.paragraphs[0].text = meta["header"]
    if meta.get("footer"):
        footer = section.footer.paragraphs[0]
        footer.text = meta["footer"] + "    Page "
        _page_field(footer)
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = doc.add_table(rows=len(table_rows), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(table_rows):
            for c, value in enumerate(cells):
                cell = table.cell(r, c)
                cell.text = value
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        table_rows.clear()

    for block in re.split(r"\n\s*\n", body.strip()):
        lines = block.splitlines()
        if all(_TABLE_ROW.match(line) for line in lines):
            table_rows.extend([c.strip() for c in _TABLE_ROW.match(line).group(1).split("|")]
                              for line in lines)
            flush_table()
            continue
        for line in lines:
            line = line.rstrip()
            if line == "<<<pagebreak>>>":
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif line.startswith("#"):
                level = len(line) - len(line.lstrip("#"))
                doc.add_heading(line.lstrip("#").strip(), level=min(level, 3))
            elif line.startswith("- "):
                _add_runs(doc.add_paragraph(style="List Bullet"), line[2:])
            elif m := _BOLD_LABEL.match(line):
                p = doc.add_paragraph()
                p.add_run(m.group(1)).bold = True
                if m.group(2):
                    p.add_run(" " + m.group(2))
            else:
                _add_runs(doc.add_paragraph(), line)
    doc.save(target)


def render_pdf(docx_path: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) is needed to render PDF examples: "
                 "apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp,
                        str(docx_path)], check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(tmp) / (docx_path.stem + ".pdf")), target)


def build(source: Path) -> list[Path]:
    meta, body = split_front_matter(source.read_text(encoding="utf-8"))
    name = source.name.removesuffix(".src.md")
    outputs = [o.strip() for o in meta.get("outputs", "md").split(",")]
    written = []
    for fmt in outputs:
        target = OUT / f"{name}.{fmt}"
        if fmt in ("md", "txt", "html"):
            encoding = meta.get("encoding", "utf-8")
            target.write_bytes(body.lstrip().encode(encoding))
        elif fmt == "docx":
            build_docx(meta, body, target)
        elif fmt == "pdf":
            with tempfile.TemporaryDirectory() as tmp:
                docx_path = Path(tmp) / f"{name}.docx"
                build_docx(meta, body, docx_path)
                render_pdf(docx_path, target)
        written.append(target)
    return written


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for source in sorted(SOURCES.glob("*.src.md")):
        for path in build(source):
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
