"""Worker processes for ingest: a bounded, self-healing process pool.

``run_pool`` maps one function over many files in worker processes and yields each
result as it completes, with only a few files in flight per worker, so the memory of a
batch is flat however many files it holds. Workers die with their parent (Linux
``PR_SET_PDEATHSIG``, else a watcher thread), ignore Ctrl-C (the parent decides what
stops), and when one dies (the OOM killer, a crash in a C library) the pool is replaced:
the files that were in flight are read again one at a time, so only the file that kills
its worker fails.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

DIED = "the worker reading this file died (out of memory, or a crash in a library)"


@dataclass(frozen=True, slots=True)
class PoolSettings:
    """How many files wait in front of each worker: enough to keep it busy between
    results, few enough that finished papers never pile up in memory."""

    in_flight_per_worker: int = 3
    parent_poll_seconds: float = 1.0  # the watcher's period where prctl is not available


POOL = PoolSettings()
_PR_SET_PDEATHSIG = 1


def _worker_start(parent: int, poll: float) -> None:
    """Runs first in every worker: ignore Ctrl-C, and die when the parent does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _death_signal():
        threading.Thread(target=_watch_parent, args=(parent, poll), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent exits; False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, poll: float) -> None:
    while os.getppid() == parent:
        time.sleep(poll)
    os._exit(1)


def _new_pool(workers: int, settings: PoolSettings) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                               initargs=(os.getpid(), settings.parent_poll_seconds))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, not after their file."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            proc.terminate()
    for proc in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            proc.join(timeout=5)


def run_pool(fn: Callable[[K], T], items: list[K], workers: int, failed: Callable[[str], T],
             settings: PoolSettings = POOL) -> Generator[tuple[K, T], None, None]:
    """(item, fn(item)) for every item, in the order they finish.

    An item whose worker died gets ``failed(reason)``. Closing the iterator (or an
    exception in the caller, such as KeyboardInterrupt) ends the workers at once."""
    queue = deque(items)
    suspects: deque[K] = deque()  # in flight when a worker died: each is read again alone
    pending: dict[Future[T], K] = {}
    limit = max(1, workers * settings.in_flight_per_worker)
    pool = _new_pool(workers, settings)
    try:
        while queue or pending or suspects:
            if suspects:
                item = suspects.popleft()
                yield item, _alone(fn, item, failed, settings)
                continue
            while queue and len(pending) < limit:
                item = queue.popleft()
                pending[pool.submit(fn, item)] = item
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                item = pending.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    suspects.append(item)
                    broken = True
                    continue
                yield item, result
            if broken:
                suspects.extend(pending.values())
                pending.clear()
                _stop(pool)
                pool = _new_pool(workers, settings)
    finally:
        _stop(pool)


def _alone(fn: Callable[[K], T], item: K, failed: Callable[[str], T],
           settings: PoolSettings) -> T:
    """Read one file in a worker of its own: if that worker dies too, the file is why."""
    pool = _new_pool(1, settings)
    try:
        return pool.submit(fn, item).result()
    except BrokenProcessPool:
        return failed(DIED)
    finally:
        _stop(pool)
