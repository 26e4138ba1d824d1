"""Several ingest processes writing to one shared database (PostgreSQL, MariaDB) at once:
each paper is stored once, whichever process got there first, and the search index
follows."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import open_store, schema
from tests.store.conftest import SERVERS, pg_store_url, url_factory


def _ingest_into(url: str, folder: str, cache: str) -> tuple[int, int]:
    import os
    os.environ["XDG_CACHE_HOME"] = cache
    summary = ingest([folder], open_store(url), workers=1)
    return summary.count("ingested"), summary.count("present")


@pytest.mark.parametrize("server", SERVERS)
def test_two_writers_at_once_store_each_paper_once(server, tmp_path, monkeypatch, request):
    folder = tmp_path / "papers"
    folder.mkdir()
    for i in range(12):
        (folder / f"item{i:02}.txt").write_text(
            f"Cemetery Extension {i}\n\nPurpose of report\nFor decision.\n\nSummary\n"
            f"Burial space at site {i} runs out in {2030 + i}.\n", encoding="utf-8")
    url = url_factory(server, tmp_path, request)("shared")
    cache = str(tmp_path / "cache")
    monkeypatch.setenv("XDG_CACHE_HOME", cache)
    open_store(url).close()  # the tables, so both writers race only on papers
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(_ingest_into, [(url, str(folder), cache)] * 2)
    assert sum(ingested for ingested, _ in results) == 12
    assert sum(ingested + present for ingested, present in results) == 24
    store = open_store(url, create=False)
    with store.connect() as conn:  # type: ignore[attr-defined]
        docs = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
        paths = conn.execute(select(schema.documents.c.path)).scalars().all()
    assert docs == 12 and sorted(Path(p).name for p in paths) == sorted(
        p.name for p in folder.iterdir())
    assert search(store, "burial").total == 12


@pytest.mark.parametrize("server", SERVERS)
def test_each_machines_index_follows_what_another_stores_again_or_deletes(
        server, tmp_path, monkeypatch, request):
    from boardpapers.pipeline import process
    paper_file = tmp_path / "allotments.txt"
    paper_file.write_text("Allotment Rents\n\nPurpose of report\nFor decision.\n\nSummary\n"
                          "Plot rents rise by four per cent from October.\n", encoding="utf-8")
    url = url_factory(server, tmp_path, request)("shared")
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "here.index"))
    here = open_store(url)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "there.index"))
    there = open_store(url)  # another machine: its own index
    paper = process(paper_file)
    there.save(paper)
    first = search(here, "allotment rents")
    assert first.total >= 1 and first.hits
    there.save(paper, replace=True)  # new rows, new block ids, within the same second
    here._checked_at = None  # type: ignore[attr-defined]  # as after the 2 s between looks
    again = search(here, "allotment rents")
    assert again.total == first.total and len(again.hits) == len(first.hits)
    there.delete(paper.source.sha256)
    here._checked_at = None  # type: ignore[attr-defined]
    assert search(here, "allotment rents").total == 0


def _paper_about(folder: Path, name: str, words: str):
    from boardpapers.pipeline import process
    path = folder / f"{name}.txt"
    path.write_text(f"{words.title()}\n\nPurpose of report\nFor decision.\n\nSummary\n"
                    f"The {words} budget is agreed.\n", encoding="utf-8")
    return process(path)


def test_a_writer_that_commits_after_a_later_one_is_still_followed(
        pg_database, tmp_path, monkeypatch):
    """Writers' commits interleave: a transaction that began first may commit after one
    the index has already followed. Its change is logged under an older transaction id
    and must not be skipped."""
    import threading
    url = pg_store_url(pg_database)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "reader.index"))
    reader = open_store(url)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "writers.index"))
    slow, quick = open_store(url), open_store(url)
    inside, release = threading.Event(), threading.Event()

    def hold(*_args: object) -> None:  # inside the slow writer's transaction
        inside.set()
        release.wait(30)

    monkeypatch.setattr(slow, "_after_save", hold)
    early = _paper_about(tmp_path, "early", "gritting depot")
    late = _paper_about(tmp_path, "late", "pothole repair")
    writer = threading.Thread(target=slow.save, args=(early,))
    writer.start()
    assert inside.wait(30)
    try:
        quick.save(late)  # begins after the slow one, commits before it
        assert search(reader, "pothole").total > 0
        assert search(reader, "gritting").total == 0
    finally:
        release.set()
        writer.join(30)
    reader._checked_at = None  # type: ignore[attr-defined]  # as after the 2 s between looks
    assert search(reader, "gritting").total == search(reader, "pothole").total > 0


def test_a_follower_with_nothing_new_reads_only_the_change_log(
        pg_database, tmp_path, monkeypatch):
    """Once caught up, a look at the database is one query on the log's recent end: no
    catch-up runs, however many papers are stored."""
    url = pg_store_url(pg_database)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "reader.index"))
    reader = open_store(url)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "writer.index"))
    writer = open_store(url)
    for i, words in enumerate(("verge cutting", "street lighting", "bus shelters")):
        writer.save(_paper_about(tmp_path, f"p{i}", words))
    before = search(reader, "lighting").total
    assert before > 0
    reader._checked_at = None  # type: ignore[attr-defined]
    assert reader.ensure_index() is False  # nothing new: nothing read again
    writer.save(_paper_about(tmp_path, "p9", "lighting columns"))
    reader._checked_at = None  # type: ignore[attr-defined]
    assert reader.ensure_index() is True
    assert search(reader, "lighting").total > before


def test_an_index_rebuilt_on_open_follows_the_database_from_the_start(
        pg_database, tmp_path, monkeypatch):
    """An index from another version is removed when opened (indexfolder.py); what the
    follower recorded beside it must not make the new, empty index look caught up."""
    from boardpapers.store.indexfolder import VERSION_FILE
    url = pg_store_url(pg_database)
    folder = tmp_path / "reader.index"
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(folder))
    store = open_store(url)
    store.save(_paper_about(tmp_path, "p1", "cycle lanes"))
    assert search(store, "cycle").total > 0
    store.close()
    (folder / VERSION_FILE).write_text("2")  # as an index an older boardpapers made
    assert search(open_store(url), "cycle").total > 0
