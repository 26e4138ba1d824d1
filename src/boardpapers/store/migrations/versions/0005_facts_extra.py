"""facts_extra: facts of kinds without a table of their own (a plugin's fact kinds).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("facts_extra"):
        return  # a database stamped back to an older revision may have it already
    op.create_table(
        "facts_extra",
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("block", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("columns_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("doc_id", "kind", "idx"),
    )
    op.create_index("ix_facts_extra_kind", "facts_extra", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_facts_extra_kind", table_name="facts_extra")
    op.drop_table("facts_extra")
