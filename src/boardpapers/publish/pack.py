"""A meeting's pack, made again from the database: a front page (board, council, date,
time, venue, contact), the membership by group, the agenda with the page each report
starts on, and each report (purpose, summary, recommendations, contact officers, then
its text). The agenda's page numbers are filled in by WeasyPrint from where the reports
land (CSS ``target-counter``), so they are right in the output whatever the reports'
lengths; the HTML carries links instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from boardpapers.browse import meeting as stored_meeting
from boardpapers.model.errors import BoardpapersError
from boardpapers.publish.rows import paper_json
from boardpapers.store import Store

FORMATS = ("pdf", "html")


class PackError(BoardpapersError):
    """No meeting to make a pack of."""


@dataclass(frozen=True, slots=True)
class PackReport:
    anchor: str
    title: str
    agenda_item: str | None
    purpose: str | None
    summary: str | None
    recommendations: tuple[str, ...]
    officers: tuple[str, ...]
    paragraphs: tuple[tuple[str, str], ...]  # (kind, text) in reading order


@dataclass(frozen=True, slots=True)
class PackItem:
    number: str
    title: str
    presenters: tuple[str, ...]
    confidential: bool
    anchor: str | None  # the report it links to


@dataclass(frozen=True, slots=True)
class Pack:
    doc_id: str
    body: str
    authority: str | None
    date: str | None
    time: str | None
    venue: str | None
    contact: str | None
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # group -> "Name (role)"
    items: tuple[PackItem, ...]
    reports: tuple[PackReport, ...]


def gather_pack(store: Store, ref: str) -> Pack:
    """The pack of the meeting held in the stored paper ``ref`` (id, 4+ characters of
    it, or path)."""
    doc = store.get(ref)
    if doc is None:
        raise PackError(f"no single stored paper matches {ref!r} (give a path or 4+ "
                        "characters of its id)")
    found = stored_meeting(store, doc["id"])
    if found is None:
        raise PackError(f"{doc['path']}: no meeting was found in this paper")
    reports = _reports(store, doc["id"])
    anchors = {r.idx: r.anchor for r in reports}
    items = tuple(PackItem(i["number"] or "", i["title"] or "", tuple(i["presenters"]),
                           bool(i["confidential"]), anchors.get(i["report_idx"]))
                  for i in found["items"])
    groups = tuple((group or "Members", tuple(_member(m) for m in members))
                   for group, members in found["groups"])
    contact = (paper_json(store, doc["id"]).get("meeting") or {}).get("contact") or {}
    return Pack(doc["id"], found["body"] or doc.get("title") or "Meeting",
                found["authority"], found["date"], found["time"], found["venue"],
                contact.get("text") or None, groups, items,
                tuple(r.report for r in reports))


@dataclass(frozen=True, slots=True)
class _Stored:
    idx: int
    anchor: str
    report: PackReport


def _reports(store: Store, doc_id: str) -> list[_Stored]:
    rows = store.rows_of(doc_id, "reports")
    recs = [r for r in store.rows_of(doc_id, "recommendations")
            if r["kind"] == "recommendation"]
    officers = store.rows_of(doc_id, "contact_officers")
    blocks = [b for b in store.rows_of(doc_id, "blocks") if b["report_idx"] is not None]
    out: list[_Stored] = []
    for r in rows:
        anchor = f"report-{r['idx'] + 1}"
        text = tuple((b["kind"], b["text"]) for b in blocks if b["report_idx"] == r["idx"])
        out.append(_Stored(r["idx"], anchor, PackReport(
            anchor, r["title"] or f"Report {r['idx'] + 1}", r["agenda_item"], r["purpose"],
            r["summary"], tuple(x["text"] for x in recs if x["report_idx"] == r["idx"]),
            tuple(", ".join(v for v in (o["name"], o["position"]) if v)
                  for o in officers if o["report_idx"] == r["idx"]),
            text)))
    return out


def _member(m: dict[str, Any]) -> str:
    role = (m.get("role") or "member").replace("_", " ")
    extra = [role] if role != "member" else []
    if m.get("authority"):
        extra.append(m["authority"])
    return m["name"] + (f" ({', '.join(extra)})" if extra else "")


def render_pack(pack: Pack, fmt: str) -> str | bytes:
    """The pack as HTML (str) or PDF (bytes)."""
    from boardpapers.publish.render import html_to_pdf, render
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    html = render("pack.html", pack=pack, pdf=fmt == "pdf")
    return html_to_pdf(html) if fmt == "pdf" else html
