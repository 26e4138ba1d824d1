"""Whole-pipeline speed: ingest against the cost of just reading the text, in one run.

Run: ``python -m bench.bench_ingest [pdf|mixed|growth|text|scale ...]`` (all by default).
Every figure is CPU time of this process (``time.process_time``, least of ``--rounds``,
the two sides turn about), so other work on the machine moves the ratios little:

- pdf: read + classify + parse + extract of the 300-page pack (``bench_pdf``'s) against
  pypdfium2's raw page text. Target <= 2x.
- mixed: the same on every PDF of the rendered fictional corpus (``tests/fixtures``) and
  ``examples/`` with a text layer on every page (a scan is OCR's work: ``bench_ocr``):
  papers of every genre and shape. Target <= 2x.
- growth: the 600-page pack against the 30-page one, per page. Target: a page of the
  long pack costs at most 1.5x a page of the short one (linear in length).
- text: ``ingest`` (one process, store and search index included) of generated text
  papers (``bench.text_corpus``) against raw SQLite FTS5 indexing the same paragraphs.
  Target <= 20x.
- scale: ``boardpapers ingest --workers 2`` as a user runs it, on two corpus sizes: wall
  and CPU time, peak resident memory of any process (must not grow with the number of
  files), and the time 1M paragraphs would take on 2 cores, extrapolated from CPU time.
  Target <= 10 minutes, memory growth <= 1.25x.

Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_pdf import pack_pdf, raw_text
from bench.text_corpus import paragraphs, write_corpus
from boardpapers import facts, genre, parsers
from boardpapers.model.layout import Source
from boardpapers.pipeline import ingest
from boardpapers.readers import pdf
from boardpapers.store import open_store

ROOT = Path(__file__).resolve().parent.parent
PDF_TARGET = 2.0
GROWTH_TARGET = 1.5
TEXT_TARGET = 20.0
SCALE_MINUTES_TARGET = 10.0
MEMORY_GROWTH_TARGET = 1.25
MILLION = 1_000_000


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _interleaved(rounds: int, raw: Callable[[], object],
                 ours: Callable[[], object]) -> tuple[float, float]:
    raws, mine = [], []
    for _ in range(rounds):
        raws.append(_cpu(raw))
        mine.append(_cpu(ours))
    return min(raws), min(mine)


def _pipeline(data: bytes, source: Source) -> object:
    layout = pdf.read_bytes(data, source)
    return facts.extract(parsers.parse(layout, genre.classify(layout)))


def _readable(path: Path) -> bool:
    """The fixtures hold refusals too (encrypted, corrupt) and scans, whose pages OCR reads
    where pypdfium2 finds no text to compare with: benchmark text-layer papers only."""
    try:
        raw_text(path.read_bytes())
        layout = pdf.read_bytes(path.read_bytes(), Source(path=str(path), sha256="",
                                                          format="pdf"))
        _pipeline(path.read_bytes(), Source(path=str(path), sha256="", format="pdf"))
    except Exception:  # noqa: BLE001 - any refusal leaves the file out of the set
        return False
    return not layout.source.ocr


def _pdf_set(paths: list[Path], rounds: int) -> tuple[float, float, int]:
    loaded = [(p.read_bytes(), p) for p in paths]
    sources = [Source(path=str(p), sha256=hashlib.sha256(d).hexdigest(), format="pdf")
               for d, p in loaded]
    pages = 0
    for (data, _), source in zip(loaded, sources, strict=True):  # warm-up, and page count
        raw_text(data)
        pages += pdf.read_bytes(data, source).source.pages
    raw_s, ours_s = _interleaved(
        rounds, lambda: [raw_text(d) for d, _ in loaded],
        lambda: [_pipeline(d, s) for (d, _), s in zip(loaded, sources, strict=True)])
    return raw_s, ours_s, pages


def _report_ratio(name: str, raw_s: float, ours_s: float, pages: int, target: float) -> bool:
    ratio = ours_s / raw_s
    print(f"{name}: {pages} pages; raw pypdfium2 text {raw_s:.2f}s ({pages / raw_s:,.0f} "
          f"pages/s); read+classify+parse+extract {ours_s:.2f}s ({pages / ours_s:,.0f} "
          f"pages/s); ratio {ratio:.2f} (target <= {target}) "
          f"{'met' if ratio <= target else 'MISSED'}")
    return ratio <= target


def bench_pdf_pack(rounds: int) -> bool:
    path = pack_pdf(300)
    if path is None:
        return True
    raw_s, ours_s, pages = _pdf_set([path], rounds)
    return _report_ratio("pdf (300-page pack)", raw_s, ours_s, pages, PDF_TARGET)


def bench_mixed(rounds: int) -> bool:
    paths = [p for p in sorted({*(ROOT / "tests" / "fixtures").rglob("*.pdf"),
                                *(ROOT / "examples").glob("*.pdf")}) if _readable(p)]
    raw_s, ours_s, pages = _pdf_set(paths, rounds)
    return _report_ratio(f"mixed ({len(paths)} PDFs)", raw_s, ours_s, pages, PDF_TARGET)


def bench_growth(rounds: int) -> bool:
    short, long = pack_pdf(30), pack_pdf(600)
    if short is None or long is None:
        return True
    per_page = []
    for path in (short, long):
        data = path.read_bytes()
        source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="pdf")
        pages = pdf.read_bytes(data, source).source.pages
        seconds = min(_cpu(lambda d=data, s=source: _pipeline(d, s)) for _ in range(rounds))
        per_page.append(seconds / pages)
        print(f"growth: {path.name} {pages} pages, {seconds:.2f}s, "
              f"{seconds / pages * 1000:.2f} ms a page")
    growth = per_page[1] / per_page[0]
    ok = growth <= GROWTH_TARGET
    print(f"growth: a page of the long pack costs {growth:.2f}x a page of the short "
          f"(target <= {GROWTH_TARGET}) {'met' if ok else 'MISSED'}")
    return ok


def _raw_fts5(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.db")
        conn.execute("CREATE VIRTUAL TABLE raw USING fts5(text, tokenize = "
                     "'porter unicode61 remove_diacritics 2')")
        conn.executemany("INSERT INTO raw(text) VALUES (?)", ((t,) for t in texts))
        conn.commit()
        conn.close()


def _ingest_once(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "b.db"))
        summary = ingest([folder], store, workers=1)
        store.close()
        assert summary.count("ingested") == len(list(folder.iterdir())), summary.failed[:3]


def bench_text(files: int, rounds: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "papers"
        paths = write_corpus(folder, files)
        texts = list(paragraphs(paths))
        _ingest_once(folder)  # warm-up: the council register, imports
        raw_s, ours_s = _interleaved(rounds, lambda: _raw_fts5(texts),
                                     lambda: _ingest_once(folder))
    ratio = ours_s / raw_s
    ok = ratio <= TEXT_TARGET
    print(f"text: {files} papers, {len(texts):,} paragraphs; raw FTS5 {raw_s:.2f}s; ingest "
          f"{ours_s:.2f}s ({files / ours_s:.1f} papers/s, {ours_s / files * 1000:.0f} ms a "
          f"paper on one core); ratio {ratio:.1f} (target <= {TEXT_TARGET}) "
          f"{'met' if ok else 'MISSED'}")
    return ok


def _cli_ingest(folder: Path, db: Path) -> tuple[float, float, int]:
    """(wall s, CPU s of the command and its workers, peak RSS KiB of any of them)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cli = Path(sys.executable).with_name("boardpapers")
    subprocess.run([str(cli), "--db", str(db), "ingest", str(folder), "--workers", "2",
                    "--json"], check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def bench_scale(sizes: list[int]) -> bool:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for files in sizes:
            folder = Path(tmp) / f"papers-{files}"
            paths = write_corpus(folder, files)
            n_paragraphs = sum(1 for _ in paragraphs(paths))
            wall, cpu, rss = _cli_ingest(folder, Path(tmp) / f"b-{files}.db")
            rows.append((files, n_paragraphs, wall, cpu, rss))
            print(f"scale: {files} papers, {n_paragraphs:,} paragraphs: wall {wall:.1f}s, "
                  f"CPU {cpu:.1f}s, peak RSS {rss / 1024:.0f} MB")
            shutil.rmtree(folder)
    files, n_paragraphs, _, cpu, _ = rows[-1]
    minutes = cpu / n_paragraphs * MILLION / 2 / 60
    growth = rows[-1][4] / rows[0][4]
    ok = minutes <= SCALE_MINUTES_TARGET and growth <= MEMORY_GROWTH_TARGET
    print(f"scale: 1M paragraphs on 2 cores, from CPU time: about {minutes:.1f} minutes "
          f"(target <= {SCALE_MINUTES_TARGET}); peak RSS at {rows[-1][0]} papers is "
          f"{growth:.2f}x that at {rows[0][0]} (target <= {MEMORY_GROWTH_TARGET}) "
          f"{'met' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checks", nargs="*", default=["pdf", "mixed", "growth", "text", "scale"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--files", type=int, default=100, help="text papers for the text check")
    ap.add_argument("--scale", type=int, nargs="+", default=[200, 800],
                    help="corpus sizes (papers) for the scale check")
    args = ap.parse_args(argv)
    runs: dict[str, Callable[[], bool]] = {
        "pdf": lambda: bench_pdf_pack(args.rounds), "mixed": lambda: bench_mixed(args.rounds),
        "growth": lambda: bench_growth(args.rounds),
        "text": lambda: bench_text(args.files, args.rounds),
        "scale": lambda: bench_scale(args.scale)}
    results = [runs[name]() for name in args.checks]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
