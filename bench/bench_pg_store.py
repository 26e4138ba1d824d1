"""Storing papers in PostgreSQL through the store: COPY against INSERT, in one run.

Run: ``python -m bench.bench_pg_store [--paragraphs 50000] [--pg postgresql://postgres@127.0.0.1]``.
The generated bench corpus (bench/corpus.py, papers made in memory: no reading or
parsing, so this times the store alone) is stored twice, into two throwaway databases
(dropped at the end): once with the PostgreSQL store as it is (each paper's derived rows
sent with COPY) and once with the INSERTs every SQL back end shares (sql.py). Papers go
to the two in alternating batches, so both see the same machine load; each is one
transaction per paper as in an ingest. Prints wall and CPU seconds and the ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from bench.corpus import corpus
from boardpapers.store import open_store
from boardpapers.store.postgres import PostgresStore
from boardpapers.store.rows import Rows
from boardpapers.store.sql import SqlStore

BATCH = 25  # papers stored into one database before switching to the other


class InsertingStore(PostgresStore):
    """The PostgreSQL store with the shared INSERT path instead of COPY (the reference)."""

    def _insert_rows(self, conn: Connection, rows: Rows) -> None:
        SqlStore._insert_rows(self, conn, rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--paragraphs", type=int, default=50_000)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    args = ap.parse_args(argv)
    os.environ["BOARDPAPERS_INDEX"] = tempfile.mkdtemp(prefix="bp-bench-pg-store-")
    stamp = int(time.time())
    names = {"copy": f"boardpapers_bench_copy_{stamp}",
             "insert": f"boardpapers_bench_insert_{stamp}"}
    admin = create_engine(args.pg + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names.values():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        copy_store = open_store(f"{args.pg}/{names['copy']}")
        insert_store = InsertingStore(f"{args.pg}/{names['insert']}")
        stores = {"copy": copy_store, "insert": insert_store}
        wall = dict.fromkeys(stores, 0.0)
        cpu = dict.fromkeys(stores, 0.0)
        papers = list(corpus(args.paragraphs))
        n = sum(len(p.layout.blocks) for p in papers)
        for start in range(0, len(papers), BATCH):
            batch = papers[start:start + BATCH]
            order = ("copy", "insert") if start // BATCH % 2 == 0 else ("insert", "copy")
            for label in order:
                w, c = time.perf_counter(), time.process_time()
                for paper in batch:
                    stores[label].save(paper)
                wall[label] += time.perf_counter() - w
                cpu[label] += time.process_time() - c
        for store in stores.values():
            store.close()
        print(f"{len(papers):,} papers, {n:,} paragraphs, one transaction per paper")
        for label in stores:
            print(f"{label:7} wall {wall[label]:7.1f}s ({n / wall[label]:6,.0f} paragraphs/s)"
                  f"  client cpu {cpu[label]:6.1f}s  wall ratio "
                  f"{wall[label] / wall['insert']:.2f}")
    finally:
        with admin.connect() as conn:
            for name in names.values():
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
