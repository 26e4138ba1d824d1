"""Check a DOCX package before anything decompresses it.

A .docx is a zip. Before python-docx inflates a single member this module refuses, with a
reason a user can act on: legacy or password-protected Word files (an OLE compound file,
which is what Word writes when it encrypts a .docx), bytes that are not a zip at all, zips
that are not Word documents, encrypted zip members, and zip bombs (judged from the sizes
the zip's directory declares, before decompressing).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from boardpapers.errors import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_FROM = 1024 * 1024  # small members compress well legitimately
MAX_MEMBERS = 10_000
MAIN_DOCUMENT = "word/document.xml"

_OFFICE_DOCUMENT_REL = re.compile(
    rb'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"|'
    rb'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"')


def check_docx_package(data: bytes, path: str) -> None:
    """Raise UnreadableFile unless ``data`` looks like a safe, readable .docx package."""
    if data.startswith(OLE_MAGIC):
        raise UnreadableFile(path, "password-protected or legacy .doc (an OLE compound "
                             "file, not a .docx package): remove the password or save it "
                             "as .docx in Word")
    if not data.startswith(b"PK"):
        raise UnreadableFile(path, "not a .docx: the file is not a zip package "
                             "(random or corrupt bytes, or another format renamed .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            check_sizes(infos, path)
            names = {i.filename for i in infos}
            main = main_document_name(zf, names)
            if main not in names:
                raise UnreadableFile(path, f"zip without {MAIN_DOCUMENT}: not a Word "
                                     "document (perhaps another Office format renamed)")
            if zf.getinfo(main).flag_bits & 0x1:
                raise UnreadableFile(path, "the Word document inside the zip is encrypted")
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(path, f"corrupt .docx: the zip package is damaged ({exc})") \
            from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error) as exc:
        raise UnreadableFile(path, f"corrupt .docx: cannot open the zip package ({exc})") \
            from None


def check_sizes(infos: list[zipfile.ZipInfo], path: str) -> None:
    """Refuse a zip bomb from the sizes the zip declares, before inflating anything."""
    if len(infos) > MAX_MEMBERS:
        raise UnreadableFile(path, f"zip with {len(infos)} members: refusing a suspected "
                             "zip bomb")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableFile(path, f"zip would expand to {total // (1024 * 1024)} MB, over "
                             f"the {MAX_UNCOMPRESSED // (1024 * 1024)} MB limit: refusing a "
                             "suspected zip bomb")
    for info in infos:
        if info.file_size < RATIO_CHECK_FROM:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO:
            raise UnreadableFile(path, f"zip member {info.filename!r} compresses "
                                 f"{ratio:.0f} to 1 (limit {MAX_RATIO}): refusing a "
                                 "suspected zip bomb")


def main_document_name(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The main document part named by ``_rels/.rels`` (almost always word/document.xml)."""
    if "_rels/.rels" not in names or zf.getinfo("_rels/.rels").file_size > 1024 * 1024:
        return MAIN_DOCUMENT
    match = _OFFICE_DOCUMENT_REL.search(zf.read("_rels/.rels"))
    if match is None:
        return MAIN_DOCUMENT
    target = (match.group(1) or match.group(2)).decode("utf-8", "replace")
    return target if target in names else MAIN_DOCUMENT
