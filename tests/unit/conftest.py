"""The store back ends for the unit tests that store something (test_plugins): the same
fixtures as tests/store, so those tests run on SQLite and on PostgreSQL."""

from tests.store.conftest import backend, pg_database, store_url  # noqa: F401 (fixtures)
