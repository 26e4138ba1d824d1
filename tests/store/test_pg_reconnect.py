"""A PostgreSQL restart must not fail a search (issue 16): searches read through a pool
that does not ping, so the read itself finds a connection the server dropped and runs
once more on a fresh one. Each test has a database of its own, so dropping every
connection to it touches no other test's store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from boardpapers.search import search
from boardpapers.store import follow, open_store, postgres
from tests.store.conftest import PG_SERVER


@pytest.fixture
def own_database(pg_database: str) -> Iterator[str]:
    """A database for this test alone (named so a later session's clean-up sees whose)."""
    import psycopg
    name = f"boardpapers_test_reconnect_{os.getpid()}"
    with psycopg.connect(PG_SERVER + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(PG_SERVER + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _drop_connections(url: str) -> int:
    """As a server restart does: every connection to the database ended."""
    import psycopg
    name = url.rsplit("/", 1)[-1]
    with psycopg.connect(PG_SERVER + "/postgres", autocommit=True) as admin:
        return len(admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()", (name,)).fetchall())


def _store_with_a_paper(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from boardpapers.pipeline import process
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "reconnect.index"))
    store = open_store(url)
    path = tmp_path / "gritting.txt"
    path.write_text("Winter Gritting\n\nPurpose of report\nFor decision.\n\nSummary\n"
                    "The gritting routes budget is agreed.\n", encoding="utf-8")
    store.save(process(path))
    return store


def _fill_pool(store, connections: int = 3) -> None:
    """Several connections left idle in the reading pool, as after concurrent searches:
    after a restart every one of them is dead, not only the next one handed out."""
    held = [store.reader.connect() for _ in range(connections)]
    for conn in held:
        conn.execute(text("SELECT 1"))
        conn.close()


def test_a_search_answers_after_the_servers_connections_are_dropped(
        own_database, tmp_path, monkeypatch):
    monkeypatch.setattr(follow, "FOLLOW", follow.FollowSettings(
        check_every_seconds=3600))  # the search's own reads meet the dead connection
    store = _store_with_a_paper(own_database, tmp_path, monkeypatch)
    try:
        before = search(store, "gritting").total
        assert before > 0
        _fill_pool(store)
        assert _drop_connections(own_database) >= 3
        store._hidden = None  # as after the index changed: the search reads the database
        assert search(store, "gritting").total == before
        assert search(store, "gritting").total == before  # and the pool is healthy again
    finally:
        store.close()


def test_the_followers_look_at_the_change_log_survives_dropped_connections(
        own_database, tmp_path, monkeypatch):
    store = _store_with_a_paper(own_database, tmp_path, monkeypatch)
    try:
        assert search(store, "gritting").total > 0
        _fill_pool(store)
        assert _drop_connections(own_database) >= 3
        store._checked_at = None  # as after the 2 s between looks
        assert store.ensure_index() is False  # read the log again: nothing new
    finally:
        store.close()


def test_a_read_is_run_again_once_only(own_database, tmp_path, monkeypatch):
    """A connection dropped again on the fresh one (the server still going down) is an
    error, not a loop; an error that is not a dropped connection is never run again."""
    store = _store_with_a_paper(own_database, tmp_path, monkeypatch)
    runs: list[str] = []

    def kill_own_backend(conn):
        runs.append("dropped")
        conn.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

    def bad_sql(conn):
        runs.append("bad")
        conn.execute(text("SELECT no_such_column FROM no_such_table"))

    try:
        with pytest.raises(DBAPIError) as dropped:
            postgres.read_retrying(store.reader, kill_own_backend)
        assert dropped.value.connection_invalidated
        assert runs == ["dropped", "dropped"]
        runs.clear()
        with pytest.raises(DBAPIError) as bad:
            postgres.read_retrying(store.reader, bad_sql)
        assert not bad.value.connection_invalidated
        assert runs == ["bad"]
    finally:
        store.close()
