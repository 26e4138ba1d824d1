"""Ingest on a Dask cluster: the pure read -> classify -> parse -> extract chain mapped
over files on the cluster's workers, the results stored by the process that asked.

Why Dask (``distributed``) rather than Ray: it installs from PyPI as pure Python on top of
what we already have, starts a local 2-worker cluster in about a second, and its scheduler
already does what a distributed ingest needs — a task whose worker dies is run again on
another worker (up to the scheduler's ``distributed.scheduler.allowed-failures``, 3 by
default, after which that file alone is reported failed), so a dead worker loses no file. Measured
numbers are in docs/scale.md.

Workers need no access to the files: each file's bytes travel with its task and are
written to a private temporary folder on the worker, under the file's own name, so a
cluster of machines without a shared disk works the same as one machine.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardpapers.model.errors import BoardpapersError
from boardpapers.model.paper import Paper

Result = tuple[Paper | None, str | None]


class ClusterError(BoardpapersError):
    """The cluster could not be reached or used."""


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """How ingest uses a cluster."""

    connect_seconds: float = 10.0  # to reach the scheduler before giving up
    in_flight_per_worker: int = 4  # files sent ahead of each worker: busy, memory flat


CLUSTER = ClusterSettings()
DIED = "the cluster workers reading this file died each time (out of memory, or a crash)"


def process_bytes(name: str, data: bytes, fmt: str | None = None) -> Result:
    """Worker entry: the Paper of one file's bytes, its path as the client named it
    (``fmt`` forces a reader, as ``ingest --format`` does)."""
    from boardpapers.pipeline import process_safely
    with tempfile.TemporaryDirectory(prefix="boardpapers-") as folder:
        local = Path(folder) / Path(name).name
        local.write_bytes(data)
        paper, reason = process_safely(str(local), fmt)
    if paper is None:
        return None, reason
    return dataclasses.replace(paper, source=dataclasses.replace(paper.source, path=name)), None


def connect(address: str, settings: ClusterSettings = CLUSTER) -> Any:
    """A Dask client on the scheduler at ``address`` (tcp://host:8786), or ClusterError."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise ClusterError("--cluster needs the 'distributed' package") from None
    try:
        return Client(address, timeout=settings.connect_seconds, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the cluster scheduler at {address}: {exc}") from None


def run_on_cluster(paths: list[Path], address: str, task: Any = process_bytes,
                   settings: ClusterSettings = CLUSTER, fmt: str | None = None
                   ) -> Generator[tuple[Path, Result], None, None]:
    """Each file's result as it completes; a file whose workers kept dying, or that could
    not be read here to be sent, gets its reason."""
    from distributed import as_completed
    client = connect(address, settings)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        waiting = list(reversed(paths))
        running: dict[Any, Path] = {}
        done = as_completed(loop=client.loop)

        def send_next() -> Path | None:
            path = waiting.pop()
            try:
                data = path.read_bytes()
            except OSError:
                return path  # reported by the caller below
            future = client.submit(task, str(path), data, fmt, pure=False)
            running[future] = path
            done.add(future)
            return None

        unreadable: list[Path] = []
        while waiting and len(running) < workers * settings.in_flight_per_worker:
            if (bad := send_next()) is not None:
                unreadable.append(bad)
        for bad in unreadable:
            yield bad, (None, "file not found or unreadable")
        for future in done:
            path = running.pop(future)
            yield path, _result(future)
            while waiting:
                if (bad := send_next()) is None:
                    break
                yield bad, (None, "file not found or unreadable")
    finally:
        client.close()


def _result(future: Any) -> Result:
    try:
        result: Result = future.result()
        return result
    except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: this file only
        name = type(exc).__name__
        if name == "KilledWorker":
            return None, DIED
        return None, f"cluster error {name}: {exc}"
