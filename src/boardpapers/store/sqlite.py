"""SQLite specifics: opening a database safely and the pragmas every connection gets.

Only a command that stores papers (``create=True``) may create a database or its tables.
Every other command opens an existing boardpapers database and changes nothing in a
file that is not one (someone else's SQLite file is refused before anything is written),
and a database the user may not write to is opened read-only.

Full-text search does not live in SQLite: see textindex.py for why the block index is a
tantivy index in a folder beside the database file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from boardpapers.errors import StoreError

BUSY_TIMEOUT_MS = 30_000  # how long a writer queues for another writer's transaction
META_TABLE = "boardpapers_meta"


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
