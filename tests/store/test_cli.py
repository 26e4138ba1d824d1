"""The CLI end to end on a temporary database: ingest, stats, search, show, extract."""

import json
from pathlib import Path

from typer.testing import CliRunner

from boardpapers.cli import app

runner = CliRunner()
TEXT = ("Libraries Review\n\nPurpose of report\nFor information.\n\nSummary\n"
        "Three branch libraries will open on Sundays.\n")


def test_ingest_stats_search_show(tmp_path: Path):
    paper = tmp_path / "libraries.txt"
    paper.write_text(TEXT, encoding="utf-8")
    db = ["--db", str(tmp_path / "cli.db")]
    r = runner.invoke(app, [*db, "ingest", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "1 ingested" in r.output
    r = runner.invoke(app, [*db, "ingest", str(tmp_path)])
    assert "0 ingested, 1 already present" in r.output
    stats = json.loads(runner.invoke(app, [*db, "stats", "--json"]).stdout)
    assert stats["documents"] == 1 and stats["blocks"] >= 4
    found = json.loads(runner.invoke(app, [*db, "search", "sundays", "--json"]).stdout)
    assert found["total"] == 1 and set(found) >= {"total", "hits", "facets"}
    doc_id = found["hits"][0]["document"]["id"]
    shown = json.loads(runner.invoke(app, [*db, "show", doc_id[:10], "--json"]).stdout)
    assert shown["path"] == str(paper)


def test_bad_query_exit_code_and_message(tmp_path: Path):
    r = runner.invoke(app, ["--db", str(tmp_path / "c.db"), "search", 'since:soon x'])
    assert r.exit_code == 2
    assert "expects a date" in r.output
    assert "Traceback" not in r.output


def test_extract_prints_one_json_object_per_file(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(a), str(empty), "--json"])
    assert r.exit_code == 1
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    assert lines[0]["schema"] == "boardpapers/paper@1"
    assert lines[0]["source"]["format"] == "txt"
    assert "b.txt" in r.output and "empty" in r.output
