"""Ranked full-text search over stored blocks, with snippets, filters and facets.

The block index (store/textindex.py) ranks by BM25 with English stemming, headings and
recommendation, purpose, summary and action text weighing three times the body text,
and counts the total and the facets (body, genre, year, section) in the same pass. The
store (``Store.search``) resolves what the index does not hold — which documents match a
body name or a council — and supplies the details of each hit, whichever database it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from boardpapers.errors import QuerySyntaxError
from boardpapers.query import Filters, parse_query
from boardpapers.store import Store


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    path: str
    title: str | None
    genre: str
    date: str | None
    body: str | None
    block: int
    page: int
    kind: str
    section: str | None
    heading: str | None
    report: str | None
    snippet: str  # HTML-escaped, matches wrapped in <mark>
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"document": {"id": self.doc_id, "path": self.path, "title": self.title,
                             "genre": self.genre, "date": self.date, "body": self.body},
                "block": self.block, "page": self.page, "kind": self.kind,
                "report": self.report, "section": self.section, "heading": self.heading,
                "snippet": self.snippet, "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...] = ()
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    query: str = ""
    behind: int = 0  # passages stored by a running ingest, not yet searchable

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "index_behind": self.behind,
                "hits": [h.to_json() for h in self.hits],
                "facets": {k: [{"value": v, "count": c} for v, c in vals]
                           for k, vals in self.facets.items()}}


MAX_LIMIT = 1_000  # hits on one page
MAX_OFFSET = 100_000  # deeper pages: narrow the query instead (the index ranks offset+limit)


def check_page(limit: int, offset: int) -> None:
    """One clear line for a page size or offset out of range, before the index sees it."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QuerySyntaxError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise QuerySyntaxError(f"--offset must be between 0 and {MAX_OFFSET}, not {offset}: "
                               "narrow the query or add a filter instead")


def search(store: Store, text_query: str, *, filters: Filters | None = None, limit: int = 10,
           offset: int = 0, facets: bool = True) -> SearchResult:
    """Parse, run and shape one search; bad queries raise QuerySyntaxError."""
    check_page(limit, offset)
    query = parse_query(text_query, filters)
    if query.is_empty:
        raise QuerySyntaxError("empty query: type a word or a \"phrase\" to search for")
    found = store.search(query, limit=limit, offset=offset, facets=facets)
    hits = tuple(Hit(doc_id=r["doc_id"], path=r["path"], title=r["title"], genre=r["genre"],
                     date=r["date"], body=r["body"], block=r["idx"], page=r["page"],
                     kind=r["kind"], section=r["section_kind"], heading=r["heading"],
                     report=r["report"], snippet=h.snippet, score=h.score)
                 for h in found.hits if (r := h.row))
    return SearchResult(total=found.total, hits=hits, facets=found.facets, query=text_query,
                        behind=found.behind)
