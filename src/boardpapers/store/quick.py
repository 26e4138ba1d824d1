"""A quick, read-only search of a SQLite database with the standard library's sqlite3.

``boardpapers search`` answers from a cold start in a fraction of a second when it need
not import SQLAlchemy (most of a cold start): when the database is a SQLite file of this
schema version and its search index is in step with it, this reads the few rows a
search needs directly. Anything else — another back end, an index that lags a running
ingest or needs rebuilding, an old database — returns None and the full store answers,
with its messages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from boardpapers.model.errors import StoreError
from boardpapers.model.query import Query
from boardpapers.store.base import BlockSearch, SearchOptions
from boardpapers.store.version import SCHEMA_VERSION

HIT_DETAILS = (
    "SELECT b.id, b.doc_id, d.path, d.title, d.genre, d.date, d.body, b.idx, b.page, "
    "d.pages AS doc_pages, "
    "b.kind, b.section_kind, b.heading, r.title AS report "
    "FROM blocks b JOIN documents d ON d.id = b.doc_id "
    "LEFT JOIN reports r ON r.doc_id = b.doc_id AND r.idx = b.report_idx "
    "WHERE b.id IN ({})")
SUPERSEDED = ("SELECT d.id FROM documents d JOIN (SELECT path, max(ingested_at) AS latest "
              "FROM documents GROUP BY path HAVING count(*) > 1) g ON g.path = d.path "
              "WHERE d.ingested_at < g.latest")
MENTIONS = ("SELECT DISTINCT b.id, b.doc_id FROM council_facts x JOIN blocks b "
            "ON b.doc_id = x.doc_id AND b.idx = x.block WHERE {}")


def quick_store(url: str) -> QuickSearch | None:
    """A quick searcher for a SQLite URL, or None when the full store must answer."""
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.split(":///", 1)[1].split("?", 1)[0])
    index_dir = Path(str(path) + ".index")
    if str(path) in ("", ":memory:") or not path.is_file() or not index_dir.is_dir():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        version = conn.execute("SELECT value FROM boardpapers_meta WHERE key = 'schema'"
                               ).fetchone()
        if version is None or version[0] != SCHEMA_VERSION:
            return None
        from boardpapers.store.textindex import TextIndex
        index = TextIndex(index_dir, create=False)
        if index.writer_elsewhere():
            return None  # an ingest is running: the full store says how far behind
        stored = conn.execute("SELECT count(*) FROM blocks WHERE kind != 'page_break'"
                              ).fetchone()[0]
        if stored != index.num_docs():
            return None  # out of step: the full store rebuilds the index
    except (sqlite3.Error, StoreError, ValueError, OSError):
        return None
    return QuickSearch(conn, index)


class QuickSearch:
    """Store.search over a sqlite3 connection and the index beside the file."""

    behind = 0

    def __init__(self, conn: sqlite3.Connection, index: Any) -> None:
        self.conn = conn
        self.index = index

    def search(self, query: Query, *, limit: int, offset: int = 0, facets: bool = True,
               options: SearchOptions | None = None) -> BlockSearch:
        from boardpapers.store.blocksearch import search_blocks
        return search_blocks(self.index, _SqliteRows(self.conn), query, limit=limit,
                             offset=offset, facets=facets, options=options)


class _SqliteRows:
    """The rows a search needs (blocksearch.RowSource), in plain SQL; the same questions
    as queries.py asks through SQLAlchemy, compiled here by hand for SQLite."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def body_names(self, body: str) -> list[str]:
        pattern = "%" + body.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT body FROM documents WHERE lower(body) LIKE lower(?) ESCAPE '\\'",
            (pattern,)) if r[0] is not None]

    def council_mentions(self, codes: Sequence[str], name: str | None
                         ) -> list[tuple[int, str]]:
        if codes:
            sql = MENTIONS.format(f"x.code IN ({_marks(codes)})")
            return [(int(b), str(d)) for b, d in self.conn.execute(sql, tuple(codes))]
        sql = MENTIONS.format("lower(x.text) = lower(?) OR lower(x.name) = lower(?)")
        return [(int(b), str(d)) for b, d in self.conn.execute(sql, (name, name))]

    def authorities(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT authority FROM documents WHERE authority IS NOT NULL")]

    def documents_of(self, authorities: Sequence[str]) -> list[str]:
        return [r[0] for r in self.conn.execute(
            f"SELECT id FROM documents WHERE authority IN ({_marks(authorities)})",
            tuple(authorities))]

    def superseded(self) -> list[str]:
        return [r[0] for r in self.conn.execute(SUPERSEDED)]

    def hit_details(self, block_ids: Sequence[int]) -> list[dict[str, Any]]:
        cur = self.conn.execute(HIT_DETAILS.format(_marks(block_ids)), tuple(block_ids))
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))
