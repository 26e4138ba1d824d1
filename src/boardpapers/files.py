"""Finding the files to ingest, safely, and naming them safely in output.

A folder walk takes only regular files of a supported type. It does not leave the folder
through a symbolic link unless asked (``follow_symlinks``): a ``passwd.txt`` link to
``/etc/passwd`` is skipped with its reason. Devices, FIFOs and sockets are never read (a
``.txt`` link to ``/dev/zero`` would never end). A folder that cannot be listed is
reported, not silently passed over.

File names are bytes on POSIX; a name that is not UTF-8 is shown and stored in a
faithful printable form (``\\xff`` for the byte 0xff), and every control character in
text meant for a terminal is shown escaped, never sent raw.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class Skip(str):
    """A reason a file found in a folder walk is passed over (not a failure)."""


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: undecodable bytes as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """Text with control characters (ESC, BEL, C1, bidi overrides) shown as escapes, so
    nothing from a paper or a file name can move the cursor or clear a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def not_regular(path: Path) -> str | None:
    """Why a path (after its links) must not be opened for reading, or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode)
            or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a directory"
            if stat.S_ISDIR(mode) else "not a regular file")
    return f"is {kind}, not a file: not read"


def discover(paths: Iterable[str | Path], *, follow_symlinks: bool = False,
             any_type: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Files to ingest, with a reason when one must be refused (or a ``Skip``).

    Folders are walked recursively (hidden entries skipped) and only files of a supported
    type are taken from them (others are skipped, with the reason); a file named
    explicitly with an unsupported type is refused. ``any_type`` (a forced reader) takes
    every file.
    """
    from boardpapers import readers
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, follow_symlinks, any_type)
        elif not path.exists():
            yield path, "file not found"
        elif not any_type and not readers.is_supported(path):
            yield path, unsupported(path)
        else:
            yield path, not_regular(path)


def unsupported(path: Path) -> str:
    """Why a file of a type no reader takes is not read, and what would read it."""
    return (f"unsupported file type {path.suffix.lower() or '(none)'!r}: not read "
            "(--format html, txt, md, pdf, docx or doc reads it as that)")


def _walk(root: Path, follow_symlinks: bool,
          any_type: bool = False) -> Iterator[tuple[Path, str | None]]:
    from boardpapers import readers
    real_root = root.resolve()
    seen: set[Path] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append,
                                                followlinks=follow_symlinks):
        yield from ((Path(e.filename or dirpath), Skip(f"folder not read: {e.strerror}"))
                    for e in _drain(errors))
        here = Path(dirpath)
        if follow_symlinks:  # a link back up the tree would loop forever
            real = here.resolve()
            if real in seen:
                dirnames[:] = []
                continue
            seen.add(real)
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            reason = _link_out(here / d, real_root, follow_symlinks, "folder")
            if reason:
                yield here / d, reason
            else:
                kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            child = here / name
            if name.startswith("."):
                continue
            if not any_type and not readers.is_supported(child):
                yield child, Skip(unsupported(child))
                continue
            reason = _link_out(child, real_root, follow_symlinks, "file")
            yield child, reason or (Skip(r) if (r := not_regular(child)) else None)
    yield from ((Path(e.filename or root), Skip(f"folder not read: {e.strerror}"))
                for e in _drain(errors))


def _drain(errors: list[OSError]) -> list[OSError]:
    found = errors[:]
    errors.clear()
    return found


def _link_out(path: Path, real_root: Path, follow: bool, what: str) -> Skip | None:
    """A Skip for a symbolic link leading out of the folder being ingested."""
    if follow or not path.is_symlink():
        return None
    target = path.resolve()
    if target == real_root or real_root in target.parents:
        return None
    return Skip(f"symbolic link to a {what} outside the folder: not followed "
                "(--follow-symlinks follows it)")
