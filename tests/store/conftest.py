"""Back ends for the store, search and pipeline tests: every test that asks for
``store_url`` runs on SQLite, on PostgreSQL and on MariaDB.

PostgreSQL is the real server at 127.0.0.1:5432 (user postgres, or $BOARDPAPERS_TEST_PG):
a throwaway database is made for the session and dropped after it, and each store gets
its own schema in it. MariaDB is the real server at 127.0.0.1:3306 (root, or
$BOARDPAPERS_TEST_MARIADB): each store gets a database of its own, emptied and handed to
the next test when this one ends (making the tables costs seconds there), all dropped
after the session. Without a reachable server a back end's cases are skipped with the
reason; CI starts both servers, so there they run.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

PG_SERVER = os.environ.get("BOARDPAPERS_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
MARIADB_SERVER = os.environ.get("BOARDPAPERS_TEST_MARIADB", "mysql://root@127.0.0.1:3306")
BACKENDS = ("sqlite", "postgresql", "mariadb")
SERVERS = ("postgresql", "mariadb")  # the back ends many processes share
_schemas = itertools.count(1)
_databases = itertools.count(1)

UrlFactory = Callable[[str], str]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test session, dropped afterwards."""
    try:
        import psycopg
        admin = psycopg.connect(PG_SERVER + "/postgres", autocommit=True, connect_timeout=3)
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be reached
        pytest.skip(f"PostgreSQL not reachable at {PG_SERVER}: {exc}")
    name = f"boardpapers_test_{os.getpid()}"
    for (old,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE "
                                "'boardpapers_test_%'").fetchall():
        if old == name or not _alive(old.rsplit("_", 1)[-1]):  # a session killed earlier
            admin.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _alive(pid: str) -> bool:
    """Whether the test session that made a database still runs (on this machine)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def pg_store_url(database: str) -> str:
    """A fresh, empty schema in the session's database, as a URL."""
    import psycopg
    schema = f"s{next(_schemas)}"
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{database}?options=-csearch_path%3D{schema}"


class MariaDbDatabases:
    """Databases on the MariaDB server for this session, each handed to one user at a
    time: a new one made when none is free, one given back emptied of rows (its tables,
    made by the store's migrations, stay)."""

    KEEP = frozenset({"alembic_version", "boardpapers_meta"})

    def __init__(self, admin: Any) -> None:
        self.admin = admin
        self.prefix = f"boardpapers_test_{os.getpid()}_"
        self.made: list[str] = []
        self.free: list[str] = []

    def take(self) -> str:
        if not self.free:
            name = f"{self.prefix}{next(_databases)}"  # unique though conftests share it
            self.admin.cursor().execute(f"CREATE DATABASE `{name}`")
            self.made.append(name)
            self.free.append(name)
        return self.free.pop()

    def give_back(self, name: str) -> None:
        with self.admin.cursor() as cur:
            cur.execute("SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = %s", (name,))
            tables = [t for (t,) in cur.fetchall() if t not in self.KEEP]
            cur.execute("SET foreign_key_checks = 0")
            for table in tables:
                cur.execute(f"DELETE FROM `{name}`.`{table}`")
            cur.execute("SET foreign_key_checks = 1")
        self.admin.commit()
        self.free.append(name)

    def drop_all(self, pattern: str | None = None) -> None:
        with self.admin.cursor() as cur:
            if pattern is None:
                names = self.made
            else:
                cur.execute("SHOW DATABASES LIKE %s", (pattern,))
                names = [n for (n,) in cur.fetchall()
                         if not _alive(n.removeprefix("boardpapers_test_").split("_")[0])]
            for name in names:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture(scope="session")
def mariadb_databases() -> Iterator[MariaDbDatabases]:
    """This session's MariaDB databases, dropped afterwards (and any a killed session left)."""
    from sqlalchemy.engine import make_url
    server = make_url(MARIADB_SERVER)
    try:
        import pymysql
        admin = pymysql.connect(host=server.host, port=server.port or 3306,
                                user=server.username, password=server.password or "",
                                connect_timeout=3, autocommit=False)
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be reached
        pytest.skip(f"MariaDB not reachable at {MARIADB_SERVER}: {exc}")
    databases = MariaDbDatabases(admin)
    databases.drop_all(pattern="boardpapers\\_test\\_%")
    try:
        yield databases
    finally:
        databases.drop_all()
        admin.close()


def mariadb_store_url(request: pytest.FixtureRequest) -> str:
    """An empty MariaDB database of this session's, given back when the asking test (or
    module, or session) ends."""
    databases: MariaDbDatabases = request.getfixturevalue("mariadb_databases")
    name = databases.take()
    request.addfinalizer(lambda: databases.give_back(name))
    return f"{MARIADB_SERVER}/{name}"


def url_factory(backend: str, folder: Path, request: pytest.FixtureRequest) -> UrlFactory:
    def make(name: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{folder / name}.db"
        if backend == "mariadb":
            return mariadb_store_url(request)
        return pg_store_url(request.getfixturevalue("pg_database"))
    return make


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest,
              monkeypatch: pytest.MonkeyPatch) -> UrlFactory:
    """name -> the URL of a new, empty database of this back end."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the servers' indexes
    monkeypatch.delenv("BOARDPAPERS_INDEX", raising=False)
    return url_factory(backend, tmp_path, request)


def reopened_from(store: Any, url: str, revision: str, undo: str) -> Any:
    """The store's database taken back to ``revision`` (``undo`` removes what the later
    revisions made), closed, opened again by a reader and so migrated to HEAD."""
    from sqlalchemy import text

    from boardpapers.store import migrations, open_store
    with store.connect() as conn:
        conn.execute(text(undo))
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
        conn.commit()
    store.close()
    reopened = open_store(url, create=False)
    with reopened.connect() as conn:  # type: ignore[attr-defined]
        assert migrations.current_revision(conn) == migrations.HEAD
    return reopened
