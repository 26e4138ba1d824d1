"""Grow a PostgreSQL bench database to millions of paragraphs with a bulk path, then
time the search index following it and searching it.

Run: ``python -m bench.bench_pg_bulk --db NAME --to 3000000 --index DIR``
(``--create`` makes the database; ``--drop`` removes it at the end; ``--copies K`` grows
by K server-side copies of the papers stored first instead, see ``replicate``).

The bulk path is for measuring at scale, not how boardpapers ingests: the generated
bench corpus (bench/corpus.py, a new seed for each million paragraphs so no paper
repeats) is turned into rows by the store's own ``paper_rows`` and sent with COPY,
``--papers-per-transaction`` papers per transaction instead of one, and without the
reading, classifying and parsing an ingest does. The log trigger stays on, so the
index follows these papers as it follows any writer's. Prints the load rate, the
index's catch-up (wall and this process's CPU seconds: on a shared machine the wall
time is mostly waiting for a core), the database and index sizes, and search p50/p95
over the bench queries (two rounds); numbers go in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from bench.bench_pg import P95_TARGET_MS, _percentiles
from bench.bench_search import time_ours
from bench.corpus import corpus
from boardpapers.search import search
from boardpapers.store import open_store, schema
from boardpapers.store.postgres import PostgresStore, copy_rows
from boardpapers.store.rows import Rows, paper_rows

SEED_PARAGRAPHS = 1_000_000  # paragraphs generated under one seed


def load(store: PostgresStore, have: int, target: int, per_transaction: int) -> int:
    """Add generated papers until about ``target`` paragraphs are stored; returns how
    many were added. Seeds continue from what is there (seed k holds the k-th million)."""
    added = 0
    seed = have // SEED_PARAGRAPHS
    skip = have - seed * SEED_PARAGRAPHS  # the part of this seed's million stored before
    while have + added < target:
        batch: list[Rows] = []
        done = 0
        for paper in corpus(min(SEED_PARAGRAPHS, skip + target - have - added), seed):
            done += len(paper.layout.blocks)
            if done <= skip:
                continue
            rows = paper_rows(paper)
            document = rows["documents"][0]  # a path of its own: the same path stored
            document["path"] = f"seed{seed}/{document['path']}"  # again hides the old
            batch.append(rows)
            added += len(paper.layout.blocks)
            if len(batch) == per_transaction:
                _copy(store, batch)
                batch = []
        if batch:
            _copy(store, batch)
        seed, skip = seed + 1, 0
    return added


def replicate(store: PostgresStore, copies: int, first: int) -> int:
    """The other bulk path: ``copies`` server-side copies of the papers stored first
    (their ids hashed with the copy number, their paths under ``copyK/``, their text
    the same), numbered from ``first``. Far faster than generating papers in Python,
    at the price of every text repeating; returns the paragraphs added."""
    d = schema.documents
    added = 0
    for k in range(first, first + copies):
        with store.engine.begin() as conn:
            conn.execute(text(
                "CREATE TEMP TABLE copy_of ON COMMIT DROP AS SELECT id AS old_id, "
                "encode(sha256(convert_to(id || '-copy-' || :k, 'UTF8')), 'hex') AS new_id "
                "FROM documents WHERE path NOT LIKE 'copy%'"), {"k": k})
            rest = [c.name for c in d.columns if c.name not in ("id", "path")]
            cols = ", ".join(f'"{c}"' for c in rest)
            picked = ", ".join(f'd."{c}"' for c in rest)
            conn.execute(text(
                f"INSERT INTO documents (id, path, {cols}) SELECT m.new_id, "
                f"'copy' || :k || '/' || d.path, {picked} "
                "FROM documents d JOIN copy_of m ON m.old_id = d.id"), {"k": k})
            for table in schema.DERIVED_TABLES:
                keep = [c.name for c in table.columns
                        if c is not table.autoincrement_column and c.name != "doc_id"]
                cols = ", ".join(f'"{c}"' for c in keep)
                picked = ", ".join(f't."{c}"' for c in keep)
                n = conn.execute(text(
                    f"INSERT INTO {table.name} (doc_id, {cols}) SELECT m.new_id, {picked} "
                    f"FROM {table.name} t JOIN copy_of m ON m.old_id = t.doc_id"))
                if table is schema.blocks:
                    added += n.rowcount
        print(f"  copy {k}: {added:,} paragraphs added so far", flush=True)
    return added


def _copy(store: PostgresStore, papers: list[Rows]) -> None:
    with store.engine.begin() as conn:
        for table in (schema.documents, *schema.DERIVED_TABLES):
            rows = [r for p in papers for r in p.get(table.name, [])]
            if rows:
                copy_rows(conn, table, rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--to", type=int, default=0, help="paragraphs to grow to")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--papers-per-transaction", type=int, default=500)
    ap.add_argument("--copies", type=int, default=0,
                    help="grow by this many server-side copies of the papers stored "
                    "first instead of generating new ones (--to is then ignored)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--create", action="store_true")
    ap.add_argument("--drop", action="store_true")
    args = ap.parse_args(argv)
    os.environ["BOARDPAPERS_INDEX"] = str(args.index)
    admin = create_engine(args.pg + "/postgres", isolation_level="AUTOCOMMIT")
    if args.create:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{args.db}"'))
    try:
        store = open_store(f"{args.pg}/{args.db}")
        assert isinstance(store, PostgresStore)
        with store.engine.connect() as conn:
            have = int(conn.execute(select(func.count()).select_from(schema.blocks))
                       .scalar_one())
        t0, c0 = time.perf_counter(), time.process_time()
        if args.copies:
            with store.engine.connect() as conn:
                made = int(conn.execute(text("SELECT count(*) FROM documents WHERE path LIKE "
                                             "'copy%'")).scalar_one())
                originals = int(conn.execute(text("SELECT count(*) FROM documents WHERE "
                                                  "path NOT LIKE 'copy%'")).scalar_one())
            added = replicate(store, args.copies, 1 + made // max(originals, 1))
        else:
            added = load(store, have, args.to, args.papers_per_transaction)
        if added:  # as autovacuum would after so many rows: without statistics the
            with store.engine.connect() as conn:  # catch-up's block reads scan the table
                conn.execute(text("ANALYZE"))
                conn.commit()
        load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"bulk load: {added:,} paragraphs in {load_s:.0f}s "
              f"({added / max(load_s, 1e-9):,.0f} paragraphs/s; client cpu {load_cpu:.0f}s), "
              f"{have + added:,} stored")
        t0, c0 = time.perf_counter(), time.process_time()
        store.ensure_index()
        follow_s, follow_cpu = time.perf_counter() - t0, time.process_time() - c0
        followed = added or have  # nothing added: an index rebuilt follows everything
        print(f"index catch-up: {follow_s:.0f}s ({followed / max(follow_s, 1e-9):,.0f} "
              f"paragraphs/s; cpu {follow_cpu:.0f}s)")
        with store.engine.connect() as conn:
            pg_mib = conn.execute(text("SELECT pg_database_size(current_database())")
                                  ).scalar_one() / 2**20
        index_mib = sum(p.stat().st_size for p in args.index.iterdir()
                        if p.is_file()) / 2**20
        print(f"size: postgresql {pg_mib:,.0f} MiB, tantivy index {index_mib:,.0f} MiB")
        search(store, "warm up")
        p = _percentiles(time_ours(store, args.rounds))
        print(f"search at {have + added:,} paragraphs: p50 {p['p50']:.1f} ms  p95 "
              f"{p['p95']:.1f} ms  max {p['max']:.1f} ms (target p95 ≤{P95_TARGET_MS:.0f})")
        store.close()
    finally:
        if args.drop:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
