"""Walk a cleaned HTML tree into Blocks.

Headings h1-h6 become headings of that level; paragraphs and loose runs of text in divs
become paragraphs; ``li`` becomes a list item whose marker is what the browser would draw
("1.", "a.", "iv." from the ``ol``'s ``type``/``start``/``reversed`` and ``li value``, "•"
for ``ul``) and whose depth is its list nesting; data tables become rows of cell texts,
``colspan``/``rowspan`` padded with empty cells so columns line up. Inside a paragraph one
``<br>`` is a line break in the block's text and a blank line (``<br><br>``) starts a new
paragraph. Tables that only lay out a page (they hold headings or other tables) are read
as containers, not as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.list_numbers import format_number
from boardpapers.readers.plain_lines import fold_all, fold_lines

Node = Any  # selectolax LexborNode

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = {"div", "section", "article", "main", "body", "blockquote", "dl", "dd", "dt",
              "figure", "figcaption", "address", "center", "fieldset", "details", "summary",
              "hr", "header", "footer", "li", "caption", "tbody", "thead", "tfoot", "tr", "td",
              "th", "html"}
BOLD_TAGS = {"b", "strong"}
MAX_DEPTH = 200  # elements nested deeper are read as plain text (no Python recursion)
_OL_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
               "I": "upperRoman"}
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u2000-\u200a\u202f\u3000]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass
class Inline:
    """Text gathered for the block being built, with whether each piece was bold."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, bold: bool) -> None:
        self.pieces.append((text, bold))

    def take(self) -> tuple[str, bool]:
        text = "".join(t for t, _ in self.pieces)
        visible = [b for t, b in self.pieces if t.strip()]
        self.pieces = []
        return text, bool(visible) and all(visible)


@dataclass
class HtmlWalker:
    """Turns nodes into blocks; ``special`` lets a platform module (ModernGov) take over a
    node it knows better, returning True when it has handled it."""

    special: Callable[[HtmlWalker, Node, int], bool] | None = None
    list_level: int = 0  # depth of top-level lists here (1 inside a ModernGov item)
    skip: set[int] = field(default_factory=set)  # mem_ids of nodes read elsewhere
    blocks: list[Block] = field(default_factory=list)
    inline: Inline = field(default_factory=Inline)

    # --- blocks --------------------------------------------------------------------------

    def walk(self, node: Node, depth: int = 0, bold: bool = False) -> None:
        if depth > MAX_DEPTH:  # nested past any real page: keep its text, flat
            self.inline.add(_SPACE.sub(" ", node.text(deep=True) or ""), bold)
            return
        for child in node.iter(include_text=True):
            self.visit(child, depth, bold)

    def visit(self, child: Node, depth: int, bold: bool) -> None:
        if child.is_text_node:
            self.inline.add(_SPACE.sub(" ", child.text_content or ""), bold)
            return
        tag = child.tag
        if not isinstance(tag, str) or tag.startswith("-") or child.mem_id in self.skip:
            return
        if self.special is not None and self.special(self, child, depth):
            return
        if tag in HEADINGS:
            self.flush()
            self.heading(child, HEADINGS[tag], depth)
        elif tag == "p":
            self.flush()
            self.walk(child, depth + 1, bold)
            self.flush()
        elif tag in {"ul", "ol"}:
            self.flush()
            self.list(child, self.list_level, depth)
        elif tag == "table":
            self.flush()
            self.table(child, depth)
        elif tag == "pre":
            self.flush()
            self.add_paragraphs(child.text(deep=True), bold)
        elif tag == "br":
            self.inline.add("\n", bold)
        elif tag in BLOCK_TAGS:
            self.flush()
            self.walk(child, depth + 1, bold)
            self.flush()
        else:  # inline: a, span, b, em, font, abbr, time...
            self.walk(child, depth + 1, bold or tag in BOLD_TAGS)

    def flush(self) -> None:
        text, bold = self.inline.take()
        self.add_paragraphs(text, bold)

    def add_paragraphs(self, raw: str, bold: bool) -> None:
        """One paragraph per blank-line-separated chunk (``<br><br>``, or an empty line
        in ``<pre>``); single breaks stay as lines within the paragraph."""
        for chunk in _BLANK_LINE.split(raw):
            text = fold_lines(chunk)
            if text:
                self.add(Block(BlockKind.PARAGRAPH, text, bold=bold))

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def heading(self, node: Node, level: int, depth: int) -> None:
        text = self.inline_text(node, depth)
        if text:
            self.add(Block(BlockKind.HEADING, text, level=level))

    def inline_text(self, node: Node, depth: int) -> str:
        """All text under a node as one line (a heading, a cell, a list item's own text)."""
        return self.inline_text_bold(node, depth)[0]

    def inline_text_bold(self, node: Node, depth: int) -> tuple[str, bool]:
        """The text under a node as one line, and whether all of it was bold."""
        saved, self.inline = self.inline, Inline()
        saved_blocks, self.blocks = self.blocks, []
        self.walk(node, depth + 1)
        self.flush()
        inner, self.blocks, self.inline = self.blocks, saved_blocks, saved
        bold = bool(inner) and all(b.bold for b in inner)
        return fold_all(" ".join(b.text for b in inner)), bold

    # --- lists ---------------------------------------------------------------------------

    def list(self, node: Node, level: int, depth: int) -> None:
        ordered = node.tag == "ol"
        items = [c for c in node.iter() if c.tag == "li"]
        step = -1 if ordered and "reversed" in node.attributes else 1
        counter = _int_attr(node, "start", len(items) if step < 0 else 1)
        fmt = _OL_FORMATS.get(str(node.attributes.get("type") or "1"), "decimal")
        for li in items:
            counter = _int_attr(li, "value", counter)
            marker = f"{format_number(counter, fmt)}." if ordered else "•"
            self.list_item(li, marker, level, depth)
            counter += step
        for other in (c for c in node.iter() if c.tag in {"ul", "ol"}):
            self.list(other, level + 1, depth + 1)  # a list put straight inside a list

    def list_item(self, li: Node, marker: str, level: int, depth: int) -> None:
        nested = [sub for sub in li.css("ul, ol") if _outermost_list_in(sub, li)]
        ids = {sub.mem_id for sub in nested}
        self.skip |= ids  # read the item's own text first, then its sub-lists
        text, bold = self.inline_text_bold(li, depth)
        self.skip -= ids
        if text:
            self.add(Block(BlockKind.LIST_ITEM, text, marker=marker, depth=level, bold=bold))
        for sub in nested:
            self.list(sub, level + 1, depth + 1)

    # --- tables --------------------------------------------------------------------------

    def table(self, node: Node, depth: int) -> None:
        if is_layout_table(node):
            self.walk(node, depth + 1)
            self.flush()
            return
        caption = node.css_first("caption")
        if caption is not None:
            self.add_paragraphs(self.inline_text(caption, depth), False)
        rows = self.table_rows(node, depth)
        if rows:
            text = "\n".join("\t".join(r) for r in rows)
            self.add(Block(BlockKind.TABLE, text, rows=rows))

    def table_rows(self, node: Node, depth: int) -> tuple[tuple[str, ...], ...]:
        rows: list[tuple[str, ...]] = []
        pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
        for tr in table_row_nodes(node):
            cells: list[str] = []
            for cell in (c for c in tr.iter() if c.tag in {"td", "th"}):
                while pending.get(len(cells), 0) > 0:
                    pending[len(cells)] -= 1
                    cells.append("")
                text = self.inline_text(cell, depth)
                span = min(max(_int_attr(cell, "colspan", 1), 1), 64)
                down = min(max(_int_attr(cell, "rowspan", 1), 1), 1000)
                for offset in range(span):
                    if down > 1:
                        pending[len(cells) + offset] = down - 1
                cells += [text] + [""] * (span - 1)
            while pending.get(len(cells), 0) > 0:
                pending[len(cells)] -= 1
                cells.append("")
            if any(cells):
                rows.append(tuple(cells))
        return tuple(rows)


def _outermost_list_in(sub: Node, li: Node) -> bool:
    """Is ``sub`` a list directly in ``li``'s content (not inside a deeper list)?"""
    node = sub.parent
    while node is not None and node.mem_id != li.mem_id:
        if node.tag in {"ul", "ol"}:
            return False
        node = node.parent
    return node is not None


def table_row_nodes(table: Node) -> list[Node]:
    """The table's own rows (not those of tables nested in its cells)."""
    rows: list[Node] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows += [tr for tr in child.iter() if tr.tag == "tr"]
    return rows


def is_layout_table(table: Node) -> bool:
    """A table that arranges a page rather than holding data: it contains headings, other
    tables or lists, or has a single cell."""
    inner = table.css("h1, h2, h3, h4, h5, h6, table, ul, ol")
    if any(node.mem_id != table.mem_id for node in inner):
        return True
    return len(table.css("td, th")) <= 1


def _int_attr(node: Node, name: str, default: int) -> int:
    raw = node.attributes.get(name)
    try:
        return int(str(raw).strip()) if raw is not None else default
    except ValueError:
        return default
