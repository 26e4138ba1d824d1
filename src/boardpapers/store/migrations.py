"""Bringing a database's schema up to this version of boardpapers."""

from __future__ import annotations

from sqlalchemy import Engine, text

from boardpapers.store.sql import create_tables

SCHEMA_LOCK = 0x626F6172  # PostgreSQL advisory lock held while the schema is made


def upgrade(engine: Engine, url: str) -> None:
    """Create the tables a new database needs; refuse one from another schema version."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # two writers starting at once: one creates
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        create_tables(conn, url)
