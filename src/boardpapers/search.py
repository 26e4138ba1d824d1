"""Ranked full-text search over stored blocks, with snippets, filters and facets.

The block index (store/textindex.py, store/indexsearch.py) ranks by BM25 with English
stemming and counts the total and the facets (body, genre, year, section) in the same
pass. The store (``Store.search``) resolves what the index does not hold — which body
names match, which passages and papers a council selects — and supplies the details of
each hit, whichever database it is.

What a person sees: copies of one passage (the same text in 25 packs) fold into one hit
with a count; ``per_paper`` shows each paper's best passage once; ``order="date"`` lists
newest first. A query of filters alone lists what they select, newest first, one hit per
paper unless a ``section:`` asks for passages.
"""

from __future__ import annotations

from dataclasses import dataclass

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters
from boardpapers.model.results import Hit, SearchResult
from boardpapers.query import parse_query
from boardpapers.store.base import Searcher, SearchOptions

ORDERS = ("relevance", "date")


@dataclass(frozen=True, slots=True)
class WindowSettings:
    """How many ranked passages are read to fill a page once copies and a paper's
    second passages are folded away."""

    factor: int = 5  # passages read per passage shown
    minimum: int = 50
    maximum: int = 1_000


WINDOW = WindowSettings()


MAX_LIMIT = 1_000  # hits on one page
MAX_OFFSET = 100_000  # deeper pages: narrow the query instead (the index ranks offset+limit)


def check_page(limit: int, offset: int) -> None:
    """One clear line for a page size or offset out of range, before the index sees it."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QuerySyntaxError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise QuerySyntaxError(f"--offset must be between 0 and {MAX_OFFSET}, not {offset}: "
                               "narrow the query or add a filter instead")


def search(store: Searcher, text_query: str, *, filters: Filters | None = None, limit: int = 10,
           offset: int = 0, facets: bool = True, order: str = "relevance",
           per_paper: bool | None = None, collapse: bool = True) -> SearchResult:
    """Parse, run and shape one search; bad queries raise QuerySyntaxError.

    ``per_paper`` None means one hit per paper for a query of filters alone (unless it
    asks for a section), every passage otherwise."""
    check_page(limit, offset)
    if order not in ORDERS:
        raise QuerySyntaxError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
    query = parse_query(text_query, filters)
    if per_paper is None:
        per_paper = query.is_empty and not query.filters.section
    by_date = order == "date" or query.is_empty
    window = min(max((offset + limit) * WINDOW.factor, WINDOW.minimum), WINDOW.maximum)
    found = store.search(query, limit=limit, offset=offset, facets=facets,
                         options=SearchOptions(by_date=by_date, collapse=collapse,
                                               per_paper=per_paper, window=window))
    hits = tuple(Hit(doc_id=r["doc_id"], path=r["path"], title=r["title"], genre=r["genre"],
                     date=r["date"], body=r["body"], block=r["idx"],
                     page=r["page"] if r.get("doc_pages", 1) else None,
                     kind=r["kind"], section=r["section_kind"], heading=r["heading"],
                     report=r["report"], snippet=h.snippet, score=h.score, copies=h.copies,
                     passages=h.passages)
                 for h in found.hits if (r := h.row))
    return SearchResult(total=found.total, hits=hits, facets=found.facets, query=text_query,
                        behind=found.behind, papers=found.papers, undated=found.undated,
                        estimated=found.estimated,
                        order="date" if by_date else "relevance", per_paper=per_paper)
