"""Terminal rendering of stored papers and search results (Rich)."""

from __future__ import annotations

import html
import re
import sys
from typing import TYPE_CHECKING, Any

from boardpapers.search import SearchResult

if TYPE_CHECKING:
    from rich.console import Console


def escape(text: str) -> str:
    """Rich markup escaped (rich imported only when a terminal is drawn on)."""
    from rich.markup import escape as rich_escape
    return rich_escape(text)


def render_paper(console: Console, doc: dict[str, Any]) -> None:
    paper = doc["paper"]
    console.print(f"[bold]{escape(paper.get('title') or doc['path'])}[/bold]")
    console.print(f"{doc['id'][:12]}  {paper['genre']}  {paper.get('date') or ''}  "
                  f"{escape(paper.get('body') or '')}  {escape(doc['path'])}")
    meeting = paper.get("meeting")
    if meeting:
        console.print(f"\n[bold]Meeting[/bold] {escape(meeting.get('body') or '')} "
                      f"{meeting.get('date') or ''} {meeting.get('time') or ''} "
                      f"{escape(meeting.get('venue') or '')}")
        for item in meeting.get("items", []):
            flag = " [red](confidential)[/red]" if item.get("confidential") else ""
            pages = f"  p. {item['pages']}" if item.get("pages") else ""
            console.print(f"  {item['number']:>4}  {escape(item['title'])}{pages}{flag}")
        console.print(f"  members: {len(meeting.get('members', []))}")
    for report in paper.get("reports", []):
        console.print(f"\n[bold]Report[/bold] {escape(report.get('title') or '(untitled)')}")
        if report.get("purpose"):
            console.print(f"  purpose: {escape(report['purpose'])}")
        for rec in report.get("recommendations", []):
            console.print(f"  • {escape(rec)}")
        for c in report.get("contact_officers", []):
            parts = [c.get(k) for k in ("name", "position", "phone", "email") if c.get(k)]
            console.print(f"  contact: {escape(', '.join(parts))}")
    for item in paper.get("items", []):
        console.print(f"  [{item['kind']}] {escape(item['headline'])}")
    for v in doc.get("versions", []):
        console.print(f"\n[dim]also in {v['doc_id'][:12]} ({v['genre']}, {escape(v['path'])}):"
                      f" {escape(v['title'] or '')}[/dim]")


def _mark_to_rich(snippet: str) -> str:
    text = re.sub(r"</?mark>", lambda m: "\x00" if m.group(0) == "<mark>" else "\x01",
                  snippet)
    text = (escape(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    return text.replace("\x00", "[bold yellow]").replace("\x01", "[/bold yellow]")


def write_search_plain(result: SearchResult) -> None:
    """Search results as plain lines for a pipe or a log: no colour, no markup."""
    out = [f"{result.total} matching passages in {result.papers} papers"
           + (", newest first" if result.order == "date" else "")]
    if result.undated:
        out.append(f"{result.undated} more in papers with no date: add --undated to "
                   "include them")
    for hit in result.hits:
        extra = "".join((f"  (same text in {hit.copies} places)" if hit.copies > 1 else "",
                         f"  ({hit.passages} passages match in this paper)"
                         if hit.passages > 1 else ""))
        out.append(f"\n{hit.title or hit.path}  {hit.genre} {hit.date or 'undated'}  "
                   f"p.{hit.page}  {hit.doc_id[:12]}{extra}")
        where = " › ".join(x for x in (hit.report, hit.heading) if x)
        if where:
            out.append(f"  {where}")
        out.append("  " + html.unescape(re.sub(r"</?mark>", "", hit.snippet)))
    for name, values in result.facets.items():
        if values:
            out.append(f"\n{name}: " + ", ".join(f"{v} ({n})" for v, n in values))
    from boardpapers.files import printable
    sys.stdout.write("\n".join(printable(line) for line in "\n".join(out).split("\n"))
                     + "\n")


def render_search(console: Console, result: SearchResult) -> None:
    order = ", newest first" if result.order == "date" else ""
    console.print(f"[bold]{result.total}[/bold] matching passages in "
                  f"[bold]{result.papers}[/bold] papers{order}")
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
                      f"{hit.date or 'undated'}  p.{hit.page}  [dim]{hit.doc_id[:12]}[/dim]"
                      f"{note}")
        if where:
            console.print(f"  [dim]{escape(where)}[/dim]")
        console.print(f"  {_mark_to_rich(hit.snippet)}")
    for name, values in result.facets.items():
        if values:
            console.print(f"\n[bold]{name}[/bold]: " + ", ".join(
                f"{escape(v)} ({n})" for v, n in values))
