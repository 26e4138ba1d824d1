"""A hit's row comes from the search index (stored with each passage), not from the
database: it must say exactly what the database says, and follow a moved file."""

from __future__ import annotations

from pathlib import Path

from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import open_store
from boardpapers.store.sql import _Rows

REPORT = """# Library Opening Hours Review

Report to the Communities Committee, 14 May 2024.

## Purpose of report

To agree longer library opening hours in the town centre branches.

## Recommendations

That the committee agrees the library opening hours set out in section 3.

## Background

Library visits rose by a fifth after the reading garden opened.
"""

MINUTES = """# Communities Committee Minutes

Minutes of the meeting held on 2 July 2024.

1. Library opening hours

The committee agreed the longer library hours, effective from September.
"""

SHOWN = ("doc_id", "path", "title", "genre", "date", "body", "idx", "kind", "section_kind",
         "heading", "report")


def _papers(folder: Path) -> Path:
    folder.mkdir()
    (folder / "hours.md").write_text(REPORT, encoding="utf-8")
    (folder / "minutes.md").write_text(MINUTES, encoding="utf-8")
    return folder


def test_hit_rows_from_the_index_match_the_database(store_url, tmp_path):
    store = open_store(store_url("rows"), create=True)
    ingest([_papers(tmp_path / "papers")], store)
    for query in ("library", "library opening hours", "section:recommendations library",
                  "agreed"):
        result = search(store, query, limit=20, collapse=False, per_paper=False)
        assert result.hits, query
        with store.connect() as conn:  # type: ignore[attr-defined]
            rows = {r["id"]: r for r in _Rows(conn).hit_details(
                [_block_id(store, h.doc_id, h.block) for h in result.hits])}
        for hit in result.hits:
            row = rows[_block_id(store, hit.doc_id, hit.block)]
            got = {"doc_id": hit.doc_id, "path": hit.path, "title": hit.title,
                   "genre": hit.genre, "date": hit.date, "body": hit.body, "idx": hit.block,
                   "kind": hit.kind, "section_kind": hit.section, "heading": hit.heading,
                   "report": hit.report}
            assert got == {k: row[k] for k in SHOWN}, query
            assert hit.page == (row["page"] if row["doc_pages"] else None)
    store.close()


def _block_id(store, doc_id: str, idx: int) -> int:
    from sqlalchemy import select

    from boardpapers.store import schema
    b = schema.blocks
    with store.connect() as conn:
        return int(conn.execute(select(b.c.id).where(b.c.doc_id == doc_id,
                                                     b.c.idx == idx)).scalar_one())


def test_a_moved_file_is_shown_at_its_new_path(store_url, tmp_path):
    store = open_store(store_url("moved"), create=True)
    folder = _papers(tmp_path / "papers")
    ingest([folder], store)
    before = [h.path for h in search(store, "reading garden").hits]
    assert len(before) == 1 and before[0].endswith("/hours.md")
    (folder / "hours.md").rename(folder / "library-hours.md")
    ingest([folder], store)
    after = [h.path for h in search(store, "reading garden").hits]
    assert len(after) == 1 and after[0].endswith("/library-hours.md")
    store.close()
