"""The publishing commands: brief, item add, pack, participation, ical, feed, export and
datasette-metadata. cli.py imports this module last, so each command registers on the
one Typer app and shares its --db handling and one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from boardpapers.cli import FormatOption, JsonOption, _fail, _store, _stored_paper, app
from boardpapers.model.errors import BoardpapersError
from boardpapers.output import Format, chosen, write_ndjson, write_rows

OutOption = Annotated[Path | None, typer.Option(
    "--out", "-o", help="Write to this file instead of standard output.")]
BodyOption = Annotated[str | None, typer.Option(
    "--body", help="Only papers of boards or bodies whose name holds this (any case).")]
BaseUrlOption = Annotated[str | None, typer.Option(
    "--base-url", help="Link papers to the web UI at this address "
    "(http://127.0.0.1:8000) instead of to their files.")]


def _emit(data: str | bytes, out: Path | None) -> None:
    """Text or bytes to the file named, else to standard output."""
    raw = data.encode() if isinstance(data, str) else data
    if out is None:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        out.write_bytes(raw)
        sys.stderr.write(f"wrote {out}\n")


@app.command()
def brief(week: Annotated[str, typer.Option("--week", help="The issue date, YYYY-MM-DD: the "
                                            "brief covers its Monday-to-Sunday week.")],
          body: BodyOption = None,
          fmt: Annotated[str, typer.Option("--format", "-f", help="md, html (e-mail, inline "
                                           "CSS), txt (plain-text alternative), eml (a MIME "
                                           "e-mail holding both) or pdf.")]
          = "md",
          publisher: Annotated[str | None, typer.Option(
              help="Who the brief is from (default: --body).")] = None,
          base_url: BaseUrlOption = None, out: OutOption = None) -> None:
    """The weekly policy brief: the week's briefing items and items added by hand, new
    reports and recommendations up for decision, deadlines, meetings and events."""
    from boardpapers.publish.brief import FORMATS, gather_brief, render_brief
    if fmt not in FORMATS:
        _fail(f"--format {fmt}: use one of {', '.join(FORMATS)}", 2)
    if fmt == "pdf" and out is None and sys.stdout.isatty():
        _fail("a PDF goes to a file: give --out brief.pdf", 2)
    try:
        made = gather_brief(_store(), _day(week), body=body, base_url=base_url,
                            publisher=publisher)
    except BoardpapersError as exc:
        _fail(exc)
    _emit(render_brief(made, fmt), out)


def _day(value: str) -> str:
    import datetime as dt
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        _fail(f"{value!r} is not a date: give YYYY-MM-DD", 2)


item_app = typer.Typer(help="Items added by hand for the weekly brief.", no_args_is_help=True)
app.add_typer(item_app, name="item")


@item_app.command("add")
def item_add(headline: Annotated[str, typer.Option("--headline", help="The item's headline.")],
             body: Annotated[str, typer.Option("--body", help="Its text.")] = "",
             link: Annotated[list[str] | None, typer.Option(
                 "--link", help="A link (repeat for more).")] = None,
             date: Annotated[str | None, typer.Option(
                 "--date", help="The day it is for, YYYY-MM-DD (default today).")] = None,
             kind: Annotated[str, typer.Option("--kind", help="news, vacancy or event.")]
             = "news",
             board: Annotated[str | None, typer.Option(
                 "--board", help="The body it belongs to, for brief --body.")] = None
             ) -> None:
    """Add an item to the brief of the week it is dated in (stored once however often
    it is added)."""
    from boardpapers.publish.items import ITEM_KINDS, add_item
    if kind not in ITEM_KINDS:
        _fail(f"--kind {kind}: use one of {', '.join(ITEM_KINDS)}", 2)
    store = _store()
    doc_id, added = add_item(store, headline, body, tuple(link or ()),
                             _day(date) if date else None, kind, board)
    sys.stdout.write(f"{'added' if added else 'already present'} {doc_id[:12]}\n")


@app.command()
def ical(body: BodyOption = None, out: OutOption = None,
         name: Annotated[str, typer.Option(help="The calendar's name.")] = "boardpapers"
         ) -> None:
    """An RFC 5545 calendar of meetings, deadlines and briefing events (Europe/London
    times; stable UIDs, so a subscribed calendar updates instead of duplicating)."""
    from boardpapers.publish.ical import all_events, to_ical
    _emit(to_ical(all_events(_store(), body), name), out)


@app.command()
def feed(query: Annotated[str | None, typer.Option(
             "--query", "-q", help="Only papers this search finds (the search syntax).")]
         = None,
         body: BodyOption = None,
         limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
         base_url: BaseUrlOption = None, out: OutOption = None) -> None:
    """An Atom feed of the newest stored papers, or of those a saved search finds."""
    from boardpapers.publish.feed import new_papers, to_atom
    store = _store()
    try:
        entries = new_papers(store, query=query, body=body, limit=limit, base_url=base_url)
    except BoardpapersError as exc:
        _fail(exc, 2)
    title = "boardpapers: new papers" + (f" matching {query}" if query else "") + (
        f" of {body}" if body else "")
    feed_id = "papers" + (f"?q={query}" if query else "") + (f"&body={body}" if body else "")
    _emit(to_atom(entries, title=title, feed_id=feed_id,
                  link=f"{base_url.rstrip('/')}/feed.atom" if base_url else None), out)


@app.command()
def export(table: Annotated[str, typer.Argument(
               help="papers, reports, recommendations, facts or councils.")],
           fmt: Annotated[str, typer.Option("--format", "-f", help="csv, ndjson or parquet.")]
           = "csv",
           out: OutOption = None) -> None:
    """One table as CSV, JSON Lines or Parquet, each row with the paper it came from."""
    from boardpapers.publish.export import FORMATS, TABLES, export_rows, write_export
    if table not in TABLES:
        _fail(f"unknown table {table!r}: choose one of {', '.join(TABLES)}", 2)
    if fmt not in FORMATS:
        _fail(f"--format {fmt}: use one of {', '.join(FORMATS)}", 2)
    if fmt == "parquet" and out is None and sys.stdout.isatty():
        _fail("Parquet goes to a file: give --out FILE.parquet", 2)
    rows = export_rows(_store(), table)
    try:
        if out is None:
            write_export(rows, fmt, sys.stdout.buffer)
        else:
            with out.open("wb") as handle:
                write_export(rows, fmt, handle)
    except BoardpapersError as exc:
        _fail(exc)
    sys.stderr.write(f"{len(rows)} rows\n")


@app.command("datasette-metadata")
def datasette_metadata(out: OutOption = None) -> None:
    """Datasette metadata naming and describing every table and column of the SQLite
    database: datasette boardpapers.db --metadata metadata.json."""
    import json

    from boardpapers.publish.datasette import metadata
    from boardpapers.store import database_file, database_url
    path = database_file(database_url(_state_db()))
    stem = Path(path).stem if path else "boardpapers"
    _emit(json.dumps(metadata(stem), indent=2, ensure_ascii=False) + "\n", out)


def _state_db() -> str | None:
    from boardpapers.cli import _state
    db = _state["db"]
    return db if isinstance(db, str) else None


@app.command()
def pack(meeting: Annotated[str, typer.Argument(help="The stored agenda or pack: its path "
                                                "or 4+ characters of its id.")],
         fmt: Annotated[str, typer.Option("--format", "-f", help="pdf or html.")] = "pdf",
         out: OutOption = None) -> None:
    """One meeting's pack: front page, membership, agenda with the pages its reports
    start on, and each report."""
    from boardpapers.publish.pack import FORMATS, gather_pack, render_pack
    if fmt not in FORMATS:
        _fail(f"--format {fmt}: use one of {', '.join(FORMATS)}", 2)
    if fmt == "pdf" and out is None and sys.stdout.isatty():
        _fail("a PDF goes to a file: give --out pack.pdf", 2)
    try:
        made = gather_pack(_store(), meeting)
    except BoardpapersError as exc:
        _fail(exc)
    _emit(render_pack(made, fmt), out)


@app.command()
def participation(paper: Annotated[str | None, typer.Argument(
                      help="A stored paper whose tables list councils (path or id).")]
                  = None,
                  councils: Annotated[Path | None, typer.Option(
                      "--councils", help="A file of council names, one a line, instead: "
                      "type and region from the register.")] = None,
                  chart: Annotated[Path | None, typer.Option(
                      "--chart", help="Write participation.svg and .png (one per list: "
                      "participation-2…) into this folder.")] = None,
                  as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Councils taking part, counted by type, region and political control with
    percentages; says where the paper's own summary figures differ."""
    from boardpapers.publish import participation as part
    if councils is not None:
        try:
            names = councils.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{councils}: cannot read it ({exc})")
        found = part.councils_from_names(names)
        made = [part.Summary(councils.name, tuple(found), part.counts(found))]
    elif paper is not None:
        store = _store()
        doc = _stored_paper(store, paper)
        made = part.summaries(doc["paper"])
        if not made:
            _fail(f"{doc['path']}: no table in it lists councils with their type, region "
                  "or control")
    else:
        _fail("give a stored paper, or --councils FILE", 2)
    _print_participation(made, chosen(fmt, as_json))
    for n, summary in enumerate(made if chart else ()):
        from boardpapers.publish.chart import write_charts
        stem = "participation" + (f"-{n + 1}" if n else "")
        for path in write_charts(summary, chart, stem):  # type: ignore[arg-type]
            sys.stderr.write(f"wrote {path}\n")


def _print_participation(made: list[Any], form: Format) -> None:
    from boardpapers.publish.participation import summary_json, table_rows
    if form is Format.json:
        write_ndjson(summary_json(s) for s in made)
        return
    rows = [(s.caption, *row) for s in made for row in table_rows(s)]
    write_rows(form, ("list", "by", "label", "councils", "percent"), rows)
    if form is Format.csv:
        return
    for s in made:
        name = s.caption or "the list"
        if s.differences:
            sys.stdout.write(f"{name}: the paper's own figures differ:\n")
            sys.stdout.writelines(f"  {d.describe()}\n" for d in s.differences)
        elif s.checked:
            sys.stdout.write(f"{name}: the paper's own summary ({', '.join(s.checked)}) "
                             "agrees\n")
