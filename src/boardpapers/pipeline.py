"""The flow from files to stored papers.

``understand`` and ``process`` are the pure read -> classify -> parse -> extract chain for
one file. ``ingest`` runs it over many files in a process pool and stores each result in
its own transaction, so one bad file never stops a batch and never leaves half a paper.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import time
import traceback
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from boardpapers import facts, genre, parsers, readers
from boardpapers.files import Skip, discover, display_path, not_regular
from boardpapers.model.errors import BoardpapersError, DatabaseError
from boardpapers.model.layout import Layout
from boardpapers.model.paper import Paper
from boardpapers.paper_date import with_paper_date
from boardpapers.parsers.report import clear_caches as forget_lines
from boardpapers.workers import run_pool

if TYPE_CHECKING:
    from boardpapers.store import Store


def understand(layout: Layout) -> Paper:
    """classify -> parse -> extract: everything after reading, touching nothing outside.

    The line caches the stages share (labels, contacts, folded text) are emptied after
    each paper: their hits are within a paper, and kept across papers they held about
    20 MB of old paragraphs per worker, so memory grew with the number of files."""
    try:
        classification = genre.classify(layout)
        paper = parsers.parse(layout, classification)
        return with_paper_date(facts.extract(paper))
    finally:
        forget_lines()


def process(path: str | Path, fmt: str | None = None) -> Paper:
    """read -> classify -> parse -> extract for one file (``fmt`` forces a reader)."""
    return understand(readers.read(path, fmt))


# ------------------------------------------------------------------ batches


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    status: str  # ingested | present | failed | skipped
    reason: str | None = None
    doc_id: str | None = None
    genre: str | None = None
    title: str | None = None
    pages: int = 0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    interrupted: bool = False  # Ctrl-C: the files after the last outcome were not read
    not_started: int = 0

    @property
    def pages(self) -> int:
        return sum(o.pages for o in self.outcomes)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "failed")

    def to_json(self) -> dict[str, object]:
        return {s: self.count(s) for s in ("ingested", "present", "failed", "skipped")} | {
            "failures": [{"path": o.path, "reason": o.reason} for o in self.failed],
            "skipped_files": [{"path": o.path, "reason": o.reason} for o in self.outcomes
                              if o.status == "skipped"],
            "pages": self.pages, "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted, "not_started": self.not_started}


def _sha256(path: Path) -> str | None:
    if not_regular(path):
        return None  # never open a FIFO or device: the reader refuses it in one line
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def process_safely(path: str, fmt: str | None = None) -> tuple[Paper | None, str | None]:
    """Worker entry: a Paper, or the one-line reason it could not be made."""
    try:
        return process(path, fmt), None
    except BoardpapersError as exc:
        return None, getattr(exc, "reason", None) or str(exc)
    except Exception as exc:  # noqa: BLE001 - the batch boundary: report, never crash
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return None, (f"internal error {type(exc).__name__}: {exc} "
                      f"(at {Path(where.filename).name}:{where.lineno}; please report)")


Progress = Callable[[Outcome], None]


def ingest(paths: Iterable[str | Path], store: Store, *, workers: int = 1,
           follow_symlinks: bool = False, fmt: str | None = None,
           on_total: Callable[[int], None] | None = None,
           on_outcome: Progress | None = None, cluster: str | None = None) -> IngestSummary:
    """Read, understand and store every file; already-stored files are not read again.

    ``cluster`` (a Dask scheduler address) reads on the cluster's workers instead of a
    local pool of ``workers`` processes; storing stays here either way.

    Ctrl-C (KeyboardInterrupt) stops the workers at once and returns the summary so far,
    marked interrupted; what was stored stays stored and searchable."""
    started = time.perf_counter()
    outcomes: list[Outcome] = []

    def record(o: Outcome) -> None:
        outcomes.append(o)
        if on_outcome:
            on_outcome(o)

    interrupted, not_started = False, 0
    todo: list[Path] = []
    before: int | None = None  # outcomes recorded before reading began
    try:
        todo = _to_read(paths, store, record, on_total, follow_symlinks, fmt is not None)
        before = len(outcomes)
        results = _run(todo, workers, cluster, fmt)
        try:
            for path, (paper, reason) in results:
                record(_store_one(store, path, paper, reason))
        finally:
            results.close()  # ends the workers, also on Ctrl-C
    except KeyboardInterrupt:
        interrupted = True
        not_started = 0 if before is None else len(todo) - (len(outcomes) - before)
    finally:
        store.flush()  # what was stored becomes searchable, even if the batch was cut
    return IngestSummary(tuple(outcomes), time.perf_counter() - started, interrupted,
                         not_started)


def _to_read(paths: Iterable[str | Path], store: Store, record: Progress,
             on_total: Callable[[int], None] | None, follow_symlinks: bool,
             any_type: bool = False) -> list[Path]:
    """The files that need reading; refusals and already-stored files are recorded."""
    todo: list[Path] = []
    found = list(discover(paths, follow_symlinks=follow_symlinks, any_type=any_type))
    if on_total:
        on_total(len(found))
    for path, refusal in found:
        if refusal:
            status = "skipped" if isinstance(refusal, Skip) else "failed"
            record(Outcome(display_path(path), status, refusal))
            continue
        digest = _sha256(path)
        if digest and store.has(digest):
            record(Outcome(display_path(path), "present", moved_here(store, digest, path),
                           doc_id=digest))
        else:
            todo.append(path)
    return todo


def moved_here(store: Store, digest: str, path: Path) -> str | None:
    """A stored paper found at a new path while its old path is gone (moved or renamed):
    the new path is recorded, and the reason says so."""
    shown = display_path(path)
    before = store.path_of(digest)
    if before is None or before == shown or Path(before).exists():
        return None
    store.set_path(digest, shown)
    return f"moved from {before}"


Result = tuple[Paper | None, str | None]


def _run(paths: list[Path], workers: int,
         cluster: str | None = None,
         fmt: str | None = None) -> Generator[tuple[Path, Result], None, None]:
    if cluster is not None:
        from boardpapers.cluster import run_on_cluster
        yield from run_on_cluster(paths, cluster, fmt=fmt)
        return
    if workers <= 1 or len(paths) <= 1:
        for p in paths:
            yield p, process_safely(str(p), fmt)
        return
    by_name = {str(p): p for p in paths}
    work = functools.partial(process_safely, fmt=fmt)
    with contextlib.closing(run_pool(work, list(by_name), workers, _died)) as run:
        for name, result in run:
            yield by_name[name], result


def _died(reason: str) -> Result:
    return None, reason


def _store_one(store: Store, path: Path, paper: Paper | None,
               reason: str | None) -> Outcome:
    if paper is None:
        return Outcome(display_path(path), "failed", reason)
    try:
        stored = store.save(paper)
    except DatabaseError as exc:
        return Outcome(display_path(path), "failed", str(exc))
    status = "ingested" if stored else "present"
    return Outcome(display_path(path), status, doc_id=paper.source.sha256, genre=paper.genre,
                   title=paper.title, pages=paper.source.pages)
