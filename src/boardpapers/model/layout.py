"""Layout: the one shape every reader produces, whatever the file format was.

A Layout is an ordered tuple of Blocks. Each block knows its page (1-based) and its
character span in the text the reader decoded (``Layout.text`` for txt/md; for PDF, DOCX
and HTML the span is into ``Layout.text`` too, which the reader builds by joining block
texts with a newline). Everything downstream (classify, parse, extract) reads Layouts and
never touches files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    PAGE_BREAK = "page_break"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a paper's layout.

    ``text`` is the visible text with inline markup removed and whitespace folded within
    lines. For a table, ``text`` is its rows joined by newlines, cells by tabs, and
    ``rows`` holds the cells. ``marker`` is a list item's marker as written ("a)", "2.1",
    "•") and is not part of ``text``; ``depth`` is 0 for a top-level item. ``level`` is a
    heading's level (1 = biggest). ``bold`` records that the whole block was emphasised,
    which parsers use as a weak heading signal.
    """

    kind: BlockKind
    text: str
    page: int = 1
    start: int = 0
    end: int = 0
    level: int = 0
    marker: str = ""
    depth: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    bold: bool = False

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind.value, "text": self.text, "page": self.page,
                                  "span": [self.start, self.end]}
        if self.kind is BlockKind.HEADING:
            out["level"] = self.level
        if self.kind is BlockKind.LIST_ITEM:
            out["marker"] = self.marker
            out["depth"] = self.depth
        if self.kind is BlockKind.TABLE:
            out["rows"] = [list(r) for r in self.rows]
        if self.bold:
            out["bold"] = True
        return out


@dataclass(frozen=True, slots=True)
class Source:
    """Where a Layout came from: path as given, sha256 of the bytes, format, page count."""

    path: str
    sha256: str
    format: str  # pdf | docx | html | md | txt | image
    pages: int = 1
    size: int = 0
    # False when the file marks no pages (a text with no page footers or form feeds):
    # every block is then "page 1" and no page number means anything.
    paged: bool = True
    # (page, tesseract's mean word confidence 0-100) for each page read by OCR
    ocr_confidence: tuple[tuple[int, float], ...] = ()

    @property
    def ocr(self) -> bool:
        """Some of the text came from OCR of page images, not from a text layer."""
        return bool(self.ocr_confidence)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"path": self.path, "sha256": self.sha256,
                                  "format": self.format, "pages": self.pages}
        if not self.paged:
            out["paged"] = False
        if self.ocr:
            out["ocr"] = True
            out["ocr_confidence"] = {str(page): c for page, c in self.ocr_confidence}
        return out


@dataclass(frozen=True, slots=True)
class Layout:
    source: Source
    blocks: tuple[Block, ...]
    text: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # e.g. PDF/DOCX title, author

    def to_json(self) -> dict[str, object]:
        return {"source": self.source.to_json(), "blocks": [b.to_json() for b in self.blocks]}

    @property
    def content_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind is not BlockKind.PAGE_BREAK)


def join_blocks(blocks: list[Block]) -> tuple[tuple[Block, ...], str]:
    """Give blocks spans into the text made by joining their texts with newlines.

    Readers whose format has no single source text (PDF, DOCX, HTML) call this last.
    """
    parts: list[str] = []
    out: list[Block] = []
    pos = 0
    for b in blocks:
        text = "" if b.kind is BlockKind.PAGE_BREAK else b.text
        out.append(_with_span(b, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 1
    return tuple(out), "\n".join(parts)


def _with_span(b: Block, start: int, end: int) -> Block:
    return Block(kind=b.kind, text=b.text, page=b.page, start=start, end=end, level=b.level,
                 marker=b.marker, depth=b.depth, rows=b.rows, bold=b.bold)
