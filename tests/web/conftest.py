"""A store holding the example papers and two versions of a fictional report, and the
web app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from boardpapers.store import Store, open_store
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings
from tests.conftest import EXAMPLES, FIXTURES, stored_db

WEB_FIXTURES = FIXTURES / "web"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored_db(tmp_path_factory.mktemp("web") / "papers.db", [EXAMPLES, WEB_FIXTURES])


@pytest.fixture(scope="session")
def web_store(web_db: Path) -> Store:
    return open_store(str(web_db))


@pytest.fixture(scope="session")
def client(web_db: Path, web_store: Store,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = WebSettings(db=f"sqlite:///{web_db}", data_dir=tmp_path_factory.mktemp("data"))
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
