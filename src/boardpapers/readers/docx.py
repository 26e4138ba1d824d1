"""DOCX reader: a Word document's body as a Layout.

The package is checked before it is decompressed (``docx_package``), opened with
python-docx, and its body XML walked in order (``docx_body``): headings from heading
styles or outline levels, list items with the marker Word would display (computed from
numbering.xml, ``docx_numbering``) or typed by hand, tables with merged cells as rows of
cell texts, and page breaks with page numbers. Headers, footers, footnotes and comments
live in other parts of the package and are never read as body text. The document's
title, author and dates go in ``Layout.metadata``.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
import zlib
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from lxml import etree

from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Layout, Source, join_blocks
from boardpapers.readers.docx_body import BodyWalker
from boardpapers.readers.docx_numbering import NumberingCounters, parse_numbering
from boardpapers.readers.docx_package import check_docx_package
from boardpapers.readers.docx_styles import parse_styles

_CORE_FIELDS = ("title", "subject", "author", "keywords", "category", "last_modified_by")


def read_bytes(data: bytes, source: Source) -> Layout:
    check_docx_package(data, source.path)
    document = open_document(data, source.path)
    styles = parse_styles(_part_element(document, "styles"))
    counters = NumberingCounters(parse_numbering(_part_element(document, "numbering")),
                                 styles.num_ids_by_style())
    walker = BodyWalker(styles=styles, counters=counters)
    walker.walk(document.element.body)
    blocks, text = join_blocks(walker.finish())
    pages = max((b.page for b in blocks), default=1)
    return Layout(source=dataclasses.replace(source, pages=pages), blocks=blocks, text=text,
                  metadata=document_metadata(document))


def open_document(data: bytes, path: str) -> Any:
    """python-docx's Document, with its many failure modes turned into one error type."""
    try:
        return docx.Document(io.BytesIO(data))
    except (OpcError, KeyError, zipfile.BadZipFile) as exc:
        raise UnreadableFile(path, f"not a readable Word document: {exc}") from None
    except (zlib.error, EOFError) as exc:  # a member whose compressed data is damaged
        raise UnreadableFile(path, f"corrupt .docx: damaged compressed data ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(path, f"corrupt .docx: malformed XML inside ({exc})") from None
    except ValueError as exc:  # e.g. "file ... is not a Word file, content type is ..."
        raise UnreadableFile(path, f"not a Word document: {exc}") from None


def _part_element(document: Any, which: str) -> Any:
    """The root element of the styles or numbering part, or None when the document has
    none (python-docx would otherwise invent a default one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rel_type = RT.STYLES if which == "styles" else RT.NUMBERING
    for rel in document.part.rels.values():
        if rel.reltype == rel_type and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is None:
                element = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                                      no_network=True))
            return element
    return None


def document_metadata(document: Any) -> dict[str, str]:
    """Title, author, subject, keywords and dates from docProps/core.xml (non-empty only)."""
    props = document.core_properties
    out: dict[str, str] = {}
    for name in _CORE_FIELDS:
        value = getattr(props, name, None)
        if value and str(value).strip():
            out[name] = str(value).strip()
    for name in ("created", "modified"):
        value = getattr(props, name, None)
        if value is not None:
            out[name] = value.isoformat()
    return out
