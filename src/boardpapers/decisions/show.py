"""Recommendations and their outcomes as the CLI prints them: one row per
recommendation for ``boardpapers decisions``, and a thread, oldest first, for
``boardpapers recommendation ID``."""

from __future__ import annotations

from typing import Any

COLUMNS = ("id", "date", "body", "report", "recommendation", "status", "decision",
           "decided_on", "deferred_to", "deferred_date", "confidence", "unsure", "thread")


def row_cells(r: dict[str, Any]) -> tuple[Any, ...]:
    """A row of ``decisions`` under COLUMNS."""
    status = r["status"] + (" (unsure)" if r["unsure"] else "")
    return (r["id"], r["date"], r["body"], r["report"], r["text"], status, r["decision"],
            r["decided_on"], r["deferred_to"], r["deferred_date"], r["confidence"],
            r["unsure"], r["thread"])


def thread_lines(thread: dict[str, Any]) -> list[str]:
    """A recommendation, then its thread: the report's versions and each decision."""
    rec = thread["recommendation"]
    out = [f"{rec['id']}  {rec['text']}",
           f"  report: {rec['report'] or '-'} ({rec['paper'] or '-'}, {rec['date'] or 'undated'}"
           f", item {rec['agenda_item'] or '-'})",
           f"  status: {_status(rec)}"]
    if rec["amendment"]:
        out.append(f"  amendment: {rec['amendment']}")
    if rec["deferred_to"]:
        out.append(f"  deferred to: {rec['deferred_to']}"
                   + (f" ({rec['deferred_date']})" if rec["deferred_date"] else ""))
    out.append(f"thread {thread['thread']}:")
    events = [(r["date"] or "", 0, f"  {r['date'] or 'undated'}  report  {r['report']} in "
               f"{r['paper'] or r['doc_id'][:12]}" + (f" (item {r['agenda_item']})"
                                                      if r["agenda_item"] else ""))
              for r in thread["reports"]]
    events += [(d["date"] or "", 1, f"  {d['date'] or 'undated'}  {d['outcome']:<8} "
                f"{d['maker'] or ''}" + (f", item {d['item']}" if d["item"] else "")
                + f": {_one_line(d['text'])}" + _deferral(d))
               for d in thread["decisions"]]
    out.extend(line for _, _, line in sorted(events))
    return out


def _status(rec: dict[str, Any]) -> str:
    if rec["status"] == "pending":
        return "pending (no decision found)"
    sure = "unsure, " if rec["unsure"] else ""
    return (f"{rec['status']} on {rec['decided_on'] or 'an undated meeting'} "
            f"({sure}linked by {rec['link']}, confidence {rec['confidence']})")


def _deferral(d: dict[str, Any]) -> str:
    if not d["deferred_to"]:
        return ""
    return f" -> {d['deferred_to']}"


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
