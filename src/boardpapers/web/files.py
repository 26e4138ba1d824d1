"""Serving a stored paper's original file, only when the file on disk is still the one
that was read (its sha256 is the paper's id): a moved or edited file is never served."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import FileResponse, Response
from starlette.exceptions import HTTPException

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def original_file(doc: dict[str, Any], request: Request) -> Response:
    etag = f'"{doc["id"]}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})
    path = Path(doc["path"])
    if not path.is_file() or file_sha256(path) != doc["id"]:
        raise HTTPException(404, f"{doc['path']}: the original file is no longer there "
                            "(moved or changed since it was ingested)")
    # An HTML original is sent as an attachment so it never runs in this site's origin.
    return FileResponse(path, media_type=MEDIA_TYPES.get(doc["format"],
                                                         "application/octet-stream"),
                        filename=path.name, headers={"etag": etag},
                        content_disposition_type="attachment")
