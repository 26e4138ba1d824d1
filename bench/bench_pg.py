"""PostgreSQL benchmark: storing papers, and three ways to search them, beside SQLite.

Run: ``python -m bench.bench_pg [--paragraphs 200000] [--pg postgresql://postgres@127.0.0.1]``
(``--reuse-db NAME --sqlite FILE --tantivy-only`` measures a corpus stored before, such as
the 1M-paragraph one, without building it again).
One generated corpus (bench/corpus.py) is stored through boardpapers' own store twice,
in SQLite and in a throwaway PostgreSQL database (dropped at the end), and then searched
with the bench queries, each top 10 with snippets, the total and four facets:

- ``sqlite+tantivy``: the SQLite store and its tantivy index (the reference);
- ``pg+tantivy``: the PostgreSQL store and the tantivy index that follows it (what
  boardpapers does);
- ``pg tsvector+GIN``: PostgreSQL's own full-text search, ``ts_rank`` over every match;
- ``pg tsvector+RUM``: the RUM index ordering by rank inside the index (``<=>``).

The two SQL searches get the same words, phrases, prefixes, OR and exclusions (as a
tsquery), the same filters and facets, and ``ts_headline`` snippets. Ratios are against
the reference measured in the same run; results go in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.corpus import QUERIES, corpus
from boardpapers.model.query import Query, Term
from boardpapers.query import parse_query
from boardpapers.search import search
from boardpapers.store import Store, open_store

FACETS = ("body", "genre", "year", "section")


def _percentiles(samples: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": qs[49], "p95": qs[94], "max": max(samples)}


def time_interleaved(stores: dict[str, Store], rounds: int) -> dict[str, list[float]]:
    """Each bench query on each store in turn (the order alternating), so that the
    machine's load falls on both alike; milliseconds per search."""
    out: dict[str, list[float]] = {label: [] for label in stores}
    for store in stores.values():
        search(store, "warm up")
    labels = list(stores)
    for r in range(rounds):
        for i, q in enumerate(QUERIES):
            for label in labels if (r + i) % 2 == 0 else labels[::-1]:
                t0 = time.perf_counter()
                search(stores[label], q, limit=10)
                out[label].append((time.perf_counter() - t0) * 1000)
    return out


def build(store: Store, paragraphs: int) -> tuple[float, int]:
    """Seconds to store the corpus, and the paragraphs stored."""
    started, count = time.perf_counter(), 0
    for paper in corpus(paragraphs):
        store.save(paper)
        count += len(paper.layout.blocks)
    store.flush()
    return time.perf_counter() - started, count


# ------------------------------------------------------------------ PostgreSQL FTS


def make_fts_tables(conn: Any) -> dict[str, float]:
    """The blocks with a tsvector, twice: a GIN index and a RUM index; build seconds."""
    out = {}
    t0 = time.perf_counter()
    conn.execute(text(
        "CREATE TABLE fts AS SELECT b.id, b.text, to_tsvector('english', b.text) AS tsv, "
        "d.genre, d.body, left(d.date, 4) AS year, d.date, b.section_kind AS section "
        "FROM blocks b JOIN documents d ON d.id = b.doc_id"))
    conn.execute(text("CREATE INDEX fts_gin ON fts USING gin (tsv)"))
    conn.execute(text("ANALYZE fts"))
    out["gin"] = time.perf_counter() - t0
    conn.execute(text("CREATE EXTENSION IF NOT EXISTS rum"))
    t0 = time.perf_counter()
    conn.execute(text("CREATE TABLE fts_rum AS SELECT * FROM fts"))
    conn.execute(text("CREATE INDEX fts_rum_idx ON fts_rum USING rum (tsv rum_tsvector_ops)"))
    conn.execute(text("ANALYZE fts_rum"))
    out["rum"] = time.perf_counter() - t0
    return out


def tsquery_sql(query: Query, params: dict[str, Any]) -> str:
    """Our parsed query as a tsquery expression with bound parameters."""
    def term(t: Term) -> str:
        name = f"t{len(params)}"
        if t.prefix:
            params[name] = " & ".join(w + ":*" for w in t.text.split() if w.isalnum()) or "x"
            return f"to_tsquery('english', :{name})"
        params[name] = t.text
        fn = "phraseto_tsquery" if t.phrase or " " in t.text else "plainto_tsquery"
        return f"{fn}('english', :{name})"
    groups = ["(" + " || ".join(term(t) for t in g) + ")" for g in query.groups]
    expr = " && ".join(groups)
    for t in query.excluded:
        expr += f" && !!{term(t)}"
    return expr


def fts_where(query: Query, params: dict[str, Any]) -> str:
    f = query.filters
    where = ["tsv @@ q.q"]
    for name in ("genre", "section"):
        if getattr(f, name):
            params[name] = getattr(f, name)
            where.append(f"{name} = :{name}")
    if f.body:
        params["body"] = f"%{f.body}%"
        where.append("body ILIKE :body")
    if f.since:
        params["since"] = f.since
        where.append("date >= :since")
    if f.until:
        params["until"] = f.until
        where.append("date <= :until")
    return " AND ".join(where)


def fts_search(conn: Any, table: str, query: Query, *, rum: bool) -> None:
    """Top 10 with ts_headline snippets, the total and four facets, in SQL."""
    params: dict[str, Any] = {}
    q = tsquery_sql(query, params)
    where = fts_where(query, params)
    base = f"WITH q AS (SELECT {q} AS q) SELECT {{cols}} FROM {table}, q WHERE {where}"
    order = "tsv <=> q.q" if rum else "ts_rank(tsv, q.q) DESC"
    top = conn.execute(text(base.format(cols="id, text, q.q AS query") +
                            f" ORDER BY {order} LIMIT 10"), params).all()
    for row in top:
        conn.execute(text("SELECT ts_headline('english', :t, CAST(:q AS tsquery), "
                          "'MaxFragments=1, MaxWords=30, MinWords=10')"),
                     {"t": row.text, "q": str(row.query)}).scalar_one()
    conn.execute(text(base.format(cols="count(*)")), params).scalar_one()
    for facet in FACETS:
        conn.execute(text(base.format(cols=f"{facet}, count(*)") +
                          f" GROUP BY {facet} ORDER BY count(*) DESC LIMIT 10"), params).all()


def time_fts(engine: Any, table: str, rounds: int, *, rum: bool) -> list[float]:
    samples = []
    with engine.connect() as conn:
        for _ in range(rounds):
            for q in QUERIES:
                parsed = parse_query(q)
                t0 = time.perf_counter()
                fts_search(conn, table, parsed, rum=rum)
                samples.append((time.perf_counter() - t0) * 1000)
    return samples


def _size(engine: Any, relation: str) -> float:
    with engine.connect() as conn:
        return float(conn.execute(text("SELECT pg_total_relation_size(:r)"),
                                  {"r": relation}).scalar_one()) / 2**20


P95_TARGET_MS = 50.0  # issue 16: search p95 on PostgreSQL at 1M paragraphs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--paragraphs", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    ap.add_argument("--reuse-db", metavar="NAME",
                    help="an existing PostgreSQL database holding the corpus (kept)")
    ap.add_argument("--sqlite", type=Path, metavar="FILE",
                    help="an existing SQLite store of the same corpus (the reference; "
                    "with --reuse-db and without it, PostgreSQL is timed alone)")
    ap.add_argument("--keep", metavar="NAME",
                    help="store the corpus into a new PostgreSQL database of this name and "
                    "keep it (and a new --sqlite FILE) for later --reuse-db runs")
    ap.add_argument("--index", type=Path, metavar="DIR",
                    help="where the PostgreSQL store's tantivy index lives (kept)")
    ap.add_argument("--tantivy-only", action="store_true",
                    help="leave out the tsvector GIN and RUM designs (slow to build)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bp-bench-pg-"))
    os.environ["BOARDPAPERS_INDEX"] = str(args.index or work / "pg.index")
    if args.reuse_db:
        return _run(args, work, f"{args.pg}/{args.reuse_db}")
    name = args.keep or f"boardpapers_bench_{int(time.time())}"
    admin = create_engine(args.pg + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return _run(args, work, f"{args.pg}/{name}")
    finally:
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _run(args: argparse.Namespace, work: Path, pg_url: str) -> int:
    lite_path = args.sqlite or work / "lite.db"
    reference = not (args.reuse_db and args.sqlite is None)  # nothing to compare with
    new_lite = not lite_path.exists()
    lite = open_store(f"sqlite:///{lite_path}", create=new_lite) if reference else None
    pg = open_store(pg_url)
    lite_s = pg_s = 0.0
    if lite is not None and new_lite:
        lite_s, _ = build(lite, args.paragraphs)
    if not args.reuse_db:
        pg_s, _ = build(pg, args.paragraphs)
    t0 = time.perf_counter()
    pg.ensure_index()  # the PostgreSQL store's index catches up with the database
    follow_s = time.perf_counter() - t0
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"),
                           isolation_level="AUTOCOMMIT")
    n = int(pg.stats()["blocks"])
    with engine.connect() as conn:
        pg_mib = conn.execute(text("SELECT pg_database_size(current_database())")
                              ).scalar_one() / 2**20
    index_dir = Path(os.environ["BOARDPAPERS_INDEX"])
    index_mib = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file()) / 2**20
    print(f"corpus: {n:,} paragraphs")
    if lite_s and pg_s:
        print(f"store:  sqlite {lite_s:.1f}s ({n / lite_s:,.0f} paragraphs/s)  postgresql "
              f"{pg_s:.1f}s ({n / pg_s:,.0f}/s)")
    print(f"index follow (catch-up from the database): {follow_s:.1f}s")
    lite_mib = lite_path.stat().st_size / 2**20 if lite is not None else 0.0
    print(f"size:   sqlite {lite_mib:.0f} MiB  postgresql {pg_mib:.0f} MiB  "
          f"tantivy index {index_mib:.0f} MiB")
    ours = {"sqlite+tantivy": lite, "pg+tantivy": pg} if lite is not None \
        else {"pg+tantivy": pg}
    runs = time_interleaved(ours, args.rounds)
    if not args.tantivy_only:
        with engine.connect() as conn:
            fts_build = make_fts_tables(conn)
        print(f"fts build: gin {fts_build['gin']:.1f}s ({_size(engine, 'fts'):.0f} MiB)  "
              f"rum {fts_build['rum']:.1f}s ({_size(engine, 'fts_rum'):.0f} MiB)")
        runs["pg tsvector+GIN"] = time_fts(engine, "fts", args.rounds, rum=False)
        runs["pg tsvector+RUM"] = time_fts(engine, "fts_rum", args.rounds, rum=True)
    ref = _percentiles(runs.get("sqlite+tantivy") or runs["pg+tantivy"])
    for label, samples in runs.items():
        p = _percentiles(samples)
        print(f"{label:16} p50 {p['p50']:7.1f} ms  p95 {p['p95']:7.1f} ms  "
              f"max {p['max']:7.1f} ms  p95 ratio {p['p95'] / ref['p95']:.2f}")
    engine.dispose()
    pg.close()
    p95 = _percentiles(runs["pg+tantivy"])["p95"]
    print(f"pg+tantivy p95 {p95:.1f} ms at {n:,} paragraphs: target ≤{P95_TARGET_MS:.0f} ms "
          + ("met" if p95 <= P95_TARGET_MS else "missed"))
    return 0 if p95 <= P95_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
