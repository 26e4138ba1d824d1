"""`boardpapers watch FOLDER`: the folder, then each paper that lands in it."""

from __future__ import annotations

import threading
import time

from boardpapers.harvest.watch import watch_folder
from boardpapers.store import open_store

PAPER = ("Libraries Review\n\nPurpose of report\nFor information.\n\nSummary\n"
         "The mobile library will call at {} villages each week.\n")


def test_a_paper_dropped_in_the_folder_is_ingested(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "first.txt").write_text(PAPER.format("nine"), encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}", create=True)
    batches = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch_folder, args=(folder, store),
                               kwargs={"on_batch": batches.append, "stop": stop,
                                       "poll": True})
    watcher.start()
    try:
        _wait(lambda: len(batches) == 1)
        time.sleep(0.5)  # the watcher is listening
        (folder / "second.txt").write_text(PAPER.format("eleven"), encoding="utf-8")
        (folder / "notes.tmp").write_text("not a paper", encoding="utf-8")
        _wait(lambda: len(batches) == 2)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert [b.count("ingested") for b in batches] == [1, 1]
    assert [o.path.rsplit("/", 1)[-1] for o in batches[1].outcomes] == ["second.txt"]
    assert store.stats()["documents"] == 2
    store.close()


def _wait(done, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "timed out waiting for the watcher"
        time.sleep(0.05)
