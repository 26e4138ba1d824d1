"""Schema 3: documents keyed by sha256, blocks, reports, meetings, facts and tables.

The first migration: the schema boardpapers had when migrations began (it matches
store/schema.py at SCHEMA_VERSION "3"). Written out here, not read from schema.py, so
that later migrations start from what this one made.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT_KEY_CHARS = 255  # MySQL indexes a text column's first characters only (store/mariadb.py)


def upgrade() -> None:
    op.create_table('boardpapers_meta',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('genre', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('authority', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.Column('paper_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_documents_authority', 'documents', ['authority'], unique=False,
                    mysql_length=TEXT_KEY_CHARS)
    op.create_index('ix_documents_body', 'documents', ['body'], unique=False,
                    mysql_length=TEXT_KEY_CHARS)
    op.create_index('ix_documents_date', 'documents', ['date'], unique=False)
    op.create_table('agenda_items',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('pages', sa.String(length=32), nullable=True),
    sa.Column('presenters', sa.Text(), nullable=True),
    sa.Column('confidential', sa.Boolean(), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('marker', sa.String(length=16), nullable=False),
    sa.Column('depth', sa.Integer(), nullable=False),
    sa.Column('report_idx', sa.Integer(), nullable=True),
    sa.Column('section_kind', sa.String(length=32), nullable=True),
    sa.Column('heading', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('briefing_items',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('headline', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('contact_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=True),
    sa.Column('normalised', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('contact_officers',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('report_idx', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'report_idx', 'idx')
    )
    op.create_table('council_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('type', sa.Text(), nullable=True),
    sa.Column('region', sa.Text(), nullable=True),
    sa.Column('nation', sa.Text(), nullable=True),
    sa.Column('official_name', sa.Text(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=True),
    sa.Column('paper_columns_json', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_index('ix_council_facts_code', 'council_facts', ['code'], unique=False)
    op.create_table('date_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('parsed', sa.Boolean(), nullable=True),
    sa.Column('context', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_index('ix_date_facts_date', 'date_facts', ['date'], unique=False)
    op.create_table('meetings',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('time', sa.String(length=5), nullable=True),
    sa.Column('venue', sa.Text(), nullable=True),
    sa.Column('online', sa.Boolean(), nullable=True),
    sa.Column('next_date', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id')
    )
    op.create_table('members',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('group_name', sa.Text(), nullable=True),
    sa.Column('authority', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('metric_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('context', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('money_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=True),
    sa.Column('context', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('people_facts',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('honours', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_table('recommendations',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('report_idx', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'report_idx', 'kind', 'idx')
    )
    op.create_table('reports',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('title_key', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('confidential', sa.Boolean(), nullable=True),
    sa.Column('agenda_item', sa.String(length=16), nullable=True),
    sa.Column('first_block', sa.Integer(), nullable=True),
    sa.Column('last_block', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )
    op.create_index('ix_reports_title_key', 'reports', ['title_key'], unique=False,
                    mysql_length=TEXT_KEY_CHARS)
    op.create_table('tables_data',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.Integer(), nullable=False),
    sa.Column('caption', sa.Text(), nullable=True),
    sa.Column('header_json', sa.Text(), nullable=True),
    sa.Column('rows_json', sa.Text(), nullable=True),
    sa.Column('numbers_json', sa.Text(), nullable=True),
    sa.Column('checks_json', sa.Text(), nullable=True),
    sa.Column('consistent', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('doc_id', 'idx')
    )


def downgrade() -> None:
    op.drop_index('ix_reports_title_key', table_name='reports')
    op.drop_index('ix_date_facts_date', table_name='date_facts')
    op.drop_index('ix_council_facts_code', table_name='council_facts')
    op.drop_index('ix_documents_date', table_name='documents')
    op.drop_index('ix_documents_body', table_name='documents')
    op.drop_index('ix_documents_authority', table_name='documents')
    op.drop_table('tables_data')
    op.drop_table('reports')
    op.drop_table('recommendations')
    op.drop_table('people_facts')
    op.drop_table('money_facts')
    op.drop_table('metric_facts')
    op.drop_table('members')
    op.drop_table('meetings')
    op.drop_table('date_facts')
    op.drop_table('council_facts')
    op.drop_table('contact_officers')
    op.drop_table('contact_facts')
    op.drop_table('briefing_items')
    op.drop_table('blocks')
    op.drop_table('agenda_items')
    op.drop_table('documents')
    op.drop_table('boardpapers_meta')
