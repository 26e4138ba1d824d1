"""Meeting items tables, known by their shape rather than by one system's class names.

Committee web systems lay a meeting's items out as a table: one row per item, the item
number in the first cell and the item in the next, its title first and then (on a minutes
page) the minute text and the decision. ModernGov marks this up with its own classes
(``table.mgItemTable``, ``td.mgItemNumberCell``, ``p.mgAiTitleTxt``); CMIS, used by many
Scottish and some English councils, with others (``td.ItemNo``, ``p.ItemTitle``), and
smaller systems with none at all. So a table counts as an items table when most of its
rows open with a short item number ("1", "4.", "12a", "B2") and hold the item in one
other cell, and something says these are items: a title or text of several paragraphs in
a cell, an "Item No." header, or "item" in a class name. A numbered table with several
data columns ("No. | Item | Lead | Time") stays a table, as its columns are data.

Each item becomes a bold list item (marker = item number, text = title), followed by the
item's own paragraphs, read as the rest of the page is.
"""

from __future__ import annotations

import re
from typing import Any

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.html_furniture import strip_file_sizes
from boardpapers.readers.html_walk import HtmlWalker, table_row_nodes
from boardpapers.readers.plain_lines import fold_all

Node = Any

ITEM_NUMBER = re.compile(r"^\s*(\d{1,3}\s?[a-z]?|[A-Z]\d{0,2}|[ivx]{1,5})\.?\s*$",
                         re.IGNORECASE)
_NUMBER_HEADER = re.compile(r"^(?:item\s*)?(?:no\.?|number|num\.?|#)$|^items?$|^eitem$|"
                            r"^rhif(?:\s+eitem)?\.?$", re.IGNORECASE)
_ITEM_CLASS = re.compile(r"item|agenda", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"title|heading|subject", re.IGNORECASE)
_BLOCK_CHILDREN = {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                   "blockquote"}
_MG_NUMBER_CELL = "mgItemNumberCell"
_MG_TITLE = ".mgAiTitleTxt"


def handle(walker: HtmlWalker, node: Node, depth: int) -> bool:
    """The walker's hook for any page: an items table is read item by item."""
    if node.tag != "table" or not is_items_table(node):
        return False
    walker.flush()
    items_table(walker, node, depth)
    return True


def is_items_table(table: Node) -> bool:
    """Does this table list a meeting's items (see the module docstring)?"""
    rows = [_cells(tr) for tr in table_row_nodes(table)]
    header = [r for r in rows if r and all(c.tag == "th" for c in r)]
    data = [r for r in rows if r and not all(c.tag == "th" for c in r)]
    numbered = [r for r in data if number_cell(r) is not None]
    if not numbered or len(numbered) < 0.6 * len(data):
        return False
    content = [[c for c in r[r.index(number_cell(r)) + 1:] if _text(c)] for r in numbered]
    if sum(len(c) > 1 for c in content) > len(content) / 2:
        return False  # several data columns per item: a data table
    if any(len(c) == 1 and _is_rich(c[0]) for c in content):
        return True
    said = (any(_NUMBER_HEADER.match(_text(r[0])) for r in header)
            or _ITEM_CLASS.search(_classes(table)) is not None
            or any(_ITEM_CLASS.search(_classes(r[0])) for r in numbered))
    return said and len(numbered) >= 2


def items_table(walker: HtmlWalker, table: Node, depth: int) -> None:
    """Every row: an item when it opens with a number, else its cells read as paragraphs."""
    for tr in table_row_nodes(table):
        cells = _cells(tr)
        if not cells or all(c.tag == "th" for c in cells):
            continue  # the "No." / "Item" header row
        numbered = number_cell(cells)
        if numbered is None:
            for cell in cells:
                walker.walk(cell, depth + 1)
                walker.flush()
            continue
        rest = cells[cells.index(numbered) + 1:]
        item(walker, _text(numbered), rest, depth)


def number_cell(cells: list[Node]) -> Node | None:
    """The cell holding the item number: ModernGov's number cell, else a first cell that
    is only a short number when another cell follows it."""
    for cell in cells:
        if _MG_NUMBER_CELL in _classes(cell).split():
            return cell
    if len(cells) > 1 and ITEM_NUMBER.match(_text(cells[0])):
        return cells[0]
    return None


def item(walker: HtmlWalker, number: str, cells: list[Node], depth: int) -> None:
    """One item: a bold list item (number, title), then its text and decision."""
    title_node = _title_node(cells)
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


def _title_node(cells: list[Node]) -> Node | None:
    """The element a system marks as the item's title (``p.mgAiTitleTxt``, ``p.ItemTitle``),
    when there is one."""
    for cell in cells:
        found = cell.css_first(_MG_TITLE)
        if found is not None:
            return found
    for cell in cells:
        for node in cell.iter():
            if node.tag in {"p", "div", "span", "h3", "h4", "h5", "strong", "b", "a"} \
                    and _TITLE_CLASS.search(_classes(node)) and _text(node):
                return node
    return None


def _is_rich(cell: Node) -> bool:
    """A cell holding a title and text: several block elements, or a marked title."""
    blocks = [c for c in cell.iter() if c.tag in _BLOCK_CHILDREN and _text(c)]
    if len(blocks) >= 2:
        return True
    return any(_TITLE_CLASS.search(_classes(n)) for n in cell.css("[class]"))


def _cells(tr: Node) -> list[Node]:
    return [c for c in tr.iter() if c.tag in {"td", "th"}]


def _classes(node: Node) -> str:
    return node.attributes.get("class") or ""


def _text(node: Node) -> str:
    return fold_all(node.text(deep=True))
