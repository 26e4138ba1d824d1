"""The fast save path: what SQLite's save hands the search index is built from the rows
it inserts (block ids given before the insert), never read back; it must equal what
reading the stored paper back gives. And the stages' line caches do not outlive a paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.pipeline import process
from boardpapers.store import open_store
from boardpapers.store.sql import indexed_blocks
from boardpapers.store.textindex import IndexedBlock

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAPERS = ("harbridge-housing-delivery-report.docx", "kelderby-cabinet-agenda-and-minutes-"
          "2025-04-15.html", "tamesbury-members-bulletin-2025-05.txt",
          "northmoor-weekly-policy-brief-2025-06-13.md")


@pytest.fixture(scope="module")
def papers():
    return [process(EXAMPLES / name) for name in PAPERS]


def _recording(store) -> dict[str, list[IndexedBlock]]:
    """What each save adds to the index, by document (the latest save wins)."""
    added: dict[str, list[IndexedBlock]] = {}
    add = store.index.add

    def record(blocks):
        blocks = list(blocks)
        if blocks:
            added[blocks[0].doc_id] = blocks
        add(blocks)

    store.index.add = record
    return added


def test_index_entries_from_the_rows_equal_the_stored_rows_read_back(tmp_path, papers):
    store = open_store(str(tmp_path / "b.db"))
    added = _recording(store)
    for paper in papers:
        assert store.save(paper) is True
    store.delete(papers[-1].source.sha256)  # the newest blocks' ids come free again
    store.save(papers[-1])
    store.save(papers[0], replace=True)  # a replaced paper's blocks get new ids
    with store.connect() as conn:
        for paper in papers:
            doc_id = paper.source.sha256
            stored = indexed_blocks(conn, doc_id, None)
            assert stored, doc_id
            assert added[doc_id] == stored
    ids = [b.block_id for blocks in added.values() for b in blocks]
    assert len(ids) == len(set(ids))
    from boardpapers.search import search
    assert search(store, "recycling OR housing").total > 0
    store.close()


def test_the_line_caches_are_empty_after_each_paper(monkeypatch):
    from boardpapers import pipeline
    from boardpapers.parsers import contacts_block, report_heads
    from boardpapers.vocab import labels
    caches = (labels.clean_label_text, labels._match_label, labels._split_fields,
              report_heads._one_line, contacts_block.clean_value)
    used: list[int] = []
    forget = pipeline.forget_lines

    def counting() -> None:
        used.append(sum(c.cache_info().currsize for c in caches))
        forget()

    monkeypatch.setattr(pipeline, "forget_lines", counting)
    process(EXAMPLES / PAPERS[0])
    process(EXAMPLES / PAPERS[1])
    assert len(used) == 2 and min(used) > 0  # filled while a paper was understood…
    assert [c.cache_info().currsize for c in caches] == [0] * len(caches)  # …then emptied


def test_an_ingest_keeps_one_index_writer_across_its_commits(tmp_path, papers, monkeypatch):
    """A new tantivy writer per commit grew memory with every commit: the writer stays
    from the first paper to the end (or the end of its turn), commits still make each
    paper searchable, and the lock is free afterwards."""
    from boardpapers.store import textindex
    from boardpapers.store.indexfolder import IndexLock
    monkeypatch.setattr(textindex, "COMMIT_SECONDS", 0.0)  # an index commit every paper
    store = open_store(str(tmp_path / "b.db"))
    writers = set()
    for paper in papers:
        store.save(paper)
        writers.add(id(store.index._writer))
        reader = open_store(store.url, create=False)
        assert reader.index.num_docs() == store._stored_blocks()  # committed, whole
    assert len(writers) == 1 and store.index.dirty
    store.flush()
    assert not store.index.dirty and not IndexLock(store.index.path).held_elsewhere()
    monkeypatch.setattr(textindex, "WRITER_TURN_SECONDS", 0.0)  # a turn ends every commit
    store.delete(papers[0].source.sha256)
    store.save(papers[0])
    assert not store.index.dirty  # let go for another writer queued for the index
