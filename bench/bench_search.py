"""Search benchmark: index build time, index size and query latency, as ratios to raw FTS5.

Run: ``python -m bench.bench_search [--paragraphs 1000000] [--dir PATH]``. Both sides are
measured in this one process over the same generated corpus: boardpapers' store (SQLite
tables for blocks, reports and facts, plus the tantivy block index) against a bare SQLite
FTS5 table of the same paragraphs with the porter tokenizer, the reference the targets
are set against. Build time and size count everything boardpapers writes (the database
and the index folder). Query latency is top 10 with snippets; boardpapers' also counts the
total and four facets. Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import QUERIES, corpus
from boardpapers.model.query import Query, Term
from boardpapers.query import parse_query
from boardpapers.search import search
from boardpapers.store import Store, open_store

P95_TARGET_MS = 50.0
RATIO_TARGET = 1.5


def _percentiles(samples: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": qs[49], "p95": qs[94], "p99": qs[98]}


def build_store(path: Path, paragraphs: int) -> tuple[Store, float, list[str]]:
    store = open_store(f"sqlite:///{path}")
    texts: list[str] = []
    started = time.perf_counter()
    for paper in corpus(paragraphs):
        store.save(paper)
        texts.extend(b.text for b in paper.layout.blocks)
    store.flush()
    return store, time.perf_counter() - started, texts


def build_raw(path: Path, texts: list[str]) -> tuple[sqlite3.Connection, float]:
    conn = sqlite3.connect(path)
    started = time.perf_counter()
    conn.execute("CREATE VIRTUAL TABLE raw USING fts5(text, tokenize = "
                 "'porter unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO raw(text) VALUES (?)", ((t,) for t in texts))
    conn.commit()
    return conn, time.perf_counter() - started


def time_ours(store: Store, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            search(store, q, limit=10)
            samples.append((time.perf_counter() - t0) * 1000)
    return samples


def fts_match(query: Query) -> str:
    """The FTS5 MATCH expression of a parsed query for the raw SQLite reference: every
    term a quoted string (boardpapers itself searches its own index, not FTS5)."""
    def term(t: Term) -> str:
        return '"' + t.text.replace('"', '""') + '"' + ("*" if t.prefix else "")
    parts = [term(g[0]) if len(g) == 1 else "(" + " OR ".join(term(t) for t in g) + ")"
             for g in query.groups]
    expr = " AND ".join(parts)
    if query.excluded:
        expr += " NOT (" + " OR ".join(term(t) for t in query.excluded) + ")"
    return expr


def time_raw(conn: sqlite3.Connection, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for q in QUERIES:
            match = fts_match(parse_query(q))
            t0 = time.perf_counter()
            conn.execute("SELECT rowid, snippet(raw, 0, '[', ']', '…', 16), bm25(raw) FROM raw "
                         "WHERE raw MATCH ? ORDER BY rank LIMIT 10", (match,)).fetchall()
            samples.append((time.perf_counter() - t0) * 1000)
    return samples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--paragraphs", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None, help="keep the databases here")
    args = ap.parse_args(argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="bp-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    ours_db, raw_db = workdir / "ours.db", workdir / "raw.db"
    for p in (ours_db, raw_db):
        p.unlink(missing_ok=True)
    store, build_ours, texts = build_store(ours_db, args.paragraphs)
    raw, build_raw_s = build_raw(raw_db, texts)
    ours_ms, raw_ms = _percentiles(time_ours(store, args.rounds)), \
        _percentiles(time_raw(raw, args.rounds))
    index_dir = ours_db.with_name(ours_db.name + ".index")
    size_ours = os.path.getsize(ours_db) + sum(p.stat().st_size for p in index_dir.iterdir())
    size_raw = os.path.getsize(raw_db)
    print(f"corpus: {len(texts):,} paragraphs")
    print(f"build: ours {build_ours:.1f}s raw {build_raw_s:.1f}s "
          f"ratio {build_ours / build_raw_s:.2f}")
    print(f"size:  ours {size_ours / 2**20:.0f} MiB raw {size_raw / 2**20:.0f} MiB "
          f"ratio {size_ours / size_raw:.2f}")
    for k in ("p50", "p95", "p99"):
        print(f"{k}:   ours {ours_ms[k]:.1f} ms raw {raw_ms[k]:.1f} ms "
              f"ratio {ours_ms[k] / raw_ms[k]:.2f}")
    ok = ours_ms["p95"] <= P95_TARGET_MS and ours_ms["p95"] <= RATIO_TARGET * raw_ms["p95"]
    print("targets:", "met" if ok else
          f"MISSED (p95 <= {P95_TARGET_MS} ms and <= {RATIO_TARGET}x raw FTS5)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
