"""Hostile files made by the tests themselves (no committed binaries): minimal DOCX
packages with chosen XML, deep HTML, long lines, PDFs written by hand."""

from __future__ import annotations

import io
import zipfile
import zlib

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


def deflated(body: bytes, padding: int = 0, chunk: int = 1024 * 1024) -> bytes:
    """``body`` and then ``padding`` spaces as one zlib stream, made a chunk at a time so
    a gigabyte of padding is never held whole."""
    deflater = zlib.compressobj(9)
    out = bytearray(deflater.compress(body))
    blank = b" " * chunk
    for start in range(0, padding, chunk):
        out += deflater.compress(blank[:min(chunk, padding - start)])
    return bytes(out + deflater.flush())


def pdf_bytes(pages: int, lines: int = 40, inflated: int = 0) -> bytes:
    """A plain PDF of ``pages`` pages of Helvetica text, written by hand; with
    ``inflated`` each page's content stream is Flate-compressed and padded with spaces to
    that many bytes (a compression bomb when it is large)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for p in range(pages):
        body = "".join(f"BT /F1 10 Tf 50 {790 - 18 * i} Td (Line {i} of page {p + 1}: the "
                       f"council approved 2.4m pounds for {p + i} homes.) Tj ET\n"
                       for i in range(lines)).encode()
        head = b"<< /Length %d >>"
        if inflated:
            body = deflated(body, max(0, inflated - len(body)))
            head = b"<< /Length %d /Filter /FlateDecode >>"
        objects.append(head % len(body) + b"\nstream\n" + body + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                  + b"] /Count %d >>" % pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
