"""What MariaDB needs that the shared store suite does not show: its column types and
collation (text compares and sorts by code point, numbers keep double precision, long
text fits), and a database made by `ingest` when the server has none of that name. The
server cases are skipped when no MariaDB answers (see conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.mysql import mariadb
from sqlalchemy.schema import CreateTable

from boardpapers.model.errors import StoreError
from boardpapers.pipeline import ingest, process
from boardpapers.store import open_store, schema
from boardpapers.store.mariadb import SETTINGS
from tests.store.conftest import MARIADB_SERVER, mariadb_store_url


@pytest.mark.parametrize(("dialect", "collation"), [
    (mariadb.loader("pymysql")(), SETTINGS.mariadb_collation),
    (mysql.dialect(), SETTINGS.mysql_collation)])
def test_tables_are_binary_utf8mb4_with_long_text_and_double_floats(dialect, collation):
    for table in schema.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert ddl.rstrip().endswith(f"DEFAULT CHARSET=utf8mb4 COLLATE={collation}"), table
        assert not re.search(r"\bTEXT\b|\bFLOAT\b", ddl), (table.name, ddl)
    ddl = str(CreateTable(schema.money_facts).compile(dialect=dialect))
    assert "amount DOUBLE" in ddl and "context LONGTEXT" in ddl
    assert "url VARCHAR(768) NOT NULL" in str(CreateTable(schema.harvest).compile(
        dialect=dialect))


@pytest.fixture
def url(request: pytest.FixtureRequest, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BOARDPAPERS_INDEX", raising=False)
    return mariadb_store_url(request)


def test_text_compares_by_code_point_not_case_accent_or_padding(url: str) -> None:
    store = open_store(url)
    addresses = ["http://x.example/Agenda", "http://x.example/agenda",
                 "http://x.example/agenda ", "http://x.example/agénda"]
    for i, address in enumerate(addresses):
        store.record_harvest({"url": address, "kind": "document", "status": "fetched",
                              "fetched_at": f"2025-01-0{i + 1}T00:00:00"})
    for i, address in enumerate(addresses):  # four rows: the server's default would keep one
        row = store.harvest_row(address)
        assert row is not None and row["fetched_at"] == f"2025-01-0{i + 1}T00:00:00"
    assert store.harvest_row("http://x.example/AGENDA") is None


def test_large_sums_and_long_passages_come_back_whole(url: str, tmp_path: Path) -> None:
    paper = tmp_path / "capital.md"
    long_passage = " ".join(f"word{i}" for i in range(15_000))  # over TEXT's 64 KB
    paper.write_text("# Capital Programme\n\n## Summary\n\nThe programme costs "
                     f"£12,345,678.91 over three years.\n\n{long_passage}\n", encoding="utf-8")
    store = open_store(url)
    assert not ingest([paper], store).failed
    amounts = [f["amount"] for f in store.facts("money")]
    assert 12_345_678.91 in amounts  # single-precision FLOAT would give 12,345,679
    doc_id = process(paper).source.sha256
    with store.connect() as conn:  # type: ignore[attr-defined]
        texts = [t for (t,) in conn.execute(schema.blocks.select().with_only_columns(
            schema.blocks.c.text).where(schema.blocks.c.doc_id == doc_id))]
    assert long_passage in texts


def test_ingest_makes_a_missing_database_and_a_reader_refuses_one(
        url: str, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("mariadb_databases")
    missing = f"{url}_new"
    with pytest.raises(StoreError, match="Unknown database"):
        open_store(missing, create=False)
    store = open_store(missing, create=True)
    try:
        assert store.stats()["documents"] == 0
        assert open_store(missing, create=False).stats()["documents"] == 0
    finally:
        store.close()
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP DATABASE `{missing.rsplit('/', 1)[1]}`")


def test_a_url_without_a_database_is_one_clear_line() -> None:
    with pytest.raises(StoreError, match="name the database"):
        open_store(MARIADB_SERVER, create=True)
