"""Back ends for the store, search and pipeline tests: every test that asks for
``store_url`` runs on SQLite and on PostgreSQL.

PostgreSQL is the real server at 127.0.0.1:5432 (user postgres, or $BOARDPAPERS_TEST_PG):
a throwaway database is made for the session and dropped after it, and each store gets
its own schema in it. Without a reachable server the PostgreSQL cases are skipped with
the reason; CI starts the server, so there they run.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PG_SERVER = os.environ.get("BOARDPAPERS_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
BACKENDS = ("sqlite", "postgresql")
_schemas = itertools.count(1)

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


def url_factory(backend: str, folder: Path, request: pytest.FixtureRequest) -> UrlFactory:
    def make(name: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{folder / name}.db"
        return pg_store_url(request.getfixturevalue("pg_database"))
    return make


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest,
              monkeypatch: pytest.MonkeyPatch) -> UrlFactory:
    """name -> the URL of a new, empty database of this back end."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # PostgreSQL's indexes
    monkeypatch.delenv("BOARDPAPERS_INDEX", raising=False)
    return url_factory(backend, tmp_path, request)
