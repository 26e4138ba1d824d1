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

from boardpapers.model.errors import UnreadableFile
from boardpapers.readers.first_bytes import OLE_MAGIC

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_FROM = 1024 * 1024  # small members compress well legitimately
MAX_MEMBERS = 10_000
MAX_DOCUMENT_XML = 64 * 1024 * 1024  # the body's XML; a 2,000-page report is about 20 MB
INFLATE_CHUNK = 1024 * 1024
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
            encrypted = [i.filename for i in infos if i.flag_bits & 0x1]
            if encrypted:
                raise UnreadableFile(path, f"the Word package is encrypted ({len(encrypted)} "
                                     f"zip members, e.g. {encrypted[0]!r}): remove the "
                                     "password in Word")
            names = {i.filename for i in infos}
            main = main_document_name(zf, names)
            if main not in names:
                raise UnreadableFile(path, f"zip without {MAIN_DOCUMENT}: not a Word "
                                     "document (perhaps another Office format renamed)")
            if zf.getinfo(main).file_size > MAX_DOCUMENT_XML:
                raise UnreadableFile(path, f"too complex: {main} is "
                                     f"{zf.getinfo(main).file_size // (1024 * 1024)} MB, over "
                                     f"the {MAX_DOCUMENT_XML // (1024 * 1024)} MB limit")
            check_inflated(zf, infos, path)
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(path, f"corrupt .docx: the zip package is damaged ({exc})") \
            from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error,
            RuntimeError) as exc:
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


def check_inflated(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str) -> None:
    """Inflate every member a chunk at a time, stopping as soon as one gives more than its
    declared size: a zip that under-declares a member (to pass ``check_sizes``) is caught
    after one chunk over, never inflated whole (python-docx reads members in one call)."""
    for info in infos:
        if info.is_dir():
            continue
        total = 0
        with zf.open(info) as member:
            while chunk := member.read(INFLATE_CHUNK):
                total += len(chunk)
                if total > info.file_size:
                    raise UnreadableFile(path, f"zip member {info.filename!r} inflates past "
                                         f"its declared {info.file_size} bytes: refusing a "
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
