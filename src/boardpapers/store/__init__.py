"""store: the only stage that touches the database.

``Store.save(paper)`` writes a paper and everything derived from it in one transaction;
a paper whose sha256 is already stored is left alone, so ingesting twice changes nothing.
SQLite (with FTS5) is the embedded default; the schema is plain SQLAlchemy Core so a
PostgreSQL back end can share it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from boardpapers.errors import StoreError
from boardpapers.paper import Paper
from boardpapers.store import schema, sqlite
from boardpapers.store.indexfolder import check_folder
from boardpapers.store.rows import LEAD_SECTIONS, paper_rows
from boardpapers.store.textindex import IndexedBlock, TextIndex

DEFAULT_URL = "sqlite:///boardpapers.db"


def database_url(given: str | None = None) -> str:
    """--db flag, then BOARDPAPERS_DB, then ./boardpapers.db; a bare path means SQLite."""
    url = given or os.environ.get("BOARDPAPERS_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


class Store:
    """A boardpapers database and its search index.

    ``create=True`` (ingest) may create both; otherwise the database must already be a
    boardpapers database, and one the user cannot write to is opened read-only.
    """

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = database_url(url)
        if not self.url.startswith("sqlite"):
            raise StoreError(f"{self.url}: only SQLite is supported so far "
                             "(PostgreSQL is planned)")
        folder = index_path(self.url)
        if folder is not None:
            check_folder(folder)  # before the database: refuse without creating anything
        try:
            self.engine, self.read_only = sqlite.open_engine(self.url, create=create)
            with self.engine.connect() as conn:
                if create:  # tables made under a lock: two first ingests may race
                    sqlite.create_schema(conn, self._create_tables)
                else:  # a reader never writes, so never waits for a writer here
                    _check_schema_version(conn, self.url, stamp=False)
        except (OperationalError, SQLAlchemyError) as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"cannot open database {self.url}: {reason}") from None
        self.index = TextIndex(folder, create=create)
        self._index_checked = False
        self.behind = 0  # blocks stored but not yet searchable (another process writing)

    def _create_tables(self, conn: Connection) -> None:
        schema.metadata.create_all(conn)
        _check_schema_version(conn, self.url, stamp=True)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.documents.c.id).where(
                schema.documents.c.id == sha256)).first() is not None

    def save(self, paper: Paper, *, replace: bool = False) -> bool:
        """Store a paper in one transaction; False when it was already there."""
        doc_id = paper.source.sha256
        rows = paper_rows(paper)
        self.index.begin()  # queue behind another writer before writing the database
        with self.engine.begin() as conn:
            exists = conn.execute(select(schema.documents.c.id).where(
                schema.documents.c.id == doc_id)).first() is not None
            if exists and not replace:
                return False
            if exists:
                _delete_document(conn, doc_id)
            for table in (schema.documents, *schema.DERIVED_TABLES):
                table_rows = rows.get(table.name)
                if table_rows:
                    conn.execute(insert(table), table_rows)
            indexed = _indexed_blocks(conn, doc_id, rows)
        # The database has committed: the index follows, committed with the next batch
        # while this process keeps the writer lock. Should the process die first, the
        # next search finds the index behind with no writer and rebuilds it.
        if exists:
            self.index.delete_document(doc_id)
        self.index.add(indexed)
        self.index.maybe_commit()
        return True

    def delete(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            deleted = _delete_document(conn, doc_id)
        self.index.delete_document(doc_id)
        self.index.commit()
        return deleted

    def flush(self) -> None:
        """Make everything saved so far searchable (ingest calls this at the end)."""
        self.index.commit()

    def close(self) -> None:
        self.flush()
        self.engine.dispose()

    def ensure_index(self) -> bool:
        """Make the index match the database before a search; True if it was rebuilt.

        An index holding fewer blocks than the database while another process holds the
        writer lock is being filled by an ingest: search what is committed and say how
        far behind it is (``behind``). With no writer, it was left behind by a crash or
        deleted by hand: rebuild it, under the lock.
        """
        if self._index_checked and not self.index.dirty:
            return False
        self.index.commit()
        self._index_checked = True
        if self.index.writer_elsewhere() or not self._lock_for_rebuild():
            self.behind = max(0, self._stored_blocks() - self.index.num_docs())
            return False
        try:
            if self._stored_blocks() == self.index.num_docs():
                return False
            if not self.index.writable:  # a read-only folder: rebuild in memory instead
                self.index = TextIndex(None)
            self.reindex()
            return True
        finally:
            self.index.commit()

    def _lock_for_rebuild(self) -> bool:
        return not self.index.writable or self.index.try_begin()

    def _stored_blocks(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.blocks).where(
                schema.blocks.c.kind != "page_break")).scalar_one())

    def reindex(self) -> int:
        """Rebuild the search index from the database; returns the blocks indexed."""
        self.index.begin()
        self.index.clear()
        total = 0
        with self.engine.connect() as conn:
            doc_ids = conn.execute(select(schema.documents.c.id)).scalars().all()
            for doc_id in doc_ids:
                blocks = _indexed_blocks(conn, doc_id, None)
                self.index.add(blocks)
                total += len(blocks)
        self.index.commit()
        return total

    def stats(self) -> dict[str, Any]:
        counts = {"documents": schema.documents, "blocks": schema.blocks,
                  "reports": schema.reports, "recommendations": schema.recommendations,
                  "meetings": schema.meetings}
        with self.engine.connect() as conn:
            out: dict[str, Any] = {k: conn.execute(select(func.count()).select_from(t))
                                   .scalar_one() for k, t in counts.items()}
            out["facts"] = {k: conn.execute(select(func.count()).select_from(t)).scalar_one()
                            for k, t in schema.FACT_TABLES.items()}
            out["genres"] = dict(conn.execute(
                select(schema.documents.c.genre, func.count())
                .group_by(schema.documents.c.genre)).all())
        return out

    def find_document(self, ref: str) -> dict[str, Any] | None:
        """A document by id, id prefix (at least 4 characters) or path: as stored, as an
        absolute path, or the stored path's unique ending ("examples/report.pdf")."""
        d = schema.documents
        ref = ref.strip()
        absolute = str(Path(ref).expanduser().resolve()) if ref else ref
        with self.engine.connect() as conn:
            for q in (select(d).where((d.c.path == ref) | (d.c.path == absolute)),
                      select(d).where(d.c.id.startswith(ref.lower(), autoescape=True))
                      if len(ref) >= 4 else None,
                      select(d).where(d.c.path.endswith("/" + ref.lstrip("./"),
                                                        autoescape=True))):
                if q is None:
                    continue
                found = conn.execute(q.limit(2)).mappings().all()
                if found:
                    break
        if len(found) != 1:
            return None
        row = dict(found[0])
        row["paper"] = json.loads(row.pop("paper_json"))
        return row

    def report_versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Other documents holding a report with the same title: versions of one report."""
        r, d = schema.reports, schema.documents
        with self.engine.connect() as conn:
            keys = select(r.c.title_key).where(r.c.doc_id == doc_id,
                                               r.c.title_key.is_not(None))
            q = (select(r.c.title, r.c.doc_id, d.c.path, d.c.genre, d.c.date)
                 .join(d, d.c.id == r.c.doc_id)
                 .where(r.c.title_key.in_(keys), r.c.doc_id != doc_id)
                 .order_by(d.c.date, d.c.path))
            return [dict(m) for m in conn.execute(q).mappings()]


def _check_schema_version(conn: Connection, url: str, *, stamp: bool) -> None:
    """Stamp a new database with the schema version; refuse one made by another version."""
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


def index_path(url: str) -> Path | None:
    """The search index lives in a folder beside a database file; in memory otherwise."""
    path = sqlite.file_path(url)
    return None if path is None else Path(str(path) + ".index")


def _indexed_blocks(conn: Connection, doc_id: str,
                    rows: dict[str, list[dict[str, Any]]] | None) -> list[IndexedBlock]:
    """A document's stored blocks with what the index filters on, read back with their
    row ids; fact kinds come from ``rows`` when given, else from the fact tables."""
    d, b = schema.documents, schema.blocks
    doc = conn.execute(select(d.c.genre, d.c.body, d.c.date).where(d.c.id == doc_id)).one()
    has: dict[int, set[str]] = {}
    for kind, table in schema.FACT_TABLES.items():
        blocks_with = ([r["block"] for r in rows.get(table.name, [])] if rows is not None
                       else conn.execute(select(table.c.block).where(
                           table.c.doc_id == doc_id)).scalars().all())
        for block in blocks_with:
            has.setdefault(block, set()).add(kind)
    found = conn.execute(select(b.c.id, b.c.idx, b.c.kind, b.c.text, b.c.section_kind)
                         .where(b.c.doc_id == doc_id, b.c.kind != "page_break")
                         .order_by(b.c.idx)).all()
    return [IndexedBlock(block_id=r.id, doc_id=doc_id, text=r.text,
                         lead=r.kind == "heading" or r.section_kind in LEAD_SECTIONS,
                         genre=doc.genre, body=doc.body, date=doc.date,
                         section=r.section_kind, has=tuple(sorted(has.get(r.idx, ()))))
            for r in found]


def _delete_document(conn: Connection, doc_id: str) -> bool:
    for table in schema.DERIVED_TABLES:
        conn.execute(delete(table).where(table.c.doc_id == doc_id))
    return conn.execute(delete(schema.documents).where(
        schema.documents.c.id == doc_id)).rowcount > 0


def default_path() -> Path:
    return Path("boardpapers.db")
