"""parse(layout, classification) -> Paper: one parser module per genre.

``PARSERS`` maps a genre to the function that turns a Layout of that genre into a
Paper; adding a genre is adding a module and a line here.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Layout
from boardpapers.model.paper import Paper

Parser = Callable[[Layout, Classification], Paper]

# genre -> (module in boardpapers.parsers, function name)
PARSERS: dict[str, tuple[str, str]] = {
    "agenda_pack": ("pack", "parse_pack"),
    "report": ("report", "parse_report_paper"),
    "agenda": ("agenda", "parse_agenda"),
    "minutes": ("minutes", "parse_minutes"),
    "agenda_and_minutes": ("minutes", "parse_agenda_and_minutes"),
    "briefing": ("briefing", "parse_briefing"),
    "summary": ("briefing", "parse_summary"),
    "other": ("generic", "parse_other"),
}


def parser_for(genre: str) -> Parser:
    module, name = PARSERS.get(genre, PARSERS["other"])
    return getattr(importlib.import_module(f"boardpapers.parsers.{module}"), name)


def parse(layout: Layout, classification: Classification) -> Paper:
    paper = parser_for(classification.read_as or classification.genre)(layout, classification)
    return dataclasses.replace(paper, genre_confidence=classification.confidence)
