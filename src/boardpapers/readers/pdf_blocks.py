"""Lines of a flow to Blocks: paragraphs, headings, list items and tables.

Lines join into one block until something says a new one starts: a list marker, a change
of font size or weight, a vertical gap wider than the line spacing, a first-line indent or
an outdent, or a previous line that ended early although the next line's first word would
have fitted on it (the writer pressed Enter). Headings are told by size relative to the
document's body text (bigger sizes are higher levels) or, at body size, by being short and
wholly bold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.pdf_columns import Flow
from boardpapers.readers.pdf_lines import MARKER, Line
from boardpapers.readers.pdf_running import BANNER
from boardpapers.readers.pdf_tables import Table, split_aligned_tables
from boardpapers.readers.pdf_text import join_line_texts

HEADING_RATIO = 1.12
_INLINE_MARKER = re.compile(r"^(\(?[0-9A-Za-z]{1,4}(?:\.\d{1,3})*[.)]?)\s+(\S)")


@dataclass(frozen=True, slots=True)
class Style:
    """Document-wide facts the blocks are judged against."""

    body: float
    heading_sizes: tuple[float, ...]  # distinct sizes above body, biggest first
    known_word: Callable[[str], bool] | None = None  # for mending hyphenated words

    def heading_level(self, size: float) -> int:
        for level, s in enumerate(self.heading_sizes, 1):
            if size >= s - 0.25:
                return level
        return len(self.heading_sizes) + 1

    def is_heading_size(self, size: float) -> bool:
        return size >= self.body * HEADING_RATIO


def document_style(body: float, lines: list[Line],
                   known_word: Callable[[str], bool] | None = None) -> Style:
    """The body size and the ladder of heading sizes. A publisher's banner ("Public
    Document Pack", stamped big on a pack's cover) stays out of the ladder, so the
    papers' own headings keep their levels whether or not the pack was bannered."""
    sizes = {round(s.size * 2) / 2 for ln in lines for s in ln.segments
             if s.size >= body * HEADING_RATIO and not BANNER.match(s.text)}
    return Style(body, tuple(sorted(sizes, reverse=True)), known_word)


@dataclass(slots=True)
class _Open:
    """A block being assembled from lines."""

    lines: list[Line] = field(default_factory=list)
    marker: str = ""
    marker_x0: float = 0.0
    text_x0: float = 0.0
    size: float = 0.0
    bold: bool = False
    text_right: float = 0.0  # how far right a wrapped line of a list item may start


def flow_to_blocks(flow: Flow, page: int, style: Style) -> list[tuple[Block, float]]:
    """Blocks of one flow, each with its list indent (for depth) where it is a list item."""
    items = _with_aligned_tables(flow.items)
    right = max((i.x1 for i in items), default=0.0)
    out: list[tuple[Block, float]] = []
    cur: _Open | None = None
    for item in items:
        if isinstance(item, Table):
            if cur:
                out.append(_close(cur, page, style, flow.left))
                cur = None
            out.append((_table_block(item, page), 0.0))
            continue
        if cur is not None and _continues(cur, item, right, style):
            cur.lines.append(item)
            continue
        if cur:
            out.append(_close(cur, page, style, flow.left))
        cur = _open(item)
    if cur:
        out.append(_close(cur, page, style, flow.left))
    return out


def _with_aligned_tables(items: tuple) -> list:
    out: list = []
    run: list[Line] = []
    for item in items:
        if isinstance(item, Line):
            run.append(item)
            continue
        out += split_aligned_tables(run) if run else []
        run = []
        out.append(item)
    return out + (split_aligned_tables(run) if run else [])


def _open(line: Line) -> _Open:
    first = line.segments[0]
    size, bold = line.size, line.bold
    if first.marker:
        return _Open([line], first.marker, first.x0, first.text_x0, size, bold,
                     first.text_x0 + 0.8 * size)
    split = _inline_marker(first.text) if _INLINE_MARKER.match(first.text) else None
    if split:  # "1.1 Text" in one run: where the text starts is not known, so allow a tab
        return _Open([line], "", first.x0, first.x0, size, bold,
                     first.x0 + _marker_width(split[0], first) + 3 * size)
    return _Open([line], "", first.x0, first.x0, size, bold)


def _marker_width(marker: str, seg) -> float:
    """The width a typed marker takes in its segment, by its share of the characters."""
    return (seg.x1 - seg.x0) * (len(marker) + 1) / max(len(seg.text), 1)


def _continues(cur: _Open, line: Line, right: float, style: Style) -> bool:
    prev = cur.lines[-1]
    first = line.segments[0]
    size = line.size
    if first.marker or abs(size - cur.size) > 0.6:
        return False
    if line.bold != cur.bold:
        return False
    gap = line.top - prev.bottom
    if gap > 0.6 * size or gap < -0.5 * size:
        return False
    if style.is_heading_size(size):
        return True
    if cur.text_right and cur.marker_x0 - 4 <= line.x0 <= cur.text_right:
        pass  # a list item's wrapped line: under its text, or anywhere right of its marker
    elif line.x0 > cur.text_x0 + 0.8 * size or line.x0 < cur.text_x0 - 4:
        if len(cur.lines) == 1 and not cur.marker and line.x0 < cur.text_x0:
            cur.text_x0 = line.x0  # first-line indent: the paragraph's body starts left
        else:
            return False
    first_word = line.text.split(" ", 1)[0]
    if prev.x1 + (len(first_word) + 1) * 0.5 * size < right - 2:
        return False  # the line ended early although the next word would have fitted
    return not (_INLINE_MARKER.match(line.text) and _inline_marker(line.text))


def _inline_marker(text: str) -> tuple[str, str] | None:
    """("1.", rest) when text starts with a typed marker followed by a capital or bracket."""
    match = _INLINE_MARKER.match(text)
    if not match or not MARKER.match(match.group(1)):
        return None
    marker, nxt = match.group(1), match.group(2)
    if marker[0].isdigit() and not (nxt.isupper() or nxt in "(\"'‘“"):
        return None  # "2.5 million..." or "12 members" is a sentence, not an item
    return marker, text[match.start(2):]


def _close(cur: _Open, page: int, style: Style, left: float) -> tuple[Block, float]:
    text = join_line_texts([ln.text for ln in cur.lines], style.known_word)
    bold = cur.bold
    if style.is_heading_size(cur.size) and len(text) <= 250:
        return Block(BlockKind.HEADING, text, page=page, level=style.heading_level(cur.size),
                     bold=bold), 0.0
    if bold and len(text) <= 120 and not text.endswith((".", ",", ";", ":")) \
            and len(cur.lines) <= 2:
        level = len(style.heading_sizes) + 1
        return Block(BlockKind.HEADING, text, page=page, level=level, bold=True), 0.0
    marker = cur.marker
    if not marker:
        split = _inline_marker(text)
        if split:
            marker, text = split
    if marker:
        return Block(BlockKind.LIST_ITEM, text, page=page, marker=marker, bold=bold), \
            max(cur.marker_x0 - left, 0.0)
    return Block(BlockKind.PARAGRAPH, text, page=page, bold=bold), 0.0


def _table_block(table: Table, page: int) -> Block:
    text = "\n".join("\t".join(row) for row in table.rows)
    return Block(BlockKind.TABLE, text, page=page, rows=table.rows)


def with_list_depths(blocks: list[tuple[Block, float]]) -> list[Block]:
    """List depth from indentation: each distinct marker indent in the document is a level."""
    indents = sorted({round(i) for b, i in blocks if b.kind is BlockKind.LIST_ITEM})
    levels: list[float] = []
    for x in indents:
        if not levels or x - levels[-1] > 6:
            levels.append(x)
    out = []
    for block, indent in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            depth = max(i for i, lv in enumerate(levels) if lv <= round(indent) + 0.5)
            if depth != block.depth:
                block = replace(block, depth=depth)
        out.append(block)
    return out
