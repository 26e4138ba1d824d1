"""The database schema, in SQLAlchemy Core, shared by every back end.

Documents are keyed by the sha256 of their bytes; every derived row is keyed by
(document, position), so storing the same paper twice is a no-op. The search index is
not in the database: it is a tantivy index that follows it (store/textindex.py), the same
for every back end, rebuilt from these tables whenever it is out of step.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from boardpapers.store.version import SCHEMA_VERSION

metadata = MetaData()

# MySQL and MariaDB index no TEXT column whole (store/mariadb.py): an index on text holds
# its first TEXT_KEY_CHARS characters, and the harvest's address, a primary key, is a
# VARCHAR of URL_KEY_CHARS (3,072 bytes of utf8mb4, the longest key InnoDB takes).
TEXT_KEY_CHARS = 255
URL_KEY_CHARS = 768

# SCHEMA_VERSION (version.py) is bumped whenever a table or column changes.
__all__ = ["SCHEMA_VERSION"]

meta = Table(
    "boardpapers_meta", metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)


def _doc_fk() -> Column[str]:
    return Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False)


documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the file's bytes
    Column("path", Text, nullable=False),
    Column("format", String(8), nullable=False),
    Column("pages", Integer, nullable=False, default=1),  # 0: the file marks no pages
    Column("size", Integer, nullable=False, default=0),
    Column("genre", String(32), nullable=False),
    Column("form", String(32)),  # the form of the genre ("forward_plan"); None: genre says all
    Column("title", Text),
    Column("body", Text),  # the board or committee, else the publisher
    Column("authority", Text),  # the council or association that owns the paper
    Column("date", String(10)),  # ISO; the paper's own date or its meeting's
    # Where ``date`` came from when the paper does not print it: "meeting" for a paper
    # harvested as an item of a dated meeting (a report in its pack). None: the paper's own.
    Column("date_from", String(16)),
    Column("language", String(10)),
    Column("ingested_at", String(32), nullable=False),
    Column("paper_json", Text, nullable=False),  # the export contract, for show/export
)
Index("ix_documents_date", documents.c.date)
Index("ix_documents_body", documents.c.body, mysql_length=TEXT_KEY_CHARS)
Index("ix_documents_authority", documents.c.authority, mysql_length=TEXT_KEY_CHARS)

blocks = Table(
    "blocks", metadata,
    Column("id", Integer, primary_key=True),  # the search index's passage id
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("page", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("level", Integer, nullable=False, default=0),
    Column("marker", String(16), nullable=False, default=""),
    Column("depth", Integer, nullable=False, default=0),
    Column("report_idx", Integer),  # which report of the paper, if any
    Column("section_kind", String(32)),  # canonical section, e.g. recommendations
    Column("heading", Text),  # the nearest heading above, for context in hits
    UniqueConstraint("doc_id", "idx"),
)

reports = Table(
    "reports", metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("title", Text),
    Column("title_key", Text),  # normalised title: links versions of one report
    Column("purpose", Text),
    Column("summary", Text),
    Column("confidential", Boolean),
    Column("agenda_item", String(16)),
    Column("first_block", Integer),
    Column("last_block", Integer),
    UniqueConstraint("doc_id", "idx"),
)
Index("ix_reports_title_key", reports.c.title_key, mysql_length=TEXT_KEY_CHARS)

recommendations = Table(
    "recommendations", metadata,
    _doc_fk(),
    Column("report_idx", Integer, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # recommendation | action
    Column("text", Text, nullable=False),
    UniqueConstraint("doc_id", "report_idx", "kind", "idx"),
)

contact_officers = Table(
    "contact_officers", metadata,
    _doc_fk(),
    Column("report_idx", Integer, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("position", Text),
    Column("phone", Text),
    Column("email", Text),
    UniqueConstraint("doc_id", "report_idx", "idx"),
)

meetings = Table(
    "meetings", metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("body", Text),
    Column("date", String(10)),
    Column("time", String(5)),
    Column("venue", Text),
    Column("online", Boolean),
    Column("next_date", String(10)),
)

members = Table(
    "members", metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", String(32)),
    Column("group_name", Text),
    Column("authority", Text),
    UniqueConstraint("doc_id", "idx"),
)

agenda_items = Table(
    "agenda_items", metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("number", String(16)),
    Column("title", Text),
    Column("pages", String(32)),
    Column("presenters", Text),  # "; "-joined
    Column("confidential", Boolean),
    Column("decision", Text),
    UniqueConstraint("doc_id", "idx"),
)

decisions = Table(
    "decisions", metadata,  # boardpapers.decisions.Decision, one row per decision recorded
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("source", String(24), nullable=False),
    Column("item", String(16)),
    Column("title", Text),
    Column("title_key", Text),
    Column("maker", Text),
    Column("date", String(10)),
    Column("key_decision", Boolean),
    Column("exempt", Boolean),
    Column("call_in_deadline", String(10)),
    Column("effective_date", String(10)),
    Column("amendment", Text),
    Column("deferred_to", Text),
    Column("deferred_date", String(10)),
    Column("votes_for", Integer),
    Column("votes_against", Integer),
    Column("abstentions", Integer),
    UniqueConstraint("doc_id", "idx"),
)
Index("ix_decisions_date", decisions.c.date)

briefing_items = Table(
    "briefing_items", metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16)),
    Column("headline", Text),
    Column("body", Text),
    UniqueConstraint("doc_id", "idx"),
)


def _fact_table(name: str, *columns: Column[Any]) -> Table:
    """Every fact table: its document, position, block and span, then its own columns."""
    return Table(
        name, metadata,
        _doc_fk(),
        Column("idx", Integer, nullable=False),
        Column("block", Integer, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        *columns,
        UniqueConstraint("doc_id", "idx"),
    )


money_facts = _fact_table("money_facts", Column("amount", Float), Column("unit", Text),
                          Column("approximate", Boolean), Column("context", Text))
date_facts = _fact_table("date_facts", Column("date", String(10)), Column("period", Text),
                         Column("kind", String(16)), Column("parsed", Boolean),
                         Column("context", Text))
metric_facts = _fact_table("metric_facts", Column("value", Float), Column("unit", Text),
                           Column("subject", Text), Column("context", Text))
contact_facts = _fact_table("contact_facts", Column("kind", String(8)),
                            Column("normalised", Text))
people_facts = _fact_table("people_facts", Column("name", Text), Column("role", Text),
                           Column("title", Text), Column("honours", Text))
council_facts = _fact_table("council_facts", Column("code", String(16)), Column("name", Text),
                            Column("type", Text), Column("region", Text),
                            Column("nation", Text), Column("official_name", Text),
                            Column("current", Boolean),
                            Column("paper_columns_json", Text))  # a table's own cells
Index("ix_council_facts_code", council_facts.c.code)
Index("ix_date_facts_date", date_facts.c.date)

tables_data = Table(
    "tables_data", metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("block", Integer, nullable=False),
    Column("caption", Text),
    Column("header_json", Text),
    Column("rows_json", Text),
    Column("numbers_json", Text),
    Column("checks_json", Text),
    Column("consistent", Boolean),
    UniqueConstraint("doc_id", "idx"),
)

# Facts of the kinds without a table of their own (a plugin's, plugins.FactKindSpec with
# no ``table``): one row per fact, its kind named, its value as text and the columns the
# kind lists (``FactKindSpec.columns``) as a JSON object.
facts_extra = Table(
    "facts_extra", metadata,
    _doc_fk(),
    Column("kind", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("block", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text),
    Column("columns_json", Text),
    UniqueConstraint("doc_id", "kind", "idx"),
)
Index("ix_facts_extra_kind", facts_extra.c.kind)

# The tables of the built-in fact kinds (each FactKindSpec.table names one of them).
OWN_FACT_TABLES = (money_facts, date_facts, metric_facts, contact_facts, people_facts,
                   council_facts)


def fact_tables() -> dict[str, Table]:
    """Where each registered fact kind is stored: its own table, else facts_extra (rows
    of that kind). Read from the registry each time: plugins may differ per process."""
    from boardpapers.plugins import points
    return {spec.name: metadata.tables[spec.table] if spec.table else facts_extra
            for spec in points().fact_kinds}


# Tables whose rows belong to one document: deleted before a forced re-store.
DERIVED_TABLES = (blocks, reports, recommendations, contact_officers, meetings, members,
                  agenda_items, decisions, briefing_items, tables_data, *OWN_FACT_TABLES,
                  facts_extra)

# Every change to a document, in the order writers made it: on PostgreSQL a trigger on
# ``documents`` adds a row (the document's id and the writing transaction's id) for each
# insert, delete or re-store, so a search index following the database reads only what
# changed since it last looked instead of scanning every document (store/postgres.py).
# SQLite keeps its index in the writing process and leaves the table empty.
document_changes = Table(
    "document_changes", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("xid", BigInteger, nullable=False),  # the writer's transaction (pg_current_xact_id)
    Column("doc_id", String(64), nullable=False),  # no foreign key: deletions are logged too
)
Index("ix_document_changes_xid", document_changes.c.xid)

# What `boardpapers harvest` fetched, one row per address: the validators a second run
# sends back (ETag, Last-Modified), how the last fetch went, where the file was saved and
# which paper it became, and where on the site it hung (meeting, item) — the provenance
# shown beside a harvested paper. Not derived from a paper, so a paper deleted leaves it.
harvest = Table(
    "harvest", metadata,
    Column("url", Text().with_variant(String(URL_KEY_CHARS), "mysql", "mariadb"),
           primary_key=True),
    Column("kind", String(16), nullable=False),  # listing | meeting | document | page | feed
    Column("site", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("status", String(16), nullable=False),  # fetched | unchanged | failed | refused…
    Column("reason", Text),
    Column("path", Text),  # the saved file
    Column("sha256", String(64)),  # of the saved file: the paper it became
    Column("title", Text),  # the link's own title
    Column("committee", Text),
    Column("meeting_id", Text),
    Column("meeting_date", String(10)),
    Column("item_number", String(16)),
    Column("item_title", Text),
    Column("fetched_at", String(32), nullable=False),
)
Index("ix_harvest_sha256", harvest.c.sha256)
