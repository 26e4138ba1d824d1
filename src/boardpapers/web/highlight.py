"""Facts marked in the text they were found in: block text cut into plain and fact
segments, so a template can highlight each fact and link it to the side list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Fact kinds shown in the text, in the order the side list shows them; the other
# registered kinds (a plugin's) follow in the order they were registered.
MARKED_KINDS = ("money", "dates", "metrics", "councils", "people", "contacts")


def marked_kinds() -> tuple[str, ...]:
    """MARKED_KINDS, then every other registered fact kind."""
    from boardpapers.plugins import points
    return (*MARKED_KINDS, *(k for k in points().fact_kinds.names() if k not in MARKED_KINDS))


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str | None = None  # a fact kind, or None for plain text
    anchor: str | None = None  # the id of the fact in the side list


@dataclass(frozen=True, slots=True)
class Mark:
    block: int
    start: int
    end: int
    kind: str
    anchor: str


def fact_marks(facts: dict[str, Any]) -> list[Mark]:
    """Every fact with a span, as a mark named after its kind and position."""
    marks = []
    for kind in marked_kinds():
        for i, fact in enumerate(facts.get(kind) or []):
            span = fact.get("span") if isinstance(fact, dict) else None
            if span and span.get("end", 0) > span.get("start", 0):
                marks.append(Mark(span["block"], span["start"], span["end"], kind,
                                  f"{kind}-{i}"))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut one block's text at its marks; of two overlapping marks the earlier (then the
    longer) wins, and a mark outside the text is ignored."""
    out: list[Segment] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text):
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m.kind, m.anchor))
        pos = m.end
    if pos < len(text) or not out:
        out.append(Segment(text[pos:]))
    return out


def marked_blocks(blocks: list[dict[str, Any]],
                  facts: dict[str, Any]) -> list[tuple[dict[str, Any], list[Segment]]]:
    """Each block beside its text cut at the facts found in it."""
    by_block: dict[int, list[Mark]] = {}
    for m in fact_marks(facts):
        by_block.setdefault(m.block, []).append(m)
    return [(b, segments(b["text"], by_block.get(b["idx"], []))) for b in blocks]
