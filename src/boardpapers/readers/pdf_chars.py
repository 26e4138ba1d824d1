"""Every text object's text on a page, sliced from the page text taken once.

Why: pdfium's ``FPDFTextObj_GetText`` scans every character of the page to collect one
object's characters, so asking it once per text object costs time in proportion to
characters x objects (about 6 us a run on a typical page, half the reader's extraction
time). The page's text is one call; what is missing is which characters belong to which
object. pdfium's text page keeps each object's characters together (it lays a line's
objects out left to right and emits each object's characters in one go), so a line of
the page text (lines end with a generated ``\\r\\n``) is a few stretches of one object
each: one lookup at each end of the line settles the usual single-object line, and a
binary search finds each boundary of the rest.

The result must equal what ``FPDFTextObj_GetText`` returns, so its rules are kept: an
object's characters in order, characters without a Unicode value left out, and one space
added when the character after the object is a space (pdfium's ``GetTextByPredicate``).
Whenever the assumption cannot be checked the page is not sliced (``None``) and the
caller asks pdfium object by object: the page text's length must equal the character
count (no hidden control characters), no object may appear in two stretches, and
pdfium's own count of object-change rectangles must match the stretches found.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

_NO_UNICODE = "\ufffe"  # what the page text holds for a character pdfium could not map
_NOTHING = 0            # object address of a generated character (\r\n, inserted space)


def typed(fn: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """pypdfium2's function with handle arguments and results as plain ints (c_void_p),
    so object identities compare as numbers and calls skip pointer-type checks."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if address is None:
        raise ImportError(f"pdfium has no function at {fn!r}")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_count_chars = typed(pdfium_c.FPDFText_CountChars, _INT, _VP)
_get_text = typed(pdfium_c.FPDFText_GetText, _INT, _VP, _INT, _INT, _VP)
_object_of_char = typed(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)
_count_rects = typed(pdfium_c.FPDFText_CountRects, _INT, _VP, _INT, _INT)
_unicode_of_char = typed(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VP, _INT)


class TextBuffer:
    """A reusable UTF-16 buffer for page texts (allocating one per page is measurable)."""

    def __init__(self, chars: int = 8192) -> None:
        self.resize(chars)

    def resize(self, chars: int) -> None:
        self.capacity = chars
        self.buffer = ctypes.create_string_buffer(chars * 2 + 2)


def object_texts(textpage: int, buf: TextBuffer,
                 fix: Callable[[str], str] | None = None) -> dict[int, str] | None:
    """{text object address: its text as FPDFTextObj_GetText gives it, then passed
    through ``fix``}, or None when the page cannot be sliced safely (see the module
    docstring). ``fix`` must replace characters one for one except U+FFFE and NUL, which
    it may drop: it is applied to the whole page text once, not to each object's."""
    n = _count_chars(textpage)
    if n <= 0:
        return {}
    if n > buf.capacity:
        buf.resize(n)
    written = _get_text(textpage, 0, n, ctypes.addressof(buf.buffer))
    if written - 1 != n:
        return None
    page = ctypes.string_at(buf.buffer, 2 * n).decode("utf-16-le", "replace")
    if len(page) != n:
        return None
    stretches = _stretches(textpage, page)
    if stretches is None or _count_rects(textpage, 0, n) != len(stretches):
        return None
    if _NO_UNICODE not in page and "\x00" not in page:  # the usual page: slice and go
        fixed = fix(page) if fix else page
        return {obj: fixed[a:b] + " " if page[b:b + 1] == " " else fixed[a:b]
                for a, b, obj in stretches}
    texts: dict[int, str] = {}
    for start, end, obj in stretches:
        text = page[start:end]
        if _NO_UNICODE in text:
            text = _mapped(textpage, text, start)
        if fix:
            text = fix(text)
        texts[obj] = text + " " if page[end:end + 1] == " " else text
    return texts


def _stretches(textpage: int, page: str) -> list[tuple[int, int, int]] | None:
    """(start, end, object) of every stretch of one object's characters, page order."""
    out: list[tuple[int, int, int]] = []
    object_of = _object_of_char
    start = 0
    n = len(page)
    while start < n:
        end = page.find("\r\n", start)
        if end < 0:
            end = n
        if end > start:
            first = object_of(textpage, start)
            if first and first == object_of(textpage, end - 1):
                out.append((start, end, first))  # the usual line: one object
            else:
                out += _line_stretches(textpage, start, end)
        start = end + 2
    if len({obj for _, _, obj in out}) != len(out):
        return None  # an object in two places: not the layout assumed
    return out


def _line_stretches(textpage: int, a: int, b: int) -> list[tuple[int, int, int]]:
    """Stretches of one line [a, b): each stretch's end by binary search on its object."""
    last = _object_of_char(textpage, b - 1) or _NOTHING
    out = []
    i = a
    while i < b:
        obj = _object_of_char(textpage, i) or _NOTHING
        if obj == _NOTHING:  # a generated space: usually one, and they recur along the
            i += 1           # line, so no binary search over them
            continue
        if obj == last:
            end = b
        else:
            lo, hi = i, b - 1  # obj at lo, another object at hi
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if (_object_of_char(textpage, mid) or _NOTHING) == obj:
                    lo = mid
                else:
                    hi = mid
            end = hi
        out.append((i, end, obj))
        i = end
    return out


def _mapped(textpage: int, text: str, start: int) -> str:
    """The stretch with pdfium's own values where the page text has U+FFFE: nothing for a
    character without Unicode, 0x02 for a soft hyphen at a line end."""
    chars = []
    for k, ch in enumerate(text):
        if ch == _NO_UNICODE:
            code = _unicode_of_char(textpage, start + k)
            ch = chr(code) if code and code != 0xFFFE else ""
        chars.append(ch)
    return "".join(chars)
