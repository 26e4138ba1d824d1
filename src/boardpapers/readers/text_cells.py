"""Tables that ``docx2txt`` wrote one cell per paragraph.

docx2txt puts a blank line after every Word paragraph and gives a table cell no mark of
its own, so an agenda table comes out as "Item", "Title", "Lead", "Time", then "1",
"Welcome and apologies", "Chair", "2.00", … each on its own line between blank lines. An
empty cell is an empty paragraph: two more blank lines. Read line by line, the short header
words look like headings and the item numbers lose their titles.

Where a run of short title-case cells (the header row) is followed by rows that each start
with an item number and have as many cells, the lines become tab rows again, which the
rest of the reader takes as one table. Only rows that start with a number are taken: it is
what tells where each row starts and where the table ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}[a-z]?|[A-Z]?\d{1,3}(?:\.\d)?)[.)]?$")
_HEADER_CELL = re.compile(r"^[A-Z][A-Za-z'’/&()-]*(?: [A-Za-z'’/&()-]+){0,2}$")
_MIN_COLUMNS, _MAX_COLUMNS = 2, 8
_MIN_ROWS = 2


@dataclass(frozen=True)
class _Cell:
    text: str
    line: int  # index of its line; an empty cell has the index of the line before it


def rebuild_cell_tables(lines: list[str]) -> list[str]:
    """The lines with each one-cell-per-paragraph table written as tab rows."""
    if not _paragraph_per_blank(lines):
        return lines
    cells = _cells(lines)
    out: list[str] = []
    done = 0  # lines before this index are in ``out``
    i = 0
    while i < len(cells):
        table = _table_at(cells, i)
        if table is None:
            i += 1
            continue
        rows, end = table
        first, last = cells[i].line, cells[end - 1].line
        out.extend(lines[done:first])
        out.extend("\t".join(row) for row in rows)
        done, i = last + 1, end
    out.extend(lines[done:])
    return out


def _paragraph_per_blank(lines: list[str]) -> bool:
    """docx2txt's mark: nearly every filled line has a blank line after it."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 12:
        return False
    spaced = sum(1 for i in filled if i + 1 >= len(lines) or not lines[i + 1].strip())
    return spaced >= 0.9 * len(filled)


def _cells(lines: list[str]) -> list[_Cell]:
    """Filled lines as cells, with an empty cell for each extra pair of blank lines."""
    cells: list[_Cell] = []
    blanks = 0
    for i, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        if cells:
            cells.extend(_Cell("", cells[-1].line) for _ in range(max(0, (blanks - 1) // 2)))
        cells.append(_Cell(line.strip(), i))
        blanks = 0
    return cells


def _table_at(cells: list[_Cell], i: int) -> tuple[list[list[str]], int] | None:
    """(header and rows, index of the cell after the table) if a table starts at ``i``."""
    width = 0
    while i + width < len(cells) and width < _MAX_COLUMNS and _header_cell(cells[i + width]):
        width += 1
    if width < _MIN_COLUMNS or (i > 0 and _header_cell(cells[i - 1])):
        return None
    rows = [[c.text for c in cells[i:i + width]]]
    j = i + width
    while j + width <= len(cells) and _row_fits(cells[j:j + width]):
        rows.append([c.text for c in cells[j:j + width]])
        j += width
    return (rows, j) if len(rows) > _MIN_ROWS else None


def _header_cell(cell: _Cell) -> bool:
    """"Item", "Lead officer", "Page": not "AGENDA", which heads the table from above."""
    text = cell.text
    return bool(text) and len(text) <= 25 and _HEADER_CELL.match(text) is not None \
        and not (text.isupper() and len(text) > 3)


def _row_fits(row: list[_Cell]) -> bool:
    """A row starts with an item number and holds no other lone number before its last
    cell (a number there means the row was shorter and the next one has begun)."""
    if not _ITEM_NUMBER.match(row[0].text):
        return False
    return not any(_ITEM_NUMBER.match(c.text) and "." not in c.text for c in row[1:-1])
