"""Schema migrations (Alembic) build exactly the schema the code uses, on both back ends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, insert

from boardpapers.model.errors import StoreError
from boardpapers.store import migrations, open_store, schema
from tests.store.conftest import reopened_from

LATER_TABLES = {"decisions", "harvest", "facts_extra"}  # made by migrations after 0001


def test_head_is_the_newest_migration():
    config = Config()
    config.set_main_option("script_location", str(migrations.FOLDER))
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.HEAD


def test_a_new_database_is_migrated_to_the_schema_the_code_uses(store_url):
    store = open_store(store_url("fresh"))
    with store.connect() as conn:  # type: ignore[attr-defined]
        assert migrations.current_revision(conn) == migrations.HEAD
        diffs = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diffs == []


def test_a_database_from_before_migrations_is_stamped_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:  # what boardpapers made before it had migrations
        schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables
                                                 if t.name not in LATER_TABLES])
        conn.execute(insert(schema.meta).values(key="schema", value=schema.SCHEMA_VERSION))
    engine.dispose()
    store = open_store(url)
    with store.connect() as conn:  # type: ignore[attr-defined]
        assert migrations.current_revision(conn) == migrations.HEAD
    assert store.stats()["documents"] == 0


def test_a_database_from_an_older_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'older.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        schema.metadata.create_all(conn)
        conn.execute(insert(schema.meta).values(key="schema", value="2"))
    engine.dispose()
    with pytest.raises(StoreError, match="older boardpapers"):
        open_store(url)


def test_a_database_an_older_version_made_is_brought_up_when_next_opened(store_url):
    """A reader (delete, search, the web) opening a database made before facts_extra
    (revision 0004) adds the table, so deleting a paper clears every derived table."""
    url = store_url("older")
    store = reopened_from(open_store(url), url, "0004", "DROP TABLE facts_extra")
    with store.connect() as conn:  # type: ignore[attr-defined]
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
    assert store.delete("0" * 64) is False
    store.close()
