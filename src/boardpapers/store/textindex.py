"""The full-text index of stored blocks: tantivy (BM25, English stemming, top-k pruning).

Why not SQLite's own FTS5: FTS5 scores every matching row before it can return the top
ten, so a common word over a million paragraphs takes a third of a second or more;
tantivy's block-max WAND returns the top ten without scoring them all, and counts and
facets in the same pass (measured in bench/bench_search.py). The database stays the
source of truth: this index holds only what search needs, can be rebuilt from the
database at any time (``Store.reindex``), and is rebuilt automatically when it is found
out of step (for instance after a crash between a database commit and an index commit).

Each indexed block carries its document's genre, body, date and year, its section kind
and the kinds of fact found in it, so filters and facets run inside the index.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from boardpapers.errors import QuerySyntaxError, StoreError
from boardpapers.query import Filters, Query, Term
from boardpapers.store.indexfolder import (
    VERSION_FILE,
    IndexLock,
    check_folder,
    folder_writable,
    is_ours,
    remove_own_index,
)

SCHEMA_VERSION = "1"
LEAD_BOOST = 3.0  # headings, purpose, summary, recommendations and actions weigh more
TEXT_FIELDS = ("lead", "body")
FACET_FIELDS = {"body": "body_name", "genre": "genre", "year": "year", "section": "section"}
SNIPPET_CHARS = 180
WRITER_HEAP = 64_000_000
PREFIX_TERMS = 50  # most frequent words a prefix query expands to
COMMIT_EVERY = 500  # documents added before an automatic commit, to bound writer memory
COMMIT_SECONDS = 1.0  # an ingest commits the index at least this often (between papers)
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


@dataclass(frozen=True, slots=True)
class IndexHit:
    block_id: int
    score: float
    snippet: str  # HTML-escaped, matches in <mark>


@dataclass(frozen=True, slots=True)
class IndexResult:
    total: int
    hits: tuple[IndexHit, ...]
    facets: dict[str, list[tuple[str, int]]]


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    sb.add_text_field("doc", stored=False, tokenizer_name="raw", fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, stored=True, tokenizer_name="en_stem")
    for name in ("genre", "body_name", "year", "section"):
        sb.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_text_field("has", stored=False, tokenizer_name="raw")
    return sb.build()


def _stemmer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("english"))
            .build())


class TextIndex:
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
        self._last_commit = time.monotonic()
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
        """Make added and deleted blocks searchable, and release the writer's lock."""
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            self.index.reload()
        self._pending = 0
        self._last_commit = time.monotonic()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def maybe_commit(self) -> None:
        """Commit when enough has been added or enough time has passed: a search in
        another process sees each batch soon, and a crash loses at most one batch."""
        if (self._pending >= COMMIT_EVERY
                or time.monotonic() - self._last_commit >= COMMIT_SECONDS):
            self.commit()

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
               body_names: Sequence[str] | None = None,
               doc_ids: Sequence[str] | None = None) -> IndexResult:
        """Top hits with snippets, the total and facet counts for one parsed query.

        ``body_names`` and ``doc_ids`` are filters the database resolved (a body name
        substring, a council): None means no such filter, an empty list matches nothing.
        """
        if self.dirty:
            self.commit()
        text_query = self.text_query(query)
        full = self._with_filters(text_query, query.filters, body_names, doc_ids)
        searcher = self.index.searcher()
        try:
            found = searcher.search(full, limit=limit, offset=offset, count=True)
        except ValueError as exc:
            raise QuerySyntaxError(f"could not run this query: {exc}") from None
        snippets = {name: tantivy.SnippetGenerator.create(searcher, text_query, self.schema,
                                                          name) for name in TEXT_FIELDS}
        for generator in snippets.values():
            generator.set_max_num_chars(SNIPPET_CHARS)
        hits = []
        for score, address in found.hits:
            doc = searcher.doc(address)
            hits.append(IndexHit(int(doc["id"][0]), float(score), _snippet(doc, snippets)))
        total = int(getattr(found, "count", 0) or 0)
        counts = self._facets(searcher, full) if facets and total else {}
        return IndexResult(total, tuple(hits), counts)

    def text_query(self, query: Query) -> tantivy.Query:
        """Our parsed query as a tantivy query: groups ANDed, alternatives ORed."""
        clauses = [(tantivy.Occur.Must, self._group(group)) for group in query.groups]
        clauses += [(tantivy.Occur.MustNot, self._term(t)) for t in query.excluded]
        return tantivy.Query.boolean_query(clauses)

    def _group(self, group: Sequence[Term]) -> tantivy.Query:
        if len(group) == 1:
            return self._term(group[0])
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, self._term(t))
                                            for t in group])

    def _term(self, term: Term) -> tantivy.Query:
        """One word, phrase or prefix over both text fields, the lead field boosted."""
        if term.prefix:
            return self._prefix(term.text)
        quoted = '"' + term.text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        try:
            return self.index.parse_query(quoted, list(TEXT_FIELDS),
                                          field_boosts={"lead": LEAD_BOOST})
        except ValueError as exc:
            raise QuerySyntaxError(f"cannot search for {term.text!r}: {exc}") from None

    def _prefix(self, text: str) -> tantivy.Query:
        """``cyber*``: the index's own words that start with the prefix, as typed or as
        stemmed, most frequent first (at most PREFIX_TERMS), so they rank by BM25 and
        are highlighted in snippets like any other word."""
        words = self._stem.analyze(text)
        if not words:
            return tantivy.Query.empty_query()
        typed = text.lower().split()[-1]
        searcher = self.index.searcher()
        alternatives = []
        for name in TEXT_FIELDS:
            expansions: dict[str, int] = {}
            for start in {words[-1], typed}:
                for term, count in searcher.terms_with_prefix(name, start,
                                                              limit=PREFIX_TERMS):
                    expansions[term] = max(count, expansions.get(term, 0))
            best = sorted(expansions, key=lambda t: -expansions[t])[:PREFIX_TERMS]
            if not best:
                continue
            q = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, name, t))
                 for t in best])
            if len(words) > 1:  # "affordable hous*": the other words must be there too
                rest = [tantivy.Query.term_query(self.schema, name, w) for w in words[:-1]]
                q = tantivy.Query.boolean_query([(tantivy.Occur.Must, x) for x in [*rest, q]])
            if name == "lead":
                q = tantivy.Query.boost_query(q, LEAD_BOOST)
            alternatives.append((tantivy.Occur.Should, q))
        if not alternatives:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(alternatives)

    def _with_filters(self, text_query: tantivy.Query, f: Filters,
                      body_names: Sequence[str] | None,
                      doc_ids: Sequence[str] | None) -> tantivy.Query:
        must: list[tantivy.Query] = [text_query]
        s = self.schema
        if f.genre:
            must.append(tantivy.Query.term_query(s, "genre", f.genre))
        if f.section:
            must.append(tantivy.Query.term_query(s, "section", f.section))
        if f.has:
            must.append(tantivy.Query.term_query(s, "has", f.has))
        if f.since or f.until:
            must.append(tantivy.Query.range_query(
                s, "date", tantivy.FieldType.Integer,
                _day_number(f.since) if f.since else 1, _day_number(f.until) if f.until
                else None))
        if body_names is not None:
            must.append(tantivy.Query.term_set_query(s, "body_name", list(body_names)))
        if doc_ids is not None:
            must.append(tantivy.Query.term_set_query(s, "doc", list(doc_ids)))
        if len(must) == 1:
            return text_query
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in must])

    def _facets(self, searcher: Any, query: tantivy.Query,
                top: int = 10) -> dict[str, list[tuple[str, int]]]:
        request = {name: {"terms": {"field": field, "size": top}}
                   for name, field in FACET_FIELDS.items()}
        result = searcher.aggregate(query, request)
        return {name: [(str(b["key"]), int(b["doc_count"]))
                       for b in result.get(name, {}).get("buckets", [])]
                for name in FACET_FIELDS}

    def similar_blocks(self, terms: Sequence[str], *, exclude: str,
                       limit: int = 500) -> list[tuple[int, float]]:
        """Blocks (id, score) of other documents that best match any of the terms."""
        if self.dirty:
            self.commit()
        clauses = [(tantivy.Occur.Should, self._term(Term(t))) for t in terms]
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.boolean_query(clauses)),
             (tantivy.Occur.MustNot, tantivy.Query.term_query(self.schema, "doc", exclude))])
        searcher = self.index.searcher()
        found = searcher.search(query, limit=limit, count=False)
        return [(int(searcher.doc(a)["id"][0]), float(score)) for score, a in found.hits]


def _memory() -> tantivy.Index:
    return tantivy.Index(_schema())


def _day_number(iso: str) -> int:
    return int(iso.replace("-", ""))


def _document(b: IndexedBlock) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", b.block_id)
    doc.add_text("doc", b.doc_id)
    doc.add_text("lead" if b.lead else "body", b.text)
    doc.add_text("genre", b.genre)
    if b.body:
        doc.add_text("body_name", b.body)
    if b.date:
        doc.add_integer("date", _day_number(b.date))
        doc.add_text("year", b.date[:4])
    if b.section:
        doc.add_text("section", b.section)
    for kind in b.has:
        doc.add_text("has", kind)
    return doc


def _snippet(doc: Any, generators: dict[str, Any]) -> str:
    """The best fragment of whichever text field the block's text is in, marked up."""
    for name in TEXT_FIELDS:
        if not doc.get_all(name):
            continue
        snippet = generators[name].snippet_from_doc(doc)
        fragment = snippet.fragment()
        if not fragment:
            text = doc.get_first(name) or ""
            return html_escape(text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS
                                                       else ""))
        return mark(fragment, [(r.start, r.end) for r in snippet.highlighted()])
    return ""


def mark(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Text HTML-escaped, with each (start, end) byte range wrapped in <mark>."""
    data = text.encode("utf-8")
    out, pos = [], 0
    for start, end in _merge_adjacent(data, ranges):
        if start < pos:
            continue
        out.append(html_escape(data[pos:start].decode("utf-8", "replace")))
        out.append("<mark>" + html_escape(data[start:end].decode("utf-8", "replace"))
                   + "</mark>")
        pos = end
    out.append(html_escape(data[pos:].decode("utf-8", "replace")))
    return " ".join("".join(out).split())


def _merge_adjacent(data: bytes, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges separated only by spaces become one, so a phrase is marked as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not data[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
