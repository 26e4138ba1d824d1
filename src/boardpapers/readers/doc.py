"""Legacy Word (.doc, Word 97-2003) reader, through a converter installed on the system.

Many councils' older papers and letters are binary Word files. Their format is not worth
parsing here when Debian's ``antiword`` (maintained, small, fast) turns one into text with
each paragraph on a line and each table row as ``|cell|cell|``; that text is laid out by
the text reader, with table rows turned into tab-separated rows it reads as tables.
Where antiword is missing or gives up, LibreOffice (``soffice --headless``), if present,
converts the file to DOCX for the DOCX reader. With neither, the file is refused with one
line saying what to install.

A ``.doc`` that is really a DOCX (a ZIP package, as some sites serve them) goes to the DOCX
reader; a ``.docx`` that is really a Word 97 file (the OLE2 compound-file signature) comes
here, see ``readers.sniff_format``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Layout, Source
from boardpapers.readers.first_bytes import OLE_MAGIC
from boardpapers.readers.text import text_to_layout

ZIP_MAGIC = b"PK\x03\x04"
MISSING_TOOLS = ("legacy Word .doc needs antiword (Debian/Ubuntu: apt-get install antiword) "
                 "or LibreOffice (soffice) on the PATH")


@dataclass(frozen=True, slots=True)
class DocSettings:
    """How long a converter may take on one file before the file is given up on."""

    antiword_seconds: float = 60.0
    soffice_seconds: float = 180.0


SETTINGS = DocSettings()


def read_bytes(data: bytes, source: Source, settings: DocSettings = SETTINGS) -> Layout:
    if data.startswith(ZIP_MAGIC):  # a DOCX package saved with a .doc name
        from boardpapers.readers import docx
        return docx.read_bytes(data, replace(source, format="docx"))
    if not data.startswith(OLE_MAGIC):
        raise UnreadableFile(source.path, "not a Word 97-2003 document (no OLE2 signature)")
    antiword, soffice = shutil.which("antiword"), soffice_path()
    if antiword is None and soffice is None:
        raise UnreadableFile(source.path, MISSING_TOOLS)
    with tempfile.TemporaryDirectory(prefix="boardpapers-doc-") as tmp:
        path = Path(tmp) / "paper.doc"
        path.write_bytes(data)
        failure = ""
        if antiword is not None:
            text, failure = run_antiword(antiword, path, settings.antiword_seconds)
            if text is not None:
                return text_to_layout(pipe_rows_to_tabs(text), source,
                                      metadata={"converter": "antiword"})
        if soffice is not None:
            docx_bytes, failure = convert_with_soffice(soffice, path, settings.soffice_seconds)
            if docx_bytes is not None:
                from boardpapers.readers import docx
                layout = docx.read_bytes(docx_bytes, source)
                return replace(layout, metadata={**layout.metadata, "converter": "soffice"})
    raise UnreadableFile(source.path, f"cannot read as a legacy Word file (password-protected, "
                         f"or not a Word document?): {failure}")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_antiword(antiword: str, path: Path, timeout: float) -> tuple[str | None, str]:
    """The document as UTF-8 text, one paragraph a line (``-w 0``), or why not."""
    try:
        done = subprocess.run([antiword, "-w", "0", "-m", "UTF-8.txt", str(path)],
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, f"antiword took over {timeout:.0f} s"
    text = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0 or not text.strip():
        why = _first_line(done.stderr) if done.stderr.strip() else "found no text"
        return None, f"antiword: {why}"
    return text, ""


def convert_with_soffice(soffice: str, path: Path, timeout: float) -> tuple[bytes | None, str]:
    """The document converted to DOCX by LibreOffice headless, or why not. A private
    profile directory keeps it from colliding with a LibreOffice the user has open."""
    out = path.parent / "out"
    profile = (path.parent / "profile").as_uri()
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "docx", "--outdir", str(out), str(path)],
                       capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, f"LibreOffice took over {timeout:.0f} s"
    converted = out / "paper.docx"
    if not converted.exists():
        return None, "LibreOffice could not convert it"
    return converted.read_bytes(), ""


def _first_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", errors="replace").splitlines()]
    return next((ln for ln in lines if ln), "failed")


def pipe_rows_to_tabs(text: str) -> str:
    """antiword draws a table row as ``|Item   |Payee   |£450.00   |``: tab-separated
    cells (the text reader's table rows), each cell's padding removed."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            out.append("\t".join(cell.strip() for cell in stripped[1:-1].split("|")))
        else:
            out.append(line)
    return "\n".join(out)
