"""The harvest commands end to end, and a saved GetMeeting answer through `ingest`."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from boardpapers.cli import app
from tests.harvest.conftest import MG

runner = CliRunner()


def test_harvest_moderngov_then_again(site, tmp_path, monkeypatch):
    monkeypatch.setenv("BOARDPAPERS_HARVEST_DIR", str(tmp_path / "files"))
    db = ["--db", str(tmp_path / "h.db")]
    args = [*db, "harvest", "moderngov", site.base, "--committee", "Cabinet",
            "--since", "2025-01-01", "--interval", "0"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "5 papers ingested" in first.stdout
    assert "skipped: " in first.stderr and "restricted: not published" in first.stderr
    again = runner.invoke(app, [*args, "--json"])
    report = json.loads(again.stdout)
    assert (report["fetched"], report["ingested"]) == (0, 0) and report["unchanged"] == 7
    found = json.loads(runner.invoke(app, [*db, "search", "Holloway", "--json"]).stdout)
    assert found["total"] >= 1
    shown = json.loads(runner.invoke(app, [*db, "show", found["hits"][0]["document"]["id"],
                                           "--json"]).stdout)
    assert shown["harvested"][0]["meeting_id"] == "4107"


def test_a_saved_getmeeting_answer_ingests_like_any_paper(tmp_path):
    saved = tmp_path / "meeting.xml"
    shutil.copy(MG / "GetMeeting-4107.xml", saved)
    db = ["--db", str(tmp_path / "x.db")]
    r = runner.invoke(app, [*db, "ingest", str(saved)])
    assert r.exit_code == 0, r.output
    assert "1 ingested" in r.stdout
    found = json.loads(runner.invoke(app, [*db, "search", "Riverside", "--json"]).stdout)
    assert found["hits"][0]["document"]["genre"] == "agenda_and_minutes"


def test_harvest_feed_names_a_page_that_is_no_feed(site, tmp_path, monkeypatch):
    monkeypatch.setenv("BOARDPAPERS_HARVEST_DIR", str(tmp_path / "files"))
    site.pages["/news"] = (b"<html><body><p>News</p></body></html>", "text/html")
    r = runner.invoke(app, ["--db", str(tmp_path / "f.db"), "harvest", "feed",
                            site.url("/news"), "--interval", "0"])
    assert r.exit_code == 1
    assert f"failed: {site.url('/news')}: not an RSS or Atom feed" in r.stderr
