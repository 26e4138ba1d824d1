"""A PDF's compressed streams measured before pdfium opens the file.

pdfium inflates a content stream whole when it reads a page's text, so a 1 MB file whose
stream inflates to a gigabyte would take gigabytes of memory before any page limit
applies. Each Flate stream that is not an image (pdfium decodes images only to draw them,
which boardpapers never does) is inflated here in chunks, counting and discarding what
comes out, so memory stays at one chunk; past ``MAX_STREAM_BYTES`` for one stream or
``MAX_INFLATED_BYTES`` for the file the PDF is refused as too complex.

``refuse_bombs`` (what the reader calls) gives the same verdict inflating only what it
must: deflate writes at most ``MAX_RATIO`` bytes for each byte it reads, so a stream read
from few bytes cannot pass a limit, and a file whose streams' bounds stay under the limits
(most papers) is not inflated at all; the rest, largest first, are inflated until the
bounds of those left say no limit can be passed.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections.abc import Iterator

from boardpapers.model.errors import TooComplex

MAX_STREAM_BYTES = 128 * 1024 * 1024  # real page content streams are well under 10 MB
MAX_INFLATED_BYTES = 1024 * 1024 * 1024  # all non-image streams of one file
IN_CHUNK = 64 * 1024  # compressed bytes fed at a time
OUT_CHUNK = 1024 * 1024  # inflated bytes held at a time
DICT_WINDOW = 2048  # bytes before "stream" searched for its dictionary
MAX_RATIO = 1032  # deflate's largest expansion: a 258-byte match coded in two bits

_STREAM = re.compile(rb">>\s*stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# "N 0 obj" (the pattern \d+\s+\d+\s+obj\b) read from its end
_OBJ_BACKWARDS = re.compile(rb"jbo(?<!\wjbo)\s+\d+\s+\d")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")


def check_inflated_size(data: bytes) -> int:
    """The bytes the file's non-image Flate streams inflate to; TooComplex past a limit."""
    view = memoryview(data)
    total = 0
    for start, length in _flate_streams(data):
        total += _within_stream_limit(_inflated_size(view, start, length))
        _within_total_limit(total)
    return total


def refuse_bombs(data: bytes) -> None:
    """TooComplex exactly when ``check_inflated_size`` would be (the same message), but a
    stream is inflated only when its bound (``MAX_RATIO`` times the bytes it is read from)
    leaves the verdict open: each stream's limit, then the total at each stream in order."""
    view = memoryview(data)
    known = 0  # what the streams inflated so far inflate to
    open_bound = 0  # the bounds of the streams so far not inflated
    waiting: list[tuple[int, int, int | None]] = []  # a heap: (-bound, start, length)
    for start, length in _flate_streams(data):
        bound = MAX_RATIO * _read_from(len(data), start, length)
        if bound > MAX_STREAM_BYTES:
            known += _within_stream_limit(_inflated_size(view, start, length))
        else:
            open_bound += bound
            heapq.heappush(waiting, (-bound, start, length))
        while known + open_bound > MAX_INFLATED_BYTES and waiting:
            negative, first, first_length = heapq.heappop(waiting)  # the largest first
            known += _inflated_size(view, first, first_length)
            open_bound += negative
        _within_total_limit(known)  # exact once nothing is left open; else under the limit


def _read_from(size: int, start: int, length: int | None) -> int:
    """How many bytes ``_inflated_size`` may feed the inflater from ``start``."""
    end = size if length is None else min(size, start + length)
    return max(0, end - start)


def _within_stream_limit(size: int) -> int:
    if size > MAX_STREAM_BYTES:
        raise TooComplex(f"a PDF stream inflates to more than "
                         f"{MAX_STREAM_BYTES // (1024 * 1024)} MB (a compression bomb?)")
    return size


def _within_total_limit(total: int) -> None:
    if total > MAX_INFLATED_BYTES:
        raise TooComplex(f"the PDF's streams inflate to more than "
                         f"{MAX_INFLATED_BYTES // (1024 * 1024)} MB in all")


def _flate_streams(data: bytes) -> Iterator[tuple[int, int | None]]:
    """(start, /Length or None) of each Flate stream that is not an image, in file order."""
    for m in _STREAM.finditer(data):
        head = _dictionary(data, m.start())
        if not _FLATE.search(head) or _IMAGE.search(head):
            continue
        length = _LENGTH.search(head)
        yield m.end(), int(length.group(1)) if length else None


def _dictionary(data: bytes, end: int) -> bytes:
    """The stream's dictionary: from its "N 0 obj" (within DICT_WINDOW) to "stream".

    The last "N 0 obj" is the first "jbo 0 N" in the window read backwards: a search for
    a literal, rather than every "N 0 obj" from the window's start."""
    window = data[max(0, end - DICT_WINDOW):end + 2]
    last = _OBJ_BACKWARDS.search(window[::-1])
    return window[len(window) - last.start():] if last else window


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
