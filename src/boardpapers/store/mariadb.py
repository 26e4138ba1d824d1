"""The MariaDB / MySQL back end: ``--db mysql://user@host:3306/dbname`` (or ``mariadb://``),
one shared store for many writers like PostgreSQL, its search index following the
database the same way (follow.py).

What is MariaDB's own, all of it here:
- the driver: PyMySQL (pure Python, MIT), the connection in utf8mb4;
- the tables in utf8mb4 with a binary, no-pad collation, so text compares and orders by
  code point as on SQLite (the server's default collation is case- and accent-blind, and
  pads with spaces: 'Cabinet' would equal 'CABINET ');
- column types: every TEXT a LONGTEXT (TEXT holds 64 KB; a paper's JSON may run to
  8 MB) and every FLOAT a DOUBLE (MySQL's FLOAT is single precision: £12,345,678
  would come back as £12,345,700); indexed text gets a key prefix (the migrations'
  ``mysql_length``) and the harvest's address a VARCHAR, as MySQL indexes no LONGTEXT whole;
- INSERT IGNORE where PostgreSQL says ON CONFLICT DO NOTHING: of two writers storing one
  file, the second waits for the first's row and finds it there;
- READ COMMITTED, PostgreSQL's level, so concurrent writers do not lock gaps;
- a named lock (GET_LOCK) while the schema is made, as DDL commits at once in MySQL;
- ``ingest`` creates the database when the server has none of that name;
- the read queries' plain SQL spelled its way (``SqlDialect``: CAST to CHAR, ``'\\\\'``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Float, Table, Text, create_engine, func, insert, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateTable
from sqlalchemy.sql.compiler import DDLCompiler, TypeCompiler
from sqlalchemy.sql.dml import Insert

from boardpapers.model.errors import StoreError
from boardpapers.store import schema
from boardpapers.store.follow import FollowingStore
from boardpapers.store.migrations import upgrade_connection
from boardpapers.store.sql import behind_head, check_schema_version
from boardpapers.store.sqltext import SqlDialect

DIALECTS = ("mysql", "mariadb")


@dataclass(frozen=True, slots=True)
class MariaDbSettings:
    """How the store talks to the server."""

    charset: str = "utf8mb4"
    mariadb_collation: str = "utf8mb4_nopad_bin"  # code point order, trailing spaces count
    mysql_collation: str = "utf8mb4_0900_bin"  # MySQL 8's equivalent (no pad)
    isolation: str = "READ COMMITTED"
    schema_lock_seconds: int = 60  # how long a second process waits for one making tables
    unknown_database: int = 1049  # the server's error code for a database it has not got


SETTINGS = MariaDbSettings()


@compiles(Text, *DIALECTS)
def _long_text(type_: Text, compiler: TypeCompiler, **kw: Any) -> str:
    return "LONGTEXT"


@compiles(Float, *DIALECTS)
def _double(type_: Float[Any], compiler: TypeCompiler, **kw: Any) -> str:
    return "DOUBLE"


@compiles(CreateTable, *DIALECTS)
def _binary_utf8mb4(create: CreateTable, compiler: DDLCompiler, **kw: Any) -> str:
    return (compiler.visit_create_table(create, **kw).rstrip()
            + f" DEFAULT CHARSET={SETTINGS.charset} COLLATE={collation(compiler.dialect)}")


def collation(dialect: Any) -> str:
    """Binary and no-pad: MariaDB's name for it, or MySQL 8's."""
    return SETTINGS.mariadb_collation if dialect.is_mariadb else SETTINGS.mysql_collation


def engine_url(url: str) -> URL:
    """The SQLAlchemy URL: PyMySQL as the driver, the connection in utf8mb4."""
    u = make_url(url)
    if "+" not in u.drivername:
        u = u.set(drivername=f"{u.drivername}+pymysql")
    return u.update_query_dict({"charset": SETTINGS.charset})


class MariaDbStore(FollowingStore):
    default_port = 3306
    # the read queries' plain SQL: text is CAST to CHAR, and MySQL's string literals take
    # a backslash doubled (reads.py, sqltext.py)
    dialect = SqlDialect(text="CHAR", escape="'\\\\'")

    def _open_database(self, create: bool) -> Engine:
        u = engine_url(self.url)
        if not u.database:
            raise StoreError(f"{self.safe_url}: name the database (mysql://user@host/dbname)")
        engine = create_engine(u, pool_pre_ping=True, isolation_level=SETTINGS.isolation)
        if not create:
            with engine.connect() as conn:
                check_schema_version(conn, self.safe_url, stamp=False)
                behind = behind_head(conn)
            if behind:  # made by an older boardpapers: its new tables added once
                self._migrate(engine)
            return engine
        try:
            self._migrate(engine)
        except OperationalError as exc:
            if _error_code(exc) != SETTINGS.unknown_database:
                raise
            _create_database(u)
            self._migrate(engine)
        return engine

    def _migrate(self, engine: Engine) -> None:
        """Make or migrate the schema, one process at a time (MySQL commits each DDL
        statement at once, so a transaction cannot keep a second process out)."""
        lock = f"boardpapers-schema-{engine.url.database}"[:64]
        with engine.connect() as conn:
            got = conn.execute(text("SELECT GET_LOCK(:name, :wait)"),
                               {"name": lock, "wait": SETTINGS.schema_lock_seconds}).scalar()
            if got != 1:
                raise StoreError(f"{self.safe_url}: another process has been making the "
                                 f"tables for {SETTINGS.schema_lock_seconds} s; try again")
            try:
                upgrade_connection(conn, self.safe_url)
                conn.commit()
            finally:
                conn.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": lock})

    def _insert_new(self, table: Table) -> Insert:
        return insert(table).prefix_with("IGNORE")

    def _insert_if_new(self, conn: Connection, document: dict[str, Any]) -> bool:
        inserted = conn.execute(self._insert_new(schema.documents), document)
        return inserted.rowcount == 1  # MySQL has no RETURNING

    def string_hash(self, text: ColumnElement[Any]) -> ColumnElement[int]:
        return func.crc32(text)


def _error_code(exc: OperationalError) -> int | None:
    args = getattr(exc.orig, "args", ())
    return args[0] if args and isinstance(args[0], int) else None


def _create_database(u: URL) -> None:
    """The database ``ingest`` was pointed at, made in utf8mb4 on a server without it."""
    server = create_engine(u.set(database=""))  # None would keep the name
    try:
        with server.connect() as conn:
            name = conn.dialect.identifier_preparer.quote_identifier(u.database or "")
            conn.exec_driver_sql(f"CREATE DATABASE IF NOT EXISTS {name} CHARACTER SET "
                                 f"{SETTINGS.charset} COLLATE {collation(conn.dialect)}")
    finally:
        server.dispose()
