"""Alembic's entry: run the migrations on the connection boardpapers hands over."""

from alembic import context

from boardpapers.store import schema

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=schema.metadata,
                  render_as_batch=True)  # SQLite alters tables by copying them
with context.begin_transaction():
    context.run_migrations()
