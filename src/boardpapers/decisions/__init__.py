"""Decisions as data, and what became of each recommendation (issue 20)."""

from boardpapers.decisions.model import OUTCOMES, Decision
from boardpapers.decisions.records import decisions_of

__all__ = ["OUTCOMES", "Decision", "decisions_of"]
