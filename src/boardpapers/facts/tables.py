"""A table as data: caption, header, rows, parsed numbers, and whether its sums add up.

Readers have already stripped bold markup, so the header is found by position and shape:
leading rows whose cells are words while the rows below carry numbers. A row whose first
cell says "Total" ("Grand Total", "Total councils") is a total row: each numeric column's
total must equal the sum of the rows above it. A column headed "%"/"Percentage" must hold
count / total × 100 (within rounding) for the count column beside it, and sum to ~100.
Each check is kept as a TableCheck, so a reader of the table sees what was expected and
what the paper says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from boardpapers.model.paper import TableCheck, TableData

_NUMBER = re.compile(
    r"^\(?(?P<sign>[-−–])?\s*(?P<cur>[£$€])?\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"\s*(?P<scale>bn|billion|m|million|k|thousand)?\s*(?P<pct>%|per\s*cent)?\)?$",
    re.IGNORECASE)
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}
_TOTAL = re.compile(r"^(?:grand\s+|sub-?\s*)?total\b|^all\b.*\btotal|^sum\b|^overall\b",
                    re.IGNORECASE)
_PERCENT_HEADER = re.compile(r"%|percent|per\s+cent|proportion|share", re.IGNORECASE)
_RULE = re.compile(r"^[\s:|=-]*$")
_CODE = re.compile(r"^[A-Z][A-Z/]{0,9}$")
_DATA_CELL = re.compile(r"@|:\s*\S|\d{3,}(?![/-]\d)|https?:|www\.")
_HEADING_WORD = re.compile(
    r"\b(?:names?|title|roles?|authorit(?:y|ies)|councils?|councillors?|members?|types?|"
    r"regions?|areas?|wards?|dates?|items?|pages?|numbers?|no|totals?|amounts?|years?|"
    r"descriptions?|status|party|parties|group|control|percentage|proportion|share|"
    r"cohorts?|stages?|periods?|time|information|details|providers?|allocations?|costs?|"
    r"budgets?|values?|organisations?|services?|measures?|targets?|actuals?|variance|"
    r"categor(?:y|ies)|topics?|actions?|owners?|lead|deadlines?|progress|comments?|notes|"
    r"positions?|ratings?|scores?|risks?|outcomes?|sources?|activit(?:y|ies)|counts?|"
    r"populations?|projects?|schemes?|sites?|locations?|venues?|officers?|contacts?|"
    r"responsibilit(?:y|ies)|purpose|decisions?|recommendations?|funding|spend|forecast|"
    r"indicators?|results?|subjects?|issues?|reasons?|responses?|ref(?:erence)?|"
    r"applications?|address|portfolio|directorate|department|partner|partners|"
    r"method|frequency|when|who|what|how|where|why|%)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:[/-]\d{2,4})?$")



@dataclass(frozen=True, slots=True)
class TableSettings:
    """Where a table's header is looked for and how far its printed sums may be out."""

    header_scan_rows: int = 3  # leading rows searched for the first row holding a number
    max_header_rows: int = 2  # at most this many rows are header
    percent_tolerance: float = 0.06  # a printed percentage vs count/total: one decimal rounding
    percent_tolerance_whole: float = 0.51  # ...when the paper rounds to whole numbers
    sum_tolerance: float = 1.0  # how far a percentage column's sum may be from 100
    sum_min_cells: int = 2  # fewer percentages than this are not checked against 100
    total_relative: float = 1e-6  # a total agrees within this share of itself (float sums)


TABLE = TableSettings()


def parse_cell(cell: str) -> float | None:
    """A table cell as a number: "7,429" -> 7429, "28%" -> 28, "£2.6m" -> 2600000;
    None for words ("TBC", "N/A") and empty cells."""
    m = _NUMBER.match(cell.strip().replace("\u00a0", " "))
    if not m:
        return None
    value = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
    if m.group("scale"):
        value *= _SCALES[m.group("scale").lower()]
    negative = m.group("sign") or (cell.strip().startswith("(") and cell.strip().endswith(")"))
    return -value if negative else value


def header_rows(rows: Sequence[Sequence[str]]) -> int:
    """How many leading rows are header: non-numeric rows above the first row that has
    a number, or 1 when the first row is all words and some later row is not."""
    for i, row in enumerate(rows[:TABLE.header_scan_rows]):
        if any(_is_number(c) for c in row if c.strip()):
            return min(i, TABLE.max_header_rows)
    if rows and len(rows) > 1 and all(c.strip() for c in rows[0]) and _labels(rows[0]):
        return 0 if _shape(rows[0]) == _shape(rows[1]) and any(_shape(rows[0])) else 1
    return 0


def _labels(row: Sequence[str]) -> bool:
    """Whether a row of words reads as column headings: no cell holds data (an address,
    a "label: value" pair, a long number) and at least one is a usual heading word, so
    "Harriet Oduya | Severnside Business Board" is a row, "Name | Authority" a header."""
    if any(_DATA_CELL.search(c) for c in row):
        return False
    return any(_HEADING_WORD.search(c) for c in row)


def _shape(row: Sequence[str]) -> tuple[bool, ...]:
    """Which cells are short codes ("MD", "LAB"): rows alike in this are alike in kind."""
    return tuple(bool(_CODE.match(c.strip())) for c in row)


def _is_number(cell: str) -> bool:
    return parse_cell(cell) is not None and not _YEAR.match(cell.strip())


def is_total_row(row: Sequence[str]) -> bool:
    first = next((c.strip() for c in row if c.strip()), "")
    return bool(_TOTAL.match(first))


def table_data(rows: Sequence[Sequence[str]], block: int, caption: str = "") -> TableData:
    """The table as data, with its totals and percentages checked."""
    clean = [tuple(c.strip() for c in r) for r in rows
             if any(c.strip() for c in r) and not all(_RULE.match(c) for c in r)]
    width = max((len(r) for r in clean), default=0)
    clean = [r + ("",) * (width - len(r)) for r in clean]
    while width > 1 and len(clean) > 2 and sum(1 for c in clean[0] if c) == 1 and clean[0][0]:
        caption = caption or clean[0][0]  # a title row spanning the table: its caption
        clean = clean[1:]
    n_head = header_rows(clean)
    header = _merged_header(clean[:n_head], width)
    body = clean[n_head:]
    numbers = tuple(tuple(parse_cell(c) for c in r) for r in body)
    checks = check_table(header, body, numbers)
    return TableData(caption=caption.strip(), header=header, rows=tuple(body), block=block,
                     numbers=numbers, checks=checks,
                     consistent=all(c.ok for c in checks) if checks else None)


def _merged_header(head: Sequence[tuple[str, ...]], width: int) -> tuple[str, ...]:
    if not head:
        return ()
    return tuple(" ".join(h[k] for h in head if k < len(h) and h[k]).strip()
                 for k in range(width))


# ---------------------------------------------------------------- checks


def check_table(header: Sequence[str], body: Sequence[Sequence[str]],
                numbers: Sequence[Sequence[float | None]]) -> tuple[TableCheck, ...]:
    totals = [i for i, r in enumerate(body) if is_total_row(r)]
    if not totals:
        return ()
    t = totals[-1]
    members = [i for i in range(t) if i not in totals]
    if not members:
        return ()
    checks: list[TableCheck] = []
    width = len(header) if header else max(len(r) for r in numbers)
    pct_cols = {k for k in range(width) if k < len(header) and _PERCENT_HEADER.search(header[k])}
    for k in range(1, width):
        col = [numbers[i][k] for i in members if k < len(numbers[i])]
        total = numbers[t][k] if k < len(numbers[t]) else None
        name = _column_name(header, k)
        if k in pct_cols:
            checks.extend(_percentage_checks(header, body, numbers, members, t, k))
            continue
        if total is None or not any(v is not None for v in col):
            continue
        found = sum(v for v in col if v is not None)
        slack = TABLE.total_relative * max(1.0, abs(total))
        checks.append(TableCheck(column=name, kind="total", expected=total, found=found,
                                 ok=abs(found - total) < slack))
    return tuple(checks)


def _percentage_checks(header: Sequence[str], body: Sequence[Sequence[str]],
                       numbers: Sequence[Sequence[float | None]], members: list[int],
                       t: int, k: int) -> list[TableCheck]:
    """Each row's percentage against count/total, and the column's sum against 100."""
    count_col = _count_column(numbers, members, t, k)
    name = _column_name(header, k)
    out: list[TableCheck] = []
    pcts = [numbers[i][k] for i in members]
    if count_col is not None:
        total = numbers[t][count_col] or sum(numbers[i][count_col] or 0 for i in members)
        whole = all(p is None or p == int(p) for p in pcts)
        tol = TABLE.percent_tolerance_whole if whole else TABLE.percent_tolerance
        for i in members:
            count, pct = numbers[i][count_col], numbers[i][k]
            if count is None or pct is None or not total:
                continue
            expected = round(count / total * 100, 1)
            out.append(TableCheck(column=f"{name} ({body[i][0]})", kind="percentage",
                                  expected=expected, found=pct,
                                  ok=abs(count / total * 100 - pct) <= tol))
    present = [p for p in pcts if p is not None]
    if len(present) >= TABLE.sum_min_cells:
        found = round(sum(present), 1)
        out.append(TableCheck(column=f"{name} (sum)", kind="percentage", expected=100.0,
                              found=found, ok=abs(found - 100.0) <= TABLE.sum_tolerance))
    return out


def _count_column(numbers: Sequence[Sequence[float | None]], members: list[int], t: int,
                  k: int) -> int | None:
    """The nearest column to the left of a percentage column that holds counts."""
    for c in range(k - 1, 0, -1):
        if numbers[t][c] is not None or all(numbers[i][c] is not None for i in members):
            return c
    return None


def _column_name(header: Sequence[str], k: int) -> str:
    return header[k] if k < len(header) and header[k] else f"column {k + 1}"
