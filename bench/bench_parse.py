"""Speed check: classify + parse must add at most 50% to the read time of a 300-page pack.

A long agenda pack is generated (own wording, seeded, so every run reads the same text):
a front sheet with membership and agenda, then reports written to the usual template
(purpose, summary, recommendations, contact officer, numbered paragraphs, a table and an
appendix), with a page's worth of text between page-furniture lines. The pack is read
from a file by the text reader, then classified and parsed; the script prints each
stage's median time over a few runs and the ratio (classify + parse) / read.

    .venv/bin/python -m bench.bench_parse [--pages 300] [--runs 3]

No timed test depends on this: it is a measurement to run by hand or in CI's bench job.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from boardpapers import genre, readers
from boardpapers.parsers import parse
from boardpapers.parsers import report as report_parser

PAGE_CHARS = 3000  # about one printed A4 page of a committee report
TOPICS = ["Highways Maintenance", "Adult Skills", "Temporary Accommodation", "Library Services",
          "Flood Resilience", "Bus Franchising", "Leisure Centre Investment", "Home Care",
          "School Places", "Net Zero Delivery", "Digital Inclusion", "Town Centre Renewal"]
WORDS = ("council members board officers programme funding delivery review partners residents "
         "services budget target quarter progress risk housing transport plan strategy "
         "investment contract report update proposal consultation outcome").split()
NAMES = ["Alys Fenwick", "Bram Oduya", "Cerys Lund", "Dev Marwaha", "Esme Hollis", "Fin Rourke"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def front_sheet(n_reports: int) -> list[str]:
    lines = ["# Greyhaven County Council", "## Resources and Performance Board", "",
             "Thursday 6 March 2025", "", "10.30 am", "", "Council Chamber, Shire Hall, Greyhaven",
             "", "## Board – Membership 2024/2025", "", "Councillor\tAuthority",
             "Labour ( 3 )\t"]
    lines += [f"Cllr {name}\tGreyhaven County Council" for name in NAMES[:3]]
    lines += ["Conservative ( 3 )\t"] + [f"Cllr {name}\tRiverbank Borough Council"
                                        for name in NAMES[3:]]
    lines += ["", "## Agenda", "", "Item\tPage", "1. Welcome and apologies\t"]
    for k in range(n_reports):
        lines += [f"{k + 2}. {TOPICS[k % len(TOPICS)]} update {k + 1}\t{k * 10 + 1} - "
                  f"{k * 10 + 9}", f"{NAMES[k % len(NAMES)]}, Service Director, to present\t"]
    lines += ["", "Date of Next Meeting: Thursday, 5 June 2025, 10.30 am, Shire Hall", ""]
    return lines


def report(k: int, rng: random.Random, pages: int) -> list[str]:
    title = f"{TOPICS[k % len(TOPICS)]} update {k + 1}"
    name = NAMES[k % len(NAMES)]
    lines = [f"## {title}", "", "### Purpose of report", "", "For decision.", "",
             "### Summary", "", sentence(rng), "", "### Recommendations", "",
             "That the Board:", "", f"- a) {sentence(rng)}", f"- b) {sentence(rng)}", "",
             f"**Contact officer:** {name}", "**Position:** Service Director",
             "**Phone no:** 01632 960 000", "", "### Background", ""]
    para = 1
    for page in range(pages):
        used = 0
        while used < PAGE_CHARS:
            text = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
            lines += [f"{para}. {text}", ""]
            used += len(text)
            para += 1
        if page == pages - 2:
            lines += [f"**Appendix 1 – {title} figures**", "", "Area\tBudget\tSpend"]
            lines += [f"Area {i}\t£{rng.randint(1, 900)},000\t£{rng.randint(1, 900)},000"
                      for i in range(12)]
            lines.append("")
        lines += ["6 March 2025", ""]  # page furniture, as the seed pack prints it
    return lines


def pack_text(pages: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    per_report = 8
    n_reports = max(1, pages // per_report)
    lines = front_sheet(n_reports)
    for k in range(n_reports):
        lines += report(k, rng, per_report)
    return "\n".join(lines) + "\n"


def median_seconds(fn: object, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file", type=Path, help="time this paper instead (e.g. the PDF pack "
                                              "bench.bench_pdf writes to bench/out/)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / "long_pack.md"
        if args.file is None:
            path.write_text(pack_text(args.pages), encoding="utf-8")
        size = path.stat().st_size
        read_s, layout = median_seconds(lambda: readers.read(path), args.runs)
        classify_s, parse_s, found, paper = _classify_and_parse(layout, args.runs)
        split_s = _pack_split_only(layout, found, args.runs)
    ratio = (classify_s + parse_s) / read_s
    print(f"pack: {args.file or f'{args.pages} pages'}, {size} bytes, "
          f"{len(layout.blocks)} blocks, genre {found.genre}, "  # type: ignore[attr-defined]
          f"{len(paper.reports)} reports")  # type: ignore[attr-defined]
    print(f"read {read_s * 1000:.1f} ms  classify {classify_s * 1000:.1f} ms  "
          f"parse {parse_s * 1000:.1f} ms (of which front matter and report splitting "
          f"{split_s * 1000:.1f} ms, the rest parse_report on each report)")
    print(f"(classify + parse) / read = {ratio:.2f}  (budget 0.50: "
          f"{'within' if ratio <= 0.5 else 'OVER'})")
    return 0 if ratio <= 0.5 else 1


def _classify_and_parse(layout: object, runs: int) -> tuple[float, float, object, object]:
    """Median classify and parse times, each run from cold caches (as a new process)."""
    classify_times, parse_times, found, paper = [], [], None, None
    for _ in range(runs):
        report_parser.clear_caches()
        start = time.perf_counter()
        found = genre.classify(layout)  # type: ignore[arg-type]
        middle = time.perf_counter()
        paper = parse(layout, found)  # type: ignore[arg-type]
        parse_times.append(time.perf_counter() - middle)
        classify_times.append(middle - start)
    return statistics.median(classify_times), statistics.median(parse_times), found, paper


def _pack_split_only(layout: object, found: object, runs: int) -> float:
    """The pack parser's own share: parse_pack with parse_report replaced by a no-op."""
    from boardpapers.model.paper import Report
    from boardpapers.parsers import pack, report
    real = getattr(report, "parse_report", None)
    report.parse_report = lambda _layout, first, last: Report(  # type: ignore[attr-defined]
        first_block=first, last_block=last)
    try:
        seconds, _ = median_seconds(lambda: (report_parser.clear_caches(),
                                             pack.parse_pack(layout, found)), runs)  # type: ignore[arg-type]
    finally:
        if real is not None:
            report.parse_report = real  # type: ignore[attr-defined]
    return seconds


if __name__ == "__main__":
    sys.exit(main())
