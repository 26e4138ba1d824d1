"""``boardpapers watch FOLDER``: ingest a shared folder, then whatever lands in it.

The folder is ingested once (papers already stored are left alone), then watchfiles
(inotify, or polling for network shares with ``poll``) reports files added or changed;
each batch of papers is ingested through the ordinary pipeline, so a changed file is a
new version and a file that cannot be read is one line, never the end of the watch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from boardpapers.pipeline import IngestSummary, ingest
from boardpapers.readers import is_supported
from boardpapers.store import Store

DEBOUNCE_MS = 800  # changes this close together are one batch (a copy in progress)


class PaperFilter(DefaultFilter):
    """Files of a type some reader takes, not editors' and systems' droppings."""

    def __call__(self, change: Change, path: str) -> bool:
        return change != Change.deleted and is_supported(Path(path)) and \
            super().__call__(change, path)


def watch_folder(folder: Path, store: Store, *, on_batch: Callable[[IngestSummary], None],
                 stop: threading.Event | None = None, poll: bool = False,
                 workers: int = 1) -> None:
    """Ingest ``folder``, then each batch of papers added or changed, until ``stop`` is
    set (or Ctrl-C)."""
    on_batch(ingest([folder], store, workers=workers))
    for changes in watch(folder, watch_filter=PaperFilter(), stop_event=stop,
                         force_polling=poll, debounce=DEBOUNCE_MS, poll_delay_ms=200):
        paths = sorted({Path(p) for _, p in changes if Path(p).is_file()})
        if paths:
            on_batch(ingest(paths, store, workers=workers))
