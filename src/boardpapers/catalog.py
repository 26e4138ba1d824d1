"""Questions answered from the stored facts: lists of facts, councils, related papers."""

from __future__ import annotations

import re
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


def list_facts(store: Store, kind: str, *, body: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Facts of one kind across papers, newest paper first, each with its provenance."""
    if kind not in FACT_COLUMNS:
        raise QuerySyntaxError(f"unknown fact kind {kind!r}: use one of "
                               f"{', '.join(FACT_COLUMNS)}")
    if not 1 <= limit <= MAX_FACT_ROWS:
        raise QuerySyntaxError(f"--limit must be between 1 and {MAX_FACT_ROWS}, not {limit}")
    table = schema.FACT_TABLES[kind].name
    where: list[str] = []
    params: dict[str, object] = {"limit": limit}
    if body:
        where.append("d.body LIKE :body ESCAPE '\\'")
        params["body"] = f"%{like_escape(body)}%"
    if since:
        where.append("d.date >= :since")
        params["since"] = normalise_filter("since", since)
    if until:
        where.append("d.date <= :until")
        params["until"] = normalise_filter("until", until)
    sql = (f"SELECT x.text, {FACT_COLUMNS[kind]}, x.doc_id, x.block, x.start, x.end, "
           "d.path, d.title, d.date AS paper_date, d.body AS paper_body, b.page "
           f"FROM {table} x JOIN documents d ON d.id = x.doc_id "
           "LEFT JOIN blocks b ON b.doc_id = x.doc_id AND b.idx = x.block "
           + ("WHERE " + " AND ".join(where) + " " if where else "")
           + "ORDER BY d.date DESC, d.path, x.idx LIMIT :limit")
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def council_summary(store: Store) -> list[dict[str, Any]]:
    """Each council mentioned: register details, number of mentions and of papers."""
    sql = ("SELECT coalesce(x.code, '') AS code, coalesce(x.name, x.text) AS name, "
           "x.type, x.region, x.nation, count(*) AS mentions, "
           "count(DISTINCT x.doc_id) AS papers, x.code IS NOT NULL AS linked "
           "FROM council_facts x GROUP BY coalesce(x.code, x.text) "
           "ORDER BY papers DESC, mentions DESC, name")
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


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
