"""The server's settings, filled once from flags, the user's configuration (config.py:
the environment or a config file) and defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from boardpapers.config import load_config
from boardpapers.store import database_file, database_url

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What the server needs to know; nothing else is read from the environment later.

    ``data_dir`` is the only folder the server writes to (uploaded files); ``token``
    unset means every write is refused.
    """

    db: str
    data_dir: Path
    token: str | None = None
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    page_size: int = 20
    cache_seconds: int = 60  # Cache-Control max-age on reads
    response_cache_seconds: float = 10.0  # how long the server reuses a whole answer

    @classmethod
    def from_env(cls, db: str | None = None, data_dir: str | None = None) -> WebSettings:
        url = database_url(db)
        config = load_config()
        folder = data_dir or config.data_dir
        if folder is None:
            path = database_file(url)
            folder = f"{path}.uploads" if path else "boardpapers-data"
        limit, reuse = config.max_upload_bytes, config.response_cache_seconds
        return cls(db=url, data_dir=Path(folder).resolve(), token=config.token,
                   max_upload_bytes=MAX_UPLOAD_BYTES if limit is None else limit,
                   response_cache_seconds=10.0 if reuse is None else reuse)
