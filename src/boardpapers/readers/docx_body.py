"""Walk a DOCX body in order and turn it into Blocks.

Paragraphs and tables are read in the order they sit in ``w:body`` (content controls and
custom XML wrappers are looked through), so a table stays between the paragraphs around it.
A table of one cell is a box drawn round body text, so its paragraphs are read as body
blocks (a boxed "Recommendations" heading and its numbered list). Pages are counted from
explicit page breaks, "page break before" paragraphs, section breaks and the
``w:lastRenderedPageBreak`` marks Word leaves where it last broke pages; a rendered mark
that repeats a break already counted (Word writes one right after every explicit break) is
not counted twice. A page_break block's ``page`` is the number of the page that starts after
it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from boardpapers.model.errors import TooComplex
from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.docx_headings import Look, promote_look_headings
from boardpapers.readers.docx_markers import split_typed_marker, typed_marker_depth
from boardpapers.readers.docx_numbering import NumberingCounters, paragraph_num_props
from boardpapers.readers.docx_styles import BODY_TEXT_OUTLINE, StyleTable
from boardpapers.readers.docx_text import (
    Event,
    PageBreak,
    RunLook,
    Text,
    TextBox,
    events_bold,
    events_caps,
    events_size,
    events_text,
    paragraph_events,
)
from boardpapers.readers.docx_xml import Element, int_val, w, w_val
from boardpapers.readers.plain_lines import fold_all, fold_lines

MAX_DEPTH = 40
MAX_GRID_SPAN = 64  # Word's tables have at most 63 columns; more is a hostile file
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}


@dataclass
class BodyWalker:
    """Mutable state of one walk: counters, the current page and the blocks so far."""

    styles: StyleTable
    counters: NumberingCounters
    page: int = 1
    blocks: list[Block] = field(default_factory=list)
    content_since_break: bool = False
    looks: dict[int, Look] = field(default_factory=dict)  # paragraph block -> its look
    size_chars: Counter[int] = field(default_factory=Counter)  # run size -> characters

    def walk(self, container: Element, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        for child in container:
            if child.tag == w("p"):
                self.paragraph(child, depth)
            elif child.tag == w("tbl"):
                self.table(child, depth)
            elif child.tag in _WRAPPERS:
                self.walk(child, depth + 1)

    def finish(self) -> list[Block]:
        while self.blocks and self.blocks[-1].kind is BlockKind.PAGE_BREAK:
            self.blocks.pop()
            self.page -= 1
        return promote_look_headings(self.blocks, self.looks, self.body_size())

    def body_size(self) -> int:
        """The font size most of the body text is set in (half-points, 0 when unknown)."""
        known = [(n, size) for size, n in self.size_chars.items() if size]
        return max(known)[1] if known else 0

    # --- page breaks -------------------------------------------------------------------

    def page_break(self, explicit: bool) -> None:
        """Start a new page, unless nothing has been read since the last break and this
        break is only Word's rendered echo of it."""
        if not self.content_since_break and (not explicit or not self.blocks):
            return
        self.page += 1
        self.blocks.append(Block(BlockKind.PAGE_BREAK, "", page=self.page))
        self.content_since_break = False

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        self.content_since_break = True

    # --- paragraphs --------------------------------------------------------------------

    def paragraph(self, p: Element, depth: int) -> None:
        ppr = p.find(w("pPr"))
        style_id = w_val(ppr.find(w("pStyle"))) if ppr is not None else None
        before = ppr.find(w("pageBreakBefore")) if ppr is not None else None
        if before is not None and w_val(before) not in {"0", "false", "off"}:
            self.page_break(explicit=True)
        events = paragraph_events(p, self.styles, RunLook(self.styles.bold(style_id),
                                                          self.styles.size(style_id),
                                                          self.styles.caps(style_id)))
        marker, ilvl = self.list_marker(ppr, style_id)
        segments, boxes, trailing_breaks = self.split_at_breaks(events)
        for i, segment in enumerate(segments):
            if i:
                self.page_break(explicit=True)
            self.paragraph_block(segment, ppr, style_id, marker if i == 0 else None, ilvl)
        for box in boxes:
            self.walk(box.content, depth + 1)
        for _ in range(trailing_breaks):
            self.page_break(explicit=False)
        if ppr is not None and _ends_section_with_new_page(ppr):
            self.page_break(explicit=True)

    def split_at_breaks(self, events: list[Event]
                        ) -> tuple[list[list[Event]], list[TextBox], int]:
        """Cut a paragraph's events at explicit page breaks. A rendered break before any
        text starts the page at once; one inside the text is counted after the paragraph
        (the paragraph belongs to the page it starts on)."""
        segments: list[list[Event]] = [[]]
        boxes: list[TextBox] = []
        trailing = 0
        for event in events:
            if isinstance(event, TextBox):
                boxes.append(event)
            elif isinstance(event, PageBreak) and event.explicit:
                segments.append([])
            elif isinstance(event, PageBreak):
                if events_text(segments[-1]).strip():
                    trailing += 1
                elif len(segments) == 1:
                    self.page_break(explicit=False)
                # else: Word's echo of the explicit break just before it
            else:
                segments[-1].append(event)
        return segments, boxes, trailing

    def list_marker(self, ppr: Element | None, style_id: str | None
                    ) -> tuple[str | None, int]:
        num_id, ilvl = paragraph_num_props(ppr)
        style_num, style_ilvl = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
        if ilvl is None:
            ilvl = style_ilvl if style_ilvl is not None else 0
        if num_id is None:
            return None, 0
        return self.counters.next_marker(num_id, ilvl), ilvl

    def paragraph_block(self, events: list[Event], ppr: Element | None,
                        style_id: str | None, marker: str | None, ilvl: int) -> None:
        text = fold_lines(events_text(events))
        if not text:
            return
        bold = events_bold(events)
        for e in events:
            if isinstance(e, Text):
                self.size_chars[e.size] += len(e.text.strip())
        self.looks[len(self.blocks)] = Look(events_size(events), events_caps(events))
        level = self.heading_level(ppr, style_id)
        if level:
            heading = fold_all(f"{marker} {text}" if marker else text)
            self.add(Block(BlockKind.HEADING, heading, page=self.page, level=level, bold=bold))
        elif marker:
            self.add(Block(BlockKind.LIST_ITEM, fold_all(text), page=self.page,
                           marker=marker, depth=ilvl, bold=bold))
        elif (typed := split_typed_marker(fold_all(text))) is not None:
            self.add(Block(BlockKind.LIST_ITEM, typed[1], page=self.page, marker=typed[0],
                           depth=typed_marker_depth(typed[0]), bold=bold))
        else:
            self.add(Block(BlockKind.PARAGRAPH, text, page=self.page, bold=bold))

    def heading_level(self, ppr: Element | None, style_id: str | None) -> int:
        if ppr is not None:
            outline = int_val(ppr.find(w("outlineLvl")))
            if outline is not None:
                return outline + 1 if outline < BODY_TEXT_OUTLINE else 0
        return self.styles.heading_level(style_id)

    # --- tables ------------------------------------------------------------------------

    def table(self, tbl: Element, depth: int) -> None:
        box = _only_cell(tbl)
        if box is not None:  # a one-cell table is a box drawn round body text
            self.walk(box, depth + 1)
            return
        rendered_breaks = sum(1 for _ in tbl.iter(w("lastRenderedPageBreak")))
        if _starts_with_rendered_break(tbl):
            self.page_break(explicit=False)
            rendered_breaks -= 1
        explicit_breaks = sum(1 for br in tbl.iter(w("br")) if w_val(br, "type") == "page")
        start_page = self.page
        rows = tuple(r for r in (self.table_row(tr, depth) for tr in _children_named(tbl, w("tr")))
                     if any(cell for cell in r))
        if rows:
            text = "\n".join("\t".join(r) for r in rows)
            self.add(Block(BlockKind.TABLE, text, page=start_page, rows=rows))
        for _ in range(max(rendered_breaks, explicit_breaks)):
            self.page_break(explicit=True)

    def table_row(self, tr: Element, depth: int) -> tuple[str, ...]:
        cells: list[str] = []
        trpr = tr.find(w("trPr"))
        cells += [""] * _grid_count(trpr, "gridBefore")
        for tc in _children_named(tr, w("tc")):
            tcpr = tc.find(w("tcPr"))
            span = max(1, int_val(tcpr.find(w("gridSpan")), 1) or 1) if tcpr is not None else 1
            if span > MAX_GRID_SPAN:
                raise TooComplex(f"a table cell spans {span} columns (Word allows "
                                 f"{MAX_GRID_SPAN})")
            merged = _continues_vertical_merge(tcpr)
            cells.append("" if merged else self.cell_text(tc, depth))
            cells += [""] * (span - 1)
        cells += [""] * _grid_count(trpr, "gridAfter")
        return tuple(cells)

    def cell_text(self, tc: Element, depth: int) -> str:
        """A cell's paragraphs (numbered ones with their markers) and nested tables, a line
        each: a cell holding "Name", "Title" and "Phone" on three lines, or two lists
        parted by a line break, keeps them apart."""
        parts: list[str] = []
        for p in _cell_paragraphs(tc, depth):
            ppr = p.find(w("pPr"))
            style_id = w_val(ppr.find(w("pStyle"))) if ppr is not None else None
            marker, _ = self.list_marker(ppr, style_id)
            events = paragraph_events(p, self.styles, RunLook(False))
            text = fold_lines(events_text(events))
            boxes = " ".join(fold_all(_box_text(e.content)) for e in events
                             if isinstance(e, TextBox))
            text = " ".join(t for t in (marker if text else None, text, boxes) if t)
            if text:
                parts.append(text)
        return "\n".join(parts)


def _children_named(el: Element, tag: str) -> list[Element]:
    """Children with a tag (rows of a table, cells of a row), looking through wrappers."""
    found: list[Element] = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _children_named(child, tag)
    return found


def _only_cell(tbl: Element) -> Element | None:
    """The cell of a table that has one row of one cell (a box round a "Recommendations"
    heading and its list, a summary panel), else None."""
    rows = _children_named(tbl, w("tr"))
    cells = _children_named(rows[0], w("tc")) if len(rows) == 1 else []
    return cells[0] if len(cells) == 1 else None


def _cell_paragraphs(container: Element, depth: int) -> list[Element]:
    """Paragraphs of a cell in order, nested tables' paragraphs included."""
    if depth > MAX_DEPTH:
        return []
    out: list[Element] = []
    for child in container:
        if child.tag == w("p"):
            out.append(child)
        elif child.tag in _WRAPPERS or child.tag in {w("tbl"), w("tr"), w("tc")}:
            out += _cell_paragraphs(child, depth + 1)
    return out


def _box_text(content: Element) -> str:
    return " ".join(t.text or "" for t in content.iter(w("t")))


def _grid_count(trpr: Element | None, name: str) -> int:
    if trpr is None:
        return 0
    return max(0, min(int_val(trpr.find(w(name)), 0) or 0, MAX_GRID_SPAN))


def _continues_vertical_merge(tcpr: Element | None) -> bool:
    """A ``w:vMerge`` without ``w:val="restart"`` continues the cell above it."""
    if tcpr is None:
        return False
    vmerge = tcpr.find(w("vMerge"))
    return vmerge is not None and w_val(vmerge) != "restart"


def _ends_section_with_new_page(ppr: Element) -> bool:
    sect = ppr.find(w("sectPr"))
    if sect is None:
        return False
    kind = w_val(sect.find(w("type"))) or "nextPage"
    return kind in {"nextPage", "oddPage", "evenPage"}


def _starts_with_rendered_break(tbl: Element) -> bool:
    """Does the table's first paragraph open with Word's page-break mark (the table begins
    a page)?"""
    first = next(tbl.iter(w("p")), None)
    if first is None:
        return False
    for el in first.iter(w("t"), w("lastRenderedPageBreak")):
        return bool(el.tag == w("lastRenderedPageBreak"))
    return False
