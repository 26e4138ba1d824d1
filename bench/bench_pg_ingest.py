"""Ingest speed on each back end: local workers and a Dask cluster, as ratios in one run.

Run: ``python -m bench.bench_pg_ingest [--papers 200] [--pg postgresql://postgres@127.0.0.1]
[--mariadb mysql://root@127.0.0.1:3306]``. The same generated text papers
(bench/text_corpus.py, about 15-20 KB each) are ingested into a new SQLite database, a new
PostgreSQL database and a new MariaDB database (throwaway databases, dropped at the end)
with ``--workers 1`` and ``--workers 2``, and into PostgreSQL on a local Dask
cluster of two worker processes (started here; its start-up is not counted). Each line
gives wall time, papers/s and paragraphs/s, and the ratio to SQLite with one worker
measured in the same run. Results go in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.text_corpus import paragraphs, write_corpus
from boardpapers.pipeline import IngestSummary, ingest
from boardpapers.store import open_store
from boardpapers.store.mariadb import engine_url

Run = Callable[[str], IngestSummary]


def timed(url: str, run: Run) -> float:
    started = time.perf_counter()
    summary = run(url)
    elapsed = time.perf_counter() - started
    assert not summary.failed, summary.failed[:3]
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--papers", type=int, default=200)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    ap.add_argument("--mariadb", default="mysql://root@127.0.0.1:3306",
                    help="a MariaDB/MySQL server ('' to leave it out)")
    ap.add_argument("--no-cluster", action="store_true")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bp-bench-ingest-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    files = write_corpus(work / "papers", args.papers)
    n_paragraphs = sum(1 for _ in paragraphs(files))
    admin = create_engine(args.pg + "/postgres", isolation_level="AUTOCOMMIT")
    names: list[str] = []

    def pg_url() -> str:
        name = f"boardpapers_bench_ingest_{len(names)}_{os.getpid()}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        names.append(name)
        return f"{args.pg}/{name}"

    def mariadb_url() -> str:  # ingest makes the database
        name = f"boardpapers_bench_ingest_{len(names)}_{os.getpid()}"
        names.append(name)
        return f"{args.mariadb}/{name}"

    def local(workers: int) -> Run:
        return lambda url: ingest([work / "papers"], open_store(url), workers=workers)

    cases: list[tuple[str, Callable[[], str], Run]] = [
        ("sqlite, 1 worker", lambda: f"sqlite:///{work / 'a.db'}", local(1)),
        ("sqlite, 2 workers", lambda: f"sqlite:///{work / 'b.db'}", local(2)),
        ("postgresql, 1 worker", pg_url, local(1)),
        ("postgresql, 2 workers", pg_url, local(2)),
    ]
    if args.mariadb:
        cases += [("mariadb, 1 worker", mariadb_url, local(1)),
                  ("mariadb, 2 workers", mariadb_url, local(2))]
    try:
        results = [(label, timed(make(), run)) for label, make, run in cases]
        if not args.no_cluster:
            results.append(("postgresql, cluster of 2", _on_cluster(work, pg_url())))
        ref = results[0][1]
        print(f"corpus: {len(files)} papers, {n_paragraphs:,} paragraphs")
        for label, seconds in results:
            print(f"{label:26} {seconds:6.1f} s  {len(files) / seconds:6.1f} papers/s  "
                  f"{n_paragraphs / seconds:7.0f} paragraphs/s  ratio {seconds / ref:.2f}")
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if args.mariadb:
            server = create_engine(engine_url(args.mariadb))
            with server.connect() as conn:
                for name in names:
                    conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
    return 0


def _on_cluster(work: Path, url: str) -> float:
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster:
        from distributed import Client
        with Client(cluster.scheduler_address) as client:  # workers import boardpapers
            client.run(lambda: __import__("boardpapers.pipeline"))
        return timed(url, lambda u: ingest([work / "papers"], open_store(u),
                                           cluster=cluster.scheduler_address))


if __name__ == "__main__":
    sys.exit(main())
