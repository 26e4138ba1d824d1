"""The store back ends for the unit tests that store something (test_plugins): the same
fixtures as tests/store, so those tests run on SQLite, PostgreSQL and MariaDB."""

from tests.store.conftest import (  # noqa: F401 (fixtures)
    backend,
    mariadb_databases,
    pg_database,
    store_url,
)
