"""The PostgreSQL back end: one shared store that many ingest processes and machines
write to at once.

Writers only touch PostgreSQL: one transaction per paper, the document row inserted with
ON CONFLICT DO NOTHING so two writers storing the same file never make a duplicate.
Search runs on a tantivy index (textindex.py, chosen by measurement: docs/scale.md) kept
on the machine that searches and fed from the database. A trigger logs every document
stored, stored again or deleted in ``document_changes`` with the writing transaction's
id; before a search the index asks the log what transactions since its mark have
written (one index range scan, whatever the database's size) and reads only those
documents, so it follows every writer without a `reindex` by hand. Its mark is the xmin
of the snapshot it last read in: no transaction below it can still commit, so nothing
is missed however writers' commits interleave.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, Table, create_engine, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from boardpapers.store import migrations, schema
from boardpapers.store.follow import FOLLOW, ServerStore, index_folder
from boardpapers.store.rows import Rows
from boardpapers.store.sql import (
    behind_head,
    check_schema_version,
    indexed_blocks_of,
)


@dataclass(frozen=True, slots=True)
class ReaderSettings:
    """The connections searches read through."""

    pool_size: int = 5  # kept open between searches (SQLAlchemy's default)


READER = ReaderSettings()
R = TypeVar("R")


class PostgresStore(ServerStore):
    synced: SyncedDocuments

    def __init__(self, url: str, *, create: bool = True) -> None:
        super().__init__(url, create=create)
        # Searches and the follower's look at the log read outside a transaction, on
        # connections kept open without a ping: one round trip per query instead of
        # four (ping, BEGIN, query, ROLLBACK), which under load is most of a search's
        # time in PostgreSQL. A connection the server dropped (a restart) is found by
        # the read itself, which then runs once more on a fresh one (read_retrying).
        self.reader = create_engine(self.engine.url, isolation_level="AUTOCOMMIT",
                                    pool_size=READER.pool_size)
        assert self.index.path is not None
        self.synced = SyncedDocuments(self.index.path / "synced.sqlite3")
        if self.index.num_docs() == 0 and self.synced.stamps():
            # the index files were removed (an index from another version is rebuilt
            # on open) but the record beside them was kept: follow from the start
            self.synced.update(gone=list(self.synced.stamps()), added={})

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
                behind = behind_head(conn)
            if behind:  # made by an older boardpapers: its new tables added once
                migrations.upgrade(engine, self.safe_url)
        return engine

    def _index_path(self) -> Path:
        folder = index_folder(self.url, default_port=5432, default_database="postgres")
        folder.parent.mkdir(parents=True, exist_ok=True)
        return folder

    def _insert_new(self, table: Table) -> Insert:
        return pg_insert(table).on_conflict_do_nothing()

    def _read(self, work: Callable[[Connection], R]) -> R:
        return read_retrying(self.reader, work)

    def close(self) -> None:
        super().close()
        self.reader.dispose()

    def _insert_rows(self, conn: Connection, rows: Rows) -> None:
        for table in schema.DERIVED_TABLES:
            table_rows = rows.get(table.name)
            if table_rows:
                copy_rows(conn, table, table_rows)

    def _after_commit(self) -> None:
        self._checked_at = None  # this process wrote: look again before the next search

    def order_text(self, column: ColumnElement[str]) -> ColumnElement[str]:
        return column.collate("C")

    def ensure_index(self) -> bool:
        """Bring the local index up to the database; True if it changed."""
        if not self._time_to_look():
            return False
        mark = self.synced.mark()
        if mark is not None:
            xmin = mark.xmin
            if read_retrying(self.reader, lambda c: changes_since(c, xmin)) == mark.summary:
                return False
        return self._under_index_lock(lambda: self._catch_up(mark))

    def _catch_up(self, mark: Mark | None) -> bool:
        """Index what changed since ``mark`` (everything the index lacks when None), all
        read in one snapshot of the database, whose xmin becomes the next mark."""
        empty = self.index.num_docs() == 0
        reading = self.engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with reading as conn:
            xmin = int(conn.execute(text(SNAPSHOT_XMIN)).scalar_one())
            if mark is None:
                gone, changed, stamps = _differences(conn, self.synced.stamps())
            else:
                gone, changed, stamps = _changed_documents(conn, mark)
            recent = changes_after(conn, xmin)
            for doc_id in gone:
                self.index.delete_document(doc_id)
            for start in range(0, len(changed), FOLLOW.batch):
                chunk = changed[start:start + FOLLOW.batch]
                found = indexed_blocks_of(conn, chunk)
                for doc_id in chunk:
                    if not empty:  # a paper indexed before (a crash, stored again
                        self.index.delete_document(doc_id)  # elsewhere): not twice
                    self.index.add(found.get(doc_id, []))
        self.index.commit()
        self.synced.update(gone=gone, added=stamps, mark=Mark(xmin, frozenset(recent)))
        return bool(gone or changed)


def read_retrying(engine: Engine, work: Callable[[Connection], R]) -> R:
    """``work`` on a pooled connection, run once more if the server had dropped it (a
    restart, pg_terminate_backend): the pool does not ping, so the read is what finds
    out. SQLAlchemy then invalidates the whole pool, so the second run connects anew;
    any other error, or a second disconnect (the server still down), is raised."""
    try:
        with engine.connect() as conn:
            return work(conn)
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    with engine.connect() as conn:
        return work(conn)


def copy_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """COPY instead of INSERT, inside the caller's transaction: one stream per table
    (about three quarters of the time the pipeline of INSERTs takes for a paper's rows,
    bench/bench_pg_store.py)."""
    columns = copy_columns(table, rows[0])
    quote = conn.dialect.identifier_preparer
    names = ", ".join(quote.quote(c) for c, _ in columns)
    psycopg_conn = conn.connection.driver_connection
    assert psycopg_conn is not None
    with psycopg_conn.cursor().copy(
            f"COPY {quote.format_table(table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(c, default) for c, default in columns])


def copy_columns(table: Table, row: dict[str, Any]) -> list[tuple[str, Any]]:
    """The columns a COPY of rows shaped like ``row`` writes, each with the value a row
    without it gets: SQLAlchemy's client-side defaults, which COPY does not apply;
    columns the database fills itself (the serial id) are left out."""
    out = []
    for column in table.columns:
        default = column.default
        if column.name in row:
            out.append((column.name, None))
        elif isinstance(default, ScalarElementColumnDefault):
            out.append((column.name, default.arg))
    return out


# The oldest transaction still running when the snapshot was taken: every transaction
# below it has ended, so no change logged under a lower id can appear later.
SNAPSHOT_XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"


@dataclass(frozen=True, slots=True)
class Mark:
    """How far the local index has followed the change log: every change by a transaction
    below ``xmin`` is indexed, and of those at or above it, the ones numbered ``seen``."""

    xmin: int
    seen: frozenset[int]

    @property
    def summary(self) -> tuple[int, int]:
        return len(self.seen), max(self.seen, default=0)


def changes_since(conn: Connection, xmin: int) -> tuple[int, int]:
    """How many changes transactions from ``xmin`` on have logged, and the newest one's
    number: one range scan of the log's recent end, however large the database."""
    c = schema.document_changes
    n, newest = conn.execute(select(func.count(), func.coalesce(func.max(c.c.seq), 0))
                             .where(c.c.xid >= xmin)).one()
    return int(n), int(newest)


def changes_after(conn: Connection, xmin: int) -> list[int]:
    c = schema.document_changes
    return list(conn.execute(select(c.c.seq).where(c.c.xid >= xmin)).scalars())


def _differences(conn: Connection, known: dict[str, str]
                 ) -> tuple[list[str], list[str], dict[str, str]]:
    """Against every stored document: what has gone, what is new or stored again (by its
    storing time), and the storing times to remember."""
    d = schema.documents
    rows = conn.execute(select(d.c.id, d.c.ingested_at)
                        .execution_options(yield_per=FOLLOW.stream_rows))
    stored = {doc_id: stamp for doc_id, stamp in rows}
    gone = sorted(set(known) - set(stored))
    changed = sorted(i for i, stamp in stored.items() if known.get(i) != stamp)
    return gone, changed, {i: stored[i] for i in changed}


def _changed_documents(conn: Connection, mark: Mark
                       ) -> tuple[list[str], list[str], dict[str, str]]:
    """The documents the log names since ``mark``, as they are now: deleted or stored
    (each read again whatever its storing time)."""
    c, d = schema.document_changes, schema.documents
    named = sorted({doc_id for seq, doc_id in conn.execute(
        select(c.c.seq, c.c.doc_id).where(c.c.xid >= mark.xmin)) if seq not in mark.seen})
    stored: dict[str, str] = {}
    for start in range(0, len(named), FOLLOW.batch):
        stored.update((doc_id, stamp) for doc_id, stamp in conn.execute(select(
            d.c.id, d.c.ingested_at).where(d.c.id.in_(named[start:start + FOLLOW.batch]))))
    return [i for i in named if i not in stored], sorted(stored), stored


class SyncedDocuments:
    """What the local index holds — each document's id and the ``ingested_at`` it was
    indexed at — beside the index, with the mark in the change log it has followed to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(self._connect()) as db:
            db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, stamp TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS mark (xmin INTEGER, seen TEXT)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def mark(self) -> Mark | None:
        """None until the index has followed the database once (or after a rebuild)."""
        with closing(self._connect()) as db:
            row = db.execute("SELECT xmin, seen FROM mark").fetchone()
        return None if row is None else Mark(int(row[0]), frozenset(json.loads(row[1])))

    def stamps(self) -> dict[str, str]:
        with closing(self._connect()) as db:
            return dict(db.execute("SELECT id, stamp FROM docs"))

    def update(self, *, gone: Iterable[str], added: dict[str, str],
               mark: Mark | None = None) -> None:
        """Record what the index now holds; without ``mark`` the next search compares
        every stored document with it."""
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM docs WHERE id = ?", ((i,) for i in gone))
            db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?)", added.items())
            db.execute("DELETE FROM mark")
            if mark is not None:
                db.execute("INSERT INTO mark VALUES (?, ?)",
                           (mark.xmin, json.dumps(sorted(mark.seen))))
            db.execute("COMMIT")
        finally:
            db.close()
