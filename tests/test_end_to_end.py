"""The README's promises, end to end through the command line.

``make demo`` ingests every example paper; ``boardpapers ingest ../shared/seeds`` stores
five documents and a second run stores none; bad files in a batch each get one line
naming the file, and the rest of the batch lands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers.cli import app
from tests.conftest import EXAMPLES, FIXTURES, SEEDS

runner = CliRunner()

# Every example paper, with the genre a reader of it would give it.
EXAMPLE_GENRES = {
    "ashcombe-planning-committee-minutes-2025-02-05.pdf": "minutes",
    "cyngor-sir-penllyn-adroddiad-ailgylchu.docx": "report",
    "harbridge-housing-delivery-report.docx": "report",
    "kelderby-cabinet-agenda-and-minutes-2025-04-15.html": "agenda_and_minutes",
    "northmoor-weekly-policy-brief-2025-06-13.md": "briefing",
    "tamesbury-members-bulletin-2025-05.txt": "briefing",
    "westmere-cabinet-pack-2025-03-11.pdf": "agenda_pack",
}


def _cli(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_every_example_paper_is_ingested_with_its_genre(tmp_path: Path) -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_file()) == sorted(EXAMPLE_GENRES)
    db = tmp_path / "demo.db"
    code, output = _cli(db, "ingest", str(EXAMPLES), "--json")
    assert code == 0, output
    assert json.loads(output.strip().splitlines()[-1])["ingested"] == len(EXAMPLE_GENRES)
    for name, genre in EXAMPLE_GENRES.items():
        code, output = _cli(db, "show", str(EXAMPLES / name), "--json")
        assert code == 0, output
        assert json.loads(output)["genre"] == genre, name


def test_seeds_store_five_documents_and_a_second_run_stores_none(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = tmp_path / "seeds.db"
    code, output = _cli(db, "ingest", str(SEEDS), "--json")
    assert code == 0, output
    first = json.loads(output.strip().splitlines()[-1])
    assert (first["ingested"], first["failed"]) == (5, 0)
    code, output = _cli(db, "ingest", str(SEEDS), "--json")
    second = json.loads(output.strip().splitlines()[-1])
    assert (second["ingested"], second["present"]) == (0, 5)
    code, output = _cli(db, "stats", "--json")
    assert json.loads(output)["documents"] == 5


def test_a_batch_of_bad_files_names_each_and_stores_the_rest(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "empty.txt").write_bytes(b"")
    (papers / "random.docx").write_bytes(bytes(range(256)) * 4)
    (papers / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    encrypted = FIXTURES / "readers" / "bad_pdf"
    for pdf in sorted(encrypted.glob("*encrypted*.pdf"))[:1]:
        (papers / pdf.name).write_bytes(pdf.read_bytes())
    (papers / "good.md").write_text("# Highways Update\n\n## Purpose of report\n\n"
                                    "For information.\n", encoding="utf-8")
    db = tmp_path / "bad.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(papers)])
    assert result.exit_code == 1
    failures = [line for line in result.output.splitlines() if line.startswith("failed:")]
    bad_names = {"empty.txt", "random.docx", "truncated.pdf"} | {
        p.name for p in papers.glob("*encrypted*.pdf")}
    assert len(failures) == len(bad_names)
    for name in bad_names:
        line = next(f for f in failures if name in f)
        assert "Traceback" not in line and line.split(name, 1)[1].strip(": ")
    assert "1 ingested" in result.output
    code, output = _cli(db, "stats", "--json")
    assert json.loads(output)["documents"] == 1


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    from boardpapers.pipeline import ingest
    from boardpapers.store import open_store
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'seeds.db'}")
    ingest([SEEDS, EXAMPLES], store)
    return store


@pytest.mark.parametrize("query,report_title", [
    ('"One Public Estate" section:recommendations',
     "Improvement Support to Councils - One Public Estate"),
    ("graduate development programme", "National Graduate Development Programme (NGDP)"),
    ("procurement green paper", "National Procurement Policy Statement and Procurement "
                                "Green Paper"),
])
def test_a_programme_query_returns_its_reports_passage_first(seeded_store, query: str,
                                                             report_title: str) -> None:
    from boardpapers.search import search
    result = search(seeded_store, query)
    assert result.hits and result.hits[0].report == report_title


def test_search_filters_by_council_and_facets_by_genre(seeded_store) -> None:
    from boardpapers.search import search
    everywhere = search(seeded_store, "council")
    in_sheffield = search(seeded_store, "council council:Sheffield")
    assert 0 < in_sheffield.total < everywhere.total
    assert {h.doc_id for h in in_sheffield.hits} <= {h.doc_id for h in search(
        seeded_store, "council", limit=1000).hits}
    genres = dict(everywhere.facets["genre"])
    assert genres["agenda_pack"] >= 1 and sum(genres.values()) == everywhere.total


def test_similar_papers_share_their_subject(seeded_store) -> None:
    from boardpapers.catalog import similar
    with seeded_store.connect() as conn:
        from sqlalchemy import text
        mou_report = conn.execute(text("SELECT id FROM documents WHERE path LIKE '%004_%'")
                                  ).scalar_one()
    related = similar(seeded_store, mou_report)
    assert related, "the MoU report should have related papers"
    assert related[0]["genre"] == "agenda_pack"  # the pack that holds its other version
    assert all(r["doc_id"] != mou_report for r in related)
