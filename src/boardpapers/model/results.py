"""Hit and SearchResult: what a search answers, to the CLI, the web pages and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    path: str
    title: str | None
    genre: str
    date: str | None
    body: str | None
    block: int
    page: int | None  # None when the paper's file marks no pages
    kind: str
    section: str | None
    heading: str | None
    report: str | None
    snippet: str  # HTML-escaped, matches wrapped in <mark>
    score: float
    copies: int = 1  # passages with this same text among the matches read
    passages: int = 1  # one hit per paper: the paper's passages among the matches read

    def to_json(self) -> dict[str, Any]:
        return {"document": {"id": self.doc_id, "path": self.path, "title": self.title,
                             "genre": self.genre, "date": self.date, "body": self.body},
                "block": self.block, "page": self.page, "kind": self.kind,
                "report": self.report, "section": self.section, "heading": self.heading,
                "snippet": self.snippet, "score": round(self.score, 4),
                "copies": self.copies, "passages": self.passages}


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...] = ()
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    query: str = ""
    behind: int = 0  # passages stored by a running ingest, not yet searchable
    papers: int = 0  # distinct papers among all matches
    undated: int = 0  # matches in undated papers a date filter left out
    estimated: bool = False  # papers and facet counts estimated from a sample of matches
    order: str = "relevance"
    per_paper: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "papers": self.papers,
                "undated_left_out": self.undated, "order": self.order,
                "per_paper": self.per_paper, "index_behind": self.behind,
                "estimated": self.estimated,
                "hits": [h.to_json() for h in self.hits],
                "facets": {k: [{"value": v, "count": c} for v, c in vals]
                           for k, vals in self.facets.items()}}
