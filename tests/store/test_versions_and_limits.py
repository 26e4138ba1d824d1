"""A file ingested again, changed: every listing shows its current version only (search,
facts, councils, similar, show by path, the web's lists), and the old one says what
replaced it. A paper too big for one JSON row is stored without its facts in the row.
The search index commits whole papers only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers import browse
from boardpapers.catalog import council_summary, list_facts
from boardpapers.cli import app
from boardpapers.pipeline import ingest, process
from boardpapers.search import search
from boardpapers.store import Store, open_store
from boardpapers.store import rows as store_rows

runner = CliRunner()
REPORT = """# Leisure Centre Roof

Report of the Director of Place to the Cabinet of Oakfield Borough Council, 3 June 2025.

## Summary

The roof at Brackley leisure centre needs replacing at a cost of £{cost} this year.
Sheffield City Council replaced a similar roof in 2023.
"""


def _two_versions(store: Store, tmp_path: Path) -> tuple[str, str]:
    paper = tmp_path / "roof.md"
    paper.write_text(REPORT.format(cost="410,000"), encoding="utf-8")
    ingest([paper], store)
    old = store.get(str(paper))
    paper.write_text(REPORT.format(cost="455,000"), encoding="utf-8")
    ingest([paper], store)
    new = store.get(str(paper))
    assert old and new and old["id"] != new["id"]
    return old["id"], new["id"]


@pytest.fixture
def versions(store_url, tmp_path: Path) -> tuple[Store, str, str]:
    store = open_store(store_url("versions"))
    return (store, *_two_versions(store, tmp_path))


def test_every_listing_shows_the_current_version_only(versions):
    store, old, new = versions
    money = [r["text"] for r in list_facts(store, "money").rows]
    assert money == ["£455,000"]
    assert {r["papers"] for r in council_summary(store)} == {1}
    assert [p["id"] for p in browse.list_papers(store).items] == [new]
    assert search(store, "roof", collapse=False).papers == 1
    assert store.get(old[:10])["superseded_by"] == new  # by id: still there, and says so
    assert store.get(new[:10])["superseded_by"] is None


def test_show_of_an_old_version_says_what_replaced_it(tmp_path):
    db = tmp_path / "show.db"
    old, new = _two_versions(open_store(f"sqlite:///{db}"), tmp_path)
    r = runner.invoke(app, ["--db", str(db), "show", old[:12]])
    assert r.exit_code == 0, r.output
    assert f"was ingested again, changed, as {new[:12]}" in r.stdout
    r = runner.invoke(app, ["--db", str(db), "show", str(tmp_path / "roof.md"), "--json"])
    assert json.loads(r.stdout)["id"] == new  # a path names the current version


def test_a_paper_too_big_for_one_row_is_stored_without_its_facts(store_url, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(store_rows, "MAX_PAPER_JSON", 2_000)
    paper = tmp_path / "big.md"
    paper.write_text(REPORT.format(cost="410,000") + "".join(
        f"\nItem {i}: £{i},000 on {i % 28 + 1} May 2025 for the roof.\n" for i in range(1, 40)),
        encoding="utf-8")
    store = open_store(store_url("trim"))
    ingest([paper], store)
    stored = store.get(str(paper))["paper"]
    assert "left out of this stored copy" in stored["trimmed"]
    assert stored["facts"]["money"] == [] and stored["title"] == "Leisure Centre Roof"
    assert len(list_facts(store, "money", limit=100).rows) >= 39  # in their own table
    assert store_rows.paper_json(process(paper), limit=10**9).count("trimmed") == 0


def test_json_output_escapes_c1_controls_and_bidi_overrides(tmp_path):
    paper = tmp_path / "odd.md"
    paper.write_text("# Roof \u009b2J repairs \u202egnp.exe\n\nThe roof is fixed.\n",
                     encoding="utf-8")
    r = runner.invoke(app, ["extract", str(paper)])
    assert r.exit_code == 0, r.output
    assert "\u009b" not in r.stdout and "\u202e" not in r.stdout
    assert "\\u009b2J" in r.stdout and "\\u202e" in r.stdout
    assert "\u009b2J" in json.loads(r.stdout)["title"]


def test_the_index_commits_whole_papers_only(tmp_path, monkeypatch):
    from boardpapers.store import textindex
    monkeypatch.setattr(textindex, "COMMIT_SECONDS", 0.0)  # commit after every paper
    folder = tmp_path / "papers"
    folder.mkdir()
    for i in range(4):
        (folder / f"r{i}.md").write_text(REPORT.format(cost=f"{i + 1}00,000") + "".join(
            f"\nParagraph {j} of paper {i}.\n" for j in range(i * 5)), encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    seen: list[set[int]] = []
    checkpoint = textindex.TextIndex.checkpoint  # every index commit goes through it

    def watched(self):
        checkpoint(self)
        self.index.reload()
        searcher = self.index.searcher()
        seen.append({searcher.doc(address)["id"][0] for _, address in searcher.search(
            self.index.parse_query("*"), 10_000).hits})

    monkeypatch.setattr(textindex.TextIndex, "checkpoint", watched)
    ingest([folder], store)
    with store.connect() as conn:
        owner = dict(conn.exec_driver_sql(
            "SELECT id, doc_id FROM blocks WHERE kind != 'page_break'").all())
    whole = {d: {b for b, o in owner.items() if o == d} for d in set(owner.values())}
    assert len(whole) == 4 and len(seen) >= 4 and seen[-1] == set(owner)
    for ids in seen:  # after each commit every paper in the index is there whole
        assert all(whole[d] <= ids for d in {owner[b] for b in ids})
