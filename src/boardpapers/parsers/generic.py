"""The fallback parser: a Paper with only what every genre shares (title, date)."""

from __future__ import annotations

from boardpapers.genre import Classification
from boardpapers.layout import Layout
from boardpapers.paper import Paper


def parse_other(layout: Layout, classification: Classification) -> Paper:
    first = next((b.text for b in layout.content_blocks), None)
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, title=first)
