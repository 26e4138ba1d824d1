"""Running the app under uvicorn for ``boardpapers serve``."""

from __future__ import annotations

from collections.abc import Callable

from boardpapers.web.settings import WebSettings


def run(db: str | None, host: str, port: int, announce: Callable[[str], object]) -> None:
    import uvicorn

    from boardpapers.web.app import create_app

    settings = WebSettings.from_env(db)
    app = create_app(settings)
    announce(f"http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
