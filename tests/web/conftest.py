"""A store holding the example papers and two versions of a fictional report, and the
web app over it.

The API and page tests run on every back end (modules that set ``BOTH_BACKENDS = True``):
the same papers ingested into SQLite, into a schema of the real PostgreSQL server and into
a database of the real MariaDB server, each skipped only when its server is not reachable.
The browser, upload and caching tests use SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from boardpapers.pipeline import ingest
from boardpapers.store import Store, open_store
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings
from tests.conftest import EXAMPLES, FIXTURES, stored_db
from tests.store.conftest import (  # noqa: F401 (fixtures)
    BACKENDS,
    mariadb_databases,
    pg_database,
    url_factory,
)

WEB_FIXTURES = FIXTURES / "web"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of a BOTH_BACKENDS module that uses the web store runs on each."""
    if getattr(metafunc.module, "BOTH_BACKENDS", False) and "web_backend" in \
            metafunc.fixturenames:
        metafunc.parametrize("web_backend", BACKENDS, indirect=True, scope="session")


@pytest.fixture(scope="session")
def web_backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored_db(tmp_path_factory.mktemp("web") / "papers.db", [EXAMPLES, WEB_FIXTURES])


@pytest.fixture(scope="session")
def web_store(web_backend: str, web_db: Path, request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if web_backend == "sqlite":
        yield open_store(str(web_db))
        return
    url = url_factory(web_backend, web_db.parent, request)("web")
    with pytest.MonkeyPatch.context() as mp:  # the index that follows the server
        mp.setenv("BOARDPAPERS_INDEX", str(tmp_path_factory.mktemp(web_backend) / "index"))
        store = open_store(url, create=True)
        summary = ingest([EXAMPLES.resolve(), WEB_FIXTURES.resolve()], store)
        assert not summary.failed, summary.failed
        yield store
    store.close()


@pytest.fixture(scope="session")
def client(web_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = WebSettings(db=web_store.url, data_dir=tmp_path_factory.mktemp("data"))
    with TestClient(create_app(settings, web_store)) as c:
        yield c


def paper_id(store: Store, name: str) -> str:
    """The id of the stored paper whose file name starts with ``name``."""
    with store.connect() as conn:
        from sqlalchemy import text
        rows = conn.execute(text("SELECT id, path FROM documents")).all()
    found = [r.id for r in rows if Path(r.path).name.startswith(name)]
    assert len(found) == 1, (name, rows)
    return found[0]


def ingest_one(path: Path, tmp_path: Path) -> tuple[Store, dict[str, Any], Path]:
    """One paper ingested into a new SQLite store: the store, its stored document and the
    database file (for the web app's settings)."""
    db = tmp_path / "one.db"
    store = open_store(str(db), create=True)
    summary = ingest([path], store)
    assert not summary.failed, summary.failed
    doc = store.get(str(path))
    assert doc is not None
    return store, doc, db
