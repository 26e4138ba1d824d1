"""Ranked full-text search over stored blocks, with snippets, filters and facets.

The SQL is built by pure functions (``search_sql``, ``facet_sql``) from a typed Query;
user text reaches SQLite only as bound parameters, and the FTS5 expression is built from
quoted terms (query.py). Ranking is FTS5's BM25 with headings and recommendation,
purpose, summary and action text in a column weighed three times the body text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from boardpapers.errors import QuerySyntaxError
from boardpapers.query import Filters, Query, parse_query
from boardpapers.store import Store, schema

LEAD_WEIGHT = 3.0
BODY_WEIGHT = 1.0
SNIPPET_TOKENS = 16
OPEN, CLOSE = "\x02", "\x03"  # snippet markers, turned into <mark> after escaping
FACETS = ("body", "genre", "year", "section")


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    path: str
    title: str | None
    genre: str
    date: str | None
    body: str | None
    block: int
    page: int
    kind: str
    section: str | None
    heading: str | None
    report: str | None
    snippet: str  # HTML-escaped, matches wrapped in <mark>
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"document": {"id": self.doc_id, "path": self.path, "title": self.title,
                             "genre": self.genre, "date": self.date, "body": self.body},
                "block": self.block, "page": self.page, "kind": self.kind,
                "report": self.report, "section": self.section, "heading": self.heading,
                "snippet": self.snippet, "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...] = ()
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    query: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total,
                "hits": [h.to_json() for h in self.hits],
                "facets": {k: [{"value": v, "count": c} for v, c in vals]
                           for k, vals in self.facets.items()}}


def _filter_sql(f: Filters) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if f.body:
        where.append("d.body LIKE :body ESCAPE '\\'")
        params["body"] = "%" + _like_escape(f.body) + "%"
    if f.genre:
        where.append("d.genre = :genre")
        params["genre"] = f.genre
    if f.since:
        where.append("d.date >= :since")
        params["since"] = f.since
    if f.until:
        where.append("d.date <= :until")
        params["until"] = f.until
    if f.section:
        where.append("b.section_kind = :section")
        params["section"] = f.section
    if f.council:
        where.append("EXISTS (SELECT 1 FROM council_facts c WHERE c.doc_id = b.doc_id AND "
                     "(c.code = :council_code OR c.name LIKE :council ESCAPE '\\' "
                     "OR c.text LIKE :council ESCAPE '\\'))")
        params["council_code"] = f.council.upper()
        params["council"] = "%" + _like_escape(f.council) + "%"
    if f.has:
        table = schema.FACT_TABLES[f.has].name
        where.append(f"EXISTS (SELECT 1 FROM {table} x WHERE x.doc_id = b.doc_id "
                     f"AND x.block = b.idx)")
    return where, params


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_sql(query: Query, limit: int = 10, offset: int = 0) -> tuple[str, dict[str, Any]]:
    """The ranked hits query: (sql, bound parameters)."""
    where, params = _filter_sql(query.filters)
    params.update(match=query.fts(), limit=limit, offset=offset)
    sql = (
        "SELECT b.doc_id, d.path, d.title, d.genre, d.date, d.body, b.idx, b.page, b.kind, "
        "b.section_kind, b.heading, r.title AS report, "
        f"snippet(blocks_fts, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) AS snip, "
        f"bm25(blocks_fts, {LEAD_WEIGHT}, {BODY_WEIGHT}) AS score "
        "FROM blocks_fts JOIN blocks b ON b.id = blocks_fts.rowid "
        "JOIN documents d ON d.id = b.doc_id "
        "LEFT JOIN reports r ON r.doc_id = b.doc_id AND r.idx = b.report_idx "
        "WHERE blocks_fts MATCH :match "
        + "".join(f"AND {w} " for w in where)
        + "ORDER BY score LIMIT :limit OFFSET :offset")
    return sql, params


_FACET_EXPR = {"body": "d.body", "genre": "d.genre", "year": "substr(d.date, 1, 4)",
               "section": "b.section_kind"}


def facet_sql(query: Query, facet: str, top: int = 10) -> tuple[str, dict[str, Any]]:
    where, params = _filter_sql(query.filters)
    params.update(match=query.fts(), top=top)
    expr = _FACET_EXPR[facet]
    sql = (f"SELECT {expr} AS value, count(*) AS n FROM blocks_fts "
           "JOIN blocks b ON b.id = blocks_fts.rowid JOIN documents d ON d.id = b.doc_id "
           "WHERE blocks_fts MATCH :match " + "".join(f"AND {w} " for w in where)
           + f"AND {expr} IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT :top")
    return sql, params


def count_sql(query: Query) -> tuple[str, dict[str, Any]]:
    where, params = _filter_sql(query.filters)
    params["match"] = query.fts()
    sql = ("SELECT count(*) FROM blocks_fts JOIN blocks b ON b.id = blocks_fts.rowid "
           "JOIN documents d ON d.id = b.doc_id WHERE blocks_fts MATCH :match "
           + "".join(f"AND {w} " for w in where))
    return sql, params


def render_snippet(raw: str) -> str:
    """FTS5 snippet with private markers -> HTML-escaped text with <mark> around matches."""
    escaped = html.escape(" ".join(raw.split()), quote=False)
    return escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def search(store: Store, text_query: str, *, filters: Filters | None = None, limit: int = 10,
           offset: int = 0, facets: bool = True) -> SearchResult:
    """Parse, run and shape one search; bad queries raise QuerySyntaxError."""
    query = parse_query(text_query, filters)
    if query.is_empty:
        raise QuerySyntaxError("empty query: type a word or a \"phrase\" to search for")
    try:
        with store.connect() as conn:
            sql, params = search_sql(query, limit, offset)
            rows = conn.execute(text(sql), params).all()
            c_sql, c_params = count_sql(query)
            total = conn.execute(text(c_sql), c_params).scalar_one()
            facet_counts = {}
            if facets:
                for name in FACETS:
                    f_sql, f_params = facet_sql(query, name)
                    facet_counts[name] = [(str(v), int(n)) for v, n in
                                          conn.execute(text(f_sql), f_params).all()]
    except OperationalError as exc:
        raise QuerySyntaxError(f"could not run query {text_query!r}: {exc.orig}") from None
    hits = tuple(Hit(doc_id=r[0], path=r[1], title=r[2], genre=r[3], date=r[4], body=r[5],
                     block=r[6], page=r[7], kind=r[8], section=r[9], heading=r[10],
                     report=r[11], snippet=render_snippet(r[12] or ""), score=-float(r[13]))
                 for r in rows)
    return SearchResult(total=total, hits=hits, facets=facet_counts, query=text_query)
