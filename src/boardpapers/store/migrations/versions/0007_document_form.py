"""documents.form: the form of a paper's genre ("forward_plan" of "other"), which the
search index files each passage under so that ``form:`` selects it.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # a database stamped back to an older revision may have the column already
    if "form" in {c["name"] for c in sa.inspect(bind).get_columns("documents")}:
        return
    op.add_column("documents", sa.Column("form", sa.String(length=32), nullable=True))
    # Papers stored since forms were added carry theirs in the stored contract: copied
    # over, so they are found by ``form:`` once the index is rebuilt, without ingesting.
    docs = sa.table("documents", sa.column("id"), sa.column("form"), sa.column("paper_json"))
    found = bind.execute(sa.select(docs.c.id, docs.c.paper_json)
                         .where(docs.c.paper_json.like('%"form": "%'))).all()
    for doc_id, text in found:
        form = json.loads(text).get("form")
        if form:
            bind.execute(sa.update(docs).where(docs.c.id == doc_id).values(form=form))


def downgrade() -> None:
    op.drop_column("documents", "form")
