"""documents.date_from: where a paper's date came from when the paper does not print it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a database stamped from before migrations may have been made with the column already
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("documents")}
    if "date_from" not in columns:
        op.add_column("documents", sa.Column("date_from", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("documents", "date_from")
