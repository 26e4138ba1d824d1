"""Dates (stub: the full finder is being written; the interface below is fixed).

``parse_date(text, ref)`` -> ISO day or None, for parsers reading a meeting header.
``find_dates(text, block, ref)`` -> DateFacts with spans into that block's text.
"""

from __future__ import annotations

import datetime as dt
import re

from boardpapers.paper import DateFact, Span

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})\s*(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def parse_date(text: str, ref: dt.date | None = None) -> str | None:
    m = _DAY_MONTH_YEAR.search(text)
    if not m:
        return None
    month = _MONTHS.get(m.group(2)[:3].lower())
    try:
        return dt.date(int(m.group(3)), month, int(m.group(1))).isoformat() if month else None
    except ValueError:
        return None


def find_dates(text: str, block: int, ref: dt.date | None = None) -> list[DateFact]:
    out = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        iso = parse_date(m.group(0))
        out.append(DateFact(text=m.group(0), span=Span(block, m.start(), m.end()), date=iso,
                            parsed=iso is not None))
    return out
