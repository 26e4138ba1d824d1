"""Decisions: one row per decision a paper records (boardpapers.decisions).

Papers stored before this revision get their minutes' decisions from the export contract
kept with each document; records of decision and decision pages need the paper read
again (ingest it anew after moving the database aside).

Revision ID: 0002
Revises: 0001
"""

import dataclasses
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("decisions"):
        return  # made by create_all before migrations began
    table = op.create_table(
        "decisions",
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("item", sa.String(length=16), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("title_key", sa.Text(), nullable=True),
        sa.Column("maker", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("key_decision", sa.Boolean(), nullable=True),
        sa.Column("exempt", sa.Boolean(), nullable=True),
        sa.Column("call_in_deadline", sa.String(length=10), nullable=True),
        sa.Column("effective_date", sa.String(length=10), nullable=True),
        sa.Column("amendment", sa.Text(), nullable=True),
        sa.Column("deferred_to", sa.Text(), nullable=True),
        sa.Column("deferred_date", sa.String(length=10), nullable=True),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("abstentions", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("doc_id", "idx"),
    )
    op.create_index("ix_decisions_date", "decisions", ["date"], unique=False)
    _backfill(table)


def _backfill(table: sa.Table) -> None:
    from boardpapers.decisions.records import minute_decisions_from_json
    from boardpapers.store.rows import title_key
    conn = op.get_bind()
    docs = conn.execute(sa.text("SELECT DISTINCT d.id, d.paper_json FROM documents d JOIN "
                                "agenda_items a ON a.doc_id = d.id "
                                "WHERE a.decision IS NOT NULL"))
    for doc_id, paper_json in docs.all():
        rows = [{"doc_id": doc_id, "idx": i, "title_key": title_key(d.title),
                 **dataclasses.asdict(d)}
                for i, d in enumerate(minute_decisions_from_json(json.loads(paper_json)))]
        if rows:
            conn.execute(sa.insert(table), rows)


def downgrade() -> None:
    op.drop_index("ix_decisions_date", table_name="decisions")
    op.drop_table("decisions")
