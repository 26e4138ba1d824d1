"""Terminal rendering of stored papers and search results (Rich)."""

from __future__ import annotations

import html
import re
import sys
from typing import TYPE_CHECKING, Any

from boardpapers.model.results import SearchResult
from boardpapers.vocab.text import fold

if TYPE_CHECKING:
    from rich.console import Console


def escape(text: str) -> str:
    """Rich markup escaped (rich imported only when a terminal is drawn on)."""
    from rich.markup import escape as rich_escape
    return rich_escape(text)


SUMMARY_CHARS = 400  # a report summary longer than this is cut, with an ellipsis


def render_paper(console: Console, doc: dict[str, Any]) -> None:
    """Everything extracted from a stored paper, as ``show`` prints it."""
    for line in paper_lines(doc):
        console.print(line)


def harvest_line(origin: dict[str, Any]) -> str:
    """Where a harvested paper came from: address, committee, meeting and item."""
    where = [escape(origin["url"])]
    if origin.get("committee"):
        where.append(escape(origin["committee"]))
    if origin.get("meeting_date"):
        where.append(f"meeting of {origin['meeting_date']}")
    if origin.get("item_number"):
        where.append(f"item {escape(origin['item_number'])} "
                     f"{escape(origin.get('item_title') or '')}".rstrip())
    return "harvested from " + ", ".join(where)


def _date_text(doc: dict[str, Any], paper: dict[str, Any]) -> str:
    """The stored date, saying so when it is its meeting's rather than printed in the paper."""
    date = doc.get("date") or paper.get("date") or "undated"
    return f"{date} (its meeting's date)" if doc.get("date_from") == "meeting" else date


def paper_lines(doc: dict[str, Any]) -> list[str]:
    """The lines of ``show`` (Rich markup; text from the paper escaped)."""
    paper = doc["paper"]
    out = [f"[bold]{escape(paper.get('title') or doc['path'])}[/bold]",
           "  ".join(x for x in (doc["id"][:12], _genre_text(paper),
                                 _date_text(doc, paper),
                                 escape(paper.get("body") or ""), escape(doc["path"])) if x)]
    if paper.get("authority"):
        out.append(f"published by {escape(paper['authority'])}")
    out += ocr_lines(paper.get("source") or {})
    out += [harvest_line(h) for h in doc.get("harvested", [])]
    if paper.get("meeting"):
        out += meeting_lines(paper["meeting"])
    for report in paper.get("reports", []):
        out += report_lines(report)
    out += briefing_lines(paper.get("items", []))
    out += plan_entry_lines(paper.get("entries", []))
    out += table_check_lines(paper.get("tables", []))
    if paper.get("trimmed"):
        out.append(f"\n[dim]note: {escape(paper['trimmed'])}[/dim]")
    if doc.get("superseded_by"):
        out.append(f"\n[dim]superseded: {escape(doc['path'])} was ingested again, changed, "
                   f"as {doc['superseded_by'][:12]}[/dim]")
    for v in doc.get("versions", []):
        out.append(f"\n[dim]also in {v['doc_id'][:12]} ({v['genre']}, {escape(v['path'])}):"
                   f" {escape(v['title'] or '')}[/dim]")
    return out


def ocr_lines(source: dict[str, Any]) -> list[str]:
    """Which pages' text came from OCR, with tesseract's confidence (0 = page of noise)."""
    found = source.get("ocr_confidence") or {}
    if not found:
        return []
    pages = ", ".join(f"p. {page} {float(c):.0f}%" for page, c in found.items())
    return [f"[yellow]read by OCR[/yellow] (confidence {pages})"]


def _when(x: dict[str, Any]) -> str:
    return " ".join(escape(str(x[k])) for k in ("date", "time", "venue") if x.get(k))


def meeting_lines(m: dict[str, Any]) -> list[str]:
    out = [f"\n[bold]Meeting[/bold] {escape(m.get('body') or '')} {_when(m)}"
           + (" (online)" if m.get("online") else "")
           + (f", ended {m['end_time']}" if m.get("end_time") else "")]
    if m.get("next_meeting"):
        out.append(f"  next meeting: {_when(m['next_meeting'])}")
    if m.get("contact"):
        out.append(f"  contact: {escape(m['contact'])}")
    out += _member_lines(m.get("members", []))
    for g in m.get("group_offices", []):
        out.append("  group office: " + escape(", ".join(
            x for x in (g.get("group"), g.get("phone"), g.get("email")) if x)))
    for label, key in (("present", "attendees"), ("apologies", "apologies"),
                       ("officers", "officers")):
        if m.get(key):
            out.append(f"  {label}: {escape('; '.join(m[key]))}")
    for d in m.get("declarations", []):
        out.append(f"  declaration: {escape(_one_line(d))}")
    for item in m.get("items", []):
        flag = " [red](confidential)[/red]" if item.get("confidential") else ""
        pages = f"  p. {item['pages']}" if item.get("pages") else ""
        by = f"  — {escape(', '.join(item['presenters']))}" if item.get("presenters") else ""
        out.append(f"  {item.get('number') or '':>4}  {escape(item.get('title') or '')}"
                   f"{pages}{by}{flag}")
        if item.get("decision"):
            out.append(f"        [green]decision:[/green] {escape(_one_line(item['decision']))}")
    return out


def _member_lines(members: list[dict[str, Any]]) -> list[str]:
    if not members:
        return []
    out = []
    for role in ("chair", "vice_chair"):
        for x in members:
            if x.get("role") == role:
                out.append(f"  {role.replace('_', ' ')}: {escape(_person(x))}")
    groups: dict[str, int] = {}
    for x in members:
        groups[x.get("group") or "no group given"] = groups.get(
            x.get("group") or "no group given", 0) + 1
    out.append(f"  members: {len(members)} (" + ", ".join(
        f"{escape(g)} {n}" for g, n in sorted(groups.items(), key=lambda kv: -kv[1])) + ")")
    return out


def _person(x: dict[str, Any]) -> str:
    name = " ".join(v for v in (x.get("title"), x.get("name"), x.get("honours")) if v)
    extra = ", ".join(v for v in (x.get("group"), x.get("position")) if v)
    return f"{name} ({extra})" if extra else name


def report_lines(r: dict[str, Any]) -> list[str]:
    where = ", ".join(x for x in (
        f"item {r['agenda_item']}" if r.get("agenda_item") else "",
        f"pp. {r['pages'][0]}–{r['pages'][1]}" if r.get("pages") else "") if x)
    out = [f"\n[bold]Report[/bold] {escape(r.get('title') or '(untitled)')}"
           + (f"  [dim]{where}[/dim]" if where else "")]
    facts = [("report of", r.get("report_of")), ("portfolio", r.get("portfolio")),
             ("wards", r.get("wards")), ("plan theme", r.get("plan_theme")),
             ("key decision", _yes_no(r.get("key_decision"))),
             ("confidential", _exempt(r))]
    out += [f"  {k}: {escape(str(v))}" for k, v in facts if v]
    if r.get("purpose"):
        out.append(f"  purpose: {escape(r['purpose'])}")
    if r.get("summary"):
        text = r["summary"]
        cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…" if len(text) > SUMMARY_CHARS else text
        out.append(f"  summary: {escape(cut)}")
    out += [f"  • {escape(rec)}" for rec in r.get("recommendations", [])]
    out += [f"  action: {escape(a)}" for a in r.get("actions", [])]
    for c in r.get("contact_officers", []):
        parts = [c.get(k) for k in ("name", "position", "phone", "email") if c.get(k)]
        out.append(f"  contact: {escape(', '.join(parts))}")
    return out


def _exempt(r: dict[str, Any]) -> str | None:
    if not r.get("confidential"):
        return None
    paras = r.get("exempt_paragraphs") or []
    why = r.get("exemption") or (f"Schedule 12A paragraph {', '.join(paras)}" if paras else "")
    return "yes" + (f" — {why}" if why else "")


def briefing_lines(items: list[dict[str, Any]]) -> list[str]:
    out = ["\n[bold]Items[/bold]"] if items else []
    for it in items:
        star = "★ " if it.get("highlighted") else ""
        section = f"  [dim]{escape(it['section'])}[/dim]" if it.get("section") else ""
        kind = escape("[" + str(it.get("kind")) + "]")
        out.append(f"  {star}{kind} {escape(it.get('headline') or '')}{section}")
        if it.get("dates"):
            out.append(f"      dates: {escape(', '.join(it['dates']))}")
        out += [f"      {escape(link)}" for link in it.get("links", [])]
    return out


def _genre_text(paper: dict[str, Any]) -> str:
    """"other (forward_plan)": the family the paper is stored under, and its form."""
    form = paper.get("form")
    return f"{paper['genre']} ({form})" if form else paper["genre"]


def plan_entry_lines(entries: list[dict[str, Any]]) -> list[str]:
    """A forward plan's decisions, one line each with when, by whom and whether key,
    then its lead member, contact and wards indented beneath."""
    out = [f"\n[bold]Decisions notified[/bold] ({len(entries)})"] if entries else []
    for e in entries:
        due = e.get("due_date") or e.get("decision_due")
        when = ", ".join(escape(str(x)) for x in (
            f"due {due}" if due else "", f"by {e['decision_maker']}"
            if e.get("decision_maker") else "") if x)
        key = {"yes": "  [red]key decision[/red]", "no": "  non-key"}.get(
            _yes_no(e.get("key_decision")) or "", "")
        out.append(f"  • {escape(e.get('title') or '(untitled)')}"
                   + (f"  [dim]{when}[/dim]" if when else "") + key)
        facts = [("lead member", e.get("lead_member")), ("contact", e.get("contact")),
                 ("wards", e.get("wards")), ("first published", e.get("first_published"))]
        out += [f"      {k}: {escape(_one_line(str(v)))}" for k, v in facts if v]
    return out


def table_check_lines(tables: list[dict[str, Any]]) -> list[str]:
    """Tables whose printed totals do not add up, check by check."""
    out = []
    for t in tables:
        for c in t.get("checks", []):
            if c.get("ok") is False:
                out.append(f"  [red]table check failed:[/red] "
                           f"{escape(t.get('caption') or 'untitled table')}: {c.get('kind')} "
                           f"of {escape(str(c.get('column')))} is {c.get('found')}, "
                           f"the figures give {c.get('expected')}")
    return (["\n[bold]Tables[/bold]"] + out) if out else []


def _mark_to_rich(snippet: str) -> str:
    text = re.sub(r"</?mark>", lambda m: "\x00" if m.group(0) == "<mark>" else "\x01",
                  snippet)
    text = (escape(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    return text.replace("\x00", "[bold yellow]").replace("\x01", "[/bold yellow]")


def write_search_plain(result: SearchResult) -> None:
    """Search results as plain lines for a pipe or a log: no colour, no markup."""
    out = [f"{result.total} matching passages in {_about(result)}{result.papers} papers"
           + (", newest first" if result.order == "date" else "")]
    if result.undated:
        out.append(f"{result.undated} more in papers with no date: add --undated to "
                   "include them")
    for hit in result.hits:
        extra = "".join((f"  (same text in {hit.copies} places)" if hit.copies > 1 else "",
                         f"  ({hit.passages} passages match in this paper)"
                         if hit.passages > 1 else ""))
        out.append(f"\n{hit.title or hit.path}  {hit.genre} {hit.date or 'undated'}  "
                   f"{_page(hit.page)}  {hit.doc_id[:12]}{extra}")
        where = " › ".join(x for x in (hit.report, hit.heading) if x)
        if where:
            out.append(f"  {where}")
        out.append("  " + html.unescape(re.sub(r"</?mark>", "", hit.snippet)))
    for name, values in result.facets.items():
        if values:
            out.append(f"\n{name}: " + ", ".join(f"{v} ({'≈' * result.estimated}{n})"
                                                 for v, n in values))
    from boardpapers.files import printable
    sys.stdout.write("\n".join(printable(line) for line in "\n".join(out).split("\n"))
                     + "\n")


def _about(result: SearchResult) -> str:
    """Papers and facets counted from a sample of very many matches are estimates."""
    return "about " if result.estimated else ""


def _page(page: int | None) -> str:
    return f"p.{page}" if page else "page unknown"


def render_search(console: Console, result: SearchResult) -> None:
    order = ", newest first" if result.order == "date" else ""
    console.print(f"[bold]{result.total}[/bold] matching passages in "
                  f"{_about(result)}[bold]{result.papers}[/bold] papers{order}")
    if result.undated:
        console.print(f"[dim]{result.undated} more in papers with no date: add --undated "
                      "to include them[/dim]")
    for hit in result.hits:
        where = " › ".join(x for x in (hit.report, hit.heading) if x)
        extra = []
        if hit.copies > 1:
            extra.append(f"same text in {hit.copies} places")
        if hit.passages > 1:
            extra.append(f"{hit.passages} passages match in this paper")
        note = f"  [magenta]({'; '.join(extra)})[/magenta]" if extra else ""
        console.print(f"\n[cyan]{escape(hit.title or hit.path)}[/cyan]  {hit.genre} "
                      f"{hit.date or 'undated'}  {_page(hit.page)}  "
                      f"[dim]{hit.doc_id[:12]}[/dim]"
                      f"{note}")
        if where:
            console.print(f"  [dim]{escape(where)}[/dim]")
        console.print(f"  {_mark_to_rich(hit.snippet)}")
    for name, values in result.facets.items():
        if values:
            console.print(f"\n[bold]{name}[/bold]: " + ", ".join(
                f"{escape(v)} ({'≈' * result.estimated}{n})" for v, n in values))


def _yes_no(value: Any) -> str | None:
    return None if value is None else "yes" if value else "no"


def _one_line(text: str) -> str:
    return fold(text)
