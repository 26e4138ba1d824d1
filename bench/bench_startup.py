"""Cold start of ``boardpapers search``: a new process each time, as a person runs it.

Run: ``python -m bench.bench_startup [--rounds 7]``. The reference is the same
interpreter starting and doing nothing (``python -c pass``), measured in the same run,
so the ratio holds on a slow or busy machine. The target is an answer within about
0.2 s on a quiet machine where the interpreter starts in about 20 ms: at most
TARGET_RATIO times the reference. ``--breakdown`` also times importing the command line
and its two heaviest libraries alone, to show where a cold start goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 10.0
BOARDPAPERS = [sys.executable, "-m", "boardpapers"]


def cold(cmd: list[str], rounds: int, env: dict[str, str]) -> float:
    """Median wall time of a fresh process running ``cmd``, output discarded."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--breakdown", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BOARDPAPERS_DB=str(Path(tmp) / "startup.db"))
        subprocess.run([*BOARDPAPERS, "ingest", str(ROOT / "examples")], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        reference = cold([sys.executable, "-c", "pass"], args.rounds, env)
        search = cold([*BOARDPAPERS, "search", "housing"], args.rounds, env)
        print(f"python -c pass:          {reference * 1000:7.1f} ms")
        print(f"boardpapers search:      {search * 1000:7.1f} ms  ratio {search / reference:5.1f}"
              f"  (target <= {TARGET_RATIO:.0f})")
        if args.breakdown:
            for what in ("boardpapers.cli", "typer", "pydantic", "sqlalchemy", "tantivy",
                         "rich.console"):
                t = cold([sys.executable, "-c", f"import {what}"], args.rounds, env)
                print(f"import {what:18} {t * 1000:7.1f} ms")
    ok = search / reference <= TARGET_RATIO
    print("targets:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
