"""Readers: one module per file format, each ``read_bytes(data, source) -> Layout``,
registered as a ReaderSpec (``builtins``, or a plugin: see ``plugins``).

``read`` picks the reader from the file's extension (and, for ambiguous files, its first
bytes), checks the things every format shares (missing, empty, too large) and turns any
failure into an ``UnreadableFile`` naming the file and the cause.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from boardpapers.files import display_path
from boardpapers.model.errors import BoardpapersError, TooComplex, UnreadableFile, UnsupportedFormat
from boardpapers.model.layout import Layout, Source
from boardpapers.plugins import points, resolve
from boardpapers.readers.first_bytes import OLE_MAGIC

MAX_BYTES = 512 * 1024 * 1024


def _extensions() -> dict[str, str]:
    """Extension (".pdf") -> format name, from the registered readers."""
    return {ext: spec.name for spec in points().readers for ext in spec.extensions}


def extensions() -> tuple[str, ...]:
    """Every file extension some reader takes, sorted."""
    return tuple(sorted(_extensions()))


def format_names() -> tuple[str, ...]:
    return tuple(sorted(points().readers.names()))


def format_of(path: Path) -> str:
    fmt = _extensions().get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(path), path.suffix.lower())
    return fmt


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in _extensions()


def _reader_for(fmt: str) -> Callable[[bytes, Source], Layout]:
    spec = points().readers.get(fmt)
    if spec is None:
        raise BoardpapersError(f"no reader for format {fmt!r}")
    reader: Callable[[bytes, Source], Layout] = resolve(spec.read)
    return reader


def forced_format(name: str) -> str:
    """A format a person named (``--format HTML``), checked."""
    fmt = name.strip().lower().lstrip(".")
    fmt = {alias: spec.name for spec in points().readers for alias in spec.aliases}.get(fmt, fmt)
    if fmt not in points().readers:
        raise BoardpapersError(f"unknown format {name!r}: use one of "
                               f"{', '.join(format_names())}")
    return fmt


def guess_format(data: bytes) -> str:
    """The format a paper's first bytes show (standard input has no extension)."""
    for spec in points().readers:
        if spec.sniff is not None and resolve(spec.sniff)(data):
            return spec.name
    return "txt"


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
