"""Running the app under uvicorn for ``boardpapers serve``.

One process serves one request's Python at a time (the GIL); ``workers`` > 1 starts that
many processes on the same port (uvicorn's own supervisor), each with its own store and
its own short response cache, so searches use every core. The settings reach the worker
processes through the environment they inherit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from boardpapers.web.settings import WebSettings


def run(db: str | None, host: str, port: int, announce: Callable[[str], object],
        workers: int = 1) -> None:
    import uvicorn

    settings = WebSettings.from_env(db)
    announce(f"http://{host}:{port}/")
    if workers > 1:
        os.environ["BOARDPAPERS_DB"] = settings.db
        os.environ["BOARDPAPERS_DATA"] = str(settings.data_dir)
        uvicorn.run("boardpapers.web.serve:app_from_env", factory=True, workers=workers,
                    host=host, port=port, log_level="warning", access_log=False)
        return
    from boardpapers.web.app import create_app
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                access_log=False)


def app_from_env() -> Any:
    """The app a worker process builds from the settings its parent put in the
    environment."""
    from boardpapers.web.app import create_app
    return create_app(WebSettings.from_env())
