"""ModernGov (Civica modern.gov) pages: "Agenda and minutes", "Agenda item" and "Meeting
attendance" pages served by ieListDocuments.aspx, mgAi.aspx, mgMeetingAttendance.aspx.

Their content sits in ``div#modgov``: a title (``h1.mgMainTitleTxt``), the meeting
heading ("Cabinet - Tuesday, 12th March, 2024 6.00 pm"), venue and contact lines, then
the items table ``table.mgItemTable``: one row per item, the number in
``td.mgItemNumberCell`` ("1.", "12a"), the title in ``p.mgAiTitleTxt`` (often a link to
the report, with a "pdf icon PDF 244 KB" tail), then the item's text in ``div.mgWordPara``
with ``p.mgSubItemTitleTxt`` labels ("Minutes:", "Decision:"; in Welsh "Cofnodion:",
"Penderfyniad:"). Action links (``ul.mgActionList``: printed minutes, "View the reasons why
item 12 is restricted") are furniture.

Each item becomes a list item (marker = item number, text = title, bold), followed by the
item's paragraphs; sub-item labels become bold paragraphs. Sections titled "Media" (the
webcast links) are dropped with their content.
"""

from __future__ import annotations

import re
from typing import Any

from boardpapers.layout import Block, BlockKind
from boardpapers.readers.html_furniture import strip_file_sizes
from boardpapers.readers.docx_text import fold_all
from boardpapers.readers.html_walk import HEADINGS, HtmlWalker, table_row_nodes

Node = Any

DETECT = ("#modgov, .mgItemTable, #mgItemTable, .mgMainTitleTxt, .mgAiTitleTxt, .mgContent, "
          ".mgSubItemTitleTxt")
ITEM_NUMBER = re.compile(r"^\s*(\d{1,3}\s?[a-z]?|[A-Z]\d{0,2}|[ivx]{1,5})\.?\s*$",
                         re.IGNORECASE)
FURNITURE_SECTIONS = {"media", "cyfryngau", "webcast", "gweddarllediad", "share this page",
                      "rhannu'r dudalen hon", "rhannu’r dudalen hon"}


def is_moderngov(root: Node) -> bool:
    if root.css_first(DETECT) is not None:
        return True
    generator = root.css_first('meta[name="generator"]')
    content = (generator.attributes.get("content") or "") if generator is not None else ""
    return "modern.gov" in content.lower() or "moderngov" in content.lower()


def remove_furniture_sections(container: Node) -> None:
    """Drop a section headed "Media" (and the like) with everything up to the next
    heading of the same or a higher level."""
    for heading in container.css("h1, h2, h3, h4, h5, h6"):
        if fold_all(heading.text(deep=True)).strip(":").lower() not in FURNITURE_SECTIONS:
            continue
        level = HEADINGS[heading.tag]
        doomed = [heading]
        sibling = heading.next
        while sibling is not None:
            if sibling.tag in HEADINGS and HEADINGS[sibling.tag] <= level:
                break
            doomed.append(sibling)
            sibling = sibling.next
        for node in doomed:
            node.decompose()


def handle(walker: HtmlWalker, node: Node, depth: int) -> bool:
    """The walker's hook: read the nodes ModernGov marks up in its own way."""
    classes = set((node.attributes.get("class") or "").split())
    if node.tag == "table" and ("mgItemTable" in classes
                                or node.attributes.get("id") == "mgItemTable"):
        walker.flush()
        items_table(walker, node, depth)
        return True
    if classes & {"mgSubItemTitleTxt", "mgPartTitleTxt"}:
        walker.flush()
        label = walker.inline_text(node, depth)
        if label:
            walker.add(Block(BlockKind.PARAGRAPH, label, bold=True))
        return True
    return False


def items_table(walker: HtmlWalker, table: Node, depth: int) -> None:
    for tr in table_row_nodes(table):
        cells = [c for c in tr.iter() if c.tag in {"td", "th"}]
        if not cells or all(c.tag == "th" for c in cells):
            continue  # the "No." / "Item" header row
        number_cell = _number_cell(cells)
        if number_cell is None:
            for cell in cells:
                walker.walk(cell, depth + 1)
                walker.flush()
            continue
        rest = cells[cells.index(number_cell) + 1:]
        item(walker, fold_all(number_cell.text(deep=True)), rest, depth)


def _number_cell(cells: list[Node]) -> Node | None:
    for cell in cells:
        if "mgItemNumberCell" in (cell.attributes.get("class") or "").split():
            return cell
    first = fold_all(cells[0].text(deep=True))
    if len(cells) > 1 and ITEM_NUMBER.match(first):
        return cells[0]
    return None


def item(walker: HtmlWalker, number: str, cells: list[Node], depth: int) -> None:
    """One agenda item: a bold list item (number, title), then its minutes and decision."""
    title_node = None
    for cell in cells:
        title_node = cell.css_first(".mgAiTitleTxt")
        if title_node is not None:
            break
    title = strip_file_sizes(walker.inline_text(title_node, depth)) if title_node else ""
    if title_node is not None:
        title_node.decompose()
    start = len(walker.blocks)
    walker.list_level = 1  # lists in an item's text sit under the item
    for cell in cells:
        walker.walk(cell, depth + 1)
        walker.flush()
    walker.list_level = 0
    if not title and len(walker.blocks) > start:
        title = walker.blocks.pop(start).text  # no title markup: the first line is the title
    walker.blocks.insert(start, Block(BlockKind.LIST_ITEM, title or number, marker=number,
                                      depth=0, bold=True))
