"""A PDF's compressed streams measured before pdfium opens the file.

pdfium inflates a content stream whole when it reads a page's text, so a 1 MB file whose
stream inflates to a gigabyte would take gigabytes of memory before any page limit
applies. Each Flate stream that is not an image (pdfium decodes images only to draw them,
which boardpapers never does) is inflated here in chunks, counting and discarding what
comes out, so memory stays at one chunk; past ``MAX_STREAM_BYTES`` for one stream or
``MAX_INFLATED_BYTES`` for the file the PDF is refused as too complex.
"""

from __future__ import annotations

import re
import zlib

from boardpapers.model.errors import TooComplex

MAX_STREAM_BYTES = 128 * 1024 * 1024  # real page content streams are well under 10 MB
MAX_INFLATED_BYTES = 1024 * 1024 * 1024  # all non-image streams of one file
IN_CHUNK = 64 * 1024  # compressed bytes fed at a time
OUT_CHUNK = 1024 * 1024  # inflated bytes held at a time
DICT_WINDOW = 2048  # bytes before "stream" searched for its dictionary

_STREAM = re.compile(rb">>\s*stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")


def check_inflated_size(data: bytes) -> int:
    """The bytes the file's non-image Flate streams inflate to; TooComplex past a limit."""
    view = memoryview(data)
    total = 0
    for m in _STREAM.finditer(data):
        head = _dictionary(data, m.start())
        if not _FLATE.search(head) or _IMAGE.search(head):
            continue
        length = _LENGTH.search(head)
        size = _inflated_size(view, m.end(), int(length.group(1)) if length else None)
        if size > MAX_STREAM_BYTES:
            raise TooComplex(f"a PDF stream inflates to more than "
                             f"{MAX_STREAM_BYTES // (1024 * 1024)} MB (a compression bomb?)")
        total += size
        if total > MAX_INFLATED_BYTES:
            raise TooComplex(f"the PDF's streams inflate to more than "
                             f"{MAX_INFLATED_BYTES // (1024 * 1024)} MB in all")
    return total


def _dictionary(data: bytes, end: int) -> bytes:
    """The stream's dictionary: from its "N 0 obj" (within DICT_WINDOW) to "stream"."""
    window = data[max(0, end - DICT_WINDOW):end + 2]
    starts = [o.end() for o in _OBJ.finditer(window)]
    return window[starts[-1]:] if starts else window


def _inflated_size(view: memoryview, start: int, length: int | None) -> int:
    """Bytes the zlib stream at ``start`` inflates to, stopping just past the stream
    limit; a damaged stream counts what came out before the damage."""
    inflater = zlib.decompressobj()
    end = len(view) if length is None else min(len(view), start + length)
    size, at = 0, start
    try:
        while at < end and size <= MAX_STREAM_BYTES and not inflater.eof:
            piece: bytes | memoryview = view[at:min(end, at + IN_CHUNK)]
            at += len(piece)
            while piece and size <= MAX_STREAM_BYTES:
                size += len(inflater.decompress(piece, OUT_CHUNK))
                piece = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size
