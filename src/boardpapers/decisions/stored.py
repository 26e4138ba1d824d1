"""What became of each stored recommendation: the rows ``boardpapers decisions``, the
web's recommendations page and the API list, and the thread ``boardpapers
recommendation ID`` shows.

Read from the store, linked by ``linking.link_all`` each time (a decision stored later
changes the answer for papers stored before it), then filtered.
"""

from __future__ import annotations

import re
from typing import Any

from boardpapers.browse import Page, Window, slice_page
from boardpapers.decisions.linking import DecisionRef, Link, RecRef, link_all
from boardpapers.decisions.model import OUTCOMES, Decision
from boardpapers.model.errors import QuerySyntaxError
from boardpapers.query import normalise_filter
from boardpapers.store import Store

# "decided" (anything but pending) and "open" (pending) are kept from before outcomes
STATUS_FILTERS = (*OUTCOMES, "decided", "open")
_DECISION_FIELDS = tuple(Decision.__dataclass_fields__)


def recommendations(store: Store, *, cursor: str | None = None, limit: int = 50,
                    **filters: str | None) -> Page:
    """A page of ``recommendation_rows``, with the total."""
    window = Window.of(cursor, limit)
    rows = recommendation_rows(store, **filters)
    return slice_page(rows, window, len(rows))


def recommendation_rows(store: Store, *, body: str | None = None, since: str | None = None,
                        until: str | None = None, status: str | None = None,
                        officer: str | None = None,
                        kind: str | None = None) -> list[dict[str, Any]]:
    """Every recommendation and action, newest paper first, with its report, contact
    officers, what became of it (status, the decision, a deferral's meeting) and its
    thread."""
    if status and status not in STATUS_FILTERS:
        raise QuerySyntaxError(f"unknown status {status!r}: use one of "
                               f"{', '.join(STATUS_FILTERS)}")
    if kind and kind not in ("recommendation", "action"):
        raise QuerySyntaxError(f"unknown kind {kind!r}: use recommendation or action")
    rows = _linked(store, body)
    if since or until or officer or kind:
        keep = {r["id"] for r in _filtered(store, body, since, until, officer, kind)}
        rows = [r for r in rows if r["id"] in keep]
    return [r for r in rows if _status_matches(r["status"], status)]


def recommendation(store: Store, rec_id: str) -> dict[str, Any] | None:
    """One recommendation with its thread: every recommendation of every version of its
    report, and every decision taken on it, oldest first; None when no recommendation has
    that id, QuerySyntaxError when it is not an id or names several."""
    m = re.fullmatch(r"([0-9a-f]{4,64})-(\d+)-([ra])(\d+)", rec_id.strip().lower())
    if not m:
        raise QuerySyntaxError(f"{rec_id!r} is not a recommendation id (like "
                               "3fa9c1d2e4b5-0-r1, from `boardpapers decisions`)")
    rows = _linked(store, None)
    doc, report, kind, idx = m.groups()
    found = [r for r in rows if r["doc_id"].startswith(doc) and r["report_idx"] == int(report)
             and r["kind"][0] == kind and r["idx"] == int(idx)]
    if not found:
        return None
    if len(found) > 1:
        raise QuerySyntaxError(f"{rec_id!r} names {len(found)} recommendations: give more "
                               "of the paper's id")
    rec = found[0]
    members = [r for r in rows if r["thread"] == rec["thread"]]
    members.sort(key=lambda r: (r["date"] or "9999", r["doc_id"], r["report_idx"], r["idx"]))
    reports: dict[tuple[str, int], dict[str, Any]] = {}
    for r in members:
        reports.setdefault((r["doc_id"], r["report_idx"]), {
            "doc_id": r["doc_id"], "paper": r["paper"], "date": r["date"],
            "report": r["report"], "agenda_item": r["agenda_item"], "body": r["body"]})
    decisions: dict[tuple[str, int], dict[str, Any]] = {}
    for r in members:
        for d in r["history"]:
            decisions.setdefault((d["doc_id"], d["idx"]), d)
    return {"recommendation": rec, "thread": rec["thread"], "reports": list(reports.values()),
            "decisions": sorted(decisions.values(), key=lambda d: (d["date"] or "", d["doc_id"])),
            "recommendations": members}


def _status_matches(value: str, wanted: str | None) -> bool:
    if not wanted:
        return True
    if wanted == "decided":
        return value != "pending"
    if wanted == "open":
        return value == "pending"
    return value == wanted


def _linked(store: Store, body: str | None) -> list[dict[str, Any]]:
    """Every recommendation (of the boards ``body`` names) linked to its outcome."""
    rows = store.recommendation_list(body=body)
    for r in rows:
        r["id"] = f"{r['doc_id'][:12]}-{r['report_idx']}-{r['kind'][0]}{r['idx']}"
    links = link_all([_rec_ref(r) for r in rows], _decision_refs(store, body))
    officers = store.officer_names()
    for r in rows:
        r["officers"] = "; ".join(officers.get((r["doc_id"], r["report_idx"]), [])) or None
        r.update(_link_fields(links[r["id"]]))
    return rows


def _rec_ref(r: dict[str, Any]) -> RecRef:
    return RecRef(id=r["id"], doc_id=r["doc_id"], report_idx=r["report_idx"], text=r["text"],
                  report=r["report"], title_key=r["title_key"], agenda_item=r["agenda_item"],
                  date=r["date"], body=r["body"], authority=r["authority"])


def _decision_refs(store: Store, body: str | None) -> list[DecisionRef]:
    rows = store.decision_list(body=body)
    return [DecisionRef(doc_id=r["doc_id"], idx=r["idx"],
                        decision=Decision(**{k: r[k] for k in _DECISION_FIELDS}),
                        body=r["paper_body"], authority=r["authority"], paper=r["paper"],
                        title_key=r["title_key"]) for r in rows]


def _filtered(store: Store, body: str | None, since: str | None, until: str | None,
              officer: str | None, kind: str | None) -> list[dict[str, Any]]:
    """The ids of the recommendations the plain filters select."""
    rows = store.recommendation_keys(
        body=body, kind=kind, officer=officer,
        since=normalise_filter("since", since) if since else None,
        until=normalise_filter("until", until) if until else None)
    for r in rows:
        r["id"] = f"{r['doc_id'][:12]}-{r['report_idx']}-{r['kind'][0]}{r['idx']}"
    return rows


def _link_fields(link: Link) -> dict[str, Any]:
    """A link as the flat fields of a recommendation's row."""
    d = link.decision.decision if link.decision else None
    return {
        "status": link.status, "decision": d.text if d else None,
        "resolution": link.part,  # the numbered part of the decision that answers it
        "decided_on": d.date if d else None,
        "decision_paper": link.decision.doc_id if link.decision else None,
        "decision_item": d.item if d else None, "decision_maker": d.maker if d else None,
        "amendment": _last(link, "amendment"), "deferred_to": _last(link, "deferred_to"),
        "deferred_date": _last(link, "deferred_date"),
        "key_decision": d.key_decision if d else None,
        "call_in_deadline": d.call_in_deadline if d else None,
        "effective_date": d.effective_date if d else None,
        "votes": ({"for": d.votes_for, "against": d.votes_against,
                   "abstentions": d.abstentions} if d and d.votes_for is not None else None),
        "link": link.method, "confidence": link.confidence if link.decision else None,
        "unsure": link.unsure, "thread": link.thread,
        "history": [_decision_json(x) for x in link.history],
    }


def _last(link: Link, name: str) -> Any:
    """The newest decision's value of ``name`` in the history that has one: a deferral
    later agreed still says where it went."""
    return next((getattr(x.decision, name) for x in reversed(link.history)
                 if getattr(x.decision, name)), None)


def _decision_json(ref: DecisionRef) -> dict[str, Any]:
    return {"doc_id": ref.doc_id, "idx": ref.idx, "paper": ref.paper, "body": ref.body,
            **{k: getattr(ref.decision, k) for k in _DECISION_FIELDS}}
