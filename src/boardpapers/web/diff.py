"""Two versions of a report compared paragraph by paragraph."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DiffLine:
    op: str  # same | removed | added
    text: str


def paragraph_diff(old: list[str], new: list[str]) -> list[DiffLine]:
    """What changed from ``old`` to ``new``: paragraphs kept, removed and added, in order."""
    out: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(DiffLine("same", t) for t in old[i1:i2])
            continue
        out.extend(DiffLine("removed", t) for t in old[i1:i2])
        out.extend(DiffLine("added", t) for t in new[j1:j2])
    return out
