"""Classification: which genre a paper is, the evidence for it and how sure it is.

Made by ``genre.classify`` and read by the parsers, which pick the genre's reader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Classification:
    genre: str
    evidence: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()
    language: str = "en"  # en | cy | bilingual
    confidence: float = 0.0  # 0..1: the genre's share of the evidence found
    # The genre whose parser reads the paper when that is not its own: a decision record
    # is filed as "other" but laid out like the report it decides on.
    read_as: str | None = None
    # The precise genre within ``genre`` when one is recognised: ``genre`` is the family
    # the export contract knows ("other"), ``form`` the kind of paper ("forward_plan").
    form: str | None = None
