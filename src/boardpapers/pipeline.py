"""The pure flow from a file to an understood Paper, and batch ingest around it."""

from __future__ import annotations

from pathlib import Path

from boardpapers import facts, genre, parsers, readers
from boardpapers.layout import Layout
from boardpapers.paper import Paper


def understand(layout: Layout) -> Paper:
    """classify -> parse -> extract: everything after reading, touching nothing outside."""
    classification = genre.classify(layout)
    paper = parsers.parse(layout, classification)
    return facts.extract(paper)


def process(path: str | Path) -> Paper:
    """read -> classify -> parse -> extract for one file."""
    return understand(readers.read(path))
