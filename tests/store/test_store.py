"""The store: re-ingest is a no-op, a failed save leaves nothing, search finds what was stored."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from boardpapers.pipeline import process
from boardpapers.store import Store, open_store, schema

REPORT = """Highways Capital Programme 2025/26

Purpose of report
For decision.

Recommendations
That Cabinet approves the highways capital programme of £12.4m for 2025/26.

Background
1. The county maintains 4,100 miles of road and the resurfacing backlog keeps growing.
2. Pothole repairs rose by a fifth last winter.
"""


@pytest.fixture
def paper_file(tmp_path: Path) -> Path:
    p = tmp_path / "highways.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


@pytest.fixture
def store(store_url) -> Store:
    return open_store(store_url("test"))


def _counts(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (schema.documents, *schema.DERIVED_TABLES)}


def test_saving_the_same_paper_twice_changes_nothing(store, paper_file):
    paper = process(paper_file)
    assert store.save(paper) is True
    before = _counts(store)
    assert before["documents"] == 1 and before["blocks"] >= 5
    assert store.save(process(paper_file)) is False
    assert _counts(store) == before


def test_a_save_that_fails_midway_leaves_nothing(store, paper_file, monkeypatch):
    def broken(self, conn, doc_id, rows, replaced):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(type(store), "_after_save", broken)
    with pytest.raises(RuntimeError):
        store.save(process(paper_file))
    assert all(n == 0 for n in _counts(store).values())


def test_replace_and_delete_keep_the_index_in_step(store, paper_file):
    from boardpapers.search import search
    paper = process(paper_file)
    store.save(paper)
    store.save(paper, replace=True)
    assert search(store, "resurfacing").total == 1
    assert store.delete(paper.source.sha256) is True
    assert search(store, "resurfacing").total == 0
    assert _counts(store)["blocks"] == 0


def test_find_document_by_prefix_and_path(store, paper_file):
    paper = process(paper_file)
    store.save(paper)
    assert store.get(paper.source.sha256[:10])["path"] == str(paper_file)
    assert store.get(str(paper_file))["id"] == paper.source.sha256
    assert store.get("zzzzzzzz") is None


def test_database_url_from_environment(monkeypatch, tmp_path):
    from boardpapers.store import database_url
    monkeypatch.setenv("BOARDPAPERS_DB", str(tmp_path / "env.db"))
    assert database_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert database_url("postgresql://x/y") == "postgresql://x/y"


def test_an_unreachable_postgresql_is_one_line_without_the_password():
    from boardpapers.model.errors import StoreError
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://someone:hunter2@127.0.0.1:9/nowhere")
    message = str(raised.value)
    assert message.startswith("cannot open database postgresql://someone:***@127.0.0.1:9/")
    assert "hunter2" not in message and "\n" not in message
