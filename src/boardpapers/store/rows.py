"""Paper -> rows: the pure half of storing, one list of row dicts per table."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime
from typing import Any

from boardpapers.decisions import decisions_of
from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import Paper, Report, to_plain
from boardpapers.plugins import FactKindSpec, points
from boardpapers.vocab.text import fold

Rows = dict[str, list[dict[str, Any]]]

LEAD_SECTIONS = frozenset({"recommendations", "purpose", "summary", "actions"})
# One documents.paper_json row at most (characters). A 3,000-page pack's facts alone run
# to about 60 MB; past this its facts and tables, stored row by row in their own tables
# anyway, are left out of the row and the stored JSON says so (``trimmed``).
MAX_PAPER_JSON = 8 * 1024 * 1024
TRIMMABLE = ("facts", "tables")


def council_key(code: str | None, name: str | None) -> str:
    """The key a council is found by (its page, the council facet): its register code,
    else its name."""
    return code or name or ""


def title_key(title: str | None) -> str | None:
    """A report title folded so that two versions of one report share a key."""
    if not title:
        return None
    folded = re.sub(r"[^\w/]+", " ", title.casefold()).strip()
    return re.sub(r"\s+", " ", folded) or None


def block_context(paper: Paper) -> list[tuple[int | None, str | None, str | None]]:
    """For each block: (report index, section kind, nearest heading above)."""
    n = len(paper.layout.blocks)
    report_of: list[int | None] = [None] * n
    section_of: list[str | None] = [None] * n
    for r_idx, report in enumerate(paper.reports):
        _mark(report_of, report.first_block, report.last_block, r_idx)
        for section in report.sections:
            _mark(section_of, section.first_block, section.last_block, section.kind)
    starts = {r.first_block for r in paper.reports if r.first_block >= 0}
    out = []
    heading: str | None = None
    for i, block in enumerate(paper.layout.blocks):
        if i in starts:
            heading = None  # a report's title is not filed under the item before it
        out.append((report_of[i], section_of[i], heading))
        if block.kind is BlockKind.HEADING and not is_field_label(block.text):
            heading = block.text
    return out


_LABEL = re.compile(r"^[^\W\d][\w .'/()-]{0,30}:$")
LABEL_WORDS = 4  # "Contact phone no:" is a label; a sentence ending in a colon is not
# Words of the contact and cover-sheet fields a converter sets as headings.
FIELD_WORDS = frozenset("""email e-mail mail phone telephone tel mobile fax ext extension
direct line position post job role title name address officer author ffôn ebost swydd
enw""".split())


def is_field_label(text: str) -> bool:
    """A form field's label set as a heading ("Email:", "Phone no:", "Position:"): the
    passages after it belong to the heading above it, not to the label."""
    text = fold(text)
    if not _LABEL.match(text) or len(text.split()) > LABEL_WORDS:
        return False
    words = {w.strip(".:()/'").lower() for w in text.split()}
    return bool(words & FIELD_WORDS)


def _mark(target: list[Any], first: int, last: int, value: Any) -> None:
    if first < 0:
        return
    last = first if last < first else last
    for i in range(first, min(last + 1, len(target))):
        target[i] = value


def paper_rows(paper: Paper) -> Rows:
    doc = paper.source.sha256
    rows: Rows = {"documents": [_document_row(paper)]}
    rows["blocks"] = [
        {"doc_id": doc, "idx": i, "kind": b.kind.value, "text": b.text, "page": b.page,
         "start": b.start, "end": b.end, "level": b.level, "marker": b.marker,
         "depth": b.depth, "report_idx": ctx[0], "section_kind": ctx[1], "heading": ctx[2]}
        for i, (b, ctx) in enumerate(zip(paper.layout.blocks, block_context(paper), strict=True))
        if b.kind is not BlockKind.PAGE_BREAK
    ]
    rows.update(_report_rows(doc, paper.reports))
    rows.update(_meeting_rows(doc, paper))
    rows["decisions"] = [{"doc_id": doc, "idx": i, "title_key": title_key(d.title),
                          **dataclasses.asdict(d)} for i, d in enumerate(decisions_of(paper))]
    rows["briefing_items"] = [
        {"doc_id": doc, "idx": i, "kind": it.kind, "headline": it.headline, "body": it.body}
        for i, it in enumerate(paper.items)]
    rows.update(_fact_rows(doc, paper))
    rows["tables_data"] = [
        {"doc_id": doc, "idx": i, "block": t.block, "caption": t.caption,
         "header_json": json.dumps(list(t.header)), "rows_json": json.dumps(
             [list(r) for r in t.rows]), "numbers_json": json.dumps(
             [list(r) for r in t.numbers]), "checks_json": json.dumps(
             [dataclasses.asdict(c) for c in t.checks]), "consistent": t.consistent}
        for i, t in enumerate(paper.tables)]
    return rows


def _document_row(paper: Paper) -> dict[str, Any]:
    date = paper.date or (paper.meeting.date if paper.meeting else None)
    return {
        "id": paper.source.sha256, "path": paper.source.path, "format": paper.source.format,
        "pages": paper.source.pages if paper.source.paged else 0,  # 0: no pages marked
        "size": paper.source.size, "genre": paper.genre, "form": paper.form,
        "title": paper.title, "body": paper.body or (paper.meeting.body if paper.meeting
                                                     else None),
        "authority": paper.authority or (paper.meeting.authority if paper.meeting else None),
        "date": date, "language": paper.language,
        "ingested_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "paper_json": paper_json(paper),
    }


def paper_json(paper: Paper, limit: int | None = None) -> str:
    """The export contract as stored, without blocks (they have their own rows) and,
    past ``limit`` (MAX_PAPER_JSON), without its facts and tables either."""
    limit = MAX_PAPER_JSON if limit is None else limit
    contract = paper.to_json(include_blocks=False)
    text = json.dumps(contract, ensure_ascii=False)
    if len(text) <= limit:
        return text
    left_out = [k for k in TRIMMABLE if contract.get(k)]
    for key in left_out:  # the same shape, emptied
        value = contract[key]
        contract[key] = {k: [] for k in value} if isinstance(value, dict) else []
    contract["trimmed"] = (f"{' and '.join(left_out)} left out of this stored copy "
                           f"({len(text) // (1024 * 1024)} MB of JSON, the limit is "
                           f"{limit // (1024 * 1024)} MB); each is stored in its own table "
                           "(boardpapers facts)")
    return json.dumps(contract, ensure_ascii=False)


def _report_rows(doc: str, reports: tuple[Report, ...]) -> Rows:
    out: Rows = {"reports": [], "recommendations": [], "contact_officers": []}
    for r_idx, r in enumerate(reports):
        out["reports"].append({
            "doc_id": doc, "idx": r_idx, "title": r.title, "title_key": title_key(r.title),
            "purpose": r.purpose, "summary": r.summary, "confidential": r.confidential,
            "agenda_item": r.agenda_item, "first_block": r.first_block,
            "last_block": r.last_block})
        for kind, texts in (("recommendation", r.recommendations), ("action", r.actions)):
            out["recommendations"].extend(
                {"doc_id": doc, "report_idx": r_idx, "idx": i, "kind": kind, "text": t}
                for i, t in enumerate(texts))
        out["contact_officers"].extend(
            {"doc_id": doc, "report_idx": r_idx, "idx": i, "name": c.name,
             "position": c.position, "phone": c.phone, "email": c.email}
            for i, c in enumerate(r.contact_officers))
    return out


def _meeting_rows(doc: str, paper: Paper) -> Rows:
    m = paper.meeting
    if m is None:
        return {"meetings": [], "members": [], "agenda_items": []}
    return {
        "meetings": [{"doc_id": doc, "body": m.body, "date": m.date, "time": m.time,
                      "venue": m.venue, "online": m.online,
                      "next_date": m.next_meeting.date if m.next_meeting else None}],
        "members": [{"doc_id": doc, "idx": i, "name": x.name, "role": x.role,
                     "group_name": x.group, "authority": x.authority}
                    for i, x in enumerate(m.members)],
        "agenda_items": [{"doc_id": doc, "idx": i, "number": it.number, "title": it.title,
                          "pages": it.pages, "presenters": "; ".join(it.presenters),
                          "confidential": it.confidential, "decision": it.decision}
                         for i, it in enumerate(m.items)],
    }


def _span(doc: str, i: int, fact: Any) -> dict[str, Any]:
    return {"doc_id": doc, "idx": i, "block": fact.span.block, "start": fact.span.start,
            "end": fact.span.end}


def _extra_fact_rows(doc: str, paper: Paper) -> list[dict[str, Any]]:
    """facts_extra rows for the kinds without a table of their own (a plugin's)."""
    blocks_of = dict(paper.facts.extra_blocks)
    out = []
    for kind, found in paper.facts.extra:
        spec = points().fact_kinds.get(kind)
        at = blocks_of.get(kind, ())
        for i, fact in enumerate(found):
            block = at[i] if i < len(at) else -1
            out.append({"doc_id": doc, "kind": kind, "idx": i,
                        **_extra_fact(fact, spec, paper, block)})
    return out


def _extra_fact(fact: Any, spec: FactKindSpec | None, paper: Paper,
                block: int) -> dict[str, Any]:
    """One fact of a plugin's kind: its text and span (its own Span, else where its text
    is in the block it was found in), its value (the spec's ``value`` field, else the
    fact itself when it is a plain value, else its text) and the spec's ``columns``."""
    plain = to_plain(fact)
    fields = plain if isinstance(plain, dict) else {"value": plain}
    text = str(fields.get("text") or fields.get("value") or "")
    span = getattr(fact, "span", None)
    if span is not None:
        block, start, end = span.block, span.start, span.end
    else:
        blocks = paper.layout.blocks
        start = max(blocks[block].text.find(text), 0) if 0 <= block < len(blocks) else 0
        end = start + len(text)
    value = fields.get(spec.value) if spec and spec.value else fields.get("value", text)
    columns = spec.columns if spec else ()
    return {"block": block, "start": start, "end": end, "text": text,
            "value": None if value is None else str(value),
            "columns_json": json.dumps({c: fields.get(c) for c in columns},
                                       ensure_ascii=False) if columns else None}


def _fact_rows(doc: str, paper: Paper) -> Rows:
    f = paper.facts
    return {
        "facts_extra": _extra_fact_rows(doc, paper),
        "money_facts": [{**_span(doc, i, m), "text": m.text, "amount": m.amount,
                         "unit": m.unit, "approximate": m.approximate, "context": m.context}
                        for i, m in enumerate(f.money)],
        "date_facts": [{**_span(doc, i, d), "text": d.text, "date": d.date,
                        "period": d.period, "kind": d.kind, "parsed": d.parsed,
                        "context": d.context} for i, d in enumerate(f.dates)],
        "metric_facts": [{**_span(doc, i, m), "text": m.text, "value": m.value,
                          "unit": m.unit, "subject": m.subject, "context": m.context}
                         for i, m in enumerate(f.metrics)],
        "contact_facts": [{**_span(doc, i, c), "text": c.text, "kind": c.kind,
                           "normalised": c.normalised} for i, c in enumerate(f.contacts)],
        "people_facts": [{**_span(doc, i, p), "text": p.name, "name": p.name,
                          "role": p.role, "title": p.title, "honours": p.honours}
                         for i, p in enumerate(f.people)],
        "council_facts": [{**_span(doc, i, c), "text": c.text, "code": c.code,
                           "name": c.name, "type": c.type, "region": c.region,
                           "nation": c.nation, "official_name": c.official_name,
                           "current": c.current,
                           "paper_columns_json": json.dumps(dict(c.paper_columns))
                           if c.paper_columns else None}
                          for i, c in enumerate(f.councils)],
    }
