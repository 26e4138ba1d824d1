"""SQLite specifics: pragmas and the FTS5 index over blocks.

The index has two columns so ranking can weigh them differently: ``lead`` holds headings
and the text of recommendation, purpose, summary and action sections; ``body`` holds the
rest. It uses the porter stemmer over unicode61 so "councils" finds "council".
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine

from boardpapers.store.rows import LEAD_SECTIONS

_LEAD_SQL = ", ".join(f"'{s}'" for s in sorted(LEAD_SECTIONS))
LEAD_CASE = f"(kind = 'heading' OR section_kind IN ({_LEAD_SQL}))"


def configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.close()


def create_fts(conn: Connection) -> None:
    conn.execute(text(
        "CREATE VIRTUAL TABLE IF NOT EXISTS blocks_fts USING fts5("
        "lead, body, tokenize = 'porter unicode61 remove_diacritics 2')"))


def index_document(conn: Connection, doc_id: str) -> None:
    conn.execute(text(
        f"INSERT INTO blocks_fts(rowid, lead, body) "
        f"SELECT id, CASE WHEN {LEAD_CASE} THEN text ELSE '' END, "
        f"CASE WHEN {LEAD_CASE} THEN '' ELSE text END "
        f"FROM blocks WHERE doc_id = :doc AND kind != 'page_break'"), {"doc": doc_id})


def unindex_document(conn: Connection, doc_id: str) -> None:
    conn.execute(text("DELETE FROM blocks_fts WHERE rowid IN "
                      "(SELECT id FROM blocks WHERE doc_id = :doc)"), {"doc": doc_id})
