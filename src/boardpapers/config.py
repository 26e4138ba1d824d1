"""What a user sets, in one place: the environment, else a config file, else defaults.

The file is TOML, read from ``$BOARDPAPERS_CONFIG``, else ``./boardpapers.toml`` when there
is one::

    db = "postgresql://postgres@127.0.0.1/boardpapers"
    token = "change-me"                 # allows uploads to `serve`
    data_dir = "/srv/boardpapers/uploads"
    max_upload_bytes = 52428800
    response_cache_seconds = 10
    index_dir = "/var/cache/boardpapers/index"

Each key has an environment variable that wins over the file (``ENVIRONMENT`` below); a
``--db`` flag wins over both. Nothing else reads the environment for these.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardpapers.model.errors import BoardpapersError

CONFIG_FILE = "boardpapers.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """Settings a user chose; None where they chose nothing (the caller's default holds)."""

    db: str | None = None  # database path or URL
    token: str | None = None  # the bearer token that allows writes to the web API
    data_dir: str | None = None  # where the server keeps uploaded files
    max_upload_bytes: int | None = None
    response_cache_seconds: float | None = None  # how long the server reuses an answer
    index_dir: str | None = None  # this machine's search index of a PostgreSQL database


ENVIRONMENT = {"db": "BOARDPAPERS_DB", "token": "BOARDPAPERS_TOKEN",
               "data_dir": "BOARDPAPERS_DATA", "max_upload_bytes": "BOARDPAPERS_MAX_UPLOAD",
               "response_cache_seconds": "BOARDPAPERS_CACHE_SECONDS",
               "index_dir": "BOARDPAPERS_INDEX"}
_TYPES = {"max_upload_bytes": int, "response_cache_seconds": float}


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """The file's settings overlaid with the environment's; a bad file or value is one
    BoardpapersError naming where it came from and what is wrong."""
    env = os.environ if environ is None else environ
    chosen = env.get("BOARDPAPERS_CONFIG")
    path = Path(chosen) if chosen else Path(CONFIG_FILE)
    values = _read_file(path) if chosen or path.is_file() else {}
    for key, name in ENVIRONMENT.items():
        if env.get(name):
            values[key] = _typed(key, env[name], name)
    return Config(**values)


def _read_file(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BoardpapersError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BoardpapersError(f"{path}: not a TOML config file: {exc}") from None
    known = {f.name for f in dataclasses.fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise BoardpapersError(f"{path}: unknown setting {unknown[0]!r}: use one of "
                               f"{', '.join(sorted(known))}")
    return {key: _typed(key, value, str(path)) for key, value in data.items()}


def _typed(key: str, value: object, where: str) -> Any:
    kind = _TYPES.get(key, str)
    if isinstance(value, bool) or (kind is str and not isinstance(value, str)):
        raise BoardpapersError(f"{where}: {key} must be text, not {value!r}")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise BoardpapersError(f"{where}: {key} must be a number, not {value!r}") from None
