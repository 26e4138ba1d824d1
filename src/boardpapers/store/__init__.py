"""store: the only stage that touches the database.

``open_store(url)`` gives a ``Store`` (base.py, the protocol every command uses) for a
database URL: SQLite (``sqlite:///path`` or a bare path, the embedded default) or
PostgreSQL (``postgresql://…``, one shared store for many writers). ``Store.save(paper)``
writes a paper and everything derived from it in one transaction; a paper whose sha256
is already stored is left alone, so ingesting twice changes nothing.
"""

from __future__ import annotations

from boardpapers.config import load_config
from boardpapers.model.errors import StoreError
from boardpapers.plugins import points, resolve
from boardpapers.store.base import BlockHit, BlockSearch, Store

DEFAULT_URL = "sqlite:///boardpapers.db"

__all__ = ["BlockHit", "BlockSearch", "Store", "database_file", "database_url", "open_store"]


def database_url(given: str | None = None) -> str:
    """--db flag, then BOARDPAPERS_DB or the config file's ``db`` (see config.py), then
    ./boardpapers.db; a bare path means SQLite."""
    url = given or load_config().db or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def database_file(url: str) -> str | None:
    """The file a database URL names when the database is one local file (SQLite), for
    what is kept beside it (uploads, harvested files); None for a server or memory."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    return path if path and path != ":memory:" else None


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """The store for a database URL (see database_url), or StoreError saying why not.

    ``create=True`` (ingest) may create the database's tables and its search index;
    otherwise the database must already be a boardpapers database.
    """
    url = database_url(url)
    scheme = url.split("://", 1)[0].split("+", 1)[0]
    for spec in points().stores:
        if scheme in spec.schemes:
            store: Store = resolve(spec.open)(url, create=create)
            return store
    raise StoreError(f"{url}: unknown database kind {scheme!r}; use a SQLite path or "
                     "sqlite:///path, or postgresql://user@host/dbname")
