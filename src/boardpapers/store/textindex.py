"""The full-text index of stored blocks: tantivy (BM25, English stemming, top-k pruning).

Why not SQLite's own FTS5: FTS5 scores every matching row before it can return the top
ten, so a common word over a million paragraphs takes a third of a second or more;
tantivy's block-max WAND returns the top ten without scoring them all, and counts and
facets in the same pass (measured in bench/bench_search.py). The database stays the
source of truth: this index holds only what search needs, can be rebuilt from the
database at any time (``Store.reindex``), and is rebuilt automatically when it is found
out of step (for instance after a crash between a database commit and an index commit).

Searching is in indexsearch.py. Each indexed block carries its document's genre, body,
date and year, its section kind, the kinds of fact found in it and the heading above it,
so filters, facets and ranking run inside the index.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from boardpapers.model.errors import StoreError
from boardpapers.model.query import Query
from boardpapers.store.indexfolder import (
    VERSION_FILE,
    IndexLock,
    check_folder,
    folder_writable,
    is_ours,
    remove_own_index,
)
from boardpapers.store.indexsearch import (
    CONTEXT_FIELD,
    PAPER_FIELD,
    SAMPLE_FIELD,
    SHOWN_FIELD,
    TEXT_FIELDS,
    Chooser,
    IndexHit,
    IndexResult,
    QueryBuilder,
    Scope,
    day_number,
    mark,
    paper_key,
    sample_bucket,
    search_index,
)

SCHEMA_VERSION = "7"  # 3: council; 4: the hit's row stored; 5: sample bucket; 6: paper key;
# 7: form
WRITER_HEAP = 64_000_000
# An ingest commits the index this often (between papers). Each commit writes a segment
# and syncs it to disk (about 150 ms under load) and later merges cost more the more
# segments there are: at one a second they took about a tenth of ingest time. The writer's
# memory is bounded by WRITER_HEAP (tantivy flushes a segment when it is full), not here.
COMMIT_EVERY = 5_000  # documents (blocks) added before a commit
COMMIT_SECONDS = 5.0
# How long an ingest keeps the index writer across its commits before letting another
# writer queued for the index have a turn (see TextIndex.maybe_commit).
WRITER_TURN_SECONDS = 120.0
WRITER_WAIT_SECONDS = 60.0  # how long to wait for tantivy's own lock after ours


@dataclass(frozen=True, slots=True)
class IndexedBlock:
    """What the index keeps of one block: its row id, text and the values filters use."""

    block_id: int
    doc_id: str
    text: str
    lead: bool
    genre: str
    body: str | None
    date: str | None  # ISO
    section: str | None
    has: tuple[str, ...] = ()
    form: str | None = None  # the form of the genre ("forward_plan" of "other")
    councils: tuple[str, ...] = ()  # council keys (register code, else name) it names
    heading: bool = False  # the block is a heading
    context: str | None = None  # the heading above it
    shown: Mapping[str, Any] | None = None  # what a hit shows (RowSource.hit_details)


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    sb.add_text_field("doc", stored=True, tokenizer_name="raw", fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, stored=True, tokenizer_name="en_stem")
    sb.add_text_field(CONTEXT_FIELD, stored=False, tokenizer_name="en_stem")
    for name in ("genre", "form", "body_name", "year", "section", "council"):
        sb.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_integer_field(SAMPLE_FIELD, indexed=True, fast=True)
    sb.add_integer_field(PAPER_FIELD, fast=True)
    sb.add_text_field("has", stored=False, tokenizer_name="raw")
    sb.add_bytes_field(SHOWN_FIELD, stored=True)
    return sb.build()


def _stemmer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("english"))
            .build())


class TextIndex(QueryBuilder):
    """A tantivy index in a folder beside the database file, or in memory.

    Writers queue for the index: a process takes the folder's writer lock before its
    database transaction and keeps it until its additions are committed, so readers can
    tell a lagging index that a writer is filling (search what is committed) from one a
    crash left behind (rebuild it under the lock).
    """

    def __init__(self, path: Path | None, *, create: bool = True) -> None:
        self.path = path
        self.schema = _schema()
        self._writer: Any = None
        self._lock: IndexLock | None = None
        self._pending = 0
        self._last_commit = self._writer_since = time.monotonic()
        self._stem = _stemmer()
        if path is not None:
            check_folder(path)
            if not create and not folder_writable(path) and not is_ours(path):
                self.path = None  # a read-only place with no index: one built in memory
        self.writable = self.path is None or folder_writable(self.path)
        self.index = self._open()

    # ------------------------------------------------------------------ lifecycle

    def _open(self) -> tantivy.Index:
        if self.path is None:
            return _memory()
        version = self.path / VERSION_FILE
        if version.exists() and version.read_text().strip() != SCHEMA_VERSION:
            remove_own_index(self.path)  # an index from another version: rebuilt from the db
        if self.writable:
            self.path.mkdir(parents=True, exist_ok=True)
            if not version.exists():
                version.write_text(SCHEMA_VERSION)
        try:
            return tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except ValueError as exc:
            raise StoreError(f"cannot open search index {self.path}: {exc}") from None

    def _writer_(self) -> Any:
        if self._writer is None:
            if not self.writable:
                raise StoreError(f"search index {self.path} is read-only")
            if self.path is not None and self._lock is None:
                self._lock = IndexLock(self.path)
                self._lock.acquire()  # queue behind another writer
            deadline = time.monotonic() + WRITER_WAIT_SECONDS
            while True:
                try:
                    self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
                    self._writer_since = time.monotonic()
                    break
                except ValueError as exc:  # an older boardpapers holds tantivy's own lock
                    if time.monotonic() > deadline:
                        raise StoreError(f"search index {self.path} is locked by another "
                                         f"process ({exc})") from None
                    time.sleep(0.05)
        return self._writer

    def begin(self) -> None:
        """Take the writer lock (waiting for another writer) before a database write."""
        self._writer_()

    def try_begin(self) -> bool:
        """Take the writer lock only if no other process holds it (to rebuild)."""
        if self.path is None or self._lock is not None:
            return True
        lock = IndexLock(self.path)
        if not lock.acquire(wait=False):
            return False
        self._lock = lock
        return True

    def commit(self) -> None:
        """Make added and deleted blocks searchable, and let the writer and its lock go."""
        if self._writer is not None:
            self.checkpoint()
            self._writer.wait_merging_threads()
            self._writer = None
            self.index.reload()
        self._pending = 0
        self._last_commit = time.monotonic()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def checkpoint(self) -> None:
        """Make what was added searchable, keeping the writer (and the lock) for more."""
        if self._writer is not None:
            self._writer.commit()
        self._pending = 0
        self._last_commit = time.monotonic()

    def maybe_commit(self) -> None:
        """Commit when enough has been added or enough time has passed: a search in
        another process sees each batch soon, and a crash loses at most one batch.

        The writer is kept between these commits: a new tantivy writer per commit grew
        resident memory by about 2 MB each time (its threads' heaps are not given back),
        so an ingest's memory grew with its length. It is let go after WRITER_TURN_SECONDS
        so that another ingest queued for the index gets a turn, and at the ingest's end."""
        now = time.monotonic()
        if self._pending < COMMIT_EVERY and now - self._last_commit < COMMIT_SECONDS:
            return
        if now - self._writer_since >= WRITER_TURN_SECONDS:
            self.commit()
        else:
            self.checkpoint()

    @property
    def dirty(self) -> bool:
        return self._writer is not None

    def writer_elsewhere(self) -> bool:
        """True while another process holds the writer lock (an ingest is running)."""
        if self.path is None or self._lock is not None:
            return False
        return IndexLock(self.path).held_elsewhere()

    def num_docs(self) -> int:
        self.index.reload()
        return int(self.index.searcher().num_docs)

    # ------------------------------------------------------------------ writing

    def add(self, blocks: Iterable[IndexedBlock]) -> None:
        writer = self._writer_()
        for b in blocks:
            writer.add_document(_document(b))
            self._pending += 1

    def delete_document(self, doc_id: str) -> None:
        self._writer_().delete_documents_by_term("doc", doc_id)

    def clear(self) -> None:
        self._writer_().delete_all_documents()

    # ------------------------------------------------------------------ searching

    def search(self, query: Query, *, limit: int, offset: int = 0, facets: bool = True,
               body_names: Sequence[str] | None = None, scope: Scope | None = None,
               by_date: bool = False, choose: Chooser | None = None,
               hidden: Sequence[str] = ()) -> IndexResult:
        """What is committed that matches (see indexsearch.search_index)."""
        if self.dirty:
            self.commit()
        return search_index(self, query, limit=limit, offset=offset, facets=facets,
                            body_names=body_names, scope=scope, by_date=by_date,
                            choose=choose, hidden=hidden)

    def similar_blocks(self, terms: Sequence[str], *, exclude: str,
                       limit: int = 500) -> list[tuple[int, float]]:
        """Blocks (id, score) of other documents that best match any of the terms."""
        if self.dirty:
            self.commit()
        searcher = self.index.searcher()
        found = searcher.search(self.similar_query(terms, exclude), limit=limit, count=False)
        return [(int(searcher.doc(a)["id"][0]), float(score)) for score, a in found.hits]


def _memory() -> tantivy.Index:
    return tantivy.Index(_schema())


def _document(b: IndexedBlock) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", b.block_id)
    doc.add_text("doc", b.doc_id)
    doc.add_integer(SAMPLE_FIELD, sample_bucket(b.doc_id))
    doc.add_integer(PAPER_FIELD, paper_key(b.doc_id))
    doc.add_text("head" if b.heading else "lead" if b.lead else "body", b.text)
    if b.context and not b.heading:
        doc.add_text(CONTEXT_FIELD, b.context)
    doc.add_text("genre", b.genre)
    if b.form:
        doc.add_text("form", b.form)
    if b.body:
        doc.add_text("body_name", b.body)
    if b.date:
        doc.add_integer("date", day_number(b.date))
        doc.add_text("year", b.date[:4])
    if b.section:
        doc.add_text("section", b.section)
    for kind in b.has:
        doc.add_text("has", kind)
    for key in b.councils:
        doc.add_text("council", key)
    if b.shown is not None:
        doc.add_bytes(SHOWN_FIELD, json.dumps(b.shown, separators=(",", ":")).encode())
    return doc




__all__ = ["IndexHit", "IndexResult", "IndexedBlock", "Scope", "TextIndex", "mark"]
