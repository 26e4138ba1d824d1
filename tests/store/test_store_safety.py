"""The store with files it did not make, read-only databases and several processes at once:
nothing deleted, nothing changed by a read, readers never blocked by a writer."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from boardpapers.model.errors import StoreError
from boardpapers.pipeline import process
from boardpapers.search import search
from boardpapers.store import Store, open_store, sqlite, textindex
from boardpapers.store.indexfolder import LOCK_FILE, VERSION_FILE, IndexLock

REPORT = """Cycle Lanes Review

Purpose of report
For decision.

Recommendations
That Cabinet approves the cycle lanes programme of £2.1m for 2026/27.
"""


def _paper(folder: Path, name: str = "cycle.txt", extra: str = "") -> Path:
    p = folder / name
    p.write_text(REPORT + extra, encoding="utf-8")
    return p


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ingested(tmp_path: Path) -> Store:
    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    store.save(process(_paper(tmp_path)))
    store.flush()
    return store


def test_a_users_folder_named_like_the_index_is_never_deleted(tmp_path):
    import shutil
    open_store(f"sqlite:///{tmp_path / 'notes'}").close()  # a database, then its index lost
    shutil.rmtree(tmp_path / "notes.index")
    notes = tmp_path / "notes.index"
    notes.mkdir()
    (notes / "minutes-draft.txt").write_text("my own notes")
    with pytest.raises(StoreError, match="not made by boardpapers"):
        open_store(f"sqlite:///{tmp_path / 'notes'}", create=False)
    (tmp_path / "new.index").mkdir()
    (tmp_path / "new.index" / "x").write_text("x")
    with pytest.raises(StoreError, match="not made by boardpapers"):
        open_store(f"sqlite:///{tmp_path / 'new'}")  # refused before a database is made
    assert not (tmp_path / "new").exists()
    assert (notes / "minutes-draft.txt").read_text() == "my own notes"


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_an_index_path_that_is_a_file_or_link_is_refused_in_one_line(tmp_path, kind):
    target = tmp_path / "elsewhere"
    target.mkdir()
    index = tmp_path / "p.db.index"
    if kind == "file":
        index.write_text("not an index")
    else:
        index.symlink_to(target)
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{tmp_path / 'p.db'}")
    assert "\n" not in str(caught.value) and str(index) in str(caught.value)
    assert not any(target.iterdir())


def test_an_index_from_another_version_loses_only_its_own_files(tmp_path):
    store = _ingested(tmp_path)
    folder = store.index.path
    assert folder is not None
    (folder / VERSION_FILE).write_text("0")
    (folder / "keep-me.txt").write_text("a user's file")
    again = open_store(store.url, create=False)
    assert (folder / "keep-me.txt").exists()
    assert search(again, "cycle").total >= 1  # rebuilt from the database


def test_a_read_command_refuses_someone_elses_sqlite_file_and_changes_nothing(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
        conn.execute("INSERT INTO birds VALUES ('wren')")
    before = _digest(other)
    for create in (False, True):
        with pytest.raises(StoreError, match="not a boardpapers database"):
            open_store(f"sqlite:///{other}", create=create)
    assert _digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_a_read_command_on_a_missing_database_creates_nothing(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        open_store(f"sqlite:///{tmp_path / 'typo.db'}", create=False)
    assert not any(tmp_path.iterdir())


def test_a_database_that_cannot_be_written_is_searched_read_only(tmp_path, monkeypatch):
    store = _ingested(tmp_path)
    store.close()
    db = tmp_path / "p.db"
    assert store.index.path is not None
    for child in store.index.path.iterdir():  # the index too: rebuilt in memory
        child.unlink()
    store.index.path.rmdir()
    before = {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()}
    monkeypatch.setattr(sqlite, "_writable", lambda path: False)
    monkeypatch.setattr(textindex, "folder_writable", lambda path: False)
    reader = open_store(f"sqlite:///{db}", create=False)
    assert reader.read_only
    assert search(reader, "cycle").total >= 1
    assert reader.stats()["documents"] == 1
    after = {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()}
    assert after["p.db"] == before["p.db"] and not (tmp_path / "p.db.index").exists()


def _open_new(url: str) -> str:
    try:
        open_store(url).close()
        return "ok"
    except StoreError as exc:
        return str(exc)


def test_many_processes_creating_one_new_database_at_once_all_succeed(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    with multiprocessing.get_context("spawn").Pool(6) as pool:
        results = pool.map(_open_new, [url] * 12)
    assert results == ["ok"] * 12


def test_a_search_while_another_writer_holds_the_index_reports_the_lag(tmp_path):
    writer = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    writer.save(process(_paper(tmp_path)))
    writer.flush()
    writer.save(process(_paper(tmp_path, "second.txt", "\nCycle parking follows.\n")))
    assert writer.index.dirty  # committed to the database, not yet to the index
    reader = open_store(writer.url, create=False)
    result = search(reader, "cycle")
    assert result.total >= 1 and result.behind > 0  # what is committed, and the lag
    writer.flush()
    assert search(open_store(writer.url, create=False), "parking").total == 1


def test_a_second_writer_queues_for_the_index_instead_of_failing(tmp_path):
    first = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    first.save(process(_paper(tmp_path)))
    assert first.index.dirty
    second = open_store(first.url)
    done: list[bool] = []
    thread = threading.Thread(target=lambda: done.append(second.save(
        process(_paper(tmp_path, "b.txt", "\nBus gates too.\n")))))
    thread.start()
    time.sleep(0.3)
    assert not done  # waiting for the first writer's commit
    first.flush()
    thread.join(30)
    second.flush()
    assert done == [True]
    assert search(open_store(first.url, create=False), "bus").total == 1


def test_a_crash_between_the_commits_is_repaired_by_the_next_search(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    store.save(process(_paper(tmp_path)))
    store.index._writer = None  # the process "dies": nothing reaches the index
    assert store.index._lock is not None
    store.index._lock.release()
    fresh = open_store(store.url, create=False)
    assert search(fresh, "cycle").total >= 1 and fresh.behind == 0


def test_the_writer_lock_is_free_once_an_ingest_ends(tmp_path):
    store = _ingested(tmp_path)
    assert store.index.path is not None
    assert (store.index.path / LOCK_FILE).exists()
    assert not IndexLock(store.index.path).held_elsewhere()
