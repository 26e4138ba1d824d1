"""Bringing a database's schema up to this version of boardpapers, with Alembic.

The same migrations (``versions/``) serve SQLite and PostgreSQL. A database already at
the newest revision costs one small query and Alembic is not even imported; a new one
is built by the migrations; one made before migrations began (schema "3", no
``alembic_version``) is stamped as revision 0001; one from an older schema is refused.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from boardpapers.store.sql import check_schema_version

HEAD = "0007"  # the newest revision in versions/ (a test checks they agree)
SCHEMA_LOCK = 0x626F6172  # PostgreSQL advisory lock held while the schema is made
FOLDER = Path(__file__).parent


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_connection(conn: Connection, url: str) -> None:
    """Inside the caller's transaction: migrate to HEAD, then stamp or check the schema
    version boardpapers keeps in its own meta table."""
    if conn.dialect.name == "postgresql":  # two writers starting at once: one migrates
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
    revision = current_revision(conn)
    if revision == HEAD:
        check_schema_version(conn, url, stamp=False)
        return
    if revision is None and inspect(conn).has_table("documents"):
        check_schema_version(conn, url, stamp=False)  # refuses an older schema
        _alembic("stamp", conn, "0001")
    _alembic("upgrade", conn, "head")
    check_schema_version(conn, url, stamp=True)


def upgrade(engine: Engine, url: str) -> None:
    """Bring the database at ``engine`` up to this version, in one transaction."""
    with engine.begin() as conn:
        upgrade_connection(conn, url)


def _alembic(command_name: str, conn: Connection, target: str) -> None:
    from alembic import command
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(FOLDER))
    config.attributes["connection"] = conn
    getattr(command, command_name)(config, target)
