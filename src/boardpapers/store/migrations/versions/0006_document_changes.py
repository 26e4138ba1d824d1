"""document_changes: a log of every document stored, stored again or deleted, which a
search index following a PostgreSQL database reads instead of scanning ``documents``.

On PostgreSQL a trigger on ``documents`` writes the log, so every writer (any version,
any path that touches the table) is followed; the rows already there are logged once.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Any update is logged: the index keeps what a hit shows of its paper (path, title,
# genre, date, body), so a moved file is followed too.
# The writing transaction's id as a bigint: a follower knows that every transaction
# below its snapshot's xmin has ended, so rows below it are never added later.
_LOG_FUNCTION = """
CREATE OR REPLACE FUNCTION boardpapers_log_document_change() RETURNS trigger AS $$
BEGIN
    INSERT INTO document_changes (xid, doc_id)
    VALUES (pg_current_xact_id()::text::bigint,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
_TRIGGER = """
CREATE TRIGGER documents_log_change
AFTER INSERT OR DELETE OR UPDATE ON documents
FOR EACH ROW EXECUTE FUNCTION boardpapers_log_document_change()
"""


def upgrade() -> None:
    # a database stamped at an older revision may have been made with the table already
    if not sa.inspect(op.get_bind()).has_table("document_changes"):
        op.create_table(
            "document_changes",
            sa.Column("seq", sa.BigInteger(), autoincrement=True, nullable=False),
            sa.Column("xid", sa.BigInteger(), nullable=False),
            sa.Column("doc_id", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("seq"),
        )
        op.create_index("ix_document_changes_xid", "document_changes", ["xid"],
                        unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_LOG_FUNCTION)
        op.execute("DROP TRIGGER IF EXISTS documents_log_change ON documents")
        op.execute(_TRIGGER)
        op.execute("INSERT INTO document_changes (xid, doc_id) SELECT "
                   "pg_current_xact_id()::text::bigint, id FROM documents WHERE NOT EXISTS "
                   "(SELECT 1 FROM document_changes) ORDER BY id")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS documents_log_change ON documents")
        op.execute("DROP FUNCTION IF EXISTS boardpapers_log_document_change()")
    op.drop_index("ix_document_changes_xid", table_name="document_changes")
    op.drop_table("document_changes")
