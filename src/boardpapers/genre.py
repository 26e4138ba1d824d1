"""classify(layout) -> Classification: which kind of paper this is, and why."""

from __future__ import annotations

from dataclasses import dataclass

from boardpapers.layout import Layout


@dataclass(frozen=True, slots=True)
class Classification:
    genre: str
    evidence: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()


def classify(layout: Layout) -> Classification:
    return Classification("other", ("placeholder classifier",))
