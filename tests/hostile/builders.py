"""Hostile files made by the tests themselves (no committed binaries): minimal DOCX
packages with chosen XML, deep HTML, long lines."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
       'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
       'officedocument.wordprocessingml.document.main+xml"/>{extra}</Types>')
_NUM_CT = ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
           'openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>')
_DOC_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships">{extra}</Relationships>')
_NUM_REL = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/>')


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bytes(body: str, numbering: str | None = None) -> bytes:
    """A Word package holding ``body`` (the inside of ``w:body``) and, if given, a
    numbering part."""
    doc = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body>'
           "</w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT.format(extra=_NUM_CT if numbering else ""))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels",
                   _DOC_RELS.format(extra=_NUM_REL if numbering else ""))
        z.writestr("word/document.xml", doc)
        if numbering:
            z.writestr("word/numbering.xml",
                       f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">{numbering}'
                       "</w:numbering>")
    return out.getvalue()


def set_zip_flags(data: bytes, bit: int) -> bytes:
    """Set a general-purpose flag bit on every member (local and central headers)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset] |= bit
            at = out.find(signature, at + 4)
    return bytes(out)


def under_declare(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size the zip declares for ``member`` (both headers)."""
    out = bytearray(data)
    name = member.encode()
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                     (b"PK\x01\x02", 24, 28, 46)):
        at = out.find(signature)
        while at >= 0:
            n = int.from_bytes(out[at + name_len_at:at + name_len_at + 2], "little")
            if bytes(out[at + name_at:at + name_at + n]) == name:
                out[at + size_at:at + size_at + 4] = size.to_bytes(4, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def nested_html(depth: int, closed: bool = True) -> str:
    inner = "<div>" * depth + "Deep text of the paper." + ("</div>" * depth if closed else "")
    return f"<html><body><h1>Nesting</h1>{inner}</body></html>"
