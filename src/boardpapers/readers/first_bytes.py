"""What a paper's first bytes show, for input that has no file name (standard input).

The built-in readers name these as their ``sniff`` (see ``builtins``); they are tried in
the order the readers were registered.
"""

from __future__ import annotations

import re

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Word 97 file (an OLE2 compound file)
HTML_START = re.compile(rb"\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body)", re.I)
_MD_HEADING = re.compile(rb"(?m)^#{1,6} \S")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG JPEG TIFF


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF")


def is_ole(data: bytes) -> bool:
    return data.startswith(OLE_MAGIC)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def is_image(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC)


def is_html(data: bytes) -> bool:
    return HTML_START.match(data[:2048]) is not None


def is_markdown(data: bytes) -> bool:
    return _MD_HEADING.search(data[:4096]) is not None


def is_moderngov_meeting(data: bytes) -> bool:
    """A saved ModernGov GetMeeting answer (readers/xml.py)."""
    from boardpapers.readers.moderngov_xml import looks_like_meeting
    return looks_like_meeting(data)
