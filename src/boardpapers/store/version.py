"""The database schema's version, apart from the schema so that a quick read can check
it without importing SQLAlchemy. Bumped whenever a table or column changes; a database
from another version is refused with a message saying how to rebuild it."""

SCHEMA_VERSION = "3"
