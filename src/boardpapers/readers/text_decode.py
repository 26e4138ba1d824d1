"""Bytes to text for the plain-text and Markdown reader.

Council papers saved as text come from Word, PDF converters and e-mail; most are UTF-8,
the rest are usually Windows-1252 (the £ sign and curly quotes give them away). So UTF-8
is tried first, then charset-normalizer, with cp1252 preferred whenever the guess is a
Western single-byte code page (latin-1 and cp1252 agree on £ but only cp1252 has the
curly quotes and dashes in 0x80-0x9F). Anything with NUL bytes that is not UTF-16, or
that decodes to mostly control characters, is binary: ``UnreadableFile``.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from boardpapers.model.errors import UnreadableFile

# Code pages for which cp1252 is the better reading of the same bytes.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250", "iso8859_2",
            "mac_roman", "cp850", "cp437", "ascii", "windows-1252", "iso-8859-1"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")  # controls but \t\n\v\f\r
_MAX_CONTROL_SHARE = 0.02
_NOT_TEXT = "does not look like text (binary data or an unknown encoding)"


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file's bytes to (text, encoding), or raise UnreadableFile."""
    decoded = _decode_by_bom(data)
    if decoded is None:
        if b"\x00" in data:
            decoded = _decode_utf16_without_bom(data)
            if decoded is None:
                raise UnreadableFile(path, _NOT_TEXT)
        else:
            decoded = _decode_guessing(data)
    if decoded is None or _looks_binary(decoded[0]):
        raise UnreadableFile(path, _NOT_TEXT)
    return decoded


def _decode_by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: every other byte of ASCII text is a NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    encoding = ("utf-16-le" if odd_nuls > 0.3 * half and even_nuls < 0.05 * half else
                "utf-16-be" if even_nuls > 0.3 * half and odd_nuls < 0.05 * half else None)
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _decode_guessing(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding.replace("-", "_").lower() in _WESTERN:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return (data.decode("latin-1"), "latin-1") if best is not None else None
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    """Text whose characters are largely controls or replacement marks is not a paper."""
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text))
    return bad > max(2, _MAX_CONTROL_SHARE * len(text))
