"""export: each table in each format holds the stored rows; Datasette metadata describes
every table and column, and Datasette serves the database with it."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.publish.datasette import TABLES, metadata
from boardpapers.publish.export import export_rows
from boardpapers.store import Store, schema


def _count(store: Store, table: str) -> int:
    with store.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar())


def test_csv_holds_every_recommendation(publish_db: Path, publish_store: Store) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "export", "recommendations"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == _count(publish_store, "recommendations") > 0
    assert {"text", "report_title", "paper_path", "paper_date"} <= set(rows[0])
    assert all(r["text"] for r in rows)


def test_ndjson_papers(publish_db: Path, publish_store: Store) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "export", "papers",
                                      "--format", "ndjson"])
    papers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(papers) == _count(publish_store, "documents")
    assert "paper_json" not in papers[0]
    assert any(p["genre"] == "briefing" for p in papers)


def test_parquet_reads_back(publish_db: Path, publish_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "facts.parquet"
    result = CliRunner().invoke(app, ["--db", str(publish_db), "export", "facts",
                                      "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    facts = sum(_count(publish_store, t) for t in ("money_facts", "date_facts",
                                                   "metric_facts", "contact_facts",
                                                   "people_facts", "council_facts"))
    assert table.num_rows == facts
    kinds = set(table.column("kind").to_pylist())
    assert {"money", "dates", "councils"} <= kinds
    assert table.to_pylist() == export_rows(publish_store, "facts")


def test_unknown_table_is_one_line(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "export", "blocks"])
    assert result.exit_code == 2
    assert "unknown table 'blocks'" in result.output


def test_metadata_describes_every_column() -> None:
    for table in schema.metadata.sorted_tables:
        assert table.name in TABLES, table.name
        described = TABLES[table.name][2]
        assert set(described) == {c.name for c in table.columns}, table.name


def test_datasette_serves_the_descriptions(publish_db: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    ds = datasette_app.Datasette([str(publish_db)], metadata=metadata(publish_db.stem))

    async def fetch() -> tuple[str, str]:
        table = await ds.client.get(f"/{publish_db.stem}/documents")
        database = await ds.client.get(f"/{publish_db.stem}")
        assert table.status_code == database.status_code == 200
        return table.text, database.text

    table_page, database_page = asyncio.run(fetch())
    assert "SHA-256 of the file" in table_page and "Papers" in table_page
    assert "recommendations" in database_page and "alembic_version" not in database_page
