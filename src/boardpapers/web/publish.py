"""Publishing over HTTP: the weekly brief, the calendar, the Atom feed, CSV exports, a
meeting's pack and a paper's participation tables, each the CLI command's output
(publish/), so a calendar or feed reader can subscribe."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from boardpapers.model.errors import BoardpapersError
from boardpapers.publish import brief, export, feed, ical
from boardpapers.publish import pack as packs
from boardpapers.publish import participation as part
from boardpapers.web.api import find_paper, store_of

router = APIRouter(include_in_schema=False)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, week: Annotated[str | None, Query()] = None,
               body: Annotated[str | None, Query()] = None,
               format: Annotated[str, Query()] = "html") -> Response:
    """This week's brief (or the week of ``week``) as e-mail HTML, Markdown or text."""
    day = week or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise HTTPException(400, f"week: {day!r} is not a date (YYYY-MM-DD)") from None
    if format not in ("html", "md", "txt"):
        raise HTTPException(400, "format: use html, md or txt")
    made = brief.gather_brief(store_of(request), day, body=body,
                              base_url=str(request.base_url))
    text = str(brief.render_brief(made, format))
    kind = "text/html" if format == "html" else "text/plain"
    return Response(text, media_type=f"{kind}; charset=utf-8")


@router.get("/calendar.ics")
def calendar(request: Request, body: Annotated[str | None, Query()] = None) -> Response:
    data = ical.to_ical(ical.all_events(store_of(request), body))
    return Response(data, media_type="text/calendar; charset=utf-8")


@router.get("/feed.atom")
def atom(request: Request, q: Annotated[str | None, Query()] = None,
         body: Annotated[str | None, Query()] = None) -> Response:
    base = str(request.base_url).rstrip("/")
    entries = feed.new_papers(store_of(request), query=q, body=body, base_url=base)
    data = feed.to_atom(entries, title="boardpapers: new papers" + (f" matching {q}" if q
                                                                    else ""),
                        feed_id=str(request.url.include_query_params()).removeprefix(base),
                        link=str(request.url))
    return Response(data, media_type="application/atom+xml")


@router.get("/export/{table}.csv")
def export_csv(request: Request, table: str) -> Response:
    if table not in export.TABLES:
        raise HTTPException(404, f"no export {table!r}: {', '.join(export.TABLES)}")
    out = io.BytesIO()
    export.write_export(export.export_rows(store_of(request), table), "csv", out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{table}.csv"'})


@router.get("/meetings/{ref}/pack.{fmt}")
def meeting_pack(request: Request, ref: str, fmt: str) -> Response:
    """The meeting's pack as the ``pack`` command makes it: HTML, or PDF to download."""
    if fmt not in packs.FORMATS:
        raise HTTPException(404, f"no pack.{fmt}: use {', '.join(packs.FORMATS)}")
    doc = find_paper(request, ref)
    try:
        made = packs.gather_pack(store_of(request), doc["id"])
    except BoardpapersError as exc:
        raise HTTPException(404, str(exc)) from None
    data = packs.render_pack(made, fmt)
    if fmt == "html":
        return HTMLResponse(str(data))
    return Response(data, media_type="application/pdf", headers={
        "Content-Disposition": f'inline; filename="pack-{doc["id"][:8]}.pdf"'})


@router.get("/papers/{ref}/participation", response_class=HTMLResponse)
def participation_page(request: Request, ref: str) -> HTMLResponse:
    """The councils a paper lists, counted by type, region and control with the chart
    inline, and where the paper's own figures differ (the ``participation`` command)."""
    from boardpapers.publish.chart import svg_text
    from boardpapers.web.pages import render
    doc = find_paper(request, ref)
    made = part.summaries(doc["paper"])
    if not made:
        raise HTTPException(404, f"{doc['path']}: no table in it lists councils with their "
                            "type, region or control")
    return render(request, "participation.html", {
        "doc": doc, "paper": doc["paper"], "dimensions": part.DIMENSIONS,
        "lists": [(s, svg_text(s)) for s in made]})
