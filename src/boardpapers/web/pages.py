"""The HTML pages: each route gathers one context dict from library calls and renders
one template. Everything works without JavaScript; static/app.js only adds comfort."""

from __future__ import annotations

import csv
import functools
import io
from typing import Annotated, Any
from urllib.parse import quote_plus

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from boardpapers import browse, catalog
from boardpapers.model.errors import QuerySyntaxError
from boardpapers.publish.participation import council_lists
from boardpapers.search import search as run_search
from boardpapers.store.rows import council_key, title_key
from boardpapers.web import upload
from boardpapers.web.api import find_paper, settings_of, store_of
from boardpapers.web.diff import paragraph_diff
from boardpapers.web.filters import FILTER_PARAMS, search_filters
from boardpapers.web.highlight import marked_blocks
from boardpapers.web.settings import WebSettings
from boardpapers.web.views import council_label, fact_sidebar, genre_label, nice_date

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(__import__("pathlib").Path(__file__).parent
                                          / "templates"))
templates.env.filters["nice_date"] = nice_date
templates.env.filters["genre_label"] = genre_label
templates.env.filters["council_label"] = council_label
templates.env.globals["council_key"] = council_key

MAX_SEARCH_PAGE = 50


def render(request: Request, name: str, context: dict[str, Any],
           status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some parameters set or (None) removed; the page number goes
    back to 1 unless it is one of the changes."""
    params = dict(request.query_params)
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + "&".join(f"{_quoted(k)}={_quoted(v)}"
                                              for k, v in params.items()) if params else "")


@functools.lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    """urlencode's quoting, remembered: a search page builds dozens of links from the
    same few values (facets, pages)."""
    return quote_plus(value)


templates.env.globals["url_with"] = url_with


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = store_of(request)
    return render(request, "home.html", {
        "recent": browse.list_papers(store, limit=10).items,
        "coming": browse.upcoming(store), "stats": store.stats()})


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = "", page: Annotated[int, Query(ge=1)] = 1,
                      body: str | None = None, genre: str | None = None,
                      year: str | None = None, since: str | None = None,
                      until: str | None = None, section: str | None = None,
                      council: str | None = None, has: str | None = None,
                      sort: str = "relevance") -> HTMLResponse:
    """On the event loop like the API's search (api.search says why)."""
    size = settings_of(request).page_size
    given = {"body": body, "genre": genre, "year": year, "since": since, "until": until,
             "section": section, "council": council, "has": has}
    context: dict[str, Any] = {"q": q, "page": page, "active": {k: v for k, v in
                                                                 given.items() if v},
                               "result": None, "error": None, "pages": 0, "size": size,
                               "sort": sort}
    if q.strip() or any(given.values()):
        try:
            filters = search_filters(**given)
            result = run_search(store_of(request), q, filters=filters, limit=size,
                                offset=(min(page, MAX_SEARCH_PAGE) - 1) * size, order=sort)
        except QuerySyntaxError as exc:
            context["error"] = str(exc)
            return render(request, "search.html", context, status=400)
        context["result"] = result
        context["pages"] = min(MAX_SEARCH_PAGE, -(-result.total // size))
    return render(request, "search.html", context)


@router.get("/papers", response_class=HTMLResponse)
def papers_page(request: Request, cursor: str | None = None, genre: str | None = None,
                body: str | None = None, authority: str | None = None) -> HTMLResponse:
    page = browse.list_papers(store_of(request), cursor=cursor, limit=50, genre=genre,
                              body=body, authority=authority)
    return render(request, "papers.html", {"page": page, "genre": genre})


def ocr_pages(paper: dict[str, Any]) -> dict[int, float]:
    """Tesseract's confidence for each page of the paper that was read by OCR."""
    found = (paper.get("source") or {}).get("ocr_confidence") or {}
    return {int(page): float(c) for page, c in found.items()}


@router.get("/papers/{ref}", response_class=HTMLResponse)
def paper_page(request: Request, ref: str) -> HTMLResponse:
    store = store_of(request)
    doc = find_paper(request, ref)
    paper = doc["paper"]
    blocks = browse.paper_blocks(store, doc["id"])
    pages: dict[int, list[Any]] = {}
    for block, segments in marked_blocks(blocks, paper.get("facts") or {}):
        pages.setdefault(block["page"], []).append((block, segments))
    return render(request, "paper.html", {
        "doc": doc, "paper": paper, "pages": pages,
        "ocr": ocr_pages(paper),
        "sidebar": fact_sidebar(paper.get("facts") or {}),
        "versions": store.report_versions(doc["id"]),
        "meeting": browse.list_meetings_of_doc(store, doc["id"]),
        "participation": bool(council_lists(list(paper.get("tables") or [])))})


@router.get("/papers/{ref}/diff/{other}", response_class=HTMLResponse)
def diff_page(request: Request, ref: str, other: str) -> HTMLResponse:
    store = store_of(request)
    old, new = find_paper(request, other), find_paper(request, ref)
    shared = [v for v in store.report_versions(new["id"]) if v["doc_id"] == old["id"]]
    if not shared:
        raise HTTPException(404, "these two papers hold no report with the same title")
    key = title_key(shared[0]["title"])
    lines = paragraph_diff(browse.report_paragraphs(store, old["id"], key),
                           browse.report_paragraphs(store, new["id"], key))
    return render(request, "diff.html", {"old": old, "new": new, "title": shared[0]["title"],
                                         "lines": lines})


@router.get("/meetings/{ref}", response_class=HTMLResponse)
def meeting_page(request: Request, ref: str) -> HTMLResponse:
    doc = find_paper(request, ref)
    found = browse.meeting(store_of(request), doc["id"])
    if found is None:
        raise HTTPException(404, f"paper {ref!r} records no meeting")
    return render(request, "meeting.html", {"m": found, "doc": doc})


@router.get("/board", response_class=HTMLResponse)
def board_page(request: Request, body: str, authority: str | None = None) -> HTMLResponse:
    found = browse.board(store_of(request), body, authority)
    if found is None:
        raise HTTPException(404, f"no board {body!r} of {authority or 'any authority'}")
    return render(request, "board.html", {"b": found})


@router.get("/councils", response_class=HTMLResponse)
def councils_page(request: Request) -> HTMLResponse:
    return render(request, "councils.html",
                  {"rows": catalog.council_summary(store_of(request),
                                                   include_unlinked=True)})


@router.get("/councils/{key}", response_class=HTMLResponse)
def council_page(request: Request, key: str, cursor: str | None = None) -> HTMLResponse:
    found = browse.council(store_of(request), key, cursor=cursor)
    if found is None:
        raise HTTPException(404, f"no council {key!r} in the papers or the register")
    return render(request, "council.html", {"c": found, "key": key})


def _recommendation_args(request: Request) -> dict[str, str | None]:
    return {k: (request.query_params.get(k) or None)
            for k in ("body", "since", "until", "status", "officer", "kind")}


@router.get("/recommendations", response_class=HTMLResponse)
def recommendations_page(request: Request, cursor: str | None = None) -> HTMLResponse:
    args = _recommendation_args(request)
    try:
        page = browse.recommendations(store_of(request), cursor=cursor, limit=50, **args)
    except QuerySyntaxError as exc:
        return render(request, "recommendations.html",
                      {"page": None, "args": args, "error": str(exc)}, status=400)
    return render(request, "recommendations.html", {"page": page, "args": args,
                                                    "error": None})


CSV_COLUMNS = ("date", "body", "authority", "paper", "report", "agenda_item", "kind", "text",
               "status", "decision", "decided_on", "amendment", "deferred_to",
               "deferred_date", "confidence", "unsure", "thread", "officers", "doc_id", "id")


@router.get("/recommendations/{rec_id}", response_class=HTMLResponse)
def recommendation_page(request: Request, rec_id: str) -> HTMLResponse:
    from boardpapers.decisions.stored import recommendation as thread_of
    try:
        found = thread_of(store_of(request), rec_id)
    except QuerySyntaxError as exc:
        raise HTTPException(400, str(exc)) from None
    if found is None:
        raise HTTPException(404, f"no recommendation {rec_id!r}")
    return render(request, "recommendation.html", {"t": found})


@router.get("/recommendations.csv")
def recommendations_csv(request: Request) -> Response:
    rows = browse.recommendation_rows(store_of(request), **_recommendation_args(request))
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "content-disposition": 'attachment; filename="recommendations.csv"'})


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return render(request, "upload.html", {"error": None,
                                           "enabled": bool(settings_of(request).token)})


@router.post("/upload", response_class=HTMLResponse)
def upload_post(request: Request, file: Annotated[UploadFile, File()],
                token: Annotated[str, Form()] = "") -> Response:
    settings: WebSettings = settings_of(request)
    try:
        upload.check_token(settings, f"Bearer {token}")
        outcome = upload.ingest_upload(store_of(request), settings, file)
    except HTTPException as exc:
        return render(request, "upload.html", {"error": exc.detail,
                                               "enabled": bool(settings.token)},
                      status=exc.status_code)
    return RedirectResponse(f"/papers/{outcome.doc_id}", status_code=303)


__all__ = ["FILTER_PARAMS", "render", "router"]
