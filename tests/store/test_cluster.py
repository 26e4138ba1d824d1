"""Ingest on a Dask cluster (a local one with two worker processes, started here): the
same outcomes and the same stored papers as a local ingest, and a worker that dies
loses no file."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardpapers.cluster import ClusterError, process_bytes, run_on_cluster
from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import open_store

PAPERS = {
    "parking.txt": "Parking Charges Review\n\nPurpose of report\nFor decision.\n\n"
                   "Recommendations\nThat the Committee approves new parking charges.\n",
    "libraries.md": "# Library Opening Hours\n\n## Summary\n\nBranch libraries open on "
                    "Saturdays from April.\n",
    "broken.pdf": "%PDF-1.7 not really",
    "minutes.txt": "Minutes of the Licensing Committee\n\nPresent: Councillor A Patel "
                   "(Chair)\n\n1. Apologies\nNone were received.\n",
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local.scheduler_address


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in PAPERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _outcomes(summary) -> list[tuple[str, str]]:
    return sorted((Path(o.path).name, o.status) for o in summary.outcomes)


def test_cluster_ingest_stores_what_local_ingest_stores(cluster, batch, store_url):
    local = open_store(store_url("local"))
    on_cluster = open_store(store_url("cluster"))
    here = ingest([batch], local, workers=1)
    there = ingest([batch], on_cluster, cluster=cluster)
    assert _outcomes(there) == _outcomes(here)
    assert dict(_outcomes(there))["broken.pdf"] == "failed"
    assert {o.path for o in there.outcomes} == {o.path for o in here.outcomes}
    assert on_cluster.stats() == local.stats()
    found = search(on_cluster, "parking charges")
    assert found.total == search(local, "parking charges").total >= 1
    assert {h.path for h in found.hits} == {str(batch / "parking.txt")}
    again = ingest([batch], on_cluster, cluster=cluster)
    assert again.count("present") == 3 and again.count("ingested") == 0


def die_once(marks: str, name: str, data: bytes, fmt: str | None = None):
    """A task whose worker process dies the first time it reads the parking paper."""
    mark = Path(marks) / Path(name).name
    if name.endswith("parking.txt") and not mark.exists():
        mark.write_text("died here once")
        os._exit(1)
    return process_bytes(name, data, fmt)


def test_a_worker_that_dies_loses_no_file(cluster, batch, tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    paths = sorted(p for p in batch.iterdir() if p.suffix != ".pdf")
    results = dict(run_on_cluster(paths, cluster, task=functools.partial(die_once,
                                                                         str(marks))))
    assert set(results) == set(paths)
    assert all(paper is not None and reason is None for paper, reason in results.values())
    assert [p.name for p in marks.iterdir()] == ["parking.txt"]  # its worker died once
    assert {paper.source.path for paper, _ in results.values()} == {str(p) for p in paths}


def test_an_unreachable_cluster_is_one_clear_error(batch, tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    from boardpapers.cluster import ClusterSettings
    with pytest.raises(ClusterError, match="cannot reach the cluster"):
        list(run_on_cluster([batch / "parking.txt"], "tcp://127.0.0.1:9",
                            settings=ClusterSettings(connect_seconds=0.5)))
    assert store.stats()["documents"] == 0
