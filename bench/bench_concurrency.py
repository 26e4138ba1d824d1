"""Two ingests writing one new database while a reader searches it, all at once.

Two ``boardpapers ingest`` processes start together on a database that does not exist
yet, each with its own folder of generated papers; a third process searches in a loop
until both finish. Checked:
- both writers exit 0 (schema creation under a lock, writers queue for the index);
- no search fails (readers search what is committed, never wait for or rebuild under a
  writer), and how far behind the index was when one looked;
- at the end the database holds both folders' papers once each, and a search finds
  exactly what a single clean ingest of both folders finds.

Run: ``python -m bench.bench_concurrency [--papers 30] [--rounds 2]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_crash import WORD, cli, counts, report, search_total
from bench.text_corpus import write_corpus


def _ingest(db: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "boardpapers.cli", "--db", str(db),
                             "ingest", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def one_round(root: Path, folders: list[Path], expected: dict[str, int],
              expected_total: int, n: int) -> list[str]:
    db = root / f"shared{n}.db"
    writers = [_ingest(db, f) for f in folders]
    searches = failures = most_behind = 0
    errors: set[str] = set()
    while any(w.poll() is None for w in writers):
        if not db.exists():
            time.sleep(0.05)
            continue
        r = cli(db, "search", WORD, "--json")
        searches += 1
        if r.returncode == 0:
            most_behind = max(most_behind, int(json.loads(r.stdout).get("index_behind", 0)))
        elif "no database" not in r.stderr and "not a boardpapers database" not in r.stderr:
            failures += 1  # (a database not created yet is not a failure of the reader)
            errors.add(r.stderr.strip()[:200])
    problems = [f"writer exited {w.returncode}: {w.stderr.strip()[-300:]}"
                for w in writers if w.returncode != 0]
    if failures:
        problems.append(f"{failures} of {searches} searches failed: {sorted(errors)}")
    found = counts(db)
    if found != expected:
        problems.append(f"counts {found} != {expected}")
    status, total = search_total(db)
    if (status, total) != (0, expected_total):
        problems.append(f"final search total {total} (exit {status}) != {expected_total}")
    print(f"round {n}: {searches} searches during the ingests, {failures} failed, index at "
          f"most {most_behind} passages behind; {found['documents']} documents", flush=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folders = []
        for i, seed in enumerate((1, 2)):
            folder = root / f"papers{i}"
            folder.mkdir()
            write_corpus(folder, args.papers, seed=seed)
            folders.append(folder)
        reference = root / "reference.db"
        for f in folders:
            cli(reference, "ingest", str(f))
        expected, (_, expected_total) = counts(reference), search_total(reference)
        print(f"one writer after the other: {expected['documents']} documents, search total "
              f"{expected_total}")
        for n in range(args.rounds):
            bad += report(one_round(root, folders, expected, expected_total, n))
    print(f"{args.rounds} rounds, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
