"""Run every benchmark with modest sizes and print one summary: ``python -m bench.run_all``.

Each benchmark keeps its own command line for bigger runs (``python -m bench.bench_pdf
--pages 1000``, ``python -m bench.bench_search --paragraphs 1000000``); this runner picks
sizes that finish in a minute or two on a laptop, and exits non-zero if any missed its
target.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from bench import (
    bench_concurrency,
    bench_crash,
    bench_facts,
    bench_growth,
    bench_ingest,
    bench_parse,
    bench_pdf,
    bench_search,
    bench_startup,
    bench_web,
    fuzz_readers,
)

# name -> (main, modest arguments)
BENCHMARKS: dict[str, tuple[Callable[[list[str]], int], list[str]]] = {
    "pdf": (bench_pdf.main, ["--pages", "300", "--rounds", "3"]),
    "search": (bench_search.main, ["--paragraphs", "20000", "--rounds", "2"]),
    "facts": (bench_facts.main, ["--blocks", "1000", "--rounds", "3"]),
    "parse": (bench_parse.main, []),
    # the scale check (a real `ingest --workers 2`, minutes) runs on its own:
    # python -m bench.bench_ingest scale
    "ingest": (bench_ingest.main, ["pdf", "mixed", "growth", "text", "--files", "50",
                                   "--rounds", "2"]),
    "startup": (bench_startup.main, ["--rounds", "5"]),
    "growth": (bench_growth.main, ["--scale", "0.5", "--rounds", "2"]),
    "crash": (bench_crash.main, ["--papers", "20", "--trials", "3"]),
    "concurrency": (bench_concurrency.main, ["--papers", "15", "--rounds", "1"]),
    "fuzz": (fuzz_readers.main, ["--examples", "50"]),
    "web": (bench_web.main, ["--paragraphs", "20000", "--requests", "1000"]),
}


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(BENCHMARKS)
    results: dict[str, tuple[int, float]] = {}
    for name in names:
        run, args = BENCHMARKS[name]
        print(f"== {name}: {' '.join(args)}", flush=True)
        started = time.perf_counter()
        results[name] = (run(args), time.perf_counter() - started)
        print(flush=True)
    print("== summary")
    for name, (code, seconds) in results.items():
        print(f"{name:8} {'target met' if code == 0 else 'target MISSED':14} {seconds:6.1f}s")
    return max((code for code, _ in results.values()), default=0)


if __name__ == "__main__":
    sys.exit(main())
