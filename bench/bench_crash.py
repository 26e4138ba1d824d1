"""Kill an ingest at random points (SIGKILL, workers too) and check what it leaves.

Each trial ingests the same generated corpus into a new database and kills the whole
process group after a random fraction of a clean ingest's duration. Then:
- the database passes ``PRAGMA integrity_check`` and holds no document twice;
- a search right after the crash exits 0 (the index left behind is rebuilt, since no
  writer holds the index lock any more) and finds what the database holds;
- ingesting again completes with the same counts and the same search total as a clean
  ingest of the same files.

Run: ``python -m bench.bench_crash [--papers 40] [--trials 8] [--workers 2]``. Exits
non-zero if any trial breaks one of these; prints each trial's numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.text_corpus import write_corpus

WORD = "council"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "boardpapers.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=600)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'"
                        ).fetchone()[0] == 0:
            return {"documents": 0, "blocks": 0, "duplicate_ids": 0, "tables": 0}
        return {"documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                "blocks": conn.execute("SELECT count(*) FROM blocks").fetchone()[0],
                "duplicate_ids": conn.execute(
                    "SELECT count(*) - count(DISTINCT id) FROM documents").fetchone()[0]}


def search_total(db: Path) -> tuple[int, int]:
    """(exit status, total) of one search through the command line."""
    r = cli(db, "search", WORD, "--json")
    if r.returncode != 0:
        return r.returncode, -1
    return 0, int(json.loads(r.stdout)["total"])


def ingest_killed(db: Path, folder: Path, after: float, workers: int) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "boardpapers.cli", "--db", str(db),
                             "ingest", str(folder), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def trial(db: Path, folder: Path, after: float, workers: int,
          clean: dict[str, int], clean_total: int) -> list[str]:
    problems = []
    ingest_killed(db, folder, after, workers)
    if db.exists():
        with sqlite3.connect(db) as conn:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        found = counts(db)
        if found["duplicate_ids"]:
            problems.append(f"{found['duplicate_ids']} duplicate documents")
        status, total = search_total(db) if "tables" not in found else (0, 0)
        if status != 0:
            problems.append(f"search after the crash exited {status}")
        print(f"  killed after {after:5.2f}s: {found['documents']:3} documents stored, search "
              f"total {total}", flush=True)
    else:
        print(f"  killed after {after:5.2f}s: no database yet", flush=True)
    if cli(db, "ingest", str(folder)).returncode != 0:
        problems.append("the re-run failed")
    again = counts(db)
    if again != clean:
        problems.append(f"re-run counts {again} != clean {clean}")
    status, total = search_total(db)
    if (status, total) != (0, clean_total):
        problems.append(f"re-run search total {total} (exit {status}) != clean {clean_total}")
    return problems


def report(problems: list[str]) -> bool:
    """Print a trial's problems; True if there were any."""
    for p in problems:
        print(f"  PROBLEM: {p}")
    return bool(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=40)
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "papers"
        folder.mkdir()
        write_corpus(folder, args.papers)
        started = time.perf_counter()
        clean_db = root / "clean.db"
        if cli(clean_db, "ingest", str(folder), "--workers", str(args.workers)).returncode:
            print("the clean ingest failed")
            return 1
        duration = time.perf_counter() - started
        clean, (_, clean_total) = counts(clean_db), search_total(clean_db)
        print(f"clean ingest: {clean['documents']} documents, {clean['blocks']} blocks, "
              f"search total {clean_total}, {duration:.1f}s")
        failures = 0
        for i in range(args.trials):
            after = rng.uniform(0.3, 1.0) * duration
            problems = trial(root / f"t{i}.db", folder, after, args.workers, clean,
                             clean_total)
            failures += report(problems)
    print(f"{args.trials} kills, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
