"""Uploads: the token check, then the file checked and ingested like any other.

The file is written only inside the data directory, under a folder named after its
sha256 and a cleaned copy of its name; it goes through the same pipeline as
``boardpapers ingest`` (type by extension, size, zip bombs in .docx, readers), and a file
that fails is removed again.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import tempfile
from pathlib import Path

from fastapi import UploadFile
from starlette.exceptions import HTTPException

from boardpapers.model.errors import UnreadableFile
from boardpapers.pipeline import Outcome, ingest
from boardpapers.readers import extensions
from boardpapers.readers.docx_package import check_docx_package
from boardpapers.store import Store
from boardpapers.web.settings import WebSettings

CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def check_token(settings: WebSettings, authorization: str | None) -> None:
    """401 unless the request carries the server's token (writes are off without one)."""
    if not settings.token:
        raise HTTPException(401, "writes are disabled: the server has no BOARDPAPERS_TOKEN")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid token is needed to upload "
                            "(Authorization: Bearer <token>)")


def safe_name(filename: str | None) -> str:
    """A file name with no folders and only plain characters, keeping its extension."""
    name = Path((filename or "").replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = _UNSAFE.sub("-", stem).strip("-.")[:80] or "upload"
    return stem + suffix


def read_limited(file: UploadFile, limit: int) -> bytes:
    """The upload's bytes, or 413 as soon as it passes the limit."""
    data = bytearray()
    while chunk := file.file.read(CHUNK):
        data.extend(chunk)
        if len(data) > limit:
            raise HTTPException(413, f"{file.filename}: file is over the {limit}-byte "
                                "upload limit")
    return bytes(data)


def check_upload(name: str, data: bytes) -> None:
    """The checks ingest makes before reading, refused as one line naming the file."""
    suffix = Path(name).suffix.lower()
    if suffix not in extensions():
        raise HTTPException(415, f"{name}: unsupported file type {suffix or '(none)'!r}; "
                            f"send one of {', '.join(extensions())}")
    if not data.strip():
        raise HTTPException(400, f"{name}: file is empty")
    if suffix == ".docx":
        try:
            check_docx_package(data, name)
        except UnreadableFile as exc:
            raise HTTPException(422, str(exc)) from None


def save_upload(data_dir: Path, name: str, data: bytes) -> Path:
    """Write the bytes under data_dir/<sha256 prefix>/<name>; never anywhere else."""
    root = data_dir.resolve()
    target = (root / hashlib.sha256(data).hexdigest()[:16] / name).resolve()
    if not target.is_relative_to(root):
        raise HTTPException(400, f"{name}: not a file name this server accepts")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        handle.write(data)
    Path(handle.name).replace(target)
    return target


def ingest_upload(store: Store, settings: WebSettings, file: UploadFile) -> Outcome:
    name = safe_name(file.filename)
    data = read_limited(file, settings.max_upload_bytes)
    check_upload(name, data)
    path = save_upload(settings.data_dir, name, data)
    outcome = ingest([path], store).outcomes[0]
    stored = store.get(outcome.doc_id) if outcome.doc_id else None
    if outcome.status == "failed" or (stored and Path(stored["path"]) != path):
        path.unlink(missing_ok=True)  # refused, or the same bytes were already stored
        _remove_empty(path.parent, settings.data_dir)
    if outcome.status == "failed":
        raise HTTPException(422, f"{name}: {outcome.reason}")
    return outcome


def _remove_empty(folder: Path, root: Path) -> None:
    if folder.resolve() != root.resolve() and not any(folder.iterdir()):
        folder.rmdir()
