"""Readers: one module per file format, each ``read(path) -> Layout``.

``read`` picks the reader from the file's extension (and, for ambiguous files, its first
bytes), checks the things every format shares (missing, empty, too large) and turns any
failure into an ``UnreadableFile`` naming the file and the cause.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from boardpapers.files import display_path
from boardpapers.model.errors import BoardpapersError, TooComplex, UnreadableFile, UnsupportedFormat
from boardpapers.model.layout import Layout, Source
from boardpapers.readers.docx_package import OLE_MAGIC

MAX_BYTES = 512 * 1024 * 1024

# extension -> format name; the reader module for each format is imported lazily so that
# a missing optional dependency of one format never stops the others.
FORMATS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
}


def format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(path), path.suffix.lower())
    return fmt


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS


def _reader_for(fmt: str) -> Callable[[bytes, Source], Layout]:
    if fmt == "pdf":
        from boardpapers.readers import pdf
        return pdf.read_bytes
    if fmt == "docx":
        from boardpapers.readers import docx
        return docx.read_bytes
    if fmt == "doc":
        from boardpapers.readers import doc
        return doc.read_bytes
    if fmt == "html":
        from boardpapers.readers import html
        return html.read_bytes
    from boardpapers.readers import text
    return text.read_markdown_bytes if fmt == "md" else text.read_text_bytes


FORMAT_NAMES = tuple(sorted(set(FORMATS.values())))
HTML_START = re.compile(rb"\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body)", re.I)


def forced_format(name: str) -> str:
    """A format a person named (``--format HTML``), checked."""
    fmt = name.strip().lower().lstrip(".")
    fmt = {"htm": "html", "markdown": "md", "text": "txt"}.get(fmt, fmt)
    if fmt not in FORMAT_NAMES:
        raise BoardpapersError(f"unknown format {name!r}: use one of {', '.join(FORMAT_NAMES)}")
    return fmt


def guess_format(data: bytes) -> str:
    """The format a paper's first bytes show (standard input has no extension)."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if HTML_START.match(data[:2048]):
        return "html"
    return "md" if re.search(rb"(?m)^#{1,6} \S", data[:4096]) else "txt"


def source_of(data: bytes, name: str, fmt: str | None = None) -> Source:
    """Describe bytes that came from somewhere other than a file (standard input)."""
    if not data.strip():
        raise UnreadableFile(name, "no input (empty)")
    return Source(path=name, sha256=hashlib.sha256(data).hexdigest(),
                  format=fmt or guess_format(data), size=len(data))


def read_source_bytes(path: Path, fmt: str | None = None) -> tuple[bytes, Source]:
    """Read a file's bytes once and describe it; the one place readers touch the disk.
    ``fmt`` reads it as that format whatever its extension says."""
    fmt = fmt or format_of(path)
    shown = display_path(path)
    try:
        data = _read_regular(path, shown)
    except FileNotFoundError:
        raise UnreadableFile(shown, "file not found (moved or deleted?)") from None
    except IsADirectoryError:
        raise UnreadableFile(shown, "is a directory") from None
    except PermissionError:
        raise UnreadableFile(shown, "permission denied") from None
    except OSError as exc:
        raise UnreadableFile(shown, f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise UnreadableFile(shown, "file is empty")
    source = Source(path=shown, sha256=hashlib.sha256(data).hexdigest(),
                    format=sniff_format(fmt, data), size=len(data))
    return data, source


def sniff_format(fmt: str, data: bytes) -> str:
    """The format the first bytes show where they contradict the extension: a Word 97
    file (OLE2 compound file) saved as ``.docx`` is read as the ``.doc`` it is."""
    if fmt == "docx" and data.startswith(OLE_MAGIC):
        return "doc"
    return fmt


def _read_regular(path: Path, shown: str) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES: a FIFO or device is refused
    without blocking (opened non-blocking, checked before any read)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(shown, "is not a regular file (a device, FIFO or socket): "
                                 "not read")
        if info.st_size > MAX_BYTES:
            raise UnreadableFile(shown, f"file is {info.st_size} bytes, over the "
                                 f"{MAX_BYTES} limit")
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UnreadableFile(shown, f"file grew past the {MAX_BYTES} byte limit while read")
    return data


def read(path: str | Path, fmt: str | None = None) -> Layout:
    """Read any supported paper into a Layout, or raise a BoardpapersError; ``fmt``
    forces a reader (a saved ``mgAi.aspx`` page is HTML)."""
    path = Path(path)
    data, source = read_source_bytes(path, fmt)
    return read_bytes(data, source)


def read_bytes(data: bytes, source: Source) -> Layout:
    reader = _reader_for(source.format)
    try:
        return reader(data, source)
    except BoardpapersError:
        raise
    except TooComplex as exc:
        raise UnreadableFile(source.path, f"too complex: {exc}") from None
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, OSError,
            UnicodeError, RecursionError, MemoryError) as exc:
        # A reader bug or a library choking on malformed input: still one clear line.
        raise UnreadableFile(source.path, f"cannot read as {source.format}: "
                             f"{type(exc).__name__}: {exc}") from exc
