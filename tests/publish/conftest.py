"""A store holding the example papers and the publishing fixtures (tests/fixtures/publish),
and a folder outside the repository for rendered images kept as artifacts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from boardpapers.store import Store, open_store
from tests.conftest import EXAMPLES, FIXTURES, stored_db

PUBLISH_FIXTURES = FIXTURES / "publish"


@pytest.fixture(scope="session")
def publish_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = [EXAMPLES, PUBLISH_FIXTURES] if PUBLISH_FIXTURES.is_dir() else [EXAMPLES]
    return stored_db(tmp_path_factory.mktemp("publish") / "papers.db", paths)


@pytest.fixture(scope="session")
def publish_store(publish_db: Path) -> Store:
    return open_store(str(publish_db))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """$BOARDPAPERS_ARTIFACTS, else $TMPDIR/boardpapers-artifacts: never inside the repo."""
    where = Path(os.environ.get("BOARDPAPERS_ARTIFACTS")
                 or Path(tempfile.gettempdir()) / "boardpapers-artifacts")
    where.mkdir(parents=True, exist_ok=True)
    return where
