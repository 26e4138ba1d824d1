"""The search index's folder beside the database: what may be deleted, and who may write.

The folder is ``<database>.index``. boardpapers marks a folder it made with a version
file, and never deletes or writes into a folder without that mark (a user's ``notes.index``
folder next to ``--db notes`` is theirs), nor follows a file or link at that name.
A lock file inside it queues writers: each ingest holds it from its database write until
its index commit, and readers look at it to tell "an ingest is filling the index" from
"a crash left the index behind".
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from boardpapers.model.errors import StoreError

VERSION_FILE = "boardpapers-version"
LOCK_FILE = "boardpapers-writer.lock"
# What tantivy writes into an index folder, the only files removed when an index from
# another version is thrown away to be rebuilt from the database.
TANTIVY_NAMES = frozenset({"meta.json", ".managed.json", ".tantivy-meta.lock",
                           ".tantivy-writer.lock"})
TANTIVY_SUFFIXES = frozenset({".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm",
                              ".del", ".terms", ".json"})


def check_folder(path: Path) -> None:
    """Refuse an index path that is not boardpapers' to use: a link, a file, or a folder
    with other things in it and no version mark."""
    if path.is_symlink():
        raise StoreError(f"{path} is a symbolic link, not boardpapers' search index: "
                         "move it aside or choose another --db")
    if not path.exists():
        return
    if not path.is_dir():
        raise StoreError(f"{path} is a file, not boardpapers' search index folder: "
                         "move it aside or choose another --db")
    if (path / VERSION_FILE).exists():
        return
    try:
        empty = not any(path.iterdir())
    except OSError as exc:
        raise StoreError(f"cannot read search index folder {path}: {exc.strerror}") from None
    if not empty:
        raise StoreError(f"{path} exists and was not made by boardpapers (no {VERSION_FILE} "
                         "in it): refusing to touch it; move it aside or choose another --db")


def is_ours(path: Path | None) -> bool:
    return path is not None and not path.is_symlink() and (path / VERSION_FILE).is_file()


def folder_writable(path: Path) -> bool:
    """Whether the index folder can be written (or created beside the database)."""
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK)


def remove_own_index(path: Path) -> None:
    """Delete the index files boardpapers' tantivy wrote, and nothing else."""
    for child in path.iterdir():
        if child.is_file() and not child.is_symlink() and (
                child.name in TANTIVY_NAMES or child.suffix in TANTIVY_SUFFIXES):
            child.unlink()
    (path / VERSION_FILE).unlink(missing_ok=True)


class IndexLock:
    """An exclusive advisory lock on the index folder's lock file (flock: released by
    the operating system when its holder dies, so a killed ingest never leaves it)."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / LOCK_FILE
        self._fd: int | None = None

    def acquire(self, *, wait: bool = True) -> bool:
        fd = os.open(self.file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def held_elsewhere(self) -> bool:
        """True if another holder has the lock; needs only read access."""
        try:
            fd = os.open(self.file, os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)
        return False
