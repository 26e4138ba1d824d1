"""Growth of each reader (and the whole understand step) with input size: linear or not.

For every reader and for the hostile shapes issue 22 found quadratic (a line of spaces,
a line of tabs, a run of digits, nested and unclosed HTML elements, deep Markdown lists,
many Word paragraphs, many PDF pages) the same kind of input is made at size N and 4N
and read -> classified -> parsed -> extracted; the time ratio is printed beside the size
ratio. Linear growth gives about 4; the target is at most GROWTH_TARGET (a quadratic
shape gives 16). Everything is measured in this run (best of ``--rounds``), never
against a stored time.

Run: ``python -m bench.bench_growth [--scale 1] [--rounds 2]``. Exits non-zero when a
shape grows faster than the target.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from boardpapers.model.errors import BoardpapersError
from boardpapers.model.layout import Source
from boardpapers.pipeline import understand
from boardpapers.readers import read_bytes
from boardpapers.readers.html_nesting import MAX_NESTING
from tests.hostile.builders import docx_bytes, nested_html, para, pdf_bytes

GROWTH_TARGET = 6.0  # for 4x the input; linear is 4, quadratic 16
FACTOR = 4
SENTENCE = ("The Cabinet approved £2.4m for 140 affordable homes in Fenmoor on 5 March 2026, "
            "and asked the Director of Place to report back in June. ")


def _text(n: int) -> bytes:
    return ("Housing Report\n\n" + "".join(f"{i}. {SENTENCE}\n\n" for i in range(n))).encode()


def _markdown_lists(n: int) -> bytes:
    return ("# Report\n\n" + "".join("  " * (i % 40) + f"- item {i}\n" for i in range(n))
            ).encode()


def _html(n: int) -> bytes:
    rows = "".join(f"<p>{SENTENCE}</p><div class='x'><span>{i}</span></div>" for i in range(n))
    return f"<html><body><h1>Report</h1>{rows}</body></html>".encode()


def _docx(n: int) -> bytes:
    return docx_bytes(para("Report") + "".join(para(f"{i}. {SENTENCE}") for i in range(n)))


# name -> (format, maker of an input of size n, n at scale 1)
SHAPES: dict[str, tuple[str, Callable[[int], bytes], int]] = {
    "text paragraphs": ("txt", _text, 400),
    "text: one line of spaces before a pipe": (
        "txt", lambda n: b"Report\n\n" + b" " * n + b"| a | b |\n", 20_000),
    "text: one line of tabs": ("txt", lambda n: b"Report\n\n" + b"Name\t" * n, 5_000),
    "text: a run of digits": ("txt", lambda n: b"Report\n\n" + b"7" * n + b"\n", 100_000),
    "markdown: nested lists": ("md", _markdown_lists, 1_000),
    "html paragraphs": ("html", _html, 300),
    "html: nested divs": ("html", lambda n: nested_html(n).encode(), 1_000),
    "html: unclosed divs": ("html", lambda n: nested_html(n, closed=False).encode(), 1_000),
    "docx paragraphs": ("docx", _docx, 400),
    "pdf pages": ("pdf", pdf_bytes, 10),
}


# Shapes whose growth is the HTML parser's own (lexbor checks its stack of open elements
# at each tag) and whose cost is bounded by a limit instead: the time at the limit is
# printed, and their ratio does not count towards the exit status.
BOUNDED = {"html: nested divs": MAX_NESTING, "html: unclosed divs": MAX_NESTING}


def _seconds(fmt: str, data: bytes, rounds: int) -> float:
    source = Source(path=f"growth.{fmt}", sha256="0" * 64, format=fmt, size=len(data))
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            understand(read_bytes(data, source))
        except BoardpapersError:
            pass  # a refusal is an answer too; its cost is what is measured
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    _seconds("txt", _text(20), 1)  # warm imports and caches
    worst = 0.0
    print(f"{'shape':42} {'n':>8} {'t(n) s':>8} {'t(4n) s':>8} {'ratio':>6}")
    for name, (fmt, make, base) in SHAPES.items():
        n = max(1, int(base * args.scale))
        small = _seconds(fmt, make(n), args.rounds)
        large = _seconds(fmt, make(n * FACTOR), args.rounds)
        ratio = large / max(small, 1e-6)
        if name in BOUNDED:
            at_limit = _seconds(fmt, make(BOUNDED[name]), args.rounds)
            flag = f"  bounded: {at_limit:.2f}s at the limit of {BOUNDED[name]}"
        else:
            worst = max(worst, ratio)
            flag = "" if ratio <= GROWTH_TARGET else "  SUPER-LINEAR"
        print(f"{name:42} {n:>8} {small:8.3f} {large:8.3f} {ratio:6.1f}{flag}", flush=True)
    print(f"worst ratio {worst:.1f} for {FACTOR}x the input (target <= {GROWTH_TARGET})")
    return 0 if worst <= GROWTH_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
