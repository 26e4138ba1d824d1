"""Tables of a seed paper read straight from its tab-separated lines, for finder tests
that must not wait on the text reader: consecutive lines with tabs make one table."""

from __future__ import annotations

import re
from pathlib import Path

_TAG = re.compile(r"</?(?:b|i|sup|strong|em)>")


def seed_tables(path: Path) -> list[tuple[tuple[str, ...], ...]]:
    tables: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            current.append(tuple(_TAG.sub("", c).strip() for c in line.split("\t")))
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return [tuple(t) for t in tables]
