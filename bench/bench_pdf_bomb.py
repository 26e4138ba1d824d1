"""Peak memory reading a PDF compression bomb, against reading an ordinary PDF.

A one-page PDF whose content stream inflates to ``--megabytes`` (1 MB on disk for a
gigabyte) is read in a fresh process; so is an ordinary PDF of the same page. Before the
streams were measured first (readers/pdf_inflate.py) pdfium inflated the stream whole:
a 1 GB stream took the process to 2.1 GB resident. The target is a peak resident size
at most TARGET_RATIO times the ordinary PDF's, measured in the same run, and a one-line
"too complex" refusal.

Run: ``python -m bench.bench_pdf_bomb [--megabytes 1024]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile.builders import pdf_bytes

TARGET_RATIO = 1.5

_READ = """
import resource, sys
from boardpapers.model.errors import BoardpapersError
from boardpapers.pipeline import process
try:
    process(sys.argv[1])
    print("read")
except BoardpapersError as exc:
    print(exc)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak(path: Path) -> tuple[str, float, float]:
    """What reading the file answered, its peak resident MB and its seconds."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _READ, str(path)], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    return out[0], int(out[1]) / 1024, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=int, default=1024)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-bomb-") as tmp:
        plain, bomb = Path(tmp) / "plain.pdf", Path(tmp) / "bomb.pdf"
        plain.write_bytes(pdf_bytes(1, inflated=64 * 1024))
        bomb.write_bytes(pdf_bytes(1, inflated=args.megabytes * 1024 * 1024))
        answer, reference, _ = peak(plain)
        said, rss, seconds = peak(bomb)
    print(f"ordinary PDF:   peak {reference:7.1f} MB ({answer})")
    print(f"bomb ({args.megabytes:,} MB inflated): peak {rss:7.1f} MB, {seconds:.1f} s: {said}")
    ratio = rss / reference
    ok = ratio <= TARGET_RATIO and "too complex" in said
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO}); targets:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
