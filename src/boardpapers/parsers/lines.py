"""The rows of text the front-sheet readers work on, and the labels in them.

``lines_of`` turns a layout's blocks into ``Line``s (a table row's cells, or one line of a
paragraph); ``split_label`` and ``labelled_value`` read "Venue: Council Chamber" in a
line, a cell or the line after. The meeting, agenda-item, membership and contact readers
all read these, so they live here rather than in any one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from boardpapers.model.layout import BlockKind, Layout


@dataclass(frozen=True, slots=True)
class Line:
    """One row of text: a table row's cells, or one line of a paragraph as a single cell."""

    cells: tuple[str, ...]
    block: int
    kind: BlockKind = BlockKind.PARAGRAPH
    bold: bool = False
    marker: str = ""
    depth: int = 0
    level: int = 0

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)


_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__")
_SPACES = re.compile(r"[ \t\u00a0]+")
ITEM_MARKER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,2})?[a-z]?|[a-z]|[ivx]{1,4})[.)]$")


def clean_cell(text: str) -> str:
    """Inline markup a reader may have left (``<b>``, ``**``) dropped, spaces folded."""
    return _SPACES.sub(" ", _TAGS.sub("", text)).strip(" *")


def lines_of(layout: Layout, first: int = 0, last: int | None = None) -> list[Line]:
    """blocks[first:last+1] as Lines; page breaks and empty rows dropped.

    A numbered list item gets its marker back in front of its text ("8." + "Any other
    business"), because agenda numbering is part of what is read here.
    """
    stop = len(layout.blocks) if last is None else min(last + 1, len(layout.blocks))
    out: list[Line] = []
    for i in range(max(first, 0), stop):
        b = layout.blocks[i]
        if b.kind is BlockKind.PAGE_BREAK:
            continue
        if b.kind is BlockKind.TABLE and b.rows:
            rows: Iterable[Sequence[str]] = b.rows
        else:
            rows = [part.split("\t") for part in b.text.split("\n")]
        for row in rows:
            cells = tuple(clean_cell(c) for c in row)
            while cells and not cells[-1]:
                cells = cells[:-1]
            if not any(cells):
                continue
            if b.kind is BlockKind.LIST_ITEM and (ITEM_MARKER.match(b.marker) or re.fullmatch(
                    r"[1-9]\d{0,2}(?:\.\d{1,2})?[a-z]?", b.marker)):  # a bare "1" or "7.1"
                cells = (f"{b.marker} {cells[0]}",) + cells[1:]
            out.append(Line(cells, i, b.kind, b.bold, b.marker, b.depth, b.level))
    return out


_LABEL = re.compile(r"^\s*([A-Za-z][\w '’/()-]{0,40}?)\s*[:：]\s*(.*)$")


def split_label(text: str) -> tuple[str, str] | None:
    """("venue", "Council Chamber") for "Venue: Council Chamber"; None without a label."""
    m = _LABEL.match(text)
    if not m:
        return None
    return m.group(1).strip().casefold(), m.group(2).strip()


def labelled_value(lines: Sequence[Line], labels: Sequence[str]) -> tuple[str, int] | None:
    """The value after the first of ``labels`` ("Venue: X"), as a cell, a line or the next line.

    Returns the value and the index of the line it came from.
    """
    for i, line in enumerate(lines):
        for j, cell in enumerate(line.cells):
            pair = split_label(cell)
            key = pair[0] if pair else cell.rstrip(":").strip().casefold()
            if not label_is(key, labels):
                continue
            value = pair[1] if pair else ""
            if not value and len(line.cells) > 2:
                break  # a column heading ("Item | Title | Lead | Time"): its values are data
            if not value and j + 1 < len(line.cells):
                value = " ".join(line.cells[j + 1:]).strip()
            if not value and i + 1 < len(lines):
                return lines[i + 1].text, i + 1
            if value:
                return value, i
    return None


def label_is(key: str, labels: Sequence[str]) -> bool:
    """"dyddiad / date" is a date label: bilingual labels name the field once per language."""
    key = re.sub(r"\s*/\s*", "/", key)
    return key in labels or any(part.strip() in labels for part in key.split("/"))


# The standing item that gives the next meeting's date, as an agenda or front sheet words it.
NEXT_MEETING = re.compile(r"(?:date (?:and time )?of (?:the )?next meeting|next meeting|"
                   r"dyddiad y cyfarfod nesaf|cyfarfod nesaf)", re.IGNORECASE)
