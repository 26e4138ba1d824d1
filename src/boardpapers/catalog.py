"""Questions answered from the stored facts: lists of facts, councils, related papers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from boardpapers.errors import QuerySyntaxError
from boardpapers.query import normalise_filter
from boardpapers.search import like_escape
from boardpapers.store import Store, schema

MAX_FACT_ROWS = 1_000_000  # one listing; beyond it a bound no longer fits SQLite's integers
FACT_COLUMNS = {
    "money": "x.amount, x.unit, x.approximate, x.context",
    "dates": "x.date, x.period, x.kind, x.parsed, x.context",
    "metrics": "x.value, x.unit, x.subject, x.context",
    "contacts": "x.kind, x.normalised",
    "people": "x.name, x.role, x.title, x.honours",
    "councils": "x.code, x.name, x.type, x.region, x.nation",
}
FACT_KINDS = tuple(FACT_COLUMNS)


@dataclass(frozen=True, slots=True)
class FactPage:
    """One page of facts and whether more follow it."""

    rows: list[dict[str, Any]]
    offset: int
    more: bool


def list_facts(store: Store, kind: str, *, body: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0) -> FactPage:
    """Facts of one kind across papers, newest paper first, each with its provenance and
    every field ``extract`` gives it (read from the stored paper)."""
    kind = kind.strip().lower()
    if kind not in FACT_COLUMNS:
        raise QuerySyntaxError(f"unknown fact kind {kind!r}: use one of "
                               f"{', '.join(FACT_COLUMNS)}")
    if not 1 <= limit <= MAX_FACT_ROWS:
        raise QuerySyntaxError(f"--limit must be between 1 and {MAX_FACT_ROWS}, not {limit}")
    table = schema.FACT_TABLES[kind].name
    where: list[str] = []
    params: dict[str, object] = {"limit": limit + 1, "offset": offset}
    if body:
        where.append("d.body LIKE :body ESCAPE '\\'")
        params["body"] = f"%{like_escape(body)}%"
    if since:
        where.append("d.date >= :since")
        params["since"] = normalise_filter("since", since)
    if until:
        where.append("d.date <= :until")
        params["until"] = normalise_filter("until", until)
    sql = (f"SELECT x.idx, x.text, {FACT_COLUMNS[kind]}, x.doc_id, x.block, x.start, x.end, "
           "d.path, d.title AS paper_title, d.date AS paper_date, d.body AS paper_body, "
           "b.page FROM {table} x JOIN documents d ON d.id = x.doc_id "
           "LEFT JOIN blocks b ON b.doc_id = x.doc_id AND b.idx = x.block "
           + ("WHERE " + " AND ".join(where) + " " if where else "")
           + "ORDER BY d.date DESC, d.path, x.idx LIMIT :limit OFFSET :offset")
    with store.connect() as conn:
        found = [dict(r) for r in conn.execute(text(sql.replace("{table}", table)),
                                               params).mappings()]
        stored = _stored_facts(conn, kind, {r["doc_id"] for r in found[:limit]})
    rows = [_fact_record(kind, r, stored.get(r["doc_id"], [])) for r in found[:limit]]
    return FactPage(rows, offset, more=len(found) > limit)


def _stored_facts(conn: Any, kind: str, doc_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Each document's facts of one kind as ``extract`` printed them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for doc_id in doc_ids:
        raw = conn.execute(text("SELECT paper_json FROM documents WHERE id = :d"),
                           {"d": doc_id}).scalar_one()
        out[doc_id] = json.loads(raw).get("facts", {}).get(kind, [])
    return out


def _fact_record(kind: str, row: dict[str, Any], stored: list[dict[str, Any]]
                 ) -> dict[str, Any]:
    """The fact's own fields (as ``extract`` has them), then where it came from."""
    idx = row["idx"]
    own = dict(stored[idx]) if idx < len(stored) else {
        k: row[k] for k in row if k not in _PROVENANCE}
    own.pop("span", None)
    own.pop("idx", None)
    return {"fact": kind, "text": row["text"], **own,
            "paper": {"id": row["doc_id"], "path": row["path"], "title": row["paper_title"],
                      "date": row["paper_date"], "body": row["paper_body"]},
            "page": row["page"], "block": row["block"], "start": row["start"],
            "end": row["end"]}


_PROVENANCE = frozenset({"doc_id", "block", "start", "end", "path", "paper_title",
                         "paper_date", "paper_body", "page"})


def fact_value(record: dict[str, Any]) -> str:
    """A fact's value in a few words, for a table cell."""
    kind = record["fact"]
    if kind == "money":
        amount = record.get("amount")
        if amount is None:
            return ""
        text_ = f"{record.get('currency') or ''} {amount:,.0f}".strip()
        if record.get("amount_max") is not None:
            text_ += f"–{record['amount_max']:,.0f}"
        return " ".join(x for x in (record.get("qualifier"), text_, record.get("unit")) if x)
    if kind == "dates":
        when = record.get("date") or record.get("period") or ""
        if record.get("end_date"):
            when += f" to {record['end_date']}"
        return " ".join(x for x in (when, record.get("time"), f"({record.get('kind')})") if x)
    if kind == "metrics":
        return " ".join(str(x) for x in (record.get("qualifier"), record.get("value"),
                                           record.get("unit")) if x not in (None, ""))
    if kind == "contacts":
        return f"{record.get('kind')}: {record.get('normalised') or record.get('text')}"
    if kind == "people":
        name = " ".join(x for x in (record.get("title"), record.get("name"),
                                    record.get("honours")) if x)
        return name + (f", {record['role']}" if record.get("role") else "")
    return " ".join(x for x in (record.get("code"), record.get("name")) if x)


def council_summary(store: Store, *, include_unlinked: bool = False) -> list[dict[str, Any]]:
    """Each council mentioned, with its register details (code, GSS code, type, region,
    whether it still exists), mentions and papers. Names the register does not hold
    (associations, partnerships) are left out unless asked for, flagged as unlinked."""
    sql = ("SELECT x.code, coalesce(x.name, x.text) AS name, x.type, x.region, x.nation, "
           "count(*) AS mentions, count(DISTINCT x.doc_id) AS papers "
           "FROM council_facts x "
           + ("" if include_unlinked else "WHERE x.code IS NOT NULL ")
           + "GROUP BY coalesce(x.code, x.text) ORDER BY papers DESC, mentions DESC, name")
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(text(sql)).mappings()]
    from boardpapers.registry import register
    reg = register()
    out = []
    for r in rows:
        a = reg.get(r["code"]) if r["code"] else None
        out.append({"code": r["code"], "gss": a.gss if a else None, "name": r["name"],
                    "official_name": a.name if a else None, "type": r["type"],
                    "region": r["region"], "nation": r["nation"], "linked": a is not None,
                    "current": a.current if a else None,
                    "end_date": a.end_date if a else None,
                    "replaced_by": list(a.replaced_by) if a else [],
                    "mentions": r["mentions"], "papers": r["papers"]})
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset("""this that with from have will been were their they them there which
would could should about into also more most other such than then these those what when
where while your ours council councils report members board paper papers local
government""".split())


def similar(store: Store, doc_id: str, limit: int = 10) -> list[dict[str, Any]]:
    """Papers sharing the most distinctive terms of this one (title and lead text)."""
    with store.connect() as conn:
        rows = conn.execute(text(
            "SELECT text FROM blocks WHERE doc_id = :d AND (kind = 'heading' OR "
            "section_kind IN ('summary', 'purpose', 'recommendations'))"), {"d": doc_id}).all()
        words: dict[str, int] = {}
        for (t,) in rows:
            for w in _WORD.findall(t.lower()):
                if w not in _STOP:
                    words[w] = words.get(w, 0) + 1
        terms = sorted(words, key=lambda w: -words[w])[:24]
    if not terms:
        return []
    store.ensure_index()
    scores: dict[str, float] = {}
    with store.connect() as conn:
        hits = store.index.similar_blocks(terms, exclude=doc_id)
        if not hits:
            return []
        owner = dict(conn.execute(select(schema.blocks.c.id, schema.blocks.c.doc_id).where(
            schema.blocks.c.id.in_([b for b, _ in hits]))).all())
        for block_id, score in hits:
            if block_id in owner:
                scores[owner[block_id]] = scores.get(owner[block_id], 0.0) + score
        best = sorted(scores, key=lambda d: -scores[d])[:limit]
        d = schema.documents
        docs = {r.id: r for r in conn.execute(select(d.c.id, d.c.path, d.c.title, d.c.genre,
                                                       d.c.date).where(d.c.id.in_(best)))}
    return [{"doc_id": i, "path": docs[i].path, "title": docs[i].title,
             "genre": docs[i].genre, "date": docs[i].date, "score": round(scores[i], 4)}
            for i in best if i in docs]
