"""The Store protocol: everything the commands ask of a database, whichever it is.

Commands and library functions hold a ``Store`` and never learn which back end it is;
each implementation (``sqlite.SqliteStore``, ``postgres.PostgresStore``) keeps its SQL
inside itself. ``store.open_store(url)`` picks one from the URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from boardpapers.model.query import Query

if TYPE_CHECKING:
    from boardpapers.model.paper import Paper


FACT_KEY = ("paper_date", "path", "doc_id", "idx")  # a fact row's place in Store.facts' order
MENTION_KEY = ("date", "path", "doc_id", "idx")  # a mention's place among a council's

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
    estimated: bool = False  # facets and papers estimated from a sample of the matches


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
              until: str | None = None, limit: int = 1000, offset: int = 0,
              after: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Facts of one kind (money, dates, …), newest paper first, with provenance;
        ``after``: the page after the row with this key (FACT_KEY's values)."""
        ...

    def councils(self, *, include_unlinked: bool = False) -> list[dict[str, Any]]:
        """Councils mentioned, with mentions and papers."""
        ...

    def similar(self, doc_id: str, limit: int = 10) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    # ---------------------------------------------------------- browsing (store/reads.py)

    def rows_of(self, doc_id: str, table: str) -> list[dict[str, Any]]:
        """One paper's rows of blocks, reports, recommendations, contact_officers,
        members or agenda_items, in the paper's order."""
        ...

    def stored_paper(self, doc_id: str) -> dict[str, Any]:
        """The paper as stored (the export contract without blocks); {} if none."""
        ...

    def report_text(self, doc_id: str, title_key: str | None) -> list[str]: ...

    def meeting_of(self, doc_id: str) -> dict[str, Any] | None: ...

    def paper_list(self, *, genre: str | None = None, body: str | None = None,
                   authority: str | None = None, since: str | None = None,
                   until: str | None = None, after: list[Any] | None = None,
                   limit: int = 20) -> list[dict[str, Any]]:
        """Current papers newest first, after the key (date, path, id) ``after``."""
        ...

    def meeting_list(self, *, body: str | None = None, authority: str | None = None,
                     since: str | None = None, until: str | None = None,
                     after: list[Any] | None = None,
                     limit: int = 20) -> list[dict[str, Any]]:
        """Meetings newest first, after the key (date, path, doc_id) ``after``."""
        ...

    def board_meetings(self, body: str | None, authority: str | None
                       ) -> list[dict[str, Any]]: ...

    def board_papers(self, body: str | None, authority: str | None
                     ) -> list[dict[str, Any]]: ...

    def upcoming(self, today: str, limit: int) -> dict[str, list[dict[str, Any]]]: ...

    def deadlines(self, *, body: str | None = None, since: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]: ...

    def council_mentions(self, code: str, name: str, *, limit: int,
                         after: Sequence[Any] | None = None) -> dict[str, Any]:
        """A council's head row, a page of its mentions (after the mention with the key
        ``after``: MENTION_KEY's values), its programmes and papers."""
        ...

    # ---------------------------------------------------------- publishing and decisions

    def newest_papers(self, *, body: str | None = None, ids: Sequence[str] | None = None,
                      limit: int = 50) -> list[dict[str, Any]]: ...

    def dated_meetings(self, body: str | None = None) -> list[dict[str, Any]]: ...

    def briefings(self, *, since: str | None = None, until: str | None = None,
                  body: str | None = None, item_kind: str | None = None
                  ) -> list[dict[str, Any]]: ...

    def reports_between(self, since: str, until: str, body: str | None = None
                        ) -> list[dict[str, Any]]: ...

    def recommendations_between(self, since: str, until: str, body: str | None = None
                                ) -> list[dict[str, Any]]: ...

    def export_rows(self, table: str) -> list[dict[str, Any]]:
        """papers, reports, recommendations or facts, each row with its paper."""
        ...

    def recommendation_list(self, *, body: str | None = None) -> list[dict[str, Any]]: ...

    def decision_list(self, *, body: str | None = None) -> list[dict[str, Any]]: ...

    def recommendation_keys(self, *, body: str | None = None, since: str | None = None,
                            until: str | None = None, officer: str | None = None,
                            kind: str | None = None) -> list[dict[str, Any]]: ...

    def officer_names(self) -> dict[tuple[str, int], list[str]]: ...

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
