"""Datasette metadata for a boardpapers SQLite database: a title and description for
every table and column, so the database opens in Datasette readable by someone who never
saw the schema. ``metadata(db_name)`` is the JSON ``datasette --metadata`` takes; a test
checks that every table and column of store/schema.py is described here."""

from __future__ import annotations

from typing import Any

FACT_COLUMNS = {
    "doc_id": "The paper the fact was found in (documents.id)",
    "idx": "Position of the fact among the paper's facts of this kind",
    "block": "The block (blocks.idx) holding the fact",
    "start": "Where the fact starts in the block's text (character offset)",
    "end": "Where the fact ends in the block's text (character offset)",
    "text": "The fact as written in the paper",
}

# table: (title, description, {column: description})
TABLES: dict[str, tuple[str, str, dict[str, str]]] = {
    "documents": ("Papers", "One row per stored file (agenda pack, report, minutes, "
                  "briefing…), keyed by the SHA-256 of its bytes.", {
        "id": "SHA-256 of the file's bytes", "path": "Where the file was found",
        "format": "File format: pdf, docx, doc, html, md or txt",
        "pages": "Number of pages", "size": "File size in bytes",
        "genre": "What the paper is: agenda_pack, report, agenda, minutes, "
                 "agenda_and_minutes, briefing, summary or other",
        "form": "The form of its genre, when the genre does not say all (forward_plan, "
                "a form of other)",
        "title": "The paper's title", "body": "The board or committee it is for, else its "
        "publisher", "authority": "The council or association that owns the paper",
        "date": "The paper's date, or its meeting's (ISO)",
        "language": "en, cy (Welsh) or bilingual",
        "date_from": "meeting: the date is its meeting's, not printed in the paper",
        "ingested_at": "When it was stored (UTC)",
        "paper_json": "Everything extracted, as the boardpapers/paper@1 JSON contract"}),
    "blocks": ("Passages", "The paper's text in reading order: headings, paragraphs, list "
               "items and tables, each with its page.", {
        "id": "Row id (the search index's key)", "doc_id": "The paper (documents.id)",
        "idx": "Position in the paper", "kind": "heading, paragraph, list_item or table",
        "text": "The passage's text", "page": "Page it is on (1-based)",
        "start": "Start offset in the paper's text", "end": "End offset in the paper's text",
        "level": "Heading level (1 = biggest)", "marker": "List marker as written (a), 2.1)",
        "depth": "List nesting depth (0 = top level)",
        "report_idx": "Which report of the paper it belongs to (reports.idx)",
        "section_kind": "Canonical section: purpose, summary, recommendations…",
        "heading": "The nearest heading above it"}),
    "reports": ("Reports", "Each report in a paper (a pack holds several).", {
        "doc_id": "The paper (documents.id)", "idx": "Position among the paper's reports",
        "title": "The report's title", "title_key": "Normalised title, linking versions of "
        "one report across papers", "purpose": "Its purpose, as written",
        "summary": "Its summary, as written", "confidential": "Whether it is exempt or "
        "confidential", "agenda_item": "The agenda item number it sits under",
        "first_block": "First passage (blocks.idx)", "last_block": "Last passage"}),
    "recommendations": ("Recommendations", "What each report asks the board to decide "
                        "(kind recommendation) or officers to do (kind action).", {
        "doc_id": "The paper (documents.id)", "report_idx": "The report (reports.idx)",
        "idx": "Position in the report's list", "kind": "recommendation or action",
        "text": "The recommendation, without its number or lead-in"}),
    "contact_officers": ("Contact officers", "Officers named as a report's contact.", {
        "doc_id": "The paper (documents.id)", "report_idx": "The report (reports.idx)",
        "idx": "Position in the report's list", "name": "Name", "position": "Job title",
        "phone": "Telephone", "email": "E-mail address"}),
    "meetings": ("Meetings", "The meeting an agenda, pack or minutes is for.", {
        "doc_id": "The paper (documents.id)", "body": "Board or committee",
        "date": "Meeting date (ISO)", "time": "Start time, 24-hour HH:MM, UK local time",
        "venue": "Where it is held", "online": "Held online",
        "next_date": "Date of the next meeting, when the paper gives it"}),
    "members": ("Members", "Members of the meeting's board, by political group and role.", {
        "doc_id": "The paper (documents.id)", "idx": "Position in the list",
        "name": "Member's name", "role": "chair, vice_chair, member, substitute…",
        "group_name": "Political group", "authority": "The council they represent"}),
    "agenda_items": ("Agenda items", "The meeting's agenda.", {
        "doc_id": "The paper (documents.id)", "idx": "Position in the agenda",
        "number": "Item number as printed", "title": "Item title",
        "pages": "Pages of the pack as printed (9 - 24)",
        "presenters": "Who presents it ('; '-joined)",
        "confidential": "Taken in private", "decision": "Minutes: what was resolved"}),
    "decisions": ("Decisions", "Each decision a paper records: a minute's RESOLVED, a "
                  "decision page or a record of decision, and what it did.", {
        "doc_id": "The paper (documents.id)", "idx": "Position among the paper's decisions",
        "text": "The decision as written", "outcome": "agreed, amended, deferred, rejected "
        "or noted", "source": "Where it was read: minutes, decision page, record of decision",
        "item": "The agenda item number", "title": "The item's title",
        "title_key": "Normalised title, linking it to reports", "maker": "Who decided",
        "date": "The day it was decided (ISO)", "key_decision": "A key decision",
        "exempt": "Taken in private", "call_in_deadline": "Last day for call-in (ISO)",
        "effective_date": "The day it takes effect (ISO)",
        "amendment": "The amendment, when amended", "deferred_to": "The meeting it was "
        "deferred to", "deferred_date": "That meeting's date (ISO)",
        "votes_for": "Votes for", "votes_against": "Votes against",
        "abstentions": "Abstentions"}),
    "briefing_items": ("Briefing items", "News, vacancies and events in a briefing.", {
        "doc_id": "The paper (documents.id)", "idx": "Position in the briefing",
        "kind": "news, vacancy or event", "headline": "Headline", "body": "Text"}),
    "money_facts": ("Money", "Sums of money in papers.", {
        **FACT_COLUMNS, "amount": "Amount in pounds", "unit": "Per what (per hour…)",
        "approximate": "Written as approximate (c., around, over)",
        "context": "The sentence around it"}),
    "date_facts": ("Dates", "Dates and periods in papers.", {
        **FACT_COLUMNS, "date": "The day (ISO) when the text names one",
        "period": "A period (2024/25, 2024-Q4) when it names no day",
        "kind": "meeting, deadline, event, period, publication or other",
        "parsed": "False when the text could not be read as a date",
        "context": "The sentence around it"}),
    "metric_facts": ("Figures", "Numbers with their units (percentages, counts…).", {
        **FACT_COLUMNS, "value": "The number", "unit": "Its unit (%, councils, homes…)",
        "subject": "What it counts", "context": "The sentence around it"}),
    "contact_facts": ("Contacts", "E-mail addresses, phone numbers and web links.", {
        **FACT_COLUMNS, "kind": "email, phone or url", "normalised": "In a standard form"}),
    "people_facts": ("People", "People named in papers.", {
        **FACT_COLUMNS, "name": "Name", "role": "Role given beside it",
        "title": "Title (Cllr, Dr…)", "honours": "Honours (OBE…)"}),
    "council_facts": ("Council mentions", "Councils named in papers, linked to the "
                      "register of UK local authorities where it holds them.", {
        **FACT_COLUMNS, "code": "Register code (empty when not in the register)",
        "name": "Register name", "type": "Council type", "region": "Region",
        "nation": "England, Wales, Scotland or Northern Ireland",
        "official_name": "Official name", "current": "Still exists",
        "paper_columns_json": "The paper's own type, region and control cells, when the "
        "council is a row of a table"}),
    "facts_extra": ("Other facts", "Facts of the kinds a plugin adds (those without a "
                    "table of their own), one row per fact.", {
        **FACT_COLUMNS, "kind": "The fact kind (its name in the plugin registry)",
        "value": "The fact's value as text",
        "columns_json": "The fields the kind lists beside the text (JSON)"}),
    "tables_data": ("Tables", "Tables in papers, with their figures checked.", {
        "doc_id": "The paper (documents.id)", "idx": "Position among the paper's tables",
        "block": "The passage holding it (blocks.idx)", "caption": "Its caption or heading",
        "header_json": "Header cells (JSON)", "rows_json": "Rows of cells (JSON)",
        "numbers_json": "The cells read as numbers (JSON)",
        "checks_json": "Totals and percentages checked (JSON)",
        "consistent": "Whether every printed total adds up"}),
    "harvest": ("Harvest", "What `boardpapers harvest` fetched, one row per address, and "
                "where on the site each paper hung.", {
        "url": "The address fetched", "kind": "meeting, document or page",
        "site": "The site or feed it came from", "etag": "The ETag the server gave",
        "last_modified": "The Last-Modified the server gave",
        "status": "fetched, unchanged, failed, refused or skipped",
        "reason": "Why it failed or was skipped", "path": "Where the file was saved",
        "sha256": "The paper it became (documents.id)", "title": "The link's title",
        "committee": "Committee or feed", "meeting_id": "The site's meeting id",
        "meeting_date": "Meeting (or entry) date (ISO)", "item_number": "Agenda item number",
        "item_title": "Agenda item title", "fetched_at": "When it was last asked for (UTC)"}),
    "document_changes": ("Document changes", "On PostgreSQL, every paper stored, stored "
                         "again or deleted, which each machine's search index follows "
                         "(empty in SQLite).", {
        "seq": "Order the changes were logged in", "xid": "The writing transaction's id",
        "doc_id": "The paper changed (documents.id; it may be gone)"}),
    "boardpapers_meta": ("Database settings", "The schema version boardpapers wrote.", {
        "key": "Setting", "value": "Value"}),
}
HIDDEN = ("alembic_version",)


def metadata(db_name: str = "boardpapers") -> dict[str, Any]:
    """Datasette metadata for a boardpapers SQLite file whose stem is ``db_name``."""
    tables: dict[str, Any] = {
        name: {"title": title, "description": description, "columns": columns}
        for name, (title, description, columns) in TABLES.items()}
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": "boardpapers",
        "description": "UK local-government board papers and what was extracted from them: "
                       "meetings, reports, recommendations, facts and councils.",
        "databases": {db_name: {"tables": tables}},
    }
