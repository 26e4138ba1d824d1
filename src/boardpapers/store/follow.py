"""A shared database server that many ingest processes and machines write to, and the
local search index that follows it, for a server without PostgreSQL's transaction ids
(MariaDB/MySQL; postgres.py follows its own trigger-fed change log instead, and shares
``index_folder``).

Writers only touch the database: one transaction per paper, the document row inserted
"unless already there" (ON CONFLICT DO NOTHING, INSERT IGNORE) so two writers storing the
same file never make a duplicate. Search runs on a tantivy index (textindex.py, chosen by
measurement: docs/scale.md) kept on the machine that searches and fed from the database:
before a search the index compares the database's documents with the ones it holds (a
count and a checksum of their ids and storing times, one scan of the table), adds what is
new or stored again and drops what has gone, so it follows every writer without a
`reindex` by hand. A paper stored again under the same id is known by its new
``ingested_at`` (to the second). A back end says only how the server hashes a string.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.engine import Connection, make_url

from boardpapers.config import load_config
from boardpapers.model.errors import StoreError
from boardpapers.store import schema
from boardpapers.store.rows import Rows
from boardpapers.store.sql import SqlStore, indexed_blocks_of


@dataclass(frozen=True, slots=True)
class FollowSettings:
    """How the local search index follows the shared database."""

    check_every_seconds: float = 2.0  # a long-running searcher looks for new papers this often
    batch: int = 1000  # papers read from the database per round trip while catching up
    stream_rows: int = 20_000  # document rows fetched at a time when comparing them all


FOLLOW = FollowSettings()
StringHash = Callable[[ColumnElement[Any]], ColumnElement[int]]


def index_folder(url: str, *, default_port: int, default_database: str) -> Path:
    """Where this machine keeps the index of a server's database: $BOARDPAPERS_INDEX
    (or the config file's ``index_dir``), else a folder per database under the user's cache."""
    given = load_config().index_dir
    if given:
        return Path(given)
    u = make_url(url)
    name = f"{u.host or 'local'}-{u.port or default_port}-{u.database or default_database}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "boardpapers" / f"{name}-{digest}.index"


class Synced(Protocol):
    """What a server store's index knows it holds: each paper's storing time."""

    def stamps(self) -> dict[str, str]: ...

    def update(self, *, gone: Iterable[str], added: dict[str, str]) -> None: ...


class ServerStore(SqlStore):
    """A SqlStore on a database server whose local index follows every writer: what the
    servers share is how often to look, catching up under the index's lock and starting
    afresh; how to tell what changed is each server's own (``ensure_index``)."""

    synced: Synced

    def __init__(self, url: str, *, create: bool = True) -> None:
        self._checked_at: float | None = None
        super().__init__(url, create=create)

    def _time_to_look(self) -> bool:
        """At most one look at the database every FOLLOW.check_every_seconds."""
        now = time.monotonic()
        if self._checked_at is not None and now - self._checked_at < FOLLOW.check_every_seconds:
            return False
        self._checked_at = now
        return True

    def _under_index_lock(self, catch_up: Callable[[], bool]) -> bool:
        """Run ``catch_up`` holding the index; when another process here holds it, or the
        database fails meanwhile, search what the index has."""
        if not self.index.try_begin():
            return False
        try:
            return catch_up()
        except StoreError:
            return False
        finally:
            self.index.commit()  # and the lock is let go

    def reindex(self) -> int:
        """Empty the index and what it knows it holds, then follow the database afresh."""
        self.index.clear()
        self.index.commit()
        self.synced.update(gone=list(self.synced.stamps()), added={})
        self._checked_at = None
        self.ensure_index()
        return self.index.num_docs()


class FollowingStore(ServerStore):
    """A SqlStore on a database server, its index following whatever any writer stored."""

    synced: SyncedDocuments
    default_port: ClassVar[int]  # in the index folder's name when the URL gives none
    default_database: ClassVar[str] = ""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self._replaced: list[str] = []
        super().__init__(url, create=create)
        assert self.index.path is not None
        self.synced = SyncedDocuments(self.index.path / "synced.sqlite3")

    def string_hash(self, text: ColumnElement[Any]) -> ColumnElement[int]:
        """The server's own fast hash of a string, summed into the database summary."""
        raise NotImplementedError

    def _index_path(self) -> Path:
        folder = index_folder(self.url, default_port=self.default_port,
                              default_database=self.default_database)
        folder.parent.mkdir(parents=True, exist_ok=True)
        return folder

    def _after_save(self, conn: Connection, doc_id: str, rows: Rows | None,
                    replaced: bool) -> None:
        if replaced:
            self._replaced.append(doc_id)

    def _after_commit(self) -> None:
        self._checked_at = None  # this process wrote: look again before the next search
        if self._replaced:  # stored again: the index reads its new blocks at the next look
            self.synced.update(gone=self._replaced, added={})
            self._replaced = []

    def delete(self, doc_id: str) -> bool:
        deleted = super().delete(doc_id)
        self.synced.update(gone=[doc_id], added={})
        return deleted

    def ensure_index(self) -> bool:
        """Bring the local index up to the database; True if it changed."""
        if not self._time_to_look():
            return False
        with self.engine.connect() as conn:
            observed = database_summary(conn, self.string_hash)
        if observed == self.synced.summary():
            return False
        return self._under_index_lock(lambda: self._catch_up(observed))

    def _catch_up(self, observed: tuple[int, int]) -> bool:
        d = schema.documents
        with self.engine.connect() as conn:
            stored = {i: stamp for i, stamp in conn.execute(select(d.c.id, d.c.ingested_at))}
        known = self.synced.stamps()
        gone = sorted(set(known) - set(stored))
        new = sorted(i for i, stamp in stored.items() if known.get(i) != stamp)
        for doc_id in gone:
            self.index.delete_document(doc_id)
        for start in range(0, len(new), FOLLOW.batch):
            chunk = new[start:start + FOLLOW.batch]
            with self.engine.connect() as conn:
                found = indexed_blocks_of(conn, chunk)
            for doc_id in chunk:
                # delete first: a paper indexed before (a crash, a paper stored again
                # elsewhere) is not indexed twice
                self.index.delete_document(doc_id)
                self.index.add(found.get(doc_id, []))
        self.index.commit()
        self.synced.update(gone=gone, added={i: stored[i] for i in new}, summary=observed)
        return bool(gone or new)


def database_summary(conn: Connection, string_hash: StringHash) -> tuple[int, int]:
    """The documents' count and a checksum of (id, ingested_at): one scan of the table,
    changed by any paper stored, deleted or stored again (the sum is only ever compared
    with one the same server computed)."""
    d: Table = schema.documents
    stamp = string_hash(d.c.id + d.c.ingested_at)
    count, total = conn.execute(select(func.count(), func.coalesce(func.sum(stamp), 0))).one()
    return int(count), int(total)


class SyncedDocuments:
    """What the local index holds — each document's id and the ``ingested_at`` it was
    indexed at — beside the index, with the database summary it was last brought up to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(self._connect()) as db:
            db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, stamp TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS summary (n INTEGER, total TEXT)")
            if db.execute("SELECT count(*) FROM summary").fetchone()[0] == 0:
                db.execute("INSERT INTO summary VALUES (-1, '0')")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def summary(self) -> tuple[int, int]:
        with closing(self._connect()) as db:
            n, total = db.execute("SELECT n, total FROM summary").fetchone()
        return int(n), int(total)

    def stamps(self) -> dict[str, str]:
        with closing(self._connect()) as db:
            return dict(db.execute("SELECT id, stamp FROM docs"))

    def update(self, *, gone: Iterable[str], added: dict[str, str],
               summary: tuple[int, int] = (-1, 0)) -> None:
        """Record what the index now holds; without ``summary`` the next search looks
        at the database again."""
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM docs WHERE id = ?", ((i,) for i in gone))
            db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?)", added.items())
            db.execute("UPDATE summary SET n = ?, total = ?", (summary[0], str(summary[1])))
            db.execute("COMMIT")
        finally:
            db.close()
