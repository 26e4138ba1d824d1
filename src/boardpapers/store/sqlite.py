"""The SQLite back end: opening a database safely, the pragmas every connection gets,
and the search index beside the file, written through on each save.

Only a command that stores papers (``create=True``) may create a database or its tables.
Every other command opens an existing boardpapers database and changes nothing in a
file that is not one (someone else's SQLite file is refused before anything is written),
and a database the user may not write to is opened read-only.

Full-text search does not live in SQLite: see textindex.py for why the block index is a
tantivy index in a folder beside the database file.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Table, create_engine, event, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.dml import Insert

from boardpapers.model.errors import StoreError
from boardpapers.store import schema
from boardpapers.store.indexfolder import check_folder
from boardpapers.store.rows import Rows
from boardpapers.store.sql import (
    SqlStore,
    behind_head,
    check_schema_version,
    create_tables,
    indexed_blocks,
    indexed_blocks_of,
    indexed_from_rows,
)
from boardpapers.store.textindex import IndexedBlock, TextIndex

BUSY_TIMEOUT_MS = 30_000  # how long a writer queues for another writer's transaction
META_TABLE = "boardpapers_meta"
REINDEX_BATCH = 200  # papers read from the database per round trip while rebuilding


def configure(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # first: the rest may wait
        cur.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cur.execute("PRAGMA query_only = ON")
        else:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()


def file_path(url: str) -> Path | None:
    """The database file a sqlite URL names; None for an in-memory database."""
    path = url.split(":///", 1)[1] if url.startswith("sqlite:///") else ""
    path = path.split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def open_engine(url: str, *, create: bool) -> tuple[Engine, bool]:
    """An engine for the database and whether it is read-only.

    ``create=False`` (every command that only reads) refuses a missing file and a file
    that is not a boardpapers database, and opens a file it may not write read-only.
    """
    path = file_path(url)
    if path is not None and create and path.exists():
        check_ours(path, allow_empty=True)  # never add tables to someone else's database
    if path is None or create:
        engine = create_engine(url)
        configure(engine)
        return engine, False
    check_ours(path)
    if _writable(path):
        engine = create_engine(url)
        configure(engine)
        return engine, False
    engine = create_engine("sqlite://", creator=lambda: _read_only_connection(path))
    configure(engine, read_only=True)
    return engine, True


def check_ours(path: Path, *, allow_empty: bool = False) -> None:
    """Refuse, without writing a byte, a path that is not a boardpapers database
    (``allow_empty``: a database with no tables yet may become one)."""
    if not path.exists():
        raise StoreError(f"no database at {path}: `boardpapers ingest` creates one "
                         "(check --db or BOARDPAPERS_DB)")
    if not path.is_file():
        raise StoreError(f"{path} is not a database file")
    try:
        conn = _read_only_connection(path)
        try:
            names = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a readable SQLite database ({exc})") from None
    if META_TABLE not in names and (names or not allow_empty):
        raise StoreError(f"{path} is not a boardpapers database: refusing to change it "
                         "(only `boardpapers ingest` creates one, in a new file)")


def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: ``mode=ro``, or ``immutable=1`` when SQLite
    cannot even make the shared-memory file a WAL database's readers need."""
    uri = "file:" + quote(str(path.resolve()))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(uri + "?immutable=1", uri=True, check_same_thread=False)


def create_schema(conn: Connection, create: Callable[[Connection], None]) -> None:
    """Run ``create(conn)`` inside BEGIN IMMEDIATE, so that two processes opening a new
    database together do not both create its tables (the second waits, then finds them)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        create(conn)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@functools.lru_cache(maxsize=64)
def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (columns) VALUES (?, …)`` for the sqlite3 driver."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def index_path(url: str) -> Path | None:
    """The search index lives in a folder beside a database file; in memory otherwise."""
    path = file_path(url)
    return None if path is None else Path(str(path) + ".index")


class SqliteStore(SqlStore):
    """One file, its search index in a folder beside it, written through on each save."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self._pending: tuple[str, bool, list[IndexedBlock]] | None = None
        super().__init__(url, create=create)

    def _open_database(self, create: bool) -> Engine:
        folder = index_path(self.url)
        if folder is not None:
            check_folder(folder)  # before the database: refuse without creating anything
        engine, self.read_only = open_engine(self.url, create=create)
        with engine.connect() as conn:
            if create:  # tables made under a lock: two first ingests may race
                create_schema(conn, lambda c: create_tables(c, self.url))
            else:  # a reader never writes, so never waits for a writer here...
                check_schema_version(conn, self.url, stamp=False)
                behind = not self.read_only and behind_head(conn)
                conn.rollback()
                if behind:  # ...unless an older boardpapers made it: brought up once
                    create_schema(conn, lambda c: create_tables(c, self.url))
        return engine

    def _index_path(self) -> Path | None:
        return index_path(self.url)

    def _insert_new(self, table: Table) -> Insert:
        return sqlite_insert(table).on_conflict_do_nothing()

    def _before_save(self) -> None:
        self.index.begin()  # queue behind another writer before writing the database

    def _insert_rows(self, conn: Connection, rows: Rows) -> None:
        """Every derived row in one driver-level executemany a table, the statements
        made once (SQLAlchemy's per-row work was most of a save), and the block rows'
        ids given here, so the index entries are made from the rows, never read back:
        under the writer's lock nobody else inserts between ``max(id)`` and these."""
        blocks = rows.get("blocks", [])
        if blocks:
            first = conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM blocks"
                                         ).scalar_one()
            for offset, block in enumerate(blocks):
                block["id"] = first + offset
        for table in schema.DERIVED_TABLES:
            table_rows = rows.get(table.name)
            if table_rows:
                names = tuple(table_rows[0])
                conn.exec_driver_sql(insert_sql(table.name, names),
                                     [tuple(r[n] for n in names) for r in table_rows])

    def _after_save(self, conn: Connection, doc_id: str, rows: Rows | None,
                    replaced: bool) -> None:
        blocks = indexed_blocks(conn, doc_id, None) if rows is None else indexed_from_rows(rows)
        self._pending = (doc_id, replaced, blocks)

    def _after_commit(self) -> None:
        # The database has committed: the index follows, committed with the next batch
        # while this process keeps the writer lock. Should the process die first, the
        # next search finds the index behind with no writer and rebuilds it.
        if self._pending is None:
            return
        doc_id, replaced, blocks = self._pending
        self._pending = None
        if replaced:
            self.index.delete_document(doc_id)
        self.index.add(blocks)
        self.index.maybe_commit()

    def ensure_index(self) -> bool:
        """Make the index match the database before a search; True if it was rebuilt.

        An index holding fewer blocks than the database while another process holds the
        writer lock is being filled by an ingest: search what is committed and say how
        far behind it is (``behind``). With no writer, it was left behind by a crash or
        deleted by hand: rebuild it, under the lock.
        """
        if self._index_checked and not self.index.dirty:
            return False
        self.index.commit()
        self._index_checked = True
        if self.index.writer_elsewhere() or not self._lock_for_rebuild():
            self.behind = max(0, self._stored_blocks() - self.index.num_docs())
            return False
        try:
            if self._stored_blocks() == self.index.num_docs():
                return False
            if not self.index.writable:  # a read-only folder: rebuild in memory instead
                self.index = TextIndex(None)
            self.reindex()
            return True
        finally:
            self.index.commit()

    def _lock_for_rebuild(self) -> bool:
        return not self.index.writable or self.index.try_begin()

    def _stored_blocks(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.blocks).where(
                schema.blocks.c.kind != "page_break")).scalar_one())

    def reindex(self) -> int:
        """Rebuild the search index from the database; returns the blocks indexed."""
        self.index.begin()
        self.index.clear()
        total = 0
        with self.engine.connect() as conn:
            doc_ids = conn.execute(select(schema.documents.c.id)).scalars().all()
            for start in range(0, len(doc_ids), REINDEX_BATCH):
                found = indexed_blocks_of(conn, doc_ids[start:start + REINDEX_BATCH])
                for blocks in found.values():
                    self.index.add(blocks)
                    total += len(blocks)
        self.index.commit()
        return total
