"""What every SQL back end shares: writing a paper, reading it back, and the questions
the commands ask, all in SQLAlchemy Core over one schema.

A back end (sqlite.py, postgres.py, mariadb.py) says how to connect, how to insert "unless already
there", where its search index lives and how the index follows the database.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, Engine, Table, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.dml import Insert

from boardpapers.model.errors import DatabaseError, StoreError
from boardpapers.model.paper import Paper
from boardpapers.model.query import Query
from boardpapers.store import harvest_state, queries, schema
from boardpapers.store.base import BlockSearch, SearchOptions
from boardpapers.store.blocksearch import search_blocks
from boardpapers.store.reads import SqlReads
from boardpapers.store.rows import LEAD_SECTIONS, Rows, council_key, paper_rows
from boardpapers.store.textindex import IndexedBlock, TextIndex

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset("""this that with from have will been were their they them there which
would could should about into also more most other such than then these those what when
where while your ours council councils report members board paper papers local
government""".split())
P = ParamSpec("P")
R = TypeVar("R")
SIMILAR_TERMS = 24  # distinctive words of a paper that `similar` looks for elsewhere


def _database_errors(method: Callable[P, R]) -> Callable[P, R]:
    """The database's own errors as DatabaseError, so callers need not know the driver."""
    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database error: {exc.__class__.__name__}: {exc}") from exc
    return wrapped


class SqlStore(SqlReads):
    """The Store protocol over SQLAlchemy Core; subclasses supply the engine and index."""

    engine: Engine
    index: TextIndex

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.read_only = False
        self.behind = 0  # blocks stored but not yet searchable (another process writing)
        try:
            self.engine = self._open_database(create)
        except SQLAlchemyError as exc:
            reason = " ".join(str(getattr(exc, "orig", None) or exc).split())  # one line
            raise StoreError(f"cannot open database {self.safe_url}: {reason}") from None
        self.index = TextIndex(self._index_path(), create=create)
        self._index_checked = False
        self._hidden: tuple[tuple[int, int], list[str]] | None = None  # see _superseded

    # ------------------------------------------------------------------ back-end hooks

    def _open_database(self, create: bool) -> Engine:
        """An engine on a database whose schema is this version's (made if ``create``)."""
        raise NotImplementedError

    def _index_path(self) -> Path | None:
        raise NotImplementedError

    def ensure_index(self) -> bool:
        """Bring the search index up to the database; True if it changed."""
        raise NotImplementedError

    def reindex(self) -> int:
        """Rebuild the search index from the database; returns the blocks indexed."""
        raise NotImplementedError

    def _read(self, work: Callable[[Connection], R]) -> R:
        """``work``, the reads of one search (the hot path), on a reading connection; a
        back end may run it again on a fresh one when its connection was dropped."""
        with self.engine.connect() as conn:
            return work(conn)

    def _before_save(self) -> None:
        """Before the saving transaction begins."""

    def _insert_new(self, table: Table) -> Insert:
        """INSERT … ON CONFLICT DO NOTHING for this dialect."""
        raise NotImplementedError

    @functools.cached_property
    def _insert_document(self) -> Insert:
        """The document row's INSERT … ON CONFLICT DO NOTHING RETURNING id, built once:
        its values are bound at execution, so SQLAlchemy compiles it once."""
        return self._insert_new(schema.documents).returning(schema.documents.c.id)

    def _insert_rows(self, conn: Connection, rows: Rows) -> None:
        """Inside the saving transaction: every derived row of the paper, one executemany
        a table."""
        for table in schema.DERIVED_TABLES:
            table_rows = rows.get(table.name)
            if table_rows:
                conn.execute(insert(table), table_rows)

    def _insert_if_new(self, conn: Connection, document: dict[str, Any]) -> bool:
        """The document row inserted unless its id is there already; True if it was."""
        return conn.execute(self._insert_document, document).first() is not None

    def _after_save(self, conn: Connection, doc_id: str, rows: Rows | None,
                    replaced: bool) -> None:
        """Inside the saving transaction: what the index needs to follow it (``rows``
        None: read the paper's rows back from the database)."""

    def _after_commit(self) -> None:
        """After the saving transaction committed."""

    def order_text(self, column: ColumnElement[Any]) -> ColumnElement[Any]:
        """Text ordered by code point, as SQLite does."""
        return column

    @property
    def safe_url(self) -> str:
        """The URL with any password hidden, for messages."""
        return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", self.url)

    # ------------------------------------------------------------------ writing

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.documents.c.id).where(
                schema.documents.c.id == sha256)).first() is not None

    def path_of(self, sha256: str) -> str | None:
        d = schema.documents
        with self.engine.connect() as conn:
            return conn.execute(select(d.c.path).where(d.c.id == sha256)).scalar_one_or_none()

    def set_path(self, sha256: str, path: str) -> None:
        """A stored paper's file moved: its row and its passages in the index (which
        keep the path a hit shows) follow."""
        d = schema.documents
        self._before_save()
        with self.engine.begin() as conn:
            conn.execute(update(d).where(d.c.id == sha256).values(path=path))
            self._after_save(conn, sha256, None, True)
        self._after_commit()
        self._hidden = None

    @_database_errors
    def save(self, paper: Paper, *, replace: bool = False) -> bool:
        """Store a paper in one transaction; False when it was already there.

        The document row goes in first with ON CONFLICT DO NOTHING, so of two writers
        storing the same file at once one inserts and the other waits and then finds it
        there: never a duplicate, never half a paper.
        """
        doc_id = paper.source.sha256
        rows = paper_rows(paper)
        self._before_save()
        self._hidden = None
        with self.engine.begin() as conn:
            replaced = False
            if replace:
                replaced = _delete_document(conn, doc_id)
            document = rows["documents"][0]
            if document["date"] is None and (day := harvest_state.meeting_date(conn, doc_id)):
                document.update(date=day, date_from="meeting")  # derived, not printed
            if not self._insert_if_new(conn, document):
                return False
            self._insert_rows(conn, rows)
            self._after_save(conn, doc_id, rows, replaced)
        self._after_commit()
        return True

    def delete(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            deleted = _delete_document(conn, doc_id)
        self._hidden = None
        self.index.delete_document(doc_id)
        self.index.commit()
        return deleted

    def flush(self) -> None:
        """Make everything saved so far searchable (ingest calls this at the end)."""
        self.index.commit()

    def close(self) -> None:
        self.flush()
        self.engine.dispose()

    # ------------------------------------------------------------------ reading

    def get(self, ref: str) -> dict[str, Any] | None:
        """A document by id, id prefix (at least 4 characters) or path: as stored, as an
        absolute path, or the stored path's unique ending ("examples/report.pdf")."""
        found: list[Any] = []
        with self.engine.connect() as conn:
            for q in queries.find_document(ref):
                found = list(conn.execute(q).mappings().all())
                if found:
                    break
        if len(found) != 1:
            return None
        row = dict(found[0])
        row["paper"] = json.loads(row.pop("paper_json"))
        with self.engine.connect() as conn:
            row["superseded_by"] = conn.execute(
                queries.newer_version(row["id"])).scalar_one_or_none()
            row["harvested"] = harvest_state.provenance(conn, row["id"])
        return row

    find_document = get

    # ------------------------------------------------------------------ harvest state

    def harvest_row(self, url: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return harvest_state.get_row(conn, url)

    def record_harvest(self, row: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            harvest_state.put_row(conn, row)

    def report_versions(self, doc_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(
                queries.report_versions(doc_id, self.order_text)).mappings()]

    def stats(self) -> dict[str, Any]:
        counts = {"documents": schema.documents, "blocks": schema.blocks,
                  "reports": schema.reports, "recommendations": schema.recommendations,
                  "meetings": schema.meetings}
        with self.engine.connect() as conn:
            out: dict[str, Any] = {k: conn.execute(select(func.count()).select_from(t))
                                   .scalar_one() for k, t in counts.items()}
            out["facts"] = {k: conn.execute(select(func.count()).select_from(t).where(
                *_of_kind(t, k))).scalar_one() for k, t in schema.fact_tables().items()}
            genre = schema.documents.c.genre
            out["genres"] = dict(conn.execute(
                select(genre, func.count()).group_by(genre).order_by(genre)).all())
        return out

    def search(self, query: Query, *, limit: int, offset: int = 0,
               facets: bool = True, options: SearchOptions | None = None) -> BlockSearch:
        self.ensure_index()
        return self._read(lambda conn: search_blocks(
            self.index, _Rows(conn, self._superseded), query, limit=limit, offset=offset,
            facets=facets, options=options, behind=self.behind))

    def _superseded(self, conn: Connection) -> list[str]:
        """Older versions of re-ingested files, read once per state of the index (every
        save adds blocks to it) rather than per search: the query scans every document."""
        searcher = self.index.index.searcher()
        key = (int(searcher.num_docs), int(searcher.num_segments))
        if self._hidden is None or self._hidden[0] != key:
            self._hidden = (key, list(conn.execute(queries.superseded()).scalars()))
        return self._hidden[1]

    def facts(self, kind: str, *, body: str | None = None, since: str | None = None,
              until: str | None = None, limit: int = 1000, offset: int = 0,
              after: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        q = queries.facts(kind, self.order_text, body=body, since=since, until=until,
                          limit=limit, offset=offset, after=after)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
        for r in rows:  # a kind kept in facts_extra: its columns from their JSON
            if "columns_json" in r:
                r.update(json.loads(r.pop("columns_json") or "{}"))
        return rows

    def councils(self, *, include_unlinked: bool = False) -> list[dict[str, Any]]:
        q = queries.councils(self.order_text, include_unlinked=include_unlinked)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def similar(self, doc_id: str, limit: int = 10) -> list[dict[str, Any]]:
        """Papers sharing the most distinctive terms of this one (title and lead text)."""
        with self.engine.connect() as conn:
            texts = conn.execute(queries.lead_texts(doc_id)).scalars().all()
        terms = distinctive_terms(texts)
        if not terms:
            return []
        self.ensure_index()
        hits = self.index.similar_blocks(terms, exclude=doc_id)
        if not hits:
            return []
        b, d = schema.blocks, schema.documents
        scores: dict[str, float] = {}
        with self.engine.connect() as conn:
            owner = dict(conn.execute(select(b.c.id, b.c.doc_id).where(
                b.c.id.in_([i for i, _ in hits]))).all())
            for block_id, score in hits:
                if block_id in owner:
                    scores[owner[block_id]] = scores.get(owner[block_id], 0.0) + score
            for old in conn.execute(queries.superseded()).scalars():
                scores.pop(old, None)  # like search, only current versions
            best = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
            docs = {r.id: r for r in conn.execute(select(
                d.c.id, d.c.path, d.c.title, d.c.genre, d.c.date).where(d.c.id.in_(best)))}
        return [{"doc_id": i, "path": docs[i].path, "title": docs[i].title,
                 "genre": docs[i].genre, "date": docs[i].date, "score": round(scores[i], 4)}
                for i in best if i in docs]


def distinctive_terms(texts: Sequence[str]) -> list[str]:
    """The most frequent longer words of a paper's lead text, common words left out."""
    words: dict[str, int] = {}
    for t in texts:
        for w in _WORD.findall(t.lower()):
            if w not in _STOP:
                words[w] = words.get(w, 0) + 1
    return sorted(words, key=lambda w: -words[w])[:SIMILAR_TERMS]


class _Rows:
    """The rows a search needs, read through SQLAlchemy (see blocksearch.RowSource)."""

    def __init__(self, conn: Connection,
                 hidden: Callable[[Connection], list[str]] | None = None) -> None:
        self.conn = conn
        self._hidden = hidden

    def body_names(self, body: str) -> list[str]:
        return [r for r in self.conn.execute(queries.body_names(body)).scalars()
                if r is not None]

    def council_mentions(self, codes: Sequence[str], name: str | None
                         ) -> list[tuple[int, str]]:
        return [(int(b), str(d)) for b, d in self.conn.execute(
            queries.council_blocks(codes=codes, name=name)).all()]

    def authorities(self) -> list[str]:
        return list(self.conn.execute(queries.authorities()).scalars())

    def documents_of(self, authorities: Sequence[str]) -> list[str]:
        return list(self.conn.execute(queries.documents_of(authorities)).scalars())

    def superseded(self) -> list[str]:
        if self._hidden is not None:
            return self._hidden(self.conn)
        return list(self.conn.execute(queries.superseded()).scalars())

    def hit_details(self, block_ids: Sequence[int]) -> list[dict[str, Any]]:
        found = self.conn.execute(queries.hit_details(block_ids))
        names = list(found.keys())  # zipped by hand: RowMapping per row costs more
        return [dict(zip(names, row, strict=True)) for row in found]


def create_tables(conn: Connection, url: str) -> None:
    """Make or migrate the schema (store/migrations) inside the caller's transaction."""
    from boardpapers.store.migrations import upgrade_connection
    upgrade_connection(conn, url)


def behind_head(conn: Connection) -> bool:
    """Whether the database's migrations stop short of this version's newest (an older
    boardpapers made it): opening it for reading brings it up, adding the new tables."""
    from boardpapers.store.migrations import HEAD, current_revision
    return current_revision(conn) != HEAD


def check_schema_version(conn: Connection, url: str, *, stamp: bool) -> None:
    """Stamp a new database with the schema version (``stamp``); refuse one made by
    another version or by something else."""
    m = schema.meta
    found = conn.execute(select(m.c.value).where(m.c.key == "schema")).scalar_one_or_none()
    if found is None:
        has_papers = conn.execute(select(func.count()).select_from(schema.documents)
                                  ).scalar_one()
        if has_papers:
            found = "1"
        elif not stamp:
            raise StoreError(f"{url} is not a boardpapers database (no schema version)")
        else:
            conn.execute(insert(m).values(key="schema", value=schema.SCHEMA_VERSION))
            return
    if found != schema.SCHEMA_VERSION:
        raise StoreError(f"{url} was written by an older boardpapers (schema {found}, this "
                         f"is {schema.SCHEMA_VERSION}): move it aside and ingest the papers "
                         "again")


def indexed_blocks(conn: Connection, doc_id: str, rows: Rows | None) -> list[IndexedBlock]:
    """A document's stored blocks with what the index filters on, read back with their
    row ids; fact kinds come from ``rows`` when given, else from the fact tables."""
    if rows is None:
        return indexed_blocks_of(conn, [doc_id]).get(doc_id, [])
    marks = _BlockMarks()
    for kind, table in schema.fact_tables().items():
        for r in rows.get(table.name, []):
            if table is not schema.facts_extra or r["kind"] == kind:
                marks.add(doc_id, r["block"], kind, r)
    return _blocks_of(conn, [doc_id], marks).get(doc_id, [])


def indexed_blocks_of(conn: Connection, doc_ids: Sequence[str]
                      ) -> dict[str, list[IndexedBlock]]:
    """indexed_blocks for many documents in a few queries (catching an index up)."""
    marks = _BlockMarks()
    for kind, table in schema.fact_tables().items():
        columns = [table.c.doc_id, table.c.block]
        if table is schema.council_facts:
            columns += [table.c.code, table.c.name, table.c.text]
        for r in conn.execute(select(*columns).where(table.c.doc_id.in_(list(doc_ids)),
                                                     *_of_kind(table, kind))):
            marks.add(r.doc_id, r.block, kind, r._mapping)
    return _blocks_of(conn, doc_ids, marks)


def _of_kind(table: Table, kind: str) -> list[ColumnElement[bool]]:
    """The rows of one fact kind in its table: all of them, or in facts_extra its own."""
    return [table.c.kind == kind] if table is schema.facts_extra else []


class _BlockMarks:
    """What the facts of each block add to its index entry: the kinds of fact in it and
    the councils it names (by council_key, for the council facet)."""

    def __init__(self) -> None:
        self.has: dict[tuple[str, int], set[str]] = {}
        self.councils: dict[tuple[str, int], set[str]] = {}

    def add(self, doc_id: str, block: int, kind: str, fact: Any) -> None:
        self.has.setdefault((doc_id, block), set()).add(kind)
        if kind == "councils":
            key = council_key(fact.get("code"), fact.get("name") or fact.get("text"))
            if key:
                self.councils.setdefault((doc_id, block), set()).add(key)


def _blocks_of(conn: Connection, doc_ids: Sequence[str],
               marks: _BlockMarks) -> dict[str, list[IndexedBlock]]:
    d, b, rp = schema.documents, schema.blocks, schema.reports
    docs = {r.id: r._mapping for r in conn.execute(
        select(d.c.id, d.c.genre, d.c.form, d.c.body, d.c.date, d.c.path, d.c.title,
               d.c.pages)
        .where(d.c.id.in_(list(doc_ids))))}
    reports = {(r.doc_id, r.idx): r.title for r in conn.execute(
        select(rp.c.doc_id, rp.c.idx, rp.c.title).where(rp.c.doc_id.in_(list(doc_ids))))}
    found = conn.execute(select(b.c.id, b.c.doc_id, b.c.idx, b.c.kind, b.c.text,
                                b.c.section_kind, b.c.heading, b.c.page, b.c.report_idx)
                         .where(b.c.doc_id.in_(list(doc_ids)), b.c.kind != "page_break")
                         .order_by(b.c.doc_id, b.c.idx)).all()
    out: dict[str, list[IndexedBlock]] = {i: [] for i in docs}
    for r in found:
        out[r.doc_id].append(_indexed_block(docs[r.doc_id], r._mapping,
                                            reports.get((r.doc_id, r.report_idx)), marks))
    return out


def indexed_from_rows(rows: Rows) -> list[IndexedBlock]:
    """A new paper's blocks for the index from the rows just inserted, whose block rows
    carry their ``id`` (the SQLite store assigns them): nothing is read back."""
    doc = rows["documents"][0]
    marks = _BlockMarks()
    for kind, table in schema.fact_tables().items():
        for r in rows.get(table.name, []):
            if table is not schema.facts_extra or r["kind"] == kind:
                marks.add(doc["id"], r["block"], kind, r)
    reports = {r["idx"]: r["title"] for r in rows.get("reports", [])}
    return [_indexed_block(doc, b, reports.get(b["report_idx"]), marks)
            for b in rows.get("blocks", []) if b["kind"] != "page_break"]


def _indexed_block(doc: Mapping[Any, Any], block: Mapping[Any, Any], report: str | None,
                   marks: _BlockMarks) -> IndexedBlock:
    """One block's index entry from its document's row and its own (stored or new)."""
    key = (block["doc_id"], block["idx"])
    shown = {"path": doc["path"], "title": doc["title"], "genre": doc["genre"],
             "date": doc["date"], "body": doc["body"], "idx": block["idx"],
             "page": block["page"], "doc_pages": doc["pages"], "kind": block["kind"],
             "section_kind": block["section_kind"], "heading": block["heading"],
             "report": report}
    return IndexedBlock(
        block_id=block["id"], doc_id=block["doc_id"], text=block["text"],
        lead=block["kind"] == "heading" or block["section_kind"] in LEAD_SECTIONS,
        genre=doc["genre"], form=doc["form"], body=doc["body"], date=doc["date"],
        section=block["section_kind"], has=tuple(sorted(marks.has.get(key, ()))),
        councils=tuple(sorted(marks.councils.get(key, ()))),
        heading=block["kind"] == "heading", context=block["heading"], shown=shown)


def _delete_document(conn: Connection, doc_id: str) -> bool:
    for table in schema.DERIVED_TABLES:
        conn.execute(delete(table).where(table.c.doc_id == doc_id))
    return conn.execute(delete(schema.documents).where(
        schema.documents.c.id == doc_id)).rowcount > 0
