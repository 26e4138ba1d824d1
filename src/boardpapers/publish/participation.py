"""Participation: which councils take part in a programme, counted by type, region and
political control, with percentages, and checked against the paper's own summary.

The list comes from a stored paper's tables (a council-name column beside type, region
or control columns, as appendices print them; a table split by a page break is joined
again) or from council names alone (``councils_from_names``: type and region from the
register). ``summarise`` counts; ``compare`` reads the summary tables that follow a list
in the paper and says where its figures differ from the list's own.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from boardpapers.model.errors import BoardpapersError

DIMENSIONS = ("type", "region", "control")
PERCENT_TOLERANCE = 0.05  # a printed percentage within this of ours (one decimal) agrees
OTHER = "Other"
NOT_GIVEN = "Not given"
# The codes appendices print, and the names summaries use for them.
TYPE_NAMES = {"C": "County", "CC": "County", "CTY": "County", "D": "District",
              "NMD": "District", "DC": "District", "UA": "Unitary Authority",
              "MD": "Metropolitan District", "MBC": "Metropolitan District",
              "LB": "London Borough", "LBO": "London Borough"}
REGION_NAMES = {"EM": "East Midlands", "E": "East of England", "EE": "East of England",
                "GL": "London", "L": "London", "LON": "London", "NE": "North East",
                "NW": "North West", "SE": "South East", "SW": "South West",
                "WM": "West Midlands", "YH": "Yorkshire and the Humber",
                "W": "Wales", "S": "Scotland", "NI": "Northern Ireland"}
CONTROL_NAMES = {"CON": "Conservative", "LAB": "Labour", "LD": "Liberal Democrat",
                 "LIB DEM": "Liberal Democrat", "NOC": "No overall control",
                 "IND": "Independent/Other", "IND/OTHER": "Independent/Other",
                 "OTHER": "Independent/Other", "GRN": "Green", "PC": "Plaid Cymru",
                 "SNP": "SNP", "N/A": "N/A", "NA": "N/A"}
# Words a summary's row label may add to a category's name ("County Council").
LABEL_NOISE = re.compile(r"\b(councils?|authorit(?:y|ies)|party)\b", re.I)


class ParticipationError(BoardpapersError):
    """No list of councils where one was asked for."""


@dataclass(frozen=True, slots=True)
class Council:
    name: str
    type: str = OTHER
    region: str = NOT_GIVEN
    control: str = NOT_GIVEN


@dataclass(frozen=True, slots=True)
class Count:
    label: str
    count: int
    percent: float  # of all councils in the list, one decimal


@dataclass(frozen=True, slots=True)
class Difference:
    dimension: str
    label: str
    paper_count: int | None
    paper_percent: float | None
    count: int
    percent: float

    def describe(self) -> str:
        said = ", ".join(x for x in (
            f"{self.paper_count}" if self.paper_count is not None else "",
            f"{self.paper_percent:.1f}%" if self.paper_percent is not None else "") if x)
        return (f"{self.dimension} {self.label}: the paper says {said}; its list gives "
                f"{self.count} ({self.percent:.1f}%)")


@dataclass(frozen=True, slots=True)
class Summary:
    caption: str
    councils: tuple[Council, ...]
    counts: dict[str, tuple[Count, ...]]  # dimension -> counts, largest first
    differences: tuple[Difference, ...] = ()
    checked: tuple[str, ...] = field(default=())  # dimensions the paper summarised

    @property
    def total(self) -> int:
        return len(self.councils)


def _cell_kind(header: str) -> str | None:
    h = header.strip().lower()
    if h.startswith("type"):
        return "type"
    if "number" in h or "percent" in h or h in ("councils", "count", "%"):
        return "figure"
    if "council" in h or h in ("name", "authority", "organisation"):
        return "name"
    return _dimension(h)


def _dimension(label: str) -> str | None:
    """Which dimension a column or summary names: type, region or control."""
    h = label.strip().lower()
    if h.startswith("type"):
        return "type"
    if "region" in h:
        return "region"
    if "political" in h or "party" in h or "control" in h:
        return "control"
    return None


def _columns(header: list[str]) -> dict[str, int] | None:
    """Which column holds what, for a list of councils (name and one more), else None."""
    kinds: dict[str, int] = {}
    for i, cell in enumerate(header):
        kind = _cell_kind(cell)
        if kind and kind not in kinds:
            kinds[kind] = i
    if "figure" in kinds or "name" not in kinds:
        return None  # a summary of counts, not a list
    return kinds if len(kinds) >= 2 else None


def _council(row: list[str], cols: dict[str, int]) -> Council | None:
    def cell(kind: str) -> str:
        i = cols.get(kind)
        return row[i].strip() if i is not None and i < len(row) else ""

    name = cell("name")
    if not name or set(name) <= set("-–— "):
        return None
    code = cell("type").upper()
    region = cell("region").upper()
    control = cell("control").upper()
    return Council(name, TYPE_NAMES.get(code, OTHER if not code else code.title()),
                   REGION_NAMES.get(region, region.title() or NOT_GIVEN),
                   CONTROL_NAMES.get(control, control.title() or NOT_GIVEN))


def council_lists(tables: list[dict[str, Any]]) -> list[tuple[int, str, list[Council]]]:
    """(table index, caption, councils) for each list of councils among a paper's tables;
    a headerless table of the same width right after a list continues it."""
    found: list[tuple[int, str, list[Council]]] = []
    cols: dict[str, int] | None = None
    width = 0
    for i, table in enumerate(tables):
        header = list(table.get("header") or [])
        here = _columns(header)
        rows = [list(r) for r in table.get("rows") or []]
        if here:
            cols, width = here, len(header)
            found.append((i, table.get("caption") or "", []))
        elif cols and found and found[-1][0] == i - 1 and len(header) == width \
                and not _summary_dimension(header):
            rows = [header, *rows]  # the header line was the list's next row
            found[-1] = (i, found[-1][1], found[-1][2])
        else:
            cols = None
            continue
        found[-1][2].extend(c for r in rows if (c := _council(r, cols)) is not None)
    return [f for f in found if f[2]]


def counts(councils: list[Council] | tuple[Council, ...]) -> dict[str, tuple[Count, ...]]:
    total = len(councils) or 1
    out: dict[str, tuple[Count, ...]] = {}
    for dim in DIMENSIONS:
        tally = Counter(getattr(c, dim) for c in councils)
        out[dim] = tuple(Count(label, n, round(100 * n / total, 1))
                         for label, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _summary_dimension(header: list[str]) -> str | None:
    return _dimension(header[0]) if header else None


def _number(text: str) -> float | None:
    m = re.search(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
    return float(m.group()) if m else None


def _label_key(label: str) -> str:
    return " ".join(LABEL_NOISE.sub(" ", label).lower().split())


def compare(summary_tables: list[dict[str, Any]], found: dict[str, tuple[Count, ...]],
            total: int) -> tuple[tuple[Difference, ...], tuple[str, ...]]:
    """Where the paper's summary tables differ from the counts of its list."""
    diffs: list[Difference] = []
    checked: list[str] = []
    for table in summary_tables:
        header = list(table.get("header") or [])
        dim = _summary_dimension(header)
        if dim is None:
            continue
        checked.append(dim)
        ours = {_label_key(c.label): c for c in found[dim]}
        for row in table.get("rows") or []:
            label = (row[0] if row else "").strip()
            values = [_number(c) for c in row[1:]]
            paper_count = int(values[0]) if values and values[0] is not None else None
            paper_pct = values[1] if len(values) > 1 else None
            if re.search(r"\btotal\b", label, re.I):
                if paper_count is not None and paper_count != total:
                    diffs.append(Difference(dim, "total", paper_count, None, total, 100.0))
                continue
            mine = ours.get(_label_key(label)) or Count(label, 0, 0.0)
            if (paper_count is not None and paper_count != mine.count) or (
                    paper_pct is not None
                    and abs(paper_pct - mine.percent) > PERCENT_TOLERANCE):
                diffs.append(Difference(dim, label, paper_count, paper_pct, mine.count,
                                        mine.percent))
    return tuple(diffs), tuple(checked)


def summaries(paper: dict[str, Any]) -> list[Summary]:
    """Each list of councils in a stored paper (its export contract), counted and checked
    against the summary tables that follow it (up to the next list)."""
    tables = list(paper.get("tables") or [])
    lists = council_lists(tables)
    out: list[Summary] = []
    for n, (last, caption, councils) in enumerate(lists):
        end = lists[n + 1][0] if n + 1 < len(lists) else len(tables)
        following = [t for t in tables[last + 1:end]
                     if _summary_dimension(list(t.get("header") or []))]
        found = counts(councils)
        diffs, checked = compare(following, found, len(councils))
        out.append(Summary(caption, tuple(councils), found, diffs, checked))
    return out


def councils_from_names(names: list[str]) -> list[Council]:
    """Councils named as taking part, typed and placed by the register (Other when it
    does not hold the name)."""
    from boardpapers.registry import lookup
    out: list[Council] = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        found = lookup(name)
        if found:
            a = found[0]
            out.append(Council(name, TYPE_NAMES.get(a.type_code, OTHER),
                               a.region or a.nation or NOT_GIVEN))
        else:
            out.append(Council(name))
    return out


def table_rows(summary: Summary) -> list[tuple[str, str, int, float]]:
    """(dimension, label, count, percent) rows, for printing and CSV."""
    return [(dim, c.label, c.count, c.percent) for dim in DIMENSIONS
            for c in summary.counts[dim]]


def summary_json(summary: Summary) -> dict[str, Any]:
    return {"list": summary.caption, "total": summary.total,
            "councils": [dataclasses.asdict(c) for c in summary.councils],
            "counts": {dim: [dataclasses.asdict(c) for c in summary.counts[dim]]
                       for dim in DIMENSIONS},
            "checked": list(summary.checked),
            "differences": [dict(dataclasses.asdict(d), said=d.describe())
                            for d in summary.differences]}
