"""parse(layout, classification) -> Paper: one parser module per genre.

Each genre is a GenreSpec naming the function that turns a Layout of that genre into a
Paper (``builtins`` registers the built-in ones; a plugin adds its own: see ``plugins``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Layout
from boardpapers.model.paper import Paper
from boardpapers.plugins import points, resolve

Parser = Callable[[Layout, Classification], Paper]



def parser_for(genre: str) -> Parser:
    """The registered genre's parser; a genre nobody registered is read as "other"."""
    genres = points().genres
    spec = genres.get(genre) or genres.get("other")
    assert spec is not None, "the built-in genre 'other' is always registered"
    parser: Parser = resolve(spec.parse)
    return parser


def parse(layout: Layout, classification: Classification) -> Paper:
    """The paper read by its form's parser, else the one it is read as, else its genre's."""
    genre = classification.form or classification.read_as or classification.genre
    paper = parser_for(genre)(layout, classification)
    return dataclasses.replace(paper, genre_confidence=classification.confidence,
                               form=classification.form)
