"""Web benchmark: /api/v1/search and the search page under load, beside Datasette.

Run: ``python -m bench.bench_web [--paragraphs 1000000] [--dir PATH] [--requests 3000]``.
Both servers run here on loopback over the same generated paragraphs: ``boardpapers
serve`` over the store, and Datasette (``pip install -e '.[bench]'``) over a SQLite FTS5
table of the same paragraphs, asked the same queries for its top 10 with snippets by
BM25 rank, as a civic archive built on it would. The load generator is a small asyncio
HTTP/1.1 client with keep-alive connections; each run is bounded by a request count and a
time limit and stops by itself. Every query is run (the response cache is off;
``--cached`` measures it on as well, beside). Reports requests/s and latency percentiles
as measured in this one run, and exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from bench.corpus import QUERIES, corpus
from boardpapers.store import open_store

RPS_TARGET = 300.0
P95_TARGET_MS = 50.0
DATASETTE_RATIO_TARGET = 5.0
CONCURRENCY = 8
TIME_LIMIT_S = 30.0
SERVER_WORKERS = 2  # one server process per core of the 2-core target machine

DATASETTE_SQL = ("select p.id, p.doc, snippet(paragraphs_fts, 0, '<mark>', '</mark>', '…', 12) "
                 "as snippet from paragraphs_fts join paragraphs p on p.id = "
                 "paragraphs_fts.rowid where paragraphs_fts match :q order by rank limit 10")


@dataclass(frozen=True, slots=True)
class Load:
    name: str
    requests: int
    seconds: float
    latencies_ms: tuple[float, ...]
    errors: int
    cpu_ms: float = 0.0  # the server's CPU time (all its processes) per request

    @property
    def idle_rps(self) -> float:
        """Requests/s the server's own CPU time allows on SERVER_WORKERS idle cores: what
        a machine not shared with other work would serve."""
        return SERVER_WORKERS * 1000 / self.cpu_ms if self.cpu_ms else 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, p: int) -> float:
        qs = statistics.quantiles(self.latencies_ms, n=100, method="inclusive")
        return qs[p - 1]

    def line(self) -> str:
        return (f"{self.name:28} {self.rps:8.0f} req/s  p50 {self.pct(50):6.1f} ms  "
                f"p95 {self.pct(95):6.1f} ms  p99 {self.pct(99):6.1f} ms  "
                f"({self.requests} requests, {self.errors} errors)"
                + (f"  server CPU {self.cpu_ms:.1f} ms/request" if self.cpu_ms else ""))


def build(folder: Path, paragraphs: int) -> tuple[Path, Path]:
    """The boardpapers store and the Datasette FTS5 database, built once per folder."""
    ours, theirs = folder / "papers.db", folder / "fts.db"
    if ours.exists() and theirs.exists():
        reused = open_store(str(ours))
        reused.ensure_index()  # an index of an older version is rebuilt once, here
        reused.close()
        return ours, theirs
    for stale in (ours, theirs):
        stale.unlink(missing_ok=True)
    store = open_store(str(ours), create=True)
    raw = sqlite3.connect(theirs)
    raw.execute("CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, doc TEXT, text TEXT)")
    raw.execute("CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', "
                "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")
    for paper in corpus(paragraphs):
        store.save(paper)
        raw.executemany("INSERT INTO paragraphs (doc, text) VALUES (?, ?)",
                        ((paper.source.sha256, b.text) for b in paper.layout.blocks))
    store.close()
    raw.execute("INSERT INTO paragraphs_fts (rowid, text) SELECT id, text FROM paragraphs")
    raw.commit()
    raw.close()
    return ours, theirs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(cmd: list[str], port: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{cmd[0]} exited: {proc.stderr.read().decode()[-500:]}"
                             if proc.stderr else f"{cmd[0]} exited")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise SystemExit(f"{cmd[0]} did not start listening on {port}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def _worker(port: int, paths: list[str], next_index: list[int], total: int,
                  deadline: float, latencies: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while next_index[0] < total and time.perf_counter() < deadline:
            path = paths[next_index[0] % len(paths)]
            next_index[0] += 1
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = await _read_response(reader)
            latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[0] += 1
    finally:
        writer.close()


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


def group_cpu_seconds(group: int) -> float:
    """CPU time (user + system) of every live process in a process group (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp; utime and stime are fields 14 and 15
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load(name: str, port: int, paths: list[str], requests: int,
         group: int | None = None) -> Load:
    """Send ``requests`` GETs (or as many as fit in the time limit) over CONCURRENCY
    keep-alive connections, after a short warm-up; with ``group`` (the server's process
    group) also its CPU time per request."""
    async def run(total: int) -> tuple[float, list[float], int]:
        latencies: list[float] = []
        errors = [0]
        index = [0]
        started = time.perf_counter()
        deadline = started + TIME_LIMIT_S
        await asyncio.gather(*(_worker(port, paths, index, total, deadline, latencies, errors)
                               for _ in range(CONCURRENCY)))
        return time.perf_counter() - started, latencies, errors[0]

    asyncio.run(run(min(len(paths), 200)))  # warm caches and connections
    cpu = group_cpu_seconds(group) if group else 0.0
    seconds, latencies, errors = asyncio.run(run(requests))
    cpu = group_cpu_seconds(group) - cpu if group else 0.0
    return Load(name, len(latencies), seconds, tuple(latencies), errors,
                cpu * 1000 / len(latencies) if latencies else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--dir", type=Path, help="keep the built corpus here and reuse it")
    ap.add_argument("--datasette", help="the datasette command (default: this Python's)")
    ap.add_argument("--workers", type=int, default=SERVER_WORKERS,
                    help="boardpapers serve --workers (one per core)")
    ap.add_argument("--store", metavar="URL",
                    help="serve this store of the same corpus instead of the SQLite one "
                    "(a PostgreSQL URL; its index from $BOARDPAPERS_INDEX)")
    ap.add_argument("--cached", action="store_true",
                    help="also measure with the response cache on, as deployed")
    args = ap.parse_args(argv)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ours_db, fts_db = build(folder, args.paragraphs)
    print(f"corpus: {args.paragraphs} paragraphs in {folder} "
          f"({time.perf_counter() - started:.0f} s to build or reuse); "
          f"boardpapers serve --workers {args.workers}"
          + (f" over {args.store.split('@')[-1]}" if args.store else ""))
    results: list[Load] = []
    port = free_port()
    api = ["/api/v1/search?" + urlencode({"q": q}) for q in QUERIES]
    page = ["/search?" + urlencode({"q": q}) for q in QUERIES]
    for cache, label in (("0", ""), ("10", ", cache on"))[:2 if args.cached else 1]:
        server = start([sys.executable, "-m", "boardpapers.cli", "--db",
                        args.store or str(ours_db), "serve",
                        "--port", str(port), "--workers", str(args.workers)], port,
                       {"BOARDPAPERS_CACHE_SECONDS": cache})
        try:
            results.append(load(f"boardpapers /api/v1/search{label}", port, api, args.requests,
                                server.pid))
            results.append(load(f"boardpapers /search (HTML){label}", port, page,
                                args.requests, server.pid))
        finally:
            stop(server)
    theirs = compare_datasette(fts_db, args.requests, args.datasette)
    for r in [*results, *([theirs] if theirs else [])]:
        print(r.line())
    return report(results, theirs)


def compare_datasette(fts_db: Path, requests: int, command: str | None) -> Load | None:
    if command is None:
        try:
            import datasette  # noqa: F401
        except ImportError:
            print("datasette is not installed (pip install -e '.[bench]'): no comparison")
            return None
    port = free_port()
    launcher = [command] if command else [sys.executable, "-m", "datasette"]
    proc = start([*launcher, "serve", str(fts_db), "--port", str(port),
                  "--setting", "sql_time_limit_ms", "5000"], port)
    try:
        paths = [f"/{fts_db.stem}.json?" + urlencode({"sql": DATASETTE_SQL,
                                                      "q": _fts5_query(q)}) for q in QUERIES]
        return load("datasette FTS5 top 10", port, paths, requests, proc.pid)
    finally:
        stop(proc)


def _fts5_query(q: str) -> str:
    """The same words as an FTS5 MATCH string (filters dropped: Datasette has no index of
    bodies or genres; its search is the plain text)."""
    words = [w for w in q.replace('"', " ").split() if ":" not in w and not w.startswith("-")
             and w not in ("OR",)]
    return " ".join('"' + w.rstrip("*") + '"' + ("*" if w.endswith("*") else "")
                    for w in words) or '"council"'


def report(results: list[Load], theirs: Load | None) -> int:
    """Targets on /api/v1/search with every query run (the response cache off): the
    cache only helps a query asked again within seconds, so it is measured beside them,
    never for them."""
    api, page = results[:2]
    ok = api.rps >= RPS_TARGET and api.pct(95) <= P95_TARGET_MS and api.errors == 0
    summary: dict[str, float] = {
        "api_rps": round(api.rps), "api_p95_ms": round(api.pct(95), 1),
        "page_rps": round(page.rps), "page_p95_ms": round(page.pct(95), 1),
        "api_server_cpu_ms": round(api.cpu_ms, 2), "page_server_cpu_ms": round(page.cpu_ms, 2),
        "api_rps_idle_cores": round(api.idle_rps)}
    if len(results) > 2:
        summary |= {"api_rps_cached": round(results[2].rps),
                    "page_rps_cached": round(results[3].rps)}
    if theirs is not None:
        ratio = api.rps / theirs.rps if theirs.rps else float("inf")
        summary |= {"datasette_rps": round(theirs.rps, 1),
                    "datasette_p95_ms": round(theirs.pct(95), 1),
                    "ratio_vs_datasette": round(ratio, 1),
                    "page_ratio_vs_datasette": round(page.rps / theirs.rps, 1)
                    if theirs.rps else 0.0}
        ok = ok and ratio >= DATASETTE_RATIO_TARGET
    print(json.dumps(summary))
    print("targets met" if ok else
          f"target missed: want ≥{RPS_TARGET:.0f} req/s, p95 ≤{P95_TARGET_MS:.0f} ms, "
          f"≥{DATASETTE_RATIO_TARGET:.0f}x Datasette, uncached")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
