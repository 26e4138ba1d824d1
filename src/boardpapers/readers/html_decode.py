"""Bytes of a web page to text: byte-order mark, then the page's own ``<meta charset>``,
then UTF-8, then charset-normalizer's guess, then Windows-1252 (which never fails).

Browsers treat the labels ISO-8859-1 and US-ASCII as Windows-1252 (the WHATWG encoding
standard); so does this module, so curly quotes and the pound sign saved by old council
CMSs come out right.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from boardpapers.model.errors import UnreadableFile

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii",
                         "us-ascii", "iso_8859-1", "cp819", "windows-1252", "cp1252"}
SNIFF_BYTES = 4096


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding used). Raises UnreadableFile for data that is plainly not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    if _looks_binary(data):
        raise UnreadableFile(path, "not an HTML page: the file holds binary data")
    declared = declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        codec = _codec(best.encoding) or "cp1252"
        return data.decode(codec, errors="replace"), codec
    return data.decode("cp1252", errors="replace"), "cp1252"


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the page's ``<meta charset>``, or None (absent or unknown)."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    return _codec(match.group(1).decode("ascii", "replace"))


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if label.startswith("utf-16"):
        return None  # a page that reached us without a BOM is not really UTF-16
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    """Over 5% control characters (NULs and the like) in the first few KB: not text."""
    head = data[:SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > len(head) // 20 + 1
