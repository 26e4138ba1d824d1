"""The harvest table: what `boardpapers harvest` fetched, its validators and provenance.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('harvest',
    # MySQL keys no LONGTEXT: a VARCHAR there, 768 characters of utf8mb4 (store/mariadb.py)
    sa.Column('url', sa.Text().with_variant(sa.String(length=768), 'mysql', 'mariadb'),
              nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('site', sa.Text(), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('committee', sa.Text(), nullable=True),
    sa.Column('meeting_id', sa.Text(), nullable=True),
    sa.Column('meeting_date', sa.String(length=10), nullable=True),
    sa.Column('item_number', sa.String(length=16), nullable=True),
    sa.Column('item_title', sa.Text(), nullable=True),
    sa.Column('fetched_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('url')
    )
    op.create_index('ix_harvest_sha256', 'harvest', ['sha256'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_harvest_sha256', table_name='harvest')
    op.drop_table('harvest')
