"""The PostgreSQL back end: one shared store that many ingest processes and machines
write to at once.

Writers only touch PostgreSQL: one transaction per paper, the document row inserted with
ON CONFLICT DO NOTHING so two writers storing the same file never make a duplicate.
Search runs on a tantivy index (textindex.py, chosen by measurement: docs/scale.md) kept
on the machine that searches and fed from the database: before a search the index
compares the database's documents with the ones it holds (a count and a checksum of
their ids, one scan of the primary key) and adds what is new and drops what has gone,
so it follows every writer without a `reindex` by hand.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, Table, create_engine, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.sql.dml import Insert

from boardpapers.errors import StoreError
from boardpapers.store import migrations, schema
from boardpapers.store.rows import Rows
from boardpapers.store.sql import SqlStore, check_schema_version, indexed_blocks_of


@dataclass(frozen=True, slots=True)
class FollowSettings:
    """How the local search index follows the shared database."""

    check_every_seconds: float = 2.0  # a long-running searcher looks for new papers this often
    batch: int = 200  # papers read from the database per round trip while catching up


FOLLOW = FollowSettings()
ID_HEAD = 15  # hex digits of a document id summed into the checksum (fits 60 bits)


def id_number(doc_id: str) -> int:
    """The part of a document id that the checksum adds up (same sum in SQL)."""
    return int(doc_id[:ID_HEAD], 16)


def index_folder(url: str) -> Path:
    """Where this machine keeps the index of a PostgreSQL database: $BOARDPAPERS_INDEX,
    else a folder per database under the user's cache."""
    given = os.environ.get("BOARDPAPERS_INDEX")
    if given:
        return Path(given)
    u = make_url(url)
    name = f"{u.host or 'local'}-{u.port or 5432}-{u.database or 'postgres'}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "boardpapers" / f"{name}-{digest}.index"


class PostgresStore(SqlStore):
    def __init__(self, url: str, *, create: bool = True) -> None:
        self._checked_at: float | None = None
        self._replaced: list[str] = []
        super().__init__(url, create=create)
        assert self.index.path is not None
        self.synced = SyncedDocuments(self.index.path / "synced.sqlite3")

    def _open_database(self, create: bool) -> Engine:
        u = make_url(self.url)
        if u.drivername in ("postgresql", "postgres"):
            u = u.set(drivername="postgresql+psycopg")
        engine = create_engine(u, pool_pre_ping=True)
        if create:
            migrations.upgrade(engine, self.safe_url)
        else:
            with engine.connect() as conn:
                check_schema_version(conn, self.safe_url, stamp=False)
        return engine

    def _index_path(self) -> Path:
        folder = index_folder(self.url)
        folder.parent.mkdir(parents=True, exist_ok=True)
        return folder

    def _insert_new(self, table: Table) -> Insert:
        return pg_insert(table).on_conflict_do_nothing()

    def _after_save(self, conn: Connection, doc_id: str, rows: Rows, replaced: bool) -> None:
        if replaced:
            self._replaced.append(doc_id)

    def _after_commit(self) -> None:
        self._checked_at = None  # this process wrote: look again before the next search
        if self._replaced:  # stored again: the index reads its new blocks at the next look
            self.synced.update(gone=self._replaced, added=[])
            self._replaced = []

    def order_text(self, column: ColumnElement[str]) -> ColumnElement[str]:
        return column.collate("C")

    def delete(self, doc_id: str) -> bool:
        deleted = super().delete(doc_id)
        self.synced.update(gone=[doc_id], added=[])
        return deleted

    def ensure_index(self) -> bool:
        """Bring the local index up to the database; True if it changed."""
        now = time.monotonic()
        if self._checked_at is not None and now - self._checked_at < FOLLOW.check_every_seconds:
            return False
        self._checked_at = now
        id_sum = func.sum(text(f"('x' || substr(documents.id, 1, {ID_HEAD}))::bit(60)::bigint"))
        with self.engine.connect() as conn:
            count, total = conn.execute(select(func.count(), id_sum)
                                        .select_from(schema.documents)).one()
        if (count, int(total or 0)) == self.synced.summary():
            return False
        try:
            return self._catch_up()
        except StoreError:
            return False  # another process here is updating the index: search what it has

    def _catch_up(self) -> bool:
        with self.engine.connect() as conn:
            ids = set(conn.execute(select(schema.documents.c.id)).scalars())
        known = self.synced.ids()
        gone, new = sorted(known - ids), sorted(ids - known)
        for doc_id in gone:
            self.index.delete_document(doc_id)
        for start in range(0, len(new), FOLLOW.batch):
            chunk = new[start:start + FOLLOW.batch]
            with self.engine.connect() as conn:
                found = indexed_blocks_of(conn, chunk)
            for doc_id in chunk:
                # delete first: a paper indexed before a crash is not indexed twice
                self.index.delete_document(doc_id)
                self.index.add(found.get(doc_id, []))
        self.index.commit()
        self.synced.update(gone=gone, added=new)
        return bool(gone or new)

    def reindex(self) -> int:
        self.index.clear()
        self.index.commit()
        self.synced.update(gone=self.synced.ids(), added=[])
        self._checked_at = None
        self.ensure_index()
        return self.index.num_docs()


class SyncedDocuments:
    """The ids of the documents the local index holds, beside the index, with their
    count and checksum kept ready for the comparison before each search."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(self._connect()) as db:
            db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY)")
            db.execute("CREATE TABLE IF NOT EXISTS summary (n INTEGER, total TEXT)")
            if db.execute("SELECT count(*) FROM summary").fetchone()[0] == 0:
                db.execute("INSERT INTO summary VALUES (0, '0')")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def summary(self) -> tuple[int, int]:
        with closing(self._connect()) as db:
            n, total = db.execute("SELECT n, total FROM summary").fetchone()
        return int(n), int(total)

    def ids(self) -> set[str]:
        with closing(self._connect()) as db:
            return {r[0] for r in db.execute("SELECT id FROM docs")}

    def update(self, *, gone: Iterable[str], added: Iterable[str]) -> None:
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM docs WHERE id = ?", ((i,) for i in gone))
            db.executemany("INSERT OR IGNORE INTO docs VALUES (?)", ((i,) for i in added))
            ids = [r[0] for r in db.execute("SELECT id FROM docs")]
            db.execute("UPDATE summary SET n = ?, total = ?",
                       (len(ids), str(sum(id_number(i) for i in ids))))
            db.execute("COMMIT")
        finally:
            db.close()
