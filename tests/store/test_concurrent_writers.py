"""Several ingest processes writing to one PostgreSQL database at once: each paper is
stored once, whichever process got there first, and the search index follows."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sqlalchemy import func, select

from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import open_store, schema
from tests.store.conftest import pg_store_url


def _ingest_into(url: str, folder: str, cache: str) -> tuple[int, int]:
    import os
    os.environ["XDG_CACHE_HOME"] = cache
    summary = ingest([folder], open_store(url), workers=1)
    return summary.count("ingested"), summary.count("present")


def test_two_writers_at_once_store_each_paper_once(pg_database, tmp_path, monkeypatch):
    folder = tmp_path / "papers"
    folder.mkdir()
    for i in range(12):
        (folder / f"item{i:02}.txt").write_text(
            f"Cemetery Extension {i}\n\nPurpose of report\nFor decision.\n\nSummary\n"
            f"Burial space at site {i} runs out in {2030 + i}.\n", encoding="utf-8")
    url = pg_store_url(pg_database)
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


def test_each_machines_index_follows_what_another_stores_again_or_deletes(
        pg_database, tmp_path, monkeypatch):
    import time

    from boardpapers.pipeline import process
    paper_file = tmp_path / "allotments.txt"
    paper_file.write_text("Allotment Rents\n\nPurpose of report\nFor decision.\n\nSummary\n"
                          "Plot rents rise by four per cent from October.\n", encoding="utf-8")
    url = pg_store_url(pg_database)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "here.index"))
    here = open_store(url)
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "there.index"))
    there = open_store(url)  # another machine: its own index
    paper = process(paper_file)
    there.save(paper)
    first = search(here, "allotment rents")
    assert first.total >= 1 and first.hits
    time.sleep(1.1)  # a paper stored again is known by its storing time, to the second
    there.save(paper, replace=True)  # new rows, new block ids
    here._checked_at = None  # type: ignore[attr-defined]  # as after the 2 s between looks
    again = search(here, "allotment rents")
    assert again.total == first.total and len(again.hits) == len(first.hits)
    there.delete(paper.source.sha256)
    here._checked_at = None  # type: ignore[attr-defined]
    assert search(here, "allotment rents").total == 0
