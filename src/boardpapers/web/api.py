"""The HTTP API under /api/v1: each handler reads its parameters and calls one library
function (search.py, browse.py, catalog.py, the store); the shapes are the CLI's JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Header, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from boardpapers import browse, catalog
from boardpapers.search import search as run_search
from boardpapers.store import Store
from boardpapers.web import files, upload
from boardpapers.web.filters import search_filters
from boardpapers.web.settings import WebSettings

router = APIRouter(prefix="/api/v1", tags=["api"])

Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=browse.MAX_PAGE)]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def find_paper(request: Request, ref: str) -> dict[str, Any]:
    doc = store_of(request).get(ref)
    if doc is None:
        raise HTTPException(404, f"no single stored paper matches {ref!r}")
    return doc


@router.get("/papers", summary="Stored papers, newest first")
def papers(request: Request, cursor: Cursor = None, limit: Limit = 20,
           genre: str | None = None, body: str | None = None, authority: str | None = None,
           since: str | None = None, until: str | None = None) -> dict[str, Any]:
    return browse.list_papers(store_of(request), cursor=cursor, limit=limit, genre=genre,
                              body=body, authority=authority, since=since,
                              until=until).to_json()


@router.get("/papers/{ref}", summary="One paper: its row, export contract and versions")
def paper(request: Request, ref: str) -> dict[str, Any]:
    doc = find_paper(request, ref)
    doc["versions"] = store_of(request).report_versions(doc["id"])
    return doc


@router.get("/papers/{ref}/paper.json", summary="The paper's export contract")
def paper_contract(request: Request, ref: str) -> dict[str, Any]:
    contract: dict[str, Any] = find_paper(request, ref)["paper"]
    return contract


@router.get("/papers/{ref}/file", summary="The original file", response_class=Response)
def paper_file(request: Request, ref: str) -> Response:
    return files.original_file(find_paper(request, ref), request)


@router.post("/papers", status_code=201, summary="Upload and ingest one paper (token)")
def upload_paper(request: Request, file: Annotated[UploadFile, File()],
                 authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    settings = settings_of(request)
    upload.check_token(settings, authorization)
    outcome = upload.ingest_upload(store_of(request), settings, file)
    status = 201 if outcome.status == "ingested" else 200
    return JSONResponse({"id": outcome.doc_id, "status": outcome.status,
                         "genre": outcome.genre, "title": outcome.title,
                         "url": f"/papers/{outcome.doc_id}"}, status)


@router.get("/search", summary="Ranked search with the CLI's query language")
async def search(request: Request, q: str, cursor: Cursor = None, limit: Limit = 10,
           body: str | None = None, genre: str | None = None, year: str | None = None,
           since: str | None = None, until: str | None = None, section: str | None = None,
           council: str | None = None, has: str | None = None,
           sort: Annotated[str, Query(description="relevance or date")] = "relevance"
           ) -> JSONResponse:
    """Run on the event loop, not in the thread pool (async): a search is CPU work under
    the GIL, so the thread hop only adds cost (server CPU per request at 50k 3.1 -> 2.7
    ms), and one worker's searches run one at a time. A rare long wait (the
    index rebuilt or catching up) holds that worker's other requests, which would wait
    for the index anyway."""
    offset = browse.decode_cursor(cursor)
    filters = search_filters(body=body, genre=genre, year=year, since=since, until=until,
                             section=section, council=council, has=has)
    result = run_search(store_of(request), q, filters=filters, limit=limit, offset=offset,
                        order=sort)
    out = result.to_json()
    more = offset + limit < result.total
    out["next_cursor"] = browse.encode_cursor(offset + limit) if more else None
    return JSONResponse(out)  # already plain JSON: no second validation pass


@router.get("/meetings", summary="Meetings, newest first")
def meetings(request: Request, cursor: Cursor = None, limit: Limit = 20,
             body: str | None = None, authority: str | None = None,
             since: str | None = None, until: str | None = None) -> dict[str, Any]:
    return browse.list_meetings(store_of(request), cursor=cursor, limit=limit, body=body,
                                authority=authority, since=since, until=until).to_json()


@router.get("/meetings/{doc_id}", summary="One meeting: members, agenda, neighbours")
def meeting(request: Request, doc_id: str) -> dict[str, Any]:
    found = browse.meeting(store_of(request), find_paper(request, doc_id)["id"])
    if found is None:
        raise HTTPException(404, f"paper {doc_id!r} records no meeting")
    return found


@router.get("/boards", summary="One board: meetings, members, papers")
def board(request: Request, body: str, authority: str | None = None) -> dict[str, Any]:
    found = browse.board(store_of(request), body, authority)
    if found is None:
        raise HTTPException(404, f"no board {body!r} of {authority or 'any authority'!r}")
    return found


@router.get("/councils", summary="Councils mentioned, linked to the register")
def councils(request: Request, cursor: Cursor = None, limit: Limit = 50,
             unlinked: bool = False) -> dict[str, Any]:
    """Linked to the register; with unlinked=true also the names it does not hold."""
    window = browse.Window.of(cursor, limit)
    rows = catalog.council_summary(store_of(request), include_unlinked=unlinked)
    return browse.slice_page(rows, window, len(rows)).to_json()


@router.get("/councils/{key}", summary="One council: register entry and every mention")
def council(request: Request, key: str, cursor: Cursor = None,
            limit: Limit = 50) -> dict[str, Any]:
    found = browse.council(store_of(request), key, cursor=cursor, limit=limit)
    if found is None:
        raise HTTPException(404, f"no council {key!r} in the papers or the register")
    found["mentions_page"] = found["mentions_page"].to_json()
    return found


@router.get("/facts", summary="Facts of one kind with their provenance")
def facts(request: Request, kind: str, cursor: Cursor = None, limit: Limit = 50,
          body: str | None = None, since: str | None = None,
          until: str | None = None) -> dict[str, Any]:
    found = catalog.list_facts(store_of(request), kind, body=body, since=since, until=until,
                               limit=min(limit, browse.MAX_PAGE),
                               after=browse.decode_key(cursor, browse.place_key))
    following = browse.encode_key(found.next_key) if found.next_key else None
    return browse.Page(found.rows, following).to_json()


@router.get("/recommendations", summary="Recommendations and actions with what became of "
            "each: status (agreed, amended, deferred, rejected, noted, pending), the "
            "decision, how sure the link is, and the thread")
def recommendations(request: Request, cursor: Cursor = None, limit: Limit = 50,
                    body: str | None = None, since: str | None = None,
                    until: str | None = None, status: str | None = None,
                    officer: str | None = None, kind: str | None = None) -> dict[str, Any]:
    return browse.recommendations(store_of(request), cursor=cursor, limit=limit, body=body,
                                  since=since, until=until, status=status, officer=officer,
                                  kind=kind).to_json()


@router.get("/recommendations/{rec_id}",
            summary="One recommendation and its thread: report versions and decisions")
def recommendation(request: Request, rec_id: str) -> dict[str, Any]:
    from boardpapers.decisions.stored import recommendation as thread_of
    found = thread_of(store_of(request), rec_id)
    if found is None:
        raise HTTPException(404, f"no recommendation {rec_id!r}")
    return found
