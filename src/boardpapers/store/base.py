"""The Store protocol: everything the commands ask of a database, whichever it is.

Commands and library functions hold a ``Store`` and never learn which back end it is;
each implementation (``sqlite.SqliteStore``, ``postgres.PostgresStore``) keeps its SQL
inside itself. ``store.open_store(url)`` picks one from the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from boardpapers.model.query import Query

if TYPE_CHECKING:
    from boardpapers.model.paper import Paper


@dataclass(frozen=True, slots=True)
class BlockHit:
    """One matching block: its rank and snippet from the index, its details from the rows."""

    block_id: int
    score: float
    snippet: str  # HTML-escaped, matches wrapped in <mark>
    row: dict[str, Any]  # doc_id, path, title, genre, date, body, idx, page, kind,
    #                      section_kind, heading, report
    copies: int = 1  # passages with this same text among the matches read
    passages: int = 1  # one hit per paper: the paper's passages among the matches read


@dataclass(frozen=True, slots=True)
class BlockSearch:
    total: int
    hits: tuple[BlockHit, ...] = ()
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    behind: int = 0  # passages stored by a running ingest, not yet searchable
    papers: int = 0  # distinct papers among all matches
    undated: int = 0  # matches in undated papers that a date filter left out


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How hits are ordered and folded: newest first instead of by relevance, copies of
    one passage as one hit, one hit per paper; ``window`` ranked passages are read to
    fill a page once hits are folded away."""

    by_date: bool = False
    collapse: bool = True
    per_paper: bool = False
    window: int = 50


class Searcher(Protocol):
    """What a search needs of a store (a Store, or the quick SQLite reader)."""

    def search(self, query: Query, *, limit: int, offset: int = 0,
               facets: bool = True, options: SearchOptions | None = None) -> BlockSearch:
        ...


@runtime_checkable
class Store(Protocol):
    """A database of papers and the search index that follows it."""

    url: str

    def has(self, sha256: str) -> bool:
        """Whether a paper with these bytes is stored."""
        ...

    def save(self, paper: Paper, *, replace: bool = False) -> bool:
        """Store a paper in one transaction; False when it was already there."""
        ...

    def path_of(self, sha256: str) -> str | None:
        """The path a stored paper was last found at."""
        ...

    def set_path(self, sha256: str, path: str) -> None:
        """Record where a stored paper is now (it was moved or renamed)."""
        ...

    def delete(self, doc_id: str) -> bool: ...

    def get(self, ref: str) -> dict[str, Any] | None:
        """A stored paper by id, id prefix (4+ characters) or path."""
        ...

    def report_versions(self, doc_id: str) -> list[dict[str, Any]]: ...

    def harvest_row(self, url: str) -> dict[str, Any] | None:
        """What the last harvest recorded for an address (validators, file, paper)."""
        ...

    def record_harvest(self, row: dict[str, Any]) -> None:
        """Record one fetch of an address, replacing what was recorded before."""
        ...

    def search(self, query: Query, *, limit: int, offset: int = 0,
               facets: bool = True, options: SearchOptions | None = None) -> BlockSearch:
        """Ranked blocks for a parsed query, with the total and facet counts."""
        ...

    def facts(self, kind: str, *, body: str | None = None, since: str | None = None,
              until: str | None = None, limit: int = 1000,
              offset: int = 0) -> list[dict[str, Any]]:
        """Facts of one kind (money, dates, …), newest paper first, with provenance."""
        ...

    def councils(self, *, include_unlinked: bool = False) -> list[dict[str, Any]]:
        """Councils mentioned, with mentions and papers."""
        ...

    def similar(self, doc_id: str, limit: int = 10) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def ensure_index(self) -> bool:
        """Bring the search index up to the database before a search."""
        ...

    def flush(self) -> None:
        """Make everything saved so far searchable."""
        ...

    def reindex(self) -> int:
        """Rebuild the search index from the database; the number of blocks indexed."""
        ...

    def close(self) -> None: ...
