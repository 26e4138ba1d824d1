"""The FastAPI application: one Store, the API under /api/v1, the HTML pages, errors.

``create_app(settings)`` builds everything from one WebSettings value, so tests make an
app over a database of their own and ``boardpapers serve`` makes one over the user's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from boardpapers import __version__
from boardpapers.model.errors import BoardpapersError, QuerySyntaxError
from boardpapers.store import Store, open_store
from boardpapers.web.caching import ETagMiddleware
from boardpapers.web.settings import WebSettings

HERE = Path(__file__).parent

API_DESCRIPTION = """Read-only access to stored UK local-government board papers, their
meetings, councils, facts and recommendations, and full-text search with the CLI's query
language. Lists are paged with an opaque `cursor` (pass back `next_cursor`). Every GET
carries an ETag and Cache-Control; send If-None-Match to get 304. Errors are JSON:
`{"error": {"status": 404, "message": "..."}}`. Writing (POST /api/v1/papers) needs
`Authorization: Bearer <token>` matching the server's BOARDPAPERS_TOKEN."""


def create_app(settings: WebSettings, store: Store | None = None) -> FastAPI:
    from boardpapers.web import api, pages
    from boardpapers.web import publish as publish_routes

    app = FastAPI(title="boardpapers", version=__version__, description=API_DESCRIPTION,
                  openapi_url="/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.settings = settings
    # Reading needs an existing database; a server that takes uploads may start a new one.
    app.state.store = store or open_store(settings.db, create=settings.token is not None)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(publish_routes.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BoardpapersError, _boardpapers_error)
    app.add_middleware(ETagMiddleware, max_age=settings.cache_seconds,
                       cache_seconds=settings.response_cache_seconds)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON for the API, the error page for a person."""
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status)
    from boardpapers.web.pages import render
    return render(request, "error.html", {"status": status, "message": message},
                  status=status)


async def _http_error(request: Request, exc: Any) -> Response:
    return error_response(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Any) -> Response:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
    return error_response(request, 422, f"{where}: {first.get('msg', 'invalid value')}")


async def _boardpapers_error(request: Request, exc: Any) -> Response:
    status = 400 if isinstance(exc, QuerySyntaxError) else 422
    return error_response(request, status, str(exc))
